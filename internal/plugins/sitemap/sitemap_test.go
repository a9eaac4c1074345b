package sitemap

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
)

func TestMinify(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<a>\n  <b>", "<a>\n<b>"},
		{"<a>\n\n\t<b>", "<a>\n<b>"},
		{"<a>  <b>", "<a>  <b>"},
		{"{% if x %}\n  <b>", "{% if x %}<b>"},
		{"{{ x }} y", "{{ x }}y"},
		{"<a>", "<a>"},
	} {
		if got := minify(c.in); got != c.want {
			t.Errorf("minify(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestGenerate(t *testing.T) {
	cases := []struct {
		name    string
		files   map[string]string
		sitemap string // a part of sitemap.xml, or "" when the site's own is kept
		robots  string
	}{
		{name: "made", files: map[string]string{"a.md": "---\n---\nA"},
			sitemap: "<loc>https://x.example/a.html</loc>", robots: "Sitemap: https://x.example/sitemap.xml\n"},
		{name: "own pages", files: map[string]string{
			"map.xml": "---\npermalink: /sitemap.xml\n---\nmine", "robots.txt": "static robots\n"},
			robots: "static robots\n"},
		{name: "xsl", files: map[string]string{"sitemap.xsl": "x"},
			sitemap: `<?xml-stylesheet type="text/xsl" href="https://x.example/sitemap.xsl"?>`, robots: "Sitemap:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src, out := t.TempDir(), t.TempDir()
			c.files["_config.yml"] = "url: https://x.example\nplugins: [jekyll-sitemap]\n"
			for name, body := range c.files {
				if err := os.WriteFile(filepath.Join(src, name), []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var log bytes.Buffer
			if _, err := build.Build(build.Options{Source: src, Destination: out, Log: &log,
				Time: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), Plugins: []build.Plugin{Plugin{}}}); err != nil {
				t.Fatal(err)
			}
			got, _ := os.ReadFile(filepath.Join(out, "sitemap.xml"))
			if c.sitemap == "" {
				if string(got) != "mine" {
					t.Errorf("sitemap.xml = %q, want the site's own", got)
				}
			} else if !strings.Contains(string(got), c.sitemap) {
				t.Errorf("sitemap.xml = %q, want it to contain %q", got, c.sitemap)
			}
			robots, _ := os.ReadFile(filepath.Join(out, "robots.txt"))
			if !strings.HasPrefix(string(robots), c.robots) {
				t.Errorf("robots.txt = %q, want %q", robots, c.robots)
			}
		})
	}
}
