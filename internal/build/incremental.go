package build

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/content"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/broadsheet-ssg/broadsheet/internal/sass"
)

// Incremental rebuilds, for the dev server and build --watch.
//
// A Builder keeps the last good Site, the documents it parsed and what
// every render read (deps.go). A rebuild reads the site again, parsing only
// the files that changed (the rest are copies of what was parsed before),
// runs the generators and makes the payload as a full build does, then
// renders only the documents whose own source or recorded inputs changed;
// every other document takes its output from the last build. It writes
// only the files whose bytes changed. Because everything but rendering is
// done afresh, the result is the full build's: generators see the whole
// site, new and deleted posts move every list they are in, and a
// document's recorded inputs are compared between the two builds, not
// guessed from the kind of file that changed.
//
// A change to the configuration, to _plugins or to the Gemfile, or a
// rebuild after a failed one that could not read the site, is a full build.

// readCache holds the documents and pages a build parsed, by absolute path,
// as they were before plugins or rendering touched them.
type readCache struct {
	mu   sync.RWMutex
	docs map[string]cachedDoc
	// time is site.time of the first build: later rebuilds keep it, so that
	// documents dated by it stay equal to their cached copies.
	time time.Time

	// The last build's list of source files, reused when scanOK.
	scan   *scan
	kinds  map[string]byte // 'p' post, 'd' other document, 'g' page, 's' static file
	source string
	scanOK bool
}

type cachedDoc struct {
	d     *content.Document // Collection is nil: the cache keeps no build alive
	label string            // its collection's, "" for a page
}

func newReadCache() *readCache {
	return &readCache{docs: map[string]cachedDoc{}}
}

func (c *readCache) siteTime() time.Time {
	if c == nil || c.time.IsZero() {
		return time.Now()
	}
	return c.time
}

// doc returns a fresh copy of the document parsed from abs, or nil.
func (c *readCache) doc(abs string, coll *content.Collection) *content.Document {
	if c == nil {
		return nil
	}
	c.mu.RLock()
	e, ok := c.docs[abs]
	c.mu.RUnlock()
	if !ok {
		return nil
	}
	if label := ""; coll != nil {
		label = coll.Label
		if e.label != label {
			return nil
		}
	} else if e.label != "" {
		return nil
	}
	return copyDoc(e.d, coll)
}

// keep stores a parsed document and returns the copy the build uses.
func (c *readCache) keep(abs string, d *content.Document, coll *content.Collection) *content.Document {
	if c == nil {
		return d
	}
	// The original stays as read: the build works on a copy.
	p := *d
	p.Collection = nil
	p.SetDrop(nil)
	if d.Excerpt != nil {
		x := *d.Excerpt
		x.Doc = &p
		p.Excerpt = &x
	}
	e := cachedDoc{d: &p}
	if coll != nil {
		e.label = coll.Label
	}
	c.mu.Lock()
	c.docs[abs] = e
	c.mu.Unlock()
	return copyDoc(d, coll)
}

// forget drops what was parsed from abs, and from any file below it.
func (c *readCache) forget(abs string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.docs, abs)
	prefix := abs + string(filepath.Separator)
	for k := range c.docs {
		if strings.HasPrefix(k, prefix) {
			delete(c.docs, k)
		}
	}
}

// copyDoc is a document as read, ready for a build of its own. Documents
// share their front matter with the cache: the plugins that change a
// document's front matter set values computed from that document alone,
// so doing it again changes nothing. Pages are few and plugins set keys on
// them (pagination), so they get their own.
func copyDoc(p *content.Document, coll *content.Collection) *content.Document {
	c := *p
	c.Collection = coll
	c.Content, c.Output, c.Pager = "", nil, nil
	c.SetDrop(nil)
	if coll == nil {
		c.Data = p.Data.Clone()
		if p.FrontMatter != nil {
			c.FrontMatter = p.FrontMatter.Clone()
		}
	}
	if p.Excerpt != nil {
		e := *p.Excerpt
		e.Doc = &c
		e.Output = ""
		c.Excerpt = &e
	}
	return &c
}

// renderEach renders a phase's documents: on every core in a plain build,
// one at a time with their inputs recorded in a tracked one.
func (s *Site) renderEach(list []*content.Document, fail func(error), render func(*content.Document) error) {
	if s.track == nil {
		parallel(len(list), func(i int) {
			if err := render(list[i]); err != nil {
				fail(err)
			}
		})
		return
	}
	s.track.renderEach(list, fail, render)
}

