package seo

import (
	"strings"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// values works out what seo.liquid prints for one page, as the gem's Drop,
// AuthorDrop, ImageDrop and JSONLDDrop do. Unset values are nil, so the
// template's {% if %} tests work as the gem's do.
func (r *renderer) values(page liquid.Drop, paginator any, showTitle bool) (*liquid.Map, error) {
	sv := r.site()
	get := func(k string) any {
		if page == nil {
			return nil
		}
		return page.Get(k)
	}
	siteGet := func(k string) any { v, _ := r.s.Config.Raw.Get(k); return v }
	seo, _ := get("seo").(*liquid.Map)
	seoGet := func(k string) any {
		if seo == nil {
			return nil
		}
		v, _ := seo.Get(k)
		return v
	}
	out := liquid.NewMap(16)
	var err error
	keep := func(v any, e error) any {
		if e != nil && err == nil {
			err = e
		}
		return v
	}

	// Titles.
	pageTitle := keep(r.formatString(get("title")))
	if pageTitle == nil {
		pageTitle = sv.title
	}
	var title any
	switch {
	case sv.title != nil && !liquid.Equal(pageTitle, sv.title):
		title = liquid.ToS(pageTitle) + " | " + liquid.ToS(sv.title)
	case sv.description != nil && sv.title != nil:
		tagline := sv.tagline
		if tagline == nil {
			tagline = sv.description
		}
		title = liquid.ToS(sv.title) + " | " + liquid.ToS(tagline)
	case pageTitle != nil:
		title = pageTitle
	default:
		title = sv.title
	}
	if title != nil {
		if n := r.pageNumber(paginator); n != "" {
			title = n + liquid.ToS(title)
		}
	}
	out.Set("version", Version)
	out.Set("show_title", title != nil && showTitle)
	out.Set("title", title)
	out.Set("page_title", pageTitle)
	out.Set("site_title", sv.title)

	url := liquid.ToS(get("url"))
	home := homepageOrAbout(url)

	// name: seo.name, else the site's on the home and about pages.
	var name any
	if n := seoGet("name"); rubyTruthy(n) {
		name = keep(r.formatString(n))
	}
	if name == nil && home {
		if sv.socialName != nil {
			name = sv.socialName
		} else {
			name = sv.title
		}
	}

	desc := get("description")
	if !rubyTruthy(desc) {
		desc = get("excerpt")
	}
	description := keep(r.formatString(desc))
	if description == nil {
		description = sv.description
	}
	out.Set("description", description)

	lang := firstTruthy(get("lang"), siteGet("lang"), "en_US")
	locale := firstTruthy(get("locale"), siteGet("locale"), lang)
	out.Set("locale", strings.ReplaceAll(liquid.ToS(locale), "-", "_"))

	var canonical any
	if c := get("canonical_url"); liquid.ToS(c) != "" {
		canonical = c
	} else {
		u := keep(r.absURL.run(get("url"))).(string)
		if strings.HasSuffix(u, "/index.html") {
			u = strings.TrimSuffix(u, "index.html")
		}
		canonical = u
	}
	out.Set("canonical_url", canonical)

	// Author.
	author := r.authorHash(get("author"), get("authors"))
	authorName, _ := author.Get("name")
	out.Set("author_name", authorName)
	tw, _ := author.Get("twitter")
	if !rubyTruthy(tw) {
		tw = authorName
	}
	if s, ok := tw.(string); ok {
		out.Set("author_twitter", strings.TrimPrefix(s, "@"))
	} else {
		out.Set("author_twitter", nil)
	}

	// Image.
	img := imageHash(get("image"))
	var imagePath any
	raw := firstTruthy(mapGet(img, "path"), mapGet(img, "facebook"), mapGet(img, "twitter"))
	if rubyTruthy(raw) {
		abs := raw
		if s, ok := raw.(string); ok && !isAbsoluteURL(s) {
			abs = keep(r.absURL.run(s))
		}
		imagePath = keep(r.uriEscape.run(abs))
	}
	out.Set("image", imagePath)
	for _, k := range []string{"height", "width", "alt"} {
		if rubyTruthy(imagePath) {
			out.Set("image_"+k, mapGet(img, k))
		} else {
			out.Set("image_"+k, nil)
		}
	}

	// Dates.
	var modified, published any
	if d := firstTruthy(seoGet("date_modified"), get("last_modified_at"), get("date")); rubyTruthy(d) {
		modified = keep(r.xmlschema.run(d))
	}
	if d := get("date"); rubyTruthy(d) {
		published = keep(r.xmlschema.run(d))
	}

	typ := seoGet("type")
	if !rubyTruthy(typ) {
		switch {
		case home:
			typ = "WebSite"
		case rubyTruthy(get("date")):
			typ = "BlogPosting"
		default:
			typ = "WebPage"
		}
	}
	links := seoGet("links")
	if !rubyTruthy(links) {
		links = nil
		if home {
			links = sv.socialLinks
		}
	}

	// JSON-LD, keys sorted, nils left out.
	ld := liquid.NewMap(14)
	set := func(k string, v any) {
		if v != nil {
			ld.Set(k, v)
		}
	}
	set("@context", "https://schema.org")
	set("@type", typ)
	if rubyTruthy(authorName) {
		at, _ := author.Get("type")
		if !rubyTruthy(at) || at == "Organization" || at == "Person" {
			a := liquid.NewMap(3)
			if !rubyTruthy(at) {
				at = "Person"
			}
			a.Set("@type", at)
			a.Set("name", authorName)
			if u, _ := author.Get("url"); rubyTruthy(u) {
				a.Set("url", u)
			}
			ld.Set("author", a)
		}
	}
	set("dateModified", modified)
	set("datePublished", published)
	set("description", description)
	set("headline", pageTitle)
	if rubyTruthy(imagePath) {
		if img.Len() == 1 {
			ld.Set("image", imagePath)
		} else {
			h := liquid.NewMap(img.Len() + 2)
			for _, k := range img.Keys() {
				if k == "path" {
					continue
				}
				v, _ := img.Get(k)
				h.Set(k, v)
			}
			h.Set("url", imagePath)
			h.Set("@type", "imageObject")
			ld.Set("image", h)
		}
	}
	if typ == "BlogPosting" || typ == "CreativeWork" {
		m := liquid.NewMap(2)
		m.Set("@type", "WebPage")
		m.Set("@id", canonical)
		ld.Set("mainEntityOfPage", m)
	}
	set("name", name)
	if sv.logo != nil {
		p := liquid.NewMap(3)
		p.Set("@type", "Organization")
		logo := liquid.NewMap(2)
		logo.Set("@type", "ImageObject")
		logo.Set("url", sv.logo)
		p.Set("logo", logo)
		if rubyTruthy(authorName) {
			p.Set("name", authorName)
		}
		ld.Set("publisher", p)
	}
	set("sameAs", links)
	set("url", canonical)
	out.Set("json_ld", ld)
	return out, err
}

// authorHash is the gem's AuthorDrop data: page.author, else the first of
// page.authors, else site.author; a name is looked up in
// site.data.authors, whose entry is merged over {"name" => name}.
func (r *renderer) authorHash(pageAuthor, pageAuthors any) *liquid.Map {
	sources := []any{pageAuthor}
	if list, ok := pageAuthors.([]any); ok {
		var first any
		if len(list) > 0 {
			first = list[0]
		}
		sources = append(sources, first)
	}
	siteAuthor, _ := r.s.Config.Raw.Get("author")
	sources = append(sources, siteAuthor)
	var author any
	for _, s := range sources {
		if s == nil || s == "" {
			continue
		}
		author = s
		break
	}
	switch a := author.(type) {
	case *liquid.Map:
		return a
	case string:
		h := liquid.NewMap(4)
		h.Set("name", a)
		if r.s.Data != nil {
			if authors, ok := mapGet(r.s.Data, "authors").(*liquid.Map); ok {
				if entry, ok := mapGet(authors, a).(*liquid.Map); ok {
					for _, k := range entry.Keys() {
						v, _ := entry.Get(k)
						h.Set(k, v)
					}
				}
			}
		}
		return h
	}
	return liquid.NewMap(0)
}

// imageHash is the gem's ImageDrop data: front matter `image` as a hash
// whose first key is "path".
func imageHash(v any) *liquid.Map {
	h := liquid.NewMap(4)
	h.Set("path", nil)
	switch img := v.(type) {
	case *liquid.Map:
		for _, k := range img.Keys() {
			x, _ := img.Get(k)
			h.Set(k, x)
		}
	case string:
		h.Set("path", img)
	}
	return h
}

func mapGet(m *liquid.Map, k string) any {
	v, _ := m.Get(k)
	return v
}

// firstTruthy is Ruby's a || b || c.
func firstTruthy(vs ...any) any {
	for _, v := range vs {
		if rubyTruthy(v) {
			return v
		}
	}
	return nil
}
