package build

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/content"
	"github.com/broadsheet-ssg/broadsheet/internal/filters"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/broadsheet-ssg/broadsheet/internal/sass"
	"github.com/broadsheet-ssg/broadsheet/internal/utils"
)

// The render phase. Excerpts first, then every document of every
// collection, then pages, each phase on all cores. A document sees other
// documents' rendered content only from the pages phase on, which keeps
// output independent of scheduling (Jekyll renders one at a time, so an
// earlier document may see a later one raw: we always show it raw).

// templateCache parses each layout and include once per build.
type templateCache struct {
	m sync.Map // absolute path → *cachedTemplate
}

type cachedTemplate struct {
	once sync.Once
	t    *liquid.Template
	err  error
}

func (c *templateCache) get(key string, parse func() (*liquid.Template, error)) (*liquid.Template, error) {
	v, _ := c.m.LoadOrStore(key, &cachedTemplate{})
	ct := v.(*cachedTemplate)
	ct.once.Do(func() { ct.t, ct.err = parse() })
	return ct.t, ct.err
}

func (s *Site) setupLiquid() error {
	e := liquid.NewEngine()
	mode := "warn"
	if lq, ok := s.Config.Raw.Get("liquid"); ok {
		if m, ok := lq.(*liquid.Map); ok {
			if v, ok := m.Get("error_mode"); ok && v != nil {
				mode = liquid.ToString(v)
			}
		}
	}
	e.SetErrorMode(mode)
	e.SetLocation(s.Config.Timezone)
	if s.pinned {
		e.SetNow(func() time.Time { return s.Time })
	}
	filters.Register(e, &filters.Env{
		BaseURL:     s.Config.BaseURL,
		URL:         s.Config.URL,
		Markdownify: s.Markdown.Convert,
		Smartify:    s.Markdown.Smartify,
		Timezone:    s.Config.Timezone,
	})
	registerTags(e, s)
	e.RegisterFilter("scssify", func(ctx *liquid.Context, input any, args []any) (any, error) {
		return s.Sass.Scssify(liquid.ToString(input))
	})
	e.RegisterFilter("sassify", func(ctx *liquid.Context, input any, args []any) (any, error) {
		return s.Sass.Sassify(liquid.ToString(input))
	})
	for _, p := range s.plugins {
		if x, ok := p.(LiquidExtender); ok {
			x.ExtendLiquid(e, s)
		}
	}
	s.Engine = e
	return nil
}

// Render renders every document, excerpt and page.
func (s *Site) Render() error {
	var docs []*content.Document
	for _, c := range s.Collections {
		docs = append(docs, c.Docs...)
	}
	var mu sync.Mutex
	var errs []error
	fail := func(err error) {
		mu.Lock()
		errs = append(errs, err)
		mu.Unlock()
	}

	s.phase = phaseExcerpts
	s.renderEach(docs, fail, func(d *content.Document) error {
		if d.Excerpt != nil {
			return s.renderExcerpt(d.Excerpt)
		}
		return nil
	})
	if s.stream != nil {
		// A first build keeps no source text it can read again: excerpts
		// are rendered, and each document drops its body once written.
		for _, d := range docs {
			if d.Excerpt != nil {
				d.Excerpt.Raw = ""
			}
			d.BodyOnDisk = d.BodyFromSource()
		}
	}
	s.phase = phaseDocs
	s.renderEach(docs, fail, s.renderDocument)
	s.phase = phasePages
	s.renderEach(s.heavyPagesFirst(), fail, s.renderDocument)
	s.phase = phaseDone
	s.Pages = append(s.Pages, s.sourceMaps...)
	if len(errs) > 0 {
		sortErrors(errs)
		return joinErrors(errs)
	}
	return nil
}

// heavyPagesFirst orders the pages for rendering (the output does not depend
// on the order): those whose template or layouts go through a site-wide
// list (an archive, a tag page, the sitemap) first, so that on a large site
// the last page a core renders is a short one, not a list of 100,000 posts
// while the other cores wait.
func (s *Site) heavyPagesFirst() []*content.Document {
	heavyLayout := map[string]bool{}
	var heavy, light []*content.Document
	for _, p := range s.Pages {
		isHeavy := listsSite(p.Body)
		name, _ := p.Layout()
		for seen := 0; !isHeavy && name != "" && seen < 16; seen++ {
			l := s.Layouts[name]
			if l == nil {
				break
			}
			h, ok := heavyLayout[name]
			if !ok {
				h = listsSite(l.Body)
				heavyLayout[name] = h
			}
			isHeavy = h
			name = l.Parent()
		}
		if isHeavy {
			heavy = append(heavy, p)
		} else {
			light = append(light, p)
		}
	}
	return append(heavy, light...)
}

// listsSite tells whether a template names one of the site-wide lists.
func listsSite(src string) bool {
	for _, list := range []string{"site.posts", "site.tags", "site.categories", "site.pages",
		"site.documents", "site.html_pages", "site.static_files", "site.collections"} {
		if strings.Contains(src, list) {
			return true
		}
	}
	return false
}

