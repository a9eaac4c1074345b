// Package sitediff compares two built static sites file by file, the way a
// reader would, so that a test can say whether Broadsheet built the site
// Jekyll built.
//
// It is the Go twin of ../shared/tools/sitediff and gives the same verdicts:
// HTML and XML are compared as normalised token streams (tag and attribute
// names lower-cased, attributes sorted, character references decoded,
// whitespace collapsed and whitespace-only text between tags dropped, text
// inside pre, textarea, script and style kept verbatim, comments kept), CSS
// with whitespace collapsed, JSON, text and JavaScript line by line, and
// everything else byte for byte. Build times and generator names are masked.
//
// The package also knows the layout of the fixture sites under
// testdata/sites (see fixtures.go), so the build test and the golden script
// agree on where sites, flags, goldens and the pinned clock live.
package sitediff

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Report is the outcome of comparing an expected site with an actual one.
// Paths are relative to the site roots and use '/'.
type Report struct {
	Total   int // files in the expected site
	Matched int // expected files present in the actual site and equal after normalisation
	Missing []string
	Extra   []string
	Differ  []FileDiff
}

// FileDiff names a file present in both sites that differs after
// normalisation, with a short unified diff of the normalised units.
type FileDiff struct {
	Path string
	Diff string
}

// OK reports whether every expected file is present and matches. Extra files
// do not count against it, as in the Python tool.
func (r *Report) OK() bool { return len(r.Missing) == 0 && len(r.Differ) == 0 }

// Percent is the share of expected files that match; 100 for an empty site.
func (r *Report) Percent() float64 {
	if r.Total == 0 {
		return 100
	}
	return 100 * float64(r.Matched) / float64(r.Total)
}

// String lists the differing, missing and extra files, and ends with the
// summary line the Python tool prints.
func (r *Report) String() string {
	var sb strings.Builder
	for _, d := range r.Differ {
		fmt.Fprintf(&sb, "--- %s\n", d.Path)
		for _, l := range strings.Split(strings.TrimRight(d.Diff, "\n"), "\n") {
			sb.WriteString("    ")
			sb.WriteString(l)
			sb.WriteByte('\n')
		}
	}
	for _, p := range r.Missing {
		fmt.Fprintf(&sb, "missing: %s\n", p)
	}
	for _, p := range r.Extra {
		fmt.Fprintf(&sb, "extra:   %s\n", p)
	}
	fmt.Fprintf(&sb, "sitediff: %d/%d files match (%.1f%%), %d differ, %d missing, %d extra",
		r.Matched, r.Total, r.Percent(), len(r.Differ), len(r.Missing), len(r.Extra))
	return sb.String()
}

// Options adjusts a comparison.
type Options struct {
	// Ignore lists shell globs of relative paths to leave out of both
	// sites; as with Python's fnmatch, '*' also matches '/'.
	Ignore []string
	// DiffLines caps the lines of each FileDiff (0 means 12, like the
	// Python tool); each line is cut at 160 characters.
	DiffLines int
}

// Compare compares the site built in actualDir with the one in expectedDir.
func Compare(expectedDir, actualDir string) (*Report, error) {
	return CompareWith(expectedDir, actualDir, Options{})
}

// CompareWith is Compare with options.
func CompareWith(expectedDir, actualDir string, opt Options) (*Report, error) {
	ignore, err := compileGlobs(opt.Ignore)
	if err != nil {
		return nil, err
	}
	exp, err := listFiles(expectedDir, ignore)
	if err != nil {
		return nil, err
	}
	act, err := listFiles(actualDir, ignore)
	if err != nil {
		return nil, err
	}
	maxLines := opt.DiffLines
	if maxLines <= 0 {
		maxLines = 12
	}
	r := &Report{Total: len(exp)}
	for p := range act {
		if !exp[p] {
			r.Extra = append(r.Extra, p)
		}
	}
	paths := make([]string, 0, len(exp))
	for p := range exp {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	sort.Strings(r.Extra)
	for _, p := range paths {
		if !act[p] {
			r.Missing = append(r.Missing, p)
			continue
		}
		x, err := os.ReadFile(filepath.Join(expectedDir, filepath.FromSlash(p)))
		if err != nil {
			return nil, err
		}
		y, err := os.ReadFile(filepath.Join(actualDir, filepath.FromSlash(p)))
		if err != nil {
			return nil, err
		}
		if d, same := CompareFile(p, x, y, maxLines); same {
			r.Matched++
		} else {
			r.Differ = append(r.Differ, FileDiff{Path: p, Diff: d})
		}
	}
	return r, nil
}

// CompareFile compares two versions of the file named name. When they differ
// it returns a unified diff of their normalised units, at most maxLines long.
func CompareFile(name string, expected, actual []byte, maxLines int) (diff string, same bool) {
	if bytes.Equal(expected, actual) {
		return "", true
	}
	if KindOf(name) == Binary {
		return "(binary files differ)", false
	}
	x, y := Normalize(name, expected), Normalize(name, actual)
	if equalUnits(x, y) {
		return "", true
	}
	return unifiedDiff(x, y, maxLines), false
}

func equalUnits(x, y []string) bool {
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}

// listFiles returns the regular files (and symlinks to them) under root, as
// slash-separated relative paths, leaving out ignored ones.
func listFiles(root string, ignore []*regexp.Regexp) (map[string]bool, error) {
	st, err := os.Stat(root)
	if err != nil {
		return nil, fmt.Errorf("sitediff: %w", err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("sitediff: not a directory: %s", root)
	}
	out := map[string]bool{}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if st, err := os.Stat(p); err != nil || st.IsDir() {
				return nil
			}
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		for _, g := range ignore {
			if g.MatchString(rel) {
				return nil
			}
		}
		out[rel] = true
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sitediff: %w", err)
	}
	return out, nil
}

// compileGlobs turns fnmatch-style globs into anchored regular expressions.
func compileGlobs(globs []string) ([]*regexp.Regexp, error) {
	var out []*regexp.Regexp
	for _, g := range globs {
		var sb strings.Builder
		sb.WriteString(`(?s)^`)
		for i := 0; i < len(g); i++ {
			switch c := g[i]; c {
			case '*':
				sb.WriteString(`.*`)
			case '?':
				sb.WriteString(`.`)
			case '[':
				j := strings.IndexByte(g[i+1:], ']')
				if j < 0 {
					sb.WriteString(`\[`)
					continue
				}
				class := g[i+1 : i+1+j]
				if strings.HasPrefix(class, "!") {
					class = "^" + class[1:]
				}
				sb.WriteString("[" + strings.ReplaceAll(class, `\`, `\\`) + "]")
				i += j + 1
			default:
				sb.WriteString(regexp.QuoteMeta(string(c)))
			}
		}
		sb.WriteString(`$`)
		rx, err := regexp.Compile(sb.String())
		if err != nil {
			return nil, fmt.Errorf("sitediff: bad ignore glob %q: %w", g, err)
		}
		out = append(out, rx)
	}
	return out, nil
}
