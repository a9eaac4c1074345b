// Package redirectfrom is jekyll-redirect-from 0.16: a page or document
// with `redirect_from` gets a small HTML redirect page at each old path,
// one with `redirect_to` is itself replaced by a redirect, and
// /redirects.json lists every redirect. The redirect pages use the site's
// "redirect" layout, or a built-in one with the plugin's markup.
package redirectfrom

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/content"
	"github.com/broadsheet-ssg/broadsheet/internal/filters"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// Plugin is jekyll-redirect-from.
type Plugin struct{}

// New returns the plugin.
func New() *Plugin { return &Plugin{} }

// Name is the gem name.
func (*Plugin) Name() string { return "jekyll-redirect-from" }

// redirectLayout is the markup of the plugin's own redirect layout: every
// place names the target, for browsers with and without script and for
// search engines.
func redirectLayout() string {
	to := "{{ page.redirect.to }}"
	lines := []string{
		`<!DOCTYPE html>`,
		`<html lang="en-US">`,
		`  <meta charset="utf-8">`,
		`  <title>Redirecting&hellip;</title>`,
		`  <link rel="canonical" href="` + to + `">`,
		`  <script>location="` + to + `"</script>`,
		`  <meta http-equiv="refresh" content="0; url=` + to + `">`,
		`  <meta name="robots" content="noindex">`,
		`  <h1>Redirecting&hellip;</h1>`,
		`  <a href="` + to + `">Click here if you are not redirected.</a>`,
		`</html>`,
	}
	return strings.Join(lines, "\n") + "\n"
}

// httpURL is the plugin's test for a target left as it is.
var httpURL = regexp.MustCompile(`(?m)^https?://`)

type redirect struct{ from, to string }

// Generate adds the redirect pages, turns redirect_to documents into
// redirects, and writes redirects.json.
func (*Plugin) Generate(s *build.Site) error {
	jsonOn, err := jsonEnabled(s)
	if err != nil {
		return err
	}
	if s.Layouts["redirect"] == nil {
		s.Layouts["redirect"] = &content.Layout{
			Name:     "redirect",
			Path:     filepath.Join(s.Config.Source, s.Config.LayoutsDir, "redirect.html"),
			RelPath:  "_layouts/redirect.html",
			Data:     liquid.NewMap(0),
			Body:     redirectLayout(),
			BodyLine: 1,
		}
	}
	abs, err := newAbsoluteURL(s)
	if err != nil {
		return err
	}

	var docs []*content.Document
	for _, c := range s.Collections {
		if c.Output {
			docs = append(docs, c.Docs...)
		}
	}
	docs = append(docs, s.Pages...)

	var list []redirect
	var errs []error
	for _, d := range docs {
		for _, from := range redirectFrom(d) {
			to, err := abs(d.URL)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: redirect_from: %v", d.RelPath, err))
				continue
			}
			from = ensureLeadingSlash(from)
			s.AddPage(redirectPage(s, from, to))
			list = append(list, redirect{from, to})
		}
		target, ok, err := redirectTo(d)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !ok {
			continue
		}
		to := target
		if !httpURL.MatchString(target) {
			if to, err = abs(target); err != nil {
				errs = append(errs, fmt.Errorf("%s: redirect_to: %v", d.RelPath, err))
				continue
			}
		}
		from := ensureLeadingSlash(d.URL)
		// The document becomes a redirect: its own content is dropped, and
		// its URL stays what it was.
		d.SetData("sitemap", false)
		d.SetData("layout", "redirect")
		d.SetData("permalink", from)
		d.SetData("redirect", redirectData(from, to))
		d.Body = ""
		list = append(list, redirect{from, to})
	}
	if len(errs) > 0 {
		return &build.BuildError{Errs: errs}
	}
	if jsonOn {
		if _, err := os.Stat(filepath.Join(s.Config.Source, "redirects.json")); err != nil {
			p := s.NewPage("", "redirects.json", redirectsJSON(list), nil)
			// Written as it is, whatever layout the defaults give pages.
			p.SetData("layout", nil)
			s.AddPage(p)
		}
	}
	return nil
}

func redirectData(from, to string) *liquid.Map {
	m := liquid.NewMap(2)
	m.Set("from", from)
	m.Set("to", to)
	return m
}

