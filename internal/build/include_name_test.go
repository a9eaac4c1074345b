package build

import (
	"regexp"
	"testing"
)

// validIncludeName is Jekyll's pair of regexps, written out by hand.
func TestValidIncludeName(t *testing.T) {
	chars := regexp.MustCompile(`^[\w/.\-()+~#@]+$`)
	badSeq := regexp.MustCompile(`[./]{2,}`)
	names := []string{"nav.html", "a/b.html", "post-item.html", "x_(1)+~#@.md", "", "../x", "a//b", "a/./b",
		"a..b", "a./b", "a b", "a\tb", "é.html", "a{{b}}", "a;b", "a/b/", "/a", ".", "..", "./a", "a.", "x$y", "a\\b"}
	for _, n := range names {
		want := !badSeq.MatchString(n) && chars.MatchString(n)
		if got := validIncludeName(n); got != want {
			t.Errorf("validIncludeName(%q) = %v, Jekyll's regexps say %v", n, got, want)
		}
	}
}
