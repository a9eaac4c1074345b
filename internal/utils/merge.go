package utils

import "github.com/broadsheet-ssg/broadsheet/internal/liquid"

// DeepMerge is Utils.deep_merge_hashes: a new Map with master's keys and
// then other's, where a key in both takes other's value, except that a nil
// in other keeps master's value and two hashes are merged recursively.
// Neither argument is modified; nested hashes that were merged are new Maps,
// everything else is shared.
func DeepMerge(master, other *liquid.Map) *liquid.Map {
	out := NewMapFrom(master)
	MergeInto(out, other)
	return out
}

// MergeInto is Utils.deep_merge_hashes! (merge_values): it merges other
// into target in place, with DeepMerge's rules.
func MergeInto(target, other *liquid.Map) {
	for _, k := range other.Keys() {
		nv, _ := other.Get(k)
		ov, exists := target.Get(k)
		if !exists {
			target.Set(k, nv)
			continue
		}
		switch {
		case nv == nil:
			// Keep the old value.
		case isHash(ov) && isHash(nv):
			target.Set(k, DeepMerge(asMap(ov), asMap(nv)))
		default:
			target.Set(k, nv)
		}
	}
}

// NewMapFrom returns a shallow copy of m, which may be nil.
func NewMapFrom(m *liquid.Map) *liquid.Map {
	if m == nil {
		return liquid.NewMap(0)
	}
	return m.Clone()
}

func isHash(v any) bool {
	switch v.(type) {
	case *liquid.Map, map[string]any:
		return true
	}
	return false
}

// asMap views a hash value as a *liquid.Map; a Go map is copied in sorted
// key order, which is the order it iterates in templates.
func asMap(v any) *liquid.Map {
	switch m := v.(type) {
	case *liquid.Map:
		return m
	case map[string]any:
		return mapFromGo(m)
	}
	return liquid.NewMap(0)
}
