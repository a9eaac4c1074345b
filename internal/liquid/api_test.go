package liquid

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

func render(t *testing.T, e *Engine, src string, vars map[string]any) (string, error) {
	t.Helper()
	tpl, err := e.Parse(src, "page.html")
	if err != nil {
		return "", err
	}
	var out bytes.Buffer
	err = tpl.Render(NewContext(vars), &out)
	return out.String(), err
}

// includeTag stands for Jekyll's include: it renders another template in a
// new innermost scope holding `include`.
type includeTag struct {
	partial *Template
	param   *Expression
}

func (t *includeTag) Render(ctx *Context, out *bytes.Buffer) error {
	v, err := t.param.Eval(ctx)
	if err != nil {
		return err
	}
	return ctx.Stack(map[string]any{"include": map[string]any{"x": v}}, func() error {
		return t.partial.Render(ctx, out)
	})
}

func TestRegisteredTagsAndFilters(t *testing.T) {
	e := NewEngine()
	partial, err := e.Parse("[{{ include.x }}{% assign leaked = 'yes' %}{{ 1 | divided_by: 0 }}]", "_includes/p.html")
	if err != nil {
		t.Fatal(err)
	}
	okPartial, err := e.Parse("[{{ include.x | shout }}{% assign leaked = 'yes' %}]", "_includes/ok.html")
	if err != nil {
		t.Fatal(err)
	}
	e.RegisterTag("include", func(markup string, pos Position) (Renderer, error) {
		name, param, _ := strings.Cut(strings.TrimSpace(markup), " ")
		x, err := ParseExpression(param)
		if err != nil {
			return nil, err
		}
		if name == "bad" {
			return &includeTag{partial, x}, nil
		}
		if name != "ok" {
			return nil, errors.New("no such include " + name)
		}
		return &includeTag{okPartial, x}, nil
	})
	e.RegisterBlock("shoutblock", func(markup string, pos Position, body *Body) (Renderer, error) {
		return rendererFunc(func(ctx *Context, out *bytes.Buffer) error {
			var b bytes.Buffer
			if err := body.Render(ctx, &b); err != nil {
				return err
			}
			out.WriteString(strings.ToUpper(b.String()) + markup)
			return nil
		}), nil
	})
	e.RegisterFilter("shout", func(ctx *Context, in any, args []any) (any, error) {
		return strings.ToUpper(ToS(in)) + "!", nil
	})
	// Replacing a standard filter.
	e.RegisterFilter("upcase", func(ctx *Context, in any, args []any) (any, error) { return "UP", nil })

	tests := []struct {
		src, want, err string
	}{
		{`{% include ok page.n %}{{ leaked }}`, "[7!]yes", ""},
		{`{% shoutblock !%}a{{ page.n }}{% endshoutblock %}`, "A7!", ""},
		{`{{ "x" | upcase }}`, "UP", ""},
		{"\n{% include nope x %}", "", "page.html:2: Liquid syntax error: no such include nope"},
		{"{% shoutblock %}{% else %}{% endshoutblock %}", "", "page.html:1: Liquid syntax error: shoutblock tag does not expect 'else' tag"},
		{"{% shoutblock %}", "", "page.html:1: Liquid syntax error: 'shoutblock' tag was never closed"},
		// The error names the partial and its line, not the includer's.
		{"a\n{% include bad 1 %}", "a\n[1", "_includes/p.html:1: Liquid error: divided by 0"},
	}
	for _, tt := range tests {
		got, err := render(t, e, tt.src, map[string]any{"page": map[string]any{"n": 7}})
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if gotErr != tt.err {
			t.Errorf("%q: error %q, want %q", tt.src, gotErr, tt.err)
		}
		if got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.src, got, tt.want)
		}
	}
}

type rendererFunc func(ctx *Context, out *bytes.Buffer) error

func (f rendererFunc) Render(ctx *Context, out *bytes.Buffer) error { return f(ctx, out) }

