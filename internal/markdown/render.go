package markdown

import (
	"strings"
	"unicode/utf8"
)

// renderer writes the tree as kramdown's HTML converter does, including its
// indentation of nested block elements.
type renderer struct {
	o          *kopts
	root       *elem
	p          *parser
	stack      []*elem
	fnCounter  int
	footnotes  []*fnOut
	fnByName   map[string]*fnOut
	fnLocation string
	toc        []tocEntry
	tocCode    *elem
	tocMarker  string
	usedIDs    map[string]int
}

type fnOut struct {
	name    string
	content *elem
	number  int
	repeat  int
}

type tocEntry struct {
	level    int
	id       string
	children []*elem
}

const (
	tocPlaceholder = "\x00kramdown-toc\x00"
	fnPlaceholder  = "\x00kramdown-footnotes\x00"
)

func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(" ", n)
}

func (r *renderer) convert(el *elem, indent int) string {
	switch el.typ {
	case eRoot:
		return r.convertRoot(el, indent)
	case eBlank:
		return "\n"
	case eText:
		return escapeHTML(el.value, escText)
	case eP:
		if el.transparent {
			return r.inner(el, indent)
		}
		if len(el.children) == 1 && el.children[0].typ == eImg && el.children[0].ial != nil && hasRef(el.children[0].ial, "standalone") {
			return r.standaloneImage(el, indent)
		}
		return blockHTML("p", el.attr, r.inner(el, indent), indent)
	case eCodeblock:
		return r.codeblock(el, indent)
	case eBlockquote:
		return indentedBlockHTML("blockquote", el.attr, r.inner(el, indent), indent)
	case eHeader:
		return r.header(el, indent)
	case eHR:
		return spaces(indent) + "<hr" + htmlAttributes(el.attr) + " />\n"
	case eUL, eOL:
		if r.tocCode == nil && el.ial != nil && hasRef(el.ial, "toc") {
			r.tocCode = el
			return tocPlaceholder
		}
		if r.fnLocation == "" && el.ial != nil && hasRef(el.ial, "footnotes") {
			r.fnLocation = fnPlaceholder
			return fnPlaceholder
		}
		name := "ul"
		if el.typ == eOL {
			name = "ol"
		}
		return indentedBlockHTML(name, el.attr, r.inner(el, indent), indent)
	case eDL:
		return indentedBlockHTML("dl", el.attr, r.inner(el, indent), indent)
	case eLI, eDD:
		return r.li(el, indent)
	case eDT:
		return r.dt(el, indent)
	case eHTML:
		return r.htmlElement(el, indent)
	case eXMLComment, eXMLPI:
		if el.cat == catBlock && !r.parentRawHTML() {
			return spaces(indent) + el.value + "\n"
		}
		return el.value
	case eTable, eTHead, eTBody, eTFoot, eTR:
		return indentedBlockHTML(tableTag(el.typ), el.attr, r.inner(el, indent), indent)
	case eTD:
		return r.td(el, indent)
	case eComment:
		if el.cat == catBlock {
			return spaces(indent) + "<!-- " + el.value + " -->\n"
		}
		return "<!-- " + el.value + " -->"
	case eBR:
		return "<br />"
	case eA:
		return spanHTML("a", el.attr, r.inner(el, indent))
	case eImg:
		return "<img" + htmlAttributes(el.attr) + " />"
	case eCodespan:
		return r.codespan(el)
	case eFootnote:
		return r.footnote(el)
	case eRaw:
		if len(el.ext().rawTypes) == 0 || contains(el.ext().rawTypes, "html") {
			if el.cat == catBlock {
				return el.value + "\n"
			}
			return el.value
		}
		return ""
	case eEm:
		return spanHTML("em", el.attr, r.inner(el, indent))
	case eStrong:
		return spanHTML("strong", el.attr, r.inner(el, indent))
	case eEntity:
		return r.entityToStr(el.entity, el.ext().original)
	case eTypoSym:
		if v, ok := r.o.typographicSymbols[el.sym]; ok {
			return escapeHTML(v, escText)
		}
		switch el.sym {
		case "laquo_space":
			return "«\u00a0"
		case "raquo_space":
			return "\u00a0»"
		}
		return r.entityToStr(entityNames[el.sym], "")
	case eSmartQuote:
		idx := map[string]int{"lsquo": 0, "rsquo": 1, "ldquo": 2, "rdquo": 3}[el.sym]
		return r.entityToStr(entityNames[r.o.smartQuotes[idx]], "")
	case eMath:
		return r.math(el, indent)
	case eAbbr:
		title := r.p.abbrevs[el.value]
		var a attrs
		if eob := r.p.abbrevAttr[el.value]; eob != nil {
			a = eob.attr.clone()
		}
		if title != "" {
			a.set("title", title)
		}
		return spanHTML("abbr", a, el.value)
	}
	return r.inner(el, indent)
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func hasRef(a *ial, ref string) bool {
	return contains(a.refs, ref)
}

func tableTag(t etype) string {
	switch t {
	case eTHead:
		return "thead"
	case eTBody:
		return "tbody"
	case eTFoot:
		return "tfoot"
	case eTR:
		return "tr"
	}
	return "table"
}

func (r *renderer) inner(el *elem, indent int) string {
	if len(el.children) == 0 {
		return ""
	}
	indent += 2
	r.stack = append(r.stack, el)
	defer func() { r.stack = r.stack[:len(r.stack)-1] }()
	if len(el.children) == 1 {
		return r.convert(el.children[0], indent)
	}
	// Joining once at the exact size copies the children's HTML (most of
	// it highlighted code, in code-heavy posts) once instead of on every
	// doubling of a growing builder.
	var small [8]string
	parts := small[:0]
	n := 0
	for _, c := range el.children {
		s := r.convert(c, indent)
		parts = append(parts, s)
		n += len(s)
	}
	var b strings.Builder
	b.Grow(n)
	for _, s := range parts {
		b.WriteString(s)
	}
	return b.String()
}

func (r *renderer) parent() *elem {
	if len(r.stack) == 0 {
		return nil
	}
	return r.stack[len(r.stack)-1]
}

func (r *renderer) parentRawHTML() bool {
	p := r.parent()
	return p != nil && p.typ == eHTML && p.cm == cmRaw
}

func spanHTML(name string, a attrs, body string) string {
	return "<" + name + htmlAttributes(a) + ">" + body + "</" + name + ">"
}

func blockHTML(name string, a attrs, body string, indent int) string {
	return spaces(indent) + "<" + name + htmlAttributes(a) + ">" + body + "</" + name + ">\n"
}

func indentedBlockHTML(name string, a attrs, body string, indent int) string {
	return spaces(indent) + "<" + name + htmlAttributes(a) + ">\n" + body + spaces(indent) + "</" + name + ">\n"
}

func htmlAttributes(a attrs) string {
	if len(a) == 0 {
		return ""
	}
	var b strings.Builder
	for _, x := range a {
		if x.k == "id" && strip(x.v) == "" {
			continue
		}
		b.WriteByte(' ')
		b.WriteString(x.k)
		b.WriteString(`="`)
		b.WriteString(escapeHTML(x.v, escAttr))
		b.WriteByte('"')
	}
	return b.String()
}

type escMode uint8

const (
	escAll escMode = iota
	escText
	escAttr
)

// referenceAt reports the length of an XML reference (&name; &#1; &#x1;)
// at s[i], which kramdown's text and attribute escaping leave alone.
func referenceAt(s string, i int) int {
	j := i + 1
	if j >= len(s) {
		return 0
	}
	if s[j] == '#' {
		j++
		if j < len(s) && s[j] == 'x' {
			k := j + 1
			for k < len(s) && (isDigit(s[k]) || s[k]|0x20 >= 'a' && s[k]|0x20 <= 'f') {
				k++
			}
			if k > j+1 && k < len(s) && s[k] == ';' {
				return k + 1 - i
			}
		}
		k := j
		for k < len(s) && isDigit(s[k]) {
			k++
		}
		if k > j && k < len(s) && s[k] == ';' {
			return k + 1 - i
		}
		return 0
	}
	if !(isWordByte(s[j]) || s[j] == ':') {
		return 0
	}
	k := j + 1
	for k < len(s) && (isWordByte(s[k]) || s[k] == '-' || s[k] == '.' || s[k] == ':') {
		k++
	}
	if k < len(s) && s[k] == ';' {
		return k + 1 - i
	}
	return 0
}

func escapeHTML(s string, mode escMode) string {
	// Most text has none of the special bytes: look for each with
	// IndexByte (vector instructions) rather than byte by byte.
	k := len(s)
	for _, c := range "<>&\"" {
		if c == '"' && mode != escAttr {
			break
		}
		if j := strings.IndexByte(s[:k], byte(c)); j >= 0 {
			k = j
		}
	}
	if k == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:k])
	for i := k; i < len(s); i++ {
		switch c := s[i]; c {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			if mode != escAll {
				if n := referenceAt(s, i); n > 0 {
					b.WriteString(s[i : i+n])
					i += n - 1
					continue
				}
			}
			b.WriteString("&amp;")
		case '"':
			if mode == escAttr {
				b.WriteString("&quot;")
			} else {
				b.WriteByte(c)
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func (r *renderer) entityToStr(cp rune, original string) string {
	if r.o.entityOutput == "as_char" && utf8.ValidRune(cp) && cp != '<' && cp != '>' && cp != '&' {
		return string(cp)
	}
	if (r.o.entityOutput == "as_input" || r.o.entityOutput == "as_char") && original != "" {
		return original
	}
	name := ""
	for n, c := range entityNames {
		if c == cp && (cp != '<' && cp != '>' && cp != '&' && cp != '"' || len(n) <= 4) {
			name = n
			break
		}
	}
	if (r.o.entityOutput == "symbolic" || cp == '<' || cp == '>' || cp == '&' || cp == '"') && name != "" {
		return "&" + name + ";"
	}
	return "&#" + itoa(int(cp)) + ";"
}

func (r *renderer) standaloneImage(el *elem, indent int) string {
	fig := el.attr.clone()
	img := el.children[0].attr.clone()
	if _, ok := fig.get("class"); !ok {
		if v, ok := img.del("class"); ok {
			fig.set("class", v)
		}
	}
	if _, ok := fig.get("id"); !ok {
		if v, ok := img.del("id"); ok {
			fig.set("id", v)
		}
	}
	alt, _ := img.get("alt")
	body := spaces(indent+2) + "<img" + htmlAttributes(img) + " />\n" + spaces(indent+2) + "<figcaption>" + alt + "</figcaption>\n"
	return indentedBlockHTML("figure", fig, body, indent)
}

func (r *renderer) header(el *elem, indent int) string {
	a := el.attr.clone()
	if _, ok := a.get("id"); r.o.autoIDs && !ok {
		a.set("id", r.generateID(el.rawText()))
	}
	if id, ok := a.get("id"); ok && r.inTOC(el) {
		r.toc = append(r.toc, tocEntry{el.level, id, el.children})
	}
	level := el.level + r.o.headerOffset
	if level > 6 {
		level = 6
	}
	if level < 1 {
		level = 1
	}
	return blockHTML("h"+itoa(level), a, r.inner(el, indent), indent)
}

func (r *renderer) inTOC(el *elem) bool {
	ok := false
	for _, l := range r.o.tocLevels {
		if l == el.level {
			ok = true
		}
	}
	if !ok {
		return false
	}
	c, _ := el.attr.get("class")
	return !hasWord(c, "no_toc")
}

// hasWord is =~ /\bword\b/.
func hasWord(s, w string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], w)
		if k < 0 {
			return false
		}
		k += i
		if (k == 0 || !isWordByte(s[k-1])) && (k+len(w) >= len(s) || !isWordByte(s[k+len(w)])) {
			return true
		}
		i = k + 1
	}
}

