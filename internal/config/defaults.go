package config

import (
	"fmt"
	"strings"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/broadsheet-ssg/broadsheet/internal/ruby"
)

// defaultSet is one valid entry of `defaults`, prepared once.
type defaultSet struct {
	hasScope bool
	// path is the scope path as configured; pathOK says it was a
	// non-empty string (otherwise every path matches).
	path   string
	pathOK bool
	// sanitized is the scope path without a leading slash, whose length
	// decides precedence.
	sanitized string
	typ       string
	hasType   bool
	glob      bool
	// globbed holds the paths a glob scope matched, relative to the
	// source and without the collections dir.
	globbed map[string]struct{}
	values  *liquid.Map
}

// compileDefaults reads `defaults` as FrontmatterDefaults#valid_sets does.
// A string `date` in values becomes a time, in place, as ensure_time! does
// (so site.defaults shows it too).
func compileDefaults(r *liquid.Map, source, collectionsDir string, tz *time.Location, warnings []string) ([]defaultSet, []string, error) {
	v, _ := r.Get("defaults")
	list, ok := v.([]any)
	if !ok {
		return nil, warnings, nil
	}
	var sets []defaultSet
	for _, item := range list {
		m, ok := item.(*liquid.Map)
		var values *liquid.Map
		if ok {
			vv, _ := m.Get("values")
			values, ok = vv.(*liquid.Map)
		}
		if !ok {
			warnings = append(warnings, "Defaults: An invalid front-matter default set was found: "+inspect(item))
			continue
		}
		if d, ok := values.Get("date"); ok {
			if ds, isStr := d.(string); isStr {
				t, err := ruby.ParseTime(ds, tz)
				if err != nil {
					return nil, warnings, &Error{Msg: fmt.Sprintf("Invalid date '%s': An invalid date format was found in a front-matter default set: %s", ds, inspect(item))}
				}
				values.Set("date", t)
			}
		}
		ds := defaultSet{values: values}
		if sv, has := m.Get("scope"); has {
			ds.hasScope = true
			scope, _ := sv.(*liquid.Map)
			if p, _ := scope.Get("path"); p != nil {
				if s, isStr := p.(string); isStr && s != "" {
					ds.path, ds.pathOK = s, true
				}
			}
			if pv, _ := scope.Get("path"); pv != nil {
				if s, isStr := pv.(string); isStr {
					ds.sanitized = sanitizePath(s)
				}
			}
			if t, has := scope.Get("type"); has {
				ds.hasType = true
				ds.typ = keyString(t)
				switch ds.typ {
				case "page":
					ds.typ = "pages"
				case "post":
					ds.typ = "posts"
				case "draft":
					ds.typ = "drafts"
				}
			}
			if ds.pathOK && strings.Contains(ds.path, "*") {
				ds.glob = true
				ds.globbed = globScope(source, ds.path, collectionsDir)
			}
		}
		sets = append(sets, ds)
	}
	return sets, warnings, nil
}

func sanitizePath(p string) string {
	return strings.TrimPrefix(p, "/")
}

func stripCollectionsDir(p, collectionsDir string) string {
	if collectionsDir == "" {
		return p
	}
	if strings.HasPrefix(p, collectionsDir+"/") {
		return p[len(collectionsDir)+1:]
	}
	return p
}

func (ds *defaultSet) applies(path, sanitized, typ, collectionsDir string) bool {
	if !ds.hasScope {
		return true
	}
	if ds.hasType && ds.typ != typ {
		return false
	}
	if !ds.pathOK {
		return true
	}
	if ds.glob {
		// Any globbed path that is a string prefix of the document's.
		for i := 1; i <= len(sanitized); i++ {
			if _, ok := ds.globbed[sanitized[:i]]; ok {
				return true
			}
		}
		_, ok := ds.globbed[""]
		return ok
	}
	return strings.HasPrefix(sanitized, stripCollectionsDir(ds.path, collectionsDir))
}

// precedes is FrontmatterDefaults#has_precedence?: a longer scope path
// wins, and at equal length a scope with a type wins over one without.
func precedes(old, cur *defaultSet) bool {
	if old == nil {
		return true
	}
	if len(cur.sanitized) != len(old.sanitized) {
		return len(cur.sanitized) >= len(old.sanitized)
	}
	if cur.hasType {
		return true
	}
	return !old.hasType
}

// FrontMatterDefaults is Jekyll's FrontmatterDefaults#all: the deep-merged
// values of every `defaults` set whose scope matches relPath (relative to
// the source; for a collection document, relative to the collections dir)
// and typ ("pages", "posts", "drafts" or a collection label). The result is
// a new Map the caller may change.
func (c *Config) FrontMatterDefaults(relPath, typ string) *liquid.Map {
	out := liquid.NewMap(0)
	sanitized := sanitizePath(relPath)
	var old *defaultSet
	for i := range c.defaults {
		ds := &c.defaults[i]
		if !ds.applies(relPath, sanitized, typ, c.CollectionsDir) {
			continue
		}
		if precedes(old, ds) {
			out = deepMerge(out, ds.values)
			old = ds
		} else {
			out = deepMerge(ds.values, out)
		}
	}
	return out
}
