package liquid

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
)

func registerStandardTags(e *Engine) {
	e.tags["assign"] = parseAssign
	e.tags["capture"] = parseCapture
	e.tags["increment"] = parseIncrement
	e.tags["decrement"] = parseIncrement
	e.tags["if"] = parseIf
	e.tags["unless"] = parseIf
	e.tags["case"] = parseCase
	e.tags["for"] = parseFor
	e.tags["break"] = parseInterrupt
	e.tags["continue"] = parseInterrupt
	e.tags["cycle"] = parseCycle
	e.tags["tablerow"] = parseTablerow
	e.tags["comment"] = parseComment
	e.tags["raw"] = parseRaw
	e.tags["echo"] = parseEcho
	e.tags["#"] = parseInlineComment
	e.tags["ifchanged"] = parseIfchanged
}

// reVariableSignature+ as assign and capture use it: /(\(?[\w\-\.\[\]]\)?)+/.
const reVariableSignatureRun = `(?:\(?[\w\-.\[\]]\)?)+`

var (
	reAssign  = regexp.MustCompile(`(?s)(` + reVariableSignatureRun + `)` + reSpace + `*=` + reSpace + `*(.*)` + reSpace + `*`)
	reCapture = regexp.MustCompile(`(` + reVariableSignatureRun + `)`)
)

// assign

type assignTag struct {
	to   string
	from *variable
}

func parseAssign(p *parser, _ *tokenizer, _, markup string, line int) (Renderer, bool, error) {
	m := reAssign.FindStringSubmatch(markup)
	if m == nil {
		return nil, false, p.errorf("Syntax Error in 'assign' - Valid syntax: assign [var] = [source]")
	}
	v, err := p.parseVariable(m[2], line, variableContext(m[2]))
	if err != nil {
		return nil, false, err
	}
	return &assignTag{to: m[1], from: v}, true, nil
}

func (t *assignTag) Render(c *Context, _ *bytes.Buffer) error {
	v, err := t.from.value(c)
	if err != nil {
		return err
	}
	c.Set(t.to, v)
	return nil
}

// capture

type captureTag struct {
	to   string
	body *Body
}

func parseCapture(p *parser, tk *tokenizer, name, markup string, _ int) (Renderer, bool, error) {
	m := reCapture.FindStringSubmatch(markup)
	if m == nil {
		return nil, false, p.errorf("Syntax Error in 'capture' - Valid syntax: capture [var]")
	}
	body, err := p.simpleBlock(tk, name)
	if err != nil {
		return nil, false, err
	}
	return &captureTag{to: m[1], body: body}, true, nil
}

// simpleBlock parses the body of a block that takes no else.
func (p *parser) simpleBlock(tk *tokenizer, name string) (*Body, error) {
	body := p.newBody()
	for {
		end, markup, err := p.blockPart(body, tk, name)
		if err != nil {
			return nil, err
		}
		if end == "" {
			return body, nil
		}
		if err := p.unknownTag(end, markup, name); err != nil {
			return nil, err
		}
	}
}

func (t *captureTag) Render(c *Context, _ *bytes.Buffer) error {
	var buf bytes.Buffer
	if err := t.body.Render(c, &buf); err != nil {
		return err
	}
	c.Set(t.to, buf.String())
	return nil
}

// increment and decrement

type incrementTag struct {
	name string
	down bool
}

func parseIncrement(_ *parser, _ *tokenizer, name, markup string, _ int) (Renderer, bool, error) {
	return &incrementTag{name: rubyStrip(markup), down: name == "decrement"}, false, nil
}

