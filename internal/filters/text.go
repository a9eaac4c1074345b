package filters

import (
	"math"
	"strings"
	"time"
	"unicode"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/broadsheet-ssg/broadsheet/internal/utils"
)

func (env *Env) markdownifyFilter(_ *liquid.Context, input any, _ []any) (any, error) {
	if env.Markdownify == nil {
		return liquid.ToS(input), nil
	}
	return env.Markdownify(liquid.ToS(input))
}

func (env *Env) smartifyFilter(_ *liquid.Context, input any, _ []any) (any, error) {
	if env.Smartify != nil {
		return env.Smartify(liquid.ToS(input)), nil
	}
	return Smartify(liquid.ToS(input)), nil
}

func slugifyFilter(_ *liquid.Context, input any, args []any) (any, error) {
	if input == nil {
		return nil, nil
	}
	mode := ""
	if m := arg(args, 0); m != nil {
		s, ok := m.(string)
		if !ok {
			// SLUGIFY_MODES.include?(mode) is false for a non-string.
			s = "\x00"
		}
		mode = s
	}
	s, ok := input.(string)
	if !ok {
		return nil, internalf("undefined method for %s", rubyClass(input))
	}
	return utils.Slugify(s, mode, false), nil
}

// xmlEscapeFilter is to_s.encode(:xml => :attr) without the quotes: & < > "
// and ' become entities.
func xmlEscapeFilter(_ *liquid.Context, input any, _ []any) (any, error) {
	return xmlEscape(liquid.ToS(input)), nil
}

func xmlEscape(s string) string {
	if !strings.ContainsAny(s, `&<>"'`) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&apos;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isRubySpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r':
		return true
	}
	return false
}

// normalizeWhitespaceFilter is to_s.gsub(/\s+/, " ").strip.
func normalizeWhitespaceFilter(_ *liquid.Context, input any, _ []any) (any, error) {
	s := liquid.ToS(input)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isRubySpace(rune(c)) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteByte(c)
	}
	if space {
		b.WriteByte(' ')
	}
	return strings.TrimRight(strings.TrimLeft(b.String(), " "), " \x00"), nil
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Katakana, unicode.Hiragana, unicode.Hangul)
}

// numberOfWordsFilter counts words as Ruby's split does (runs of non-space);
// in "cjk" mode each CJK character is a word and so is each run of other
// non-space characters; "auto" is cjk mode only when there is CJK text.
func numberOfWordsFilter(_ *liquid.Context, input any, args []any) (any, error) {
	s, ok := input.(string)
	if !ok {
		return nil, internalf("undefined method `split' for %s", liquid.Inspect(input))
	}
	mode, _ := arg(args, 0).(string)
	cjkCount := func() (cjk, words int) {
		inWord := false
		for _, r := range s {
			switch {
			case isCJK(r):
				cjk++
				inWord = false
			case isRubySpace(r):
				inWord = false
			default:
				if !inWord {
					words++
				}
				inWord = true
			}
		}
		return
	}
	switch mode {
	case "cjk":
		c, w := cjkCount()
		return c + w, nil
	case "auto":
		c, w := cjkCount()
		if c > 0 {
			return c + w, nil
		}
	}
	// Counted without splitting: Ruby's split separators are all ASCII,
	// so scanning bytes finds the same words.
	// A word starts at each non-space byte after a space (or at the start).
	words, prevSpace := 0, 1
	for i := 0; i < len(s); i++ {
		sp := splitSpaceInt[s[i]]
		words += prevSpace &^ sp
		prevSpace = sp
	}
	return words, nil
}

// splitSpaceInt is 1 for the bytes isRubySplitSpace accepts, else 0.
var splitSpaceInt = func() (t [256]int) {
	for c := 0; c < 0x80; c++ {
		if isRubySplitSpace(rune(c)) {
			t[c] = 1
		}
	}
	return t
}()

// isRubySplitSpace is what String#split with no argument splits on: ASCII
// whitespace and NUL.
func isRubySplitSpace(r rune) bool { return isRubySpace(r) || r == 0 }

func inspectFilter(_ *liquid.Context, input any, _ []any) (any, error) {
	return xmlEscape(liquid.Inspect(input)), nil
}

// toIntegerFilter is Jekyll's to_integer: true 1, false 0, else to_i.
func toIntegerFilter(_ *liquid.Context, input any, _ []any) (any, error) {
	switch v := input.(type) {
	case bool:
		if v {
			return 1, nil
		}
		return 0, nil
	case nil:
		return 0, nil
	case int:
		return v, nil
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, internalf("FloatDomainError: %s", liquid.ToS(v))
		}
		return int(v), nil
	case string:
		return stringToI(v), nil
	case time.Time:
		return int(v.Unix()), nil
	}
	return nil, internalf("undefined method `to_i' for %s", liquid.Inspect(input))
}

// stringToI is String#to_i: leading whitespace, a sign, then digits with
// single underscores between them; anything else ends the number.
func stringToI(s string) int {
	s = strings.TrimLeft(s, " \t\n\v\f\r")
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' && i > 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
			continue
		}
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		return -n
	}
	return n
}

// rubyClass names v's Ruby class, for messages.
func rubyClass(v any) string { return liquid.RubyClass(v) }

// Smartify is a stand-in for kramdown's SmartyPants converter, for when the
// site's Markdown converter gives none: straight quotes become curly ones,
// "--" and "---" dashes, "..." an ellipsis, as HTML entities like kramdown
// prints them.
func Smartify(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 16)
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.' && strings.HasPrefix(s[i:], "..."):
			b.WriteString("&hellip;")
			i += 2
		case c == '-' && strings.HasPrefix(s[i:], "---"):
			b.WriteString("&mdash;")
			i += 2
		case c == '-' && strings.HasPrefix(s[i:], "--"):
			b.WriteString("&ndash;")
			i++
		case c == '"':
			if prevSpace {
				b.WriteString("&ldquo;")
			} else {
				b.WriteString("&rdquo;")
			}
		case c == '\'':
			if prevSpace {
				b.WriteString("&lsquo;")
			} else {
				b.WriteString("&rsquo;")
			}
		default:
			b.WriteByte(c)
		}
		prevSpace = isRubySpace(rune(c)) || c == '(' || c == '['
	}
	return b.String()
}
