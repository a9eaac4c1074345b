package filters

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// selectable is what where, where_exp and friends iterate: an array as it
// is, a hash's values (in order), a range's integers. ok is false for
// values Ruby cannot select from, which the filters return unchanged.
func selectable(v any) ([]any, bool) {
	switch v := v.(type) {
	case []any:
		return v, true
	case *liquid.Map:
		out := make([]any, 0, v.Len())
		for _, k := range v.Keys() {
			x, _ := v.Get(k)
			out = append(out, x)
		}
		return out, true
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		out := make([]any, 0, len(v))
		for _, k := range keys {
			out = append(out, v[k])
		}
		return out, true
	case liquid.Range:
		return v.Slice(), true
	}
	return nil, false
}

// itemProperty is Jekyll's item_property: item[property], following dots
// through nested hashes and drops, then parse_sort_input.
func itemProperty(item any, property string) (any, error) {
	var v any
	if !strings.Contains(property, ".") {
		x, err := index(item, property)
		if err != nil {
			return nil, err
		}
		v = x
	} else {
		v = item
		for _, key := range rubySplitDot(property) {
			if !respondsToIndex(v) {
				v = false
				continue
			}
			x, err := index(v, key)
			if err != nil {
				return nil, err
			}
			// `data.respond_to?(:[]) && data[key]`
			v = x
		}
	}
	return parseSortInput(v), nil
}

// rubySplitDot is String#split("."), which drops trailing empty fields.
func rubySplitDot(s string) []string {
	parts := strings.Split(s, ".")
	for len(parts) > 0 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	return parts
}

func respondsToIndex(v any) bool {
	switch v.(type) {
	case *liquid.Map, map[string]any, liquid.Drop, string, []any, int:
		return true
	}
	return false
}

// index is Ruby's data[key] with a string key.
func index(data any, key string) (any, error) {
	switch d := data.(type) {
	case *liquid.Map:
		v, _ := d.Get(key)
		return v, nil
	case map[string]any:
		return d[key], nil
	case liquid.Drop:
		return d.Get(key), nil
	case string:
		// String#[] with a string: the substring if present.
		if strings.Contains(d, key) {
			return key, nil
		}
		return nil, nil
	case []any, int:
		return nil, internalf("no implicit conversion of String into Integer")
	}
	return nil, internalf("undefined method `[]' for %s", liquid.Inspect(data))
}

var (
	reIntegerLike = regexp.MustCompile(`\A[ \t\n\v\f\r]*-?\d+[ \t\n\v\f\r]*\z`)
	reFloatLike   = regexp.MustCompile(`\A[ \t\n\v\f\r]*-?(?:\d+\.?\d*|\.\d+)[ \t\n\v\f\r]*\z`)
)

// parseSortInput turns a value whose to_s looks like an integer or a float
// into that number, as Jekyll does before comparing or sorting: "05" is 5.
func parseSortInput(v any) any {
	switch v.(type) {
	case string, int, float64:
	default:
		return v
	}
	s := liquid.ToS(v)
	if reIntegerLike.MatchString(s) {
		if i, ok := v.(int); ok {
			return i
		}
		return stringToI(s)
	}
	if reFloatLike.MatchString(s) {
		if f, ok := v.(float64); ok {
			return f
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil {
			// "1." reads as 1.0 in Ruby.
			f, _ = strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "."), 64)
		}
		return f
	}
	return v
}

// isMethodLiteral reports whether v is Liquid's `empty` or `blank`, which
// where compares against as "".
func isMethodLiteral(v any) bool {
	if v == nil {
		return false
	}
	t := reflect.TypeOf(v)
	return t.PkgPath() == "github.com/broadsheet-ssg/broadsheet/internal/liquid" && t.Name() == "methodLiteral"
}

// compareProperty is Jekyll's compare_property_vs_target.
func compareProperty(property, target any) bool {
	switch {
	case target == nil:
		return property == nil
	case isMethodLiteral(target):
		if s, ok := property.(string); ok && s == "" {
			return true
		}
		return rubyJoin(rubyArray(property), "") == ""
	}
	t := liquid.ToS(target)
	if s, ok := property.(string); ok {
		return s == t
	}
	for _, p := range rubyArray(property) {
		if liquid.ToS(p) == t {
			return true
		}
	}
	return false
}

