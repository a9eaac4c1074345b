package highlight

import (
	"unicode"
)

// Rouge's HTML lexer (with Javascript and CSS inside <script> and <style>)
// and its XML lexer.

// markupName is the length of a name whose first character is a letter or
// one of first, and whose others are \p{Word}, \p{Cf}, '·' or one of rest.
func markupName(r, first, rest string) int {
	i := 0
	for i < len(r) {
		c := r[i]
		ok := false
		n := 1
		if c < 0x80 {
			if i == 0 {
				ok = isAlpha(c) || containsByte(first, c)
			} else {
				ok = isWord(c) || containsByte(rest, c)
			}
		} else {
			var ru rune
			ru, n = decodeRune(r[i:])
			if i == 0 {
				ok = unicode.IsLetter(ru)
			} else {
				ok = isUnicodeWord(ru) || unicode.Is(unicode.Cf, ru) || ru == '·'
			}
		}
		if !ok {
			break
		}
		i += n
	}
	return i
}

const (
	hRoot uint8 = iota
	hTagEnd
	hTagEndEnd
	hTagStart
	hComment
	hTag
	hAttr
	hDQ
	hSQ
	hScript
	hStyle
)

type htmlLexer struct {
	*lexer
	js  *jsLexer
	css *lexer
}

func lexHTML(code string) []span {
	x := htmlLexer{lexer: newLexer(code)}
	x.drive(x.step)
	return x.toks
}

// delegate lexes s[x.p:x.p+n] with the embedded lexer, which keeps its state
// from the previous piece as Rouge's continue_lex does.
func (x *htmlLexer) delegate(n int) {
	var sub *lexer
	var step func() bool
	if x.top() == hScript {
		if x.js == nil {
			x.js = &jsLexer{lexer: &lexer{s: x.s, stack: make([]uint8, 1, 8)}}
		}
		sub, step = x.js.lexer, x.js.step
	} else {
		if x.css == nil {
			x.css = &lexer{s: x.s, stack: make([]uint8, 1, 8)}
		}
		c := x.css
		sub, step = c, func() bool { return cssStep(c) }
	}
	sub.p, sub.start, sub.end = x.p, x.p, x.p+n
	sub.toks = sub.toks[:0]
	sub.drive(step)
	for _, t := range sub.toks {
		x.emit(t.cls, int(t.a), int(t.b))
	}
	x.p += n
}

// spaceTag matches /<\s*NAME\s*/ for script and style.
func spaceTag(r, name string) int {
	i := 1 + spaces(r[1:])
	if !has(r[i:], name) {
		return 0
	}
	i += len(name)
	return i + spaces(r[i:])
}

// closeTag matches /<\s*\/\s*NAME\s*>/.
func closeTag(r, name string) int {
	i := 1 + spaces(r[1:])
	if i >= len(r) || r[i] != '/' {
		return 0
	}
	i++
	i += spaces(r[i:])
	if !has(r[i:], name) {
		return 0
	}
	i += len(name)
	i += spaces(r[i:])
	if i < len(r) && r[i] == '>' {
		return i + 1
	}
	return 0
}

func (x *htmlLexer) step() bool {
	r := x.rest()
	switch x.top() {
	case hRoot:
		switch r[0] {
		case '&':
			if n := entity(r); n > 0 {
				x.tok("ni", n)
				return true
			}
			return false
		case '<':
		default:
			x.tok("", upTo(r, func(c byte) bool { return c == '<' || c == '&' }))
			return true
		}
		if len(r) >= 10 && equalFoldASCII(r[:10], "<!DOCTYPE ") {
			if i := indexOf(r[10:], ">"); i >= 0 {
				x.tok("cp", 10+i+1)
				return true
			}
		}
		if has(r, "<![CDATA[") {
			if i := indexOf(r[9:], "]]>"); i >= 0 {
				x.tok("cp", 9+i+3)
				return true
			}
		}
		if has(r, "<!--") {
			x.tok("c", 4)
			x.push(hComment)
			return true
		}
		if has(r, "<?") {
			if i := indexOf(r[2:], "?>"); i >= 0 {
				x.tok("cp", 2+i+2)
				return true
			}
		}
		if n := spaceTag(r, "script"); n > 0 {
			x.tok("nt", n)
			if x.js != nil {
				x.js.reset()
			}
			x.push(hScript)
			x.push(hTag)
			return true
		}
		if n := spaceTag(r, "style"); n > 0 {
			x.tok("nt", n)
			if x.css != nil {
				x.css.reset()
			}
			x.push(hStyle)
			x.push(hTag)
			return true
		}
		if has(r, "</") {
			x.tok("nt", 2)
			x.push(hTagEnd)
			return true
		}
		x.tok("nt", 1)
		x.push(hTagStart)
		return true
	case hTagEnd, hTagEndEnd:
		if n := spaces(r); n > 0 {
			x.tok("", n)
			return true
		}
		if r[0] == '>' {
			x.tok("nt", 1)
			x.pop()
			return true
		}
		if x.top() == hTagEnd {
			if n := markupName(r, ":_-", ":.-"); n > 0 {
				x.tok("nt", n)
				x.goTo(hTagEndEnd)
				return true
			}
		}
		return false
	case hTagStart:
		if n := spaces(r); n > 0 {
			x.tok("", n)
			return true
		}
		if n := markupName(r, ":_-", ":.-"); n > 0 {
			x.tok("nt", n)
		}
		x.goTo(hTag)
		return true
	case hComment:
		switch {
		case has(r, "-->"):
			x.tok("c", 3)
			x.pop()
		case r[0] == '-':
			x.tok("c", 1)
		default:
			x.tok("c", upTo(r, func(c byte) bool { return c == '-' }))
		}
		return true
	case hTag:
		if n := spaces(r); n > 0 {
			x.tok("", n)
			return true
		}
		if n := markupName(r, ":_[]()*.-", ":.[]()*-"); n > 0 {
			s := spaces(r[n:])
			if n+s < len(r) && r[n+s] == '=' {
				t := spaces(r[n+s+1:])
				x.tok("na", n+s+1+t)
				x.push(hAttr)
				return true
			}
		}
		if n := markupName(r, ":_*#-", ":.*#-"); n > 0 {
			x.tok("na", n)
			return true
		}
		i := 0
		if r[0] == '/' {
			i = 1
		}
		i += spaces(r[i:])
		if i < len(r) && r[i] == '>' {
			x.tok("nt", i+1)
			x.pop()
			return true
		}
		return false
	case hAttr:
		switch r[0] {
		case '"':
			x.tok("s", 1)
			x.goTo(hDQ)
		case '\'':
			x.tok("s", 1)
			x.goTo(hSQ)
		default:
			n := upTo(r, func(c byte) bool { return isSpace(c) || c == '>' })
			if n == 0 {
				return false
			}
			x.tok("s", n)
			x.pop()
		}
		return true
	case hDQ, hSQ:
		q := byte('"')
		if x.top() == hSQ {
			q = '\''
		}
		if r[0] == q {
			x.tok("s", 1)
			x.pop()
		} else {
			x.tok("s", upTo(r, func(c byte) bool { return c == q }))
		}
		return true
	case hScript, hStyle:
		name := "script"
		if x.top() == hStyle {
			name = "style"
		}
		if r[0] != '<' {
			x.delegate(upTo(r, func(c byte) bool { return c == '<' }))
			return true
		}
		if n := closeTag(r, name); n > 0 {
			x.tok("nt", n)
			x.pop()
			return true
		}
		x.delegate(1)
		return true
	}
	return false
}

