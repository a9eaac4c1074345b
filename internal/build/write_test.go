package build

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// atomicWrite makes new files in place, replaces existing ones whole, and
// clears a file or folder standing in the way.
func TestAtomicWrite(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, body string) {
		t.Helper()
		if err := atomicWrite(filepath.Join(dir, rel), func(w io.Writer) error {
			_, err := io.WriteString(w, body)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	read := func(rel string) string {
		b, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	write("a/b/new.html", "one")
	write("a/b/new.html", "two")
	if got := read("a/b/new.html"); got != "two" {
		t.Errorf("replaced file holds %q", got)
	}
	write("file", "x")
	write("file/inside.html", "y") // a file stands where a folder must be
	if got := read("file/inside.html"); got != "y" {
		t.Errorf("got %q", got)
	}
	os.MkdirAll(filepath.Join(dir, "folder", "sub"), 0o755)
	write("folder", "z") // a folder stands where the file must be
	if got := read("folder"); got != "z" {
		t.Errorf("got %q", got)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "a", "b"))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if st, _ := os.Stat(filepath.Join(dir, "a/b/new.html")); st.Mode().Perm()&0o044 == 0 {
		t.Errorf("output is not world-readable: %v", st.Mode())
	}
}
