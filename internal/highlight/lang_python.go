package highlight

// Rouge's Python lexer.

var pyKeywords = set("assert", "break", "continue", "del", "elif", "else", "except", "exec",
	"finally", "for", "global", "if", "lambda", "pass", "print", "raise",
	"return", "try", "while", "yield", "as", "with", "from", "import",
	"async", "await", "nonlocal")

var pyBuiltins = set("__import__", "abs", "all", "any", "apply", "ascii", "basestring", "bin", "bool", "buffer",
	"bytearray", "bytes", "callable", "chr", "classmethod", "cmp", "coerce", "compile",
	"complex", "delattr", "dict", "dir", "divmod", "enumerate", "eval", "execfile", "exit",
	"file", "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "hex", "id",
	"input", "int", "intern", "isinstance", "issubclass", "iter", "len", "list", "locals",
	"long", "map", "max", "memoryview", "min", "next", "object", "oct", "open", "ord", "pow", "property", "range",
	"raw_input", "reduce", "reload", "repr", "reversed", "round", "set", "setattr", "slice",
	"sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "unichr", "unicode",
	"vars", "xrange", "zip",
	// exceptions are Name::Builtin too
	"ArithmeticError", "AssertionError", "AttributeError",
	"BaseException", "BlockingIOError", "BrokenPipeError", "BufferError",
	"BytesWarning", "ChildProcessError", "ConnectionAbortedError",
	"ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
	"DeprecationWarning", "EOFError", "EnvironmentError",
	"Exception", "FileExistsError", "FileNotFoundError",
	"FloatingPointError", "FutureWarning", "GeneratorExit", "IOError",
	"ImportError", "ImportWarning", "IndentationError", "IndexError",
	"InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt",
	"LookupError", "MemoryError", "ModuleNotFoundError", "NameError",
	"NotADirectoryError", "NotImplemented", "NotImplementedError", "OSError",
	"OverflowError", "OverflowWarning", "PendingDeprecationWarning",
	"ProcessLookupError", "RecursionError", "ReferenceError", "ResourceWarning",
	"RuntimeError", "RuntimeWarning", "StandardError", "StopAsyncIteration",
	"StopIteration", "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit",
	"TabError", "TimeoutError", "TypeError", "UnboundLocalError", "UnicodeDecodeError",
	"UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError",
	"UnicodeWarning", "UserWarning", "ValueError", "VMSError", "Warning",
	"WindowsError", "ZeroDivisionError")

var pyPseudo = set("self", "None", "Ellipsis", "NotImplemented", "False", "True")

const (
	pyRoot uint8 = iota
	pyFuncname
	pyClassname
	pyString
	pyInterpol
)

type pyStr struct {
	typ, delim string
}

type pythonLexer struct {
	*lexer
	strs []pyStr
}

func lexPython(code string) []span {
	x := pythonLexer{lexer: newLexer(code)}
	for x.more() {
		if !x.step() {
			x.errChar()
		}
	}
	return x.toks
}

func (x *pythonLexer) step() bool {
	r := x.rest()
	switch x.top() {
	case pyFuncname, pyClassname:
		if n := unicodeIdentAlnum(r); n > 0 {
			if x.top() == pyFuncname {
				x.tok("nf", n)
			} else {
				x.tok("nc", n)
			}
			x.pop()
			return true
		}
		return false
	case pyString:
		return x.stringStep(r)
	case pyInterpol:
		switch r[0] {
		case '!':
			if len(r) > 1 && (r[1] == 'a' || r[1] == 's' || r[1] == 'r') {
				x.tok("si", 2)
				return true
			}
			return false
		case ':':
			x.tok("si", 1)
		case '{':
			x.tok("si", 1)
			x.push(pyInterpol)
		case '}':
			x.tok("si", 1)
			x.pop()
		default:
			n := upTo(r, func(c byte) bool { return c == '{' || c == '}' || c == '!' || c == ':' })
			x.sub(x.p, lexPython(r[:n]))
			x.p += n
		}
		return true
	}
	return x.root(r)
}

