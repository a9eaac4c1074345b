package build

import (
	"os"

	"github.com/broadsheet-ssg/broadsheet/internal/content"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Builder builds a site again and again, each time re-rendering only what
// the changed files can affect (see incremental.go). It is not safe for
// concurrent use: the dev server and build --watch call it from one
// goroutine.
type Builder struct {
	opts    Options
	cache   *readCache
	last    *Site // the last build that succeeded
	state   *trackState
	in      *interner
	pending map[string]bool // files changed since the last good build
	full    bool            // the next build must be a full one
}

// Result says what a build did.
type Result struct {
	Site *Site
	// Full is true when every document was rendered.
	Full bool
	// Quick is true when only documents' text changed and the last build's
	// site was re-rendered in place (incremental_quick.go).
	Quick bool
	// Rendered counts the documents, pages and excerpts rendered.
	Rendered int
	// Written lists the output files written or removed, relative to the
	// destination with slashes, in order; every output file after a full
	// build.
	Written  []string
	Duration time.Duration
}

// NewBuilder returns a Builder for the site opts describes.
func NewBuilder(opts Options) *Builder {
	return &Builder{opts: opts, pending: map[string]bool{}, full: true, in: newInterner()}
}

// Build makes a full build, and records what every page reads for the
// rebuilds that follow.
func (b *Builder) Build() (*Result, error) {
	b.full = true
	return b.Rebuild(nil)
}

// Rebuild builds the site again after the files named in changed (absolute
// paths or relative to the current folder; files created, written or
// removed) changed. On error nothing is written, and the next rebuild
// starts again from the last good build, so fixing the broken file
// recovers.
func (b *Builder) Rebuild(changed []string) (*Result, error) {
	start := time.Now()
	for _, p := range changed {
		if abs, err := filepath.Abs(p); err == nil {
			b.pending[filepath.Clean(abs)] = true
		}
	}
	if b.last == nil || b.full || b.needsFull() {
		return b.fullBuild(start)
	}
	for p := range b.pending {
		b.cache.forget(p)
	}
	if res, ok, err := b.quick(start); ok {
		return res, err
	}
	b.cache.scanOK = b.cache.sameListing(b.last, b.pending)
	opts := b.opts
	opts.cache = b.cache
	s, readErr := Read(opts)
	if s == nil {
		return nil, readErr
	}
	t := newTracker(s, b.last, b.state, b.in, b.pending)
	b.classify(s, t)
	s.track = t
	renderErr := s.Render()
	s.track = nil
	if err := errorsOf(readErr, renderErr); err != nil {
		return &Result{Site: s, Rendered: t.rendered, Duration: time.Since(start)}, err
	}
	written, out, err := writeChanged(s, b.state.out, b.pending)
	if err != nil {
		b.full = true
		return &Result{Site: s, Rendered: t.rendered, Duration: time.Since(start)}, err
	}
	b.done(s, t, out)
	return &Result{Site: s, Full: t.all, Rendered: t.rendered, Written: written, Duration: time.Since(start)}, nil
}

func (b *Builder) fullBuild(start time.Time) (*Result, error) {
	b.cache = newReadCache()
	if src, err := filepath.Abs(b.opts.Source); err == nil {
		b.cache.source = src
	}
	opts := b.opts
	opts.cache = b.cache
	s, readErr := Read(opts)
	if s == nil {
		return nil, readErr
	}
	if !s.pinned {
		b.cache.time = s.Time
	}
	t := newTracker(s, nil, nil, b.in, nil)
	s.track = t
	renderErr := s.Render()
	s.track = nil
	if err := errorsOf(readErr, renderErr); err != nil {
		return &Result{Site: s, Full: true, Rendered: t.rendered, Duration: time.Since(start)}, err
	}
	if err := s.Write(); err != nil {
		return &Result{Site: s, Full: true, Rendered: t.rendered, Duration: time.Since(start)}, err
	}
	var written []string
	out := map[string]outFile{}
	for _, f := range s.Outputs() {
		if _, ok := out[f.dest]; !ok {
			written = append(written, f.dest)
		}
		out[f.dest] = f
	}
	b.done(s, t, out)
	b.full = false
	return &Result{Site: s, Full: true, Rendered: t.rendered, Written: written, Duration: time.Since(start)}, nil
}

func (b *Builder) done(s *Site, t *tracker, out map[string]outFile) {
	b.last = s
	b.state = &trackState{deps: t.deps, maps: t.maps, keyOf: t.keyOf, idOf: t.idOf, out: out,
		byPath: make(map[string]*content.Document, len(t.keyOf))}
	dup := map[string]bool{}
	for d, k := range t.keyOf {
		if k != d.Path {
			dup[d.Path] = true
		}
	}
	for d := range t.keyOf {
		if !dup[d.Path] && !d.Virtual {
			b.state.byPath[d.Path] = d
		}
	}
	b.pending = map[string]bool{}
}

func errorsOf(errs ...error) error {
	var list []error
	for _, e := range errs {
		if e != nil {
			list = append(list, e)
		}
	}
	if len(list) == 0 {
		return nil
	}
	return joinErrors(list)
}

// needsFull reports whether a changed file is one the dependency graph
// does not follow: the configuration, plugins, the Gemfile, the theme.
func (b *Builder) needsFull() bool {
	cfg := b.last.Config
	configs := map[string]bool{}
	for _, f := range cfg.Files {
		p := f
		if !filepath.IsAbs(p) {
			p = filepath.Join(cfg.Source, p)
		}
		configs[filepath.Clean(p)] = true
	}
	for _, f := range b.opts.ConfigFiles {
		if abs, err := filepath.Abs(f); err == nil {
			configs[abs] = true
		}
	}
	plugins := filepath.Join(cfg.Source, cfg.PluginsDir)
	var themeRoot string
	if b.last.Theme != nil {
		themeRoot = b.last.Theme.Root
	}
	for p := range b.pending {
		base := filepath.Base(p)
		dir := filepath.Dir(p)
		switch {
		case configs[p],
			dir == cfg.Source && (strings.HasPrefix(base, "_config.") || base == "Gemfile" || base == "Gemfile.lock"),
			cfg.PluginsDir != "" && within(p, plugins),
			themeRoot != "" && within(p, themeRoot),
			p == cfg.Source:
			return true
		}
	}
	return false
}

func within(p, dir string) bool {
	return p == dir || strings.HasPrefix(p, dir+string(filepath.Separator))
}

// classify sets what the tracker cannot learn by comparing the two builds:
// which includes and Sass partials changed, and whether an input the graph
// does not follow changed.
func (b *Builder) classify(s *Site, t *tracker) {
	incDirs := s.includeDirs()
	for p := range t.paths {
		for _, d := range incDirs {
			if within(p, d) {
				if _, err := os.Stat(p); err != nil || !b.wasFile(p) {
					// Added or removed: the search through the include
					// folders may now find another file.
					t.includesDir = true
				}
			}
		}
		if isSassSource(p) || s.Sass != nil && strings.Contains(filepath.ToSlash(p), "/_sass/") {
			t.sassChanged = true
		}
	}
	// jekyll-seo-tag reads site.data.authors from Go, where no drop sees it.
	if s.Enabled("jekyll-seo-tag") && t.atomChanged(b.in.atom(atom{atomSite, "data"})) {
		t.all = true
	}
}

// wasFile reports whether p was an include the last build rendered.
func (b *Builder) wasFile(p string) bool {
	id, ok := b.in.atoms[atom{atomInclude, p}]
	if !ok {
		return false
	}
	for _, ph := range b.state.deps {
		for _, d := range ph {
			for _, a := range d.atoms {
				if a == id {
					return true
				}
			}
		}
	}
	return false
}

// writeChanged writes what differs from the last build's output: documents
// whose bytes changed, static files that changed or moved, and, when some
// output is gone, the clean-up a full build does.
func writeChanged(s *Site, prev map[string]outFile, paths map[string]bool) ([]string, map[string]outFile, error) {
	dest := s.Config.Destination
	files := s.Outputs()
	final := make(map[string]int, len(files))
	now := make(map[string]outFile, len(files))
	for i, f := range files {
		final[f.dest] = i
		now[f.dest] = f
	}
	var written []string
	var errs []error
	for rel, i := range final {
		f := files[i]
		o, had := prev[rel]
		abs := filepath.Join(dest, filepath.FromSlash(rel))
		var err error
		switch {
		case f.src != "":
			if had && o.src == f.src && !paths[f.src] {
				continue
			}
			err = copyIfChanged(f.src, abs)
		default:
			if had && o.src == "" && sameBytes(o.data, f.data) {
				continue
			}
			err = writeIfChanged(abs, f.data)
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		written = append(written, rel)
	}
	removed := false
	for rel := range prev {
		if _, ok := final[rel]; !ok {
			written = append(written, rel)
			removed = true
		}
	}
	if len(errs) > 0 {
		return nil, nil, joinErrors(errs)
	}
	if removed {
		if err := s.clean(final); err != nil {
			return nil, nil, err
		}
	}
	sort.Strings(written)
	return written, now, nil
}

func sameBytes(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	if len(a) == 0 || &a[0] == &b[0] {
		return true
	}
	return string(a) == string(b)
}
