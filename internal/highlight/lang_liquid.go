package highlight

// Rouge's Liquid lexer.

const (
	lqRoot uint8 = iota
	lqTagOrBlock
	lqOutput
	lqFilters
	lqCondition
	lqWhen
	lqTagMarkup
	lqVariableTagMarkup
	lqComment
	lqRaw
	lqAssign
	lqInclude
	lqOutputEmbed
)

func lexLiquid(code string) []span {
	x := newLexer(code)
	x.drive(func() bool { return liquidStep(x) })
	return x.toks
}

// lqWord reports whether r starts with one of ws followed by \b, giving its
// length.
func lqWord(r string, ws ...string) int {
	for _, w := range ws {
		if wordAt(r, w) {
			return len(w)
		}
	}
	return 0
}

// lqClose matches /-?%\}/ (or /-?\}\}/ with braces).
func lqClose(r string, braces bool) int {
	i := 0
	if i < len(r) && r[i] == '-' {
		i++
	}
	if braces {
		if has(r[i:], "}}") {
			return i + 2
		}
		return 0
	}
	if has(r[i:], "%}") {
		return i + 2
	}
	return 0
}

// lqOpen matches /(\{%-?)(\s*)/ or /(\{\{-?)(\s*)/.
func lqOpen(x *lexer, r string, c byte) bool {
	if len(r) < 2 || r[0] != '{' || r[1] != c {
		return false
	}
	n := 2
	if n < len(r) && r[n] == '-' {
		n++
	}
	x.tok("p", n)
	x.tok("w", spaces(r[n:]))
	return true
}

// lqFilter matches /(\|)(\s*)([a-zA-Z_][^\s<stop>\|:]*)/.
func lqFilter(x *lexer, r string, stop string) bool {
	if r[0] != '|' {
		return false
	}
	s := spaces(r[1:])
	i := 1 + s
	if i >= len(r) || !(isAlpha(r[i]) || r[i] == '_') {
		return false
	}
	n := 1 + upTo(r[i+1:], func(c byte) bool { return isSpace(c) || c == '|' || c == ':' || containsByte(stop, c) })
	x.tok("p", 1)
	x.tok("w", s)
	x.tok("nf", n)
	return true
}

