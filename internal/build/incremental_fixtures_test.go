package build_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/sitediff"
)

var titleLine = regexp.MustCompile(`(?m)^title:.*$`)

// TestIncrementalFixtures runs every fixture site (those built with no
// extra flags) through a dev server's builds: the first, tracked build must
// equal a plain full build; then a few of its documents get a new
// paragraph, and then a new title, and after each edit the incremental
// rebuild must equal a fresh full build of the edited source. The fixtures
// bring the plugins, themes, collections and permalink styles the small
// site of TestIncrementalEqualsFull does not.
func TestIncrementalFixtures(t *testing.T) {
	const sitesDir = "../../testdata/sites"
	fixtures, err := sitediff.Fixtures(sitesDir)
	if err != nil {
		t.Fatal(err)
	}
	pin, err := sitediff.ReadPin(sitesDir)
	if err != nil {
		t.Fatal(err)
	}
	themes, err := filepath.Abs("../../testdata/themes")
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("GEM_PATH", themes+":")
	for _, f := range fixtures {
		if len(f.Args) > 0 {
			continue
		}
		t.Run(f.Name, func(t *testing.T) {
			tmp := t.TempDir()
			src := filepath.Join(tmp, "src")
			if err := f.CopySource(src, pin); err != nil {
				t.Fatal(err)
			}
			opts := func(dest string) build.Options {
				o := incOptions(src, dest)
				o.Time = pin.Time
				return o
			}
			out := filepath.Join(tmp, "out")
			b := build.NewBuilder(opts(out))
			if _, err := b.Build(); err != nil {
				t.Skipf("the fixture does not build: %v", err)
			}
			ref := filepath.Join(tmp, "ref")
			if _, err := build.Build(opts(ref)); err != nil {
				t.Fatal(err)
			}
			sameTree(t, out, ref)

			check := func(what string, changed ...string) {
				t.Helper()
				_, rerr := b.Rebuild(changed)
				full := filepath.Join(t.TempDir(), "full")
				_, ferr := build.Build(opts(full))
				if (rerr == nil) != (ferr == nil) {
					t.Fatalf("%s: rebuild error %v, full build error %v", what, rerr, ferr)
				}
				if ferr == nil {
					sameTree(t, out, full)
				}
			}
			// Each layout and include gets a comment at its end.
			for _, dir := range []string{"_layouts", "_includes"} {
				files, _ := filepath.Glob(filepath.Join(src, dir, "*.html"))
				for _, p := range files {
					orig, _ := os.ReadFile(p)
					os.WriteFile(p, append(orig, "\n<!-- edited while serving -->\n"...), 0o644)
					check(filepath.Base(p), p)
				}
			}
			// A post comes and goes.
			added := filepath.Join(src, "_posts", "2024-05-05-added-while-serving.md")
			os.MkdirAll(filepath.Dir(added), 0o755)
			os.WriteFile(added, []byte("---\ntitle: Added while serving\ncategories: [added]\n---\nNew.\n"), 0o644)
			check("new post", added)
			os.Remove(added)
			check("deleted post", added)

			for i, doc := range editableDocs(t, src, 3) {
				orig, _ := os.ReadFile(doc)
				edits := []struct {
					name string
					body string
				}{
					{"text", string(orig) + "\n\nA paragraph added while serving.\n"},
					{"title", retitle(string(orig), i)},
				}
				for _, e := range edits {
					if err := os.WriteFile(doc, []byte(e.body), 0o644); err != nil {
						t.Fatal(err)
					}
					_, rerr := b.Rebuild([]string{doc})
					full := filepath.Join(t.TempDir(), "full")
					_, ferr := build.Build(opts(full))
					rel, _ := filepath.Rel(src, doc)
					if (rerr == nil) != (ferr == nil) {
						t.Fatalf("%s, %s edit: rebuild error %v, full build error %v", rel, e.name, rerr, ferr)
					}
					if ferr != nil {
						continue
					}
					t.Logf("%s, %s edit", rel, e.name)
					sameTree(t, out, full)
				}
			}
		})
	}
}

// editableDocs picks up to n files with front matter, posts first.
func editableDocs(t *testing.T, src string, n int) []string {
	var posts, others []string
	filepath.WalkDir(src, func(p string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(src, p)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(rel, "_layouts/") || strings.HasPrefix(rel, "_includes/") || strings.HasPrefix(rel, "_data/") ||
			strings.HasPrefix(rel, "_sass/") || strings.HasPrefix(rel, "_config") || !strings.HasSuffix(rel, ".md") && !strings.HasSuffix(rel, ".html") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil || !strings.HasPrefix(string(b), "---\n") {
			return nil
		}
		if strings.Contains(rel, "_posts/") {
			posts = append(posts, p)
		} else {
			others = append(others, p)
		}
		return nil
	})
	sort.Strings(posts)
	sort.Strings(others)
	var out []string
	if len(posts) > 0 {
		out = append(out, posts[len(posts)/2])
	}
	out = append(out, others...)
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// retitle gives a document a new title in its front matter.
func retitle(src string, i int) string {
	title := "title: Retitled while serving " + string(rune('A'+i))
	if titleLine.MatchString(src) {
		return titleLine.ReplaceAllString(src, title)
	}
	return "---\n" + title + "\n" + strings.TrimPrefix(src, "---\n")
}
