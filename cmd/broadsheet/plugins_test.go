package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnknownPluginsWarn: a plugin Broadsheet lacks and Ruby plugins in
// _plugins are named in one warning each, and the build goes on.
func TestUnknownPluginsWarn(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"_config.yml":            "plugins: [jekyll-feed, jekyll-frobnicate]\n",
		"_plugins/custom.rb":     "# a Ruby plugin\n",
		"Gemfile":                "group :jekyll_plugins do\n  gem \"jekyll-widgets\"\nend\n",
		"index.md":               "---\n---\nHello\n",
		"_posts/2024-01-01-a.md": "---\ntitle: A\n---\nBody\n",
	})
	var stdout, stderr bytes.Buffer
	code := run([]string{"build", "-s", filepath.Join(dir, "src"), "-d", filepath.Join(dir, "out")}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, want := range []string{"jekyll-frobnicate", "jekyll-widgets", "_plugins/custom.rb"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("no warning names %s:\n%s", want, stderr.String())
		}
	}
	if strings.Contains(stderr.String(), "jekyll-feed") {
		t.Errorf("a built-in plugin was reported as missing:\n%s", stderr.String())
	}
}

// TestBadPluginConfig: a bad pagination setting fails the build and names
// the place.
func TestBadPluginConfig(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"_config.yml": "plugins: [jekyll-paginate]\npaginate: many\n",
		"index.html":  "---\n---\n{{ paginator.page }}\n",
	})
	var stdout, stderr bytes.Buffer
	code := run([]string{"build", "-s", filepath.Join(dir, "src"), "-d", filepath.Join(dir, "out")}, &stdout, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "paginate") || !strings.Contains(stderr.String(), "_config.yml") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
}
