package highlight

// Rouge's Ruby lexer.

var rbKeywords = set("BEGIN", "END", "alias", "begin", "break", "case", "defined?", "do", "else", "elsif", "end",
	"ensure", "for", "if", "in", "next", "redo", "rescue", "raise", "retry", "return", "super", "then",
	"undef", "unless", "until", "when", "while", "yield")

var rbPseudo = set("loop", "include", "extend", "raise",
	"alias_method", "attr", "catch", "throw", "private", "module_function",
	"public", "protected", "true", "false", "nil", "__FILE__", "__LINE__")

var rbBuiltinsG = set("attr_reader", "attr_writer", "attr_accessor",
	"__id__", "__send__", "abort", "ancestors", "at_exit", "autoload", "binding", "callcc",
	"caller", "catch", "chomp", "chop", "class_eval", "class_variables", "clone",
	"const_get", "const_missing", "const_set", "constants",
	"display", "dup", "eval", "exec", "exit", "extend", "fail", "fork", "format", "freeze",
	"getc", "gets", "global_variables", "gsub", "hash", "id", "included_modules",
	"inspect", "instance_eval", "instance_method", "instance_methods",
	"instance_variable_get", "instance_variable_set", "instance_variables",
	"lambda", "load", "local_variables", "loop", "method", "method_missing",
	"methods", "module_eval", "name", "object_id", "open", "p", "print", "printf",
	"private_class_method", "private_instance_methods", "private_methods", "proc",
	"protected_instance_methods", "protected_methods", "public_class_method",
	"public_instance_methods", "public_methods", "putc", "puts", "raise", "rand",
	"readline", "readlines", "require", "require_relative", "scan", "select", "self", "send", "set_trace_func",
	"singleton_methods", "sleep", "split", "sprintf", "srand", "sub", "syscall", "system",
	"taint", "test", "throw", "to_a", "to_s", "trace_var", "trap", "untaint", "untrace_var", "warn")

var rbBuiltinsQ = []string{"autoload", "block_given", "const_defined", "eql", "equal", "frozen",
	"include", "instance_of", "is_a", "iterator", "kind_of", "method_defined",
	"nil", "private_method_defined", "protected_method_defined",
	"public_method_defined", "respond_to", "tainted"}

var rbBuiltinsB = []string{"chomp", "chop", "exit", "gsub", "sub"}

const (
	rbRoot uint8 = iota
	rbExprStart
	rbMethodCall
	rbMethodCallSpaced
	rbFuncname
	rbClassname
	rbDefexpr
	rbTernary
	rbInInterp
	rbString
	rbSym
	rbBacktick
	rbSigil
	rbRegexFlags
	rbSlashRegex
	rbHeredocQueue
	rbResolveHeredocs
	rbTestHeredoc
	rbEndPart
)

// rbSigilState is the state Rouge builds for one %-literal.
type rbSigilState struct {
	open, close string
	interp      bool
	cls         string
}

type rbHeredoc struct {
	tolerant bool
	name     string
}

type rubyLexer struct {
	*lexer
	sigils   []rbSigilState
	heredocs []rbHeredoc
}

func lexRuby(code string) []span {
	x := rubyLexer{lexer: newLexer(code)}
	x.push(rbExprStart)
	x.drive(x.step)
	return x.toks
}

func (x *rubyLexer) rpop() {
	if x.top() == rbSigil {
		x.sigils = x.sigils[:len(x.sigils)-1]
	}
	x.pop()
}

func (x *rubyLexer) rgoto(st uint8) {
	if x.top() == rbSigil {
		x.sigils = x.sigils[:len(x.sigils)-1]
	}
	x.goTo(st)
}

