package markdown

import (
	"strings"
	"unsafe"
)

// parser holds the state of one conversion. It is made per call, so a
// Converter can be used from many goroutines.
type parser struct {
	o *kopts

	slab []elem // newEl's next elements

	src  string
	pos  int
	tree *elem

	blockIAL  *ial
	stopFound bool
	ownOpts   bool

	root       *elem
	alds       map[string]*ial
	footnotes  map[string]*fnDef
	fnOrder    []string
	linkDefs   map[string]*linkDef
	abbrevs    map[string]string
	abbrevAttr map[string]*elem
	abbrevList []string

	// span state
	textType etype
	spanSt   []*elem
	idCount  map[string]int
}

type fnDef struct {
	content *elem
	eob     *elem
	attr    attrs
	ial     *ial
	marked  bool
}

type linkDef struct {
	url, title string
	hasTitle   bool
	eob        *elem
}

func newParser(o *kopts) *parser {
	return &parser{
		o:          o,
		root:       newEl(eRoot),
		alds:       map[string]*ial{},
		footnotes:  map[string]*fnDef{},
		linkDefs:   map[string]*linkDef{},
		abbrevs:    map[string]string{},
		abbrevAttr: map[string]*elem{},
		idCount:    map[string]int{},
		textType:   eRawText,
	}
}

// adaptSource normalises line ends and makes the text end with one newline.
func adaptSource(s string) string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	if strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n"
}

func (p *parser) parse(src string) *elem {
	p.parseBlocks(p.root, adaptSource(src), true)
	p.updateTree(p.root)
	p.replaceAbbreviations(p.root)
	for _, name := range p.fnOrder {
		fd := p.footnotes[name]
		p.updateTree(fd.content)
		p.replaceAbbreviations(fd.content)
	}
	p.updateElements(p.root)
	return p.root
}

// addSrcText is p.addText(tree, src[i:j], typ) for text cut from src piece
// by piece, as the span scanner does: when the last text element ends at
// src[i], it becomes src[start:j], with no copy and no concatenation.
func (p *parser) addSrcText(tree *elem, src string, i, j int, typ etype) {
	if l := tree.last(); l != nil && l.typ == typ && len(l.value) > 0 && i < j && len(src) > 0 {
		base := uintptr(unsafe.Pointer(unsafe.StringData(src)))
		start := uintptr(unsafe.Pointer(unsafe.StringData(l.value)))
		if start >= base && start-base+uintptr(len(l.value)) == uintptr(i) {
			l.value = src[start-base : j]
			return
		}
	}
	p.addText(tree, src[i:j], typ)
}

// addText appends text to the last child when it has the same text type,
// else adds a new text element.
func (p *parser) addText(tree *elem, text string, typ etype) {
	if l := tree.last(); l != nil && l.typ == typ {
		l.value += text
		return
	}
	if text != "" {
		e := p.newEl(typ)
		e.value = text
		tree.children = append(tree.children, e)
	}
}

// newEl takes a new element from a slab of them: a page has hundreds, and
// one allocation per 64 is much cheaper than one each. (The whole tree is
// garbage at once when the conversion ends.)
func (p *parser) newEl(t etype) *elem {
	if len(p.slab) == 0 {
		p.slab = make([]elem, 64)
	}
	e := &p.slab[0]
	p.slab = p.slab[1:]
	e.typ = t
	return e
}

func (p *parser) newBlockEl(t etype) *elem {
	e := p.newEl(t)
	if p.blockIAL != nil {
		e.ial = p.blockIAL
		p.blockIAL = nil
	}
	return e
}

// parseBlocks parses block-level text into el. With withText false it goes
// on with the current source (HTML element bodies). It reports whether it
// stopped at el's own HTML end tag.
func (p *parser) parseBlocks(el *elem, text string, withText bool) bool {
	oldTree, oldIAL := p.tree, p.blockIAL
	oldSrc, oldPos := p.src, p.pos
	p.tree, p.blockIAL = el, nil
	if withText {
		p.src, p.pos = text, 0
	}
	found := false
	for p.pos < len(p.src) {
		if !p.parseBlock() {
			// no parser took the line: keep it as text
			e := nextLine(p.src, p.pos)
			if e < 0 {
				e = len(p.src)
			}
			p.addText(p.tree, p.src[p.pos:e], p.textType)
			p.pos = e
		}
		if p.stopFound {
			p.stopFound = false
			found = true
			break
		}
	}
	p.tree, p.blockIAL = oldTree, oldIAL
	if withText {
		p.src, p.pos = oldSrc, oldPos
	}
	return found
}

