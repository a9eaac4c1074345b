package theme

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// Remote is a `remote_theme:` value: OWNER/NAME, optionally @REF.
type Remote struct {
	Owner, Name string
	// Ref is the branch, tag or commit; jekyll-remote-theme's default is
	// "master".
	Ref string
}

// remoteForm is jekyll-remote-theme's THEME_REGEX.
var remoteForm = regexp.MustCompile(`(?i)^([a-z0-9-]+)/([a-z0-9._-]+)(?:@([a-z0-9._-]+))?$`)

// ParseRemote reads a `remote_theme:` value as jekyll-remote-theme does:
// lower-cased and trimmed, OWNER/NAME[@REF]. A value that is not of that
// form (jekyll-remote-theme also takes URLs of GitHub Enterprise hosts,
// which Broadsheet does not) is an error.
func ParseRemote(s string) (Remote, error) {
	v := strings.ToLower(strings.TrimSpace(s))
	m := remoteForm.FindStringSubmatch(v)
	if m == nil || m[2] == "." || m[2] == ".." {
		return Remote{}, fmt.Errorf("remote_theme: %q is not a valid remote theme (want OWNER/REPOSITORY or OWNER/REPOSITORY@REF)", s)
	}
	r := Remote{Owner: m[1], Name: m[2], Ref: m[3]}
	if r.Ref == "" {
		r.Ref = "master"
	}
	return r, nil
}

func (r Remote) String() string { return r.Owner + "/" + r.Name + "@" + r.Ref }

// DefaultBaseURL is where GitHub serves repository archives:
// BASE/OWNER/NAME/archive/REF.zip.
const DefaultBaseURL = "https://github.com"

// Fetcher downloads remote themes into a cache folder, once: a theme in the
// cache is used as it is, without the network, so offline rebuilds work.
// Delete its folder (or run `broadsheet clean`) to download it again.
type Fetcher struct {
	// CacheDir holds the themes, one folder per OWNER/NAME@REF. The build
	// uses DefaultCacheDir(source).
	CacheDir string
	// BaseURL is where archives are downloaded from ("" means
	// DefaultBaseURL); tests point it at a server on loopback.
	BaseURL string
	// Client makes the requests (nil means http.DefaultClient).
	Client *http.Client
	// MaxBytes limits an archive's size (0 means 1 GiB, as
	// jekyll-remote-theme).
	MaxBytes int64
}

// DefaultCacheDir is the cache of remote themes for the site at source:
// inside .jekyll-cache, which Jekyll never reads as content and `clean`
// removes.
func DefaultCacheDir(source string) string {
	return filepath.Join(source, ".jekyll-cache", "broadsheet", "remote-themes")
}

// Fetch gives the theme for r, downloading it into the cache unless it is
// there already.
func (f *Fetcher) Fetch(ctx context.Context, r Remote) (*Theme, error) {
	if f.CacheDir == "" {
		return nil, fmt.Errorf("remote_theme %s: no cache folder", r)
	}
	dir := filepath.Join(f.CacheDir, r.Owner, r.Name+"@"+r.Ref)
	if !nonEmptyDir(dir) {
		if err := f.download(ctx, r, dir); err != nil {
			return nil, err
		}
	}
	t, err := Open(r.Name, dir)
	if err != nil {
		return nil, err
	}
	t.Remote = true
	return t, nil
}

func nonEmptyDir(dir string) bool {
	entries, err := os.ReadDir(dir)
	return err == nil && len(entries) > 0
}

// download fetches r's archive and unpacks it into dir, through a
// temporary folder renamed into place, so an interrupted download leaves
// nothing a later build would take for the theme.
func (f *Fetcher) download(ctx context.Context, r Remote, dir string) error {
	base := f.BaseURL
	if base == "" {
		base = DefaultBaseURL
	}
	u := strings.TrimSuffix(base, "/") + "/" + path.Join(url.PathEscape(r.Owner), url.PathEscape(r.Name), "archive", url.PathEscape(r.Ref)+".zip")
	fail := func(format string, a ...any) error {
		return fmt.Errorf("remote_theme %s: cannot download %s: %s", r, u, fmt.Sprintf(format, a...))
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return fail("%v", err)
	}
	req.Header.Set("User-Agent", "Broadsheet (remote_theme)")
	client := f.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return fail("%v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fail("%s", resp.Status)
	}
	limit := f.MaxBytes
	if limit <= 0 {
		limit = 1 << 30
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return err
	}
	tmpZip, err := os.CreateTemp(filepath.Dir(dir), ".download-*.zip")
	if err != nil {
		return err
	}
	defer os.Remove(tmpZip.Name())
	defer tmpZip.Close()
	n, err := io.Copy(tmpZip, io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return fail("%v", err)
	}
	if n > limit {
		return fail("larger than %d bytes", limit)
	}
	tmpDir, err := os.MkdirTemp(filepath.Dir(dir), ".unpack-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmpDir)
	if err := unzip(tmpZip, n, tmpDir); err != nil {
		return fail("%v", err)
	}
	os.RemoveAll(dir) // an empty folder left by hand
	if err := os.Rename(tmpDir, dir); err != nil {
		if nonEmptyDir(dir) {
			return nil // another build unpacked it first
		}
		return err
	}
	return nil
}

// unzip unpacks a GitHub archive into dir without its top folder
// (OWNER-NAME-REF/, whose case is not predictable), as jekyll-remote-theme
// does. Entries that would land outside dir and symbolic links are skipped.
func unzip(r io.ReaderAt, size int64, dir string) error {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return fmt.Errorf("not a zip archive: %v", err)
	}
	for _, zf := range zr.File {
		name := zf.Name
		if i := strings.IndexByte(name, '/'); i >= 0 {
			name = name[i+1:]
		} else {
			continue // a file beside the top folder
		}
		clean := path.Clean("/" + name)
		if name == "" || clean == "/" {
			continue
		}
		target := filepath.Join(dir, filepath.FromSlash(clean))
		mode := zf.Mode()
		switch {
		case mode&os.ModeSymlink != 0:
			continue
		case zf.FileInfo().IsDir():
			if err := os.MkdirAll(target, 0o755); err != nil {
				return err
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := extract(zf, target); err != nil {
			return err
		}
	}
	return nil
}

func extract(zf *zip.File, target string) error {
	rc, err := zf.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	out, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, rc); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
