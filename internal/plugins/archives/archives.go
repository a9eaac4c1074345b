// Package archives is jekyll-archives 2.2: the `jekyll-archives:` config
// switches on archive pages of the posts by year, month, day, category and
// tag, each rendered in a layout of the site and placed at a permalink
// template, with the posts it holds as page.posts.
package archives

import (
	"fmt"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/content"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/broadsheet-ssg/broadsheet/internal/ruby"
	"github.com/broadsheet-ssg/broadsheet/internal/utils"
)

// Plugin is jekyll-archives.
type Plugin struct{}

// New returns the plugin.
func New() *Plugin { return &Plugin{} }

// Name is the gem name.
func (*Plugin) Name() string { return "jekyll-archives" }

// The archive types, as `permalinks:` and `layouts:` name them, and the
// names `enabled:` uses for them.
var types = []struct{ typ, enabledName string }{
	{"tag", "tags"}, {"category", "categories"}, {"year", "year"}, {"month", "month"}, {"day", "day"},
}

// defaults are the plugin's DEFAULTS, which the site's config is merged over.
func defaults() *liquid.Map {
	m := liquid.NewMap(3)
	m.Set("layout", "archive")
	m.Set("enabled", []any{})
	p := liquid.NewMap(5)
	p.Set("year", "/:year/")
	p.Set("month", "/:year/:month/")
	p.Set("day", "/:year/:month/:day/")
	p.Set("tag", "/tag/:name/")
	p.Set("category", "/category/:name/")
	m.Set("permalinks", p)
	return m
}

// options is the merged config, checked.
type options struct {
	raw        *liquid.Map
	enabled    map[string]bool
	permalinks map[string]string
	layouts    map[string]any
}

func readOptions(s *build.Site) (*options, error) {
	conf := configName(s)
	user := liquid.NewMap(0)
	if v, ok := s.Config.Raw.Get("jekyll-archives"); ok && v != nil {
		m, ok := v.(*liquid.Map)
		if !ok {
			return nil, fmt.Errorf("%s: jekyll-archives: must be a mapping (enabled, layout, layouts, permalinks), not %s", conf, liquid.Inspect(v))
		}
		user = m
	}
	raw := utils.DeepMerge(defaults(), user)
	o := &options{raw: raw, enabled: map[string]bool{}, permalinks: map[string]string{}, layouts: map[string]any{}}

	en, _ := raw.Get("enabled")
	switch x := en.(type) {
	case bool:
		if x {
			for _, t := range types {
				o.enabled[t.enabledName] = true
			}
		}
	case string:
		if x == "all" {
			for _, t := range types {
				o.enabled[t.enabledName] = true
			}
		} else {
			s.Warnf("%s: jekyll-archives: enabled is %q: it must be true, \"all\" or a list such as [year, month, day, categories, tags]; no archives are made", conf, x)
		}
	case []any:
		for _, e := range x {
			name, _ := e.(string)
			known := false
			for _, t := range types {
				if t.enabledName == name {
					known = true
				}
			}
			if known {
				o.enabled[name] = true
			} else {
				s.Warnf("%s: jekyll-archives: enabled: %s is not one of year, month, day, categories, tags; it is ignored", conf, liquid.Inspect(e))
			}
		}
	default:
		if en != nil {
			s.Warnf("%s: jekyll-archives: enabled is %s: it must be true, \"all\" or a list such as [year, month, day, categories, tags]; no archives are made", conf, liquid.Inspect(en))
		}
	}

	pl, _ := raw.Get("permalinks")
	plm, ok := pl.(*liquid.Map)
	if !ok {
		return nil, fmt.Errorf("%s: jekyll-archives: permalinks: must be a mapping of archive type to permalink, not %s", conf, liquid.Inspect(pl))
	}
	for _, t := range types {
		if !o.enabled[t.enabledName] {
			continue
		}
		v, _ := plm.Get(t.typ)
		str, ok := v.(string)
		if !ok || str == "" {
			return nil, fmt.Errorf("%s: jekyll-archives: permalinks: %s: Template %s provided is invalid", conf, t.typ, liquid.Inspect(v))
		}
		o.permalinks[t.typ] = str
	}

	layout, _ := raw.Get("layout")
	if lv, ok := raw.Get("layouts"); ok && lv != nil {
		lm, ok := lv.(*liquid.Map)
		if !ok {
			return nil, fmt.Errorf("%s: jekyll-archives: layouts: must be a mapping of archive type to layout, not %s", conf, liquid.Inspect(lv))
		}
		for _, t := range types {
			if v, ok := lm.Get(t.typ); ok && v != nil && v != false {
				o.layouts[t.typ] = v
			}
		}
	}
	for _, t := range types {
		if _, ok := o.layouts[t.typ]; !ok {
			o.layouts[t.typ] = layout
		}
	}
	return o, nil
}

