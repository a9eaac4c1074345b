package sitediff

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The fixture layout, shared with scripts/make-goldens:
//
//	testdata/sites/NAME/          a Jekyll site
//	testdata/sites/NAME.args      optional: one line of `jekyll build` flags
//	testdata/sites/NAME.jekyll/   what Jekyll 4.3.1 built (written only by the script)
//	testdata/sites/PIN            the clock and file times every build is pinned to
//	testdata/sites/VERSIONS       the Jekyll, Ruby and gem versions that built the goldens

// Fixture is one fixture site.
type Fixture struct {
	Name   string   // folder name, such as "posts"
	Source string   // the site folder
	Golden string   // the folder Jekyll's output is stored in
	Args   []string // build flags from NAME.args, such as --drafts
}

var fixtureName = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// Fixtures lists the fixture sites under sitesDir, sorted by name.
func Fixtures(sitesDir string) ([]Fixture, error) {
	entries, err := os.ReadDir(sitesDir)
	if err != nil {
		return nil, err
	}
	var out []Fixture
	for _, e := range entries {
		if !e.IsDir() || !fixtureName.MatchString(e.Name()) {
			continue
		}
		f := Fixture{
			Name:   e.Name(),
			Source: filepath.Join(sitesDir, e.Name()),
			Golden: filepath.Join(sitesDir, e.Name()+".jekyll"),
		}
		args, err := os.ReadFile(filepath.Join(sitesDir, e.Name()+".args"))
		switch {
		case err == nil:
			f.Args = strings.Fields(string(args))
		case !os.IsNotExist(err):
			return nil, err
		}
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Pin is the fixed clock the goldens were built under. A Broadsheet build
// that is to match them must use the same instant for site.time, the same
// time zone, and a copy of the site whose files carry the same mtimes
// (drafts and static files take dates from them).
type Pin struct {
	// Time is the instant Jekyll ran at (under faketime); site.time.
	Time time.Time
	// SourceDateEpoch is Time in seconds, for Broadsheet's SOURCE_DATE_EPOCH.
	SourceDateEpoch int64
	// TZ is the process time zone both builds run in.
	TZ string
	// Mtime is the modification time given to every file of the site copy.
	Mtime time.Time
}

// Env returns the environment entries that pin a Broadsheet build.
func (p Pin) Env() []string {
	return []string{
		"SOURCE_DATE_EPOCH=" + strconv.FormatInt(p.SourceDateEpoch, 10),
		"TZ=" + p.TZ,
	}
}

// ReadPin reads sitesDir/PIN: KEY=VALUE lines (FAKETIME, SOURCE_DATE_EPOCH,
// TZ, MTIME), '#' comments. It checks that FAKETIME and SOURCE_DATE_EPOCH
// name the same instant.
func ReadPin(sitesDir string) (Pin, error) {
	name := filepath.Join(sitesDir, "PIN")
	fh, err := os.Open(name)
	if err != nil {
		return Pin{}, err
	}
	defer fh.Close()
	kv := map[string]string{}
	sc := bufio.NewScanner(fh)
	for line := 1; sc.Scan(); line++ {
		t := strings.TrimSpace(sc.Text())
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		k, v, ok := strings.Cut(t, "=")
		if !ok {
			return Pin{}, fmt.Errorf("%s:%d: want KEY=VALUE", name, line)
		}
		kv[strings.TrimSpace(k)] = strings.Trim(strings.TrimSpace(v), `'"`)
	}
	if err := sc.Err(); err != nil {
		return Pin{}, err
	}
	var p Pin
	p.TZ = kv["TZ"]
	if p.TZ != "UTC" {
		return Pin{}, fmt.Errorf("%s: TZ must be UTC (the times below are read in it), got %q", name, p.TZ)
	}
	const layout = "2006-01-02 15:04:05"
	if p.Time, err = time.ParseInLocation(layout, kv["FAKETIME"], time.UTC); err != nil {
		return Pin{}, fmt.Errorf("%s: FAKETIME: %w", name, err)
	}
	if p.Mtime, err = time.ParseInLocation(layout, kv["MTIME"], time.UTC); err != nil {
		return Pin{}, fmt.Errorf("%s: MTIME: %w", name, err)
	}
	if p.SourceDateEpoch, err = strconv.ParseInt(kv["SOURCE_DATE_EPOCH"], 10, 64); err != nil {
		return Pin{}, fmt.Errorf("%s: SOURCE_DATE_EPOCH: %w", name, err)
	}
	if p.SourceDateEpoch != p.Time.Unix() {
		return Pin{}, fmt.Errorf("%s: SOURCE_DATE_EPOCH %d is not FAKETIME %s (%d)", name, p.SourceDateEpoch, kv["FAKETIME"], p.Time.Unix())
	}
	return p, nil
}

// CopySource copies the fixture site into dst (which must not exist yet),
// giving every file and folder the pinned mtime, as scripts/make-goldens
// does before running Jekyll.
func (f Fixture) CopySource(dst string, pin Pin) error {
	var dirs []string
	err := filepath.WalkDir(f.Source, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(f.Source, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			dirs = append(dirs, target)
			return os.MkdirAll(target, 0o755)
		case d.Type()&fs.ModeSymlink != 0:
			link, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(link, target)
		case d.Type().IsRegular():
			if err := copyFile(p, target); err != nil {
				return err
			}
			return os.Chtimes(target, pin.Mtime, pin.Mtime)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Folders last: writing their files changed their times.
	for i := len(dirs) - 1; i >= 0; i-- {
		if err := os.Chtimes(dirs[i], pin.Mtime, pin.Mtime); err != nil {
			return err
		}
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