func (x *pythonLexer) root(r string) bool {
	c := r[0]
	if c == '\n' {
		x.tok("", runOf(r, func(c byte) bool { return c == '\n' }))
		return true
	}
	if c == ':' && x.bol() {
		if n := pyDocAfterColon(r); n > 0 {
			s := spaces(r[1:])
			x.tok("p", 1)
			x.tok("", s)
			x.tok("sd", n-1-s)
			return true
		}
	}
	if n := spacesNoNL(r); n > 0 {
		x.tok("", n)
		return true
	}
	switch c {
	case '#':
		x.tok("c1", lineLenNL(r))
		return true
	case '[', ']', '{', '}', ':', '(', ')', ',', ';', '.':
		x.tok("p", 1)
		return true
	case '\\':
		if len(r) > 1 && r[1] == '\n' {
			x.tok("", 2)
		} else {
			x.tok("", 1)
		}
		return true
	}
	if w := bwords(r); w >= 2 {
		switch r[:w] {
		case "in", "is", "or", "and", "not":
			x.tok("ow", w)
			return true
		}
	}
	if n := pyOperator(r); n > 0 {
		x.tok("o", n)
		return true
	}
	if x.fromImport(r) {
		return true
	}
	if has(r, "def") || has(r, "class") {
		k := 3
		if r[0] == 'c' {
			k = 5
		}
		if s := pySpace(r[k:]); s > 0 {
			x.tok("k", k)
			x.tok("", s)
			if k == 3 {
				x.push(pyFuncname)
			} else {
				x.push(pyClassname)
			}
			return true
		}
	}
	if c == '`' {
		if i := upTo(r[1:], func(c byte) bool { return c == '`' || c == '\n' }); 1+i < len(r) && r[1+i] == '`' {
			x.tok("sb", i+2)
			return true
		}
	}
	// string prefix and opening quote
	a := runOf(r[:min(len(r), 2)], func(c byte) bool {
		switch c | 0x20 {
		case 'r', 'f', 'b', 'u':
			return true
		}
		return false
	})
	for ; a >= 0; a-- {
		if a < len(r) && (r[a] == '\'' || r[a] == '"') {
			d := 1
			if has(r[a:], "'''") || has(r[a:], `"""`) {
				d = 3
			}
			x.tok("sa", a)
			x.strs = append(x.strs, pyStr{lowerASCII(r[:a]), r[a : a+d]})
			x.tok("s", d)
			x.push(pyString)
			return true
		}
	}
	if n := unicodeIdentAlnum(r); n > 0 {
		w := r[:n]
		switch {
		case pyKeywords[w]:
			x.tok("k", n)
		case pyBuiltins[w]:
			x.tok("nb", n)
		case pyPseudo[w]:
			x.tok("bp", n)
		default:
			x.tok("n", n)
		}
		return true
	}
	if n, cls := pyNumber(r); n > 0 {
		x.tok(cls, n)
		return true
	}
	return false
}

// pySpace is the length of /(?:\s|\\\s)+/.
func pySpace(r string) int {
	i := 0
	for i < len(r) {
		if isSpace(r[i]) {
			i++
		} else if r[i] == '\\' && i+1 < len(r) && isSpace(r[i+1]) {
			i += 2
		} else {
			break
		}
	}
	return i
}