func (x *rubyLexer) step() bool {
	r := x.rest()
	switch x.top() {
	case rbExprStart:
		return x.exprStart(r)
	case rbMethodCall:
		if r[0] == '/' || r[0] == '%' {
			x.tok("o", 1)
			x.rgoto(rbExprStart)
		} else if r[0] == '\n' {
			x.rpop()
		} else {
			x.rgoto(rbMethodCallSpaced)
		}
		return true
	case rbMethodCallSpaced:
		if x.whitespace(r) {
			return true
		}
		if (r[0] == '%' || r[0] == '/') && len(r) > 1 && r[1] == '=' {
			x.tok("o", 2)
			x.rgoto(rbExprStart)
			return true
		}
		if r[0] == '/' && len(r) > 1 && (!isSpace(r[1]) || spaces(r[1:]) < len(r)-1 && r[1+spaces(r[1:])] == '/') {
			x.tok("sr", 1)
			x.rgoto(rbSlashRegex)
			return true
		}
		if x.sigilStart(r) {
			return true
		}
		if s := spaces(r); s < len(r) && r[s] == '/' {
			x.rpop()
			return true
		}
		if s := spaces(r); s > 0 {
			x.tok("", s)
			x.rgoto(rbExprStart)
			return true
		}
		x.rpop()
		return true
	case rbFuncname:
		if s := spaces(r); s > 0 {
			x.tok("", s)
			return true
		}
		if r[0] == '(' {
			x.tok("p", 1)
			x.push(rbDefexpr)
			return true
		}
		if n := words(r); n > 0 && (isAlpha(r[0]) || r[0] == '_') && n < len(r) && r[n] == '.' {
			if m := rbFuncName(r[n+1:]); m > 0 {
				x.tok("nc", n)
				x.tok("o", 1)
				x.tok("nf", m)
				x.rpop()
				return true
			}
		}
		if m := rbFuncName(r); m > 0 {
			x.tok("nf", m)
		}
		x.rpop()
		return true
	case rbClassname:
		if s := spaces(r); s > 0 {
			x.tok("", s)
			return true
		}
		if n := rbScopedName(r); n > 0 {
			x.tok("nc", n)
			return true
		}
		switch {
		case r[0] == '(':
			x.tok("p", 1)
			x.push(rbDefexpr)
			x.push(rbExprStart)
		case has(r, "<<"):
			x.tok("o", 2)
			x.rgoto(rbExprStart)
		case isUpper(r[0]) || r[0] == '_':
			x.tok("nc", words(r))
			x.rpop()
		default:
			x.rpop()
		}
		return true
	case rbTernary:
		if r[0] == ':' {
			if s := spaces(r[1:]); s > 0 {
				x.tok("p", 1)
				x.tok("", s)
				x.rgoto(rbExprStart)
				return true
			}
			line := r[1:]
			line = line[:upTo(line, func(c byte) bool { return c == '#' || c == '\n' })]
			if upTo(line, func(c byte) bool { return c == ':' || c == '\\' }) == len(line) {
				x.tok("p", 1)
				x.rgoto(rbExprStart)
				return true
			}
		}
	case rbDefexpr:
		if r[0] == ')' {
			x.tok("p", 1)
			if len(r) > 1 && r[1] == '.' {
				x.tok("o", 1)
			} else if has(r[1:], "::") {
				x.tok("o", 2)
			}
			x.rpop()
			return true
		}
		if r[0] == '(' {
			x.tok("p", 1)
			x.push(rbDefexpr)
			x.push(rbExprStart)
			return true
		}
	case rbInInterp:
		if r[0] == '}' {
			x.tok("si", 1)
			x.rpop()
			return true
		}
	case rbString, rbSym, rbBacktick:
		cls, fin := "s2", byte('"')
		if x.top() == rbSym {
			cls = "ss"
		} else if x.top() == rbBacktick {
			cls, fin = "sb", '`'
		}
		if x.intpEscaped(r) {
			return true
		}
		switch r[0] {
		case fin:
			x.tok(cls, 1)
			x.rpop()
		case '\\', '#':
			x.tok(cls, 1)
		default:
			x.tok(cls, upTo(r, func(c byte) bool { return c == '\\' || c == fin || c == '#' }))
		}
		return true
	case rbSigil:
		return x.sigilStep(r)
	case rbRegexFlags:
		x.tok("sr", runOf(r, func(c byte) bool { return containsByte("mixounse", c) }))
		x.rpop()
		return true
	case rbSlashRegex:
		if x.intp(r) {
			return true
		}
		switch {
		case has(r, `\\`) || has(r, `\/`):
			x.tok("sr", 2)
		case r[0] == '\\' || r[0] == '#':
			x.tok("sr", 1)
		case r[0] == '/':
			x.tok("sr", 1)
			x.rgoto(rbRegexFlags)
		default:
			x.tok("sr", upTo(r, func(c byte) bool { return c == '\\' || c == '/' || c == '#' }))
		}
		return true
	case rbHeredocQueue:
		if r[0] == '\n' {
			x.rgoto(rbResolveHeredocs)
			return true
		}
	case rbResolveHeredocs:
		if x.intpEscaped(r) {
			return true
		}
		switch r[0] {
		case '\n':
			x.tok("sh", 1)
			x.push(rbTestHeredoc)
		case '#', '\\':
			x.tok("sh", 1)
		default:
			x.tok("sh", upTo(r, func(c byte) bool { return c == '#' || c == '\\' || c == '\n' }))
		}
		return true
	case rbTestHeredoc:
		n := upTo(r, func(c byte) bool { return c == '#' || c == '\\' || c == '\n' })
		if n == len(r) || r[n] == '\n' {
			h := rbHeredoc{}
			if len(x.heredocs) > 0 {
				h = x.heredocs[0]
			}
			check := trimRightSpace(r[:n])
			if h.tolerant {
				check = check[spaces(check):]
			}
			if len(x.heredocs) > 0 && check == h.name {
				x.heredocs = x.heredocs[1:]
				if len(x.heredocs) == 0 {
					x.rpop()
				}
				x.tok("no", n)
			} else {
				x.tok("sh", n)
			}
		}
		x.rpop()
		return true
	case rbEndPart:
		x.tok("cp", len(r))
		x.rpop()
		return true
	}
	return x.root(r)
}