func (t *incrementTag) Render(c *Context, out *bytes.Buffer) error {
	n, ok := c.counters[t.name]
	if !ok {
		// The counters live in Liquid's first environment, where a variable
		// of the same name is the starting value.
		if v, isInt := c.vars[t.name].(int); isInt {
			n = v
		}
	}
	if c.counters == nil {
		c.counters = make(map[string]int, 2)
	}
	if t.down {
		n--
		c.counters[t.name] = n
		out.Write(appendToS(out.AvailableBuffer(), n))
		return nil
	}
	c.counters[t.name] = n + 1
	out.Write(appendToS(out.AvailableBuffer(), n))
	return nil
}

// if, elsif, else and unless

type ifTag struct {
	unless   bool
	branches []ifBranch
}

type ifBranch struct {
	cond *Condition // nil for else
	body *Body
}

func parseIf(p *parser, tk *tokenizer, name, markup string, line int) (Renderer, bool, error) {
	t := &ifTag{unless: name == "unless"}
	cond, err := p.parseCondition(markup, line)
	if err != nil {
		return nil, false, err
	}
	t.branches = append(t.branches, ifBranch{cond: cond, body: p.newBody()})
	blank := true
	for {
		b := &t.branches[len(t.branches)-1]
		end, endMarkup, err := p.blockPart(b.body, tk, name)
		if err != nil {
			return nil, false, err
		}
		blank = blank && b.body.blank
		if end == "" {
			break
		}
		switch end {
		case "elsif":
			// A strict-parse complaint names the if's line, as in Liquid.
			cond, err := p.parseCondition(endMarkup, line)
			if err != nil {
				return nil, false, err
			}
			t.branches = append(t.branches, ifBranch{cond: cond, body: p.newBody()})
		case "else":
			t.branches = append(t.branches, ifBranch{body: p.newBody()})
		default:
			if err := p.unknownTag(end, endMarkup, name); err != nil {
				return nil, false, err
			}
		}
	}
	if blank {
		for _, b := range t.branches {
			b.body.removeBlankStrings()
		}
	}
	return t, blank, nil
}

// parseCondition parses an if/elsif/unless condition in the error mode.
func (p *parser) parseCondition(markup string, line int) (*Condition, error) {
	if p.mode != modeLax {
		c, err := strictCondition(markup, parseConditionExpr)
		if err == nil {
			return c, nil
		}
		err.Name, err.Line = p.name, line
		err.Msg += " " + tagContext(markup)
		if p.mode == modeStrict {
			return nil, err
		}
		p.warnings = append(p.warnings, err)
	}
	c, err := laxCondition(markup)
	if err != nil {
		err.Name, err.Line = p.name, p.line
		return nil, err
	}
	return c, nil
}

func (t *ifTag) Render(c *Context, out *bytes.Buffer) error {
	for i := range t.branches {
		b := &t.branches[i]
		ok := true
		if b.cond != nil {
			r, err := b.cond.eval(c)
			if err != nil {
				return err
			}
			ok = Truthy(r)
			if i == 0 && t.unless {
				ok = !ok
			}
		}
		if ok {
			return b.body.Render(c, out)
		}
	}
	return nil
}

// case and when

type caseTag struct {
	left     expr
	branches []caseBranch
}

type caseBranch struct {
	right expr // nil for else
	body  *Body
}

var (
	reCaseSyntax = regexp.MustCompile(`(` + reQuotedFragment + `)`)
	reWhenSyntax = regexp.MustCompile(`(?s)(` + reQuotedFragment + `)(?:(?:` + reSpace + `+or` + reSpace + `+|` + reSpace + `*,` + reSpace + `*)(` + reQuotedFragment + `.*))?`)
)

