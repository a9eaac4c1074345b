package defaultlayout

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

func TestGenerate(t *testing.T) {
	tests := []struct {
		name    string
		layouts []string
		file    string // the document, its front matter and body
		want    any    // its layout afterwards; "absent" when the key is not set
	}{
		{"home for the index", []string{"home", "page", "default"}, "index.md", "home"},
		{"page without home", []string{"page", "default"}, "index.md", "page"},
		{"page", []string{"home", "page", "post", "default"}, "about.md", "page"},
		{"default for a page", []string{"home", "post", "default"}, "about.md", "default"},
		{"post", []string{"page", "post", "default"}, "_posts/2024-01-01-a.md", "post"},
		{"default for a post", []string{"page", "default"}, "_posts/2024-01-01-a.md", "default"},
		{"no layouts: nil", nil, "about.md", nil},
		{"not Markdown", []string{"default"}, "about.html", "absent"},
		{"collection document", []string{"default"}, "_things/a.md", "absent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{
				"_config.yml": "plugins: [jekyll-default-layout]\ncollections: [things]\n",
				tt.file:       "---\n---\nbody\n",
			}
			for _, l := range tt.layouts {
				files["_layouts/"+l+".html"] = "{{ content }}"
			}
			for name, body := range files {
				p := filepath.Join(dir, filepath.FromSlash(name))
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			s, err := build.Read(build.Options{Source: dir, Destination: filepath.Join(dir, "_site"),
				Time: time.Unix(2e9, 0), Log: os.Stderr, Plugins: []build.Plugin{Plugin{}}})
			if err != nil {
				t.Fatal(err)
			}
			var data *liquid.Map
			for _, p := range s.Pages {
				data = p.Data
			}
			for _, c := range s.Collections {
				for _, d := range c.Docs {
					data = d.Data
				}
			}
			if data == nil {
				t.Fatal("document not read")
			}
			got, ok := data.Get("layout")
			if !ok {
				got = "absent"
			}
			if got != tt.want {
				t.Errorf("layout %v, want %v", got, tt.want)
			}
		})
	}
}
