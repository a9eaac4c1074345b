// Package titlesfromheadings is jekyll-titles-from-headings 0.5: a
// Markdown page without a title takes the text of the heading its content
// starts with.
//
// As the gem does, it runs after reading and after the plugins that add
// pages from files (its generator has the lowest priority). A page's
// content counts as starting with a heading when, after blank space, it
// opens with an ATX heading of level 1 to 3 or a setext heading; the
// heading's Markdown is converted and its tags and extra white space
// taken out (closing hashes stay, as in the gem). Options under
// `titles_from_headings:` are `enabled` (false switches it off),
// `strip_title` (true takes the heading out of the content; a page's own
// `strip_title` front matter overrides it) and `collections` (true does
// the same for every written document, whose title, from the file name or
// even from front matter, the heading then replaces).
package titlesfromheadings

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/content"
	"github.com/broadsheet-ssg/broadsheet/internal/filters"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// Plugin is jekyll-titles-from-headings.
type Plugin struct{}

// Name is the gem's name.
func (Plugin) Name() string { return "jekyll-titles-from-headings" }

// titleRE is the gem's TITLE_REGEX: after leading white space, an ATX
// heading of level 1-3 or a line underlined with - or =.
var titleRE = regexp.MustCompile(`(?m)\A\s*(?:#{1,3}\s+(.*)(?:\s+#{1,3})?|(.*)\r?\n[-=]+\s*)$`)

// footnoteRE is markup markdownify leaves in a heading (footnote marks).
var footnoteRE = regexp.MustCompile(`\[\^[^\]]*\]`)

// Generate sets the titles.
func (Plugin) Generate(s *build.Site) error {
	var stripOpt, collections bool
	if m := s.PluginOptions("titles_from_headings"); m != nil {
		if v, ok := m.Get("enabled"); ok && v == false {
			return nil
		}
		v, _ := m.Get("strip_title")
		stripOpt = v == true
		v, _ = m.Get("collections")
		collections = v == true
	}
	strip, err := newStripper(s)
	if err != nil {
		return err
	}
	docs := append([]*content.Document(nil), s.Pages...)
	if collections {
		for _, c := range s.Collections {
			if c.Output {
				docs = append(docs, c.Docs...)
			}
		}
	}
	for _, d := range docs {
		if !s.Markdown.Matches(d.Ext) {
			continue
		}
		// A page keeps a title it has; a document's title is one Jekyll
		// made up from the file name, so the heading replaces it.
		if d.IsPage() && d.Get("title") != nil {
			continue
		}
		m := titleRE.FindStringSubmatchIndex(d.Body)
		if m == nil {
			d.SetData("title", d.Get("title"))
		} else {
			var heading string
			if m[2] >= 0 {
				heading = d.Body[m[2]:m[3]]
			} else {
				heading = d.Body[m[4]:m[5]]
			}
			title, err := strip(heading)
			if err != nil {
				return err
			}
			d.SetData("title", title)
		}
		if !stripTitle(d, stripOpt) {
			continue
		}
		if m != nil {
			d.Body = strings.TrimFunc(d.Body[:m[0]]+d.Body[m[1]:], isRubySpace)
		} else {
			d.Body = strings.TrimFunc(d.Body, isRubySpace)
		}
		if d.IsPost() && d.Excerpt != nil {
			sep := s.Config.ExcerptSeparator
			if v, ok := d.Data.Get("excerpt_separator"); ok && v != nil {
				sep = liquid.ToString(v)
			}
			d.Excerpt = &content.Excerpt{Doc: d, Raw: content.ExtractExcerpt(d.Body, sep)}
		}
	}
	return nil
}

// stripTitle is the page's `strip_title` if it has the key, else the option.
func stripTitle(d *content.Document, opt bool) bool {
	if v, ok := d.Data.Get("strip_title"); ok {
		return v == true
	}
	return opt
}

// isRubySpace is what Ruby's String#strip removes.
func isRubySpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0:
		return true
	}
	return false
}

// newStripper returns the gem's strip_markup: markdownify, strip_html and
// normalize_whitespace (Jekyll's own filters, with the site's Markdown),
// then footnote marks removed.
func newStripper(s *build.Site) (func(string) (string, error), error) {
	e := liquid.NewEngine()
	filters.Register(e, &filters.Env{
		BaseURL:     s.Config.BaseURL,
		URL:         s.Config.URL,
		Markdownify: s.Markdown.Convert,
		Timezone:    s.Config.Timezone,
	})
	t, err := e.Parse("{{ t | markdownify | strip_html | normalize_whitespace }}", "jekyll-titles-from-headings")
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	return func(heading string) (string, error) {
		buf.Reset()
		if err := t.Render(liquid.NewContext(map[string]any{"t": heading}), &buf); err != nil {
			return "", err
		}
		return footnoteRE.ReplaceAllString(buf.String(), ""), nil
	}, nil
}