func trimRightSpace(s string) string {
	for len(s) > 0 && (isSpace(s[len(s)-1]) || s[len(s)-1] == 0) {
		s = s[:len(s)-1]
	}
	return s
}

// rbFuncName matches the method name alternatives of Rouge's :funcname.
func rbFuncName(r string) int {
	if len(r) == 0 {
		return 0
	}
	if isAlpha(r[0]) || r[0] == '_' {
		n := words(r)
		if n < len(r) && (r[n] == '!' || r[n] == '?') {
			n++
		}
		return n
	}
	switch r[0] {
	case '*':
		if has(r, "**") {
			return 2
		}
		return 1
	case '-', '+':
		if len(r) > 1 && r[1] == '@' {
			return 2
		}
		return 1
	case '/', '%', '&', '|', '^', '`', '~':
		return 1
	case '[':
		if has(r, "[]=") {
			return 3
		}
		if has(r, "[]") {
			return 2
		}
	case '<':
		if has(r, "<<") {
			return 2
		}
		return 1
	case '>':
		if has(r, ">>") {
			return 2
		}
		return 1
	case '=':
		if has(r, "===") {
			return 3
		}
		if has(r, "==") {
			return 2
		}
	}
	return 0
}

// rbScopedName matches /\w+(::\w+)+/.
func rbScopedName(r string) int {
	n := words(r)
	if n == 0 {
		return 0
	}
	i := n
	for has(r[i:], "::") {
		w := words(r[i+2:])
		if w == 0 {
			break
		}
		i += 2 + w
	}
	if i == n {
		return 0
	}
	return i
}

// whitespace is Rouge's :whitespace state.
func (x *rubyLexer) whitespace(r string) bool {
	switch r[0] {
	case ' ', '\t', '\r':
		x.tok("", runOf(r, func(c byte) bool { return c == ' ' || c == '\t' || c == '\r' }))
		return true
	case '\n':
		x.tok("", 1+spaces(r[1:]))
		x.push(rbExprStart)
		return true
	case '#':
		x.tok("c1", lineLen(r))
		return true
	case '=':
		if wordAt(r, "=begin") {
			for i := 6; i < len(r); i++ {
				if r[i] == '\n' && wordAt(r[i+1:], "=end") {
					x.tok("cm", i+5)
					return true
				}
			}
		}
	}
	return false
}

