package build

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/content"
	"github.com/broadsheet-ssg/broadsheet/internal/frontmatter"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// The read phase: walk the source as Jekyll's Reader does, then parse every
// file on all cores.

type postJob struct {
	abs   string
	draft bool
	coll  *content.Collection
}

type pageJob struct {
	dir, name string
	abs       string // set when the file is not under the source (a theme's)
}

type staticJob struct {
	abs, dir, name string
	coll           *content.Collection
}

type scan struct {
	posts   []postJob
	pages   []pageJob
	statics []staticJob
	seen    map[string]bool // absolute paths already taken (for `include`)
}

func joinPath(base, rel string) string {
	if rel == "" {
		return base
	}
	return filepath.Join(base, filepath.FromSlash(rel))
}

func (s *Site) read() error {
	cfg := s.Config
	s.Posts = nil
	for _, cc := range cfg.Collections {
		c := &content.Collection{Label: cc.Label, Output: cc.Output, Permalink: cc.Permalink,
			SortBy: cc.SortBy, Meta: cc.Meta}
		if v, ok := cc.Meta.Get("order"); ok {
			for _, o := range liquid.ToSlice(v) {
				c.Order = append(c.Order, liquid.ToString(o))
			}
		}
		c.Directory = joinPath(s.Settings.CollectionsPath, c.RelDir())
		if c.Permalink == "" {
			c.Permalink = content.AddPermalinkSuffix("/:collection/:path", cfg.Permalink)
		}
		s.Collections = append(s.Collections, c)
		if c.Label == "posts" {
			s.Posts = c
		}
	}
	if s.Posts == nil {
		s.Posts = &content.Collection{Label: "posts", Output: true,
			Permalink: content.StyleToPermalink(cfg.Permalink), Meta: liquid.NewMap(0)}
		s.Posts.Directory = joinPath(s.Settings.CollectionsPath, "_posts")
		s.Collections = append([]*content.Collection{s.Posts}, s.Collections...)
	}

	// A rebuild after edits to existing documents lists the same files.
	sc := s.cache.scanned(s.Collections)
	if sc == nil {
		sc = &scan{seen: map[string]bool{}}
		if err := s.scanDir(sc, ""); err != nil {
			return err
		}
		for _, inc := range cfg.Include {
			abs := joinPath(cfg.Source, inc)
			st, err := os.Stat(abs)
			if err != nil || st.IsDir() || sc.seen[abs] {
				continue
			}
			dir, name := path.Split("/" + strings.TrimPrefix(filepath.ToSlash(inc), "/"))
			dir = strings.TrimSuffix(dir, "/")
			sc.seen[abs] = true
			if hasYAMLHeader(abs) {
				sc.pages = append(sc.pages, pageJob{dir: dir, name: name})
			} else {
				sc.statics = append(sc.statics, staticJob{abs: abs, dir: dir, name: name})
			}
		}
		for _, c := range s.Collections {
			if c.Label == "posts" || c.Label == "data" {
				continue
			}
			s.scanCollection(sc, c)
		}
		s.readThemeAssets(sc)
		s.cache.keepScan(sc)
	}

	var errs []error
	var mu sync.Mutex
	fail := func(err error) {
		mu.Lock()
		errs = append(errs, err)
		mu.Unlock()
	}

	// Parse documents and pages on every core.
	docs := make([]*content.Document, len(sc.posts))
	pages := make([]*content.Document, len(sc.pages))
	parallel(len(sc.posts)+len(sc.pages), func(i int) {
		if i < len(sc.posts) {
			j := sc.posts[i]
			if d := s.cache.doc(j.abs, j.coll); d != nil {
				docs[i] = d
				return
			}
			src, err := readSource(j.abs)
			if err != nil {
				fail(err)
				return
			}
			var mtime time.Time
			if j.draft {
				mtime = fileModTime(j.abs)
			}
			d, err := content.NewDocument(s.Settings, j.coll, j.abs, src, j.draft, mtime)
			if err != nil {
				fail(err)
				return
			}
			docs[i] = s.cache.keep(j.abs, d, j.coll)
			return
		}
		j := sc.pages[i-len(sc.posts)]
		abs := j.abs
		if abs == "" {
			abs = joinPath(s.Config.Source, path.Join(j.dir, j.name))
		}
		if p := s.cache.doc(abs, nil); p != nil {
			pages[i-len(sc.posts)] = p
			return
		}
		src, err := readSource(abs)
		if err != nil {
			fail(err)
			return
		}
		p, err := content.NewPage(s.Settings, j.dir, j.name, src)
		if err != nil {
			fail(err)
			return
		}
		p.Path = abs
		pages[i-len(sc.posts)] = s.cache.keep(abs, p, nil)
	})

	layouts, lerrs := s.readLayouts()
	errs = append(errs, lerrs...)
	s.Layouts = layouts
	data, derr := s.readData()
	if derr != nil {
		errs = append(errs, derr)
	}
	if data, derr = s.mergeThemeData(data); derr != nil {
		errs = append(errs, derr)
	}
	s.Data = data

	for _, d := range docs {
		if d == nil {
			continue
		}
		if !s.publish(d, d.IsPost()) {
			continue
		}
		d.Collection.Docs = append(d.Collection.Docs, d)
	}
	for _, p := range pages {
		if p != nil && (p.Published() || s.Config.Unpublished) {
			s.Pages = append(s.Pages, p)
		}
	}
	for _, j := range sc.statics {
		var mod = fileModTime(j.abs)
		f := content.NewStaticFile(s.Settings, j.coll, j.abs, j.dir, j.name, mod)
		if j.coll != nil {
			j.coll.Files = append(j.coll.Files, f)
		} else {
			s.StaticFiles = append(s.StaticFiles, f)
		}
	}
	sort.SliceStable(s.Pages, func(a, b int) bool {
		if s.Pages[a].Name != s.Pages[b].Name {
			return s.Pages[a].Name < s.Pages[b].Name
		}
		return s.Pages[a].RelPath < s.Pages[b].RelPath
	})
	sort.SliceStable(s.StaticFiles, func(a, b int) bool { return s.StaticFiles[a].RelPath < s.StaticFiles[b].RelPath })
	for _, c := range s.Collections {
		sortDocs(s, c)
		s.StaticFiles = append(s.StaticFiles, c.Files...)
	}
	if n := s.Config.LimitPosts; n > 0 && len(s.Posts.Docs) > n {
		s.Posts.Docs = s.Posts.Docs[len(s.Posts.Docs)-n:]
	}
	if len(errs) > 0 {
		sortErrors(errs)
		return joinErrors(errs)
	}
	return nil
}

