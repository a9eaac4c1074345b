package liquid

import (
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/broadsheet-ssg/broadsheet/internal/ruby"
)

// Stringer is a Drop that prints as something other than "" (Ruby's to_s).
type Stringer interface{ String() string }

// Inspecter is a Drop with its own Ruby #inspect text.
type Inspecter interface{ Inspect() string }

// ToString returns what {{ v }} prints: nil prints nothing, an array prints
// its items joined without separator, a hash prints as Ruby 3.1's
// Hash#inspect, a float as Ruby's Float#to_s and a time as Time#to_s.
func ToString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case nil:
		return ""
	}
	return string(appendOutput(nil, v))
}

// appendOutput appends what {{ v }} prints.
func appendOutput(b []byte, v any) []byte {
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			b = appendOutput(b, x)
		}
		return b
	}
	return appendToS(b, v)
}

// ToS returns Ruby's v.to_s, which filters use on their input: like
// ToString, except that an array prints as its #inspect.
func ToS(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return string(appendToS(nil, v))
}

func appendToS(b []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return b
	case string:
		return append(b, v...)
	case int:
		return strconv.AppendInt(b, int64(v), 10)
	case bool:
		return strconv.AppendBool(b, v)
	case float64:
		return ruby.AppendFloat(b, v)
	case time.Time:
		return ruby.AppendTimeString(b, v)
	case Date:
		return v.AppendFormat(b, "2006-01-02")
	case Range:
		b = strconv.AppendInt(b, int64(v.From), 10)
		b = append(b, ".."...)
		return strconv.AppendInt(b, int64(v.To), 10)
	case []any, *Map, map[string]any:
		return appendInspect(b, v)
	case Stringer:
		return append(b, v.String()...)
	case int64:
		return strconv.AppendInt(b, v, 10)
	}
	return b
}

// Inspect returns Ruby 3.1's #inspect of v: {"a"=>1, "b"=>[nil, true]},
// "str" with escapes, nil.
func Inspect(v any) string { return string(appendInspect(nil, v)) }

func appendInspect(b []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(b, "nil"...)
	case string:
		return appendInspectString(b, v)
	case []any:
		b = append(b, '[')
		for i, x := range v {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = appendInspect(b, x)
		}
		return append(b, ']')
	case *Map:
		b = append(b, '{')
		for i, k := range v.Keys() {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = appendInspectString(b, k)
			b = append(b, "=>"...)
			x, _ := v.Get(k)
			b = appendInspect(b, x)
		}
		return append(b, '}')
	case map[string]any:
		b = append(b, '{')
		for i, k := range sortedKeys(v) {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = appendInspectString(b, k)
			b = append(b, "=>"...)
			b = appendInspect(b, v[k])
		}
		return append(b, '}')
	case time.Time:
		return appendTimeInspect(b, v)
	case Date:
		// Ruby: #<Date: 2024-05-01 ((2460432j,0s,0n),+0s,2299161j)>
		jd := v.Time.Unix()/86400 + 2440588
		if v.Time.Unix() < 0 && v.Time.Unix()%86400 != 0 {
			jd--
		}
		b = append(b, "#<Date: "...)
		b = v.AppendFormat(b, "2006-01-02")
		b = append(b, " (("...)
		b = strconv.AppendInt(b, jd, 10)
		return append(b, "j,0s,0n),+0s,2299161j)>"...)
	case Inspecter:
		return append(b, v.Inspect()...)
	}
	return appendToS(b, v)
}

// appendTimeInspect is Time#inspect: Time#to_s with the fraction of the
// second when there is one.
func appendTimeInspect(b []byte, t time.Time) []byte {
	if t.Nanosecond() == 0 {
		return ruby.AppendTimeString(b, t)
	}
	b = t.AppendFormat(b, "2006-01-02 15:04:05")
	frac := strconv.Itoa(t.Nanosecond() + 1e9)[1:]
	frac = strings.TrimRight(frac, "0")
	b = append(b, '.')
	b = append(b, frac...)
	if t.Location() == time.UTC {
		return append(b, " UTC"...)
	}
	return t.AppendFormat(b, " -0700")
}

