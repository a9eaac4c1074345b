package server

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watcher reports the files changed below a folder, a batch at a time: an
// editor's save is often several events (a temporary file, a rename, a
// chmod), and a checkout changes many files at once, so events are
// gathered until the folder has been quiet for the debounce time.
type Watcher struct {
	root     string
	skip     func(abs string) bool
	debounce time.Duration
	w        *fsnotify.Watcher
}

// NewWatcher watches root and every folder below it but those skip
// rejects (the output folder, .git, ...).
func NewWatcher(root string, skip func(abs string) bool, debounce time.Duration) (*Watcher, error) {
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{root: root, skip: skip, debounce: debounce, w: fw}
	if err := w.addTree(root); err != nil {
		fw.Close()
		return nil, err
	}
	return w, nil
}

// addTree watches dir and its folders. Files are not watched one by one:
// a folder's watch reports its files' events.
func (w *Watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil
		}
		if !de.IsDir() {
			return nil
		}
		if p != w.root && w.skip(p) {
			return filepath.SkipDir
		}
		return w.w.Add(p)
	})
}

// Close stops watching.
func (w *Watcher) Close() error { return w.w.Close() }

// Run calls changed with each batch of changed paths until ctx ends. A
// batch of nil means events were lost (the kernel's queue overflowed):
// the caller should rebuild everything.
func (w *Watcher) Run(ctx context.Context, changed func(paths []string)) error {
	pending := map[string]bool{}
	overflow := false
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case ev, ok := <-w.w.Events:
			if !ok {
				return nil
			}
			if w.skip(ev.Name) || ignoredName(filepath.Base(ev.Name)) {
				continue
			}
			if ev.Op == fsnotify.Chmod {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					w.addTree(ev.Name)
					// Files made before the watch began have no events.
					filepath.WalkDir(ev.Name, func(p string, de fs.DirEntry, err error) error {
						if err == nil && !de.IsDir() {
							pending[p] = true
						}
						return nil
					})
				}
			}
			pending[ev.Name] = true
			timer.Reset(w.debounce)
		case err, ok := <-w.w.Errors:
			if !ok {
				return nil
			}
			if err == fsnotify.ErrEventOverflow {
				overflow = true
				timer.Reset(w.debounce)
			}
		case <-timer.C:
			if overflow {
				overflow = false
				pending = map[string]bool{}
				changed(nil)
				continue
			}
			if len(pending) == 0 {
				continue
			}
			paths := make([]string, 0, len(pending))
			for p := range pending {
				paths = append(paths, p)
			}
			pending = map[string]bool{}
			changed(paths)
		}
	}
}

// ignoredName tells editors' scratch files, which never belong to a site.
func ignoredName(name string) bool {
	return strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") ||
		strings.HasPrefix(name, ".#") || name == "4913" || strings.HasPrefix(name, ".broadsheet-")
}
