package content

import (
	"fmt"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/frontmatter"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/broadsheet-ssg/broadsheet/internal/ruby"
	"github.com/broadsheet-ssg/broadsheet/internal/utils"
)

// Settings are the site-wide values the content rules need.
type Settings struct {
	Source           string // absolute site folder
	CollectionsPath  string // absolute folder holding _posts and collection folders
	PermalinkStyle   string // the site's `permalink` as configured ("date", "/:title/")
	Timezone         *time.Location
	SiteTime         time.Time
	ExcerptSeparator string
	// OutputExt gives the output extension a converter makes of a source
	// extension (".md" → ".html"; unknown extensions stay as they are).
	OutputExt func(ext string) string
	// Defaults returns the front matter defaults for a path and type.
	Defaults func(relPath, typ string) *liquid.Map
}

var (
	dateFilename     = regexp.MustCompile(`^(?:.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$`)
	datelessFilename = regexp.MustCompile(`^(?:.+/)*(.*)(\.[^.]+)$`)
)

// MatchesPostName reports whether a file name in _posts names a post
// (YYYY-MM-DD-slug.ext).
func MatchesPostName(rel string) bool { return matchDateFilename(rel) != nil }

// matchDateFilename is dateFilename.FindStringSubmatch(rel), without the
// regexp for the usual name: one whose last path component matches on its
// own (the regexp's choice whenever rel does not itself start with a
// digit). Other names go to the regexp.
func matchDateFilename(rel string) []string {
	base := rel[strings.LastIndexByte(rel, '/')+1:]
	prefix := rel[:len(rel)-len(base)] // "" or ending in "/"; (?:.+/)+ needs 2 bytes
	if prefix == "" || len(prefix) >= 2 && (rel[0] < '0' || rel[0] > '9') && !strings.Contains(prefix, "\n") {
		if m := matchDateBase(base); m != nil {
			m[0] = rel
			return m
		}
	}
	return dateFilename.FindStringSubmatch(rel)
}

// matchDateBase matches (\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$ against
// a name without slashes, returning the match and its groups, or nil.
func matchDateBase(base string) []string {
	i := 0
	for _, r := range [3][2]int{{2, 4}, {1, 2}, {1, 2}} {
		n := 0
		for i+n < len(base) && base[i+n] >= '0' && base[i+n] <= '9' {
			n++
		}
		if n < r[0] || n > r[1] || i+n >= len(base) || base[i+n] != '-' {
			return nil
		}
		i += n + 1
	}
	dot := strings.LastIndexByte(base, '.')
	if dot < i || dot == len(base)-1 {
		return nil
	}
	return []string{base, base[:i-1], base[i:dot], base[dot:]}
}

// MatchesDraftName reports whether a file name in _drafts names a draft.
func MatchesDraftName(rel string) bool { return datelessFilename.MatchString(rel) }

// trimDots removes trailing dots, as Jekyll's gsub(/\.*\z/, "").
func trimDots(s string) string { return strings.TrimRight(s, ".") }