// publish is Jekyll's Publisher: published unless `published: false`
// (or --unpublished), and not in the future (unless --future). Posts
// dropped here are gone; other collections keep future documents but do not
// write them.
func (s *Site) publish(d *content.Document, checkFuture bool) bool {
	if !d.Published() && !s.Config.Unpublished {
		return false
	}
	if checkFuture && !s.Config.Future && d.Date.Unix() > s.Time.Unix() {
		fmt.Fprintf(s.log, "Skipping: %s has a future date\n", d.RelPath)
		return false
	}
	return true
}

// sortDocs orders a collection: `order`, `sort_by`, or date then path.
func sortDocs(s *Site, c *content.Collection) {
	byDate := func(a, b *content.Document) int {
		if !a.Date.Equal(b.Date) && !a.UndatedDraft && !b.UndatedDraft {
			if a.Date.Before(b.Date) {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Path, b.Path)
	}
	switch {
	case len(c.Order) > 0:
		sort.SliceStable(c.Docs, func(i, j int) bool { return byDate(c.Docs[i], c.Docs[j]) < 0 })
		pos := map[string]int{}
		for i, o := range c.Order {
			pos[path.Join(c.RelDir(), o)] = i
		}
		var listed, rest []*content.Document
		for _, d := range c.Docs {
			if _, ok := pos[d.RelPath]; ok {
				listed = append(listed, d)
			} else {
				rest = append(rest, d)
			}
		}
		sort.SliceStable(listed, func(i, j int) bool { return pos[listed[i].RelPath] < pos[listed[j].RelPath] })
		c.Docs = append(listed, rest...)
	case c.SortBy != "":
		sort.SliceStable(c.Docs, func(i, j int) bool {
			a, b := c.Docs[i], c.Docs[j]
			av, bv := a.Get(c.SortBy), b.Get(c.SortBy)
			switch {
			case av == nil && bv != nil:
				s.Warnf("Sort warning: '%s' not defined in %s", c.SortBy, a.RelPath)
				return false
			case av != nil && bv == nil:
				s.Warnf("Sort warning: '%s' not defined in %s", c.SortBy, b.RelPath)
				return true
			}
			if cmp, err := liquid.Compare(av, bv); err == nil && cmp != 0 {
				return cmp < 0
			}
			return byDate(a, b) < 0
		})
	default:
		sort.SliceStable(c.Docs, func(i, j int) bool { return byDate(c.Docs[i], c.Docs[j]) < 0 })
	}
}

// scanDir is Jekyll's Reader#read_directories for one folder (rel is ""
// or "/sub/dir").
func (s *Site) scanDir(sc *scan, rel string) error {
	abs := joinPath(s.Config.Source, rel)
	entries, err := os.ReadDir(abs)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(entries))
	isDir := map[string]bool{}
	for _, e := range entries {
		names = append(names, e.Name())
		if e.IsDir() {
			isDir[e.Name()] = true
		} else if e.Type()&os.ModeSymlink != 0 {
			if st, err := os.Stat(filepath.Join(abs, e.Name())); err == nil && st.IsDir() {
				isDir[e.Name()] = true
			}
		}
	}
	kept := s.filterEntries(rel, names)

	// Posts and drafts of this folder.
	if cd := s.Config.CollectionsDir; cd == "" || strings.HasPrefix(rel, "/"+cd) {
		s.scanSpecial(sc, rel, "_posts", false)
		if s.Config.ShowDrafts {
			s.scanSpecial(sc, rel, "_drafts", true)
		}
	}
	for _, name := range kept {
		full := filepath.Join(abs, name)
		sc.seen[full] = true
		switch {
		case isDir[name]:
			if full == s.Config.Destination {
				continue
			}
			if err := s.scanDir(sc, rel+"/"+name); err != nil {
				return err
			}
		case hasYAMLHeader(full) || s.claimed(strings.TrimPrefix(rel+"/"+name, "/")):
			sc.pages = append(sc.pages, pageJob{dir: rel, name: name})
		default:
			sc.statics = append(sc.statics, staticJob{abs: full, dir: rel, name: name})
		}
	}
	return nil
}

