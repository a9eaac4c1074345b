package build_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins"
)

// incSite is a small site in which every kind of input reaches some page:
// pagination, a feed and a sitemap, an archive over site.posts, category
// counts, related posts and previous links, a data-driven menu, includes,
// nested layouts, Sass with a partial, and static files.
var incSite = map[string]string{
	"_config.yml": "title: Incremental\nurl: https://example.org\npaginate: 2\nplugins: [jekyll-paginate, jekyll-feed, jekyll-sitemap]\n",
	"_layouts/default.html": "---\n---\n<html><head><title>{{ page.title }} | {{ site.title }}</title>" +
		"<link rel=\"stylesheet\" href=\"{{ '/css/main.css' | relative_url }}\"></head>" +
		"<body>{% include nav.html %}{{ content }}{% include footer.html %}</body></html>\n",
	"_layouts/post.html": "---\nlayout: default\n---\n<h1>{{ page.title }}</h1>{{ content }}" +
		"{% if page.previous %}<a rel=prev href=\"{{ page.previous.url }}\">{{ page.previous.title }}</a>{% endif %}" +
		"<ul>{% for p in site.related_posts limit:2 %}<li>{{ p.title }}</li>{% endfor %}</ul>\n",
	"_includes/nav.html":    "<nav>{% for item in site.data.nav %}<a href=\"{{ item.url }}\">{{ item.title }}</a>{% endfor %}</nav>",
	"_includes/footer.html": "<footer>The footer</footer>",
	"_data/nav.yml":         "- title: Home\n  url: /\n- title: About\n  url: /about/\n",
	"index.html": "---\nlayout: default\ntitle: Home\n---\n" +
		"{% for post in paginator.posts %}<h2><a href=\"{{ post.url }}\">{{ post.title }}</a></h2>{{ post.excerpt }}{% endfor %}" +
		"{% if paginator.next_page %}<a href=\"{{ paginator.next_page_path }}\">Older</a>{% endif %}\n",
	"archive.html": "---\nlayout: default\ntitle: Archive\n---\n" +
		"{% for post in site.posts %}<li>{{ post.date | date: '%Y-%m-%d' }} {{ post.title }}</li>{% endfor %}\n",
	"categories.html": "---\nlayout: default\ntitle: Categories\n---\n" +
		"{% for c in site.categories %}<li>{{ c[0] }}: {{ c[1].size }}</li>{% endfor %}\n",
	"about.md":                    "---\nlayout: default\ntitle: About\n---\nAbout *us*.\n",
	"plain.txt":                   "---\n---\nsize {{ site.static_files.size }}\n",
	"css/main.scss":               "---\n---\n@import \"base\";\nbody { margin: 0; }\n",
	"_sass/_base.scss":            "$c: #123;\na { color: $c; }\n",
	"assets/a.txt":                "static A\n",
	"_posts/2024-01-01-first.md":  "---\nlayout: post\ntitle: First\ncategories: [news]\n---\nThe first post.\n\nMore of it.\n",
	"_posts/2024-02-01-second.md": "---\nlayout: post\ntitle: Second\ncategories: [news, sport]\n---\nThe second post.\n",
	"_posts/2024-03-01-third.md":  "---\nlayout: post\ntitle: Third\ncategories: [sport]\n---\nThe third post.\n\nIts second paragraph.\n",
	"_posts/2024-04-01-fourth.md": "---\nlayout: post\ntitle: Fourth\n---\nThe fourth post, with {{ site.title }}.\n",
}

func writeSite(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func incOptions(src, dest string) build.Options {
	return build.Options{
		Source:      src,
		Destination: dest,
		Time:        time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC),
		Log:         io.Discard,
		Plugins:     plugins.All(),
	}
}

// readTree reads every file below dir.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, de os.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameTree(t *testing.T, got, want string) {
	t.Helper()
	g, w := readTree(t, got), readTree(t, want)
	var names []string
	for n := range w {
		names = append(names, n)
	}
	for n := range g {
		if _, ok := w[n]; !ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		gb, gok := g[n]
		wb, wok := w[n]
		switch {
		case !gok:
			t.Errorf("%s: missing from the incremental build", n)
		case !wok:
			t.Errorf("%s: written by the incremental build, not by a full build", n)
		case !bytes.Equal(gb, wb):
			t.Errorf("%s differs:\nincremental: %q\nfull:        %q", n, gb, wb)
		}
	}
}

