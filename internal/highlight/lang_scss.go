package highlight

// Rouge's SCSS lexer (its SassCommon states with the SCSS root).

const (
	scRoot uint8 = iota
	scValue
	scInterpolation
	scSelector
	scDQ
	scSQ
	scURL
	scPseudo
	scClass
	scID
	scPlaceholder
	scFor
	scAttribute
)

// scssID is the length of /[\w-]+/.
func scssID(r string) int { return runOf(r, func(c byte) bool { return isWord(c) || c == '-' }) }

func lexSCSS(code string) []span {
	x := newLexer(code)
	x.drive(func() bool { return scssStep(x) })
	return x.toks
}

func scssStep(x *lexer) bool {
	r := x.rest()
	switch x.top() {
	case scRoot:
		if n := spaces(r); n > 0 {
			x.tok("", n)
			return true
		}
		if has(r, "//") {
			x.tok("c1", lineLen(r))
			return true
		}
		if has(r, "/*") {
			if i := indexOf(r[2:], "*/"); i >= 0 {
				x.tok("cm", i+4)
				return true
			}
		}
		if wordAt(r, "@import") {
			x.tok("k", 7)
			x.push(scValue)
			return true
		}
		if scssContentCommon(x, r) {
			return true
		}
		// /(?=[^;{}][;}])/
		if len(r) > 1 && !containsByte(";{}", r[0]) && (r[1] == ';' || r[1] == '}') && r[0] < 0x80 {
			x.push(scAttribute)
			return true
		}
		if len(r) > 1 && r[0] >= 0x80 {
			if _, n := decodeRune(r); n < len(r) && (r[n] == ';' || r[n] == '}') {
				x.push(scAttribute)
				return true
			}
		}
		// /(?=[^;{}:\[]+:[^a-z])/
		if n := upTo(r, func(c byte) bool { return containsByte(";{}:[", c) }); n > 0 && n+1 < len(r) && r[n] == ':' && !isLower(r[n+1]) {
			x.push(scAttribute)
			return true
		}
		x.push(scSelector)
		return true
	case scValue, scInterpolation, scFor:
		if x.top() == scInterpolation && r[0] == '}' {
			x.tok("si", 1)
			x.pop()
			return true
		}
		if x.top() == scFor {
			for _, w := range [...]string{"from", "to", "through"} {
				if has(r, w) {
					x.tok("ow", len(w))
					return true
				}
			}
		}
		return scssValue(x, r)
	case scSelector:
		if scssEndSection(x, r) || scssStrings(x, r) || scssInterp(x, r) {
			return true
		}
		switch c := r[0]; {
		case c == ' ' || c == '\t':
			x.tok("", hspaces(r))
		case c == ':':
			x.tok("nd", 1)
			x.push(scPseudo)
		case c == '.':
			x.tok("nc", 1)
			x.push(scClass)
		case c == '#':
			x.tok("nn", 1)
			x.push(scID)
		case c == '%':
			x.tok("nv", 1)
			x.push(scPlaceholder)
		case scssID(r) > 0:
			x.tok("nt", scssID(r))
		case c == '&':
			x.tok("k", 1)
		case containsByte("~^*!&[]()<>|+=@:;,./?-", c):
			x.tok("o", 1)
		default:
			return false
		}
		return true
	case scDQ, scSQ, scURL:
		q, cls := byte('"'), "s2"
		if x.top() == scSQ {
			q, cls = '\'', "s1"
		} else if x.top() == scURL {
			q, cls = ')', "sx"
		}
		if r[0] == q {
			x.tok(cls, 1)
			x.pop()
			return true
		}
		if x.top() != scURL && scssInterp(x, r) {
			return true
		}
		// /(\\.|#(?![{])|[^\n"#])+/
		i := 0
		for i < len(r) {
			c := r[i]
			if c == '\\' && i+1 < len(r) && r[i+1] != '\n' {
				_, n := decodeRune(r[i+1:])
				i += 1 + n
			} else if c == '#' && !has(r[i:], "#{") || c != '\n' && c != q && c != '#' {
				i++
			} else {
				break
			}
		}
		if i > 0 {
			x.tok(cls, i)
			return true
		}
		return x.top() == scURL && scssInterp(x, r)
	case scPseudo, scClass, scID, scPlaceholder:
		if n := scssID(r); n > 0 {
			x.tok([...]string{"nd", "nc", "nn", "nv"}[x.top()-scPseudo], n)
			return true
		}
		if scssInterp(x, r) {
			return true
		}
		x.pop()
		return true
	case scAttribute:
		if scssInterp(x, r) {
			return true
		}
		if n := scssID(r); n > 0 {
			if cssAttributes[r[:n]] {
				x.tok("nl", n)
			} else {
				x.tok("na", n)
			}
			return true
		}
		if s := hspaces(r); s < len(r) && r[s] == ':' {
			x.tok("", s)
			x.tok("p", 1)
			x.push(scValue)
			return true
		}
		return false
	}
	return false
}

