package theme

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

const themesDir = "../../testdata/themes"

func testFinder(t *testing.T) *Finder {
	abs, err := filepath.Abs(themesDir)
	if err != nil {
		t.Fatal(err)
	}
	return &Finder{GemPaths: []string{abs}}
}

func TestFindGem(t *testing.T) {
	th, err := testFinder(t).Find("  Broadsheet-Test-Theme ", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	root, _ := filepath.Abs(filepath.Join(themesDir, "gems/broadsheet-test-theme-1.0.0"))
	if th.Name != "broadsheet-test-theme" || th.Version != "1.0.0" || th.Root != root {
		t.Errorf("got %s %s at %s; want the highest version, 1.0.0, at %s", th.Name, th.Version, th.Root, root)
	}
	for name, got := range map[string]string{"_layouts": th.LayoutsDir, "_includes": th.IncludesDir, "_sass": th.SassDir, "assets": th.AssetsDir, "_data": th.DataDir} {
		if got != filepath.Join(root, name) {
			t.Errorf("%s folder = %q", name, got)
		}
	}
	if len(th.Dependencies) != 0 {
		t.Errorf("dependencies %q: jekyll and development ones are not plugins", th.Dependencies)
	}
	if th.ConfigFile() != filepath.Join(root, "_config.yml") {
		t.Errorf("config file %q", th.ConfigFile())
	}
}

func TestFindProjectFolderFirst(t *testing.T) {
	src := t.TempDir()
	local := filepath.Join(src, "_themes", "broadsheet-test-theme")
	if err := os.MkdirAll(filepath.Join(local, "_layouts"), 0o755); err != nil {
		t.Fatal(err)
	}
	th, err := testFinder(t).Find("broadsheet-test-theme", src)
	if err != nil {
		t.Fatal(err)
	}
	if th.Version != "" || th.LayoutsDir == "" || th.SassDir != "" || !strings.HasPrefix(th.Root, src) {
		t.Errorf("got %+v, want the project folder", th)
	}
}

func TestFindMissing(t *testing.T) {
	_, err := testFinder(t).Find("no-such-theme", t.TempDir())
	var me *MissingError
	if !errors.As(err, &me) || !IsMissing(err) {
		t.Fatalf("err = %v, want a *MissingError", err)
	}
	if !strings.HasPrefix(err.Error(), "theme: The no-such-theme theme could not be found (looked in _themes/no-such-theme, ") {
		t.Errorf("message %q", err)
	}
	for _, bad := range []string{"", "../x", "a/b"} {
		if _, err := testFinder(t).Find(bad, t.TempDir()); err == nil {
			t.Errorf("Find(%q) found a theme", bad)
		}
	}
}

// TestFindMinima finds Debian's jekyll-theme-minima where it is installed.
func TestFindMinima(t *testing.T) {
	th, err := Find("minima", t.TempDir())
	if IsMissing(err) {
		t.Skip("jekyll-theme-minima is not installed (apt-get install jekyll-theme-minima)")
	}
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"jekyll-feed", "jekyll-seo-tag"}
	if !reflect.DeepEqual(th.Dependencies, want) {
		t.Errorf("dependencies %q, want %q", th.Dependencies, want)
	}
	if th.SassDir == "" || th.LayoutsDir == "" || th.AssetsDir == "" || th.DataDir != "" {
		t.Errorf("folders %+v", th)
	}
}

