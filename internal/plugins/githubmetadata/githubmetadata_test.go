package githubmetadata

import (
	"testing"
)

func TestRepository(t *testing.T) {
	cases := []struct {
		nwo, env       string
		vars           map[string]string
		user           bool
		html, baseurl  string
		urlWithoutPath string
	}{
		{nwo: "octo/site", env: "development", html: "https://github.com/pages/octo/site",
			baseurl: "/pages/octo/site", urlWithoutPath: "https://github.com"},
		// In development the user-page domain is octo.localhost:4000, so
		// only the old .github.com name makes a user page.
		{nwo: "octo/octo.github.io", env: "development", html: "https://github.com/pages/octo/octo.github.io",
			baseurl: "/pages/octo/octo.github.io", urlWithoutPath: "https://github.com"},
		{nwo: "octo/octo.github.io", env: "production", user: true, html: "https://github.com/pages/octo",
			baseurl: "/pages/octo", urlWithoutPath: "https://github.com"},
		{nwo: "octo/site", env: "dotcom", html: "http://octo.github.io/site", baseurl: "/site",
			urlWithoutPath: "http://octo.github.io"},
		{nwo: "octo/octo.github.io", env: "dotcom", user: true, html: "http://octo.github.io", baseurl: "",
			urlWithoutPath: "http://octo.github.io"},
		{nwo: "octo/site", env: "production", vars: map[string]string{"SUBDOMAIN_ISOLATION": "true", "PAGES_PAGES_HOSTNAME": "pages.corp/"},
			html: "http://pages.corp/octo/site", baseurl: "/octo/site", urlWithoutPath: "http://pages.corp"},
		{nwo: "octo/site", env: "production", vars: map[string]string{"PAGES_GITHUB_HOSTNAME": "git.corp", "SSL": "true"},
			html: "https://git.corp/pages/octo/site", baseurl: "/pages/octo/site", urlWithoutPath: "https://git.corp"},
	}
	for _, c := range cases {
		getenv := func(k string) string { return c.vars[k] }
		r := newRepository(c.nwo, newPagesEnv(c.env, getenv))
		if r.userPage() != c.user {
			t.Errorf("%s in %s: user page %v, want %v", c.nwo, c.env, r.userPage(), c.user)
		}
		if got := r.htmlURL(); got != c.html {
			t.Errorf("%s in %s: url %q, want %q", c.nwo, c.env, got, c.html)
		}
		if got := r.baseurl(); got != c.baseurl {
			t.Errorf("%s in %s: baseurl %q, want %q", c.nwo, c.env, got, c.baseurl)
		}
		if got := r.urlWithoutPath(); got != c.urlWithoutPath {
			t.Errorf("%s in %s: url without path %q, want %q", c.nwo, c.env, got, c.urlWithoutPath)
		}
	}
}

func TestPagesEnv(t *testing.T) {
	vars := map[string]string{"PAGES_ENV": "enterprise", "PAGES_API_URL": "https://api.corp/"}
	p := newPagesEnv("development", func(k string) string { return vars[k] })
	if p.env != "enterprise" {
		t.Errorf("env = %q", p.env)
	}
	if got := p.pagesHostname(); got != "github.io" {
		t.Errorf("pages hostname = %q", got)
	}
	m := newRepository("o/r", p).metadata(p)
	if v, _ := m.Get("api_url"); v != "https://api.corp" {
		t.Errorf("api_url = %v", v)
	}
	keys := m.Keys()
	for i := 1; i < len(keys); i++ {
		if keys[i-1] >= keys[i] {
			t.Errorf("keys not sorted: %q before %q", keys[i-1], keys[i])
		}
	}
}
