package yaml

import (
	"encoding/json"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/broadsheet-ssg/broadsheet/internal/ruby"
)

// dump prints a value as testdata/gen_golden.rb does for Ruby's.
func dump(v any) string {
	switch v := v.(type) {
	case nil:
		return "nil"
	case bool:
		return strconv.FormatBool(v)
	case int:
		return "int:" + strconv.Itoa(v)
	case float64:
		return "float:" + ruby.FormatFloat(v)
	case string:
		if isBigInt(v) {
			// Psych gives an Integer too big for int; we keep its digits.
			return "int:" + v
		}
		return "str:" + jsonString(v)
	case liquid.Date:
		return "date:" + v.Format("2006-01-02")
	case time.Time:
		s := "time:" + v.Format("2006-01-02 15:04:05.000000000 -0700")
		if v.Location() == time.UTC {
			s += " UTC"
		}
		return s
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = dump(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case *liquid.Map:
		parts := make([]string, 0, v.Len())
		for _, k := range v.Keys() {
			e, _ := v.Get(k)
			parts = append(parts, jsonString(k)+": "+dump(e))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return "?"
}

func isBigInt(s string) bool {
	if len(s) < 19 {
		return false
	}
	for _, c := range strings.TrimPrefix(s, "-") {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func jsonString(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

func splitCases(t *testing.T, file string) ([]string, map[string]string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	bodies := map[string]string{}
	for _, c := range strings.Split(string(data), "=== ")[1:] {
		name, body, _ := strings.Cut(c, "\n")
		names = append(names, name)
		bodies[name] = body
	}
	return names, bodies
}

// TestPsychGolden loads every case of testdata/cases.txt and compares with
// what Psych 4.0.3 made of it (testdata/golden.txt, from gen_golden.rb).
func TestPsychGolden(t *testing.T) {
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	names, cases := splitCases(t, "testdata/cases.txt")
	_, golden := splitCases(t, "testdata/golden.txt")
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			want := strings.TrimSuffix(golden[name], "\n")
			v, err := Load([]byte(cases[name]), loc)
			var got string
			if err != nil {
				got = "error"
				if e, ok := err.(*Error); ok && strings.HasPrefix(want, "error line") {
					got = "error line " + strconv.Itoa(e.Line)
				}
			} else {
				got = dump(v)
			}
			if got != want {
				t.Errorf("\ngot  %s\nwant %s\nerr  %v", got, want, err)
			}
		})
	}
}

func TestNaNAndSignedZero(t *testing.T) {
	v, err := Load([]byte("[.nan, -0.0]"), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	list := v.([]any)
	if f := list[0].(float64); !math.IsNaN(f) {
		t.Errorf(".nan = %v", f)
	}
	if f := list[1].(float64); !math.Signbit(f) {
		t.Errorf("-0.0 lost its sign")
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		src  string
		line int
		msg  string
	}{
		{"a: 1\n b: 2\n", 2, "mapping values are not allowed"},
		{"a: *nope\n", 1, "unknown anchor"},
		{"a: !ruby/object:Foo {}\n", 1, "unspecified class"},
		{"a: !!float abc\n", 1, "invalid value for Float()"},
		{"a: 0x_\n", 1, "invalid value for Integer()"},
		{"a: &x [*x]\n", 1, "recursive alias"},
	}
	for _, tt := range tests {
		_, err := Load([]byte(tt.src), time.UTC)
		e, ok := err.(*Error)
		if !ok {
			t.Errorf("%q: error %v (%T), want *Error", tt.src, err, err)
			continue
		}
		if e.Line != tt.line || !strings.Contains(e.Msg, tt.msg) {
			t.Errorf("%q: got line %d %q, want line %d containing %q", tt.src, e.Line, e.Msg, tt.line, tt.msg)
		}
	}
}

func TestUTCLocIsLocal(t *testing.T) {
	// A zoneless timestamp with the site zone UTC prints "+0000" in Ruby,
	// while "Z" prints "UTC".
	v, _ := Load([]byte("[2024-05-01 10:00:00, 2024-05-01 10:00:00Z]"), time.UTC)
	list := v.([]any)
	if s := ruby.TimeString(list[0].(time.Time)); s != "2024-05-01 10:00:00 +0000" {
		t.Errorf("zoneless: %s", s)
	}
	if s := ruby.TimeString(list[1].(time.Time)); s != "2024-05-01 10:00:00 UTC" {
		t.Errorf("Z: %s", s)
	}
}

const benchFrontMatter = `---
layout: post
title: "A day at the harbour: boats, gulls and 3 cups of tea"
date: 2024-05-01 10:20:30 +0200
categories: [news, local]
tags:
  - harbour
  - boats
author: Ann Example
published: true
comments: yes
image: /assets/img/harbour.jpg
excerpt_separator: <!--more-->
`

func BenchmarkLoadFrontMatter(b *testing.B) {
	data := []byte(benchFrontMatter)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(data, time.UTC); err != nil {
			b.Fatal(err)
		}
	}
}
