package toc

import (
	"html"
	"strings"
)

// A small HTML tree that reads what Markdown converters write and writes
// it back as Nokogiri does (libxml2's HTML serializer with formatting),
// because jekyll-toc hands the page's HTML through Nokogiri: entities are
// decoded and only &, < and > escaped again, void elements lose their
// slash, URI attributes are %-escaped, and line breaks are added around
// block elements that hold other elements.

type nodeKind uint8

const (
	textNode nodeKind = iota
	elementNode
	commentNode // written back as it was read: comments, <!DOCTYPE>, <?...>
)

type attr struct {
	name, value string
	hasValue    bool
}

type node struct {
	kind     nodeKind
	name     string // element name, lower case
	attrs    []attr
	text     string // text (decoded), or a comment's whole source
	parent   *node
	children []*node
}

// elemInfo is what libxml2's HTML 4 element table says of an element.
type elemInfo struct {
	inline  bool // no line breaks are added around it
	saveEnd bool // written without an end tag when empty
}

// elements are the elements libxml2 knows; others get no formatting.
var elements = func() map[string]elemInfo {
	m := map[string]elemInfo{}
	for _, n := range strings.Fields(`address blockquote body caption center col colgroup dd dir div dl dt
		fieldset form frame frameset h1 h2 h3 h4 h5 h6 head hr html isindex legend li link meta menu
		noframes noscript ol optgroup option p param pre style table tbody td tfoot th thead title tr ul
		area base`) {
		m[n] = elemInfo{}
	}
	for _, n := range strings.Fields(`a abbr acronym applet b basefont bdo big br button cite code del dfn
		em embed font i iframe img input ins kbd label map object q s samp script select small span
		strike strong sub sup textarea tt u var`) {
		m[n] = elemInfo{inline: true}
	}
	for _, n := range strings.Fields(`area base basefont br col frame hr img input isindex li link meta param`) {
		i := m[n]
		i.saveEnd = true
		m[n] = i
	}
	return m
}()

// void elements never have children.
var void = map[string]bool{"area": true, "base": true, "basefont": true, "br": true, "col": true,
	"frame": true, "hr": true, "img": true, "input": true, "isindex": true, "link": true, "meta": true, "param": true}

// booleanAttrs are written as a bare name.
var booleanAttrs = map[string]bool{"checked": true, "compact": true, "declare": true, "defer": true,
	"disabled": true, "ismap": true, "multiple": true, "nohref": true, "noresize": true, "noshade": true,
	"nowrap": true, "readonly": true, "selected": true}

