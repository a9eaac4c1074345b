// Package relativelinks is jekyll-relative-links 0.7: Markdown links to
// the site's own source files ([text](other.md), [ref]: ../docs/a.md)
// become links to the pages, documents and files those sources make.
//
// As the gem does, it rewrites the Markdown of pages (and with
// `relative_links: collections: true`, of every written document) after
// reading, before anything is rendered: each inline link or reference
// definition whose target is neither a fragment nor an absolute URL is
// resolved against the linking file's folder (or the source root, for a
// target starting with "/"), unescaped, and looked up among the pages,
// static files and written documents by relative path; when one is found
// the link gets its URL, with the site's baseurl as relative_url gives it,
// and keeps its fragment and title. The gem's patterns are matched as they
// are, quirks included: a rewritten reference definition gains a line
// break before it. `enabled: false` switches the plugin off; `exclude`
// lists globs of files left alone.
package relativelinks

import (
	"bytes"
	"path"
	"regexp"
	"strings"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/content"
	"github.com/broadsheet-ssg/broadsheet/internal/filters"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// Plugin is jekyll-relative-links.
type Plugin struct{}

// Name is the gem's name.
func (Plugin) Name() string { return "jekyll-relative-links" }

// linkRE is the gem's LINK_REGEX. Its title part ends with (?<!\\)" in
// Ruby; RE2 has no look-behind, so the last character before the closing
// quote is required not to be a lone backslash instead, which accepts the
// same strings.
var linkRE = func() *regexp.Regexp {
	const (
		text     = `(.*?)`
		fragment = `(#.+?|)?`
		title    = `(\s+"(?:(?:\\"|[^"])*(?:\\"|[^"\\]))?"|\s+"(?:(?:\\'|[^'])*(?:\\'|[^'\\]))?')?`
		inline   = `\[` + text + `\]\(([^)]+?)` + fragment + title + `\)`
		ref      = `^\s*?\[` + text + `\]: (.+?)` + fragment + title + `\s*?$`
	)
	return regexp.MustCompile(`(?m)(` + inline + `|` + ref + `)`)
}()

// schemeRE is what Addressable accepts as a scheme, and uriScheme how its
// parser finds one.
var (
	uriScheme = regexp.MustCompile(`^([^:/?#]+):`)
	schemeRE  = regexp.MustCompile(`(?i)^[a-z][a-z0-9.+\-]*$`)
)

type rewriter struct {
	s       *build.Site
	targets map[string]string // relative path without a leading slash → URL
	url     func(string) (string, error)
}

// Generate rewrites the links.
func (Plugin) Generate(s *build.Site) error {
	var collections bool
	var exclude []string
	if m := s.PluginOptions("relative_links"); m != nil {
		if v, ok := m.Get("enabled"); ok && v == false {
			return nil
		}
		v, _ := m.Get("collections")
		collections = v == true
		if v, ok := m.Get("exclude"); ok && v != nil {
			for _, e := range liquid.ToSlice(v) {
				exclude = append(exclude, liquid.ToString(e))
			}
		}
	}
	docs := append([]*content.Document(nil), s.Pages...)
	var written []*content.Document
	for _, c := range s.Collections {
		if c.Output {
			written = append(written, c.Docs...)
		}
	}
	if collections {
		docs = append(docs, written...)
	}
	rw := &rewriter{s: s, targets: map[string]string{}}
	// The gem finds the first target with the path: pages, then static
	// files, then documents.
	add := func(rel, u string) {
		rel = strings.TrimPrefix(rel, "/")
		if _, ok := rw.targets[rel]; !ok {
			rw.targets[rel] = u
		}
	}
	for _, p := range s.Pages {
		add(p.RelPath, p.URL)
	}
	for _, f := range s.StaticFiles {
		add(f.RelPath, f.URL)
	}
	for _, d := range written {
		add(d.RelPath, d.URL)
	}
	var err error
	if rw.url, err = relativeURL(s); err != nil {
		return err
	}
	for _, d := range docs {
		if !s.Markdown.Matches(d.Ext) {
			continue
		}
		if exclude != nil && s.GlobInclude(exclude, d.RelPath) {
			continue
		}
		body, changed, err := rw.rewrite(d.Body, rubyDirname(d.RelPath))
		if err != nil {
			return err
		}
		if !changed {
			continue
		}
		d.Body = body
		if !d.IsPage() && d.Excerpt != nil {
			sep := s.Config.ExcerptSeparator
			if v, ok := d.Data.Get("excerpt_separator"); ok && v != nil {
				sep = liquid.ToString(v)
			}
			d.Excerpt = &content.Excerpt{Doc: d, Raw: content.ExtractExcerpt(d.Body, sep)}
		}
	}
	return nil
}

// rewrite replaces the links of one document's Markdown; base is the
// folder of the document's relative path ("." at the top).
func (rw *rewriter) rewrite(src, base string) (string, bool, error) {
	ms := linkRE.FindAllStringSubmatchIndex(src, -1)
	if ms == nil {
		return src, false, nil
	}
	var b strings.Builder
	last := 0
	changed := false
	group := func(m []int, i int) (string, bool) {
		if m[2*i] < 0 {
			return "", false
		}
		return src[m[2*i]:m[2*i+1]], true
	}
	for _, m := range ms {
		first := 2 // inline: text, path, fragment, title are groups 2-5
		inline := m[4] >= 0
		if !inline {
			first = 6
		}
		text, _ := group(m, first)
		target, _ := group(m, first+1)
		frag, _ := group(m, first+2)
		title, _ := group(m, first+3)
		if strings.HasPrefix(target, "#") || isAbsoluteURL(target) {
			continue
		}
		u, ok := rw.lookup(target, base)
		if !ok {
			continue
		}
		u, err := rw.url(u)
		if err != nil {
			return "", false, err
		}
		b.WriteString(src[last:m[0]])
		if inline {
			b.WriteString("[" + text + "](" + u + frag + title + ")")
		} else {
			b.WriteString("\n[" + text + "]: " + u + frag + title)
		}
		last = m[1]
		changed = true
	}
	if !changed {
		return src, false, nil
	}
	b.WriteString(src[last:])
	return b.String(), true, nil
}

// lookup resolves a link target as the gem's path_from_root and
// url_for_path do, and returns the URL of the file it names.
func (rw *rewriter) lookup(target, base string) (string, bool) {
	if strings.HasPrefix(target, "/") {
		base = ""
	}
	target = strings.TrimPrefix(target, "/")
	if strings.HasPrefix(target, "~") {
		return "", false // Ruby's File.expand_path reads a home folder here
	}
	// File.expand_path against the working folder, which is then cut
	// off again: a path that climbs above it names no source file.
	joined := path.Join("/", base, target)
	if climbsOut(base, target) {
		return "", false
	}
	rel := cgiUnescape(strings.TrimPrefix(joined, "/"))
	u, ok := rw.targets[rel]
	return u, ok && u != ""
}

// climbsOut reports whether base/target goes above the root with "..".
func climbsOut(base, target string) bool {
	depth := 0
	for _, part := range strings.Split(base+"/"+target, "/") {
		switch part {
		case "", ".":
		case "..":
			depth--
			if depth < 0 {
				return true
			}
		default:
			depth++
		}
	}
	return false
}

// cgiUnescape is Ruby's CGI.unescape: "+" is a space, and a malformed
// %-escape stays as it is.
func cgiUnescape(s string) string {
	var b bytes.Buffer
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '+':
			b.WriteByte(' ')
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

// isAbsoluteURL is Addressable::URI.parse(s).absolute?: the string starts
// with a well-formed scheme and a colon.
func isAbsoluteURL(s string) bool {
	m := uriScheme.FindStringSubmatch(s)
	return m != nil && schemeRE.MatchString(m[1])
}

// rubyDirname is Ruby's File.dirname on a relative path ("a.md" → ".").
func rubyDirname(p string) string {
	i := strings.LastIndexByte(p, '/')
	if i < 0 {
		return "."
	}
	return p[:i]
}

// relativeURL returns Jekyll's relative_url filter for the site.
func relativeURL(s *build.Site) (func(string) (string, error), error) {
	e := liquid.NewEngine()
	filters.Register(e, &filters.Env{BaseURL: s.Config.BaseURL, URL: s.Config.URL,
		Markdownify: s.Markdown.Convert, Timezone: s.Config.Timezone})
	t, err := e.Parse("{{ u | relative_url }}", "jekyll-relative-links")
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	return func(u string) (string, error) {
		buf.Reset()
		err := t.Render(liquid.NewContext(map[string]any{"u": u}), &buf)
		return buf.String(), err
	}, nil
}
