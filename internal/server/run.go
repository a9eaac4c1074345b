package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/config"
)

// Config is what Run is asked to do.
type Config struct {
	Build build.Options
	// Serve starts the web server; without it Run only builds and watches
	// (build --watch).
	Serve bool
	Host  string // default 127.0.0.1
	Port  int    // default 4000; -1 picks a free port (tests)
	// LiveReload injects the reload script into pages served.
	LiveReload bool
	// LiveReloadPort serves the reload events on a port of their own (0:
	// on the site's port).
	LiveReloadPort int
	// Watch rebuilds after every change to the source.
	Watch bool
	// Debounce is how long the source must be quiet before a rebuild
	// (default 20ms).
	Debounce time.Duration
	Quiet    bool
	Out, Err io.Writer
	// Ready is called once the site is built and served, with its URL.
	Ready func(url string)
	// Rebuilt is called after every build, for tests and benchmarks.
	Rebuilt func(res *build.Result, err error)
}

// Run builds the site, then serves and watches it as the Config asks, until
// ctx ends. A site that fails to build is still served (its last good
// output, or the error) and watched; only an unreadable configuration or a
// port in use stop Run.
func Run(ctx context.Context, c Config) error {
	if c.Out == nil {
		c.Out = io.Discard
	}
	if c.Err == nil {
		c.Err = io.Discard
	}
	if c.Host == "" {
		c.Host = "127.0.0.1"
	}
	if c.Port == 0 {
		c.Port = 4000
	}
	if c.Debounce == 0 {
		c.Debounce = 20 * time.Millisecond
	}
	cfg, err := config.Load(config.Options{Source: c.Build.Source, Destination: c.Build.Destination,
		ConfigFiles: c.Build.ConfigFiles, Overrides: c.Build.Overrides})
	if err != nil {
		return err
	}
	hub := NewHub()
	b := build.NewBuilder(c.Build)
	report := func(res *build.Result, err error, what string) {
		if err != nil {
			msg := errorText(err)
			for _, line := range strings.Split(msg, "\n") {
				fmt.Fprintf(c.Err, "  Error: %s\n", line)
			}
			fmt.Fprintf(c.Err, "broadsheet: the site has errors; still serving the last good build\n")
			hub.Failed(msg)
		} else {
			if !c.Quiet {
				fmt.Fprintf(c.Out, "%s done in %.3f seconds (%d rendered, %d written).\n", what,
					res.Duration.Seconds(), res.Rendered, len(res.Written))
			}
			hub.Built(urlPaths(cfg.BaseURL, res.Written))
		}
		if c.Rebuilt != nil {
			c.Rebuilt(res, err)
		}
	}
	if !c.Quiet {
		fmt.Fprintf(c.Out, "      Source: %s\n Destination: %s\n Generating...\n", cfg.Source, cfg.Destination)
	}
	res, err := b.Build()
	report(res, err, "                   ")

	// Watch before saying the site is ready, so that no edit made after
	// Ready goes unseen.
	var w *Watcher
	if c.Watch {
		var werr error
		if w, werr = NewWatcher(cfg.Source, skipper(cfg), c.Debounce); werr != nil {
			return werr
		}
		defer w.Close()
	}

	var servers []*http.Server
	defer func() {
		for _, s := range servers {
			s.Close()
		}
	}()
	if c.Serve {
		script := ""
		var events http.Handler = hub
		if c.LiveReload && c.LiveReloadPort > 0 && c.LiveReloadPort != c.Port {
			hub.cors = true
			lr, err := listen(c.Host, c.LiveReloadPort)
			if err != nil {
				return err
			}
			mux := http.NewServeMux()
			mux.Handle(eventsPath, hub)
			srv := &http.Server{Handler: mux}
			servers = append(servers, srv)
			go srv.Serve(lr)
			script = Script("http://" + lr.Addr().String() + eventsPath)
			events = nil
		} else if c.LiveReload {
			script = Script(eventsPath)
		}
		if !c.LiveReload {
			events = nil
		}
		h, err := NewHandler(cfg.Destination, cfg.BaseURL, script, events)
		if err != nil {
			return err
		}
		defer h.Close()
		ln, err := listen(c.Host, c.Port)
		if err != nil {
			return err
		}
		srv := &http.Server{Handler: h}
		servers = append(servers, srv)
		go srv.Serve(ln)
		url := "http://" + ln.Addr().String() + cleanBaseURL(cfg.BaseURL) + "/"
		if !c.Quiet {
			fmt.Fprintf(c.Out, "    Server address: %s\n", url)
			fmt.Fprintf(c.Out, "  Server running... press ctrl-c to stop.\n")
		}
		if c.Ready != nil {
			c.Ready(url)
		}
	} else if c.Ready != nil {
		c.Ready("")
	}
	if !c.Watch {
		if !c.Serve {
			return err
		}
		<-ctx.Done()
		return nil
	}
	if !c.Quiet {
		fmt.Fprintf(c.Out, " Auto-regeneration: enabled for '%s'\n", cfg.Source)
	}
	werr := w.Run(ctx, func(paths []string) {
		var res *build.Result
		var err error
		if paths == nil {
			res, err = b.Build()
		} else {
			if !c.Quiet {
				fmt.Fprintf(c.Out, "      Regenerating: %d file(s) changed at %s\n", len(paths), time.Now().Format("2006-01-02 15:04:05"))
			}
			res, err = b.Rebuild(paths)
		}
		report(res, err, "                   ")
	})
	if errors.Is(werr, context.Canceled) || errors.Is(werr, context.DeadlineExceeded) {
		return nil
	}
	return werr
}

func listen(host string, port int) (net.Listener, error) {
	if port < 0 {
		port = 0
	}
	return net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(port)))
}

// skipper rejects the folders whose changes are never the site's: the
// output, and the caches and metadata of tools.
func skipper(cfg *config.Config) func(string) bool {
	dest := filepath.Clean(cfg.Destination)
	return func(p string) bool {
		if p == dest || strings.HasPrefix(p, dest+string(filepath.Separator)) {
			return true
		}
		switch filepath.Base(p) {
		case ".git", ".jekyll-cache", ".sass-cache", ".jekyll-metadata", "node_modules", ".bundle":
			return true
		}
		return false
	}
}

// urlPaths turns output files into the URL paths pages know themselves by.
func urlPaths(baseURL string, files []string) []string {
	base := cleanBaseURL(baseURL)
	out := make([]string, 0, len(files))
	for _, f := range files {
		out = append(out, base+"/"+f)
		if f == "index.html" || strings.HasSuffix(f, "/index.html") {
			out = append(out, base+"/"+strings.TrimSuffix(f, "index.html"))
		}
	}
	return out
}

// errorText is a build error as the terminal and the overlay show it: one
// line per broken file, each with its line number.
func errorText(err error) string {
	var be *build.BuildError
	if errors.As(err, &be) {
		lines := make([]string, len(be.Errs))
		for i, e := range be.Errs {
			lines[i] = e.Error()
		}
		return strings.Join(lines, "\n")
	}
	return err.Error()
}