// Generate makes the archive pages: tags, categories, then for each year
// its page, its months and their days.
func (*Plugin) Generate(s *build.Site) error {
	o, err := readOptions(s)
	if err != nil {
		return err
	}
	// Templates see the merged config as site.jekyll-archives, as the
	// plugin writes it back into the site's config.
	s.Config.Raw.Set("jekyll-archives", o.raw)
	var pages []*content.Document
	add := func(typ string, title any, date []string, posts []*content.Document) error {
		p, err := newArchive(s, o, typ, title, date, posts)
		if err != nil {
			return err
		}
		pages = append(pages, p)
		return nil
	}
	docs := s.Posts.Docs
	for _, kind := range []struct{ attr, typ, enabled string }{{"tags", "tag", "tags"}, {"categories", "category", "categories"}} {
		if !o.enabled[kind.enabled] {
			continue
		}
		for _, g := range groupByAttr(docs, kind.attr) {
			if err := add(kind.typ, g.title, nil, g.posts); err != nil {
				return err
			}
		}
	}
	for _, y := range groupByDate(docs, "%Y") {
		if o.enabled["year"] {
			if err := add("year", nil, []string{y.key}, y.posts); err != nil {
				return err
			}
		}
		for _, m := range groupByDate(y.posts, "%m") {
			if o.enabled["month"] {
				if err := add("month", nil, []string{y.key, m.key}, m.posts); err != nil {
					return err
				}
			}
			if !o.enabled["day"] {
				continue
			}
			for _, d := range groupByDate(m.posts, "%d") {
				if err := add("day", nil, []string{y.key, m.key, d.key}, d.posts); err != nil {
					return err
				}
			}
		}
	}
	for _, p := range pages {
		s.AddPage(p)
	}
	s.Config.Raw.Set("archives", archiveList(pages))
	return nil
}

// archiveList is site.archives: filled with the pages' template values in
// ExtendLiquid, once the build has made them.
type archiveList []*content.Document

// ExtendLiquid gives page.posts and site.archives their template values,
// which exist only after the generators ran.
func (*Plugin) ExtendLiquid(_ *liquid.Engine, s *build.Site) {
	v, _ := s.Config.Raw.Get("archives")
	list, ok := v.(archiveList)
	if !ok {
		return
	}
	drops := make([]any, len(list))
	for i, p := range list {
		drops[i] = p.Drop()
		if docs, ok := p.Data.Get("posts"); ok {
			if docs, ok := docs.([]*content.Document); ok {
				arr := make([]any, len(docs))
				for j, d := range docs {
					arr[j] = d.Drop()
				}
				p.SetData("posts", arr)
			}
		}
	}
	s.Config.Raw.Set("archives", drops)
}

