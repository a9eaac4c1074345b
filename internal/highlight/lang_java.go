package highlight

import "unicode"

// Rouge's Java lexer.

var javaKeywords = set("assert", "break", "case", "catch", "continue", "default", "do", "else", "finally", "for",
	"if", "goto", "instanceof", "new", "return", "switch", "this", "throw", "try", "while")

var javaDeclarations = set("abstract", "const", "enum", "extends", "final", "implements", "native", "private", "protected",
	"public", "static", "strictfp", "super", "synchronized", "throws", "transient", "volatile")

var javaTypes = set("boolean", "byte", "char", "double", "float", "int", "long", "short", "var", "void")

const (
	javaRoot uint8 = iota
	javaClass
	javaImport
)

func lexJava(code string) []span {
	x := &javaLexer{lexer: newLexer(code)}
	x.drive(func() bool { return javaStep(x) })
	return x.toks
}

type javaLexer struct {
	*lexer
	sig javaSigRun
}

// javaSigRun caches what the method signature rule finds at the end of a
// run of type-name and space characters: the rule is tried at every token
// of the run and always ends the same way.
type javaSigRun struct {
	start, end int  // the run, absolute; end == 0: nothing cached
	ok         bool // the run ends in "NAME\s*("
	name       int  // NAME's start (absolute)
	nameLen    int
	lastBad    int // start of the last type segment before NAME that is not [a-zA-Z_]..., or -1
}

func javaTypeChar(c byte) bool {
	return isWord(c) || c == '.' || c == '[' || c == ']' || c == '<' || c == '>'
}

// signature matches the return-type-and-name rule
// /(\s*(?:[a-zA-Z_][a-zA-Z0-9_.\[\]<>]*\s+)+?)([a-zA-Z_][a-zA-Z0-9_]*)(\s*)(\()/m,
// giving the length of the part before the method name and of the name.
func (x *javaLexer) signature(r string) (int, int) {
	p := x.p
	if !(x.sig.end > 0 && x.sig.start <= p && p < x.sig.end) {
		n := runOf(r, func(c byte) bool { return javaTypeChar(c) || isSpace(c) })
		if n == 0 {
			return 0, 0
		}
		x.sig = javaSigRun{start: p, end: p + n}
		javaSignatureTail(x.s[:x.end], &x.sig)
	}
	f := &x.sig
	if !f.ok {
		return 0, 0
	}
	i := p + spaces(r)
	if i >= f.name || !(isAlpha(x.s[i]) || x.s[i] == '_') || f.lastBad >= i {
		return 0, 0
	}
	return f.name - p, f.nameLen
}

// javaSignatureTail fills in f for the run s[f.start:f.end].
func javaSignatureTail(s string, f *javaSigRun) {
	if f.end >= len(s) || s[f.end] != '(' {
		return
	}
	k := f.end
	for k > f.start && isSpace(s[k-1]) {
		k--
	}
	w := k
	for w > f.start && !isSpace(s[w-1]) {
		w--
	}
	if w == k || w == f.start || !(isAlpha(s[w]) || s[w] == '_') || words(s[w:k]) != k-w {
		return
	}
	f.ok, f.name, f.nameLen, f.lastBad = true, w, k-w, -1
	// type segments: runs of non-space characters after a space
	for i := f.start + 1; i < w; i++ {
		if !isSpace(s[i]) && isSpace(s[i-1]) && !(isAlpha(s[i]) || s[i] == '_') {
			f.lastBad = i
		}
	}
}

// javaID is the length of /[[:alpha:]_][[:word:]]*/.
func javaID(r string) int {
	if len(r) == 0 {
		return 0
	}
	if r[0] == '_' {
		return 1 + unicodeWordRun(r[1:])
	}
	return unicodeIdentAlnumWord(r)
}

func unicodeIdentAlnumWord(r string) int {
	if len(r) == 0 {
		return 0
	}
	if r[0] < 0x80 {
		if !isAlpha(r[0]) {
			return 0
		}
		return 1 + unicodeWordRun(r[1:])
	}
	ru, n := decodeRune(r)
	if !unicode.IsLetter(ru) {
		return 0
	}
	return n + unicodeWordRun(r[n:])
}

// unicodeWordRun is the length of /[[:word:]]*/.
func unicodeWordRun(r string) int {
	i := 0
	for i < len(r) {
		if r[i] < 0x80 {
			if !isWord(r[i]) {
				break
			}
			i++
			continue
		}
		ru, n := decodeRune(r[i:])
		if !isUnicodeWord(ru) {
			break
		}
		i += n
	}
	return i
}

// upperRun is the length of a run of characters for which ok holds, or 0
// if the run is not followed by a word boundary.
func boundedRun(r string, first, ok func(rune) bool) int {
	i := 0
	for i < len(r) {
		ru, n := rune(r[i]), 1
		if r[i] >= 0x80 {
			ru, n = decodeRune(r[i:])
		}
		if i == 0 && !first(ru) || i > 0 && !ok(ru) {
			break
		}
		i += n
	}
	if i == 0 {
		return 0
	}
	if i < len(r) {
		ru, _ := decodeRune(r[i:])
		if ru == '_' || isUnicodeWord(ru) {
			return 0
		}
	}
	return i
}