func (p *parser) parseBlock() bool {
	s, i := p.src, p.pos
	if e := blankLines(s, i); e >= 0 {
		p.pos = e
		if l := p.tree.last(); l != nil && l.typ == eBlank {
			l.value += s[i:e]
		} else {
			b := p.newBlockEl(eBlank)
			b.value = s[i:e]
			p.tree.children = append(p.tree.children, b)
		}
		return true
	}
	c := s[i]
	if c == '\t' || strings.HasPrefix(s[i:], "    ") {
		return p.parseCodeblock()
	}
	if fenceStart(s, i) && p.parseFenced() {
		return true
	}
	if blockquoteStart(s, i) >= 0 {
		return p.parseBlockquote()
	}
	if _, _, e := atxStart(s, i); e >= 0 && p.parseATX() {
		return true
	}
	if e := hrLine(s, i); e >= 0 {
		p.pos = e
		p.tree.children = append(p.tree.children, p.newBlockEl(eHR))
		return true
	}
	if _, _, e := listStart(s, i, 3, true, true); e >= 0 {
		return p.parseList()
	}
	if _, e := defStart(s, i, 3); e >= 0 && p.parseDefinitionList() {
		return true
	}
	if j := optSpace(s, i, 3); j < len(s) && s[j] == '<' && p.parseBlockHTML() {
		return true
	}
	if p.parseSetext() {
		return true
	}
	if j := optSpace(s, i, 3); strings.HasPrefix(s[j:], "$$") || strings.HasPrefix(s[j:], "\\$$") {
		if p.parseBlockMath() {
			return true
		}
	}
	if p.tableStart() && p.parseTable() {
		return true
	}
	if j := optSpace(s, i, 3); j < len(s) {
		switch s[j] {
		case '[':
			if p.parseFootnoteDef() || p.parseLinkDef() {
				return true
			}
		case '*':
			if p.parseAbbrevDef() {
				return true
			}
		case '{':
			if strings.HasPrefix(s[j:], "{:") && p.parseBlockExtensions() {
				return true
			}
		}
	}
	if e := eobMarker(s, i); e >= 0 {
		p.pos = e
		p.tree.children = append(p.tree.children, p.newBlockEl(eEOB))
		return true
	}
	return p.parseParagraph()
}

func (p *parser) afterBlockBoundary() bool {
	l := p.tree.last()
	return l == nil || l.typ == eBlank || (l.typ == eEOB && l.eob == eobNone) || p.blockIAL != nil
}

func (p *parser) beforeBlockBoundary() bool {
	s, i := p.src, p.pos
	if i >= len(s) || i == len(s)-1 && s[i] == '\n' {
		return true
	}
	if blankLines(s, i) >= 0 || eobMarker(s, i) >= 0 {
		return true
	}
	_, e := ialBlock(s, i)
	return e >= 0
}

func (p *parser) parseParagraph() bool {
	s := p.src
	start := p.pos
	j := optSpace(s, start, 3)
	if j >= len(s) || s[j] == ' ' || s[j] == '\t' {
		return false
	}
	e := nextLine(s, start)
	if e < 0 {
		return false
	}
	for e < len(s) && !paragraphEnd(s, e) {
		n := nextLine(s, e)
		if n < 0 {
			n = len(s)
		}
		e = n
	}
	p.pos = e
	result := rstrip(s[start:e])
	if l := p.tree.last(); l != nil && l.typ == eP {
		if li := l.last(); li != nil && li.typ == p.textType {
			joiner := "\n"
			if start >= 3 && s[start-3:start] == "  \n" {
				joiner = "  \n"
			}
			li.value += joiner + result
		} else {
			p.addText(l, result, p.textType)
		}
		return true
	}
	para := p.newBlockEl(eP)
	p.tree.children = append(p.tree.children, para)
	p.addText(para, lstrip(result), p.textType)
	return true
}

