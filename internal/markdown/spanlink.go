package markdown

import (
	"strings"
	"unicode"
)

func isQuote(b byte) bool { return b == '"' || b == '\'' }

func (p *parser) smartQuoteStart() bool {
	s, i := p.src, p.pos
	if isQuote(s[i]) {
		return true
	}
	if s[i] == '\\' {
		return false
	}
	_, n := runeAt(s, i)
	return i+n < len(s) && isQuote(s[i+n])
}

const sqPunct = "!\"#$%'()*+,-./:;<=>?@[\\]^_`{|}~"

// wordAt is whether the rune at i is a word character for \b (end: no).
func wordAt(s string, i int) bool {
	r, n := runeAt(s, i)
	return n > 0 && isUniWord(r)
}

func wordBefore(s string, i int) bool {
	r, n := runeBefore(s, i)
	return n > 0 && isUniWord(r)
}

func (p *parser) parseSmartQuotes(tree *elem) {
	s, i := p.src, p.pos
	at := func(k int) byte {
		if k < len(s) {
			return s[k]
		}
		return 0
	}
	quote := func(q byte, left bool) {
		e := p.newEl(eSmartQuote)
		switch {
		case q == '"' && left:
			e.sym = "ldquo"
		case q == '"':
			e.sym = "rdquo"
		case left:
			e.sym = "lsquo"
		default:
			e.sym = "rsquo"
		}
		tree.children = append(tree.children, e)
	}
	named := func(sym string) {
		e := p.newEl(eSmartQuote)
		e.sym = sym
		tree.children = append(tree.children, e)
	}
	text := func(t string) { p.addText(tree, t, p.textType) }
	c := s[i]
	// 1: ("|')(?=[_*]{1,2}\S)
	if isQuote(c) && (at(i+1) == '_' || at(i+1) == '*') && i+2 < len(s) && !isSpace(s[i+2]) {
		quote(c, true)
		p.pos = i + 1
		return
	}
	// 2: ("|')(?=SQ_PUNCT(?!\.\.)\B)
	if isQuote(c) && i+1 < len(s) && strings.IndexByte(sqPunct, s[i+1]) >= 0 &&
		!(at(i+2) == '.' && at(i+3) == '.') && wordBefore(s, i+2) == wordAt(s, i+2) {
		quote(c, false)
		p.pos = i + 1
		return
	}
	// 3, 4: (\s?)"'(?=\w) and (\s?)'"(?=\w)
	k := i
	ws := ""
	if isSpace(c) {
		k, ws = i+1, s[i:i+1]
	}
	for _, try := range []string{ws, ""} {
		if try == "" && ws != "" {
			k = i
		}
		if k+2 < len(s) && isWordByte(s[k+2]) {
			if s[k] == '"' && s[k+1] == '\'' {
				text(try)
				named("ldquo")
				named("lsquo")
				p.pos = k + 2
				return
			}
			if s[k] == '\'' && s[k+1] == '"' {
				text(try)
				named("lsquo")
				named("ldquo")
				p.pos = k + 2
				return
			}
		}
		if ws == "" {
			break
		}
	}
	// 5: (\s?)'(?=\d\ds)
	k = i
	if isSpace(c) && at(i+1) == '\'' {
		k = i + 1
	}
	if at(k) == '\'' && isDigit(at(k+1)) && isDigit(at(k+2)) && at(k+3) == 's' {
		text(s[i:k])
		named("rsquo")
		p.pos = k + 1
		return
	}
	// 6: (\s)('|")(?=\w)
	if isSpace(c) && isQuote(at(i+1)) && isWordByte(at(i+2)) {
		text(s[i : i+1])
		quote(s[i+1], true)
		p.pos = i + 2
		return
	}
	// 7: (SQ_CLOSE)('|")
	r, n := runeAt(s, i)
	if n > 0 && !strings.ContainsRune(" \\\t\r\n[{(-", r) && isQuote(at(i+n)) {
		text(s[i : i+n])
		quote(s[i+n], false)
		p.pos = i + n + 1
		return
	}
	// 8: ("|')(?=\s|s\b|$)
	if isQuote(c) && (i+1 >= len(s) || isSpace(s[i+1]) || (s[i+1] == 's' && !wordAt(s, i+2))) {
		quote(c, false)
		p.pos = i + 1
		return
	}
	// 9, 10: (.?)' and (.?)"
	for _, q := range []byte{'\'', '"'} {
		if n > 0 && at(i+n) == q {
			text(s[i : i+n])
			quote(q, true)
			p.pos = i + n + 1
			return
		}
		if c == q {
			quote(q, true)
			p.pos = i + 1
			return
		}
	}
	_ = unicode.IsLetter
	text(s[i : i+n])
	p.pos = i + n
}

