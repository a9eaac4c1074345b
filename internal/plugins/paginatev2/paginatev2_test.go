package paginatev2

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

var testPosts = map[string]string{
	"_posts/2024-01-01-a.md": "---\ntitle: Delta\ncategories: [News]\ntags: [x]\nlocale: en\n---\n",
	"_posts/2024-01-02-b.md": "---\ntitle: alpha\ncategories: [news, sport]\ntags: [y]\nlocale: fr\n---\n",
	"_posts/2024-01-03-c.md": "---\ntitle: Charlie\ncategories: [sport]\ntags: [x, y]\nlocale: en\n---\n",
	"_posts/2024-01-04-d.md": "---\ntitle: bravo\nhidden: true\ncategories: [news]\n---\n",
	"_posts/2024-01-05-e.md": "---\ntitle: Echo\ntags: 'x;z'\nlocale: en\n---\n",
}

func readSite(t *testing.T, config string, pages map[string]string) (*build.Site, string, error) {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{"_config.yml": "plugins: [jekyll-paginate-v2]\n" + config}
	for k, v := range testPosts {
		files[k] = v
	}
	for k, v := range pages {
		files[k] = v
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

// series describes the paginated pages: "URL: titles of its posts".
func series(s *build.Site) []string {
	var out []string
	for _, p := range s.Pages {
		pg, ok := p.Pager.(*Pager)
		if !ok {
			continue
		}
		var titles []string
		for _, d := range pg.posts {
			titles = append(titles, liquid.ToString(d.Get("title")))
		}
		out = append(out, p.URL+": "+strings.Join(titles, ","))
	}
	return out
}

func TestPaginate(t *testing.T) {
	on := "pagination: {enabled: true, per_page: 2}\n"
	tests := []struct {
		name, config, front string
		want                []string
	}{
		{"newest last by default", on, "{enabled: true}",
			[]string{"/index.html: Delta,alpha", "/page2/index.html: Charlie,Echo"}},
		{"reverse", on, "{enabled: true, sort_reverse: true}",
			[]string{"/index.html: Echo,Charlie", "/page2/index.html: alpha,Delta"}},
		{"category without case, hidden left out", on, "{enabled: true, category: NEWS}",
			[]string{"/index.html: Delta,alpha"}},
		{"two tags intersect", on, "{enabled: true, tag: 'x, y'}",
			[]string{"/index.html: Charlie"}},
		{"tag text split at ;", on, "{enabled: true, tag: z}",
			[]string{"/index.html: Echo"}},
		{"locale", on, "{enabled: true, locale: en, per_page: 5}",
			[]string{"/index.html: Delta,Charlie,Echo"}},
		{"sort by title without case", on, "{enabled: true, sort_field: title, per_page: 4}",
			[]string{"/index.html: alpha,Charlie,Delta,Echo"}},
		{"offset drops the last after sorting", on, "{enabled: true, offset: 1, per_page: 4}",
			[]string{"/index.html: Delta,alpha,Charlie"}},
		{"limit", on, "{enabled: true, per_page: 1, limit: 2}",
			[]string{"/index.html: Delta", "/page2/index.html: alpha"}},
		{"no posts still one page", on, "{enabled: true, tag: nothing}",
			[]string{"/index.html: "}},
		{"off in the site config", "pagination: {per_page: 2}\n", "{enabled: true}", nil},
		{"indexpage and extension", "pagination: {enabled: true, per_page: 3, indexpage: start, extension: htm, permalink: /p/:num}\n", "{enabled: true}",
			[]string{"/start.htm: Delta,alpha,Charlie", "/p/2start.htm: Echo"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, _, err := readSite(t, tc.config, map[string]string{"index.html": "---\npagination: " + tc.front + "\n---\n"})
			if err != nil {
				t.Fatal(err)
			}
			got := series(s)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestTrail(t *testing.T) {
	s, _, err := readSite(t, "pagination: {enabled: true, per_page: 1, trail: {before: 1, after: 1}}\n",
		map[string]string{"index.html": "---\ntitle: Home\npagination: {enabled: true}\n---\n"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]string{1: "1 2 3", 2: "1 2 3", 3: "2 3 4", 4: "2 3 4"}
	for _, p := range s.Pages {
		pg, ok := p.Pager.(*Pager)
		if !ok {
			continue
		}
		var nums []string
		for _, e := range pg.trail {
			n, _ := e.(*liquid.Map).Get("num")
			nums = append(nums, liquid.ToString(n))
		}
		if got := strings.Join(nums, " "); got != want[pg.page] {
			t.Errorf("page %d trail %q, want %q", pg.page, got, want[pg.page])
		}
	}
}

func TestBadConfig(t *testing.T) {
	tests := []struct{ config, front, want string }{
		{"pagination: yes\n", "{enabled: true}", "_config.yml: pagination: must be a mapping, not true"},
		{"pagination: {enabled: true, per_page: 0}\n", "{enabled: true}", "index.html: pagination: per_page must be a number above 0, not 0"},
		{"pagination: {enabled: true}\n", "{enabled: true, per_page: many}", `index.html: pagination: per_page must be a number above 0, not "many"`},
		{"pagination: {enabled: true}\n", "{enabled: true, permalink: [1]}", "index.html: pagination: permalink must be a path such as /page:num/, not [1]"},
		{"pagination: {enabled: true}\n", "{enabled: true, trail: 3}", "index.html: pagination: trail must be a mapping with before and after, not 3"},
		{"pagination: {enabled: true}\n", "{enabled: true, tag: {a: 1}}", "index.html: pagination: tag must be a name or a list of names"},
		{"pagination: {enabled: true}\n", "{enabled: true, collection: 5}", "index.html: pagination: collection must be a collection name or a list of them, not 5"},
		{"pagination: {enabled: true}\npaginate: 5\n", "{enabled: true}", "_config.yml: paginate and pagination are both set"},
		{"paginate: 5\n", "{enabled: true}", "_config.yml: paginate: jekyll-paginate-v2 no longer reads"},
		{"autopages: [tags]\n", "{enabled: true}", "_config.yml: autopages: must be a mapping, not [\"tags\"]"},
		{"autopages: {enabled: true, tags: {layouts: x.html}}\n", "{enabled: true}", `_config.yml: autopages: tags: layouts must be a list of layout files, not "x.html"`},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			_, _, err := readSite(t, tc.config, map[string]string{"index.html": "---\npagination: " + tc.front + "\n---\n"})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestWarnings(t *testing.T) {
	_, log, err := readSite(t, "pagination: {enabled: true, permalink: /more/}\n", map[string]string{"about.html": "---\n---\n"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log, "couldn't find any pagination page") {
		t.Errorf("log %q", log)
	}
	_, log, err = readSite(t, "pagination: {enabled: true, permalink: /more/}\n", map[string]string{"index.html": "---\npagination: {enabled: true}\n---\n"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log, `index.html: pagination: permalink "/more/" has no :num`) {
		t.Errorf("log %q", log)
	}
}

func TestRubyHelpers(t *testing.T) {
	split := func(c byte) bool { return c == ',' }
	for in, want := range map[string]string{"a,b": "a|b", ",a,,b,,": "|a||b", "": "", "a": "a"} {
		if got := strings.Join(rubySplit(in, split), "|"); got != want {
			t.Errorf("rubySplit(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{".html": "", "index.html": ".html", "a/b.c.d": ".d", "noext": "", "/x/.htm": ""} {
		if got := rubyExtname(in); got != want {
			t.Errorf("rubyExtname(%q) = %q, want %q", in, got, want)
		}
	}
	for _, c := range [][3]string{{"/", "/page:num/", "/page:num/"}, {"/a/", "/b", "/a/b"}, {"/p/2/", "", "/p/2/"}, {"", "/x", "/x"}} {
		if got := rubyFileJoin(c[0], c[1]); got != c[2] {
			t.Errorf("rubyFileJoin(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}