// parseCodeblock handles indented code, with kramdown's lazy lines.
func (p *parser) parseCodeblock() bool {
	s, i := p.src, p.pos
	end := i
	for {
		j := end
		if b := blankLines(s, j); b >= 0 {
			j = b
		}
		k := j
		n := 0
		for k < len(s) && indented(s, k) {
			e := nextLine(s, k)
			if e < 0 || isBlank(s[k:e]) {
				break
			}
			k = e
			n++
		}
		if n == 0 {
			break
		}
		for k < len(s) {
			e := nextLine(s, k)
			if e < 0 || isBlank(s[k:e]) {
				break
			}
			if _, x := ialBlock(s, k); x >= 0 || eobMarker(s, k) >= 0 || lazyEndHTML(s, k, 3) {
				break
			}
			k = e
		}
		end = k
	}
	if end == i {
		return false
	}
	p.pos = end
	data := s[i:end]
	data = joinLazyCodeLines(data)
	data = removeIndent(data)
	cb := p.newBlockEl(eCodeblock)
	cb.value = data
	p.tree.children = append(p.tree.children, cb)
	return true
}

func indented(s string, i int) bool {
	return i < len(s) && (s[i] == '\t' || strings.HasPrefix(s[i:], "    "))
}

// joinLazyCodeLines does gsub(/\n( {0,3}\S)/, ' \1').
func joinLazyCodeLines(d string) string {
	if !strings.Contains(d, "\n") {
		return d
	}
	var b strings.Builder
	for i := 0; i < len(d); i++ {
		if d[i] == '\n' && i+1 < len(d) {
			j := optSpace(d, i+1, 3)
			if j < len(d) && !isSpace(d[j]) {
				b.WriteByte(' ')
				continue
			}
		}
		b.WriteByte(d[i])
	}
	return b.String()
}

// removeIndent does gsub(INDENT, ”): one tab or four spaces off each line.
func removeIndent(d string) string {
	var b strings.Builder
	b.Grow(len(d))
	for i := 0; i < len(d); {
		if d[i] == '\t' {
			i++
		} else if strings.HasPrefix(d[i:], "    ") {
			i += 4
		}
		e := nextLine(d, i)
		if e < 0 {
			e = len(d)
		}
		b.WriteString(d[i:e])
		i = e
	}
	return b.String()
}

// parseFenced handles GFM fenced code blocks (``` and ~~~).
func (p *parser) parseFenced() bool {
	s, i := p.src, p.pos
	j := optSpace(s, i, 3)
	fs := j
	for j < len(s) && (s[j] == '~' || s[j] == '`') {
		j++
	}
	fence := s[fs:j]
	last := fence[len(fence)-1]
	// info string: \s*?((\S+?)(?:\?\S*)?)?\s*?\n
	k := j
	for k < len(s) && s[k] != '\n' && isSpace(s[k]) {
		k++
	}
	ls := k
	for k < len(s) && !isSpace(s[k]) {
		k++
	}
	lang := s[ls:k]
	for k < len(s) && s[k] != '\n' && isSpace(s[k]) {
		k++
	}
	if k >= len(s) || s[k] != '\n' {
		return false
	}
	bodyStart := k + 1
	// closing line: ^ {0,3}fence last* \s*?\n
	for b := bodyStart; b < len(s); {
		c := optSpace(s, b, 3)
		if strings.HasPrefix(s[c:], fence) {
			c += len(fence)
			for c < len(s) && s[c] == last {
				c++
			}
			if e := wsToNewline(s, c); e >= 0 {
				cb := p.newBlockEl(eCodeblock)
				cb.value = s[bodyStart:b]
				if lang != "" {
					cb.ext().lang = lang
					short := lang
					if q := strings.IndexByte(lang, '?'); q > 0 {
						short = lang[:q]
					}
					cb.attr.set("class", "language-"+short)
				}
				p.pos = e
				p.tree.children = append(p.tree.children, cb)
				return true
			}
		}
		n := nextLine(s, b)
		if n < 0 {
			break
		}
		b = n
	}
	return false
}

