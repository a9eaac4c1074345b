// Package toc is jekyll-toc 0.18: a table of contents of a page's
// headings, and anchors beside them, for pages whose front matter says
// `toc: true`.
//
// It adds the filters `toc` (the list, then the HTML with anchors),
// `toc_only` (the list) and `inject_anchors` (the HTML with anchors), which
// give their input back unchanged unless the page has `toc: true`, and the
// tag {% toc %}, which lists the headings of page.content (the converted
// HTML of a post or document in its layout; a page's Markdown source, as
// in Jekyll, where that finds no headings). The `toc:` config sets
// min_level, max_level, ordered_list, no_toc_section_class (one class or a
// list), list_id, list_class, sublist_class, item_class and item_prefix.
// Headings with the class no_toc, or inside an element with the
// no_toc_section class, are left out. As the gem passes the HTML through
// Nokogiri, the HTML these filters give back is written as libxml2 writes
// it (see html.go).
package toc

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/content"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// Plugin is jekyll-toc.
type Plugin struct{}

// Name is the gem's name.
func (Plugin) Name() string { return "jekyll-toc" }

// config is the `toc:` config over the gem's defaults.
type config struct {
	minLevel, maxLevel    int
	ordered               bool
	noTOCSections         []string
	listID, listClass     string
	sublistClass          string
	itemClass, itemPrefix string
}

func defaults() config {
	return config{minLevel: 1, maxLevel: 6, noTOCSections: []string{"no_toc_section"},
		listID: "toc", listClass: "section-nav", itemClass: "toc-entry", itemPrefix: "toc-"}
}

// readConfig reads `toc:`; a value that is not a mapping means the
// defaults, as in the gem, and says so.
func readConfig(s *build.Site) config {
	c := defaults()
	m := s.PluginOptions("toc")
	if m == nil {
		return c
	}
	level := func(key string, dst *int) {
		if v, ok := m.Get(key); ok {
			if n, ok := liquid.ToInt(v); ok {
				*dst = n
			} else {
				s.Warnf("_config.yml: toc: %s must be a number; %s is ignored", key, liquid.Inspect(v))
			}
		}
	}
	level("min_level", &c.minLevel)
	level("max_level", &c.maxLevel)
	if v, ok := m.Get("ordered_list"); ok {
		c.ordered = liquid.Truthy(v)
	}
	if v, ok := m.Get("no_toc_section_class"); ok {
		c.noTOCSections = nil
		if l, ok := v.([]any); ok {
			for _, x := range l {
				c.noTOCSections = append(c.noTOCSections, liquid.ToString(x))
			}
		} else {
			c.noTOCSections = []string{liquid.ToString(v)}
		}
	}
	str := func(key string, dst *string) {
		if v, ok := m.Get(key); ok {
			*dst = liquid.ToString(v)
		}
	}
	str("list_id", &c.listID)
	str("list_class", &c.listClass)
	str("sublist_class", &c.sublistClass)
	str("item_class", &c.itemClass)
	str("item_prefix", &c.itemPrefix)
	return c
}

// ExtendLiquid registers the filters and the tag.
func (Plugin) ExtendLiquid(e *liquid.Engine, s *build.Site) {
	c := readConfig(s)
	enabled := func(ctx *liquid.Context) bool {
		d, _ := ctx.Registers()["page"].(*content.Document)
		return d != nil && d.Get("toc") == true
	}
	filter := func(f func(p *parsed) string) liquid.FilterFunc {
		return func(ctx *liquid.Context, in any, args []any) (any, error) {
			if len(args) > 0 {
				return nil, fmt.Errorf("wrong number of arguments (given %d, expected 1)", len(args)+1)
			}
			if !enabled(ctx) {
				if f == nil {
					return "", nil
				}
				return in, nil
			}
			return f(parse(liquid.ToString(in), &c)), nil
		}
	}
	e.RegisterFilter("toc", filter(func(p *parsed) string { return p.list() + p.withAnchors() }))
	e.RegisterFilter("inject_anchors", filter(func(p *parsed) string { return p.withAnchors() }))
	tocOnly := filter(func(p *parsed) string { return p.list() })
	e.RegisterFilter("toc_only", func(ctx *liquid.Context, in any, args []any) (any, error) {
		if !enabled(ctx) {
			return "", nil
		}
		return tocOnly(ctx, in, args)
	})
	e.RegisterTag("toc", func(markup string, pos liquid.Position) (liquid.Renderer, error) {
		return tocTag{c: &c}, nil
	})
}

type tocTag struct{ c *config }

// Render lists the headings of page.content when page.toc is truthy.
func (t tocTag) Render(ctx *liquid.Context, out *bytes.Buffer) error {
	d, _ := ctx.Registers()["page"].(*content.Document)
	if d == nil || !liquid.Truthy(d.Get("toc")) {
		return nil
	}
	// page.content as Jekyll's payload has it: a page's is the source it
	// was read with; a document's is converted once its layouts render.
	html := d.Body
	if !d.IsPage() && d.Content != "" {
		html = d.Content
	}
	out.WriteString(parse(html, t.c).list())
	return nil
}