func liquidStep(x *lexer) bool {
	r := x.rest()
	switch x.top() {
	case lqRoot:
		if r[0] != '{' {
			x.tok("", upTo(r, func(c byte) bool { return c == '{' }))
			return true
		}
		if lqOpen(x, r, '%') {
			x.push(lqTagOrBlock)
			return true
		}
		if lqOpen(x, r, '{') {
			x.push(lqOutput)
			return true
		}
		x.tok("", 1)
		return true
	case lqTagOrBlock:
		return lqTagOrBlockStep(x, r)
	case lqOutput:
		if lqFilter(x, r, "}") {
			x.push(lqFilters)
			return true
		}
		if lqEnd(x, r, true) {
			return true
		}
		return lqGeneric(x, r)
	case lqFilters:
		if lqFilter(x, r, "%}") || lqEnd(x, r, true) || lqEnd(x, r, false) {
			return true
		}
		return lqVariableParamMarkup(x, r)
	case lqCondition:
		switch {
		case has(r, "==") || has(r, "!="):
			x.tok("o", 2)
			return true
		case r[0] == '<' || r[0] == '>':
			n := 1
			if len(r) > 1 && r[1] == '=' {
				n = 2
			}
			x.tok("o", n)
			return true
		}
		if n := lqWord(r, "and", "or", "contains"); n > 0 {
			x.tok("ow", n)
			return true
		}
		return lqEnd(x, r, false) || lqGeneric(x, r)
	case lqWhen:
		return lqEnd(x, r, false) || lqGeneric(x, r)
	case lqTagMarkup:
		if wordAt(r, "reversed") {
			x.tok("na", 8)
			return true
		}
		if lqEnd(x, r, false) || lqParamMarkup(x, r) {
			return true
		}
		return lqText(x, r)
	case lqVariableTagMarkup:
		return lqEnd(x, r, false) || lqVariableParamMarkup(x, r)
	case lqComment, lqRaw:
		cls := "c"
		if x.top() == lqRaw {
			cls = ""
		}
		if r[0] != '{' {
			x.tok(cls, upTo(r, func(c byte) bool { return c == '{' }))
			return true
		}
		end := "endcomment"
		if x.top() == lqRaw {
			end = "endraw"
		}
		if has(r, "{%") {
			i := 2
			if i < len(r) && r[i] == '-' {
				i++
			}
			s := spaces(r[i:])
			if has(r[i+s:], end) {
				j := i + s + len(end)
				t := spaces(r[j:])
				if n := lqClose(r[j+t:], false); n > 0 {
					x.tok("p", i)
					x.tok("w", s)
					x.tok("nt", len(end))
					x.tok("w", t)
					x.tok("p", n)
					x.reset()
					return true
				}
			}
		}
		x.tok(cls, 1)
		return true
	case lqAssign:
		if r[0] == '=' {
			x.tok("o", 1)
			return true
		}
		if lqFilter(x, r, "%") {
			x.push(lqFilters)
			return true
		}
		return lqEnd(x, r, false) || lqGeneric(x, r)
	case lqInclude:
		if lqOpen(x, r, '{') {
			x.push(lqOutputEmbed)
			return true
		}
		if n := lqWord(r, "with", "for"); n > 0 {
			x.tok("nt", n)
			return true
		}
		if n := lqFileName(r); n > 0 {
			x.tok("", n)
			return true
		}
		return lqEnd(x, r, false) || lqVariableParamMarkup(x, r)
	case lqOutputEmbed:
		if lqFilter(x, r, "}") {
			return true
		}
		if n := lqClose(r, true); n > 0 {
			x.tok("p", n)
			x.pop()
			return true
		}
		return lqVariableParamMarkup(x, r)
	}
	return false
}

// lqFileName matches /[\/\w-]+(\.[\w-]+)+\b/.
func lqFileName(r string) int {
	part := func(c byte) bool { return isWord(c) || c == '-' }
	n := runOf(r, func(c byte) bool { return part(c) || c == '/' })
	if n == 0 {
		return 0
	}
	// the extensions, then back to the last place a \b follows
	best := 0
	i := n
	for i < len(r) && r[i] == '.' {
		m := runOf(r[i+1:], part)
		if m == 0 {
			break
		}
		for k := i + 1 + m; k > i+1; k-- {
			if wordCharAt(r, k-1) != wordCharAt(r, k) {
				best = max(best, k)
				break
			}
		}
		i += 1 + m
	}
	return best
}

// lqEnd is Rouge's end_of_tag (braces) or end_of_block.
func lqEnd(x *lexer, r string, braces bool) bool {
	if n := lqClose(r, braces); n > 0 {
		x.tok("p", n)
		x.reset()
		return true
	}
	return false
}

func lqGeneric(x *lexer, r string) bool {
	return lqWhitespace(x, r) || lqKeyword(x, r) || lqString(x, r) || lqNumber(x, r) || lqVariable(x, r)
}

func lqWhitespace(x *lexer, r string) bool {
	if n := hspaces(r); n > 0 {
		x.tok("w", n)
		return true
	}
	return false
}

func lqKeyword(x *lexer, r string) bool {
	if n := lqWord(r, "false", "true", "nil"); n > 0 {
		x.tok("kc", n)
		return true
	}
	return false
}

func lqString(x *lexer, r string) bool {
	if r[0] == '\'' || r[0] == '"' {
		if i := indexOf(r[1:], r[:1]); i >= 0 {
			if r[0] == '\'' {
				x.tok("s1", i+2)
			} else {
				x.tok("s2", i+2)
			}
			return true
		}
	}
	return false
}

func lqNumber(x *lexer, r string) bool {
	if r[0] == '-' {
		x.tok("o", 1)
		return true
	}
	if d := digits(r); d > 0 {
		if d+1 < len(r) && r[d] == '.' && isDigit(r[d+1]) {
			x.tok("mf", d+1+digits(r[d+1:]))
			return true
		}
		x.tok("mi", d)
		return true
	}
	return false
}

