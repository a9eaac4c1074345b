// Package sitemap is jekyll-sitemap 1.4: /sitemap.xml listing every
// written document, HTML page and static HTML or PDF file (less those with
// `sitemap: false` and the 404 page), and /robots.txt pointing at it,
// unless the site has its own.
//
// As in the gem, both are pages without a file whose content is Liquid,
// rendered last with the site's filters; the sitemap's template is
// Broadsheet's own (sitemap.liquid), written to give the gem's output.
package sitemap

import (
	_ "embed"
	"strings"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

//go:embed sitemap.liquid
var sitemapSource string

// sitemapTemplate is sitemap.liquid minified as the gem minifies its own.
var sitemapTemplate = minify(sitemapSource)

// robotsTemplate is the robots.txt the gem writes.
const robotsTemplate = "Sitemap: {{ \"sitemap.xml\" | absolute_url }}\n"

// Plugin is jekyll-sitemap. It should run after every generator whose
// pages it lists.
type Plugin struct{}

// Name is the gem's name.
func (Plugin) Name() string { return "jekyll-sitemap" }

// Generate adds sitemap.xml and robots.txt unless a page or static file
// already has that URL.
func (Plugin) Generate(s *build.Site) error {
	taken := map[string]bool{}
	for _, p := range s.Pages {
		taken[p.URL] = true
	}
	for _, f := range s.StaticFiles {
		taken[f.URL] = true
	}
	if !taken["/sitemap.xml"] {
		data := liquid.NewMap(2)
		data.Set("layout", nil)
		data.Set("xsl", taken["/sitemap.xsl"])
		s.AddPage(s.NewPage("", "sitemap.xml", sitemapTemplate, data))
	}
	if !taken["/robots.txt"] {
		data := liquid.NewMap(1)
		data.Set("layout", nil)
		s.AddPage(s.NewPage("", "robots.txt", robotsTemplate, data))
	}
	return nil
}

// minify drops whitespace after "}", and after a ">" that ends a line
// all but that line break: the gem's (?<=>\n|})\s+.
func minify(src string) string {
	var b strings.Builder
	b.Grow(len(src))
	for i := 0; i < len(src); i++ {
		c := src[i]
		b.WriteByte(c)
		if c == '>' && i+1 < len(src) && src[i+1] == '\n' {
			b.WriteByte('\n')
			i++
		} else if c != '}' {
			continue
		}
		for i+1 < len(src) && isSpace(src[i+1]) {
			i++
		}
	}
	return b.String()
}

// isSpace is Ruby's \s.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
