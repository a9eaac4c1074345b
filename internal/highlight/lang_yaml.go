package highlight

// Rouge's YAML lexer, with its indentation bookkeeping.

const (
	yRoot uint8 = iota
	yIndentation
	yBlockLine
	yFlowSequence
	yFlowMapping
	yBlockScalarContent
	yBlockScalarHeader
	yIgnoredLine
	ySingle
	yDouble
	yPlainNewLine
	yPlainBlock
	yPlainFlow
	yYAMLDirective
	yTagDirective
)

type yamlLexer struct {
	*lexer
	indents     []int
	nextIndent  int
	blockIndent int // -1 when Rouge's @block_scalar_indent is nil
}

func lexYAML(code string) []span {
	x := yamlLexer{lexer: newLexer(code)}
	x.resetIndent()
	x.drive(x.step)
	return x.toks
}

func (x *yamlLexer) resetIndent() {
	x.indents = append(x.indents[:0], 0)
	x.nextIndent = 0
	x.blockIndent = -1
}

func (x *yamlLexer) indent() int { return x.indents[len(x.indents)-1] }

// saveIndent returns how much of the n spaces is text, the rest being an
// error (a dedent to a level that was never opened).
func (x *yamlLexer) saveIndent(n int) int {
	x.nextIndent = n
	if n < x.indent() {
		for len(x.indents) > 1 && n < x.indent() {
			x.indents = x.indents[:len(x.indents)-1]
		}
		if n < x.indent() {
			// Rouge pops its last level too and then fails; keep going
			return n
		}
		return x.indent()
	}
	return n
}

func (x *yamlLexer) setIndent(n int, implicit bool) {
	if x.indent() < x.nextIndent {
		x.indents = append(x.indents, x.nextIndent)
	}
	if !implicit {
		x.nextIndent += n
	}
}

func spaceRun(r string) int { return runOf(r, func(c byte) bool { return c == ' ' }) }

// isPlainStart is Rouge's plain_scalar_start character class.
func isPlainStart(c byte) bool {
	if isSpace(c) {
		return false
	}
	return !containsByte("?:,[]{}#&*!|>'\"%@`", c)
}

