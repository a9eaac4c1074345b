package markdown

import (
	"strings"
)

var (
	htmlSpanElements  = set("a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var")
	htmlBlockElements = set("address article aside applet body blockquote caption col colgroup dd div dl dt fieldset figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li main map nav ol optgroup p pre section summary table tbody td th thead tfoot tr ul")
	htmlNoBody        = set("area base br col command embed hr img input keygen link meta param source track wbr")
	cmBlockSet        = set("address applet article aside blockquote body dd details div dl fieldset figure figcaption footer form header hgroup iframe li main map menu nav noscript object section summary td")
	cmSpanSet         = set("a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt")
	htmlKnown         = set("script style math option textarea pre code kbd samp var")
)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

func isKnownHTML(name string) bool {
	return htmlSpanElements[name] || htmlBlockElements[name] || htmlNoBody[name] || cmBlockSet[name] || cmSpanSet[name] || htmlKnown[name]
}

func htmlContentModel(name string) contentModel {
	switch {
	case cmBlockSet[name]:
		return cmBlock
	case cmSpanSet[name]:
		return cmSpan
	}
	return cmRaw
}

// htmlTag is a matched start tag (HTML_TAG_RE).
type htmlTag struct {
	name   string
	attrs  attrs
	closed bool
	end    int
}

// matchTag matches HTML_TAG_RE at i (s[i] == '<').
func matchTag(s string, i int) (htmlTag, bool) {
	var t htmlTag
	if i >= len(s) || s[i] != '<' {
		return t, false
	}
	ne := uname(s, i+1)
	if ne < 0 {
		return t, false
	}
	t.name = s[i+1 : ne]
	known := isKnownHTML(strings.ToLower(t.name))
	k := ne
	for {
		j := k
		for j < len(s) && isSpace(s[j]) {
			j++
		}
		if j == k {
			break
		}
		ae := uname(s, j)
		if ae < 0 {
			break
		}
		name := s[j:ae]
		if known {
			name = strings.ToLower(name)
		}
		val := ""
		m := ae
		for m < len(s) && isSpace(s[m]) {
			m++
		}
		next := ae
		if m < len(s) && s[m] == '=' {
			m++
			for m < len(s) && isSpace(s[m]) {
				m++
			}
			if m < len(s) && isQuote(s[m]) {
				if q := strings.IndexByte(s[m+1:], s[m]); q >= 0 {
					val = s[m+1 : m+1+q]
					next = m + 1 + q + 1
				}
			} else {
				w := m
				for w < len(s) {
					r, n := runeAt(s, w)
					if !isUniWord(r) {
						break
					}
					w += n
				}
				if w > m {
					val = s[m:w]
					next = w
				}
			}
		}
		t.attrs.set(name, val)
		k = next
	}
	for k < len(s) && isSpace(s[k]) {
		k++
	}
	if k < len(s) && s[k] == '/' {
		t.closed = true
		k++
	}
	if k >= len(s) || s[k] != '>' {
		return t, false
	}
	t.end = k + 1
	return t, true
}

// matchCloseTag matches HTML_TAG_CLOSE_RE at i.
func matchCloseTag(s string, i int) (string, int) {
	if !strings.HasPrefix(s[i:], "</") {
		return "", -1
	}
	ne := uname(s, i+2)
	if ne < 0 {
		return "", -1
	}
	k := ne
	for k < len(s) && isSpace(s[k]) {
		k++
	}
	if k < len(s) && s[k] == '>' {
		return s[i+2 : ne], k + 1
	}
	return "", -1
}

// matchComment matches <!--(.*?)-->.
func matchComment(s string, i int) int {
	if !strings.HasPrefix(s[i:], "<!--") {
		return -1
	}
	if e := strings.Index(s[i+4:], "-->"); e >= 0 {
		return i + 4 + e + 3
	}
	return -1
}

// findCloseTag finds </name\s*> from i, case-insensitively when fold.
func findCloseTag(s string, i int, name string, fold bool) (int, int) {
	for {
		k := strings.Index(s[i:], "</")
		if k < 0 {
			return -1, -1
		}
		k += i
		if ok, e := closeTagAt(s, k, name, fold); ok {
			return k, e
		}
		i = k + 2
	}
}