func lqVariable(x *lexer, r string) bool {
	if n := lqWord(r, "empty", "blank"); n > 0 {
		x.tok("nb", n)
		return true
	}
	if has(r, "forloop.") {
		m := upTo(r[8:], func(c byte) bool { return isSpace(c) || c == '%' || c == '}' || c == '|' || c == ':' })
		for k := 8 + m; k > 8; k-- {
			if wordCharAt(r, k-1) != wordCharAt(r, k) {
				x.tok("nb", k)
				return true
			}
		}
	}
	switch {
	case r[0] == '.' && len(r) > 1 && isWord(r[1]), r[0] == '[', r[0] == ']':
		x.tok("p", 1)
		return true
	}
	if n := lqWord(r, "first", "last", "size"); n > 0 {
		x.tok("nf", n)
		return true
	}
	if isAlpha(r[0]) || r[0] == '_' {
		n := 1 + runOf(r[1:], func(c byte) bool { return isWord(c) || c == '-' })
		if n < len(r) && r[n] == '?' {
			n++
		}
		x.tok("nv", n)
		return true
	}
	return false
}

func lqParamMarkup(x *lexer, r string) bool {
	if lqWhitespace(x, r) || lqKeyword(x, r) || lqString(x, r) || lqNumber(x, r) {
		return true
	}
	// /([^\s=:]+)(\s*)(=|:)/
	if n := upTo(r, func(c byte) bool { return isSpace(c) || c == '=' || c == ':' }); n > 0 {
		s := spaces(r[n:])
		if n+s < len(r) && (r[n+s] == '=' || r[n+s] == ':') {
			x.tok("na", n)
			x.tok("w", s)
			x.tok("o", 1)
			return true
		}
	}
	if r[0] == ',' || r[0] == ':' {
		x.tok("p", 1)
		return true
	}
	return false
}

func lqVariableParamMarkup(x *lexer, r string) bool {
	return lqParamMarkup(x, r) || lqVariable(x, r) || lqText(x, r)
}

// lqText is the fallback /\S+/.
func lqText(x *lexer, r string) bool {
	if n := upTo(r, isSpace); n > 0 {
		x.tok("", n)
		return true
	}
	return false
}