// unescapeKramdown removes kramdown's (not GFM's) backslash escapes.
func unescapeKramdown(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("\\.*_+`<>()[]{}#!:|\"'$=-", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func (p *parser) parseLink(tree *elem) {
	s := p.src
	start := p.pos
	result := "["
	if s[start] == '!' {
		result = "!["
	}
	p.pos += len(result)
	curPos := p.pos
	lt := eA
	if result == "![" {
		lt = eImg
	}
	if lt == eA && (tree.typ == eImg || tree.typ == eA || p.inSpanStack(eA) || p.inSpanStack(eImg)) {
		p.addText(tree, result, p.textType)
		return
	}
	revert := func() {
		p.pos = curPos
		p.addText(tree, result, p.textType)
	}
	el := p.newEl(lt)
	count := 1
	stop := func(s string, k int) (bool, int) {
		switch {
		case s[k] == ']':
			return true, 1
		case s[k] == '[':
			return true, 1
		case s[k] == '!' && k+1 < len(s) && s[k+1] == '[':
			return true, 2
		}
		return false, 0
	}
	found := p.parseSpans(el, stop, spAll, p.textType, func(k, _ int) bool {
		if s[k] == ']' {
			count--
		} else {
			count++
		}
		imgs := 0
		for _, c := range el.children {
			if c.typ == eImg {
				imgs++
			}
		}
		return count-imgs == 0
	})
	if !found {
		revert()
		return
	}
	alt := unescapeKramdown(s[curPos:p.pos])
	p.pos++ // the ]
	// LINK_INLINE_ID_RE: \s*?\[([^\]]+)?\]
	k := p.pos
	for k < len(s) && isSpace(s[k]) {
		k++
	}
	refMatched, refID := false, ""
	if k < len(s) && s[k] == '[' {
		if e := strings.IndexByte(s[k+1:], ']'); e >= 0 {
			refMatched, refID = true, s[k+1:k+1+e]
			k = k + 1 + e + 1
		}
	}
	if refMatched || p.pos >= len(s) || s[p.pos] != '(' {
		if refMatched {
			p.pos = k
		}
		id := refID
		if id == "" {
			id = alt
		}
		if ld, ok := p.linkDefs[normalizeLinkID(id)]; ok {
			var li *ial
			if ld.eob != nil {
				li = ld.eob.ial
			}
			p.addLink(tree, el, ld.url, ld.title, ld.hasTitle, alt, li)
		} else {
			revert()
		}
		return
	}
	var url string
	if strings.HasPrefix(s[p.pos:], "(<") {
		if e := strings.IndexByte(s[p.pos+2:lineEnd(s, p.pos)], '>'); e >= 0 {
			url = s[p.pos+2 : p.pos+2+e]
			p.pos += 2 + e + 1
			if p.pos < len(s) && s[p.pos] == ')' {
				p.pos++
				p.addLink(tree, el, url, "", false, alt, nil)
				return
			}
			goto title
		}
	}
	{
		ustart := p.pos
		nr := 0
		j := p.pos
		end := -1
		for ; j < len(s); j++ {
			c := s[j]
			if c == '(' {
				nr++
			} else if c == ')' {
				nr--
				if nr == 0 {
					end = j + 1
					break
				}
			} else if isSpace(c) && j+1 < len(s) && isQuote(s[j+1]) {
				end = j + 1
				break
			}
		}
		if end < 0 {
			revert()
			return
		}
		p.pos = end
		url = strip(s[ustart+1 : end-1])
		if nr == 0 {
			p.addLink(tree, el, url, "", false, alt, nil)
			return
		}
	}
title:
	// LINK_INLINE_TITLE_RE: \s*?(["'])(.+?)\1\s*?\)
	{
		k := p.pos
		for k < len(s) && isSpace(s[k]) && !isQuote(s[k]) {
			k++
		}
		if k < len(s) && isQuote(s[k]) {
			q := s[k]
			for m := k + 2; m < len(s); m++ {
				if s[m] == q {
					x := m + 1
					for x < len(s) && isSpace(s[x]) {
						x++
					}
					if x < len(s) && s[x] == ')' {
						p.pos = x + 1
						p.addLink(tree, el, url, s[k+1:m], true, alt, nil)
						return
					}
				}
			}
		}
	}
	revert()
}

func (p *parser) addLink(tree, el *elem, href, title string, hasTitle bool, alt string, li *ial) {
	el.ial = li
	if li != nil {
		p.updateAttrWithIAL(&el.attr, li)
	}
	if el.typ == eA {
		el.attr.set("href", href)
	} else {
		el.attr.set("src", href)
		el.attr.set("alt", alt)
		el.children = nil
	}
	if hasTitle {
		el.attr.set("title", title)
	}
	tree.children = append(tree.children, el)
}