// javaDigits matches /(?:[0-9]_+[0-9]|[0-9])+/ with the given digit class.
func javaDigits(r string, ok func(byte) bool) int {
	i := 0
	for i < len(r) && ok(r[i]) {
		j := i + 1
		u := runOf(r[j:], func(c byte) bool { return c == '_' })
		if u > 0 && j+u < len(r) && ok(r[j+u]) {
			i = j + u + 1
		} else {
			i = j
		}
	}
	return i
}

func javaStep(x *javaLexer) bool {
	r := x.rest()
	switch x.top() {
	case javaClass:
		if n := spaces(r); n > 0 {
			x.tok("", n)
			return true
		}
		if n := javaID(r); n > 0 {
			x.tok("nc", n)
			x.pop()
			return true
		}
		return false
	case javaImport:
		if n := spaces(r); n > 0 {
			x.tok("", n)
			return true
		}
		if n := runOf(r, func(c byte) bool { return isWord(c) || c == '.' }); n > 0 {
			if n < len(r) && r[n] == '*' {
				n++
			}
			x.tok("nn", n)
			x.pop()
			return true
		}
		return false
	}
	c := r[0]
	if n := spacesNoNL(r); n > 0 {
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
	w := bwords(r)
	if w > 0 && javaKeywords[r[:w]] {
		x.tok("k", w)
		return true
	}
	if pre, n := x.signature(r); n > 0 {
		x.sub(x.p, lexJava(r[:pre]))
		x.p += pre
		x.tok("nf", n)
		s := spaces(r[pre+n:])
		x.tok("", s)
		x.tok("o", 1)
		return true
	}
	if c == '@' {
		if n := javaID(r[1:]); n > 0 {
			x.tok("nd", 1+n)
			return true
		}
	}
	if w > 0 {
		switch word := r[:w]; {
		case javaDeclarations[word]:
			x.tok("kd", w)
			return true
		case javaTypes[word]:
			x.tok("kt", w)
			return true
		case word == "true" || word == "false" || word == "null":
			x.tok("kc", w)
			return true
		case word == "class" || word == "interface":
			x.tok("kd", w)
			x.push(javaClass)
			return true
		case word == "import" || word == "package":
			x.tok("kn", w)
			x.push(javaImport)
			return true
		}
	}
	switch c {
	case '"':
		if n := quotedBT(r, '"'); n > 0 {
			x.tok("s", n)
			return true
		}
	case '\'':
		if n := javaChar(r); n > 0 {
			x.tok("sc", n)
			return true
		}
	case '.':
		if n := javaID(r[1:]); n > 0 {
			x.tok("o", 1)
			x.tok("na", n)
			return true
		}
	}
	if n := javaID(r); n > 0 && n < len(r) && r[n] == ':' {
		x.tok("nl", n+1)
		return true
	}
	if n := boundedRun(r, unicode.IsUpper, func(r rune) bool { return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '_' }); n > 0 {
		x.tok("no", n)
		return true
	}
	if n := boundedRun(r, unicode.IsUpper, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }); n > 0 {
		x.tok("nc", n)
		return true
	}
	if c == '$' {
		if n := javaID(r[1:]); n > 0 {
			x.tok("n", 1+n)
			return true
		}
	} else if n := javaID(r); n > 0 {
		x.tok("n", n)
		return true
	}
	if containsByte("~^*!%&[](){}<>|+=:;,./?-", c) {
		x.tok("o", 1)
		return true
	}
	if isDigit(c) {
		d := javaDigits(r, isDigit)
		if d+1 < len(r) && r[d] == '.' && isDigit(r[d+1]) {
			n := d + 1 + javaDigits(r[d+1:], isDigit)
			if n+1 < len(r) && (r[n] == 'e' || r[n] == 'E') && isDigit(r[n+1]) {
				n += 1 + javaDigits(r[n+1:], isDigit)
			}
			if n < len(r) && (r[n] == 'f' || r[n] == 'd') {
				n++
			}
			x.tok("mf", n)
			return true
		}
		if c == '0' && len(r) > 2 {
			switch r[1] | 0x20 {
			case 'b':
				if n := javaDigits(r[2:], func(c byte) bool { return c == '0' || c == '1' }); n > 0 {
					x.tok("mb", 2+n)
					return true
				}
			case 'x':
				if n := javaDigits(r[2:], isHex); n > 0 {
					x.tok("mh", 2+n)
					return true
				}
			}
		}
		if c == '0' {
			if n := javaDigits(r[1:], isOctal); n > 0 {
				x.tok("mo", 1+n)
				return true
			}
		}
		if d < len(r) && r[d] == 'L' {
			d++
		}
		x.tok("mi", d)
		return true
	}
	if c == '\n' {
		x.tok("", 1)
		return true
	}
	return false
}

// javaChar matches /'(?:\\.|[^\\]|\\u[0-9a-f]{4})'/.
func javaChar(r string) int {
	if len(r) < 3 {
		return 0
	}
	if r[1] == '\\' {
		if r[2] != '\n' {
			_, n := decodeRune(r[2:])
			if 2+n < len(r) && r[2+n] == '\'' {
				return 3 + n
			}
		}
		if len(r) >= 8 && r[2] == 'u' && hexRunLower(r[3:7]) && r[7] == '\'' {
			return 8
		}
		return 0
	}
	_, n := decodeRune(r[1:])
	if 1+n < len(r) && r[1+n] == '\'' {
		return 2 + n
	}
	return 0
}

func hexRunLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) && !(s[i] >= 'a' && s[i] <= 'f') {
			return false
		}
	}
	return true
}
