package server

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins"
)

// testSite is a small blog: a home page listing the posts, a post layout.
var testSite = map[string]string{
	"_config.yml":              "title: Served\n",
	"_layouts/default.html":    "<html><head><link rel=\"stylesheet\" href=\"/style.css\"></head><body>{{ content }}</body></html>\n",
	"index.html":               "---\nlayout: default\n---\n{% for p in site.posts %}<h2>{{ p.title }}</h2>{% endfor %}\n",
	"style.css":                "body { color: black }\n",
	"_posts/2024-01-01-one.md": "---\nlayout: default\ntitle: One\n---\nThe first words.\n",
}

func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// startServer runs Run on a free port and returns the site's URL.
func startServer(t testing.TB, src string, rebuilt chan<- error) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	c := Config{
		Build: build.Options{Source: src, Destination: filepath.Join(src, "_site"), Log: io.Discard, Plugins: plugins.All(),
			Overrides: map[string]any{"serving": true}},
		Serve: true, Port: -1, LiveReload: true, Watch: true, Quiet: true,
		Ready: func(url string) { ready <- url },
		Rebuilt: func(res *build.Result, err error) {
			if rebuilt != nil {
				select {
				case rebuilt <- err:
				default:
				}
			}
		},
	}
	go func() { done <- Run(ctx, c) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	select {
	case url := <-ready:
		return url
	case err := <-done:
		t.Fatalf("Run: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("the server did not start")
	}
	return ""
}

func get(t testing.TB, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// TestRunRebuildsAndReports edits a post, then breaks and fixes it, and
// checks what is served and what the event stream says each time.
func TestRunRebuildsAndReports(t *testing.T) {
	src := t.TempDir()
	writeFiles(t, src, testSite)
	rebuilt := make(chan error, 8)
	url := startServer(t, src, rebuilt)
	<-rebuilt // the first build

	res, err := http.Get(strings.TrimSuffix(url, "/") + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	events := make(chan Event, 16)
	go func() {
		sc := bufio.NewScanner(res.Body)
		for sc.Scan() {
			if line, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var ev Event
				json.Unmarshal([]byte(line), &ev)
				events <- ev
			}
		}
	}()
	next := func() Event {
		select {
		case ev := <-events:
			return ev
		case <-time.After(20 * time.Second):
			t.Fatal("no event")
		}
		return Event{}
	}
	if ev := next(); ev.Type != "hello" || ev.Error != "" {
		t.Fatalf("first event %+v", ev)
	}

	post := filepath.Join(src, "_posts", "2024-01-01-one.md")
	steps := []struct {
		body      string
		wantType  string
		wantPath  string // in the event's paths
		wantError string
		page      string // the post's page contains this
	}{
		{"---\nlayout: default\ntitle: One\n---\nThe edited words.\n", "reload", "/2024/01/01/one.html", "", "The edited words."},
		{"---\nlayout: default\ntitle: One\n---\n{% if %}\n", "error", "", "_posts/2024-01-01-one.md:5", "The edited words."},
		{"---\ntitle: [One\n---\nbroken\n", "error", "", "_posts/2024-01-01-one.md", "The edited words."},
		{"---\nlayout: default\ntitle: One\n---\nFixed words.\n", "reload", "/2024/01/01/one.html", "", "Fixed words."},
	}
	for _, st := range steps {
		writeFiles(t, src, map[string]string{"_posts/2024-01-01-one.md": st.body})
		_ = post
		ev := next()
		if ev.Type != st.wantType {
			t.Fatalf("after %q: event %+v, want %s", st.body, ev, st.wantType)
		}
		if st.wantPath != "" && !contains(ev.Paths, st.wantPath) {
			t.Errorf("after %q: paths %v lack %s", st.body, ev.Paths, st.wantPath)
		}
		if st.wantError != "" && !strings.Contains(ev.Error, st.wantError) {
			t.Errorf("after %q: error %q lacks %q", st.body, ev.Error, st.wantError)
		}
		code, page := get(t, url+"2024/01/01/one.html")
		if code != 200 || !strings.Contains(page, st.page) || !strings.Contains(page, eventsPath) {
			t.Errorf("after %q: page %d %q, want it to contain %q and the script", st.body, code, page, st.page)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestRunWatchOnly is build --watch: no server, and the output follows the
// source.
func TestRunWatchOnly(t *testing.T) {
	src := t.TempDir()
	writeFiles(t, src, testSite)
	ctx, cancel := context.WithCancel(context.Background())
	rebuilt := make(chan error, 4)
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Config{
			Build: build.Options{Source: src, Destination: filepath.Join(src, "_site"), Log: io.Discard, Plugins: plugins.All()},
			Watch: true, Quiet: true,
			Ready:   func(url string) { ready <- url },
			Rebuilt: func(res *build.Result, err error) { rebuilt <- err },
		})
	}()
	defer func() {
		cancel()
		<-done
	}()
	if err := <-rebuilt; err != nil {
		t.Fatal(err)
	}
	<-ready
	writeFiles(t, src, map[string]string{"_posts/2024-01-01-one.md": "---\nlayout: default\ntitle: One\n---\nWatched words.\n"})
	select {
	case err := <-rebuilt:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no rebuild")
	}
	got, _ := os.ReadFile(filepath.Join(src, "_site", "2024", "01", "01", "one.html"))
	if !strings.Contains(string(got), "Watched words.") || strings.Contains(string(got), eventsPath) {
		t.Errorf("the output is %q, want the new words and no reload script", got)
	}
}

// TestLiveReloadPort serves the events on a port of their own, as
// --livereload-port asks.
func TestLiveReloadPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	src := t.TempDir()
	writeFiles(t, src, testSite)
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Config{
			Build: build.Options{Source: src, Destination: filepath.Join(src, "_site"), Log: io.Discard, Plugins: plugins.All()},
			Serve: true, Port: -1, LiveReload: true, LiveReloadPort: port, Quiet: true,
			Ready: func(url string) { ready <- url },
		})
	}()
	defer func() {
		cancel()
		<-done
	}()
	var url string
	select {
	case url = <-ready:
	case err := <-done:
		t.Fatal(err)
	}
	events := "http://127.0.0.1:" + strconv.Itoa(port) + eventsPath
	if _, page := get(t, url); !strings.Contains(page, strconv.Quote(events)) {
		t.Fatalf("the page does not listen to %s:\n%s", events, page)
	}
	res, err := http.Get(events)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.Header.Get("Access-Control-Allow-Origin") != "*" || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/event-stream") {
		t.Errorf("events answered with %v", res.Header)
	}
	if code, _ := get(t, url+strings.TrimPrefix(eventsPath, "/")); code != http.StatusNotFound {
		t.Errorf("the site's port answers %s with %d, want 404", eventsPath, code)
	}
}