func (x *rubyLexer) exprStart(r string) bool {
	switch r[0] {
	case ' ', '\t', '\r':
		x.tok("", runOf(r, func(c byte) bool { return c == ' ' || c == '\t' || c == '\r' }))
		return true
	case '/':
		x.tok("sr", 1)
		x.rgoto(rbSlashRegex)
		return true
	case '?':
		if n := rbCharLit(r); n > 0 {
			x.tok("sc", n)
			x.rpop()
			return true
		}
	}
	// /(\s*)(%[rqswQWxiI]? \S* )/
	if s := spaces(r); s < len(r) && r[s] == '%' {
		i := s + 1
		if i < len(r) && containsByte("rqswQWxiI", r[i]) {
			i++
		}
		if i < len(r) && r[i] == ' ' {
			j := i + 1
			for j < len(r) && !isSpace(r[j]) {
				j++
			}
			if j < len(r) && r[j] == ' ' {
				x.tok("", s)
				x.tok("sx", j+1-s)
				x.rpop()
				return true
			}
		}
	}
	if x.sigilStart(r) {
		return true
	}
	x.rpop()
	return true
}

// rbCharLit matches Rouge's ?x character literal rule.
func rbCharLit(r string) int {
	i := 1
	for has(r[i:], `\M-`) || has(r[i:], `\C-`) {
		i += 3
	}
	if i >= len(r) {
		return 0
	}
	n := 0
	if r[i] == '\\' {
		n = rbEscape(r[i:])
	}
	if n == 0 {
		if isSpace(r[i]) {
			return 0
		}
		_, n = decodeRune(r[i:])
	}
	i += n
	if i < len(r) && isWord(r[i]) {
		return 0
	}
	return i
}

// rbEscape matches /\\([\\abefnrstv#"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})/.
func rbEscape(r string) int {
	if len(r) < 2 || r[0] != '\\' {
		return 0
	}
	c := r[1]
	switch {
	case containsByte(`\abefnrstv#"'`, c):
		return 2
	case c == 'x':
		if n := runOf(r[2:min(len(r), 4)], isHex); n > 0 {
			return 2 + n
		}
	case isOctal(c):
		return 1 + runOf(r[1:min(len(r), 4)], isOctal)
	}
	return 0
}

// intp is Rouge's :string_intp.
func (x *rubyLexer) intp(r string) bool {
	if r[0] != '#' || len(r) < 2 {
		return false
	}
	if r[1] == '{' {
		x.tok("si", 2)
		x.push(rbInInterp)
		return true
	}
	i := 1
	switch {
	case has(r[1:], "@@"):
		i = 3
	case r[1] == '@' || r[1] == '$':
		i = 2
	default:
		return false
	}
	if i < len(r) && (isAlpha(r[i]) || r[i] == '_') {
		x.tok("si", i+words(r[i:]))
		return true
	}
	if i == 3 && (isAlpha(r[2]) || r[2] == '_') {
		return false
	}
	return false
}

// intpEscaped is Rouge's :string_intp_escaped.
func (x *rubyLexer) intpEscaped(r string) bool {
	if x.intp(r) {
		return true
	}
	if r[0] == '\\' {
		if n := rbEscape(r); n > 0 {
			x.tok("se", n)
			return true
		}
		if len(r) > 1 && r[1] != '\n' {
			_, n := decodeRune(r[1:])
			x.tok("se", 1+n)
			return true
		}
	}
	return false
}

var rbDelims = map[string]string{"{": "}", "[": "]", "(": ")", "<": ">"}

// sigilStart matches /%([rqswQWxiI])?([^\w\s])/.
func (x *rubyLexer) sigilStart(r string) bool {
	if r[0] != '%' || len(r) < 2 {
		return false
	}
	i := 1
	letter := byte(0)
	if containsByte("rqswQWxiI", r[1]) && len(r) > 2 && !isWord(r[2]) && !isSpace(r[2]) {
		letter = r[1]
		i = 2
	}
	if isWord(r[i]) || isSpace(r[i]) {
		return false
	}
	_, n := decodeRune(r[i:])
	open := r[i : i+n]
	cls := rbDelims[open]
	if cls == "" {
		cls = open
	}
	st := rbSigilState{open: open, close: cls, interp: letter != 0 && containsByte("rQWxI", letter), cls: "sx"}
	if letter == 'r' {
		st.cls = "sr"
		x.push(rbRegexFlags)
	}
	x.tok(st.cls, i+n)
	x.sigils = append(x.sigils, st)
	x.push(rbSigil)
	return true
}

