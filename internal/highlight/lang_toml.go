package highlight

// Rouge's TOML lexer.

const (
	tmRoot uint8 = iota
	tmValue
	tmDQ
	tmMDQ
	tmSQ
	tmMSQ
	tmArray
	tmInline
)

func lexTOML(code string) []span {
	x := newLexer(code)
	x.drive(func() bool { return tomlStep(x) })
	return x.toks
}

// tomlKey matches /(?:\S+|"[^"]+"|'[^']+')(\s*)(=)/ and returns the key's
// length and the spaces after it, or -1.
func tomlKey(r string) (int, int) {
	run := upTo(r, isSpace)
	// \S+ gives back characters until (\s*)(=) follows
	if run > 0 {
		if s := spaces(r[run:]); run+s < len(r) && r[run+s] == '=' {
			return run, s
		}
		for k := run - 1; k >= 1; k-- {
			if r[k] == '=' {
				return k, 0
			}
		}
	}
	if r[0] == '"' || r[0] == '\'' {
		if i := indexOf(r[1:], r[:1]); i > 0 {
			n := i + 2
			if s := spaces(r[n:]); n+s < len(r) && r[n+s] == '=' {
				return n, s
			}
		}
	}
	return -1, 0
}

func tomlBasic(x *lexer, r string) bool {
	if n := spaces(r); n > 0 {
		x.tok("", n)
		return true
	}
	if r[0] == '#' {
		x.tok("c", lineLen(r))
		return true
	}
	// /(true|false)/, with no word boundary
	if has(r, "true") {
		x.tok("kc", 4)
		return true
	}
	if has(r, "false") {
		x.tok("kc", 5)
		return true
	}
	if k, s := tomlKey(r); k >= 0 {
		t := spaces(r[k+s+1:])
		if i := k + s + 1 + t; i < len(r) && r[i] == '{' {
			x.tok("nn", k)
			x.tok("", s)
			x.tok("o", 1)
			x.tok("", t)
			x.tok("p", 1)
			x.push(tmInline)
			return true
		}
	}
	// /(?<!=)\s*\[[\S]+\]/ (the \s* finds nothing: whitespace went first)
	if r[0] == '[' {
		run := upTo(r, isSpace)
		for k := run; k >= 3; k-- {
			if r[k-1] == ']' {
				x.tok("nn", k)
				return true
			}
		}
	}
	if n := tomlDate(r); n > 0 {
		x.tok("ld", n)
		return true
	}
	if n, cls := tomlNumber(r); n > 0 {
		x.tok(cls, n)
		return true
	}
	return false
}

// tomlDate matches /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/.
func tomlDate(r string) int {
	const pat = "dddd-dd-ddTdd:dd:ddZ"
	if len(r) < len(pat) {
		return 0
	}
	for i := 0; i < len(pat); i++ {
		if pat[i] == 'd' && !isDigit(r[i]) || pat[i] != 'd' && r[i] != pat[i] {
			return 0
		}
	}
	return len(pat)
}

// tomlDigits matches /\d+(?:_\d+)*/ (with the given digit class).
func tomlDigits(r string, ok func(byte) bool) int {
	n := runOf(r, ok)
	if n == 0 {
		return 0
	}
	for n+1 < len(r) && r[n] == '_' && ok(r[n+1]) {
		n += 1 + runOf(r[n+1:], ok)
	}
	return n
}

