package yaml

import (
	"encoding/base64"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	yamlv3 "go.yaml.in/yaml/v3"
)

// scalar converts a scalar node as Psych's ToRuby#deserialize does: an
// untagged quoted or block scalar is a string, an untagged plain one goes
// through the scanner, and a tagged one is read by its tag (`!!int "3"` is 3:
// Psych only treats a scalar as quoted when it has no tag).
func (d *decoder) scalar(n *yamlv3.Node) (any, error) {
	if n.Style&yamlv3.TaggedStyle == 0 {
		if n.Style&(yamlv3.DoubleQuotedStyle|yamlv3.SingleQuotedStyle|yamlv3.LiteralStyle|yamlv3.FoldedStyle) != 0 {
			return n.Value, nil
		}
		return d.tokenize(n, n.Value)
	}
	switch tag := n.Tag; tag {
	case "!!str", "!str", "!ruby/string":
		return n.Value, nil
	case "!!binary", "!binary":
		return decodeBase64(n.Value), nil
	case "!!float", "!float":
		v, err := d.tokenize(n, n.Value)
		if err != nil {
			return nil, err
		}
		switch v := v.(type) {
		case float64:
			return v, nil
		case int:
			return float64(v), nil
		case string:
			f, ok := rubyFloat(v)
			if !ok {
				return nil, d.errorf(n, "invalid value for Float(): %q", v)
			}
			return f, nil
		}
		return nil, d.errorf(n, "can't convert %s into Float", rubyClass(v))
	case "!ruby/sym", "!ruby/symbol":
		// Symbols become strings, as for `:title` below.
		return n.Value, nil
	default:
		if strings.HasPrefix(tag, "!ruby/") {
			return nil, d.errorf(n, "tried to load unspecified class: %s", tag)
		}
		return d.tokenize(n, n.Value)
	}
}

// decodeBase64 is lenient like Ruby's unpack("m"): it skips characters
// outside the alphabet, stops at padding, and decodes a short last group.
func decodeBase64(s string) string {
	buf := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '=' {
			break
		}
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' {
			buf = append(buf, c)
		}
	}
	if len(buf)%4 == 1 {
		buf = buf[:len(buf)-1]
	}
	out, err := base64.RawStdEncoding.DecodeString(string(buf))
	if err != nil {
		return ""
	}
	return string(out)
}

func rubyClass(v any) string {
	switch v.(type) {
	case nil:
		return "nil"
	case bool:
		return "boolean"
	case time.Time:
		return "Time"
	case liquid.Date:
		return "Date"
	}
	return "value"
}

// tokenize is Psych's ScalarScanner#tokenize for a plain scalar, with one
// difference the brief asks for: `:name` stays a string (upstream Jekyll's
// SafeYAML reading) instead of becoming a Symbol that safe_load refuses.
func (d *decoder) tokenize(n *yamlv3.Node, s string) (any, error) {
	if s == "" {
		return nil, nil
	}
	if looksLikeWord(s) || strings.IndexByte(s, '\n') >= 0 {
		return shortWord(s), nil
	}
	c := s[0]
	// Everything below needs a digit, sign, dot or colon up front; a
	// quick test keeps prose on the cheap path.
	if !(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == ':') {
		return s, nil
	}
	if isTime(s) {
		if t, ok := parseTime(s, d.loc); ok {
			return t, nil
		}
		return s, nil
	}
	if y, m, dd, ok := matchDate(s); ok {
		if m >= 1 && m <= 12 && dd >= 1 && dd <= daysIn(y, m) {
			return liquid.Date{Time: time.Date(y, time.Month(m), dd, 0, 0, 0, 0, d.loc)}, nil
		}
		return s, nil
	}
	switch {
	case strings.EqualFold(s, ".inf") || strings.EqualFold(s, "+.inf"):
		return math.Inf(1), nil
	case strings.EqualFold(s, "-.inf"):
		return math.Inf(-1), nil
	case strings.EqualFold(s, ".nan"):
		return math.NaN(), nil
	}
	if c == ':' {
		return s, nil
	}
	if v, ok := sexagesimal(s); ok {
		return v, nil
	}
	if isFloat(s) {
		if s == "." || s == "-." || s == "+." {
			return s, nil
		}
		f, ok := rubyFloat(floatDigits(s))
		if !ok {
			return nil, d.errorf(n, "invalid value for Float(): %q", floatDigits(s))
		}
		return f, nil
	}
	if isInteger(s) {
		clean := stripCommas(s)
		v, err := strconv.ParseInt(clean, 0, 64)
		if err == nil {
			return int(v), nil
		}
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			// Ruby would make a Bignum; the Liquid value set has no such
			// thing, so keep the exact digits as Ruby would print them.
			b, ok := new(big.Int).SetString(clean, 0)
			if ok {
				return b.String(), nil
			}
		}
		return nil, d.errorf(n, "invalid value for Integer(): %q", clean)
	}
	return s, nil
}