func (p *parser) parseBlockquote() bool {
	s, i := p.src, p.pos
	e := nextLine(s, i)
	if e < 0 {
		return false
	}
	for e < len(s) && !lazyEnd(s, e) {
		n := nextLine(s, e)
		if n < 0 {
			n = len(s)
		}
		e = n
	}
	p.pos = e
	var b strings.Builder
	for k := i; k < e; {
		n := nextLine(s, k)
		if n < 0 || n > e {
			n = e
		}
		if q := blockquoteStart(s, k); q >= 0 && q <= n {
			k = q
		}
		b.WriteString(s[k:n])
		k = n
	}
	bq := p.newBlockEl(eBlockquote)
	p.tree.children = append(p.tree.children, bq)
	p.parseBlocks(bq, b.String(), true)
	return true
}

// headerContents strips the text and splits off a {#id}.
func headerContents(text string) (string, string) {
	text = rstrip(text)
	if strings.HasSuffix(text, "}") {
		if k := strings.LastIndex(text, "{#"); k > 0 && (text[k-1] == ' ' || text[k-1] == '\t') {
			id := text[k+2 : len(text)-1]
			if validXMLName(id) {
				return rstrip(text[:k-1]), id
			}
		}
	}
	return text, ""
}

func validXMLName(id string) bool {
	for i, r := range id {
		if i == 0 {
			if !(r == ':' || isNameStart(r)) {
				return false
			}
		} else if !(r == ':' || isNameChar(r)) {
			return false
		}
	}
	return id != ""
}

func (p *parser) parseATX() bool {
	s := p.src
	level, cs, e := atxStart(s, p.pos)
	text, id := headerContents(s[cs : e-1])
	// sub(/[\t ]#+\z/, '') && rstrip
	k := len(text)
	for k > 0 && text[k-1] == '#' {
		k--
	}
	if k < len(text) && k > 0 && (text[k-1] == ' ' || text[k-1] == '\t') {
		text = rstrip(text[:k-1])
	}
	if text == "" {
		return false
	}
	p.pos = e
	p.addHeader(level, text, id)
	return true
}

func (p *parser) addHeader(level int, text, id string) {
	h := p.newBlockEl(eHeader)
	h.level = level
	h.ext().rawText = text
	p.addText(h, text, p.textType)
	if id != "" {
		h.attr.set("id", id)
	}
	p.tree.children = append(p.tree.children, h)
}

func (p *parser) parseSetext() bool {
	s, i := p.src, p.pos
	j := optSpace(s, i, 3)
	if j >= len(s) || s[j] == ' ' || s[j] == '\t' || s[j] == '\n' {
		return false
	}
	e := nextLine(s, j)
	if e < 0 || e >= len(s) {
		return false
	}
	c := s[e]
	if c != '-' && c != '=' {
		return false
	}
	k := e
	for k < len(s) && (s[k] == '-' || s[k] == '=') {
		k++
	}
	for k < len(s) && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r' || s[k] == '\f' || s[k] == '\v') {
		k++
	}
	if k >= len(s) || s[k] != '\n' {
		return false
	}
	if !p.afterBlockBoundary() {
		return false
	}
	text, id := headerContents(s[j : e-1])
	if text == "" {
		return false
	}
	p.pos = k + 1
	level := 1
	if c == '-' {
		level = 2
	}
	p.addHeader(level, text, id)
	return true
}

func (p *parser) parseBlockMath() bool {
	s, i := p.src, p.pos
	if !p.afterBlockBoundary() {
		return false
	}
	j := optSpace(s, i, 3)
	escaped := s[j] == '\\'
	if escaped {
		j++
	}
	cs := j + 2
	ce := strings.Index(s[cs:], "$$")
	if ce < 0 {
		return false
	}
	ce += cs
	end := ce + 2
	hasNL := false
	if e := wsToNewline(s, end); e >= 0 {
		end, hasNL = e, true
	}
	if escaped {
		if hasNL {
			p.pos = optSpace(s, i, 3) + 1
			// kramdown consumed the backslash, then declined
			return p.parseAfterMathEscape()
		}
		return false
	}
	saved := p.pos
	p.pos = end
	if p.beforeBlockBoundary() {
		m := p.newBlockEl(eMath)
		m.value = strip(s[cs:ce])
		m.cat = catBlock
		p.tree.children = append(p.tree.children, m)
		return true
	}
	p.pos = saved
	return false
}