// NewDocument reads a post, draft or collection item from its source bytes,
// following Jekyll's Document: categories from the folder path, front matter
// defaults, front matter, date and slug from the file name, categories and
// tags normalised, the excerpt cut, and the URL made.
//
// A document without a date takes the site's time; a draft without one takes
// its file's modification time, fileTime. The document keeps src: the caller
// must not change it afterwards.
func NewDocument(s *Settings, coll *Collection, absPath string, src []byte, draft bool, fileTime time.Time) (*Document, error) {
	rel := strings.TrimPrefix(filepath.ToSlash(absPath), filepath.ToSlash(s.CollectionsPath)+"/")
	name := path.Base(rel)
	ext := path.Ext(name)
	d := &Document{
		Collection: coll,
		Path:       absPath,
		RelPath:    rel,
		Name:       name,
		Ext:        ext,
		Basename:   strings.TrimSuffix(name, ext),
		Data:       liquid.NewMap(16),
		Draft:      draft,
	}
	// Categories from the folders above _posts (or _drafts).
	special := coll.RelDir()
	if draft {
		special = "_drafts"
	}
	cats := []any{}
	if !strings.HasPrefix(rel, special) {
		prefix := rel
		if i := strings.Index(rel, special); i >= 0 {
			prefix = rel[:i]
		}
		for _, c := range strings.Split(prefix, "/") {
			if c != "" && c != special && c != name {
				cats = append(cats, c)
			}
		}
	}
	d.Data.Set("categories", cats)
	d.Data.Set("draft", draft)

	if defs := s.Defaults(rel, coll.Label); defs != nil && defs.Len() > 0 {
		if err := d.mergeData(s, defs, "front matter defaults"); err != nil {
			return nil, err
		}
	}
	fm, body, bodyLine, err := frontmatter.Parse(rel, src, s.Timezone)
	if err != nil {
		return nil, err
	}
	d.Body, d.BodyLine = utils.StringOf(body), bodyLine
	d.srcBody = d.Body
	if fm != nil {
		if err := d.mergeData(s, fm, "YAML front matter"); err != nil {
			return nil, err
		}
	}

	// populate_title: the date and slug of the file name.
	var slug string
	if m := matchDateFilename(rel); m != nil {
		slug = m[2]
		dv, has := d.Data.Get("date")
		t, isTime := dv.(time.Time)
		if !has || dv == nil || (isTime && t.Unix() == s.SiteTime.Unix()) {
			if err := d.setDate(s, m[1], "filename"); err != nil {
				return nil, err
			}
		}
		setDefault(d.Data, "ext", m[3])
	} else if m := datelessFilename.FindStringSubmatch(rel); m != nil {
		slug = m[1]
		setDefault(d.Data, "ext", m[2])
	} else {
		slug = d.Basename
	}
	slug = trimDots(slug)
	setDefault(d.Data, "title", utils.TitleizeSlug(slug))
	setDefault(d.Data, "slug", slug)

	// populate_categories and populate_tags.
	var all []any
	all = append(all, arrayOf(d.Get("categories"))...)
	all = append(all, utils.PluralizedArray(d.Data, "category", "categories")...)
	seen := map[string]bool{}
	cats = cats[:0:0]
	for _, c := range all {
		for _, c := range flatten(c) {
			str := liquid.ToString(c)
			if !seen[str] {
				seen[str] = true
				cats = append(cats, str)
			}
		}
	}
	d.Data.Set("categories", cats)
	tags := utils.PluralizedArray(d.Data, "tag", "tags")
	d.Data.Set("tags", tags)

	// The date: front matter, file name, or (drafts) the file's time, or the site's time.
	if v, ok := d.Data.Get("date"); ok && v != nil {
		d.Date = v.(time.Time)
	} else if draft {
		d.Date = fileTime.In(s.Timezone)
		d.Data.Set("date", d.Date)
		d.UndatedDraft = true
	} else {
		d.Date = s.SiteTime
	}
	d.Slug = liquid.ToString(d.Get("slug"))

	sep := s.ExcerptSeparator
	if v, ok := d.Data.Get("excerpt_separator"); ok && v != nil {
		sep = liquid.ToString(v)
	}
	if _, has := d.Data.Get("excerpt"); !has && sep != "" {
		d.Excerpt = &Excerpt{Doc: d, Raw: ExtractExcerpt(d.Body, sep)}
	}

	d.OutputExt = permalinkExt(d.Get("permalink"))
	if d.OutputExt == "" {
		d.OutputExt = s.OutputExt(ext)
	}
	tmpl := coll.Permalink
	if p, ok := d.Data.Get("permalink"); ok && p != nil && liquid.ToString(p) != "" {
		tmpl = liquid.ToString(p)
	}
	u, err := ExpandURL(tmpl, docPlaceholders{d})
	if err != nil {
		return nil, fmt.Errorf("%s: %v", rel, err)
	}
	d.URL = u
	return d, nil
}

// mergeData is Jekyll's Document#merge_data!: categories united with those
// already known, a deep merge, and the date parsed.
func (d *Document) mergeData(s *Settings, other *liquid.Map, source string) error {
	if v, ok := other.Get("categories"); ok && v != nil {
		var add []any
		if str, ok := v.(string); ok {
			for _, f := range strings.Fields(str) {
				add = append(add, f)
			}
		} else {
			add = arrayOf(v)
		}
		if cur, ok := d.Data.Get("categories"); ok {
			if curArr, ok := cur.([]any); ok {
				add = union(curArr, add)
			}
		}
		other = other.Clone()
		other.Set("categories", add)
	}
	utils.MergeInto(d.Data, other)
	if v, ok := d.Data.Get("date"); ok {
		return d.setDateValue(s, v, source)
	}
	return nil
}