// rubyArray is Kernel#Array: nil is empty, an array itself, a hash its
// [key, value] pairs.
func rubyArray(v any) []any {
	switch v := v.(type) {
	case nil:
		return nil
	case []any:
		return v
	case *liquid.Map:
		out := make([]any, 0, v.Len())
		for _, k := range v.Keys() {
			x, _ := v.Get(k)
			out = append(out, []any{k, x})
		}
		return out
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		out := make([]any, 0, len(v))
		for _, k := range keys {
			out = append(out, []any{k, v[k]})
		}
		return out
	case liquid.Range:
		return v.Slice()
	}
	return []any{v}
}

// rubyJoin is Array#join: nested arrays are joined too, nil is "".
func rubyJoin(a []any, sep string) string {
	var b strings.Builder
	var walk func(a []any, first bool) bool
	walk = func(a []any, first bool) bool {
		for _, x := range a {
			if sub, ok := x.([]any); ok {
				first = walk(sub, first)
				continue
			}
			if !first {
				b.WriteString(sep)
			}
			first = false
			b.WriteString(liquid.ToS(x))
		}
		return first
	}
	walk(a, true)
	return b.String()
}

// whereArgs reads where's and find's arguments; skip is true when Jekyll
// returns the input untouched (no property, or an array or hash value).
func whereArgs(input any, args []any) (items []any, property string, value any, skip bool) {
	p, value := args[0], args[1]
	if p == nil || p == false {
		return nil, "", nil, true
	}
	switch value.(type) {
	case []any, *liquid.Map, map[string]any:
		return nil, "", nil, true
	}
	items, ok := selectable(input)
	if !ok {
		return nil, "", nil, true
	}
	return items, liquid.ToS(p), value, false
}

func whereFilter(_ *liquid.Context, input any, args []any) (any, error) {
	items, property, value, skip := whereArgs(input, args)
	if skip {
		return input, nil
	}
	out := make([]any, 0, len(items))
	for _, item := range items {
		p, err := itemProperty(item, property)
		if err != nil {
			return nil, err
		}
		if compareProperty(p, value) {
			out = append(out, item)
		}
	}
	return out, nil
}

func findFilter(_ *liquid.Context, input any, args []any) (any, error) {
	items, property, value, skip := whereArgs(input, args)
	if skip {
		return input, nil
	}
	for _, item := range items {
		p, err := itemProperty(item, property)
		if err != nil {
			return nil, err
		}
		if compareProperty(p, value) {
			return item, nil
		}
	}
	return nil, nil
}

func (env *Env) condition(src string) (*liquid.Condition, error) {
	if c, ok := env.conds.Load(src); ok {
		return c.(*liquid.Condition), nil
	}
	c, err := liquid.ParseCondition(src)
	if err != nil {
		return nil, err
	}
	env.conds.Store(src, c)
	return c, nil
}

func (env *Env) expression(src string) (*liquid.Expression, error) {
	if e, ok := env.exprs.Load(src); ok {
		return e.(*liquid.Expression), nil
	}
	e, err := liquid.ParseExpression(src)
	if err != nil {
		return nil, err
	}
	env.exprs.Store(src, e)
	return e, nil
}

// eachWithVariable runs f for each item with `variable` set to it in a new
// innermost scope, as @context.stack { @context[variable] = item } does.
func eachWithVariable(ctx *liquid.Context, items []any, variable string, f func(item any) (stop bool, err error)) error {
	scope := map[string]any{}
	ctx.Push(scope)
	defer ctx.Pop()
	for _, item := range items {
		scope[variable] = item
		stop, err := f(item)
		if err != nil || stop {
			return err
		}
	}
	return nil
}

