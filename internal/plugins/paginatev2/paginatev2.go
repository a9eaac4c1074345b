// Package paginatev2 is jekyll-paginate-v2 3.0: every page whose front
// matter has `pagination: {enabled: true}` is replaced by a series of pages
// of posts (or of any collections' documents), filtered by category, tag
// and locale, sorted by any field, with a trail of neighbouring pages; and
// autopages make such a series for every tag, category and collection.
// Site-wide settings come from `pagination:` and `autopages:` in the config.
package paginatev2

import (
	"fmt"
	"math"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/content"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/broadsheet-ssg/broadsheet/internal/utils"
)

// Plugin is jekyll-paginate-v2.
type Plugin struct{}

// New returns the plugin.
func New() *Plugin { return &Plugin{} }

// Name is the gem name.
func (*Plugin) Name() string { return "jekyll-paginate-v2" }

// Generate makes the autopages, then paginates every enabled template.
func (*Plugin) Generate(s *build.Site) error {
	conf := configName(s)
	siteConf, _ := s.Config.Raw.Get("pagination")
	if err := createAutopages(s, siteConf); err != nil {
		return err
	}
	defaults, err := mergeConfig(paginationDefaults(), siteConf, conf+": pagination")
	if err != nil {
		return err
	}
	if v, ok := s.Config.Raw.Get("paginate"); ok && v != nil {
		// The plugin's jekyll-paginate compatibility mode stopped working
		// on 2018-01-01: Jekyll fails the build.
		if siteConf != nil {
			return fmt.Errorf("%s: paginate and pagination are both set: jekyll-paginate-v2 takes only pagination (remove paginate)", conf)
		}
		return fmt.Errorf("%s: paginate: jekyll-paginate-v2 no longer reads the old jekyll-paginate settings; use pagination: {enabled: true, per_page: ...}", conf)
	}
	if !liquid.Truthy(get(defaults, "enabled")) {
		return nil
	}
	var templates []*content.Document
	for _, p := range s.Pages {
		if pc, ok := p.Data.Get("pagination"); ok {
			if m, ok := pc.(*liquid.Map); ok && liquid.Truthy(get(m, "enabled")) {
				templates = append(templates, p)
			}
		}
	}
	if len(templates) == 0 {
		s.Warnf("Pagination: Is enabled, but I couldn't find any pagination page. Skipping pagination. Pages must have 'pagination: enabled: true' in their front-matter for pagination to work.")
		return nil
	}
	var errs []error
	for _, t := range templates {
		pc, _ := t.Data.Get("pagination")
		merged := utils.DeepMerge(defaults, pc.(*liquid.Map))
		if !liquid.Truthy(get(merged, "enabled")) {
			continue
		}
		st, err := readSettings(merged, t.RelPath+": pagination")
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if err := paginate(s, t, st); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return &build.BuildError{Errs: errs}
	}
	return nil
}

func get(m *liquid.Map, k string) any {
	v, _ := m.Get(k)
	return v
}

// docsIn gathers the documents of the named collections ("all" is every
// collection but posts), without pagination templates and hidden ones.
func docsIn(s *build.Site, names []string) []*content.Document {
	var docs []*content.Document
	add := func(c *content.Collection) {
		for _, d := range c.Docs {
			if _, ok := d.Data.Get("pagination"); !ok {
				docs = append(docs, d)
			}
		}
	}
	for _, n := range names {
		n = rubyStrip(utils.Downcase(n))
		for _, c := range s.Collections {
			if n == "all" && c.Label != "posts" || n == c.Label {
				add(c)
			}
		}
	}
	out := docs[:0]
	for _, d := range docs {
		if !liquid.Truthy(d.Get("hidden")) {
			out = append(out, d)
		}
	}
	return out
}

// indexBy is PaginationIndexer.index_posts_by: documents by each lower-cased
// value of a field ("categories", "tags", "locale"); text values are split
// at ; , and spaces.
func indexBy(docs []*content.Document, key string) map[string][]*content.Document {
	index := map[string][]*content.Document{}
	for _, d := range docs {
		v, ok := d.Data.Get(key)
		if !ok || v == nil || strings.TrimSpace(liquid.ToString(v)) == "" {
			continue
		}
		var vals []any
		switch x := v.(type) {
		case string:
			for _, f := range rubySplit(x, func(c byte) bool { return c == ';' || c == ',' || isSpace(c) }) {
				vals = append(vals, f)
			}
		case []any:
			if len(x) == 0 {
				continue
			}
			vals = x
		default:
			vals = []any{x}
		}
		for _, e := range vals {
			k := rubyStrip(utils.Downcase(liquid.ToString(e)))
			for _, part := range rubySplit(k, func(c byte) bool { return c == ';' || c == ',' }) {
				part = rubyStrip(utils.Downcase(part))
				index[part] = append(index[part], d)
			}
		}
	}
	return index
}

