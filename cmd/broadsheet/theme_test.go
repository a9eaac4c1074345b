package main

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// zipTheme packs a theme folder as GitHub serves a repository archive: every
// file under one top folder.
func zipTheme(t *testing.T, dir, top string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		w, err := zw.Create(top + "/" + filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(w, f)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestRemoteTheme downloads a remote theme from a server on loopback, builds
// with it, builds again offline from the cache, and fails clearly when a
// theme cannot be fetched.
func TestRemoteTheme(t *testing.T) {
	archive := zipTheme(t, "../../testdata/themes/gems/broadsheet-test-theme-1.0.0", "news-theme-main")
	hits := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/owner/news-theme/archive/main.zip" {
			http.NotFound(w, r)
			return
		}
		hits++
		w.Write(archive)
	}))
	t.Setenv("BROADSHEET_REMOTE_THEME_URL", srv.URL)
	site := map[string]string{
		"_config.yml": "title: Remote\naccent: \"#333\"\nremote_theme: owner/news-theme@main\nplugins: [jekyll-remote-theme]\n",
		"index.md":    "---\nlayout: default\n---\nHello from the site.\n",
	}
	dir := writeSite(t, site)
	src, out := filepath.Join(dir, "src"), filepath.Join(dir, "out")
	buildTo(t, src, out)
	page, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "<header>Remote") || !strings.Contains(string(page), "Hello from the site.") {
		t.Errorf("the page is not in the remote theme's layout:\n%s", page)
	}
	srv.Close()
	os.RemoveAll(out)
	buildTo(t, src, out) // offline: from the cache
	if hits != 1 {
		t.Errorf("the archive was downloaded %d times, want once", hits)
	}

	other := writeSite(t, map[string]string{
		"_config.yml": "remote_theme: owner/news-theme@other\nplugins: [jekyll-remote-theme]\n",
		"index.md":    "---\nlayout: default\n---\nx\n",
	})
	var stdout, stderr bytes.Buffer
	code := run([]string{"build", "-s", filepath.Join(other, "src"), "-d", filepath.Join(other, "out")}, &stdout, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "remote_theme owner/news-theme@other") {
		t.Errorf("unreachable remote theme: exit %d, stderr %q", code, stderr.String())
	}
}

// TestThemeAndSassErrors: a missing theme, broken SCSS and an @import that
// does not exist each fail the build with the place named.
func TestThemeAndSassErrors(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"missing theme", map[string]string{"_config.yml": "theme: no-such-theme\n", "index.md": "x\n"},
			[]string{"no-such-theme", "could not be found"}},
		{"broken SCSS", map[string]string{"assets/main.scss": "---\n---\n.a {\n  color: red\n  b: {\n"},
			[]string{"assets/main.scss:"}},
		{"missing import", map[string]string{"assets/main.scss": "---\n---\n@import \"nope\";\n"},
			[]string{"assets/main.scss:3", "nope"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := writeSite(t, c.files)
			var stdout, stderr bytes.Buffer
			code := run([]string{"build", "-s", filepath.Join(dir, "src"), "-d", filepath.Join(dir, "out")}, &stdout, &stderr)
			if code != 1 {
				t.Fatalf("exit %d, want 1; stderr: %s", code, stderr.String())
			}
			for _, w := range c.want {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr does not name %q: %s", w, stderr.String())
				}
			}
		})
	}
}
