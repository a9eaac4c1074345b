// Package paginate is jekyll-paginate 1.1: with `paginate: N` in the
// config, the site's posts (newest first, without those marked `hidden`)
// are split N to a page; the index.html page nearest to `paginate_path`
// shows the first of them and copies of it at /page2/, /page3/, ... the
// rest, each with its `paginator`.
package paginate

import (
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/content"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// Plugin is jekyll-paginate.
type Plugin struct{}

// New returns the plugin.
func New() *Plugin { return &Plugin{} }

// Name is the gem name.
func (*Plugin) Name() string { return "jekyll-paginate" }

// Generate paginates the posts onto the template page and its copies.
func (*Plugin) Generate(s *build.Site) error {
	raw, ok := s.Config.Raw.Get("paginate")
	if !ok || raw == nil || len(s.Pages) == 0 {
		return nil
	}
	conf := configName(s)
	perPage, err := perPageOf(raw)
	if err != nil {
		return fmt.Errorf("%s: paginate: %v", conf, err)
	}
	format, err := pathFormat(s)
	if err != nil {
		return fmt.Errorf("%s: paginate_path: %v", conf, err)
	}
	if perPage < 0 {
		// Jekyll makes no pages then (the page count comes out negative).
		s.Warnf("%s: paginate is %d: nothing is paginated", conf, perPage)
		return nil
	}
	if !strings.Contains(format, ":num") {
		s.Warnf("%s: paginate_path %q has no :num, so every page of posts is written to the same place", conf, format)
	}
	tmpl := templatePage(s, format)
	if tmpl == nil {
		s.Warnf("Pagination: Pagination is enabled, but I couldn't find an index.html page to use as the pagination template. Skipping pagination.")
		return nil
	}
	posts := visiblePosts(s.Posts.Docs)
	total := (len(posts) + perPage - 1) / perPage
	firstURL := tmpl.URL
	pathOf := func(n int) any {
		if n <= 1 {
			return firstURL
		}
		return ensureLeadingSlash(strings.Replace(format, ":num", strconv.Itoa(n), 1))
	}
	for n := 1; n <= total; n++ {
		lo := (n - 1) * perPage
		hi := min(lo+perPage, len(posts))
		p := &Pager{
			Page: n, PerPage: perPage, TotalPosts: len(posts), TotalPages: total,
			Posts: posts[lo:hi],
		}
		if n > 1 {
			p.PreviousPage, p.PreviousPagePath = n-1, pathOf(n-1)
		}
		if n < total {
			p.NextPage, p.NextPagePath = n+1, pathOf(n+1)
		}
		if n == 1 {
			tmpl.Pager = p
			continue
		}
		s.AddPage(copyAt(tmpl, pathOf(n).(string), p))
	}
	return nil
}

// copyAt is Jekyll's second reading of the template page with its dir set
// to the pager's path: the same source, front matter and relative path,
// only the URL moved (a permalink in its front matter still wins, as in
// Jekyll, where every copy then lands on the same URL).
func copyAt(tmpl *content.Document, dir string, p *Pager) *content.Document {
	c := *tmpl
	c.Data = tmpl.Data.Clone()
	c.Pager = p
	c.SetDrop(nil)
	urlTemplate := "/:path/"
	if v, ok := c.Data.Get("permalink"); ok && v != nil {
		urlTemplate = liquid.ToString(v)
	}
	c.SetURL(content.ExpandURLFromPairs(urlTemplate, []content.Pair{
		{Name: "path", Value: dir, HasValue: true},
		{Name: "basename", Value: c.Basename, HasValue: true},
		{Name: "output_ext", Value: c.OutputExt, HasValue: true},
	}))
	return &c
}

// perPageOf is Ruby's to_i of the `paginate` value, refusing what would
// make Jekyll crash (zero, text that is not a number, lists, maps).
func perPageOf(v any) (int, error) {
	var n int
	switch x := v.(type) {
	case int:
		n = x
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return 0, fmt.Errorf("must be a whole number of posts per page, not %v", x)
		}
		n = int(x)
	case string:
		n = leadingInt(x)
	default:
		return 0, fmt.Errorf("must be a whole number of posts per page, not %s", liquid.Inspect(v))
	}
	if n == 0 {
		return 0, fmt.Errorf("must be a whole number of posts per page above 0, not %s", liquid.Inspect(v))
	}
	return n, nil
}

