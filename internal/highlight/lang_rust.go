package highlight

import "unicode"

// Rouge's Rust lexer.

var rustKeywords = set("as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false",
	"fn", "for", "if", "impl", "in", "let", "log", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self",
	"Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while",
	"abstract", "become", "box", "do", "final", "macro",
	"override", "priv", "typeof", "unsized", "virtual",
	"yield", "try", "union")

var rustBuiltins = set("Add", "BitAnd", "BitOr", "BitXor", "bool", "c_char", "c_double", "c_float", "char",
	"c_int", "clock_t", "c_long", "c_longlong", "Cons", "Const", "Copy", "c_schar", "c_short",
	"c_uchar", "c_uint", "c_ulong", "c_ulonglong", "c_ushort", "c_void", "dev_t", "DIR",
	"dirent", "Div", "Either", "Eq", "Err", "f32", "f64", "Failure", "FILE", "float", "fpos_t",
	"i16", "i32", "i64", "i8", "isize", "Index", "ino_t", "int", "intptr_t", "Left", "mode_t", "Modulo", "Mul",
	"Neg", "Nil", "None", "Num", "off_t", "Ok", "Option", "Ord", "Owned", "pid_t", "Ptr", "ptrdiff_t",
	"Right", "Send", "Shl", "Shr", "size_t", "Some", "ssize_t", "str", "Sub", "Success", "time_t",
	"u16", "u32", "u64", "u8", "usize", "uint", "uintptr_t",
	"Box", "Vec", "String", "Gc", "Rc", "Arc",
	"u128", "i128", "Result", "Sync", "Pin", "Unpin", "Sized", "Drop", "drop", "Fn", "FnMut", "FnOnce",
	"Clone", "PartialEq", "PartialOrd", "AsMut", "AsRef", "From", "Into", "Default",
	"DoubleEndedIterator", "ExactSizeIterator", "Extend", "IntoIterator", "Iterator")

const (
	rsRoot uint8 = iota
	rsBol
	rsAttribute
	rsPlainBlock
	rsDocBlock
	rsMacro
	rsMacroRules
	rsString
)

type rustLexer struct {
	*lexer
	delims [3]int // open ] ) } in macros
}

func lexRust(code string) []span {
	x := rustLexer{lexer: newLexer(code)}
	x.push(rsBol)
	x.drive(x.step)
	return x.toks
}

// rustID is the length of /[\p{XID_Start}_]\p{XID_Continue}*/.
func rustID(r string) int {
	i := 0
	for i < len(r) {
		c := r[i]
		if c < 0x80 {
			if isAlpha(c) || c == '_' || i > 0 && isDigit(c) {
				i++
				continue
			}
			break
		}
		ru, n := decodeRune(r[i:])
		ok := unicode.IsLetter(ru) || unicode.Is(unicode.Nl, ru)
		if i > 0 {
			ok = ok || unicode.Is(unicode.Mn, ru) || unicode.Is(unicode.Mc, ru) || unicode.Is(unicode.Nd, ru) || unicode.Is(unicode.Pc, ru)
		}
		if !ok {
			break
		}
		i += n
	}
	return i
}

func (x *rustLexer) whitespace(r string) bool {
	if n := spaces(r); n > 0 {
		x.tok("", n)
		return true
	}
	if r[0] != '/' || len(r) < 2 {
		return false
	}
	switch {
	case has(r, "////"):
		x.tok("c1", lineLen(r))
	case has(r, "///") || has(r, "//!"):
		x.tok("cd", lineLen(r))
	case has(r, "//"):
		x.tok("c1", lineLen(r))
	case has(r, "/**/"):
		x.tok("cm", 4)
	case has(r, "/***/"):
		x.tok("cm", 5)
	case has(r, "/***"):
		x.tok("cm", 2+runOf(r[2:], func(c byte) bool { return c == '*' }))
		x.push(rsPlainBlock)
	case has(r, "/**") || has(r, "/*!"):
		x.tok("cd", 3)
		x.push(rsDocBlock)
	case has(r, "/*"):
		x.tok("cm", 2)
		x.push(rsPlainBlock)
	default:
		return false
	}
	return true
}

// rustEscape matches \\([nrt'"\\0]|x hex{2}|u\{(hex_*){1,6}\}).
func rustEscape(r string) int {
	if len(r) < 2 || r[0] != '\\' {
		return 0
	}
	switch c := r[1]; {
	case containsByte(`nrt'"\0`, c):
		return 2
	case c == 'x':
		if hexRun(r[2:], 2) {
			return 4
		}
	case c == 'u':
		if len(r) > 3 && r[2] == '{' {
			i, groups := 3, 0
			for groups < 6 && i < len(r) && isHex(r[i]) {
				i++
				i += runOf(r[i:], func(c byte) bool { return c == '_' })
				groups++
			}
			if groups > 0 && i < len(r) && r[i] == '}' {
				return i + 1
			}
		}
	}
	return 0
}

