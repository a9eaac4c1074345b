package highlight

// Rouge's C lexer and its C++ lexer, which adds words and rules to it.

var cKeywords = set("auto", "break", "case", "const", "continue", "default", "do", "else", "enum", "extern",
	"for", "goto", "if", "register", "restricted", "return", "sizeof", "static", "struct",
	"switch", "typedef", "union", "volatile", "virtual", "while",
	"_Alignas", "_Alignof", "_Atomic", "_Generic", "_Imaginary",
	"_Noreturn", "_Static_assert", "_Thread_local")

var cTypes = set("int", "long", "float", "short", "double", "char", "unsigned", "signed", "void",
	"jmp_buf", "FILE", "DIR", "div_t", "ldiv_t", "mbstate_t", "sig_atomic_t", "fpos_t",
	"clock_t", "time_t", "va_list", "size_t", "ssize_t", "off_t", "wchar_t", "ptrdiff_t",
	"wctrans_t", "wint_t", "wctype_t",
	"_Bool", "_Complex", "int8_t", "int16_t", "int32_t", "int64_t",
	"uint8_t", "uint16_t", "uint32_t", "uint64_t", "int_least8_t",
	"int_least16_t", "int_least32_t", "int_least64_t",
	"uint_least8_t", "uint_least16_t", "uint_least32_t",
	"uint_least64_t", "int_fast8_t", "int_fast16_t", "int_fast32_t",
	"int_fast64_t", "uint_fast8_t", "uint_fast16_t", "uint_fast32_t",
	"uint_fast64_t", "intptr_t", "uintptr_t", "intmax_t",
	"uintmax_t", "char16_t", "char32_t")

var cReserved = set("__asm", "__int8", "__based", "__except", "__int16", "__stdcall", "__cdecl",
	"__fastcall", "__int32", "__declspec", "__finally", "__int61", "__try", "__leave",
	"inline", "_inline", "__inline", "naked", "_naked", "__naked", "restrict", "_restrict",
	"__restrict", "thread", "_thread", "__thread", "typename", "_typename", "__typename")

var cppKeywords = set("asm", "auto", "catch", "char8_t", "concept",
	"consteval", "constexpr", "constinit", "const_cast", "co_await", "co_return", "co_yield",
	"delete", "dynamic_cast", "explicit", "export", "friend",
	"mutable", "namespace", "new", "operator", "private", "protected", "public",
	"reinterpret_cast", "requires", "restrict", "size_of", "static_cast", "this", "throw", "throws",
	"typeid", "typename", "using", "virtual", "final", "override",
	"alignas", "alignof", "decltype", "noexcept", "static_assert",
	"thread_local", "try")

var cppReserved = set("__virtual_inheritance", "__uuidof", "__super", "__single_inheritance",
	"__multiple_inheritance", "__interface", "__event")

var cppTimeSuffixes = set("y", "d", "h", "min", "s", "ms", "us", "ns", "i", "if", "il")

const (
	cRoot uint8 = iota
	cBol
	cExprBol
	cCase
	cFunction
	cString
	cMacro
	cIf0
	cClassname
	cTemplate
)

type cLexer struct {
	*lexer
	cpp bool
	fn  cFnRun
}

// cFnRun caches what the function definition rule finds after a run of
// [\w*\s] characters: tried at every token of the run, it always ends the
// same way, and scanning it again at each token would be quadratic.
type cFnRun struct {
	start, end int // the run, absolute offsets; end == 0: nothing cached
	ok         bool
	id         int // the function name's start (absolute)
	idEnd      int // and the ends of the name, the signature and the
	sig, ws    int // whitespace before "{" or ";", relative to id
}

func lexC(code string) []span { return runC(code, false) }

func lexCpp(code string) []span { return runC(code, true) }

func runC(code string, cpp bool) []span {
	x := cLexer{lexer: newLexer(code), cpp: cpp}
	x.push(cBol)
	x.drive(x.step)
	return x.toks
}

