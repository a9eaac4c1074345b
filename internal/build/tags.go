package build

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/content"
	"github.com/broadsheet-ssg/broadsheet/internal/highlight"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// Jekyll's own Liquid tags: include, include_relative, link, post_url and
// highlight. They reach the site through the "site" register and the
// document being rendered through the "page" register.

func registerTags(e *liquid.Engine, s *Site) {
	e.RegisterTag("include", func(markup string, pos liquid.Position) (liquid.Renderer, error) {
		return parseInclude(markup, pos, false)
	})
	e.RegisterTag("include_relative", func(markup string, pos liquid.Position) (liquid.Renderer, error) {
		return parseInclude(markup, pos, true)
	})
	e.RegisterTag("link", func(markup string, pos liquid.Position) (liquid.Renderer, error) {
		return &linkTag{path: strings.TrimSpace(markup), pos: pos}, nil
	})
	e.RegisterTag("post_url", parsePostURL)
	e.RegisterBlock("highlight", parseHighlight)
}

func siteOf(ctx *liquid.Context) *Site {
	s, _ := ctx.Registers()["site"].(*Site)
	return s
}

func pageOf(ctx *liquid.Context) *content.Document {
	d, _ := ctx.Registers()["page"].(*content.Document)
	return d
}

func tagError(pos liquid.Position, format string, args ...any) error {
	return &liquid.Error{Name: pos.Name, Line: pos.Line, Msg: fmt.Sprintf(format, args...)}
}

var (
	includeParam     = regexp.MustCompile(`([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))`)
	includeVariable  = regexp.MustCompile(`(?s)^((?:[^{]*(?:\{\{\s*[\w\-.]+\s*(?:\|.*)?\}\}[^\s{}]*))+)(.*)$`)
	includeFullValid = regexp.MustCompile(`^\s*(?:(?:[\w-]+)\s*=\s*(?:"[^"\\]*(?:\\.[^"\\]*)*"|'[^'\\]*(?:\\.[^'\\]*)*'|[\w.-]+)(?:\s+|$)\s*)*$`)
)

type includeParamSpec struct {
	key      string
	literal  string
	variable *liquid.Expression
}

type includeTag struct {
	pos      liquid.Position
	file     string
	dynamic  bool // the name is built with {{ }}
	params   []includeParamSpec
	hasParam bool
	relative bool
}

func parseInclude(markup string, pos liquid.Position, relative bool) (liquid.Renderer, error) {
	markup = strings.TrimSpace(markup)
	t := &includeTag{pos: pos, relative: relative}
	var params string
	if m := includeVariable.FindStringSubmatch(markup); m != nil && strings.Contains(m[1], "{{") {
		t.file, params = strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
	} else {
		if f := strings.Fields(markup); len(f) > 0 {
			t.file = f[0]
			params = strings.TrimSpace(markup[len(t.file):])
		}
	}
	if params != "" {
		if !includeFullValid.MatchString(params) {
			return nil, tagError(pos, "Invalid syntax for include tag:\n\n  %s\n\nValid syntax:\n\n  {%% include file.ext param='value' param2='value' %%}", params)
		}
		t.hasParam = true
		for _, m := range includeParam.FindAllStringSubmatchIndex(params, -1) {
			p := includeParamSpec{key: params[m[2]:m[3]]}
			switch {
			case m[4] >= 0:
				p.literal = strings.ReplaceAll(params[m[4]:m[5]], `\"`, `"`)
			case m[6] >= 0:
				p.literal = strings.ReplaceAll(params[m[6]:m[7]], `\'`, `'`)
			default:
				expr, err := liquid.ParseExpression(params[m[8]:m[9]])
				if err != nil {
					return nil, tagError(pos, "%v", err)
				}
				p.variable = expr
			}
			t.params = append(t.params, p)
		}
	}
	t.dynamic = strings.Contains(t.file, "{{")
	return t, nil
}

