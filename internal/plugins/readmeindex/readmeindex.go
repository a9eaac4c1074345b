// Package readmeindex is jekyll-readme-index 0.3: a folder's README (with
// one of the site's Markdown extensions, any case) becomes the folder's
// index page when the folder has no index of its own.
//
// As the gem does, it runs after jekyll-optional-front-matter (its
// generator has priority low): each README that is a static file becomes a
// page with the permalink of its folder, unless a page or static file
// already has the folder's URL or its index.html (.htm, .xhtml, .xml). The
// README stays and is copied too, unless `readme_index: remove_originals:
// true`. With `with_frontmatter: true`, pages whose path is a README (those
// with front matter, and those just made) move to their folder's URL too,
// by the same rule. `enabled: false` switches the plugin off.
package readmeindex

import (
	"os"
	"regexp"
	"strings"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/content"
)

// Plugin is jekyll-readme-index.
type Plugin struct{}

// Name is the gem's name.
func (Plugin) Name() string { return "jekyll-readme-index" }

type options struct {
	cleanup, withFrontMatter bool
}

// Generate makes the index pages.
func (Plugin) Generate(s *build.Site) error {
	var o options
	if m := s.PluginOptions("readme_index"); m != nil {
		if v, ok := m.Get("enabled"); ok && v == false {
			return nil
		}
		v, _ := m.Get("remove_originals")
		o.cleanup = v == true
		v, _ = m.Get("with_frontmatter")
		o.withFrontMatter = v == true
	}
	isReadme := readmePattern(s.Config.MarkdownExt)

	var readmes []*content.StaticFile
	for _, f := range s.StaticFiles {
		if isReadme.MatchString(f.RelPath) {
			readmes = append(readmes, f)
		}
	}
	var errs []error
	removed := map[*content.StaticFile]bool{}
	for _, f := range readmes {
		if dirHasIndex(s, dirname(f.URL)) {
			continue
		}
		dir := f.Dir
		if dir != "" && !strings.HasPrefix(dir, "/") {
			dir = "/" + dir // a collection's file: "_docs" → "/_docs"
		}
		src, err := os.ReadFile(f.Path)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		p, err := content.NewPage(s.Settings, dir, f.Name, src)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		moveToFolder(p, dirname(f.URL))
		s.AddPage(p)
		if o.cleanup {
			removed[f] = true
		}
	}
	if len(removed) > 0 {
		kept := s.StaticFiles[:0:0]
		for _, f := range s.StaticFiles {
			if !removed[f] {
				kept = append(kept, f)
			}
		}
		s.StaticFiles = kept
	}
	if o.withFrontMatter {
		for _, p := range s.Pages {
			if !isReadme.MatchString("/" + pagePath(p)) {
				continue
			}
			if !dirHasIndex(s, dirname(p.URL)) {
				moveToFolder(p, dirname(p.URL))
			}
		}
	}
	if len(errs) > 0 {
		return &build.BuildError{Errs: errs}
	}
	return nil
}

// readmePattern matches a path ending in /readme and a Markdown extension.
func readmePattern(exts []string) *regexp.Regexp {
	alts := make([]string, len(exts))
	for i, e := range exts {
		alts[i] = regexp.QuoteMeta("." + e)
	}
	return regexp.MustCompile(`(?i)/readme(` + strings.Join(alts, "|") + `)$`)
}

// pagePath is Jekyll's Page#path: front matter `path`, else the relative path.
func pagePath(p *content.Document) string {
	if v, ok := p.Data.Get("path"); ok && v != nil {
		if str, ok := v.(string); ok {
			return str
		}
	}
	return p.RelPath
}

// moveToFolder gives a page the permalink dir + "/" and the URL that makes,
// as the gem's to_page and update_permalink do.
func moveToFolder(p *content.Document, dir string) {
	perm := dir + "/"
	p.SetData("permalink", perm)
	p.SetURL(content.ExpandURLFromPairs(perm, []content.Pair{
		{Name: "path", Value: p.Dir, HasValue: true},
		{Name: "basename", Value: p.Basename, HasValue: true},
		{Name: "output_ext", Value: p.OutputExt, HasValue: true},
	}))
}

// dirHasIndex reports whether a page or static file has the folder's URL
// or its index file (the folder compared without regard to case).
func dirHasIndex(s *build.Site, dir string) bool {
	if !strings.HasSuffix(dir, "/") {
		dir += "/"
	}
	has := func(u string) bool {
		if len(u) < len(dir) || !strings.EqualFold(u[:len(dir)], dir) {
			return false
		}
		rest := u[len(dir):]
		switch strings.ToLower(rest) {
		case "", "index.html", "index.htm", "index.xhtml", "index.xml":
			return true
		}
		return false
	}
	for _, p := range s.Pages {
		if has(p.URL) {
			return true
		}
	}
	for _, f := range s.StaticFiles {
		if has(f.URL) {
			return true
		}
	}
	return false
}

// dirname is Ruby's File.dirname on a URL ("/a/b/" and "/a/b" → "/a").
func dirname(u string) string {
	t := strings.TrimRight(u, "/")
	if t == "" {
		if strings.HasPrefix(u, "/") {
			return "/"
		}
		return "."
	}
	i := strings.LastIndexByte(t, '/')
	switch {
	case i < 0:
		return "."
	case i == 0:
		return "/"
	}
	return strings.TrimRight(t[:i], "/")
}
