package ruby

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// ParseTime reads s as Ruby's Time.parse does (Date._parse's heuristics,
// then Time.make_time), with loc standing for Ruby's local zone (the TZ Jekyll
// sets from the site's timezone). Fields missing before the first given one
// are taken from the current time, as in Ruby; see ParseTimeAt. A loc of
// time.UTC is read as a local zone that happens to be UTC, so a string
// without a zone prints "+0000" through TimeString, as in Ruby.
func ParseTime(s string, loc *time.Location) (time.Time, error) {
	return ParseTimeAt(s, loc, time.Now())
}

// ParseTimeAt is ParseTime with "now" given, so that "10:00" or "5 Jan" read
// the same in a test as in a build started at that instant.
//
// The result's Location tells what Ruby would hold: time.UTC for "Z", "UTC"
// and "-00:00" (UTC mode); loc when the string has no zone, or has one equal
// to loc's offset at that instant; otherwise a fixed zone with an empty name
// (Ruby's Time with a bare utc_offset, whose %Z is empty).
//
// Covered are the Date._parse rules real dates use: weekday names, times
// with seconds, fractions, am/pm and zones; "5 Jan 2021", "Jan 5, 2021",
// "2021-01-05", "2021/01/05", "05/01/2021", "5.1.2021", "2021-005",
// "'21", "Jan", "5th", and runs of digits such as "20210105T1030Z".
// Ruby's rarer forms (ISO week dates, Japanese era dates, VMS dates, BC
// years) are not, and read as if that part were absent.
func ParseTimeAt(s string, loc *time.Location, now time.Time) (time.Time, error) {
	if loc == nil {
		loc = time.Local
	}
	if loc == time.UTC {
		// time.UTC means Ruby's UTC mode, which Time.parse only gives for
		// "Z"/"UTC" zones; a local zone that is UTC prints "+0000".
		loc = localUTC
	}
	if len(s) > 128 {
		return time.Time{}, &ArgumentError{Msg: fmt.Sprintf("string length (%d) exceeds the limit 128", len(s))}
	}
	h := dateParse(s)
	if !h.has(fYear | fYday | fMon | fMday | fHour | fMin | fSec | fFrac) {
		return time.Time{}, &ArgumentError{Msg: "no time information in " + Inspect(s)}
	}
	return h.makeTime(loc, now)
}

// Field bits of a parsed date, Date._parse's hash keys.
const (
	fYear = 1 << iota
	fMon
	fMday
	fYday
	fHour
	fMin
	fSec
	fFrac
	fZone
	fNoComp // "_comp" false: the year was written with 3+ digits or a sign
)

type dateHash struct {
	set                                   int
	year, mon, mday, yday, hour, min, sec int
	fracNum                               string // the digits after the point
	zone                                  string
}

func (h *dateHash) has(f int) bool { return h.set&f != 0 }

// parser is one of Date._parse's steps: find the pattern, hand the match to
// the callback, and blank the matched text so that later steps do not see it.
type parser struct {
	re *regexp.Regexp
	cb func(h *dateHash, s string, m []int) bool
}

const months = `jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec`

