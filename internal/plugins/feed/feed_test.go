package feed

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
)

// buildSite writes files into a fresh source folder, builds it with the
// feed plugin, and returns the output folder and the warnings.
func buildSite(t *testing.T, files map[string]string) (string, string) {
	t.Helper()
	src, out := t.TempDir(), t.TempDir()
	for name, body := range files {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var log bytes.Buffer
	_, err := build.Build(build.Options{Source: src, Destination: out, Log: &log,
		Time: time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC), Plugins: []build.Plugin{Plugin{}}})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return out, log.String()
}

func TestMinify(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<a>\n  <b>", "<a><b>"},
		{"{% if x %}\n\t y {% endif %}\n", "{% if x %}y {% endif %}"},
		{"a \n b", "a \n b"},
		{"<a> {{ x }} </a>", "<a>{{ x }}</a>"},
	} {
		if got := minify(c.in); got != c.want {
			t.Errorf("minify(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSimpleTag(t *testing.T) {
	for tag, want := range map[string]bool{"alpha": true, "Delta_9": true, "two-words": false, "é": false, "a b": false} {
		if simpleTag(tag) != want {
			t.Errorf("simpleTag(%q) = %v", tag, !want)
		}
	}
}

func TestFeeds(t *testing.T) {
	post := "---\ntitle: P\ncategories: [news]\ntags: [x, y-z]\n---\nBody.\n"
	cases := []struct {
		name     string
		config   string
		extra    map[string]string
		want     []string // files that must exist
		absent   []string // files that must not
		warnings string   // a part of the warnings, or "" for none
	}{
		{name: "default", config: "plugins: [jekyll-feed]\n", want: []string{"feed.xml"}, absent: []string{"feed/news.xml"}},
		{name: "own feed.xml wins", config: "plugins: [jekyll-feed]\n",
			extra: map[string]string{"feed.xml": "mine"}, want: []string{"feed.xml"}},
		{name: "categories and tags", config: "plugins: [jekyll-feed]\nfeed:\n  categories: [news, news]\n  tags: true\n",
			want: []string{"feed.xml", "feed/news.xml", "feed/by_tag/x.xml"}, absent: []string{"feed/by_tag/y-z.xml"}},
		{name: "tags only", config: "plugins: [jekyll-feed]\nfeed:\n  tags:\n    only: [y-z, q]\n    path: /t/\n",
			want: []string{"t/q.xml"}, absent: []string{"t/x.xml", "t/y-z.xml"}},
		{name: "disabled in development", config: "plugins: [jekyll-feed]\nfeed:\n  disable_in_development: true\n",
			absent: []string{"feed.xml"}},
		{name: "feed not a mapping", config: "plugins: [jekyll-feed]\nfeed: yes\n",
			want: []string{"feed.xml"}, warnings: "_config.yml: feed must be a mapping"},
		{name: "bad collections", config: "plugins: [jekyll-feed]\nfeed:\n  collections: 3\n",
			want: []string{"feed.xml"}, warnings: "_config.yml: feed: collections must be"},
		{name: "not switched on", config: "title: x\n", absent: []string{"feed.xml"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{"_config.yml": c.config, "_posts/2024-01-01-p.md": post}
			for k, v := range c.extra {
				files[k] = v
			}
			out, warnings := buildSite(t, files)
			for _, f := range c.want {
				if _, err := os.Stat(filepath.Join(out, f)); err != nil {
					t.Errorf("%s was not made", f)
				}
			}
			for _, f := range c.absent {
				if _, err := os.Stat(filepath.Join(out, f)); err == nil {
					t.Errorf("%s was made", f)
				}
			}
			if c.warnings == "" && warnings != "" || !strings.Contains(warnings, c.warnings) {
				t.Errorf("warnings = %q, want %q", warnings, c.warnings)
			}
		})
	}
}

func TestFeedMeta(t *testing.T) {
	out, _ := buildSite(t, map[string]string{
		"_config.yml": "plugins: [jekyll-feed]\ntitle: \"Tom & Jerry's <Blog>\"\nurl: https://x.example\nbaseurl: /b\nfeed:\n  path: /atom.xml\n",
		"index.html":  "---\n---\n{% feed_meta %}",
	})
	got, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	want := `<link type="application/atom+xml" rel="alternate" href="https://x.example/b/atom.xml" title="Tom &amp; Jerry&apos;s &lt;Blog&gt;" />`
	if string(got) != want {
		t.Errorf("feed_meta:\n got %s\nwant %s", got, want)
	}
	if _, err := os.Stat(filepath.Join(out, "atom.xml")); err != nil {
		t.Errorf("atom.xml was not made")
	}
}
