package liquid

import (
	"bytes"
	"testing"
)

// A Map with a default answers missing keys with it, as Jekyll's
// site.tags and site.categories (Hash.new { [] }) do.
func TestMapDefault(t *testing.T) {
	tags := NewMap(1)
	tags.Set("go", []any{"a"})
	tags.SetDefault([]any{})
	tmpl, err := NewEngine().Parse(`{{ tags.go | size }} {{ tags.none | size }} {{ tags.size }}`, "t")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := tmpl.Render(NewContext(map[string]any{"tags": tags}), &out); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "1 0 1"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