func TestContextScopes(t *testing.T) {
	vars := map[string]any{"a": "env", "b": "env"}
	c := NewContext(vars)
	c.Set("a", "assigned")
	c.Push(map[string]any{"b": "inner"})
	c.SetLocal("c", "local")
	c.Set("d", "outer")
	for name, want := range map[string]any{"a": "assigned", "b": "inner", "c": "local", "d": "outer", "e": nil} {
		if got := c.Get(name); got != want {
			t.Errorf("Get(%q) = %v, want %v", name, got, want)
		}
	}
	c.Pop()
	if c.Get("b") != "env" || c.Get("c") != nil || c.Get("d") != "outer" {
		t.Errorf("after Pop: b=%v c=%v d=%v", c.Get("b"), c.Get("c"), c.Get("d"))
	}
	if vars["a"] != "env" || len(vars) != 2 {
		t.Errorf("vars were modified: %v", vars)
	}
	c.Registers()["site"] = 1
	if c.Registers()["site"] != 1 {
		t.Error("registers lost")
	}
	// Recursion stops at Liquid's nesting limit.
	var recurse func() error
	depth := 0
	recurse = func() error {
		depth++
		return c.Stack(nil, recurse)
	}
	if err := recurse(); err == nil || !strings.Contains(err.Error(), "Nesting too deep") {
		t.Errorf("recursion: %v after %d", err, depth)
	}
}

func TestParseConditionAndExpression(t *testing.T) {
	e := NewEngine()
	post := NewMap(2)
	post.Set("n", 3)
	post.Set("tags", []any{"a", "b"})
	c := NewContext(map[string]any{"x": post})
	c.engine = e
	conds := []struct {
		src  string
		want bool
		err  bool
	}{
		{`x.n > 2 and x.tags contains "a"`, true, false},
		{`x.n > 5 or x.tags contains "c"`, false, false},
		{`x.tags.size == 2`, true, false},
		{`x.nope == empty`, false, false}, // empty is "" in where_exp
		{`x.n = 3`, false, true},
		{`x.n > "a"`, false, true},
	}
	for _, tt := range conds {
		cond, err := ParseCondition(tt.src)
		if err == nil {
			var got bool
			got, err = cond.Eval(c)
			if err == nil && got != tt.want {
				t.Errorf("%q = %v, want %v", tt.src, got, tt.want)
			}
		}
		if (err != nil) != tt.err {
			t.Errorf("%q: error %v", tt.src, err)
		}
	}
	x, _ := ParseExpression(`x.tags | join: "+" | append: x.n`)
	if v, err := x.Eval(c); err != nil || v != "a+b3" {
		t.Errorf("expression = %v, %v", v, err)
	}
}

