package highlight

import (
	"unicode"
	"unicode/utf8"
)

// Rouge's Javascript lexer, and its Typescript lexer which adds words and
// two rules to it.

var jsKeywords = set("as", "async", "await", "break", "case", "catch", "continue", "debugger", "default", "delete",
	"do", "else", "export", "finally", "from", "for", "if", "import", "in", "instanceof", "new", "of",
	"return", "super", "switch", "this", "throw", "try", "typeof", "void", "while", "yield")

var jsDeclarations = set("var", "let", "const", "with", "function", "class",
	"extends", "constructor", "get", "set", "static")

var jsReserved = set("enum", "implements", "interface", "package", "private", "protected", "public")

var jsConstants = set("true", "false", "null", "NaN", "Infinity", "undefined")

var jsBuiltins = set("Array", "Boolean", "Date", "Error", "Function", "Math", "netscape",
	"Number", "Object", "Packages", "RegExp", "String", "sun", "decodeURI",
	"decodeURIComponent", "encodeURI", "encodeURIComponent",
	"eval", "isFinite", "isNaN", "parseFloat", "parseInt",
	"document", "window", "navigator", "self", "global",
	"Promise", "Set", "Map", "WeakSet", "WeakMap", "Symbol", "Proxy", "Reflect",
	"Int8Array", "Uint8Array", "Uint8ClampedArray",
	"Int16Array", "Uint16Array", "Uint16ClampedArray",
	"Int32Array", "Uint32Array", "Uint32ClampedArray",
	"Float32Array", "Float64Array", "DataView", "ArrayBuffer")

var tsKeywords = set("is", "namespace", "static", "private", "protected", "public", "implements", "readonly")

var tsDeclarations = set("type", "abstract")

var tsReserved = set("string", "any", "void", "number", "namespace", "module", "declare", "default", "interface", "keyof")

var tsBuiltins = set("Pick", "Partial", "Readonly", "Record")

const (
	jsRootSt uint8 = iota
	jsExprStart
	jsRegex
	jsRegexEnd
	jsRegexGroup
	jsStatement
	jsObjectSt
	jsTernary
	jsTemplate
	jsTemplateExpr
	jsDQ
	jsSQ
	jsComment
)

type jsLexer struct {
	*lexer
	ts bool
}

func lexJavascript(code string) []span { return runJS(code, false) }

func lexTypescript(code string) []span { return runJS(code, true) }

func runJS(code string, ts bool) []span {
	x := jsLexer{lexer: newLexer(code), ts: ts}
	x.drive(x.step)
	return x.toks
}

func (x *jsLexer) step() bool {
	r := x.rest()
	switch x.top() {
	case jsComment:
		if has(r, "*/") {
			x.tok("cm", 2)
			x.pop()
		} else if r[0] == '*' || r[0] == '/' {
			x.tok("cm", 1)
		} else {
			x.tok("cm", upTo(r, func(c byte) bool { return c == '*' || c == '/' }))
		}
		return true
	case jsExprStart:
		return x.exprStart(r)
	case jsStatement:
		if x.ts && x.tsLabel(r) {
			return true
		}
		if wordAt(r, "case") {
			x.tok("k", 4)
			x.goTo(jsExprStart)
			return true
		}
		if !x.ts && x.label(r, "nl", false) {
			return true
		}
		return x.exprStart(r)
	case jsRegex:
		switch c := r[0]; {
		case c == '/':
			x.tok("sr", 1)
			x.goTo(jsRegexEnd)
		case c == '\n':
			x.tok("err", 1)
			x.pop()
		case len(r) > 1 && r[1] == '\n':
			x.tok("err", 2)
			x.pop()
		case c == '[':
			if len(r) > 1 && r[1] == '^' {
				x.tok("se", 2)
			} else {
				x.tok("se", 1)
			}
			x.push(jsRegexGroup)
		case c == '\\' && len(r) > 1:
			_, n := decodeRune(r[1:])
			x.tok("se", 1+n)
		case c == '(' && len(r) > 2 && r[1] == '?' && (r[2] == ':' || r[2] == '=' || r[2] == '<' || r[2] == '!'):
			x.tok("se", 3)
		case c == '{' && jsRepeat(r) > 0:
			x.tok("se", jsRepeat(r))
		case c == '(' || c == ')' || c == '?':
			x.tok("se", 1)
		default:
			_, n := decodeRune(r)
			x.tok("sr", n)
		}
		return true
	case jsRegexEnd:
		if n := runOf(r, func(c byte) bool {
			return c == 'g' || c == 'i' || c == 'm' || c == 'u' || c == 'y'
		}); n > 0 {
			x.tok("sr", n)
		}
		x.pop()
		return true
	case jsRegexGroup:
		switch c := r[0]; {
		case c == '/':
			x.tok("se", 1)
		case len(r) > 1 && r[1] == '\n':
			x.tok("err", 2)
			x.popN(2)
		case c == ']':
			x.tok("se", 1)
			x.pop()
		case c == '\\' && len(r) > 1 && r[1] != '\n':
			_, n := decodeRune(r[1:])
			x.tok("se", 1+n)
		case c == '\n':
			return false
		default:
			_, n := decodeRune(r)
			x.tok("sr", n)
		}
		return true
	case jsDQ, jsSQ:
		q := byte('"')
		cls := "s2"
		if x.top() == jsSQ {
			q, cls = '\'', "s1"
		}
		switch r[0] {
		case '\\':
			n := 1
			if len(r) > 1 && (r[1] == '\\' || r[1] == 'n' || r[1] == 'r' || r[1] == 't' || r[1] == q) {
				n = 2
			}
			x.tok("se", n)
		case q:
			x.tok("dl", 1)
			x.pop()
		default:
			x.tok(cls, upTo(r, func(c byte) bool { return c == '\\' || c == q }))
		}
		return true
	case jsObjectSt:
		if x.commentsAndSpace(r) {
			return true
		}
		switch r[0] {
		case '{':
			x.tok("p", 1)
			x.push(jsObjectSt)
			return true
		case '}':
			x.tok("p", 1)
			x.goTo(jsStatement)
			return true
		}
		if x.label(r, "na", true) {
			return true
		}
		if r[0] == ':' {
			x.tok("p", 1)
			return true
		}
	case jsTernary:
		if r[0] == ':' {
			x.tok("p", 1)
			x.goTo(jsExprStart)
			return true
		}
	case jsTemplate:
		switch {
		case has(r, "${"):
			x.tok("p", 2)
			x.push(jsTemplateExpr)
		case r[0] == '`':
			x.tok("s2", 1)
			x.pop()
		case r[0] == '\\' && len(r) > 1 && (r[1] == '$' || r[1] == '`'):
			x.tok("se", 2)
		case r[0] == '\\' || r[0] == '$':
			x.tok("s2", 1)
		default:
			x.tok("s2", upTo(r, func(c byte) bool { return c == '$' || c == '`' || c == '\\' }))
		}
		return true
	case jsTemplateExpr:
		if r[0] == '}' {
			x.tok("p", 1)
			x.pop()
			return true
		}
	}
	return x.root(r)
}

