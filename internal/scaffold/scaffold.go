// Package scaffold writes new Broadsheet sites and posts: `broadsheet new
// SITE` makes a news site that uses the built-in theme (configuration,
// three example stories, an about page, the pages the theme's archives
// need, images), and `broadsheet new post "Title"` adds a dated post with
// the front matter news sites use.
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/utils"
	"github.com/broadsheet-ssg/broadsheet/theme"
)

// SiteOptions are the choices of `broadsheet new SITE`.
type SiteOptions struct {
	// Title is the site's title; "" makes one of the folder's name.
	Title string
	// URL is the site's url; "" gives https://example.com.
	URL string
	// Now dates the example stories (the three days before it); the zero
	// time means time.Now().
	Now time.Time
	// Force writes into a folder that is not empty (files of the same
	// name are replaced).
	Force bool
	// VendorTheme copies the theme into _themes/broadsheet-news, so the
	// site carries the theme to change it freely.
	VendorTheme bool
}

// ErrNotEmpty is returned for a site folder that has files, without Force.
var ErrNotEmpty = errors.New("folder is not empty (use --force to write into it)")

// NewSite writes a new site into dir (made if missing) and returns the
// files written, relative to dir, in the order written.
func NewSite(dir string, o SiteOptions) ([]string, error) {
	if dir == "" {
		return nil, errors.New("new: no folder given")
	}
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 && !o.Force {
		return nil, fmt.Errorf("new: %s: %w", dir, ErrNotEmpty)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("new: %w", err)
	}
	now := o.Now
	if now.IsZero() {
		now = time.Now()
	}
	title := o.Title
	if title == "" {
		title = titleFromDir(dir)
	}
	url := o.URL
	if url == "" {
		url = "https://example.com"
	}
	w := &writer{root: dir}
	w.file("_config.yml", configYAML(title, url, o.VendorTheme))
	w.file(".gitignore", "_site/\n.jekyll-cache/\n.jekyll-metadata\n.sass-cache/\n")
	w.file("index.html", "---\nlayout: home\npagination:\n  enabled: true\n---\n")
	w.file("about.md", aboutMD(title))
	w.file("authors.md", "---\nlayout: authors\ntitle: Authors\npermalink: /authors/\n---\n\nThe people who write for this site.\n")
	w.file("archive.md", "---\nlayout: archive\ntitle: Archive\npermalink: /archive/\n---\n\nEvery story, by year.\n")
	w.file("404.html", "---\nlayout: 404\ntitle: This page is not here\npermalink: /404.html\nsitemap: false\n---\n")
	for _, a := range exampleAuthors {
		w.file("assets/images/authors/"+a.key+".svg", avatarSVG(a.name, a.hue))
	}
	for i, p := range examplePosts {
		// The newest story is dated the day before now, the others a day
		// apart before it, each in the morning, so none is in the future.
		d := now.AddDate(0, 0, -(len(examplePosts) - i))
		d = time.Date(d.Year(), d.Month(), d.Day(), 8+i, 30, 0, 0, time.Local)
		slug := utils.Slugify(p.title, "default", false)
		img := "assets/images/" + slug + ".svg"
		w.file(img, storySVG(slug, p.hue))
		w.file("_posts/"+d.Format("2006-01-02")+"-"+slug+".md", p.render(d, img))
	}
	if o.VendorTheme {
		for _, f := range theme.Files() {
			b, err := theme.ReadFile(f)
			if err != nil {
				return w.done, err
			}
			w.file(filepath.ToSlash(filepath.Join("_themes", theme.Name, f)), string(b))
		}
	}
	return w.done, w.err
}

// writer writes files under root, keeping the first error.
type writer struct {
	root string
	done []string
	err  error
}

func (w *writer) file(rel, text string) {
	if w.err != nil {
		return
	}
	p := filepath.Join(w.root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		w.err = fmt.Errorf("new: %w", err)
		return
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		w.err = fmt.Errorf("new: %w", err)
		return
	}
	w.done = append(w.done, rel)
}

// titleFromDir makes "Harbour News" of a folder named harbour-news.
func titleFromDir(dir string) string {
	base := filepath.Base(filepath.Clean(dir))
	if base == "." || base == string(filepath.Separator) || base == "" {
		return "My Broadsheet"
	}
	words := strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' || r == ' ' || r == '.' })
	for i, w := range words {
		words[i] = utils.Capitalize(w)
	}
	if len(words) == 0 {
		return "My Broadsheet"
	}
	return strings.Join(words, " ")
}

// yamlString quotes s for YAML as a double-quoted scalar.
func yamlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 {
				fmt.Fprintf(&b, `\x%02x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func configYAML(title, url string, vendored bool) string {
	themeLine := "# theme: " + theme.Name + " (built in: used when the site has no _layouts of its own)"
	if vendored {
		themeLine = "theme: " + theme.Name + " # the copy in _themes/" + theme.Name
	}
	var b strings.Builder
	fmt.Fprintf(&b, `# The site's settings. Broadsheet reads this file as Jekyll does.
title: %s
description: "News from the town, every morning."
url: %s
baseurl: ""
lang: en

# The news theme built into Broadsheet. Copy any of its files into this
# site (for example _layouts/post.html or _includes/broadsheet.css) to
# change it; broadsheet new --vendor-theme copies them all.
%s

permalink: /:categories/:year/:month/:day/:title/

# The sections: the front page has one for each, in this order, and the
# header links to their pages. (site.categories is Jekyll's own list of
# categories, so the theme reads this name instead.)
sections: [News, Business, Culture]

# Authors, by the key a post's author: names.
authors:
`, yamlString(title), yamlString(url), themeLine)
	for _, a := range exampleAuthors {
		fmt.Fprintf(&b, "  %s:\n    display_name: %s\n    avatar: assets/images/authors/%s.svg\n    bio: %s\n",
			a.key, yamlString(a.name), a.key, yamlString(a.bio))
	}
	b.WriteString(`
# Links in the footer.
navigation:
  - title: About
    url: /about/
  - title: Authors
    url: /authors/
  - title: Archive
    url: /archive/

defaults:
  - scope:
      path: ""
      type: posts
    values:
      layout: post
  - scope:
      path: ""
      type: pages
    values:
      layout: page

exclude: [README.md]
`)
	return b.String()
}

func aboutMD(title string) string {
	return fmt.Sprintf(`---
title: About
permalink: /about/
description: Who we are and how to reach us.
---

%s is a small newsroom. We report on the town's council, its
businesses and its evenings out, and we correct our mistakes in the open.

## How this site is made

Stories are Markdown files in `+"`_posts/`"+`, named by their date and title. Start a new
one with:

`+"```sh\nbroadsheet new post \"A headline\"\n```"+`

Then build the site with `+"`broadsheet build`"+`, or preview it as you write with
`+"`broadsheet serve`"+`.
`, title)
}