// What changed about a document between two builds.
const (
	chMeta uint8 = 1 << iota
	chBody
	chNeighbours
	chKnown // the other bits are computed
)

// tracker decides, during a tracked render, which documents to render and
// which to take from the last build, and records what each render reads.
// Documents and site-wide inputs are numbered by the Builder's interner,
// the same number in every build, so that checking the tens of thousands
// of inputs a big site's pages read is indexing, not hashing paths.
type tracker struct {
	s, old *Site
	in     *interner
	// all renders everything (a full build, or an input the graph cannot
	// follow changed).
	all      bool
	keyOf    map[*content.Document]string
	oldKeyOf map[*content.Document]string
	idOf     map[*content.Document]int32
	cur      []*content.Document // by id
	prev     []*content.Document
	oldDeps  [3]map[int32]*deps // by phase: excerpts, documents, pages
	deps     [3]map[int32]*deps
	oldMaps  map[int32][]*content.Document // Sass pages' source maps
	maps     map[int32][]*content.Document

	paths       map[string]bool // changed source files
	includesDir bool            // a file was added to or removed from an includes folder
	sassChanged bool

	docMemo  []uint8
	changed  []bool // re-rendered with a different result
	atomMemo []int8 // 0 unknown, 1 same, 2 changed
	rendered int

	// same is a quick rebuild (incremental_quick.go): the last build's Site
	// re-rendered in place, each document's results saved before.
	same  bool
	undos []undo
	saved map[*content.Document]bool
}

// trackState is what a tracked build leaves for the next one.
type trackState struct {
	deps   [3]map[int32]*deps
	maps   map[int32][]*content.Document
	keyOf  map[*content.Document]string
	idOf   map[*content.Document]int32
	byPath map[string]*content.Document // documents made from a file no other document is made from
	out    map[string]outFile           // the output files, by destination
}

func newTracker(s, old *Site, prev *trackState, in *interner, paths map[string]bool) *tracker {
	t := &tracker{s: s, old: old, in: in, paths: paths, maps: map[int32][]*content.Document{}}
	for i := range t.deps {
		t.deps[i] = map[int32]*deps{}
	}
	t.keyOf = keysOfDocs(s)
	t.idOf = make(map[*content.Document]int32, len(t.keyOf))
	for d, k := range t.keyOf {
		t.idOf[d] = in.doc(k)
	}
	if old == nil || prev == nil {
		t.all = true
		return t
	}
	if t.oldKeyOf = prev.keyOf; t.oldKeyOf == nil {
		t.oldKeyOf = keysOfDocs(old)
	}
	n := len(in.docs) + 1
	t.cur, t.prev = make([]*content.Document, n), make([]*content.Document, n)
	for d, id := range t.idOf {
		t.cur[id] = d
	}
	for d, k := range t.oldKeyOf {
		if id, ok := in.docs[k]; ok {
			t.prev[id] = d
		}
	}
	t.docMemo = make([]uint8, n)
	t.changed = make([]bool, n)
	t.oldDeps = prev.deps
	t.oldMaps = prev.maps
	return t
}

// keysOfDocs names every document and page of a build with a key that the
// same source has in the next build: its path, and for the copies
// pagination makes of one page, the path and the output file.
func keysOfDocs(s *Site) map[*content.Document]string {
	n := len(s.Pages)
	for _, c := range s.Collections {
		n += len(c.Docs)
	}
	keyOf := make(map[*content.Document]string, n)
	taken := make(map[string]bool, n)
	dup := 0
	add := func(d *content.Document) {
		k := d.Path
		if taken[k] {
			k = d.Path + "#" + d.Destination()
			if taken[k] {
				// The same file made twice at the same place: never reused.
				dup++
				k += "#" + strconv.Itoa(dup)
				keyOf[d] = k
				return
			}
		}
		keyOf[d] = k
		taken[k] = true
	}
	for _, c := range s.Collections {
		for _, d := range c.Docs {
			add(d)
		}
	}
	for _, p := range s.Pages {
		add(p)
	}
	return keyOf
}

func (t *tracker) phaseIndex() int { return t.s.phase - phaseExcerpts }

