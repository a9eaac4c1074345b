package yaml

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// The fast path must give exactly what the full parser gives, on every
// front matter it accepts: the fixtures' files and a table of tricky lines.
func TestSimpleAgreesWithFull(t *testing.T) {
	loc := time.FixedZone("EST", -5*3600)
	docs := []string{
		"title: Hello\nlayout: post\n",
		"title: \"Big News: quoted\"\ndate: 2025-08-19T20:48:56\nauthor: \"badely\"\ncategories: [News]\ntags: []\n",
		"excerpt: \"It's here\"\nimage: assets/images/01115e7ea77c99b16dec8d761eeea6c1.jpg\n",
		"a: yes\nb: no\nc: on\nd: ~\ne: null\nf: 12\ng: 1_000\nh: 0x1f\ni: 1.5\nj: .inf\nk: 1:30\nl: 2024-02-30\n",
		"a: 'single ''quoted'''\nb: [1, two, \"three\", 'four', 2024-01-01]\nc: :title\nd: /:year/:month/\ne: -5\nf: +3\n",
		"date: 2023-01-29 18:30:22 -0800\nodd: 2023-01-29 18:30:22 2023 -0800\ntime: 12:30:45\n",
		"title: a # not a comment? \n", "key: value:\n", "x: [a, [b]]\n", "x: \"esc \\\" \"\n", "on: key\n",
		"a: 1\na: 2\n", "  indented: 1\n", "- list\n", "a: |\n  block\n", "a: &x 1\nb: *x\n", "a: !!str 1\n",
		"title: Träume und Ümläute\n", "---\ntitle: With the marker\ntags: [a]\n", "--- x\ntitle: y\n", "a: tab\there\n", "a: [x, y,]\n", "a: '\n", "a: \"\"\nb: ''\n",
	}
	root := "../../testdata/sites"
	filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || strings.Contains(p, ".jekyll") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		// The front matter block, found as simply as the fixtures allow.
		text := strings.ReplaceAll(string(src), "\r\n", "\n")
		if strings.HasPrefix(text, "---\n") {
			if end := strings.Index(text[4:], "\n---"); end >= 0 {
				docs = append(docs, text[4:4+end+1], text[:4+end+1])
			}
		}
		return nil
	})
	if len(docs) < 100 {
		t.Fatalf("only %d documents to compare", len(docs))
	}
	fast := 0
	for _, doc := range docs {
		m, ok := loadSimple([]byte(doc), &decoder{loc: loc})
		if !ok {
			continue
		}
		fast++
		full, err := loadFull([]byte(doc), loc)
		if err != nil {
			t.Errorf("%q: the fast path accepted what the full parser rejects: %v", doc, err)
			continue
		}
		if m.Len() == 0 {
			continue
		}
		if got, want := liquid.Inspect(m), liquid.Inspect(full); got != want {
			t.Errorf("%q:\n fast %s\n full %s", doc, got, want)
		}
	}
	if fast < len(docs)/2 {
		t.Errorf("the fast path took only %d of %d documents", fast, len(docs))
	}
}

// The front matter of a news post in the sample post's format, which the
// fast path takes; compare with BenchmarkLoadNewsFrontMatterFull.
const newsFrontMatter = `layout: post
title: "Big News: the harbour council approves a new ferry timetable"
date: 2025-08-19T20:48:56
author: "iris"
categories: [News]
tags: [harbour, ferries]
excerpt: "Meetings ran late, but the vote was clear and the new times start in May."
image: assets/images/01115e7ea77c99b16dec8d761eeea6c1.jpg
`

func BenchmarkLoadNewsFrontMatter(b *testing.B) {
	data := []byte(newsFrontMatter)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(data, time.UTC); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadNewsFrontMatterFull(b *testing.B) {
	data := []byte(newsFrontMatter)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadFull(data, localUTC); err != nil {
			b.Fatal(err)
		}
	}
}
