package liquid

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/ruby"
)

// goldenCase is one case of testdata/cases.txt; testdata/golden.rb rendered
// it with Ruby Liquid 5.4.0 into testdata/golden.json.
type goldenCase struct {
	name, mode, vars, tpl string
}

type goldenResult struct {
	Out      *string  `json:"out"`
	Error    string   `json:"error"`
	Warnings []string `json:"warnings"`
}

func readCases(t *testing.T, path string) []goldenCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []goldenCase
	var cur *goldenCase
	section := ""
	r := bufio.NewReader(f)
	for {
		line, err := r.ReadString('\n')
		if line == "" && err != nil {
			break
		}
		switch {
		case strings.HasPrefix(line, "=== "):
			fields := strings.Fields(line[4:])
			c := goldenCase{name: fields[0], mode: "warn"}
			if len(fields) > 1 {
				c.mode = fields[1]
			}
			cases = append(cases, c)
			cur = &cases[len(cases)-1]
			section = ""
		case cur != nil && strings.TrimRight(line, "\n") == "--- vars":
			section = "vars"
		case cur != nil && strings.TrimRight(line, "\n") == "--- tpl":
			section = "tpl"
		case cur != nil && section == "vars":
			cur.vars += line
		case cur != nil && section == "tpl":
			cur.tpl += line
		}
	}
	for i := range cases {
		cases[i].tpl = strings.TrimSuffix(cases[i].tpl, "\n")
	}
	return cases
}

// decodeVars reads JSON keeping key order (as *Map) and telling 1 from 1.0,
// as Ruby's JSON.parse does.
func decodeVars(src string) (map[string]any, error) {
	if strings.TrimSpace(src) == "" {
		return map[string]any{}, nil
	}
	d := json.NewDecoder(strings.NewReader(src))
	d.UseNumber()
	v, err := decodeValue(d)
	if err != nil {
		return nil, err
	}
	m, ok := v.(*Map)
	if !ok {
		return nil, fmt.Errorf("vars must be an object")
	}
	out := make(map[string]any, m.Len())
	for _, k := range m.Keys() {
		out[k], _ = m.Get(k)
	}
	return out, nil
}

func decodeValue(d *json.Decoder) (any, error) {
	tok, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch tok := tok.(type) {
	case json.Delim:
		switch tok {
		case '{':
			m := NewMap(4)
			for d.More() {
				k, err := d.Token()
				if err != nil {
					return nil, err
				}
				v, err := decodeValue(d)
				if err != nil {
					return nil, err
				}
				m.Set(k.(string), v)
			}
			if _, err := d.Token(); err != nil {
				return nil, err
			}
			if m.Len() == 1 {
				if s, ok := m.vals["$time"].(string); ok {
					return ruby.ParseTime(s, time.UTC)
				}
				if s, ok := m.vals["$date"].(string); ok {
					t, err := time.Parse("2006-01-02", s)
					return Date{t}, err
				}
			}
			return m, nil
		case '[':
			a := []any{}
			for d.More() {
				v, err := decodeValue(d)
				if err != nil {
					return nil, err
				}
				a = append(a, v)
			}
			_, err := d.Token()
			return a, err
		}
	case json.Number:
		if strings.ContainsAny(string(tok), ".eE") {
			return tok.Float64()
		}
		n, err := tok.Int64()
		return int(n), err
	}
	return tok, nil
}

func TestGolden(t *testing.T) {
	cases := readCases(t, "testdata/cases.txt")
	raw, err := os.ReadFile("testdata/golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var golden map[string]goldenResult
	if err := json.Unmarshal(raw, &golden); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want, ok := golden[c.name]
			if !ok {
				t.Fatalf("no golden result; run ruby testdata/golden.rb")
			}
			vars, err := decodeVars(c.vars)
			if err != nil {
				t.Fatalf("vars: %v", err)
			}
			e := NewEngine()
			mode, opts, _ := strings.Cut(c.mode, ",")
			e.SetErrorMode(mode)
			e.SetStrictVariables(strings.Contains(opts, "strict_variables"))
			e.SetStrictFilters(strings.Contains(opts, "strict_filters"))
			e.SetLocation(time.UTC)
			var out bytes.Buffer
			gotErr := ""
			tpl, err := e.Parse(c.tpl, "t.html")
			if err == nil {
				var warnings []string
				for _, w := range tpl.Warnings() {
					warnings = append(warnings, w.RubyMessage())
				}
				if strings.Join(warnings, "\n") != strings.Join(want.Warnings, "\n") {
					t.Errorf("warnings:\n got %q\nwant %q", warnings, want.Warnings)
				}
				err = tpl.Render(NewContext(vars), &out)
			}
			if err != nil {
				le, ok := err.(*Error)
				if !ok {
					t.Fatalf("error %v is not an *Error", err)
				}
				gotErr = le.RubyMessage()
			}
			if gotErr != want.Error {
				t.Errorf("error:\n got %q\nwant %q", gotErr, want.Error)
			}
			if want.Out != nil && out.String() != *want.Out {
				t.Errorf("template %q\n got %q\nwant %q", c.tpl, out.String(), *want.Out)
			}
		})
	}
}
