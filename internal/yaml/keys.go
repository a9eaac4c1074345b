package yaml

import (
	"strconv"
	"strings"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/broadsheet-ssg/broadsheet/internal/ruby"
)

// KeyString is how Ruby's to_s prints a hash key that YAML loaded as
// something other than a string (`1:`, `true:`, `~:`, `2024-05-01:`), since
// a Liquid hash is keyed by strings.
func KeyString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case nil:
		return ""
	case bool:
		if v {
			return "true"
		}
		return "false"
	case int:
		return strconv.Itoa(v)
	case float64:
		return ruby.FormatFloat(v)
	case liquid.Date:
		return v.Format("2006-01-02")
	case time.Time:
		return ruby.TimeString(v)
	}
	var b strings.Builder
	inspect(&b, v)
	return b.String()
}

// inspect writes Ruby's #inspect of a collection key (`[1, 2]`,
// `{"a"=>1}`), which is what to_s gives for arrays and hashes.
func inspect(b *strings.Builder, v any) {
	switch v := v.(type) {
	case nil:
		b.WriteString("nil")
	case string:
		b.WriteString(strconv.Quote(v))
	case []any:
		b.WriteByte('[')
		for i, e := range v {
			if i > 0 {
				b.WriteString(", ")
			}
			inspect(b, e)
		}
		b.WriteByte(']')
	case *liquid.Map:
		b.WriteByte('{')
		for i, k := range v.Keys() {
			if i > 0 {
				b.WriteString(", ")
			}
			e, _ := v.Get(k)
			b.WriteString(strconv.Quote(k))
			b.WriteString("=>")
			inspect(b, e)
		}
		b.WriteByte('}')
	case liquid.Date:
		b.WriteString("#<Date: " + v.Format("2006-01-02") + ">")
	case time.Time:
		b.WriteString(ruby.TimeString(v))
	default:
		b.WriteString(KeyString(v))
	}
}
