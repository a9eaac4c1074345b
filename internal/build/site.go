// Package build is the pipeline that turns a Jekyll site into its output:
// read (config, front matter, documents, pages, static files, layouts,
// data), generate, render (Liquid, Markdown, layouts; documents in parallel)
// and write (only changed bytes; nothing at all when the site has errors).
//
// It takes an Options (what the CLI or a test asks for) and gives a Site
// whose files are written to the destination, or an error that names every
// broken file.
package build

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/config"
	"github.com/broadsheet-ssg/broadsheet/internal/content"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/broadsheet-ssg/broadsheet/internal/markdown"
	"github.com/broadsheet-ssg/broadsheet/internal/sass"
	"github.com/broadsheet-ssg/broadsheet/internal/theme"
)

// JekyllVersion is what jekyll.version says: the Jekyll whose output we match.
const JekyllVersion = "4.3.1"

// Options are what a build is asked to do.
type Options struct {
	Source      string
	Destination string
	ConfigFiles []string
	// Overrides are config keys set by flags (show_drafts, future,
	// unpublished, baseurl, ...), applied after the config files.
	Overrides   map[string]any
	Environment string    // jekyll.environment; "" means "development"
	Time        time.Time // site.time; zero means now
	Log         io.Writer // warnings; nil means os.Stderr
	Verbose     bool
	// Plugins are the plugins Broadsheet has; those the site names in its
	// config are switched on.
	Plugins []Plugin
	// RemoteThemeBaseURL is where remote themes are downloaded from (""
	// means GitHub); tests point it at a server on loopback.
	RemoteThemeBaseURL string

	// cache holds what the last build read, for an incremental rebuild.
	cache *readCache

	builtinTheme bool // use the built-in theme (set by Read when the site needs it)

	// Profile collects render times per template for WriteProfile.
	Profile bool
}

const (
	phaseRead = iota
	phaseExcerpts
	phaseDocs
	phasePages
	phaseDone
)

// Site is a site after the read phase: read-only while it renders, except
// for each document's own render fields.
type Site struct {
	Config      *config.Config
	Settings    *content.Settings
	Time        time.Time
	Env         string
	Collections []*content.Collection // posts first
	Posts       *content.Collection
	Pages       []*content.Document
	StaticFiles []*content.StaticFile
	Layouts     map[string]*content.Layout
	Data        *liquid.Map
	Markdown    *markdown.Converter
	Engine      *liquid.Engine
	Theme       *theme.Theme // nil without a theme
	Sass        *sass.Compiler

	log     io.Writer
	phase   int
	plugins []Plugin  // switched on by the site, in Broadsheet's order
	profile *profiler // nil unless Options.Profile
	pinned  bool      // site.time was given (SOURCE_DATE_EPOCH): "now" is that time too

	// Site-wide template values, built once after reading.
	postsDesc       []any
	pageDrops       []any
	htmlPages       []any
	staticDrops     []any
	documentDrops   []any
	collectionDrops []any
	collectionDocs  map[string][]any
	categories      *liquid.Map
	tags            *liquid.Map
	docIndex        map[*content.Document]int

	templates  templateCache
	mapMu      sync.Mutex
	sourceMaps []*content.Document
	warnMu     sync.Mutex
	warned     map[string]bool

	// Incremental rebuilds (incremental.go, deps.go).
	cache *readCache
	track *tracker
	rec   *recorder // what the render in progress reads (tracked builds only)
	// stream writes pages as they are rendered (first builds only).
	stream *streamer
	// includePaths caches where each include was found (one-off builds).
	includePaths *sync.Map
	incDirsOnce  sync.Once // includeDirs, worked out once
	incDirs      []string
}

// BuildError lists every file that failed; a build with errors writes nothing.
type BuildError struct{ Errs []error }

func (e *BuildError) Error() string {
	var b strings.Builder
	for i, err := range e.Errs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(err.Error())
	}
	return b.String()
}

// Warnf prints a warning once.
func (s *Site) Warnf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	s.warnMu.Lock()
	defer s.warnMu.Unlock()
	if s.warned == nil {
		s.warned = map[string]bool{}
	}
	if s.warned[msg] {
		return
	}
	s.warned[msg] = true
	fmt.Fprintln(s.log, "Warning: "+msg)
}