func (x *cLexer) recurse(n int) {
	x.sub(x.p, runC(x.rest()[:n], x.cpp))
	x.p += n
}

func (x *cLexer) inlineWhitespace(r string) bool {
	switch r[0] {
	case ' ', '\t', '\r':
		x.tok("", runOf(r, func(c byte) bool { return c == ' ' || c == '\t' || c == '\r' }))
		return true
	case '\\':
		if len(r) > 1 && r[1] == '\n' {
			x.tok("", 2)
			return true
		}
	case '/':
		// /(\\\n)?[*].*?[*](\\\n)?/ with "." matching line breaks
		i := 1
		if has(r[1:], "\\\n") {
			i = 3
		}
		if i < len(r) && r[i] == '*' {
			for j := i + 1; j < len(r); j++ {
				if r[j] != '*' {
					continue
				}
				k := j + 1
				if has(r[k:], "\\\n") {
					if k+2 < len(r) && r[k+2] == '/' {
						x.tok("cm", k+3)
						return true
					}
				}
				if k < len(r) && r[k] == '/' {
					x.tok("cm", k+1)
					return true
				}
			}
		}
	}
	return false
}

func (x *cLexer) whitespace(r string) bool {
	if r[0] == '\n' {
		x.tok("", runOf(r, func(c byte) bool { return c == '\n' }))
		x.push(cBol)
		return true
	}
	if has(r, "//") {
		// /\/\/(\\.|.)*?$/: an escaped line break continues the comment
		i := 2
		for i < len(r) && r[i] != '\n' {
			if r[i] == '\\' && i+1 < len(r) {
				i += 2
				continue
			}
			i++
		}
		x.tok("c1", i)
		x.push(cBol)
		return true
	}
	return x.inlineWhitespace(r)
}

func (x *cLexer) exprBol(r string) bool {
	if x.inlineWhitespace(r) {
		return true
	}
	if has(r, "#if") && len(r) > 4 && isSpace(r[3]) && r[4] == '0' {
		x.tok("c", 5)
		x.push(cIf0)
		return true
	}
	if r[0] == '#' {
		x.tok("cp", 1)
		x.push(cMacro)
		return true
	}
	x.pop()
	return true
}

