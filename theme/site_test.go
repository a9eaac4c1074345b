package theme_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/scaffold/browse"
)

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

type want struct {
	file     string
	has, not []string
}

func check(t *testing.T, site string, wants []want) {
	t.Helper()
	for _, w := range wants {
		got := read(t, filepath.Join(site, filepath.FromSlash(w.file)))
		for _, s := range w.has {
			if !strings.Contains(got, s) {
				t.Errorf("%s lacks %q", w.file, s)
			}
		}
		for _, s := range w.not {
			if strings.Contains(got, s) {
				t.Errorf("%s has %q", w.file, s)
			}
		}
	}
}

// The input news sites really have: the theme accepts it and the pages
// still read well.
func TestEdgeSite(t *testing.T) {
	site, err := browse.BuildWithTheme("../testdata/theme/edge", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	check(t, site, []want{
		{file: "news/2025/08/19/unknown-author-missing-image.html",
			has: []string{
				`<span class="byline__name">By nobody-listed</span>`,
				`<img class="pic story__pic" src="/assets/images/0000aaaa1111bbbb2222cccc3333dddd.jpg" alt="" width="1200" height="675"`,
				`<time datetime="2025-08-19T20:48:56`,
				`<p class="standfirst">The byline prints the key`,
			},
			not: []string{`class="story__tags"`, `rel="author"`, `class="byline__avatar"`}},
		{file: "news/science/2025/08/18/a-very-long-word-a-wide-table-and-code.html",
			has: []string{
				`src="/assets/images/none.png" alt="An image given as a mapping, as jekyll-seo-tag allows"`,
				`rel="author">Known Person</a>`,
				`src="https://avatars.example.com/known.png"`,
				`href="/tag/phones/" rel="tag">phones</a>`,
				// related: the story sharing its category
				`href="/news/2025/08/19/unknown-author-missing-image.html"`,
			}},
		{file: "science/2025/08/17/no-excerpt-no-tags.html",
			has: []string{`<h1 class="story__title">No excerpt, no layout, no tags</h1>`, `1 min read`},
			not: []string{`class="standfirst"`}},
		{file: "index.html", has: []string{`An author key not in site.authors`, `<a href="/category/science/">Science</a>`}},
		{file: "category/science/index.html", has: []string{`No excerpt, no layout`}},
		{file: "archive/2025/index.html", has: []string{`<h1 class="page-title">2025</h1>`, `August`}},
		{file: "tag/layout/index.html", has: []string{`A very long word`}},
	})
}

// The sample post of a real news site, as it is (../shared/seed, beside
// the repository; its text is not kept in the project).
func TestSeedPost(t *testing.T) {
	seeds, _ := filepath.Glob("../../shared/seed/*.md")
	var posts []string
	for _, s := range seeds {
		if !strings.EqualFold(filepath.Base(s), "README.md") {
			posts = append(posts, s)
		}
	}
	if len(posts) == 0 {
		t.Skip("no sample post in ../shared/seed")
	}
	src := t.TempDir()
	os.MkdirAll(filepath.Join(src, "_posts"), 0o755)
	for _, p := range posts {
		if err := os.WriteFile(filepath.Join(src, "_posts", filepath.Base(p)), []byte(read(t, p)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(src, "_config.yml"), []byte("title: Seed\nauthors:\n  someone:\n    display_name: Some One\n"), 0o644)
	os.WriteFile(filepath.Join(src, "index.html"), []byte("---\nlayout: home\n---\n"), 0o644)
	site, err := browse.BuildWithTheme(src, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	var article string
	filepath.WalkDir(site, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.Contains(p, "2025/08/19") && strings.HasSuffix(p, ".html") {
			article = p
		}
		return nil
	})
	if article == "" {
		t.Fatal("the sample post was not written")
	}
	got := read(t, article)
	for _, s := range []string{`class="story__title"`, `class="standfirst"`, `<span class="byline__name">By badely</span>`,
		`class="pic story__pic"`, `min read`, `datetime="2025-08-19T20:48:56`} {
		if !strings.Contains(got, s) {
			t.Errorf("the sample post's page lacks %q", s)
		}
	}
	if strings.Contains(got, `class="story__tags"`) {
		t.Error("tags: [] printed a tag list")
	}
}

// Every internal link and image of the demo site leads to a file, and no
// page is wider than a phone.
func TestDemoSite(t *testing.T) {
	site, err := browse.BuildDemo(t.TempDir(), 30)
	if err != nil {
		t.Fatal(err)
	}
	broken, err := browse.CheckLinks(site)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range broken {
		t.Errorf("broken link or image: %s", b)
	}
	base, stop, err := browse.Serve(site)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	bctx, closeBrowser, err := browse.Browser(ctx)
	if errors.Is(err, browse.ErrNoChromium) {
		t.Skip("no chromium here (apt-get install chromium): the overflow check is skipped")
	}
	if err != nil {
		t.Fatal(err)
	}
	defer closeBrowser()
	pages := []string{browse.FrontPage, browse.ArticlePage, browse.CategoryPage, "/page/2/",
		"/tag/council/", "/archive/", "/archive/2025/", "/authors/", "/about/", "/404.html"}
	for _, p := range pages {
		over, wider, err := browse.Overflow(bctx, base+p, browse.View{Width: 390})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if over > 0 {
			t.Errorf("%s is %d px wider than a 390 px phone (%s)", p, over, strings.Join(wider, ", "))
		}
	}
	// The awkward pages of the edge site too.
	edge, err := browse.BuildWithTheme("../testdata/theme/edge", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ebase, estop, err := browse.Serve(edge)
	if err != nil {
		t.Fatal(err)
	}
	defer estop()
	for _, p := range []string{"/news/science/2025/08/18/a-very-long-word-a-wide-table-and-code.html", "/news/2025/08/19/unknown-author-missing-image.html"} {
		over, wider, err := browse.Overflow(bctx, ebase+p, browse.View{Width: 390})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if over > 0 {
			t.Errorf("%s is %d px wider than a 390 px phone (%s)", p, over, strings.Join(wider, ", "))
		}
	}
}
