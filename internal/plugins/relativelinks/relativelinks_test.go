package relativelinks

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
)

func TestRewrite(t *testing.T) {
	rw := &rewriter{
		targets: map[string]string{
			"a.md":               "/a.html",
			"docs/b.md":          "/docs/b/",
			"my file.md":         "/my%20file.html",
			"_posts/2024-x.md":   "/2024/x.html",
			"assets/img.png":     "/assets/img.png",
			"docs/sub/c.md":      "/docs/sub/c.html",
			"docs/sub/c.md/more": "/never",
		},
		url: func(u string) (string, error) { return "/base" + u, nil },
	}
	tests := []struct {
		name, base, in, want string
	}{
		{"inline", ".", "[x](a.md)", "[x](/base/a.html)"},
		{"fragment and title", ".", `[x](docs/b.md#s "T")`, `[x](/base/docs/b/#s "T")`},
		{"escaped quote in title", ".", `[x](a.md "say \"hi\"")`, `[x](/base/a.html "say \"hi\"")`},
		{"from a folder", "docs", "[x](sub/c.md) [y](../a.md) [z](./b.md)", "[x](/base/docs/sub/c.html) [y](/base/a.html) [z](/base/docs/b/)"},
		{"from the root", "docs", "[x](/a.md)", "[x](/base/a.html)"},
		{"climbing out", "docs", "[x](../../a.md)", "[x](../../a.md)"},
		{"escaped", ".", "[x](my%20file.md) [y](my+file.md)", "[x](/base/my%20file.html) [y](/base/my%20file.html)"},
		{"absolute URLs and fragments stay", ".", "[x](http://e.com/a.md) [y](#a.md) [z](a1+b:a.md)", "[x](http://e.com/a.md) [y](#a.md) [z](a1+b:a.md)"},
		{"a bad scheme is a path", ".", "[x](1a:a.md)", "[x](1a:a.md)"},
		{"unknown stays", ".", "[x](nope.md)", "[x](nope.md)"},
		{"image", ".", "![alt](assets/img.png)", "![alt](/base/assets/img.png)"},
		{"reference gains a line", ".", "text\n[r]: a.md\n", "text\n\n[r]: /base/a.html\n"},
		{"reference at the start eats blank lines", ".", "\n\n[r]: a.md \"x\"", "\n[r]: /base/a.html \"x\""},
		{"a single-quoted title is part of the path", ".", "[r]: a.md 'x'", "[r]: a.md 'x'"},
		{"backslash before a quote", ".", `[x](a.md "a\\" b")`, `[x](/base/a.html "a\\" b")`},
		{"home folder", ".", "[x](~/a.md)", "[x](~/a.md)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := rw.rewrite(tt.in, tt.base)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("rewrite(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestOptions(t *testing.T) {
	tests := []struct {
		name, config, want string
	}{
		{"default", "", "[x](/a.html)"},
		{"disabled", "relative_links:\n  enabled: false\n", "[x](a.md)"},
		{"excluded", "relative_links:\n  exclude: [page.md]\n", "[x](a.md)"},
		{"bad options", "relative_links: on\n", "[x](/a.html)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{
				"_config.yml": "plugins: [jekyll-relative-links]\n" + tt.config,
				"page.md":     "---\n---\n[x](a.md)",
				"a.md":        "---\n---\na",
			}
			for name, body := range files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var log bytes.Buffer
			s, err := build.Read(build.Options{Source: dir, Destination: filepath.Join(dir, "_site"),
				Time: time.Unix(0, 0), Log: &log, Plugins: []build.Plugin{Plugin{}}})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range s.Pages {
				if p.Name == "page.md" && p.Body != tt.want {
					t.Errorf("got %q, want %q", p.Body, tt.want)
				}
			}
			if tt.name == "bad options" && !strings.Contains(log.String(), "_config.yml: relative_links must be a mapping") {
				t.Errorf("no warning naming the key: %q", log.String())
			}
		})
	}
}
