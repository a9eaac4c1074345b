package liquid

import (
	"bytes"
	"encoding/base64"
	"math"
	"math/big"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/broadsheet-ssg/broadsheet/internal/ruby"
)

// stdFilter wraps a standard filter with Ruby's argument count check: the
// counts include the input, as Ruby's "wrong number of arguments (given 2,
// expected 1)" does.
func stdFilter(min, max int, f FilterFunc) FilterFunc {
	return func(c *Context, in any, args []any) (any, error) {
		if n := len(args) + 1; n < min || n > max {
			want := strconv.Itoa(min)
			if max != min {
				want += ".." + strconv.Itoa(max)
			}
			return nil, renderError("wrong number of arguments (given " + strconv.Itoa(n) + ", expected " + want + ")")
		}
		return f(c, in, args)
	}
}

// arg returns args[i], or def when the filter was given fewer.
func arg(args []any, i int, def any) any {
	if i < len(args) {
		return args[i]
	}
	return def
}

func registerStandardFilters(e *Engine) {
	str := func(f func(string) string) FilterFunc {
		return stdFilter(1, 1, func(_ *Context, in any, _ []any) (any, error) { return f(ToS(in)), nil })
	}
	e.filters["size"] = stdFilter(1, 1, filterSize)
	e.filters["downcase"] = str(rubyDowncase)
	e.filters["upcase"] = str(rubyUpcase)
	e.filters["capitalize"] = str(rubyCapitalize)
	escape := stdFilter(1, 1, func(_ *Context, in any, _ []any) (any, error) {
		if in == nil {
			return nil, nil
		}
		return escapeHTML(ToS(in)), nil
	})
	e.filters["escape"] = escape
	e.filters["h"] = escape
	e.filters["escape_once"] = str(escapeOnce)
	e.filters["url_encode"] = stdFilter(1, 1, func(_ *Context, in any, _ []any) (any, error) {
		if in == nil {
			return nil, nil
		}
		return cgiEscape(ToS(in)), nil
	})
	e.filters["url_decode"] = stdFilter(1, 1, func(_ *Context, in any, _ []any) (any, error) {
		if in == nil {
			return nil, nil
		}
		s := cgiUnescape(ToS(in))
		if !utf8.ValidString(s) {
			return nil, renderError("invalid byte sequence in UTF-8")
		}
		return s, nil
	})
	e.filters["base64_encode"] = str(func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) })
	e.filters["base64_decode"] = stdFilter(1, 1, func(_ *Context, in any, _ []any) (any, error) {
		b, ok := strictDecode64(ToS(in))
		if !ok {
			return nil, renderError("invalid base64 provided to base64_decode")
		}
		return b, nil
	})
	e.filters["base64_url_safe_encode"] = str(func(s string) string { return base64.URLEncoding.EncodeToString([]byte(s)) })
	e.filters["base64_url_safe_decode"] = stdFilter(1, 1, func(_ *Context, in any, _ []any) (any, error) {
		s := ToS(in)
		if !strings.HasSuffix(s, "=") && len(s)%4 != 0 {
			s += strings.Repeat("=", 4-len(s)%4)
		}
		s = strings.NewReplacer("-", "+", "_", "/").Replace(s)
		b, ok := strictDecode64(s)
		if !ok {
			return nil, renderError("invalid base64 provided to base64_url_safe_decode")
		}
		return b, nil
	})
	e.filters["slice"] = stdFilter(2, 3, filterSlice)
	e.filters["truncate"] = stdFilter(1, 3, filterTruncate)
	e.filters["truncatewords"] = stdFilter(1, 3, filterTruncatewords)
	e.filters["split"] = stdFilter(2, 2, func(_ *Context, in any, args []any) (any, error) {
		return rubySplit(ToS(in), ToS(args[0])), nil
	})
	e.filters["strip"] = str(func(s string) string { return strings.Trim(s, rubySpace+"\x00") })
	e.filters["lstrip"] = str(func(s string) string { return strings.TrimLeft(s, rubySpace+"\x00") })
	e.filters["rstrip"] = str(func(s string) string { return strings.TrimRight(s, rubySpace+"\x00") })
	e.filters["strip_html"] = str(stripHTML)
	e.filters["strip_newlines"] = str(func(s string) string { return reNewline.ReplaceAllString(s, "") })
	e.filters["newline_to_br"] = str(func(s string) string { return reNewline.ReplaceAllString(s, "<br />\n") })
	e.filters["join"] = stdFilter(1, 2, func(_ *Context, in any, args []any) (any, error) {
		glue := ToS(arg(args, 0, " "))
		var b []byte
		for i, x := range inputList(in) {
			if i > 0 {
				b = append(b, glue...)
			}
			b = appendToS(b, x)
		}
		return string(b), nil
	})
	e.filters["sort"] = stdFilter(1, 2, filterSort)
	e.filters["sort_natural"] = stdFilter(1, 2, filterSortNatural)
	e.filters["where"] = stdFilter(2, 3, filterWhere)
	e.filters["uniq"] = stdFilter(1, 2, filterUniq)
	e.filters["reverse"] = stdFilter(1, 1, func(_ *Context, in any, _ []any) (any, error) {
		l := inputList(in)
		r := make([]any, len(l))
		for i, x := range l {
			r[len(l)-1-i] = x
		}
		return r, nil
	})
	e.filters["map"] = stdFilter(2, 2, filterMap)
	e.filters["compact"] = stdFilter(1, 2, filterCompact)
	e.filters["replace"] = stdFilter(2, 3, func(_ *Context, in any, args []any) (any, error) {
		return gsub(ToS(in), ToS(args[0]), ToS(arg(args, 1, "")), -1), nil
	})
	e.filters["replace_first"] = stdFilter(2, 3, func(_ *Context, in any, args []any) (any, error) {
		return gsub(ToS(in), ToS(args[0]), ToS(arg(args, 1, "")), 1), nil
	})
	e.filters["replace_last"] = stdFilter(3, 3, func(_ *Context, in any, args []any) (any, error) {
		return replaceLast(ToS(in), ToS(args[0]), ToS(args[1])), nil
	})
	e.filters["remove"] = stdFilter(2, 2, func(_ *Context, in any, args []any) (any, error) {
		return gsub(ToS(in), ToS(args[0]), "", -1), nil
	})
	e.filters["remove_first"] = stdFilter(2, 2, func(_ *Context, in any, args []any) (any, error) {
		return gsub(ToS(in), ToS(args[0]), "", 1), nil
	})
	e.filters["remove_last"] = stdFilter(2, 2, func(_ *Context, in any, args []any) (any, error) {
		return replaceLast(ToS(in), ToS(args[0]), ""), nil
	})
	e.filters["append"] = stdFilter(2, 2, func(_ *Context, in any, args []any) (any, error) {
		return ToS(in) + ToS(args[0]), nil
	})
	e.filters["prepend"] = stdFilter(2, 2, func(_ *Context, in any, args []any) (any, error) {
		return ToS(args[0]) + ToS(in), nil
	})
	e.filters["concat"] = stdFilter(2, 2, func(_ *Context, in any, args []any) (any, error) {
		more, ok := args[0].([]any)
		if !ok {
			return nil, renderError("concat filter requires an array argument")
		}
		l := inputList(in)
		r := make([]any, 0, len(l)+len(more))
		return append(append(r, l...), more...), nil
	})
	e.filters["date"] = stdFilter(2, 2, filterDate)
	e.filters["first"] = stdFilter(1, 1, func(_ *Context, in any, _ []any) (any, error) {
		switch in.(type) {
		case []any, *Map, map[string]any, Range:
			r, _ := lookup(in, "first", true)
			return r, nil
		}
		return nil, nil
	})
	e.filters["last"] = stdFilter(1, 1, func(_ *Context, in any, _ []any) (any, error) {
		switch in.(type) {
		case []any, Range:
			r, _ := lookup(in, "last", true)
			return r, nil
		}
		return nil, nil
	})
	e.filters["abs"] = stdFilter(1, 1, func(_ *Context, in any, _ []any) (any, error) {
		n := toNumber(in)
		switch {
		case !n.dec:
			return abs(n.i), nil
		case n.special():
			return math.Abs(n.f), nil
		}
		return number{dec: true, r: new(big.Rat).Abs(n.r)}.value(), nil
	})
	for name, op := range map[string]byte{"plus": '+', "minus": '-', "times": '*', "divided_by": '/', "modulo": '%'} {
		e.filters[name] = stdFilter(2, 2, func(_ *Context, in any, args []any) (any, error) {
			return arith(toNumber(in), toNumber(args[0]), op)
		})
	}
	e.filters["round"] = stdFilter(1, 2, filterRound)
	e.filters["ceil"] = stdFilter(1, 1, func(_ *Context, in any, _ []any) (any, error) {
		n := toNumber(in)
		switch {
		case !n.dec:
			return n.i, nil
		case n.special():
			return nil, floatDomainError(n.f)
		}
		return bigToInt(ratCeil(n.r)), nil
	})
	e.filters["floor"] = stdFilter(1, 1, func(_ *Context, in any, _ []any) (any, error) {
		n := toNumber(in)
		switch {
		case !n.dec:
			return n.i, nil
		case n.special():
			return nil, floatDomainError(n.f)
		}
		return bigToInt(ratFloor(n.r)), nil
	})
	e.filters["at_least"] = stdFilter(2, 2, func(_ *Context, in any, args []any) (any, error) {
		return clamp(toNumber(in), toNumber(args[0]), 1), nil
	})
	e.filters["at_most"] = stdFilter(2, 2, func(_ *Context, in any, args []any) (any, error) {
		return clamp(toNumber(in), toNumber(args[0]), -1), nil
	})
	e.filters["default"] = stdFilter(1, 3, filterDefault)
}