func TestValueFunctions(t *testing.T) {
	m := NewMap(2)
	m.Set("b", []any{nil, true, 1.5, "q\"\n"})
	m.Set("a", 1)
	strs := []struct {
		v            any
		str, inspect string
	}{
		{nil, "", "nil"},
		{[]any{"a", []any{1, 2.0}, nil}, "a12.0", `["a", [1, 2.0], nil]`},
		{m, `{"b"=>[nil, true, 1.5, "q\"\n"], "a"=>1}`, `{"b"=>[nil, true, 1.5, "q\"\n"], "a"=>1}`},
		{map[string]any{"z": 1, "y": "#{x}"}, `{"y"=>"\#{x}", "z"=>1}`, `{"y"=>"\#{x}", "z"=>1}`},
		{1e20, "1.0e+20", "1.0e+20"},
		{time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), "2024-05-01 00:00:00 UTC", "2024-05-01 00:00:00 UTC"},
		{Date{time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)}, "2024-05-01", "#<Date: 2024-05-01 ((2460432j,0s,0n),+0s,2299161j)>"},
		{Range{1, 3}, "1..3", "1..3"},
	}
	for _, tt := range strs {
		if got := ToString(tt.v); got != tt.str {
			t.Errorf("ToString(%#v) = %q, want %q", tt.v, got, tt.str)
		}
		if got := Inspect(tt.v); got != tt.inspect {
			t.Errorf("Inspect(%#v) = %q, want %q", tt.v, got, tt.inspect)
		}
	}
	eq := []struct {
		a, b any
		want bool
	}{
		{1, 1.0, true}, {"1", 1, false}, {nil, false, false}, {[]any{1, "a"}, []any{1.0, "a"}, true},
		{m, m.Clone(), true}, {map[string]any{"a": 1}, func() *Map { x := NewMap(1); x.Set("a", 1); return x }(), true},
		{[]any{1}, 1, false},
	}
	for _, tt := range eq {
		if got := Equal(tt.a, tt.b); got != tt.want {
			t.Errorf("Equal(%v, %v) = %v", tt.a, tt.b, got)
		}
	}
	if c, err := Compare(1, 2.5); c != -1 || err != nil {
		t.Errorf("Compare(1, 2.5) = %d, %v", c, err)
	}
	if _, err := Compare(1, "a"); err == nil {
		t.Error("Compare(1, \"a\") gave no error")
	}
	ints := map[any]int{"12": 12, " 0x1A ": 26, "1_000": 1000, 7: 7}
	for v, want := range ints {
		if got, ok := ToInt(v); !ok || got != want {
			t.Errorf("ToInt(%q) = %d, %v", v, got, ok)
		}
	}
	for _, v := range []any{"1.5", 2.0, nil, "x"} {
		if _, ok := ToInt(v); ok {
			t.Errorf("ToInt(%v) succeeded", v)
		}
	}
	if Truthy(nil) || Truthy(false) || !Truthy(0) || !Truthy("") {
		t.Error("Truthy is not Ruby's")
	}
	if Lookup([]any{1, 2, 3}, -1) != 3 || Lookup(m, "size") != 2 || Lookup("héllo", "size") != 5 {
		t.Error("Lookup")
	}
}

func TestErrorText(t *testing.T) {
	_, err := NewEngine().Parse("{% if x %}\n", "_layouts/post.html")
	var le *Error
	if !errors.As(err, &le) {
		t.Fatalf("%v is not an *Error", err)
	}
	if got, want := le.Error(), "_layouts/post.html:2: Liquid syntax error: 'if' tag was never closed"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := le.RubyMessage(), "Liquid syntax error (line 2): 'if' tag was never closed"; got != want {
		t.Errorf("RubyMessage() = %q, want %q", got, want)
	}
}

func TestUnknownFilterWarns(t *testing.T) {
	tpl, err := NewEngine().Parse(`{{ "a" | nosuch: 1 | upcase }}`, "x")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	c := NewContext(nil)
	if err := tpl.Render(c, &out); err != nil || out.String() != "A" {
		t.Fatalf("got %q, %v", out.String(), err)
	}
	if len(c.Warnings()) != 1 {
		t.Errorf("warnings: %q", c.Warnings())
	}
}

// TestConcurrentRender renders one parsed template from many goroutines;
// run with -race.
func TestConcurrentRender(t *testing.T) {
	e := NewEngine()
	tpl, err := e.Parse(benchTemplate, "index.html")
	if err != nil {
		t.Fatal(err)
	}
	site := NewMap(2)
	site.Set("posts", benchPosts(50))
	site.Set("baseurl", "/b")
	vars := map[string]any{"site": site}
	var want bytes.Buffer
	if err := tpl.Render(NewContext(vars), &want); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 10; j++ {
				var out bytes.Buffer
				if err := tpl.Render(NewContext(vars), &out); err != nil || out.String() != want.String() {
					t.Errorf("concurrent render differs (%v)", err)
					return
				}
			}
		}()
	}
	wg.Wait()
}
