package liquid

import (
	"bytes"
	"testing"
)

// FuzzParseRender checks that no template, however broken, makes the
// engine panic.
func FuzzParseRender(f *testing.F) {
	for _, s := range []string{
		benchTemplate,
		"{% if a == 1 and b %}x{% elsif c %}{% else %}{% endif %}",
		"{% for i in (1..n) reversed limit: 2 offset: continue %}{{ forloop.index }}{% break %}{% endfor %}",
		"{% case x %}{% when 1, 2 or 3 %}{% else %}{% endcase %}{% cycle 'a': 1, 2 %}",
		"{% liquid\n assign a = 1\n echo a | plus: 2\n %}{% raw %}{{{% endraw %}",
		"{{ a | slice: -1, 2 | truncate: 3 | date: '%Y' | round: 2 | divided_by: 0.0 }}",
		"{% tablerow x in arr cols: 2 limit: 3 %}{{ tablerowloop.col }}{% endtablerow %}",
		"{{- x -}}{%- # c -%}{% capture c %}{% ifchanged %}a{% endifchanged %}{% endcapture %}",
	} {
		f.Add(s)
	}
	e := NewEngine()
	arr := []any{1, "two", 3.5, nil, []any{"x"}, map[string]any{"k": "v"}}
	vars := map[string]any{"a": 1, "b": "s", "n": 3, "x": 2, "arr": arr, "h": map[string]any{"a": arr}}
	f.Fuzz(func(t *testing.T, src string) {
		tpl, err := e.Parse(src, "f")
		if err != nil {
			return
		}
		var out bytes.Buffer
		_ = tpl.Render(NewContext(vars), &out)
	})
}
