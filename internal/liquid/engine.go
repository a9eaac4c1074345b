// Package liquid is Broadsheet's Liquid template engine. It parses and
// renders templates exactly as Ruby Liquid 5.4.0 does under Jekyll 4.3.1:
// the same tags and filters, the same whitespace, number and comparison
// semantics, the same errors and line numbers, and the "warn" error mode
// Jekyll uses, where markup the strict parser rejects is parsed laxly and
// reported as a warning.
//
// A Template is parsed once into a tree and can then be rendered any number
// of times, concurrently, each render with its own Context writing into one
// bytes.Buffer. Values are the closed set described in value.go, so
// rendering switches on types and never reflects.
//
// Jekyll's own tags and filters live elsewhere and plug in through
// RegisterTag, RegisterBlock and RegisterFilter.
package liquid

import (
	"bytes"
	"time"
)

// Engine holds the tags and filters templates may use, and the error mode.
// Configure it before parsing; after that it is read-only and safe to share.
type Engine struct {
	mode    errorMode
	tags    map[string]tagParseFunc
	filters map[string]FilterFunc
	loc     *time.Location
	now     func() time.Time // "now" for the date filter; nil means the clock

	strictVariables bool
	strictFilters   bool
}

type errorMode uint8

const (
	modeWarn errorMode = iota
	modeLax
	modeStrict
)

// FilterFunc is a filter: {{ input | name: args... }}. Keyword arguments
// (`name: value`) arrive, as in Ruby, as one *Map after the positional ones.
// args is only valid during the call.
type FilterFunc func(ctx *Context, input any, args []any) (any, error)

// Renderer is a parsed tag.
type Renderer interface {
	Render(ctx *Context, out *bytes.Buffer) error
}

// Blanker is implemented by a Renderer that outputs nothing but whitespace
// (as assign does). Liquid drops the whitespace-only text around such tags
// inside if, unless, case and for blocks made only of them.
type Blanker interface{ Blank() bool }

// Position is where a tag starts.
type Position struct {
	Name string
	Line int
}

// TagParser parses the markup of a simple tag, {% name markup %}.
type TagParser func(markup string, pos Position) (Renderer, error)

// BlockParser parses a block tag, {% name markup %}...{% endname %}, whose
// body has been parsed as Liquid.
type BlockParser func(markup string, pos Position, body *Body) (Renderer, error)

// tagParseFunc is how every tag, standard or registered, is parsed: it may
// read further tokens (a block's body) from tk.
type tagParseFunc func(p *parser, tk *tokenizer, name, markup string, line int) (Renderer, bool, error)

// NewEngine returns an engine with every standard Liquid 5.4 tag and filter,
// in Jekyll's "warn" error mode.
func NewEngine() *Engine {
	e := &Engine{
		tags:    make(map[string]tagParseFunc, 32),
		filters: make(map[string]FilterFunc, 64),
		loc:     time.Local,
	}
	registerStandardTags(e)
	registerStandardFilters(e)
	return e
}

// SetErrorMode sets how markup errors are handled: "warn" (Jekyll's
// default: parse laxly and record a warning), "lax" (parse laxly silently)
// or "strict" (fail). Anything else means "warn".
func (e *Engine) SetErrorMode(mode string) {
	switch mode {
	case "lax":
		e.mode = modeLax
	case "strict":
		e.mode = modeStrict
	default:
		e.mode = modeWarn
	}
}

// SetStrictVariables makes an undefined variable or key an error, as
// Jekyll's `liquid: strict_variables: true` does.
func (e *Engine) SetStrictVariables(on bool) { e.strictVariables = on }

// SetStrictFilters makes an unknown filter an error, as Jekyll's
// `liquid: strict_filters: true` does, instead of a warning.
func (e *Engine) SetStrictFilters(on bool) { e.strictFilters = on }

// SetLocation sets the zone the date filter reads times in ("now", Unix
// seconds, strings without an offset), as Ruby uses ENV["TZ"]. The default
// is time.Local.
func (e *Engine) SetLocation(loc *time.Location) {
	if loc != nil {
		e.loc = loc
	}
}

// SetNow sets what "now" and "today" mean to the date filter, so a build
// pinned to a time (SOURCE_DATE_EPOCH) renders the same every time.
func (e *Engine) SetNow(now func() time.Time) { e.now = now }

// Location returns the zone set by SetLocation.
func (e *Engine) Location() *time.Location { return e.loc }

// RegisterFilter adds a filter, replacing any of the same name.
func (e *Engine) RegisterFilter(name string, f FilterFunc) { e.filters[name] = f }

// Filter returns the filter registered under name, or nil.
func (e *Engine) Filter(name string) FilterFunc { return e.filters[name] }

// RegisterTag adds a simple tag, replacing any of the same name.
func (e *Engine) RegisterTag(name string, tp TagParser) {
	e.tags[name] = func(p *parser, _ *tokenizer, _, markup string, line int) (Renderer, bool, error) {
		r, err := tp(markup, Position{p.name, line})
		if err != nil {
			return nil, false, p.placeErr(err, line)
		}
		b, ok := r.(Blanker)
		return r, ok && b.Blank(), nil
	}
}

// RegisterBlock adds a block tag whose body is Liquid, ended by
// {% endname %}, replacing any tag of the same name.
func (e *Engine) RegisterBlock(name string, bp BlockParser) {
	e.tags[name] = func(p *parser, tk *tokenizer, name, markup string, line int) (Renderer, bool, error) {
		body := p.newBody()
		for {
			end, endMarkup, err := p.blockPart(body, tk, name)
			if err != nil {
				return nil, false, err
			}
			if end == "" {
				break
			}
			if err := p.unknownTag(end, endMarkup, name); err != nil {
				return nil, false, err
			}
		}
		r, err := bp(markup, Position{p.name, line}, body)
		if err != nil {
			return nil, false, p.placeErr(err, line)
		}
		if b, ok := r.(Blanker); ok {
			return r, b.Blank(), nil
		}
		return r, body.blank, nil
	}
}

// Template is a parsed template. Render it any number of times,
// concurrently.
type Template struct {
	root     *Body
	name     string
	engine   *Engine
	warnings []*Error
}

// Name returns the name the template was parsed with.
func (t *Template) Name() string { return t.name }

// Warnings returns what the "warn" error mode found wrong while parsing,
// as Liquid's Template#warnings (Jekyll prints them as "Liquid Warning").
func (t *Template) Warnings() []*Error { return t.warnings }

// Render renders the template into out. An error stops the render, as
// under Jekyll's render!, and names the file and line.
func (t *Template) Render(ctx *Context, out *bytes.Buffer) error {
	if ctx.engine == nil {
		ctx.engine = t.engine
	}
	return t.root.Render(ctx, out)
}

// Parse parses src; name is the file path errors give.
func (e *Engine) Parse(src, name string) (*Template, error) {
	p := &parser{eng: e, name: name, mode: e.mode}
	tk := newTokenizer(src)
	root := p.newBody()
	for {
		end, _, err := p.parseBody(root, tk)
		if err != nil {
			return nil, p.placeErr(err, p.line)
		}
		if end == "" {
			break
		}
		// Document#unknown_tag
		if end == "else" || end == "end" {
			return nil, p.errorf("Unexpected outer '" + end + "' tag")
		}
		return nil, p.errorf("Unknown tag '" + end + "'")
	}
	return &Template{root: root, name: name, engine: e, warnings: p.warnings}, nil
}
