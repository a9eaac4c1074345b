package highlight

import "unicode"

// Rouge's CSS lexer.

const (
	cssRoot uint8 = iota
	cssValue
	cssAtRule
	cssAtBody
	cssAtStanza
	cssStanza
	cssStanzaValue
)

// cssIdent is the length of /[\p{L}_-][\p{Word}\p{Cf}-]*/.
func cssIdent(r string) int {
	if len(r) == 0 {
		return 0
	}
	i := 0
	if c := r[0]; c < 0x80 {
		if !isAlpha(c) && c != '_' && c != '-' {
			return 0
		}
		i = 1
	} else {
		ru, n := decodeRune(r)
		if !unicode.IsLetter(ru) {
			return 0
		}
		i = n
	}
	for i < len(r) {
		c := r[i]
		if c < 0x80 {
			if isWord(c) || c == '-' {
				i++
				continue
			}
			break
		}
		ru, n := decodeRune(r[i:])
		if !isUnicodeWord(ru) && !unicode.Is(unicode.Cf, ru) {
			break
		}
		i += n
	}
	return i
}

func lexCSS(code string) []span {
	x := newLexer(code)
	x.drive(func() bool { return cssStep(x) })
	return x.toks
}

// cssBasics is Rouge's :basics state: whitespace and comments.
func cssBasics(x *lexer, r string) bool {
	if n := spaces(r); n > 0 {
		x.tok("", n)
		return true
	}
	if has(r, "/*") {
		if i := indexOf(r[2:], "*/"); i >= 0 {
			x.tok("c", i+4)
			return true
		}
	}
	return false
}

func cssStep(x *lexer) bool {
	r := x.rest()
	switch x.top() {
	case cssRoot:
		return cssRootRules(x, r)
	case cssValue:
		return cssValueRules(x, r)
	case cssAtRule:
		if r[0] == '{' {
			s := spaces(r[1:])
			if n := cssIdent(r[1+s:]); n > 0 {
				t := spaces(r[1+s+n:])
				if 1+s+n+t < len(r) && r[1+s+n+t] == ':' {
					x.tok("p", 1)
					x.push(cssAtStanza)
					return true
				}
			}
			x.tok("p", 1)
			x.push(cssAtBody)
			return true
		}
		if r[0] == ';' {
			x.tok("p", 1)
			x.pop()
			return true
		}
		return cssValueRules(x, r)
	case cssAtBody:
		if r[0] == '}' {
			x.tok("p", 1)
			x.popN(2)
			return true
		}
		return cssRootRules(x, r)
	case cssAtStanza:
		if r[0] == '}' {
			x.tok("p", 1)
			x.popN(2)
			return true
		}
		return cssStanzaRules(x, r)
	case cssStanza:
		return cssStanzaRules(x, r)
	case cssStanzaValue:
		switch r[0] {
		case ';':
			x.tok("p", 1)
			x.pop()
			return true
		case '}':
			x.pop()
			return true
		case '!':
			s := spaces(r[1:])
			if wordAt(r[1+s:], "important") {
				x.tok("cp", 1+s+9)
				return true
			}
		case '@':
			if x.bol() {
				x.tok("cp", lineLen(r))
				return true
			}
		}
		return cssValueRules(x, r)
	}
	return false
}

func cssRootRules(x *lexer, r string) bool {
	if cssBasics(x, r) {
		return true
	}
	switch r[0] {
	case '{':
		x.tok("p", 1)
		x.push(cssStanza)
		return true
	case ':':
		i := 1
		if len(r) > 1 && r[1] == ':' {
			i = 2
		}
		if n := cssIdent(r[i:]); n > 0 {
			x.tok("nd", i+n)
			return true
		}
	case '.', '#', '@':
		if n := cssIdent(r[1:]); n > 0 {
			switch r[0] {
			case '.':
				x.tok("nc", 1+n)
			case '#':
				x.tok("nf", 1+n)
			default:
				x.tok("k", 1+n)
				x.push(cssAtRule)
			}
			return true
		}
	}
	if n := cssIdent(r); n > 0 {
		x.tok("nt", n)
		return true
	}
	if containsByte("~^*!%&[]()<>|+=@:;,./?-", r[0]) {
		x.tok("o", 1)
		return true
	}
	return cssStrings(x, r)
}

func cssStrings(x *lexer, r string) bool {
	switch r[0] {
	case '"':
		if n := quotedBT(r, '"'); n > 0 {
			x.tok("s1", n)
			return true
		}
	case '\'':
		if n := quotedBT(r, '\''); n > 0 {
			x.tok("s2", n)
			return true
		}
	}
	return false
}

var cssUnits = set("em", "px", "pt", "pc", "in", "mm", "cm", "ex", "rem", "ch", "vw", "vh", "vmin", "vmax",
	"dpi", "dpcm", "dppx", "deg", "grad", "rad", "turn", "s", "ms", "Hz", "kHz")

// cssNumber matches Rouge's number with an optional unit.
func cssNumber(r string) int {
	i := 0
	if i < len(r) && r[i] == '-' {
		i++
	}
	if d := digits(r[i:]); d > 0 {
		i += d
		if i+1 < len(r) && r[i] == '.' && isDigit(r[i+1]) {
			i += 1 + digits(r[i+1:])
		}
	} else if i+1 < len(r) && r[i] == '.' && isDigit(r[i+1]) {
		i += 1 + digits(r[i+1:])
	} else {
		return 0
	}
	if i < len(r) && r[i] == '%' {
		return i + 1
	}
	if w := words(r[i:]); w > 0 && cssUnits[r[i:i+w]] {
		return i + w
	}
	return i
}

func cssValueRules(x *lexer, r string) bool {
	if cssBasics(x, r) {
		return true
	}
	if has(r, "url(") {
		if i := upTo(r[4:], func(c byte) bool { return c == ')' || c == '\n' }); 4+i < len(r) && r[4+i] == ')' {
			x.tok("sx", 4+i+1)
			return true
		}
	}
	if r[0] == '#' {
		if n := runOf(r[1:min(len(r), 7)], isHex); n > 0 {
			x.tok("m", 1+n)
			return true
		}
	}
	if n := cssNumber(r); n > 0 {
		x.tok("m", n)
		return true
	}
	if containsByte("[]():/.,", r[0]) {
		x.tok("p", 1)
		return true
	}
	if cssStrings(x, r) {
		return true
	}
	if n := cssIdent(r); n > 0 {
		w := r[:n]
		switch {
		case cssConstants[w]:
			x.tok("no", n)
		case cssBuiltins[w]:
			x.tok("nb", n)
		default:
			x.tok("n", n)
		}
		return true
	}
	return false
}

func cssStanzaRules(x *lexer, r string) bool {
	if cssBasics(x, r) {
		return true
	}
	if r[0] == '}' {
		x.tok("p", 1)
		x.pop()
		return true
	}
	if n := cssIdent(r); n > 0 {
		s := spaces(r[n:])
		if n+s < len(r) && r[n+s] == ':' {
			w := r[:n]
			cls := "py"
			if cssAttributes[w] {
				cls = "nl"
			} else {
				for _, p := range cssVendorPrefixes {
					if has(w, p) {
						cls = "nl"
						break
					}
				}
			}
			x.tok(cls, n)
			x.tok("", s)
			x.tok("p", 1)
			x.push(cssStanzaValue)
			return true
		}
	}
	return false
}