func lqTagOrBlockStep(x *lexer, r string) bool {
	if n := lqWord(r, "if", "elsif", "unless", "case"); n > 0 {
		x.tok("kr", n)
		x.push(lqCondition)
		return true
	}
	if wordAt(r, "when") {
		x.tok("kr", 4)
		x.push(lqWhen)
		return true
	}
	// (word)(\s*)(-?%\}) for else, comment, raw and end tags
	closing := func(n int) (int, int) {
		s := spaces(r[n:])
		return s, lqClose(r[n+s:], false)
	}
	if has(r, "else") {
		if s, c := closing(4); c > 0 {
			x.tok("kr", 4)
			x.tok("w", s)
			x.tok("p", c)
			x.pop()
			return true
		}
	}
	for _, w := range [...]string{"capture", "increment", "decrement"} {
		if !has(r, w) {
			continue
		}
		s := spaces(r[len(w):])
		if s == 0 {
			break
		}
		i := len(w) + s
		v := upTo(r[i:], func(c byte) bool { return isSpace(c) || c == '%' })
		// [^\s%]+ gives back characters until (\s*)(-?%\}) follows
		for ; v > 0; v-- {
			t := spaces(r[i+v:])
			if c := lqClose(r[i+v+t:], false); c > 0 {
				x.tok("nt", len(w))
				x.tok("w", s)
				x.tok("nv", v)
				x.tok("w", t)
				x.tok("p", c)
				x.pop()
				return true
			}
		}
		break
	}
	for _, w := range [...]string{"comment", "raw"} {
		if has(r, w) {
			if s, c := closing(len(w)); c > 0 {
				x.tok("nt", len(w))
				x.tok("w", s)
				x.tok("p", c)
				if w == "comment" {
					x.push(lqComment)
				} else {
					x.push(lqRaw)
				}
				return true
			}
		}
	}
	for _, w := range [...]string{"endif", "endunless", "endcase"} {
		if has(r, w) {
			if s, c := closing(len(w)); c > 0 {
				x.tok("kr", len(w))
				x.tok("w", s)
				x.tok("p", c)
				x.pop()
				return true
			}
		}
	}
	if has(r, "end") {
		v := upTo(r[3:], func(c byte) bool { return isSpace(c) || c == '%' })
		for ; v > 0; v-- {
			if s, c := closing(3 + v); c > 0 {
				x.tok("nt", 3+v)
				x.tok("w", s)
				x.tok("p", c)
				x.pop()
				return true
			}
		}
	}
	if n := lqWord(r, "assign", "echo"); n > 0 {
		x.tok("nt", n)
		x.push(lqAssign)
		return true
	}
	if n := lqWord(r, "include", "render"); n > 0 {
		x.tok("nt", n)
		x.push(lqInclude)
		return true
	}
	if has(r, "cycle") {
		if s := spaces(r[5:]); s > 0 {
			i := 5 + s
			// optional (?:([^\s:]*)(\s*)(:))
			v := upTo(r[i:], func(c byte) bool { return isSpace(c) || c == ':' })
			t := spaces(r[i+v:])
			x.tok("nt", 5)
			x.tok("w", s)
			if i+v+t < len(r) && r[i+v+t] == ':' {
				x.tok(lqQuotedClass(r[i:i+v], "na"), v)
				x.tok("w", t)
				x.tok("p", 1)
			}
			x.tok("w", spaces(x.rest()))
			x.push(lqVariableTagMarkup)
			return true
		}
	}
	if n := lqFor(x, r); n {
		return true
	}
	if n := upTo(r, func(c byte) bool { return isSpace(c) || c == '%' }); n > 0 {
		x.tok("nt", n)
		x.tok("w", spaces(r[n:]))
		x.push(lqTagMarkup)
		return true
	}
	return false
}

// lqQuotedClass gives Rouge's class for a cycle group name or a for
// collection: a quoted string anywhere in it makes it a string.
func lqQuotedClass(s, other string) string {
	for _, q := range [...]byte{'\'', '"'} {
		if i := indexOf(s, string(q)); i >= 0 && indexOf(s[i+1:], string(q)) >= 0 {
			if q == '\'' {
				return "s1"
			}
			return "s2"
		}
	}
	return other
}

// lqFor matches the for/tablerow rule.
func lqFor(x *lexer, r string) bool {
	w := 0
	switch {
	case has(r, "for"):
		w = 3
	case has(r, "tablerow"):
		w = 8
	default:
		return false
	}
	s1 := spaces(r[w:])
	if s1 == 0 {
		return false
	}
	i := w + s1
	v := runOf(r[i:], func(c byte) bool { return isWord(c) || c == '-' })
	if v == 0 {
		return false
	}
	s2 := spaces(r[i+v:])
	j := i + v + s2
	if s2 == 0 || !has(r[j:], "in") {
		return false
	}
	s3 := spaces(r[j+2:])
	k := j + 2 + s3
	if s3 == 0 {
		return false
	}
	// ((?:[^\s%,\|'"]|"[^"]*"|'[^']*')+)
	e := k
	for e < len(r) {
		c := r[e]
		if c == '"' || c == '\'' {
			q := indexOf(r[e+1:], string(c))
			if q < 0 {
				break
			}
			e += q + 2
			continue
		}
		if isSpace(c) || c == '%' || c == ',' || c == '|' {
			break
		}
		e++
	}
	if e == k {
		return false
	}
	x.tok("nt", w)
	x.tok("w", s1)
	x.tok("nv", v)
	x.tok("w", s2)
	x.tok("nt", 2)
	x.tok("w", s3)
	x.tok(lqQuotedClass(r[k:e], "nv"), e-k)
	x.tok("w", spaces(r[e:]))
	x.push(lqTagMarkup)
	return true
}
