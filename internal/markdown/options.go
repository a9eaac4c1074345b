package markdown

import (
	"strconv"
	"strings"

	"github.com/broadsheet-ssg/broadsheet/internal/highlight"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// kopts are the kramdown options that affect output, resolved once per
// site. They are read-only while converting; {::options} makes a copy.
type kopts struct {
	autoIDs                bool
	autoIDPrefix           string
	tocLevels              []int
	entityOutput           string
	smartQuotes            [4]string
	typographicSymbols     map[string]string
	headerOffset           int
	footnoteNr             int
	footnoteBacklink       string
	footnoteBacklinkInline bool
	footnotePrefix         string
	parseBlockHTML         bool
	parseSpanHTML          bool
	hardWrap               bool
	noTypographic          bool

	highlighter string // "rouge" or "" (none)
	block, span hlOpts
}

// hlOpts are Rouge's options for one kind of code (kramdown's
// syntax_highlighter_opts with its block/span sub-hashes merged in).
type hlOpts struct {
	defaultLang string
	guessLang   bool
	disable     bool
	lineNumbers bool
	startLine   int
	cssClass    string
	wrap        bool
}

func defaultOptions() *kopts {
	return &kopts{
		autoIDs:          true,
		tocLevels:        []int{1, 2, 3, 4, 5, 6},
		entityOutput:     "as_char",
		smartQuotes:      [4]string{"lsquo", "rsquo", "ldquo", "rdquo"},
		footnoteNr:       1,
		footnoteBacklink: "&#8617;",
		parseSpanHTML:    true,
		highlighter:      "rouge",
		block:            hlOpts{defaultLang: "plaintext", guessLang: true, cssClass: "highlight", wrap: true, startLine: 1},
		span:             hlOpts{defaultLang: "plaintext", guessLang: true, cssClass: "highlight", startLine: 1},
	}
}

func toBool(v any) (bool, bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case string:
		switch strings.TrimSpace(strings.ToLower(x)) {
		case "true", "yes", "1":
			return true, true
		case "false", "no", "0", "":
			return false, true
		}
	case nil:
		return false, true
	}
	return false, false
}

func toInt(v any) (int, bool) {
	switch x := v.(type) {
	case int:
		return x, true
	case int64:
		return int(x), true
	case float64:
		return int(x), true
	case string:
		n, err := strconv.Atoi(strings.TrimSpace(x))
		return n, err == nil
	}
	return 0, false
}

func toStr(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return ""
	case bool:
		return strconv.FormatBool(x)
	case int:
		return strconv.Itoa(x)
	}
	return ""
}

// setKramdown applies one key of the site's kramdown: config (or an inline
// {::options} value, given as a string).
func (o *kopts) set(key string, v any) {
	switch key {
	case "auto_ids":
		if b, ok := toBool(v); ok {
			o.autoIDs = b
		}
	case "auto_id_prefix":
		o.autoIDPrefix = toStr(v)
	case "toc_levels":
		o.tocLevels = parseTOCLevels(v)
	case "entity_output":
		if s := toStr(v); s != "" {
			o.entityOutput = strings.TrimPrefix(s, ":")
		}
	case "smart_quotes":
		var parts []string
		switch x := v.(type) {
		case string:
			parts = strings.Split(x, ",")
		case []any:
			for _, e := range x {
				parts = append(parts, toStr(e))
			}
		}
		if len(parts) == 4 {
			for i, s := range parts {
				o.smartQuotes[i] = strings.TrimSpace(s)
			}
		}
	case "typographic_symbols":
		if m, ok := v.(*liquid.Map); ok {
			o.typographicSymbols = map[string]string{}
			for _, k := range m.Keys() {
				x, _ := m.Get(k)
				o.typographicSymbols[k] = toStr(x)
			}
		}
	case "header_offset":
		if n, ok := toInt(v); ok {
			o.headerOffset = n
		}
	case "footnote_nr":
		if n, ok := toInt(v); ok {
			o.footnoteNr = n
		}
	case "footnote_backlink":
		o.footnoteBacklink = toStr(v)
	case "footnote_backlink_inline":
		if b, ok := toBool(v); ok {
			o.footnoteBacklinkInline = b
		}
	case "footnote_prefix":
		o.footnotePrefix = toStr(v)
	case "parse_block_html":
		if b, ok := toBool(v); ok {
			o.parseBlockHTML = b
		}
	case "parse_span_html":
		if b, ok := toBool(v); ok {
			o.parseSpanHTML = b
		}
	case "hard_wrap":
		if b, ok := toBool(v); ok {
			o.hardWrap = b
		}
	case "gfm_quirks":
		o.noTypographic = strings.Contains(toStr(v), "no_auto_typographic")
		if l, ok := v.([]any); ok {
			for _, e := range l {
				if toStr(e) == "no_auto_typographic" {
					o.noTypographic = true
				}
			}
		}
	case "syntax_highlighter":
		s := toStr(v)
		if s == "rouge" || s == "" {
			o.highlighter = "rouge"
		} else {
			o.highlighter = "" // other highlighters are not available: plain code
		}
	case "guess_lang":
		b, _ := toBool(v)
		o.block.guessLang, o.span.guessLang = b, b
	case "syntax_highlighter_opts":
		if m, ok := v.(*liquid.Map); ok {
			for _, k := range m.Keys() {
				x, _ := m.Get(k)
				switch k {
				case "block":
					if sub, ok := x.(*liquid.Map); ok {
						o.block.apply(sub)
					}
				case "span":
					if sub, ok := x.(*liquid.Map); ok {
						o.span.apply(sub)
					}
				default:
					o.block.applyKey(k, x)
					o.span.applyKey(k, x)
				}
			}
			o.span.wrap = false
		}
	}
}