func (t *tracker) renderEach(list []*content.Document, fail func(error), render func(*content.Document) error) {
	ph := t.phaseIndex()
	// What to render is decided before anything is: a render never sees
	// another render of its own phase (see Render), only earlier phases'.
	var todo []*content.Document
	for _, d := range list {
		id, keyed := t.idOf[d]
		if !t.all && keyed {
			if old := t.prevDoc(id); old != nil && !t.dirty(id, ph) {
				t.reuse(d, old, id, ph)
				continue
			}
		}
		todo = append(todo, d)
	}
	workers := runtime.GOMAXPROCS(0)
	for len(todo) > 0 {
		n := min(workers, len(todo))
		for i := 0; i < n; i++ {
			// A Sass page adds source maps, to be told apart: alone.
			if isAsset(todo[i].Ext) {
				n = max(i, 1)
				break
			}
		}
		t.renderBatch(todo[:n], ph, fail, render)
		todo = todo[n:]
	}
}

// renderBatch renders a few documents at once, one per core, with one
// recorder: each of them is given what any of them read. That is more
// than each read, so a later rebuild may render one of them needlessly,
// never too few; and it lets a tracked build use every core.
func (t *tracker) renderBatch(batch []*content.Document, ph int, fail func(error), render func(*content.Document) error) {
	maps := len(t.s.sourceMaps)
	if t.same {
		for _, d := range batch {
			t.saveForRender(d)
		}
	}
	rec := newRecorder()
	rec.shared = len(batch) > 1
	t.s.rec = rec
	errs := make([]error, len(batch))
	if len(batch) == 1 {
		errs[0] = render(batch[0])
	} else {
		var wg sync.WaitGroup
		for i, d := range batch {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = render(d)
			}()
		}
		wg.Wait()
	}
	t.s.rec = nil
	var frozen *deps
	for i, d := range batch {
		t.rendered++
		if errs[i] != nil {
			fail(errs[i])
			continue
		}
		id, keyed := t.idOf[d]
		if !keyed {
			continue
		}
		if frozen == nil {
			frozen = rec.freeze(t.idOf, t.in)
		}
		t.deps[ph][id] = frozen
		if len(batch) == 1 && len(t.s.sourceMaps) > maps {
			t.maps[id] = append([]*content.Document(nil), t.s.sourceMaps[maps:]...)
		}
		if t.same {
			t.noteSameResult(d, id, ph)
		} else if !t.all {
			t.noteResult(d, id, ph)
		}
	}
}

func (t *tracker) prevDoc(id int32) *content.Document {
	if int(id) < len(t.prev) {
		return t.prev[id]
	}
	return nil
}

func (t *tracker) curDoc(id int32) *content.Document {
	if int(id) < len(t.cur) {
		return t.cur[id]
	}
	return nil
}

// reuse gives a document the result of its last render.
func (t *tracker) reuse(d, old *content.Document, id int32, ph int) {
	switch ph {
	case 0:
		if d.Excerpt != nil && old.Excerpt != nil {
			d.Excerpt.Output = old.Excerpt.Output
		}
	default:
		d.Content, d.Output = old.Content, old.Output
		if m := t.oldMaps[id]; len(m) > 0 {
			t.s.sourceMaps = append(t.s.sourceMaps, m...)
			t.maps[id] = m
		}
	}
	t.deps[ph][id] = t.oldDeps[ph][id]
}

// noteResult records whether a render's result differs from the last
// build's, for the documents that read it.
func (t *tracker) noteResult(d *content.Document, id int32, ph int) {
	if int(id) >= len(t.changed) {
		return // new since the last build: every reader sees it as changed
	}
	old := t.prevDoc(id)
	if old == nil {
		t.changed[id] = true
		return
	}
	switch ph {
	case 0:
		if d.Excerpt != nil && (old.Excerpt == nil || old.Excerpt.Output != d.Excerpt.Output) {
			t.changed[id] = true
		}
	default:
		if old.Content != d.Content || !bytes.Equal(old.Output, d.Output) {
			t.changed[id] = true
		}
	}
}

