package highlight

// Rouge's Docker lexer, with RUN commands handed to the shell lexer.

var dockerKeywords = []string{"FROM", "MAINTAINER", "CMD", "LABEL", "EXPOSE", "ENV", "ADD", "COPY",
	"ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "STOPSIGNAL", "HEALTHCHECK", "SHELL"}

const (
	dkRoot uint8 = iota
	dkRun
)

// dockerKeyword is the length of a keyword at the start of r (any case),
// in Rouge's order, or 0.
func dockerKeyword(r string) int {
	for _, k := range dockerKeywords {
		if len(r) >= len(k) && equalFoldASCII(r[:len(k)], k) {
			return len(k)
		}
	}
	return 0
}

func lexDocker(code string) []span {
	x := newLexer(code)
	sh := &shellLexer{lexer: &lexer{s: code, stack: make([]uint8, 1, 8)}}
	x.drive(func() bool { return dockerStep(x, sh) })
	return x.toks
}

func dockerStep(x *lexer, sh *shellLexer) bool {
	r := x.rest()
	if x.top() == dkRun {
		switch {
		case r[0] == '\n':
			x.tok("", 1)
			x.pop()
		case r[0] == '\\' && len(r) > 1:
			_, n := decodeRune(r[1:])
			x.tok("se", 1+n)
		default:
			// /(\\.|[^\n\\])+/, "." not matching a line break
			n := 0
			for n < len(r) && r[n] != '\n' {
				if r[n] == '\\' {
					if n+1 >= len(r) || r[n+1] == '\n' {
						break
					}
					_, m := decodeRune(r[n+1:])
					n += 1 + m
					continue
				}
				n++
			}
			if n == 0 {
				return false
			}
			sh.p, sh.start, sh.end = x.p, x.p, x.p+n
			sh.toks = sh.toks[:0]
			sh.run()
			for _, t := range sh.toks {
				x.emit(t.cls, int(t.a), int(t.b))
			}
			x.p += n
		}
		return true
	}
	if n := spaces(r); n > 0 {
		x.tok("", n)
		return true
	}
	if x.bol() {
		line := r[:lineLen(r)]
		if len(line) >= 4 && equalFoldASCII(line[:4], "FROM") {
			if s := spaces(r[4:]); s > 0 {
				// (.*)(\s+)(AS)(\s+)(.*): the longest (.*) on its line whose
				// following whitespace (which may cross lines) ends at "AS"
				i := 4 + s
				end := i + lineLen(r[i:])
				for e := end; e >= i; e-- {
					if e < len(r) && !isSpace(r[e]) {
						continue
					}
					w := spaces(r[e:])
					k := e + w
					if w == 0 || k+2 > len(r) || !equalFoldASCII(r[k:k+2], "AS") {
						continue
					}
					t := spaces(r[k+2:])
					if t == 0 {
						continue
					}
					x.tok("k", 4)
					x.tok("w", s)
					x.tok("s", e-i)
					x.tok("w", w)
					x.tok("k", 2)
					x.tok("w", t)
					x.tok("s", lineLen(r[k+2+t:]))
					return true
				}
			}
		}
		if len(line) >= 7 && equalFoldASCII(line[:7], "ONBUILD") {
			if s := spaces(r[7:]); s > 0 {
				if k := dockerKeyword(r[7+s:]); k > 0 {
					x.tok("k", 7)
					x.tok("w", s)
					x.tok("k", k)
					x.tok("s", lineLen(r[7+s+k:]))
					return true
				}
			}
		}
		if k := dockerKeyword(r); k > 0 && boundary(r, k) {
			x.tok("k", k)
			x.tok("s", lineLen(r[k:]))
			return true
		}
	}
	if r[0] == '#' {
		x.tok("c", lineLen(r))
		return true
	}
	if x.bol() {
		i := 0
		if len(r) >= 7 && equalFoldASCII(r[:7], "ONBUILD") {
			if s := spaces(r[7:]); s > 0 {
				i = 7 + s
			}
		}
		for _, start := range [...]int{i, 0} {
			if len(r) >= start+3 && equalFoldASCII(r[start:start+3], "RUN") {
				if s := spaces(r[start+3:]); s > 0 {
					x.tok("k", start+3+s)
					x.push(dkRun)
					sh.reset()
					return true
				}
			}
		}
	}
	if n := words(r); n > 0 {
		x.tok("", n)
		return true
	}
	x.tok("", upTo(r, isWord))
	return true
}
