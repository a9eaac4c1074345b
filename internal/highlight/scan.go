package highlight

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lexer is the state of one run of a hand-written lexer. Our lexers follow
// the structure of Rouge's RegexLexer (a stack of named states, each trying
// its rules in order at the current position) so that they split text where
// Rouge does, but each rule is a small scanner instead of a regular
// expression: Rouge's Onigmo patterns would need a backtracking engine,
// which is what made chroma slow.
//
// As in Rouge's StringScanner use, a rule only sees the text from the
// current position on: lookbehind never looks before it, and "^" only
// counts at the start of a line.
type lexer struct {
	s     string
	p     int
	start int // where "^" and \A match: the start of the text lexed
	end   int // the end of the text the rules see
	stack []uint8
	toks  []span
}

// span is a token as a class and a range of the source: Rouge's tokens are
// always pieces of the source, also when a lexer hands a piece to another.
type span struct {
	cls  string
	a, b int32
}

func newLexer(code string) *lexer {
	return &lexer{s: code, end: len(code), stack: make([]uint8, 1, 8), toks: make([]span, 0, len(code)/4+1)}
}

func (x *lexer) rest() string { return x.s[x.p:x.end] }

func (x *lexer) more() bool { return x.p < x.end }

// bol reports whether the position is at the start of a line.
func (x *lexer) bol() bool { return x.p == x.start || x.s[x.p-1] == '\n' }

// reset empties the state stack, as Rouge's Lexer#reset! does.
func (x *lexer) reset() { x.stack = x.stack[:1]; x.stack[0] = 0 }

// emit adds the token s[a:b], merging it into the previous one of the same
// class as Rouge's Lexer#continue_lex does; empty tokens are dropped.
func (x *lexer) emit(cls string, a, b int) {
	if a >= b {
		return
	}
	if n := len(x.toks); n > 0 && x.toks[n-1].cls == cls && x.toks[n-1].b == int32(a) {
		x.toks[n-1].b = int32(b)
		return
	}
	x.toks = append(x.toks, span{cls, int32(a), int32(b)})
}

// tok emits the next n bytes as cls.
func (x *lexer) tok(cls string, n int) {
	x.emit(cls, x.p, x.p+n)
	x.p += n
}

// errChar consumes one character as Rouge does when no rule matches.
func (x *lexer) errChar() {
	_, n := utf8.DecodeRuneInString(x.rest())
	x.tok("err", n)
}

func (x *lexer) top() uint8 { return x.stack[len(x.stack)-1] }

func (x *lexer) push(st uint8) { x.stack = append(x.stack, st) }

// pop leaves the current state; Rouge raises on an empty stack, which no
// rule of ours reaches, but the root state stays regardless.
func (x *lexer) pop() {
	if len(x.stack) > 1 {
		x.stack = x.stack[:len(x.stack)-1]
	}
}

func (x *lexer) popN(n int) {
	for ; n > 0; n-- {
		x.pop()
	}
}

func (x *lexer) goTo(st uint8) { x.stack[len(x.stack)-1] = st }

// sub emits the tokens another lexer found in s[off:...].
func (x *lexer) sub(off int, ts []span) {
	for _, t := range ts {
		x.emit(t.cls, off+int(t.a), off+int(t.b))
	}
}

// tokens gives the result as Tokens.
func (x *lexer) tokens() []Token {
	out := make([]Token, len(x.toks))
	for i, t := range x.toks {
		out[i] = Token{t.cls, x.s[t.a:t.b]}
	}
	return out
}

// Character classes as Ruby's Onigmo defines them for the ASCII escapes
// (\w, \d, \s are ASCII-only in Ruby).

func isWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// spaces is the length of /\s+/ at the start of r.
func spaces(r string) int {
	i := 0
	for i < len(r) && isSpace(r[i]) {
		i++
	}
	return i
}

// hspaces is the length of /[ \t]+/.
func hspaces(r string) int {
	i := 0
	for i < len(r) && (r[i] == ' ' || r[i] == '\t') {
		i++
	}
	return i
}

// spacesNoNL is the length of /[^\S\n]+/ (blanks other than line breaks).
func spacesNoNL(r string) int {
	i := 0
	for i < len(r) && isSpace(r[i]) && r[i] != '\n' {
		i++
	}
	return i
}

// lineLen is the length of /.*/ (up to the line break).
func lineLen(r string) int {
	for i := 0; i < len(r); i++ {
		if r[i] == '\n' {
			return i
		}
	}
	return len(r)
}

// lineLenNL is the length of /.*\n?/.
func lineLenNL(r string) int {
	n := lineLen(r)
	if n < len(r) {
		n++
	}
	return n
}

// words is the length of /\w+/.
func words(r string) int {
	i := 0
	for i < len(r) && isWord(r[i]) {
		i++
	}
	return i
}

// digits is the length of /\d+/.
func digits(r string) int {
	i := 0
	for i < len(r) && isDigit(r[i]) {
		i++
	}
	return i
}

