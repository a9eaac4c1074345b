package liquid

import (
	"bytes"
	"regexp"
	"strconv"
)

type forTag struct {
	variable   string
	name       string // variable-collection, the key of offset: continue
	collection expr
	reversed   bool
	limit      expr
	offset     expr
	continues  bool // offset: continue
	body       *Body
	elseBody   *Body
}

var reForSyntax = regexp.MustCompile(`^([\w-]+)` + reSpace + `+in` + reSpace + `+(` + reQuotedFragment + `+)` + reSpace + `*(reversed)?`)

func parseFor(p *parser, tk *tokenizer, name, markup string, line int) (Renderer, bool, error) {
	t := &forTag{}
	if p.mode != modeLax {
		err := t.strictParse(markup)
		if err == nil {
			goto body
		}
		err.Name, err.Line = p.name, line
		err.Msg += " " + tagContext(markup)
		if p.mode == modeStrict {
			return nil, false, err
		}
		p.warnings = append(p.warnings, err)
		*t = forTag{}
	}
	if m := reForSyntax.FindStringSubmatch(markup); m != nil {
		t.variable = m[1]
		t.reversed = m[3] != ""
		t.name = m[1] + "-" + m[2]
		t.collection = parseExpr(m[2])
		for _, a := range reTagAttributesAll.FindAllStringSubmatch(markup, -1) {
			t.setAttribute(a[1], a[2])
		}
	} else {
		return nil, false, p.errorf("Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]")
	}
body:
	t.body = p.newBody()
	blank := true
	end, endMarkup, err := p.blockPart(t.body, tk, name)
	if err != nil {
		return nil, false, err
	}
	blank = t.body.blank
	if end != "" {
		if end != "else" {
			return nil, false, p.unknownTag(end, endMarkup, name)
		}
		t.elseBody = p.newBody()
		// Liquid parses only one else part; a second else replaces it with
		// an empty body and ends the loop there.
		end, endMarkup, err = p.blockPart(t.elseBody, tk, name)
		if err != nil {
			return nil, false, err
		}
		blank = blank && t.elseBody.blank
		if end == "else" {
			t.elseBody = p.newBody()
		} else if end != "" {
			return nil, false, p.unknownTag(end, endMarkup, name)
		}
	}
	if blank {
		t.body.removeBlankStrings()
		if t.elseBody != nil {
			t.elseBody.removeBlankStrings()
		}
	}
	return t, blank, nil
}

func (t *forTag) strictParse(markup string) *Error {
	p, err := newStrictParser(markup)
	if err != nil {
		return err
	}
	if t.variable, err = p.consume(tID); err != nil {
		return err
	}
	if !p.acceptID("in") {
		return syntaxError("For loops require an 'in' clause")
	}
	coll, err := p.expression()
	if err != nil {
		return err
	}
	t.collection = parseExpr(coll)
	t.name = t.variable + "-" + coll
	t.reversed = p.acceptID("reversed")
	for p.look(tID, 0) && p.look(tColon, 1) {
		attr := p.toks[p.p].text
		if attr != "limit" && attr != "offset" {
			return syntaxError("Invalid attribute in for loop. Valid attributes are limit and offset")
		}
		p.p += 2
		v, err := p.expression()
		if err != nil {
			return err
		}
		t.setAttribute(attr, v)
	}
	_, err = p.consume(tEnd)
	return err
}

func (t *forTag) setAttribute(key, markup string) {
	switch key {
	case "offset":
		if markup == "continue" {
			t.continues = true
			t.offset = nil
		} else {
			t.continues = false
			t.offset = parseExpr(markup)
		}
	case "limit":
		t.limit = parseExpr(markup)
	}
}