// payload is the set of top-level variables of one render.
func (s *Site) payload(d *content.Document, page liquid.Drop) map[string]any {
	return map[string]any{
		"site":               &siteDrop{s: s, current: d},
		"page":               page,
		"jekyll":             jekyllDrop{env: s.Env},
		"paginator":          d.Pager,
		"layout":             nil,
		"content":            nil,
		"highlighter_prefix": "",
		"highlighter_suffix": "",
	}
}

func hasLiquid(src string) bool {
	return strings.Contains(src, "{%") || strings.Contains(src, "{{")
}

func isAsset(ext string) bool { return ext == ".sass" || ext == ".scss" || ext == ".coffee" }

func (s *Site) renderWithLiquid(d *content.Document, src string) bool {
	if v, ok := d.Lookup("render_with_liquid"); ok && v == false {
		return false
	}
	if !d.IsPage() && (d.Ext == ".coffee" || d.Ext == ".yml" || d.Ext == ".yaml") {
		return false
	}
	return hasLiquid(src)
}

// renderLiquid parses and renders a template from a source file, with errors
// placed at the file's own line numbers.
func (s *Site) renderLiquid(src, name string, firstLine int, vars map[string]any, page *content.Document) (string, error) {
	t, err := s.Engine.Parse(src, name)
	if err != nil {
		return "", shiftLines(err, name, firstLine)
	}
	return s.execute(t, name, vars, page, firstLine)
}

// renderBuffers hold renders in progress: a buffer grown to the size of the
// largest page is reused by the next render on its core, and the result is
// copied out once, at its final size.
var renderBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func (s *Site) execute(t *liquid.Template, name string, vars map[string]any, page *content.Document, firstLine int) (string, error) {
	buf, err := s.executeBuf(t, name, vars, page, firstLine)
	defer renderBuffers.Put(buf)
	if err != nil {
		return "", err
	}
	return buf.String(), nil
}

// executeBuf renders into a buffer from renderBuffers, which the caller
// puts back once done with its bytes.
func (s *Site) executeBuf(t *liquid.Template, name string, vars map[string]any, page *content.Document, firstLine int) (*bytes.Buffer, error) {
	ctx := liquid.NewContext(vars)
	regs := ctx.Registers()
	regs["site"] = s
	regs["page"] = page
	buf := renderBuffers.Get().(*bytes.Buffer)
	buf.Reset()
	var start time.Time
	if s.profile != nil {
		start = time.Now()
	}
	err := t.Render(ctx, buf)
	if s.profile != nil {
		s.profile.add(name, buf.Len(), time.Since(start))
	}
	for _, w := range ctx.Warnings() {
		s.Warnf("%s", w)
	}
	if err != nil {
		return buf, shiftLines(err, name, firstLine)
	}
	return buf, nil
}

// shiftLines turns a line within the body of the file name into a line of
// the file (errors from other files, such as includes, keep theirs).
func shiftLines(err error, name string, firstLine int) error {
	var le *liquid.Error
	if errors.As(err, &le) && le.Line > 0 && firstLine > 1 && le.Name == name {
		c := *le
		c.Line += firstLine - 1
		return &c
	}
	return err
}

func (s *Site) convert(ext, src, name string) (string, error) {
	if s.Markdown.Matches(ext) {
		out, err := s.Markdown.Convert(src)
		if err != nil {
			return "", fmt.Errorf("%s: Markdown: %v", name, err)
		}
		return out, nil
	}
	return src, nil
}

func (s *Site) renderExcerpt(e *content.Excerpt) error {
	d := e.Doc
	out := e.Raw
	if s.renderWithLiquid(d, out) {
		drop := &excerptDrop{docDrop: docDrop{s: s, d: d}, e: e}
		var err error
		vars := s.payload(d, drop)
		// An excerpt is not a Document: site.related_posts is nil there.
		vars["site"] = &siteDrop{s: s}
		out, err = s.renderLiquid(out, d.RelPath, d.BodyLine, vars, d)
		if err != nil {
			return err
		}
	}
	out, err := s.convert(d.Ext, out, d.RelPath)
	if err != nil {
		return err
	}
	e.Output = out
	return nil
}

