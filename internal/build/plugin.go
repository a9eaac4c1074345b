package build

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/broadsheet-ssg/broadsheet/internal/content"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// Plugins. Each emulated Jekyll plugin is one unit implementing Plugin and
// any of the hook interfaces below, registered by its gem name, like
// goldmark's extensions: adding a plugin never edits the pipeline. A site
// switches a plugin on by naming it in `plugins:` (or `gems:`, or its
// Gemfile's :jekyll_plugins group), as with Jekyll.

// Plugin is an emulated Jekyll plugin.
type Plugin interface {
	// Name is the gem name a site uses in `plugins:` ("jekyll-feed").
	Name() string
}

// Generator adds or changes pages and documents after the read phase, as a
// Jekyll Generator does. Generators run in the order the plugins are given.
type Generator interface {
	Generate(s *Site) error
}

// LiquidExtender registers tags and filters on the site's Liquid engine.
type LiquidExtender interface {
	ExtendLiquid(e *liquid.Engine, s *Site)
}

// PreRenderer changes a document or page before it is rendered (Jekyll's
// :pre_render hook). It runs on the document's own worker and may change
// only that document.
type PreRenderer interface {
	PreRender(s *Site, d *content.Document) error
}

// PostRenderer changes a document's or page's final output (Jekyll's
// :post_render hook), on the document's own worker.
type PostRenderer interface {
	PostRender(s *Site, d *content.Document, out string) (string, error)
}

// PostReader changes what was read before anything is generated or
// rendered (Jekyll's :post_read hook), for plugins such as
// jekyll-titles-from-headings or jekyll-default-layout.
type PostReader interface {
	PostRead(s *Site) error
}

// FileClaimer lets a plugin make a page of a file the reader would copy as
// a static file (jekyll-optional-front-matter reads Markdown files without
// front matter as pages).
type FileClaimer interface {
	ClaimsFile(s *Site, relPath string) bool
}

// Enabled reports whether the site switched the plugin on.
func (s *Site) Enabled(name string) bool {
	for _, p := range s.plugins {
		if p.Name() == name {
			return true
		}
	}
	return false
}

// enablePlugins picks the plugins the site names, and warns about names
// Broadsheet does not have and about Ruby plugins it cannot run.
func (s *Site) enablePlugins(available []Plugin) {
	byName := map[string]Plugin{}
	for _, p := range available {
		byName[p.Name()] = p
	}
	names := append([]string(nil), s.Config.Plugins...)
	if v, ok := s.Config.Raw.Get("gems"); ok {
		for _, g := range liquid.ToSlice(v) {
			names = append(names, liquid.ToString(g))
		}
	}
	names = append(names, gemfilePlugins(filepath.Join(s.Config.Source, "Gemfile"))...)
	if s.Theme != nil && !s.Config.Safe {
		names = append(names, s.Theme.Dependencies...)
	}
	seen := map[string]bool{}
	var unknown []string
	for _, n := range names {
		if seen[n] {
			continue
		}
		seen[n] = true
		if p, ok := byName[n]; ok {
			s.plugins = append(s.plugins, p)
		} else if !builtIn[n] {
			unknown = append(unknown, n)
		}
	}
	// Run plugins in the order Broadsheet lists them, not the site's, so
	// generators that read others' pages (sitemap after feed) see them.
	order := map[string]int{}
	for i, p := range available {
		order[p.Name()] = i
	}
	sort.SliceStable(s.plugins, func(i, j int) bool { return order[s.plugins[i].Name()] < order[s.plugins[j].Name()] })
	if len(unknown) > 0 {
		s.Warnf("Broadsheet does not have the plugin(s) %s named in %s; the site is built without them", strings.Join(unknown, ", "), s.configName())
	}
	dir := filepath.Join(s.Config.Source, s.Config.PluginsDir)
	var rb []string
	filepath.WalkDir(dir, func(p string, de os.DirEntry, err error) error {
		if err == nil && !de.IsDir() && strings.HasSuffix(p, ".rb") {
			rb = append(rb, s.relSource(p))
		}
		return nil
	})
	if len(rb) > 0 {
		s.Warnf("Ruby plugins are not run: %s", strings.Join(rb, ", "))
	}
}

// builtIn are gems a site may name that need no emulation: Broadsheet does
// their work itself.
var builtIn = map[string]bool{
	"jekyll-sass-converter": true,
	"kramdown-parser-gfm":   true,
	"jekyll-watch":          true,
	"kramdown":              true,
	"jekyll":                true,
}

func (s *Site) configName() string {
	if len(s.Config.Files) > 0 {
		return strings.Join(s.Config.Files, ", ")
	}
	return "the config"
}

var gemfileGroup = regexp.MustCompile(`(?s)group\s*(?:\(\s*)?:jekyll_plugins\s*\)?\s*do(.*?)\bend\b`)
var gemLine = regexp.MustCompile(`(?m)^\s*gem\s*\(?\s*["']([^"']+)["']`)

// gemfilePlugins lists the gems of a Gemfile's :jekyll_plugins group.
func gemfilePlugins(path string) []string {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var out []string
	for _, g := range gemfileGroup.FindAllSubmatch(src, -1) {
		for _, m := range gemLine.FindAllSubmatch(g[1], -1) {
			out = append(out, string(m[1]))
		}
	}
	return out
}

// AddPage adds a generated page (Jekyll's PageWithoutAFile or a plugin's
// Page) to the site. Generators call it; the page is rendered like any other.
func (s *Site) AddPage(p *content.Document) {
	s.Pages = append(s.Pages, p)
}

// NewPage makes a page that has no file of its own: dir is its folder
// ("" or "/feed"), name its file name, body its template and data its
// front matter (which may be nil).
func (s *Site) NewPage(dir, name, body string, data *liquid.Map) *content.Document {
	return content.NewVirtualPage(s.Settings, dir, name, body, data)
}