func (x *rubyLexer) sigilStep(r string) bool {
	st := x.sigils[len(x.sigils)-1]
	if r[0] == '\\' && len(r) > 1 {
		if c := r[1:]; c[0] == '#' || c[0] == '\\' || has(c, st.open) || has(c, st.close) {
			n := 1
			if !has(c, st.open) && !has(c, st.close) {
				n = 1
			} else if has(c, st.open) {
				n = len(st.open)
			} else {
				n = len(st.close)
			}
			x.tok("se", 1+n)
			return true
		}
	}
	if st.open != st.close && has(r, st.open) {
		x.tok(st.cls, len(st.open))
		x.sigils = append(x.sigils, st)
		x.push(rbSigil)
		return true
	}
	if has(r, st.close) {
		x.tok(st.cls, len(st.close))
		x.rpop()
		return true
	}
	if st.interp {
		if x.intpEscaped(r) {
			return true
		}
		if r[0] == '#' {
			x.tok(st.cls, 1)
			return true
		}
	} else if r[0] == '\\' || r[0] == '#' {
		x.tok(st.cls, 1)
		return true
	}
	n := 0
	for n < len(r) && r[n] != '#' && r[n] != '\\' && !has(r[n:], st.open) && !has(r[n:], st.close) {
		n++
	}
	if n == 0 {
		return false
	}
	x.tok(st.cls, n)
	return true
}

// rbSingle matches /'(\\\\|\\'|[^'])*'/ from r[0] (the quote is at r[0]).
func rbSingle(r string) int { return quotedBT(r, '\'') }

// quotedBT matches /q(\\\\|\\q|[^q])*q/ (q is r[0]) as Onigmo does: when
// no quote closes it, it backtracks to end at the last escaped quote.
func quotedBT(r string, q byte) int {
	lastEsc := -1
	for i := 1; i < len(r); i++ {
		switch r[i] {
		case '\\':
			if i+1 < len(r) && (r[i+1] == '\\' || r[i+1] == q) {
				if r[i+1] == q {
					lastEsc = i + 1
				}
				i++
			}
		case q:
			return i + 1
		}
	}
	if lastEsc > 0 {
		return lastEsc + 1
	}
	return 0
}

func (x *rubyLexer) symbols(r string) bool {
	if r[0] != ':' || len(r) < 2 {
		return false
	}
	i := 1
	for i < 3 && i < len(r) && r[i] == '@' {
		i++
	}
	if i < len(r) && (isAlpha(r[i]) || r[i] == '_') {
		i += words(r[i:])
		if i < len(r) && (r[i] == '!' || r[i] == '?') {
			i++
		}
		x.tok("ss", i)
		return true
	}
	for _, op := range [...]string{"**", "-@", "+@", "/", "%", "&", "|", "^", "`", "~", "[]=", "[]", "<<", ">>", "<=>", "<>", "<=", "<", "===", "=="} {
		if has(r[1:], op) {
			x.tok("ss", 1+len(op))
			return true
		}
	}
	if r[1] == '\'' {
		if n := rbSingle(r[1:]); n > 0 {
			x.tok("ss", 1+n)
			return true
		}
	}
	if r[1] == '"' {
		x.tok("ss", 2)
		x.push(rbSym)
		return true
	}
	return false
}

// strings is Rouge's :strings state.
func (x *rubyLexer) strings(r string) bool {
	if x.symbols(r) {
		return true
	}
	// /\b[a-z_]\w*?[?!]?:\s+/
	if isLower(r[0]) || r[0] == '_' {
		n := words(r)
		if n < len(r) && (r[n] == '?' || r[n] == '!') {
			n++
		}
		if n < len(r) && r[n] == ':' {
			if s := spaces(r[n+1:]); s > 0 {
				x.tok("ss", n+1+s)
				x.push(rbExprStart)
				return true
			}
		}
	}
	switch r[0] {
	case '\'':
		if n := rbSingle(r); n > 0 {
			x.tok("s1", n)
			return true
		}
	case '"':
		x.tok("s2", 1)
		x.push(rbString)
		return true
	case '`':
		x.tok("sb", 1)
		x.push(rbBacktick)
		return true
	}
	return false
}

// rbKeyword matches the keyword rule: a keyword followed by \W or the end.
func rbKeyword(r string) int {
	n := words(r)
	if n == 0 {
		return 0
	}
	if has(r[n:], "?") && r[:n] == "defined" {
		return n + 1
	}
	if rbKeywords[r[:n]] {
		return n
	}
	return 0
}

