package feed

import (
	"fmt"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// config is the site's `feed:` settings that decide which feeds exist;
// posts_limit and excerpt_only are read by the template from site.feed.
type config struct {
	path                 any // feed.path: where the posts feed goes
	collections          []collection
	tags                 any // feed.tags: true, or a mapping of only/except/path
	disableInDevelopment bool
}

// collection is one collection that has feeds, with its categories.
type collection struct {
	name       string
	path       any   // its feed's path, or nil for /feed/<name>.xml
	categories []any // one more feed for each
}

// configMap returns `feed:` when it is a mapping.
func configMap(s *build.Site) (*liquid.Map, bool) {
	v, _ := s.Config.Raw.Get("feed")
	m, ok := v.(*liquid.Map)
	return m, ok
}

// readConfig reads `feed:` as the gem does. Settings the gem would crash
// on are reported and left out, and the default feed is still made.
func readConfig(s *build.Site) (*config, error) {
	c := &config{}
	var errs []string
	where := s.Config.Files
	place := "the config"
	if len(where) > 0 {
		place = where[0]
	}
	bad := func(key, want string) {
		errs = append(errs, fmt.Sprintf("%s: feed: %s must be %s", place, key, want))
	}
	m, ok := configMap(s)
	if v, set := s.Config.Raw.Get("feed"); set && v != nil && !ok {
		return &config{collections: []collection{{name: "posts"}}},
			fmt.Errorf("%s: feed must be a mapping (path, posts_limit, categories, collections, tags, excerpt_only)", place)
	}
	get := func(k string) any {
		if m == nil {
			return nil
		}
		v, _ := m.Get(k)
		return v
	}
	c.path = get("path")
	c.tags = get("tags")
	c.disableInDevelopment = liquid.Truthy(get("disable_in_development"))

	switch v := get("collections").(type) {
	case []any:
		for _, n := range v {
			c.collections = append(c.collections, collection{name: liquid.ToString(n)})
		}
	case *liquid.Map:
		for _, n := range v.Keys() {
			meta, _ := v.Get(n)
			col := collection{name: n}
			switch mm := meta.(type) {
			case *liquid.Map:
				col.path, _ = mm.Get("path")
				cats, _ := mm.Get("categories")
				col.categories = categoryList(cats)
			case nil:
			default:
				bad("collections: "+n, "a mapping (path, categories)")
			}
			c.collections = append(c.collections, col)
		}
	case nil:
	default:
		bad("collections", "a list of collection names or a mapping")
	}

	// The posts feed is configured at the top level as well (feed.path,
	// feed.categories), and is always made.
	posts := -1
	for i := range c.collections {
		if c.collections[i].name == "posts" {
			posts = i
		}
	}
	if posts < 0 {
		c.collections = append(c.collections, collection{name: "posts"})
		posts = len(c.collections) - 1
	}
	p := &c.collections[posts]
	if !liquid.Truthy(p.path) {
		p.path = c.path
	}
	if p.categories == nil {
		p.categories = categoryList(get("categories"))
	}
	if !liquid.Truthy(c.path) {
		c.path = p.path
	}
	if len(errs) > 0 {
		return c, fmt.Errorf("%s", joinLines(errs))
	}
	return c, nil
}

// categoryList is a list of categories without repeats (Ruby's to_set).
func categoryList(v any) []any {
	var out []any
	for _, x := range liquid.ToSlice(v) {
		dup := false
		for _, y := range out {
			if liquid.Equal(x, y) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, x)
		}
	}
	return out
}

// path is where a feed goes: the gem's feed_path.
func (c *config) feedPath(col collection, category any) string {
	prefix := "/feed"
	if col.name != "posts" {
		prefix = "/feed/" + col.name
	}
	if category != nil {
		return prefix + "/" + liquid.ToString(category) + ".xml"
	}
	if liquid.Truthy(col.path) {
		return liquid.ToString(col.path)
	}
	return prefix + ".xml"
}

func joinLines(list []string) string {
	out := ""
	for i, l := range list {
		if i > 0 {
			out += "\n"
		}
		out += l
	}
	return out
}