func (x *cLexer) step() bool {
	r := x.rest()
	switch x.top() {
	case cBol:
		if n := words(r); n > 0 && !isDigit(r[0]) && n < len(r) && r[n] == ':' && !has(r[n+1:], ":") {
			x.tok("nl", n+1)
			return true
		}
		return x.exprBol(r)
	case cExprBol:
		return x.exprBol(r)
	case cCase:
		if r[0] == ':' && !(x.cpp && has(r[1:], ":")) {
			x.tok("p", 1)
			x.pop()
			return true
		}
		return x.statements(r)
	case cFunction:
		if x.whitespace(r) || x.statements(r) {
			return true
		}
		switch r[0] {
		case ';':
			x.tok("p", 1)
		case '{':
			x.tok("p", 1)
			x.push(cFunction)
		case '}':
			x.tok("p", 1)
			x.pop()
		default:
			return false
		}
		return true
	case cString:
		switch {
		case r[0] == '"':
			x.tok("s", 1)
			x.pop()
		case r[0] == '\\':
			if n := cEscape(r); n > 0 {
				x.tok("se", n)
			} else if len(r) > 1 && r[1] == '\n' {
				x.tok("s", 2)
			} else {
				x.tok("s", 1)
			}
		case r[0] == '\n':
			return false
		default:
			x.tok("s", upTo(r, func(c byte) bool { return c == '\\' || c == '"' || c == '\n' }))
		}
		return true
	case cMacro:
		if has(r, "include") {
			s := spaces(r[7:])
			i := 7 + s
			if i < len(r) && (r[i] == '<' || r[i] == '"') {
				end := byte('>')
				if r[i] == '"' {
					end = '"'
				}
				// [^>]+ and [^"]+ may cross line breaks, as in Rouge
				if j := indexOf(r[i+1:], string(end)); j > 0 {
					f := i + 1 + j + 1
					x.tok("cp", 7)
					x.tok("", s)
					x.tok("cpf", f-i)
					x.tok("c1", lineLen(r[f:]))
					return true
				}
			}
		}
		switch r[0] {
		case '\\':
			if len(r) > 1 {
				_, n := decodeRune(r[1:])
				x.tok("cp", 1+n)
				return true
			}
		case '/':
			if x.inlineWhitespace(r) {
				return true
			}
			x.tok("cp", 1)
			return true
		case '\n':
			x.tok("cp", 1)
			x.pop()
			return true
		}
		if n := upTo(r, func(c byte) bool { return c == '/' || c == '\n' || c == '\\' }); n > 0 {
			x.tok("cp", n)
			return true
		}
		return x.inlineWhitespace(r)
	case cIf0:
		if x.bol() {
			s := spaces(r)
			if has(r[s:], "#if") {
				x.tok("c", s+3)
				x.push(cIf0)
				return true
			}
			if has(r[s:], "#") {
				t := s + 1 + spaces(r[s+1:])
				if has(r[t:], "else") || has(r[t:], "elif") {
					x.tok("c", t+4)
					x.pop()
					return true
				}
				if wordAt(r[t:], "endif") {
					for i := t + 5; i < len(r); i++ {
						if r[i] == '\n' && r[i-1] != '\\' {
							x.tok("c", i+1)
							x.pop()
							return true
						}
					}
				}
			}
		}
		if i := indexOf(r, "\n"); i >= 0 {
			x.tok("c", i+1)
			return true
		}
		return false
	case cClassname:
		if n := cID(r); n > 0 {
			x.tok("nc", n)
			x.pop()
			return true
		}
		if x.whitespace(r) {
			return true
		}
		if has(r, "...") {
			x.tok("o", 3)
			return true
		}
		if r[0] == ',' {
			x.tok("p", 1)
			x.pop()
			return true
		}
		x.pop()
		return true
	case cTemplate:
		if r[0] == '>' || r[0] == ';' {
			x.tok("p", 1)
			x.pop()
			return true
		}
		if wordAt(r, "typename") {
			x.tok("k", 8)
			x.push(cClassname)
			return true
		}
		return x.statements(r)
	}
	// root
	if x.cpp {
		if n := bwords(r); n > 0 {
			switch r[:n] {
			case "__offload", "__blockingoffload", "__outer":
				x.tok("kp", n)
				return true
			}
		}
	}
	if r[0] == '\n' {
		x.tok("", runOf(r, func(c byte) bool { return c == '\n' }))
		x.push(cExprBol)
		return true
	}
	if x.whitespace(r) {
		return true
	}
	if g1, id, sig, ws := x.functionRule(r); g1 > 0 {
		x.recurse(g1)
		x.tok("nf", id-g1)
		x.recurse(sig - id)
		x.recurse(ws - sig)
		x.tok("p", 1)
		if r[ws] == '{' {
			x.push(cFunction)
		}
		return true
	}
	if r[0] == '{' {
		x.tok("p", 1)
		x.push(cFunction)
		return true
	}
	return x.statements(r)
}

// functionRule matches Rouge's function definition rule
// /([\w*\s]+?[\s*])(id)(\s*\([^;]*?\))(ws?)({|;)/m at the current position,
// returning where each group ends (relative to it), or zeros. Everything
// before the "(" is [\w*\s], so the "(" must end the run of those from
// here, the name is the word before it, and the first group is the rest.
func (x *cLexer) functionRule(r string) (int, int, int, int) {
	if c := r[0]; !(isWord(c) || c == '*' || isSpace(c)) {
		return 0, 0, 0, 0
	}
	p := x.p
	if !(x.fn.end > 0 && x.fn.start <= p && p < x.fn.end) {
		n := runOf(r, func(c byte) bool { return isWord(c) || c == '*' || isSpace(c) })
		x.fn = cFnRun{start: p, end: p + n}
		x.fn.ok = cFunctionTail(x.s[:x.end], &x.fn)
	}
	f := &x.fn
	if !f.ok || f.id-p < 2 {
		return 0, 0, 0, 0
	}
	g1 := f.id - p
	return g1, g1 + f.idEnd, g1 + f.sig, g1 + f.ws
}