// appendInspectString is String#inspect for a UTF-8 string.
func appendInspectString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\t':
				b = append(b, '\\', 't')
			case '\r':
				b = append(b, '\\', 'r')
			case '\f':
				b = append(b, '\\', 'f')
			case '\v':
				b = append(b, '\\', 'v')
			case '\a':
				b = append(b, '\\', 'a')
			case '\b':
				b = append(b, '\\', 'b')
			case 0x1b:
				b = append(b, '\\', 'e')
			case '#':
				// "#{", "#$" and "#@" would interpolate if read back.
				if i+1 < len(s) && (s[i+1] == '{' || s[i+1] == '$' || s[i+1] == '@') {
					b = append(b, '\\')
				}
				b = append(b, c)
			default:
				if c < 0x20 || c == 0x7f {
					b = append(b, `\u00`...)
					b = append(b, "0123456789ABCDEF"[c>>4], "0123456789ABCDEF"[c&15])
				} else {
					b = append(b, c)
				}
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b = append(b, `\x`...)
			b = append(b, "0123456789ABCDEF"[c>>4], "0123456789ABCDEF"[c&15])
		} else if isPrintRune(r) {
			b = append(b, s[i:i+n]...)
		} else {
			b = append(b, `\u`...)
			h := strconv.FormatInt(int64(r), 16)
			if r > 0xffff {
				b = append(b, '{')
				b = append(b, strings.ToUpper(h)...)
				b = append(b, '}')
			} else {
				b = append(b, strings.Repeat("0", 4-len(h))...)
				b = append(b, strings.ToUpper(h)...)
			}
		}
		i += n
	}
	return append(b, '"')
}

func isPrintRune(r rune) bool {
	// Ruby prints as-is every character Onigmo calls printable: graphic
	// characters and spaces, except the C1 controls and line/paragraph
	// separators.
	if r >= 0x80 && r < 0xa0 {
		return false
	}
	return r != 0x2028 && r != 0x2029 && r != 0xfeff
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Truthy is Liquid's truth: everything but nil and false is true, including
// 0 and "".
func Truthy(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case bool:
		return v
	}
	return true
}

// Equal is Ruby's ==: 1 == 1.0, "1" != 1, arrays and hashes by content.
func Equal(a, b any) bool {
	switch a := a.(type) {
	case nil:
		return b == nil
	case string:
		s, ok := b.(string)
		return ok && s == a
	case int:
		switch b := b.(type) {
		case int:
			return a == b
		case float64:
			return float64(a) == b
		}
		return false
	case float64:
		switch b := b.(type) {
		case int:
			return a == float64(b)
		case float64:
			return a == b
		}
		return false
	case bool:
		x, ok := b.(bool)
		return ok && x == a
	case []any:
		x, ok := b.([]any)
		if !ok || len(x) != len(a) {
			return false
		}
		for i := range a {
			if !Equal(a[i], x[i]) {
				return false
			}
		}
		return true
	case *Map, map[string]any:
		return hashEqual(a, b)
	case time.Time:
		x, ok := b.(time.Time)
		return ok && x.Equal(a)
	case Date:
		x, ok := b.(Date)
		return ok && x.Time.Equal(a.Time)
	case Range:
		x, ok := b.(Range)
		return ok && x == a
	}
	if a == nil || b == nil {
		return false
	}
	ta := reflect.TypeOf(a)
	if ta != reflect.TypeOf(b) || !ta.Comparable() {
		return false
	}
	return a == b
}

func hashEqual(a, b any) bool {
	ka, ga := hashView(a)
	kb, gb := hashView(b)
	if ga == nil || gb == nil || len(ka) != len(kb) {
		return false
	}
	for _, k := range ka {
		va, _ := ga(k)
		vb, ok := gb(k)
		if !ok || !Equal(va, vb) {
			return false
		}
	}
	return true
}

// hashView gives the keys (in iteration order) and a getter of a hash value.
func hashView(v any) ([]string, func(string) (any, bool)) {
	switch v := v.(type) {
	case *Map:
		return v.Keys(), v.Get
	case map[string]any:
		return sortedKeys(v), func(k string) (any, bool) { x, ok := v[k]; return x, ok }
	}
	return nil, nil
}

