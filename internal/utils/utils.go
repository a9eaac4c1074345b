// Package utils holds the helpers of Jekyll::Utils that decide what a site
// outputs: slugs (for permalinks and the slugify filter), titles made from
// slugs, the deep merge used for configuration and front-matter defaults, and
// the reading of "category"/"categories"-style keys.
package utils

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Slugify is Jekyll's Utils.slugify. Modes:
//
//	"raw"     runs of whitespace become "-"
//	"default" (also "") runs of anything but letters, marks and digits become "-"
//	"pretty"  like default, but also keeps . _ ~ ! $ & ' ( ) + , ; = @
//	"ascii"   runs of anything but A-Z a-z 0-9 become "-"
//	"latin"   accented Latin letters are first transliterated to ASCII (as
//	          I18n.transliterate does; other non-ASCII becomes "?"), then default
//
// Then one "-" is trimmed from each end and, unless cased, the result is
// lowercased. Any other mode (including "none") returns s unchanged, or
// lowercased unless cased.
func Slugify(s string, mode string, cased bool) string {
	var keep func(r rune) bool
	switch mode {
	case "", "default":
		keep = isSlugDefault
	case "pretty":
		keep = isSlugPretty
	case "ascii":
		keep = isASCIIAlnum
	case "latin":
		s = transliterateLatin(s)
		keep = isSlugDefault
	case "raw":
		keep = func(r rune) bool { return !isRubySpace(r) }
	default:
		if cased {
			return s
		}
		return Downcase(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	inRun := false
	for _, r := range s {
		if keep(r) {
			b.WriteRune(r)
			inRun = false
		} else if !inRun {
			b.WriteByte('-')
			inRun = true
		}
	}
	slug := b.String()
	slug = strings.TrimPrefix(slug, "-")
	slug = strings.TrimSuffix(slug, "-")
	if !cased {
		slug = Downcase(slug)
	}
	return slug
}

func isSlugDefault(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.Is(unicode.Nd, r)
}

func isSlugPretty(r rune) bool {
	if isSlugDefault(r) {
		return true
	}
	switch r {
	case '.', '_', '~', '!', '$', '&', '\'', '(', ')', '+', ',', ';', '=', '@':
		return true
	}
	return false
}

func isASCIIAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// isRubySpace is Ruby's \s: ASCII whitespace only.
func isRubySpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r':
		return true
	}
	return false
}

func transliterateLatin(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		default:
			if a, ok := latinApprox[r]; ok {
				b.WriteString(a)
			} else {
				b.WriteByte('?')
			}
		}
	}
	return b.String()
}

// Downcase is Ruby's String#downcase: full Unicode lowercasing, where
// "İ" becomes "i̇" (i and a combining dot) rather than Go's plain "i".
func Downcase(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return downcaseUnicode(s)
		}
		if c >= 'A' && c <= 'Z' {
			return downcaseUnicode(s)
		}
	}
	return s
}

func downcaseUnicode(s string) string {
	if !strings.ContainsRune(s, 'İ') {
		return strings.ToLower(s)
	}
	return strings.ToLower(strings.ReplaceAll(s, "İ", "i\u0307"))
}

// Capitalize is Ruby's String#capitalize: the first character in title
// case, the rest lowercased.
func Capitalize(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToTitle(r)) + Downcase(s[n:])
}

// TitleizeSlug is Utils.titleize_slug, the title Jekyll gives a collection
// document that has none: "my-first-post" becomes "My First Post".
func TitleizeSlug(slug string) string {
	parts := rubySplit(slug, "-")
	for i, p := range parts {
		parts[i] = Capitalize(p)
	}
	return strings.Join(parts, " ")
}

// rubySplit is Ruby's String#split with a string separator, which drops
// trailing empty fields.
func rubySplit(s, sep string) []string {
	parts := strings.Split(s, sep)
	for len(parts) > 0 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	return parts
}
