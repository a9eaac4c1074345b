package theme

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

func TestDirWritesOnceByContent(t *testing.T) {
	fsys := fstest.MapFS{
		"_layouts/default.html": {Data: []byte("{{ content }}")},
		"_config.yml":           {Data: []byte("a: 1\n")},
	}
	base := t.TempDir()
	dir, err := dirIn(fsys, []string{base})
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "_layouts", "default.html"))
	if err != nil || string(got) != "{{ content }}" {
		t.Fatalf("default.html = %q, %v", got, err)
	}
	// A second call reuses the folder, even if a file in it was changed
	// by hand (the folder is the cache, named by the embedded content).
	os.WriteFile(filepath.Join(dir, "_config.yml"), []byte("changed"), 0o644)
	again, err := dirIn(fsys, []string{base})
	if err != nil || again != dir {
		t.Fatalf("second call: %q, %v; want %q", again, err, dir)
	}
	// Other content goes to another folder.
	fsys["_config.yml"] = &fstest.MapFile{Data: []byte("a: 2\n")}
	other, err := dirIn(fsys, []string{base})
	if err != nil || other == dir {
		t.Fatalf("changed content: %q, %v; want a folder other than %q", other, err, dir)
	}
	// A folder left half-written (no marker) is replaced.
	if err := os.Remove(filepath.Join(other, doneMarker)); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(other, "_config.yml"))
	if _, err := dirIn(fsys, []string{base}); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(other, "_config.yml")); err != nil || string(b) != "a: 2\n" {
		t.Fatalf("half-written folder not replaced: %q, %v", b, err)
	}
}

func TestDirFallsBack(t *testing.T) {
	blocked := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocked, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	good := t.TempDir()
	dir, err := dirIn(FS, []string{filepath.Join(blocked, "sub"), good})
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(dir) != good {
		t.Errorf("dir = %s, want one in %s", dir, good)
	}
	if _, err := dirIn(FS, []string{filepath.Join(blocked, "sub")}); err == nil {
		t.Error("no error when no folder can be written")
	}
}

func TestEmbeddedTheme(t *testing.T) {
	for _, f := range []string{"_config.yml", "broadsheet-news.gemspec", "_layouts/default.html",
		"_layouts/home.html", "_layouts/post.html", "_layouts/page.html", "_layouts/category.html",
		"_layouts/tag.html", "_layouts/year.html", "_layouts/authors.html", "_layouts/archive.html",
		"_layouts/404.html", "_includes/broadsheet.css", "assets/broadsheet/icon.svg"} {
		if _, err := ReadFile(f); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	dir, err := Dir()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "_layouts", "post.html")); err != nil {
		t.Error(err)
	}
}
