// Package optionalfrontmatter is jekyll-optional-front-matter 0.3: Markdown
// files without front matter, which Jekyll would copy as static files,
// become pages too.
//
// As the gem does, it runs after reading: every static file with one of the
// site's Markdown extensions (collection folders included) is read again as
// a page, except README, LICENSE, LICENCE, COPYING, CODE_OF_CONDUCT,
// CONTRIBUTING, ISSUE_TEMPLATE and PULL_REQUEST_TEMPLATE (any case, any
// Markdown extension) unless the site's `include` names them. The static
// file stays and is copied too, unless `optional_front_matter:
// remove_originals: true`. `enabled: false`, or `require_front_matter:
// true` at the top of the config, switches the plugin off.
package optionalfrontmatter

import (
	"os"
	"strings"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/content"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// Plugin is jekyll-optional-front-matter.
type Plugin struct{}

// Name is the gem's name.
func (Plugin) Name() string { return "jekyll-optional-front-matter" }

// denied are the base names (upper-cased) that stay static files.
var denied = map[string]bool{
	"README": true, "LICENSE": true, "LICENCE": true, "COPYING": true, "CODE_OF_CONDUCT": true,
	"CONTRIBUTING": true, "ISSUE_TEMPLATE": true, "PULL_REQUEST_TEMPLATE": true,
}

// Generate adds the pages. It runs as the gem's generator does (priority
// normal), before the plugins of lower priority that look at pages.
func (Plugin) Generate(s *build.Site) error {
	opts := s.PluginOptions("optional_front_matter")
	requireFM := false
	if v, ok := s.Config.Raw.Get("require_front_matter"); ok {
		requireFM = liquid.Truthy(v)
	}
	if opts != nil {
		if v, ok := opts.Get("enabled"); ok && v == false {
			return nil
		}
	}
	if requireFM {
		return nil
	}
	cleanup := false
	if opts != nil {
		if v, ok := opts.Get("remove_originals"); ok && v == true {
			cleanup = true
		}
	}
	includeIsList := includeIsList(s)
	kept := s.StaticFiles[:0:0]
	var errs []error
	for _, f := range s.StaticFiles {
		if !s.Markdown.Matches(f.Ext) {
			kept = append(kept, f)
			continue
		}
		dir := f.Dir
		if dir != "" && !strings.HasPrefix(dir, "/") {
			dir = "/" + dir // a collection's file: "_notes" → "/_notes"
		}
		rel := strings.TrimPrefix(dir+"/"+f.Name, "/")
		if denied[strings.ToUpper(f.Basename)] && !(includeIsList && s.IncludedByConfig(rel)) {
			kept = append(kept, f)
			continue
		}
		src, err := os.ReadFile(f.Path)
		if err != nil {
			errs = append(errs, err)
			kept = append(kept, f)
			continue
		}
		p, err := content.NewPage(s.Settings, dir, f.Name, src)
		if err != nil {
			errs = append(errs, err)
			kept = append(kept, f)
			continue
		}
		s.AddPage(p)
		if !cleanup {
			kept = append(kept, f)
		}
	}
	s.StaticFiles = kept
	if len(errs) > 0 {
		return &build.BuildError{Errs: errs}
	}
	return nil
}

// includeIsList reports whether the config's `include` is a list (Jekyll's
// default is one): only then does the gem let `include` rescue a denied name.
func includeIsList(s *build.Site) bool {
	v, ok := s.Config.Raw.Get("include")
	if !ok {
		return true
	}
	_, isList := v.([]any)
	return isList
}
