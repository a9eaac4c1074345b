package build

import (
	"context"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/broadsheet-ssg/broadsheet/internal/config"
	"github.com/broadsheet-ssg/broadsheet/internal/content"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/broadsheet-ssg/broadsheet/internal/theme"
	"github.com/broadsheet-ssg/broadsheet/internal/utils"
	builtin "github.com/broadsheet-ssg/broadsheet/theme"
)

// Themes: a gem theme (`theme: NAME`) or a remote one (`remote_theme:`
// with the jekyll-remote-theme plugin) puts its layouts, includes, Sass,
// assets and data under the site's own, and its _config.yml under the
// site's configuration, as Jekyll does.

// loadTheme finds the site's theme, if it names one, and layers its
// configuration under the site's.
func (s *Site) loadTheme(opts Options) error {
	cfg := s.Config
	var t *theme.Theme
	var err error
	if name := cfg.String("theme"); name != "" {
		t, err = theme.Find(name, cfg.Source)
		if err != nil {
			return err
		}
	} else if rt := cfg.String("remote_theme"); rt != "" && s.namesPlugin("jekyll-remote-theme") {
		r, err := theme.ParseRemote(rt)
		if err != nil {
			return err
		}
		f := &theme.Fetcher{CacheDir: theme.DefaultCacheDir(cfg.Source), BaseURL: opts.RemoteThemeBaseURL}
		if t, err = f.Fetch(context.Background(), r); err != nil {
			return err
		}
	}
	if t == nil && opts.builtinTheme {
		dir, err := builtin.Dir()
		if err != nil {
			return err
		}
		if t, err = theme.Open(BuiltinTheme, dir); err != nil {
			return err
		}
	}
	if t == nil {
		return nil
	}
	s.Theme = t
	raw, err := t.LayerConfig(cfg.Raw, config.IsDefaultKey, cfg.Timezone)
	if err != nil {
		return err
	}
	cfg.Raw = raw
	return nil
}

// BuiltinTheme is the name of the theme embedded in Broadsheet.
const BuiltinTheme = "broadsheet-news"

// needsBuiltinTheme reports whether the site asks for layouts while it has
// none of its own and no theme: then Broadsheet's built-in news theme
// gives them (a site that uses no layouts is built as Jekyll builds it).
func (s *Site) needsBuiltinTheme() bool {
	if s.Theme != nil || len(s.Layouts) > 0 {
		return false
	}
	wants := func(d *content.Document) bool {
		name, ok := d.Layout()
		return ok && name != "" && name != "none"
	}
	for _, p := range s.Pages {
		if wants(p) {
			return true
		}
	}
	for _, c := range s.Collections {
		for _, d := range c.Docs {
			if wants(d) {
				return true
			}
		}
	}
	return false
}

// namesPlugin reports whether the site's config lists a plugin.
func (s *Site) namesPlugin(name string) bool {
	for _, p := range s.Config.Plugins {
		if p == name {
			return true
		}
	}
	return false
}

// readThemeAssets is Jekyll's ThemeAssetsReader: files of the theme's assets
// folder become pages (with front matter) or static files, unless the site
// has a file of the same path.
func (s *Site) readThemeAssets(sc *scan) {
	if s.Theme == nil || s.Theme.AssetsDir == "" {
		return
	}
	have := map[string]bool{}
	for _, p := range sc.pages {
		have[strings.TrimPrefix(path.Join(p.dir, p.name), "/")] = true
	}
	for _, f := range sc.statics {
		if f.coll == nil {
			have[strings.TrimPrefix(path.Join(f.dir, f.name), "/")] = true
		}
	}
	root := s.Theme.Root
	filepath.WalkDir(s.Theme.AssetsDir, func(p string, de os.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return nil
		}
		rel = filepath.ToSlash(rel)
		if have[rel] {
			return nil
		}
		dir, name := path.Split("/" + rel)
		dir = strings.TrimSuffix(dir, "/")
		if hasYAMLHeader(p) {
			sc.pages = append(sc.pages, pageJob{dir: dir, name: name, abs: p})
		} else {
			sc.statics = append(sc.statics, staticJob{abs: p, dir: dir, name: name})
		}
		return nil
	})
}

// mergeThemeData puts the theme's _data under the site's.
func (s *Site) mergeThemeData(site *liquid.Map) (*liquid.Map, error) {
	if s.Theme == nil || s.Theme.DataDir == "" {
		return site, nil
	}
	td := liquid.NewMap(4)
	if err := s.readDataDir(s.Theme.DataDir, td); err != nil {
		return site, err
	}
	return utils.DeepMerge(td, site), nil
}