func closeTagAt(s string, k int, name string, fold bool) (bool, int) {
	if !strings.HasPrefix(s[k:], "</") {
		return false, 0
	}
	j := k + 2
	if j+len(name) > len(s) {
		return false, 0
	}
	cand := s[j : j+len(name)]
	if !(cand == name || fold && strings.EqualFold(cand, name)) {
		return false, 0
	}
	j += len(name)
	for j < len(s) && isSpace(s[j]) {
		j++
	}
	if j < len(s) && s[j] == '>' {
		return true, j + 1
	}
	return false, 0
}

func (p *parser) parseBlockHTML() bool {
	s := p.src
	if e := matchComment(s, p.pos); e >= 0 {
		c := p.newEl(eXMLComment)
		c.value, c.cat = s[p.pos:e], catBlock
		p.tree.children = append(p.tree.children, c)
		p.pos = e
		if x := hspaceToNewline(s, p.pos); x >= 0 {
			p.pos = x
		}
		return true
	}
	j := optSpace(s, p.pos, 3)
	if t, ok := matchTag(s, j); ok {
		if htmlSpanElements[strings.ToLower(t.name)] {
			return false
		}
		p.pos = t.end
		p.handleHTMLStartTag(t, catBlock)
		return true
	}
	if name, e := matchCloseTag(s, j); e >= 0 && !htmlSpanElements[strings.ToLower(name)] {
		name = strings.ToLower(name)
		if p.tree.typ == eHTML && p.tree.value == name {
			p.pos = e
			p.stopFound = true
			return true
		}
	}
	return false
}

// handleHTMLStartTag adds an HTML element for a matched tag and reads its
// body per kramdown's content model rules.
func (p *parser) handleHTMLStartTag(t htmlTag, cat category) {
	name := t.name
	if isKnownHTML(strings.ToLower(name)) {
		name = strings.ToLower(name)
	}
	el := p.newEl(eHTML)
	el.value, el.attr, el.cat = name, t.attrs, cat
	p.tree.children = append(p.tree.children, el)
	closed := t.closed
	if !closed && htmlNoBody[name] {
		closed = true
	}
	if name == "script" || name == "style" {
		if k, e := findCloseTag(p.src, p.pos, name, true); k >= 0 {
			p.addText(el, p.src[p.pos:k], eRaw)
			p.pos = e
		} else {
			p.addText(el, p.src[p.pos:], eRaw)
			p.pos = len(p.src)
		}
		p.kramdownHTMLTag(el, false, false)
		return
	}
	p.kramdownHTMLTag(el, closed, true)
}

func (p *parser) kramdownHTMLTag(el *elem, closed, handleBody bool) {
	if p.blockIAL != nil {
		el.ial = p.blockIAL
		p.blockIAL = nil
	}
	parentRaw := p.tree.typ == eHTML && p.tree.cm == cmRaw
	cm := cmRaw
	if !parentRaw && p.o.parseBlockHTML {
		cm = htmlContentModel(el.value)
	}
	if v, ok := el.attr.del("markdown"); ok {
		switch v {
		case "0":
			cm = cmRaw
		case "1":
			cm = htmlContentModel(el.value)
		case "span":
			cm = cmSpan
		case "block":
			cm = cmBlock
		}
	}
	if cm == cmBlock {
		if x := hspaceToNewline(p.src, p.pos); x >= 0 {
			p.pos = x
		}
	}
	el.cm, el.isClosed = cm, closed
	if closed || !handleBody {
		return
	}
	switch cm {
	case cmBlock:
		p.parseBlocks(el, "", false)
	case cmSpan:
		if k, e := findCloseTag(p.src, p.pos, el.value, true); k >= 0 {
			p.addText(el, p.src[p.pos:k], p.textType)
			p.pos = e
		} else {
			p.addText(el, p.src[p.pos:], p.textType)
			p.pos = len(p.src)
		}
	default:
		p.parseRawHTML(el)
	}
	if !(p.tree.typ == eHTML && p.tree.cm == cmRaw) {
		if x := hspaceToNewline(p.src, p.pos); x >= 0 {
			p.pos = x
		}
	}
}