// basicGenerateID is kramdown's id scheme (used outside GFM's own ids).
func basicGenerateID(s string) string {
	i := 0
	for i < len(s) && !(s[i]|0x20 >= 'a' && s[i]|0x20 <= 'z') {
		if s[i] == '\n' {
			// ^ restarts at each line
		}
		i++
	}
	s = s[i:]
	var b strings.Builder
	for k := 0; k < len(s); k++ {
		c := s[k]
		switch {
		case c|0x20 >= 'a' && c|0x20 <= 'z':
			b.WriteByte(c | 0x20)
		case isDigit(c) || c == '-':
			b.WriteByte(c)
		case c == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

func (r *renderer) generateID(s string) string {
	id := basicGenerateID(s)
	if id == "" {
		id = "section"
	}
	if r.usedIDs == nil {
		r.usedIDs = map[string]int{}
	}
	if n, ok := r.usedIDs[id]; ok {
		n++
		r.usedIDs[id] = n
		id += "-" + itoa(n)
	} else {
		r.usedIDs[id] = 0
	}
	return r.o.autoIDPrefix + id
}

func (r *renderer) li(el *elem, indent int) string {
	name := "li"
	if el.typ == eDD {
		name = "dd"
	}
	out := spaces(indent) + "<" + name + htmlAttributes(el.attr) + ">"
	res := r.inner(el, indent)
	if len(el.children) == 0 || (el.children[0].typ == eP && el.children[0].transparent) {
		out += res
		if strings.HasSuffix(res, "\n") {
			out += spaces(indent)
		}
	} else {
		out += "\n" + res + spaces(indent)
	}
	return out + "</" + name + ">\n"
}

func (r *renderer) dt(el *elem, indent int) string {
	a := el.attr.clone()
	if _, ok := a.get("id"); !ok {
		if par := r.parent(); par != nil && par.ial != nil {
			for _, ref := range par.ial.refs {
				if strings.HasPrefix(ref, "auto_ids") {
					prefix := ""
					if strings.HasPrefix(ref, "auto_ids-") {
						prefix = ref[len("auto_ids-"):]
					}
					a.set("id", lstrip(prefix+basicGenerateID(el.rawText())))
					break
				}
			}
		}
	}
	return blockHTML("dt", a, r.inner(el, indent), indent)
}

func (r *renderer) htmlElement(el *elem, indent int) string {
	res := r.inner(el, indent)
	if el.cat == catSpan {
		if res == "" && htmlNoBody[el.value] {
			return "<" + el.value + htmlAttributes(el.attr) + " />"
		}
		return "<" + el.value + htmlAttributes(el.attr) + ">" + res + "</" + el.value + ">"
	}
	var b strings.Builder
	praw := r.parentRawHTML()
	if !praw {
		b.WriteString(spaces(indent))
	}
	b.WriteString("<" + el.value + htmlAttributes(el.attr))
	switch {
	case el.isClosed && el.cm == cmRaw:
		b.WriteString(" />")
	case res != "" && el.cm != cmBlock:
		b.WriteString(">" + res + "</" + el.value + ">")
	case res != "":
		b.WriteString(">\n" + strings.TrimSuffix(res, "\n") + "\n" + spaces(indent) + "</" + el.value + ">")
	case htmlNoBody[el.value]:
		b.WriteString(" />")
	default:
		b.WriteString("></" + el.value + ">")
	}
	if !praw {
		b.WriteByte('\n')
	}
	return b.String()
}

func (r *renderer) td(el *elem, indent int) string {
	res := r.inner(el, indent)
	name := "td"
	if len(r.stack) >= 2 && r.stack[len(r.stack)-2].typ == eTHead {
		name = "th"
	}
	a := el.attr
	if len(r.stack) >= 3 {
		row := r.stack[len(r.stack)-1]
		idx := 0
		for i, c := range row.children {
			if c == el {
				idx = i
			}
		}
		al := r.stack[len(r.stack)-3].ext().alignment
		if idx < len(al) && al[idx] != alDefault {
			a = el.attr.clone()
			style := ""
			if v, ok := a.get("style"); ok {
				style = v + "; "
			}
			a.set("style", style+"text-align: "+[...]string{"", "left", "right", "center"}[al[idx]])
		}
	}
	if res == "" {
		res = r.entityToStr(0xA0, "")
	}
	return blockHTML(name, a, res, indent)
}

func (r *renderer) codeblock(el *elem, indent int) string {
	a := el.attr.clone()
	lang := extractCodeLanguage(&a, true)
	hlLang := el.lang()
	if hlLang == "" {
		hlLang = lang
	}
	if pre, hl, post, used, ok := r.o.highlightParts(el.value, hlLang, true); ok {
		l := lang
		if l == "" {
			l = used
		}
		addHighlighterClass(&a, l)
		return spaces(indent) + "<div" + htmlAttributes(a) + ">" + pre + hl + post + spaces(indent) + "</div>\n"
	}
	result := strings.TrimSuffix(escapeHTML(el.value, escAll), "\n")
	var ca attrs
	if lang != "" {
		ca.set("class", "language-"+lang)
	}
	return spaces(indent) + "<pre" + htmlAttributes(a) + "><code" + htmlAttributes(ca) + ">" + result + "\n</code></pre>\n"
}

func (r *renderer) codespan(el *elem) string {
	a := el.attr.clone()
	lang := extractCodeLanguage(&a, false)
	hl, used, ok := r.o.highlight(el.value, lang, false)
	if ok {
		l := lang
		if l == "" {
			l = used
		}
		addHighlighterClass(&a, l)
	} else {
		hl = escapeHTML(el.value, escAll)
	}
	return spanHTML("code", a, hl)
}

// extractCodeLanguage finds language-x in the class attribute; with remove
// it also takes it out (extract_code_language!).
func extractCodeLanguage(a *attrs, remove bool) string {
	c, ok := a.get("class")
	if !ok {
		return ""
	}
	k := -1
	for i := 0; i+9 <= len(c); i++ {
		if strings.HasPrefix(c[i:], "language-") && (i == 0 || !isWordByte(c[i-1])) && i+9 < len(c) && !isSpace(c[i+9]) {
			k = i
			break
		}
	}
	if k < 0 {
		return ""
	}
	e := k + 9
	for e < len(c) && !isSpace(c[e]) {
		e++
	}
	lang := c[k+9 : e]
	if remove {
		nc := strip(c[:k] + c[e:])
		if nc == "" {
			a.del("class")
		} else {
			a.set("class", nc)
		}
	}
	return lang
}

func addHighlighterClass(a *attrs, lang string) {
	c, _ := a.get("class")
	c = lstrip(c + " highlighter-rouge")
	if lang != "" {
		replaced := false
		for i := 0; i+9 <= len(c); i++ {
			if strings.HasPrefix(c[i:], "language-") && (i == 0 || !isWordByte(c[i-1])) && i+9 < len(c) && !isSpace(c[i+9]) {
				e := i + 9
				for e < len(c) && !isSpace(c[e]) {
					e++
				}
				c = c[:i] + "language-" + lang + c[e:]
				replaced = true
				break
			}
		}
		if !replaced {
			c = "language-" + lang + " " + c
		}
	}
	a.set("class", c)
}

func (r *renderer) math(el *elem, indent int) string {
	v := escapeHTML(el.value, escAll)
	if el.cat == catBlock {
		res := "\\[" + v + "\\]\n"
		if len(el.attr) == 0 {
			return res
		}
		return blockHTML("div", el.attr, res, indent)
	}
	if len(el.attr) == 0 {
		return "\\(" + v + "\\)"
	}
	return spanHTML("span", el.attr, "$"+el.value+"$")
}

func (r *renderer) footnote(el *elem) string {
	repeat := ""
	name := r.o.footnotePrefix + el.name
	var number int
	if f := r.fnByName[name]; f != nil {
		number = f.number
		f.repeat++
		repeat = ":" + itoa(f.repeat)
	} else {
		number = r.fnCounter
		r.fnCounter++
		f := &fnOut{name: name, content: el.ext().fnContent, number: number}
		r.footnotes = append(r.footnotes, f)
		r.fnByName[name] = f
	}
	return `<sup id="fnref:` + name + repeat + `" role="doc-noteref"><a href="#fn:` + name + `" class="footnote" rel="footnote">` + itoa(number) + `</a></sup>`
}

func (r *renderer) footnoteContent() string {
	ol := newEl(eOL)
	if r.o.footnoteNr != 1 {
		ol.attr.set("start", itoa(r.o.footnoteNr))
	}
	backlink := escapeHTML(r.o.footnoteBacklink, escText)
	for i := 0; i < len(r.footnotes); i++ {
		f := r.footnotes[i]
		li := newEl(eLI)
		li.attr = attrs{{"id", "fn:" + f.name}, {"role", "doc-endnote"}}
		for _, c := range f.content.children {
			li.children = append(li.children, c.deepCopy())
		}
		var para *elem
		insertSpace := false
		if l := li.last(); (l != nil && l.typ == eP) || r.o.footnoteBacklinkInline {
			parent := li
			for len(parent.children) > 0 && parent.last().typ != eP && parent.last().typ != eHeader {
				parent = parent.last()
			}
			para = parent.last()
			insertSpace = true
		}
		if para == nil {
			para = newEl(eP)
			li.children = append(li.children, para)
		}
		if r.o.footnoteBacklink != "" {
			nbsp := r.entityToStr(0xA0, "")
			sp := ""
			if insertSpace {
				sp = nbsp
			}
			para.children = append(para.children, &elem{typ: eRaw, value: sp + `<a href="#fnref:` + f.name + `" class="reversefootnote" role="doc-backlink">` + backlink + `</a>`})
			for k := 1; k <= f.repeat; k++ {
				para.children = append(para.children, &elem{typ: eRaw, value: nbsp + `<a href="#fnref:` + f.name + ":" + itoa(k) + `" class="reversefootnote" role="doc-backlink">` + backlink + "<sup>" + itoa(k+1) + "</sup></a>"})
			}
		}
		ol.children = append(ol.children, &elem{typ: eRaw, value: r.convert(li, 4)})
	}
	if len(ol.children) == 0 {
		return ""
	}
	return indentedBlockHTML("div", attrs{{"class", "footnotes"}, {"role", "doc-endnotes"}}, r.convert(ol, 2), 0)
}

func (r *renderer) convertRoot(el *elem, indent int) string {
	result := r.inner(el, indent)
	if r.fnLocation != "" {
		result = strings.Replace(result, fnPlaceholder, r.footnoteContent(), 1)
	} else {
		result += r.footnoteContent()
	}
	if r.tocCode != nil {
		tree := r.tocTree()
		text := ""
		if len(tree.children) > 0 {
			text = r.convert(tree, 0)
		}
		result = strings.Replace(result, tocPlaceholder, text, 1)
	}
	return result
}

func (r *renderer) tocTree() *elem {
	sections := newEl(r.tocCode.typ)
	sections.attr = r.tocCode.attr.clone()
	if _, ok := sections.attr.get("id"); !ok {
		sections.attr.set("id", "markdown-toc")
	}
	sid, _ := sections.attr.get("id")
	var stack []*elem
	for _, t := range r.toc {
		li := newEl(eLI)
		li.level = t.level
		para := newEl(eP)
		para.transparent = true
		a := newEl(eA)
		a.attr.set("href", "#"+t.id)
		a.attr.set("id", sid+"-"+t.id)
		var kids []*elem
		for _, c := range t.children {
			kids = append(kids, c.deepCopy())
		}
		a.children = fixTOCEntry(kids)
		para.children = append(para.children, a)
		li.children = append(li.children, para, newEl(r.tocCode.typ))
		for {
			if len(stack) == 0 {
				sections.children = append(sections.children, li)
				stack = append(stack, li)
				break
			}
			top := stack[len(stack)-1]
			if top.level < li.level {
				sub := top.last()
				sub.children = append(sub.children, li)
				stack = append(stack, li)
				break
			}
			stack = stack[:len(stack)-1]
			if len(top.last().children) == 0 {
				top.children = top.children[:len(top.children)-1]
			}
		}
	}
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if len(top.last().children) == 0 {
			top.children = top.children[:len(top.children)-1]
		}
	}
	return sections
}

// fixTOCEntry drops footnotes and unwraps links in a copied header.
func fixTOCEntry(els []*elem) []*elem {
	var out []*elem
	for _, c := range els {
		if c.typ == eFootnote {
			continue
		}
		c.children = fixTOCEntry(c.children)
		if c.typ == eA {
			out = append(out, c.children...)
			continue
		}
		out = append(out, c)
	}
	return out
}