func (x *yamlLexer) step() bool {
	r := x.rest()
	switch x.top() {
	case yRoot:
		if r[0] == '#' {
			x.tok("c1", lineLen(r))
			return true
		}
		if r[0] == '\n' {
			x.tok("", runOf(r, func(c byte) bool { return c == '\n' }))
			return true
		}
		if s := spaceRun(r); s > 0 && (s == len(r) || r[s] == '#' || r[s] == '\n') {
			x.tok("", s)
			return true
		}
		if x.bol() {
			if r[0] == '%' {
				if wordAt(r, "%YAML") {
					x.tok("nt", 5)
					x.resetIndent()
					x.push(yYAMLDirective)
					return true
				}
				if wordAt(r, "%TAG") {
					x.tok("nt", 4)
					x.resetIndent()
					x.push(yTagDirective)
					return true
				}
			}
			if (has(r, "---") || has(r, "...")) && (len(r) == 3 || r[3] == ' ' || r[3] == '\n') {
				x.tok("nn", 3)
				x.resetIndent()
				x.push(yBlockLine)
				return true
			}
		}
		// /[ ]*(?!\s|$)/
		s := spaceRun(r)
		if s < len(r) && !isSpace(r[s]) {
			t := x.saveIndent(s)
			x.tok("", t)
			x.tok("err", s-t)
			x.push(yBlockLine)
			x.push(yIndentation)
			return true
		}
		return false
	case yIndentation:
		// /\s*?\n/
		if i := upTo(r, func(c byte) bool { return !isSpace(c) || c == '\n' }); i < len(r) && r[i] == '\n' {
			x.tok("", i+1)
			x.popN(2)
			return true
		}
		s := spaceRun(r)
		if s > 0 && s < len(r) && yIndicator(r[s:]) {
			x.tok("", s)
			x.nextIndent += s
			return true
		}
		if yIndicator(r) {
			x.setIndent(1, false)
			x.tok("pi", 1)
			return true
		}
		x.tok("", s)
		x.nextIndent += s
		x.pop()
		return true
	case yBlockLine:
		s := spaceRun(r)
		if s == len(r) || r[s] == '#' || r[s] == '\n' {
			x.tok("", s)
			x.pop()
			return true
		}
		if s > 0 {
			x.tok("", s)
			return true
		}
		if x.descriptors(r) {
			return true
		}
		// block nodes
		if n := upTo(r, func(c byte) bool { return containsByte("#,:?[]{}\"'\n", c) }); n > 0 && n < len(r) && r[n] == ':' && (n+1 == len(r) || isSpace(r[n+1])) {
			x.tok("na", n)
			x.tok("pi", 1)
			x.setIndent(0, true)
			return true
		}
		if r[0] == '|' || r[0] == '>' {
			n := 1
			if len(r) > 1 && (r[1] == '+' || r[1] == '-') {
				n = 2
			}
			x.tok("pi", n)
			x.push(yBlockScalarContent)
			x.push(yBlockScalarHeader)
			return true
		}
		if x.flowNodes(r) {
			return true
		}
		if isPlainStart(r[0]) || (r[0] == '?' || r[0] == ':' || r[0] == '-') && len(r) > 1 && !isSpace(r[1]) {
			x.push(yPlainBlock)
			return true
		}
		return false
	case yFlowSequence, yFlowMapping:
		if r[0] == ']' && x.top() == yFlowSequence || r[0] == '}' && x.top() == yFlowMapping {
			x.tok("pi", 1)
			x.pop()
			return true
		}
		if n := spaces(r); n > 0 {
			x.tok("", n)
			return true
		}
		switch r[0] {
		case '#':
			x.tok("c1", lineLen(r))
			return true
		case '?', ':', ',':
			x.tok("pi", 1)
			return true
		}
		if x.descriptors(r) || x.flowNodes(r) {
			return true
		}
		if isPlainStart(r[0]) {
			x.push(yPlainFlow)
			return true
		}
		return false
	case yBlockScalarContent:
		if r[0] == '\n' {
			x.tok("", runOf(r, func(c byte) bool { return c == '\n' }))
			return true
		}
		if x.bol() {
			s := spaceRun(r)
			if s > 0 && eol(r[s:]) {
				mark := s
				if x.blockIndent >= 0 {
					mark = min(x.blockIndent, s)
				}
				x.tok("", mark)
				x.tok("no", s-mark)
				return true
			}
			x.tok("", s)
			level := x.indent()
			if x.blockIndent >= 0 {
				level = x.blockIndent
			} else {
				x.blockIndent = s
			}
			if s < level {
				x.saveIndent(s)
				x.pop()
				x.push(yIndentation)
			}
			return true
		}
		if n := upTo(r, func(c byte) bool { return c == '\n' || c == '\r' || c == '\f' || c == '\v' }); n > 0 {
			x.tok("s", n)
			return true
		}
		return false
	case yBlockScalarHeader:
		// /(([1-9])[+-]?|[+-]?([1-9])?)(?=[ ]|$)/: the candidates in
		// Onigmo's order, each with the digit that sets the indent
		type cand struct{ n, inc int }
		var cs [6]cand
		k := 0
		isD := func(i int) bool { return i < len(r) && r[i] >= '1' && r[i] <= '9' }
		isS := func(i int) bool { return i < len(r) && (r[i] == '+' || r[i] == '-') }
		if isD(0) {
			if isS(1) {
				cs[k] = cand{2, int(r[0] - '0')}
				k++
			}
			cs[k] = cand{1, int(r[0] - '0')}
			k++
		}
		if isS(0) {
			if isD(1) {
				cs[k] = cand{2, int(r[1] - '0')}
				k++
			}
			cs[k] = cand{1, 0}
			k++
		}
		if isD(0) {
			cs[k] = cand{1, int(r[0] - '0')}
			k++
		}
		cs[k] = cand{0, 0}
		k++
		n, inc := -1, 0
		for _, c := range cs[:k] {
			if c.n == len(r) || r[c.n] == ' ' || r[c.n] == '\n' {
				n, inc = c.n, c.inc
				break
			}
		}
		if n < 0 {
			return false
		}
		x.blockIndent = -1
		x.goTo(yIgnoredLine)
		if n > 0 {
			if inc > 0 {
				x.blockIndent = x.indent() + inc
			}
			x.tok("pi", n)
		}
		return true
	case yIgnoredLine:
		switch {
		case r[0] == '#':
			x.tok("c1", lineLen(r))
		case r[0] == ' ':
			x.tok("", spaceRun(r))
		case r[0] == '\n':
			x.tok("", 1)
			x.pop()
		default:
			return false
		}
		return true
	case ySingle:
		if x.quotedSpaces(r) {
			return true
		}
		switch {
		case has(r, `\'`):
			x.tok("se", 2)
		case r[0] == '\'':
			x.tok("s", 1)
			x.pop()
		default:
			n := upTo(r, func(c byte) bool { return isSpace(c) || c == '\'' })
			if n == 0 {
				return false
			}
			x.tok("s", n)
		}
		return true
	case yDouble:
		if r[0] == '"' {
			x.tok("s", 1)
			x.pop()
			return true
		}
		if x.quotedSpaces(r) {
			return true
		}
		if r[0] == '\\' && len(r) > 1 {
			if containsByte("0abt\tn\nvfre \"\\N_LP", r[1]) {
				x.tok("se", 2)
				return true
			}
			switch {
			case r[1] == 'x' && hexRun(r[2:], 2):
				x.tok("se", 4)
				return true
			case r[1] == 'u' && hexRun(r[2:], 4):
				x.tok("se", 6)
				return true
			case r[1] == 'U' && hexRun(r[2:], 8):
				x.tok("se", 10)
				return true
			}
		}
		n := upTo(r, func(c byte) bool { return isSpace(c) || c == '"' || c == '\\' })
		if n == 0 {
			return false
		}
		x.tok("s", n)
		return true
	case yPlainNewLine:
		if x.bol() {
			if s := spaceRun(r); s > 0 && s < len(r) && r[s] == '\n' {
				x.tok("", s+1)
				return true
			}
		}
		if r[0] == '\n' {
			x.tok("", runOf(r, func(c byte) bool { return c == '\n' }))
			return true
		}
		if !x.bol() {
			return false
		}
		if has(r, "---") || has(r, "...") {
			x.popN(3)
			return true
		}
		s := spaceRun(r)
		x.tok("", s)
		x.pop()
		if s <= x.indent() {
			x.pop()
			x.saveIndent(s)
			x.push(yIndentation)
		}
		return true
	case yPlainBlock:
		s := spaceRun(r)
		if s < len(r) && r[s] == ':' && (s+1 == len(r) || r[s+1] == ' ' || r[s+1] == '\n') {
			x.tok("", s)
			x.pop()
			return true
		}
		if s < len(r) && r[s] == ':' {
			if n := upTo(r[s+1:], isSpace); n > 0 {
				x.tok("s", s+1+n)
				return true
			}
		}
		if s > 0 && s < len(r) && r[s] == '#' {
			x.tok("", s)
			x.pop()
			return true
		}
		if s > 0 && eol(r[s:]) {
			x.tok("", s)
			return true
		}
		if r[0] == '\n' {
			x.tok("", runOf(r, func(c byte) bool { return c == '\n' }))
			x.push(yPlainNewLine)
			return true
		}
		if s > 0 {
			x.tok("s", s)
			return true
		}
		for _, w := range [...]string{"true", "false", "null"} {
			if has(r, w) {
				x.tok("no", len(w))
				return true
			}
		}
		if d := digits(r); d > 0 {
			n := d
			if n+1 < len(r) && r[n] == '.' && isDigit(r[n+1]) {
				n += 1 + digits(r[n+1:])
			}
			if yNumberEnd(r[n:]) || n != d && yNumberEnd(r[d:]) {
				if !yNumberEnd(r[n:]) {
					n = d
				}
				x.tok("m", n)
				x.pop()
				return true
			}
		}
		if n := upTo(r, func(c byte) bool { return isSpace(c) || c == ':' }); n > 0 {
			x.tok("s", n)
			return true
		}
		return false
	case yPlainFlow:
		s := spaceRun(r)
		if s < len(r) && containsByte(",:?[]{}", r[s]) {
			x.tok("", s)
			x.pop()
			return true
		}
		if s > 0 && s < len(r) && r[s] == '#' {
			x.tok("", s)
			x.pop()
			return true
		}
		if s > 0 && (x.bol() || eol(r[s:])) {
			x.tok("", s)
			return true
		}
		if r[0] == '\n' {
			x.tok("", runOf(r, func(c byte) bool { return c == '\n' }))
			return true
		}
		if s > 0 {
			x.tok("nv", s)
			return true
		}
		if n := upTo(r, func(c byte) bool { return isSpace(c) || containsByte(",:?[]{}", c) }); n > 0 {
			x.tok("nv", n)
			return true
		}
		return false
	case yYAMLDirective:
		if s := spaceRun(r); s > 0 {
			if d := digits(r[s:]); d > 0 && s+d+1 < len(r) && r[s+d] == '.' && isDigit(r[s+d+1]) {
				x.tok("", s)
				x.tok("m", d+1+digits(r[s+d+1:]))
				x.goTo(yIgnoredLine)
				return true
			}
		}
		return false
	case yTagDirective:
		return false
	}
	return false
}