// parseAfterMathEscape continues after an escaped $$ whose backslash kramdown
// consumed: the rest of the line goes to the remaining block parsers.
func (p *parser) parseAfterMathEscape() bool {
	return p.parseParagraph()
}

func (p *parser) parseFootnoteDef() bool {
	s := p.src
	j := optSpace(s, p.pos, 3)
	if !strings.HasPrefix(s[j:], "[^") {
		return false
	}
	ne := aldIDName(s, j+2)
	if ne < 0 || !strings.HasPrefix(s[ne:], "]:") {
		return false
	}
	name := s[j+2 : ne]
	cs := ne + 2
	e := nextLine(s, cs)
	if e < 0 {
		return false
	}
	e = codeblockMatch(s, e)
	p.pos = e
	el := p.newEl(eFootnoteDef)
	p.parseBlocks(el, removeIndent(s[cs:e]), true)
	eob := p.newBlockEl(eEOB)
	eob.eob = eobFootnote
	p.tree.children = append(p.tree.children, eob)
	if _, ok := p.footnotes[name]; !ok {
		p.fnOrder = append(p.fnOrder, name)
	}
	p.footnotes[name] = &fnDef{content: el, eob: eob}
	return true
}

// codeblockMatch matches CODEBLOCK_MATCH (possibly empty) at i.
func codeblockMatch(s string, i int) int {
	end := i
	for {
		j := end
		if b := blankLines(s, j); b >= 0 {
			j = b
		}
		k, n := j, 0
		for k < len(s) && indented(s, k) {
			e := nextLine(s, k)
			if e < 0 || isBlank(s[k:e]) {
				break
			}
			k, n = e, n+1
		}
		if n == 0 {
			return end
		}
		for k < len(s) {
			e := nextLine(s, k)
			if e < 0 || isBlank(s[k:e]) {
				break
			}
			if _, x := ialBlock(s, k); x >= 0 || eobMarker(s, k) >= 0 || lazyEndHTML(s, k, 3) {
				break
			}
			k = e
		}
		end = k
	}
}

func normalizeLinkID(id string) string {
	var b strings.Builder
	sp := false
	for i := 0; i < len(id); i++ {
		if isSpace(id[i]) {
			if !sp {
				b.WriteByte(' ')
			}
			sp = true
			continue
		}
		sp = false
		b.WriteByte(id[i])
	}
	return strings.ToLower(b.String())
}

func (p *parser) parseLinkDef() bool {
	s := p.src
	j := optSpace(s, p.pos, 3)
	if j >= len(s) || s[j] != '[' {
		return false
	}
	k := j + 1
	for k < len(s) && s[k] != ']' && s[k] != '\n' {
		k++
	}
	if k == j+1 || k >= len(s) || s[k] != ']' || k+1 >= len(s) || s[k+1] != ':' {
		return false
	}
	id := s[j+1 : k]
	i := k + 2
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	le := lineEnd(s, i)
	var url, title string
	hasTitle := false
	end := -1
	if i < len(s) && s[i] == '<' {
		for g := i + 1; g < le; g++ {
			if s[g] == '>' {
				if t, has, e := linkDefRest(s, g+1); e >= 0 {
					url, title, hasTitle, end = s[i+1:g], t, has, e
					break
				}
			}
		}
	}
	if end < 0 {
		for e := i + 1; e <= le; e++ {
			if isBlank(s[i:e]) {
				continue
			}
			if t, has, x := linkDefRest(s, e); x >= 0 {
				u := s[i:e]
				if hasSpaceQuote(u) {
					return false
				}
				url, title, hasTitle, end = u, t, has, x
				break
			}
		}
	}
	if end < 0 {
		return false
	}
	p.pos = end
	eob := p.newBlockEl(eEOB)
	eob.eob = eobLinkDef
	p.tree.children = append(p.tree.children, eob)
	p.linkDefs[normalizeLinkID(id)] = &linkDef{url: url, title: title, hasTitle: hasTitle, eob: eob}
	return true
}

// hasSpaceQuote is =~ /[ \t]+["']/.
func hasSpaceQuote(u string) bool {
	for i := 1; i < len(u); i++ {
		if (u[i] == '"' || u[i] == '\'') && (u[i-1] == ' ' || u[i-1] == '\t') {
			return true
		}
	}
	return false
}