func parseCase(p *parser, tk *tokenizer, name, markup string, _ int) (Renderer, bool, error) {
	m := reCaseSyntax.FindStringSubmatch(markup)
	if m == nil {
		return nil, false, p.errorf("Syntax Error in 'case' - Valid syntax: case [condition]")
	}
	t := &caseTag{left: parseExpr(m[1])}
	body := p.newBody() // text before the first when: parsed, never rendered
	blank := true
	var bodies []*Body
	for {
		end, endMarkup, err := p.blockPart(body, tk, name)
		if err != nil {
			return nil, false, err
		}
		blank = blank && body.blank
		if end == "" {
			break
		}
		switch end {
		case "when":
			body = p.newBody()
			bodies = append(bodies, body)
			rest := endMarkup
			for {
				wm := reWhenSyntax.FindStringSubmatchIndex(rest)
				if wm == nil {
					return nil, false, p.errorf("Syntax Error in tag 'case' - Valid when condition: {% when [condition] [or condition2...] %}")
				}
				t.branches = append(t.branches, caseBranch{right: parseConditionExpr(rest[wm[2]:wm[3]]), body: body})
				if wm[4] < 0 {
					break
				}
				rest = rest[wm[4]:wm[5]]
			}
		case "else":
			if !isBlank(endMarkup) {
				return nil, false, p.errorf("Syntax Error in tag 'case' - Valid else condition: {% else %} (no parameters) ")
			}
			body = p.newBody()
			bodies = append(bodies, body)
			t.branches = append(t.branches, caseBranch{body: body})
		default:
			if err := p.unknownTag(end, endMarkup, name); err != nil {
				return nil, false, err
			}
		}
	}
	if blank {
		for _, b := range bodies {
			b.removeBlankStrings()
		}
	}
	return t, blank, nil
}

func (t *caseTag) Render(c *Context, out *bytes.Buffer) error {
	runElse := true
	for i := range t.branches {
		b := &t.branches[i]
		if b.right == nil {
			if runElse {
				if err := b.body.Render(c, out); err != nil {
					return err
				}
			}
			continue
		}
		l, err := t.left.eval(c)
		if err != nil {
			return err
		}
		r, err := b.right.eval(c)
		if err != nil {
			return err
		}
		if Truthy(equalVariables(l, r)) {
			runElse = false
			if err := b.body.Render(c, out); err != nil {
				return err
			}
		}
	}
	return nil
}

// break and continue

type interruptTag struct{ kind interrupt }

func parseInterrupt(_ *parser, _ *tokenizer, name, _ string, _ int) (Renderer, bool, error) {
	if name == "break" {
		return interruptTag{breakInterrupt}, false, nil
	}
	return interruptTag{continueInterrupt}, false, nil
}

func (t interruptTag) Render(c *Context, _ *bytes.Buffer) error {
	c.interrupt = t.kind
	return nil
}

// cycle

type cycleTag struct {
	key    string // the group, when it is fixed
	name   expr   // the group, when named
	values []expr
}

var (
	reCycleNamed  = regexp.MustCompile(`(?s)^(` + reQuotedFragment + `)` + reSpace + `*:` + reSpace + `*(.*)`)
	reCycleSimple = regexp.MustCompile(`^` + reQuotedFragment + `+`)
	reCycleValue  = regexp.MustCompile(reSpace + `*(` + reQuotedFragment + `)` + reSpace + `*`)
)

func parseCycle(p *parser, _ *tokenizer, _, markup string, _ int) (Renderer, bool, error) {
	t := &cycleTag{}
	if m := reCycleNamed.FindStringSubmatch(markup); m != nil {
		t.values = cycleValues(m[2])
		t.name = parseExpr(m[1])
	} else if reCycleSimple.MatchString(markup) {
		t.values = cycleValues(markup)
		// Liquid keys an unnamed cycle by the inspected list of its values:
		// equal literal lists share a counter, lists with variables do not.
		key := make([]byte, 0, 32)
		for _, v := range t.values {
			l, ok := v.(literal)
			if !ok {
				key = fmt.Appendf(key, "%p", t)
				break
			}
			key = appendInspect(key, l.v)
			key = append(key, ',')
		}
		t.key = string(key)
	} else {
		return nil, false, p.errorf("Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]")
	}
	return t, false, nil
}

