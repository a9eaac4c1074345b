package liquid

import (
	"regexp"
	"strings"
)

// Condition is a parsed `if` condition: comparisons joined by and/or, which
// Liquid groups from the right (`a and b or c` is `a and (b or c)`).
type Condition struct {
	left, right expr
	op          string // "" for a lone value
	rel         string // "and", "or" or "" when there is no child
	child       *Condition
}

// eval returns the Liquid value the condition gives (its truth decides).
func (cond *Condition) eval(c *Context) (any, error) {
	for {
		r, err := cond.interpret(c)
		if err != nil {
			return nil, err
		}
		switch cond.rel {
		case "or":
			if Truthy(r) {
				return r, nil
			}
		case "and":
			if !Truthy(r) {
				return r, nil
			}
		default:
			return r, nil
		}
		cond = cond.child
	}
}

// Eval reports whether the condition holds.
func (cond *Condition) Eval(ctx *Context) (bool, error) {
	r, err := cond.eval(ctx)
	return Truthy(r), err
}

func (cond *Condition) interpret(c *Context) (any, error) {
	if cond.op == "" {
		return cond.left.eval(c)
	}
	l, err := cond.left.eval(c)
	if err != nil {
		return nil, err
	}
	r, err := cond.right.eval(c)
	if err != nil {
		return nil, err
	}
	switch cond.op {
	case "==":
		return equalVariables(l, r), nil
	case "!=", "<>":
		return !Truthy(equalVariables(l, r)), nil
	case "<", ">", "<=", ">=":
		if _, isHash := hashView(l); isHash != nil {
			return nil, nil
		}
		if _, isHash := hashView(r); isHash != nil {
			return nil, nil
		}
		if !comparable(l) || !comparable(r) {
			return nil, nil
		}
		return compareOp(l, r, cond.op)
	case "contains":
		return contains(l, r), nil
	}
	return nil, renderError("Unknown operator " + cond.op)
}

// equalVariables is ==, where `blank` and `empty` ask the other side
// whether it is empty (nil when it cannot say).
func equalVariables(l, r any) any {
	if m, ok := l.(methodLiteral); ok {
		return askEmpty(m, r)
	}
	if m, ok := r.(methodLiteral); ok {
		return askEmpty(m, l)
	}
	return Equal(l, r)
}

func askEmpty(m methodLiteral, v any) any {
	if m.name != "empty" {
		return nil // nothing has blank? without ActiveSupport
	}
	switch v := v.(type) {
	case string:
		return v == ""
	case []any:
		return len(v) == 0
	case *Map:
		return v.Len() == 0
	case map[string]any:
		return len(v) == 0
	}
	return nil
}

// contains is Liquid's contains: substring, array member or hash key.
func contains(l, r any) bool {
	if !Truthy(l) || !Truthy(r) {
		return false
	}
	switch l := l.(type) {
	case string:
		if _, ok := r.(methodLiteral); ok {
			return true
		}
		return strings.Contains(l, ToS(r))
	case []any:
		for _, x := range l {
			if Equal(x, r) {
				return true
			}
		}
	case *Map:
		if k, ok := r.(string); ok {
			_, found := l.Get(k)
			return found
		}
	case map[string]any:
		if k, ok := r.(string); ok {
			_, found := l[k]
			return found
		}
	case Range:
		switch r := r.(type) {
		case int:
			return r >= l.From && r <= l.To
		case float64:
			return r >= float64(l.From) && r <= float64(l.To)
		}
	}
	return false
}

// ParseCondition parses a condition the way Jekyll's where_exp does
// (`x.n > 2 and x.tags contains "a"`): with Liquid's strict parser only, and
// with `empty` and `blank` read as the empty string, not as emptiness tests.
// Errors are syntax errors without a position.
func ParseCondition(src string) (*Condition, error) {
	c, err := strictCondition(src, parseExpr)
	if err != nil {
		return nil, err
	}
	return c, nil
}

func strictCondition(markup string, operand func(string) expr) (*Condition, *Error) {
	p, err := newStrictParser(markup)
	if err != nil {
		return nil, err
	}
	first, err := p.comparison(operand)
	if err != nil {
		return nil, err
	}
	cond := first
	for {
		var rel string
		if p.acceptID("and") {
			rel = "and"
		} else if p.acceptID("or") {
			rel = "or"
		} else {
			break
		}
		child, err := p.comparison(operand)
		if err != nil {
			return nil, err
		}
		cond.rel, cond.child = rel, child
		cond = child
	}
	if _, err := p.consume(tEnd); err != nil {
		return nil, err
	}
	return first, nil
}

func (p *strictParser) comparison(operand func(string) expr) (*Condition, *Error) {
	a, err := p.expression()
	if err != nil {
		return nil, err
	}
	c := &Condition{left: operand(a)}
	if op, ok := p.accept(tComparison); ok {
		b, err := p.expression()
		if err != nil {
			return nil, err
		}
		c.op, c.right = op, operand(b)
	}
	return c, nil
}

