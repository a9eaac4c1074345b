package archives

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

func readSite(t *testing.T, config string) (*build.Site, string, error) {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"_config.yml":                  "plugins: [jekyll-archives]\n" + config,
		"_layouts/archive.html":        "{{ content }}",
		"_posts/2023-05-01-a.md":       "---\ntags: [x, Y z]\ncategory: news\n---\n",
		"_posts/2024-01-02-b.md":       "---\ntags: [x, 7]\n---\n",
		"_posts/2024-01-02-c.md":       "---\ndate: 2024-01-02 10:00:00 +0000\n---\n",
		"_posts/2024-02-10-d.md":       "---\n---\n",
		"index.html":                   "---\n---\n",
		"_layouts/year-archive.html":   "{{ content }}",
		"_posts/2023-05-09-e.markdown": "---\ncategories: [News]\n---\n",
	}
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

// archives lists the archive pages as "type url posts".
func archives(s *build.Site) []string {
	var out []string
	for _, p := range s.Pages {
		typ, ok := p.Data.Get("type")
		if !ok {
			continue
		}
		posts, _ := p.Data.Get("posts")
		var names []string
		for _, d := range posts.([]any) {
			names = append(names, liquid.ToString(d.(liquid.Drop).Get("slug")))
		}
		out = append(out, liquid.ToString(typ)+" "+p.URL+" "+strings.Join(names, ","))
	}
	return out
}

func TestGenerate(t *testing.T) {
	tests := []struct {
		name, config string
		want         []string
		warn         string
	}{
		{"nothing enabled", "", nil, ""},
		{"tags and years", "jekyll-archives: {enabled: [tags, year]}\n", []string{
			"tag /tag/x/ b,a", "tag /tag/y-z/ a", "tag /tag/ b",
			"year /2023/ e,a", "year /2024/ d,c,b",
		}, ""},
		{"months newest first within a year, days too", "jekyll-archives: {enabled: [month, day]}\n", []string{
			"month /2023/05/ e,a", "day /2023/05/09/ e", "day /2023/05/01/ a",
			"month /2024/02/ d", "day /2024/02/10/ d", "month /2024/01/ c,b", "day /2024/01/02/ c,b",
		}, ""},
		{"categories with custom permalinks", "jekyll-archives:\n  enabled: [categories]\n  permalinks: {category: '/:type/:name.html'}\n", []string{
			"category /category/news.html a", "category /category/news.html e",
		}, ""},
		{"misspelt types warned about", "jekyll-archives: {enabled: [tag, years, day]}\n", []string{
			"day /2023/05/09/ e", "day /2023/05/01/ a", "day /2024/02/10/ d", "day /2024/01/02/ c,b",
		}, `jekyll-archives: enabled: "tag" is not one of year, month, day, categories, tags`},
		{"enabled not a list", "jekyll-archives: {enabled: yes please}\n", nil, `enabled is "yes please"`},
		{"missing layout", "jekyll-archives: {enabled: [year], layout: gone}\n", []string{
			"year /2023/ e,a", "year /2024/ d,c,b",
		}, "Layout 'gone' requested in 2023/index.html does not exist"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, log, err := readSite(t, tc.config)
			if err != nil {
				t.Fatal(err)
			}
			if got := archives(s); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("archives:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if tc.warn == "" && log != "" || !strings.Contains(log, tc.warn) {
				t.Errorf("log %q, want %q", log, tc.warn)
			}
		})
	}
}

func TestPageValues(t *testing.T) {
	s, _, err := readSite(t, "jekyll-archives:\n  enabled: all\n  layouts: {year: year-archive}\n  permalinks: {month: '/:year/:month/list.html'}\n")
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, p := range s.Pages {
		typ, ok := p.Data.Get("type")
		if !ok {
			continue
		}
		got := func(k string) string { return liquid.Inspect(p.Drop().Get(k)) }
		switch {
		case typ == "year" && p.URL == "/2024/":
			found["year"] = true
			if got("layout") != `"year-archive"` || got("title") != "nil" || got("name") != `"index"` || got("path") != `"2024/index.html"` {
				t.Errorf("year archive: layout %s title %s name %s path %s", got("layout"), got("title"), got("name"), got("path"))
			}
			if d, ok := p.Data.Get("date"); !ok || d.(liquid.Date).Format("2006-01-02") != "2024-01-01" {
				t.Errorf("year archive date %v", d)
			}
		case typ == "month" && p.URL == "/2024/02/list.html":
			found["month"] = true
			if got("name") != `"list"` || got("path") != `"2024/02/list.html"` || p.Destination() != "2024/02/list.html" {
				t.Errorf("month archive: name %s path %s destination %s", got("name"), got("path"), p.Destination())
			}
		case typ == "tag" && p.URL == "/tag/y-z/":
			found["tag"] = true
			if got("title") != `"Y z"` || got("layout") != `"archive"` || got("permalink") != "nil" || got("date") != "nil" {
				t.Errorf("tag archive: title %s layout %s", got("title"), got("layout"))
			}
		}
	}
	if len(found) != 3 {
		t.Errorf("found %v", found)
	}
	list, _ := s.Config.Raw.Get("archives")
	if arr, ok := list.([]any); !ok || len(arr) == 0 {
		t.Errorf("site.archives = %v", list)
	}
	conf, _ := s.Config.Raw.Get("jekyll-archives")
	if p, _ := conf.(*liquid.Map).Get("permalinks"); liquid.Inspect(p) != `{"year"=>"/:year/", "month"=>"/:year/:month/list.html", "day"=>"/:year/:month/:day/", "tag"=>"/tag/:name/", "category"=>"/category/:name/"}` {
		t.Errorf("site.jekyll-archives.permalinks = %s", liquid.Inspect(p))
	}
}

func TestBadConfig(t *testing.T) {
	tests := []struct{ config, want string }{
		{"jekyll-archives: yes\n", "_config.yml: jekyll-archives: must be a mapping (enabled, layout, layouts, permalinks), not true"},
		{"jekyll-archives: [year]\n", "_config.yml: jekyll-archives: must be a mapping"},
		{"jekyll-archives: {enabled: all, permalinks: /x/}\n", `_config.yml: jekyll-archives: permalinks: must be a mapping of archive type to permalink, not "/x/"`},
		{"jekyll-archives: {enabled: [tags], permalinks: {tag: ''}}\n", `_config.yml: jekyll-archives: permalinks: tag: Template "" provided is invalid`},
		{"jekyll-archives: {enabled: [year], permalinks: {year: [1]}}\n", `_config.yml: jekyll-archives: permalinks: year: Template [1] provided is invalid`},
		{"jekyll-archives: {enabled: all, layouts: archive}\n", "_config.yml: jekyll-archives: layouts: must be a mapping of archive type to layout"},
	}
	for _, tc := range tests {
		t.Run(tc.config, func(t *testing.T) {
			_, _, err := readSite(t, tc.config)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}
