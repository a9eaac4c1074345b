package liquid

import (
	"bytes"
	"regexp"
	"strings"
)

// tokenizer splits a template as Liquid's Tokenizer does: text, {% tags %}
// and {{ variables }}, counting lines. For the `liquid` tag it yields the
// lines of the markup instead.
type tokenizer struct {
	src    string
	pos    int
	line   int
	lines  []string // the liquid tag's lines
	liquid bool
}

func newTokenizer(src string) *tokenizer { return &tokenizer{src: src, line: 1} }

func newLiquidTokenizer(markup string, line int) *tokenizer {
	lines := strings.Split(markup, "\n")
	// Ruby's split drops trailing empty strings.
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return &tokenizer{lines: lines, line: line, liquid: true}
}

// next returns the next token; ok is false at the end. Like Ruby's split
// of /(\{%.*?%\}|\{\{.*?\}\}?|\{%|\{\{)/m, minus the empty strings.
func (t *tokenizer) next() (string, bool) {
	if t.liquid {
		if t.pos >= len(t.lines) {
			return "", false
		}
		t.pos++
		t.line++
		return t.lines[t.pos-1], true
	}
	s := t.src
	i := t.pos
	if i >= len(s) {
		return "", false
	}
	var tok string
	if s[i] == '{' && i+1 < len(s) && (s[i+1] == '%' || s[i+1] == '{') {
		if s[i+1] == '%' {
			if j := strings.Index(s[i+2:], "%}"); j >= 0 {
				tok = s[i : i+2+j+2]
			} else {
				tok = s[i : i+2]
			}
		} else {
			if j := strings.IndexByte(s[i+2:], '}'); j >= 0 {
				end := i + 2 + j + 1
				if end < len(s) && s[end] == '}' {
					end++
				}
				tok = s[i:end]
			} else {
				tok = s[i : i+2]
			}
		}
	} else {
		j := i + 1
		for {
			k := strings.IndexByte(s[j:], '{')
			if k < 0 {
				j = len(s)
				break
			}
			j += k
			if j+1 < len(s) && (s[j+1] == '%' || s[j+1] == '{') {
				break
			}
			j++
		}
		tok = s[i:j]
	}
	t.pos = i + len(tok)
	t.line += strings.Count(tok, "\n")
	return tok, true
}

// parser carries Liquid's ParseContext through one Parse.
type parser struct {
	eng      *Engine
	name     string
	mode     errorMode
	line     int  // the line of the token being parsed
	trim     bool // a -%} or -}} asked to strip the next text's leading space
	depth    int
	warnings []*Error
}

// Body is the parsed content of a block tag.
type Body struct {
	nodes []node
	blank bool
	name  string
}

type node struct {
	text string   // when r is nil
	r    Renderer // a tag or {{ variable }}
	line int
}

func (p *parser) newBody() *Body { return &Body{blank: true, name: p.name} }

// Blank reports whether the body has only whitespace and tags that output
// nothing.
func (b *Body) Blank() bool { return b.blank }

// Render renders the body. It stops early after a break or continue.
func (b *Body) Render(c *Context, out *bytes.Buffer) error {
	for i := range b.nodes {
		n := &b.nodes[i]
		if n.r == nil {
			out.WriteString(n.text)
			continue
		}
		if err := n.r.Render(c, out); err != nil {
			return place(err, b.name, n.line, false)
		}
		if c.interrupt != noInterrupt {
			break
		}
	}
	return nil
}

// removeBlankStrings drops the text of a blank body, as Liquid does for if,
// unless, case and for blocks that only assign or capture.
func (b *Body) removeBlankStrings() {
	kept := b.nodes[:0]
	for _, n := range b.nodes {
		if n.r != nil {
			kept = append(kept, n)
		}
	}
	b.nodes = kept
}

func (p *parser) errorf(msg string) *Error {
	return &Error{Name: p.name, Line: p.line, Msg: msg, Syntax: true}
}

// placeErr gives a parse error its file and line unless it has them.
func (p *parser) placeErr(err error, line int) error {
	return place(err, p.name, line, true)
}

var reLiquidTagToken = regexp.MustCompile(`^` + reSpace + `*(#|\w+)` + reSpace + `*(.*?)$`)

// splitTagToken matches Liquid's FullToken,
// /\A{%-?(\s*)(#|\w+)(\s*)(.*?)-?%}\z/m, returning the tag name, its
// markup and the newlines in the whitespace around the name.
func splitTagToken(tok string) (name, markup string, newlines int, ok bool) {
	if len(tok) < 5 || !strings.HasSuffix(tok, "%}") {
		return "", "", 0, false
	}
	end := len(tok) - 2
	i := 2
	if tok[i] == '-' {
		i++
	}
	ws := i
	for i < end && isRubySpace(tok[i]) {
		i++
	}
	newlines = strings.Count(tok[ws:i], "\n")
	start := i
	if i < end && tok[i] == '#' {
		i++
	} else {
		for i < end && isWordChar(tok[i]) {
			i++
		}
	}
	if i == start {
		return "", "", 0, false
	}
	name = tok[start:i]
	ws = i
	for i < end && isRubySpace(tok[i]) {
		i++
	}
	newlines += strings.Count(tok[ws:i], "\n")
	if end > i && tok[end-1] == '-' {
		end--
	}
	return name, tok[i:end], newlines, true
}