var reIfSyntax = regexp.MustCompile(`(` + reQuotedFragment + `)` + reSpace + `*([=!<>a-z_]+)?` + reSpace + `*(` + reQuotedFragment + `)?`)

const ifSyntaxError = "Syntax Error in tag 'if' - Valid syntax: if [expression]"

// laxCondition is If#lax_parse.
func laxCondition(markup string) (*Condition, *Error) {
	exprs := scanExpressionsAndOperators(markup)
	pop := func() (string, bool) {
		if len(exprs) == 0 {
			return "", false
		}
		s := exprs[len(exprs)-1]
		exprs = exprs[:len(exprs)-1]
		return s, true
	}
	newCond := func(s string) *Condition {
		m := reIfSyntax.FindStringSubmatch(s)
		if m == nil {
			return nil
		}
		c := &Condition{left: parseConditionExpr(m[1]), op: m[2]}
		if m[3] != "" || c.op != "" {
			c.right = parseConditionExpr(m[3])
		}
		return c
	}
	last, _ := pop()
	cond := newCond(last)
	if cond == nil {
		return nil, syntaxError(ifSyntaxError)
	}
	for len(exprs) > 0 {
		op, _ := pop()
		op = rubyStrip(op)
		s, _ := pop()
		nc := newCond(s)
		if nc == nil {
			return nil, syntaxError(ifSyntaxError)
		}
		if op != "and" && op != "or" {
			return nil, syntaxError(ifSyntaxError)
		}
		nc.rel, nc.child = op, cond
		cond = nc
	}
	return cond, nil
}

// scanExpressionsAndOperators is markup.scan of Liquid's
// ExpressionsAndOperators, which Go's regexp cannot express (it needs a
// negative lookahead):
//
//	(?:\b(?:\s?and\s?|\s?or\s?)\b|(?:\s*(?!\b(?:\s?and\s?|\s?or\s?)\b)(?:QuotedFragment|\S+)\s*)+)
func scanExpressionsAndOperators(s string) []string {
	var out []string
	for i := 0; i <= len(s); {
		if end, ok := matchAndOr(s, i); ok {
			out = append(out, s[i:end])
			i = max(end, i+1)
			continue
		}
		if end, ok := matchOperand(s, i); ok {
			out = append(out, s[i:end])
			if end == i {
				i++
			} else {
				i = end
			}
			continue
		}
		i++
	}
	return out
}

func wordBoundary(s string, i int) bool {
	before := i > 0 && isWordChar(s[i-1])
	after := i < len(s) && isWordChar(s[i])
	return before != after
}

// matchAndOr matches \b(?:\s?and\s?|\s?or\s?)\b at i.
func matchAndOr(s string, i int) (int, bool) {
	if !wordBoundary(s, i) {
		return 0, false
	}
	for _, w := range [...]string{"and", "or"} {
		for _, lead := range [...]bool{true, false} {
			j := i
			if lead {
				if j >= len(s) || !isRubySpace(s[j]) {
					continue
				}
				j++
			}
			if !strings.HasPrefix(s[j:], w) {
				continue
			}
			j += len(w)
			if j < len(s) && isRubySpace(s[j]) && wordBoundary(s, j+1) {
				return j + 1, true
			}
			if wordBoundary(s, j) {
				return j, true
			}
		}
	}
	return 0, false
}

// matchOperand matches (?:\s*(?!andor)(?:QuotedFragment|\S+)\s*)+ at i.
func matchOperand(s string, i int) (int, bool) {
	end, matched := i, false
	for {
		j := end
		for j < len(s) && isRubySpace(s[j]) {
			j++
		}
		if _, ok := matchAndOr(s, j); ok {
			break
		}
		k := matchQuotedFragment(s, j)
		if k == j {
			for k < len(s) && !isRubySpace(s[k]) {
				k++
			}
		}
		if k == j {
			break
		}
		for k < len(s) && isRubySpace(s[k]) {
			k++
		}
		end, matched = k, true
	}
	return end, matched
}

// matchQuotedFragment returns the end of a QuotedFragment at i, or i.
func matchQuotedFragment(s string, i int) int {
	if i < len(s) && (s[i] == '"' || s[i] == '\'') {
		if k := strings.IndexByte(s[i+1:], s[i]); k >= 0 {
			return i + 1 + k + 1
		}
	}
	j := i
	for j < len(s) {
		c := s[j]
		switch {
		case c == '"' || c == '\'':
			k := strings.IndexByte(s[j+1:], c)
			if k < 0 {
				return j
			}
			j += k + 2
		case isRubySpace(c) || c == ',' || c == '|':
			return j
		default:
			j++
		}
	}
	return j
}