type entry struct {
	id, text string // text is HTML-escaped
	name     string // "h2"
	level    int
	heading  *node
}

type parsed struct {
	root    *node
	c       *config
	entries []entry
}

// parse finds the headings, as the gem's parse_content.
func parse(html string, c *config) *parsed {
	p := &parsed{root: parseFragment(html), c: c}
	seen := map[string]int{}
	var walk func(n *node, inSection bool)
	walk = func(n *node, inSection bool) {
		for _, ch := range n.children {
			if ch.kind != elementNode {
				continue
			}
			if lvl := headingLevel(ch.name); lvl >= c.minLevel && lvl <= c.maxLevel && lvl > 0 &&
				!inSection && !ch.hasClass("no_toc") {
				text := ch.textContent()
				id, ok := ch.attr("id")
				if !ok {
					id = tocID(text)
				}
				n := seen[id]
				seen[id]++
				if n > 0 {
					id = fmt.Sprintf("%s-%d", id, n)
				}
				p.entries = append(p.entries, entry{id: id, text: escapeHTML(text), name: ch.name, level: lvl, heading: ch})
			}
			sec := inSection
			for _, cls := range c.noTOCSections {
				if ch.hasClass(cls) {
					sec = true
				}
			}
			walk(ch, sec)
		}
	}
	walk(p.root, false)
	return p
}

func headingLevel(name string) int {
	if len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' {
		return int(name[1] - '0')
	}
	return 0
}

// tocID is the gem's generate_toc_id: lower case, punctuation dropped,
// spaces to dashes, then CGI-escaped.
func tocID(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(text) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r) || unicode.Is(unicode.Pc, r):
			b.WriteRune(r)
		}
	}
	return cgiEscape(b.String())
}

// cgiEscape is Ruby's CGI.escape.
func cgiEscape(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("_.-~", c) >= 0:
			b.WriteByte(c)
		case c == ' ':
			b.WriteByte('+')
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// escapeHTML is Ruby's CGI.escapeHTML.
func escapeHTML(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;").Replace(s)
}

func (p *parsed) listTag() string {
	if p.c.ordered {
		return "ol"
	}
	return "ul"
}

// list is the gem's build_toc.
func (p *parsed) list() string {
	tag := p.listTag()
	return fmt.Sprintf("<%s id=\"%s\" class=\"%s\">\n%s</%s>", tag, p.c.listID, p.c.listClass, p.items(p.entries), tag)
}

// items is the gem's build_toc_list: entries at the smallest level are
// items; deeper runs after one nest in a list inside it (or, before any,
// stand at this level).
func (p *parsed) items(entries []entry) string {
	if len(entries) == 0 {
		return ""
	}
	min := entries[0].level
	for _, e := range entries {
		if e.level < min {
			min = e.level
		}
	}
	nested := func(from int) []entry {
		var out []entry
		for _, e := range entries[from:] {
			if e.level == min {
				break
			}
			out = append(out, e)
		}
		return out
	}
	var b strings.Builder
	for i := 0; i < len(entries); i++ {
		e := entries[i]
		if e.level == min {
			fmt.Fprintf(&b, `<li class="%s %s%s"><a href="#%s">%s</a>`, p.c.itemClass, p.c.itemPrefix, e.name, e.id, e.text)
			if i+1 < len(entries) && entries[i+1].level > min {
				sub := nested(i + 1)
				attrs := ""
				if p.c.sublistClass != "" {
					attrs = fmt.Sprintf(` class="%s"`, p.c.sublistClass)
				}
				fmt.Fprintf(&b, "\n<%s%s>\n%s</%s>\n", p.listTag(), attrs, p.items(sub), p.listTag())
				i += len(sub)
			}
			b.WriteString("</li>\n")
		} else if e.level > min {
			sub := nested(i)
			b.WriteString(p.items(sub))
			i += len(sub) - 1
		}
	}
	return b.String()
}

// withAnchors is the gem's inject_anchors_into_html: an anchor link
// before each heading's first child, and the HTML written again.
func (p *parsed) withAnchors() string {
	for _, e := range p.entries {
		h := e.heading
		if len(h.children) == 0 {
			continue // the gem fails here; we leave the heading alone
		}
		a := &node{kind: elementNode, name: "a", attrs: []attr{
			{name: "class", value: "anchor", hasValue: true},
			{name: "href", value: "#" + e.id, hasValue: true},
			{name: "aria-hidden", value: "true", hasValue: true},
		}}
		span := &node{kind: elementNode, name: "span", parent: a, attrs: []attr{{name: "class", value: "octicon octicon-link", hasValue: true}}}
		a.children = []*node{span}
		h.insertBefore(h.children[0], []*node{a})
	}
	return p.root.innerHTML()
}
