package utils

import (
	"sort"
	"strings"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// PluralizedArray is Utils.pluralized_array_from_hash, how Jekyll reads
// "category"/"categories" and "tag"/"tags": the singular key's value if it
// is set and not nil (a string stays whole), else the plural key's (a string
// is split on whitespace, an array has its nils dropped, anything else
// counts as absent); nested arrays are flattened and nils dropped.
func PluralizedArray(m *liquid.Map, singular, plural string) []any {
	var value any
	if v, ok := m.Get(singular); ok {
		value = v
	}
	if value == nil {
		if v, ok := m.Get(plural); ok {
			switch pv := v.(type) {
			case string:
				fields := strings.Fields(pv)
				arr := make([]any, len(fields))
				for i, f := range fields {
					arr[i] = f
				}
				value = arr
			case []any:
				value = pv
			}
		}
	}
	out := make([]any, 0, 4)
	return flattenCompact(out, value)
}

func flattenCompact(out []any, v any) []any {
	switch x := v.(type) {
	case nil:
		return out
	case []any:
		for _, e := range x {
			out = flattenCompact(out, e)
		}
		return out
	}
	return append(out, v)
}

func mapFromGo(m map[string]any) *liquid.Map {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := liquid.NewMap(len(keys))
	for _, k := range keys {
		out.Set(k, m[k])
	}
	return out
}
