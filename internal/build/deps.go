package build

import (
	"sync"

	"github.com/broadsheet-ssg/broadsheet/internal/content"
)

// Dependency recording for incremental rebuilds. While a tracked build
// renders a document, every value the render reads through a drop, every
// layout it is placed in and every include it renders is noted in a
// recorder; a later rebuild re-renders the document only when one of those
// inputs changed.
//
// Drops are shared by every render (site.posts holds the same drop for a
// post in every page), so they cannot carry a recorder of their own: they
// note into Site.rec, the recorder of the renders in progress. A tracked
// build renders a batch of documents at a time, one per core, sharing one
// recorder (see tracker.renderBatch).

// What a render read of a document.
const (
	readMeta       uint8 = 1 << iota // front matter, URL, date, name, ...
	readContent                      // body, content, output, excerpt
	readNeighbours                   // next or previous
)

// Kinds of site-wide input.
const (
	atomSite    byte = iota // name: posts, pages, static, documents, categories, tags, data, related, collections
	atomColl                // name: a collection's label (site.<label>, collection.docs)
	atomLayout              // name: a layout's name
	atomInclude             // name: the absolute path of an include
	atomSass                // the Sass partials a stylesheet may import
)

type atom struct {
	kind byte
	name string
}

// recorder collects what one render, or a few renders side by side,
// read.
type recorder struct {
	docs   map[*content.Document]uint8
	atoms  map[atom]struct{}
	shared bool // renders on several goroutines note into it
	mu     sync.Mutex
}

func newRecorder() *recorder {
	return &recorder{docs: map[*content.Document]uint8{}, atoms: map[atom]struct{}{}}
}

// noteDoc records that the render in progress read part of d.
func (s *Site) noteDoc(d *content.Document, what uint8) {
	if r := s.rec; r != nil {
		if r.shared {
			r.mu.Lock()
			r.docs[d] |= what
			r.mu.Unlock()
			return
		}
		r.docs[d] |= what
	}
}

// note records that the render in progress read a site-wide input.
func (s *Site) note(kind byte, name string) {
	if r := s.rec; r != nil {
		if r.shared {
			r.mu.Lock()
			r.atoms[atom{kind, name}] = struct{}{}
			r.mu.Unlock()
			return
		}
		r.atoms[atom{kind, name}] = struct{}{}
	}
}

// deps is what one render of a document read, kept from one build to the
// next: documents and site-wide inputs by their interned numbers, which
// stay the same across builds.
type deps struct {
	docs  []docDep
	atoms []int32
}

type docDep struct {
	id   int32
	what uint8
}

// interner numbers document keys and site-wide inputs, for a Builder's
// whole life.
type interner struct {
	docs     map[string]int32
	atoms    map[atom]int32
	atomList []atom
}

func newInterner() *interner {
	return &interner{docs: map[string]int32{}, atoms: map[atom]int32{}}
}

func (in *interner) doc(key string) int32 {
	id, ok := in.docs[key]
	if !ok {
		id = int32(len(in.docs))
		in.docs[key] = id
	}
	return id
}

func (in *interner) atom(a atom) int32 {
	id, ok := in.atoms[a]
	if !ok {
		id = int32(len(in.atomList))
		in.atoms[a] = id
		in.atomList = append(in.atomList, a)
	}
	return id
}

// freeze turns a recorder into deps that outlive the build's documents.
func (r *recorder) freeze(idOf map[*content.Document]int32, in *interner) *deps {
	d := &deps{docs: make([]docDep, 0, len(r.docs)), atoms: make([]int32, 0, len(r.atoms))}
	for doc, what := range r.docs {
		id, ok := idOf[doc]
		if !ok {
			// A document this build does not list (a plugin's own): a key
			// no listed document has, so it always counts as changed.
			id = in.doc("?" + doc.Path)
		}
		d.docs = append(d.docs, docDep{id, what})
	}
	for a := range r.atoms {
		d.atoms = append(d.atoms, in.atom(a))
	}
	return d
}

// docRead classifies a key of page.* or of a document's drop. An excerpt
// set in front matter is metadata: the body does not make it.
func docRead(d *content.Document, key string) uint8 {
	switch key {
	case "excerpt":
		if _, ok := d.Data.Get("excerpt"); ok {
			return readMeta
		}
		return readContent
	case "content", "output":
		return readContent
	case "next", "previous":
		return readNeighbours
	}
	return readMeta
}

// noteSiteRead records a read of site.<key>. The configuration is not
// recorded: a change to it rebuilds everything.
func (s *Site) noteSiteRead(key string) {
	if key != "posts" {
		if _, ok := s.collectionDocs[key]; ok {
			s.note(atomColl, key)
			return
		}
	}
	switch key {
	case "posts", "pages", "categories", "tags", "data", "documents", "collections":
		s.note(atomSite, key)
	case "html_pages":
		s.note(atomSite, "pages")
	case "static_files":
		s.note(atomSite, "static")
	case "related_posts":
		s.note(atomSite, "related")
	}
}

// noteLinkLookup records that {% link %} searched every page, static file
// and document by path.
func (s *Site) noteLinkLookup() {
	s.note(atomSite, "pages")
	s.note(atomSite, "static")
	s.note(atomSite, "documents")
}
