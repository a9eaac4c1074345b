package gist

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
)

func TestArguments(t *testing.T) {
	for _, c := range []struct {
		in, id, file string
		ok           bool
	}{
		{"user/1", "user/1", "", true},
		{" abc best.md ", "abc", "best.md", true},
		{"a b c", "", "", false},
		{"user/1 two words", "user/1 two words", "", true},
		{"", "", "", false},
	} {
		id, file, ok := arguments(c.in)
		if id != c.id || file != c.file || ok != c.ok {
			t.Errorf("arguments(%q) = %q, %q, %v; want %q, %q, %v", c.in, id, file, ok, c.id, c.file, c.ok)
		}
	}
}

func TestGist(t *testing.T) {
	cases := []struct {
		name, config, page string
		quiet              bool
		want, err          string
	}{
		{name: "warned", page: "{% gist u/1 f.rb %}", want: `true<script src="https://gist.github.com/u/1.js?file=f.rb"> </script>`},
		{name: "quiet", page: "{% gist u/1 %}", quiet: true, want: `false<script src="https://gist.github.com/u/1.js"> </script>`},
		{name: "no noscript", config: "gist:\n  noscript: false\n", page: "{% gist u/1 %}", want: `<script src="https://gist.github.com/u/1.js"> </script>`},
		{name: "variable", page: `{% assign x = "v/9" %}{% gist x %}`, config: "gist:\n  noscript: false\n", want: `<script src="https://gist.github.com/v/9.js"> </script>`},
		{name: "bad markup", page: "{% gist a b c %}", err: "Syntax error in tag 'gist'"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src, out := t.TempDir(), t.TempDir()
			os.WriteFile(filepath.Join(src, "_config.yml"), []byte("plugins: [jekyll-gist]\n"+c.config), 0o644)
			os.WriteFile(filepath.Join(src, "index.html"), []byte("---\n---\n"+c.page), 0o644)
			var log bytes.Buffer
			opts := build.Options{Source: src, Destination: out, Log: &log, Plugins: []build.Plugin{Plugin{}}}
			if c.quiet {
				opts.Log = io.Discard
			}
			_, err := build.Build(opts)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error = %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got, _ := os.ReadFile(filepath.Join(out, "index.html"))
			if string(got) != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