func (t *includeTag) Render(ctx *liquid.Context, out *bytes.Buffer) error {
	s := siteOf(ctx)
	file := t.file
	if t.dynamic {
		var err error
		if file, err = s.renderSnippet(ctx, t.file, t.pos); err != nil {
			return err
		}
	}
	if !validIncludeName(file) {
		return tagError(t.pos, "Invalid syntax for include tag. File contains invalid characters or sequences:\n\n  %s\n\nValid syntax:\n\n  {%% include file.ext param='value' param2='value' %%}", file)
	}
	var dirs []string
	if t.relative {
		dirs = []string{s.relativeIncludeDir(pageOf(ctx))}
	} else {
		dirs = s.includeDirs()
	}
	found, rel := s.locateInclude(dirs, file)
	if found == "" {
		return tagError(t.pos, "Could not locate the included file '%s' in any of %s. Ensure it exists in one of those directories and, if it is a symlink, does not point outside your site source.", file, rubyStringArray(dirs))
	}
	s.note(atomInclude, found)
	tmpl, err := s.templates.get(found, func() (*liquid.Template, error) {
		src, err := os.ReadFile(found)
		if err != nil {
			return nil, err
		}
		return s.Engine.Parse(string(src), rel)
	})
	if err != nil {
		return err
	}
	scope := map[string]any{}
	if t.hasParam {
		params := liquid.NewMap(len(t.params))
		for _, p := range t.params {
			if p.variable != nil {
				v, err := p.variable.Eval(ctx)
				if err != nil {
					return err
				}
				params.Set(p.key, v)
			} else {
				params.Set(p.key, p.literal)
			}
		}
		scope["include"] = params
	}
	if s.profile == nil {
		return ctx.Stack(scope, func() error { return tmpl.Render(ctx, out) })
	}
	start, before := time.Now(), out.Len()
	err = ctx.Stack(scope, func() error { return tmpl.Render(ctx, out) })
	s.profile.add(rel, out.Len()-before, time.Since(start))
	return err
}

// locateInclude finds an include in the first of dirs that has it, or
// returns ""; rel is its path from the source. A one-off build looks each
// name up once; rebuilds look again, as the files may have changed.
func (s *Site) locateInclude(dirs []string, file string) (found, rel string) {
	var key string
	if s.includePaths != nil {
		key = dirs[0] + "\x00" + file // the rest of dirs depends on the first
		if v, ok := s.includePaths.Load(key); ok {
			l := v.(includeLocation)
			return l.found, l.rel
		}
	}
	for _, dir := range dirs {
		p := filepath.Join(dir, filepath.FromSlash(file))
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			found = p
			break
		}
	}
	if found != "" {
		rel = s.relSource(found)
	}
	if s.includePaths != nil {
		s.includePaths.Store(key, includeLocation{found, rel})
	}
	return found, rel
}

type includeLocation struct{ found, rel string }

// validIncludeName is Jekyll's check of an include's file name: only
// [\w/.\-()+~#@] and no run of two dots or slashes (a regexp there cost
// more than the rest of an include).
func validIncludeName(file string) bool {
	if file == "" {
		return false
	}
	prevDotSlash := false
	for i := 0; i < len(file); i++ {
		c := file[i]
		dotSlash := c == '.' || c == '/'
		switch {
		case dotSlash:
			if prevDotSlash {
				return false
			}
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9',
			c == '_', c == '-', c == '(', c == ')', c == '+', c == '~', c == '#', c == '@':
		default:
			return false
		}
		prevDotSlash = dotSlash
	}
	return true
}

