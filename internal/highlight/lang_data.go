package highlight

// Lexers for data and patch formats: Rouge's diff and json.

// lexDiff follows Rouge's Diff lexer: every rule takes a whole line.
func lexDiff(code string) []span {
	x := newLexer(code)
	for x.more() {
		r := x.rest()
		if x.bol() {
			switch c := r[0]; {
			case c == ' ':
				x.tok("", lineLenNL(r))
				continue
			case has(r, "---\n") || r == "---":
				x.tok("p", lineLenNL(r))
				continue
			case c == '+' || c == '>':
				x.tok("gi", lineLenNL(r))
				continue
			case c == '-' || c == '<':
				x.tok("gd", lineLenNL(r))
				continue
			case c == '!':
				x.tok("gs", lineLenNL(r))
				continue
			case has(r, "Index") || has(r, "index") || has(r, "diff"):
				x.tok("gh", lineLenNL(r))
				continue
			case has(r, "@@"):
				// /^(@@[^@]*@@)([^\n]*\n)/ needs the line break
				if i := upTo(r[2:], func(c byte) bool { return c == '@' }); i+3 < len(r) && r[2+i+1] == '@' {
					n := 2 + i + 2
					if l := lineLen(r[n:]); n+l < len(r) {
						x.tok("p", n)
						x.tok("", l+1)
						continue
					}
				}
			}
			if isWord(r[0]) {
				x.tok("p", lineLenNL(r))
				continue
			}
			if r[0] == '=' {
				x.tok("gh", lineLenNL(r))
				continue
			}
		}
		if isSpace(r[0]) {
			x.tok("", 1+lineLenNL(r[1:]))
			continue
		}
		x.errChar()
	}
	return x.toks
}

// JSON states.
const (
	jsRoot uint8 = iota
	jsObject
	jsString
	jsArray
)

// lexJSON follows Rouge's JSON lexer.
func lexJSON(code string) []span {
	x := newLexer(code)
	for x.more() {
		r := x.rest()
		st := x.top()
		if st == jsString {
			switch r[0] {
			case '"':
				x.tok("s2", 1)
				x.pop()
			case '\\':
				if len(r) > 1 && r[1] != '\n' {
					_, n := decodeRune(r[1:])
					x.tok("se", 1+n)
				} else {
					x.errChar()
				}
			default:
				x.tok("s2", upTo(r, func(c byte) bool { return c == '"' || c == '\\' }))
			}
			continue
		}
		if n := spaces(r); n > 0 {
			x.tok("w", n)
			continue
		}
		if st == jsRoot {
			switch r[0] {
			case '{':
				x.tok("p", 1)
				x.push(jsObject)
				continue
			case '[':
				x.tok("p", 1)
				x.push(jsArray)
				continue
			}
		}
		if st != jsArray && jsonName(x, r) {
			continue
		}
		// value (its whitespace rule came first above)
		if n := jsonConstant(r); n > 0 {
			c := "kc"
			switch {
			case r[0] == 't' || r[0] == 'f' || r[0] == 'n':
			case jsonIsFloat(r[:n]):
				c = "mf"
			default:
				c = "mi"
			}
			x.tok(c, n)
			continue
		}
		switch r[0] {
		case '"':
			x.tok("s2", 1)
			x.push(jsString)
			continue
		case '[':
			x.tok("p", 1)
			x.push(jsArray)
			continue
		case '{':
			x.tok("p", 1)
			x.push(jsObject)
			continue
		}
		switch {
		case st == jsRoot && (r[0] == ']' || r[0] == '}'):
			x.tok("p", 1)
		case st == jsObject && r[0] == '}', st == jsArray && r[0] == ']':
			x.tok("p", 1)
			x.pop()
		case st != jsRoot && r[0] == ',':
			x.tok("p", 1)
		default:
			x.errChar()
		}
	}
	return x.toks
}

// jsonName matches /("(?:\\.|[^"\\\n])*?")(\s*)(:)/ as a label.
func jsonName(x *lexer, r string) bool {
	if r[0] != '"' {
		return false
	}
	n := quoted(r, true)
	if n == 0 {
		return false
	}
	s := spaces(r[n:])
	if n+s >= len(r) || r[n+s] != ':' {
		return false
	}
	x.tok("nl", n)
	x.tok("w", s)
	x.tok("p", 1)
	return true
}

// jsonConstant matches true|false|null (no word boundary in Rouge) or a
// number /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:e[+-]?\d+)?/i.
func jsonConstant(r string) int {
	for _, w := range [...]string{"true", "false", "null"} {
		if has(r, w) {
			return len(w)
		}
	}
	i := 0
	if i < len(r) && r[i] == '-' {
		i++
	}
	switch {
	case i < len(r) && r[i] == '0':
		i++
	case i < len(r) && r[i] >= '1' && r[i] <= '9':
		i += digits(r[i:])
	default:
		return 0
	}
	if i+1 < len(r) && r[i] == '.' && isDigit(r[i+1]) {
		i += 1 + digits(r[i+1:])
	}
	if i < len(r) && (r[i] == 'e' || r[i] == 'E') {
		j := i + 1
		if j < len(r) && (r[j] == '+' || r[j] == '-') {
			j++
		}
		if d := digits(r[j:]); d > 0 {
			i = j + d
		}
	}
	return i
}

func jsonIsFloat(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			return true
		}
	}
	return false
}
