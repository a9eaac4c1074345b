// Package defaultlayout is jekyll-default-layout 0.1: Markdown pages and
// posts that name no layout get one, if the site has it.
//
// As the gem does, it runs after reading and after the plugins that add
// pages from files (its generator has the lowest priority): a page or post
// with one of the site's Markdown extensions whose front matter, with the
// front matter defaults, has no `layout` key at all (an empty `layout:`
// counts as one) gets "home" if its URL is "/", else "page" for a page or
// "post" for a post, else "default" — the first of these the site has.
// Other collections' documents are left alone.
package defaultlayout

import (
	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/content"
)

// Plugin is jekyll-default-layout.
type Plugin struct{}

// Name is the gem's name.
func (Plugin) Name() string { return "jekyll-default-layout" }

// Generate sets the layouts.
func (Plugin) Generate(s *build.Site) error {
	set := func(d *content.Document) {
		if !s.Markdown.Matches(d.Ext) {
			return
		}
		if _, ok := d.Data.Get("layout"); ok {
			return
		}
		if l := layoutFor(s, d); l != "" {
			d.SetData("layout", l)
		} else {
			d.SetData("layout", nil) // as the gem: the key is set, to nil
		}
	}
	for _, p := range s.Pages {
		set(p)
	}
	for _, d := range s.Posts.Docs {
		set(d)
	}
	return nil
}

// layoutFor picks the first layout the site has, or "" for none.
func layoutFor(s *build.Site, d *content.Document) string {
	has := func(name string) bool { return s.Layouts[name] != nil }
	switch {
	case d.URL == "/" && has("home"):
		return "home"
	case d.IsPage() && has("page"):
		return "page"
	case d.IsPost() && has("post"):
		return "post"
	case has("default"):
		return "default"
	}
	return ""
}
