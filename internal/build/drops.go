package build

import (
	"github.com/broadsheet-ssg/broadsheet/internal/content"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// The values templates see. Site-wide values are built once after the read
// phase and shared by every render; per-render wrappers are tiny.

// docKeys is the order Jekyll's DocumentDrop lists its own keys in (Ruby
// gives no fixed order; this is one it printed), before front matter keys.
var docKeys = []string{"name", "id", "relative_path", "excerpt", "title", "categories", "collection",
	"next", "tags", "previous", "content", "output", "path", "url", "date"}

// docDrop is page.* of a post or collection document, and each entry of
// site.posts and site.<collection>.
type docDrop struct {
	s    *Site
	d    *content.Document
	self bool // the document being rendered sees its own converted content
}

func (x *docDrop) Get(key string) any {
	d := x.d
	if x.s.rec != nil {
		x.s.noteDoc(d, docRead(d, key))
	}
	switch key {
	case "content":
		if x.self && d.Content != "" || x.s.phase >= phasePages {
			return d.Content
		}
		if d.BodyOnDisk && !x.self {
			// Its body may be gone already (stream.go).
			return x.s.bodyFromDisk(d)
		}
		return d.Body
	case "output":
		if x.s.phase >= phasePages && d.Output != nil {
			return string(d.Output)
		}
		if x.s.phase >= phasePages && d.Streamed {
			return string(x.s.streamedOutput(d))
		}
		return nil
	case "id":
		return d.ID()
	case "url":
		return d.URL
	case "date":
		return d.Date
	case "path", "relative_path":
		return d.RelPath
	case "collection":
		return d.Collection.Label
	case "excerpt":
		if v, ok := d.Data.Get("excerpt"); ok {
			return liquid.ToString(v)
		}
		if d.Excerpt != nil {
			if x.s.phase >= phaseDocs {
				return d.Excerpt.Output
			}
			return d.Excerpt.Raw
		}
		return ""
	case "name":
		if v, ok := d.Data.Get("name"); ok && v != nil {
			return v
		}
		return d.Name
	case "next":
		return x.s.neighbour(d, +1)
	case "previous":
		return x.s.neighbour(d, -1)
	}
	v, _ := d.Data.Get(key)
	return v
}

func (x *docDrop) Keys() []string {
	x.s.noteDoc(x.d, readMeta)
	keys := append([]string(nil), docKeys...)
	for _, k := range x.d.Data.Keys() {
		if !contains(docKeys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// excerptDrop is page.* while an excerpt is rendered, and what Jekyll's
// ExcerptDrop shows.
type excerptDrop struct {
	docDrop
	e *content.Excerpt
}

func (x *excerptDrop) Get(key string) any {
	switch key {
	case "content":
		x.s.noteDoc(x.d, readContent)
		return x.e.Raw
	case "excerpt":
		return nil
	case "layout":
		return x.d.Get("layout")
	case "output":
		return nil
	}
	return x.docDrop.Get(key)
}

// pageDrop is page.* of a Jekyll Page: its front matter (over the defaults)
// and content, dir, excerpt, name, path and url.
type pageDrop struct {
	s    *Site
	d    *content.Document
	self bool
}

var pageKeys = []string{"content", "dir", "excerpt", "name", "path", "url"}

func (x *pageDrop) Get(key string) any {
	d := x.d
	if x.s.rec != nil {
		x.s.noteDoc(d, docRead(d, key))
	}
	switch key {
	case "content":
		if !x.self && x.s.phase > phasePages && d.Content != "" {
			return d.Content
		}
		return d.Body
	case "dir":
		return d.PageDir()
	case "excerpt":
		if v, ok := d.Data.Get("excerpt"); ok && v != nil {
			return liquid.ToString(v)
		}
		return nil
	case "name":
		return d.Name
	case "path":
		if v, ok := d.Data.Get("path"); ok {
			return v
		}
		return d.RelPath
	case "url":
		return d.URL
	}
	v, _ := d.Data.Get(key)
	return v
}

func (x *pageDrop) Keys() []string {
	x.s.noteDoc(x.d, readMeta)
	keys := append([]string(nil), x.d.Data.Keys()...)
	for _, k := range pageKeys {
		if !contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

type staticDrop struct{ f *content.StaticFile }

var staticKeys = []string{"name", "extname", "modified_time", "basename", "path", "collection"}

func (x *staticDrop) Get(key string) any {
	f := x.f
	switch key {
	case "name":
		return f.Name
	case "extname":
		return f.Ext
	case "modified_time":
		return f.ModTime
	case "basename":
		return f.Basename
	case "path":
		return f.RelPath
	case "collection":
		if f.Collection == nil {
			return nil
		}
		return f.Collection.Label
	}
	v, _ := f.Data.Get(key)
	return v
}

func (x *staticDrop) Keys() []string {
	keys := append([]string(nil), staticKeys...)
	for _, k := range x.f.Data.Keys() {
		if !contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

type collectionDrop struct {
	s *Site
	c *content.Collection
}

var collectionKeys = []string{"output", "label", "docs", "files", "directory", "relative_directory"}

func (x *collectionDrop) Get(key string) any {
	c := x.c
	switch key {
	case "output":
		return c.Output
	case "label":
		return c.Label
	case "docs":
		x.s.note(atomColl, c.Label)
		return x.s.collectionDocs[c.Label]
	case "files":
		x.s.note(atomSite, "static")
		files := make([]any, len(c.Files))
		for i, f := range c.Files {
			files[i] = f.Drop()
		}
		return files
	case "directory":
		return c.Directory
	case "relative_directory":
		return c.RelDir()
	}
	if c.Meta != nil {
		v, _ := c.Meta.Get(key)
		return v
	}
	return nil
}

func (x *collectionDrop) Keys() []string {
	keys := append([]string(nil), collectionKeys...)
	for _, k := range x.c.Meta.Keys() {
		if !contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// siteDrop is site.*: made per render because site.related_posts depends on
// the document being rendered; everything else is shared.
type siteDrop struct {
	s       *Site
	current *content.Document
}

func (x *siteDrop) Get(key string) any {
	s := x.s
	if s.rec != nil {
		s.noteSiteRead(key)
	}
	if key != "posts" {
		if docs, ok := s.collectionDocs[key]; ok {
			return docs
		}
	}
	switch key {
	case "posts":
		return s.postsDesc
	case "pages":
		return s.pageDrops
	case "html_pages":
		return s.htmlPages
	case "static_files":
		return s.staticDrops
	case "collections":
		return s.collectionDrops
	case "documents":
		return s.documentDrops
	case "categories":
		return s.categories
	case "tags":
		return s.tags
	case "data":
		return s.Data
	case "time":
		return s.Time
	case "related_posts":
		if x.current == nil || x.current.IsPage() {
			return nil
		}
		return s.relatedPosts(x.current)
	}
	v, _ := s.Config.Raw.Get(key)
	return v
}

func (x *siteDrop) Keys() []string {
	keys := []string{"time", "pages", "static_files", "tags", "categories", "data", "posts",
		"html_pages", "collections", "documents", "related_posts"}
	for _, k := range x.s.Config.Raw.Keys() {
		if !contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

type jekyllDrop struct{ env string }

func (x jekyllDrop) Get(key string) any {
	switch key {
	case "version":
		return JekyllVersion
	case "environment":
		return x.env
	}
	return nil
}

func (x jekyllDrop) Keys() []string { return []string{"version", "environment"} }

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