// fromImport matches Rouge's "from x import" and "import x" rules.
func (x *pythonLexer) fromImport(r string) bool {
	if has(r, "from") {
		s1 := pySpace(r[4:])
		if s1 == 0 {
			return false
		}
		d := pyDotted(r[4+s1:])
		if d == 0 {
			return false
		}
		// the dotted name gives back characters if "import" needs them
		for ; d > 0; d-- {
			i := 4 + s1 + d
			s2 := pySpace(r[i:])
			if s2 > 0 && has(r[i+s2:], "import") {
				x.tok("kn", 4)
				x.tok("", s1)
				x.tok("nn", d)
				x.tok("", s2)
				x.tok("kn", 6)
				return true
			}
		}
		return false
	}
	if has(r, "import") {
		s := spaces(r[6:])
		if s == 0 {
			return false
		}
		d := pyDotted(r[6+s:])
		if d == 0 {
			return false
		}
		x.tok("kn", 6)
		x.tok("", s)
		x.tok("nn", d)
		return true
	}
	return false
}

// pyDotted is the length of /[[:alpha:]_.][[:alnum:]_.]*/.
func pyDotted(r string) int {
	i := 0
	for i < len(r) {
		if r[i] == '.' {
			i++
			continue
		}
		n := unicodeIdentAlnum(r[i:])
		if n == 0 {
			if i > 0 && r[i] < 0x80 && isDigit(r[i]) {
				i += digits(r[i:])
				continue
			}
			if i > 0 {
				if m := unicodeAlnumRun(r[i:]); m > 0 {
					i += m
					continue
				}
			}
			break
		}
		i += n
	}
	return i
}

func (x *pythonLexer) stringStep(r string) bool {
	cur := x.strs[len(x.strs)-1]
	switch c := r[0]; c {
	case '\'', '"':
		d := 1
		if len(r) >= 3 && r[1] == c && r[2] == c {
			d = 3
		}
		x.tok("s", d)
		if r[:d] == cur.delim {
			x.strs = x.strs[:len(x.strs)-1]
			x.pop()
		}
		return true
	case '\\':
		n := pyEscape(r)
		if n > 0 {
			if containsByte(cur.typ, 'r') {
				x.tok("s", n)
			} else {
				x.tok("se", n)
			}
			return true
		}
		if len(r) > 1 && r[1] != '\n' {
			_, n := decodeRune(r[1:])
			x.tok("s", 1+n)
			return true
		}
		// Rouge pushes its escape state and finds nothing there
		return false
	case '{':
		if has(r, "{{") {
			x.tok("s", 2)
			return true
		}
		if containsByte(cur.typ, 'f') {
			x.tok("si", 1)
			x.push(pyInterpol)
		} else {
			x.tok("s", 1)
		}
		return true
	}
	x.tok("s", upTo(r, func(c byte) bool { return c == '\'' || c == '"' || c == '\\' || c == '{' }))
	return true
}

// pyEscape matches Rouge's generic_escape sequence rule.
func pyEscape(r string) int {
	if len(r) < 2 {
		return 0
	}
	switch c := r[1]; {
	case c == '\\' || c == 'a' || c == 'b' || c == 'f' || c == 'n' || c == 'r' || c == 't' || c == 'v' || c == '"' || c == '\'' || c == '\n':
		if c == 'n' && has(r[1:], "newline") {
			return 8
		}
		return 2
	case c == 'N':
		// N{[a-zA-Z][a-zA-Z ]+[a-zA-Z]}
		if len(r) > 3 && r[2] == '{' {
			i := 3 + runOf(r[3:], func(c byte) bool { return isAlpha(c) || c == ' ' })
			if i < len(r) && r[i] == '}' && i-3 >= 3 && isAlpha(r[3]) && isAlpha(r[i-1]) {
				return i + 1
			}
		}
	case c == 'u':
		if hexRun(r[2:], 4) {
			return 6
		}
	case c == 'U':
		if hexRun(r[2:], 8) {
			return 10
		}
	case c == 'x':
		if hexRun(r[2:], 2) {
			return 4
		}
	case isOctal(c):
		n := 1 + runOf(r[2:min(len(r), 4)], isOctal)
		return 1 + n
	}
	return 0
}

