package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHandler(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(filepath.Dir(dir), "secret.txt")
	os.WriteFile(outside, []byte("secret"), 0o644)
	files := map[string]string{
		"index.html":          "<html><body>home</body></html>",
		"about/index.html":    "<html><body>about</body></html>",
		"contact.html":        "<p>contact</p>",
		"404.html":            "<html><body>not here</body></html>",
		"css/main.css":        "body{}",
		"feed.xml":            "<feed/>",
		"data.json":           "{}",
		"img/a.png":           "\x89PNG",
		"robots.txt":          "User-agent: *",
		"dir-without-index/x": "x",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	os.Symlink(outside, filepath.Join(dir, "link.txt"))
	tests := []struct {
		base, path string
		status     int
		ctype      string
		body       string // the body contains this
		location   string
	}{
		{"", "/", 200, "text/html; charset=utf-8", "home<script", ""},
		{"", "/about/", 200, "text/html; charset=utf-8", "about", ""},
		{"", "/about", 301, "", "", "/about/"},
		{"", "/contact", 200, "text/html; charset=utf-8", "contact", ""},
		{"", "/contact.html", 200, "text/html; charset=utf-8", "<p>contact</p><script", ""},
		{"", "/css/main.css", 200, "text/css; charset=utf-8", "body{}", ""},
		{"", "/feed.xml", 200, "application/xml; charset=utf-8", "<feed/>", ""},
		{"", "/data.json", 200, "application/json; charset=utf-8", "{}", ""},
		{"", "/img/a.png", 200, "image/png", "PNG", ""},
		{"", "/robots.txt", 200, "text/plain; charset=utf-8", "User-agent", ""},
		{"", "/missing", 404, "text/html; charset=utf-8", "not here", ""},
		{"", "/dir-without-index/", 404, "", "not here", ""},
		{"", "/../secret.txt", 404, "", "not here", ""},
		{"", "/%2e%2e/secret.txt", 404, "", "not here", ""},
		{"", "/link.txt", 404, "", "not here", ""},
		{"/blog", "/blog/", 200, "text/html; charset=utf-8", "home", ""},
		{"/blog", "/blog/about/", 200, "", "about", ""},
		{"/blog", "/blog", 302, "", "", "/blog/"},
		{"/blog", "/", 302, "", "", "/blog/"},
		{"/blog", "/about/", 404, "", "not here", ""},
	}
	for _, tc := range tests {
		h, err := NewHandler(dir, tc.base, "<script>lr</script>", nil)
		if err != nil {
			t.Fatal(err)
		}
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, "http://x"+tc.path, nil)
		h.ServeHTTP(rec, req)
		res := rec.Result()
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != tc.status {
			t.Errorf("%s%s: status %d, want %d", tc.base, tc.path, res.StatusCode, tc.status)
		}
		if tc.ctype != "" && res.Header.Get("Content-Type") != tc.ctype {
			t.Errorf("%s%s: Content-Type %q, want %q", tc.base, tc.path, res.Header.Get("Content-Type"), tc.ctype)
		}
		if !strings.Contains(string(body), tc.body) {
			t.Errorf("%s%s: body %q lacks %q", tc.base, tc.path, body, tc.body)
		}
		if strings.Contains(string(body), "secret") {
			t.Errorf("%s%s: served a file outside the output", tc.base, tc.path)
		}
		if tc.location != "" && res.Header.Get("Location") != tc.location {
			t.Errorf("%s%s: Location %q, want %q", tc.base, tc.path, res.Header.Get("Location"), tc.location)
		}
		h.Close()
	}
	// The files on disk are left as built.
	if b, _ := os.ReadFile(filepath.Join(dir, "index.html")); strings.Contains(string(b), "script") {
		t.Error("the script was written into the output")
	}
}

func TestInjectScript(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"<body>x</body></html>", "<body>x<s></body></html>"},
		{"<BODY>x</BODY>", "<BODY>x<s></BODY>"},
		{"no body", "no body<s>"},
		{"<body>a</body><body>b</body>", "<body>a</body><body>b<s></body>"},
	} {
		if got := string(injectScript([]byte(tc.in), "<s>")); got != tc.want {
			t.Errorf("injectScript(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestURLPaths(t *testing.T) {
	got := urlPaths("blog/", []string{"index.html", "a/b/index.html", "css/x.css"})
	want := []string{"/blog/index.html", "/blog/", "/blog/a/b/index.html", "/blog/a/b/", "/blog/css/x.css"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("urlPaths = %v, want %v", got, want)
	}
}

// TestNotFoundWithoutPage: a site without 404.html still gets the reload
// script on its 404s, so a page opened before the first good build
// recovers by itself.
func TestNotFoundWithoutPage(t *testing.T) {
	h, err := NewHandler(t.TempDir(), "", "<script>lr</script>", nil)
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://x/<missing>", nil))
	body := rec.Body.String()
	if rec.Code != 404 || !strings.Contains(body, "<script>lr</script>") || strings.Contains(body, "<missing>") {
		t.Errorf("got %d %q", rec.Code, body)
	}
}
