package optionalfrontmatter

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

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestGenerate(t *testing.T) {
	base := map[string]string{
		"a.md":          "# A\n",
		"README.md":     "readme\n",
		"Licence.md":    "licence\n",
		"docs/b.mkdn":   "b\n",
		"notes.txt":     "text\n",
		"with-fm.md":    "---\n---\nfm\n",
		"_coll/item.md": "item\n",
	}
	tests := []struct {
		name    string
		config  string
		pages   []string // page paths, sorted
		statics []string // static file paths, sorted
		warn    string
	}{
		{"default", "",
			[]string{"_coll/item.md", "a.md", "docs/b.mkdn", "with-fm.md"},
			[]string{"/Licence.md", "/README.md", "/a.md", "/docs/b.mkdn", "/notes.txt", "_coll/item.md"}, ""},
		{"remove originals", "optional_front_matter:\n  remove_originals: true\n",
			[]string{"_coll/item.md", "a.md", "docs/b.mkdn", "with-fm.md"},
			[]string{"/Licence.md", "/README.md", "/notes.txt"}, ""},
		{"include rescues a denied name", "include: [README.md]\n",
			[]string{"README.md", "_coll/item.md", "a.md", "docs/b.mkdn", "with-fm.md"},
			[]string{"/Licence.md", "/README.md", "/a.md", "/docs/b.mkdn", "/notes.txt", "_coll/item.md"}, ""},
		{"disabled", "optional_front_matter:\n  enabled: false\n",
			[]string{"with-fm.md"},
			[]string{"/Licence.md", "/README.md", "/a.md", "/docs/b.mkdn", "/notes.txt", "_coll/item.md"}, ""},
		{"require_front_matter", "require_front_matter: true\n",
			[]string{"with-fm.md"},
			[]string{"/Licence.md", "/README.md", "/a.md", "/docs/b.mkdn", "/notes.txt", "_coll/item.md"}, ""},
		{"bad options", "optional_front_matter: yes please\n",
			[]string{"_coll/item.md", "a.md", "docs/b.mkdn", "with-fm.md"},
			[]string{"/Licence.md", "/README.md", "/a.md", "/docs/b.mkdn", "/notes.txt", "_coll/item.md"},
			"_config.yml: optional_front_matter must be a mapping"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"_config.yml": "plugins: [jekyll-optional-front-matter]\ncollections:\n  coll:\n    output: true\n" + tt.config}
			for k, v := range base {
				files[k] = v
			}
			src := writeSite(t, files)
			var log bytes.Buffer
			s, err := build.Read(build.Options{Source: src, Destination: filepath.Join(src, "_site"),
				Time: time.Unix(0, 0), Log: &log, Plugins: []build.Plugin{Plugin{}}})
			if err != nil {
				t.Fatal(err)
			}
			var pages, statics []string
			for _, p := range s.Pages {
				pages = append(pages, p.RelPath)
			}
			for _, f := range s.StaticFiles {
				statics = append(statics, f.RelPath)
			}
			sort.Strings(pages)
			sort.Strings(statics)
			if strings.Join(pages, " ") != strings.Join(tt.pages, " ") {
				t.Errorf("pages %v, want %v", pages, tt.pages)
			}
			if strings.Join(statics, " ") != strings.Join(tt.statics, " ") {
				t.Errorf("static files %v, want %v", statics, tt.statics)
			}
			if tt.warn != "" && !strings.Contains(log.String(), tt.warn) {
				t.Errorf("log %q lacks %q", log.String(), tt.warn)
			}
		})
	}
}
