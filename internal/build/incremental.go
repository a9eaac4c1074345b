package build

import (
	"bytes"
	"path/filepath"
	"sort"
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
	e := cachedDoc{d: copyDoc(d, nil)}
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
type tracker struct {
	s, old *Site
	// all renders everything (a full build, or an input the graph cannot
	// follow changed).
	all      bool
	keyOf    map[*content.Document]string
	byKey    map[string]*content.Document
	oldKeyOf map[*content.Document]string
	oldByKey map[string]*content.Document
	oldDeps  [3]map[string]*deps // by phase: excerpts, documents, pages
	deps     [3]map[string]*deps
	oldMaps  map[string][]*content.Document // Sass pages' source maps
	maps     map[string][]*content.Document

	paths       map[string]bool // changed source files
	includesDir bool            // a file was added to or removed from an includes folder
	sassChanged bool

	docMemo  map[string]uint8
	atomMemo map[atom]bool
	changed  map[string]bool // re-rendered with a different result
	rendered int
}

func newTracker(s, old *Site, prev *trackState, paths map[string]bool) *tracker {
	t := &tracker{s: s, old: old, paths: paths, docMemo: map[string]uint8{},
		atomMemo: map[atom]bool{}, changed: map[string]bool{}, maps: map[string][]*content.Document{}}
	for i := range t.deps {
		t.deps[i] = map[string]*deps{}
	}
	t.keyOf, t.byKey = keysOfDocs(s)
	if old == nil || prev == nil {
		t.all = true
		return t
	}
	t.oldKeyOf, t.oldByKey = keysOfDocs(old)
	t.oldDeps = prev.deps
	t.oldMaps = prev.maps
	return t
}

// trackState is what a tracked build leaves for the next one.
type trackState struct {
	deps [3]map[string]*deps
	maps map[string][]*content.Document
}

// keysOfDocs names every document and page of a build with a key that the
// same source has in the next build: its path, and for the copies
// pagination makes of one page, the path and the output file.
func keysOfDocs(s *Site) (map[*content.Document]string, map[string]*content.Document) {
	n := len(s.Pages)
	for _, c := range s.Collections {
		n += len(c.Docs)
	}
	keyOf := make(map[*content.Document]string, n)
	byKey := make(map[string]*content.Document, n)
	dup := map[string]int{}
	add := func(d *content.Document) {
		k := d.Path
		if _, taken := byKey[k]; taken {
			k = d.Path + "#" + d.Destination()
			if _, taken := byKey[k]; taken {
				// The same file made twice at the same place: never reused.
				dup[k]++
				k += "#" + strconv.Itoa(dup[k])
				keyOf[d] = k
				return
			}
		}
		keyOf[d] = k
		byKey[k] = d
	}
	for _, c := range s.Collections {
		for _, d := range c.Docs {
			add(d)
		}
	}
	for _, p := range s.Pages {
		add(p)
	}
	return keyOf, byKey
}

func (t *tracker) phaseIndex() int { return t.s.phase - phaseExcerpts }

func (t *tracker) renderEach(list []*content.Document, fail func(error), render func(*content.Document) error) {
	ph := t.phaseIndex()
	for _, d := range list {
		key := t.keyOf[d]
		if !t.all {
			if old := t.oldByKey[key]; old != nil && !t.dirty(key, ph) {
				t.reuse(d, old, key, ph)
				continue
			}
		}
		maps := len(t.s.sourceMaps)
		rec := newRecorder()
		t.s.rec = rec
		err := render(d)
		t.s.rec = nil
		t.rendered++
		if err != nil {
			fail(err)
			continue
		}
		if key != "" {
			t.deps[ph][key] = rec.freeze(t.keyOf)
			if len(t.s.sourceMaps) > maps {
				t.maps[key] = append([]*content.Document(nil), t.s.sourceMaps[maps:]...)
			}
		}
		t.noteResult(d, key, ph)
	}
}

// reuse gives a document the result of its last render.
func (t *tracker) reuse(d, old *content.Document, key string, ph int) {
	switch ph {
	case 0:
		if d.Excerpt != nil && old.Excerpt != nil {
			d.Excerpt.Output = old.Excerpt.Output
		}
	default:
		d.Content, d.Output = old.Content, old.Output
		if m := t.oldMaps[key]; len(m) > 0 {
			t.s.sourceMaps = append(t.s.sourceMaps, m...)
			t.maps[key] = m
		}
	}
	t.deps[ph][key] = t.oldDeps[ph][key]
}

// noteResult records whether a render's result differs from the last
// build's, for the documents that read it.
func (t *tracker) noteResult(d *content.Document, key string, ph int) {
	old := t.oldByKey[key]
	if old == nil {
		t.changed[key] = true
		return
	}
	switch ph {
	case 0:
		if d.Excerpt != nil && (old.Excerpt == nil || old.Excerpt.Output != d.Excerpt.Output) {
			t.changed[key] = true
		}
	default:
		if old.Content != d.Content || !bytes.Equal(old.Output, d.Output) {
			t.changed[key] = true
		}
	}
}

// dirty reports whether the document must be rendered in this phase.
func (t *tracker) dirty(key string, ph int) bool {
	if t.docChanged(key)&(chMeta|chBody) != 0 {
		return true
	}
	dp := t.oldDeps[ph][key]
	if dp == nil {
		return true
	}
	for k, what := range dp.docs {
		ch := t.docChanged(k)
		if what&readMeta != 0 && ch&chMeta != 0 ||
			what&readContent != 0 && (ch&chBody != 0 || t.changed[k]) ||
			what&readNeighbours != 0 && ch&chNeighbours != 0 {
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

// docChanged compares a document with the last build's.
func (t *tracker) docChanged(key string) uint8 {
	if ch, ok := t.docMemo[key]; ok {
		return ch
	}
	ch := chKnown
	d, old := t.byKey[key], t.oldByKey[key]
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
		if !d.IsPage() && (neighbourKey(t.old, t.oldKeyOf, old, -1) != neighbourKey(t.s, t.keyOf, d, -1) ||
			neighbourKey(t.old, t.oldKeyOf, old, +1) != neighbourKey(t.s, t.keyOf, d, +1)) {
			ch |= chNeighbours
		}
	}
	t.docMemo[key] = ch
	return ch
}

func excerptRaw(d *content.Document) string {
	if d.Excerpt == nil {
		return "\x00none"
	}
	return d.Excerpt.Raw
}

func neighbourKey(s *Site, keyOf map[*content.Document]string, d *content.Document, step int) string {
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
	if a.Pager != nil && fingerprint(a.Pager, t.oldKeyOf, 0) != fingerprint(b.Pager, t.keyOf, 0) {
		return false
	}
	// A plugin's own page drop may hold values it computed from the site.
	_, ownA := a.Drop().(*pageDrop)
	_, ownB := b.Drop().(*pageDrop)
	if a.IsPage() && (!ownA || !ownB) {
		if ownA != ownB || fingerprint(a.Drop(), t.oldKeyOf, 0) != fingerprint(b.Drop(), t.keyOf, 0) {
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

// fingerprint writes out a template value, naming documents by their key
// instead of descending into them.
func fingerprint(v any, keyOf map[*content.Document]string, depth int) string {
	var b strings.Builder
	writeFingerprint(&b, v, keyOf, depth)
	return b.String()
}

func writeFingerprint(b *strings.Builder, v any, keyOf map[*content.Document]string, depth int) {
	if depth > 4 {
		b.WriteString("…")
		return
	}
	if d := dropDoc(v); d != nil {
		b.WriteString("doc:")
		b.WriteString(keyOf[d])
		return
	}
	switch x := v.(type) {
	case []any:
		b.WriteByte('[')
		for _, e := range x {
			writeFingerprint(b, e, keyOf, depth+1)
			b.WriteByte(',')
		}
		b.WriteByte(']')
	case *liquid.Map:
		b.WriteByte('{')
		for _, k := range x.Keys() {
			e, _ := x.Get(k)
			b.WriteString(strconv.Quote(k))
			b.WriteByte(':')
			writeFingerprint(b, e, keyOf, depth+1)
			b.WriteByte(',')
		}
		b.WriteByte('}')
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteByte('{')
		for _, k := range keys {
			b.WriteString(strconv.Quote(k))
			b.WriteByte(':')
			writeFingerprint(b, x[k], keyOf, depth+1)
			b.WriteByte(',')
		}
		b.WriteByte('}')
	case *staticDrop:
		b.WriteString("static:" + x.f.RelPath + "@" + x.f.ModTime.String())
	case liquid.KeyedDrop:
		b.WriteString("drop{")
		for _, k := range x.Keys() {
			b.WriteString(strconv.Quote(k))
			b.WriteByte(':')
			writeFingerprint(b, x.Get(k), keyOf, depth+1)
			b.WriteByte(',')
		}
		b.WriteByte('}')
	case liquid.Drop:
		b.WriteString("drop?")
	default:
		b.WriteString(liquid.Inspect(v))
	}
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
func (t *tracker) atomChanged(a atom) bool {
	if ch, ok := t.atomMemo[a]; ok {
		return ch
	}
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
			ch = fingerprint(old.categories, t.oldKeyOf, 0) != fingerprint(s.categories, t.keyOf, 0)
		case "tags":
			ch = fingerprint(old.tags, t.oldKeyOf, 0) != fingerprint(s.tags, t.keyOf, 0)
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
	t.atomMemo[a] = ch
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
		if fingerprint(a[i], t.oldKeyOf, 3) != fingerprint(b[i], t.keyOf, 3) {
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
