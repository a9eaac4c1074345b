// Package filters is Jekyll 4.3.1's Liquid filters (Jekyll::Filters and its
// URL, date and grouping modules) on Broadsheet's Liquid engine. Register
// adds them all; Jekyll's where and sort replace Liquid's filters of the same
// names, as they do in Jekyll.
//
// Each filter reproduces Jekyll's output for the same input, including the
// odd cases templates rely on: where compares through to_s after turning
// numeric-looking properties into numbers, group_by keys by the property's
// string form, sort puts nils first unless told otherwise, jsonify prints as
// Ruby's JSON does.
package filters

import (
	"fmt"
	"sync"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// Env is what the filters need from the site.
type Env struct {
	BaseURL, URL string                       // site.baseurl, site.url after config
	Markdownify  func(string) (string, error) // the site's Markdown converter
	Smartify     func(string) string          // kramdown's smart quotes; nil means a built-in fallback
	Timezone     *time.Location               // Ruby's local zone (ENV["TZ"]); nil means time.Local

	// Parsed where_exp/find_exp conditions and group_by_exp expressions,
	// by source: templates repeat the same few on every page.
	conds sync.Map // string -> *liquid.Condition
	exprs sync.Map // string -> *liquid.Expression

	urlOnce   sync.Once // plainSiteURL, worked out once
	urlPlain  bool
	baseOnce  sync.Once // plainBase, worked out once
	basePlain bool
}

func (env *Env) loc() *time.Location {
	if env.Timezone != nil {
		return env.Timezone
	}
	return time.Local
}

// Register adds every Jekyll filter to e. env must not change afterwards;
// the filters may run concurrently.
func Register(e *liquid.Engine, env *Env) {
	for name, f := range env.table() {
		e.RegisterFilter(name, f)
	}
}

func (env *Env) table() map[string]liquid.FilterFunc {
	return map[string]liquid.FilterFunc{
		// URL filters
		"relative_url": arity(1, 1, env.relativeURLFilter),
		"absolute_url": arity(1, 1, env.absoluteURLFilter),
		"strip_index":  arity(1, 1, stripIndexFilter),
		"uri_escape":   arity(1, 1, uriEscapeFilter),
		"cgi_escape":   arity(1, 1, cgiEscapeFilter),
		// date filters
		"date_to_xmlschema":   arity(1, 1, env.dateToXMLSchema),
		"date_to_rfc822":      arity(1, 1, env.dateToRFC822),
		"date_to_string":      arity(1, 3, env.dateToString),
		"date_to_long_string": arity(1, 3, env.dateToLongString),
		// array filters
		"where":                    arity(3, 3, whereFilter),
		"where_exp":                arity(3, 3, env.whereExpFilter),
		"find":                     arity(3, 3, findFilter),
		"find_exp":                 arity(3, 3, env.findExpFilter),
		"group_by":                 arity(2, 2, groupByFilter),
		"group_by_exp":             arity(3, 3, env.groupByExpFilter),
		"sort":                     arity(1, 3, sortFilter),
		"push":                     arity(2, 2, pushFilter),
		"pop":                      arity(1, 2, popFilter),
		"shift":                    arity(1, 2, shiftFilter),
		"unshift":                  arity(2, 2, unshiftFilter),
		"sample":                   arity(1, 2, sampleFilter),
		"array_to_sentence_string": arity(1, 2, arrayToSentenceFilter),
		// text filters
		"markdownify":          arity(1, 1, env.markdownifyFilter),
		"smartify":             arity(1, 1, env.smartifyFilter),
		"slugify":              arity(1, 2, slugifyFilter),
		"xml_escape":           arity(1, 1, xmlEscapeFilter),
		"normalize_whitespace": arity(1, 1, normalizeWhitespaceFilter),
		"number_of_words":      arity(1, 2, numberOfWordsFilter),
		"jsonify":              arity(1, 1, jsonifyFilter),
		"inspect":              arity(1, 1, inspectFilter),
		"to_integer":           arity(1, 1, toIntegerFilter),
	}
}

// filterFunc is a filter body: ctx, the input and its arguments, already
// checked against the filter's arity (missing optional ones are absent).
type filterFunc func(ctx *liquid.Context, input any, args []any) (any, error)

// arity wraps f with Ruby's argument count check, counting the input as
// Ruby does: a filter declared (input, a, b = nil) takes 2..3.
func arity(min, max int, f filterFunc) liquid.FilterFunc {
	return func(ctx *liquid.Context, input any, args []any) (any, error) {
		given := len(args) + 1
		if given < min || given > max {
			want := fmt.Sprint(min)
			if max != min {
				want = fmt.Sprintf("%d..%d", min, max)
			}
			return nil, argumentError(fmt.Sprintf("wrong number of arguments (given %d, expected %s)", given, want))
		}
		return f(ctx, input, args)
	}
}

// argumentError is Ruby's ArgumentError raised in a filter, which Liquid
// turns into Liquid::ArgumentError: "Liquid error: <msg>".
func argumentError(msg string) error { return &liquid.Error{Msg: msg} }

// internalError is any other Ruby exception in a filter. Liquid replaces
// those with "internal"; msg says what Ruby raised, for the build log.
type internalError struct{ msg string }

func (e *internalError) Error() string { return e.msg }

func internalf(format string, a ...any) error { return &internalError{fmt.Sprintf(format, a...)} }

// arg returns args[i], or nil when the call did not pass it.
func arg(args []any, i int) any {
	if i < len(args) {
		return args[i]
	}
	return nil
}
