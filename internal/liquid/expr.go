package liquid

import (
	"strconv"
	"strings"
)

// An expr is a parsed Liquid expression: a literal, a variable lookup
// (`a.b[0]`), a range (`(1..n)`) or, in conditions, `blank`/`empty`.
type expr interface {
	eval(c *Context) (any, error)
}

type literal struct{ v any }

func (l literal) eval(*Context) (any, error) { return l.v, nil }

// methodLiteral is `blank` or `empty` on one side of a comparison, where
// Liquid asks the other side whether it is empty.
type methodLiteral struct{ name string }

func (m methodLiteral) eval(*Context) (any, error) { return m, nil }

// variableLookup is `name.key[expr]...`.
type variableLookup struct {
	name     string
	nameExpr expr // for `[expr].key`, where the name is computed
	parts    []lookupPart
}

type lookupPart struct {
	key     any  // a fixed key
	keyExpr expr // or a computed one, `[var]`
	command bool // `.size`, `.first`, `.last`
}

func (v *variableLookup) eval(c *Context) (any, error) {
	strict := c.engine != nil && c.engine.strictVariables
	name := v.name
	if v.nameExpr != nil {
		n, err := v.nameExpr.eval(c)
		if err != nil {
			return nil, err
		}
		s, ok := n.(string)
		if !ok {
			if strict {
				return nil, renderError("undefined variable " + ToS(n))
			}
			return nil, nil
		}
		name = s
	}
	obj, found := c.find(name)
	if !found && strict {
		return nil, renderError("undefined variable " + name)
	}
	for i := range v.parts {
		p := &v.parts[i]
		key := p.key
		if p.keyExpr != nil {
			k, err := p.keyExpr.eval(c)
			if err != nil {
				return nil, err
			}
			key = k
		}
		r, ok := lookup(obj, key, p.command)
		if !ok {
			if strict {
				return nil, renderError("undefined variable " + ToS(key))
			}
			return nil, nil
		}
		obj = r
	}
	return obj, nil
}

// rangeLookup is a range whose ends are only known when rendering.
type rangeLookup struct{ from, to expr }

func (r *rangeLookup) eval(c *Context) (any, error) {
	a, err := r.from.eval(c)
	if err != nil {
		return nil, err
	}
	b, err := r.to.eval(c)
	if err != nil {
		return nil, err
	}
	from, err := rangeEnd(a)
	if err != nil {
		return nil, err
	}
	to, err := rangeEnd(b)
	if err != nil {
		return nil, err
	}
	return Range{from, to}, nil
}

// rangeEnd converts a range end as RangeLookup#to_integer does.
func rangeEnd(v any) (int, error) {
	switch v := v.(type) {
	case int:
		return v, nil
	case nil:
		return 0, nil
	case string:
		return rubyStringToI(v), nil
	}
	n, ok := ToInt(v)
	if !ok {
		return 0, renderError("invalid integer")
	}
	return n, nil
}

// parseExpr is Liquid's Expression.parse: it reads literals and otherwise
// treats the markup as a variable lookup, however odd.
func parseExpr(markup string) expr {
	markup = rubyStrip(markup)
	if len(markup) > 0 && (markup[0] == '"' || markup[0] == '\'') && markup[len(markup)-1] == markup[0] {
		if len(markup) == 1 {
			return literal{""}
		}
		return literal{markup[1 : len(markup)-1]}
	}
	if isIntegerLiteral(markup) {
		n, err := strconv.Atoi(markup)
		if err != nil {
			f, _ := strconv.ParseFloat(markup, 64)
			return literal{f}
		}
		return literal{n}
	}
	if a, b, ok := splitRangeLiteral(markup); ok {
		from, to := parseExpr(a), parseExpr(b)
		fl, ok1 := from.(literal)
		tl, ok2 := to.(literal)
		if ok1 && ok2 {
			return literal{Range{literalToI(fl.v), literalToI(tl.v)}}
		}
		return &rangeLookup{from, to}
	}
	if isFloatLiteral(markup) {
		return literal{rubyStringToF(markup)}
	}
	switch markup {
	case "nil", "null", "":
		return literal{nil}
	case "true":
		return literal{true}
	case "false":
		return literal{false}
	case "blank", "empty":
		return literal{""}
	}
	return parseVariableLookup(markup)
}

// parseConditionExpr is Condition.parse_expression: blank and empty are
// method literals there.
func parseConditionExpr(markup string) expr {
	if markup == "blank" || markup == "empty" {
		return methodLiteral{markup}
	}
	return parseExpr(markup)
}

func literalToI(v any) int {
	switch v := v.(type) {
	case int:
		return v
	case float64:
		return int(v)
	case string:
		return rubyStringToI(v)
	}
	return 0
}