func filterSize(_ *Context, in any, _ []any) (any, error) {
	switch v := in.(type) {
	case string:
		return utf8.RuneCountInString(v), nil
	case []any:
		return len(v), nil
	case *Map:
		return v.Len(), nil
	case map[string]any:
		return len(v), nil
	case int:
		return 8, nil
	case Range:
		return v.Len(), nil
	}
	return 0, nil
}

// inputList is Liquid's InputIterator: arrays flattened, a hash as a list of
// itself, ranges expanded, nil as empty, anything else as a list of itself.
func inputList(v any) []any {
	switch v := v.(type) {
	case nil:
		return nil
	case []any:
		for _, x := range v {
			if _, nested := x.([]any); nested {
				return flatten(nil, v)
			}
		}
		return v
	case Range:
		return v.Slice()
	case KeyedDrop:
		keys := v.Keys()
		l := make([]any, len(keys))
		for i, k := range keys {
			l[i] = k
		}
		return l
	}
	return []any{v}
}

func flatten(dst, src []any) []any {
	for _, x := range src {
		if a, ok := x.([]any); ok {
			dst = flatten(dst, a)
		} else {
			dst = append(dst, x)
		}
	}
	return dst
}

// index is Ruby's item[property] as the array filters use it. Arrays and
// numbers do not take a string index (Ruby's TypeError), which the filters
// report as Liquid does.
func index(item, prop any) (any, bool, error) {
	switch v := item.(type) {
	case *Map, map[string]any, Drop:
		r, _ := lookup(v, prop, false)
		return r, true, nil
	case string:
		if p, ok := prop.(string); ok {
			if strings.Contains(v, p) {
				return p, true, nil
			}
			return nil, true, nil
		}
	case []any:
		if i, ok := prop.(int); ok {
			r, _ := lookup(v, i, false)
			return r, true, nil
		}
	case nil:
		return nil, false, nil
	case bool, time.Time, Date, Range:
		return nil, false, nil
	}
	return nil, true, propertyError(prop)
}