func (env *Env) whereExpFilter(ctx *liquid.Context, input any, args []any) (any, error) {
	items, ok := selectable(input)
	if !ok {
		return input, nil
	}
	cond, err := env.condition(liquid.ToS(args[1]))
	if err != nil {
		return nil, err
	}
	out := make([]any, 0, len(items))
	err = eachWithVariable(ctx, items, liquid.ToS(args[0]), func(item any) (bool, error) {
		ok, err := cond.Eval(ctx)
		if ok {
			out = append(out, item)
		}
		return false, err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (env *Env) findExpFilter(ctx *liquid.Context, input any, args []any) (any, error) {
	items, ok := selectable(input)
	if !ok {
		return input, nil
	}
	cond, err := env.condition(liquid.ToS(args[1]))
	if err != nil {
		return nil, err
	}
	var found any
	err = eachWithVariable(ctx, items, liquid.ToS(args[0]), func(item any) (bool, error) {
		ok, err := cond.Eval(ctx)
		if ok {
			found = item
		}
		return ok, err
	})
	return found, err
}

// groupable is respond_to?(:group_by): arrays, hashes and ranges; a hash
// or range groups its pairs or integers, which have no properties.
func groupable(v any) ([]any, bool) {
	switch v := v.(type) {
	case []any:
		return v, true
	case *liquid.Map, map[string]any:
		return rubyArray(v), true
	case liquid.Range:
		return v.Slice(), true
	}
	return nil, false
}

// grouped builds group_by's result: one hash per group, in the order the
// groups were first seen, with name, items and size.
type grouped struct {
	order  []string
	names  map[string]any
	groups map[string][]any
}

func (g *grouped) add(key string, name, item any) {
	if g.groups == nil {
		g.groups = map[string][]any{}
		g.names = map[string]any{}
	}
	if _, ok := g.groups[key]; !ok {
		g.order = append(g.order, key)
		g.names[key] = name
	}
	g.groups[key] = append(g.groups[key], item)
}

func (g *grouped) result() []any {
	out := make([]any, 0, len(g.order))
	for _, k := range g.order {
		m := liquid.NewMap(3)
		m.Set("name", g.names[k])
		m.Set("items", g.groups[k])
		m.Set("size", len(g.groups[k]))
		out = append(out, m)
	}
	return out
}

func groupByFilter(_ *liquid.Context, input any, args []any) (any, error) {
	items, ok := groupable(input)
	if !ok {
		return input, nil
	}
	property := liquid.ToS(args[0])
	var g grouped
	for _, item := range items {
		p, err := itemProperty(item, property)
		if err != nil {
			return nil, err
		}
		name := liquid.ToS(p)
		g.add(name, name, item)
	}
	return g.result(), nil
}

func (env *Env) groupByExpFilter(ctx *liquid.Context, input any, args []any) (any, error) {
	items, ok := groupable(input)
	if !ok {
		return input, nil
	}
	expr, err := env.expression(liquid.ToS(args[1]))
	if err != nil {
		return nil, err
	}
	var g grouped
	err = eachWithVariable(ctx, items, liquid.ToS(args[0]), func(item any) (bool, error) {
		v, err := expr.Eval(ctx)
		if err != nil {
			return true, err
		}
		// Ruby groups by eql?: 1 and 1.0 apart, equal strings together.
		g.add(rubyClass(v)+":"+liquid.Inspect(v), v, item)
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	return g.result(), nil
}

func sortFilter(_ *liquid.Context, input any, args []any) (any, error) {
	if input == nil {
		return nil, argumentError("Cannot sort a null object.")
	}
	property := arg(args, 0)
	if property == nil {
		var items []any
		switch v := input.(type) {
		case []any:
			items = append([]any(nil), v...)
		case *liquid.Map, map[string]any:
			items = rubyArray(v)
		case liquid.Range:
			return v.Slice(), nil
		default:
			return nil, internalf("undefined method `sort' for %s", liquid.Inspect(input))
		}
		var err error
		sort.SliceStable(items, func(i, j int) bool {
			if err != nil {
				return false
			}
			c, e := liquid.Compare(items[i], items[j])
			if e != nil {
				err = argumentError(errorMessage(e))
			}
			return c < 0
		})
		if err != nil {
			return nil, err
		}
		return items, nil
	}
	order := -1
	if len(args) > 1 {
		switch n := args[1]; n {
		case "first":
		case "last":
			order = 1
		default:
			return nil, argumentError("Invalid nils order: '" + liquid.ToS(n) + "' is not a valid nils order. It must be 'first' or 'last'.")
		}
	}
	items, ok := input.([]any)
	if !ok {
		if _, isHash := groupable(input); isHash {
			return nil, internalf("no implicit conversion of String into Integer")
		}
		return nil, internalf("undefined method `map' for %s", liquid.Inspect(input))
	}
	prop := liquid.ToS(property)
	type keyed struct{ key, item any }
	ks := make([]keyed, len(items))
	for i, item := range items {
		p, err := itemProperty(item, prop)
		if err != nil {
			return nil, err
		}
		ks[i] = keyed{p, item}
	}
	sort.SliceStable(ks, func(i, j int) bool {
		a, b := ks[i].key, ks[j].key
		switch {
		case a != nil && b == nil:
			return -order < 0
		case a == nil && b != nil:
			return order < 0
		}
		if c, err := liquid.Compare(a, b); err == nil {
			return c < 0
		}
		return liquid.ToS(a) < liquid.ToS(b)
	})
	out := make([]any, len(ks))
	for i, k := range ks {
		out[i] = k.item
	}
	return out, nil
}

// errorMessage is the message of a Liquid error without its "Liquid error:"
// prefix.
func errorMessage(err error) string {
	if le, ok := err.(*liquid.Error); ok {
		return le.Msg
	}
	return err.Error()
}

func pushFilter(_ *liquid.Context, input any, args []any) (any, error) {
	a, ok := input.([]any)
	if !ok {
		return input, nil
	}
	out := make([]any, len(a), len(a)+1)
	copy(out, a)
	return append(out, args[0]), nil
}

func unshiftFilter(_ *liquid.Context, input any, args []any) (any, error) {
	a, ok := input.([]any)
	if !ok {
		return input, nil
	}
	out := make([]any, 0, len(a)+1)
	out = append(out, args[0])
	return append(out, a...), nil
}

// countArg is Liquid::Utils.to_integer on an optional count that defaults
// to 1.
func countArg(args []any) (int, error) {
	if len(args) == 0 {
		return 1, nil
	}
	n, ok := liquid.ToInt(args[0])
	if !ok {
		return 0, argumentError("invalid integer")
	}
	return n, nil
}

func popFilter(_ *liquid.Context, input any, args []any) (any, error) {
	a, ok := input.([]any)
	if !ok {
		return input, nil
	}
	n, err := countArg(args)
	if err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, argumentError("negative array size")
	}
	if n > len(a) {
		n = len(a)
	}
	return append([]any(nil), a[:len(a)-n]...), nil
}

func shiftFilter(_ *liquid.Context, input any, args []any) (any, error) {
	a, ok := input.([]any)
	if !ok {
		return input, nil
	}
	n, err := countArg(args)
	if err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, argumentError("negative array size")
	}
	if n > len(a) {
		n = len(a)
	}
	return append([]any(nil), a[n:]...), nil
}

// sampleFilter picks at random, so only its shape can match Jekyll's: one
// item (or nil) for a count of 1, else an array of up to n distinct items.
func sampleFilter(_ *liquid.Context, input any, args []any) (any, error) {
	a, ok := input.([]any)
	if !ok {
		return input, nil
	}
	n, err := countArg(args)
	if err != nil {
		n = 1
	}
	if n == 1 {
		if len(a) == 0 {
			return nil, nil
		}
		return a[rand.IntN(len(a))], nil
	}
	if n < 0 {
		return nil, argumentError("negative sample number")
	}
	perm := rand.Perm(len(a))
	if n > len(a) {
		n = len(a)
	}
	out := make([]any, n)
	for i := range out {
		out[i] = a[perm[i]]
	}
	return out, nil
}

func arrayToSentenceFilter(_ *liquid.Context, input any, args []any) (any, error) {
	connector := "and"
	if len(args) > 0 {
		connector = liquid.ToS(args[0])
	}
	switch a := input.(type) {
	case []any:
		switch len(a) {
		case 0:
			return "", nil
		case 1:
			return liquid.ToS(a[0]), nil
		case 2:
			return liquid.ToS(a[0]) + " " + connector + " " + liquid.ToS(a[1]), nil
		}
		return rubyJoin(a[:len(a)-1], ", ") + ", " + connector + " " + liquid.ToS(a[len(a)-1]), nil
	case string:
		// String#length and String#[] make a sentence of its characters,
		// up to two of them.
		switch utf8.RuneCountInString(a) {
		case 0:
			return "", nil
		case 1:
			return a, nil
		case 2:
			r, n := utf8.DecodeRuneInString(a)
			return string(r) + " " + connector + " " + a[n:], nil
		}
		return nil, internalf("undefined method `join' for %s", liquid.Inspect(a))
	case *liquid.Map:
		switch a.Len() {
		case 0, 1:
			return "", nil
		case 2:
			return " " + connector + " ", nil
		}
	}
	return nil, internalf("undefined method `length' for %s", liquid.Inspect(input))
}