// cFunctionTail fills in f for the run s[f.start:f.end].
func cFunctionTail(s string, f *cFnRun) bool {
	if f.end >= len(s) || s[f.end] != '(' {
		return false
	}
	k := f.end
	for k > f.start && isSpace(s[k-1]) {
		k--
	}
	w := k
	for w > f.start && isWord(s[w-1]) {
		w--
	}
	if w == k || w == f.start || !(isAlpha(s[w]) || s[w] == '_') || !(isSpace(s[w-1]) || s[w-1] == '*') {
		return false
	}
	r := s[w:]
	for q := f.end - w + 1; q < len(r) && r[q] != ';'; q++ {
		if r[q] != ')' {
			continue
		}
		e := q + 1 + cWS(r[q+1:])
		if e < len(r) && (r[e] == '{' || r[e] == ';') {
			f.id, f.idEnd, f.sig, f.ws = w, k-w, q+1, e
			return true
		}
	}
	return false
}

// cWS is the length of /(?:\s|\/\/.*?\n|\/[*].*?[*]\/)*/.
func cWS(r string) int {
	i := 0
	for i < len(r) {
		if isSpace(r[i]) {
			i++
			continue
		}
		if has(r[i:], "//") {
			if j := indexOf(r[i:], "\n"); j >= 0 {
				i += j + 1
				continue
			}
		}
		if has(r[i:], "/*") {
			if j := indexOf(r[i+2:], "*/"); j >= 0 {
				i += j + 4
				continue
			}
		}
		break
	}
	return i
}

func cID(r string) int {
	if len(r) == 0 || !(isAlpha(r[0]) || r[0] == '_') {
		return 0
	}
	return words(r)
}

// cEscape matches /\\([\\abfnrtv"']|x[a-fA-F0-9]{2,4}|[0-7]{1,3})/.
func cEscape(r string) int {
	if len(r) < 2 {
		return 0
	}
	c := r[1]
	switch {
	case containsByte(`\abfnrtv"'`, c):
		return 2
	case c == 'x':
		if n := runOf(r[2:min(len(r), 6)], isHex); n >= 2 {
			return 2 + n
		}
	case isOctal(c):
		return 1 + runOf(r[1:min(len(r), 4)], isOctal)
	}
	return 0
}

// cDQ matches /\d('?\d)*/.
func cDQ(r string) int {
	if len(r) == 0 || !isDigit(r[0]) {
		return 0
	}
	i := 1
	for i < len(r) {
		if isDigit(r[i]) {
			i++
		} else if r[i] == '\'' && i+1 < len(r) && isDigit(r[i+1]) {
			i += 2
		} else {
			break
		}
	}
	return i
}

func luSuffix(r string) int {
	return runOf(r, func(c byte) bool { return c == 'l' || c == 'u' || c == 'L' || c == 'U' })
}

