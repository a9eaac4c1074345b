package seo

import (
	"regexp"
	"testing"
)

// homepageOrAbout agrees with the gem's regexp.
func TestHomepageOrAbout(t *testing.T) {
	re := regexp.MustCompile(`(?m)^/(about/)?(index.html?)?$`)
	urls := []string{"/", "/about/", "/index.html", "/index.htm", "/about/index.html", "/indexXhtml", "/indexéhtm",
		"/about", "/about/x", "/x/", "", "about/", "/index.htmlx", "/news/\n/", "/index.\nhtml", "//", "/about/about/",
		"/index.", "/indexhtm", "/index..htm"}
	for _, u := range urls {
		if got, want := homepageOrAbout(u), re.MatchString(u); got != want {
			t.Errorf("homepageOrAbout(%q) = %v, the gem's regexp says %v", u, got, want)
		}
	}
}