var (
	reNotAllowed = regexp.MustCompile(`[^-+',./:@0-9A-Za-z\[\]]+`)
	reDay        = regexp.MustCompile(`(?i)\b(sun|mon|tue|wed|thu|fri|sat)[^-/\d\s]*`)
	reTime       = regexp.MustCompile(`(?i)(\d+\s*(?:(?::\s*\d+(?:\s*:\s*\d+(?:[,.]\d*)?)?|h(?:\s*\d+m?(?:\s*\d+s?)?)?)(?:\s*[ap](?:m\b|\.m\.))?|[ap](?:m\b|\.m\.)))(?:\s*((?:gmt|utc?)?[-+]\d+(?:[,.:]\d+(?::\d+)?)?|(?-i:[[:alpha:].\s]+)(?:standard|daylight)\stime\b|(?-i:[[:alpha:]]+)(?:\sdst)?\b))?`)
	reTime2      = regexp.MustCompile(`(?i)\A(\d+)h?(?:\s*:?\s*(\d+)m?(?:\s*:?\s*(\d+)(?:[,.](\d+))?s?)?)?(?:\s*([ap])(?:m\b|\.m\.))?`)
	reEU         = regexp.MustCompile(`(?i)('?\d+)[^-\d\s']*\s*(` + months + `)[^-\d\s']*(?:\s*(c(?:e|\.e\.)|b(?:ce|\.c\.e\.)|a(?:d|\.d\.)|b(?:c|\.c\.))?\s*('?-?\d+(?:(?:st|nd|rd|th)\b)?))?`)
	reUS         = regexp.MustCompile(`(?i)\b(` + months + `)[^-\d\s']*\s*('?\d+)[^-\d\s']*(?:\s*,?\s*(c(?:e|\.e\.)|b(?:ce|\.c\.e\.)|a(?:d|\.d\.)|b(?:c|\.c\.))?\s*('?-?\d+))?`)
	reISO        = regexp.MustCompile(`('?[-+]?\d+)-(\d+)-('?-?\d+)`)
	reSla        = regexp.MustCompile(`('?-?\d+)/\s*('?\d+)(?:\D\s*('?-?\d+))?`)
	reDot        = regexp.MustCompile(`('?-?\d+)\.\s*('?\d+)\.\s*('?-?\d+)`)
	reISO23      = regexp.MustCompile(`--(\d{2})?-(\d{2})\b`)
	reISO24      = regexp.MustCompile(`--(\d{2})(\d{2})?\b`)
	reISO25Guard = regexp.MustCompile(`[,.](\d{2}|\d{4})-\d{3}\b`)
	reISO25      = regexp.MustCompile(`\b(\d{2}|\d{4})-(\d{3})\b`)
	reISO26Guard = regexp.MustCompile(`\d-\d{3}\b`)
	reISO26      = regexp.MustCompile(`\b-(\d{3})\b`)
	reYear       = regexp.MustCompile(`'(\d+)\b`)
	reMon        = regexp.MustCompile(`(?i)\b(` + months + `)\S*`)
	reMday       = regexp.MustCompile(`(?i)(\d+)(st|nd|rd|th)\b`)
	reDDD        = regexp.MustCompile(`(?i)([-+]?)(\d{2,14})(?:\s*t?\s*(\d{2,6})?(?:[,.](\d*))?)?(?:\s*(z\b|[-+]\d{1,4}\b|\[[-+]?\d[^\]]*\]))?`)
	reFrag       = regexp.MustCompile(`\A\s*(\d{1,2})\s*\z`)
)

// sub runs one parse step on *s: on a match it calls cb and replaces the
// whole match with one space, as date_parse.c's subx does.
func sub(s *string, h *dateHash, re *regexp.Regexp, cb func(h *dateHash, s string, m []int) bool) bool {
	m := re.FindStringSubmatchIndex(*s)
	if m == nil {
		return false
	}
	src := *s
	if !cb(h, src, m) {
		return false
	}
	*s = src[:m[0]] + " " + src[m[1]:]
	return true
}

func group(s string, m []int, i int) (string, bool) {
	if m[2*i] < 0 {
		return "", false
	}
	return s[m[2*i]:m[2*i+1]], true
}

func dateParse(src string) *dateHash {
	h := &dateHash{}
	s := reNotAllowed.ReplaceAllString(src, " ")
	hasAlpha, hasDigit, hasDash, hasDot, hasSlash := false, false, false, false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			hasDigit = true
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			hasAlpha = true
		case c == '-':
			hasDash = true
		case c == '.':
			hasDot = true
		case c == '/':
			hasSlash = true
		}
	}
	if hasAlpha {
		sub(&s, h, reDay, func(*dateHash, string, []int) bool { return true })
	}
	if hasDigit {
		sub(&s, h, reTime, parseTimeCB)
	}
	// The first of these that matches ends the date part, as in Ruby.
	switch {
	case hasAlpha && hasDigit && sub(&s, h, reEU, parseEUCB):
	case hasAlpha && hasDigit && sub(&s, h, reUS, parseUSCB):
	case hasDigit && hasDash && sub(&s, h, reISO, parse3CB):
	case hasDigit && hasSlash && sub(&s, h, reSla, parse3CB):
	case hasDigit && hasDot && sub(&s, h, reDot, parse3CB):
	case hasDigit && parseISO2(&s, h):
	case hasDigit && sub(&s, h, reYear, parseYearCB):
	case hasAlpha && sub(&s, h, reMon, parseMonCB):
	case hasDigit && sub(&s, h, reMday, parseMdayCB):
	case hasDigit && sub(&s, h, reDDD, parseDDDCB):
	}
	if hasDigit {
		parseFrag(s, h)
	}
	// Two-digit years mean 1969-2068 unless written with 3+ digits or a sign.
	if h.has(fYear) && !h.has(fNoComp) && h.year >= 0 && h.year <= 99 {
		if h.year >= 69 {
			h.year += 1900
		} else {
			h.year += 2000
		}
	}
	return h
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			break
		}
		if n < 1e9 {
			n = n*10 + int(c-'0')
		}
	}
	return n
}

