package scaffold_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/frontmatter"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins"
	"github.com/broadsheet-ssg/broadsheet/internal/scaffold"
	"github.com/broadsheet-ssg/broadsheet/internal/yaml"
)

var now = time.Date(2025, 9, 10, 12, 0, 0, 0, time.Local)

// buildSite builds the site at src into a new folder and returns it.
func buildSite(t *testing.T, src string) string {
	t.Helper()
	dest := t.TempDir()
	_, err := build.Build(build.Options{
		Source: src, Destination: dest, Plugins: plugins.All(), Time: now, Log: io.Discard,
	})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return dest
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestNewSiteBuilds(t *testing.T) {
	src := filepath.Join(t.TempDir(), "harbour-news")
	files, err := scaffold.NewSite(src, scaffold.SiteOptions{Now: now, VendorTheme: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"_config.yml", "about.md", "index.html", "404.html",
		"_posts/2025-09-07-millbrook-library-will-stay-open-until-midnight-on-weekdays.md",
		"_posts/2025-09-09-lanterns-return-to-the-river-after-ten-quiet-years.md",
		"_themes/broadsheet-news/_layouts/post.html"} {
		if !contains(files, want) {
			t.Errorf("NewSite did not write %s (wrote %v)", want, files)
		}
	}
	conf := read(t, filepath.Join(src, "_config.yml"))
	if !strings.Contains(conf, `title: "Harbour News"`) {
		t.Errorf("title not made of the folder name:\n%s", conf)
	}
	out := buildSite(t, src)
	article := "news/2025/09/07/millbrook-library-will-stay-open-until-midnight-on-weekdays/index.html"
	for _, c := range []struct{ file, want string }{
		{"index.html", `class="lead`},
		{"index.html", `Millbrook library`},
		{"index.html", `id="latest"`},
		{"index.html", `<a href="/category/culture/">Culture</a>`},
		{article, `<h1 class="story__title">Millbrook library will stay open until midnight on weekdays</h1>`},
		{article, `<p class="standfirst">Councillors voted seven to two`},
		{article, `rel="author">Ada Quill</a>`},
		{article, `src="/assets/images/authors/ada.svg"`},
		{article, `min read`},
		{article, `<h2 class="block__title" id="related">Related stories</h2>`},
		// the related story shares the tag "council" with the article
		{article, `href="/culture/2025/09/09/lanterns-return-to-the-river-after-ten-quiet-years/"`},
		{article, `rel="tag">council</a>`},
		{"category/news/index.html", `<h1 class="page-title">News</h1>`},
		{"tag/council/index.html", `Lanterns return to the river`},
		{"archive/2025/index.html", `September`},
		{"authors/index.html", `id="tomas"`},
		{"404.html", `Error 404`},
		{"feed.xml", `<feed`},
		{"sitemap.xml", `/about/`},
		{"about/index.html", `broadsheet new post`},
	} {
		if got := read(t, filepath.Join(out, c.file)); !strings.Contains(got, c.want) {
			t.Errorf("%s lacks %q", c.file, c.want)
		}
	}
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func TestNewSiteRefusesAFullFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := scaffold.NewSite(dir, scaffold.SiteOptions{Now: now}); !errors.Is(err, scaffold.ErrNotEmpty) {
		t.Fatalf("err = %v, want ErrNotEmpty", err)
	}
	if _, err := scaffold.NewSite(dir, scaffold.SiteOptions{Now: now, Force: true}); err != nil {
		t.Fatalf("with Force: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "keep.txt")); err != nil {
		t.Errorf("Force removed a file of the folder: %v", err)
	}
}

// frontMatter reads the front matter of a post file.
func frontMatter(t *testing.T, p string) *liquid.Map {
	t.Helper()
	data := []byte(read(t, p))
	fm, _, _, ok := frontmatter.Split(data)
	if !ok {
		t.Fatalf("%s: no front matter", p)
	}
	v, err := yaml.Load(fm, time.Local)
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	return v.(*liquid.Map)
}

func TestNewPost(t *testing.T) {
	site := t.TempDir()
	if _, err := scaffold.NewSite(site, scaffold.SiteOptions{Now: now, VendorTheme: true}); err != nil {
		t.Fatal(err)
	}
	bare := t.TempDir()
	if err := os.WriteFile(filepath.Join(bare, "_config.yml"), []byte("title: Bare\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2025, 8, 19, 20, 48, 56, 0, time.Local)
	for _, c := range []struct {
		name, dir, title string
		opts             scaffold.PostOptions
		file             string
		want             map[string]any // front matter values (inspected)
		err              string
	}{
		{name: "defaults from the config", dir: site, title: "Ferry times change in October",
			opts: scaffold.PostOptions{Date: day},
			file: "_posts/2025-08-19-ferry-times-change-in-october.md",
			want: map[string]any{"layout": `"post"`, "title": `"Ferry times change in October"`,
				"author": `"ada"`, "categories": `["News"]`, "tags": `[]`, "excerpt": `""`, "image": `nil`,
				"date": `2025-08-19 20:48:56`}},
		{name: "options win", dir: site, title: `A "quoted": title, with commas`,
			opts: scaffold.PostOptions{Date: day, Author: "tomas", Category: "Business, local"},
			file: "_posts/2025-08-19-a-quoted-title-with-commas.md",
			want: map[string]any{"title": `"A \"quoted\": title, with commas"`, "author": `"tomas"`, "categories": `["Business, local"]`}},
		{name: "a site without authors or sections", dir: bare, title: "First",
			opts: scaffold.PostOptions{Date: day},
			file: "_posts/2025-08-19-first.md",
			want: map[string]any{"author": `""`, "categories": `["News"]`}},
		{name: "exists", dir: site, title: "Ferry times change in October",
			opts: scaffold.PostOptions{Date: day}, err: "file exists"},
		{name: "exists, forced", dir: site, title: "Ferry times change in October",
			opts: scaffold.PostOptions{Date: day, Force: true},
			file: "_posts/2025-08-19-ferry-times-change-in-october.md"},
		{name: "not a site", dir: t.TempDir(), title: "X", err: "not a site"},
		{name: "empty title", dir: site, title: "  ", err: "title is empty"},
		{name: "no letters", dir: site, title: "!!!", err: "no letters or digits"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rel, err := scaffold.NewPost(c.dir, c.title, c.opts)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err = %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if rel != c.file {
				t.Errorf("file = %s, want %s", rel, c.file)
			}
			fm := frontMatter(t, filepath.Join(c.dir, rel))
			for k, want := range c.want {
				v, ok := fm.Get(k)
				if !ok {
					t.Errorf("no %s in the front matter", k)
					continue
				}
				got := liquid.Inspect(v)
				if k == "date" {
					got = v.(time.Time).Format("2006-01-02 15:04:05")
				}
				if got != want {
					t.Errorf("%s = %s, want %s", k, got, want)
				}
			}
		})
	}
	// The site still builds with the new posts in it.
	buildSite(t, site)
}