// dirty reports whether the document must be rendered in this phase.
func (t *tracker) dirty(id int32, ph int) bool {
	if t.docChanged(id)&(chMeta|chBody) != 0 {
		return true
	}
	dp := t.oldDeps[ph][id]
	if dp == nil {
		return true
	}
	for _, dd := range dp.docs {
		ch := t.docChanged(dd.id)
		if dd.what&readMeta != 0 && ch&chMeta != 0 ||
			dd.what&readContent != 0 && (ch&chBody != 0 || t.changed[dd.id]) ||
			dd.what&readNeighbours != 0 && ch&chNeighbours != 0 {
			return true
		}
	}
	for _, a := range dp.atoms {
		if t.atomChanged(a) {
			return true
		}
	}
	return false
}

// docChanged compares a document with the last build's. A document either
// build lacks has changed in every way.
func (t *tracker) docChanged(id int32) uint8 {
	if int(id) >= len(t.docMemo) {
		return chMeta | chBody | chNeighbours
	}
	if ch := t.docMemo[id]; ch != 0 {
		return ch
	}
	ch := chKnown
	d, old := t.cur[id], t.prev[id]
	switch {
	case d == nil || old == nil:
		ch |= chMeta | chBody | chNeighbours
	default:
		if !t.sameMeta(old, d) {
			ch |= chMeta
		}
		if old.Body != d.Body || old.BodyLine != d.BodyLine || excerptRaw(old) != excerptRaw(d) {
			ch |= chBody
		}
		if !d.IsPage() && (t.neighbour(t.old, t.oldKeyOf, old, -1) != t.neighbour(t.s, t.keyOf, d, -1) ||
			t.neighbour(t.old, t.oldKeyOf, old, +1) != t.neighbour(t.s, t.keyOf, d, +1)) {
			ch |= chNeighbours
		}
	}
	t.docMemo[id] = ch
	return ch
}

func excerptRaw(d *content.Document) string {
	if d.Excerpt == nil {
		return "\x00none"
	}
	return d.Excerpt.Raw
}

func (t *tracker) neighbour(s *Site, keyOf map[*content.Document]string, d *content.Document, step int) string {
	i, ok := s.docIndex[d]
	if !ok {
		return ""
	}
	j := i + step
	if j < 0 || j >= len(d.Collection.Docs) {
		return ""
	}
	return keyOf[d.Collection.Docs[j]]
}

// sameMeta compares everything about two versions of a document but its
// body: front matter, URL, date, the pagination it shows.
func (t *tracker) sameMeta(a, b *content.Document) bool {
	if a.URL != b.URL || !a.Date.Equal(b.Date) || a.Slug != b.Slug || a.OutputExt != b.OutputExt ||
		a.Draft != b.Draft || a.Name != b.Name || a.RelPath != b.RelPath || a.Ext != b.Ext ||
		a.Virtual != b.Virtual || a.IsPage() != b.IsPage() {
		return false
	}
	if !sameMap(a.Data, b.Data) || !sameMap(a.FrontMatter, b.FrontMatter) {
		return false
	}
	if (a.Pager == nil) != (b.Pager == nil) {
		return false
	}
	if a.Pager != nil && !t.sameValue(a.Pager, b.Pager, 0) {
		return false
	}
	// A plugin's own page drop may hold values it computed from the site.
	_, ownA := a.Drop().(*pageDrop)
	_, ownB := b.Drop().(*pageDrop)
	if a.IsPage() && (!ownA || !ownB) {
		if ownA != ownB || !t.sameValue(a.Drop(), b.Drop(), 0) {
			return false
		}
	}
	return true
}

func sameMap(a, b *liquid.Map) bool {
	if a == b {
		return true
	}
	if a == nil || b == nil {
		return false
	}
	return liquid.Inspect(a) == liquid.Inspect(b)
}

