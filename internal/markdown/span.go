package markdown

import (
	"strconv"
	"strings"
	"unicode"
)

// span parser identifiers, in kramdown's GFM order.
const (
	spEmphasis = 1 << iota
	spCodespan
	spAutolink
	spHTML
	spFootnote
	spLink
	spSmartQuotes
	spMath
	spExtensions
	spEntity
	spTypo
	spLineBreak
	spEscaped
	spStrike

	spAll = spEmphasis | spCodespan | spAutolink | spHTML | spFootnote | spLink | spSmartQuotes |
		spMath | spExtensions | spEntity | spTypo | spLineBreak | spEscaped | spStrike
)

// stopFunc reports whether a stop pattern matches at i, and its length.
type stopFunc func(s string, i int) (bool, int)

// spanCandidate reports whether any enabled span parser's start pattern
// matches at i (kramdown's combined span_start regexp).
func spanCandidate(s string, i int, set int) bool {
	c := s[i]
	if c < 0x80 && !spanStartByte[c] {
		// Most text: only a smart quote right after it can start a span.
		if set&spSmartQuotes != 0 && i+1 < len(s) {
			return s[i+1] == '"' || s[i+1] == '\''
		}
		return false
	}
	switch c {
	case '*', '_':
		if set&spEmphasis != 0 {
			return true
		}
	case '`':
		if set&spCodespan != 0 {
			return true
		}
	case '<':
		if set&(spAutolink|spHTML) != 0 {
			return true
		}
		if set&spTypo != 0 && i+1 < len(s) && s[i+1] == '<' {
			return true
		}
	case '[':
		if set&(spFootnote|spLink) != 0 {
			return true
		}
	case '!':
		if set&spLink != 0 && i+1 < len(s) && s[i+1] == '[' {
			return true
		}
	case '$':
		if set&spMath != 0 {
			return true
		}
	case '{':
		if set&spExtensions != 0 && i+1 < len(s) && s[i+1] == ':' {
			return true
		}
	case '&':
		if set&spEntity != 0 {
			return true
		}
	case '\\':
		if set&spEscaped != 0 {
			return true
		}
		if set&spTypo != 0 && (strings.HasPrefix(s[i+1:], "<<") || strings.HasPrefix(s[i+1:], ">>")) {
			return true
		}
		if set&spLineBreak != 0 && strings.HasPrefix(s[i:], "\\\\\n") {
			return true
		}
	case '-':
		if set&spTypo != 0 && i+1 < len(s) && s[i+1] == '-' {
			return true
		}
	case '.':
		if set&spTypo != 0 && strings.HasPrefix(s[i:], "...") {
			return true
		}
	case '>':
		if set&spTypo != 0 && i+1 < len(s) && s[i+1] == '>' {
			return true
		}
	case ' ':
		if set&spTypo != 0 && (strings.HasPrefix(s[i+1:], "<<") || strings.HasPrefix(s[i+1:], ">>")) {
			return true
		}
		if set&spLineBreak != 0 && strings.HasPrefix(s[i:], "  \n") {
			return true
		}
	case '~':
		if set&spStrike != 0 && i+1 < len(s) && s[i+1] == '~' {
			return true
		}
	case '"', '\'':
		if set&spSmartQuotes != 0 {
			return true
		}
	}
	if set&spSmartQuotes != 0 && c != '\\' {
		_, n := runeAt(s, i)
		if i+n < len(s) && (s[i+n] == '"' || s[i+n] == '\'') {
			return true
		}
	}
	return false
}

// spanStartByte marks the ASCII bytes spanCandidate's switch looks at.
var spanStartByte = func() (t [128]bool) {
	for _, c := range []byte("*_`<[!${&\\-.> ~\"'") {
		t[c] = true
	}
	return
}()

// spanNeedsNext is, for the bytes spanCandidate takes only before a certain
// next byte, that byte (a space also before '<' or '>'; any of them before
// a quote when smart quotes are on).
var spanNeedsNext = func() (t [128]byte) {
	for _, c := range []byte(" -.>~") {
		t[c] = c
	}
	return
}()

// spanClass sorts bytes for nextSpanCandidate: 0 starts nothing, 1 may
// start a span (spanStartByte's, and every byte of a non-ASCII character),
// 2 may start one only before a byte of spanTrigger (a space before "  \n",
// "<<" or ">>"; "--", "...", ">>", "~~"; anything before a smart quote).
var spanClass, spanTrigger = func() (class, trigger [256]uint8) {
	for c := range class {
		switch {
		case c >= 0x80:
			class[c] = 1
		case spanNeedsNext[c] != 0:
			class[c] = 2
		case spanStartByte[c]:
			class[c] = 1
		}
	}
	for _, c := range []byte(" <>-.~\"'") {
		trigger[c] = 1
	}
	return
}()