// filterBy keeps the documents found under every name the filter gives.
func filterBy(docs []*content.Document, value any, index map[string][]*content.Document) []*content.Document {
	var keys []string
	switch x := value.(type) {
	case string:
		keys = rubySplit(x, func(c byte) bool { return c == ';' || c == ',' })
	case []any:
		for _, e := range x {
			keys = append(keys, liquid.ToString(e))
		}
	}
	for _, k := range keys {
		in := map[*content.Document]bool{}
		for _, d := range index[rubyStrip(utils.Downcase(k))] {
			in[d] = true
		}
		seen := map[*content.Document]bool{}
		out := make([]*content.Document, 0, len(docs))
		for _, d := range docs {
			if in[d] && !seen[d] {
				seen[d] = true
				out = append(out, d)
			}
		}
		docs = out
	}
	return docs
}

// paginate replaces the template with its pages.
func paginate(s *build.Site, tmpl *content.Document, st *settings) error {
	all := docsIn(s, st.collections)
	posts := append([]*content.Document(nil), all...)
	for _, f := range []struct{ key, field string }{{"category", "categories"}, {"tag", "tags"}, {"locale", "locale"}} {
		v, ok := st.filters[f.key]
		if !ok {
			continue
		}
		index := indexBy(all, f.field)
		if f.key == "category" {
			// The plugin's old catch-all category.
			index["posts"] = all
		}
		posts = filterBy(posts, v, index)
	}
	if st.sortField != "" {
		if err := sortDocs(posts, st.sortField); err != nil {
			return fmt.Errorf("%s: pagination: sort_field %s: %v", tmpl.RelPath, st.sortField, err)
		}
		if n := max(0, st.offset); n > 0 {
			posts = posts[:max(0, len(posts)-n)]
		}
		if st.sortReverse {
			for i, j := 0, len(posts)-1; i < j; i, j = i+1, j-1 {
				posts[i], posts[j] = posts[j], posts[i]
			}
		}
	}
	total := int(math.Ceil(float64(len(posts)) / float64(st.perPage)))
	if st.limit > 0 && st.limit < total {
		total = st.limit
	}
	removePage(s, tmpl)
	if total == 0 {
		total = 1
	}
	if !strings.Contains(st.permalink, ":num") {
		s.Warnf("%s: pagination: permalink %q has no :num, so every page of the series is written to the same place", tmpl.RelPath, st.permalink)
	}

	indexWithExt := st.indexPage + st.extension
	tmplPermalink, hasPermalink := tmpl.Data.Get("permalink")
	hasPermalink = hasPermalink && liquid.Truthy(tmplPermalink)
	var first string
	if hasPermalink {
		first = ensureTrailingSlash(liquid.ToString(tmplPermalink))
	} else {
		first = ensureTrailingSlash(tmpl.PageDir())
	}
	paged := rubyFileJoin(first, st.permalink)
	tmplTitle := get(tmpl.Data, "title")
	if !liquid.Truthy(tmplTitle) {
		tmplTitle, _ = s.Config.Raw.Get("title")
	}
	_, isAuto := tmpl.Data.Get("autopage")

	var pages []*content.Document
	for n := 1; n <= total; n++ {
		pg := newPager(st, first, paged, posts, n, total)
		p := *tmpl
		p.Data = tmpl.Data.Clone()
		p.SetDrop(nil)
		p.Pager = pg
		p.Name = indexWithExt
		p.Ext = rubyExtname(p.Name)
		p.Basename = strings.TrimRight(strings.TrimSuffix(p.Name, p.Ext), ".")
		if p.Ext == "" {
			p.Basename = p.Name
		}
		p.RelPath = p.Name
		if isAuto {
			p.Body = ""
			if ap, ok := get(tmpl.Data, "autopage").(*liquid.Map); ok {
				if _, ok := ap.Get("display_name"); ok {
					p.SetData("autopages", ap.Clone())
				}
			}
		}
		info := liquid.NewMap(2)
		info.Set("curr_page", n)
		info.Set("total_pages", total)
		p.SetData("pagination_info", info)
		switch {
		case strings.HasSuffix(pg.pagePath, "/"):
			p.SetURL(rubyFileJoin(pg.pagePath, indexWithExt))
		case strings.HasSuffix(pg.pagePath, st.extension):
			p.SetURL(pg.pagePath)
		default:
			p.SetURL(pg.pagePath + st.extension)
		}
		if hasPermalink {
			p.SetData("permalink", pg.pagePath)
		}
		if n > 1 {
			p.SetData("title", formatNumber(strings.Replace(st.title, ":title", liquid.ToString(tmplTitle), 1), n, total))
			p.SetData("autogen", "jekyll-paginate-v2")
		} else {
			p.SetData("title", tmplTitle)
		}
		p.OutputExt = outputExt(s, &p)
		s.AddPage(&p)
		pages = append(pages, &p)
	}
	if st.hasTrail && len(pages) > 1 {
		before, after := max(st.trailBefore, 0), max(st.trailAfter, 0)
		if before > 0 || after > 0 {
			length := before + after + 1
			for _, p := range pages {
				pg := p.Pager.(*Pager)
				start := max(pg.page-before-1, 0)
				end := min(start+length, len(pages))
				if end-start < length {
					start = max(start-(length-(end-start)), 0)
				}
				trail := make([]any, 0, end-start)
				for i := start; i < end; i++ {
					t := liquid.NewMap(3)
					t.Set("num", i+1)
					t.Set("path", pages[i].Pager.(*Pager).pagePath)
					t.Set("title", get(pages[i].Data, "title"))
					trail = append(trail, t)
				}
				pg.trail = trail
			}
		}
	}
	return nil
}