// Compare is Ruby's <=> as sort uses it: -1, 0 or 1, or an error for values
// that do not compare (a number and a string, nil, arrays...).
func Compare(a, b any) (int, error) {
	if c, ok := spaceship(a, b); ok {
		return c, nil
	}
	return 0, renderError("comparison of " + rubyClass(a) + " with " + cmpOperand(b) + " failed")
}

// spaceship is <=>; ok is false where Ruby's <=> returns nil.
func spaceship(a, b any) (int, bool) {
	switch a := a.(type) {
	case int:
		switch b := b.(type) {
		case int:
			return cmpInt(a, b), true
		case float64:
			return cmpFloat(float64(a), b)
		}
	case float64:
		switch b := b.(type) {
		case int:
			return cmpFloat(a, float64(b))
		case float64:
			return cmpFloat(a, b)
		}
	case string:
		if b, ok := b.(string); ok {
			return strings.Compare(a, b), true
		}
	case time.Time:
		if b, ok := b.(time.Time); ok {
			return a.Compare(b), true
		}
	case Date:
		if b, ok := b.(Date); ok {
			return a.Time.Compare(b.Time), true
		}
	case []any:
		if b, ok := b.([]any); ok {
			for i := 0; i < len(a) && i < len(b); i++ {
				c, ok := spaceship(a[i], b[i])
				if !ok {
					return 0, false
				}
				if c != 0 {
					return c, true
				}
			}
			return cmpInt(len(a), len(b)), true
		}
	case bool:
		if b, ok := b.(bool); ok && a == b {
			return 0, true
		}
	case nil:
		if b == nil {
			return 0, true
		}
	}
	return 0, false
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func cmpFloat(a, b float64) (int, bool) {
	switch {
	case a < b:
		return -1, true
	case a > b:
		return 1, true
	case a == b:
		return 0, true
	}
	return 0, false // NaN
}

// RubyClass names v's Ruby class, for error messages that quote Ruby's.
func RubyClass(v any) string { return rubyClass(v) }

// rubyClass names v's Ruby class, for error messages.
func rubyClass(v any) string {
	switch v := v.(type) {
	case nil:
		return "NilClass"
	case string:
		return "String"
	case int:
		return "Integer"
	case float64:
		return "Float"
	case bool:
		if v {
			return "TrueClass"
		}
		return "FalseClass"
	case []any:
		return "Array"
	case *Map, map[string]any:
		return "Hash"
	case time.Time:
		return "Time"
	case Date:
		return "Date"
	case Range:
		return "Range"
	}
	return "Object"
}

// cmpOperand is how Ruby's "comparison of X with Y failed" names Y: the
// value itself for nil, booleans and numbers, the class otherwise.
func cmpOperand(v any) string {
	switch v.(type) {
	case nil, bool, int, float64:
		return Inspect(v)
	}
	return rubyClass(v)
}

// compareOp applies <, <=, > or >= as a Liquid condition does: values that do
// not support the operator give false, values that do but cannot compare
// give Ruby's ArgumentError.
func compareOp(a, b any, op string) (bool, error) {
	if !comparable(a) || !comparable(b) {
		return false, nil
	}
	c, ok := spaceship(a, b)
	if !ok {
		var msg string
		switch a.(type) {
		case int, float64:
			// Integer#< coerces and names the other operand's class.
			msg = "comparison of " + rubyClass(a) + " with " + rubyClass(b) + " failed"
		default:
			msg = "comparison of " + rubyClass(a) + " with " + cmpOperand(b) + " failed"
		}
		if f, isF := b.(float64); isF && math.IsNaN(f) {
			return false, nil
		}
		return false, renderError(msg)
	}
	switch op {
	case "<":
		return c < 0, nil
	case "<=":
		return c <= 0, nil
	case ">":
		return c > 0, nil
	case ">=":
		return c >= 0, nil
	}
	return false, nil
}

// comparable reports whether Ruby's value responds to < (and is no Hash,
// which Liquid excludes).
func comparable(v any) bool {
	switch v.(type) {
	case int, float64, string, time.Time, Date:
		return true
	}
	return false
}

// ToInt converts as Liquid's Utils.to_integer does: integers as they are,
// anything else through its string form, which must be a whole integer
// ("12", " 0x1A ", "1_000"); "1.5" and 2.0 are not.
func ToInt(v any) (int, bool) {
	switch v := v.(type) {
	case int:
		return v, true
	case string:
		return parseRubyInteger(v)
	}
	return parseRubyInteger(ToS(v))
}

// parseRubyInteger is Kernel#Integer on a string.
func parseRubyInteger(s string) (int, bool) {
	s = strings.Trim(s, " \t\n\v\f\r")
	if s == "" {
		return 0, false
	}
	neg := false
	if s[0] == '+' || s[0] == '-' {
		neg = s[0] == '-'
		s = s[1:]
	}
	base := 10
	if len(s) > 1 && s[0] == '0' {
		switch s[1] {
		case 'x', 'X':
			base, s = 16, s[2:]
		case 'b', 'B':
			base, s = 2, s[2:]
		case 'o', 'O':
			base, s = 8, s[2:]
		case 'd', 'D':
			base, s = 10, s[2:]
		default:
			base, s = 8, s[1:]
		}
	}
	if s == "" || s[0] == '_' || s[len(s)-1] == '_' || strings.Contains(s, "__") {
		return 0, false
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(s, "_", ""), base, 64)
	if err != nil {
		return 0, false
	}
	if neg {
		n = -n
	}
	return int(n), true
}

// ToFloat returns v as a float when it is a number or a string that reads as
// one entirely.
func ToFloat(v any) (float64, bool) {
	switch v := v.(type) {
	case int:
		return float64(v), true
	case float64:
		return v, true
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		return f, err == nil
	}
	return 0, false
}

// ToSlice returns v as a list the way Ruby's Array(v) does for template
// values: an array as it is, a range expanded, nil as empty, anything else
// (a hash included) as a list of itself.
func ToSlice(v any) []any {
	switch v := v.(type) {
	case nil:
		return nil
	case []any:
		return v
	case Range:
		return v.Slice()
	}
	return []any{v}
}

// Lookup returns v.key as a template's `v.key` finds it: a hash's key, an
// array's index (negative counts from the end), a Drop's field, or else the
// size, first and last of arrays, hashes, strings and ranges.
func Lookup(v any, key any) any {
	r, _ := lookup(v, key, true)
	return r
}

// lookup is one step of a variable lookup. command is true for a `.name`
// step, where size, first and last fall back to the methods of that name.
func lookup(v any, key any, command bool) (any, bool) {
	switch obj := v.(type) {
	case *Map:
		if k, ok := key.(string); ok {
			if x, ok := obj.Get(k); ok {
				return x, true
			}
			if obj.hasDef && !(command && (k == "size" || k == "first")) {
				return obj.def, true
			}
		} else if _, isInt := key.(int); isInt {
			return nil, true
		}
		if command {
			switch key {
			case "size":
				return obj.Len(), true
			case "first":
				if obj.Len() == 0 {
					return nil, true
				}
				k := obj.Keys()[0]
				x, _ := obj.Get(k)
				return []any{k, x}, true
			}
		}
	case map[string]any:
		if k, ok := key.(string); ok {
			if x, ok := obj[k]; ok {
				return x, true
			}
		} else if _, isInt := key.(int); isInt {
			return nil, true
		}
		if command {
			switch key {
			case "size":
				return len(obj), true
			case "first":
				if len(obj) == 0 {
					return nil, true
				}
				k := sortedKeys(obj)[0]
				return []any{k, obj[k]}, true
			}
		}
	case []any:
		if i, ok := key.(int); ok {
			if i < 0 {
				i += len(obj)
			}
			if i < 0 || i >= len(obj) {
				return nil, true
			}
			return obj[i], true
		}
		if command {
			switch key {
			case "size":
				return len(obj), true
			case "first":
				if len(obj) == 0 {
					return nil, true
				}
				return obj[0], true
			case "last":
				if len(obj) == 0 {
					return nil, true
				}
				return obj[len(obj)-1], true
			}
		}
	case string:
		if command && key == "size" {
			return utf8.RuneCountInString(obj), true
		}
	case int:
		if command && key == "size" {
			return 8, true // Integer#size: bytes in a machine word
		}
	case Range:
		if command {
			switch key {
			case "size":
				return obj.Len(), true
			case "first":
				return obj.From, true
			case "last":
				return obj.To, true
			}
		}
	case Drop:
		if k, ok := key.(string); ok {
			return obj.Get(k), true
		}
	}
	return nil, false
}