// nextSpanCandidate finds the first position from start where
// spanCandidate holds, or len(s), passing plain text one table lookup a
// byte. A plain byte is a candidate only before a smart quote, which is
// found at the quote and stepped back from.
func nextSpanCandidate(s string, start, set int) int {
	smart := set&spSmartQuotes != 0
	for i := start; i < len(s); i++ {
		c := s[i]
		switch spanClass[c] {
		case 0:
			continue
		case 2:
			if i+1 >= len(s) || spanTrigger[s[i+1]] == 0 {
				continue
			}
		}
		if smart && (c == '"' || c == '\'') && i > start && spanClass[s[i-1]] == 0 {
			return i - 1
		}
		if c < 0x80 {
			var next byte
			if i+1 < len(s) {
				next = s[i+1]
			}
			quoteNext := smart && (next == '"' || next == '\'')
			if t := spanNeedsNext[c]; t != 0 && next != t && !quoteNext &&
				!(c == ' ' && (next == '<' || next == '>')) {
				continue
			}
		}
		if spanCandidate(s, i, set) {
			return i
		}
	}
	return len(s)
}

// spanSrc is one span scanner's source: kramdown makes a new StringScanner
// per text element, and pre_match sees only that string.
type spanState struct {
	src string
	pos int
}

// parseSpans parses p.src from p.pos into el until the end or, with stop, a
// position where stop matches and accept agrees. It reports whether it
// stopped there (the stop text is not consumed).
func (p *parser) parseSpans(el *elem, stop stopFunc, set int, textType etype, accept func(i, n int) bool) bool {
	oldType := p.textType
	p.spanSt = append(p.spanSt, el)
	p.textType = textType
	defer func() {
		p.spanSt = p.spanSt[:len(p.spanSt)-1]
		p.textType = oldType
	}()
	s := p.src
	found := false
	for p.pos < len(s) && !found {
		// find the next candidate position
		i := p.pos
		stopHere, stopLen := false, 0
		if stop == nil {
			i = nextSpanCandidate(s, i, set)
		}
		for ; i < len(s); i++ {
			if stop != nil {
				if ok, n := stop(s, i); ok {
					stopHere, stopLen = true, n
					break
				}
			}
			// Plain ASCII text is most of it: skip it here without a call,
			// and the bytes that start a span only before a certain next
			// byte (a space before "  \n", "<<" or ">>", "--", "...",
			// ">>", "~~") when that byte is not there.
			if c := s[i]; c < 0x80 {
				var next byte
				if i+1 < len(s) {
					next = s[i+1]
				}
				quoteNext := set&spSmartQuotes != 0 && (next == '"' || next == '\'')
				if !spanStartByte[c] && !quoteNext {
					continue
				}
				if t := spanNeedsNext[c]; t != 0 && next != t && !quoteNext &&
					!(c == ' ' && (next == '<' || next == '>')) {
					continue
				}
			}
			if spanCandidate(s, i, set) {
				break
			}
		}
		if i >= len(s) {
			if stop == nil {
				p.addSrcText(el, s, p.pos, len(s), p.textType)
				p.pos = len(s)
			}
			break
		}
		p.addSrcText(el, s, p.pos, i, p.textType)
		p.pos = i
		if stop != nil && !stopHere {
			stopHere, stopLen = stop(s, i)
		}
		if stopHere {
			found = accept == nil || accept(i, stopLen)
			if found {
				break
			}
		}
		if !p.trySpan(el, set) {
			_, n := runeAt(s, p.pos)
			p.addSrcText(el, s, p.pos, p.pos+n, p.textType)
			p.pos += n
		}
	}
	return found
}

