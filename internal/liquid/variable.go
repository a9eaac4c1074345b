package liquid

import (
	"bytes"
	"regexp"
	"strings"
)

// variable is the inside of {{ }}: an expression and its filters. The same
// structure backs assign's right-hand side, echo, and ParseExpression.
type variable struct {
	expr    expr // nil for an empty {{ }}
	filters []filterCall
	line    int
}

type filterCall struct {
	name   string
	fn     FilterFunc // resolved when parsed; nil for an unknown filter
	args   []expr
	kwargs []kwarg
}

type kwarg struct {
	name string
	expr expr
}

// Regular expressions of Ruby Liquid, with \s spelt out because Ruby's
// includes \v.
const (
	reSpace          = `[\t\n\v\f\r ]`
	reQuotedString   = `"[^"]*"|'[^']*'`
	reQuotedFragment = `(?:"[^"]*"|'[^']*'|(?:[^\t\n\v\f\r ,|'"]|"[^"]*"|'[^']*')+)`
	reTagAttributes  = `(\w[\w-]*)` + reSpace + `*:` + reSpace + `*(` + reQuotedFragment + `)`
)

var (
	reMarkupWithQuotedFragment = regexp.MustCompile(`(?s)(` + reQuotedFragment + `)(.*)`)
	reFilterMarkup             = regexp.MustCompile(`(?s)\|` + reSpace + `*(.*)`)
	reFilterParser             = regexp.MustCompile(`(?:` + reSpace + `+|` + reQuotedFragment + `|,)+`)
	reFilterArgs               = regexp.MustCompile(`(?::|,)` + reSpace + `*((?:\w+` + reSpace + `*:` + reSpace + `*)?` + reQuotedFragment + `)`)
	reJustTagAttributes        = regexp.MustCompile(`^` + reTagAttributes + `$`)
	reWord                     = regexp.MustCompile(`\w+`)
	reTagAttributesAll         = regexp.MustCompile(reTagAttributes)
	reQuotedFragmentOnly       = regexp.MustCompile(reQuotedFragment)
)

// parseVariable parses markup in the parser's error mode: strictly, or
// strictly with a warning and a lax retry ("warn"), or laxly.
func (p *parser) parseVariable(markup string, line int, ctx string) (*variable, error) {
	v := &variable{line: line}
	if p.mode != modeLax {
		err := v.strictParse(markup)
		if err == nil {
			return v, p.resolveFilters(v)
		}
		err.Line = line
		err.Name = p.name
		err.Msg += " " + ctx
		if p.mode == modeStrict {
			return nil, err
		}
		p.warnings = append(p.warnings, err)
		*v = variable{line: line}
	}
	v.laxParse(markup)
	return v, p.resolveFilters(v)
}

func variableContext(markup string) string { return `in "{{` + markup + `}}"` }

func tagContext(markup string) string { return `in "` + rubyStrip(markup) + `"` }

func (v *variable) strictParse(markup string) *Error {
	p, err := newStrictParser(markup)
	if err != nil {
		return err
	}
	if p.look(tEnd, 0) {
		return nil
	}
	e, err := p.expression()
	if err != nil {
		return err
	}
	v.expr = parseExpr(e)
	for {
		if _, ok := p.accept(tPipe); !ok {
			break
		}
		name, err := p.consume(tID)
		if err != nil {
			return err
		}
		var args []string
		if _, ok := p.accept(tColon); ok {
			a, err := p.argument()
			if err != nil {
				return err
			}
			args = append(args, a)
			for {
				if _, ok := p.accept(tComma); !ok {
					break
				}
				a, err := p.argument()
				if err != nil {
					return err
				}
				args = append(args, a)
			}
		}
		v.filters = append(v.filters, newFilterCall(name, args))
	}
	_, err = p.consume(tEnd)
	return err
}

func (v *variable) laxParse(markup string) {
	m := reMarkupWithQuotedFragment.FindStringSubmatch(markup)
	if m == nil {
		return
	}
	v.expr = parseExpr(m[1])
	fm := reFilterMarkup.FindStringSubmatch(m[2])
	if fm == nil {
		return
	}
	for _, f := range reFilterParser.FindAllString(fm[1], -1) {
		name := reWord.FindString(f)
		if name == "" {
			continue
		}
		var args []string
		for _, a := range reFilterArgs.FindAllStringSubmatch(f, -1) {
			args = append(args, a[1])
		}
		v.filters = append(v.filters, newFilterCall(name, args))
	}
}

// newFilterCall sorts arguments into positional ones and `key: value`
// keyword ones, as Liquid's parse_filter_expressions does.
func newFilterCall(name string, args []string) filterCall {
	fc := filterCall{name: name}
	for _, a := range args {
		if m := reJustTagAttributes.FindStringSubmatch(a); m != nil {
			fc.kwargs = append(fc.kwargs, kwarg{m[1], parseExpr(m[2])})
		} else {
			fc.args = append(fc.args, parseExpr(a))
		}
	}
	return fc
}

func (p *parser) resolveFilters(v *variable) error {
	for i := range v.filters {
		v.filters[i].fn = p.eng.filters[v.filters[i].name]
	}
	return nil
}

// value evaluates the expression and applies the filters.
func (v *variable) value(c *Context) (any, error) {
	var obj any
	if v.expr != nil {
		var err error
		if obj, err = v.expr.eval(c); err != nil {
			return nil, err
		}
	}
	for i := range v.filters {
		f := &v.filters[i]
		fn := f.fn
		if fn == nil && c.engine != nil {
			fn = c.engine.filters[f.name]
		}
		if fn == nil {
			if c.engine != nil && c.engine.strictFilters {
				return nil, renderError("undefined filter " + f.name)
			}
			// Liquid passes the input through when strict_filters is off.
			c.Warn("Liquid: unknown filter '" + f.name + "'")
			continue
		}
		n := len(f.args)
		if len(f.kwargs) > 0 {
			n++
		}
		args := c.args(n)
		var err error
		for j, a := range f.args {
			if args[j], err = a.eval(c); err != nil {
				c.release(n)
				return nil, err
			}
		}
		if len(f.kwargs) > 0 {
			kw := NewMap(len(f.kwargs))
			for _, k := range f.kwargs {
				x, err := k.expr.eval(c)
				if err != nil {
					c.release(n)
					return nil, err
				}
				kw.Set(k.name, x)
			}
			args[n-1] = kw
		}
		obj, err = fn(c, obj, args)
		c.release(n)
		if err != nil {
			return nil, err
		}
	}
	return obj, nil
}

func (v *variable) Render(c *Context, out *bytes.Buffer) error {
	obj, err := v.value(c)
	if err != nil {
		return err
	}
	switch x := obj.(type) {
	case string:
		out.WriteString(x)
	case nil:
	default:
		out.Write(appendOutput(out.AvailableBuffer(), obj))
	}
	return nil
}

// Expression is a parsed `a.b[0] | filter: x`, for tags of other packages
// that take Liquid expressions in their markup.
type Expression struct{ v variable }

// ParseExpression parses an expression with filters, laxly where the strict
// parse fails, as Liquid's "warn" mode does.
func ParseExpression(src string) (*Expression, error) {
	e := &Expression{}
	if err := e.v.strictParse(src); err != nil {
		e.v = variable{}
		e.v.laxParse(src)
	}
	return e, nil
}

// Eval evaluates the expression, looking filters up in ctx's engine.
func (e *Expression) Eval(ctx *Context) (any, error) {
	return e.v.value(ctx)
}

// isBlank matches /\A\s*\z/.
func isBlank(s string) bool { return strings.Trim(s, rubySpace) == "" }
