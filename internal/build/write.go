package build

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/broadsheet-ssg/broadsheet/internal/content"
)

// The write phase: every output file on all cores, skipping files whose
// bytes are already there, then removing what the site no longer makes
// (but keep_files). It runs only after a render without errors, so a broken
// site never leaves a half-written output.

type outFile struct {
	dest   string // relative to the destination, with slashes
	data   []byte // rendered bytes, or nil for a copy
	src    string // static file to copy
	isDoc  bool
	doc    *content.Document   // the document or page written, or nil
	static *content.StaticFile // the static file copied, or nil
}

// owner is what writes the file, to tell which of several files for one
// path wins.
func (f outFile) owner() any {
	if f.doc != nil {
		return f.doc
	}
	return f.static
}

// Outputs lists what the site writes, in Jekyll's order (pages, static
// files, documents); a later file for the same path wins.
func (s *Site) Outputs() []outFile {
	var out []outFile
	for _, p := range s.Pages {
		out = append(out, outFile{dest: p.Destination(), data: p.Output, isDoc: true, doc: p})
	}
	for _, f := range s.StaticFiles {
		if f.Write {
			out = append(out, outFile{dest: f.Destination(), src: f.Path, static: f})
		}
	}
	for _, c := range s.Collections {
		if !c.Output {
			continue
		}
		for _, d := range c.Docs {
			if !d.IsPost() && !s.Config.Future && d.Date.Unix() > s.Time.Unix() {
				continue
			}
			out = append(out, outFile{dest: d.Destination(), data: d.Output, isDoc: true, doc: d})
		}
	}
	return out
}

// Write writes the output and cleans the destination.
func (s *Site) Write() error {
	dest := s.Config.Destination
	files := s.Outputs()
	final := map[string]int{}
	for i, f := range files {
		final[f.dest] = i
	}
	var mu sync.Mutex
	var errs []error
	parallel(len(files), func(i int) {
		f := files[i]
		if final[f.dest] != i {
			return
		}
		abs := filepath.Join(dest, filepath.FromSlash(f.dest))
		var err error
		if f.src != "" {
			err = copyIfChanged(f.src, abs)
		} else {
			err = writeIfChanged(abs, f.data)
		}
		if err != nil {
			mu.Lock()
			errs = append(errs, err)
			mu.Unlock()
		}
	})
	if len(errs) > 0 {
		return joinErrors(errs)
	}
	return s.clean(final)
}

func writeIfChanged(abs string, data []byte) error {
	if old, err := os.ReadFile(abs); err == nil && bytes.Equal(old, data) {
		return nil
	}
	return atomicWrite(abs, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

func copyIfChanged(src, abs string) error {
	sst, err := os.Stat(src)
	if err != nil {
		return err
	}
	if dst, err := os.Stat(abs); err == nil && dst.Size() == sst.Size() && dst.ModTime().Equal(sst.ModTime()) {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := atomicWrite(abs, func(w io.Writer) error {
		_, err := io.Copy(w, in)
		return err
	}); err != nil {
		return err
	}
	return os.Chtimes(abs, sst.ModTime(), sst.ModTime())
}

// atomicWrite writes through a temporary file renamed into place, so a
// reader never sees half a file.
func atomicWrite(abs string, fill func(io.Writer) error) error {
	// A file that is not there yet is made in place (O_EXCL), which costs a
	// third of the system calls of a temporary file renamed into place: no
	// reader can have seen an older version of it. That is every file of a
	// first build.
	f, err := os.OpenFile(abs, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrNotExist) {
		if os.MkdirAll(filepath.Dir(abs), 0o755) == nil {
			f, err = os.OpenFile(abs, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		}
	}
	if err == nil {
		if err := fill(f); err != nil {
			f.Close()
			os.Remove(abs)
			return err
		}
		if err := f.Close(); err != nil {
			os.Remove(abs)
			return err
		}
		return nil
	}
	return replaceFile(abs, fill)
}

// replaceFile writes through a temporary file renamed into place, so a
// reader of the old file never sees half a new one.
func replaceFile(abs string, fill func(io.Writer) error) error {
	dir := filepath.Dir(abs)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		// A file may stand where a folder must now be.
		if st, serr := os.Stat(dir); serr == nil && !st.IsDir() {
			os.Remove(dir)
			err = os.MkdirAll(dir, 0o755)
		}
		if err != nil {
			return err
		}
	}
	if st, err := os.Stat(abs); err == nil && st.IsDir() {
		os.RemoveAll(abs)
	}
	tmp, err := os.CreateTemp(dir, ".broadsheet-*")
	if err != nil {
		return err
	}
	if err := fill(tmp); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), abs)
}

// clean removes files and folders of the destination that this build did
// not write, except keep_files, as Jekyll's Cleaner.
func (s *Site) clean(written map[string]int) error {
	dest := s.Config.Destination
	keep := func(rel string) bool {
		for _, k := range s.Config.KeepFiles {
			if k != "" && strings.HasPrefix(rel, k) {
				return true
			}
		}
		return false
	}
	dirs := map[string]bool{}
	for rel := range written {
		for d := filepath.ToSlash(filepath.Dir(rel)); d != "." && d != "/"; d = filepath.ToSlash(filepath.Dir(d)) {
			dirs[d] = true
		}
	}
	for _, k := range s.Config.KeepFiles {
		for d := k; d != "." && d != "/" && d != ""; d = filepath.ToSlash(filepath.Dir(d)) {
			dirs[d] = true
		}
	}
	var obsolete []string
	filepath.WalkDir(dest, func(p string, de os.DirEntry, err error) error {
		if err != nil || p == dest {
			return nil
		}
		rel, _ := filepath.Rel(dest, p)
		rel = filepath.ToSlash(rel)
		if keep(rel) {
			if de.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if de.IsDir() {
			if !dirs[rel] {
				obsolete = append(obsolete, p)
				return filepath.SkipDir
			}
			return nil
		}
		if _, ok := written[rel]; !ok {
			obsolete = append(obsolete, p)
		}
		return nil
	})
	sort.Strings(obsolete)
	for _, p := range obsolete {
		if err := os.RemoveAll(p); err != nil {
			return err
		}
	}
	return nil
}