func (x *rustLexer) literals(r string) bool {
	c := r[0]
	if w := bwords(r); (w == 4 || w == 5) && (r[:w] == "true" || r[:w] == "false") {
		x.tok("kc", w)
		return true
	}
	b := 0
	if c == 'b' {
		b = 1
	}
	if b < len(r) && r[b] == '\'' {
		if n := rustEscape(r[b+1:]); n > 0 && b+1+n < len(r) && r[b+1+n] == '\'' {
			x.tok("sc", b+n+2)
			return true
		}
		if b+1 < len(r) && r[b+1] != '\\' {
			_, n := decodeRune(r[b+1:])
			if b+1+n < len(r) && r[b+1+n] == '\'' {
				x.tok("sc", b+n+2)
				return true
			}
		}
	}
	if b < len(r) && r[b] == '"' {
		x.tok("s", b+1)
		x.push(rsString)
		return true
	}
	if b < len(r) && r[b] == 'r' {
		h := runOf(r[b+1:], func(c byte) bool { return c == '#' })
		if i := b + 1 + h; i < len(r) && r[i] == '"' {
			end := "\"" + r[b+1:b+1+h]
			if j := indexOf(r[i+1:], end); j >= 0 {
				x.tok("s", i+1+j+len(end))
				return true
			}
		}
	}
	if isDigit(c) {
		x.number(r)
		return true
	}
	return false
}

func (x *rustLexer) number(r string) {
	d := 1 + runOf(r[1:], func(c byte) bool { return isDigit(c) || c == '_' })
	dot := func(r string) int {
		if len(r) > 1 && r[0] == '.' && isDigit(r[1]) {
			return 2 + runOf(r[2:], func(c byte) bool { return isDigit(c) || c == '_' })
		}
		return 0
	}
	exp := func(r string) int {
		if len(r) < 2 || r[0] != 'e' && r[0] != 'E' {
			return 0
		}
		i := 1
		if r[i] == '+' || r[i] == '-' {
			i++
		}
		if n := runOf(r[i:], func(c byte) bool { return isDigit(c) || c == '_' }); n > 0 {
			return i + n
		}
		return 0
	}
	flt := func(r string) int {
		if has(r, "f32") || has(r, "f64") {
			return 3
		}
		return 0
	}
	if t := dot(r[d:]); t > 0 {
		n := d + t
		n += exp(r[n:])
		n += flt(r[n:])
		x.tok("mf", n)
		return
	}
	if e := exp(r[d:]); e > 0 {
		n := d + e
		x.tok("mf", n+flt(r[n:]))
		return
	}
	if f := flt(r[d:]); f > 0 {
		x.tok("mf", d+f)
		return
	}
	if d < len(r) && r[d] == '.' {
		next := byte(0)
		if d+1 < len(r) {
			next = r[d+1]
		}
		ok := next != '.' && next != '_' && !isAlpha(next)
		if next >= 0x80 {
			ok = rustID(r[d+1:]) == 0
		}
		if ok {
			x.tok("mf", d+1)
			return
		}
	}
	n := d
	if r[0] == '0' && len(r) > 2 {
		var ok func(byte) bool
		switch r[1] {
		case 'b':
			ok = func(c byte) bool { return c == '0' || c == '1' || c == '_' }
		case 'x':
			ok = func(c byte) bool { return isHex(c) || c == '_' }
		case 'o':
			ok = func(c byte) bool { return isOctal(c) || c == '_' }
		}
		if ok != nil {
			if m := runOf(r[2:], ok); m > 0 {
				n = 2 + m
			}
		}
	}
	size := func(r string) int {
		for _, s := range [...]string{"8", "16", "32", "64", "128", "size"} {
			if has(r, s) {
				return len(s)
			}
		}
		return 0
	}
	if n < len(r) && r[n] == 'u' {
		n += 1 + size(r[n+1:])
	} else if n < len(r) && r[n] == 'i' {
		if s := size(r[n+1:]); s > 0 {
			n += 1 + s
		}
	}
	x.tok("mi", n)
}

