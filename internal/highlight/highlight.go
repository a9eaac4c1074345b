// Package highlight renders source code as Rouge 3.30 does for Jekyll: the
// token spans of Rouge's HTML formatter (class names like "k", "nf", "s2"),
// its line-number table, and the markup of Jekyll's {% highlight %} tag.
// The lexers are our own, written to split and name code exactly as the
// Rouge 3.30 lexer for the language does.
package highlight

import (
	"strconv"
	"strings"
)

// Lexer turns code into tokens for one language.
type Lexer struct {
	tag string
	lex func(code string) []span
}

// Token is a run of text with Rouge's short class name ("" for plain text).
type Token struct {
	Class string
	Text  string
}

// Tag is Rouge's canonical name for the language ("plaintext", "go", ...).
func (l *Lexer) Tag() string { return l.tag }

// Tokens lexes code.
func (l *Lexer) Tokens(code string) []Token {
	ts := l.spans(code)
	out := make([]Token, len(ts))
	for i, t := range ts {
		out[i] = Token{t.cls, code[t.a:t.b]}
	}
	return out
}

var plainText = &Lexer{tag: "plaintext", lex: lexPlain}

func lexPlain(code string) []span {
	if code == "" {
		return nil
	}
	return []span{{"", 0, int32(len(code))}}
}

// maxCode is the longest code we lex: spans hold 32-bit offsets. Longer
// code (never seen in a page) is shown as one plain text token.
const maxCode = 1<<31 - 1

func (l *Lexer) spans(code string) []span {
	if len(code) > maxCode {
		return nil
	}
	return l.lex(code)
}

// FindFancy finds the lexer for a language name as Rouge's
// Lexer.find_fancy does (name or alias, case-insensitive; options after
// "?" are ignored). It returns nil for a language Rouge does not know.
func FindFancy(lang, code string) *Lexer {
	name := lang
	if i := strings.IndexByte(name, '?'); i >= 0 {
		name = name[:i]
	}
	name = strings.ToLower(name)
	if name == "guess" {
		return plainText
	}
	return find(name)
}

// Format renders tokens as Rouge::Formatters::HTML does: plain text
// escaped, every other token in <span class="...">.
func Format(l *Lexer, code string) string {
	toks := l.spans(code)
	if toks == nil && code != "" {
		var b strings.Builder
		escape(&b, code)
		return b.String()
	}
	// size the output exactly: one allocation, no regrowth
	n := len(code)
	for i := 0; i < len(code); i++ {
		switch code[i] {
		case '&':
			n += 4
		case '<', '>':
			n += 3
		}
	}
	for _, t := range toks {
		if t.cls != "" {
			n += len(`<span class="">`) + len(t.cls) + len("</span>")
		}
	}
	var b strings.Builder
	b.Grow(n)
	for _, t := range toks {
		if t.cls == "" {
			escape(&b, code[t.a:t.b])
			continue
		}
		b.WriteString(`<span class="`)
		b.WriteString(t.cls)
		b.WriteString(`">`)
		escape(&b, code[t.a:t.b])
		b.WriteString("</span>")
	}
	return b.String()
}

func escape(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case '&':
			r = "&amp;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(r)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// Table wraps formatted code in Rouge's HTMLTable line-number table.
func Table(formatted, code string, start int, tableClass, gutterClass, codeClass string) string {
	n := strings.Count(code, "\n")
	if !strings.HasSuffix(code, "\n") {
		n++
		formatted += "\n"
	}
	var b strings.Builder
	b.WriteString(`<table class="` + tableClass + `"><tbody><tr><td class="` + gutterClass + ` gl"><pre class="lineno">`)
	for i := 0; i < n; i++ {
		b.WriteString(strconv.Itoa(start + i))
		b.WriteByte('\n')
	}
	b.WriteString(`</pre></td><td class="` + codeClass + `"><pre>`)
	b.WriteString(formatted)
	b.WriteString("</pre></td></tr></tbody></table>")
	return b.String()
}

// BlockOptions are the options of Jekyll's {% highlight %} tag.
type BlockOptions struct {
	// LineNumbers is set by "linenos".
	LineNumbers bool
}

// Block renders a {% highlight lang [linenos] %} body as Jekyll 4.3.1 does:
// code is the tag's body with leading and trailing line breaks removed by
// the caller (Jekyll strips \A(\n|\r)+ and (\n|\r)+\z). Unknown languages
// are shown as plain text. (Jekyll 4.3.1 accepts but ignores mark_lines.)
func Block(code, lang string, opts BlockOptions) string {
	lang = strings.ToLower(lang)
	l := FindFancy(lang, code)
	if l == nil {
		l = plainText
	}
	out := Format(l, code)
	if opts.LineNumbers {
		out = Table(out, code, 1, "rouge-table", "gutter", "code")
	}
	out = strings.TrimSuffix(out, "\n")
	return `<figure class="highlight"><pre><code class="language-` + strings.ReplaceAll(lang, "+", "-") + `" data-lang="` + lang + `">` + out + `</code></pre></figure>`
}

// TrimTagBody removes leading and trailing line breaks from a highlight
// tag's body, as Jekyll does before highlighting.
func TrimTagBody(s string) string {
	s = strings.TrimLeft(s, "\r\n")
	return strings.TrimRight(s, "\r\n")
}