// Build reads, renders and writes a site. A site with errors in some files
// is still rendered, so that one build names every broken file, but nothing
// is written.
func Build(opts Options) (*Site, error) {
	s, readErr := Read(opts)
	if s == nil {
		return nil, readErr
	}
	s.includePaths = &sync.Map{}
	if readErr == nil {
		st, err := startStream(s)
		if err != nil {
			return s, err
		}
		s.stream = st
	}
	renderErr := s.Render()
	if readErr != nil || renderErr != nil {
		if s.stream != nil {
			s.stream.abort()
		}
		var errs []error
		for _, e := range []error{readErr, renderErr} {
			if e != nil {
				errs = append(errs, e)
			}
		}
		return s, joinErrors(errs)
	}
	if s.stream != nil {
		if err := s.stream.finish(s); err != nil {
			s.stream.abort()
			return s, err
		}
		return s, nil
	}
	if err := s.Write(); err != nil {
		return s, err
	}
	return s, nil
}

// Read loads the configuration and every source file. When some files are
// broken it returns the Site without them together with their errors; it
// returns no Site when the configuration itself cannot be read.
func Read(opts Options) (*Site, error) {
	cfg, err := config.Load(config.Options{
		Source:      opts.Source,
		Destination: opts.Destination,
		ConfigFiles: opts.ConfigFiles,
		Overrides:   opts.Overrides,
	})
	if err != nil {
		return nil, err
	}
	s := &Site{Config: cfg, log: opts.Log, Env: opts.Environment, cache: opts.cache}
	if s.log == nil {
		s.log = os.Stderr
	}
	if opts.Profile {
		s.profile = &profiler{stats: map[string]*templateStat{}}
	}
	for _, w := range cfg.Warnings {
		s.Warnf("%s", w)
	}
	if s.Env == "" {
		s.Env = "development"
	}
	s.Time = opts.Time
	s.pinned = !s.Time.IsZero()
	if !s.pinned {
		s.Time = opts.cache.siteTime()
	}
	s.Time = s.Time.In(cfg.Timezone)
	s.Markdown = markdown.NewWithOptions(markdown.Options{
		Exts:        cfg.MarkdownExt,
		Engine:      cfg.String("markdown"),
		Kramdown:    cfg.Map("kramdown"),
		Highlighter: cfg.String("highlighter"),
	})
	s.Settings = &content.Settings{
		Source:           cfg.Source,
		CollectionsPath:  joinPath(cfg.Source, cfg.CollectionsDir),
		PermalinkStyle:   cfg.Permalink,
		Timezone:         cfg.Timezone,
		SiteTime:         s.Time,
		ExcerptSeparator: cfg.ExcerptSeparator,
		OutputExt:        s.outputExt,
		Defaults:         cfg.FrontMatterDefaults,
	}
	if err := s.loadTheme(opts); err != nil {
		return nil, err
	}
	themeSass := ""
	if s.Theme != nil {
		themeSass = s.Theme.SassDir
	}
	if s.Sass, err = sass.New(sass.OptionsFromConfig(cfg.Raw, cfg.Source, themeSass, s.Env)); err != nil {
		return nil, err
	}
	s.enablePlugins(opts.Plugins)
	readErr := s.read()
	if !opts.builtinTheme && s.needsBuiltinTheme() {
		opts.builtinTheme = true
		return Read(opts)
	}
	for _, p := range s.plugins {
		if pr, ok := p.(PostReader); ok {
			if err := pr.PostRead(s); err != nil {
				return nil, err
			}
		}
	}
	for _, p := range s.plugins {
		if g, ok := p.(Generator); ok {
			if err := g.Generate(s); err != nil {
				return nil, err
			}
		}
	}
	s.buildPayload()
	if err := s.setupLiquid(); err != nil {
		return nil, err
	}
	return s, readErr
}

// outputExt is the converters' choice of output extension.
func (s *Site) outputExt(ext string) string {
	if s.Markdown.Matches(ext) {
		return ".html"
	}
	if _, ok := sass.SyntaxOf(ext); ok {
		return ".css"
	}
	return ext
}

