package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func buildTo(t *testing.T, src, out string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "-s", src, "-d", out, "-q"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
}

// TestOutputFolder checks what a build does to an existing output: stale
// files and folders go, keep_files stay, unchanged files are not rewritten,
// and a pinned site.time makes two builds byte-identical.
func TestOutputFolder(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1717243200")
	dir := writeSite(t, map[string]string{
		"_config.yml": "keep_files: [.git, kept]\n",
		"index.html":  "---\n---\n<p>{{ site.time }}</p>\n",
		"style.css":   "p { color: red }\n",
	})
	src, out := filepath.Join(dir, "src"), filepath.Join(dir, "out")
	buildTo(t, src, out)
	first, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"stale.html", "old/page.html", "kept/file.txt", ".git/HEAD"} {
		p := filepath.Join(out, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	past := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	os.Chtimes(filepath.Join(out, "index.html"), past, past)

	buildTo(t, src, out)
	for _, f := range []string{"stale.html", "old"} {
		if _, err := os.Stat(filepath.Join(out, f)); !os.IsNotExist(err) {
			t.Errorf("%s is still in the output", f)
		}
	}
	for _, f := range []string{"kept/file.txt", ".git/HEAD", "style.css"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("%s was removed: %v", f, err)
		}
	}
	st, err := os.Stat(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !st.ModTime().Equal(past) {
		t.Errorf("index.html was rewritten though its bytes did not change")
	}
	second, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !bytes.Equal(first, second) || !bytes.Contains(first, []byte("2024-06-01 12:00:00")) {
		t.Errorf("builds with SOURCE_DATE_EPOCH differ or ignore it: %q vs %q", first, second)
	}
}

// TestProfile: build --profile prints a table of the templates rendered,
// with how often each ran.
func TestProfile(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"_layouts/default.html":  "<main>{% include nav.html %}{{ content }}</main>\n",
		"_includes/nav.html":     "<nav></nav>\n",
		"index.md":               "---\nlayout: default\n---\nHome\n",
		"_posts/2024-01-01-a.md": "---\nlayout: default\n---\nA\n",
	})
	var stdout, stderr bytes.Buffer
	code := run([]string{"build", "-s", filepath.Join(dir, "src"), "-d", filepath.Join(dir, "out"), "--profile"}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"Filename", "_layouts/default.html |       2", "_includes/nav.html    |       2"} {
		if !strings.Contains(out, want) {
			t.Errorf("profile lacks %q:\n%s", want, out)
		}
	}
}
