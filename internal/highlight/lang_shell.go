package highlight

// Rouge's Shell lexer (shell, bash, sh, zsh, ksh) and its Console lexer.

const (
	shRoot uint8 = iota
	shHeredoc
	shHeredocNL
	shDouble
	shAnsi
	shSingle
	shCurly
	shParenInterp
	shParenInner
	shMath
	shCase
	shCaseStanza
	shBackticks
)

var shKeywords = set("if", "fi", "else", "while", "do", "done", "for", "then", "return",
	"function", "select", "continue", "until", "esac", "elif", "in")

var shBuiltins = set("alias", "bg", "bind", "break", "builtin", "caller", "cd", "command",
	"compgen", "complete", "declare", "dirs", "disown", "enable", "eval", "exec", "exit",
	"export", "false", "fc", "fg", "getopts", "hash", "help", "history", "jobs", "let",
	"local", "logout", "mapfile", "popd", "pushd", "pwd", "read", "readonly", "set",
	"shift", "shopt", "source", "suspend", "test", "time", "times", "trap", "true", "type",
	"typeset", "ulimit", "umask", "unalias", "unset", "wait",
	"cat", "tac", "nl", "od", "base32", "base64", "fmt", "pr", "fold", "head", "tail", "split", "csplit",
	"wc", "sum", "cksum", "b2sum", "md5sum", "sha1sum", "sha224sum", "sha256sum", "sha384sum",
	"sha512sum", "sort", "shuf", "uniq", "comm", "ptx", "tsort", "cut", "paste", "join", "tr", "expand",
	"unexpand", "ls", "dir", "vdir", "dircolors", "cp", "dd", "install", "mv", "rm", "shred", "link", "ln",
	"mkdir", "mkfifo", "mknod", "readlink", "rmdir", "unlink", "chown", "chgrp", "chmod", "touch",
	"df", "du", "stat", "sync", "truncate", "echo", "printf", "yes", "expr", "tee", "basename", "dirname",
	"pathchk", "mktemp", "realpath", "stty", "printenv", "tty", "id", "logname", "whoami",
	"groups", "users", "who", "date", "arch", "nproc", "uname", "hostname", "hostid", "uptime", "chcon",
	"runcon", "chroot", "env", "nice", "nohup", "stdbuf", "timeout", "kill", "sleep", "factor", "numfmt",
	"seq", "tar", "grep", "sudo", "awk", "sed", "gzip", "gunzip")

// shellLexer carries the heredoc terminator between rules.
type shellLexer struct {
	*lexer
	heredoc string
}

func lexShell(code string) []span {
	x := shellLexer{lexer: newLexer(code)}
	x.run()
	return x.toks
}

// run lexes up to x.end, continuing from the current state.
func (x *shellLexer) run() {
	for x.more() {
		if !x.step() {
			x.errChar()
		}
	}
}

func (x *shellLexer) step() bool {
	r := x.rest()
	switch x.top() {
	case shHeredoc:
		switch {
		case r[0] == '\n':
			x.tok("sh", 1)
			x.push(shHeredocNL)
			return true
		case r[0] != '$' && r[0] != '\\':
			x.tok("sh", upTo(r, func(c byte) bool { return c == '$' || c == '\n' || c == '\\' }))
			return true
		}
		if x.interp(r) {
			return true
		}
		if r[0] == '$' {
			x.tok("sh", 1)
			return true
		}
		return false
	case shHeredocNL:
		// /\s*(\w+)\s*\n/, else pop
		s := spaces(r)
		if w := words(r[s:]); w > 0 {
			t := spaces(r[s+w:])
			if nl := lastNL(r[s+w : s+w+t]); nl >= 0 {
				if r[s:s+w] == x.heredoc {
					x.tok("no", s+w+nl+1)
					x.popN(2)
				} else {
					x.tok("sh", s+w+nl+1)
				}
				return true
			}
		}
		x.pop()
		return true
	case shDouble:
		if r[0] == '"' {
			x.tok("s2", 1)
			x.pop()
			return true
		}
		if r[0] == '$' {
			if has(r, "$\"") {
				x.tok("s2", 2)
				x.pop()
				return true
			}
			if has(r, "$#\"") {
				x.tok("s2", 3)
				x.pop()
				return true
			}
		}
		if x.interp(r) {
			return true
		}
		if n := upTo(r, func(c byte) bool { return c == '"' || c == '`' || c == '\\' || c == '$' }); n > 0 {
			x.tok("s2", n)
			return true
		}
		return false
	case shAnsi:
		if r[0] == '\\' {
			if len(r) > 1 && r[1] != '\n' {
				_, n := decodeRune(r[1:])
				x.tok("se", 1+n)
				return true
			}
		} else if r[0] != '\'' {
			x.tok("s1", upTo(r, func(c byte) bool { return c == '\\' || c == '\'' }))
			return true
		}
		return x.single(r)
	case shSingle:
		return x.single(r)
	case shCurly:
		switch {
		case r[0] == '}':
			x.tok("k", 1)
			x.pop()
			return true
		case has(r, ":-"):
			x.tok("k", 2)
			return true
		case isWord(r[0]):
			x.tok("nv", words(r))
			return true
		}
		if n := upTo(r, func(c byte) bool {
			return c == '}' || c == ':' || c == '"' || c == '`' || c == '\'' || c == '$'
		}); n > 0 {
			x.tok("p", n)
			return true
		}
	case shParenInterp:
		switch r[0] {
		case ')':
			x.tok("si", 1)
			x.pop()
			return true
		case '(':
			x.tok("o", 1)
			x.push(shParenInner)
			return true
		}
	case shParenInner:
		switch r[0] {
		case '(':
			x.tok("o", 1)
			x.push(shParenInner)
			return true
		case ')':
			x.tok("o", 1)
			x.pop()
			return true
		}
	case shMath:
		if has(r, "))") {
			x.tok("k", 2)
			x.pop()
			return true
		}
		switch r[0] {
		case '-', '+', '*', '/', '%', '^', '|', '&', '!':
			x.tok("o", 1)
			return true
		}
		if n := digits(r); n > 0 {
			if n < len(r) && r[n] == '#' && n+1 < len(r) && isWord(r[n+1]) {
				n += 1 + words(r[n+1:])
			}
			x.tok("m", n)
			return true
		}
	case shCase:
		if wordAt(r, "esac") {
			x.tok("k", 4)
			x.pop()
			return true
		}
		switch r[0] {
		case '|':
			x.tok("p", 1)
			return true
		case ')':
			x.tok("p", 1)
			x.push(shCaseStanza)
			return true
		}
	case shCaseStanza:
		if has(r, ";;") {
			x.tok("p", 2)
			x.pop()
			return true
		}
	case shBackticks:
		if r[0] == '`' {
			x.tok("sb", 1)
			x.pop()
			return true
		}
	}
	return x.root(r)
}

