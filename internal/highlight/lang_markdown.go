package highlight

import "strings"

// Rouge's Markdown lexer, with fenced code handed to the lexer of its
// language (our lexers only: a language we do not lex shows as Rouge's
// fallback, a backtick string).

const (
	mdRoot uint8 = iota
	mdLink
	mdURL
	mdTitle
	mdInlineTitle
	mdInlineURL
)

type markdownLexer struct {
	*lexer
	html *htmlLexer
}

func lexMarkdown(code string) []span {
	x := markdownLexer{lexer: newLexer(code)}
	x.drive(x.step)
	return x.toks
}

// edotUnit is the length of one unit of Rouge's "edot" (an escaped
// character, or any character but a backslash or a line break), or 0.
func edotUnit(r string) int {
	if len(r) == 0 || r[0] == '\n' {
		return 0
	}
	if r[0] == '\\' {
		if len(r) < 2 || r[1] == '\n' {
			return 0
		}
		_, n := decodeRune(r[1:])
		return 1 + n
	}
	_, n := decodeRune(r)
	return n
}

// lazyEdots finds the shortest run of at least min edot units after which
// end matches, returning the run's length, or -1.
func lazyEdots(r string, min int, end func(string) bool) int {
	i, k := 0, 0
	for {
		if k >= min && end(r[i:]) {
			return i
		}
		n := edotUnit(r[i:])
		if n == 0 {
			return -1
		}
		i += n
		k++
	}
}

// lineTail matches /\s*$/ and returns its length, or -1.
func lineTail(r string) int {
	s := spaces(r)
	if s == len(r) {
		return s
	}
	if j := lastNL(r[:s]); j >= 0 {
		return j
	}
	return -1
}

func (x *markdownLexer) delegateHTML(n int) {
	if x.html == nil {
		x.html = &htmlLexer{lexer: &lexer{s: x.s, stack: make([]uint8, 1, 8)}}
	}
	h := x.html
	h.p, h.start, h.end = x.p, x.p, x.p+n
	h.toks = h.toks[:0]
	h.drive(h.step)
	for _, t := range h.toks {
		x.emit(t.cls, int(t.a), int(t.b))
	}
	x.p += n
}

// codeLexer returns a lexer for a fence's info string: Rouge's find_fancy
// with a plain backtick string for languages it does not find.
func codeLexer(info string) func(string) []span {
	name := strings.TrimSpace(info)
	if name == "" {
		return lexPlain
	}
	if l := FindFancy(name, ""); l != nil {
		return l.lex
	}
	return func(code string) []span {
		if code == "" {
			return nil
		}
		return []span{{"sb", 0, int32(len(code))}}
	}
}

func (x *markdownLexer) step() bool {
	r := x.rest()
	switch x.top() {
	case mdLink:
		if r[0] == '[' {
			if n := lazyEdots(r[1:], 0, func(s string) bool { return has(s, "]") }); n >= 0 {
				x.tok("p", 1)
				x.tok("ss", n)
				x.tok("p", 1)
				x.pop()
				return true
			}
		}
		if r[0] == '(' {
			x.tok("p", 1)
			x.push(mdInlineTitle)
			x.push(mdInlineURL)
			return true
		}
		if n := hspaces(r); n > 0 {
			x.tok("", n)
			return true
		}
		x.pop()
		return true
	case mdURL:
		return x.url(r)
	case mdInlineURL:
		if n := upTo(r, func(c byte) bool { return c == '<' || isSpace(c) || c == ')' }); n > 0 {
			x.tok("sx", n)
			x.pop()
			return true
		}
		if n := spaces(r); n > 0 {
			x.tok("", n)
			return true
		}
		return x.url(r)
	case mdTitle, mdInlineTitle:
		if x.top() == mdInlineTitle && r[0] == ')' {
			x.tok("p", 1)
			x.pop()
			return true
		}
		switch r[0] {
		case '"', '\'', '(':
			q := r[0]
			if q == '(' {
				q = ')'
			}
			if n := lazyEdots(r[1:], 0, func(s string) bool { return len(s) > 0 && s[0] == q }); n >= 0 {
				x.tok("nn", n+2)
				return true
			}
		}
		s := spaces(r)
		if s < len(r) && containsByte(`"'()`, r[s]) {
			x.tok("", s)
			return true
		}
		x.pop()
		return true
	}
	return x.root(r)
}

func (x *markdownLexer) url(r string) bool {
	if n := hspaces(r); n > 0 {
		x.tok("", n)
		return true
	}
	if r[0] == '<' {
		if n := lazyEdots(r[1:], 0, func(s string) bool { return has(s, ">") }); n >= 0 {
			x.tok("nt", 1)
			x.tok("sx", n)
			x.tok("nt", 1)
			x.pop()
			return true
		}
	}
	if n := upTo(r, isSpace); n > 0 {
		x.tok("sx", n)
		x.pop()
		return true
	}
	return false
}