func scssEndSection(x *lexer, r string) bool {
	switch r[0] {
	case '\n':
		x.tok("", 1)
	case ';', '{', '}':
		x.tok("p", 1)
		x.reset()
	default:
		return false
	}
	return true
}

func scssInterp(x *lexer, r string) bool {
	if has(r, "#{") {
		x.tok("si", 2)
		x.push(scInterpolation)
		return true
	}
	return false
}

func scssStrings(x *lexer, r string) bool {
	switch r[0] {
	case '"':
		x.tok("s2", 1)
		x.push(scDQ)
	case '\'':
		x.tok("s1", 1)
		x.push(scSQ)
	default:
		return false
	}
	return true
}

func scssContentCommon(x *lexer, r string) bool {
	if r[0] == '&' {
		x.tok("k", 1)
		x.push(scSelector)
		return true
	}
	if r[0] == '$' {
		if n := scssID(r[1:]); n > 0 {
			s := hspaces(r[1+n:])
			if 1+n+s < len(r) && r[1+n+s] == ':' {
				x.tok("nv", 1+n)
				x.tok("", s)
				x.tok("p", 1)
				x.push(scValue)
				return true
			}
		}
		return false
	}
	if r[0] != '@' {
		return false
	}
	if wordAt(r, "@for") {
		x.tok("k", 4)
		x.push(scFor)
		return true
	}
	for _, w := range [...]string{"@debug", "@warn", "@if", "@each", "@while", "@else", "@return", "@media"} {
		if has(r, w) {
			x.tok("k", len(w))
			x.push(scValue)
			return true
		}
	}
	for _, w := range [...]string{"@mixin", "@function", "@include"} {
		if has(r, w) {
			if s := spaces(r[len(w):]); s > 0 {
				if n := scssID(r[len(w)+s:]); n > 0 {
					x.tok("k", len(w))
					x.tok("", s)
					if w == "@include" {
						x.tok("nd", n)
					} else {
						x.tok("nf", n)
					}
					x.push(scValue)
					return true
				}
			}
		}
	}
	if wordAt(r, "@extend") {
		x.tok("k", 7)
		x.push(scSelector)
		return true
	}
	if n := scssID(r[1:]); n > 0 {
		x.tok("k", 1+n)
		x.push(scSelector)
		return true
	}
	return false
}

func scssValue(x *lexer, r string) bool {
	if scssEndSection(x, r) {
		return true
	}
	c := r[0]
	if c == ' ' || c == '\t' {
		x.tok("", hspaces(r))
		return true
	}
	if c == '$' {
		if n := scssID(r[1:]); n > 0 {
			x.tok("nv", 1+n)
			return true
		}
	}
	if has(r, "url(") {
		x.tok("sx", 4)
		x.push(scURL)
		return true
	}
	if n := scssID(r); n > 0 {
		if s := spaces(r[n:]); n+s < len(r) && r[n+s] == '(' {
			x.tok("nf", n)
			return true
		}
	}
	if c == '%' {
		if n := scssID(r[1:]); n > 0 {
			x.tok("nd", 1+n)
			return true
		}
	}
	for _, w := range [...]string{"true", "false"} {
		if wordAt(r, w) {
			x.tok("bp", len(w))
			return true
		}
	}
	for _, w := range [...]string{"and", "or", "not"} {
		if wordAt(r, w) {
			x.tok("ow", len(w))
			return true
		}
	}
	if c == '#' {
		if n := runOf(r[1:min(len(r), 7)], func(c byte) bool { return isDigit(c) || isAlpha(c) }); n > 0 {
			x.tok("mh", 1+n)
			return true
		}
	}
	i := 0
	if c == '-' {
		i = 1
	}
	if d := digits(r[i:]); d > 0 {
		n := i + d
		if n < len(r) && r[n] == '%' {
			n++
		} else {
			n += runOf(r[n:], isLower)
		}
		x.tok("m", n)
		return true
	}
	if d := digits(r[i:]); i+d+1 < len(r) && r[i+d] == '.' && isDigit(r[i+d+1]) {
		n := i + d + 1 + digits(r[i+d+1:])
		if n < len(r) && r[n] == '%' {
			n++
		} else {
			n += runOf(r[n:], isLower)
		}
		x.tok("mi", n)
		return true
	}
	if scssStrings(x, r) || scssInterp(x, r) {
		return true
	}
	if n := runOf(r, func(c byte) bool { return containsByte("~^*!&%<>|+=@:,./?-", c) }); n > 0 {
		x.tok("o", n)
		return true
	}
	if n := runOf(r, func(c byte) bool { return containsByte("[]()", c) }); n > 0 {
		x.tok("p", n)
		return true
	}
	if n := scssID(r); n > 0 {
		w := r[:n]
		switch {
		case cssBuiltins[w]:
			x.tok("nb", n)
		case cssConstants[w]:
			x.tok("no", n)
		default:
			x.tok("n", n)
		}
		return true
	}
	return false
}
