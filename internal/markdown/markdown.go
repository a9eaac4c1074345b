// Package markdown converts Markdown to HTML for pages, documents, excerpts
// and the markdownify filter, exactly as Jekyll 4.3.1's default converter
// does: kramdown 2.4 with the GFM parser (kramdown-parser-gfm 1.1) and
// Rouge highlighting. The parser is our own Go implementation of kramdown's
// block and span rules (hand-written scanners, no backtracking regexps);
// sites that choose markdown: CommonMark get goldmark's CommonMark + GFM.
package markdown

import (
	"bytes"
	"strings"
	"sync"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
)

// Options configure a Converter from the site's configuration.
type Options struct {
	// Exts are the markdown_ext extensions, without dots.
	Exts []string
	// Engine is the site's markdown: setting ("kramdown" when empty;
	// "CommonMark" and "CommonMarkGhPages" select CommonMark + GFM).
	Engine string
	// Kramdown is the site's kramdown: mapping, merged over Jekyll's
	// defaults (nil: the defaults).
	Kramdown *liquid.Map
	// Highlighter is the site's highlighter: setting ("rouge" when empty).
	Highlighter string
}

// Converter turns Markdown into HTML. It is safe for concurrent use.
type Converter struct {
	exts map[string]bool
	o    *kopts
	gm   goldmark.Markdown
	bufs sync.Pool
}

// New returns a kramdown converter with Jekyll's defaults for files whose
// extension (without the dot) is in exts, as Jekyll's markdown_ext lists them.
func New(exts []string) *Converter {
	return NewWithOptions(Options{Exts: exts})
}

// NewWithOptions returns a converter for a site's settings.
func NewWithOptions(opts Options) *Converter {
	c := &Converter{exts: map[string]bool{}, o: defaultOptions()}
	for _, e := range opts.Exts {
		c.exts["."+strings.ToLower(strings.TrimPrefix(strings.TrimSpace(e), "."))] = true
	}
	switch strings.ToLower(opts.Engine) {
	case "commonmark", "commonmarkghpages":
		c.gm = goldmark.New(
			goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList, extension.Linkify),
			goldmark.WithParserOptions(gmparser.WithAutoHeadingID()),
			goldmark.WithRendererOptions(html.WithUnsafe()),
		)
		c.bufs.New = func() any { return new(bytes.Buffer) }
		return c
	}
	if opts.Highlighter != "" && opts.Highlighter != "rouge" {
		c.o.highlighter = ""
	}
	guess := true
	if m := opts.Kramdown; m != nil {
		for _, k := range m.Keys() {
			v, _ := m.Get(k)
			c.o.set(k, v)
		}
		if v, ok := m.Get("guess_lang"); ok {
			guess, _ = toBool(v)
		}
		if v, ok := m.Get("syntax_highlighter"); ok && toStr(v) != "" {
			c.o.set("syntax_highlighter", v)
		}
	}
	// Jekyll always overwrites syntax_highlighter_opts.guess_lang with
	// kramdown.guess_lang.
	c.o.block.guessLang, c.o.span.guessLang = guess, guess
	return c
}

// Matches reports whether a file extension (".md") is Markdown.
func (c *Converter) Matches(ext string) bool { return c.exts[strings.ToLower(ext)] }

// Convert renders Markdown source to HTML.
func (c *Converter) Convert(src string) (string, error) {
	if c.gm != nil {
		buf := c.bufs.Get().(*bytes.Buffer)
		buf.Reset()
		defer c.bufs.Put(buf)
		if err := c.gm.Convert([]byte(src), buf); err != nil {
			return "", err
		}
		return buf.String(), nil
	}
	if plainLine(src) {
		return "<p>" + src + "</p>\n", nil
	}
	return c.convertKramdown(src), nil
}

func (c *Converter) convertKramdown(src string) string {
	p := newParser(c.o)
	root := p.parse(src)
	r := &renderer{o: p.o, root: root, p: p, fnCounter: p.o.footnoteNr, fnByName: map[string]*fnOut{}}
	return r.convert(root, -2)
}

// plainLine tells whether src is one line of text that no Markdown rule
// touches, which kramdown turns into a bare paragraph: a title or a
// description given to markdownify, say. Only letters, digits, single
// spaces between words and punctuation that starts nothing (no quotes,
// dashes, ellipses, markup or escapes); the first byte is a letter.
func plainLine(src string) bool {
	if src == "" || !isASCIILetter(src[0]) || src[len(src)-1] == ' ' {
		return false
	}
	for i := 0; i < len(src); i++ {
		switch b := src[i]; {
		case isASCIILetter(b), b >= '0' && b <= '9':
		case b == ' ', b == ',', b == ';', b == '?', b == '!', b == '(', b == ')', b == '%', b == '/':
		case b == '.', b == '-':
			if i+1 < len(src) && src[i+1] == b {
				return false // "..", "--": typographic symbols
			}
		default:
			return false
		}
	}
	return true
}

func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }
