package build

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/content"
)

// The quick path: the commonest edit while writing changes the text of a
// post or page and nothing else about it. Then the site's structure is the
// last build's (no list, URL or generated page can move), so instead of
// reading the site again the rebuild puts the new text into the last
// build's documents and re-renders, on that same Site, the documents whose
// recorded inputs include it. Anything else (front matter, new or removed
// files, layouts, data, ...) takes the full incremental path.

// quickPlugins are the plugins whose generators and read hooks use no
// document's text, so that a text edit cannot change what they make. The
// others (titles from headings, relative links, optional front matter,
// readme index, pagination v2's page templates) send every edit down the
// full path.
var quickPlugins = map[string]bool{
	"jekyll-feed": true, "jekyll-sitemap": true, "jekyll-seo-tag": true, "jekyll-paginate": true,
	"jekyll-avatar": true, "jekyll-gist": true, "jekyll-github-metadata": true, "jekyll-include-cache": true,
	"jekyll-mentions": true, "jekyll-toc": true, "jekyll-redirect-from": true, "jekyll-archives": true,
	"jekyll-default-layout": true,
}

// undo is what a quick rebuild changed in the last build's documents, put
// back when it fails so that the next rebuild starts from a good build.
type undo struct {
	d        *content.Document
	body     string
	bodyLine int
	excerpt  *content.Excerpt
	exOut    string
	content  string
	output   []byte
}

func saveDoc(d *content.Document) undo {
	u := undo{d: d, body: d.Body, bodyLine: d.BodyLine, excerpt: d.Excerpt, content: d.Content, output: d.Output}
	if d.Excerpt != nil {
		u.exOut = d.Excerpt.Output
	}
	return u
}

func (u undo) restore() {
	d := u.d
	d.Body, d.BodyLine, d.Excerpt, d.Content, d.Output = u.body, u.bodyLine, u.excerpt, u.content, u.output
	if d.Excerpt != nil {
		d.Excerpt.Output = u.exOut
	}
}

// quick tries the quick path; ok is false when the edit needs the full one.
func (b *Builder) quick(start time.Time) (res *Result, ok bool, err error) {
	s, st := b.last, b.state
	if st == nil || st.idOf == nil || len(b.pending) == 0 {
		return nil, false, nil
	}
	for _, p := range s.plugins {
		if !quickPlugins[p.Name()] {
			return nil, false, nil
		}
	}
	type edit struct {
		d, n *content.Document
		id   int32
	}
	var edits []edit
	for p := range b.pending {
		d := st.byPath[p]
		if d == nil || isAsset(d.Ext) {
			return nil, false, nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return nil, false, nil
		}
		var n *content.Document
		if d.IsPage() {
			n, err = content.NewPage(s.Settings, d.Dir, d.Name, src)
			if n != nil {
				n.Path = p
			}
		} else {
			var mtime time.Time
			if d.Draft {
				mtime = fileModTime(p)
			}
			n, err = content.NewDocument(s.Settings, d.Collection, p, src, d.Draft, mtime)
		}
		if err != nil || !sameText(d, n) {
			return nil, false, nil
		}
		edits = append(edits, edit{d, n, st.idOf[d]})
	}

	// From here on the last build's documents change: keep what to put back.
	var undos []undo
	changed := make([]int32, 0, len(edits))
	for _, e := range edits {
		undos = append(undos, saveDoc(e.d))
		e.d.Body, e.d.BodyLine = e.n.Body, e.n.BodyLine
		e.d.Excerpt = nil
		if e.n.Excerpt != nil {
			x := *e.n.Excerpt
			x.Doc = e.d
			e.d.Excerpt = &x
		}
		changed = append(changed, e.id)
		b.cache.forget(e.d.Path)
		b.cache.keep(e.d.Path, e.n, e.d.Collection)
	}
	pages, maps := s.Pages, s.sourceMaps
	s.Pages = s.Pages[:len(s.Pages)-len(s.sourceMaps)]
	s.sourceMaps = nil
	t := newSameTracker(s, st, b.in, changed)
	s.track = t
	renderErr := s.Render()
	s.track = nil
	fail := func(err error) (*Result, bool, error) {
		for i := len(t.undos) - 1; i >= 0; i-- {
			t.undos[i].restore()
		}
		for i := len(undos) - 1; i >= 0; i-- {
			undos[i].restore()
		}
		s.Pages, s.sourceMaps = pages, maps
		return &Result{Site: s, Rendered: t.rendered, Duration: time.Since(start)}, true, err
	}
	if renderErr != nil {
		return fail(renderErr)
	}
	var written []string
	for _, u := range t.undos {
		d := u.d
		if sameBytes(u.output, d.Output) {
			continue
		}
		dest := d.Destination()
		f, had := st.out[dest]
		if !had || f.src != "" {
			continue // not written (a later file has this place)
		}
		if err := writeIfChanged(filepath.Join(s.Config.Destination, filepath.FromSlash(dest)), d.Output); err != nil {
			return fail(err)
		}
		f.data = d.Output
		st.out[dest] = f
		written = append(written, dest)
	}
	sort.Strings(written)
	st.deps = t.deps
	st.maps = t.maps
	b.pending = map[string]bool{}
	return &Result{Site: s, Quick: true, Rendered: t.rendered, Written: written, Duration: time.Since(start)}, true, nil
}