func (x *markdownLexer) root(r string) bool {
	bol := x.bol()
	if has(r, "---") {
		if n := mdFrontMatter(r); n > 0 {
			x.sub(x.p, lexYAML(r[:n]))
			x.p += n
			return true
		}
	}
	if r[0] == '\\' && len(r) > 1 && r[1] != '\n' {
		_, n := decodeRune(r[1:])
		x.tok("se", 1+n)
		return true
	}
	if bol {
		if n := lineLen(r); n > 0 && n < len(r) && upTo(r[:n], func(c byte) bool { return isSpace(c) && c != ' ' }) == n {
			u := r[n+1:]
			for _, c := range [...]byte{'-', '='} {
				d := runOf(u, func(b byte) bool { return b == c })
				if d >= 2 && d < len(u) && u[d] == '\n' {
					if c == '-' {
						x.tok("gh", n+1+d+1)
					} else {
						x.tok("gu", n+1+d+1)
					}
					return true
				}
			}
		}
		if r[0] == '#' {
			if len(r) > 1 && r[1] != '#' {
				x.tok("gh", lineLen(r))
			} else {
				x.tok("gu", lineLen(r))
			}
			return true
		}
		if x.fenceOpen(r) {
			return true
		}
	}
	if has(r, "\n\n") {
		i := 2
		for {
			if has(r[i:], "    ") || has(r[i:], "\t") {
				w := 4
				if r[i] == '\t' {
					w = 1
				}
				if j := indexOf(r[i+w:], "\n"); j >= 0 {
					i += w + j + 1
					continue
				}
			}
			if has(r[i:], "\n") {
				i++
				continue
			}
			break
		}
		if i > 2 {
			x.tok("sb", i)
			return true
		}
	}
	if r[0] == '`' {
		if n := mdCodeSpan(r); n > 0 {
			x.tok("sb", n)
			return true
		}
	}
	if bol {
		for _, c := range [...]byte{'*', '-'} {
			if n := mdRule(r, c); n > 0 {
				x.tok("p", n)
				return true
			}
		}
		s := spaces(r)
		if s+1 < len(r) && containsByte("*+-", r[s]) && isSpace(r[s+1]) {
			x.tok("p", s+1)
			return true
		}
		if d := digits(r[s:]); d > 0 && s+d < len(r) && r[s+d] == '.' {
			x.tok("p", s+d+1)
			return true
		}
		if s < len(r) && r[s] == '>' {
			x.tok("gt", s+lineLen(r[s:]))
			return true
		}
		if s < len(r) && r[s] == '[' {
			if n := lazyEdots(r[s+1:], 1, func(t string) bool {
				if !has(t, "]") {
					return false
				}
				u := spaces(t[1:])
				return 1+u < len(t) && t[1+u] == ':'
			}); n >= 0 {
				u := spaces(r[s+1+n+1:])
				x.tok("", s)
				x.tok("p", 1)
				x.tok("ss", n)
				x.tok("p", 1)
				x.tok("", u)
				x.tok("p", 1)
				x.push(mdTitle)
				x.push(mdURL)
				return true
			}
		}
	}
	if r[0] == '[' || has(r, "![") {
		b := 1
		if r[0] == '!' {
			b = 2
		}
		closeAt := func(s string) bool {
			return has(s, "]") && len(s) > 1 && (s[1] == '[' || s[1] == '(')
		}
		n := lazyEdots(r[b:], 0, closeAt)
		if n < 0 {
			// /[^\]]*?/: the first "]" decides
			if j := indexOf(r[b:], "]"); j >= 0 && closeAt(r[b+j:]) {
				n = j
			}
		}
		if n >= 0 {
			x.tok("p", b)
			x.tok("nv", n)
			x.tok("p", 1)
			x.push(mdLink)
			return true
		}
	}
	switch r[0] {
	case '*', '_':
		c := r[0]
		if len(r) > 1 && r[1] == c {
			if n := lazyEdots(r[2:], 0, func(s string) bool { return len(s) > 1 && s[0] == c && s[1] == c }); n >= 0 {
				x.tok("gs", n+4)
				return true
			}
		}
		if n := lazyEdots(r[1:], 0, func(s string) bool { return len(s) > 0 && s[0] == c }); n >= 0 {
			x.tok("ge", n+2)
			return true
		}
	case '<':
		if n := mdAutoMail(r); n > 0 {
			x.tok("nv", n)
			return true
		}
		for _, p := range [...]string{"http://", "https://", "mailto://", "ftp://"} {
			if has(r[1:], p) {
				if n := lazyEdots(r[1+len(p):], 0, func(s string) bool { return has(s, ">") }); n >= 0 {
					x.tok("nv", 1+len(p)+n+1)
					return true
				}
			}
		}
	}
	if n := upTo(r, func(c byte) bool { return containsByte("\\`[*\n&<", c) }); n > 0 {
		x.tok("", n)
		return true
	}
	switch r[0] {
	case '&':
		n := 1 + upTo(r[1:], isSpace)
		if j := strings.LastIndexByte(r[:n], ';'); j > 0 {
			x.delegateHTML(j + 1)
			return true
		}
		x.tok("", 1)
		return true
	case '<':
		if n := lazyEdots(r[1:], 0, func(s string) bool { return has(s, ">") }); n >= 0 {
			x.delegateHTML(n + 2)
			return true
		}
		x.tok("", 1)
		return true
	case '[', '\n':
		x.tok("", 1)
		return true
	}
	return false
}

