package filters

import "testing"

// The plain-path shortcut of relative_url must give what normalising gives.
func TestPlainPathAgreesWithNormalising(t *testing.T) {
	for _, s := range []string{"/", "/a/b/", "/2024/05/01/post.html", "assets/x.min.css", "/a..b/", "/~u/x_y-z",
		"/a/./b", "/a/../b", "/.", "/..", "//host/x", "/a//b", "/a b", "/é", "/a?b", "/a#b", "/...", "/.x/"} {
		norm, err := normalizeURI(ensureLeadingSlash(s))
		if err != nil {
			continue
		}
		if plainPath(s) && norm != ensureLeadingSlash(s) {
			t.Errorf("plainPath(%q) but normalising gives %q", s, norm)
		}
	}
	for _, s := range []string{"/a/./b", "/a/../b", "//host/x", "/a b", "/a?b"} {
		if plainPath(s) {
			t.Errorf("plainPath(%q) = true", s)
		}
	}
}