func (t *forTag) Render(c *Context, out *bytes.Buffer) error {
	from := 0
	if t.continues {
		from = c.forOffsets[t.name]
	} else if t.offset != nil {
		v, err := t.offset.eval(c)
		if err != nil {
			return err
		}
		if v != nil {
			n, ok := ToInt(v)
			if !ok {
				return renderError("invalid integer")
			}
			from = n
		}
	}
	coll, err := t.collection.eval(c)
	if err != nil {
		return err
	}
	to, hasTo := 0, false
	if t.limit != nil {
		v, err := t.limit.eval(c)
		if err != nil {
			return err
		}
		if v != nil {
			n, ok := ToInt(v)
			if !ok {
				return renderError("invalid integer")
			}
			to, hasTo = n+from, true
		}
	}
	seg := sliceCollection(coll, from, to, hasTo)
	if t.reversed {
		for i, j := 0, len(seg)-1; i < j; i, j = i+1, j-1 {
			seg[i], seg[j] = seg[j], seg[i]
		}
	}
	if c.forOffsets == nil {
		c.forOffsets = make(map[string]int, 2)
	}
	c.forOffsets[t.name] = from + len(seg)

	if len(seg) == 0 {
		if t.elseBody != nil {
			return t.elseBody.Render(c, out)
		}
		return nil
	}
	var parent *forloop
	if n := len(c.forStack); n > 0 {
		parent = c.forStack[n-1]
	}
	loop := &forloop{name: t.name, length: len(seg), parent: parent}
	c.forStack = append(c.forStack, loop)
	scope := make(map[string]any, 2)
	c.Push(scope)
	defer func() {
		c.Pop()
		c.forStack = c.forStack[:len(c.forStack)-1]
	}()
	scope["forloop"] = loop
	for _, item := range seg {
		scope[t.variable] = item
		if err := t.body.Render(c, out); err != nil {
			return err
		}
		loop.index++
		if c.interrupt != noInterrupt {
			in := c.interrupt
			c.interrupt = noInterrupt
			if in == breakInterrupt {
				break
			}
		}
	}
	return nil
}

// sliceCollection is Liquid's Utils.slice_collection: items from..to-1 of
// anything iterable. A string is one item, whole; a hash yields [key, value]
// pairs, a KeyedDrop its keys.
func sliceCollection(coll any, from, to int, hasTo bool) []any {
	var items []any
	switch v := coll.(type) {
	case []any:
		items = v
	case Range:
		items = v.Slice()
	case string:
		if v == "" {
			return nil
		}
		return []any{v}
	case *Map:
		items = make([]any, 0, v.Len())
		for _, k := range v.Keys() {
			x, _ := v.Get(k)
			items = append(items, []any{k, x})
		}
	case map[string]any:
		items = make([]any, 0, len(v))
		for _, k := range sortedKeys(v) {
			items = append(items, []any{k, v[k]})
		}
	case KeyedDrop:
		// A Jekyll drop yields key and value to a one-argument block, which
		// keeps the key.
		keys := v.Keys()
		items = make([]any, 0, len(keys))
		for _, k := range keys {
			items = append(items, k)
		}
	default:
		return nil
	}
	if from < 0 {
		from = 0
	}
	end := len(items)
	if hasTo && to < end {
		end = to
	}
	if from >= end {
		return nil
	}
	seg := make([]any, end-from)
	copy(seg, items[from:end])
	return seg
}

// forloop is the forloop drop.
type forloop struct {
	name   string
	length int
	index  int
	parent *forloop
}

func (f *forloop) Get(key string) any {
	switch key {
	case "length":
		return f.length
	case "index":
		return f.index + 1
	case "index0":
		return f.index
	case "rindex":
		return f.length - f.index
	case "rindex0":
		return f.length - f.index - 1
	case "first":
		return f.index == 0
	case "last":
		return f.index == f.length-1
	case "name":
		return f.name
	case "parentloop":
		if f.parent == nil {
			return nil
		}
		return f.parent
	}
	return nil
}

func (f *forloop) String() string  { return "Liquid::ForloopDrop" }
func (f *forloop) Inspect() string { return "Liquid::ForloopDrop" }

// tablerow

type tablerowTag struct {
	variable   string
	collection expr
	attrs      map[string]expr
	body       *Body
}

var reTablerowSyntax = regexp.MustCompile(`(\w+)` + reSpace + `+in` + reSpace + `+(` + reQuotedFragment + `+)`)