func (s *Site) renderDocument(d *content.Document) error {
	var page liquid.Drop
	if d.IsPage() {
		page = d.Drop() // a plugin may give its pages a drop of their own
		if page == nil {
			page = &pageDrop{s: s, d: d, self: true}
		}
	} else {
		page = &docDrop{s: s, d: d, self: true}
	}
	for _, p := range s.plugins {
		if pr, ok := p.(PreRenderer); ok {
			if err := pr.PreRender(s, d); err != nil {
				return err
			}
		}
	}
	vars := s.payload(d, page)
	if name, ok := d.Layout(); ok {
		s.note(atomLayout, name)
		if l := s.Layouts[name]; l != nil {
			vars["layout"] = l.Data
		}
	}
	out := d.Body
	if s.renderWithLiquid(d, out) {
		var err error
		out, err = s.renderLiquid(out, d.RelPath, d.BodyLine, vars, d)
		if err != nil {
			return err
		}
	}
	var err error
	if syntax, ok := sass.SyntaxOf(d.Ext); ok {
		s.note(atomSass, "")
		var sourceMap string
		out, sourceMap, err = s.Sass.Convert(out, d.RelPath, syntax)
		if err != nil {
			var se *sass.Error
			if errors.As(err, &se) && se.Entry && d.BodyLine > 1 {
				c := *se
				c.Line += d.BodyLine - 1
				err = &c
			}
			return err
		}
		if sourceMap != "" {
			s.addSourceMap(d, sourceMap)
		}
	} else if out, err = s.convert(d.Ext, out, d.RelPath); err != nil {
		return err
	}
	d.Content = out
	var pageBuf *bytes.Buffer // the render buffer out is in, if it is one
	if s.placeInLayout(d) {
		out, pageBuf, err = s.placeInLayouts(d, out, vars)
		if err != nil {
			return err
		}
	}
	for _, p := range s.plugins {
		if pr, ok := p.(PostRenderer); ok {
			if out, err = pr.PostRender(s, d, out); err != nil {
				return err
			}
		}
	}
	d.Output = utils.BytesOf(out)
	if s.stream != nil {
		ok, err := s.stream.written(d)
		if err != nil {
			return err
		}
		if ok {
			d.Output, d.Streamed = nil, true
			if d.BodyOnDisk {
				d.DropBody()
			}
			if pageBuf != nil {
				// Written and dropped: its buffer can take the next page.
				renderBuffers.Put(pageBuf)
			}
		}
	}
	return nil
}

func (s *Site) placeInLayout(d *content.Document) bool {
	if isAsset(d.Ext) {
		return false
	}
	if !d.IsPage() && (d.Ext == ".yml" || d.Ext == ".yaml") {
		return false
	}
	name, _ := d.Layout()
	return name != "none"
}

// placeInLayouts renders the content into its layout, then that layout's
// layout, and so on, as Jekyll's Renderer#place_in_layouts. The page comes
// back in the render buffer of the outermost layout, uncopied: the caller
// puts page back in renderBuffers once nothing holds out, or leaves it to
// the garbage collector.
func (s *Site) placeInLayouts(d *content.Document, out string, vars map[string]any) (_ string, page *bytes.Buffer, _ error) {
	name, ok := d.Layout()
	if !ok || name == "" {
		return out, nil, nil
	}
	l := s.Layouts[name]
	if l == nil {
		return "", nil, fmt.Errorf("%s:%d: Layout '%s' requested in %s does not exist", d.RelPath, frontMatterLine(d.Path, "layout"), name, d.RelPath)
	}
	used := map[*content.Layout]bool{l: true}
	var layoutData *liquid.Map
	var inner *bytes.Buffer // holds out while the next layout renders
	defer func() {
		if inner != nil {
			renderBuffers.Put(inner)
		}
	}()
	for l != nil {
		lv := make(map[string]any, len(vars))
		for k, v := range vars {
			lv[k] = v
		}
		lv["content"] = out
		layoutData = utils.DeepMerge(l.Data, layoutData)
		lv["layout"] = layoutData
		t, err := s.templates.get(l.Path, func() (*liquid.Template, error) {
			t, err := s.Engine.Parse(l.Body, l.RelPath)
			return t, shiftLines(err, l.RelPath, l.BodyLine)
		})
		if err != nil {
			return "", nil, err
		}
		s.note(atomLayout, l.Parent())
		parent := s.Layouts[l.Parent()]
		last := parent == nil || used[parent]
		buf, err := s.executeBuf(t, l.RelPath, lv, d, l.BodyLine)
		if inner != nil {
			renderBuffers.Put(inner) // this layout is done with its content
		}
		inner = buf
		if err != nil {
			return "", nil, err
		}
		out = utils.StringOf(buf.Bytes())
		if !last {
			used[parent] = true
			l = parent
			continue
		}
		inner = nil
		return out, buf, nil
	}
	return out, nil, nil
}

// frontMatterLine finds the line of a front matter key, for messages.
func frontMatterLine(path, key string) int {
	src, err := os.ReadFile(path)
	if err != nil {
		return 1
	}
	for i, line := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(line, key+":") {
			return i + 1
		}
	}
	return 1
}

// addSourceMap adds the source map of a Sass page as a page of its own,
// beside the CSS, as jekyll-sass-converter does.
func (s *Site) addSourceMap(d *content.Document, sourceMap string) {
	name := strings.TrimSuffix(d.Name, d.Ext) + ".css.map"
	m := content.NewVirtualPage(s.Settings, d.Dir, name, "", d.Data)
	cssURL := d.URL
	m.SetURL(strings.TrimSuffix(cssURL, path.Ext(cssURL)) + ".css.map")
	m.OutputExt = ".map"
	m.Output = []byte(sourceMap)
	s.mapMu.Lock()
	s.sourceMaps = append(s.sourceMaps, m)
	s.mapMu.Unlock()
}
