package gen

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// navigation is the section menu both flavours read from their data folder.
func navigation() string {
	var b strings.Builder
	b.WriteString("- title: Home\n  url: /\n")
	for _, c := range categories {
		fmt.Fprintf(&b, "- title: %s\n  url: %s\n", c, termPath("categories", c))
	}
	b.WriteString("- title: Tags\n  url: /tags/\n- title: Archive\n  url: /archive/\n")
	return b.String()
}

func jekyllConfig() string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\ndescription: %s\nurl: %s\nbaseurl: \"\"\n", quote(SiteTitle), quote(SiteDesc), quote(SiteURL))
	b.WriteString(`lang: en
timezone: UTC
permalink: /:year/:month/:day/:title/
markdown: kramdown
kramdown:
  input: GFM
highlighter: rouge
paginate: 10
paginate_path: "/page/:num/"
plugins:
  - jekyll-feed
  - jekyll-sitemap
  - jekyll-seo-tag
  - jekyll-paginate
exclude: [README.md]
authors:
`)
	for _, a := range authors {
		fmt.Fprintf(&b, "  %s:\n    name: %s\n    bio: %s\n    avatar: /assets/images/authors/%s.jpg\n", a.id, quote(a.name), quote(a.bio), a.id)
	}
	return b.String()
}

func hugoConfig() string {
	var b strings.Builder
	fmt.Fprintf(&b, "baseURL = %q\nlanguageCode = \"en\"\ntitle = %q\n", SiteURL+"/", SiteTitle)
	// The section list /posts/ has no Jekyll twin; term pages stay (they are
	// the category and tag pages). RSS is replaced by an Atom feed at
	// /feed.xml, as jekyll-feed writes.
	b.WriteString(`timeZone = "UTC"
paginate = 10
paginatePath = "page"
enableRobotsTXT = true
disableAliases = true
capitalizeListTitles = false
disableKinds = ["section"]

[permalinks]
  posts = "/:year/:month/:day/:slug/"

[taxonomies]
  category = "categories"
  tag = "tags"

[mediaTypes."application/atom+xml"]
  suffixes = ["xml"]

[outputFormats.Atom]
  mediaType = "application/atom+xml"
  baseName = "feed"
  rel = "alternate"

[outputs]
  home = ["HTML", "Atom"]
  page = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML"]

[markup.highlight]
  noClasses = false

`)
	fmt.Fprintf(&b, "[params]\n  description = %q\n\n", SiteDesc)
	for _, a := range authors {
		fmt.Fprintf(&b, "[params.authors.%s]\n  name = %q\n  bio = %q\n  avatar = \"/assets/images/authors/%s.jpg\"\n\n", a.id, a.name, a.bio, a.id)
	}
	return b.String()
}

// siteFiles are the files besides the theme and the posts.
func siteFiles(f Flavour) map[string]string {
	if f == Hugo {
		return map[string]string{
			"config.toml":                  hugoConfig(),
			"data/navigation.yaml":         navigation(),
			"content/categories/_index.md": "---\ntitle: Sections\n---\n",
			"content/tags/_index.md":       "---\ntitle: Tags\n---\n",
		}
	}
	return map[string]string{
		"_config.yml":          jekyllConfig(),
		"_data/navigation.yml": navigation(),
	}
}

// termPages writes Jekyll's page for each category and tag the posts use
// (Hugo makes its term pages itself).
func termPages(dir string, cats, tags map[string]bool) error {
	write := func(kind, layout, key string, names map[string]bool) error {
		sorted := make([]string, 0, len(names))
		for n := range names {
			sorted = append(sorted, n)
		}
		sort.Strings(sorted)
		for _, n := range sorted {
			text := fmt.Sprintf("---\nlayout: %s\ntitle: %s\n%s: %s\npermalink: %s\n---\n", layout, quote(n), key, quote(n), termPath(kind, n))
			if err := writeFile(filepath.Join(dir, kind, slugify(n)+".html"), text); err != nil {
				return err
			}
		}
		return nil
	}
	if err := write("categories", "category", "category", cats); err != nil {
		return err
	}
	return write("tags", "tag", "tag", tags)
}