func cycleValues(markup string) []expr {
	var vals []expr
	for _, part := range strings.Split(markup, ",") {
		if m := reCycleValue.FindStringSubmatch(part); m != nil {
			vals = append(vals, parseExpr(m[1]))
		}
	}
	return vals
}

func (t *cycleTag) Render(c *Context, out *bytes.Buffer) error {
	key := t.key
	if t.name != nil {
		v, err := t.name.eval(c)
		if err != nil {
			return err
		}
		key = "\x00" + Inspect(v)
	}
	if c.cycles == nil {
		c.cycles = make(map[string]int, 2)
	}
	i := c.cycles[key]
	if len(t.values) == 0 {
		return nil
	}
	v, err := t.values[i].eval(c)
	if err != nil {
		return err
	}
	out.Write(appendOutput(out.AvailableBuffer(), v))
	i++
	if i >= len(t.values) {
		i = 0
	}
	c.cycles[key] = i
	return nil
}

// comment, raw, inline comment

type nothing struct{}

func (nothing) Render(*Context, *bytes.Buffer) error { return nil }

func parseComment(p *parser, tk *tokenizer, name, _ string, _ int) (Renderer, bool, error) {
	// The body is parsed (its tags must be well formed) but unknown tags are
	// allowed.
	body := p.newBody()
	for {
		end, _, err := p.blockPart(body, tk, name)
		if err != nil {
			return nil, false, err
		}
		if end == "" {
			return nothing{}, true, nil
		}
	}
}

type rawTag struct{ text string }

func (t rawTag) Render(_ *Context, out *bytes.Buffer) error {
	out.WriteString(t.text)
	return nil
}

var reRawEnd = regexp.MustCompile(`(?s)^(.*)\{%` + reSpace + `*(\w+)` + reSpace + `*(.*)?%\}$`)

func parseRaw(p *parser, tk *tokenizer, name, markup string, _ int) (Renderer, bool, error) {
	if !isBlank(markup) {
		return nil, false, p.errorf("Syntax Error in 'raw' - Valid syntax: raw")
	}
	var body strings.Builder
	for {
		tok, ok := tk.next()
		if !ok {
			// Liquid reports the line of the raw tag itself.
			return nil, false, p.errorf("'raw' tag was never closed")
		}
		if m := reRawEnd.FindStringSubmatch(tok); m != nil && m[2] == "endraw" {
			body.WriteString(m[1])
			return rawTag{body.String()}, body.Len() == 0, nil
		}
		body.WriteString(tok)
	}
}

var reInlineCommentBad = regexp.MustCompile(`\n` + reSpace + `*[^#\t\n\v\f\r ]`)

func parseInlineComment(p *parser, _ *tokenizer, _, markup string, _ int) (Renderer, bool, error) {
	if reInlineCommentBad.MatchString(markup) {
		return nil, false, p.errorf("Syntax error in tag '#' - Each line of comments must be prefixed by the '#' character")
	}
	return nothing{}, true, nil
}

// echo

func parseEcho(p *parser, _ *tokenizer, _, markup string, line int) (Renderer, bool, error) {
	v, err := p.parseVariable(markup, line, variableContext(markup))
	if err != nil {
		return nil, false, err
	}
	return v, false, nil
}

// ifchanged

type ifchangedTag struct{ body *Body }

func parseIfchanged(p *parser, tk *tokenizer, name, _ string, _ int) (Renderer, bool, error) {
	body, err := p.simpleBlock(tk, name)
	if err != nil {
		return nil, false, err
	}
	return &ifchangedTag{body}, body.blank, nil
}

func (t *ifchangedTag) Render(c *Context, out *bytes.Buffer) error {
	var buf bytes.Buffer
	if err := t.body.Render(c, &buf); err != nil {
		return err
	}
	if !c.hasChanged || buf.String() != c.ifchanged {
		c.hasChanged = true
		c.ifchanged = buf.String()
		out.Write(buf.Bytes())
	}
	return nil
}
