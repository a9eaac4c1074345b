package seo

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

func TestMinify(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<a>\n  <b>", "<a>\n<b>"},
		{"{% if x %}\n  <b>", "{% if x %}<b>"},
		{"{{ x }}", "{{x }}"},
		{"a,\n  b", "a,\nb"},
		{"a, b", "a, b"},
		{"<a>  <b>", "<a>  <b>"},
		// (?!-): the run gives back one character before a "-".
		{"}\n  -x", "} -x"},
		{"} -x", "} -x"},
	} {
		if got := minify(c.in); got != c.want {
			t.Errorf("minify(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTitleFalse(t *testing.T) {
	for markup, want := range map[string]bool{"": false, "title=false": true, " TITLE=False ": true, "title = false": false} {
		if titleFalse.MatchString(markup) != want {
			t.Errorf("title=false in %q: %v", markup, !want)
		}
	}
}

func TestImageHash(t *testing.T) {
	m := liquid.NewMap(2)
	m.Set("width", 3)
	m.Set("path", "/x.png")
	for _, c := range []struct {
		in   any
		keys string
	}{
		{"/a.png", "path"},
		{m, "path width"},
		{nil, "path"},
		{42, "path"},
	} {
		if got := strings.Join(imageHash(c.in).Keys(), " "); got != c.keys {
			t.Errorf("imageHash(%v) keys = %q, want %q", c.in, got, c.keys)
		}
	}
}

func TestIsAbsoluteURL(t *testing.T) {
	for s, want := range map[string]bool{"https://x": true, "mailto:a@b": true, "/a.png": false, "//cdn/x": false, "a.png": false} {
		if isAbsoluteURL(s) != want {
			t.Errorf("isAbsoluteURL(%q) = %v", s, !want)
		}
	}
}

// render builds a one-page site whose layout is {% seo %} and returns it.
func render(t *testing.T, config, data, front string) string {
	t.Helper()
	src, out := t.TempDir(), t.TempDir()
	files := map[string]string{
		"_config.yml":            "plugins: [jekyll-seo-tag]\n" + config,
		"_layouts/x.html":        "{% seo %}",
		"_data/authors.yml":      data,
		"_posts/2024-01-02-p.md": "---\nlayout: x\n" + front + "---\nBody text.\n",
	}
	for name, body := range files {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var log bytes.Buffer
	if _, err := build.Build(build.Options{Source: src, Destination: out, Log: &log,
		Time: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), Plugins: []build.Plugin{Plugin{}}}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(out, "2024/01/02/p.html"))
	if err != nil {
		t.Fatal(err)
	}
	return string(got)
}

func TestTag(t *testing.T) {
	cases := []struct {
		name, config, data, front string
		want, absent              []string
	}{
		{name: "site title and page title", config: "title: Site\n", front: "title: Page\n",
			want: []string{"<title>Page | Site</title>", `"headline":"Page"`, `"@type":"BlogPosting"`}},
		{name: "author from data", config: "author: jo\n", data: "jo:\n  name: Jo Doe\n  twitter: \"@jd\"\n",
			want: []string{`<meta name="author" content="Jo Doe" />`, `"author":{"@type":"Person","name":"Jo Doe"}`}},
		{name: "data may rename the author", data: "jo:\n  name: Other\n", front: "author: jo\n",
			want: []string{`content="Other"`}},
		{name: "first of authors", front: "authors: [ann, bob]\n", want: []string{`content="ann"`}},
		{name: "author of an unknown type", front: "author:\n  name: R\n  type: Robot\n",
			want: []string{`content="R"`}, absent: []string{`"author":`}},
		{name: "no url, no canonical link", front: "title: T\n", absent: []string{`rel="canonical"`}},
		{name: "canonical with url", config: "url: https://e.x\n",
			want: []string{`<link rel="canonical" href="https://e.x/2024/01/02/p.html" />`}},
		{name: "markdown in the title", front: "title: \"*Big* news\"\n", want: []string{`content="Big news"`}},
		{name: "description from the excerpt", want: []string{`<meta name="description" content="Body text." />`}},
		{name: "relative image", config: "url: https://e.x\n", front: "image: /i m.png\n",
			want: []string{`<meta property="og:image" content="https://e.x/i%20m.png" />`, `"image":"https://e.x/i%20m.png"`}},
		{name: "locale", config: "lang: pt-BR\n", want: []string{`content="pt_BR"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := render(t, c.config, c.data, c.front)
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %s in\n%s", w, got)
				}
			}
			for _, w := range c.absent {
				if strings.Contains(got, w) {
					t.Errorf("unexpected %s in\n%s", w, got)
				}
			}
		})
	}
}
