// Package theme is Broadsheet's built-in news theme, "broadsheet-news": a
// Jekyll theme folder (layouts, includes, assets, _config.yml and a gemspec
// naming the plugins it needs) embedded in the binary. The build uses it
// like any gem theme, from a folder on disk that Dir writes once, so a site
// overrides it file by file exactly as it would a gem theme's.
package theme

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
)

// Name is the theme's name, as a site's `theme:` would give it.
const Name = "broadsheet-news"

// FS holds the theme's files at their paths in the theme folder.
//
//go:embed _config.yml broadsheet-news.gemspec _layouts _includes assets
var FS embed.FS

// doneMarker is written last into a theme folder: a folder without it was
// left half-written and is not used.
const doneMarker = ".complete"

// Dir returns a folder holding the theme's files, writing them the first
// time into the user's cache folder (or, failing that, the temporary
// folder) under a name made of a hash of their content, so a new
// Broadsheet version never reads an old copy and concurrent builds never
// see a half-written one.
func Dir() (string, error) {
	var bases []string
	if c, err := os.UserCacheDir(); err == nil {
		bases = append(bases, filepath.Join(c, "broadsheet"))
	}
	bases = append(bases, filepath.Join(os.TempDir(), "broadsheet"))
	return dirIn(FS, bases)
}

// dirIn writes fsys into the first of bases where it can.
func dirIn(fsys fs.FS, bases []string) (string, error) {
	files, sum, err := hashFiles(fsys)
	if err != nil {
		return "", err
	}
	var errs []error
	for _, base := range bases {
		dir := filepath.Join(base, "theme-"+sum[:16])
		if _, err := os.Stat(filepath.Join(dir, doneMarker)); err == nil {
			return dir, nil
		}
		if err := writeDir(fsys, files, base, dir); err != nil {
			errs = append(errs, err)
			continue
		}
		return dir, nil
	}
	return "", fmt.Errorf("theme: cannot write the built-in theme: %w", errors.Join(errs...))
}

// hashFiles lists the regular files of fsys in order and hashes their
// paths and contents.
func hashFiles(fsys fs.FS) ([]string, string, error) {
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	sort.Strings(files)
	h := sha256.New()
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, "", err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", f, len(b))
		h.Write(b)
	}
	return files, hex.EncodeToString(h.Sum(nil)), nil
}

// writeDir writes the files into a fresh folder beside dir and renames it
// to dir. When another process got there first, its folder is used.
func writeDir(fsys fs.FS, files []string, base, dir string) error {
	if err := os.MkdirAll(base, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(base, ".theme-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // a no-op once renamed
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return err
		}
		dst := filepath.Join(tmp, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(tmp, doneMarker), nil, 0o644); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		// A complete folder left by a concurrent writer is as good.
		if _, serr := os.Stat(filepath.Join(dir, doneMarker)); serr == nil {
			return nil
		}
		// A half-written one (a crash between mkdir and marker cannot
		// happen with rename, but a copy by hand can): replace it.
		if rerr := os.RemoveAll(dir); rerr != nil {
			return err
		}
		return os.Rename(tmp, dir)
	}
	return nil
}

// Files lists the theme's files, for tests and `broadsheet new`.
func Files() []string {
	files, _, _ := hashFiles(FS)
	return files
}

// ReadFile reads one of the theme's files by its slash-separated path.
func ReadFile(name string) ([]byte, error) {
	return FS.ReadFile(path.Clean(name))
}