// trySpan runs the first span parser whose start pattern matches at p.pos.
func (p *parser) trySpan(el *elem, set int) bool {
	s, i := p.src, p.pos
	c := s[i]
	if set&spEmphasis != 0 && (c == '*' || c == '_') {
		p.parseEmphasis(el)
		return true
	}
	if set&spCodespan != 0 && c == '`' {
		p.parseCodespan(el)
		return true
	}
	if set&spAutolink != 0 && c == '<' {
		if p.parseAutolink(el) {
			return true
		}
	}
	if set&spHTML != 0 && c == '<' && i+1 < len(s) {
		if s[i+1] == '/' || strings.HasPrefix(s[i+1:], "!--") || uname(s, i+1) >= 0 {
			p.parseSpanHTML(el)
			return true
		}
	}
	if set&spFootnote != 0 && c == '[' && i+1 < len(s) && s[i+1] == '^' {
		if e := aldIDName(s, i+2); e >= 0 && e < len(s) && s[e] == ']' {
			p.parseFootnoteMarker(el, s[i+2:e], e+1)
			return true
		}
	}
	if set&spLink != 0 {
		k := i
		if c == '!' {
			k++
		}
		if k+1 < len(s) && s[k] == '[' && s[k+1] != '^' {
			p.parseLink(el)
			return true
		}
	}
	if set&spSmartQuotes != 0 && p.smartQuoteStart() {
		p.parseSmartQuotes(el)
		return true
	}
	if set&spMath != 0 && strings.HasPrefix(s[i:], "$$") {
		if e := strings.Index(s[i+2:], "$$"); e >= 0 {
			m := p.newEl(eMath)
			m.value, m.cat = strip(s[i+2:i+2+e]), catSpan
			el.children = append(el.children, m)
			p.pos = i + 2 + e + 2
			return true
		}
	}
	if set&spExtensions != 0 && strings.HasPrefix(s[i:], "{:") {
		p.parseSpanExtensions(el)
		return true
	}
	if set&spEntity != 0 && c == '&' {
		if p.parseEntity(el) {
			return true
		}
	}
	if set&spTypo != 0 {
		if p.parseTypo(el) {
			return true
		}
	}
	if set&spLineBreak != 0 && (strings.HasPrefix(s[i:], "  \n") || strings.HasPrefix(s[i:], "\\\\\n")) {
		el.children = append(el.children, p.newEl(eBR))
		p.pos += 2
		return true
	}
	if set&spEscaped != 0 && c == '\\' && i+1 < len(s) && strings.IndexByte("\\.*_+`<>()[]{}#!:|\"'$=-~", s[i+1]) >= 0 {
		p.addText(el, s[i+1:i+2], p.textType)
		p.pos += 2
		return true
	}
	if set&spStrike != 0 && strings.HasPrefix(s[i:], "~~") {
		if p.parseStrike(el) {
			return true
		}
	}
	return false
}

func (p *parser) inSpanStack(t etype) bool {
	for _, e := range p.spanSt {
		if e.typ == t {
			return true
		}
	}
	return false
}

func isAlpha(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.M, r) }

// underscoreIntraword is pre_match =~ /[[:alpha:]]-?[[:alpha:]]*\z/.
func underscoreIntraword(pre string) bool {
	r, n := runeBefore(pre, len(pre))
	if n == 0 {
		return false
	}
	if isAlpha(r) {
		return true
	}
	if r == '-' {
		r2, n2 := runeBefore(pre, len(pre)-1)
		return n2 > 0 && isAlpha(r2)
	}
	return false
}

func (p *parser) parseEmphasis(tree *elem) {
	s := p.src
	saved := p.pos
	i := p.pos
	typ := s[i]
	n := 1
	if i+1 < len(s) && s[i+1] == typ {
		n = 2
	}
	result := s[i : i+n]
	p.pos += n
	element := eEm
	if n == 2 {
		element = eStrong
	}
	if (typ == '_' && underscoreIntraword(s[:i])) || (p.pos < len(s) && isSpace(s[p.pos])) ||
		tree.typ == element || p.inSpanStack(element) {
		p.addText(tree, result, p.textType)
		return
	}
	sub := func(delim string, et etype) (bool, *elem) {
		el := p.newEl(et)
		stop := func(s string, k int) (bool, int) {
			return strings.HasPrefix(s[k:], delim), len(delim)
		}
		found := p.parseSpans(el, stop, spAll, p.textType, func(k, _ int) bool {
			r, w := runeBefore(s, k)
			if w > 0 && r < 128 && isSpace(byte(r)) {
				return false
			}
			if et == eEm && strings.HasPrefix(s[k:], delim+delim) && !strings.HasPrefix(s[k+2*len(delim):], delim) {
				return false
			}
			if typ == '_' {
				r2, w2 := runeAt(s, k+len(delim))
				if w2 > 0 && (unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.IsNumber(r2)) {
					return false
				}
			}
			return len(el.children) > 0
		})
		return found, el
	}
	found, el := sub(result, element)
	delim := result
	if !found && element == eStrong && tree.typ != eEm {
		p.pos = saved + 1
		delim = result[:1]
		found, el = sub(delim, eEm)
	}
	if found {
		p.pos += len(delim)
		tree.children = append(tree.children, el)
		return
	}
	p.pos = saved + len(result)
	p.addText(tree, result, p.textType)
}

