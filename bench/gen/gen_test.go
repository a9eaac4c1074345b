package gen

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// readTree returns every file under dir by its slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func write(t *testing.T, o Options) (string, map[string][]byte) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if err := Write(dir, o); err != nil {
		t.Fatal(err)
	}
	return dir, readTree(t, dir)
}

func TestDeterministic(t *testing.T) {
	for _, f := range []Flavour{Jekyll, Hugo} {
		t.Run(f.String(), func(t *testing.T) {
			o := Options{Posts: 60, Seed: "det", Flavour: f}
			_, a := write(t, o)
			_, b := write(t, o)
			if len(a) != len(b) {
				t.Fatalf("%d files, then %d", len(a), len(b))
			}
			for name, x := range a {
				if !bytes.Equal(x, b[name]) {
					t.Errorf("%s differs between two runs", name)
				}
			}
			_, c := write(t, Options{Posts: 60, Seed: "other", Flavour: f})
			same := 0
			for name := range a {
				if strings.Contains(name, "posts/") && c[name] != nil {
					same++
				}
			}
			if same > 3 {
				t.Errorf("another seed gave %d of the same post files", same)
			}
		})
	}
}

// The small site is a prefix of the bigger one, so sizes can be compared.
func TestPrefix(t *testing.T) {
	_, small := write(t, Options{Posts: 20})
	_, big := write(t, Options{Posts: 50})
	n := 0
	for name, b := range small {
		if !strings.HasPrefix(name, "_posts/") {
			continue
		}
		n++
		if !bytes.Equal(b, big[name]) {
			t.Errorf("%s differs in the 50-post site", name)
		}
	}
	if n != 20 {
		t.Errorf("%d posts, want 20", n)
	}
}

func TestHugoHasTheSamePosts(t *testing.T) {
	_, j := write(t, Options{Posts: 25})
	_, h := write(t, Options{Posts: 25, Flavour: Hugo})
	for name, b := range j {
		rest, ok := strings.CutPrefix(name, "_posts/")
		if !ok {
			continue
		}
		hb := h["content/posts/"+rest]
		if hb == nil {
			t.Errorf("content/posts/%s missing", rest)
			continue
		}
		_, jbody, _ := bytes.Cut(b[4:], []byte("\n---\n"))
		_, hbody, _ := bytes.Cut(hb[4:], []byte("\n---\n"))
		if !bytes.Equal(jbody, hbody) {
			t.Errorf("%s: Markdown bodies differ", rest)
		}
		if !bytes.Contains(hb, []byte("\nslug: ")) {
			t.Errorf("%s: Hugo front matter has no slug", rest)
		}
	}
}

