package redirectfrom

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
)

func readSite(t *testing.T, files map[string]string) (*build.Site, error) {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, "src", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var log bytes.Buffer
	return build.Read(build.Options{
		Source:      filepath.Join(dir, "src"),
		Destination: filepath.Join(dir, "out"),
		Log:         &log,
		Plugins:     []build.Plugin{New()},
	})
}

func TestGenerate(t *testing.T) {
	tests := []struct {
		name   string
		config string
		page   string
		want   []string // "url -> target" of the redirect pages, then redirects.json
	}{
		{"one path", "", "redirect_from: /old/", []string{"/old/ -> /a/", `{"/old/":"/a/"}`}},
		{"list with nils, leading slash added", "url: https://x.org\n", "redirect_from: [old.html, ~, /b/]",
			[]string{"/old.html -> https://x.org/a/", "/b/ -> https://x.org/a/", `{"/old.html":"https://x.org/a/","/b/":"https://x.org/a/"}`}},
		{"redirect_to keeps http URLs", "baseurl: /base\n", "redirect_to: [~, 'http://e.com/\"q\"']",
			[]string{`{"/a/":"http://e.com/\"q\""}`}},
		{"redirect_to a path", "baseurl: /base\n", "redirect_to: /b/", []string{`{"/a/":"/base/b/"}`}},
		{"json off", "redirect_from: {json: false}\n", "redirect_from: /old/", []string{"/old/ -> /a/"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := readSite(t, map[string]string{
				"_config.yml": "plugins: [jekyll-redirect-from]\n" + tc.config,
				"a.md":        "---\npermalink: /a/\n" + tc.page + "\n---\ntext\n",
			})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range s.Pages {
				switch p.Name {
				case "redirect.html":
					r := p.Data.Get
					m, _ := r("redirect")
					to, _ := m.(interface{ Get(string) (any, bool) }).Get("to")
					got = append(got, p.URL+" -> "+to.(string))
				case "redirects.json":
					got = append(got, p.Body)
				case "a.md":
					if r, _ := p.Data.Get("redirect"); r != nil && p.Body != "" {
						t.Errorf("a redirect_to page keeps its content %q", p.Body)
					}
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if s.Layouts["redirect"] == nil {
				t.Error("no redirect layout")
			}
		})
	}
}

func TestErrors(t *testing.T) {
	tests := []struct{ config, page, want string }{
		{"redirect_from: yes\n", "", "_config.yml: redirect_from: must be a mapping such as {json: false}, not true"},
		{"", "redirect_to: 5", "a.md: redirect_to must be a URL or a path, not 5"},
		{"", "redirect_to: {a: 1}", `a.md: redirect_to must be a URL or a path, not {"a"=>1}`},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			_, err := readSite(t, map[string]string{
				"_config.yml": "plugins: [jekyll-redirect-from]\n" + tc.config,
				"a.md":        "---\n" + tc.page + "\n---\n",
			})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestJSONString(t *testing.T) {
	for in, want := range map[string]string{
		`/a/`:        `"/a/"`,
		"q\"\\":      `"q\"\\"`,
		"tab\tnl\n":  `"tab\tnl\n"`,
		"\x01":       `"\u0001"`,
		"café/ü":     `"café/ü"`,
		"\u2028 end": "\"\u2028 end\"",
	} {
		var b strings.Builder
		writeJSONString(&b, in)
		if b.String() != want {
			t.Errorf("%q: got %s, want %s", in, b.String(), want)
		}
	}
}
