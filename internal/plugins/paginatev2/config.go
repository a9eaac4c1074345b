package paginatev2

import (
	"fmt"
	"math"
	"strings"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/broadsheet-ssg/broadsheet/internal/utils"
)

// paginationDefaults is the plugin's DEFAULT: what a site's `pagination:`
// and a page's `pagination:` are merged over.
func paginationDefaults() *liquid.Map {
	m := liquid.NewMap(16)
	m.Set("enabled", false)
	m.Set("collection", "posts")
	m.Set("offset", 0)
	m.Set("per_page", 10)
	m.Set("permalink", "/page:num/")
	m.Set("title", ":title - page :num")
	m.Set("page_num", 1)
	m.Set("sort_reverse", false)
	m.Set("sort_field", "date")
	m.Set("limit", 0)
	trail := liquid.NewMap(2)
	trail.Set("before", 0)
	trail.Set("after", 0)
	m.Set("trail", trail)
	m.Set("indexpage", nil)
	m.Set("extension", "html")
	m.Set("debug", false)
	m.Set("legacy", false)
	return m
}

// autopageDefaults is the AutoPages DEFAULT.
func autopageDefaults() *liquid.Map {
	m := liquid.NewMap(4)
	m.Set("enabled", false)
	for _, k := range []struct{ key, layout, title, permalink string }{
		{"tags", "autopage_tags.html", "Posts tagged with :tag", "/tag/:tag"},
		{"categories", "autopage_category.html", "Posts in category :cat", "/category/:cat"},
		{"collections", "autopage_collection.html", "Posts in collection :coll", "/collection/:coll"},
	} {
		sub := liquid.NewMap(5)
		sub.Set("layouts", []any{k.layout})
		sub.Set("title", k.title)
		sub.Set("permalink", k.permalink)
		sub.Set("enabled", true)
		slug := liquid.NewMap(2)
		slug.Set("mode", "none")
		slug.Set("cased", false)
		sub.Set("slugify", slug)
		m.Set(k.key, sub)
	}
	return m
}

// mergeConfig merges a `pagination:` or `autopages:` value over base; where
// names the value in errors ("_config.yml: pagination").
func mergeConfig(base *liquid.Map, v any, where string) (*liquid.Map, error) {
	if v == nil {
		return base, nil
	}
	m, ok := v.(*liquid.Map)
	if !ok {
		return nil, fmt.Errorf("%s: must be a mapping, not %s", where, liquid.Inspect(v))
	}
	return utils.DeepMerge(base, m), nil
}

// settings is one template's pagination config, read and checked.
type settings struct {
	collections []string
	perPage     int
	permalink   string
	title       string
	sortField   string // "" for no sorting
	sortReverse bool
	offset      int
	limit       int
	trailBefore int
	trailAfter  int
	hasTrail    bool
	indexPage   string // indexpage without extension
	extension   string // with its leading dot, or ""
	filters     map[string]any
	raw         *liquid.Map
}

// readSettings checks a merged pagination config; where names it in errors.
func readSettings(m *liquid.Map, where string) (*settings, error) {
	get := func(k string) any { v, _ := m.Get(k); return v }
	st := &settings{raw: m, filters: map[string]any{}}
	var err error
	if st.perPage, err = toInt(get("per_page")); err != nil || st.perPage <= 0 {
		return nil, fmt.Errorf("%s: per_page must be a number above 0, not %s", where, liquid.Inspect(get("per_page")))
	}
	if st.offset, err = toInt(get("offset")); err != nil {
		return nil, fmt.Errorf("%s: offset must be a number, not %s", where, liquid.Inspect(get("offset")))
	}
	if st.limit, err = toInt(get("limit")); err != nil {
		return nil, fmt.Errorf("%s: limit must be a number, not %s", where, liquid.Inspect(get("limit")))
	}
	perm, ok := get("permalink").(string)
	if !ok {
		return nil, fmt.Errorf("%s: permalink must be a path such as /page:num/, not %s", where, liquid.Inspect(get("permalink")))
	}
	st.permalink = perm
	st.title = liquid.ToString(get("title"))
	switch c := get("collection").(type) {
	case string:
		st.collections = rubySplit(c, func(r byte) bool { return r == ';' || r == ',' || isSpace(r) })
	case []any:
		for _, e := range c {
			st.collections = append(st.collections, liquid.ToString(e))
		}
	default:
		return nil, fmt.Errorf("%s: collection must be a collection name or a list of them, not %s", where, liquid.Inspect(c))
	}
	if f := get("sort_field"); liquid.Truthy(f) {
		st.sortField = liquid.ToString(f)
	}
	st.sortReverse = liquid.Truthy(get("sort_reverse"))
	switch t := get("trail").(type) {
	case nil:
	case *liquid.Map:
		st.hasTrail = true
		b, _ := t.Get("before")
		a, _ := t.Get("after")
		if st.trailBefore, err = toInt(b); err != nil {
			return nil, fmt.Errorf("%s: trail: before must be a number, not %s", where, liquid.Inspect(b))
		}
		if st.trailAfter, err = toInt(a); err != nil {
			return nil, fmt.Errorf("%s: trail: after must be a number, not %s", where, liquid.Inspect(a))
		}
	default:
		if t != false {
			return nil, fmt.Errorf("%s: trail must be a mapping with before and after, not %s", where, liquid.Inspect(t))
		}
	}
	if ip := get("indexpage"); ip != nil {
		st.indexPage = strings.SplitN(liquid.ToString(ip), ".", 2)[0]
	}
	if ext := get("extension"); ext != nil {
		e := liquid.ToString(ext)
		if !strings.HasPrefix(e, ".") {
			e = "." + e
		}
		st.extension = e
	}
	for _, k := range []string{"category", "tag", "locale"} {
		if v, ok := m.Get(k); ok && v != nil {
			switch v.(type) {
			case string, []any:
			default:
				return nil, fmt.Errorf("%s: %s must be a name or a list of names, not %s", where, k, liquid.Inspect(v))
			}
			st.filters[k] = v
		}
	}
	return st, nil
}

// toInt is Ruby's to_i of a config number; nil is 0.
func toInt(v any) (int, error) {
	switch x := v.(type) {
	case nil:
		return 0, nil
	case int:
		return x, nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return 0, fmt.Errorf("not a number")
		}
		return int(x), nil
	case string:
		return leadingInt(x), nil
	}
	return 0, fmt.Errorf("not a number")
}

// leadingInt is Ruby's String#to_i.
func leadingInt(s string) int {
	s = strings.TrimLeft(s, " \t\n\v\f\r")
	i, neg := 0, false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	n := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9' && n < math.MaxInt32; i++ {
		n = n*10 + int(s[i]-'0')
	}
	if neg {
		return -n
	}
	return n
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// rubySplit is Ruby's String#split on single-character separators: empty
// fields kept, except at the end.
func rubySplit(s string, sep func(byte) bool) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if sep(s[i]) {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	out = append(out, s[start:])
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// rubyStrip is Ruby's String#strip.
func rubyStrip(s string) string { return strings.Trim(s, " \t\n\v\f\r\x00") }

func configName(s *build.Site) string {
	if len(s.Config.Files) > 0 {
		return strings.Join(s.Config.Files, ", ")
	}
	return "the config"
}
