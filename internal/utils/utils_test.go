package utils

import (
	"bufio"
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

func eachGolden(t *testing.T, name string, fn func([]byte)) {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		fn(sc.Bytes())
	}
	if n == 0 {
		t.Fatalf("%s is empty", name)
	}
}

// TestSlugifyGolden compares with Jekyll::Utils.slugify for every mode
// (testdata/gen.rb).
func TestSlugifyGolden(t *testing.T) {
	eachGolden(t, "slugify.jsonl", func(line []byte) {
		var g struct {
			In, Mode, Out string
			Cased         bool
		}
		if err := json.Unmarshal(line, &g); err != nil {
			t.Fatal(err)
		}
		if got := Slugify(g.In, g.Mode, g.Cased); got != g.Out {
			t.Errorf("Slugify(%q, %q, %v) = %q, want %q", g.In, g.Mode, g.Cased, got, g.Out)
		}
	})
}

func TestTitleizeSlugGolden(t *testing.T) {
	eachGolden(t, "titleize.jsonl", func(line []byte) {
		var g struct{ In, Out string }
		if err := json.Unmarshal(line, &g); err != nil {
			t.Fatal(err)
		}
		if got := TitleizeSlug(g.In); got != g.Out {
			t.Errorf("TitleizeSlug(%q) = %q, want %q", g.In, got, g.Out)
		}
	})
}

func mapOf(kv ...any) *liquid.Map {
	m := liquid.NewMap(len(kv) / 2)
	for i := 0; i < len(kv); i += 2 {
		m.Set(kv[i].(string), kv[i+1])
	}
	return m
}

// flat renders a Map as nested [key, value] pairs, keeping order.
func flat(v any) any {
	if m, ok := v.(*liquid.Map); ok {
		var out []any
		for _, k := range m.Keys() {
			x, _ := m.Get(k)
			out = append(out, []any{k, flat(x)})
		}
		return out
	}
	return v
}

func TestDeepMerge(t *testing.T) {
	// Expectations from Jekyll::Utils.deep_merge_hashes in irb.
	tests := []struct {
		name          string
		master, other *liquid.Map
		want          *liquid.Map
	}{
		{"new keys go last",
			mapOf("a", 1, "b", 2), mapOf("c", 3, "a", 9),
			mapOf("a", 9, "b", 2, "c", 3)},
		{"nil keeps the old value, but adds a new key",
			mapOf("a", 1), mapOf("a", nil, "z", nil),
			mapOf("a", 1, "z", nil)},
		{"hashes merge recursively",
			mapOf("h", mapOf("x", 1, "y", 2)), mapOf("h", mapOf("y", 3, "w", 4)),
			mapOf("h", mapOf("x", 1, "y", 3, "w", 4))},
		{"a hash replaces a scalar and the reverse",
			mapOf("a", 1, "b", mapOf("x", 1)), mapOf("a", mapOf("y", 2), "b", "s"),
			mapOf("a", mapOf("y", 2), "b", "s")},
		{"arrays are replaced, not joined",
			mapOf("a", []any{1, 2}), mapOf("a", []any{3}),
			mapOf("a", []any{3})},
	}
	for _, tt := range tests {
		before := flat(tt.master)
		got := DeepMerge(tt.master, tt.other)
		if !reflect.DeepEqual(flat(got), flat(tt.want)) {
			t.Errorf("%s: got %v, want %v", tt.name, flat(got), flat(tt.want))
		}
		if !reflect.DeepEqual(flat(tt.master), before) {
			t.Errorf("%s: master was modified", tt.name)
		}
	}
}

func TestPluralizedArray(t *testing.T) {
	// Expectations from Jekyll::Utils.pluralized_array_from_hash in irb.
	tests := []struct {
		m    *liquid.Map
		want []any
	}{
		{mapOf("category", "a b", "categories", "c d"), []any{"a b"}},
		{mapOf("categories", "c  d"), []any{"c", "d"}},
		{mapOf("category", nil, "categories", []any{"x", nil, []any{"y"}}), []any{"x", "y"}},
		{mapOf("categories", 5), []any{}},
		{mapOf("category", 5), []any{5}},
		{mapOf("category", []any{"a", []any{"b", nil}}), []any{"a", "b"}},
		{mapOf(), []any{}},
	}
	for _, tt := range tests {
		got := PluralizedArray(tt.m, "category", "categories")
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("PluralizedArray(%v) = %#v, want %#v", flat(tt.m), got, tt.want)
		}
	}
}