// TestJekyllSite checks the generated site has what issue 8 asks for.
func TestJekyllSite(t *testing.T) {
	_, files := write(t, Options{Posts: 120})
	text := func(name string) string {
		b, ok := files[name]
		if !ok {
			t.Fatalf("%s missing", name)
		}
		return string(b)
	}
	contains := []struct{ file, want string }{
		{"_config.yml", "paginate: 10\n"},
		{"_config.yml", "  - jekyll-feed\n"},
		{"_config.yml", "  - jekyll-sitemap\n"},
		{"_config.yml", "  - jekyll-seo-tag\n"},
		{"_config.yml", "  - jekyll-paginate\n"},
		{"_config.yml", "authors:\n  badely:\n    name: "},
		{"_config.yml", "timezone: UTC\n"},
		{"_layouts/default.html", "{% seo %}"},
		{"_layouts/default.html", "{% feed_meta %}"},
		{"_layouts/post.html", "site.authors[page.author]"},
		{"_layouts/post.html", "number_of_words"},
		{"_layouts/post.html", "page.previous"},
		{"_layouts/post.html", "page.next"},
		{"_layouts/post.html", "site.related_posts"},
		{"_layouts/post.html", `prepend: "/categories/"`},
		{"_layouts/home.html", "paginator.posts"},
		{"index.html", "layout: home"},
		{"archive.html", "group_by_exp"},
		{"_layouts/category.html", "site.categories[page.category]"},
		{"_layouts/tag.html", "site.tags[page.tag]"},
		{"categories.html", "permalink: /categories/"},
		{"tags.html", "permalink: /tags/"},
		{"categories/news.html", "permalink: /categories/news/"},
	}
	for _, c := range contains {
		if !strings.Contains(text(c.file), c.want) {
			t.Errorf("%s lacks %q", c.file, c.want)
		}
	}
	if n := strings.Count(text("_config.yml"), "\n    avatar: "); n != 20 {
		t.Errorf("%d authors, want 20", n)
	}

	frontMatter := regexp.MustCompile(`\A---\nlayout: post\ntitle: "[^"\n]+"\ndate: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\nauthor: "[a-z]+"\ncategories: \[[A-Z][a-z]+(, [A-Z][a-z]+)?\]\ntags: \[[a-z0-9, -]*\]\nexcerpt: "[^"\n]+"\nimage: assets/images/[0-9a-f]{32}\.jpg\n---\n\n`)
	var posts, words int
	blocks := map[string]int{}
	for name, b := range files {
		if !strings.HasPrefix(name, "_posts/") {
			continue
		}
		posts++
		s := string(b)
		if !frontMatter.MatchString(s) {
			t.Errorf("%s: front matter not in the sample post's format:\n%.400s", name, s)
		}
		words += len(strings.Fields(frontMatter.ReplaceAllString(s, "")))
		for kind, mark := range map[string]string{"heading": "\n## ", "list": "\n- ", "quote": "\n> ", "link": "](https://", "emphasis": "*"} {
			if strings.Contains(s, mark) {
				blocks[kind]++
			}
		}
		if strings.Contains(s, "{{") || strings.Contains(s, "{%") {
			t.Errorf("%s: the body has Liquid markup", name)
		}
	}
	if posts != 120 {
		t.Errorf("%d posts, want 120", posts)
	}
	if avg := words / posts; avg < 820 || avg > 1000 {
		t.Errorf("%d words a post on average, want about 900", avg)
	}
	for _, kind := range []string{"heading", "list", "quote", "link", "emphasis"} {
		if blocks[kind] < 5 {
			t.Errorf("only %d posts with a %s", blocks[kind], kind)
		}
	}
}

// TestSpread checks the vocabulary of a large site without writing it.
func TestSpread(t *testing.T) {
	cats, tagSet, auth, years := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[int]bool{}
	code := 0
	for i := range 3000 {
		p := MakePost("1", i)
		for _, c := range p.Categories {
			cats[c] = true
		}
		for _, x := range p.Tags {
			tagSet[x] = true
		}
		auth[p.Author] = true
		years[p.Date.Year()] = true
		if strings.Contains(p.Body, "```") {
			code++
		}
	}
	checks := []struct {
		what      string
		got, want int
	}{
		{"categories", len(cats), 12},
		{"authors", len(auth), 20},
		{"years", len(years), 5},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%d %s, want %d", c.got, c.what, c.want)
		}
	}
	if len(tags) != 200 || len(tagSet) < 180 {
		t.Errorf("%d tags used of %d, want about 200", len(tagSet), len(tags))
	}
	if code < 30 || code > 300 {
		t.Errorf("%d of 3000 posts have code blocks, want the odd one", code)
	}
}

func TestWriteRefusesForeignFolders(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "precious.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, force := range []bool{false, true} {
		if err := Write(dir, Options{Posts: 1, Force: force}); err == nil {
			t.Errorf("Force %v: wrote into a folder it did not make", force)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "precious.txt")); err != nil {
		t.Error("the folder's file was removed")
	}
	site := filepath.Join(t.TempDir(), "s")
	if err := Write(site, Options{Posts: 2}); err != nil {
		t.Fatal(err)
	}
	if err := Write(site, Options{Posts: 3}); err == nil {
		t.Error("replaced a site without Force")
	}
	if err := Write(site, Options{Posts: 3, Force: true}); err != nil {
		t.Errorf("Force: %v", err)
	}
	if err := Write(site, Options{Posts: -1, Force: true}); err == nil {
		t.Error("accepted -1 posts")
	}
}
