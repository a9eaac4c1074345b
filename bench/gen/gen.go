// Package gen writes deterministic synthetic news sites for benchmarks: N
// posts in the format of a real Jekyll news site (layout, title, a date
// without a zone, an author key into site.authors, flow-style categories and
// tags, a hand-written excerpt, a hashed image path) with about 900 words of
// generated Markdown each, and a theme that exercises what such sites use:
// author lookup, reading time, previous/next and related posts, a home page
// paginated by 10 (jekyll-paginate), category and tag pages, a year archive
// built with group_by_exp, jekyll-feed, jekyll-sitemap and jekyll-seo-tag.
//
// The same generator writes the equivalent Hugo site: the same posts, byte
// for byte the same Markdown bodies, and templates that give the same pages
// at the same URLs, so the two can be timed side by side.
//
// Post i depends only on the seed and i, so the 1,000-post site is a prefix
// of the 10,000-post one.
package gen

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Version changes whenever the generator's output changes, so a cached site
// written by an older generator is not reused (see Marker).
const Version = "2"

// MarkerFile is written at the top of every generated site; its content
// (Marker) says what wrote it. Jekyll and Hugo both ignore the file.
const MarkerFile = ".gen-news-site"

// Site identity, shared by both flavours.
const (
	SiteTitle = "The Lantern Gazette"
	SiteDesc  = "Synthetic daily news, generated for static site generator benchmarks."
	SiteURL   = "https://gazette.example.org"
)

// Flavour is the generator a site is written for.
type Flavour int

const (
	Jekyll Flavour = iota
	Hugo
)

func (f Flavour) String() string {
	if f == Hugo {
		return "hugo"
	}
	return "jekyll"
}

// Options say what to write.
type Options struct {
	Posts   int     // number of posts (>= 0)
	Seed    string  // any string; "" is the seed "1"
	Flavour Flavour // Jekyll or Hugo
	// Force replaces a non-empty output folder if, and only if, it holds a
	// site this package wrote (it has MarkerFile).
	Force bool
}

func (o Options) seed() string {
	if o.Seed == "" {
		return "1"
	}
	return o.Seed
}

// Marker is the content of MarkerFile for these options.
func Marker(o Options) string {
	return fmt.Sprintf("generator=gen-news-site\nversion=%s\nflavour=%s\nposts=%d\nseed=%s\n",
		Version, o.Flavour, o.Posts, o.seed())
}

// Post is one generated post.
type Post struct {
	Title      string
	Slug       string // the file name's slug, and Jekyll's :title
	Date       time.Time
	Author     string // a key of site.authors
	Categories []string
	Tags       []string
	Excerpt    string
	Image      string
	Body       string // Markdown
	Words      int    // words in Body
}

// FileName is the post's name under _posts (Jekyll) or content/posts (Hugo).
func (p *Post) FileName() string {
	return p.Date.Format("2006-01-02") + "-" + p.Slug + ".md"
}

// The dates span five whole years.
var (
	firstDate = time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	dateSpan  = int(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Sub(firstDate) / time.Second)
)

var (
	categoryCum = cumulative(categoryWeights)
	tags        = makeTags()
	tagCum      = cumulative(zipf(len(tags), 1))
	authorCum   = cumulative(zipf(len(authors), 0.5))
)

// zipf gives weights 1/k^s for s of 1 or 0.5, so a few tags and authors are
// common and many are rare. (Division and Sqrt are exact in IEEE arithmetic,
// unlike Pow, so the weights are the same on every platform.)
func zipf(n int, s float64) []float64 {
	w := make([]float64, n)
	for k := range w {
		d := float64(k + 1)
		if s != 1 {
			d = math.Sqrt(d)
		}
		w[k] = 1 / d
	}
	return w
}