// isIntegerLiteral matches /\A(-?\d+)\z/.
func isIntegerLiteral(s string) bool {
	if strings.HasPrefix(s, "-") {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isFloatLiteral matches /\A(-?\d[\d\.]+)\z/.
func isFloatLiteral(s string) bool {
	if strings.HasPrefix(s, "-") {
		s = s[1:]
	}
	if len(s) < 2 || s[0] < '0' || s[0] > '9' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != '.' {
			return false
		}
	}
	return true
}

// splitRangeLiteral matches /\A\(\s*(?>(\S+)\s*\.\.)\s*(\S+)\s*\)\z/,
// including the atomic group: the start is the longest run of non-space
// characters that is followed by "..".
func splitRangeLiteral(s string) (string, string, bool) {
	if len(s) < 2 || s[0] != '(' || s[len(s)-1] != ')' {
		return "", "", false
	}
	inner := strings.TrimLeft(s[1:], rubySpace)
	run := 0
	for run < len(inner) && !isRubySpace(inner[run]) {
		run++
	}
	start := -1
	for p := run; p >= 1; p-- {
		rest := strings.TrimLeft(inner[p:], rubySpace)
		if strings.HasPrefix(rest, "..") {
			start = p
			break
		}
	}
	if start < 0 {
		return "", "", false
	}
	rest := strings.TrimLeft(inner[start:], rubySpace)[2:]
	rest = strings.TrimLeft(rest, rubySpace)
	// rest must match (\S+)\s*\)\z; the final ")" was checked above.
	end := strings.TrimRight(rest[:len(rest)-1], rubySpace)
	if end == "" || strings.ContainsAny(end, rubySpace) {
		return "", "", false
	}
	return inner[:start], end, true
}

// parseVariableLookup is VariableLookup.parse: it scans
// /\[[^\]]+\]|[\w\-]+\??/ and keeps what matches.
func parseVariableLookup(markup string) expr {
	v := &variableLookup{}
	first := true
	for i := 0; i < len(markup); {
		c := markup[i]
		var seg string
		if c == '[' {
			j := strings.IndexByte(markup[i+1:], ']')
			if j <= 0 {
				i++
				continue
			}
			seg = markup[i : i+1+j+1]
		} else if isWordChar(c) || c == '-' {
			j := i
			for j < len(markup) && (isWordChar(markup[j]) || markup[j] == '-') {
				j++
			}
			if j < len(markup) && markup[j] == '?' {
				j++
			}
			seg = markup[i:j]
		} else {
			i++
			continue
		}
		i += len(seg)
		bracket := seg[0] == '['
		if first {
			first = false
			if bracket {
				e := parseExpr(seg[1 : len(seg)-1])
				if l, ok := e.(literal); ok {
					if s, ok := l.v.(string); ok {
						v.name = s
						continue
					}
				}
				v.nameExpr = e
			} else {
				v.name = seg
			}
			continue
		}
		if bracket {
			e := parseExpr(seg[1 : len(seg)-1])
			if l, ok := e.(literal); ok {
				v.parts = append(v.parts, lookupPart{key: l.v})
			} else {
				v.parts = append(v.parts, lookupPart{keyExpr: e})
			}
			continue
		}
		v.parts = append(v.parts, lookupPart{key: seg, command: seg == "size" || seg == "first" || seg == "last"})
	}
	if first {
		// Nothing looked like a name: Liquid looks up nil, which is never found.
		return literal{nil}
	}
	return v
}

const rubySpace = " \t\n\v\f\r"

func isRubySpace(c byte) bool {
	return c == ' ' || (c >= '\t' && c <= '\r')
}

func isWordChar(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

// rubyStrip is String#strip: ASCII whitespace and NUL.
func rubyStrip(s string) string { return strings.Trim(s, rubySpace+"\x00") }

// rubyStringToI is String#to_i: leading whitespace, a sign, digits with
// single underscores between them; 0 when there are none.
func rubyStringToI(s string) int {
	i := 0
	for i < len(s) && isRubySpace(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	n := 0
	for i < len(s) {
		c := s[i]
		if c >= '0' && c <= '9' {
			n = n*10 + int(c-'0')
			i++
		} else if c == '_' && i > 0 && s[i-1] >= '0' && s[i-1] <= '9' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
			i++
		} else {
			break
		}
	}
	if neg {
		return -n
	}
	return n
}

// rubyStringToF is String#to_f: the longest leading decimal number.
func rubyStringToF(s string) float64 {
	i := 0
	for i < len(s) && isRubySpace(s[i]) {
		i++
	}
	start := i
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := func() bool {
		d := false
		for i < len(s) {
			if s[i] >= '0' && s[i] <= '9' {
				d = true
				i++
			} else if s[i] == '_' && d && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
				i++
			} else {
				break
			}
		}
		return d
	}
	if !digits() {
		return 0
	}
	end := i
	if i+1 < len(s) && s[i] == '.' && s[i+1] >= '0' && s[i+1] <= '9' {
		i++
		digits()
		end = i
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() {
			end = i
		} else {
			i = j
		}
	}
	f, _ := strconv.ParseFloat(strings.ReplaceAll(s[start:end], "_", ""), 64)
	return f
}
