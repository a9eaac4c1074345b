package liquid

import (
	"errors"
	"strconv"
)

// Error is a Liquid syntax or render error, placed in its file and line.
// Line is 0 when the position is unknown. Msg is Liquid's own message, with
// the markup it refers to when Liquid names it (`... in "{{ a b }}"`).
type Error struct {
	Name   string // the template's file path, as given to Parse
	Line   int
	Msg    string
	Syntax bool // a parse error; otherwise the template failed while rendering
}

// Error reads like a build report: `_layouts/post.html:12: Liquid syntax
// error: 'if' tag was never closed`.
func (e *Error) Error() string {
	b := make([]byte, 0, len(e.Name)+len(e.Msg)+32)
	if e.Name != "" {
		b = append(b, e.Name...)
		if e.Line > 0 {
			b = append(b, ':')
			b = strconv.AppendInt(b, int64(e.Line), 10)
		}
		b = append(b, ": "...)
	} else if e.Line > 0 {
		b = append(b, "line "...)
		b = strconv.AppendInt(b, int64(e.Line), 10)
		b = append(b, ": "...)
	}
	b = append(b, e.kind()...)
	b = append(b, ": "...)
	b = append(b, e.Msg...)
	return string(b)
}

// RubyMessage is the message Ruby Liquid gives the same error, which is what
// Jekyll prints: "Liquid syntax error (line 12): 'if' tag was never closed".
func (e *Error) RubyMessage() string {
	s := e.kind()
	if e.Line > 0 {
		s += " (line " + strconv.Itoa(e.Line) + ")"
	}
	return s + ": " + e.Msg
}

func (e *Error) kind() string {
	if e.Syntax {
		return "Liquid syntax error"
	}
	return "Liquid error"
}

func syntaxError(msg string) *Error { return &Error{Msg: msg, Syntax: true} }

func renderError(msg string) *Error { return &Error{Msg: msg} }

// place gives err the position it happened at unless it already has one, as
// Ruby Liquid's `line_number ||=` does, so the innermost node wins.
func place(err error, name string, line int, syntax bool) error {
	var le *Error
	if !errors.As(err, &le) {
		return &Error{Name: name, Line: line, Msg: err.Error(), Syntax: syntax}
	}
	if le.Name == "" {
		le.Name = name
		if le.Line == 0 {
			le.Line = line
		}
	}
	return le
}