// yNumberEnd is the lookahead /(?=(\r?\n)| +#)/.
func yNumberEnd(r string) bool {
	if has(r, "\n") || has(r, "\r\n") {
		return true
	}
	s := spaceRun(r)
	return s > 0 && s < len(r) && r[s] == '#'
}

// yIndicator matches /[?:-](?=[ ]|$)/.
func yIndicator(r string) bool {
	return len(r) > 0 && (r[0] == '?' || r[0] == ':' || r[0] == '-') && (len(r) == 1 || r[1] == ' ' || r[1] == '\n')
}

func (x *yamlLexer) quotedSpaces(r string) bool {
	s := spaceRun(r)
	switch {
	case s > 0 && x.bol():
		x.tok("", s)
	case s > 0 && eol(r[s:]):
		x.tok("", s)
	case r[0] == '\n':
		x.tok("", runOf(r, func(c byte) bool { return c == '\n' }))
	case s > 0:
		x.tok("nv", s)
	default:
		return false
	}
	return true
}

func (x *yamlLexer) flowNodes(r string) bool {
	switch r[0] {
	case '[':
		x.tok("pi", 1)
		x.push(yFlowSequence)
	case '{':
		x.tok("pi", 1)
		x.push(yFlowMapping)
	case '\'':
		x.tok("s1", 1)
		x.push(ySingle)
	case '"':
		x.tok("s2", 1)
		x.push(yDouble)
	default:
		return false
	}
	return true
}

func (x *yamlLexer) descriptors(r string) bool {
	switch r[0] {
	case '!':
		if has(r, "!<") {
			n := runOf(r[2:], func(c byte) bool {
				return isWord(c) && c != '_' || containsByte(";/?:@&=+$,_.!~*'()[]%-", c)
			})
			if n > 0 && 2+n < len(r) && r[2+n] == '>' {
				x.tok("kt", n+3)
				return true
			}
		}
		// (?:![\w-]+)?!(?:[\w;/?:@&=+$,.!~*'()\[\]%-]*)
		suffix := func(c byte) bool { return isWord(c) || containsByte(";/?:@&=+$,.!~*'()[]%-", c) }
		x.tok("kt", 1+runOf(r[1:], suffix))
		return true
	case '&', '*':
		n := 1
		for n < len(r) {
			c := r[n]
			if c < 0x80 {
				if isWord(c) || c == '-' {
					n++
					continue
				}
				break
			}
			ru, m := decodeRune(r[n:])
			if !isLetterNumber(ru) {
				break
			}
			n += m
		}
		if n > 1 {
			if r[0] == '&' {
				x.tok("nl", n)
			} else {
				x.tok("nv", n)
			}
			return true
		}
	}
	return false
}