// runOf is the length of the run of bytes for which ok holds.
func runOf(r string, ok func(byte) bool) int {
	i := 0
	for i < len(r) && ok(r[i]) {
		i++
	}
	return i
}

// wordAt reports whether r starts with w followed by a word boundary.
func wordAt(r, w string) bool {
	return len(r) >= len(w) && r[:len(w)] == w && boundary(r, len(w))
}

// wordCharAt reports whether r[i:] starts with a word character in the
// sense of Onigmo's \b, which, unlike its \w, counts Unicode letters,
// digits and marks.
func wordCharAt(r string, i int) bool {
	if i >= len(r) {
		return false
	}
	if r[i] < 0x80 {
		return isWord(r[i])
	}
	ru, _ := utf8.DecodeRuneInString(r[i:])
	return isUnicodeWord(ru)
}

// boundary reports whether a word ending at r[i] is followed by a \b.
func boundary(r string, i int) bool { return !wordCharAt(r, i) }

// bwords is the length of /\w+\b/: the ASCII word at the start of r, or 0
// if a Unicode word character follows it.
func bwords(r string) int {
	n := words(r)
	if n > 0 && !boundary(r, n) {
		return 0
	}
	return n
}

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// quoted is the length of a string from r[0] to the next unescaped r[0],
// /"(\\.|[^"\\])*"/, or 0 if it does not close. With noNL, a line break
// ends the search unmatched.
func quoted(r string, noNL bool) int {
	q := r[0]
	for i := 1; i < len(r); i++ {
		switch r[i] {
		case '\\':
			i++
		case q:
			return i + 1
		case '\n':
			if noNL {
				return 0
			}
		}
	}
	return 0
}

// has reports whether r starts with prefix.
func has(r, prefix string) bool { return len(r) >= len(prefix) && r[:len(prefix)] == prefix }

// upTo is the index of the first byte for which stop holds, or len(r).
func upTo(r string, stop func(byte) bool) int {
	for i := 0; i < len(r); i++ {
		if stop(r[i]) {
			return i
		}
	}
	return len(r)
}

// decodeRune is utf8.DecodeRuneInString, for "." matching one character.
func decodeRune(s string) (rune, int) { return utf8.DecodeRuneInString(s) }

// indexOf is strings.Index.
func indexOf(s, sub string) int { return strings.Index(s, sub) }

// unicodeIdent is the length of /[[:alpha:]_][[:alpha:][:digit:]_]*/ (with
// dollar, also '$'), letters and digits in Unicode's sense.
func unicodeIdent(r string, dollar bool) int {
	i := 0
	for i < len(r) {
		c := r[i]
		if c < 0x80 {
			if isAlpha(c) || c == '_' || dollar && c == '$' || i > 0 && isDigit(c) {
				i++
				continue
			}
			break
		}
		ru, n := utf8.DecodeRuneInString(r[i:])
		if !unicode.IsLetter(ru) && !(i > 0 && unicode.IsDigit(ru)) {
			break
		}
		i += n
	}
	return i
}

// unicodeIdentAlnum is the length of /[[:alpha:]_][[:alnum:]_]*/ in
// Unicode's sense of letters and digits.
func unicodeIdentAlnum(r string) int {
	if len(r) == 0 {
		return 0
	}
	c := r[0]
	if c < 0x80 {
		if !isAlpha(c) && c != '_' {
			return 0
		}
		return 1 + unicodeAlnumRun(r[1:])
	}
	ru, n := utf8.DecodeRuneInString(r)
	if !unicode.IsLetter(ru) {
		return 0
	}
	return n + unicodeAlnumRun(r[n:])
}

// unicodeAlnumRun is the length of /[[:alnum:]_]*/.
func unicodeAlnumRun(r string) int {
	i := 0
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
		if !unicode.IsLetter(ru) && !unicode.IsDigit(ru) && !unicode.Is(unicode.Mn, ru) && !unicode.Is(unicode.Mc, ru) && !unicode.Is(unicode.Nl, ru) {
			break
		}
		i += n
	}
	return i
}

// drive runs step until the text is used up. Like Rouge, a step that
// matches nothing, or the sixth step in a row that consumes nothing,
// yields one character as an error.
func (x *lexer) drive(step func() bool) {
	nulls := 0
	for x.more() {
		p := x.p
		ok := step()
		if ok && x.p == p {
			nulls++
			if nulls <= 5 {
				continue
			}
			ok = false
		} else if ok {
			nulls = 0
		}
		if !ok {
			x.errChar()
		}
	}
}

// eol reports whether r is at the end of a line ("$": before a line break
// or at the end of the text).
func eol(r string) bool { return len(r) == 0 || r[0] == '\n' }

// isLetterNumber is [\p{L}\p{Nl}\p{Nd}].
func isLetterNumber(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Nd, r)
}

// words_ makes a set from a space-separated list.
func words_(s string) map[string]bool { return set(strings.Fields(s)...) }