// redirectPage is the page at an old path that sends readers to the new one.
func redirectPage(s *build.Site, from, to string) *content.Document {
	data := liquid.NewMap(4)
	data.Set("sitemap", false)
	data.Set("layout", "redirect")
	data.Set("permalink", from)
	data.Set("redirect", redirectData(from, to))
	return s.NewPage("", "redirect.html", "", data)
}

// redirectFrom is the redirect_from list: one path or a list, nils left out.
func redirectFrom(d *content.Document) []string {
	v := d.Get("redirect_from")
	var out []string
	switch x := v.(type) {
	case nil:
	case []any:
		for _, e := range x {
			if e != nil {
				out = append(out, liquid.ToString(e))
			}
		}
	default:
		out = append(out, liquid.ToString(x))
	}
	return out
}

// redirectTo is redirect_to, or the first of a list that is not nil.
func redirectTo(d *content.Document) (string, bool, error) {
	v := d.Get("redirect_to")
	if arr, ok := v.([]any); ok {
		v = nil
		for _, e := range arr {
			if e != nil {
				v = e
				break
			}
		}
	}
	switch x := v.(type) {
	case nil:
		return "", false, nil
	case string:
		return x, true, nil
	}
	return "", false, fmt.Errorf("%s: redirect_to must be a URL or a path, not %s", d.RelPath, liquid.Inspect(v))
}

// jsonEnabled reads `redirect_from: {json: false}`.
func jsonEnabled(s *build.Site) (bool, error) {
	v, ok := s.Config.Raw.Get("redirect_from")
	if !ok || v == nil {
		return true, nil
	}
	m, ok := v.(*liquid.Map)
	if !ok {
		return false, fmt.Errorf("%s: redirect_from: must be a mapping such as {json: false}, not %s", configName(s), liquid.Inspect(v))
	}
	j, _ := m.Get("json")
	return j != false, nil
}

// newAbsoluteURL returns Jekyll's absolute_url filter with the site's url
// and baseurl, as the plugin calls it.
func newAbsoluteURL(s *build.Site) (func(string) (string, error), error) {
	e := liquid.NewEngine()
	filters.Register(e, &filters.Env{BaseURL: s.Config.BaseURL, URL: s.Config.URL, Timezone: s.Config.Timezone})
	t, err := e.Parse("{{ u | absolute_url }}", "redirect")
	if err != nil {
		return nil, err
	}
	return func(u string) (string, error) {
		var b bytes.Buffer
		if err := t.Render(liquid.NewContext(map[string]any{"u": u}), &b); err != nil {
			return "", err
		}
		return b.String(), nil
	}, nil
}

// redirectsJSON is Ruby's to_json of the from → to hash: the first place
// of a path kept, its last target.
func redirectsJSON(list []redirect) string {
	var order []string
	to := map[string]string{}
	for _, r := range list {
		if _, ok := to[r.from]; !ok {
			order = append(order, r.from)
		}
		to[r.from] = r.to
	}
	var b strings.Builder
	b.WriteByte('{')
	for i, k := range order {
		if i > 0 {
			b.WriteByte(',')
		}
		writeJSONString(&b, k)
		b.WriteByte(':')
		writeJSONString(&b, to[k])
	}
	b.WriteByte('}')
	return b.String()
}

// writeJSONString escapes as Ruby's JSON.generate: quotes, backslashes and
// control characters; "/" and non-ASCII text stay as they are.
func writeJSONString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"':
			b.WriteString(`\"`)
		case c == '\\':
			b.WriteString(`\\`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\b':
			b.WriteString(`\b`)
		case c == '\f':
			b.WriteString(`\f`)
		case c < 0x20:
			fmt.Fprintf(b, `\u%04x`, c)
		case c < utf8.RuneSelf:
			b.WriteByte(c)
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				b.WriteString(`\ufffd`)
			} else {
				b.WriteString(s[i : i+n])
			}
			i += n
			continue
		}
		i++
	}
	b.WriteByte('"')
}

func ensureLeadingSlash(p string) string {
	if strings.HasPrefix(p, "/") {
		return p
	}
	return "/" + p
}

func configName(s *build.Site) string {
	if len(s.Config.Files) > 0 {
		return strings.Join(s.Config.Files, ", ")
	}
	return "the config"
}
