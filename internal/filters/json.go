package filters

import (
	"math"
	"sort"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/broadsheet-ssg/broadsheet/internal/ruby"
)

// JSONAppender is a Drop that prints itself in jsonify rather than being
// listed key by key (Jekyll's DocumentDrop collapses next/previous inside
// arrays, for one). depth is the nesting of the drop in the output, 0 at
// the top, as Ruby's JSON::State#depth counts it.
type JSONAppender interface {
	AppendJSON(buf []byte, depth int) ([]byte, error)
}

func jsonifyFilter(_ *liquid.Context, input any, _ []any) (any, error) {
	b, err := AppendJSON(nil, input, 0)
	if err != nil {
		return nil, err
	}
	return string(b), nil
}

// AppendJSON appends v as Ruby's JSON.generate prints it after Jekyll's
// as_liquid: no spaces, strings with only ", \ and control characters
// escaped (UTF-8 and "/" as they are), floats as Float#to_s, times and
// dates as their to_s strings, hashes in their order and drops as the hash
// of their keys.
func AppendJSON(b []byte, v any, depth int) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case bool:
		return strconv.AppendBool(b, v), nil
	case int:
		return strconv.AppendInt(b, int64(v), 10), nil
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, internalf("%s not allowed in JSON", ruby.FormatFloat(v))
		}
		return ruby.AppendFloat(b, v), nil
	case string:
		return appendJSONString(b, v)
	case time.Time, liquid.Date, liquid.Range:
		return appendJSONString(b, liquid.ToS(v))
	case []any:
		b = append(b, '[')
		for i, x := range v {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = AppendJSON(b, x, depth+1); err != nil {
				return nil, err
			}
		}
		return append(b, ']'), nil
	case *liquid.Map:
		b = append(b, '{')
		for i, k := range v.Keys() {
			if i > 0 {
				b = append(b, ',')
			}
			x, _ := v.Get(k)
			var err error
			if b, err = appendJSONMember(b, k, x, depth+1); err != nil {
				return nil, err
			}
		}
		return append(b, '}'), nil
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = appendJSONMember(b, k, v[k], depth+1); err != nil {
				return nil, err
			}
		}
		return append(b, '}'), nil
	case JSONAppender:
		return v.AppendJSON(b, depth)
	case liquid.KeyedDrop:
		b = append(b, '{')
		for i, k := range v.Keys() {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = appendJSONMember(b, k, v.Get(k), depth+1); err != nil {
				return nil, err
			}
		}
		return append(b, '}'), nil
	}
	return appendJSONString(b, liquid.ToS(v))
}

func appendJSONMember(b []byte, k string, v any, depth int) ([]byte, error) {
	b, err := appendJSONString(b, k)
	if err != nil {
		return nil, err
	}
	b = append(b, ':')
	return AppendJSON(b, v, depth)
}

func appendJSONString(b []byte, s string) ([]byte, error) {
	if !utf8.ValidString(s) {
		return nil, internalf("source sequence is illegal/malformed utf-8")
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			b = append(b, '\\', '"')
		case c == '\\':
			b = append(b, '\\', '\\')
		case c >= 0x20:
			b = append(b, c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\r':
			b = append(b, '\\', 'r')
		case c == '\t':
			b = append(b, '\\', 't')
		case c == '\f':
			b = append(b, '\\', 'f')
		case c == '\b':
			b = append(b, '\\', 'b')
		default:
			b = append(b, '\\', 'u', '0', '0', lowerHex(c>>4), lowerHex(c&15))
		}
	}
	return append(b, '"'), nil
}

func lowerHex(c byte) byte { return "0123456789abcdef"[c] }
