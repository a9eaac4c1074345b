package ruby

import (
	"strconv"
	"time"
)

// Flags of one strftime conversion, as Ruby's strftime.c keeps them.
const (
	flagLeft   = 1 << iota // '-': no padding at all
	flagUpper              // '^': upcase the result
	flagLower              // set internally (%P, %#p, %#Z)
	flagChCase             // '#': "change case", whose meaning depends on the directive
)

var (
	weekdayNames = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	monthNames   = [...]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
)

// maxWidth bounds a conversion's width so that a hostile format cannot make
// us allocate gigabytes; Ruby raises for widths this large anyway.
const maxWidth = 1 << 16

// Strftime formats t as Ruby's Time#strftime does, directive for directive,
// including the flags - _ 0 ^ # and explicit widths (%-d, %_5m, %010A, %3N,
// %:z, %::z, %:::z) and the E/O modifiers, which Ruby accepts and ignores.
//
// A time whose Location is time.UTC is in Ruby's "UTC mode" (Time.utc,
// Time.parse of "...Z"): %Z prints "UTC" and %-z prints "-0000". Any other
// location prints the zone abbreviation Go knows for it; fixed offsets made by
// ParseTime have an empty name, as Ruby's do.
//
// An unknown directive is copied as written, flags and all, as Ruby does.
// Ruby raises ArgumentError when the format ends inside a directive ("%",
// "%-", "%10"); Strftime copies that tail instead (see StrftimeErr).
func Strftime(t time.Time, format string) string {
	if format == xmlSchema {
		// Time#xmlschema, which every feed, sitemap and SEO tag prints for
		// every page: Go's layout gives the same bytes for years 0-9999
		// and whole-minute offsets.
		if b, ok := appendXMLSchema(make([]byte, 0, 25), t); ok {
			return string(b)
		}
	}
	buf := make([]byte, 0, len(format)+16)
	buf, _ = appendStrftime(buf, t, format)
	return string(buf)
}

const xmlSchema = "%Y-%m-%dT%H:%M:%S%:z"

// appendXMLSchema appends t as Time#xmlschema for years 0-9999 and
// whole-minute offsets (ok false otherwise).
func appendXMLSchema(b []byte, t time.Time) ([]byte, bool) {
	y, mo, d := t.Date()
	_, off := t.Zone()
	if y < 0 || y > 9999 || off%60 != 0 {
		return b, false
	}
	h, mi, s := t.Clock()
	two := func(b []byte, n int) []byte { return append(b, byte('0'+n/10), byte('0'+n%10)) }
	b = two(two(b, y/100), y%100)
	b = two(append(b, '-'), int(mo))
	b = two(append(b, '-'), d)
	b = two(append(b, 'T'), h)
	b = two(append(b, ':'), mi)
	b = two(append(b, ':'), s)
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	b = two(append(b, sign), off/3600)
	b = two(append(b, ':'), off/60%60)
	return b, true
}

// StrftimeErr is Strftime, but reports the formats Ruby rejects
// ("invalid format: ...") as an error.
func StrftimeErr(t time.Time, format string) (string, error) {
	buf := make([]byte, 0, len(format)+16)
	buf, ok := appendStrftime(buf, t, format)
	if !ok {
		return "", &ArgumentError{Msg: "invalid format: " + format}
	}
	return string(buf), nil
}

// ArgumentError is the error for input on which Ruby raises ArgumentError.
type ArgumentError struct{ Msg string }

func (e *ArgumentError) Error() string { return e.Msg }

// AppendStrftime appends Strftime(t, format) to buf, for callers that
// format many times into one buffer.
func AppendStrftime(buf []byte, t time.Time, format string) []byte {
	buf, _ = appendStrftime(buf, t, format)
	return buf
}

