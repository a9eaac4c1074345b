// Package seo is jekyll-seo-tag 2.8: the {% seo %} tag, which prints a
// page's <title>, description, canonical URL, Open Graph and Twitter
// metadata and JSON-LD, from its front matter (title, description, image,
// author, seo:, canonical_url, lang, locale) and the site's config (title,
// tagline, description, url, author, logo, social, twitter, facebook,
// webmaster_verifications), looking authors up in site.data.authors.
//
// seo.go works out the values as the gem's drops do; seo.liquid, our own
// template, lays them out as the gem's template does. Both are parsed once
// per site; each {% seo %} renders in a fresh context, as the gem's does,
// so it neither sees nor leaves the page's own variables.
package seo

import (
	"bytes"
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/content"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// Version is the gem version the output names.
const Version = "2.8.0"

//go:embed seo.liquid
var templateSource string

// Plugin is jekyll-seo-tag.
type Plugin struct{}

// Name is the gem's name.
func (Plugin) Name() string { return "jekyll-seo-tag" }

// ExtendLiquid registers {% seo %}.
func (Plugin) ExtendLiquid(e *liquid.Engine, s *build.Site) {
	r, err := newRenderer(e, s)
	e.RegisterTag("seo", func(markup string, pos liquid.Position) (liquid.Renderer, error) {
		if err != nil {
			return nil, err
		}
		return &tag{r: r, showTitle: !titleFalse.MatchString(markup)}, nil
	})
}

// titleFalse is how {% seo title=false %} turns the <title> off: the gem
// looks for these words anywhere in the markup.
var titleFalse = regexp.MustCompile(`(?i)title=false`)

// renderer holds what every {% seo %} of a site shares: the parsed
// template, the filter chains, and the site's values (made on first use,
// when the Markdown converter and filters are ready).
type renderer struct {
	s    *build.Site
	tmpl *liquid.Template

	format, absURL, uriEscape, xmlschema *chain

	once     sync.Once
	siteVals siteValues
}

// siteValues are the parts of the drop that depend only on the site.
type siteValues struct {
	title, tagline, description any // formatted strings, or nil
	socialName                  any
	socialLinks                 any
	logo                        any
	paginatorMessage            string
}

func newRenderer(e *liquid.Engine, s *build.Site) (*renderer, error) {
	r := &renderer{s: s}
	var err error
	if r.tmpl, err = e.Parse(minify(templateSource), "jekyll-seo-tag"); err != nil {
		return nil, err
	}
	// The gem's format_string: Markdown to HTML to plain, single-spaced,
	// escaped text.
	for _, c := range []struct {
		dst     **chain
		filters string
	}{
		{&r.format, "markdownify | strip_html | normalize_whitespace | escape_once"},
		{&r.absURL, "absolute_url"},
		{&r.uriEscape, "uri_escape"},
		{&r.xmlschema, "date_to_xmlschema"},
	} {
		if *c.dst, err = newChain(e, c.filters); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// chain is a filter chain run from Go on one value, as `{{ in | f | g }}`
// would run it, without a template per call.
type chain struct {
	e       *liquid.Engine
	filters []liquid.FilterFunc
}

func newChain(e *liquid.Engine, filters string) (*chain, error) {
	c := &chain{e: e}
	for _, name := range strings.Split(filters, "|") {
		name = strings.TrimSpace(name)
		f := e.Filter(name)
		if f == nil {
			return nil, fmt.Errorf("jekyll-seo-tag: no filter %s", name)
		}
		c.filters = append(c.filters, f)
	}
	return c, nil
}

func (c *chain) run(v any) (string, error) {
	ctx := liquid.NewContext(nil)
	for _, f := range c.filters {
		var err error
		if v, err = f(ctx, v, nil); err != nil {
			return "", err
		}
	}
	return liquid.ToString(v), nil
}

// formatString is the gem's format_string: nil when the result is empty.
func (r *renderer) formatString(v any) (any, error) {
	out, err := r.format.run(v)
	if err != nil || out == "" {
		return nil, err
	}
	return out, nil
}

func (r *renderer) site() siteValues {
	r.once.Do(func() {
		cfg := r.s.Config.Raw
		get := func(k string) any { v, _ := cfg.Get(k); return v }
		sv := &r.siteVals
		title := get("title")
		if !rubyTruthy(title) {
			title = get("name")
		}
		sv.title, _ = r.formatString(title)
		sv.tagline, _ = r.formatString(get("tagline"))
		sv.description, _ = r.formatString(get("description"))
		if social, ok := get("social").(*liquid.Map); ok {
			if n, _ := social.Get("name"); rubyTruthy(n) {
				sv.socialName, _ = r.formatString(n)
			}
			sv.socialLinks, _ = social.Get("links")
		}
		if logo := get("logo"); rubyTruthy(logo) {
			if !isAbsoluteURL(logo) {
				u, _ := r.absURL.run(logo)
				logo = u
			}
			sv.logo, _ = r.uriEscape.run(logo)
		}
		sv.paginatorMessage = "Page %<current>s of %<total>s for "
		if m := get("seo_paginator_message"); rubyTruthy(m) {
			sv.paginatorMessage = liquid.ToString(m)
		}
	})
	return r.siteVals
}

type tag struct {
	r         *renderer
	showTitle bool
}

func (t *tag) Render(ctx *liquid.Context, out *bytes.Buffer) error {
	regs := ctx.Registers()
	d, _ := regs["page"].(*content.Document)
	var page liquid.Drop
	if d != nil {
		page = d.Drop()
	}
	paginator := ctx.Get("paginator")
	vals, err := t.r.values(page, paginator, t.showTitle)
	if err != nil {
		return err
	}
	c := liquid.NewContext(map[string]any{
		"site":      ctx.Get("site"),
		"page":      page,
		"paginator": paginator,
		"jekyll":    ctx.Get("jekyll"),
		"seo":       vals,
	})
	for k, v := range regs {
		c.Registers()[k] = v
	}
	return t.r.tmpl.Render(c, out)
}

// rubyTruthy is Ruby's truth: everything but nil and false.
func rubyTruthy(v any) bool { return v != nil && v != false }

// isAbsoluteURL is Addressable's absolute?: the string starts with a scheme.
func isAbsoluteURL(v any) bool {
	s, ok := v.(string)
	return ok && urlScheme.MatchString(s)
}

var urlScheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.\-]*:`)

// homepageOrAbout is the gem's test for the pages that speak for the site,
// %r!^/(about/)?(index.html?)?$!m, written out: some line of url is "/",
// then maybe "about/", then maybe "index", any character, "htm", maybe "l".
func homepageOrAbout(url string) bool {
	for _, line := range strings.Split(url, "\n") {
		rest, ok := strings.CutPrefix(line, "/")
		if !ok {
			continue
		}
		rest = strings.TrimPrefix(rest, "about/")
		if rest == "" {
			return true
		}
		if r, ok := strings.CutPrefix(rest, "index"); ok && r != "" {
			_, size := utf8.DecodeRuneInString(r)
			if r = r[size:]; r == "htm" || r == "html" {
				return true
			}
		}
	}
	return false
}

// minify drops whitespace that follows "{" or "}", or a ">" or "," that
// ends a line (keeping that line break), except that a run followed by "-"
// keeps its last character: the gem's (?<=[{}]|[>,]\n)\s+(?!-).
func minify(src string) string {
	var b strings.Builder
	b.Grow(len(src))
	for i := 0; i < len(src); {
		after := i > 0 && (src[i-1] == '{' || src[i-1] == '}') ||
			i > 1 && src[i-1] == '\n' && (src[i-2] == '>' || src[i-2] == ',')
		if after && isSpace(src[i]) {
			j := i
			for j < len(src) && isSpace(src[j]) {
				j++
			}
			if j < len(src) && src[j] == '-' {
				j-- // the regexp backs off one character
			}
			if j > i {
				i = j
				continue
			}
		}
		b.WriteByte(src[i])
		i++
	}
	return b.String()
}

// isSpace is Ruby's \s.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// pageNumber is "Page 2 of 5 for " on the later pages of a paginated
// index, or "".
func (r *renderer) pageNumber(paginator any) string {
	if paginator == nil {
		return ""
	}
	cur := liquid.Lookup(paginator, "page")
	if !rubyTruthy(cur) {
		return ""
	}
	n, ok := liquid.ToInt(cur)
	if !ok || n <= 1 {
		return ""
	}
	total := liquid.Lookup(paginator, "total_pages")
	msg := r.site().paginatorMessage
	msg = strings.ReplaceAll(msg, "%<current>s", liquid.ToS(cur))
	msg = strings.ReplaceAll(msg, "%<total>s", liquid.ToS(total))
	msg = strings.ReplaceAll(msg, "%<current>d", fmt.Sprint(n))
	if t, ok := liquid.ToInt(total); ok {
		msg = strings.ReplaceAll(msg, "%<total>d", fmt.Sprint(t))
	}
	return msg
}