// TestIncrementalEqualsFull makes one edit after another to a site, rebuilds
// incrementally after each, and compares the output with a fresh full
// build of the edited source, file for file. rendered bounds how many
// documents the rebuild may render, to show it did not just render all.
func TestIncrementalEqualsFull(t *testing.T) {
	src := t.TempDir()
	out := filepath.Join(t.TempDir(), "site")
	writeSite(t, src, incSite)
	b := build.NewBuilder(incOptions(src, out))
	first, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	total := first.Rendered

	steps := []struct {
		name     string
		write    map[string]string
		remove   []string
		maxDocs  int    // at most this many renders (0: no bound)
		quick    bool   // the last build's site is re-rendered in place
		contains string // a file of the output must now contain this
		file     string
	}{
		{name: "post body", write: map[string]string{"_posts/2024-01-01-first.md": "---\nlayout: post\ntitle: First\ncategories: [news]\n---\nThe first post, edited.\n\nMore of it.\n"},
			maxDocs: 12, quick: true, file: "news/2024/01/01/first.html", contains: "The first post, edited."},
		{name: "post title", write: map[string]string{"_posts/2024-02-01-second.md": "---\nlayout: post\ntitle: Second, retitled\ncategories: [news, sport]\n---\nThe second post.\n"},
			file: "archive.html", contains: "Second, retitled"},
		{name: "post date", write: map[string]string{"_posts/2024-03-01-third.md": "---\nlayout: post\ntitle: Third\ndate: 2024-05-01\ncategories: [sport]\n---\nThe third post.\n\nIts second paragraph.\n"},
			file: "archive.html", contains: "2024-05-01 Third"},
		{name: "post categories", write: map[string]string{"_posts/2024-04-01-fourth.md": "---\nlayout: post\ntitle: Fourth\ncategories: [culture]\n---\nThe fourth post, with {{ site.title }}.\n"},
			file: "categories.html", contains: "culture: 1"},
		{name: "new post", write: map[string]string{"_posts/2024-06-01-fifth.md": "---\nlayout: post\ntitle: Fifth\n---\nA new post.\n"},
			file: "index.html", contains: "Fifth"},
		{name: "deleted post", remove: []string{"_posts/2024-01-01-first.md"}, file: "archive.html"},
		{name: "layout", write: map[string]string{"_layouts/post.html": "---\nlayout: default\n---\n<h1 class=t>{{ page.title }}</h1>{{ content }}\n"},
			file: "2024/06/01/fifth.html", contains: "<h1 class=t>"},
		{name: "include", write: map[string]string{"_includes/footer.html": "<footer>A new footer</footer>"},
			file: "about.html", contains: "A new footer"},
		{name: "data file", write: map[string]string{"_data/nav.yml": "- title: Start\n  url: /\n"},
			file: "archive.html", contains: ">Start<"},
		{name: "page", write: map[string]string{"about.md": "---\nlayout: default\ntitle: About\n---\nAbout *them*.\n"},
			maxDocs: 4, quick: true, file: "about.html", contains: "<em>them</em>"},
		{name: "static file", write: map[string]string{"assets/a.txt": "static A, changed\n"}, file: "assets/a.txt", contains: "changed"},
		{name: "new static file", write: map[string]string{"assets/b.txt": "static B\n"}, file: "plain.txt", contains: "size 2"},
		{name: "scss partial", write: map[string]string{"_sass/_base.scss": "$c: #456;\na { color: $c; }\n"},
			maxDocs: 4, file: "css/main.css", contains: "#456"},
		{name: "config", write: map[string]string{"_config.yml": "title: Renamed\nurl: https://example.org\npaginate: 2\nplugins: [jekyll-paginate, jekyll-feed, jekyll-sitemap]\n"},
			file: "about.html", contains: "About | Renamed"},
		{name: "post body again after config", write: map[string]string{"_posts/2024-04-01-fourth.md": "---\nlayout: post\ntitle: Fourth\ncategories: [culture]\n---\nThe fourth post, again with {{ site.title }}.\n"},
			maxDocs: 12, quick: true, file: "culture/2024/04/01/fourth.html", contains: "again with Renamed"},
		{name: "index body (pagination copies it)", write: map[string]string{"index.html": "---\nlayout: default\ntitle: Home\n---\n" +
			"{% for post in paginator.posts %}<h3>{{ post.title }}</h3>{% endfor %}\n"}, file: "page2/index.html", contains: "<h3>"},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			var changed []string
			writeSite(t, src, st.write)
			for name := range st.write {
				changed = append(changed, filepath.Join(src, filepath.FromSlash(name)))
			}
			for _, name := range st.remove {
				p := filepath.Join(src, filepath.FromSlash(name))
				if err := os.Remove(p); err != nil {
					t.Fatal(err)
				}
				changed = append(changed, p)
			}
			res, err := b.Rebuild(changed)
			if err != nil {
				t.Fatal(err)
			}
			if res.Quick != st.quick {
				t.Errorf("quick rebuild: %v, want %v", res.Quick, st.quick)
			}
			if st.maxDocs > 0 && res.Rendered > st.maxDocs {
				t.Errorf("rendered %d of %d documents, want at most %d", res.Rendered, total, st.maxDocs)
			}
			full := filepath.Join(t.TempDir(), "full")
			if _, err := build.Build(incOptions(src, full)); err != nil {
				t.Fatal(err)
			}
			sameTree(t, out, full)
			if st.contains != "" {
				got, _ := os.ReadFile(filepath.Join(out, st.file))
				if !strings.Contains(string(got), st.contains) {
					t.Errorf("%s lacks %q:\n%s", st.file, st.contains, got)
				}
			}
		})
	}
}

