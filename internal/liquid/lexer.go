package liquid

// The strict parser: Liquid's Lexer and Parser, used first in "warn" and
// "strict" error modes. As in Liquid, it returns expressions as normalised
// markup that parseExpr then reads, which keeps both parsers' results alike.

type tokKind uint8

const (
	tEnd tokKind = iota
	tComparison
	tString
	tNumber
	tID
	tDotDot
	tPipe
	tDot
	tColon
	tComma
	tOpenSquare
	tCloseSquare
	tOpenRound
	tCloseRound
	tQuestion
	tDash
)

var tokNames = [...]string{
	tEnd: "end_of_string", tComparison: "comparison", tString: "string", tNumber: "number",
	tID: "id", tDotDot: "dotdot", tPipe: "pipe", tDot: "dot", tColon: "colon", tComma: "comma",
	tOpenSquare: "open_square", tCloseSquare: "close_square", tOpenRound: "open_round",
	tCloseRound: "close_round", tQuestion: "question", tDash: "dash",
}

type token struct {
	kind tokKind
	text string
}

func lex(s string) ([]token, *Error) {
	toks := make([]token, 0, 8)
	i := 0
	for {
		for i < len(s) && isRubySpace(s[i]) {
			i++
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		start := i
		switch {
		case c == '=' && i+1 < len(s) && s[i+1] == '=',
			c == '!' && i+1 < len(s) && s[i+1] == '=',
			c == '<' && i+1 < len(s) && s[i+1] == '>':
			i += 2
			toks = append(toks, token{tComparison, s[start:i]})
			continue
		case c == '<' || c == '>':
			i++
			if i < len(s) && s[i] == '=' {
				i++
			}
			toks = append(toks, token{tComparison, s[start:i]})
			continue
		case c == 'c' && len(s)-i > 8 && s[i:i+8] == "contains" && isRubySpace(s[i+8]):
			i += 8
			toks = append(toks, token{tComparison, "contains"})
			continue
		case c == '\'' || c == '"':
			j := i + 1
			for j < len(s) && s[j] != c {
				j++
			}
			if j < len(s) {
				i = j + 1
				toks = append(toks, token{tString, s[start:i]})
				continue
			}
		case c == '-' && i+1 < len(s) && isDigit(s[i+1]), isDigit(c):
			i++
			for i < len(s) && isDigit(s[i]) {
				i++
			}
			if i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]) {
				i++
				for i < len(s) && isDigit(s[i]) {
					i++
				}
			}
			toks = append(toks, token{tNumber, s[start:i]})
			continue
		case c == '_' || (c|0x20 >= 'a' && c|0x20 <= 'z'):
			i++
			for i < len(s) && (isWordChar(s[i]) || s[i] == '-') {
				i++
			}
			if i < len(s) && s[i] == '?' {
				i++
			}
			toks = append(toks, token{tID, s[start:i]})
			continue
		case c == '.' && i+1 < len(s) && s[i+1] == '.':
			i += 2
			toks = append(toks, token{tDotDot, ".."})
			continue
		}
		var k tokKind
		switch c {
		case '|':
			k = tPipe
		case '.':
			k = tDot
		case ':':
			k = tColon
		case ',':
			k = tComma
		case '[':
			k = tOpenSquare
		case ']':
			k = tCloseSquare
		case '(':
			k = tOpenRound
		case ')':
			k = tCloseRound
		case '?':
			k = tQuestion
		case '-':
			k = tDash
		default:
			// Ruby reads one character, which may be several bytes.
			n := 1
			for n < 4 && i+n < len(s) && s[i+n]&0xc0 == 0x80 {
				n++
			}
			return nil, syntaxError("Unexpected character " + s[i:i+n])
		}
		i++
		toks = append(toks, token{k, s[start:i]})
	}
	return append(toks, token{kind: tEnd}), nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

type strictParser struct {
	toks []token
	p    int
}

func newStrictParser(s string) (*strictParser, *Error) {
	toks, err := lex(s)
	if err != nil {
		return nil, err
	}
	return &strictParser{toks: toks}, nil
}

func (p *strictParser) consume(k tokKind) (string, *Error) {
	t := p.toks[p.p]
	if t.kind != k {
		return "", syntaxError("Expected " + tokNames[k] + " but found " + tokNames[t.kind])
	}
	p.p++
	return t.text, nil
}

func (p *strictParser) consumeAny() string {
	t := p.toks[p.p]
	if t.kind != tEnd {
		p.p++
	}
	return t.text
}

func (p *strictParser) accept(k tokKind) (string, bool) {
	if p.p < len(p.toks) && p.toks[p.p].kind == k {
		p.p++
		return p.toks[p.p-1].text, true
	}
	return "", false
}

func (p *strictParser) acceptID(name string) bool {
	if p.p < len(p.toks) && p.toks[p.p].kind == tID && p.toks[p.p].text == name {
		p.p++
		return true
	}
	return false
}

func (p *strictParser) look(k tokKind, ahead int) bool {
	if p.p+ahead >= len(p.toks) {
		return false
	}
	return p.toks[p.p+ahead].kind == k
}

// expression returns the normalised markup of one expression.
func (p *strictParser) expression() (string, *Error) {
	t := p.toks[p.p]
	switch t.kind {
	case tID:
		p.p++
		rest, err := p.variableLookups()
		return t.text + rest, err
	case tOpenSquare:
		p.p++
		inner, err := p.expression()
		if err != nil {
			return "", err
		}
		if _, err := p.consume(tCloseSquare); err != nil {
			return "", err
		}
		rest, err := p.variableLookups()
		return "[" + inner + "]" + rest, err
	case tString, tNumber:
		p.p++
		return t.text, nil
	case tOpenRound:
		p.p++
		first, err := p.expression()
		if err != nil {
			return "", err
		}
		if _, err := p.consume(tDotDot); err != nil {
			return "", err
		}
		last, err := p.expression()
		if err != nil {
			return "", err
		}
		if _, err := p.consume(tCloseRound); err != nil {
			return "", err
		}
		return "(" + first + ".." + last + ")", nil
	}
	return "", syntaxError(tokenInspect(t) + " is not a valid expression")
}

// tokenInspect is how Ruby prints a token array in an error message.
func tokenInspect(t token) string {
	if t.kind == tEnd {
		return "[:end_of_string]"
	}
	return "[:" + tokNames[t.kind] + ", " + Inspect(t.text) + "]"
}

func (p *strictParser) variableLookups() (string, *Error) {
	var out []byte
	for {
		switch {
		case p.look(tOpenSquare, 0):
			p.p++
			inner, err := p.expression()
			if err != nil {
				return "", err
			}
			if _, err := p.consume(tCloseSquare); err != nil {
				return "", err
			}
			out = append(out, '[')
			out = append(out, inner...)
			out = append(out, ']')
		case p.look(tDot, 0):
			p.p++
			id, err := p.consume(tID)
			if err != nil {
				return "", err
			}
			out = append(out, '.')
			out = append(out, id...)
		default:
			return string(out), nil
		}
	}
}

// argument is a filter argument, possibly `keyword: expression`.
func (p *strictParser) argument() (string, *Error) {
	prefix := ""
	if p.look(tID, 0) && p.look(tColon, 1) {
		prefix = p.consumeAny() + p.consumeAny() + " "
	}
	e, err := p.expression()
	return prefix + e, err
}