// leadingInt is Ruby's String#to_i: the leading decimal integer, or 0.
func leadingInt(s string) int {
	s = strings.TrimLeft(s, " \t\n\v\f\r")
	i, neg := 0, false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	n := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c == '_' && i > 0 && i+1 < len(s) && s[i-1] >= '0' && s[i-1] <= '9' && s[i+1] >= '0' && s[i+1] <= '9' {
			continue
		}
		if c < '0' || c > '9' {
			break
		}
		if n > math.MaxInt32 {
			break
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		return -n
	}
	return n
}

func pathFormat(s *build.Site) (string, error) {
	v, _ := s.Config.Raw.Get("paginate_path")
	switch x := v.(type) {
	case string:
		return x, nil
	case int, float64:
		return liquid.ToString(x), nil
	}
	return "", fmt.Errorf("must be a path such as /page:num, not %s", liquid.Inspect(v))
}

// templatePage is the index.html page in a folder on the way from the
// source to paginate_path's folder, the deepest one when there are several.
func templatePage(s *build.Site, format string) *content.Document {
	source := s.Config.Source
	target := filepath.Dir(filepath.Join(source, filepath.FromSlash(strings.TrimPrefix(ensureLeadingSlash(format), "/"))))
	var found []*content.Document
	for _, p := range s.Pages {
		if p.Name != "index.html" {
			continue
		}
		dir := filepath.Dir(filepath.Join(source, filepath.FromSlash(strings.TrimPrefix(pagePath(p), "/"))))
		if dir == target || strings.HasPrefix(target, strings.TrimSuffix(dir, string(filepath.Separator))+string(filepath.Separator)) {
			found = append(found, p)
		}
	}
	if len(found) == 0 {
		return nil
	}
	sort.SliceStable(found, func(i, j int) bool { return len(pagePath(found[i])) > len(pagePath(found[j])) })
	return found[0]
}

// pagePath is page.path: front matter `path`, else the relative path.
func pagePath(p *content.Document) string {
	if v, ok := p.Data.Get("path"); ok && v != nil {
		return liquid.ToString(v)
	}
	return p.RelPath
}

// visiblePosts is site.posts without the hidden ones.
func visiblePosts(docs []*content.Document) []*content.Document {
	out := make([]*content.Document, 0, len(docs))
	for i := len(docs) - 1; i >= 0; i-- {
		if h := docs[i].Get("hidden"); h == nil || h == false {
			out = append(out, docs[i])
		}
	}
	return out
}

func ensureLeadingSlash(p string) string {
	if strings.HasPrefix(p, "/") {
		return p
	}
	return "/" + p
}

func configName(s *build.Site) string {
	if len(s.Config.Files) > 0 {
		return strings.Join(s.Config.Files, ", ")
	}
	return "the config"
}

// Pager is `paginator` on a page of posts.
type Pager struct {
	Page, PerPage, TotalPosts, TotalPages int
	Posts                                 []*content.Document
	// nil on the first and last page.
	PreviousPage, PreviousPagePath, NextPage, NextPagePath any

	once  sync.Once
	drops []any
}

var pagerKeys = []string{"page", "per_page", "posts", "total_posts", "total_pages",
	"previous_page", "previous_page_path", "next_page", "next_page_path"}

// Get answers paginator.*.
func (p *Pager) Get(key string) any {
	switch key {
	case "page":
		return p.Page
	case "per_page":
		return p.PerPage
	case "posts":
		// The posts' drops exist only once the build has made the site's
		// template values, after the generators ran.
		p.once.Do(func() {
			p.drops = make([]any, len(p.Posts))
			for i, d := range p.Posts {
				p.drops[i] = d.Drop()
			}
		})
		return p.drops
	case "total_posts":
		return p.TotalPosts
	case "total_pages":
		return p.TotalPages
	case "previous_page":
		return p.PreviousPage
	case "previous_page_path":
		return p.PreviousPagePath
	case "next_page":
		return p.NextPage
	case "next_page_path":
		return p.NextPagePath
	}
	return nil
}

// Keys lists the fields in the order of the plugin's hash.
func (p *Pager) Keys() []string { return pagerKeys }