func (x *rubyLexer) root(r string) bool {
	if x.whitespace(r) {
		return true
	}
	if has(r, "__END__") {
		x.tok("cp", 7)
		x.push(rbEndPart)
		return true
	}
	c := r[0]
	if isDigit(c) {
		x.number(r)
		return true
	}
	switch c {
	case '@':
		i := 1
		cls := "vi"
		if len(r) > 1 && r[1] == '@' {
			i, cls = 2, "vc"
		}
		if i < len(r) && (isAlpha(r[i]) || r[i] == '_') {
			x.tok(cls, i+words(r[i:]))
			return true
		}
	case '$':
		if n := words(r[1:]); n > 0 {
			x.tok("vg", 1+n)
			return true
		}
		if len(r) > 1 && containsByte("!@&`'+~=/\\,;.<>_*$?:\"", r[1]) {
			x.tok("vg", 2)
			return true
		}
		if len(r) > 2 && r[1] == '-' && containsByte("0adFiIlpvw", r[2]) {
			x.tok("vg", 3)
			return true
		}
	case ':':
		if has(r, "::") {
			x.tok("o", 2)
			return true
		}
	}
	if x.strings(r) {
		return true
	}
	if n := rbKeyword(r); n > 0 {
		x.tok("k", n)
		x.push(rbExprStart)
		return true
	}
	w := words(r)
	bw := bwords(r)
	if bw > 0 && rbPseudo[r[:bw]] {
		x.tok("kp", w)
		x.push(rbExprStart)
		return true
	}
	if has(r, "module") {
		if s := spaces(r[6:]); s > 0 {
			if n := rbModuleName(r[6+s:]); n > 0 {
				x.tok("k", 6)
				x.tok("", s)
				x.tok("nn", n)
				return true
			}
		}
	}
	if bw == 3 && r[:3] == "def" || bw == 5 && r[:5] == "class" {
		x.tok("k", w)
		x.tok("", spaces(r[w:]))
		if w == 3 {
			x.push(rbFuncname)
		} else {
			x.push(rbClassname)
		}
		return true
	}
	for _, b := range rbBuiltinsQ {
		if has(r, b) && has(r[len(b):], "?") {
			x.tok("nb", len(b)+1)
			x.push(rbExprStart)
			return true
		}
	}
	for _, b := range rbBuiltinsB {
		if has(r, b) && has(r[len(b):], "!") {
			x.tok("nb", len(b)+1)
			x.push(rbExprStart)
			return true
		}
	}
	if bw > 0 && rbBuiltinsG[r[:bw]] {
		x.tok("nb", w)
		x.push(rbMethodCall)
		return true
	}
	if c == '<' && x.heredoc(r) {
		return true
	}
	if has(r, "..") {
		n := 2
		if has(r, "...") {
			n = 3
		}
		x.tok("o", n)
		x.push(rbExprStart)
		return true
	}
	if isUpper(c) {
		x.tok("no", 1+runOf(r[1:], isWord))
		x.push(rbMethodCall)
		return true
	}
	if c == '.' {
		s := spaces(r[1:])
		if n := rbMethodName(r[1+s:]); n > 0 {
			x.tok("p", 1)
			x.tok("", s)
			x.tok("nf", n)
			x.push(rbMethodCall)
			return true
		}
	}
	if isAlpha(c) || c == '_' {
		if w < len(r) && (r[w] == '?' || r[w] == '!') {
			x.tok("n", w+1)
			x.push(rbExprStart)
			return true
		}
		x.tok("n", w)
		x.push(rbMethodCall)
		return true
	}
	if n := rbOperator(r); n > 0 {
		x.tok("o", n)
		x.push(rbExprStart)
		return true
	}
	switch c {
	case '?':
		x.tok("p", 1)
		x.push(rbTernary)
		x.push(rbExprStart)
		return true
	case '[', '(', '{', ',', ':', '\\', ';', '/':
		x.tok("p", 1)
		x.push(rbExprStart)
		return true
	case ']', ')', '}':
		x.tok("p", 1)
		return true
	}
	return false
}

// rbMethodName matches /[a-z_]\w*[!?]?|[*%&^`~+-\/\[<>=]/ after a dot.
func rbMethodName(r string) int {
	if len(r) == 0 {
		return 0
	}
	if isLower(r[0]) || r[0] == '_' {
		n := words(r)
		if n < len(r) && (r[n] == '!' || r[n] == '?') {
			n++
		}
		return n
	}
	if containsByte("*%&^`~+,-./[<>=", r[0]) {
		return 1
	}
	return 0
}