// variableMarkup matches Liquid's ContentOfVariable,
// /\A{{-?(.*?)-?}}\z/m.
func variableMarkup(tok string) (string, bool) {
	if len(tok) < 4 || !strings.HasSuffix(tok, "}}") {
		return "", false
	}
	start, end := 2, len(tok)-2
	if start < end && tok[start] == '-' {
		start++
	}
	if end > start && tok[end-1] == '-' {
		end--
	}
	return tok[start:end], true
}

// parseBody parses tokens into body until a tag it does not know, which it
// returns for the enclosing block to handle (an end tag, else, when...), or
// the end of input (end == "").
func (p *parser) parseBody(body *Body, tk *tokenizer) (end, markup string, err error) {
	p.line = tk.line
	if tk.liquid {
		return p.parseLiquidLines(body, tk)
	}
	for {
		tok, ok := tk.next()
		if !ok {
			return "", "", nil
		}
		switch {
		case strings.HasPrefix(tok, "{%"):
			p.whitespace(body, tok)
			name, markup, newlines, ok := splitTagToken(tok)
			if !ok {
				return "", "", p.errorf("Tag '" + tok + "' was not properly terminated with regexp: /\\%\\}/")
			}
			p.line += newlines
			if name == "liquid" {
				if err := p.parseLiquidTag(body, markup); err != nil {
					return "", "", err
				}
				continue // Liquid leaves the line number where the tag's lines ended
			}
			parse := p.eng.tags[name]
			if parse == nil {
				return name, markup, nil
			}
			line := p.line
			r, blank, err := parse(p, tk, name, markup, line)
			if err != nil {
				return "", "", err
			}
			body.blank = body.blank && blank
			body.nodes = append(body.nodes, node{r: r, line: line})
		case strings.HasPrefix(tok, "{{"):
			p.whitespace(body, tok)
			markup, ok := variableMarkup(tok)
			if !ok {
				return "", "", p.errorf("Variable '" + tok + "' was not properly terminated with regexp: /\\}\\}/")
			}
			v, err := p.parseVariable(markup, p.line, variableContext(markup))
			if err != nil {
				return "", "", err
			}
			body.nodes = append(body.nodes, node{r: v, line: p.line})
			body.blank = false
		default:
			if p.trim {
				tok = strings.TrimLeft(tok, rubySpace+"\x00")
			}
			p.trim = false
			body.nodes = append(body.nodes, node{text: tok})
			body.blank = body.blank && isBlank(tok)
		}
		p.line = tk.line
	}
}

// whitespace applies {%- / {{- to the text before the token and remembers
// -%} / -}} for the text after it.
func (p *parser) whitespace(body *Body, tok string) {
	if len(tok) > 2 && tok[2] == '-' && len(body.nodes) > 0 {
		last := &body.nodes[len(body.nodes)-1]
		if last.r == nil {
			last.text = strings.TrimRight(last.text, rubySpace+"\x00")
		}
	}
	p.trim = len(tok) >= 3 && tok[len(tok)-3] == '-'
}

func (p *parser) parseLiquidLines(body *Body, tk *tokenizer) (string, string, error) {
	for {
		tok, ok := tk.next()
		if !ok {
			return "", "", nil
		}
		if !isBlank(tok) {
			m := reLiquidTagToken.FindStringSubmatch(tok)
			if m == nil {
				return tok, tok, nil
			}
			name, markup := m[1], m[2]
			parse := p.eng.tags[name]
			if parse == nil {
				return name, markup, nil
			}
			line := p.line
			r, blank, err := parse(p, tk, name, markup, line)
			if err != nil {
				return "", "", err
			}
			body.blank = body.blank && blank
			body.nodes = append(body.nodes, node{r: r, line: line})
		}
		p.line = tk.line
	}
}

// parseLiquidTag parses {% liquid %}: one tag per line, into the body the
// tag is in.
func (p *parser) parseLiquidTag(body *Body, markup string) error {
	tk := newLiquidTokenizer(markup, p.line)
	end, _, err := p.parseBody(body, tk)
	if err != nil {
		return err
	}
	if end != "" {
		return p.unknownTag(end, "", "liquid")
	}
	return nil
}

// blockPart parses one part of a block (up to its end tag or an else/when),
// as Liquid's Block#parse_body. end is "" when the block's end tag was
// reached, or the tag that interrupted.
func (p *parser) blockPart(body *Body, tk *tokenizer, block string) (end, markup string, err error) {
	if p.depth >= maxDepth {
		return "", "", &Error{Name: p.name, Msg: "Nesting too deep"}
	}
	p.depth++
	defer func() { p.depth-- }()
	end, markup, err = p.parseBody(body, tk)
	if err != nil {
		return "", "", err
	}
	delimiter := "end" + block
	if block == "liquid" {
		delimiter = "%}"
	}
	switch end {
	case delimiter:
		return "", "", nil
	case "":
		return "", "", p.errorf("'" + block + "' tag was never closed")
	}
	return end, markup, nil
}

// unknownTag is Liquid's Block.raise_unknown_tag.
func (p *parser) unknownTag(tag, _ string, block string) error {
	delimiter := "end" + block
	if block == "liquid" {
		delimiter = "%}"
	}
	switch {
	case tag == "else":
		return p.errorf(block + " tag does not expect 'else' tag")
	case strings.HasPrefix(tag, "end"):
		return p.errorf("'" + tag + "' is not a valid delimiter for " + block + " tags. use " + delimiter)
	}
	return p.errorf("Unknown tag '" + tag + "'")
}