// signedAtoi reads an optional sign and digits, skipping a leading quote.
func signedAtoi(s string) int {
	s = strings.TrimLeft(s, "'")
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	n := atoi(s)
	if neg {
		return -n
	}
	return n
}

func parseTimeCB(h *dateHash, s string, m []int) bool {
	t, _ := group(s, m, 1)
	if z, ok := group(s, m, 2); ok {
		h.zone = z
		h.set |= fZone
	}
	tm := reTime2.FindStringSubmatch(t)
	if tm == nil {
		return true
	}
	hour := atoi(tm[1])
	if tm[5] != "" {
		hour %= 12
		if tm[5] == "p" || tm[5] == "P" {
			hour += 12
		}
	}
	h.hour = hour
	h.set |= fHour
	if tm[2] != "" {
		h.min = atoi(tm[2])
		h.set |= fMin
	}
	if tm[3] != "" {
		h.sec = atoi(tm[3])
		h.set |= fSec
	}
	if tm[4] != "" {
		h.fracNum = tm[4]
		h.set |= fFrac
	}
	return true
}

func monthNumber(name string) int {
	return strings.Index(months, strings.ToLower(name[:3]))/4 + 1
}

func parseEUCB(h *dateHash, s string, m []int) bool {
	d, _ := group(s, m, 1)
	mon, _ := group(s, m, 2)
	y, hasY := group(s, m, 4)
	s3e(h, y, hasY, strconv.Itoa(monthNumber(mon)), true, d, true)
	return true
}

func parseUSCB(h *dateHash, s string, m []int) bool {
	mon, _ := group(s, m, 1)
	d, _ := group(s, m, 2)
	y, hasY := group(s, m, 4)
	s3e(h, y, hasY, strconv.Itoa(monthNumber(mon)), true, d, true)
	return true
}

func parse3CB(h *dateHash, s string, m []int) bool {
	y, hy := group(s, m, 1)
	mo, hm := group(s, m, 2)
	d, hd := group(s, m, 3)
	s3e(h, y, hy, mo, hm, d, hd)
	return true
}