// makeTags returns the 200 tags: every root, then root-suffix pairs in a
// fixed pseudo-random order.
func makeTags() []string {
	out := append([]string(nil), tagRoots...)
	seen := make(map[string]bool, 200)
	for _, t := range out {
		seen[t] = true
	}
	r := newRNG("tags", 0, "tags")
	for len(out) < 200 {
		t := r.pick(tagRoots) + "-" + r.pick(tagSuffixes)
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out[:200]
}

// head makes the parts of post i that name its file: title, slug and date.
func head(seed string, i int) (title, slug string, date time.Time) {
	r := newRNG(seed, i, "head")
	w := writer{r: r}
	title = w.headline()
	date = firstDate.Add(time.Duration(r.intn(dateSpan)) * time.Second)
	t := title
	if k := strings.Index(t, ": "); k >= 0 {
		t = t[k+2:]
	}
	parts := strings.Split(slugify(t), "-")
	if len(parts) > 9 {
		parts = parts[:9]
	}
	return title, strings.Join(parts, "-"), date
}

// MakePost returns post i of the site with this seed ("" is "1"). Its Slug
// is the one it would have alone; Write adds -2, -3... when two posts of one
// day share a slug.
func MakePost(seed string, i int) Post {
	if seed == "" {
		seed = "1"
	}
	var p Post
	p.Title, p.Slug, p.Date = head(seed, i)
	r := newRNG(seed, i, "body")
	p.Author = authors[r.weighted(authorCum)].id
	p.Categories = []string{categories[r.weighted(categoryCum)]}
	if r.chance(0.1) {
		if c := categories[r.weighted(categoryCum)]; c != p.Categories[0] {
			p.Categories = append(p.Categories, c)
		}
	}
	p.Tags = []string{}
	if !r.chance(0.3) {
		for n := r.between(1, 5); n > 0; n-- {
			t := tags[r.weighted(tagCum)]
			if !contains(p.Tags, t) {
				p.Tags = append(p.Tags, t)
			}
		}
	}
	w := writer{r: r}
	p.Excerpt = w.text(r.between(18, 30))
	p.Image = fmt.Sprintf("assets/images/%016x%016x.jpg", r.next(), r.next())

	// Prose paragraphs up to the target length, with one or two subheadings
	// and now and then a list, a block quote or a code block between them.
	target := r.between(850, 950)
	w = writer{r: r}
	w.b.Grow(target * 7)
	headingAt := []int{r.between(5, 10), r.between(14, 20)}
	if r.chance(0.5) {
		headingAt[1] = -1
	}
	listAt, quoteAt, codeAt := -1, -1, -1
	if r.chance(0.35) {
		listAt = r.between(3, 18)
	}
	if r.chance(0.4) {
		quoteAt = r.between(2, 20)
	}
	if r.chance(0.04) {
		codeAt = r.between(4, 20)
	}
	for n := 0; w.words < target; n++ {
		switch n {
		case headingAt[0], headingAt[1]:
			w.heading()
		}
		switch n {
		case listAt:
			w.list()
		case quoteAt:
			w.blockquote()
		case codeAt:
			w.code()
		}
		w.paragraph()
	}
	p.Body = strings.TrimSuffix(w.b.String(), "\n")
	p.Words = w.words
	return p
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// FrontMatter is the post's front matter, in the sample post's layout.
func (p *Post) FrontMatter(f Flavour) string {
	var b strings.Builder
	b.WriteString("---\nlayout: post\n")
	b.WriteString("title: " + quote(p.Title) + "\n")
	b.WriteString("date: " + p.Date.Format("2006-01-02T15:04:05") + "\n")
	b.WriteString("author: " + quote(p.Author) + "\n")
	b.WriteString("categories: [" + strings.Join(p.Categories, ", ") + "]\n")
	b.WriteString("tags: [" + strings.Join(p.Tags, ", ") + "]\n")
	b.WriteString("excerpt: " + quote(p.Excerpt) + "\n")
	b.WriteString("image: " + p.Image + "\n")
	if f == Hugo {
		// Hugo has no :title from the file name; give it Jekyll's.
		b.WriteString("slug: " + p.Slug + "\n")
	}
	b.WriteString("---\n")
	return b.String()
}

// quote is a YAML double-quoted scalar.
func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

//go:embed all:theme
var theme embed.FS

// Write writes the site into dir, which must be empty or missing (or, with
// Force, a site this package wrote).
func Write(dir string, o Options) error {
	if o.Posts < 0 {
		return errors.New("gen: number of posts must not be negative")
	}
	if err := prepare(dir, o.Force); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(dir, MarkerFile), Marker(o)); err != nil {
		return err
	}
	if err := copyTheme(dir, o.Flavour); err != nil {
		return err
	}
	for name, text := range siteFiles(o.Flavour) {
		if err := writeFile(filepath.Join(dir, filepath.FromSlash(name)), text); err != nil {
			return err
		}
	}
	postDir := "_posts"
	if o.Flavour == Hugo {
		postDir = "content/posts"
	}
	cats, tags, err := writePosts(filepath.Join(dir, filepath.FromSlash(postDir)), o)
	if err != nil || o.Flavour == Hugo {
		return err
	}
	return termPages(dir, cats, tags)
}

func prepare(dir string, force bool) error {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return err
	}
	if len(ents) == 0 {
		return nil
	}
	if !force {
		return fmt.Errorf("gen: %s is not empty", dir)
	}
	if _, err := os.Stat(filepath.Join(dir, MarkerFile)); err != nil {
		return fmt.Errorf("gen: will not replace %s: it has no %s, so this generator did not write it", dir, MarkerFile)
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	return os.MkdirAll(dir, 0o755)
}

func writeFile(name, text string) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, []byte(text), 0o644)
}

func copyTheme(dir string, f Flavour) error {
	root := "theme/" + f.String()
	return fs.WalkDir(theme, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := theme.ReadFile(p)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, root+"/")
		return writeFile(filepath.Join(dir, filepath.FromSlash(rel)), string(b))
	})
}

// writePosts names every post first (slugs are made unique per day, in post
// order, so the result does not depend on scheduling), then generates and
// writes the bodies on every core.
func writePosts(dir string, o Options) (cats, tags map[string]bool, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, err
	}
	seed := o.seed()
	names := make([]string, o.Posts)
	slugs := make([]string, o.Posts)
	used := make(map[string]bool, o.Posts)
	for i := range names {
		_, slug, date := head(seed, i)
		day := date.Format("2006-01-02")
		s := slug
		for k := 2; used[day+"-"+s]; k++ {
			s = slug + "-" + strconv.Itoa(k)
		}
		used[day+"-"+s] = true
		slugs[i], names[i] = s, day+"-"+s+".md"
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		next  = make(chan int, 64)
	)
	cats, tags = map[string]bool{}, map[string]bool{}
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				p := MakePost(seed, i)
				p.Slug = slugs[i]
				text := p.FrontMatter(o.Flavour) + "\n" + p.Body
				err := os.WriteFile(filepath.Join(dir, names[i]), []byte(text), 0o644)
				mu.Lock()
				if err != nil && first == nil {
					first = err
				}
				for _, c := range p.Categories {
					cats[c] = true
				}
				for _, t := range p.Tags {
					tags[t] = true
				}
				mu.Unlock()
			}
		}()
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	return cats, tags, first
}

// termPath is where a category or tag page lives, as Jekyll's slugify and
// Hugo's urlize both spell these names.
func termPath(kind, name string) string { return path.Join("/", kind, slugify(name)) + "/" }
