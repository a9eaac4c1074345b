// Package server is Broadsheet's dev server: it serves a built site from
// its output folder under the site's baseurl, as `jekyll serve` does,
// watches the source and rebuilds incrementally (build.Builder) after every
// change, and tells open pages to reload, or to swap their stylesheets,
// through server-sent events. A build error is shown in the page as an
// overlay naming the file and line, and in the terminal, and the server
// keeps running until the file is fixed.
//
// It takes a Config and gives Run, which builds, serves and watches until
// its context ends; Handler serves a folder on its own.
package server

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"strings"
)

// eventsPath is where pages listen for reloads; it is outside any baseurl
// so that a site cannot have a file there.
const eventsPath = "/__broadsheet/events"

// Handler serves the files of a built site.
type Handler struct {
	dir     string
	baseURL string // "" or "/blog", no trailing slash
	// script is injected before </body> of every HTML page served ("" for
	// none); the files on disk are left as built.
	script string
	events http.Handler // nil when live reload is off
}

// NewHandler serves dir under baseURL. script, if not empty, is added to
// every HTML page; events, if not nil, answers eventsPath.
func NewHandler(dir, baseURL, script string, events http.Handler) (*Handler, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return &Handler{dir: dir, baseURL: cleanBaseURL(baseURL), script: script, events: events}, nil
}

// Close releases what the Handler holds (nothing yet: each request opens
// the output folder afresh, so that a folder removed and made again, by
// broadsheet clean for one, is still served).
func (h *Handler) Close() error { return nil }

// cleanBaseURL makes "blog/", "/blog/" and "/blog" all "/blog".
func cleanBaseURL(b string) string {
	b = strings.Trim(b, "/")
	if b == "" {
		return ""
	}
	return "/" + b
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == eventsPath && h.events != nil {
		h.events.ServeHTTP(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	// As WEBrick under jekyll serve: nothing is cached.
	w.Header().Set("Cache-Control", "private, max-age=0, proxy-revalidate, no-store, no-cache, must-revalidate")
	// Through os.Root no path, ".." or symbolic link leaves the output.
	root, err := os.OpenRoot(h.dir)
	if err != nil {
		http.Error(w, "the site is not built yet", http.StatusServiceUnavailable)
		return
	}
	defer root.Close()
	h.serve(w, r, root)
}

func (h *Handler) serve(w http.ResponseWriter, r *http.Request, root *os.Root) {
	p := r.URL.Path
	if h.baseURL != "" {
		if p == "/" || p == h.baseURL {
			http.Redirect(w, r, h.baseURL+"/", http.StatusFound)
			return
		}
		if !strings.HasPrefix(p, h.baseURL+"/") {
			h.notFound(w, r, root)
			return
		}
		p = p[len(h.baseURL):]
	}
	name, redirect, ok := resolve(root, p)
	switch {
	case redirect:
		target := h.baseURL + p + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
	case !ok:
		h.notFound(w, r, root)
	default:
		h.serveFile(w, r, root, name, http.StatusOK)
	}
}

// resolve finds the file for a URL path as Jekyll's servlet does: the file
// itself, a folder's index.html, or the path with .html added (pretty
// URLs without their trailing slash).
func resolve(root *os.Root, p string) (name string, redirect, ok bool) {
	clean := strings.TrimPrefix(path.Clean("/"+p), "/")
	if clean == "" {
		clean = "."
	}
	if !fs.ValidPath(clean) {
		return "", false, false
	}
	if st, err := root.Stat(clean); err == nil {
		if !st.IsDir() {
			return clean, false, true
		}
		if !strings.HasSuffix(p, "/") {
			return "", true, false
		}
		for _, idx := range []string{"index.html", "index.htm", "index.xhtml"} {
			if st, err := root.Stat(path.Join(clean, idx)); err == nil && !st.IsDir() {
				return path.Join(clean, idx), false, true
			}
		}
		return "", false, false
	}
	if clean != "." && !strings.HasSuffix(p, "/") {
		if st, err := root.Stat(clean + ".html"); err == nil && !st.IsDir() {
			return clean + ".html", false, true
		}
	}
	return "", false, false
}

func (h *Handler) notFound(w http.ResponseWriter, r *http.Request, root *os.Root) {
	if st, err := root.Stat("404.html"); err == nil && !st.IsDir() {
		h.serveFile(w, r, root, "404.html", http.StatusNotFound)
		return
	}
	if h.script != "" {
		// A page of our own, so that the reload script runs even before
		// the site has a 404 page (the first build failed, say).
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprintf(w, "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1><p>%s</p>%s</body></html>\n",
			html.EscapeString(r.URL.Path), h.script)
		return
	}
	http.Error(w, "404 Not Found: "+r.URL.Path, http.StatusNotFound)
}

func (h *Handler) serveFile(w http.ResponseWriter, r *http.Request, root *os.Root, name string, status int) {
	f, err := root.Open(name)
	if err != nil {
		http.Error(w, "404 Not Found", http.StatusNotFound)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	ctype := contentType(name)
	w.Header().Set("Content-Type", ctype)
	if h.script != "" && strings.HasPrefix(ctype, "text/html") {
		body, err := io.ReadAll(f)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		body = injectScript(body, h.script)
		if status != http.StatusOK {
			w.WriteHeader(status)
			if r.Method != http.MethodHead {
				w.Write(body)
			}
			return
		}
		http.ServeContent(w, r, name, st.ModTime(), bytes.NewReader(body))
		return
	}
	if status != http.StatusOK {
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			io.Copy(w, f)
		}
		return
	}
	http.ServeContent(w, r, name, st.ModTime(), f)
}

// contentType is the type WEBrick's mime table gives, with a charset for
// text as jekyll serve adds one.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	switch ext {
	case "", ".html", ".htm":
		if ext == "" {
			return "application/octet-stream"
		}
		return "text/html; charset=utf-8"
	case ".xml", ".atom", ".rss":
		return "application/xml; charset=utf-8"
	case ".json", ".map":
		return "application/json; charset=utf-8"
	case ".js", ".mjs":
		return "application/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".txt", ".md", ".markdown":
		return "text/plain; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".webmanifest":
		return "application/manifest+json; charset=utf-8"
	case ".woff2":
		return "font/woff2"
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// injectScript puts script before the last </body>, or at the end of a
// page that has none.
func injectScript(page []byte, script string) []byte {
	i := bytes.LastIndex(bytes.ToLower(page), []byte("</body>"))
	out := make([]byte, 0, len(page)+len(script))
	if i < 0 {
		out = append(out, page...)
		return append(out, script...)
	}
	out = append(out, page[:i]...)
	out = append(out, script...)
	return append(out, page[i:]...)
}