func (d *Document) setDate(s *Settings, str, source string) error {
	return d.setDateValue(s, str, source)
}

// setDateValue is Jekyll's Utils.parse_date on the value's to_s, in the
// site's zone.
func (d *Document) setDateValue(s *Settings, v any, source string) error {
	var t time.Time
	switch x := v.(type) {
	case time.Time:
		t = x.In(s.Timezone)
	case liquid.Date:
		t = time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, s.Timezone)
	default:
		str := liquid.ToString(v)
		var err error
		t, err = ruby.ParseTime(str, s.Timezone)
		if err != nil {
			return fmt.Errorf("%s: Invalid date '%s': Document '%s' does not have a valid date in the %s", d.RelPath, str, d.RelPath, source)
		}
		t = t.In(s.Timezone)
	}
	d.Data.Set("date", t)
	return nil
}

func permalinkExt(p any) string {
	s, ok := p.(string)
	if !ok || s == "" || strings.HasSuffix(s, "/") {
		return ""
	}
	return path.Ext(s)
}

func setDefault(m *liquid.Map, key string, v any) {
	if cur, ok := m.Get(key); !ok || cur == nil || cur == false {
		m.Set(key, v)
	}
}

// arrayOf is Ruby's Array(x).
func arrayOf(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	}
	return []any{v}
}

func flatten(v any) []any {
	arr, ok := v.([]any)
	if !ok {
		if v == nil {
			return nil
		}
		return []any{v}
	}
	var out []any
	for _, e := range arr {
		out = append(out, flatten(e)...)
	}
	return out
}

func union(a, b []any) []any {
	out := make([]any, 0, len(a)+len(b))
	for _, list := range [][]any{a, b} {
	next:
		for _, v := range list {
			for _, w := range out {
				if liquid.Equal(v, w) {
					continue next
				}
			}
			out = append(out, v)
		}
	}
	return out
}

// docPlaceholders answers permalink placeholders for a document, as Jekyll's
// UrlDrop does.
type docPlaceholders struct{ d *Document }