// isAlphaClass reports whether r is in the class Psych uses to spot words:
// [[:alpha:]_\s!@#$%^&*(){}<>|/\\~;=].
func isAlphaClass(r rune) bool {
	if r < utf8.RuneSelf {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			return true
		}
		return strings.IndexRune("_ \t\n\v\f\r!@#$%^&*(){}<>|/\\~;=", r) >= 0
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_Alphabetic, r)
}

// looksLikeWord is Psych's /^[^\d.:-]?[[:alpha:]_\s...]+/ test.
func looksLikeWord(s string) bool {
	r0, n0 := utf8.DecodeRuneInString(s)
	if isAlphaClass(r0) {
		return true
	}
	if r0 >= '0' && r0 <= '9' || r0 == '.' || r0 == ':' || r0 == '-' {
		return false
	}
	r1, n1 := utf8.DecodeRuneInString(s[n0:])
	return n1 > 0 && isAlphaClass(r1)
}

// shortWord resolves a word-like scalar: only five characters or fewer can
// be null or a boolean. Psych's patterns are anchored per line, hence the
// line loop.
func shortWord(s string) any {
	if len(s) > 5 && utf8.RuneCountInString(s) > 5 {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if i == len(lines)-1 && l == "" {
			break
		}
		if l == "" || strings.IndexByte("ytonfYTONF~", l[0]) < 0 {
			return s
		}
	}
	if s == "~" {
		return nil
	}
	for _, l := range lines {
		if strings.EqualFold(l, "null") {
			return nil
		}
	}
	for _, l := range lines {
		if strings.EqualFold(l, "yes") || strings.EqualFold(l, "true") || strings.EqualFold(l, "on") {
			return true
		}
	}
	for _, l := range lines {
		if strings.EqualFold(l, "no") || strings.EqualFold(l, "false") || strings.EqualFold(l, "off") {
			return false
		}
	}
	return s
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// digits returns how many ASCII digits start s[i:].
func digits(s string, i int) int {
	n := 0
	for i+n < len(s) && isDigit(s[i+n]) {
		n++
	}
	return n
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// isTime is Psych's TIME pattern:
// -?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?
func isTime(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	if digits(s, i) != 4 {
		return false
	}
	i += 4
	for k := 0; k < 2; k++ {
		if i >= len(s) || s[i] != '-' {
			return false
		}
		i++
		n := digits(s, i)
		if n < 1 || n > 2 {
			return false
		}
		i += n
	}
	switch {
	case i < len(s) && (s[i] == 'T' || s[i] == 't'):
		i++
	case i < len(s) && isSpace(s[i]):
		for i < len(s) && isSpace(s[i]) {
			i++
		}
	default:
		return false
	}
	n := digits(s, i)
	if n < 1 || n > 2 {
		return false
	}
	i += n
	for k := 0; k < 2; k++ {
		if i >= len(s) || s[i] != ':' || digits(s, i+1) != 2 {
			return false
		}
		i += 3
	}
	if i < len(s) && s[i] == '.' {
		i++
		i += digits(s, i)
	}
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	if i == len(s) {
		return true
	}
	if s[i] == 'Z' {
		return i+1 == len(s)
	}
	if s[i] != '-' && s[i] != '+' {
		return false
	}
	// [-+]\d{1,2}:?(?:\d\d)? up to the end.
	rest := s[i+1:]
	switch len(rest) {
	case 1, 2:
		return digits(rest, 0) == len(rest)
	case 3:
		return digits(rest, 0) == 3 || digits(rest, 0) == 2 && rest[2] == ':'
	case 4:
		return digits(rest, 0) == 4 || digits(rest, 0) == 1 && rest[1] == ':' && digits(rest, 2) == 2
	case 5:
		return digits(rest, 0) == 2 && rest[2] == ':' && digits(rest, 3) == 2
	}
	return false
}

// parseTime is Psych's ScalarScanner#parse_time for a string that passed
// isTime. ok is false where Ruby raises ArgumentError and Psych falls back
// to the string.
func parseTime(s string, loc *time.Location) (time.Time, bool) {
	sep := strings.IndexAny(s, " tT")
	if sep < 0 {
		// Ruby fails on a nil time part here (a tab separator); a string
		// is the useful answer.
		return time.Time{}, false
	}
	date, rest := s[:sep], s[sep+1:]
	neg := date[0] == '-'
	if neg {
		date = date[1:]
	}
	parts := strings.SplitN(date, "-", 3)
	yy, _ := strconv.Atoi(parts[0])
	if neg {
		yy = -yy
	}
	mo, _ := strconv.Atoi(parts[1])
	dd, _ := strconv.Atoi(parts[2])

	// (\d+:\d+:\d+)(?:\.(\d*))?\s*(Z|[-+]\d+(:\d\d)?)? somewhere in rest.
	i := 0
	for i < len(rest) && !isDigit(rest[i]) {
		i++
	}
	var hms [3]int
	for k := 0; k < 3; k++ {
		n := digits(rest, i)
		hms[k], _ = strconv.Atoi(rest[i : i+n])
		i += n + 1
	}
	i--
	nsec := 0
	if i < len(rest) && rest[i] == '.' {
		i++
		n := digits(rest, i)
		frac := rest[i : i+n]
		i += n
		if len(frac) > 9 {
			frac = frac[:9]
		}
		for len(frac) < 9 {
			frac += "0"
		}
		nsec, _ = strconv.Atoi(frac)
	}
	for i < len(rest) && isSpace(rest[i]) {
		i++
	}
	zone := rest[i:]

	hh, mm, ss := hms[0], hms[1], hms[2]
	// Ruby's Time.utc/Time.new limits; days up to 31 roll over into the
	// next month, as Go's time.Date does.
	if mo < 1 || mo > 12 || dd < 1 || dd > 31 || hh > 24 || mm > 59 || ss > 60 ||
		hh == 24 && (mm != 0 || ss != 0 || nsec != 0) {
		return time.Time{}, false
	}
	switch {
	case zone == "Z":
		return time.Date(yy, time.Month(mo), dd, hh, mm, ss, nsec, time.UTC), true
	case zone == "":
		return time.Date(yy, time.Month(mo), dd, hh, mm, ss, nsec, time.UTC).In(loc), true
	}
	// ([+\-]?\d{1,2}):?(\d{1,2})? with Ruby's greedy matching.
	sign := zone[0]
	z := zone[1:]
	hn := min(digits(z, 0), 2)
	zh, _ := strconv.Atoi(z[:hn])
	z = z[hn:]
	z = strings.TrimPrefix(z, ":")
	zm := 0
	if z != "" {
		zm, _ = strconv.Atoi(z)
	}
	offset := zh * 3600
	if sign == '-' {
		offset = -offset
	}
	// Psych subtracts the minutes only when the hour part is negative, so
	// "-00:30" is +00:30.
	if offset < 0 {
		offset -= zm * 60
	} else {
		offset += zm * 60
	}
	if offset <= -86400 || offset >= 86400 {
		return time.Time{}, false
	}
	return time.Date(yy, time.Month(mo), dd, hh, mm, ss, nsec, time.FixedZone("", offset)), true
}

// matchDate is /^\d{4}-(?:1[012]|0\d|\d)-(?:[12]\d|3[01]|0\d|\d)$/.
func matchDate(s string) (y, m, d int, ok bool) {
	if len(s) < 8 || len(s) > 10 || digits(s, 0) != 4 || s[4] != '-' {
		return
	}
	mn := digits(s, 5)
	if mn < 1 || mn > 2 || 5+mn >= len(s) || s[5+mn] != '-' {
		return
	}
	dn := digits(s, 6+mn)
	if dn < 1 || dn > 2 || 6+mn+dn != len(s) {
		return
	}
	y, _ = strconv.Atoi(s[:4])
	m, _ = strconv.Atoi(s[5 : 5+mn])
	d, _ = strconv.Atoi(s[6+mn:])
	if mn == 2 && s[5] != '0' && !(s[5] == '1' && m <= 12) {
		return
	}
	if dn == 2 && s[6+mn] > '3' || d > 31 {
		return
	}
	return y, m, d, true
}

// daysIn is the proleptic Gregorian month length. (Ruby's Date is Julian
// before 1582, so it also accepts 1000-02-29; Go's time cannot hold that.)
func daysIn(y, m int) int {
	switch m {
	case 4, 6, 9, 11:
		return 30
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 31
}

// sexagesimal handles Psych's base-60 integers and floats:
// [-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2} with an optional \.[0-9_]* tail.
// Psych weighs the parts by 60**|index-2|, so "1:30" is 1*3600 + 30*60:
// a two-part value is read as hours and minutes.
func sexagesimal(s string) (any, bool) {
	i := 0
	if s[0] == '-' || s[0] == '+' {
		i++
	}
	if i >= len(s) || !isDigit(s[i]) {
		return nil, false
	}
	for i < len(s) && (isDigit(s[i]) || s[i] == '_') {
		i++
	}
	groups := 0
	for groups < 2 && i < len(s) && s[i] == ':' {
		n := digits(s, i+1)
		if n == 0 || n > 2 || n == 2 && s[i+1] > '5' {
			return nil, false
		}
		i += 1 + n
		groups++
	}
	if groups == 0 {
		return nil, false
	}
	isFloat := false
	if i < len(s) && s[i] == '.' {
		isFloat = true
		i++
		for i < len(s) && (isDigit(s[i]) || s[i] == '_') {
			i++
		}
	}
	if i != len(s) {
		return nil, false
	}
	parts := strings.Split(s, ":")
	if !isFloat {
		total := 0
		for e, p := range parts {
			total += rubyToI(p) * pow60(e)
		}
		return total, true
	}
	total := 0.0
	for e, p := range parts {
		total += rubyToF(p) * float64(pow60(e))
	}
	return total, true
}

// pow60 is 60**|e-2|, e never being more than 2.
func pow60(e int) int {
	switch e {
	case 0:
		return 3600
	case 1:
		return 60
	}
	return 1
}

// rubyToI is String#to_i for a sign, digits and single underscores.
func rubyToI(s string) int {
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' {
			if i+1 < len(s) && isDigit(s[i+1]) && i > 0 {
				continue
			}
			break
		}
		if !isDigit(c) {
			break
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		return -n
	}
	return n
}

// rubyToF is String#to_f for the digits, underscores and dot allowed here.
func rubyToF(s string) float64 {
	var b strings.Builder
	prevDigit := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' {
			if prevDigit && i+1 < len(s) && isDigit(s[i+1]) {
				continue
			}
			break
		}
		prevDigit = isDigit(c)
		b.WriteByte(c)
	}
	t := strings.TrimSuffix(b.String(), ".")
	f, _ := strconv.ParseFloat(t, 64)
	return f
}