// jsRepeat matches /[{][\d,]+[}]/.
func jsRepeat(r string) int {
	n := runOf(r[1:], func(c byte) bool { return isDigit(c) || c == ',' })
	if n > 0 && 1+n < len(r) && r[1+n] == '}' {
		return n + 2
	}
	return 0
}

func (x *jsLexer) commentsAndSpace(r string) bool {
	if n := spaces(r); n > 0 {
		x.tok("", n)
		return true
	}
	if has(r, "<!--") {
		x.tok("c", 4)
		return true
	}
	if has(r, "//") {
		x.tok("c1", lineLen(r))
		return true
	}
	if has(r, "/*") {
		x.tok("cm", 2)
		x.push(jsComment)
		return true
	}
	return false
}

func (x *jsLexer) exprStart(r string) bool {
	if x.commentsAndSpace(r) {
		return true
	}
	switch r[0] {
	case '/':
		x.tok("sr", 1)
		x.goTo(jsRegex)
		return true
	case '{':
		x.tok("p", 1)
		x.goTo(jsObjectSt)
		return true
	}
	x.pop()
	return true
}

// label matches /(id)(\s*)(:)/; in an object it pushes :expr_start.
func (x *jsLexer) label(r, cls string, push bool) bool {
	n := jsIdent(r)
	if n == 0 {
		return false
	}
	s := spaces(r[n:])
	if n+s >= len(r) || r[n+s] != ':' {
		return false
	}
	x.tok(cls, n)
	x.tok("", s)
	x.tok("p", 1)
	if push {
		x.push(jsExprStart)
	}
	return true
}

// tsLabel is Typescript's /(id)(\??)(\s*)(:)/ in statements.
func (x *jsLexer) tsLabel(r string) bool {
	n := jsIdent(r)
	if n == 0 {
		return false
	}
	q := 0
	if n < len(r) && r[n] == '?' {
		q = 1
	}
	s := spaces(r[n+q:])
	if n+q+s >= len(r) || r[n+q+s] != ':' {
		return false
	}
	x.tok("nl", n)
	x.tok("p", q)
	x.tok("", s)
	x.tok("p", 1)
	x.push(jsExprStart)
	return true
}