// parseFragment reads HTML into a list of top-level nodes. It is lenient
// as a browser is: stray end tags are dropped and open elements closed at
// the end.
func parseFragment(src string) *node {
	root := &node{kind: elementNode}
	cur := root
	add := func(n *node) {
		n.parent = cur
		cur.children = append(cur.children, n)
	}
	addText := func(s string) {
		if s == "" {
			return
		}
		if k := len(cur.children); k > 0 && cur.children[k-1].kind == textNode {
			cur.children[k-1].text += html.UnescapeString(s)
			return
		}
		add(&node{kind: textNode, text: html.UnescapeString(s)})
	}
	i := 0
	for i < len(src) {
		lt := strings.IndexByte(src[i:], '<')
		if lt < 0 {
			addText(src[i:])
			break
		}
		addText(src[i : i+lt])
		i += lt
		rest := src[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			end := strings.Index(rest[4:], "-->")
			n := len(rest)
			if end >= 0 {
				n = 4 + end + 3
			}
			add(&node{kind: commentNode, text: rest[:n]})
			i += n
		case strings.HasPrefix(rest, "<!") || strings.HasPrefix(rest, "<?"):
			end := strings.IndexByte(rest, '>')
			n := len(rest)
			if end >= 0 {
				n = end + 1
			}
			add(&node{kind: commentNode, text: rest[:n]})
			i += n
		case len(rest) > 2 && rest[1] == '/' && isLetter(rest[2]):
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				addText(rest)
				i = len(src)
				continue
			}
			name := strings.ToLower(strings.TrimSpace(strings.Fields(rest[2:end] + " ")[0]))
			for n := cur; n != root; n = n.parent {
				if n.name == name {
					cur = n.parent
					break
				}
			}
			i += end + 1
		case len(rest) > 1 && isLetter(rest[1]):
			n, size := parseStartTag(rest)
			i += size
			// A block element closes an open paragraph, as libxml2 does.
			if info, known := elements[n.name]; known && !info.inline && cur.name == "p" {
				cur = cur.parent
			}
			add(n)
			if n.name == "script" || n.name == "style" {
				end := strings.Index(strings.ToLower(src[i:]), "</"+n.name)
				if end < 0 {
					end = len(src) - i
				}
				if end > 0 {
					n.children = []*node{{kind: textNode, text: src[i : i+end], parent: n}}
				}
				i += end
				if gt := strings.IndexByte(src[i:], '>'); gt >= 0 {
					i += gt + 1
				}
				continue
			}
			if !void[n.name] {
				cur = n
			}
		default:
			addText("<")
			i++
		}
	}
	return root
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// parseStartTag reads "<name attr=value ...>" and returns the element and
// the bytes it took.
func parseStartTag(s string) (*node, int) {
	i := 1
	for i < len(s) && !isSpace(s[i]) && s[i] != '>' && s[i] != '/' {
		i++
	}
	n := &node{kind: elementNode, name: strings.ToLower(s[1:i])}
	for i < len(s) {
		for i < len(s) && (isSpace(s[i]) || s[i] == '/') {
			i++
		}
		if i >= len(s) {
			break
		}
		if s[i] == '>' {
			i++
			break
		}
		start := i
		for i < len(s) && !isSpace(s[i]) && s[i] != '>' && s[i] != '=' && s[i] != '/' {
			i++
		}
		a := attr{name: strings.ToLower(s[start:i])}
		j := i
		for j < len(s) && isSpace(s[j]) {
			j++
		}
		if j < len(s) && s[j] == '=' {
			j++
			for j < len(s) && isSpace(s[j]) {
				j++
			}
			var raw string
			if j < len(s) && (s[j] == '"' || s[j] == '\'') {
				q := s[j]
				end := strings.IndexByte(s[j+1:], q)
				if end < 0 {
					end = len(s) - j - 1
					raw, i = s[j+1:], len(s)
				} else {
					raw, i = s[j+1:j+1+end], j+2+end
				}
			} else {
				k := j
				for k < len(s) && !isSpace(s[k]) && s[k] != '>' {
					k++
				}
				raw, i = s[j:k], k
			}
			a.value, a.hasValue = html.UnescapeString(raw), true
		}
		if a.name != "" && !hasAttr(n, a.name) {
			n.attrs = append(n.attrs, a)
		}
	}
	return n, i
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func hasAttr(n *node, name string) bool {
	for _, a := range n.attrs {
		if a.name == name {
			return true
		}
	}
	return false
}

func (n *node) attr(name string) (string, bool) {
	for _, a := range n.attrs {
		if a.name == name {
			return a.value, a.hasValue
		}
	}
	return "", false
}

func (n *node) hasClass(class string) bool {
	v, _ := n.attr("class")
	for _, c := range strings.Fields(v) {
		if c == class {
			return true
		}
	}
	return false
}

// textContent is Nokogiri's Node#text: the text of every descendant.
func (n *node) textContent() string {
	if n.kind == textNode {
		return n.text
	}
	var b strings.Builder
	var walk func(*node)
	walk = func(n *node) {
		for _, c := range n.children {
			if c.kind == textNode {
				b.WriteString(c.text)
			} else {
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// insertBefore puts nodes before the child ref of n.
func (n *node) insertBefore(ref *node, nodes []*node) {
	for i, c := range n.children {
		if c == ref {
			for _, x := range nodes {
				x.parent = n
			}
			rest := append(append([]*node(nil), nodes...), n.children[i:]...)
			n.children = append(n.children[:i], rest...)
			return
		}
	}
}

// innerHTML writes the children of root as Nokogiri's inner_html does.
func (n *node) innerHTML() string {
	var b strings.Builder
	for _, c := range n.children {
		c.write(&b)
	}
	return b.String()
}

// write serializes one node with the line breaks libxml2 adds around
// block elements.
func (n *node) write(b *strings.Builder) {
	switch n.kind {
	case textNode:
		if p := n.parent; p != nil && (p.name == "script" || p.name == "style") {
			b.WriteString(n.text)
		} else {
			escapeText(b, n.text)
		}
		return
	case commentNode:
		b.WriteString(n.text)
		return
	}
	info, known := elements[n.name]
	b.WriteByte('<')
	b.WriteString(n.name)
	for _, a := range n.attrs {
		writeAttr(b, n, a)
	}
	block := known && !info.inline
	notP := n.name == "" || n.name[0] != 'p'
	if len(n.children) == 0 {
		if known && info.saveEnd {
			b.WriteByte('>')
		} else {
			b.WriteString("></")
			b.WriteString(n.name)
			b.WriteByte('>')
		}
	} else {
		b.WriteByte('>')
		first, last := n.children[0], n.children[len(n.children)-1]
		if block && first.kind != textNode && first != last && notP {
			b.WriteByte('\n')
		}
		for _, c := range n.children {
			c.write(b)
		}
		if block && last.kind != textNode && first != last && notP {
			b.WriteByte('\n')
		}
		b.WriteString("</")
		b.WriteString(n.name)
		b.WriteByte('>')
	}
	if !block || n.parent == nil || n.parent.name == "" || n.parent.name[0] == 'p' {
		return
	}
	if next := n.nextSibling(); next != nil && next.kind != textNode {
		b.WriteByte('\n')
	}
}

func (n *node) nextSibling() *node {
	p := n.parent
	for i, c := range p.children {
		if c == n && i+1 < len(p.children) {
			return p.children[i+1]
		}
	}
	return nil
}

// escapeText escapes text as libxml2 writes it in HTML.
func escapeText(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			b.WriteByte(c)
		}
	}
}

// writeAttr writes ` name="value"` as libxml2's htmlAttrDumpOutput.
func writeAttr(b *strings.Builder, el *node, a attr) {
	b.WriteByte(' ')
	b.WriteString(a.name)
	if !a.hasValue || booleanAttrs[a.name] {
		return
	}
	var v strings.Builder
	for i := 0; i < len(a.value); i++ {
		switch c := a.value[i]; c {
		case '&':
			v.WriteString("&amp;")
		case '<':
			v.WriteString("&lt;")
		case '>':
			v.WriteString("&gt;")
		case '\r':
			v.WriteString("&#13;")
		default:
			v.WriteByte(c)
		}
	}
	val := v.String()
	if a.name == "href" || a.name == "action" || a.name == "src" || (a.name == "name" && el.name == "a") {
		val = uriEscape(strings.TrimLeft(val, " \t\n\r"))
	}
	b.WriteByte('=')
	switch {
	case !strings.Contains(val, `"`):
		b.WriteByte('"')
		b.WriteString(val)
		b.WriteByte('"')
	case !strings.Contains(val, "'"):
		b.WriteByte('\'')
		b.WriteString(val)
		b.WriteByte('\'')
	default:
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(val, `"`, "&quot;"))
		b.WriteByte('"')
	}
}

// uriEscape is libxml2's xmlURIEscapeStr with the characters its HTML
// writer keeps in URI attributes.
func uriEscape(s string) string {
	const keep = "-_.!~*'()@/:=?;#%&,+<>"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte(keep, c) >= 0 {
			b.WriteByte(c)
			continue
		}
		const hex = "0123456789ABCDEF"
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}
