package filters

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/broadsheet-ssg/broadsheet/internal/ruby"
)

// emptyToS is `input.to_s.empty?` without printing a date to find out.
func emptyToS(input any) bool {
	switch v := input.(type) {
	case nil:
		return true
	case string:
		return v == ""
	case time.Time, liquid.Date, *liquid.Date:
		return false
	}
	return liquid.ToS(input) == ""
}

func (env *Env) dateToXMLSchema(_ *liquid.Context, input any, _ []any) (any, error) {
	if emptyToS(input) {
		return input, nil
	}
	t, err := env.time(input)
	if err != nil {
		return nil, err
	}
	// Time#xmlschema; a localtime'd Time is never in UTC mode.
	return ruby.Strftime(t, "%Y-%m-%dT%H:%M:%S%:z"), nil
}

func (env *Env) dateToRFC822(_ *liquid.Context, input any, _ []any) (any, error) {
	if emptyToS(input) {
		return input, nil
	}
	t, err := env.time(input)
	if err != nil {
		return nil, err
	}
	return ruby.Strftime(t, "%a, %d %b %Y %H:%M:%S %z"), nil
}

func (env *Env) dateToString(_ *liquid.Context, input any, args []any) (any, error) {
	return env.stringifyDate(input, "%b", arg(args, 0), arg(args, 1))
}

func (env *Env) dateToLongString(_ *liquid.Context, input any, args []any) (any, error) {
	return env.stringifyDate(input, "%B", arg(args, 0), arg(args, 1))
}

func (env *Env) stringifyDate(input any, month string, typ, style any) (any, error) {
	if liquid.ToS(input) == "" {
		return input, nil
	}
	t, err := env.time(input)
	if err != nil {
		return nil, err
	}
	if typ == "ordinal" {
		day := strconv.Itoa(t.Day()) + ordinal(t.Day())
		if style == "US" {
			return ruby.Strftime(t, month+" "+day+", %Y"), nil
		}
		return ruby.Strftime(t, day+" "+month+" %Y"), nil
	}
	return ruby.Strftime(t, "%d "+month+" %Y"), nil
}

func ordinal(n int) string {
	if n >= 11 && n <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

var reAllDigits = regexp.MustCompile(`\A\d+\z`)

// time is DateFilters#time: Liquid::Utils.to_date, then to_time.localtime,
// or Jekyll's InvalidDateError.
func (env *Env) time(input any) (time.Time, error) {
	loc := env.loc()
	if t, ok := toDate(input, loc); ok {
		return t.In(loc), nil
	}
	return time.Time{}, internalf("Invalid Date: '%s' is not a valid datetime.", liquid.Inspect(input))
}

// toDate is Liquid::Utils.to_date for the values templates hold: times and
// dates as they are, "now"/"today", Unix seconds (as an integer or a string
// of digits), and anything Time.parse reads.
func toDate(v any, loc *time.Location) (time.Time, bool) {
	switch v := v.(type) {
	case time.Time:
		return v, true
	case liquid.Date:
		y, m, d := v.Date()
		return ruby.LocalTime(y, m, d, 0, 0, 0, 0, loc), true
	case int:
		return time.Unix(int64(v), 0).In(loc), true
	case string:
		if v == "" {
			return time.Time{}, false
		}
		s := strings.ToLower(v)
		switch {
		case s == "now" || s == "today":
			return time.Now().In(loc), true
		case reAllDigits.MatchString(s):
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