func (x *shellLexer) single(r string) bool {
	if r[0] == '\'' {
		x.tok("s1", 1)
		x.pop()
		return true
	}
	x.tok("s1", upTo(r, func(c byte) bool { return c == '\'' }))
	return true
}

// root is the root state: Rouge's :basic then :data.
func (x *shellLexer) root(r string) bool {
	c := r[0]
	// basic
	if c == '#' {
		x.tok("c", lineLen(r))
		return true
	}
	if w := bwords(r); w > 0 {
		word := r[:w]
		if shKeywords[word] {
			n := w
			if s := spaces(r[w:]); s > 0 && wordCharAt(r, w+s) {
				n += s
			}
			x.tok("k", n)
			return true
		}
		if word == "case" {
			x.tok("k", 4)
			x.push(shCase)
			return true
		}
		if shBuiltins[word] {
			// /\b(BUILTINS)\s*\b(?!(\.|-))/
			n := -1
			if s := spaces(r[w:]); s > 0 && wordCharAt(r, w+s) {
				n = w + s
			} else if w == len(r) || r[w] != '.' && r[w] != '-' {
				n = w
			}
			if n > 0 {
				x.tok("nb", n)
				return true
			}
		}
	}
	if c == '.' && len(r) > 1 && isSpace(r[1]) {
		x.tok("nb", 1)
		return true
	}
	if w := words(r); w > 0 && w < len(r) && r[w] == '=' {
		x.tok("nv", w)
		x.tok("o", 1)
		return true
	}
	switch c {
	case '[', ']', '{', '}', '(', ')', '!', '=', '>':
		x.tok("o", 1)
		return true
	case '&', '|':
		if len(r) > 1 && r[1] == c {
			x.tok("o", 2)
			return true
		}
	case '<':
		if has(r, "<<<") {
			x.tok("o", 3)
			return true
		}
		if has(r, "<<") && x.heredocStart(r) {
			return true
		}
	}
	// data
	if n := spaces(r); n > 0 {
		x.tok("", n)
		return true
	}
	switch c {
	case '\\':
		if len(r) > 1 && r[1] != '\n' {
			_, n := decodeRune(r[1:])
			x.tok("se", 1+n)
			return true
		}
	case '$':
		if has(r, "$\"") {
			x.tok("s2", 2)
			x.push(shDouble)
			return true
		}
		if has(r, "$'") {
			x.tok("s1", 2)
			x.push(shAnsi)
			return true
		}
	case '"':
		x.tok("s2", 1)
		x.push(shDouble)
		return true
	case '\'':
		x.tok("s1", 1)
		x.push(shSingle)
		return true
	case '*':
		x.tok("k", 1)
		return true
	case ';':
		x.tok("p", 1)
		return true
	case '-':
		// /--?[\w-]+/: the optional dash is one of the run
		if m := runOf(r[1:], func(c byte) bool { return isWord(c) || c == '-' }); m > 0 {
			x.tok("nt", 1+m)
			return true
		}
	}
	if n := upTo(r, func(c byte) bool {
		switch c {
		case '=', '*', ' ', '\t', '\n', '\r', '\f', '\v', '{', '}', '(', ')', '$', '"', '\'', '`', ';', '\\', '<':
			return true
		}
		return false
	}); n > 0 {
		x.tok("", n)
		return true
	}
	if c == '<' {
		x.tok("", 1)
		return true
	}
	return x.interp(r)
}

