package sitediff

import (
	"html"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The normalisation follows ../shared/tools/sitediff (Python's html.parser
// driven by a small handler) closely enough that both tools give the same
// verdict on the same pair of files: the Go test and the CI tool must never
// disagree about whether Broadsheet matches Jekyll.

// verbatim elements keep their text exactly; the others have whitespace
// collapsed because a browser renders it that way.
var verbatim = map[string]bool{"pre": true, "textarea": true, "script": true, "style": true}

// void elements never get pushed on the open-element stack, so a stray
// </br> or an unclosed <img> cannot make later text look verbatim.
var void = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true,
}

// Values that change on every build, or name the generator, are masked so
// they never count as differences.
var (
	timeRx      = regexp.MustCompile(`[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([+-][0-9]{2}:?[0-9]{2}|Z)?`)
	generatorRx = regexp.MustCompile(`(?i)(jekyll|broadsheet|hugo)( v?[0-9]+(\.[0-9]+)*)?`)
)

func mask(s string) string {
	if strings.IndexByte(s, '-') >= 0 {
		s = timeRx.ReplaceAllLiteralString(s, "<TIME>")
	}
	return generatorRx.ReplaceAllLiteralString(s, "<GENERATOR>")
}

// Kind says how a file is compared, from its extension.
type Kind int

const (
	// Binary files are compared byte for byte.
	Binary Kind = iota
	// Markup (HTML, XML, SVG, feeds) is compared as a stream of normalised tokens.
	Markup
	// Stylesheet files are compared with all whitespace collapsed.
	Stylesheet
	// Lines files (JSON, text, JavaScript) are compared line by line, masked.
	Lines
)

// KindOf returns how a file with this name is compared.
func KindOf(name string) Kind {
	switch strings.ToLower(extension(name)) {
	case ".html", ".htm", ".xml", ".xhtml", ".atom", ".rss", ".svg":
		return Markup
	case ".css":
		return Stylesheet
	case ".json", ".txt", ".js":
		return Lines
	}
	return Binary
}

// extension is Python's os.path.splitext extension: leading dots of the
// base name do not start one, so ".html" alone has none (and is bytes).
func extension(name string) string {
	base := strings.TrimLeft(path.Base(filepath.ToSlash(name)), ".")
	if i := strings.LastIndexByte(base, '.'); i >= 0 {
		return base[i:]
	}
	return ""
}

// Normalize returns the units a file named name is compared by: tokens for
// markup, one collapsed line for CSS, masked lines for text, and the raw
// bytes as a single unit for anything else. Two files match when their units
// are equal.
func Normalize(name string, data []byte) []string {
	switch KindOf(name) {
	case Markup:
		return normalizeMarkup(decode(data))
	case Stylesheet:
		return []string{mask(collapse(decode(data)))}
	case Lines:
		lines := splitLines(decode(data))
		for i, l := range lines {
			lines[i] = mask(l)
		}
		return lines
	}
	return []string{string(data)}
}

// decode reads bytes as UTF-8, replacing invalid bytes as Python's
// errors="replace" does.
func decode(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			sb.WriteRune(utf8.RuneError)
		} else {
			sb.Write(b[:n])
		}
		b = b[n:]
	}
	return sb.String()
}