// sameValue compares two template values of the two builds, documents by
// their keys (what a reader reads of them is recorded apart).
func (t *tracker) sameValue(a, b any, depth int) bool {
	if depth > 8 {
		return false
	}
	da, db := dropDoc(a), dropDoc(b)
	if da != nil || db != nil {
		return da != nil && db != nil && t.oldKeyOf[da] == t.keyOf[db]
	}
	switch x := a.(type) {
	case nil:
		return b == nil
	case string:
		y, ok := b.(string)
		return ok && x == y
	case int:
		y, ok := b.(int)
		return ok && x == y
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !t.sameValue(x[i], y[i], depth+1) {
				return false
			}
		}
		return true
	case *liquid.Map:
		y, ok := b.(*liquid.Map)
		if !ok || x.Len() != y.Len() {
			return false
		}
		ky := y.Keys()
		for i, k := range x.Keys() {
			if ky[i] != k {
				return false
			}
			vx, _ := x.Get(k)
			vy, _ := y.Get(k)
			if !t.sameValue(vx, vy, depth+1) {
				return false
			}
		}
		return true
	case *staticDrop:
		y, ok := b.(*staticDrop)
		return ok && x.f.RelPath == y.f.RelPath && x.f.ModTime.Equal(y.f.ModTime) && x.f.URL == y.f.URL &&
			sameMap(x.f.Data, y.f.Data)
	case liquid.KeyedDrop:
		y, ok := b.(liquid.KeyedDrop)
		if !ok {
			return false
		}
		kx, ky := x.Keys(), y.Keys()
		if len(kx) != len(ky) {
			return false
		}
		for i, k := range kx {
			if ky[i] != k || !t.sameValue(x.Get(k), y.Get(k), depth+1) {
				return false
			}
		}
		return true
	case liquid.Drop:
		return false
	}
	return liquid.Inspect(a) == liquid.Inspect(b)
}

// dropDoc is the document behind one of our drops, or nil.
func dropDoc(v any) *content.Document {
	switch x := v.(type) {
	case *docDrop:
		return x.d
	case *pageDrop:
		return x.d
	case *excerptDrop:
		return x.d
	}
	return nil
}

// atomChanged compares a site-wide input between the two builds.
func (t *tracker) atomChanged(id int32) bool {
	for int(id) >= len(t.atomMemo) {
		t.atomMemo = append(t.atomMemo, 0)
	}
	if m := t.atomMemo[id]; m != 0 {
		return m == 2
	}
	a := t.in.atomList[id]
	var ch bool
	s, old := t.s, t.old
	switch a.kind {
	case atomSite:
		switch a.name {
		case "posts":
			ch = !t.sameList(old.postsDesc, s.postsDesc)
		case "pages":
			ch = !t.sameList(old.pageDrops, s.pageDrops) || !t.sameList(old.htmlPages, s.htmlPages)
		case "static":
			ch = !t.sameList(old.staticDrops, s.staticDrops)
		case "documents":
			ch = !t.sameList(old.documentDrops, s.documentDrops)
		case "collections":
			ch = !t.sameList(old.documentDrops, s.documentDrops) || !t.sameList(old.staticDrops, s.staticDrops) ||
				len(old.collectionDrops) != len(s.collectionDrops)
		case "categories":
			ch = !t.sameHash(old.categories, s.categories)
		case "tags":
			ch = !t.sameHash(old.tags, s.tags)
		case "data":
			ch = liquid.Inspect(old.Data) != liquid.Inspect(s.Data)
		case "related":
			ch = newestKeys(old, t.oldKeyOf) != newestKeys(s, t.keyOf)
		default:
			ch = true
		}
	case atomColl:
		ch = !t.sameList(old.collectionDocs[a.name], s.collectionDocs[a.name])
	case atomLayout:
		ch = !sameLayout(old.Layouts[a.name], s.Layouts[a.name])
	case atomInclude:
		ch = t.includesDir || t.paths[a.name]
	case atomSass:
		ch = t.sassChanged
	default:
		ch = true
	}
	t.atomMemo[id] = 1
	if ch {
		t.atomMemo[id] = 2
	}
	return ch
}

// sameList compares two lists of drops by the documents (or static files)
// they show, not by those documents' fields, which readers record apart.
func (t *tracker) sameList(a, b []any) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		da, db := dropDoc(a[i]), dropDoc(b[i])
		if da != nil || db != nil {
			if da == nil || db == nil || t.oldKeyOf[da] != t.keyOf[db] {
				return false
			}
			continue
		}
		if !t.sameValue(a[i], b[i], 3) {
			return false
		}
	}
	return true
}

// sameHash compares site.categories or site.tags: the same names in the
// same order, each with the same posts.
func (t *tracker) sameHash(a, b *liquid.Map) bool {
	ka, kb := a.Keys(), b.Keys()
	if len(ka) != len(kb) {
		return false
	}
	for i, k := range ka {
		if kb[i] != k {
			return false
		}
		va, _ := a.Get(k)
		vb, _ := b.Get(k)
		la, _ := va.([]any)
		lb, _ := vb.([]any)
		if !t.sameList(la, lb) {
			return false
		}
	}
	return true
}

