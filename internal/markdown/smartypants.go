package markdown

import "strings"

// Smartify is Jekyll's smartify filter: kramdown's SmartyPants input, which
// turns straight quotes, dashes and ellipses into typographic characters
// (as the site's kramdown options print them) and leaves HTML alone, without
// any other Markdown.
func (c *Converter) Smartify(src string) string {
	p := newParser(c.o)
	p.src = adaptSource(src)
	p.pos = 0
	root := newEl(eRoot)
	p.parseSpans(root, nil, spSmartQuotes|spEntity|spTypo|spHTML, eText, nil)
	p.updateElements(root)
	r := &renderer{o: p.o, root: root, p: p, fnCounter: p.o.footnoteNr, fnByName: map[string]*fnOut{}}
	return strings.TrimSuffix(r.convert(root, -2), "\n")
}