func (x *rustLexer) step() bool {
	r := x.rest()
	switch x.top() {
	case rsBol:
		if x.whitespace(r) {
			return true
		}
		if r[0] == '#' && len(r) > 1 && isSpace(r[1]) {
			x.tok("cs", lineLen(r))
			return true
		}
		x.pop()
		return true
	case rsAttribute:
		if x.whitespace(r) || x.literals(r) {
			return true
		}
		switch r[0] {
		case '(', ',', ')', '=', ':':
			x.tok("nd", 1)
			return true
		case ']':
			x.tok("nd", 1)
			x.pop()
			return true
		}
		if n := rustID(r); n > 0 {
			x.tok("nd", n)
			return true
		}
		return false
	case rsPlainBlock, rsDocBlock:
		cls := "cm"
		if x.top() == rsDocBlock {
			cls = "cd"
		}
		switch {
		case has(r, "*/"):
			x.tok(cls, 2)
			x.pop()
		case has(r, "/*"):
			x.tok(cls, 2)
			x.push(x.top())
		case r[0] == '*' || r[0] == '/':
			x.tok(cls, 1)
		default:
			x.tok(cls, upTo(r, func(c byte) bool { return c == '*' || c == '/' }))
		}
		return true
	case rsString:
		if r[0] == '"' {
			x.tok("s", 1)
			x.pop()
			return true
		}
		if n := rustEscape(r); n > 0 {
			x.tok("se", n)
			return true
		}
		if n := upTo(r, func(c byte) bool { return c == '"' || c == '\\' }); n > 0 {
			x.tok("s", n)
			return true
		}
		return false
	case rsMacroRules:
		if r[0] == '$' {
			n := 1
			if m := rustID(r[1:]); m > 0 {
				n += m
				if n < len(r) && r[n] == ':' {
					if k := rustID(r[n+1:]); k > 0 {
						n += 1 + k
					}
				}
			}
			x.tok("nv", n)
			return true
		}
		return x.macro(r)
	case rsMacro:
		return x.macro(r)
	}
	return x.root(r)
}

func (x *rustLexer) macro(r string) bool {
	if x.literals(r) {
		return true
	}
	switch r[0] {
	case '[', '(', '{':
		x.delims[delimIndex(r[0])]++
		x.tok("p", 1)
		return true
	case ']', ')', '}':
		x.delims[delimIndex(r[0])]--
		if x.delims == [3]int{} {
			x.pop()
		}
		x.tok("p", 1)
		return true
	}
	if n := rustID(r); n > 0 && n < len(r) && r[n] == '!' {
		x.tok("nd", n+1)
		return true
	}
	if x.root(r) {
		return true
	}
	if r[0] != '\n' {
		_, n := decodeRune(r)
		x.tok("", n)
		return true
	}
	return false
}

func delimIndex(c byte) int {
	switch c {
	case '[', ']':
		return 0
	case '(', ')':
		return 1
	}
	return 2
}

func (x *rustLexer) root(r string) bool {
	c := r[0]
	if c == '\n' {
		x.tok("", 1)
		x.push(rsBol)
		return true
	}
	if x.whitespace(r) {
		return true
	}
	if c == '#' {
		if has(r, "#[") {
			x.tok("nd", 2)
			x.push(rsAttribute)
			return true
		}
		if has(r, "#![") {
			x.tok("nd", 3)
			x.push(rsAttribute)
			return true
		}
	}
	if w := bwords(r); w > 0 && rustKeywords[r[:w]] {
		x.tok("k", w)
		return true
	}
	if x.literals(r) {
		return true
	}
	switch {
	case has(r, "=>") || has(r, "->"):
		x.tok("k", 2)
		return true
	case has(r, "<->"):
		x.tok("k", 3)
		return true
	case containsByte("()[]{}|,:;", c):
		x.tok("p", 1)
		return true
	case containsByte("*/!@~&+%^<>=?-", c):
		x.tok("o", 1)
		return true
	case has(r, "..."):
		x.tok("o", 3)
		return true
	case has(r, ".."):
		x.tok("o", 2)
		return true
	}
	// /([.]\s*)?id(?=\s*[(])/
	pre := 0
	if c == '.' {
		pre = 1 + spaces(r[1:])
	}
	if n := rustID(r[pre:]); n > 0 {
		if s := spaces(r[pre+n:]); pre+n+s < len(r) && r[pre+n+s] == '(' {
			x.tok("nf", pre+n)
			return true
		}
	}
	if c == '.' {
		if wordAt(r[pre:], "await") {
			x.tok("k", pre+5)
			return true
		}
		if n := rustID(r[pre:]); n > 0 {
			x.tok("py", pre+n)
			return true
		}
		if n := digits(r[pre:]); n > 0 {
			x.tok("na", pre+n)
			return true
		}
	}
	if n := rustID(r); n > 0 && has(r[n:], "::") {
		x.tok("nn", n)
		x.tok("p", 2)
		return true
	}
	if has(r, "macro_rules!") {
		x.tok("nd", 12)
		x.push(rsMacroRules)
		return true
	}
	if n := rustID(r); n > 0 && n < len(r) && r[n] == '!' {
		x.tok("nd", n+1)
		x.push(rsMacro)
		return true
	}
	if c == '\'' {
		if wordAt(r[1:], "static") {
			x.tok("k", 7)
			return true
		}
		if n := rustID(r[1:]); n > 0 {
			x.tok("nv", 1+n)
			return true
		}
	}
	if n := rustID(r); n > 0 {
		if rustBuiltins[r[:n]] {
			x.tok("nb", n)
		} else {
			x.tok("n", n)
		}
		return true
	}
	return false
}