// linkDefRest matches the optional title and the line end of a link
// definition.
func linkDefRest(s string, k int) (string, bool, int) {
	i := k
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	ok := i > k
	if i < len(s) && s[i] == '\n' {
		i++
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		ok = true
	}
	if ok && i < len(s) && (s[i] == '"' || s[i] == '\'') {
		q := s[i]
		le := lineEnd(s, i+1)
		for g := i + 2; g < le; g++ {
			if s[g] == q {
				if e := hspaceToNewline(s, g+1); e >= 0 {
					return s[i+1 : g], true, e
				}
			}
		}
	}
	if e := hspaceToNewline(s, k); e >= 0 {
		return "", false, e
	}
	return "", false, -1
}

func (p *parser) parseAbbrevDef() bool {
	s := p.src
	j := optSpace(s, p.pos, 3)
	if !strings.HasPrefix(s[j:], "*[") {
		return false
	}
	le := lineEnd(s, j)
	if le >= len(s) {
		return false
	}
	k := strings.Index(s[j+3:le], "]:")
	if k < 0 {
		return false
	}
	k += j + 3
	id := s[j+2 : k]
	text := strip(s[k+2 : le])
	p.pos = le + 1
	eob := p.newBlockEl(eEOB)
	eob.eob = eobAbbrev
	p.tree.children = append(p.tree.children, eob)
	if _, ok := p.abbrevs[id]; !ok {
		p.abbrevList = append(p.abbrevList, id)
	}
	p.abbrevs[id] = text
	p.abbrevAttr[id] = eob
	return true
}

func (p *parser) parseBlockExtensions() bool {
	s := p.src
	j := optSpace(s, p.pos, 3)
	// ALD: {:name: attrs}
	if ne := aldIDName(s, j+2); ne >= 0 && ne < len(s) && s[ne] == ':' {
		name := s[j+2 : ne]
		if body, e := aldBody(s, ne+1, 1, func(k int) int { return wsToNewline(s, k) }); e >= 0 {
			p.pos = e
			a := p.alds[name]
			if a == nil {
				a = &ial{}
				p.alds[name] = a
			}
			parseAttributeList(body, a)
			eob := p.newBlockEl(eEOB)
			eob.eob = eobALD
			p.tree.children = append(p.tree.children, eob)
			return true
		}
	}
	if m, ok := matchExtStart(s, j, true); ok {
		return p.parseExtension(m, catBlock, p.tree)
	}
	if body, e := ialBlock(s, p.pos); e >= 0 {
		p.pos = e
		if l := p.tree.last(); l != nil && l.typ != eBlank && (l.typ != eEOB || l.eob == eobLinkDef || l.eob == eobAbbrev || l.eob == eobFootnote) {
			if l.ial == nil {
				l.ial = &ial{}
			}
			parseAttributeList(body, l.ial)
			if _, e2 := ialBlock(s, p.pos); e2 < 0 {
				eob := p.newBlockEl(eEOB)
				eob.eob = eobIAL
				p.tree.children = append(p.tree.children, eob)
			}
		} else {
			if p.blockIAL == nil {
				p.blockIAL = &ial{}
			}
			parseAttributeList(body, p.blockIAL)
		}
		return true
	}
	return false
}

// extMatch is a matched extension tag: {::name attrs} / {::name/} or a stop
// tag {:/name}.
type extMatch struct {
	name, attrs string
	selfClose   bool
	stop        bool
	start, end  int
}