// newestKeys names the posts site.related_posts may show.
func newestKeys(s *Site, keyOf map[*content.Document]string) string {
	posts := s.Posts.Docs
	var b strings.Builder
	for i := len(posts) - 1; i >= 0 && i >= len(posts)-11; i-- {
		b.WriteString(keyOf[posts[i]])
		b.WriteByte(0)
	}
	return b.String()
}

func sameLayout(a, b *content.Layout) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Path == b.Path && a.Body == b.Body && a.BodyLine == b.BodyLine && sameMap(a.Data, b.Data)
}

// isSassSource tells the files a stylesheet may import.
func isSassSource(p string) bool {
	if _, ok := sass.SyntaxOf(filepath.Ext(p)); ok {
		return true
	}
	return filepath.Ext(p) == ".css"
}

// scanned returns the last build's list of source files, for a rebuild
// whose changes cannot have changed it (the Builder says so in scanOK),
// with its collections replaced by this build's.
func (c *readCache) scanned(colls []*content.Collection) *scan {
	if c == nil || !c.scanOK || c.scan == nil {
		return nil
	}
	byLabel := make(map[string]*content.Collection, len(colls))
	for _, cl := range colls {
		byLabel[cl.Label] = cl
	}
	sc := &scan{pages: c.scan.pages, posts: make([]postJob, len(c.scan.posts)), statics: make([]staticJob, len(c.scan.statics))}
	for i, j := range c.scan.posts {
		if j.coll = byLabel[j.coll.Label]; j.coll == nil {
			return nil
		}
		sc.posts[i] = j
	}
	for i, j := range c.scan.statics {
		if j.coll != nil {
			if j.coll = byLabel[j.coll.Label]; j.coll == nil {
				return nil
			}
		}
		sc.statics[i] = j
	}
	return sc
}

// keepScan stores a build's list of source files, its collections
// replaced by stand-ins that keep no build alive.
func (c *readCache) keepScan(sc *scan) {
	if c == nil {
		return
	}
	stand := map[string]*content.Collection{}
	standIn := func(cl *content.Collection) *content.Collection {
		if cl == nil {
			return nil
		}
		if s, ok := stand[cl.Label]; ok {
			return s
		}
		s := &content.Collection{Label: cl.Label}
		stand[cl.Label] = s
		return s
	}
	kept := &scan{pages: sc.pages, posts: make([]postJob, len(sc.posts)), statics: make([]staticJob, len(sc.statics))}
	c.kinds = make(map[string]byte, len(sc.posts)+len(sc.pages)+len(sc.statics))
	for i, j := range sc.posts {
		j.coll = standIn(j.coll)
		kept.posts[i] = j
		c.kinds[j.abs] = 'd'
		if j.coll.Label == "posts" {
			c.kinds[j.abs] = 'p'
		}
	}
	for i, j := range sc.statics {
		j.coll = standIn(j.coll)
		kept.statics[i] = j
		c.kinds[j.abs] = 's'
	}
	for _, j := range sc.pages {
		if j.abs == "" {
			c.kinds[joinPath(c.source, path.Join(j.dir, j.name))] = 'g'
		}
	}
	c.scan = kept
}

// sameListing reports whether the changed files leave the list of source
// files as it was: each is a file the last build read, still read the same
// way, or a layout, include, data file or Sass partial.
func (c *readCache) sameListing(s *Site, changed map[string]bool) bool {
	if c.scan == nil {
		return false
	}
	cfg := s.Config
	special := []string{joinPath(cfg.Source, cfg.LayoutsDir), joinPath(cfg.Source, cfg.IncludesDir),
		joinPath(cfg.Source, cfg.DataDir), joinPath(cfg.Source, "_sass")}
	for p := range changed {
		st, err := os.Stat(p)
		if err != nil || st.IsDir() {
			return false
		}
		switch c.kinds[p] {
		case 'p':
			continue
		case 'd', 'g':
			if !hasYAMLHeader(p) {
				return false
			}
			continue
		case 's':
			if hasYAMLHeader(p) {
				return false
			}
			continue
		}
		known := false
		for _, d := range special {
			if within(p, d) {
				known = true
			}
		}
		if !known {
			return false
		}
	}
	return true
}
