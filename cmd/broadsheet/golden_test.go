package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/sitediff"
)

const sitesDir = "../../testdata/sites"

func TestMain(m *testing.M) {
	// The goldens were built with TZ=UTC (testdata/sites/PIN); the process
	// zone is what a site without `timezone` uses, in Jekyll as here.
	time.Local = time.FixedZone("UTC", 0)
	os.Exit(m.Run())
}

// buildFixture builds a copy of a fixture site (with its pinned file times)
// through the command line, as a user would, and returns the output folder.
func buildFixture(t *testing.T, f sitediff.Fixture, pin sitediff.Pin) string {
	t.Helper()
	tmp := t.TempDir()
	src := filepath.Join(tmp, "src")
	if err := f.CopySource(src, pin); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(tmp, "out")
	t.Setenv("SOURCE_DATE_EPOCH", strings.TrimPrefix(pin.Env()[0], "SOURCE_DATE_EPOCH="))
	t.Setenv("JEKYLL_ENV", "")
	// Theme gems of our own for the theme fixtures, before the installed
	// ones (the trailing ":" keeps the default gem folders).
	themes, err := filepath.Abs("../../testdata/themes")
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("GEM_PATH", themes+":")
	var stdout, stderr bytes.Buffer
	args := append([]string{"build", "-s", src, "-d", out, "--quiet"}, f.Args...)
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("broadsheet %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
	}
	return out
}

// TestFixturesMatchJekyll builds every fixture site and compares it with
// what Jekyll 4.3.1 built (testdata/sites/NAME.jekyll, from scripts/make-goldens).
func TestFixturesMatchJekyll(t *testing.T) {
	fixtures, err := sitediff.Fixtures(sitesDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(fixtures) == 0 {
		t.Fatal("no fixture sites under testdata/sites")
	}
	pin, err := sitediff.ReadPin(sitesDir)
	if err != nil {
		t.Fatal(err)
	}
	knownDiffs, err := readKnownDiffs(knownDiffsFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fixtures {
		t.Run(f.Name, func(t *testing.T) {
			if _, err := os.Stat(f.Golden); err != nil {
				t.Fatalf("no golden for %s: run scripts/make-goldens %s", f.Name, f.Name)
			}
			out := buildFixture(t, f, pin)
			rep, err := sitediff.Compare(f.Golden, out)
			if err != nil {
				t.Fatal(err)
			}
			known := knownDiffs[f.Name]
			var unexpected []string
			for _, d := range rep.Differ {
				if _, ok := known[d.Path]; !ok {
					unexpected = append(unexpected, d.Path)
				}
				delete(known, d.Path)
			}
			unexpected = append(unexpected, rep.Missing...)
			unexpected = append(unexpected, rep.Extra...)
			if len(unexpected) > 0 {
				t.Errorf("%s does not match Jekyll's output in %v:\n%s", f.Name, unexpected, rep.String())
			}
			for path, why := range known {
				t.Errorf("%s/%s now matches Jekyll: take it out of %s (%s)", f.Name, path, knownDiffsFile, why)
			}
		})
	}
}

// knownDiffsFile lists the output files that do not match Jekyll yet, each
// with the issue that will close the difference (docs/compatibility.md
// explains them). A listed file that starts matching fails the test too, so
// the list stays true.
const knownDiffsFile = "../../testdata/known-differences.txt"

// readKnownDiffs reads lines "FIXTURE PATH ISSUE REASON...".
func readKnownDiffs(name string) (map[string]map[string]string, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]string{}
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 {
			return nil, fmt.Errorf("%s:%d: want FIXTURE PATH ISSUE REASON", name, i+1)
		}
		if out[f[0]] == nil {
			out[f[0]] = map[string]string{}
		}
		out[f[0]][f[1]] = strings.Join(f[2:], " ")
	}
	return out, nil
}
