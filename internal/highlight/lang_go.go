package highlight

// Rouge's Go lexer.

var goKeywords = set("break", "default", "func", "interface", "select", "case", "defer", "go",
	"map", "struct", "chan", "else", "goto", "package", "switch", "const", "fallthrough", "if",
	"range", "type", "continue", "for", "import", "return", "var")

var goTypes = set("bool", "byte", "complex64", "complex128", "error", "float32", "float64",
	"int8", "int16", "int32", "int64", "int", "rune", "string", "uint8", "uint16", "uint32",
	"uint64", "uintptr", "uint")

var goBuiltins = set("append", "cap", "close", "complex", "copy", "delete", "imag", "len",
	"make", "new", "panic", "print", "println", "real", "recover")

var goConstants = set("true", "false", "iota", "nil")

const (
	goRoot uint8 = iota
	goString
	goRaw
)

func lexGo(code string) []span {
	x := newLexer(code)
	for x.more() {
		r := x.rest()
		switch x.top() {
		case goString:
			switch r[0] {
			case '\\':
				if n := goEscape(r); n > 0 {
					x.tok("se", n)
				} else if len(r) > 1 && r[1] != '\n' {
					_, n := decodeRune(r[1:])
					x.tok("err", 1+n)
				} else {
					x.errChar()
				}
			case '"':
				x.tok("s", 1)
				x.pop()
			default:
				x.tok("s", upTo(r, func(c byte) bool { return c == '"' || c == '\\' }))
			}
			continue
		case goRaw:
			if r[0] == '`' {
				x.tok("s", 1)
				x.pop()
			} else {
				x.tok("s", upTo(r, func(c byte) bool { return c == '`' }))
			}
			continue
		}
		c := r[0]
		if c == '/' && len(r) > 1 {
			if r[1] == '/' {
				x.tok("c", lineLen(r))
				continue
			}
			if r[1] == '*' {
				if i := indexOf(r[2:], "*/"); i >= 0 {
					x.tok("c", i+4)
					continue
				}
			}
		}
		if w := bwords(r); w > 0 && !isDigit(c) {
			switch word := r[:w]; {
			case goKeywords[word]:
				x.tok("k", w)
				continue
			case goTypes[word]:
				x.tok("kt", w)
				continue
			case goBuiltins[word]:
				x.tok("nb", w)
				continue
			case goConstants[word]:
				x.tok("no", w)
				continue
			}
		}
		if n := goNumber(r); n > 0 {
			x.tok("m", n)
			continue
		}
		if c == '\'' {
			if n := goChar(r); n > 0 {
				x.tok("sc", n)
				continue
			}
		}
		switch c {
		case '+', '&', '^', '=', '!', '-', '|', '<', '>', '*', '/', ':', '%', '.':
			x.tok("o", 1)
			continue
		case '(', ')', '[', ']', '{', '}', ',', ';':
			x.tok("p", 1)
			continue
		case '`':
			x.tok("s", 1)
			x.push(goRaw)
			continue
		case '"':
			x.tok("s", 1)
			x.push(goString)
			continue
		}
		if n := unicodeIdent(r, false); n > 0 {
			x.tok("n", n)
			continue
		}
		if n := spaces(r); n > 0 {
			x.tok("", n)
			continue
		}
		x.errChar()
	}
	return x.toks
}

// goEscape matches Rouge's Go ESCAPE_SEQUENCE.
func goEscape(r string) int {
	if len(r) < 2 {
		return 0
	}
	switch r[1] {
	case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\', '\'', '"':
		return 2
	case 'u':
		if hexRun(r[2:], 4) {
			return 6
		}
	case 'U':
		if hexRun(r[2:], 8) {
			return 10
		}
	case 'x':
		if hexRun(r[2:], 2) {
			return 4
		}
	}
	return 0
}

func hexRun(r string, n int) bool {
	if len(r) < n {
		return false
	}
	for i := 0; i < n; i++ {
		if !isHex(r[i]) {
			return false
		}
	}
	return true
}

// goChar matches CHAR_LIT: a quote, one value, a quote.
func goChar(r string) int {
	if len(r) > 2 && r[1] != '\n' {
		_, n := decodeRune(r[1:])
		if 1+n < len(r) && r[1+n] == '\'' {
			return n + 2
		}
	}
	if len(r) > 1 && r[1] == '\\' {
		n := goEscape(r[1:])
		if n == 0 && len(r) > 4 && isOctal(r[2]) && isOctal(r[3]) && isOctal(r[4]) {
			n = 4
		}
		if n > 0 && 1+n < len(r) && r[1+n] == '\'' {
			return n + 2
		}
	}
	return 0
}

func isOctal(c byte) bool { return c >= '0' && c <= '7' }

// goNumber matches IMAGINARY_LIT, FLOAT_LIT or INT_LIT.
func goNumber(r string) int {
	d := digits(r)
	f := 0
	switch {
	case d > 0 && d < len(r) && r[d] == '.':
		f = d + 1 + digits(r[d+1:])
		f += exponent(r[f:])
	case d > 0:
		if e := exponent(r[d:]); e > 0 {
			f = d + e
		}
	case len(r) > 1 && r[0] == '.' && isDigit(r[1]):
		f = 1 + digits(r[1:])
		f += exponent(r[f:])
	}
	if d > 0 && d < len(r) && r[d] == 'i' {
		return d + 1
	}
	if f > 0 && f < len(r) && r[f] == 'i' {
		return f + 1
	}
	if f > 0 {
		return f
	}
	if len(r) > 2 && r[0] == '0' && (r[1] == 'x' || r[1] == 'X') && isHex(r[2]) {
		return 2 + runOf(r[2:], isHex)
	}
	return d
}

// exponent matches /[eE][+-]?\d+/.
func exponent(r string) int {
	if len(r) < 2 || r[0] != 'e' && r[0] != 'E' {
		return 0
	}
	i := 1
	if r[i] == '+' || r[i] == '-' {
		i++
	}
	if d := digits(r[i:]); d > 0 {
		return i + d
	}
	return 0
}