// buildPayload makes the site-wide template values once.
func (s *Site) buildPayload() {
	s.docIndex = map[*content.Document]int{}
	s.collectionDocs = map[string][]any{}
	for _, c := range s.Collections {
		arr := make([]any, len(c.Docs))
		for i, d := range c.Docs {
			d.SetDrop(&docDrop{s: s, d: d})
			arr[i] = d.Drop()
			s.docIndex[d] = i
		}
		s.collectionDocs[c.Label] = arr
		for _, f := range c.Files {
			f.SetDrop(&staticDrop{f: f})
		}
	}
	// site.posts is sorted when templates ask for it, when every post has
	// its date (an undated draft's is its file's time by then).
	posts := sortedByDate(s.Posts.Docs)
	s.postsDesc = make([]any, len(posts))
	for i, d := range posts {
		s.postsDesc[len(posts)-1-i] = d.Drop()
	}
	for _, p := range s.Pages {
		if p.Drop() == nil { // a plugin may have given its page a drop of its own
			p.SetDrop(&pageDrop{s: s, d: p})
		}
		s.pageDrops = append(s.pageDrops, p.Drop())
		if p.IsHTML() || strings.HasSuffix(p.URL, "/") {
			s.htmlPages = append(s.htmlPages, p.Drop())
		}
	}
	for _, f := range s.StaticFiles {
		if f.Drop() == nil {
			f.SetDrop(&staticDrop{f: f})
		}
		s.staticDrops = append(s.staticDrops, f.Drop())
	}
	sorted := append([]*content.Collection(nil), s.Collections...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Label < sorted[j].Label })
	for _, c := range sorted {
		s.collectionDrops = append(s.collectionDrops, &collectionDrop{s: s, c: c})
	}
	for _, c := range s.Collections {
		for _, d := range c.Docs {
			s.documentDrops = append(s.documentDrops, d.Drop())
		}
		for _, f := range c.Files {
			s.documentDrops = append(s.documentDrops, f.Drop())
		}
	}
	s.categories = s.postAttrHash("categories")
	s.tags = s.postAttrHash("tags")
}

// postAttrHash is site.categories or site.tags: each name with its posts,
// newest first, names in the order the oldest post first shows them.
func (s *Site) postAttrHash(attr string) *liquid.Map {
	m := liquid.NewMap(16)
	m.SetDefault([]any{}) // Jekyll's Hash.new { [] }
	var lists [][]*content.Document
	index := map[string]int{}
	for _, d := range s.Posts.Docs {
		vals, _ := d.Get(attr).([]any)
		for _, v := range vals {
			k := liquid.ToString(v)
			i, ok := index[k]
			if !ok {
				i = len(lists)
				index[k] = i
				lists = append(lists, nil)
				m.Set(k, nil)
			}
			lists[i] = append(lists[i], d)
		}
	}
	for _, k := range m.Keys() {
		docs := sortedByDate(lists[index[k]])
		arr := make([]any, len(docs))
		for i, d := range docs {
			arr[len(docs)-1-i] = d.Drop()
		}
		m.Set(k, arr)
	}
	return m
}

// neighbour is page.next (+1) or page.previous (-1) within the collection.
func (s *Site) neighbour(d *content.Document, step int) any {
	i, ok := s.docIndex[d]
	if !ok {
		return nil
	}
	docs := d.Collection.Docs
	j := i + step
	if j < 0 || j >= len(docs) {
		return nil
	}
	return docs[j].Drop()
}

// relatedPosts is Jekyll's RelatedPosts without LSI: the ten newest posts
// other than this one.
func (s *Site) relatedPosts(d *content.Document) any {
	posts := s.Posts.Docs
	if len(posts) <= 1 {
		return []any{}
	}
	start := len(posts) - 11
	if start < 0 {
		start = 0
	}
	var out []any
	for i := len(posts) - 1; i >= start && len(out) < 10; i-- {
		if posts[i] != d {
			out = append(out, posts[i].Drop())
		}
	}
	return out
}

func joinErrors(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	var be *BuildError
	flat := []error{}
	seen := map[string]bool{}
	add := func(e error) {
		// A broken layout or include fails every page that uses it: say so once.
		if msg := e.Error(); !seen[msg] {
			seen[msg] = true
			flat = append(flat, e)
		}
	}
	for _, e := range errs {
		if errors.As(e, &be) {
			for _, e := range be.Errs {
				add(e)
			}
		} else {
			add(e)
		}
	}
	return &BuildError{Errs: flat}
}

// sortedByDate returns the documents in Jekyll's Document#<=> order with
// every date known: date, then path.
func sortedByDate(docs []*content.Document) []*content.Document {
	out := append([]*content.Document(nil), docs...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.Before(b.Date)
		}
		return a.Path < b.Path
	})
	return out
}
