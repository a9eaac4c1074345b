package yaml

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
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
		return RubyFloat(v)
	case liquid.Date:
		return v.Format("2006-01-02")
	case time.Time:
		return rubyTime(v)
	}
	var b strings.Builder
	inspect(&b, v)
	return b.String()
}

// rubyTime is Time#to_s: UTC times say "UTC", others their offset.
func rubyTime(t time.Time) string {
	if t.Location() == time.UTC {
		return t.Format("2006-01-02 15:04:05 UTC")
	}
	return t.Format("2006-01-02 15:04:05 -0700")
}

// RubyFloat formats f as Ruby's Float#to_s: shortest round-trip digits,
// always with a decimal point, in exponent form below 1e-4 or from 1e16.
func RubyFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±XX
	mant, exp, _ := strings.Cut(e, "e")
	x, _ := strconv.Atoi(exp)
	neg := strings.HasPrefix(mant, "-")
	mant = strings.TrimPrefix(mant, "-")
	digs := strings.Replace(mant, ".", "", 1)
	var out string
	switch {
	case x < -4 || x >= 16:
		frac := digs[1:]
		if frac == "" {
			frac = "0"
		}
		sign := "+"
		if x < 0 {
			sign = "-"
			x = -x
		}
		xs := strconv.Itoa(x)
		if len(xs) < 2 {
			xs = "0" + xs
		}
		out = digs[:1] + "." + frac + "e" + sign + xs
	case x < 0:
		out = "0." + strings.Repeat("0", -x-1) + digs
	default:
		if len(digs) <= x+1 {
			out = digs + strings.Repeat("0", x+1-len(digs)) + ".0"
		} else {
			out = digs[:x+1] + "." + digs[x+1:]
		}
	}
	if neg {
		return "-" + out
	}
	return out
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
		b.WriteString(rubyTime(v))
	default:
		b.WriteString(KeyString(v))
	}
}