// isSpace is Python's str.isspace, which is what \s and strip() use there:
// Go's unicode.IsSpace plus the four ASCII separators U+001C..U+001F.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// collapse replaces each run of whitespace by one space and trims the ends.
func collapse(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	pending := false
	for _, r := range s {
		if isSpace(r) {
			pending = sb.Len() > 0
			continue
		}
		if pending {
			sb.WriteByte(' ')
			pending = false
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// splitLines splits at the line boundaries Python's str.splitlines knows.
func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '\n', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
			out = append(out, s[start:i])
			start = i + n
		case '\r':
			out = append(out, s[start:i])
			if i+1 < len(s) && s[i+1] == '\n' {
				n = 2
			}
			start = i + n
		}
		i += n
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
var attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#x27;")

// normalizer receives tokens and writes the normalised stream.
type normalizer struct {
	out   []string
	stack []string
	text  strings.Builder
}

func (n *normalizer) inVerbatim() bool {
	for _, t := range n.stack {
		if verbatim[t] {
			return true
		}
	}
	return false
}

func (n *normalizer) flush() {
	if n.text.Len() == 0 {
		return
	}
	t := n.text.String()
	n.text.Reset()
	if n.inVerbatim() {
		n.out = append(n.out, mask(t))
		return
	}
	if t = collapse(t); t != "" {
		n.out = append(n.out, mask(textEscaper.Replace(t)))
	}
}

type attr struct {
	name, value string
	hasValue    bool
}

func (n *normalizer) tag(name string, attrs []attr) {
	n.flush()
	var sb strings.Builder
	sb.WriteByte('<')
	sb.WriteString(name)
	sortAttrs(attrs)
	for _, a := range attrs {
		sb.WriteByte(' ')
		sb.WriteString(a.name)
		if a.hasValue {
			sb.WriteString(`="`)
			sb.WriteString(mask(attrEscaper.Replace(collapse(a.value))))
			sb.WriteByte('"')
		}
	}
	sb.WriteByte('>')
	n.out = append(n.out, sb.String())
}

// sortAttrs orders attributes as Python sorts (name, value) tuples: by name,
// then a valueless attribute first (None never compares in Python, but
// duplicate valueless names are equal and keep their order).
func sortAttrs(a []attr) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && attrLess(a[j], a[j-1]); j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func attrLess(x, y attr) bool {
	if x.name != y.name {
		return x.name < y.name
	}
	if x.hasValue != y.hasValue {
		return !x.hasValue
	}
	return x.value < y.value
}

func (n *normalizer) startTag(name string, attrs []attr) {
	n.tag(name, attrs)
	if !void[name] {
		n.stack = append(n.stack, name)
	}
}

func (n *normalizer) endTag(name string) {
	n.flush()
	if void[name] {
		return
	}
	n.out = append(n.out, "</"+name+">")
	for i := len(n.stack) - 1; i >= 0; i-- {
		if n.stack[i] == name {
			n.stack = n.stack[:i]
			break
		}
	}
}

func (n *normalizer) comment(data string) {
	n.flush()
	n.out = append(n.out, "<!--"+mask(collapse(data))+"-->")
}

func (n *normalizer) decl(data string) {
	n.flush()
	n.out = append(n.out, "<!"+strings.ToLower(collapse(data))+">")
}

func (n *normalizer) pi(data string) {
	n.flush()
	n.out = append(n.out, "<?"+collapse(data)+">")
}

func (n *normalizer) unknownDecl(data string) {
	n.flush()
	n.out = append(n.out, "<!["+data+"]>")
}

func normalizeMarkup(s string) []string {
	n := &normalizer{}
	tokenize(s, n)
	n.flush()
	return n.out
}

// tokenize walks s the way Python's HTMLParser (convert_charrefs=True) does
// when fed a whole document and closed, calling n for each token. It is
// tolerant: any construct it cannot read becomes text.
func tokenize(s string, n *normalizer) {
	i := 0
	cdata := "" // inside <script> or <style>: raw text up to the matching end tag
	for i < len(s) {
		if cdata != "" {
			j, k := findCDATAEnd(s, i, cdata)
			if j < 0 {
				// Python keeps an unterminated script or style body
				// buffered and never reports it.
				return
			}
			if i < j {
				n.text.WriteString(s[i:j])
			}
			n.endTag(cdata)
			cdata = ""
			i = k
			continue
		}
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			n.text.WriteString(html.UnescapeString(s[i:]))
			return
		}
		j += i
		if i < j {
			n.text.WriteString(html.UnescapeString(s[i:j]))
		}
		i = j
		rest := s[i:]
		k := -1
		switch {
		case len(rest) > 1 && isASCIILetter(rest[1]):
			var startCDATA string
			k, startCDATA = parseStartTag(s, i, n)
			cdata = startCDATA
		case strings.HasPrefix(rest, "</"):
			k = parseEndTag(s, i, n)
		case strings.HasPrefix(rest, "<!--"):
			k = parseComment(s, i, n)
		case strings.HasPrefix(rest, "<?"):
			if e := strings.IndexByte(s[i+2:], '>'); e >= 0 {
				n.pi(s[i+2 : i+2+e])
				k = i + 2 + e + 1
			}
		case strings.HasPrefix(rest, "<!"):
			k = parseDeclaration(s, i, n)
		case len(rest) > 1:
			n.text.WriteByte('<')
			k = i + 1
		default:
			// A lone '<' at the very end is text.
			n.text.WriteByte('<')
			return
		}
		if k < 0 {
			// Unterminated construct at the end of input: Python reports
			// it as text up to the next '>' (or '<').
			if e := strings.IndexByte(s[i+1:], '>'); e >= 0 {
				k = i + 1 + e + 1
			} else if e := strings.IndexByte(s[i+1:], '<'); e >= 0 {
				k = i + 1 + e
			} else {
				k = i + 1
			}
			n.text.WriteString(html.UnescapeString(s[i:k]))
		}
		i = k
	}
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// isPyReSpace is \s for a single byte in the ASCII range; the parser's
// structural regular expressions only ever meet ASCII delimiters there.
func isPyReSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || (c >= 0x1c && c <= 0x1f)
}

// findCDATAEnd finds `</\s*name\s*>` (case-insensitive) from i, returning its
// start and end.
func findCDATAEnd(s string, i int, name string) (int, int) {
	for {
		j := strings.Index(s[i:], "</")
		if j < 0 {
			return -1, -1
		}
		j += i
		k := j + 2
		for k < len(s) && isPyReSpace(s[k]) {
			k++
		}
		if k+len(name) <= len(s) && strings.EqualFold(s[k:k+len(name)], name) {
			k += len(name)
			for k < len(s) && isPyReSpace(s[k]) {
				k++
			}
			if k < len(s) && s[k] == '>' {
				return j, k + 1
			}
		}
		i = j + 2
	}
}

// tagNameEnd returns the end of a tag name starting at i:
// [a-zA-Z][^\t\n\r\f />\x00]*.
func tagNameEnd(s string, i int) int {
	k := i + 1
	for k < len(s) {
		switch s[k] {
		case '\t', '\n', '\r', '\f', ' ', '/', '>', 0:
			return k
		}
		k++
	}
	return k
}

// parseStartTag reads a start tag at s[i] ('<' then a letter). It returns the
// index after the tag (-1 if the input ends inside it) and, for script and
// style, the element whose raw text follows.
func parseStartTag(s string, i int, n *normalizer) (int, string) {
	nameEnd := tagNameEnd(s, i+1)
	name := strings.ToLower(s[i+1 : nameEnd])
	k := nameEnd
	var attrs []attr
	skipSep := func() {
		for k < len(s) && (isPyReSpace(s[k]) || (s[k] == '/' && (k+1 >= len(s) || s[k+1] != '>'))) {
			k++
		}
	}
	skipSep()
	for k < len(s) && s[k] != '>' && !(s[k] == '/' && k+1 < len(s) && s[k+1] == '>') {
		// An attribute name must follow a quote, whitespace or '/'.
		prev := s[k-1]
		if !(prev == '\'' || prev == '"' || prev == '/' || isPyReSpace(prev)) {
			break
		}
		a := k
		k++
		for k < len(s) && !isPyReSpace(s[k]) && s[k] != '/' && s[k] != '=' && s[k] != '>' {
			k++
		}
		at := attr{name: strings.ToLower(s[a:k])}
		// value indicator: \s*=+\s*
		v := k
		for v < len(s) && isPyReSpace(s[v]) {
			v++
		}
		if v < len(s) && s[v] == '=' {
			for v < len(s) && s[v] == '=' {
				v++
			}
			for v < len(s) && isPyReSpace(s[v]) {
				v++
			}
			var raw string
			switch {
			case v < len(s) && (s[v] == '"' || s[v] == '\''):
				e := strings.IndexByte(s[v+1:], s[v])
				if e < 0 {
					return -1, ""
				}
				raw = s[v+1 : v+1+e]
				v = v + 1 + e + 1
			default:
				b := v
				for v < len(s) && s[v] != '>' && !isPyReSpace(s[v]) {
					v++
				}
				raw = s[b:v]
			}
			at.hasValue = true
			at.value = html.UnescapeString(raw)
			k = v
		}
		attrs = append(attrs, at)
		skipSep()
	}
	switch {
	case k < len(s) && s[k] == '>':
		n.startTag(name, attrs)
		if name == "script" || name == "style" {
			return k + 1, name
		}
		return k + 1, ""
	case k+1 < len(s) && s[k] == '/' && s[k+1] == '>':
		// <x/>: the tag alone, with nothing pushed and no end tag.
		n.tag(name, attrs)
		return k + 2, ""
	case k >= len(s):
		return -1, ""
	}
	// Junk Python's tolerant pattern could not read (such as a bare quote):
	// the whole thing up to '>' is text.
	e := strings.IndexByte(s[k:], '>')
	if e < 0 {
		return -1, ""
	}
	n.text.WriteString(html.UnescapeString(s[i : k+e+1]))
	return k + e + 1, ""
}

func parseEndTag(s string, i int, n *normalizer) int {
	gt := strings.IndexByte(s[i+1:], '>')
	if gt < 0 {
		return -1
	}
	gt += i + 1
	inner := s[i+2 : gt]
	// </ name >, with whitespace allowed on both sides of a plain name.
	if name := strings.TrimFunc(inner, isASCIISpaceRune); validEndName(name) {
		n.endTag(strings.ToLower(name))
		return gt + 1
	}
	if inner == "" {
		return gt + 1 // "</>" is dropped
	}
	if !isASCIILetter(inner[0]) {
		n.comment(inner) // a bogus comment, like </3>
		return gt + 1
	}
	// </name junk>: the name counts, the rest is ignored.
	n.endTag(strings.ToLower(s[i+2 : tagNameEnd(s, i+2)]))
	return gt + 1
}

func isASCIISpaceRune(r rune) bool { return r < 0x80 && isPyReSpace(byte(r)) }

// validEndName is [a-zA-Z][-.a-zA-Z0-9:_]*.
func validEndName(s string) bool {
	if s == "" || !isASCIILetter(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !(isASCIILetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ':' || c == '_') {
			return false
		}
	}
	return true
}

func parseComment(s string, i int, n *normalizer) int {
	k := i + 4
	for {
		j := strings.Index(s[k:], "--")
		if j < 0 {
			return -1
		}
		j += k
		e := j + 2
		for e < len(s) && isPyReSpace(s[e]) {
			e++
		}
		if e < len(s) && s[e] == '>' {
			n.comment(s[i+4 : j])
			return e + 1
		}
		k = j + 1
	}
}

var markedSectionEnd = regexp.MustCompile(`\][ \t\n\r\f\v]*\][ \t\n\r\f\v]*>`)
var msMarkedSectionEnd = regexp.MustCompile(`\][ \t\n\r\f\v]*>`)

func parseDeclaration(s string, i int, n *normalizer) int {
	rest := s[i:]
	switch {
	case strings.HasPrefix(rest, "<!["):
		// <![CDATA[...]]> and friends; Python reports the inside verbatim.
		j := i + 3
		for j < len(s) && (isASCIILetter(s[j]) || (s[j] >= '0' && s[j] <= '9') || s[j] == '-' || s[j] == '.' || s[j] == '_') {
			j++
		}
		sect := strings.ToLower(s[i+3 : j])
		rx := markedSectionEnd
		if sect == "if" || sect == "else" || sect == "endif" {
			rx = msMarkedSectionEnd
		}
		loc := rx.FindStringIndex(s[i+3:])
		if loc == nil {
			return -1
		}
		n.unknownDecl(s[i+3 : i+3+loc[0]])
		return i + 3 + loc[1]
	case len(rest) >= 9 && strings.EqualFold(rest[:9], "<!doctype"):
		gt := strings.IndexByte(s[i+9:], '>')
		if gt < 0 {
			return -1
		}
		n.decl(s[i+2 : i+9+gt])
		return i + 9 + gt + 1
	}
	gt := strings.IndexByte(s[i+2:], '>')
	if gt < 0 {
		return -1
	}
	n.comment(s[i+2 : i+2+gt])
	return i + 2 + gt + 1
}