// rbModuleName matches /[a-zA-Z_][a-zA-Z0-9_]*(::[a-zA-Z_][a-zA-Z0-9_]*)*/.
func rbModuleName(r string) int {
	if len(r) == 0 || !(isAlpha(r[0]) || r[0] == '_') {
		return 0
	}
	i := words(r)
	for has(r[i:], "::") && i+2 < len(r) && (isAlpha(r[i+2]) || r[i+2] == '_') {
		i += 2 + words(r[i+2:])
	}
	return i
}

// rbOperator matches Rouge's two operator rules.
func rbOperator(r string) int {
	for _, op := range [...]string{"**", "<<", "<", ">>", ">", "=~", "===", "!~", "&&", "&", "||", "."} {
		if has(r, op) {
			return len(op)
		}
	}
	if containsByte("-+/*%=<>&!^|~", r[0]) {
		if len(r) > 1 && r[1] == '=' {
			return 2
		}
		return 1
	}
	return 0
}

func (x *rubyLexer) heredoc(r string) bool {
	if !has(r, "<<") {
		return false
	}
	i := 2
	if i < len(r) && (r[i] == '-' || r[i] == '~') {
		i++
	}
	tolerant := i == 3
	q := byte(0)
	j := i
	if j < len(r) && (r[j] == '"' || r[j] == '`' || r[j] == '\'') {
		q = r[j]
		j++
	}
	if j < len(r) && (isAlpha(r[j]) || r[j] == '_') {
		w := words(r[j:])
		k := j + w
		if q == 0 || k < len(r) && r[k] == q {
			if q != 0 {
				k++
			}
			x.tok("o", i)
			x.tok("no", k-i)
			x.heredocs = append(x.heredocs, rbHeredoc{tolerant, r[j : j+w]})
			if x.top() != rbHeredocQueue {
				x.push(rbHeredocQueue)
			}
			return true
		}
	}
	if q == '"' || q == '\'' {
		if j < len(r) && r[j] == q {
			x.tok("o", i)
			x.tok("no", 2)
			x.heredocs = append(x.heredocs, rbHeredoc{tolerant, ""})
			if x.top() != rbHeredocQueue {
				x.push(rbHeredocQueue)
			}
			return true
		}
	}
	return false
}

func (x *rubyLexer) number(r string) {
	if r[0] == '0' && len(r) > 1 {
		if n := rbUnderscored(r[1:], isOctal, true); n > 0 {
			x.tok("mo", 1+n)
			return
		}
		if (r[1] == 'x') && len(r) > 2 {
			if n := rbUnderscored(r[2:], isHex, false); n > 0 {
				x.tok("mh", 2+n)
				return
			}
		}
		if r[1] == 'b' && len(r) > 2 {
			if n := rbUnderscored(r[2:], func(c byte) bool { return c == '0' || c == '1' }, false); n > 0 {
				x.tok("mb", 2+n)
				return
			}
		}
	}
	d := rbUnderscored(r, isDigit, false)
	if d < len(r) && r[d] == '.' {
		if f := rbUnderscored(r[d+1:], isDigit, false); f > 0 {
			n := d + 1 + f
			x.tok("mf", n+exponentI(r[n:]))
			return
		}
	}
	if e := exponentI(r[d:]); e > 0 {
		x.tok("mf", d+e)
		return
	}
	x.tok("mi", d)
}

// rbUnderscored matches /D+(?:_D+)*/ (with leadUnderscore, /_?D+(?:_D+)*/).
func rbUnderscored(r string, ok func(byte) bool, leadUnderscore bool) int {
	i := 0
	if leadUnderscore && i < len(r) && r[i] == '_' {
		i++
	}
	n := runOf(r[i:], ok)
	if n == 0 {
		return 0
	}
	i += n
	for i+1 < len(r) && r[i] == '_' && ok(r[i+1]) {
		i += 1 + runOf(r[i+1:], ok)
	}
	return i
}

// exponentI matches /e[+-]?\d+/i.
func exponentI(r string) int {
	if len(r) < 2 || r[0]|0x20 != 'e' {
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
