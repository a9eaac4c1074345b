// Package testenv decides what a test does when something it needs from
// outside the project (a Debian package, real Jekyll, Chromium, a storage
// emulator, ../shared) is absent: on a developer's machine it skips with a
// message saying what to install; in CI (BROADSHEET_CI=1, set by .ci/run,
// which installs everything) the same absence fails the test, so that CI
// never passes by skipping.
package testenv

import (
	"os"
	"os/exec"
	"testing"
)

// InCI reports whether the tests run under .ci/run.
func InCI() bool { return os.Getenv("BROADSHEET_CI") == "1" }

// Missing skips the test, or fails it in CI, because what is absent. how
// says how to get it ("apt-get install jekyll faketime").
func Missing(t testing.TB, what, how string) {
	t.Helper()
	if InCI() {
		t.Fatalf("%s is absent, and BROADSHEET_CI=1 says everything is installed (%s)", what, how)
	}
	t.Skipf("%s is absent (%s): skipped", what, how)
}

// LookPath returns the path of the command name, or skips (fails in CI)
// with how as the way to install it.
func LookPath(t testing.TB, name, how string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, name, how)
	}
	return p
}

// Exists returns path if it exists, or skips (fails in CI) naming what it is.
func Exists(t testing.TB, path, what, how string) string {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		Missing(t, what+" ("+path+")", how)
	}
	return path
}
