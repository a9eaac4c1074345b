// Package feed is jekyll-feed 0.17: an Atom feed of the site's posts at
// /feed.xml (or feed.path), more feeds for the collections, categories and
// tags that `feed:` names, and the {% feed_meta %} tag that links to the
// main feed from a page's <head>.
//
// Like the gem, each feed is a page without a file whose content is a
// Liquid template, so it is rendered with the site's own filters after the
// posts, and is listed in site.pages. The template is Broadsheet's own
// (feed.liquid), written to give the gem's output byte for byte.
package feed

import (
	"bytes"
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/content"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

//go:embed feed.liquid
var feedSource string

// feedTemplate is feed.liquid without the whitespace that follows a tag
// or a Liquid delimiter, as the gem minifies its own template.
var feedTemplate = minify(feedSource)

// Plugin is jekyll-feed.
type Plugin struct{}

// Name is the gem's name.
func (Plugin) Name() string { return "jekyll-feed" }

// Generate adds a page for every feed the config asks for, unless the site
// has a file of its own at that path.
func (Plugin) Generate(s *build.Site) error {
	cfg, err := readConfig(s)
	if err != nil {
		s.Warnf("%v", err)
	}
	if cfg.disableInDevelopment && s.Env == "development" {
		return nil
	}
	xsl := exists(s, "feed.xslt.xml")
	for _, c := range cfg.collections {
		for _, cat := range append(c.categories, nil) {
			p := cfg.feedPath(c, cat)
			if exists(s, p) {
				continue
			}
			s.AddPage(newFeedPage(s, p, xsl, c.name, cat, nil))
		}
	}
	if liquid.Truthy(cfg.tags) {
		addTagFeeds(s, cfg, xsl)
	}
	return nil
}

// ExtendLiquid registers {% feed_meta %}.
func (Plugin) ExtendLiquid(e *liquid.Engine, s *build.Site) {
	tmpl, err := e.Parse(metaSource, "feed_meta")
	href := any("feed.xml")
	if m, ok := configMap(s); ok {
		if v, ok := m.Get("path"); ok && v != nil {
			href = v
		}
	}
	title := s.Config.Raw.Get
	t, _ := title("title")
	if !liquid.Truthy(t) {
		t, _ = title("name")
	}
	tag := &metaTag{tmpl: tmpl, scope: map[string]any{"bsf_href": href, "bsf_title": t}}
	e.RegisterTag("feed_meta", func(string, liquid.Position) (liquid.Renderer, error) {
		if err != nil {
			return nil, fmt.Errorf("feed_meta: %v", err)
		}
		return tag, nil
	})
}

// metaSource is the link {% feed_meta %} prints: attributes in the gem's
// order, each escaped as Ruby's encode(xml: :attr) does (xml_escape).
const metaSource = `<link type="application/atom+xml" rel="alternate" href="{{ bsf_href | absolute_url | xml_escape }}"` +
	`{% if bsf_title %} title="{{ bsf_title | xml_escape }}"{% endif %} />`

type metaTag struct {
	tmpl  *liquid.Template
	scope map[string]any // read-only: shared by every render
}

func (t *metaTag) Render(ctx *liquid.Context, out *bytes.Buffer) error {
	return ctx.Stack(t.scope, func() error { return t.tmpl.Render(ctx, out) })
}

// newFeedPage makes one feed page. Like the gem it passes the whole path as
// the page's name, so page.name is "/feed.xml".
func newFeedPage(s *build.Site, path string, xsl bool, collection string, category, tag any) *content.Document {
	data := liquid.NewMap(6)
	data.Set("layout", nil)
	data.Set("sitemap", false)
	data.Set("xsl", xsl)
	data.Set("collection", collection)
	data.Set("category", category)
	data.Set("tags", tag)
	return s.NewPage("", path, feedTemplate, data)
}

// addTagFeeds adds a feed for each tag of the site's posts (or of
// feed.tags.only), less feed.tags.except, at feed.tags.path + tag + ".xml".
func addTagFeeds(s *build.Site, cfg *config, xsl bool) {
	tags := postTags(s)
	if len(tags) == 0 {
		return
	}
	tc, _ := cfg.tags.(*liquid.Map)
	get := func(k string) any {
		if tc == nil {
			return nil
		}
		v, _ := tc.Get(k)
		return v
	}
	pool := tags
	if only := get("only"); liquid.Truthy(only) {
		pool = stringList(only)
	}
	except := stringList(get("except"))
	dir := "/feed/by_tag/"
	if p := get("path"); liquid.Truthy(p) {
		dir = liquid.ToString(p)
	}
	seen := map[string]bool{}
	for _, t := range pool {
		// Ruby's Array#- also drops duplicates of what it keeps.
		if seen[t] || contains(except, t) {
			continue
		}
		seen[t] = true
		if !simpleTag(t) {
			continue
		}
		p := dir + t + ".xml"
		if exists(s, p) {
			continue
		}
		s.AddPage(newFeedPage(s, p, xsl, "posts", nil, t))
	}
}

// postTags are site.tags' keys: every tag of the posts, in the order the
// oldest post first names them.
func postTags(s *build.Site) []string {
	var out []string
	seen := map[string]bool{}
	if s.Posts == nil {
		return nil
	}
	for _, d := range s.Posts.Docs {
		for _, v := range liquid.ToSlice(d.Get("tags")) {
			t := liquid.ToString(v)
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out
}

// simpleTag is the gem's rule for tags that get a feed: only ASCII letters,
// digits and underscores, to keep the path simple.
func simpleTag(t string) bool {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

func stringList(v any) []string {
	var out []string
	for _, x := range liquid.ToSlice(v) {
		out = append(out, liquid.ToString(x))
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// exists is the gem's file_exists?: is there a file or folder at this path
// of the source?
func exists(s *build.Site, p string) bool {
	_, err := os.Stat(filepath.Join(s.Config.Source, filepath.FromSlash(strings.TrimLeft(p, "/"))))
	return err == nil
}

// minify drops every run of whitespace that follows ">" or "}".
func minify(src string) string {
	var b strings.Builder
	b.Grow(len(src))
	for i := 0; i < len(src); i++ {
		c := src[i]
		b.WriteByte(c)
		if c == '>' || c == '}' {
			for i+1 < len(src) && isSpace(src[i+1]) {
				i++
			}
		}
	}
	return b.String()
}

// isSpace is Ruby's \s.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