func digitSpan(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// s3e is date_parse.c's s3e: given three fields in the order written, it
// decides which is the year (the one with a quote, or more than two
// digits) and which the day, and records year, mon and mday.
func s3e(h *dateHash, y string, hy bool, m string, hm bool, d string, hd bool) {
	if hy && hm && !hd {
		y, m, d = d, y, m
		hy, hm, hd = hd, hy, hm
	}
	if !hy {
		if hd && len(d) > 2 {
			y, hy, d, hd = d, true, "", false
		}
		if hd && d[0] == '\'' {
			y, hy, d, hd = d, true, "", false
		}
	}
	if hy {
		i := 0
		for i < len(y) && y[i] != '+' && y[i] != '-' && !(y[i] >= '0' && y[i] <= '9') {
			i++
		}
		if i < len(y) {
			bp := i
			if y[i] == '+' || y[i] == '-' {
				i++
			}
			i += digitSpan(y[i:])
			if i < len(y) {
				// Something follows the digits ("5th"): that is the day.
				y, hy, d, hd = d, hd, y[bp:], true
			}
		}
	}
	if hm && (m[0] == '\'' || len(m) > 2) {
		// Year first: y-m-d written as m holding the year.
		y, m, d = m, d, y
		hy, hm, hd = hm, hd, hy
	}
	if hd && (d[0] == '\'' || len(d) > 2) {
		y, d = d, y
		hy, hd = hd, hy
	}
	if hy {
		i := 0
		for i < len(y) && y[i] != '+' && y[i] != '-' && !(y[i] >= '0' && y[i] <= '9') {
			i++
		}
		if i < len(y) {
			bp := i
			sign := false
			if y[i] == '+' || y[i] == '-' {
				i++
				sign = true
			}
			l := digitSpan(y[i:])
			if sign || l > 2 {
				h.set |= fNoComp
			}
			h.year = signedAtoi(y[bp : i+l])
			h.set |= fYear
		}
	}
	if hm {
		if v, ok := firstNumber(m); ok {
			h.mon = v
			h.set |= fMon
		}
	}
	if hd {
		if v, ok := firstNumber(d); ok {
			h.mday = v
			h.set |= fMday
		}
	}
}

// firstNumber reads the first run of digits in s.
func firstNumber(s string) (int, bool) {
	i := 0
	for i < len(s) && !(s[i] >= '0' && s[i] <= '9') {
		i++
	}
	if i == len(s) {
		return 0, false
	}
	return atoi(s[i:]), true
}

func parseISO2(s *string, h *dateHash) bool {
	if sub(s, h, reISO23, func(h *dateHash, s string, m []int) bool {
		if mo, ok := group(s, m, 1); ok {
			h.mon = atoi(mo)
			h.set |= fMon
		}
		d, _ := group(s, m, 2)
		h.mday = atoi(d)
		h.set |= fMday
		return true
	}) {
		return true
	}
	if sub(s, h, reISO24, func(h *dateHash, s string, m []int) bool {
		mo, _ := group(s, m, 1)
		h.mon = atoi(mo)
		h.set |= fMon
		if d, ok := group(s, m, 2); ok {
			h.mday = atoi(d)
			h.set |= fMday
		}
		return true
	}) {
		return true
	}
	if !reISO25Guard.MatchString(*s) && sub(s, h, reISO25, func(h *dateHash, s string, m []int) bool {
		y, _ := group(s, m, 1)
		d, _ := group(s, m, 2)
		h.year = atoi(y)
		h.yday = atoi(d)
		h.set |= fYear | fYday
		return true
	}) {
		return true
	}
	if !reISO26Guard.MatchString(*s) && sub(s, h, reISO26, func(h *dateHash, s string, m []int) bool {
		d, _ := group(s, m, 1)
		h.yday = atoi(d)
		h.set |= fYday
		return true
	}) {
		return true
	}
	return false
}

func parseYearCB(h *dateHash, s string, m []int) bool {
	y, _ := group(s, m, 1)
	h.year = atoi(y)
	h.set |= fYear
	return true
}

func parseMonCB(h *dateHash, s string, m []int) bool {
	mon, _ := group(s, m, 1)
	h.mon = monthNumber(mon)
	h.set |= fMon
	return true
}

func parseMdayCB(h *dateHash, s string, m []int) bool {
	d, _ := group(s, m, 1)
	h.mday = atoi(d)
	h.set |= fMday
	return true
}

// parseDDDCB reads a run of digits by its length: 2 is a day, 4 month and
// day, 6 yymmdd, 8 yyyymmdd, up to 14 yyyymmddhhmmss; with a fraction and
// no time part the digits count back from the seconds instead.
func parseDDDCB(h *dateHash, s string, m []int) bool {
	sign, _ := group(s, m, 1)
	s2, _ := group(s, m, 2)
	s3, h3 := group(s, m, 3)
	s4, h4 := group(s, m, 4)
	s5, h5 := group(s, m, 5)
	secFirst := !h3 && h4
	n := func(a, b int) int { return atoi(s2[a:b]) }
	l2 := len(s2)
	set := func(f int, v int) {
		switch f {
		case fYear:
			h.year = v
		case fMon:
			h.mon = v
		case fMday:
			h.mday = v
		case fYday:
			h.yday = v
		case fHour:
			h.hour = v
		case fMin:
			h.min = v
		case fSec:
			h.sec = v
		}
		h.set |= f
	}
	year := func(digits string) int {
		v := atoi(digits)
		if sign == "-" {
			v = -v
		}
		return v
	}
	switch l2 {
	case 2:
		if secFirst {
			set(fSec, n(0, 2))
		} else {
			set(fMday, n(0, 2))
		}
	case 4:
		if secFirst {
			set(fSec, n(2, 4))
			set(fMin, n(0, 2))
		} else {
			set(fMon, n(0, 2))
			set(fMday, n(2, 4))
		}
	case 6:
		if secFirst {
			set(fSec, n(4, 6))
			set(fMin, n(2, 4))
			set(fHour, n(0, 2))
		} else {
			set(fYear, year(s2[0:2]))
			set(fMon, n(2, 4))
			set(fMday, n(4, 6))
		}
	case 8, 10, 12, 14:
		if secFirst {
			set(fSec, n(l2-2, l2))
			set(fMin, n(l2-4, l2-2))
			set(fHour, n(l2-6, l2-4))
			set(fMday, n(l2-8, l2-6))
			if l2 >= 10 {
				set(fMon, n(l2-10, l2-8))
			}
			if l2 == 12 {
				set(fYear, year(s2[0:2]))
			}
			if l2 == 14 {
				set(fYear, year(s2[0:4]))
				h.set |= fNoComp
			}
		} else {
			set(fYear, year(s2[0:4]))
			set(fMon, n(4, 6))
			set(fMday, n(6, 8))
			if l2 >= 10 {
				set(fHour, n(8, 10))
			}
			if l2 >= 12 {
				set(fMin, n(10, 12))
			}
			if l2 >= 14 {
				set(fSec, n(12, 14))
			}
			h.set |= fNoComp
		}
	case 3:
		if secFirst {
			set(fSec, n(1, 3))
			set(fMin, n(0, 1))
		} else {
			set(fYday, n(0, 3))
		}
	case 5:
		if secFirst {
			set(fSec, n(3, 5))
			set(fMin, n(1, 3))
			set(fHour, n(0, 1))
		} else {
			set(fYear, year(s2[0:2]))
			set(fYday, n(2, 5))
		}
	case 7:
		if secFirst {
			set(fSec, n(5, 7))
			set(fMin, n(3, 5))
			set(fHour, n(1, 3))
			set(fMday, n(0, 1))
		} else {
			set(fYear, year(s2[0:4]))
			set(fYday, n(4, 7))
		}
	}
	if h3 {
		l3 := len(s3)
		t := func(a, b int) int { return atoi(s3[a:b]) }
		if h4 {
			switch l3 {
			case 2, 4, 6:
				set(fSec, t(l3-2, l3))
				if l3 >= 4 {
					set(fMin, t(l3-4, l3-2))
				}
				if l3 >= 6 {
					set(fHour, t(l3-6, l3-4))
				}
			}
		} else {
			switch l3 {
			case 2, 4, 6:
				set(fHour, t(0, 2))
				if l3 >= 4 {
					set(fMin, t(2, 4))
				}
				if l3 >= 6 {
					set(fSec, t(4, 6))
				}
			}
		}
	}
	if h4 && s4 != "" {
		h.fracNum = s4
		h.set |= fFrac
	}
	if h5 {
		if s5[0] == '[' {
			// "[-5:EST]" style: the name if there is one, else the offset.
			z := s5[1 : len(s5)-1]
			if i := strings.IndexByte(z, ':'); i >= 0 {
				z = z[i+1:]
			} else if z != "" && z[0] != '+' && z[0] != '-' {
				z = "+" + z
			}
			s5 = z
		}
		h.zone = s5
		h.set |= fZone
	}
	return true
}

func parseFrag(s string, h *dateHash) {
	m := reFrag.FindStringSubmatch(s)
	if m == nil {
		return
	}
	v := atoi(m[1])
	if h.has(fHour) && !h.has(fMday) {
		if v >= 1 && v <= 31 {
			h.mday = v
			h.set |= fMday
		}
	}
	if h.has(fMday) && !h.has(fHour) {
		if v >= 0 && v <= 24 {
			h.hour = v
			h.set |= fHour
		}
	}
}

// localUTC is a local zone named UTC with no offset: Ruby's local time on a
// machine whose TZ is UTC. It is never modified.
var localUTC = time.FixedZone("UTC", 0)

// zoneOffsets are Time::ZoneOffset of Ruby's time.rb, in hours.
var zoneOffsets = map[string]int{
	"UTC": 0, "Z": 0, "UT": 0, "GMT": 0,
	"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
	"A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8, "I": 9, "K": 10, "L": 11, "M": 12,
	"N": -1, "O": -2, "P": -3, "Q": -4, "R": -5, "S": -6, "T": -7, "U": -8, "V": -9, "W": -10, "X": -11, "Y": -12,
}

// parseOffset reads "+09:00", "+0900", "-05", "+05:30:15" (Time.zone_offset's
// numeric forms) as seconds east of UTC.
func parseOffset(z string) (int, bool) {
	if len(z) < 3 || (z[0] != '+' && z[0] != '-') {
		return 0, false
	}
	neg := z[0] == '-'
	r := z[1:]
	isDigits := func(s string) bool { return len(s) == 2 && digitSpan(s) == 2 }
	var hh, mm, ss string
	switch {
	case len(r) == 2 && isDigits(r):
		hh = r
	case len(r) == 4 && digitSpan(r) == 4:
		hh, mm = r[:2], r[2:]
	case len(r) == 6 && digitSpan(r) == 6:
		hh, mm, ss = r[:2], r[2:4], r[4:]
	case len(r) == 5 && r[2] == ':' && isDigits(r[:2]) && isDigits(r[3:]):
		hh, mm = r[:2], r[3:]
	case len(r) == 8 && r[2] == ':' && r[5] == ':' && isDigits(r[:2]) && isDigits(r[3:5]) && isDigits(r[6:]):
		hh, mm, ss = r[:2], r[3:5], r[6:]
	default:
		return 0, false
	}
	off := (atoi(hh)*60+atoi(mm))*60 + atoi(ss)
	if neg {
		off = -off
	}
	return off, true
}

// zoneOffset is Time.zone_offset: a numeric offset, a name from the table,
// or the abbreviation loc uses in January or July of year.
func zoneOffset(zone string, year int, loc *time.Location) (int, bool) {
	z := strings.ToUpper(zone)
	if off, ok := parseOffset(z); ok {
		return off, true
	}
	if h, ok := zoneOffsets[z]; ok {
		return h * 3600, true
	}
	for _, mon := range []time.Month{time.January, time.July} {
		name, off := time.Date(year, mon, 1, 0, 0, 0, 0, loc).Zone()
		if strings.ToUpper(name) == z {
			return off, true
		}
	}
	return 0, false
}

func zoneIsUTC(z string) bool {
	switch strings.ToUpper(z) {
	case "-00:00", "-0000", "-00", "UTC", "Z", "UT":
		return true
	}
	return false
}

// makeTime is Time.make_time: fill the leading missing fields from now,
// default the rest, check the ranges Ruby's Time.utc and Time.local check,
// and place the result in its zone.
func (h *dateHash) makeTime(loc *time.Location, now time.Time) (time.Time, error) {
	if h.has(fYday) {
		if h.yday < 1 || h.yday > 366 {
			return time.Time{}, &ArgumentError{Msg: fmt.Sprintf("yday %d out of range", h.yday)}
		}
		year := now.Year()
		if h.has(fYear) {
			year = h.year
		}
		d := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, h.yday-1)
		if d.Year() != year {
			return time.Time{}, &ArgumentError{Msg: fmt.Sprintf("yday %d out of range", h.yday)}
		}
		h.set = h.set&^fYday | fMon | fMday
		h.mon, h.mday = int(d.Month()), d.Day()
	}
	off, hasOff := 0, false
	if h.has(fZone) {
		y := now.Year()
		if h.has(fYear) {
			y = h.year
		}
		off, hasOff = zoneOffset(h.zone, y, loc)
	}
	if hasOff {
		now = now.In(time.FixedZone("", off))
	} else {
		now = now.In(loc)
	}
	year, mon, day, hour, min, sec, nsec := 1970, 1, 1, 0, 0, 0, 0
	fill := []struct {
		flag int
		dst  *int
		from int
	}{
		{fYear, &year, now.Year()}, {fMon, &mon, int(now.Month())}, {fMday, &day, now.Day()},
		{fHour, &hour, now.Hour()}, {fMin, &min, now.Minute()}, {fSec, &sec, now.Second()},
		{fFrac, &nsec, now.Nanosecond() / 1000 * 1000},
	}
	given := []int{h.year, h.mon, h.mday, h.hour, h.min, h.sec, fracNanos(h.fracNum)}
	filling := true
	for i, f := range fill {
		if h.has(f.flag) {
			*f.dst = given[i]
			filling = false
		} else if filling {
			*f.dst = f.from
		}
	}
	if err := checkTimeArgs(mon, day, hour, min, sec, nsec); err != nil {
		return time.Time{}, err
	}
	if h.has(fZone) && zoneIsUTC(h.zone) {
		return time.Date(year, time.Month(mon), day, hour, min, sec, nsec, time.UTC), nil
	}
	if h.has(fZone) {
		if off2, ok := zoneOffset(h.zone, year, loc); ok {
			off, hasOff = off2, true
		} else {
			hasOff = false
		}
	}
	if !hasOff {
		return LocalTime(year, time.Month(mon), day, hour, min, sec, nsec, loc), nil
	}
	t := time.Date(year, time.Month(mon), day, hour, min, sec, nsec, time.UTC).Add(-time.Duration(off) * time.Second)
	// Ruby keeps the local zone when it has the same offset at that instant.
	if lt := t.In(loc); func() bool { _, o := lt.Zone(); return o == off }() {
		return lt, nil
	}
	return t.In(time.FixedZone("", off)), nil
}

