// Package frontmatter finds and reads the YAML front matter block at the top
// of a page, post or collection document, by Jekyll 4.3.1's rules
// (Document::YAML_FRONT_MATTER_REGEXP and Utils.has_yaml_header?).
package frontmatter

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/broadsheet-ssg/broadsheet/internal/yaml"
)

var bom = []byte("\xef\xbb\xbf")

// HasHeader is Jekyll's Utils.has_yaml_header?: whether the first line is
// `---` plus optional whitespace. Jekyll decides with it whether a file is a
// page or document (rendered) rather than a static file (copied). It reads
// the raw bytes, so a file starting with a byte order mark has no header.
func HasHeader(src []byte) bool {
	if !bytes.HasPrefix(src, []byte("---")) {
		return false
	}
	// \A---\s*\r?\n where \s also matches newlines: any run of whitespace
	// that contains a newline.
	for _, c := range src[3:] {
		switch c {
		case '\n':
			return true
		case ' ', '\t', '\r', '\v', '\f':
		default:
			return false
		}
	}
	return false
}

// Split separates the front matter block from the body as Jekyll's
// YAML_FRONT_MATTER_REGEXP does, after dropping a UTF-8 byte order mark
// (Jekyll reads with "bom|utf-8"). fm includes the opening `---` line, so
// YAML line numbers are file line numbers; bodyLine is the 1-based line of
// the file where body starts. Without a complete block, ok is false and body
// is the whole source.
//
// Jekyll's pattern is \A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?) with "."
// matching newlines: the block ends at the first line that is `---` or
// `...` plus trailing whitespace, and because that \s* may run across
// newlines, blank lines right after the closing fence belong to it.
func Split(src []byte) (fm []byte, body []byte, bodyLine int, ok bool) {
	src = bytes.TrimPrefix(src, bom)
	if !bytes.HasPrefix(src, []byte("---")) {
		return nil, src, 1, false
	}
	// Opening line: ---\s*\n. The lazy .*? that follows lets the block
	// start right after the first newline of the whitespace run.
	i := 3
	for i < len(src) && src[i] != '\n' && isSpace(src[i]) {
		i++
	}
	if i >= len(src) || src[i] != '\n' {
		return nil, src, 1, false
	}
	start := i + 1 // first line after the opening fence
	// Find the first line start at or after start whose line is a fence.
	// The closing fence may also be the opening's own whitespace-only
	// continuation lines, which the search covers because they are lines.
	for ls := start; ls <= len(src); {
		if end, ok := fence(src, ls); ok {
			fm = src[:ls]
			body = src[end:]
			return fm, body, 1 + bytes.Count(src[:end], []byte{'\n'}), true
		}
		nl := bytes.IndexByte(src[ls:], '\n')
		if nl < 0 {
			break
		}
		ls += nl + 1
	}
	return nil, src, 1, false
}

// fence reports whether the line starting at ls is a closing fence and
// where the body begins: ^(---|\.\.\.)\s*$\n? with a greedy \s* that
// backtracks to the last line end it can reach.
func fence(src []byte, ls int) (int, bool) {
	if !(bytes.HasPrefix(src[ls:], []byte("---")) || bytes.HasPrefix(src[ls:], []byte("..."))) {
		return 0, false
	}
	i := ls + 3
	j := i
	for j < len(src) && isSpace(src[j]) {
		j++
	}
	// $ matches at the end of the text or before a newline. Take the
	// longest whitespace run that ends there, then \n? eats that newline.
	if j == len(src) {
		return j, true
	}
	for k := j - 1; k >= i; k-- {
		if src[k] == '\n' {
			return k + 1, true
		}
	}
	return 0, false
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// ErrNotMapping is wrapped by the error Parse returns when the front matter
// is valid YAML but not a mapping (a list, a string). Jekyll treats that as
// fatal for pages ("Invalid YAML front matter") and as a read error it logs
// and skips for collection documents, so the caller decides.
var ErrNotMapping = errors.New("not a mapping")

// Error is a front matter error with its place in the file.
type Error struct {
	Path string
	Line int
	Err  error
}

func (e *Error) Error() string {
	msg := e.Err.Error()
	var ye *yaml.Error
	if errors.As(e.Err, &ye) {
		msg = ye.Msg
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: front matter: %s", e.Path, e.Line, msg)
	}
	return fmt.Sprintf("%s: front matter: %s", e.Path, msg)
}

func (e *Error) Unwrap() error { return e.Err }

// Parse splits src and loads its front matter. Without a front matter block
// data is an empty Map and body the whole file. Front matter that loads as
// nil or false (only comments, `---\n---`) is an empty Map, as in Jekyll.
// On an error data is still an empty Map and body still the body, because
// Jekyll keeps going with both (it logs YAML errors unless
// strict_front_matter is set); the error reads PATH:LINE: front matter: MSG.
func Parse(path string, src []byte, loc *time.Location) (data *liquid.Map, body []byte, bodyLine int, err error) {
	fm, body, bodyLine, ok := Split(src)
	if !ok {
		return liquid.NewMap(0), body, bodyLine, nil
	}
	v, err := yaml.Load(fm, loc)
	if err != nil {
		line := 0
		var ye *yaml.Error
		if errors.As(err, &ye) {
			line = ye.Line
		}
		return liquid.NewMap(0), body, bodyLine, &Error{Path: path, Line: line, Err: err}
	}
	switch v := v.(type) {
	case *liquid.Map:
		return v, body, bodyLine, nil
	case nil:
		return liquid.NewMap(0), body, bodyLine, nil
	case bool:
		if !v {
			return liquid.NewMap(0), body, bodyLine, nil
		}
	}
	return liquid.NewMap(0), body, bodyLine, &Error{Path: path, Line: 1, Err: fmt.Errorf("%w", ErrNotMapping)}
}