func tomlNumber(r string) (int, string) {
	i := 0
	if r[0] == '+' || r[0] == '-' {
		i = 1
	}
	exp := func(r string) int {
		if len(r) < 2 || r[0] != 'e' && r[0] != 'E' {
			return 0
		}
		j := 1
		if r[j] == '+' || r[j] == '-' {
			j++
		}
		if d := tomlDigits(r[j:], isDigit); d > 0 {
			return j + d
		}
		return 0
	}
	if d := tomlDigits(r[i:], isDigit); d > 0 {
		n := i + d
		if n+1 < len(r) && r[n] == '.' {
			if f := tomlDigits(r[n+1:], isDigit); f > 0 {
				n += 1 + f
				return n + exp(r[n:]), "mf"
			}
		}
		if e := exp(r[n:]); e > 0 {
			return n + e, "mf"
		}
	}
	if has(r[i:], "nan") || has(r[i:], "inf") {
		return i + 3, "mf"
	}
	if r[0] == '0' && len(r) > 2 {
		switch r[1] {
		case 'x':
			if n := tomlDigits(r[2:], isHex); n > 0 {
				return 2 + n, "mh"
			}
		case 'o':
			if n := tomlDigits(r[2:], isOctal); n > 0 {
				return 2 + n, "mo"
			}
		case 'b':
			if n := tomlDigits(r[2:], func(c byte) bool { return c == '0' || c == '1' }); n > 0 {
				return 2 + n, "mb"
			}
		}
	}
	if d := tomlDigits(r[i:], isDigit); d > 0 {
		return i + d, "mi"
	}
	return 0, ""
}

// tomlEscape matches /\\[0t\tn\n "\\r]/.
func tomlEscape(x *lexer, r string) bool {
	if len(r) > 1 && r[0] == '\\' && containsByte("0t\tn\n \"\\r", r[1]) {
		x.tok("se", 2)
		return true
	}
	return false
}

func tomlContent(x *lexer, r string) bool {
	if tomlBasic(x, r) {
		return true
	}
	if k, s := tomlKey(r); k >= 0 {
		x.tok("py", k)
		x.tok("", s)
		x.tok("p", 1)
		return true
	}
	switch {
	case has(r, `"""`):
		x.tok("s", 3)
		x.push(tmMDQ)
	case r[0] == '"':
		x.tok("s", 1)
		x.push(tmDQ)
	case has(r, "'''"):
		x.tok("s", 3)
		x.push(tmMSQ)
	case r[0] == '\'':
		x.tok("s", 1)
		x.push(tmSQ)
	case tomlEscape(x, r):
	case r[0] == ',':
		x.tok("p", 1)
	case r[0] == '[':
		x.tok("p", 1)
		x.push(tmArray)
	default:
		return false
	}
	return true
}

func tomlStep(x *lexer) bool {
	r := x.rest()
	switch x.top() {
	case tmRoot:
		if tomlBasic(x, r) {
			return true
		}
		if k, s := tomlKey(r); k >= 0 {
			x.tok("py", k)
			x.tok("", s)
			x.tok("p", 1)
			x.push(tmValue)
			return true
		}
		return false
	case tmValue:
		if r[0] == '\n' {
			x.tok("", 1)
			x.pop()
			return true
		}
		return tomlContent(x, r)
	case tmDQ, tmSQ:
		q := byte('"')
		if x.top() == tmSQ {
			q = '\''
		}
		switch {
		case r[0] == q:
			x.tok("s", 1)
			x.pop()
		case r[0] == '\n':
			x.tok("err", 1)
			x.pop()
		case q == '"' && tomlEscape(x, r):
		default:
			n := upTo(r, func(c byte) bool { return c == q || c == '\n' || q == '"' && c == '\\' })
			if n == 0 {
				return false
			}
			x.tok("s", n)
		}
		return true
	case tmMDQ, tmMSQ:
		q := byte('"')
		if x.top() == tmMSQ {
			q = '\''
		}
		switch {
		case has(r, string([]byte{q, q, q})):
			x.tok("s", 3)
			x.pop()
		case q == '"' && tomlEscape(x, r):
		case r[0] == q:
			x.tok("s", runOf(r, func(c byte) bool { return c == q }))
		default:
			n := upTo(r, func(c byte) bool { return c == q || q == '"' && c == '\\' })
			if n == 0 {
				return false
			}
			x.tok("s", n)
		}
		return true
	case tmArray, tmInline:
		if tomlContent(x, r) {
			return true
		}
		if r[0] == ']' && x.top() == tmArray || r[0] == '}' && x.top() == tmInline {
			x.tok("p", 1)
			x.pop()
			return true
		}
		return false
	}
	return false
}