func (x *jsLexer) root(r string) bool {
	c := r[0]
	if x.ts && c == '?' && len(r) > 1 {
		if r[1] == '.' {
			x.tok("p", 2)
			return true
		}
		if r[1] == '?' {
			x.tok("o", 2)
			return true
		}
	}
	if n := jsShebang(r); n > 0 {
		x.tok("cp", n)
		x.push(jsStatement)
		return true
	}
	if x.commentsAndSpace(r) {
		return true
	}
	if n := jsOperator(r); n > 0 {
		x.tok("o", n)
		x.push(jsExprStart)
		return true
	}
	switch c {
	case '(', '[', ',':
		x.tok("p", 1)
		x.push(jsExprStart)
		return true
	case ';':
		x.tok("p", 1)
		x.push(jsStatement)
		return true
	case ')', ']', '.':
		x.tok("p", 1)
		return true
	case '`':
		x.tok("s2", 1)
		x.push(jsTemplate)
		return true
	case '?':
		if len(r) > 1 && r[1] == '.' {
			x.tok("p", 2)
			return true
		}
		x.tok("p", 1)
		x.push(jsTernary)
		x.push(jsExprStart)
		return true
	case '@':
		x.tok("p", 1)
		x.tok("nd", words(r[1:]))
		x.push(jsExprStart)
		return true
	case '{', '}':
		x.tok("p", 1)
		x.push(jsStatement)
		return true
	}
	if n := jsIdent(r); n > 0 {
		w := r[:n]
		switch {
		case jsKeywords[w] || x.ts && tsKeywords[w]:
			x.tok("k", n)
			x.push(jsExprStart)
		case jsDeclarations[w] || x.ts && tsDeclarations[w]:
			x.tok("kd", n)
			x.push(jsExprStart)
		case jsReserved[w] || x.ts && tsReserved[w]:
			x.tok("kr", n)
		case jsConstants[w]:
			x.tok("kc", n)
		case jsBuiltins[w] || x.ts && tsBuiltins[w]:
			x.tok("nb", n)
		default:
			x.tok("nx", n)
		}
		return true
	}
	if isDigit(c) {
		x.jsNumber(r)
		return true
	}
	switch c {
	case '"':
		x.tok("dl", 1)
		x.push(jsDQ)
		return true
	case '\'':
		x.tok("dl", 1)
		x.push(jsSQ)
		return true
	case ':':
		x.tok("p", 1)
		return true
	}
	return false
}

// jsShebang matches /\A\s*#!.*?\n/m at the current position.
func jsShebang(r string) int {
	s := spaces(r)
	if !has(r[s:], "#!") {
		return 0
	}
	if i := indexOf(r[s+2:], "\n"); i >= 0 {
		return s + 2 + i + 1
	}
	return 0
}

// jsOperator matches Rouge's two operator rules.
func jsOperator(r string) int {
	for _, op := range [...]string{"++", "--", "~", "??=", "??", "&&", "||", "<<", ">>>", ">>", "===", "!=="} {
		if has(r, op) {
			return len(op)
		}
	}
	if r[0] == '\\' && len(r) > 1 && r[1] == '\n' {
		return 1
	}
	switch r[0] {
	case '-', '<', '>', '+', '*', '%', '&', '|', '^', '/', '!', '=':
		if len(r) > 1 && r[1] == '=' {
			return 2
		}
		return 1
	}
	return 0
}

func (x *jsLexer) jsNumber(r string) {
	d := digits(r)
	if d < len(r)-1 && r[d] == '.' && isDigit(r[d+1]) {
		n := d + 1 + digits(r[d+1:])
		if n+1 < len(r) && (r[n] == 'e' || r[n] == 'E') && isDigit(r[n+1]) {
			n += 1 + digits(r[n+1:])
		}
		if n < len(r) && (r[n] == 'f' || r[n] == 'd') {
			n++
		}
		x.tok("mf", n)
		return
	}
	if r[0] == '0' && len(r) > 2 {
		switch r[1] | 0x20 {
		case 'x':
			if n := runOf(r[2:], isHex); n > 0 {
				x.tok("mh", 2+n)
				return
			}
		case 'o':
			if isOctal(r[2]) {
				x.tok("mo", 3+runOf(r[3:], func(c byte) bool { return isOctal(c) || c == '_' }))
				return
			}
		case 'b':
			if r[2] == '0' || r[2] == '1' {
				x.tok("mb", 3+runOf(r[3:], func(c byte) bool { return c == '0' || c == '1' || c == '_' }))
				return
			}
		}
	}
	x.tok("mi", d)
}

// jsIdent is the length of /[\p{L}\p{Nl}$_][\p{Word}]*/.
func jsIdent(r string) int {
	if len(r) == 0 {
		return 0
	}
	i := 0
	if c := r[0]; c < 0x80 {
		if !isAlpha(c) && c != '$' && c != '_' {
			return 0
		}
		i = 1
	} else {
		ru, n := utf8.DecodeRuneInString(r)
		if !unicode.IsLetter(ru) && !unicode.Is(unicode.Nl, ru) {
			return 0
		}
		i = n
	}
	for i < len(r) {
		c := r[i]
		if c < 0x80 {
			if isWord(c) {
				i++
				continue
			}
			break
		}
		ru, n := utf8.DecodeRuneInString(r[i:])
		if !isUnicodeWord(ru) {
			break
		}
		i += n
	}
	return i
}

// isUnicodeWord is Onigmo's \p{Word}: letters, marks, decimal digits and
// connector punctuation.
func isUnicodeWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.Is(unicode.Nd, r) || unicode.Is(unicode.Pc, r) || unicode.Is(unicode.Nl, r)
}