// isFloat is Psych's FLOAT: [-+]?([0-9][0-9_,]*)?\.[0-9]*([eE][-+][0-9]+)?
func isFloat(s string) bool {
	i := 0
	if s[0] == '-' || s[0] == '+' {
		i++
	}
	if i < len(s) && isDigit(s[i]) {
		i++
		for i < len(s) && (isDigit(s[i]) || s[i] == '_' || s[i] == ',') {
			i++
		}
	}
	if i >= len(s) || s[i] != '.' {
		return false
	}
	i++
	i += digits(s, i)
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		if i+1 >= len(s) || s[i+1] != '-' && s[i+1] != '+' {
			return false
		}
		n := digits(s, i+2)
		if n == 0 {
			return false
		}
		i += 2 + n
	}
	return i == len(s)
}

// floatDigits applies Psych's gsub(/[,_]|\.([Ee]|$)/, '\1').
func floatDigits(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ',' || c == '_':
			continue
		case c == '.' && (i+1 == len(s) || s[i+1] == 'e' || s[i+1] == 'E'):
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// rubyFloat is Kernel#Float for the decimal forms that reach it.
func rubyFloat(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+' || c == '_') {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f, true
		}
		return 0, false
	}
	return f, true
}

// isInteger is Psych's INTEGER pattern (binary, octal, decimal, hex).
func isInteger(s string) bool {
	i := 0
	if s[0] == '-' || s[0] == '+' {
		i++
	}
	r := s[i:]
	if r == "" {
		return false
	}
	all := func(t string, ok func(byte) bool) bool {
		if t == "" {
			return false
		}
		for j := 0; j < len(t); j++ {
			if !ok(t[j]) && t[j] != '_' && t[j] != ',' {
				return false
			}
		}
		return true
	}
	switch {
	case strings.HasPrefix(r, "0b"):
		return all(r[2:], func(c byte) bool { return c == '0' || c == '1' })
	case strings.HasPrefix(r, "0x"):
		return all(r[2:], func(c byte) bool {
			return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
		})
	case r == "0":
		return true
	case r[0] == '0':
		return all(r[1:], func(c byte) bool { return c >= '0' && c <= '7' })
	}
	// [1-9](?:[0-9]|,[0-9]|_[0-9])*
	if !isDigit(r[0]) {
		return false
	}
	for j := 1; j < len(r); j++ {
		c := r[j]
		if isDigit(c) {
			continue
		}
		if (c == ',' || c == '_') && j+1 < len(r) && isDigit(r[j+1]) {
			j++
			continue
		}
		return false
	}
	return true
}

func stripCommas(s string) string {
	if strings.IndexAny(s, ",_") < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != ',' && s[i] != '_' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
