package paginatev2

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/content"
	"github.com/broadsheet-ssg/broadsheet/internal/frontmatter"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/broadsheet-ssg/broadsheet/internal/utils"
)

// An autopage kind: the config key, the field of the documents it indexes,
// the pagination filter it sets, and the macro of its title and permalink.
type autoKind struct{ key, field, filter, macro string }

var autoKinds = []autoKind{
	{"tags", "tags", "tag", ":tag"},
	{"categories", "categories", "category", ":cat"},
	{"collections", "__coll", "collection", ":coll"},
}

// createAutopages adds a page for every tag, category and collection (per
// layout listed), each a pagination template filtered to it.
func createAutopages(s *build.Site, siteConf any) error {
	conf := configName(s)
	raw, _ := s.Config.Raw.Get("autopages")
	ac, err := mergeConfig(autopageDefaults(), raw, conf+": autopages")
	if err != nil {
		return err
	}
	if !liquid.Truthy(get(ac, "enabled")) {
		return nil
	}
	pc, err := mergeConfig(paginationDefaults(), siteConf, conf+": pagination")
	if err != nil {
		return err
	}
	// Every document of every collection, each marked with its
	// collection's name, as the plugin does (templates can see __coll).
	var docs []*content.Document
	for _, c := range s.Collections {
		for _, d := range c.Docs {
			if _, ok := d.Data.Get("pagination"); !ok {
				d.SetData("__coll", c.Label)
				docs = append(docs, d)
			}
		}
	}
	for _, k := range autoKinds {
		sub, ok := get(ac, k.key).(*liquid.Map)
		if !ok {
			if v := get(ac, k.key); v != nil {
				return fmt.Errorf("%s: autopages: %s: must be a mapping, not %s", conf, k.key, liquid.Inspect(v))
			}
			continue
		}
		if !liquid.Truthy(get(sub, "enabled")) {
			continue
		}
		layouts, ok := get(sub, "layouts").([]any)
		if !ok {
			return fmt.Errorf("%s: autopages: %s: layouts must be a list of layout files, not %s", conf, k.key, liquid.Inspect(get(sub, "layouts")))
		}
		keys, names, err := autoIndex(docs, k.field)
		if err != nil {
			return fmt.Errorf("%s: autopages: %s: %v", conf, k.key, err)
		}
		for i, key := range keys {
			for _, l := range layouts {
				p, err := newAutopage(s, k, sub, pc, liquid.ToString(l), key, names[i])
				if err != nil {
					return err
				}
				s.AddPage(p)
			}
		}
	}
	return nil
}

// autoIndex lists the lower-cased values of a field over the documents, in
// order of first use, each with the spelling it was first seen in.
func autoIndex(docs []*content.Document, field string) (keys, names []string, err error) {
	seen := map[string]bool{}
	for _, d := range docs {
		v, ok := d.Data.Get(field)
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
			vals = x
		default:
			vals = []any{x}
		}
		for _, e := range vals {
			str, ok := e.(string)
			if !ok {
				return nil, nil, fmt.Errorf("%s: %s %s is not text", d.RelPath, field, liquid.Inspect(e))
			}
			for _, raw := range rubySplit(rubyStrip(str), func(c byte) bool { return c == ';' || c == ',' }) {
				k := rubyStrip(utils.Downcase(raw))
				if !seen[k] {
					seen[k] = true
					keys = append(keys, k)
					names = append(names, raw)
				}
			}
		}
	}
	return keys, names, nil
}

// newAutopage is a BaseAutoPage: the layout file read as the page (its
// front matter may override pagination and autopages settings), placed at
// the permalink with the key in it, and rendered in that same layout.
func newAutopage(s *build.Site, k autoKind, sub, pc *liquid.Map, layoutFile, key, display string) (*content.Document, error) {
	rel := path.Join("_layouts", layoutFile)
	data := liquid.NewMap(8)
	body := ""
	src, err := os.ReadFile(filepath.Join(s.Config.Source, filepath.FromSlash(rel)))
	if err != nil {
		s.Warnf("Error reading file %s: %v", filepath.Join(s.Config.Source, filepath.FromSlash(rel)), err)
	} else {
		fm, b, _, err := frontmatter.Parse(rel, src, s.Config.Timezone)
		if err != nil {
			s.Warnf("%v", err)
		}
		if fm != nil {
			data = fm
		}
		body = string(b)
	}
	pcl, err := mergeConfig(pc, get(data, "pagination"), rel+": pagination")
	if err != nil {
		return nil, err
	}
	acl, err := mergeConfig(sub, get(data, "autopages"), rel+": autopages")
	if err != nil {
		return nil, err
	}
	pcl = pcl.Clone()
	pcl.Set(k.filter, key)

	slugCfg, _ := get(sub, "slugify").(*liquid.Map)
	mode := liquid.ToString(get(slugCfg, "mode"))
	cased := liquid.Truthy(get(slugCfg, "cased"))
	macro := func(pattern any) string {
		return strings.Replace(liquid.ToString(pattern), k.macro, utils.Slugify(key, mode, cased), 1)
	}
	permalink := macro(get(acl, "permalink"))

	layoutName := strings.TrimSuffix(path.Base(layoutFile), path.Ext(layoutFile))
	if s.Layouts[layoutName] == nil {
		s.Warnf("Build Warning: Layout '%s' requested in index.html does not exist.", layoutName)
	}
	// Templates see the front matter defaults of an index.html at the top
	// (the page's relative path, as Jekyll reckons it), under what the
	// plugin sets.
	page := s.NewPage("", "index.html", body, nil)
	page.Data = utils.DeepMerge(page.Data, data)
	page.SetData("permalink", permalink)
	if s.Layouts[layoutName] != nil {
		page.SetData("layout", layoutName)
	} else {
		page.SetData("layout", nil)
	}
	page.SetData("title", macro(get(acl, "title")))
	page.SetData("pagination", pcl)
	ap := liquid.NewMap(2)
	ap.Set("layout_path", rel)
	ap.Set("display_name", display)
	page.SetData("autopage", ap)
	page.SetURL(rubyFileJoin(permalink, "index.html"))
	return page, nil
}