// matchExtStart matches EXT_BLOCK_START (block) or EXT_SPAN_START at i.
func matchExtStart(s string, i int, block bool) (extMatch, bool) {
	m := extMatch{start: i}
	tail := func(k int) int {
		if block {
			return wsToNewline(s, k)
		}
		return k
	}
	if strings.HasPrefix(s[i:], "{::") {
		k := i + 3
		for k < len(s) && isWordByte(s[k]) {
			k++
		}
		if k == i+3 {
			return m, false
		}
		m.name = s[i+3 : k]
		// (?:\s(ALD_ANY_CHARS*?)|)(\/)?\}
		if k < len(s) && (s[k] == '}' || s[k] == '/') {
			if s[k] == '/' && k+1 < len(s) && s[k+1] == '}' {
				if e := tail(k + 2); e >= 0 {
					m.selfClose, m.end = true, e
					return m, true
				}
			}
			if s[k] == '}' {
				if e := tail(k + 1); e >= 0 {
					m.end = e
					return m, true
				}
			}
		}
		if k < len(s) && isSpace(s[k]) {
			// lazy attribute text up to the first }/ or } that fits
			for c := k + 1; c < len(s); c++ {
				if s[c] == '\\' && c+1 < len(s) && s[c+1] == '}' {
					c++
					continue
				}
				if s[c] == '}' {
					if c > k+1 && s[c-1] == '/' {
						if e := tail(c + 1); e >= 0 {
							m.attrs, m.selfClose, m.end = s[k+1:c-1], true, e
							return m, true
						}
					}
					if e := tail(c + 1); e >= 0 {
						m.attrs, m.end = s[k+1:c], e
						return m, true
					}
					return m, false
				}
			}
		}
		return m, false
	}
	if strings.HasPrefix(s[i:], "{:/") {
		k := i + 3
		if ne := aldIDName(s, k); ne >= 0 {
			k = ne
		}
		if k < len(s) && s[k] == '}' {
			if e := tail(k + 1); e >= 0 {
				m.stop, m.end = true, e
				return m, true
			}
		}
	}
	return m, false
}

// findExtStop finds the stop tag {:/} or {:/name} for an extension body.
func findExtStop(s string, from int, name string, block bool) (bodyEnd, end int) {
	for i := from; i < len(s); i++ {
		if block {
			if i != from && s[i-1] != '\n' {
				continue
			}
			j := optSpace(s, i, 3)
			if e := extStopAt(s, j, name); e >= 0 {
				if e2 := wsToNewline(s, e); e2 >= 0 {
					return i, e2
				}
			}
			continue
		}
		if s[i] == '{' {
			if e := extStopAt(s, i, name); e >= 0 {
				return i, e
			}
		}
	}
	return -1, -1
}

func extStopAt(s string, i int, name string) int {
	if !strings.HasPrefix(s[i:], "{:/") {
		return -1
	}
	k := i + 3
	if strings.HasPrefix(s[k:], name+"}") {
		return k + len(name) + 1
	}
	if k < len(s) && s[k] == '}' {
		return k + 1
	}
	return -1
}

func (p *parser) parseExtension(m extMatch, cat category, tree *elem) bool {
	saved := p.pos
	fail := func() bool {
		p.pos = saved
		if cat == catSpan {
			_, n := runeAt(p.src, p.pos)
			p.addText(tree, p.src[p.pos:p.pos+n], p.textType)
			p.pos += n
		}
		return false
	}
	if m.stop {
		return fail()
	}
	p.pos = m.end
	opts := &ial{}
	parseAttributeList(m.attrs, opts)
	body, hasBody := "", false
	if !m.selfClose {
		be, e := findExtStop(p.src, p.pos, m.name, cat == catBlock)
		if be < 0 {
			return fail()
		}
		body, hasBody = p.src[p.pos:be], true
		if cat == catBlock {
			body = strings.TrimSuffix(body, "\n")
		}
		p.pos = e
	}
	switch m.name {
	case "comment":
		if hasBody {
			c := p.newEl(eComment)
			c.value, c.cat = body, cat
			tree.children = append(tree.children, c)
		}
	case "nomarkdown":
		if hasBody {
			r := p.newEl(eRaw)
			r.value, r.cat = body, cat
			t, _ := opts.a.get("type")
			r.ext().rawTypes = strings.Fields(t)
			tree.children = append(tree.children, r)
		}
	case "options":
		p.applyInlineOptions(opts)
		if cat == catBlock {
			eob := p.newBlockEl(eEOB)
			eob.eob = eobExt
			tree.children = append(tree.children, eob)
		}
	default:
		return fail()
	}
	return true
}

// applyInlineOptions handles {::options key="value" /} for the options that
// change parsing or output of later text.
func (p *parser) applyInlineOptions(opts *ial) {
	if !p.ownOpts {
		c := *p.o
		p.o, p.ownOpts = &c, true
	}
	for _, a := range opts.a {
		p.o.setInline(a.k, a.v)
	}
}
