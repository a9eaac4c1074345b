package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/broadsheet-ssg/broadsheet/internal/sitediff"
)

// TestSeedPostMatchesJekyll drops the real news post from ../shared/seed
// into a copy of the news fixture and builds it with real Jekyll and with
// Broadsheet. The post's text is not ours, so its output is never stored:
// Jekyll runs here, and the test skips where Jekyll or the seed is absent.
func TestSeedPostMatchesJekyll(t *testing.T) {
	seeds, _ := filepath.Glob("../../../shared/seed/*.md")
	var posts []string
	for _, s := range seeds {
		if filepath.Base(s) != "README.md" {
			posts = append(posts, s)
		}
	}
	if len(posts) == 0 {
		t.Skip("../shared/seed is absent: this test needs the shared folder beside the project")
	}
	for _, tool := range []string{"jekyll", "faketime"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (apt-get install jekyll faketime)", tool)
		}
	}
	fixtures, err := sitediff.Fixtures(sitesDir)
	if err != nil {
		t.Fatal(err)
	}
	var news *sitediff.Fixture
	for i := range fixtures {
		if fixtures[i].Name == "news" {
			news = &fixtures[i]
		}
	}
	if news == nil {
		t.Fatal("no news fixture under testdata/sites")
	}
	pin, err := sitediff.ReadPin(sitesDir)
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	src := filepath.Join(tmp, "src")
	if err := news.CopySource(src, pin); err != nil {
		t.Fatal(err)
	}
	for _, p := range posts {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(src, "_posts", filepath.Base(p))
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(dst, pin.Mtime, pin.Mtime); err != nil {
			t.Fatal(err)
		}
	}

	jekyllOut := filepath.Join(tmp, "jekyll")
	cmd := exec.Command("faketime", pin.Time.Format("2006-01-02 15:04:05"),
		"jekyll", "build", "-s", src, "-d", jekyllOut, "--quiet")
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "JEKYLL_NO_BUNDLER_REQUIRE=true", "TZ="+pin.TZ)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("jekyll build: %v\n%s", err, out)
	}

	f := sitediff.Fixture{Name: "news+seed", Source: src}
	ours := buildFixture(t, f, pin)
	rep, err := sitediff.Compare(jekyllOut, ours)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Matched != rep.Total || len(rep.Extra) > 0 {
		t.Errorf("the news site with the seed post does not match Jekyll:\n%s", rep.String())
	}
	t.Logf("news site with the seed post: %d/%d files match Jekyll", rep.Matched, rep.Total)
	found := false
	for _, p := range posts {
		slug := strings.TrimSuffix(filepath.Base(p), ".md")[len("2006-01-02-"):]
		filepath.Walk(ours, func(path string, info os.FileInfo, err error) error {
			if err == nil && strings.Contains(path, slug) {
				found = true
			}
			return nil
		})
	}
	if !found {
		t.Error("the seed post was not built")
	}
}
