// Package gist is jekyll-gist 1.5: {% gist user/id [file] %} prints the
// <script> that embeds a GitHub gist.
//
// The gem also fetches the gist's code for a <noscript> copy. Broadsheet
// never goes to the network, so it does what the gem does when the fetch
// fails: it warns, and, because the gem then prints the value of its
// warning call, the <script> is preceded by "true", or by "false" when the
// build is quiet and the warning is not printed. With `gist: noscript:
// false` the gem does not fetch, and neither the warning nor the word appear.
package gist

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// Plugin is jekyll-gist.
type Plugin struct{}

// Name is the gem's name.
func (Plugin) Name() string { return "jekyll-gist" }

// ExtendLiquid registers {% gist %}.
func (Plugin) ExtendLiquid(e *liquid.Engine, s *build.Site) {
	noscript := true
	if g, ok := s.Config.Raw.Get("gist"); ok {
		if m, ok := g.(*liquid.Map); ok {
			if v, _ := m.Get("noscript"); v == false {
				noscript = false
			}
		}
	}
	e.RegisterTag("gist", func(markup string, pos liquid.Position) (liquid.Renderer, error) {
		return &tag{markup: markup, pos: pos, noscript: noscript}, nil
	})
}

type tag struct {
	markup   string
	pos      liquid.Position
	noscript bool
}

// simpleArgs is the first form the gem accepts: an id and maybe a file.
var simpleArgs = regexp.MustCompile(`^(\S+)\s?(\S*)$`)

// arguments splits the markup as the gem's regexp does: an id and a file
// name, or, for anything else with a "/" in it, the whole as the id.
func arguments(markup string) (string, string, bool) {
	m := strings.Trim(markup, " \t\n\v\f\r\x00")
	if a := simpleArgs.FindStringSubmatch(m); a != nil {
		return a[1], a[2], true
	}
	if strings.Contains(m, "/") && !strings.Contains(m, "\n") {
		return strings.TrimSpace(m), "", true
	}
	return "", "", false
}

func (t *tag) Render(ctx *liquid.Context, out *bytes.Buffer) error {
	id, file, ok := arguments(t.markup)
	if !ok {
		return &liquid.Error{Name: t.pos.Name, Line: t.pos.Line, Msg: fmt.Sprintf(
			"Syntax error in tag 'gist' while parsing the following markup:\n\n    %s\n\n  Valid syntax:\n"+
				"    {%% gist user/1234567 %%}\n    {%% gist user/1234567 foo.js %%}\n"+
				"    {%% gist 28949e1d5ee2273f9fd3 %%}\n    {%% gist 28949e1d5ee2273f9fd3 best.md %%}", t.markup)}
	}
	// Either may name a variable, as the gem looks both up in the context.
	idStr, fileStr := lookup(ctx, id), lookup(ctx, file)
	if t.noscript {
		shown := true
		if s, ok := ctx.Registers()["site"].(*build.Site); ok {
			s.Warnf("The <noscript> tag for your gist %s could not be generated. This will affect users who do not have JavaScript enabled in their browsers.", idStr)
			shown = s.WarningsShown()
		}
		fmt.Fprint(out, shown)
	}
	out.WriteString(`<script src="https://gist.github.com/`)
	out.WriteString(idStr)
	out.WriteString(".js")
	if fileStr != "" {
		out.WriteString("?file=")
		out.WriteString(fileStr)
	}
	out.WriteString(`"> </script>`)
	return nil
}

// lookup is the value of the variable s names, or s itself.
func lookup(ctx *liquid.Context, s string) string {
	if s == "" {
		return s
	}
	expr, err := liquid.ParseExpression(s)
	if err != nil {
		return s
	}
	if v, err := expr.Eval(ctx); err == nil && v != nil {
		return liquid.ToS(v)
	}
	return s
}