// mdFrontMatter matches /\A(---\s*\n.*?\n?)^(---\s*$\n?)/m.
func mdFrontMatter(r string) int {
	w := spaces(r[3:])
	for nl := lastNL(r[3 : 3+w]); nl >= 0; nl = lastNL(r[3 : 3+nl]) {
		b := 3 + nl + 1
		for l := b; l <= len(r); {
			if has(r[l:], "---") {
				if t := lineTailNL(r[l+3:]); t >= 0 {
					return l + 3 + t
				}
			}
			j := indexOf(r[l:], "\n")
			if j < 0 {
				break
			}
			l += j + 1
		}
	}
	return 0
}

// lineTailNL matches /\s*$\n?/.
func lineTailNL(r string) int {
	s := spaces(r)
	if s == len(r) {
		return s
	}
	if j := lastNL(r[:s]); j >= 0 {
		return j + 1
	}
	if s == 0 && len(r) > 0 && r[0] == '\n' {
		return 1
	}
	return -1
}

// mdRule matches /^(\s*[c]){3,}\s*$/.
func mdRule(r string, c byte) int {
	var ends []int
	i := 0
	for {
		s := spaces(r[i:])
		if i+s < len(r) && r[i+s] == c {
			i += s + 1
			ends = append(ends, i)
			continue
		}
		break
	}
	for k := len(ends) - 1; k >= 2; k-- {
		if t := lineTail(r[ends[k]:]); t >= 0 {
			return ends[k] + t
		}
	}
	return 0
}

// mdCodeSpan matches /(`+)(?:\\.|[^\\\n]|\n)+?\1/.
func mdCodeSpan(r string) int {
	run := runOf(r, func(c byte) bool { return c == '`' })
	for k := run; k >= 1; k-- {
		fence := r[:k]
		i := k
		for {
			var n int
			if i < len(r) && r[i] == '\n' {
				n = 1
			} else {
				n = edotUnit(r[i:])
			}
			if n == 0 {
				break
			}
			i += n
			if has(r[i:], fence) {
				return i + k
			}
		}
	}
	return 0
}

// mdAutoMail matches /<.*?@.+[.].+>/ on one line.
func mdAutoMail(r string) int {
	line := r[:lineLen(r)]
	a := strings.IndexByte(line[1:], '@')
	if a < 0 {
		return 0
	}
	a++
	for g := len(line) - 1; g > a; g-- {
		if line[g] != '>' {
			continue
		}
		if a+2 <= g-2 && strings.IndexByte(line[a+2:g-1], '.') >= 0 {
			return g + 1
		}
	}
	return 0
}

// fenceOpen matches the fenced code rule at the start of a line.
func (x *markdownLexer) fenceOpen(r string) bool {
	ind := hspaces(r)
	c := byte(0)
	if ind < len(r) {
		c = r[ind]
	}
	if c != '`' && c != '~' {
		return false
	}
	f := runOf(r[ind:], func(b byte) bool { return b == c })
	if f < 3 {
		return false
	}
	info := lineLen(r[ind+f:])
	if ind+f+info >= len(r) {
		return false
	}
	fence := r[ind : ind+f]
	head := ind + f + info + 1
	closing := "\n" + r[:ind] + fence
	lex := codeLexer(r[ind+f : ind+f+info])
	x.tok("", ind)
	x.tok("p", f)
	x.tok("nl", info+1)
	if j := indexOf(r[head:], closing); j >= 0 {
		x.sub(x.p, lex(r[head:head+j]))
		x.p += j
		x.tok("", 1+ind)
		x.tok("p", f)
		return true
	}
	// No closing fence with the same indent: Rouge lexes the following
	// lines with the code's lexer until a line that starts with the fence
	// (at any indent). It continues its lexer line by line; we lex the
	// lines as one text, which differs only for rules that would match
	// across a line break.
	end := head
	for end < len(r) {
		i := hspaces(r[end:])
		if has(r[end+i:], fence) {
			break
		}
		n := lineLen(r[end:])
		if end+n == len(r) {
			break
		}
		end += n + 1
	}
	x.sub(x.p, lex(r[head:end]))
	x.p += end - head
	if end < len(r) {
		i := hspaces(r[end:])
		if has(r[end+i:], fence) {
			x.tok("", i)
			x.tok("p", f)
			return true
		}
		// a last line without a line break matches no rule there
		for x.p < x.end {
			x.errChar()
		}
	}
	return true
}