// scanSpecial lists _posts or _drafts below a folder.
func (s *Site) scanSpecial(sc *scan, rel, special string, draft bool) {
	base := joinPath(s.Config.Source, path.Join(rel, special))
	st, err := os.Stat(base)
	if err != nil || !st.IsDir() {
		return
	}
	baseRel := path.Join(rel, special)
	for _, e := range s.walkFiles(base, baseRel) {
		match := content.MatchesPostName
		if draft {
			match = content.MatchesDraftName
		}
		if !match(e) {
			continue
		}
		abs := filepath.Join(base, filepath.FromSlash(e))
		sc.posts = append(sc.posts, postJob{abs: abs, draft: draft, coll: s.Posts})
	}
}

// walkFiles lists the files below base (relative, with slashes), filtered
// as Jekyll's Reader#get_entries does with its entry filter.
func (s *Site) walkFiles(base, baseRel string) []string {
	var out []string
	filepath.WalkDir(base, func(p string, de os.DirEntry, err error) error {
		if err != nil || p == base {
			return nil
		}
		rel, _ := filepath.Rel(base, p)
		rel = filepath.ToSlash(rel)
		if len(s.filterEntries(baseRel, []string{rel})) == 0 {
			if de.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !de.IsDir() {
			out = append(out, rel)
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// scanCollection reads a collection's folder: files with front matter are
// documents, others its static files.
func (s *Site) scanCollection(sc *scan, c *content.Collection) {
	st, err := os.Stat(c.Directory)
	if err != nil || !st.IsDir() {
		return
	}
	for _, e := range s.walkFiles(c.Directory, c.RelDir()) {
		abs := filepath.Join(c.Directory, filepath.FromSlash(e))
		if hasYAMLHeader(abs) {
			sc.posts = append(sc.posts, postJob{abs: abs, coll: c})
			continue
		}
		dir := path.Join(c.RelDir(), path.Dir(e))
		sc.statics = append(sc.statics, staticJob{abs: abs, dir: dir, name: path.Base(e), coll: c})
	}
}

// filterEntries is Jekyll's EntryFilter#filter for entries of the folder
// rel ("" or "/sub").
func (s *Site) filterEntries(rel string, names []string) []string {
	cfg := s.Config
	var kept []string
	exclude := minus(cfg.Exclude, cfg.Include)
	for _, e := range names {
		if strings.HasSuffix(e, ".") {
			continue
		}
		base := path.Base(e)
		included := globInclude(cfg.Source, cfg.Include, e) || globInclude(cfg.Source, cfg.Include, base)
		relToSource := path.Join("/"+strings.TrimPrefix(rel, "/"), e)
		if !included && globInclude(cfg.Source, exclude, relToSource) {
			continue
		}
		if included {
			kept = append(kept, e)
			continue
		}
		if special(e) || special(base) || strings.HasSuffix(e, "~") {
			continue
		}
		kept = append(kept, e)
	}
	return kept
}

func special(name string) bool {
	return name != "" && strings.IndexByte("._#~", name[0]) >= 0
}

func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// globInclude is Jekyll's EntryFilter#glob_include?: a pattern matches an
// entry by fnmatch, by prefix, or as the folder it names.
func globInclude(source string, patterns []string, entry string) bool {
	src := filepath.ToSlash(source)
	ews := path.Join(src, entry)
	// Every pattern and entry starts with the source folder: when that has
	// no wildcard, matching starts at the slash after it, not at the root.
	skip := 0
	if !strings.ContainsAny(src, "*?[\\") && strings.HasPrefix(ews, src+"/") {
		skip = len(src)
	}
	var isDir *bool
	for _, p := range patterns {
		pws := src + "/" + strings.TrimPrefix(p, "/")
		if strings.HasSuffix(p, "/") && !strings.HasSuffix(pws, "/") {
			pws += "/"
		}
		if fnmatch(pws[skip:], ews[skip:]) || strings.HasPrefix(ews, pws) {
			return true
		}
		if strings.HasSuffix(pws, "/") && pws == ews+"/" {
			if isDir == nil {
				st, err := os.Stat(ews)
				d := err == nil && st.IsDir()
				isDir = &d
			}
			if *isDir {
				return true
			}
		}
	}
	return false
}

// fnmatch is Ruby's File.fnmatch? without flags: `*` and `?` also match
// "/", `[...]` classes, and a leading "." must be matched explicitly.
func fnmatch(pattern, name string) bool {
	if len(name) > 0 && name[0] == '.' && (len(pattern) == 0 || pattern[0] != '.') {
		return false
	}
	return fnmatchAt(pattern, name)
}

func fnmatchAt(p, n string) bool {
	for len(p) > 0 {
		switch p[0] {
		case '*':
			for len(p) > 0 && p[0] == '*' {
				p = p[1:]
			}
			if p == "" {
				return true
			}
			for i := 0; i <= len(n); i++ {
				if fnmatchAt(p, n[i:]) {
					return true
				}
			}
			return false
		case '?':
			if n == "" {
				return false
			}
			p, n = p[1:], n[1:]
		case '[':
			if n == "" {
				return false
			}
			end := strings.IndexByte(p[1:], ']')
			if end < 0 {
				if n[0] != '[' {
					return false
				}
				p, n = p[1:], n[1:]
				continue
			}
			class := p[1 : end+1]
			neg := false
			if len(class) > 0 && (class[0] == '!' || class[0] == '^') {
				neg, class = true, class[1:]
			}
			hit := false
			for i := 0; i < len(class); i++ {
				if i+2 < len(class) && class[i+1] == '-' {
					if n[0] >= class[i] && n[0] <= class[i+2] {
						hit = true
					}
					i += 2
				} else if class[i] == n[0] {
					hit = true
				}
			}
			if hit == neg {
				return false
			}
			p, n = p[end+2:], n[1:]
		case '\\':
			if len(p) > 1 {
				p = p[1:]
			}
			fallthrough
		default:
			if n == "" || p[0] != n[0] {
				return false
			}
			p, n = p[1:], n[1:]
		}
	}
	return n == ""
}

// hasYAMLHeader is Jekyll's Utils.has_yaml_header?: the first line is "---".
func hasYAMLHeader(abs string) bool {
	f, err := os.Open(abs)
	if err != nil {
		return false
	}
	defer f.Close()
	var buf [512]byte
	n, _ := f.Read(buf[:])
	line := buf[:n]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i+1]
	} else {
		return false
	}
	if !bytes.HasPrefix(line, []byte("---")) {
		return false
	}
	rest := bytes.TrimRight(line[3:], " \t\r\n\f\v")
	return len(rest) == 0
}

func fileModTime(abs string) (t time.Time) {
	if st, err := os.Stat(abs); err == nil {
		return st.ModTime()
	}
	return
}

// readLayouts reads _layouts (every file with an extension, in subfolders
// too; "blog/post.html" is the layout "blog/post").
func (s *Site) readLayouts() (map[string]*content.Layout, []error) {
	layouts := map[string]*content.Layout{}
	var errs []error
	s.readLayoutDir(joinPath(s.Config.Source, s.Config.LayoutsDir), layouts, &errs)
	if s.Theme != nil && s.Theme.LayoutsDir != "" {
		s.readLayoutDir(s.Theme.LayoutsDir, layouts, &errs)
	}
	return layouts, errs
}

// readLayoutDir reads one layouts folder; a layout already read (the
// site's, over the theme's) is kept.
func (s *Site) readLayoutDir(dir string, layouts map[string]*content.Layout, errsp *[]error) {
	errs := *errsp
	defer func() { *errsp = errs }()
	for _, e := range s.walkFiles(dir, "") {
		if !strings.Contains(path.Base(e), ".") {
			continue
		}
		abs := filepath.Join(dir, filepath.FromSlash(e))
		src, err := os.ReadFile(abs)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		rel := s.relSource(abs)
		name := e[:strings.LastIndex(e, ".")]
		if layouts[name] != nil {
			continue
		}
		fm, body, line, err := frontmatter.Parse(rel, src, s.Config.Timezone)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if fm == nil {
			fm = liquid.NewMap(0)
		}
		layouts[name] = &content.Layout{Name: name, Path: abs, RelPath: rel, Data: fm, Body: string(body), BodyLine: line}
	}
}

// parallel runs f(0..n-1) on every core.
func parallel(n int, f func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	if workers > n {
		workers = n
	}
	if workers <= 1 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	// Workers take the next item from a shared counter: no channel
	// hand-offs, so no goroutine parks and wakes per item.
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}

func sortErrors(errs []error) {
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
}

// claimed reports whether a plugin reads a file without front matter as a page.
func (s *Site) claimed(rel string) bool {
	for _, p := range s.plugins {
		if c, ok := p.(FileClaimer); ok && c.ClaimsFile(s, rel) {
			return true
		}
	}
	return false
}
