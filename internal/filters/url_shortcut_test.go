package filters

import "testing"

// absolute_url's shortcut for plain paths gives what full normalisation
// gives, for site URLs in normal form and for those that are not.
func TestAbsoluteURLShortcut(t *testing.T) {
	urls := []string{"https://example.org", "https://example.org/", "http://example.org/news",
		"HTTPS://Example.ORG", "https://example.org:443", "http://example.org:8080/a",
		"https://example.org/a b", "https://example.org/?q=1", "https://example.org/#top", "//example.org"}
	paths := []string{"/", "/2024/01/02/post/", "/tags/a-b_c/", "/feed.xml", "/a/../b/", "/a//b", "/%7Efoo", "/é/"}
	for _, u := range urls {
		for _, base := range []string{"", "/blog"} {
			env := &Env{URL: u, BaseURL: base}
			for _, p := range paths {
				got, err := env.absoluteURLFilter(nil, p, nil)
				rel, _ := env.relativeURL(p)
				want, werr := normalizeURI(u + rel.(string))
				if (err != nil) != (werr != nil) || (err == nil && got != want) {
					t.Errorf("url %q baseurl %q path %q: got %v (%v), want %q (%v)", u, base, p, got, err, want, werr)
				}
			}
		}
	}
	if !(&Env{URL: "https://example.org"}).plainSiteURL() {
		t.Error("a normal site URL is not taken as one")
	}
	if (&Env{URL: "HTTPS://Example.ORG"}).plainSiteURL() {
		t.Error("a site URL normalisation changes is taken as normal")
	}
}
