// Package content holds the things a Jekyll site is made of — documents
// (posts, drafts, collection items), pages, static files, collections and
// layouts — and the rules that give each its date, slug, categories, URL and
// excerpt. It knows nothing of rendering: the build package reads files into
// these types, renders them, and writes them out.
package content

import (
	"path"
	"strings"
	"time"
	"unsafe"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// Collection is a Jekyll collection: "posts" or one named in `collections`.
type Collection struct {
	Label     string
	Output    bool   // whether its documents are written
	Permalink string // URL template of its documents
	SortBy    string
	Order     []string
	Meta      *liquid.Map // its keys from the config, for site.collections
	Docs      []*Document
	Files     []*StaticFile
	Directory string // absolute path of its folder
}

// RelDir is the collection's folder name, "_label".
func (c *Collection) RelDir() string { return "_" + c.Label }

// Document is one rendered source file: a Jekyll Document (a post, a draft
// or a collection item; Collection is set) or a Jekyll Page (Collection is
// nil). Fields set while reading are never changed after the read phase;
// rendering results live in the Render fields, each written only by the
// worker that renders this document.
type Document struct {
	Collection *Collection // nil for a Page

	Path     string // absolute path of the source file
	RelPath  string // Jekyll's relative_path
	Dir      string // pages: the folder below the source, "" or "/about"
	Name     string // file name with extension
	Ext      string // extension of the source, ".md"
	Basename string // name without extension (and without trailing dots)

	Data *liquid.Map // front matter merged over the front matter defaults
	// FrontMatter is a page's own front matter. A page looks a key up there
	// first, even when its value is null, and in its defaults only when the
	// key is absent (Jekyll's default_proc); Data is the merged view that
	// page.* shows. Nil for documents, whose defaults are merged on reading.
	FrontMatter *liquid.Map
	Body        string // the content after the front matter
	BodyLine    int    // 1-based line of the file where Body starts

	Date  time.Time
	Draft bool
	// UndatedDraft is a draft without a date: Jekyll sorts it by path, as it
	// has no date yet when posts are sorted, then dates it by its file.
	UndatedDraft bool
	URL          string
	OutputExt    string
	Slug         string

	Excerpt *Excerpt // documents with an excerpt separator, or nil

	// Pager is what templates see as `paginator` (set by pagination
	// plugins), or nil.
	Pager any
	// Virtual pages were made by a plugin and have no source file.
	Virtual bool

	// Set by the render phase.
	Content string // converted content (Markdown to HTML), before layouts
	Output  []byte // the final page
	// BodyOnDisk says Body is the file's text after its front matter, as
	// read (no plugin changed it), so it can be read again instead of kept
	// (set by the render phase of a first build).
	BodyOnDisk bool
	srcBody    string // Body as read, to tell whether a plugin changed it

	// Streamed documents were written as soon as they were rendered and
	// their Output dropped (a first build, internal/build/stream.go).
	Streamed bool
	drop     liquid.Drop
}

// Excerpt is a document's excerpt: the part before the excerpt separator,
// rendered like its document but never placed in a layout.
type Excerpt struct {
	Doc    *Document
	Raw    string
	Output string // set by the render phase
}

// IsPage tells a Jekyll Page from a Document.
func (d *Document) IsPage() bool { return d.Collection == nil }

// IsPost tells whether the document belongs to the posts collection.
func (d *Document) IsPost() bool { return d.Collection != nil && d.Collection.Label == "posts" }

// Type is the front matter defaults type: "pages", "posts", "drafts" or a
// collection label.
func (d *Document) Type() string {
	if d.Collection == nil {
		return "pages"
	}
	return d.Collection.Label
}

// Get returns a front matter value.
func (d *Document) Get(key string) any {
	v, _ := d.Lookup(key)
	return v
}

// Lookup finds a front matter value as Jekyll does when it builds the page:
// a page's own key wins even when null, else its defaults apply.
func (d *Document) Lookup(key string) (any, bool) {
	if d.FrontMatter != nil {
		if v, ok := d.FrontMatter.Get(key); ok {
			return v, true
		}
	}
	return d.Data.Get(key)
}

// Layout is the layout named in front matter, or "" for none.
func (d *Document) Layout() (string, bool) {
	v, ok := d.Lookup("layout")
	if !ok || v == nil {
		return "", false
	}
	return liquid.ToString(v), true
}

// Published reports whether front matter leaves the document published.
func (d *Document) Published() bool {
	v, ok := d.Lookup("published")
	return !(ok && v == false)
}

// IsHTML reports whether a page's output is HTML (Jekyll's Page#html?).
func (d *Document) IsHTML() bool {
	switch d.OutputExt {
	case ".html", ".xhtml", ".htm":
		return true
	}
	return false
}

// ID is Jekyll's Document#id: the URL's folder joined with the slug.
func (d *Document) ID() string {
	slug := d.Basename
	if v, ok := d.Data.Get("slug"); ok && v != nil {
		slug = liquid.ToString(v)
	}
	return path.Join(rubyDirname(d.URL), slug)
}

// rubyDirname is Ruby's File.dirname, which ignores trailing slashes
// ("/a/b/" → "/a").
func rubyDirname(p string) string {
	t := strings.TrimRight(p, "/")
	if t == "" {
		return "/"
	}
	return path.Dir(t)
}

// Destination returns the output path relative to the destination folder.
func (d *Document) Destination() string {
	u := UnescapePath(d.URL)
	if d.IsPage() {
		if strings.HasSuffix(u, "/") {
			u += "index"
		}
		if !strings.HasSuffix(u, d.OutputExt) {
			u += d.OutputExt
		}
		return strings.TrimPrefix(u, "/")
	}
	if strings.HasSuffix(u, "/") {
		u += "index.html"
	} else if !strings.HasSuffix(u, d.OutputExt) {
		u += d.OutputExt
	}
	return strings.TrimPrefix(u, "/")
}

// Drop returns the value templates see for this document (page.*).
func (d *Document) Drop() liquid.Drop { return d.drop }

// SetDrop attaches the document's template value, made by the build.
func (d *Document) SetDrop(dr liquid.Drop) { d.drop = dr }

// StaticFile is a file copied to the output as it is.
type StaticFile struct {
	Collection *Collection // set for files inside a collection folder
	Path       string      // absolute source path
	RelPath    string      // Jekyll's relative_path ("/assets/x.css")
	Dir        string      // folder below the source, as Jekyll gives it
	Name       string
	Ext        string
	Basename   string
	ModTime    time.Time
	URL        string
	Data       *liquid.Map // front matter defaults that apply
	Write      bool        // false when unpublished by defaults or in a collection without output
	drop       liquid.Drop
}

// Destination returns the output path relative to the destination folder.
func (f *StaticFile) Destination() string {
	return strings.TrimPrefix(UnescapePath(f.URL), "/")
}

// Drop returns the template value of the file.
func (f *StaticFile) Drop() liquid.Drop { return f.drop }

// SetDrop attaches the file's template value.
func (f *StaticFile) SetDrop(dr liquid.Drop) { f.drop = dr }

// Layout is a file of _layouts: its front matter, body and parent layout.
type Layout struct {
	Name     string // "default", "blog/post"
	Path     string // absolute
	RelPath  string // relative to the source, for messages
	Data     *liquid.Map
	Body     string
	BodyLine int
}

// Parent returns the layout this one is placed in, or "".
func (l *Layout) Parent() string {
	v, ok := l.Data.Get("layout")
	if !ok || v == nil {
		return ""
	}
	return liquid.ToString(v)
}

// SetData sets a front matter key, as a plugin does with page.data[key] =.
func (d *Document) SetData(key string, v any) {
	if d.FrontMatter != nil {
		d.FrontMatter.Set(key, v)
	}
	d.Data.Set(key, v)
}

// DropBody lets go of the source text (BodyOnDisk documents only).
func (d *Document) DropBody() { d.Body, d.srcBody = "", "" }

// BodyFromSource tells whether Body is still the text read from the file:
// the same bytes, not merely equal ones.
func (d *Document) BodyFromSource() bool {
	return d.Path != "" && !d.Virtual && len(d.Body) == len(d.srcBody) &&
		unsafe.StringData(d.Body) == unsafe.StringData(d.srcBody)
}
