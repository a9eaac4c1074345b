package build

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"syscall"

	"github.com/broadsheet-ssg/broadsheet/internal/content"
)

// Streaming writes. When a build starts with no destination (or an empty
// one) there is nothing to compare with and nothing to clean, so each page
// is written as soon as it is rendered, into a staging folder beside the
// destination, and its bytes are dropped: a 10,000-post site never holds
// all its pages in memory, and the kernel's share of writing overlaps
// rendering on every core. The staging folder becomes the destination with
// one rename after the build succeeded and is removed when it failed, so a
// broken site still leaves no half-written output. Rebuilds into an
// existing destination keep the write phase of write.go (compare, replace
// what changed, clean).

type streamer struct {
	root   string         // the staging folder
	dest   string         // the destination it becomes
	inside bool           // root is inside dest, which was there and empty
	final  map[string]any // destination path → the document that writes it
	dirs   sync.Map       // folders made so far, relative, with slashes
}

// startStream sets up streaming for a build into dest, or returns nil when
// the destination already has files (or no staging folder can be made:
// then the write phase does the work, and reports what stands in its way).
func startStream(s *Site) (*streamer, error) {
	dest := filepath.Clean(s.Config.Destination)
	if st, err := os.Lstat(dest); err == nil && !st.IsDir() {
		return nil, nil // a link or a file: the write phase deals with it
	}
	entries, err := os.ReadDir(dest)
	if err == nil && len(entries) > 0 || err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	// A destination that is not there yet is staged beside it and renamed
	// into place. An empty one (perhaps a mount point, which cannot be
	// replaced) is staged inside and its entries moved up at the end.
	inside := err == nil
	root := filepath.Join(dest, ".broadsheet-new")
	if !inside {
		parent, base := filepath.Dir(dest), filepath.Base(dest)
		if os.MkdirAll(parent, 0o755) != nil {
			return nil, nil
		}
		root = filepath.Join(parent, "."+base+".broadsheet-new")
	}
	if os.RemoveAll(root) != nil || os.Mkdir(root, 0o755) != nil { // left by a build that was killed
		return nil, nil
	}
	st := &streamer{root: root, dest: dest, inside: inside, final: map[string]any{}}
	st.dirs.Store(".", true)
	// The last of several files for one path wins, as in Write.
	for _, f := range s.Outputs() {
		st.final[f.dest] = f.owner()
	}
	return st, nil
}

// written writes a rendered document into the staging folder if it is the
// one that writes its path, and tells whether it did.
func (st *streamer) written(d *content.Document) (bool, error) {
	rel := d.Destination()
	if st.final[rel] != any(d) {
		return false, nil
	}
	return true, st.write(rel, d.Output)
}

func (st *streamer) write(rel string, data []byte) error {
	if err := st.mkdirs(filepath.ToSlash(filepath.Dir(rel))); err != nil {
		return err
	}
	return createFile(filepath.Join(st.root, filepath.FromSlash(rel)), data)
}

// mkdirs makes a folder of the staging tree and its parents, each once.
func (st *streamer) mkdirs(rel string) error {
	if rel == "" || rel == "/" {
		return nil
	}
	if _, ok := st.dirs.Load(rel); ok {
		return nil
	}
	if err := st.mkdirs(filepath.ToSlash(filepath.Dir(rel))); err != nil {
		return err
	}
	err := syscall.Mkdir(filepath.Join(st.root, filepath.FromSlash(rel)), 0o755)
	if err != nil && err != syscall.EEXIST { // another worker made it first
		return &os.PathError{Op: "mkdir", Path: filepath.Join(st.dest, filepath.FromSlash(rel)), Err: err}
	}
	st.dirs.Store(rel, true)
	return nil
}

// openFile is open(2) with close-on-exec, tried again when interrupted,
// without registering the descriptor with Go's poller as os.OpenFile does.
func openFile(abs string, flags int, perm uint32) (int, error) {
	for {
		fd, err := syscall.Open(abs, flags|syscall.O_CLOEXEC, perm)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return -1, &os.PathError{Op: "open", Path: abs, Err: err}
		}
		return fd, nil
	}
}

// createFile writes a file that does not exist yet with three system calls
// (os.OpenFile adds a few to register the file with the poller).
func createFile(abs string, data []byte) error {
	fd, err := openFile(abs, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			syscall.Close(fd)
			return &os.PathError{Op: "write", Path: abs, Err: err}
		}
		data = data[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &os.PathError{Op: "close", Path: abs, Err: err}
	}
	return nil
}

// bodyFromDisk reads a document's body again, for a template that shows
// another document's raw content while documents are rendered.
func (s *Site) bodyFromDisk(d *content.Document) string {
	src, err := readSource(d.Path)
	if err != nil {
		return ""
	}
	return content.BodyOf(src)
}

// readSource reads a whole file with four system calls; os.ReadFile makes
// twice as many (it registers the file with the poller), which adds up over
// the tens of thousands of posts of a large site.
func readSource(abs string) ([]byte, error) {
	fd, err := openFile(abs, syscall.O_RDONLY, 0)
	if err != nil {
		return nil, err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, &os.PathError{Op: "stat", Path: abs, Err: err}
	}
	if st.Mode&syscall.S_IFMT == syscall.S_IFDIR {
		return nil, &os.PathError{Op: "read", Path: abs, Err: syscall.EISDIR}
	}
	// One more byte than the size, so that reading it all takes one call
	// and a file that grew is still read to its end.
	buf := make([]byte, 0, int(st.Size)+1)
	for {
		n, err := syscall.Read(fd, buf[len(buf):cap(buf)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "read", Path: abs, Err: err}
		}
		if n == 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+n]
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
}

// finish writes what was not streamed (static files, source maps) and puts
// the staging folder in place of the destination.
func (st *streamer) finish(s *Site) error {
	var mu sync.Mutex
	var errs []error
	files := s.Outputs()
	parallel(len(files), func(i int) {
		f := files[i]
		if owner, ok := st.final[f.dest]; ok && owner != f.owner() {
			return // another file for this path wins
		}
		var err error
		switch {
		case f.doc != nil && f.doc.Streamed:
			return
		case f.src != "":
			err = st.copy(f.dest, f.src)
		default:
			err = st.write(f.dest, f.data)
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
	if !st.inside {
		return os.Rename(st.root, st.dest)
	}
	entries, err := os.ReadDir(st.root)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := os.Rename(filepath.Join(st.root, e.Name()), filepath.Join(st.dest, e.Name())); err != nil {
			return err
		}
	}
	return os.Remove(st.root)
}

func (st *streamer) copy(rel, src string) error {
	if err := st.mkdirs(filepath.ToSlash(filepath.Dir(rel))); err != nil {
		return err
	}
	return copyIfChanged(src, filepath.Join(st.root, filepath.FromSlash(rel)))
}

// abort removes the staging folder of a build that failed.
func (st *streamer) abort() {
	os.RemoveAll(st.root)
}

// streamedOutput reads back the output of a document written during render,
// for the rare template that shows another document's `output`.
func (s *Site) streamedOutput(d *content.Document) []byte {
	if s.stream == nil {
		return nil
	}
	data, err := os.ReadFile(filepath.Join(s.stream.root, filepath.FromSlash(d.Destination())))
	if err != nil {
		return nil
	}
	return data
}