func (p *parser) parseCodespan(tree *elem) {
	s := p.src
	i := p.pos
	j := i
	for j < len(s) && s[j] == '`' {
		j++
	}
	result := s[i:j]
	simple := len(result) == 1
	p.pos = j
	if simple {
		pre := s[:i]
		preOK := pre == "" || pre == "\n" || (len(pre) > 0 && isSpace(pre[len(pre)-1])) ||
			(len(pre) > 1 && pre[len(pre)-1] == '\n' && isSpace(pre[len(pre)-2]))
		if preOK && j < len(s) && isSpace(s[j]) {
			p.addText(tree, result, p.textType)
			return
		}
	}
	k := strings.Index(s[j:], result)
	if k < 0 {
		p.addText(tree, result, p.textType)
		return
	}
	text := s[j : j+k]
	p.pos = j + k + len(result)
	if !simple {
		text = strings.TrimPrefix(text, " ")
		text = strings.TrimSuffix(text, " ")
	}
	cs := p.newEl(eCodespan)
	cs.value, cs.ext().delimiter = text, result
	tree.children = append(tree.children, cs)
}

func isAChar(r rune) bool {
	return r == '-' || r == '_' || r == '.' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r)
}

// parseAutolink matches <(mailto|https?|ftps?):.+?> or <user@host>.
func (p *parser) parseAutolink(tree *elem) bool {
	s, i := p.src, p.pos
	le := lineEnd(s, i)
	body, end := "", -1
	rest := s[i+1 : le]
	for _, sch := range []string{"mailto:", "https:", "http:", "ftps:", "ftp:"} {
		if strings.HasPrefix(rest, sch) {
			if k := strings.IndexByte(rest[len(sch)+1:], '>'); k >= 0 && len(rest) > len(sch) {
				body = rest[:len(sch)+1+k]
				end = i + 1 + len(body) + 1
			}
			break
		}
	}
	email := false
	if end < 0 {
		// [ACHARS]+?@[ACHARS]+?>
		k := 0
		for k < len(rest) {
			r, w := runeAt(rest, k)
			if !isAChar(r) {
				break
			}
			k += w
		}
		if k > 0 && k < len(rest) && rest[k] == '@' {
			m := k + 1
			for m < len(rest) {
				r, w := runeAt(rest, m)
				if !isAChar(r) {
					break
				}
				m += w
			}
			if m > k+1 && m < len(rest) && rest[m] == '>' {
				body, end, email = rest[:m], i+1+m+1, true
			}
		}
	}
	if end < 0 {
		return false
	}
	p.pos = end
	href := body
	if email {
		href = "mailto:" + body
	}
	a := p.newEl(eA)
	a.attr.set("href", href)
	p.addText(a, strings.TrimPrefix(body, "mailto:"), p.textType)
	tree.children = append(tree.children, a)
	return true
}

func (p *parser) parseFootnoteMarker(tree *elem, name string, end int) {
	s, i := p.src, p.pos
	p.pos = end
	fd := p.footnotes[name]
	if fd == nil {
		p.addText(tree, s[i:end], p.textType)
		return
	}
	if fd.eob != nil {
		if fd.eob.ial != nil {
			p.updateAttrWithIAL(&fd.eob.attr, fd.eob.ial)
		}
		fd.attr = fd.eob.attr
		fd.ial = fd.eob.ial
		fd.eob = nil
	}
	fd.marked = true
	f := p.newEl(eFootnote)
	f.ext().fnContent = fd.content
	f.attr = fd.attr.clone()
	f.ial = fd.ial
	f.name = name
	tree.children = append(tree.children, f)
}

