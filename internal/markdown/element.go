package markdown

// The document tree mirrors kramdown's: block elements hold children, span
// parsing later replaces each rawText child by the span elements it
// contains, and the HTML writer walks the result. Only the options kramdown
// consults for output are kept.

type etype uint8

const (
	eRoot etype = iota
	eBlank
	eP
	eHeader
	eBlockquote
	eCodeblock
	eHR
	eUL
	eOL
	eLI
	eDL
	eDT
	eDD
	eTable
	eTHead
	eTBody
	eTFoot
	eTR
	eTD
	eMath
	eHTML
	eXMLComment
	eXMLPI
	eComment
	eRaw
	eEOB
	eFootnoteDef
	eText
	eRawText
	eEm
	eStrong
	eA
	eImg
	eCodespan
	eFootnote
	eEntity
	eSmartQuote
	eTypoSym
	eBR
	eAbbr
	eTemp
)

// category is kramdown's block/span classification of an element.
type category uint8

const (
	catNone category = iota
	catBlock
	catSpan
)

type contentModel uint8

const (
	cmNone contentModel = iota
	cmRaw
	cmSpan
	cmBlock
)

type align uint8

const (
	alDefault align = iota
	alLeft
	alRight
	alCenter
)

// eob values: what an end-of-block marker stands for.
const (
	eobNone     = ""
	eobIAL      = "ial"
	eobALD      = "ald"
	eobLinkDef  = "link_def"
	eobAbbrev   = "abbrev_def"
	eobFootnote = "footnote_def"
	eobExt      = "extension"
)

type kv struct{ k, v string }

// attrs is an insertion-ordered attribute map, like the Ruby Hash kramdown
// keeps attributes in (its order is the output order).
type attrs []kv

func (a attrs) get(k string) (string, bool) {
	for _, p := range a {
		if p.k == k {
			return p.v, true
		}
	}
	return "", false
}

func (a *attrs) set(k, v string) {
	for i := range *a {
		if (*a)[i].k == k {
			(*a)[i].v = v
			return
		}
	}
	*a = append(*a, kv{k, v})
}

func (a *attrs) del(k string) (string, bool) {
	for i, p := range *a {
		if p.k == k {
			*a = append((*a)[:i:i], (*a)[i+1:]...)
			return p.v, true
		}
	}
	return "", false
}

func (a attrs) clone() attrs {
	if a == nil {
		return nil
	}
	return append(attrs(nil), a...)
}

// ial is an inline attribute list: attributes plus references to ALDs.
type ial struct {
	a    attrs
	refs []string
}

type elem struct {
	// The small fields first, packed together: every element of a page is
	// allocated, and their size is most of what a conversion allocates.
	typ         etype
	cat         category
	cm          contentModel
	transparent bool
	isClosed    bool
	firstAsPara bool
	entity      rune

	value    string
	attr     attrs
	children []*elem

	ial   *ial
	level int
	eob   string
	name  string     // footnote name
	sym   string     // smart quote or typographic symbol name
	x     *elemExtra // fields few elements need, kept out of the rest
}

// elemExtra holds the fields of rarer elements: every element of a page is
// allocated, and they are most of what a conversion allocates.
type elemExtra struct {
	original  string   // entity: as written
	fnContent *elem    // footnote: the definition's content
	rawTypes  []string // raw: the output formats it is for
	alignment []align  // table
	parts     []string // list item: its lines while the list is parsed
	delimiter string   // codespan
	rawText   string   // header, dt: the plain text ids are made from
	lang      string   // codeblock: its language
}

// rawText is the text a header's or dt's id is made from.
func (e *elem) rawText() string {
	if e.x == nil {
		return ""
	}
	return e.x.rawText
}

// lang is a codeblock's language.
func (e *elem) lang() string {
	if e.x == nil {
		return ""
	}
	return e.x.lang
}

// ext returns the element's extra fields, adding them if it has none.
func (e *elem) ext() *elemExtra {
	if e.x == nil {
		e.x = &elemExtra{}
	}
	return e.x
}

func newEl(t etype) *elem { return &elem{typ: t} }

func (e *elem) category() category {
	switch e.typ {
	case eBlank, eP, eHeader, eBlockquote, eCodeblock, eUL, eOL, eLI, eDL, eDT, eDD, eTable, eTD, eHR:
		return catBlock
	case eText, eA, eBR, eImg, eCodespan, eFootnote, eEm, eStrong, eEntity, eTypoSym, eSmartQuote, eAbbr:
		return catSpan
	}
	return e.cat
}

func (e *elem) last() *elem {
	if len(e.children) == 0 {
		return nil
	}
	return e.children[len(e.children)-1]
}

// deepCopy copies a subtree, as kramdown's Marshal round trip does before it
// reuses footnote and header content.
func (e *elem) deepCopy() *elem {
	c := *e
	c.attr = e.attr.clone()
	if e.x != nil {
		x := *e.x
		c.x = &x
	}
	if e.children != nil {
		c.children = make([]*elem, len(e.children))
		for i, ch := range e.children {
			c.children[i] = ch.deepCopy()
		}
	}
	return &c
}