func parseTablerow(p *parser, tk *tokenizer, name, markup string, _ int) (Renderer, bool, error) {
	m := reTablerowSyntax.FindStringSubmatch(markup)
	if m == nil {
		return nil, false, p.errorf("Syntax Error in 'table_row loop' - Valid syntax: table_row [item] in [collection] cols=3")
	}
	t := &tablerowTag{variable: m[1], collection: parseExpr(m[2]), attrs: map[string]expr{}}
	for _, a := range reTagAttributesAll.FindAllStringSubmatch(markup, -1) {
		t.attrs[a[1]] = parseExpr(a[2])
	}
	body, err := p.simpleBlock(tk, name)
	if err != nil {
		return nil, false, err
	}
	t.body = body
	return t, body.blank, nil
}

func (t *tablerowTag) attrInt(c *Context, name string) (int, bool, error) {
	e, ok := t.attrs[name]
	if !ok {
		return 0, false, nil
	}
	v, err := e.eval(c)
	if err != nil {
		return 0, true, err
	}
	n, err := rubyToI(v)
	return n, true, err
}

func (t *tablerowTag) Render(c *Context, out *bytes.Buffer) error {
	coll, err := t.collection.eval(c)
	if err != nil || !Truthy(coll) {
		return err
	}
	from, _, err := t.attrInt(c, "offset")
	if err != nil {
		return err
	}
	limit, hasLimit, err := t.attrInt(c, "limit")
	if err != nil {
		return err
	}
	seg := sliceCollection(coll, from, from+limit, hasLimit)
	cols := 0
	if e, ok := t.attrs["cols"]; ok {
		v, err := e.eval(c)
		if err != nil {
			return err
		}
		if cols, err = rubyToI(v); err != nil {
			return err
		}
	}
	out.WriteString("<tr class=\"row1\">\n")
	loop := &tablerowloop{length: len(seg), row: 1, col: 1, cols: cols}
	scope := map[string]any{"tablerowloop": loop}
	c.Push(scope)
	defer c.Pop()
	for _, item := range seg {
		scope[t.variable] = item
		out.WriteString(`<td class="col`)
		out.WriteString(strconv.Itoa(loop.col))
		out.WriteString(`">`)
		if err := t.body.Render(c, out); err != nil {
			return err
		}
		out.WriteString("</td>")
		if loop.col == loop.cols && loop.index != loop.length-1 {
			out.WriteString("</tr>\n<tr class=\"row")
			out.WriteString(strconv.Itoa(loop.row + 1))
			out.WriteString(`">`)
		}
		loop.index++
		if loop.col == loop.cols {
			loop.col = 1
			loop.row++
		} else {
			loop.col++
		}
	}
	out.WriteString("</tr>\n")
	return nil
}

type tablerowloop struct {
	length, index, row, col, cols int
}

func (t *tablerowloop) Get(key string) any {
	switch key {
	case "length":
		return t.length
	case "index":
		return t.index + 1
	case "index0":
		return t.index
	case "rindex":
		return t.length - t.index
	case "rindex0":
		return t.length - t.index - 1
	case "first":
		return t.index == 0
	case "last":
		return t.index == t.length-1
	case "col":
		return t.col
	case "col0":
		return t.col - 1
	case "row":
		return t.row
	case "col_first":
		return t.col == 1
	case "col_last":
		return t.col == t.cols
	}
	return nil
}

func (t *tablerowloop) String() string  { return "Liquid::TablerowloopDrop" }
func (t *tablerowloop) Inspect() string { return "Liquid::TablerowloopDrop" }

// rubyToI is Ruby's to_i on a template value; values without to_i fail as
// Ruby's NoMethodError does.
func rubyToI(v any) (int, error) {
	switch v := v.(type) {
	case nil:
		return 0, nil
	case int:
		return v, nil
	case float64:
		return int(v), nil
	case string:
		return rubyStringToI(v), nil
	}
	return 0, renderError("undefined method `to_i' for " + Inspect(v) + ":" + rubyClass(v))
}
