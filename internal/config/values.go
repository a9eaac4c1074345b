package config

import (
	"fmt"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/broadsheet-ssg/broadsheet/internal/yaml"
)

var (
	tomlExt = regexp.MustCompile(`(?i)\.toml`)
	yamlExt = regexp.MustCompile(`(?i)\.ya?ml`)
)

// parseConfig reads a config file by its extension, as
// Configuration#safe_load_file does. YAML timestamps without a zone are
// read in the process zone: Jekyll sets TZ from `timezone` only after
// reading the config.
func parseConfig(path string, data []byte) (any, error) {
	ext := filepath.Ext(path)
	switch {
	case tomlExt.MatchString(ext):
		v, err := loadTOML(data)
		if err != nil {
			line := 0
			var pe toml.ParseError
			if ok := asParseError(err, &pe); ok {
				line = pe.Position.Line
				err = fmt.Errorf("%s", pe.Message)
			}
			return nil, &Error{File: path, Line: line, Msg: err.Error()}
		}
		return v, nil
	case yamlExt.MatchString(ext):
		v, err := yaml.Load(data, time.Local)
		if err != nil {
			if ye, ok := err.(*yaml.Error); ok {
				return nil, &Error{File: path, Line: ye.Line, Msg: ye.Msg}
			}
			return nil, &Error{File: path, Msg: err.Error()}
		}
		return v, nil
	}
	return nil, &Error{File: path, Msg: fmt.Sprintf("No parser for '%s' is available. Use a .y(a)ml or .toml file instead.", path)}
}

func asParseError(err error, pe *toml.ParseError) bool {
	if p, ok := err.(toml.ParseError); ok {
		*pe = p
		return true
	}
	return false
}

// loadTOML decodes TOML keeping the document's key order, which Tomlrb
// keeps and site.* shows.
func loadTOML(data []byte) (*liquid.Map, error) {
	var raw map[string]any
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		return nil, err
	}
	out := liquid.NewMap(len(raw))
	// md.Keys lists every key in document order, parents before children.
	for _, key := range md.Keys() {
		if len(key) != 1 {
			continue
		}
		out.Set(key[0], nil)
	}
	for _, k := range out.Keys() {
		out.Set(k, fromTOML(raw[k], []string{k}, md))
	}
	return out, nil
}

func fromTOML(v any, path []string, md toml.MetaData) any {
	switch v := v.(type) {
	case map[string]any:
		m := liquid.NewMap(len(v))
		for _, key := range md.Keys() {
			if len(key) == len(path)+1 && slicesEqual(key[:len(path)], path) {
				k := key[len(path)]
				if e, ok := v[k]; ok {
					m.Set(k, fromTOML(e, key, md))
				}
			}
		}
		// Keys of inline tables inside arrays are not in md.Keys.
		for k, e := range v {
			if _, ok := m.Get(k); !ok {
				m.Set(k, fromTOML(e, append(path[:len(path):len(path)], k), md))
			}
		}
		return m
	case []map[string]any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = fromTOML(e, path, md)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = fromTOML(e, path, md)
		}
		return out
	case int64:
		return int(v)
	case time.Time:
		return tomlTime(v)
	}
	return v
}

// tomlTime gives what Tomlrb 1.3 gives: a Time for every date and
// date-time, local ones in the process zone, and none in Ruby's UTC mode
// (a "Z" time prints "+0000").
func tomlTime(t time.Time) time.Time {
	switch t.Location().String() {
	case "datetime-local", "date-local", "time-local":
		loc := time.Local
		if loc == time.UTC {
			loc = time.FixedZone("UTC", 0)
		}
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
	}
	_, off := t.Zone()
	return t.In(time.FixedZone("", off))
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// fromGo turns an override given as plain Go into a Liquid value.
func fromGo(v any) any {
	switch v := v.(type) {
	case []string:
		out := make([]any, len(v))
		for i, s := range v {
			out[i] = s
		}
		return out
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sortStrings(keys)
		m := liquid.NewMap(len(v))
		for _, k := range keys {
			m.Set(k, fromGo(v[k]))
		}
		return m
	case int64:
		return int(v)
	case int32:
		return int(v)
	case float32:
		return float64(v)
	}
	return v
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// deepMerge is Jekyll's Utils.deep_merge_hashes: a new hash with master's
// keys then other's new ones; hashes on both sides merge recursively, a nil
// in other keeps master's value, anything else in other wins.
func deepMerge(master, other *liquid.Map) *liquid.Map {
	out := master.Clone()
	for _, k := range other.Keys() {
		nv, _ := other.Get(k)
		ov, exists := out.Get(k)
		if !exists {
			out.Set(k, nv)
			continue
		}
		if nv == nil {
			continue
		}
		om, ok1 := ov.(*liquid.Map)
		nm, ok2 := nv.(*liquid.Map)
		if ok1 && ok2 {
			out.Set(k, deepMerge(om, nm))
			continue
		}
		out.Set(k, nv)
	}
	return out
}

func truthy(v any) bool {
	return v != nil && v != false
}

func keyString(v any) string {
	return yaml.KeyString(v)
}

// inspect approximates Ruby's #inspect for messages.
func inspect(v any) string {
	switch v := v.(type) {
	case nil:
		return "nil"
	case string:
		return fmt.Sprintf("%q", v)
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = inspect(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case *liquid.Map:
		parts := make([]string, 0, v.Len())
		for _, k := range v.Keys() {
			e, _ := v.Get(k)
			parts = append(parts, fmt.Sprintf("%q=>%s", k, inspect(e)))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return keyString(v)
}

func equalValues(a, b any) bool {
	switch a := a.(type) {
	case string:
		bs, ok := b.(string)
		return ok && a == bs
	case int:
		bi, ok := b.(int)
		return ok && a == bi
	}
	return reflect.DeepEqual(a, b)
}