func rubyStringArray(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// includeDirs are the folders {% include %} looks in: the site's, then the
// theme's.
func (s *Site) includeDirs() []string {
	s.incDirsOnce.Do(func() {
		s.incDirs = []string{joinPath(s.Config.Source, s.Config.IncludesDir)}
		if s.Theme != nil && s.Theme.IncludesDir != "" {
			s.incDirs = append(s.incDirs, s.Theme.IncludesDir)
		}
	})
	return s.incDirs
}

// relativeIncludeDir is the folder of the page being rendered.
func (s *Site) relativeIncludeDir(d *content.Document) string {
	if d == nil {
		return s.Config.Source
	}
	return filepath.Dir(d.Path)
}

type linkTag struct {
	path string
	pos  liquid.Position
}

func (t *linkTag) Render(ctx *liquid.Context, out *bytes.Buffer) error {
	s := siteOf(ctx)
	rel := t.path
	if hasLiquid(rel) {
		var err error
		if rel, err = s.renderSnippet(ctx, rel, t.pos); err != nil {
			return err
		}
	}
	withSlash := "/" + strings.TrimPrefix(rel, "/")
	if rel == "" {
		withSlash = "/"
	}
	match := func(p string) bool { return p == rel || p == withSlash }
	s.noteLinkLookup()
	for _, p := range s.Pages {
		if match(p.RelPath) {
			s.noteDoc(p, readMeta)
			out.WriteString(s.relativeURL(p.URL))
			return nil
		}
	}
	for _, f := range s.StaticFiles {
		if f.Write && match(f.RelPath) {
			out.WriteString(s.relativeURL(f.URL))
			return nil
		}
	}
	for _, c := range s.Collections {
		for _, d := range c.Docs {
			if match(d.RelPath) {
				s.noteDoc(d, readMeta)
				out.WriteString(s.relativeURL(d.URL))
				return nil
			}
		}
	}
	return tagError(t.pos, "Could not find document '%s' in tag 'link'.\n\nMake sure the document exists and the path is correct.", rel)
}

// relativeURL prefixes a site URL with the base URL.
func (s *Site) relativeURL(u string) string {
	base := strings.TrimSuffix(s.Config.BaseURL, "/")
	if base != "" && !strings.HasPrefix(base, "/") {
		base = "/" + base
	}
	if !strings.HasPrefix(u, "/") {
		u = "/" + u
	}
	return base + u
}

var postNameRe = regexp.MustCompile(`^(.+/)*(\d+-\d+-\d+)-(.*)$`)

type postURLTag struct {
	name, dir, date, slug string
	re                    *regexp.Regexp
	pos                   liquid.Position
}

func parsePostURL(markup string, pos liquid.Position) (liquid.Renderer, error) {
	name := strings.TrimSpace(markup)
	m := postNameRe.FindStringSubmatch(strings.TrimPrefix(name, "/"))
	if m == nil {
		return nil, tagError(pos, "Could not parse name of post \"%s\" in tag 'post_url'.\n\nMake sure the post exists and the name is correct.", name)
	}
	t := &postURLTag{name: name, dir: m[1], date: m[2], slug: m[3], pos: pos}
	base := regexp.QuoteMeta(t.date) + "-" + regexp.QuoteMeta(t.slug) + `\.[^.]+`
	dir := regexp.QuoteMeta(t.dir)
	t.re = regexp.MustCompile(`^_posts/` + dir + base + `|^` + dir + `_posts/?` + base)
	return t, nil
}

func (t *postURLTag) Render(ctx *liquid.Context, out *bytes.Buffer) error {
	s := siteOf(ctx)
	s.note(atomSite, "posts")
	for _, d := range s.Posts.Docs {
		if t.re.MatchString(d.RelPath) {
			s.noteDoc(d, readMeta)
			out.WriteString(s.relativeURL(d.URL))
			return nil
		}
	}
	for _, d := range s.Posts.Docs {
		slug := d.Slug
		if dir := path.Dir(d.Name); dir != "." && dir != "" {
			slug = dir + "/" + slug
		}
		var y, mo, da int
		if _, err := fmt.Sscanf(t.date, "%d-%d-%d", &y, &mo, &da); err != nil {
			break
		}
		s.noteDoc(d, readMeta)
		if slug == t.slug && d.Date.Year() == y && int(d.Date.Month()) == mo && d.Date.Day() == da {
			s.Warnf("Deprecation: A call to '{%% post_url %s %%}' did not match a post using the new matching method of checking name (path-date-slug) equality. Please make sure that you change this tag to match the post's name exactly.", t.name)
			out.WriteString(s.relativeURL(d.URL))
			return nil
		}
	}
	return tagError(t.pos, "Could not find post \"%s\" in tag 'post_url'.\n\nMake sure the post exists and the name is correct.", t.name)
}

var highlightSyntax = regexp.MustCompile(`^([a-zA-Z0-9.+#_-]+)((\s+\w+(=(\w+|"([0-9]+\s)*[0-9]+"))?)*)$`)

type highlightTag struct {
	lang    string
	linenos bool
	body    *liquid.Body
}

func parseHighlight(markup string, pos liquid.Position, body *liquid.Body) (liquid.Renderer, error) {
	m := highlightSyntax.FindStringSubmatch(strings.TrimSpace(markup))
	if m == nil {
		return nil, &liquid.Error{Name: pos.Name, Line: pos.Line, Syntax: true,
			Msg: fmt.Sprintf("Syntax Error in tag 'highlight' while parsing the following markup:\n\n  %s\n\nValid syntax: highlight <lang> [linenos]", markup)}
	}
	t := &highlightTag{lang: strings.ToLower(m[1]), body: body}
	for _, opt := range strings.Fields(m[2]) {
		if k, _, _ := strings.Cut(opt, "="); k == "linenos" {
			t.linenos = true
		}
	}
	return t, nil
}

func (t *highlightTag) Render(ctx *liquid.Context, out *bytes.Buffer) error {
	var b bytes.Buffer
	if err := t.body.Render(ctx, &b); err != nil {
		return err
	}
	prefix, _ := ctx.Get("highlighter_prefix").(string)
	suffix, _ := ctx.Get("highlighter_suffix").(string)
	out.WriteString(prefix)
	out.WriteString(highlight.Block(highlight.TrimTagBody(b.String()), t.lang, highlight.BlockOptions{LineNumbers: t.linenos}))
	out.WriteString(suffix)
	return nil
}

// renderSnippet renders a bit of a tag's markup (an include's file name
// built with {{ }}) in the current context, parsed once per build.
func (s *Site) renderSnippet(ctx *liquid.Context, src string, pos liquid.Position) (string, error) {
	tmpl, err := s.templates.get("snippet:"+pos.Name+":"+src, func() (*liquid.Template, error) {
		return s.Engine.Parse(src, pos.Name)
	})
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	if err := tmpl.Render(ctx, &b); err != nil {
		return "", err
	}
	return b.String(), nil
}
