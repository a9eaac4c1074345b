package paginate

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/content"
)

// readSite writes files into a fresh site folder and runs the read and
// generate phases with the plugin on.
func readSite(t *testing.T, files map[string]string) (*build.Site, string, error) {
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
	s, err := build.Read(build.Options{
		Source:      filepath.Join(dir, "src"),
		Destination: filepath.Join(dir, "out"),
		Log:         &log,
		Plugins:     []build.Plugin{New()},
	})
	return s, log.String(), err
}

func posts(n int) map[string]string {
	files := map[string]string{}
	for i := 1; i <= n; i++ {
		files["_posts/2024-01-0"+string(rune('0'+i))+"-p.md"] = "---\n---\nx\n"
	}
	return files
}

func urls(s *build.Site) []string {
	var out []string
	for _, p := range s.Pages {
		if p.Pager != nil {
			out = append(out, p.URL)
		}
	}
	return out
}

func TestGenerate(t *testing.T) {
	tests := []struct {
		name   string
		config string
		files  map[string]string
		want   []string // URLs of the pages with a paginator
		warn   string
	}{
		{"off without paginate", "plugins: [jekyll-paginate]\n", map[string]string{"index.html": "---\n---\n"}, nil, ""},
		{"root", "plugins: [jekyll-paginate]\npaginate: 2\n", map[string]string{"index.html": "---\n---\n"},
			[]string{"/", "/page2/", "/page3/"}, ""},
		{"string count and Ruby to_i", "plugins: [jekyll-paginate]\npaginate: 4 posts\n", map[string]string{"index.html": "---\n---\n"},
			[]string{"/", "/page2/"}, ""},
		{"deepest index on the way to paginate_path", "plugins: [jekyll-paginate]\npaginate: 3\npaginate_path: /blog/page:num/\n",
			map[string]string{"index.html": "---\n---\n", "blog/index.html": "---\n---\n", "other/index.html": "---\n---\n"},
			[]string{"/blog/", "/blog/page2/"}, ""},
		{"index.md is not a template", "plugins: [jekyll-paginate]\npaginate: 2\n", map[string]string{"index.md": "---\n---\n"},
			nil, "couldn't find an index.html page"},
		{"hidden posts left out", "plugins: [jekyll-paginate]\npaginate: 5\n",
			map[string]string{"index.html": "---\n---\n", "_posts/2024-02-01-h.md": "---\nhidden: true\n---\n"},
			[]string{"/"}, ""},
		{"negative count", "plugins: [jekyll-paginate]\npaginate: -1\n", map[string]string{"index.html": "---\n---\n"},
			nil, "_config.yml: paginate is -1"},
		{"no :num", "plugins: [jekyll-paginate]\npaginate: 3\npaginate_path: /more/\n", map[string]string{"index.html": "---\n---\n"},
			[]string{"/", "/more/"}, "paginate_path \"/more/\" has no :num"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files := posts(5)
			files["_config.yml"] = tc.config
			for k, v := range tc.files {
				files[k] = v
			}
			s, log, err := readSite(t, files)
			if err != nil {
				t.Fatal(err)
			}
			got := urls(s)
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("paginated pages %v, want %v", got, tc.want)
			}
			if tc.warn == "" && log != "" || !strings.Contains(log, tc.warn) {
				t.Errorf("log %q, want %q", log, tc.warn)
			}
		})
	}
}

func TestPager(t *testing.T) {
	files := posts(5)
	files["_config.yml"] = "plugins: [jekyll-paginate]\npaginate: 2\n"
	files["index.html"] = "---\n---\n"
	s, _, err := readSite(t, files)
	if err != nil {
		t.Fatal(err)
	}
	var pagers []*Pager
	for _, p := range s.Pages {
		if p.Pager != nil {
			pagers = append(pagers, p.Pager.(*Pager))
		}
	}
	if len(pagers) != 3 {
		t.Fatalf("%d pagers, want 3", len(pagers))
	}
	tests := []struct {
		p                      *Pager
		page, n                int
		prev, prevPath, next   any
		nextPath, firstPostDay string
	}{
		{pagers[0], 1, 2, nil, nil, 2, "/page2", "05"},
		{pagers[1], 2, 2, 1, "/", 3, "/page3", "03"},
		{pagers[2], 3, 1, 2, "/page2", nil, "", "01"},
	}
	for _, tc := range tests {
		p := tc.p
		if p.Get("page") != tc.page || len(p.Posts) != tc.n || p.Get("previous_page") != tc.prev ||
			p.Get("previous_page_path") != tc.prevPath || p.Get("next_page") != tc.next {
			t.Errorf("page %d: %v", tc.page, p)
		}
		if tc.nextPath != "" && p.Get("next_page_path") != tc.nextPath || tc.nextPath == "" && p.Get("next_page_path") != nil {
			t.Errorf("page %d: next_page_path %v, want %q", tc.page, p.Get("next_page_path"), tc.nextPath)
		}
		if !strings.Contains(p.Posts[0].Name, "-"+tc.firstPostDay+"-") {
			t.Errorf("page %d starts with %s", tc.page, p.Posts[0].Name)
		}
		if p.Get("total_posts") != 5 || p.Get("total_pages") != 3 || p.Get("per_page") != 2 {
			t.Errorf("page %d: totals %v", tc.page, p)
		}
	}
	var copies []*content.Document
	for _, p := range s.Pages {
		if p.Pager != nil && p.URL != "/" {
			copies = append(copies, p)
		}
	}
	for _, c := range copies {
		if c.RelPath != "index.html" {
			t.Errorf("%s: relative path %q, want the template's", c.URL, c.RelPath)
		}
	}
}

func TestBadConfig(t *testing.T) {
	tests := []struct{ config, want string }{
		{"paginate: 0", "_config.yml: paginate: must be a whole number of posts per page above 0, not 0"},
		{"paginate: many", `_config.yml: paginate: must be a whole number of posts per page above 0, not "many"`},
		{"paginate: [2]", "_config.yml: paginate: must be a whole number of posts per page, not [2]"},
		{"paginate: {a: 1}", "_config.yml: paginate: must be a whole number"},
		{"paginate: 2\npaginate_path: [a]", "_config.yml: paginate_path: must be a path such as /page:num"},
		{"paginate: 2\npaginate_path: {a: 1}", `_config.yml: paginate_path: must be a path such as /page:num, not {"a"=>1}`},
	}
	for _, tc := range tests {
		t.Run(tc.config, func(t *testing.T) {
			files := posts(2)
			files["_config.yml"] = "plugins: [jekyll-paginate]\n" + tc.config + "\n"
			files["index.html"] = "---\n---\n"
			_, _, err := readSite(t, files)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestLeadingInt(t *testing.T) {
	for in, want := range map[string]int{"12": 12, " 3x": 3, "-4": -4, "x": 0, "1_000": 1000, "+7": 7, "": 0} {
		if got := leadingInt(in); got != want {
			t.Errorf("leadingInt(%q) = %d, want %d", in, got, want)
		}
	}
}