func propertyError(prop any) error {
	return renderError("cannot select the property '" + ToS(prop) + "'")
}

func filterSort(_ *Context, in any, args []any) (any, error) {
	l := inputList(in)
	if len(l) == 0 {
		return []any{}, nil
	}
	prop := arg(args, 0, nil)
	keys := l
	if prop != nil {
		keys = make([]any, len(l))
		for i, x := range l {
			k, ok, err := index(x, prop)
			if !ok {
				return nil, nil
			}
			if err != nil {
				return nil, err
			}
			keys[i] = k
		}
	}
	return sortBy(l, keys, nilSafeCompare)
}

func nilSafeCompare(a, b any) (int, error) {
	if c, ok := spaceship(a, b); ok {
		return c, nil
	}
	switch {
	case a == nil:
		return 1, nil
	case b == nil:
		return -1, nil
	}
	return 0, renderError("cannot sort values of incompatible types")
}

func filterSortNatural(_ *Context, in any, args []any) (any, error) {
	l := inputList(in)
	if len(l) == 0 {
		return []any{}, nil
	}
	prop := arg(args, 0, nil)
	keys := l
	if prop != nil {
		keys = make([]any, len(l))
		for i, x := range l {
			k, ok, err := index(x, prop)
			if !ok {
				return nil, nil
			}
			if err != nil {
				return nil, err
			}
			keys[i] = k
		}
	}
	return sortBy(l, keys, func(a, b any) (int, error) {
		if a != nil && b != nil {
			return caseCompare(ToS(a), ToS(b)), nil
		}
		if a == nil {
			return 1, nil
		}
		return -1, nil
	})
}

