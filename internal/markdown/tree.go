package markdown

import (
	"sort"
	"strings"
	"unicode"
)

// updateTree span-parses raw text, applies IALs and drops end-of-block
// markers, as kramdown's update_tree does.
func (p *parser) updateTree(el *elem) {
	out := el.children[:0:0]
	var lastBlank *elem
	for _, c := range el.children {
		switch c.typ {
		case eRawText:
			lastBlank = nil
			holder := p.newEl(eRawText)
			oldSrc, oldPos, oldSt := p.src, p.pos, p.spanSt
			p.src, p.pos, p.spanSt = c.value, 0, nil
			p.parseSpans(holder, nil, spAll, eText, nil)
			p.src, p.pos, p.spanSt = oldSrc, oldPos, oldSt
			out = append(out, holder.children...)
		case eEOB:
			if c.ial != nil {
				p.updateAttrWithIAL(&c.attr, c.ial)
			}
		case eBlank:
			if lastBlank != nil {
				lastBlank.value += c.value
				continue
			}
			lastBlank = c
			out = append(out, c)
		default:
			lastBlank = nil
			p.updateTree(c)
			if c.ial != nil {
				p.updateAttrWithIAL(&c.attr, c.ial)
			}
			if c.typ == eDT || c.typ == eHeader {
				c.ext().rawText = gfmRawText(c)
			}
			out = append(out, c)
		}
	}
	el.children = out
}

// gfmRawText is the GFM parser's update_raw_text: the plain text of an
// element, with entities and typographic symbols as characters.
func gfmRawText(el *elem) string {
	var b strings.Builder
	var walk func(*elem)
	walk = func(c *elem) {
		switch c.typ {
		case eText, eCodespan, eMath:
			b.WriteString(c.value)
		case eEntity:
			b.WriteRune(c.entity)
		case eSmartQuote:
			b.WriteRune(entityNames[c.sym])
		case eTypoSym:
			switch c.sym {
			case "laquo_space":
				b.WriteString("« ")
			case "raquo_space":
				b.WriteString(" »")
			default:
				b.WriteRune(entityNames[c.sym])
			}
		default:
			for _, x := range c.children {
				walk(x)
			}
		}
	}
	walk(el)
	return b.String()
}

// replaceAbbreviations wraps defined abbreviations in text elements.
func (p *parser) replaceAbbreviations(el *elem) {
	if len(p.abbrevs) == 0 {
		return
	}
	keys := append([]string(nil), p.abbrevList...)
	sort.SliceStable(keys, func(a, b int) bool { return len(keys[a]) > len(keys[b]) })
	p.replaceAbbrevsIn(el, keys)
}

func (p *parser) replaceAbbrevsIn(el *elem, keys []string) {
	var out []*elem
	changed := false
	for _, c := range el.children {
		if c.typ == eText && el.cm != cmRaw {
			parts := splitAbbrevs(c.value, keys)
			if parts == nil {
				out = append(out, c)
				continue
			}
			changed = true
			out = append(out, parts...)
			continue
		}
		p.replaceAbbrevsIn(c, keys)
		out = append(out, c)
	}
	if changed {
		el.children = out
	}
}

func matchAbbrAt(s string, i int, keys []string) string {
	for _, k := range keys {
		if strings.HasPrefix(s[i:], k) {
			return k
		}
	}
	return ""
}

func nonWordByteRune(s string, i int) (bool, int) {
	r, n := runeAt(s, i)
	if n == 0 {
		return false, 0
	}
	if r < 128 {
		return !isWordByte(byte(r)), n
	}
	return true, n
}

// splitAbbrevs finds abbreviations at word boundaries: after a non-word
// character or a line start, and not followed by a word character.
func splitAbbrevs(v string, keys []string) []*elem {
	var out []*elem
	start := 0
	i := 0
	found := false
	followOK := func(e int) bool {
		return e >= len(v) || !isWordByte(v[e])
	}
	okAt := func(k int) (string, int, bool) {
		// (?:\W|^)abbr(?!\w) at k
		if k == start || v[k-1] == '\n' {
			if a := matchAbbrAt(v, k, keys); a != "" && followOK(k+len(a)) {
				return a, k, true
			}
		}
		if nw, n := nonWordByteRune(v, k); nw {
			if a := matchAbbrAt(v, k+n, keys); a != "" && followOK(k+n+len(a)) {
				return a, k + n, true
			}
		}
		return "", 0, false
	}
	for i <= len(v) {
		if i == len(v) {
			break
		}
		a, at, ok := okAt(i)
		if !ok {
			_, n := runeAt(v, i)
			i += n
			continue
		}
		found = true
		out = append(out, &elem{typ: eText, value: v[start:at]})
		out = append(out, &elem{typ: eAbbr, value: a})
		i = at + len(a)
		start = i
	}
	if !found {
		return nil
	}
	out = append(out, &elem{typ: eText, value: v[start:]})
	return out
}

// updateElements is the GFM parser's last pass: backslash line breaks and
// header ids.
func (p *parser) updateElements(el *elem) {
	var out []*elem
	changed := false
	for _, c := range el.children {
		switch {
		case c.typ == eText && strings.Contains(c.value, "\\\n"):
			changed = true
			out = append(out, splitHardBreaks(el, c)...)
			continue
		case c.typ == eHTML:
		case c.typ == eHeader && p.o.autoIDs:
			if _, ok := c.attr.get("id"); !ok {
				c.attr.set("id", p.gfmHeaderID(c.rawText()))
			}
		default:
			p.updateElements(c)
		}
		out = append(out, c)
	}
	if changed {
		el.children = out
	}
}

func splitHardBreaks(parent, child *elem) []*elem {
	lines := strings.Split(child.value, "\\\n")
	omit := lines[len(lines)-1] == "" && parent.category() == catBlock && parent.last() == child
	var out []*elem
	for i, l := range lines {
		if i > 0 {
			l = "\n" + l
		}
		out = append(out, &elem{typ: eText, value: l})
		if i < len(lines)-2 || (i == len(lines)-2 && !omit) {
			out = append(out, newEl(eBR))
		}
	}
	return out
}

func (p *parser) gfmHeaderID(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(text) {
		switch {
		case r == ' ' || r == '\t':
			b.WriteByte('-')
		case r == '-' || isUniWord(r) || unicode.Is(unicode.Pc, r) || unicode.Is(unicode.M, r):
			b.WriteRune(r)
		}
	}
	res := b.String()
	n, seen := p.idCount[res]
	if !seen {
		n = -1
	}
	n++
	p.idCount[res] = n
	if n > 0 {
		res += "-" + itoa(n)
	}
	return p.o.autoIDPrefix + res
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
