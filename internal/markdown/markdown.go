// Package markdown converts Markdown to HTML for pages, documents, excerpts
// and the markdownify filter. It is built on goldmark; the kramdown-exact
// extensions come with the Markdown issue (issue 3).
package markdown

import (
	"bytes"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
)

// Converter turns Markdown into HTML. It is safe for concurrent use.
type Converter struct {
	md   goldmark.Markdown
	exts map[string]bool
	bufs sync.Pool
}

// New returns a converter for files whose extension (without the dot) is in
// exts, as Jekyll's markdown_ext lists them.
func New(exts []string) *Converter {
	c := &Converter{exts: map[string]bool{}}
	for _, e := range exts {
		c.exts["."+strings.ToLower(strings.TrimPrefix(strings.TrimSpace(e), "."))] = true
	}
	c.md = goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(html.WithUnsafe()),
	)
	c.bufs.New = func() any { return new(bytes.Buffer) }
	return c
}

// Matches reports whether a file extension (".md") is Markdown.
func (c *Converter) Matches(ext string) bool { return c.exts[strings.ToLower(ext)] }

// Convert renders Markdown source to HTML.
func (c *Converter) Convert(src string) (string, error) {
	buf := c.bufs.Get().(*bytes.Buffer)
	buf.Reset()
	defer c.bufs.Put(buf)
	if err := c.md.Convert([]byte(src), buf); err != nil {
		return "", err
	}
	return buf.String(), nil
}