// caseCompare is String#casecmp: ASCII letters folded, bytes compared.
func caseCompare(a, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		x, y := a[i], b[i]
		if x >= 'A' && x <= 'Z' {
			x += 32
		}
		if y >= 'A' && y <= 'Z' {
			y += 32
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return cmpInt(len(a), len(b))
}

// sortBy sorts items by keys with cmp, stably; the first comparison error
// is returned.
func sortBy(items, keys []any, cmp func(a, b any) (int, error)) (any, error) {
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	var firstErr error
	sort.SliceStable(idx, func(i, j int) bool {
		c, err := cmp(keys[idx[i]], keys[idx[j]])
		if err != nil && firstErr == nil {
			firstErr = err
		}
		return c < 0
	})
	if firstErr != nil {
		return nil, firstErr
	}
	out := make([]any, len(items))
	for i, k := range idx {
		out[i] = items[k]
	}
	return out, nil
}

func filterWhere(_ *Context, in any, args []any) (any, error) {
	l := inputList(in)
	if len(l) == 0 {
		return []any{}, nil
	}
	prop := args[0]
	target := arg(args, 1, nil)
	out := make([]any, 0, len(l))
	for _, x := range l {
		v, ok, err := index(x, prop)
		if !ok {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		if (target == nil && Truthy(v)) || (target != nil && Equal(v, target)) {
			out = append(out, x)
		}
	}
	return out, nil
}

func filterUniq(_ *Context, in any, args []any) (any, error) {
	l := inputList(in)
	prop := arg(args, 0, nil)
	if prop != nil && len(l) == 0 {
		return []any{}, nil
	}
	keys := l
	if prop != nil {
		keys = make([]any, len(l))
		for i, x := range l {
			k, ok, err := index(x, prop)
			if !ok {
				return nil, nil
			}
			if err != nil {
				return nil, err
			}
			keys[i] = k
		}
	}
	out := make([]any, 0, len(l))
	seen := make(map[string]bool, len(l))
	var seenOther []any
outer:
	for i, x := range l {
		k := keys[i]
		if key, ok := eqlKey(k); ok {
			if seen[key] {
				continue
			}
			seen[key] = true
		} else {
			for _, o := range seenOther {
				if Equal(o, k) {
					continue outer
				}
			}
			seenOther = append(seenOther, k)
		}
		out = append(out, x)
	}
	return out, nil
}

// eqlKey is a map key equal for values Ruby's eql? calls equal (1 and 1.0
// differ), for the plain value types.
func eqlKey(v any) (string, bool) {
	switch v.(type) {
	case nil, string, int, float64, bool, []any, *Map, map[string]any:
		return Inspect(v), true
	}
	return "", false
}

func filterMap(_ *Context, in any, args []any) (any, error) {
	prop := args[0]
	l := inputList(in)
	out := make([]any, len(l))
	for i, x := range l {
		if prop == "to_liquid" {
			out[i] = x
			continue
		}
		v, _, err := index(x, prop)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

func filterCompact(_ *Context, in any, args []any) (any, error) {
	l := inputList(in)
	prop := arg(args, 0, nil)
	if prop != nil && len(l) == 0 {
		return []any{}, nil
	}
	out := make([]any, 0, len(l))
	for _, x := range l {
		v := x
		if prop != nil {
			var ok bool
			var err error
			v, ok, err = index(x, prop)
			if !ok {
				return nil, nil
			}
			if err != nil {
				return nil, err
			}
		}
		if v != nil {
			out = append(out, x)
		}
	}
	return out, nil
}

func filterSlice(_ *Context, in any, args []any) (any, error) {
	off, ok := ToInt(args[0])
	if !ok {
		return nil, renderError("invalid integer")
	}
	n := 1
	if l := arg(args, 1, nil); l != nil {
		if n, ok = ToInt(l); !ok {
			return nil, renderError("invalid integer")
		}
	}
	if a, isArr := in.([]any); isArr {
		start, end, ok := sliceBounds(len(a), off, n)
		if !ok {
			return []any{}, nil
		}
		return a[start:end:end], nil
	}
	s := ToS(in)
	runes := utf8.RuneCountInString(s)
	start, end, ok := sliceBounds(runes, off, n)
	if !ok {
		return "", nil
	}
	return substr(s, start, end), nil
}

// sliceBounds is Ruby's slice(start, length) on a sequence of size n.
func sliceBounds(n, start, length int) (int, int, bool) {
	if start < 0 {
		start += n
	}
	if start < 0 || start > n || length < 0 {
		return 0, 0, false
	}
	end := start + length
	if end > n || end < start {
		end = n
	}
	return start, end, true
}

// substr returns the characters start..end-1 of s.
func substr(s string, start, end int) string {
	i, from := 0, len(s)
	for pos := range s {
		if i == start {
			from = pos
		}
		if i == end {
			return s[from:pos]
		}
		i++
	}
	if start >= i {
		return ""
	}
	return s[from:]
}

func filterTruncate(_ *Context, in any, args []any) (any, error) {
	if in == nil {
		return nil, nil
	}
	s := ToS(in)
	length, ok := ToInt(arg(args, 0, 50))
	if !ok {
		return nil, renderError("invalid integer")
	}
	ellipsis := ToS(arg(args, 1, "..."))
	l := length - utf8.RuneCountInString(ellipsis)
	if l < 0 {
		l = 0
	}
	if utf8.RuneCountInString(s) > length {
		return substr(s, 0, l) + ellipsis, nil
	}
	return s, nil
}

func filterTruncatewords(_ *Context, in any, args []any) (any, error) {
	if in == nil {
		return nil, nil
	}
	s := ToS(in)
	words, ok := ToInt(arg(args, 0, 15))
	if !ok {
		return nil, renderError("invalid integer")
	}
	if words <= 0 {
		words = 1
	}
	// Ruby: s.split(" ", words+1); more than words fields means truncation,
	// and the kept words are joined by single spaces.
	b := make([]byte, 0, min(len(s), 16*words)+8)
	i, n := 0, 0
	for n < words {
		for i < len(s) && isRubySpace(s[i]) {
			i++
		}
		if i >= len(s) {
			break
		}
		j := i
		for j < len(s) && !isRubySpace(s[j]) {
			j++
		}
		if n > 0 {
			b = append(b, ' ')
		}
		b = append(b, s[i:j]...)
		n++
		i = j
	}
	for i < len(s) && isRubySpace(s[i]) {
		i++
	}
	if i >= len(s) {
		return s, nil
	}
	return string(append(b, ToS(arg(args, 1, "..."))...)), nil
}

// rubySplit is String#split with a string pattern: " " splits on runs of
// whitespace, "" into characters; trailing empty fields are dropped.
func rubySplit(s, sep string) []any {
	var parts []string
	switch sep {
	case " ":
		parts = strings.FieldsFunc(s, func(r rune) bool { return r < utf8.RuneSelf && isRubySpace(byte(r)) })
	case "":
		parts = strings.Split(s, "")
	default:
		parts = strings.Split(s, sep)
	}
	for len(parts) > 0 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	out := make([]any, len(parts))
	for i, p := range parts {
		out[i] = p
	}
	return out
}

var reNewline = regexp.MustCompile(`\r?\n`)

// stripHTML removes <script>, <style> and comment blocks, then every tag, as
// Liquid's two regexp passes do.
func stripHTML(s string) string {
	if strings.IndexByte(s, '<') < 0 {
		return s
	}
	var b []byte
	if !strings.Contains(s, "<script") && !strings.Contains(s, "<!--") && !strings.Contains(s, "<style") {
		b = unsafe.Slice(unsafe.StringData(s), len(s)) // only read from
	} else {
		b = stripHTMLBlocks(s)
	}
	// The second pass, on what the first left, into a buffer of its own
	// that becomes the result without another copy.
	t := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			t = append(t, b[i:]...)
			break
		}
		t = append(t, b[i:i+j]...)
		i += j
		k := bytes.IndexByte(b[i:], '>')
		if k < 0 {
			t = append(t, b[i:]...)
			break
		}
		i += k + 1
	}
	if len(t) == 0 {
		return ""
	}
	return unsafe.String(&t[0], len(t))
}

func stripHTMLBlocks(s string) []byte {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			b = append(b, s[i:]...)
			break
		}
		b = append(b, s[i:i+j]...)
		i += j
		end := -1
		for _, blk := range [...][2]string{{"<script", "</script>"}, {"<!--", "-->"}, {"<style", "</style>"}} {
			if strings.HasPrefix(s[i:], blk[0]) {
				if k := strings.Index(s[i+len(blk[0]):], blk[1]); k >= 0 {
					end = i + len(blk[0]) + k + len(blk[1])
					break
				}
			}
		}
		if end < 0 {
			b = append(b, '<')
			i++
			continue
		}
		i = end
	}
	return b
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")

func escapeHTML(s string) string { return htmlEscaper.Replace(s) }

// escapeOnce escapes like escape but leaves entities (&amp; &#39;) alone.
func escapeOnce(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&#39;")
		case '&':
			if isEntity(s[i+1:]) {
				b.WriteByte('&')
			} else {
				b.WriteString("&amp;")
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// isEntity matches ([a-zA-Z]+|#\d+); at the start of s.
func isEntity(s string) bool {
	j := 0
	if strings.HasPrefix(s, "#") {
		j = 1
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		return j > 1 && j < len(s) && s[j] == ';'
	}
	for j < len(s) && (s[j]|0x20 >= 'a' && s[j]|0x20 <= 'z') {
		j++
	}
	return j > 0 && j < len(s) && s[j] == ';'
}

// cgiEscape is Ruby's CGI.escape.
func cgiEscape(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			b.WriteByte('+')
		case isWordChar(c) || c == '.' || c == '-' || c == '~':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// cgiUnescape is Ruby's CGI.unescape: "+" is a space, %XX a byte, and a
// malformed % sequence stays as written.
func cgiUnescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '+':
			b.WriteByte(' ')
		case c == '%' && i+2 < len(s)+0 && isHex(s[i+1]) && isHex(s[i+2]):
			n, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
			b.WriteByte(byte(n))
			i += 2
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f')
}

// strictDecode64 is Ruby's Base64.strict_decode64, which takes no line
// breaks and needs the padding.
func strictDecode64(s string) (string, bool) {
	if strings.ContainsAny(s, "\r\n") {
		return "", false
	}
	b, err := base64.StdEncoding.Strict().DecodeString(s)
	return string(b), err == nil
}

// gsub replaces the first n (all when n < 0) occurrences of the literal pat,
// reading \0 \& \` \' \\ in repl as Ruby's String#gsub does.
func gsub(s, pat, repl string, n int) string {
	if !strings.Contains(repl, `\`) {
		return strings.Replace(s, pat, repl, n)
	}
	var b strings.Builder
	start := 0
	for count := 0; n < 0 || count < n; count++ {
		i := strings.Index(s[start:], pat)
		if i < 0 {
			break
		}
		i += start
		b.WriteString(s[start:i])
		end := i + len(pat)
		for j := 0; j < len(repl); j++ {
			if repl[j] != '\\' || j+1 == len(repl) {
				b.WriteByte(repl[j])
				continue
			}
			j++
			switch repl[j] {
			case '0', '&':
				b.WriteString(pat)
			case '`':
				b.WriteString(s[:i])
			case '\'':
				b.WriteString(s[end:])
			case '\\':
				b.WriteByte('\\')
			case '1', '2', '3', '4', '5', '6', '7', '8', '9':
			default:
				b.WriteByte('\\')
				b.WriteByte(repl[j])
			}
		}
		if pat == "" {
			// An empty pattern matches before every character.
			if end >= len(s) {
				start = len(s) + 1
				break
			}
			_, w := utf8.DecodeRuneInString(s[end:])
			b.WriteString(s[end : end+w])
			end += w
		}
		start = end
	}
	if start <= len(s) {
		b.WriteString(s[start:])
	}
	return b.String()
}

func replaceLast(s, pat, repl string) string {
	i := strings.LastIndex(s, pat)
	if i < 0 {
		return s
	}
	return s[:i] + repl + s[i+len(pat):]
}

func filterRound(_ *Context, in any, args []any) (any, error) {
	nArg := arg(args, 0, 0)
	digits := toNumber(nArg)
	d := digits.i
	if digits.dec {
		d = int(digits.float())
	}
	n := toNumber(in)
	if !n.dec {
		if d >= 0 {
			return n.i, nil
		}
		r := roundHalfUp(new(big.Rat).SetInt64(int64(n.i)), d)
		return bigToInt(r.Num()), nil
	}
	if n.special() {
		return nil, floatDomainError(n.f)
	}
	r := roundHalfUp(n.r, d)
	if d <= 0 {
		// BigDecimal#round to no decimals gives an Integer.
		return bigToInt(r.Num()), nil
	}
	f, _ := r.Float64()
	if x, isInt := nArg.(int); isInt && x == 0 {
		return int(f), nil
	}
	return f, nil
}

// clamp is at_least (dir 1) and at_most (dir -1).
func clamp(v, limit number, dir int) any {
	c := v.rat().Cmp(limit.rat())
	if v.special() || limit.special() {
		x, y := v.float(), limit.float()
		if (dir > 0 && y > x) || (dir < 0 && y < x) {
			return limit.value()
		}
		return v.value()
	}
	if (dir > 0 && c < 0) || (dir < 0 && c > 0) {
		return limit.value()
	}
	return v.value()
}

func filterDefault(_ *Context, in any, args []any) (any, error) {
	def := arg(args, 0, "")
	allowFalse := false
	if opts, ok := arg(args, 1, nil).(*Map); ok {
		v, _ := opts.Get("allow_false")
		allowFalse = Truthy(v)
	}
	use := !Truthy(in)
	if allowFalse {
		use = in == nil
	}
	if use || isEmpty(in) {
		return def, nil
	}
	return in, nil
}

// isEmpty is Ruby's empty? for the values that have it.
func isEmpty(v any) bool {
	switch v := v.(type) {
	case string:
		return v == ""
	case []any:
		return len(v) == 0
	case *Map:
		return v.Len() == 0
	case map[string]any:
		return len(v) == 0
	}
	return false
}

func filterDate(c *Context, in any, args []any) (any, error) {
	format := ToS(args[0])
	if format == "" {
		return in, nil
	}
	t, ok := toDate(c, in)
	if !ok {
		return in, nil
	}
	s, err := ruby.StrftimeErr(t, format)
	if err != nil {
		return nil, renderError(err.Error())
	}
	return s, nil
}

// toDate is Liquid's Utils.to_date.
func toDate(c *Context, v any) (time.Time, bool) {
	loc := time.Local
	now := time.Now
	if c.engine != nil {
		loc = c.engine.loc
		if c.engine.now != nil {
			now = c.engine.now
		}
	}
	switch v := v.(type) {
	case time.Time:
		return v, true
	case Date:
		y, m, d := v.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.FixedZone("+00:00", 0)), true
	case int:
		return time.Unix(int64(v), 0).In(loc), true
	case string:
		if v == "" {
			return time.Time{}, false
		}
		s := strings.ToLower(v)
		if s == "now" || s == "today" {
			return now().In(loc), true
		}
		if isIntegerLiteral(s) && s[0] != '-' {
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return time.Time{}, false
			}
			return time.Unix(n, 0).In(loc), true
		}
		t, err := ruby.ParseTime(s, loc)
		if err != nil {
			return time.Time{}, false
		}
		return t, true
	}
	return time.Time{}, false
}

// Ruby's case mapping is Unicode's full mapping; Go's is the simple one,
// which differs on a few characters that become two.
var upcaseSpecial = strings.NewReplacer("ß", "SS", "ﬀ", "FF", "ﬁ", "FI", "ﬂ", "FL", "ﬃ", "FFI", "ﬄ", "FFL", "ﬅ", "ST", "ﬆ", "ST", "ŉ", "ʼN")

func rubyUpcase(s string) string {
	if isASCII(s) {
		return asciiUpper(s)
	}
	return strings.ToUpper(upcaseSpecial.Replace(s))
}

func rubyDowncase(s string) string {
	if isASCII(s) {
		return asciiLower(s)
	}
	return strings.ToLower(strings.ReplaceAll(s, "İ", "i̇"))
}

func rubyCapitalize(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	var first string
	switch r {
	case 'ß':
		first = "Ss"
	default:
		first = string(unicode.ToTitle(r))
	}
	return first + rubyDowncase(s[n:])
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func asciiUpper(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'a' && b[j] <= 'z' {
					b[j] -= 32
				}
			}
			return string(b)
		}
	}
	return s
}

func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 32
				}
			}
			return string(b)
		}
	}
	return s
}