func (p docPlaceholders) Placeholder(name string) (string, bool) {
	d := p.d
	t := d.Date
	switch name {
	case "collection":
		return d.Collection.Label, true
	case "output_ext":
		return d.OutputExt, true
	case "path":
		c := strings.TrimSuffix(d.RelPath, d.Ext)
		c = strings.Replace(c, d.Collection.RelDir(), "", 1)
		return trimDots(c), true
	case "name":
		return utils.Slugify(d.Basename, "default", false), true
	case "title":
		if v, ok := d.Data.Get("slug"); ok && v != nil {
			return utils.Slugify(liquid.ToString(v), "pretty", true), true
		}
		return utils.Slugify(d.Basename, "pretty", true), true
	case "slug":
		if v, ok := d.Data.Get("slug"); ok && v != nil {
			return utils.Slugify(liquid.ToString(v), "default", false), true
		}
		return utils.Slugify(d.Basename, "default", false), true
	case "categories", "slugified_categories":
		var parts []string
		seen := map[string]bool{}
		for _, c := range arrayOf(d.Get("categories")) {
			s := liquid.ToString(c)
			if name == "categories" {
				s = strings.ToLower(s)
			} else {
				s = utils.Slugify(s, "default", false)
			}
			if !seen[s] {
				seen[s] = true
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, "/"), true
	case "year":
		return ruby.Strftime(t, "%Y"), true
	case "month":
		return ruby.Strftime(t, "%m"), true
	case "day":
		return ruby.Strftime(t, "%d"), true
	case "hour":
		return ruby.Strftime(t, "%H"), true
	case "minute":
		return ruby.Strftime(t, "%M"), true
	case "second":
		return ruby.Strftime(t, "%S"), true
	case "i_day":
		return ruby.Strftime(t, "%-d"), true
	case "i_month":
		return ruby.Strftime(t, "%-m"), true
	case "short_month":
		return ruby.Strftime(t, "%b"), true
	case "long_month":
		return ruby.Strftime(t, "%B"), true
	case "short_year":
		return ruby.Strftime(t, "%y"), true
	case "w_year":
		return ruby.Strftime(t, "%G"), true
	case "week":
		return ruby.Strftime(t, "%V"), true
	case "w_day":
		return ruby.Strftime(t, "%u"), true
	case "short_day":
		return ruby.Strftime(t, "%a"), true
	case "long_day":
		return ruby.Strftime(t, "%A"), true
	case "y_day":
		return ruby.Strftime(t, "%j"), true
	}
	return "", false
}

// ExtractExcerpt cuts a document's excerpt from its raw content, as Jekyll's
// Excerpt#extract_excerpt: the part before the separator (all of it when the
// separator is absent), Liquid blocks left open closed again, and link
// reference definitions from the rest appended.
func ExtractExcerpt(content, sep string) string {
	i := strings.Index(content, sep)
	if i < 0 {
		return content
	}
	head, tail := content[:i], content[i+len(sep):]
	if tail == "" {
		return head
	}
	if strings.Contains(head, "{%") {
		head = closeLiquidBlocks(head)
	}
	var defs []string
	for _, m := range linkRefDef.FindAllStringSubmatch(tail, -1) {
		if strings.Contains(head, m[1]) {
			defs = append(defs, m[1]+m[2])
		}
	}
	if len(defs) == 0 {
		return head
	}
	return head + "\n\n" + strings.Join(defs, "\n")
}

var (
	linkRefDef   = regexp.MustCompile(`(?m)^ {0,3}(\[[^\]]+\])(:.+)$`)
	liquidTagRe  = regexp.MustCompile(`(?s){%-?\s*(\w+)\s*.*?-?%}`)
	liquidBlocks = map[string]bool{"if": true, "unless": true, "case": true, "for": true, "tablerow": true,
		"capture": true, "comment": true, "raw": true, "highlight": true, "ifchanged": true}
)

func closeLiquidBlocks(head string) string {
	ms := liquidTagRe.FindAllStringSubmatch(head, -1)
	for i := len(ms) - 1; i >= 0; i-- {
		name := ms[i][1]
		if !liquidBlocks[name] {
			continue
		}
		end := regexp.MustCompile(`(?s){%-?\s*end` + regexp.QuoteMeta(name) + `.*?\s*-?%}`)
		if end.MatchString(head) {
			continue
		}
		head += "\n{% end" + name + " %}"
	}
	return head
}

// NewPage reads a Jekyll Page: a file with front matter outside the special
// folders. dir is the folder below the source ("" or "/about"). The page
// keeps src: the caller must not change it afterwards.
func NewPage(s *Settings, dir, name string, src []byte) (*Document, error) {
	rel := strings.TrimPrefix(path.Join(dir, name), "/")
	if dir == "" {
		rel = name
	}
	ext := path.Ext(name)
	d := &Document{
		Path:     filepath.Join(s.Source, filepath.FromSlash(rel)),
		RelPath:  rel,
		Dir:      dir,
		Name:     name,
		Ext:      ext,
		Basename: trimDots(strings.TrimSuffix(name, ext)),
	}
	fm, body, bodyLine, err := frontmatter.Parse(rel, src, s.Timezone)
	if err != nil {
		return nil, err
	}
	d.Body, d.BodyLine = utils.StringOf(body), bodyLine
	d.srcBody = d.Body
	d.Data = liquid.NewMap(8)
	if defs := s.Defaults(rel, "pages"); defs != nil {
		utils.MergeInto(d.Data, defs)
	}
	if fm == nil {
		fm = liquid.NewMap(0)
	}
	d.FrontMatter = fm
	utils.MergeInto(d.Data, fm)
	if v, ok := d.Lookup("permalink"); ok && v == "" {
		return nil, fmt.Errorf("%s: Invalid permalink in %s", rel, rel)
	}
	d.finishPage(s)
	return d, nil
}

// finishPage gives a page its output extension and URL from its front
// matter and the site's permalink style, as Jekyll's Page#url.
func (d *Document) finishPage(s *Settings) {
	dir := d.Dir
	d.OutputExt = permalinkExt(d.Get("permalink"))
	if d.OutputExt == "" {
		d.OutputExt = s.OutputExt(d.Ext)
	}
	var tmpl string
	switch {
	case !d.IsHTML():
		tmpl = "/:path/:basename:output_ext"
	case d.Basename == "index":
		tmpl = "/:path/"
	default:
		tmpl = AddPermalinkSuffix("/:path/:basename", s.PermalinkStyle)
	}
	if p, ok := d.Lookup("permalink"); ok && p != nil {
		tmpl = liquid.ToString(p)
	}
	d.URL = ExpandURLFromPairs(tmpl, []Pair{
		{Name: "path", Value: dir, HasValue: true},
		{Name: "basename", Value: d.Basename, HasValue: true},
		{Name: "output_ext", Value: d.OutputExt, HasValue: true},
	})
	if v, ok := d.Data.Get("date"); ok {
		if t, ok := v.(time.Time); ok {
			d.Date = t
		}
	}
}

// SetURL moves a page (pagination puts copies of an index page at /page2/).
func (d *Document) SetURL(u string) { d.URL = u }

// PageDir is Jekyll's Page#dir: the URL when it ends in a slash, else its folder.
func (d *Document) PageDir() string {
	if strings.HasSuffix(d.URL, "/") {
		return d.URL
	}
	dir := path.Dir(d.URL)
	if !strings.HasSuffix(dir, "/") {
		dir += "/"
	}
	return dir
}

// NewStaticFile describes a file copied as it is. dir is Jekyll's @dir: the
// folder below the source with a leading slash ("" at the top), or for a
// file in a collection the folder below the collections folder ("_docs/img").
func NewStaticFile(s *Settings, coll *Collection, absPath, dir, name string, mod time.Time) *StaticFile {
	ext := path.Ext(name)
	rel := path.Join(dir, name)
	if dir == "" {
		rel = "/" + name
	}
	f := &StaticFile{
		Collection: coll,
		Path:       absPath,
		RelPath:    rel,
		Dir:        dir,
		Name:       name,
		Ext:        ext,
		Basename:   trimDots(strings.TrimSuffix(name, ext)),
		ModTime:    mod,
		Write:      true,
	}
	cleaned := trimDots(strings.TrimSuffix(rel, ext))
	if coll == nil {
		f.URL = strings.TrimSuffix(cleaned, "/") + ext
	} else {
		cleaned = strings.Replace(cleaned, coll.RelDir(), "", 1)
		u := ExpandURLFromPairs(coll.Permalink, []Pair{
			{Name: "collection", Value: coll.Label, HasValue: true},
			{Name: "path", Value: cleaned, HasValue: true},
			{Name: "output_ext", Value: "", HasValue: true},
			{Name: "name", Value: f.Basename, HasValue: true},
			{Name: "title", Value: "", HasValue: true},
		})
		f.URL = strings.TrimSuffix(u, "/") + ext
		f.Write = coll.Output
	}
	typ := ""
	if coll != nil {
		typ = coll.Label
	}
	f.Data = s.Defaults(rel, typ)
	if f.Data == nil {
		f.Data = liquid.NewMap(0)
	}
	if defs := s.Defaults(f.URL, typ); defs != nil {
		if v, ok := defs.Get("published"); ok && v == false {
			f.Write = false
		}
	}
	return f
}

// NewVirtualPage makes a page without a file (Jekyll's PageWithoutAFile), as
// plugins generate them: dir is its folder ("" or "/feed"), name its file
// name, body its template, data its front matter (nil for none). Front
// matter defaults apply as to any page.
func NewVirtualPage(s *Settings, dir, name, body string, data *liquid.Map) *Document {
	rel := strings.TrimPrefix(path.Join(dir, name), "/")
	ext := path.Ext(name)
	d := &Document{
		Path:     filepath.Join(s.Source, filepath.FromSlash(rel)),
		RelPath:  rel,
		Dir:      dir,
		Name:     name,
		Ext:      ext,
		Basename: trimDots(strings.TrimSuffix(name, ext)),
		Body:     body,
		BodyLine: 1,
		Data:     liquid.NewMap(8),
		Virtual:  true,
	}
	if defs := s.Defaults(rel, "pages"); defs != nil {
		utils.MergeInto(d.Data, defs)
	}
	if data == nil {
		data = liquid.NewMap(0)
	}
	d.FrontMatter = data
	utils.MergeInto(d.Data, data)
	d.finishPage(s)
	return d
}

// BodyOf gives the body of a document's source text, src (its file read
// again when the document no longer keeps its Body).
func BodyOf(src []byte) string {
	_, body, _, _ := frontmatter.Split(src)
	return string(body)
}
