package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/broadsheet-ssg/broadsheet/internal/utils"
	"github.com/broadsheet-ssg/broadsheet/internal/yaml"
)

// PostOptions are the choices of `broadsheet new post "Title"`.
type PostOptions struct {
	// Date dates the post; the zero time means time.Now().
	Date time.Time
	// Author is the author key; "" takes the first of site.authors.
	Author string
	// Category is the post's category; "" takes the first of the
	// site's sections, else News.
	Category string
	// Force replaces a post of the same file name.
	Force bool
}

// ErrExists is returned when the post's file is already there, without Force.
var ErrExists = errors.New("file exists (use --force to replace it)")

// NewPost writes _posts/YYYY-MM-DD-slug.md into the site at dir and
// returns its path relative to dir. The front matter has the fields of a
// news site's post, filled in from the site's _config.yml where it can.
func NewPost(dir, title string, o PostOptions) (string, error) {
	title = strings.TrimSpace(title)
	if title == "" {
		return "", errors.New("new post: the title is empty")
	}
	slug := utils.Slugify(title, "default", false)
	if slug == "" {
		return "", fmt.Errorf("new post: %q has no letters or digits to name the file with", title)
	}
	conf, err := readConfig(dir)
	if err != nil {
		return "", err
	}
	date := o.Date
	if date.IsZero() {
		date = time.Now()
	}
	author := o.Author
	if author == "" {
		if m, ok := conf.getMap("authors"); ok && len(m.Keys()) > 0 {
			author = m.Keys()[0]
		}
	}
	category := o.Category
	if category == "" {
		category = "News"
		if l, ok := conf.get("sections").([]any); ok && len(l) > 0 {
			if s, ok := l[0].(string); ok && s != "" {
				category = s
			}
		}
	}
	rel := "_posts/" + date.Format("2006-01-02") + "-" + slug + ".md"
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if _, err := os.Stat(p); err == nil && !o.Force {
		return "", fmt.Errorf("new post: %s: %w", rel, ErrExists)
	}
	var b strings.Builder
	b.WriteString("---\nlayout: post\n")
	fmt.Fprintf(&b, "title: %s\n", yamlString(title))
	fmt.Fprintf(&b, "date: %s\n", date.Format("2006-01-02T15:04:05"))
	fmt.Fprintf(&b, "author: %s\n", yamlString(author))
	fmt.Fprintf(&b, "categories: [%s]\n", yamlFlowItem(category))
	b.WriteString("tags: []\n")
	b.WriteString("excerpt: \"\"\n")
	b.WriteString("# image: assets/images/" + slug + ".jpg\n")
	b.WriteString("image:\n")
	b.WriteString("---\n\nWrite the story here.\n")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return "", fmt.Errorf("new post: %w", err)
	}
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		return "", fmt.Errorf("new post: %w", err)
	}
	return rel, nil
}

// yamlFlowItem is s as an item of a flow sequence, quoted when it has a
// character that would end or change the item.
func yamlFlowItem(s string) string {
	if s == "" || strings.ContainsAny(s, ",[]{}:#&*!|>'\"%@`") || s != strings.TrimSpace(s) {
		return yamlString(s)
	}
	return s
}

// siteConfig is a site's _config.yml, read only for the values a new post
// takes defaults from.
type siteConfig struct{ m *liquid.Map }

func (c siteConfig) get(k string) any {
	if c.m == nil {
		return nil
	}
	v, _ := c.m.Get(k)
	return v
}

func (c siteConfig) getMap(k string) (*liquid.Map, bool) {
	m, ok := c.get(k).(*liquid.Map)
	return m, ok
}

// readConfig reads dir's _config.yml (or .yaml); a folder without one is
// not a site.
func readConfig(dir string) (siteConfig, error) {
	for _, name := range []string{"_config.yml", "_config.yaml", "_config.toml"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return siteConfig{}, fmt.Errorf("new post: %w", err)
		}
		if name == "_config.toml" {
			return siteConfig{}, nil // defaults only; TOML is rare for news sites
		}
		v, err := yaml.Load(data, time.Local)
		if err != nil {
			return siteConfig{}, fmt.Errorf("new post: %s: %w", name, err)
		}
		m, _ := v.(*liquid.Map)
		return siteConfig{m: m}, nil
	}
	return siteConfig{}, fmt.Errorf("new post: %s is not a site (no _config.yml): run it inside a site, or give --source", dir)
}