// parseRawHTML reads the body of an element whose content is not Markdown.
func (p *parser) parseRawHTML(el *elem) {
	old := p.tree
	p.tree = el
	s := p.src
	for p.pos < len(s) {
		// HTML_RAW_START: <(UNAME|/|!--|\?)
		k := p.pos
		for ; k < len(s); k++ {
			if s[k] == '<' && k+1 < len(s) && (s[k+1] == '/' || s[k+1] == '?' || strings.HasPrefix(s[k+1:], "!--") || uname(s, k+1) >= 0) {
				break
			}
		}
		if k >= len(s) {
			p.addText(p.tree, s[p.pos:], eText)
			p.pos = len(s)
			break
		}
		p.addText(p.tree, s[p.pos:k], eText)
		p.pos = k
		if e := matchComment(s, k); e >= 0 {
			c := p.newEl(eXMLComment)
			c.value, c.cat = s[k:e], catBlock
			p.tree.children = append(p.tree.children, c)
			p.pos = e
		} else if strings.HasPrefix(s[k:], "<?") && strings.Contains(s[k+2:], "?>") {
			e := k + 2 + strings.Index(s[k+2:], "?>") + 2
			c := p.newEl(eXMLPI)
			c.value, c.cat = s[k:e], catBlock
			p.tree.children = append(p.tree.children, c)
			p.pos = e
		} else if t, ok := matchTag(s, k); ok {
			p.pos = t.end
			p.handleHTMLStartTag(t, catBlock)
		} else if name, e := matchCloseTag(s, k); e >= 0 {
			cmp := name
			if isKnownHTML(p.tree.value) {
				cmp = strings.ToLower(name)
			}
			p.pos = e
			if p.tree.value == cmp {
				break
			}
			p.addText(p.tree, s[k:e], eText)
		} else {
			_, n := runeAt(s, k)
			p.addText(p.tree, s[k:k+n], eText)
			p.pos = k + n
		}
	}
	p.tree = old
}

func (p *parser) parseSpanHTML(tree *elem) {
	s, i := p.src, p.pos
	if e := matchComment(s, i); e >= 0 {
		c := p.newEl(eXMLComment)
		c.value, c.cat = s[i:e], catSpan
		tree.children = append(tree.children, c)
		p.pos = e
		return
	}
	if _, e := matchCloseTag(s, i); e >= 0 {
		p.addText(tree, s[i:e], p.textType)
		p.pos = e
		return
	}
	t, ok := matchTag(s, i)
	if !ok {
		_, n := runeAt(s, i)
		p.addText(tree, s[i:i+n], p.textType)
		p.pos = i + n
		return
	}
	name := t.name
	known := isKnownHTML(strings.ToLower(name))
	if known {
		name = strings.ToLower(name)
	}
	if htmlBlockElements[name] {
		p.addText(tree, s[i:t.end], p.textType)
		p.pos = t.end
		return
	}
	p.pos = t.end
	for k := range t.attrs {
		if v := t.attrs[k].v; v != "" && strings.IndexByte(v, '\n') >= 0 {
			t.attrs[k].v = collapseNewlines(v)
		}
	}
	doParsing := !(htmlContentModel(name) == cmRaw || tree.cm == cmRaw) && p.o.parseSpanHTML
	if v, ok := t.attrs.del("markdown"); ok {
		switch v {
		case "span":
			doParsing = true
		case "1":
			doParsing = htmlContentModel(name) != cmRaw
		case "0":
			doParsing = false
		}
	}
	el := p.newEl(eHTML)
	el.value, el.attr, el.cat, el.isClosed = name, t.attrs, catSpan, t.closed
	el.cm = cmRaw
	if doParsing {
		el.cm = cmSpan
	}
	tree.children = append(tree.children, el)
	if !t.closed && !htmlNoBody[el.value] {
		set := spAll
		if !doParsing {
			set = spHTML
		}
		stop := func(s string, k int) (bool, int) {
			ok, e := closeTagAt(s, k, name, known)
			return ok, e - k
		}
		var n int
		if p.parseSpans(el, stop, set, p.textType, func(_, l int) bool { n = l; return true }) {
			p.pos += n
		} else {
			p.addText(el, s[p.pos:], p.textType)
			p.pos = len(s)
		}
	}
}

func collapseNewlines(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] == '\n' {
			for i+1 < len(v) && v[i+1] == '\n' {
				i++
			}
			b.WriteByte(' ')
			continue
		}
		b.WriteByte(v[i])
	}
	return b.String()
}