// checkTimeArgs rejects what Ruby's Time.utc and Time.local reject, with
// their messages: a field too wide for its bit field is "argument out of
// range", one that fits but is too big names the field.
func checkTimeArgs(mon, day, hour, min, sec, nsec int) error {
	switch {
	case mon < 1 || mon > 15 || day < 1 || day > 31 || hour < 0 || hour > 31 ||
		min < 0 || min > 63 || sec < 0 || sec > 63:
		return &ArgumentError{Msg: "argument out of range"}
	case mon > 12:
		return &ArgumentError{Msg: "mon out of range"}
	case hour > 24:
		return &ArgumentError{Msg: "hour out of range"}
	case min > 59:
		return &ArgumentError{Msg: "min out of range"}
	case sec > 60:
		return &ArgumentError{Msg: "sec out of range"}
	case hour == 24 && (min > 0 || sec > 0 || nsec > 0):
		if min > 0 {
			return &ArgumentError{Msg: "min out of range"}
		}
		return &ArgumentError{Msg: "sec out of range"}
	}
	return nil
}

// LocalTime is Ruby's Time.local in zone loc. It differs from time.Date
// only around daylight-saving changes: a wall time that happens twice is
// the later instant (standard time), and one that never happens is read
// with the offset in force before the change (02:30 on a spring-forward
// night becomes 03:30), as Ruby does.
func LocalTime(year int, mon time.Month, day, hour, min, sec, nsec int, loc *time.Location) time.Time {
	wall := time.Date(year, mon, day, hour, min, sec, nsec, time.UTC)
	_, before := wall.Add(-12 * time.Hour).In(loc).Zone()
	_, after := wall.Add(12 * time.Hour).In(loc).Zone()
	if before == after {
		return time.Date(year, mon, day, hour, min, sec, nsec, loc)
	}
	try := func(off int) (time.Time, bool) {
		t := wall.Add(-time.Duration(off) * time.Second).In(loc)
		_, o := t.Zone()
		return t, o == off
	}
	tb, okb := try(before)
	ta, oka := try(after)
	switch {
	case okb && oka:
		if ta.After(tb) {
			return ta
		}
		return tb
	case oka:
		return ta
	default:
		return tb
	}
}

// fracNanos turns the digits after the decimal point into nanoseconds,
// truncating past nine digits as Ruby's Time does with a Rational.
func fracNanos(digits string) int {
	n := 0
	for i := 0; i < 9; i++ {
		n *= 10
		if i < len(digits) {
			n += int(digits[i] - '0')
		}
	}
	return n
}

// Inspect quotes s as Ruby's String#inspect does for the printable ASCII
// and common escapes, for error messages that quote the input.
func Inspect(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		case '\x1b':
			b.WriteString(`\e`)
		case '#':
			// Ruby escapes what would start an interpolation.
			if i+1 < len(s) && (s[i+1] == '{' || s[i+1] == '$' || s[i+1] == '@') {
				b.WriteByte('\\')
			}
			b.WriteByte('#')
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\x%02X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