// entity matches /&\S*?;/.
func entity(r string) int {
	for i := 1; i < len(r); i++ {
		if r[i] == ';' {
			return i + 1
		}
		if isSpace(r[i]) {
			return 0
		}
	}
	return 0
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		c, d := a[i], b[i]
		if isUpper(c) {
			c += 32
		}
		if isUpper(d) {
			d += 32
		}
		if c != d {
			return false
		}
	}
	return true
}

const (
	xRoot uint8 = iota
	xComment
	xTag
	xAttr
)

func lexXML(code string) []span {
	x := newLexer(code)
	x.drive(func() bool {
		r := x.rest()
		switch x.top() {
		case xRoot:
			switch r[0] {
			case '&':
				if n := entity(r); n > 0 {
					x.tok("ni", n)
					return true
				}
				return false
			case '<':
			default:
				x.tok("", upTo(r, func(c byte) bool { return c == '<' || c == '&' }))
				return true
			}
			line := r[:lineLen(r)]
			if has(r, "<![CDATA[") {
				if i := indexOf(line[9:], "]]>"); i >= 0 {
					x.tok("cp", 9+i+3)
					return true
				}
			}
			if has(r, "<!--") {
				x.tok("c", 4)
				x.push(xComment)
				return true
			}
			if has(r, "<?") {
				if i := indexOf(line[2:], "?>"); i >= 0 {
					x.tok("cp", 2+i+2)
					return true
				}
			}
			if has(r, "<!") {
				if i := indexOf(r[2:], ">"); i >= 0 {
					x.tok("cp", 2+i+1)
					return true
				}
			}
			s := 1 + spaces(r[1:])
			if n := markupName(r[s:], ":_", ":.-"); n > 0 {
				x.tok("nt", s+n)
				x.push(xTag)
				return true
			}
			if s < len(r) && r[s] == '/' {
				t := s + 1 + spaces(r[s+1:])
				if n := markupName(r[t:], ":_", ":.-"); n > 0 {
					u := t + n + spaces(r[t+n:])
					if u < len(r) && r[u] == '>' {
						x.tok("nt", u+1)
						return true
					}
				}
			}
			return false
		case xComment:
			switch {
			case has(r, "-->"):
				x.tok("c", 3)
				x.pop()
			case r[0] == '-':
				x.tok("c", 1)
			default:
				x.tok("c", upTo(r, func(c byte) bool { return c == '-' }))
			}
			return true
		case xTag:
			if n := spaces(r); n > 0 {
				x.tok("", n)
				return true
			}
			if n := markupName(r, ":_", ":.-"); n > 0 {
				s := spaces(r[n:])
				if n+s < len(r) && r[n+s] == '=' {
					x.tok("na", n+s+1)
					x.push(xAttr)
					return true
				}
			}
			i := 0
			if r[0] == '/' {
				i = 1
			}
			i += spaces(r[i:])
			if i < len(r) && r[i] == '>' {
				x.tok("nt", i+1)
				x.pop()
				return true
			}
			return false
		case xAttr:
			if n := spaces(r); n > 0 {
				x.tok("", n)
				return true
			}
			if r[0] == '"' || r[0] == '\'' {
				if i := indexOf(r[1:], r[:1]); i >= 0 {
					x.tok("s", i+2)
					x.pop()
					return true
				}
			}
			if n := upTo(r, func(c byte) bool { return isSpace(c) || c == '>' }); n > 0 {
				x.tok("s", n)
				x.pop()
				return true
			}
			return false
		}
		return false
	})
	return x.toks
}