// outputExt is Jekyll's: the permalink's extension, else the converter's
// for the page's own extension.
func outputExt(s *build.Site, p *content.Document) string {
	if v, ok := p.Data.Get("permalink"); ok {
		if str, ok := v.(string); ok && str != "" && !strings.HasSuffix(str, "/") {
			if e := rubyExtname(str); e != "" {
				return e
			}
		}
	}
	return s.Settings.OutputExt(p.Ext)
}

func removePage(s *build.Site, p *content.Document) {
	out := s.Pages[:0]
	for _, q := range s.Pages {
		if q != p {
			out = append(out, q)
		}
	}
	s.Pages = out
}

// sortDocs sorts by a field (a:b for nested values) as the plugin does:
// missing values first, text without case, dates as dates.
func sortDocs(docs []*content.Document, field string) error {
	keys := strings.Split(field, ":")
	vals := make(map[*content.Document]any, len(docs))
	for _, d := range docs {
		vals[d] = sortValue(d, keys)
	}
	var err error
	sort.SliceStable(docs, func(i, j int) bool {
		c, e := compareValues(vals[docs[i]], vals[docs[j]])
		if e != nil && err == nil {
			err = e
		}
		return c < 0
	})
	return err
}

func sortValue(d *content.Document, keys []string) any {
	var cur any = d.Data
	for i, k := range keys {
		k = rubyStrip(utils.Downcase(k))
		m, ok := cur.(*liquid.Map)
		if !ok {
			return nil
		}
		v, ok := m.Get(k)
		if !ok {
			if i == 0 && k == "date" {
				// The plugin reads each document's date first, which gives
				// documents without one the site's time.
				return d.Date
			}
			return nil
		}
		cur = v
	}
	if _, ok := cur.(*liquid.Map); ok {
		return nil
	}
	return cur
}

func compareValues(a, b any) (int, error) {
	switch {
	case a == nil && b != nil:
		return -1, nil
	case a != nil && b == nil:
		return 1, nil
	case a == nil && b == nil:
		return 0, nil
	}
	if sa, ok := a.(string); ok {
		sb, ok := b.(string)
		if !ok {
			return 0, fmt.Errorf("comparison of String with %s failed", liquid.Inspect(b))
		}
		return strings.Compare(utils.Downcase(sa), utils.Downcase(sb)), nil
	}
	if ta, ok := asTime(a); ok {
		if tb, ok := asTime(b); ok {
			return ta.Compare(tb), nil
		}
	}
	fa, aNum := asFloat(a)
	fb, bNum := asFloat(b)
	if aNum && bNum {
		switch {
		case fa < fb:
			return -1, nil
		case fa > fb:
			return 1, nil
		}
		return 0, nil
	}
	return 0, fmt.Errorf("comparison of %s with %s failed", liquid.Inspect(a), liquid.Inspect(b))
}

func asTime(v any) (time.Time, bool) {
	switch x := v.(type) {
	case time.Time:
		return x, true
	case liquid.Date:
		return x.Time, true
	}
	return time.Time{}, false
}

func asFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

// formatNumber puts the page number and count in the first :num and :max.
func formatNumber(s string, n, total int) string {
	s = strings.Replace(s, ":num", strconv.Itoa(n), 1)
	return strings.Replace(s, ":max", strconv.Itoa(total), 1)
}

// ensureFullPath gives a folder URL its index file name.
func ensureFullPath(u, index, ext string) string {
	if strings.HasSuffix(u, "/") {
		return u + index + ext
	}
	if !strings.Contains(u, ".") {
		return u + index
	}
	return u
}

func ensureTrailingSlash(p string) string {
	if strings.HasSuffix(p, "/") {
		return p
	}
	return p + "/"
}

// rubyFileJoin is Ruby's File.join of two parts: one slash between them.
func rubyFileJoin(a, b string) string {
	return strings.TrimRight(a, "/") + "/" + strings.TrimLeft(b, "/")
}

// rubyExtname is Ruby's File.extname: a name that starts with its only dot
// (".html") has none.
func rubyExtname(name string) string {
	base := path.Base(name)
	trimmed := strings.TrimLeft(base, ".")
	i := strings.LastIndexByte(trimmed, '.')
	if i <= 0 || i == len(trimmed)-1 {
		return ""
	}
	return trimmed[i:]
}
