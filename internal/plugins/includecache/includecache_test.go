package includecache

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
)

func TestIncludeCached(t *testing.T) {
	cases := []struct {
		name, page, want, err string
	}{
		{name: "params", page: `{% include_cached x.html a="1" %}{% include_cached x.html a="2" %}`, want: "[1][2]"},
		{name: "variable name", page: `{% assign f = "x.html" %}{% include_cached {{ f }} a=f %}`, want: "[x.html]"},
		{name: "missing file", page: `{% include_cached nope.html %}`, err: "Could not locate the included file 'nope.html'"},
		{name: "bad params", page: `{% include_cached x.html a=%}`, err: "Invalid syntax for include tag"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src, out := t.TempDir(), t.TempDir()
			files := map[string]string{
				"_config.yml":      "plugins: [jekyll-include-cache]\n",
				"_includes/x.html": "[{{ include.a }}]",
				"index.html":       "---\n---\n" + c.page,
			}
			for name, body := range files {
				p := filepath.Join(src, name)
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var log bytes.Buffer
			_, err := build.Build(build.Options{Source: src, Destination: out, Log: &log, Plugins: []build.Plugin{Plugin{}}})
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