// appendStrftime reports false when the format ends in an incomplete
// directive, which Ruby rejects.
func appendStrftime(buf []byte, t time.Time, format string) ([]byte, bool) {
	valid := true
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			buf = append(buf, c)
			continue
		}
		start := i
		flags := 0
		var padding byte
		width := 0
		colons := 0
		i++
	again:
		if i >= len(format) {
			// Ruby: "invalid format". Keep the text.
			buf = append(buf, format[start:]...)
			valid = false
			break
		}
		switch d := format[i]; d {
		case '-':
			flags |= flagLeft
			padding = 0
			width = 0
			i++
			goto again
		case '^':
			flags |= flagUpper
			i++
			goto again
		case '#':
			flags |= flagChCase
			i++
			goto again
		case '_':
			padding = ' '
			i++
			goto again
		case ':':
			n := 1
			for i+n < len(format) && format[i+n] == ':' {
				n++
			}
			switch {
			case n >= 4:
				// Ruby's colon scan stops after four colons and goes on
				// with the next character as if nothing had happened.
				colons = 4
				i += 4
				goto again
			case i+n < len(format) && format[i+n] == 'z':
				colons = n
				i += n
				goto again
			}
			// Ruby prints what it has read and resumes after the colons.
			buf = append(buf, format[start:i+n]...)
			i += n - 1
			continue
		case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			if d == '0' {
				padding = '0'
			}
			j := i
			w := 0
			for j < len(format) && format[j] >= '0' && format[j] <= '9' {
				if w <= maxWidth {
					w = w*10 + int(format[j]-'0')
				}
				j++
			}
			if w > maxWidth {
				buf = append(buf, format[start:j]...)
				i = j - 1
				continue
			}
			width = w
			i = j
			goto again
		case 'E':
			if i+1 < len(format) && isByteIn(format[i+1], "cCxXyY") {
				i++
				goto again
			}
			buf = append(buf, format[start:i+1]...)
			continue
		case 'O':
			if i+1 < len(format) && isByteIn(format[i+1], "deHkIlmMSuUVwWy") {
				i++
				goto again
			}
			buf = append(buf, format[start:i+1]...)
			continue
		default:
			var ok bool
			buf, ok = appendDirective(buf, t, d, flags, padding, width, colons)
			if !ok {
				buf = append(buf, format[start:i+1]...)
			}
		}
	}
	return buf, valid
}

func isByteIn(c byte, set string) bool {
	for i := 0; i < len(set); i++ {
		if set[i] == c {
			return true
		}
	}
	return false
}

