package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Hand-written matchers for kramdown's regular expressions. Each takes the
// source and a position and reports where the match ends (-1: no match).
// Ruby's \s is ASCII whitespace and its \w is ASCII; [[:alpha:]] and \b are
// Unicode-aware. A position is always treated as a line start, as Ruby's
// StringScanner does for ^ at the scan pointer.

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isUniWord is a word character as Ruby's \b and \p{Word} see it.
func isUniWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Pc, r)
}

func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	if s[i] < utf8.RuneSelf {
		return rune(s[i]), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func runeBefore(s string, i int) (rune, int) {
	if i <= 0 {
		return utf8.RuneError, 0
	}
	if s[i-1] < utf8.RuneSelf {
		return rune(s[i-1]), 1
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

func lineEnd(s string, i int) int {
	if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(s)
}

// nextLine is the position after the line starting at i (past its newline),
// or -1 when the line has no newline.
func nextLine(s string, i int) int {
	if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return -1
}

// optSpace skips up to n spaces.
func optSpace(s string, i, n int) int {
	for k := 0; k < n && i < len(s) && s[i] == ' '; k++ {
		i++
	}
	return i
}

// blankLines matches (?>^\s*\n)+.
func blankLines(s string, i int) int {
	end := -1
	for ; i < len(s) && isSpace(s[i]); i++ {
		if s[i] == '\n' {
			end = i + 1
		}
	}
	return end
}

// wsToNewline matches \s*?\n: blanks up to the first newline.
func wsToNewline(s string, i int) int {
	for ; i < len(s); i++ {
		if s[i] == '\n' {
			return i + 1
		}
		if !isSpace(s[i]) {
			return -1
		}
	}
	return -1
}

// hspaceToNewline matches [ \t]*\n.
func hspaceToNewline(s string, i int) int {
	for ; i < len(s) && (s[i] == ' ' || s[i] == '\t'); i++ {
	}
	if i < len(s) && s[i] == '\n' {
		return i + 1
	}
	return -1
}

// eobMarker matches ^\^\s*?\n.
func eobMarker(s string, i int) int {
	if i < len(s) && s[i] == '^' {
		return wsToNewline(s, i+1)
	}
	return -1
}

// aldBody matches (ALD_ANY_CHARS+)\} starting at i followed by what tail
// accepts, trying terminators as the backtracking regexp would: the first
// unescaped brace, then escaped ones from the right. It returns the content
// and the end of the tail.
func aldBody(s string, i int, min int, tail func(int) int) (string, int) {
	var escaped []int
	j := i
	for j < len(s) {
		if s[j] == '\\' && j+1 < len(s) && s[j+1] == '}' {
			escaped = append(escaped, j+1)
			j += 2
			continue
		}
		if s[j] == '}' {
			break
		}
		j++
	}
	try := func(b int) (string, int) {
		if b-i < min || b >= len(s) || s[b] != '}' {
			return "", -1
		}
		if e := tail(b + 1); e >= 0 {
			return s[i:b], e
		}
		return "", -1
	}
	if c, e := try(j); e >= 0 {
		return c, e
	}
	for k := len(escaped) - 1; k >= 0; k-- {
		if c, e := try(escaped[k]); e >= 0 {
			return c, e
		}
	}
	return "", -1
}

func anyTail(i int) int { return i }

// ialBlock matches IAL_BLOCK_START: ^ {0,3}\{:(?!:|/)(ALD_ANY_CHARS+)\}\s*?\n.
func ialBlock(s string, i int) (string, int) {
	i = optSpace(s, i, 3)
	if !strings.HasPrefix(s[i:], "{:") || i+2 >= len(s) || s[i+2] == ':' || s[i+2] == '/' {
		return "", -1
	}
	return aldBody(s, i+2, 1, func(k int) int { return wsToNewline(s, k) })
}

// aldIDName matches \w[\w-]* and returns its end.
func aldIDName(s string, i int) int {
	if i >= len(s) || !isWordByte(s[i]) {
		return -1
	}
	i++
	for i < len(s) && (isWordByte(s[i]) || s[i] == '-') {
		i++
	}
	return i
}

func isNameStart(r rune) bool {
	return r == '_' || unicode.IsLetter(r)
}

func isNameChar(r rune) bool {
	return r == '-' || r == '.' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r) || unicode.Is(unicode.M, r) || r == 0xB7
}

// ncname matches an XML NCName.
func ncname(s string, i int) int {
	r, n := runeAt(s, i)
	if n == 0 || !isNameStart(r) {
		return -1
	}
	i += n
	for {
		r, n = runeAt(s, i)
		if n == 0 || !isNameChar(r) {
			return i
		}
		i += n
	}
}

// uname matches REXML's UNAME_STR: an optional prefix and a name.
func uname(s string, i int) int {
	e := ncname(s, i)
	if e < 0 {
		return -1
	}
	if e < len(s) && s[e] == ':' {
		if e2 := ncname(s, e+1); e2 >= 0 {
			return e2
		}
	}
	return e
}

var lazyEndSpanElements = []string{"a", "abbr", "acronym", "b", "big", "bdo", "br", "button", "cite", "code", "del", "dfn", "em", "i", "img", "input",
	"ins", "kbd", "label", "mark", "option", "q", "rb", "rbc", "rp", "rt", "rtc", "ruby", "samp", "select", "small",
	"span", "strong", "sub", "sup", "tt", "u", "var", "script"}

// spanElementPrefix reports whether s[i:] starts with a span element name
// followed by a word boundary.
func spanElementPrefix(s string, i int) bool {
	for _, n := range lazyEndSpanElements {
		if strings.HasPrefix(s[i:], n) {
			r, w := runeAt(s, i+len(n))
			if w == 0 || !isUniWord(r) {
				return true
			}
		}
	}
	return false
}

// lazyEndHTML matches ^ {0,3}LAZY_END_HTML_STOP or ^ {0,3}LAZY_END_HTML_START.
func lazyEndHTML(s string, i int, maxIndent int) bool {
	i = optSpace(s, i, maxIndent)
	if i >= len(s) || s[i] != '<' {
		return false
	}
	i++
	if i < len(s) && s[i] == '/' {
		i++
		if spanElementPrefix(s, i) {
			return false
		}
		e := uname(s, i)
		if e < 0 {
			return false
		}
		for e < len(s) && isSpace(s[e]) {
			e++
		}
		return e < len(s) && s[e] == '>'
	}
	if spanElementPrefix(s, i) {
		return false
	}
	return uname(s, i) >= 0
}

// lazyEnd is LAZY_END: blank line, IAL, EOB marker, HTML tag line or end.
func lazyEnd(s string, i int) bool {
	if i >= len(s) || i == len(s)-1 && s[i] == '\n' {
		return true
	}
	if blankLines(s, i) >= 0 || eobMarker(s, i) >= 0 {
		return true
	}
	if _, e := ialBlock(s, i); e >= 0 {
		return true
	}
	return lazyEndHTML(s, i, 3)
}

// listStart matches LIST_START_UL or LIST_START_OL with at most maxIndent
// leading spaces; it returns the end of the marker and the end of the line.
func listStart(s string, i int, maxIndent int, ul, ol bool) (kind etype, markerEnd, end int) {
	j := optSpace(s, i, maxIndent)
	if j >= len(s) {
		return 0, -1, -1
	}
	switch c := s[j]; {
	case ul && (c == '+' || c == '*' || c == '-'):
		kind = eUL
		j++
	case ol && isDigit(c):
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j >= len(s) || s[j] != '.' {
			return 0, -1, -1
		}
		kind = eOL
		j++
	default:
		return 0, -1, -1
	}
	if j >= len(s) || (s[j] != '\t' && s[j] != '|' && s[j] != ' ') {
		return 0, -1, -1
	}
	e := nextLine(s, j+1)
	if e < 0 {
		return 0, -1, -1
	}
	return kind, j, e
}

// defStart matches DEFINITION_LIST_START with at most maxIndent spaces.
func defStart(s string, i int, maxIndent int) (markerEnd, end int) {
	j := optSpace(s, i, maxIndent)
	if j >= len(s) || s[j] != ':' {
		return -1, -1
	}
	j++
	if j >= len(s) || (s[j] != '\t' && s[j] != '|' && s[j] != ' ') {
		return -1, -1
	}
	e := nextLine(s, j+1)
	if e < 0 {
		return -1, -1
	}
	return j, e
}

// atxStart matches the GFM ATX_HEADER_START: ^(#{1,6})[\t ]+(.*)\n.
func atxStart(s string, i int) (level, contentStart, end int) {
	j := i
	for j < len(s) && s[j] == '#' && j-i < 7 {
		j++
	}
	level = j - i
	if level < 1 || level > 6 || j >= len(s) || (s[j] != ' ' && s[j] != '\t') {
		return 0, -1, -1
	}
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	e := nextLine(s, j)
	if e < 0 {
		return 0, -1, -1
	}
	return level, j, e
}

func blockquoteStart(s string, i int) int {
	j := optSpace(s, i, 3)
	if j < len(s) && s[j] == '>' {
		j++
		if j < len(s) && s[j] == ' ' {
			j++
		}
		return j
	}
	return -1
}

func fenceStart(s string, i int) bool {
	j := optSpace(s, i, 3)
	n := 0
	for j < len(s) && (s[j] == '~' || s[j] == '`') {
		j++
		n++
	}
	return n >= 3
}

// paragraphEnd is the GFM parser's PARAGRAPH_END with the paragraph_end quirk.
func paragraphEnd(s string, i int) bool {
	if lazyEnd(s, i) {
		return true
	}
	if _, _, e := listStart(s, i, 3, true, true); e >= 0 {
		return true
	}
	if _, _, e := atxStart(s, i); e >= 0 {
		return true
	}
	if _, e := defStart(s, i, 3); e >= 0 {
		return true
	}
	return blockquoteStart(s, i) >= 0 || fenceStart(s, i)
}

// hrLine matches HR_START.
func hrLine(s string, i int) int {
	j := optSpace(s, i, 3)
	if j >= len(s) {
		return -1
	}
	c := s[j]
	if c != '*' && c != '-' && c != '_' {
		return -1
	}
	n := 0
	for ; j < len(s) && s[j] != '\n'; j++ {
		switch s[j] {
		case c:
			n++
		case ' ', '\t':
		default:
			return -1
		}
	}
	if n < 3 || j >= len(s) {
		return -1
	}
	return j + 1
}

// rstrip is Ruby's String#rstrip (whitespace and NUL).
func rstrip(s string) string {
	return strings.TrimRight(s, " \t\n\v\f\r\x00")
}

// lstrip is Ruby's String#lstrip.
func lstrip(s string) string {
	return strings.TrimLeft(s, " \t\n\v\f\r\x00")
}

func strip(s string) string { return lstrip(rstrip(s)) }

func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isSpace(s[i]) {
			return false
		}
	}
	return true
}