// heredocStart matches /(<<-?)(\s*)(['"]?)(\\?)(\w+)(\3)/.
func (x *shellLexer) heredocStart(r string) bool {
	i := 2
	if i < len(r) && r[i] == '-' {
		i++
	}
	s := spaces(r[i:])
	j := i + s
	q := 0
	if j < len(r) && (r[j] == '\'' || r[j] == '"') {
		q = 1
	}
	b := 0
	if j+q < len(r) && r[j+q] == '\\' {
		b = 1
	}
	w := words(r[j+q+b:])
	if w == 0 {
		if q == 1 {
			// the optional quote may match nothing instead
			return x.heredocNoQuote(r, i, s)
		}
		return false
	}
	k := j + q + b + w
	if q == 1 && (k >= len(r) || r[k] != r[j]) {
		return x.heredocNoQuote(r, i, s)
	}
	x.tok("o", i)
	x.tok("", s)
	x.tok("sh", q+b)
	x.heredoc = r[j+q+b : k]
	x.tok("no", w)
	x.tok("sh", q)
	x.push(shHeredoc)
	return true
}

func (x *shellLexer) heredocNoQuote(r string, i, s int) bool {
	j := i + s
	b := 0
	if j < len(r) && r[j] == '\\' {
		b = 1
	}
	w := words(r[j+b:])
	if w == 0 {
		return false
	}
	x.tok("o", i)
	x.tok("", s)
	x.tok("sh", b)
	x.heredoc = r[j+b : j+b+w]
	x.tok("no", w)
	x.push(shHeredoc)
	return true
}

// interp is Rouge's :interp state.
func (x *shellLexer) interp(r string) bool {
	switch r[0] {
	case '\\':
		if len(r) == 1 || r[1] == '\n' {
			x.tok("se", 1)
			return true
		}
		_, n := decodeRune(r[1:])
		x.tok("se", 1+n)
		return true
	case '`':
		x.tok("sb", 1)
		x.push(shBackticks)
		return true
	case '$':
	default:
		return false
	}
	switch {
	case has(r, "$(("):
		x.tok("k", 3)
		x.push(shMath)
	case has(r, "$("):
		x.tok("si", 2)
		x.push(shParenInterp)
	case has(r, "${#"):
		x.tok("k", 3)
		x.push(shCurly)
	case has(r, "${"):
		x.tok("k", 2)
		x.push(shCurly)
	default:
		// /\$#?(\w+|.)/
		i := 1
		if len(r) > 2 && r[1] == '#' && r[2] != '\n' {
			i = 2
		}
		if i < len(r) && isWord(r[i]) {
			x.tok("nv", i+words(r[i:]))
			return true
		}
		if i < len(r) && r[i] != '\n' {
			_, n := decodeRune(r[i:])
			x.tok("nv", i+n)
			return true
		}
		if i == 2 {
			x.tok("nv", 2)
			return true
		}
		return false
	}
	return true
}

// lastNL is the index of the last line break in s, or -1.
func lastNL(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '\n' {
			return i
		}
	}
	return -1
}

// lexConsole follows Rouge's ConsoleLexer with its default options: a line
// up to its first "$", "#", ">" or ";" is a prompt and the rest is shell
// (whose state carries over prompt lines), a line of only dots or "<...>"
// is a comment, and any other line is output.
func lexConsole(code string) []span {
	sh := shellLexer{lexer: newLexer(code)}
	x := sh.lexer
	for p := 0; p < len(code); {
		n := lineLenNL(code[p:])
		line := code[p : p+n]
		switch {
		case isSnip(line):
			sh.reset()
			x.emit("c", p, p+n)
		case promptEnd(line) >= 0:
			e := promptEnd(line) + 1
			x.emit("gp", p, p+e)
			w := spaces(line[e:])
			x.emit("w", p+e, p+e+w)
			x.p, x.start, x.end = p+e+w, p+e+w, p+n
			sh.run()
		default:
			sh.reset()
			x.emit("go", p, p+n)
		}
		p += n
	}
	return x.toks
}

// isSnip matches /\A\s*(?:<[.]+>|[.]+)\s*\z/.
func isSnip(line string) bool {
	i := spaces(line)
	j := i
	if j < len(line) && line[j] == '<' {
		j++
		d := runOf(line[j:], func(c byte) bool { return c == '.' })
		if d == 0 || j+d >= len(line) || line[j+d] != '>' {
			return false
		}
		j += d + 1
	} else {
		d := runOf(line[j:], func(c byte) bool { return c == '.' })
		if d == 0 {
			return false
		}
		j += d
	}
	return j+spaces(line[j:]) == len(line)
}

// promptEnd is the index of the first prompt character of the line.
func promptEnd(line string) int {
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '$', '#', '>', ';':
			return i
		}
	}
	return -1
}