func TestGemPaths(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	defaults := GemPaths(env())
	tests := []struct {
		name string
		env  func(string) string
		want []string
	}{
		{"GEM_PATH replaces the defaults", env("GEM_PATH", "/a:/b"), []string{"/a", "/b"}},
		{"a trailing separator keeps them", env("GEM_PATH", "/a:"), append([]string{"/a"}, defaults...)},
		{"GEM_HOME comes last", env("GEM_PATH", "/a", "GEM_HOME", "/h"), []string{"/a", "/h"}},
		{"GEM_HOME after the defaults", env("GEM_HOME", "/h"), append(append([]string{}, defaults...), "/h")},
	}
	for _, tt := range tests {
		if got := GemPaths(tt.env); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestRuntimeDependencies(t *testing.T) {
	spec := `
  if s.respond_to? :add_runtime_dependency then
    s.add_runtime_dependency(%q<jekyll>.freeze, [">= 3.5", "< 5.0"])
    s.add_runtime_dependency(%q<jekyll-feed>.freeze, ["~> 0.9"])
    s.add_development_dependency(%q<bundler>.freeze, [">= 1.15"])
  else
    s.add_dependency(%q<jekyll-feed>.freeze, ["~> 0.9"])
    s.add_dependency(%q<bundler>.freeze, [">= 1.15"])
  end
  spec.add_runtime_dependency "jekyll-seo-tag", "~> 2.1"
  spec.add_dependency 'jekyll-sitemap'
`
	want := []string{"jekyll-feed", "jekyll-seo-tag", "jekyll-sitemap"}
	if got := runtimeDependencies([]byte(spec)); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestCompareVersions(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"1.0.0", "0.9.0", 1}, {"2.5.1", "2.5.1", 0}, {"1.10", "1.9", 1},
		{"1.0", "1.0.0", 0}, {"1.0.0.pre", "1.0.0", -1}, {"1.0.0.rc1", "1.0.0.beta2", 1},
	}
	for _, tt := range tests {
		if got := compareVersions(tt.a, tt.b); got != tt.want {
			t.Errorf("compareVersions(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestLayerConfig(t *testing.T) {
	th, err := testFinder(t).Find("broadsheet-test-theme", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	site := liquid.NewMap(3)
	site.Set("permalink", "date")
	site.Set("accent", "#c00")
	site.Set("title", "Site")
	isDefault := func(k string) bool { return k == "permalink" }
	got, err := th.LayerConfig(site, isDefault, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	// The theme's keys first (Ruby's merge keeps the receiver's order), its
	// defaults-named key dropped, the site's values on top.
	wantKeys := []string{"tagline", "accent", "nav", "permalink", "title"}
	if !reflect.DeepEqual(got.Keys(), wantKeys) {
		t.Errorf("keys %q, want %q", got.Keys(), wantKeys)
	}
	for k, want := range map[string]any{"accent": "#c00", "permalink": "date", "tagline": "From the theme's config"} {
		if v, _ := got.Get(k); v != want {
			t.Errorf("%s = %v, want %v", k, v, want)
		}
	}
	if site.Len() != 3 {
		t.Error("the site's config was modified")
	}
	site.Set("ignore_theme_config", true)
	got, _ = th.LayerConfig(site, isDefault, time.UTC)
	if _, ok := got.Get("tagline"); ok {
		t.Error("ignore_theme_config: true still read the theme's config")
	}
}

// archive builds a zip as GitHub serves one: everything under a top folder.
func archive(t *testing.T, top string, files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, text := range files {
		w, err := zw.Create(top + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(text))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRemote(t *testing.T) {
	zipData := archive(t, "Theme-Repo-v1.2", map[string]string{
		"_layouts/default.html":  "remote {{ content }}",
		"_sass/remote.scss":      "a { b: c; }",
		"_config.yml":            "from_remote: yes\n",
		"remote-theme.gemspec":   `spec.add_runtime_dependency "jekyll-seo-tag"`,
		"../../escape.txt":       "must not land outside",
		"assets/css/remote.scss": "---\n---\n@import \"remote\";\n",
	})
	var requests []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests = append(requests, r.URL.Path)
		if r.URL.Path != "/owner/theme-repo/archive/v1.2.zip" {
			http.NotFound(w, r)
			return
		}
		w.Write(zipData)
	}))
	defer srv.Close()
	cache := t.TempDir()
	f := &Fetcher{CacheDir: cache, BaseURL: srv.URL, Client: srv.Client()}
	r, err := ParseRemote(" Owner/Theme-Repo@v1.2 ")
	if err != nil {
		t.Fatal(err)
	}
	th, err := f.Fetch(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	if !th.Remote || th.Name != "theme-repo" || th.LayoutsDir == "" || th.SassDir == "" || th.AssetsDir == "" {
		t.Errorf("theme %+v", th)
	}
	if th.ConfigFile() != "" {
		t.Error("a remote theme's _config.yml is read; jekyll-remote-theme never reads it")
	}
	if !reflect.DeepEqual(th.Dependencies, []string{"jekyll-seo-tag"}) {
		t.Errorf("dependencies %q", th.Dependencies)
	}
	if _, err := os.Stat(filepath.Join(cache, "escape.txt")); err == nil {
		t.Error("an archive entry escaped the theme folder")
	}

	// Offline: the cache serves the second build without a request.
	srv.Close()
	n := len(requests)
	th2, err := f.Fetch(context.Background(), r)
	if err != nil || th2.Root != th.Root || len(requests) != n {
		t.Errorf("second fetch: %v, %d requests, root %q", err, len(requests)-n, th2.Root)
	}

	// Not in the cache and not downloadable: a clear error.
	_, err = f.Fetch(context.Background(), Remote{Owner: "owner", Name: "other", Ref: "master"})
	if err == nil || !strings.Contains(err.Error(), "remote_theme owner/other@master: cannot download "+srv.URL+"/owner/other/archive/master.zip") {
		t.Errorf("error %v", err)
	}
}

func TestRemoteNotFound(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	f := &Fetcher{CacheDir: t.TempDir(), BaseURL: srv.URL, Client: srv.Client()}
	_, err := f.Fetch(context.Background(), Remote{Owner: "o", Name: "n", Ref: "master"})
	if err == nil || !strings.HasSuffix(err.Error(), ": 404 Not Found") {
		t.Errorf("error %v", err)
	}
	if entries, _ := os.ReadDir(filepath.Join(f.CacheDir, "o")); len(entries) != 0 {
		t.Errorf("a failed download left %d entries in the cache", len(entries))
	}
}

func TestParseRemote(t *testing.T) {
	tests := []struct {
		in   string
		want Remote
		ok   bool
	}{
		{"benbalter/retlab", Remote{"benbalter", "retlab", "master"}, true},
		{"Owner/Repo.Name@V1.0", Remote{"owner", "repo.name", "v1.0"}, true},
		{"owner/repo@", Remote{}, false},
		{"owner", Remote{}, false},
		{"owner/../x", Remote{}, false},
		{"https://github.example.com/o/r", Remote{}, false},
	}
	for _, tt := range tests {
		got, err := ParseRemote(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseRemote(%q) = %+v, %v", tt.in, got, err)
		}
	}
}
