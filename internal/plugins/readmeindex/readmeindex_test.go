package readmeindex

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
)

func TestDirname(t *testing.T) {
	for in, want := range map[string]string{
		"/README.md":       "/",
		"/docs/README.md":  "/docs",
		"/docs/":           "/",
		"/a/b/":            "/a",
		"/":                "/",
		"README.md":        ".",
		"/a//b/README.md":  "/a//b",
		"/a%20b/README.md": "/a%20b",
	} {
		if got := dirname(in); got != want {
			t.Errorf("dirname(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReadmePattern(t *testing.T) {
	re := readmePattern([]string{"md", "markdown"})
	for in, want := range map[string]bool{
		"/README.md":        true,
		"/docs/ReadMe.MD":   true,
		"_coll/readme.md":   true,
		"/readme.markdown":  true,
		"/readme.txt":       false,
		"/docs/xreadme.md":  false,
		"/README.md.bak":    false,
		"/docs/README.mdx":  false,
		"README.md":         false,
		"/readme_md":        false,
		"/readme.markdown~": false,
	} {
		if got := re.MatchString(in); got != want {
			t.Errorf("%q: %v, want %v", in, got, want)
		}
	}
}

func TestGenerate(t *testing.T) {
	tests := []struct {
		name   string
		config string
		files  map[string]string
		urls   []string // page URLs, sorted
	}{
		{"readme becomes the index", "", map[string]string{"README.md": "x\n", "a/README.md": "y\n"},
			[]string{"/", "/a/"}},
		{"an index page wins", "", map[string]string{"README.md": "x\n", "index.html": "---\n---\n"},
			[]string{"/"}},
		{"index.xml counts", "", map[string]string{"a/README.md": "x\n", "a/INDEX.XML": "<x/>\n"},
			nil},
		{"disabled", "readme_index:\n  enabled: false\n", map[string]string{"README.md": "x\n"},
			nil},
		{"with front matter", "readme_index:\n  with_frontmatter: true\n",
			map[string]string{"index.md": "---\n---\n", "a/README.md": "---\n---\n"},
			[]string{"/", "/a/"}},
		{"bad options", "readme_index: [1]\n", map[string]string{"README.md": "x\n"},
			[]string{"/"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{"_config.yml": "plugins: [jekyll-readme-index]\n" + tt.config}
			for k, v := range tt.files {
				files[k] = v
			}
			for name, body := range files {
				p := filepath.Join(dir, filepath.FromSlash(name))
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var log bytes.Buffer
			s, err := build.Read(build.Options{Source: dir, Destination: filepath.Join(dir, "_site"),
				Time: time.Unix(0, 0), Log: &log, Plugins: []build.Plugin{Plugin{}}})
			if err != nil {
				t.Fatal(err)
			}
			var urls []string
			for _, p := range s.Pages {
				urls = append(urls, p.URL)
			}
			sort.Strings(urls)
			if strings.Join(urls, " ") != strings.Join(tt.urls, " ") {
				t.Errorf("page URLs %v, want %v", urls, tt.urls)
			}
			if strings.HasPrefix(tt.name, "bad") && !strings.Contains(log.String(), "_config.yml: readme_index must be a mapping") {
				t.Errorf("no warning naming the key: %q", log.String())
			}
		})
	}
}