// cppNumber is the number rules the C++ lexer puts first.
func cppNumber(r string) (int, string) {
	d := cDQ(r)
	if d > 0 {
		n := d
		if n+1 < len(r) && r[n] == '.' && isDigit(r[n+1]) {
			n += 1 + cDQ(r[n+1:])
		}
		if w := words(r[n:]); w > 0 && cppTimeSuffixes[r[n:n+w]] {
			return n + w, "mx"
		}
	}
	// (dq[.]dq?|[.]dq)(e[+-]?dq[lu]*)?
	f := 0
	if d > 0 && d < len(r) && r[d] == '.' {
		f = d + 1 + cDQ(r[d+1:])
	} else if d == 0 && len(r) > 1 && r[0] == '.' && isDigit(r[1]) {
		f = 1 + cDQ(r[1:])
	}
	exp := func(r string) int {
		if len(r) < 2 || r[0]|0x20 != 'e' {
			return 0
		}
		i := 1
		if r[i] == '+' || r[i] == '-' {
			i++
		}
		if e := cDQ(r[i:]); e > 0 {
			i += e
			return i + luSuffix(r[i:])
		}
		return 0
	}
	if f > 0 {
		return f + exp(r[f:]), "mf"
	}
	if d == 0 {
		return 0, ""
	}
	if e := exp(r[d:]); e > 0 {
		return d + e, "mf"
	}
	if r[0] == '0' && len(r) > 2 {
		switch r[1] | 0x20 {
		case 'x':
			if isHex(r[2]) {
				i := 3
				for i < len(r) {
					if isHex(r[i]) {
						i++
					} else if r[i] == '\'' && i+1 < len(r) && isHex(r[i+1]) {
						i += 2
					} else {
						break
					}
				}
				return i + luSuffix(r[i:]), "mh"
			}
		}
		if r[1] == 'b' && (r[2] == '0' || r[2] == '1') {
			i := 2 + runOf(r[2:], func(c byte) bool { return c == '0' || c == '1' })
			for i+1 < len(r) && r[i] == '\'' && (r[i+1] == '0' || r[i+1] == '1') {
				i += 1 + runOf(r[i+1:], func(c byte) bool { return c == '0' || c == '1' })
			}
			return i, "mb"
		}
	}
	if r[0] == '0' && len(r) > 1 && isOctal(r[1]) {
		i := 2
		for i < len(r) {
			if isOctal(r[i]) {
				i++
			} else if r[i] == '\'' && i+1 < len(r) && isOctal(r[i+1]) {
				i += 2
			} else {
				break
			}
		}
		return i + luSuffix(r[i:]), "mo"
	}
	return d + luSuffix(r[d:]), "mi"
}

// cNumber is the C lexer's number rules.
func cNumber(r string) (int, string) {
	exp := func(r string) int {
		if len(r) < 2 || r[0]|0x20 != 'e' {
			return 0
		}
		i := 1
		if r[i] == '+' || r[i] == '-' {
			i++
		}
		if e := digits(r[i:]); e > 0 {
			i += e
			return i + luSuffix(r[i:])
		}
		return 0
	}
	d := digits(r)
	if d > 0 && d < len(r) && r[d] == '.' {
		f := d + 1 + digits(r[d+1:])
		if e := exp(r[f:]); e > 0 {
			return f + e, "mf"
		}
	}
	if d == 0 && len(r) > 1 && r[0] == '.' && isDigit(r[1]) {
		f := 1 + digits(r[1:])
		if e := exp(r[f:]); e > 0 {
			return f + e, "mf"
		}
		return 0, ""
	}
	if d == 0 {
		return 0, ""
	}
	if e := exp(r[d:]); e > 0 {
		return d + e, "mf"
	}
	if r[0] == '0' && len(r) > 2 && r[1]|0x20 == 'x' && isHex(r[2]) {
		i := 2 + runOf(r[2:], isHex)
		return i + luSuffix(r[i:]), "mh"
	}
	if r[0] == '0' && len(r) > 1 && isOctal(r[1]) {
		i := 1 + runOf(r[1:], isOctal)
		return i + luSuffix(r[i:]), "mo"
	}
	return d + luSuffix(r[d:]), "mi"
}

// cChar matches the character literal after an optional prefix.
func cChar(r string) int {
	if len(r) < 3 || r[0] != '\'' {
		return 0
	}
	try := func(n int) int {
		if 1+n < len(r) && r[1+n] == '\'' {
			return n + 2
		}
		return 0
	}
	if r[1] == '\\' {
		if r[2] != '\n' {
			_, n := decodeRune(r[2:])
			if m := try(1 + n); m > 0 {
				return m
			}
		}
		if isOctal(r[2]) {
			o := runOf(r[2:min(len(r), 5)], isOctal)
			for k := o; k >= 1; k-- {
				if m := try(1 + k); m > 0 {
					return m
				}
			}
		}
		if r[2]|0x20 == 'x' {
			h := runOf(r[3:min(len(r), 5)], isHex)
			for k := h; k >= 1; k-- {
				if m := try(2 + k); m > 0 {
					return m
				}
			}
		}
		return 0
	}
	if r[1] == '\'' || r[1] == '\n' {
		return 0
	}
	_, n := decodeRune(r[1:])
	return try(n)
}