// appendDirective appends one conversion; false means the directive is
// unknown and should be printed verbatim.
func appendDirective(buf []byte, t time.Time, d byte, flags int, padding byte, width, colons int) ([]byte, bool) {
	switch d {
	case 'a', 'A', 'b', 'B', 'h':
		if flags&flagChCase != 0 {
			flags = flags&^(flagLower|flagChCase) | flagUpper
		}
		var s string
		switch d {
		case 'a':
			s = weekdayNames[t.Weekday()][:3]
		case 'A':
			s = weekdayNames[t.Weekday()]
		case 'B':
			s = monthNames[t.Month()-1]
		default:
			s = monthNames[t.Month()-1][:3]
		}
		return appendStr(buf, s, flags, padding, width), true
	case 'p', 'P':
		if (d == 'p' && flags&flagChCase != 0) || (d == 'P' && flags&(flagChCase|flagUpper) == 0) {
			flags = flags&^(flagUpper|flagChCase) | flagLower
		}
		s := "AM"
		if t.Hour() >= 12 {
			s = "PM"
		}
		return appendStr(buf, s, flags, padding, width), true
	case 'Z':
		if flags&flagChCase != 0 {
			flags = flags&^(flagUpper|flagChCase) | flagLower
		}
		var s string
		if t.Location() == time.UTC {
			s = "UTC"
		} else {
			s, _ = t.Zone()
		}
		if s == "" {
			return buf, true
		}
		return appendStr(buf, s, flags, padding, width), true
	case 'c':
		return appendComposite(buf, t, "%a %b %e %H:%M:%S %Y", flags, padding, width), true
	case 'x', 'D':
		return appendComposite(buf, t, "%m/%d/%y", flags, padding, width), true
	case 'X', 'T':
		return appendComposite(buf, t, "%H:%M:%S", flags, padding, width), true
	case 'F':
		return appendComposite(buf, t, "%Y-%m-%d", flags, padding, width), true
	case 'r':
		return appendComposite(buf, t, "%I:%M:%S %p", flags, padding, width), true
	case 'R':
		return appendComposite(buf, t, "%H:%M", flags, padding, width), true
	case 'v':
		return appendComposite(buf, t, "%e-%^b-%4Y", flags, padding, width), true
	case 'C':
		return appendNum(buf, int64(floorDiv(t.Year(), 100)), '0', 2, flags, padding, width), true
	case 'd':
		return appendNum(buf, int64(t.Day()), '0', 2, flags, padding, width), true
	case 'e':
		return appendNum(buf, int64(t.Day()), ' ', 2, flags, padding, width), true
	case 'H':
		return appendNum(buf, int64(t.Hour()), '0', 2, flags, padding, width), true
	case 'k':
		return appendNum(buf, int64(t.Hour()), ' ', 2, flags, padding, width), true
	case 'I':
		return appendNum(buf, int64(hour12(t.Hour())), '0', 2, flags, padding, width), true
	case 'l':
		return appendNum(buf, int64(hour12(t.Hour())), ' ', 2, flags, padding, width), true
	case 'j':
		return appendNum(buf, int64(t.YearDay()), '0', 3, flags, padding, width), true
	case 'm':
		return appendNum(buf, int64(t.Month()), '0', 2, flags, padding, width), true
	case 'M':
		return appendNum(buf, int64(t.Minute()), '0', 2, flags, padding, width), true
	case 'S':
		return appendNum(buf, int64(t.Second()), '0', 2, flags, padding, width), true
	case 's':
		return appendNum(buf, t.Unix(), '0', 1, flags, padding, width), true
	case 'u':
		wd := int(t.Weekday())
		if wd == 0 {
			wd = 7
		}
		return appendNum(buf, int64(wd), '0', 1, flags, padding, width), true
	case 'w':
		return appendNum(buf, int64(t.Weekday()), '0', 1, flags, padding, width), true
	case 'U':
		return appendNum(buf, int64(weekNumber(t, 0)), '0', 2, flags, padding, width), true
	case 'W':
		return appendNum(buf, int64(weekNumber(t, 1)), '0', 2, flags, padding, width), true
	case 'V':
		_, w := t.ISOWeek()
		return appendNum(buf, int64(w), '0', 2, flags, padding, width), true
	case 'G':
		y, _ := t.ISOWeek()
		return appendYear(buf, y, flags, padding, width), true
	case 'g':
		y, _ := t.ISOWeek()
		return appendNum(buf, int64(floorMod(y, 100)), '0', 2, flags, padding, width), true
	case 'Y':
		return appendYear(buf, t.Year(), flags, padding, width), true
	case 'y':
		return appendNum(buf, int64(floorMod(t.Year(), 100)), '0', 2, flags, padding, width), true
	case 'L':
		return appendSubsec(buf, t, 3, width), true
	case 'N':
		return appendSubsec(buf, t, 9, width), true
	case 'z':
		if colons > 3 {
			return buf, false
		}
		return appendZone(buf, t, flags, padding, width, colons), true
	case 'n':
		return appendStr(buf, "\n", flags, padding, width), true
	case 't':
		return appendStr(buf, "\t", flags, padding, width), true
	case '%':
		return appendStr(buf, "%", flags, padding, width), true
	}
	return buf, false
}

func hour12(h int) int {
	h %= 12
	if h == 0 {
		return 12
	}
	return h
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int) int { return a - floorDiv(a, b)*b }

// weekNumber is %U (firstDay 0, weeks start on Sunday) or %W (firstDay 1).
func weekNumber(t time.Time, firstDay int) int {
	wd := int(t.Weekday())
	if firstDay == 1 {
		wd = (wd + 6) % 7
	}
	return (t.YearDay() - 1 + 7 - wd) / 7
}

// appendStr pads a textual conversion: spaces unless the 0 flag, none with -.
func appendStr(buf []byte, s string, flags int, padding byte, width int) []byte {
	if flags&flagLeft == 0 && width > len(s) {
		p := padding
		if p == 0 {
			p = ' '
		}
		for n := width - len(s); n > 0; n-- {
			buf = append(buf, p)
		}
	}
	start := len(buf)
	buf = append(buf, s...)
	switch {
	case flags&flagUpper != 0:
		upcaseASCII(buf[start:])
	case flags&flagLower != 0:
		downcaseASCII(buf[start:])
	}
	return buf
}

func upcaseASCII(b []byte) {
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
	}
}

func downcaseASCII(b []byte) {
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
}

// appendNum is Ruby's FMT macro: printf("%0*ld") or ("%*ld") with the
// directive's default padding and precision, overridden by the flags.
func appendNum(buf []byte, v int64, defPad byte, defWidth, flags int, padding byte, width int) []byte {
	w := width
	if flags&flagLeft != 0 {
		w = 1
	} else if w <= 0 {
		w = defWidth
	}
	zero := padding == '0' || (padding == 0 && defPad == '0')
	var digits [24]byte
	s := strconv.AppendInt(digits[:0], v, 10)
	if len(s) >= w {
		return append(buf, s...)
	}
	n := w - len(s)
	if !zero {
		for ; n > 0; n-- {
			buf = append(buf, ' ')
		}
		return append(buf, s...)
	}
	if s[0] == '-' {
		buf = append(buf, '-')
		s = s[1:]
	}
	for ; n > 0; n-- {
		buf = append(buf, '0')
	}
	return append(buf, s...)
}