// pyDocAfterColon matches /:(\s*)([ru]{,2}""".*?""")/im at a line start.
func pyDocAfterColon(r string) int {
	i := 1 + spaces(r[1:])
	for k := 0; k < 2 && i < len(r) && (r[i]|0x20 == 'r' || r[i]|0x20 == 'u'); k++ {
		i++
	}
	if !has(r[i:], `"""`) {
		return 0
	}
	j := indexOf(r[i+3:], `"""`)
	if j < 0 {
		return 0
	}
	return i + 3 + j + 3
}

// pyOperator matches /(<<|>>|\/\/|\*\*)=?/ and /[-~+\/*%=<>&^|@]=?|!=/.
func pyOperator(r string) int {
	n := 0
	if len(r) >= 2 && (has(r, "<<") || has(r, ">>") || has(r, "//") || has(r, "**")) {
		n = 2
	} else {
		switch r[0] {
		case '-', '~', '+', '/', '*', '%', '=', '<', '>', '&', '^', '|', '@':
			n = 1
		case '!':
			if has(r, "!=") {
				return 2
			}
			return 0
		default:
			return 0
		}
	}
	if n < len(r) && r[n] == '=' {
		n++
	}
	return n
}

// pyNumber matches Rouge's Python number rules.
func pyNumber(r string) (int, string) {
	dig := func(r string) int { // /[0-9](_?[0-9])*/
		if len(r) == 0 || !isDigit(r[0]) {
			return 0
		}
		i := 1
		for i < len(r) {
			if isDigit(r[i]) {
				i++
			} else if r[i] == '_' && i+1 < len(r) && isDigit(r[i+1]) {
				i += 2
			} else {
				break
			}
		}
		return i
	}
	exp := func(r string) int {
		if len(r) < 2 || r[0]|0x20 != 'e' {
			return 0
		}
		i := 1
		if r[i] == '+' || r[i] == '-' {
			i++
		}
		if d := dig(r[i:]); d > 0 {
			return i + d
		}
		return 0
	}
	j := func(r string, n int) int {
		if n < len(r) && r[n]|0x20 == 'j' {
			return n + 1
		}
		return n
	}
	d := dig(r)
	// decimal: (digits)?\.digits | digits\.
	dec := 0
	if d < len(r) && r[d] == '.' {
		if f := dig(r[d+1:]); f > 0 {
			dec = d + 1 + f
		} else if d > 0 {
			dec = d + 1
		}
	}
	if dec > 0 {
		return j(r, dec+exp(r[dec:])), "mf"
	}
	if d == 0 {
		return 0, ""
	}
	if e := exp(r[d:]); e > 0 {
		return j(r, d+e), "mf"
	}
	if d < len(r) && r[d]|0x20 == 'j' {
		return d + 1, "mf"
	}
	if r[0] == '0' && len(r) > 2 {
		var ok func(byte) bool
		cls := ""
		switch r[1] | 0x20 {
		case 'b':
			ok, cls = func(c byte) bool { return c == '0' || c == '1' }, "mb"
		case 'o':
			ok, cls = isOctal, "mo"
		case 'x':
			ok, cls = isHex, "mh"
		}
		if ok != nil {
			i := 2
			for i < len(r) {
				if ok(r[i]) {
					i++
				} else if r[i] == '_' && i+1 < len(r) && ok(r[i+1]) {
					i += 2
				} else {
					break
				}
			}
			if i > 2 {
				return i, cls
			}
		}
	}
	if n := digits(r); n < len(r) && r[n] == 'L' {
		return n + 1, "il"
	}
	if r[0] == '0' {
		i := 1
		for i < len(r) {
			if r[i] == '0' {
				i++
			} else if r[i] == '_' && i+1 < len(r) && r[i+1] == '0' {
				i += 2
			} else {
				break
			}
		}
		return i, "mi"
	}
	return d, "mi"
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if isUpper(c) {
			b[i] = c + 32
		}
	}
	return string(b)
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}
