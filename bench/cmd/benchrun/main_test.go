package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseTime(t *testing.T) {
	cases := []struct {
		in       string
		wall     float64
		cpu, rss float64
		bad      bool
	}{
		{in: "1.50 2.25 0.25 204800\n", wall: 1.5, cpu: 2.5, rss: 200},
		{in: "Command exited with non-zero status 1\n0.10 0.05 0.01 1024\n", wall: 0.1, cpu: 0.06, rss: 1},
		{in: "garbage\n", bad: true},
		{in: "1 2 x 4\n", bad: true},
	}
	for _, c := range cases {
		name := filepath.Join(t.TempDir(), "time.txt")
		if err := os.WriteFile(name, []byte(c.in), 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := parseTime(name)
		if c.bad {
			if err == nil {
				t.Errorf("%q: no error", c.in)
			}
			continue
		}
		if err != nil || r.wall != c.wall || abs(r.cpu-c.cpu) > 1e-9 || r.rss != c.rss {
			t.Errorf("%q: got %+v, %v", c.in, r, err)
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
	} {
		if got := median(c.in); got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

// A build that fails in any run is reported as failed, never timed.
func TestSummariseFailure(t *testing.T) {
	rs := []result{{ok: true, wall: 1}, {failure: "boom"}}
	if row, why := summarise(rs); row.ok || why != "boom" {
		t.Errorf("got %+v, %q", row, why)
	}
	if row, _ := summarise([]result{{ok: true, wall: 2, pages: 7}}); !row.ok || row.wall != 2 || row.pages != 7 {
		t.Errorf("got %+v", row)
	}
}

func TestMissingPages(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"index.html", "archive/index.html", "categories/index.html", "tags/index.html", "categories/news/index.html", "feed.xml", "page/2/index.html", "a/index.html", "b/index.html"} {
		p = filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, nil, 0o644)
	}
	got := strings.Join(missingPages(dir, 20), "; ")
	for _, want := range []string{"sitemap.xml", "posts (8 pages for 20 posts)"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
	if strings.Contains(got, "feed.xml") || strings.Contains(got, "pagination") {
		t.Errorf("reported present pages as missing: %q", got)
	}
}
