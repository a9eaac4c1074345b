package gen

import (
	"os"
	"path/filepath"
	"testing"
)

// The fixture testdata/sites/bench-news is this generator's 30-post site,
// so that the golden harness checks the benchmark's site against real
// Jekyll. This test keeps the two in step: after a change to the
// generator, regenerate the fixture and its golden:
//
//	rm -r testdata/sites/bench-news
//	go run ./bench/cmd/gen-news-site -n 30 -o testdata/sites/bench-news
//	scripts/make-goldens bench-news
func TestBenchFixtureIsGenerated(t *testing.T) {
	fixture := filepath.Join("..", "..", "testdata", "sites", "bench-news")
	gen := filepath.Join(t.TempDir(), "site")
	if err := Write(gen, Options{Posts: 30}); err != nil {
		t.Fatal(err)
	}
	want, got := tree(t, gen), tree(t, fixture)
	for p, b := range want {
		if g, ok := got[p]; !ok {
			t.Errorf("the fixture lacks %s", p)
		} else if g != b {
			t.Errorf("the fixture's %s is not what the generator writes", p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("the fixture has %s, which the generator does not write", p)
		}
	}
}

func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(root, func(p string, de os.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