func appendYear(buf []byte, y int, flags int, padding byte, width int) []byte {
	def := 4
	if y < 0 {
		def = 5
	}
	return appendNum(buf, int64(y), '0', def, flags, padding, width)
}

// appendSubsec is %L and %N: the fraction of the second truncated (never
// rounded) to width digits, or padded with zeros on the right past 9.
func appendSubsec(buf []byte, t time.Time, defDigits, width int) []byte {
	if width <= 0 {
		width = defDigits
	}
	var digits [9]byte
	ns := t.Nanosecond()
	for i := 8; i >= 0; i-- {
		digits[i] = byte('0' + ns%10)
		ns /= 10
	}
	if width <= 9 {
		return append(buf, digits[:width]...)
	}
	buf = append(buf, digits[:]...)
	for n := width - 9; n > 0; n-- {
		buf = append(buf, '0')
	}
	return buf
}

// appendComposite is a directive that stands for a whole format (%c, %F,
// %T...): Ruby formats it, upcases it for ^, and pads the whole to width,
// even under the - flag.
func appendComposite(buf []byte, t time.Time, format string, flags int, padding byte, width int) []byte {
	start := len(buf)
	buf, _ = appendStrftime(buf, t, format)
	if flags&flagUpper != 0 {
		upcaseASCII(buf[start:])
	}
	n := len(buf) - start
	if width > n {
		p := padding
		if p == 0 {
			p = ' '
		}
		pad := width - n
		for k := 0; k < pad; k++ {
			buf = append(buf, 0)
		}
		copy(buf[start+pad:], buf[start:start+n])
		for k := 0; k < pad; k++ {
			buf[start+k] = p
		}
	}
	return buf
}

// appendZone is %z, %:z, %::z and %:::z, following strftime.c: the hours
// are printed with printf("%+.*ld") (or "%+*ld" for the _ flag) so a width
// widens the hour field only, and a UTC-mode time prints "-0000" under the
// - flag (RFC 2822's "no zone information").
func appendZone(buf []byte, t time.Time, flags int, padding byte, width, colons int) []byte {
	_, off := t.Zone()
	gmt := t.Location() == time.UTC
	if gmt {
		off = 0
	}
	neg := off < 0 || (gmt && flags&flagLeft != 0)
	aoff := off
	if aoff < 0 {
		aoff = -aoff
	}
	prec := 2
	switch colons {
	case 0:
		if width > 5 {
			prec = width - 3
		}
	case 1:
		if width > 6 {
			prec = width - 4
		}
	case 2:
		if width > 9 {
			prec = width - 7
		}
	case 3:
		switch {
		case aoff%3600 == 0:
			if width > 3 {
				prec = width - 1
			}
		case aoff%60 == 0:
			if width > 6 {
				prec = width - 4
			}
		default:
			if width > 9 {
				prec = width - 7
			}
		}
	}
	sign := byte('+')
	if neg {
		sign = '-'
	}
	hours := strconv.Itoa(aoff / 3600)
	if padding == ' ' {
		// "%+*ld" with field width prec+1: spaces, then sign, then digits.
		for n := prec + 1 - (len(hours) + 1); n > 0; n-- {
			buf = append(buf, ' ')
		}
		buf = append(buf, sign)
		buf = append(buf, hours...)
	} else {
		buf = append(buf, sign)
		for n := prec - len(hours); n > 0; n-- {
			buf = append(buf, '0')
		}
		buf = append(buf, hours...)
	}
	rem := aoff % 3600
	if colons == 3 && rem == 0 {
		return buf
	}
	if colons >= 1 {
		buf = append(buf, ':')
	}
	buf = append2(buf, rem/60)
	rem %= 60
	if colons == 3 && rem == 0 {
		return buf
	}
	if colons >= 2 {
		buf = append(buf, ':')
		buf = append2(buf, rem)
	}
	return buf
}

func append2(buf []byte, v int) []byte {
	return append(buf, byte('0'+v/10), byte('0'+v%10))
}