func (x *cLexer) statements(r string) bool {
	c := r[0]
	if x.cpp {
		if n := bwords(r); n > 0 {
			switch r[:n] {
			case "class", "struct":
				x.tok("k", n)
				x.push(cClassname)
				return true
			case "template":
				x.tok("k", n)
				x.push(cTemplate)
				return true
			}
		}
		if isDigit(c) || c == '.' {
			if n, cls := cppNumber(r); n > 0 {
				x.tok(cls, n)
				return true
			}
		}
		if wordAt(r, "nullptr") {
			x.tok("nb", 7)
			return true
		}
		if n := cppRawString(r); n > 0 {
			x.tok("s", n)
			return true
		}
		if has(r, "::") {
			x.tok("o", 2)
			return true
		}
		if has(r, "<=>") {
			x.tok("o", 3)
			return true
		}
		if c == '{' || c == '}' {
			x.tok("p", 1)
			return true
		}
	}
	if x.whitespace(r) {
		return true
	}
	pre := 0
	switch {
	case has(r, "u8"):
		pre = 2
	case c == 'u' || c == 'U' || c == 'L':
		pre = 1
	}
	if pre < len(r) && r[pre] == '"' {
		x.tok("s", pre+1)
		x.push(cString)
		return true
	}
	if r[0] == '"' {
		x.tok("s", 1)
		x.push(cString)
		return true
	}
	if n := cChar(r[pre:]); n > 0 {
		x.tok("sc", pre+n)
		return true
	}
	if n := cChar(r); n > 0 {
		x.tok("sc", n)
		return true
	}
	if isDigit(c) || c == '.' {
		if n, cls := cNumber(r); n > 0 {
			x.tok(cls, n)
			return true
		}
	}
	if has(r, "*/") {
		x.tok("err", 2)
		return true
	}
	if containsByte("~!%^&*+=|?:<>/-", c) {
		x.tok("o", 1)
		return true
	}
	if containsByte("()[],.;", c) {
		x.tok("p", 1)
		return true
	}
	if wordAt(r, "case") {
		x.tok("k", 4)
		x.push(cCase)
		return true
	}
	if n := cID(r); n > 0 {
		w := r[:n]
		switch {
		case (w == "true" || w == "false" || w == "NULL") && boundary(r, n):
			x.tok("nb", n)
		case cKeywords[w] || x.cpp && cppKeywords[w]:
			x.tok("k", n)
		case cTypes[w] || x.cpp && w == "bool":
			x.tok("kt", n)
		case cReserved[w] || x.cpp && cppReserved[w]:
			x.tok("kr", n)
		default:
			x.tok("n", n)
		}
		return true
	}
	return false
}

// cppRawString matches /(?:u8|u|U|L)?R"(delim{,16})\(.*?\)\1"/m.
func cppRawString(r string) int {
	i := 0
	switch {
	case has(r, "u8"):
		i = 2
	case len(r) > 0 && (r[0] == 'u' || r[0] == 'U' || r[0] == 'L'):
		i = 1
	}
	for _, start := range [...]int{i, 0} {
		if !has(r[start:], `R"`) {
			continue
		}
		j := start + 2
		d := runOf(r[j:min(len(r), j+16)], func(c byte) bool {
			return isWord(c) && c != '_' || containsByte("_{}[]#<>%:;.?*+-/^&|~!=,\"'", c)
		})
		for ; d >= 0; d-- {
			if j+d < len(r) && r[j+d] == '(' {
				delim := r[j : j+d]
				if k := indexOf(r[j+d+1:], ")"+delim+"\""); k >= 0 {
					return j + d + 1 + k + len(delim) + 2
				}
			}
		}
	}
	return 0
}