// TestIncrementalRecoversFromErrors breaks a post's front matter and a
// layout's Liquid, checks that the rebuild fails naming the file and writes
// nothing, then fixes them and checks the site is right again.
func TestIncrementalRecoversFromErrors(t *testing.T) {
	src := t.TempDir()
	out := filepath.Join(t.TempDir(), "site")
	writeSite(t, src, incSite)
	b := build.NewBuilder(incOptions(src, out))
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)
	cases := []struct {
		file, broken, fixed, wantErr string
	}{
		{"_posts/2024-02-01-second.md", "---\ntitle: [unclosed\n---\nx\n", "---\nlayout: post\ntitle: Second fixed\n---\nFixed.\n", "_posts/2024-02-01-second.md"},
		{"_posts/2024-03-01-third.md", "---\nlayout: post\ntitle: Third\ncategories: [sport]\n---\nBroken {% if %}\n", "---\nlayout: post\ntitle: Third\ncategories: [sport]\n---\nMended.\n", "_posts/2024-03-01-third.md:6"},
		{"_layouts/post.html", "---\nlayout: default\n---\n{% if %}\n", "---\nlayout: default\n---\n<h1>{{ page.title }}</h1>{{ content }}\n", "_layouts/post.html"},
	}
	for _, c := range cases {
		p := filepath.Join(src, c.file)
		writeSite(t, src, map[string]string{c.file: c.broken})
		_, err := b.Rebuild([]string{p})
		if err == nil || !strings.Contains(err.Error(), c.wantErr) {
			t.Fatalf("%s broken: error %v, want one naming %s", c.file, err, c.wantErr)
		}
		now := readTree(t, out)
		if len(now) != len(before) {
			t.Errorf("%s broken: the output changed", c.file)
		}
		writeSite(t, src, map[string]string{c.file: c.fixed})
		if _, err := b.Rebuild([]string{p}); err != nil {
			t.Fatalf("%s fixed: %v", c.file, err)
		}
		full := filepath.Join(t.TempDir(), "full")
		if _, err := build.Build(incOptions(src, full)); err != nil {
			t.Fatal(err)
		}
		sameTree(t, out, full)
		before = readTree(t, out)
	}
}