func (h *hlOpts) apply(m *liquid.Map) {
	for _, k := range m.Keys() {
		x, _ := m.Get(k)
		h.applyKey(k, x)
	}
}

func (h *hlOpts) applyKey(k string, x any) {
	switch k {
	case "default_lang":
		h.defaultLang = toStr(x)
	case "guess_lang":
		h.guessLang, _ = toBool(x)
	case "disable":
		h.disable, _ = toBool(x)
	case "line_numbers":
		h.lineNumbers, _ = toBool(x)
	case "start_line":
		if n, ok := toInt(x); ok {
			h.startLine = n
		}
	case "css_class":
		h.cssClass = toStr(x)
	case "wrap":
		h.wrap, _ = toBool(x)
	}
}

func parseTOCLevels(v any) []int {
	var out []int
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if n, ok := toInt(e); ok {
				out = append(out, n)
			}
		}
	case string:
		if a, b, ok := strings.Cut(x, ".."); ok {
			lo, _ := strconv.Atoi(strings.TrimSpace(a))
			hi, _ := strconv.Atoi(strings.TrimSpace(b))
			for i := lo; i <= hi; i++ {
				out = append(out, i)
			}
		} else {
			for _, f := range strings.FieldsFunc(x, func(r rune) bool { return r == ',' || r == ' ' }) {
				if n, err := strconv.Atoi(f); err == nil {
					out = append(out, n)
				}
			}
		}
	case int:
		out = append(out, x)
	}
	return out
}

// setInline applies an {::options key="value" /} setting.
func (o *kopts) setInline(k, v string) {
	switch k {
	case "auto_ids", "parse_block_html", "parse_span_html", "footnote_backlink_inline", "hard_wrap":
		o.set(k, v)
	case "auto_id_prefix", "entity_output", "footnote_backlink", "footnote_prefix", "smart_quotes", "toc_levels":
		o.set(k, v)
	case "header_offset", "footnote_nr":
		o.set(k, v)
	}
}

// highlight runs Rouge for a code block or span: the HTML, the default
// language used when none was given, and whether Rouge handled it at all.
func (o *kopts) highlight(code, lang string, block bool) (string, string, bool) {
	pre, body, post, used, ok := o.highlightParts(code, lang, block)
	if pre == "" && post == "" {
		return body, used, ok
	}
	return pre + body + post, used, ok
}

// highlightParts is highlight with the HTML in three parts (the wrapping
// markup around the highlighted code), so that a caller adding its own
// markup copies the code's HTML only once.
func (o *kopts) highlightParts(code, lang string, block bool) (pre, body, post, used string, ok bool) {
	if o.highlighter != "rouge" {
		return "", "", "", "", false
	}
	h := &o.span
	if block {
		h = &o.block
	}
	if lang == "" && h.defaultLang == "" && !h.guessLang {
		return "", "", "", h.defaultLang, false
	}
	l := lang
	if l == "" {
		l = h.defaultLang
	}
	lx := highlight.FindFancy(l, code)
	if h.disable || lx == nil || (lx.Tag() == "plaintext" && !h.guessLang) {
		return "", "", "", h.defaultLang, false
	}
	body = highlight.Format(lx, code)
	if h.lineNumbers {
		body = highlight.Table(body, code, h.startLine, "rouge-table", "rouge-gutter", "rouge-code")
	}
	if block && h.wrap {
		pre, post = `<div class="highlight"><pre class="`+h.cssClass+`"><code>`, "</code></pre></div>"
	}
	return pre, body, post, h.defaultLang, true
}