// newArchive is one archive page. title is the tag or category (any YAML
// value; only a string gives a name and a title), date the year, month and
// day of a date archive.
func newArchive(s *build.Site, o *options, typ string, title any, date []string, posts []*content.Document) (*content.Document, error) {
	var pairs []content.Pair
	var titleVal, dateVal any
	if date != nil {
		for i, name := range []string{"year", "month", "day"}[:len(date)] {
			pairs = append(pairs, content.Pair{Name: name, Value: date[i], HasValue: true})
		}
		dateVal = archiveDate(date)
	} else {
		slug := content.Pair{Name: "name"}
		if str, ok := title.(string); ok {
			slug = content.Pair{Name: "name", Value: utils.Slugify(str, "default", false), HasValue: true}
			titleVal = str
		}
		pairs = append(pairs, slug)
	}
	pairs = append(pairs, content.Pair{Name: "type", Value: typ, HasValue: true})
	url := content.ExpandURLFromPairs(o.permalinks[typ], pairs)

	rel := strings.TrimPrefix(content.UnescapePath(url), "/")
	if strings.HasSuffix(url, "/") {
		rel = path.Join(rel, "index.html")
	}
	ext := path.Ext(rel)
	name := strings.TrimSuffix(path.Base(rel), ext)

	layout := o.layouts[typ]
	if l, ok := layout.(string); ok && l != "" && s.Layouts[l] == nil {
		// Jekyll warns and writes the page with nothing in it.
		s.Warnf("Build Warning: Layout '%s' requested in %s does not exist.", l, rel)
		layout = nil
	}
	data := liquid.NewMap(9)
	data.Set("layout", layout)
	data.Set("posts", posts)
	data.Set("type", typ)
	data.Set("title", titleVal)
	data.Set("date", dateVal)
	data.Set("name", name)
	data.Set("path", rel)
	data.Set("url", url)
	data.Set("permalink", nil)

	dir := path.Dir("/" + rel)
	if dir == "/" {
		dir = ""
	}
	p := s.NewPage(dir, path.Base(rel), "", data)
	p.Name = name
	p.SetURL(url)
	return p, nil
}

// archiveDate is page.date of a date archive: a Date on the first day of
// its year or month.
func archiveDate(parts []string) liquid.Date {
	n := [3]int{0, 1, 1}
	for i, p := range parts {
		v := 0
		for _, c := range p {
			v = v*10 + int(c-'0')
		}
		n[i] = v
	}
	return liquid.Date{Time: time.Date(n[0], time.Month(n[1]), n[2], 0, 0, 0, 0, time.UTC)}
}

type group struct {
	key   string
	title any
	posts []*content.Document
}

// groupByAttr is Jekyll's post_attr_hash: each tag or category with its
// posts newest first, in the order the oldest post first names them.
func groupByAttr(docs []*content.Document, attr string) []*group {
	var out []*group
	index := map[string]*group{}
	for _, d := range docs {
		vals, _ := d.Get(attr).([]any)
		for _, v := range vals {
			// Ruby hash keys: the tag 2024 and the tag "2024" are two.
			k := liquid.Inspect(v)
			g := index[k]
			if g == nil {
				g = &group{key: k, title: v}
				index[k] = g
				out = append(out, g)
			}
			// A post that names a tag twice is listed twice, as in Jekyll.
			g.posts = append(g.posts, d)
		}
	}
	for _, g := range out {
		sortNewestFirst(g.posts)
	}
	return out
}

// groupByDate groups posts by a part of their date, in the order the posts
// are given; each group's posts are newest first. Given the collection's
// oldest-first order, years come oldest first; the months of a year (given
// newest first) newest first.
func groupByDate(docs []*content.Document, format string) []*group {
	var out []*group
	index := map[string]*group{}
	for _, d := range docs {
		k := ruby.Strftime(d.Date, format)
		g := index[k]
		if g == nil {
			g = &group{key: k}
			index[k] = g
			out = append(out, g)
		}
		g.posts = append(g.posts, d)
	}
	for _, g := range out {
		sortNewestFirst(g.posts)
	}
	return out
}

// sortNewestFirst is Ruby's posts.sort!.reverse! with Document#<=>: by date,
// then by path.
func sortNewestFirst(docs []*content.Document) {
	sort.SliceStable(docs, func(i, j int) bool {
		a, b := docs[i], docs[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		return a.Path > b.Path
	})
}

func configName(s *build.Site) string {
	if len(s.Config.Files) > 0 {
		return strings.Join(s.Config.Files, ", ")
	}
	return "the config"
}