func (p *parser) parseEntity(tree *elem) bool {
	s, i := p.src, p.pos
	j := i + 1
	var val rune
	var name string
	ok := false
	if j < len(s) && s[j] == '#' {
		k := j + 1
		if k < len(s) && s[k] == 'x' {
			m := k + 1
			for m < len(s) && (isDigit(s[m]) || s[m]|0x20 >= 'a' && s[m]|0x20 <= 'f') {
				m++
			}
			if m > k+1 && m < len(s) && s[m] == ';' {
				v, err := strconv.ParseUint(s[k+1:m], 16, 32)
				if err != nil {
					v = 0x110000
				}
				val, j, ok = rune(v), m+1, true
			}
		} else {
			m := k
			for m < len(s) && isDigit(s[m]) {
				m++
			}
			if m > k && m < len(s) && s[m] == ';' {
				v, err := strconv.ParseUint(s[k:m], 10, 32)
				if err != nil {
					v = 0x110000
				}
				val, j, ok = rune(v), m+1, true
			}
		}
	} else if j < len(s) && (isWordByte(s[j]) || s[j] == ':') {
		m := j + 1
		for m < len(s) && (isWordByte(s[m]) || s[m] == '-' || s[m] == '.' || s[m] == ':') {
			m++
		}
		if m < len(s) && s[m] == ';' {
			name, j, ok = s[i+1:m], m+1, true
		}
	}
	if !ok {
		return false
	}
	p.pos = j
	orig := s[i:j]
	e := p.newEl(eEntity)
	if name != "" {
		cp, known := entityNames[name]
		if !known {
			amp := p.newEl(eEntity)
			amp.entity = '&'
			tree.children = append(tree.children, amp)
			p.addText(tree, orig[1:], p.textType)
			return true
		}
		val = cp
	}
	e.entity, e.ext().original = val, orig
	tree.children = append(tree.children, e)
	return true
}

func (p *parser) parseTypo(tree *elem) bool {
	s, i := p.src, p.pos
	add := func(n int, sym string) bool {
		e := p.newEl(eTypoSym)
		e.sym = sym
		tree.children = append(tree.children, e)
		p.pos = i + n
		return true
	}
	ent := func(n int, r rune) bool {
		for k := 0; k < 2; k++ {
			e := p.newEl(eEntity)
			e.entity = r
			tree.children = append(tree.children, e)
		}
		p.pos = i + n
		return true
	}
	rest := s[i:]
	switch {
	case strings.HasPrefix(rest, "---"):
		return add(3, "mdash")
	case strings.HasPrefix(rest, "--"):
		return add(2, "ndash")
	case strings.HasPrefix(rest, "..."):
		return add(3, "hellip")
	case strings.HasPrefix(rest, "\\<<"):
		return ent(3, '<')
	case strings.HasPrefix(rest, "\\>>"):
		return ent(3, '>')
	case strings.HasPrefix(rest, "<< "):
		return add(3, "laquo_space")
	case strings.HasPrefix(rest, " >>"):
		return add(3, "raquo_space")
	case strings.HasPrefix(rest, "<<"):
		return add(2, "laquo")
	case strings.HasPrefix(rest, ">>"):
		return add(2, "raquo")
	}
	return false
}

func (p *parser) parseStrike(tree *elem) bool {
	s, i := p.src, p.pos
	// ~~(?!\s|~).*?[^\s~]~~ (dot matches newline)
	k := i + 2
	if k >= len(s) || isSpace(s[k]) || s[k] == '~' {
		return false
	}
	for m := k + 1; m+1 < len(s); m++ {
		if s[m] == '~' && s[m+1] == '~' && !isSpace(s[m-1]) && s[m-1] != '~' {
			del := p.newEl(eHTML)
			del.value, del.cat = "del", catSpan
			tree.children = append(tree.children, del)
			inner := s[k:m]
			oldSrc, oldSt := p.src, p.spanSt
			p.src, p.pos, p.spanSt = inner, 0, nil
			p.parseSpans(del, nil, spAll, eText, nil)
			p.src, p.pos, p.spanSt = oldSrc, m+2, oldSt
			return true
		}
	}
	return false
}

func (p *parser) parseSpanExtensions(tree *elem) {
	s, i := p.src, p.pos
	if m, ok := matchExtStart(s, i, false); ok {
		p.parseExtension(m, catSpan, tree)
		return
	}
	// IAL_SPAN_START: \{:(ALD_ANY_CHARS+)\}
	if body, e := aldBody(s, i+2, 1, anyTail); e >= 0 {
		if l := tree.last(); l != nil && l.typ != eText {
			p.pos = e
			a := &ial{}
			parseAttributeList(body, a)
			if l.ial == nil {
				l.ial = &ial{}
			}
			updateIALWithIAL(l.ial, a)
			p.updateAttrWithIAL(&l.attr, a)
			return
		}
	}
	_, n := runeAt(s, i)
	p.addText(tree, s[i:i+n], p.textType)
	p.pos += n
}