// sameText reports whether a document read again differs from the last
// build's only in its text.
func sameText(old, n *content.Document) bool {
	return old.URL == n.URL && old.Date.Equal(n.Date) && old.Slug == n.Slug && old.OutputExt == n.OutputExt &&
		old.Draft == n.Draft && old.RelPath == n.RelPath && (old.Excerpt == nil) == (n.Excerpt == nil) &&
		sameMap(old.Data, n.Data) && sameMap(old.FrontMatter, n.FrontMatter)
}

// newSameTracker tracks a re-render of the last build's own Site after the
// text of the documents numbered changed changed.
func newSameTracker(s *Site, st *trackState, in *interner, changed []int32) *tracker {
	t := &tracker{s: s, old: s, in: in, same: true, maps: map[int32][]*content.Document{},
		keyOf: st.keyOf, oldKeyOf: st.keyOf, idOf: st.idOf, oldDeps: st.deps, oldMaps: st.maps}
	for i := range t.deps {
		t.deps[i] = map[int32]*deps{}
	}
	n := len(in.docs) + 1
	t.cur = make([]*content.Document, n)
	for d, id := range t.idOf {
		t.cur[id] = d
	}
	t.prev = t.cur
	t.docMemo = make([]uint8, n)
	for i := range t.docMemo {
		t.docMemo[i] = chKnown
	}
	for _, id := range changed {
		t.docMemo[id] |= chBody
	}
	t.changed = make([]bool, n)
	t.atomMemo = make([]int8, len(in.atomList))
	for i := range t.atomMemo {
		t.atomMemo[i] = 1
	}
	return t
}

// saveForRender keeps a document's results before a quick re-render.
func (t *tracker) saveForRender(d *content.Document) {
	if !t.saved[d] {
		if t.saved == nil {
			t.saved = map[*content.Document]bool{}
		}
		t.saved[d] = true
		t.undos = append(t.undos, saveDoc(d))
	}
}

// sameResult compares a quick re-render's result with what was saved.
func (t *tracker) noteSameResult(d *content.Document, id int32, ph int) {
	for i := len(t.undos) - 1; i >= 0; i-- {
		u := t.undos[i]
		if u.d != d {
			continue
		}
		switch ph {
		case 0:
			if d.Excerpt != nil && d.Excerpt.Output != u.exOut {
				t.changed[id] = true
			}
		default:
			if d.Content != u.content || !bytes.Equal(d.Output, u.output) {
				t.changed[id] = true
			}
		}
		return
	}
}
