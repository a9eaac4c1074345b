package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/server"
)

const serveUsage = `Usage:
  broadsheet serve [flags]     build, serve and rebuild on every change (alias: s)

Serve flags (as jekyll serve), besides every build flag:
  -H, --host HOST            listen on HOST (default: 127.0.0.1)
  -P, --port PORT            listen on PORT (default: 4000)
  -b, --baseurl URL          serve the site under this path
  -l, --livereload           reload pages when they change (the default)
      --no-livereload        do not
      --livereload-port PORT send reload events from their own port
                             (default: the site's port)
  -o, --open-url             open the site in the browser
      --no-watch             build and serve once, do not watch
`

// serveFlags are the flags of serve that build does not have.
type serveFlags struct {
	host       string
	port       int
	livereload bool
	lrPort     int
	open       bool
	watch      bool
}

// splitServeFlags takes serve's own flags out of args and leaves the build
// flags for parseFlags.
func splitServeFlags(args []string) (*serveFlags, []string, error) {
	sf := &serveFlags{host: "127.0.0.1", port: 4000, livereload: true, watch: true}
	var rest []string
	sc := &argScanner{args: args}
	for sc.next() {
		a, name, value := sc.arg(), sc.name, sc.value
		port := func() (int, error) {
			v, err := value()
			if err != nil {
				return 0, err
			}
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 || n > 65535 {
				return 0, &usageError{fmt.Sprintf("%s needs a port number, not %q", name, v)}
			}
			return n, nil
		}
		var err error
		switch name {
		case "-H", "--host":
			sf.host, err = value()
		case "-P", "--port":
			sf.port, err = port()
		case "-l", "--livereload":
			sf.livereload = true
		case "--no-livereload":
			sf.livereload = false
		case "--livereload-port":
			sf.lrPort, err = port()
		case "--livereload-ignore", "--livereload-min-delay", "--livereload-max-delay":
			_, err = value() // accepted for compatibility
		case "-o", "--open-url":
			sf.open = true
		case "--no-watch":
			sf.watch = false
		case "-w", "--watch":
			sf.watch = true
		case "--skip-initial-build", "--show-dir-listing":
			// accepted for compatibility
		case "-B", "--detach", "--ssl-cert", "--ssl-key":
			err = &usageError{fmt.Sprintf("%s is not supported by broadsheet serve", name)}
		default:
			rest = append(rest, a)
		}
		if err != nil {
			return nil, nil, err
		}
	}
	return sf, rest, nil
}

func runServe(args []string, stdout, stderr io.Writer) int {
	for _, a := range args {
		if a == "-h" || a == "--help" {
			fmt.Fprint(stdout, serveUsage)
			return exitOK
		}
	}
	sf, rest, err := splitServeFlags(args)
	if err != nil {
		fmt.Fprintf(stderr, "broadsheet: %v\n", err)
		return exitUsage
	}
	f, err := parseFlags(rest)
	if err != nil {
		fmt.Fprintf(stderr, "broadsheet: %v\n", err)
		return exitUsage
	}
	opts, err := f.options(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "broadsheet: %v\n", err)
		return exitUsage
	}
	opts.Overrides["serving"] = true
	if env := os.Getenv("JEKYLL_ENV"); env == "" || env == "development" {
		// As jekyll serve: absolute URLs point at this server.
		host := sf.host
		if host == "127.0.0.1" {
			host = "localhost"
		}
		opts.Overrides["url"] = "http://" + hostPort(host, sf.port)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	c := server.Config{
		Build:          opts,
		Serve:          true,
		Host:           sf.host,
		Port:           sf.port,
		LiveReload:     sf.livereload,
		LiveReloadPort: sf.lrPort,
		Watch:          sf.watch,
		Quiet:          f.quiet,
		Out:            stdout,
		Err:            stderr,
	}
	if sf.open {
		c.Ready = openURL
	}
	if err := server.Run(ctx, c); err != nil {
		reportErrors(stderr, err)
		return exitSite
	}
	return exitOK
}

// runWatchBuild is build --watch: build, then rebuild after every change
// until interrupted.
func runWatchBuild(opts build.Options, quiet bool, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := server.Run(ctx, server.Config{Build: opts, Watch: true, Quiet: quiet, Out: stdout, Err: stderr})
	if err != nil {
		reportErrors(stderr, err)
		return exitSite
	}
	return exitOK
}

func hostPort(host string, port int) string {
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	return host + ":" + strconv.Itoa(port)
}

// openURL opens the site in the desktop's browser, if there is one.
func openURL(url string) {
	cmd := "xdg-open"
	switch runtime.GOOS {
	case "darwin":
		cmd = "open"
	case "windows":
		cmd = "explorer"
	}
	if p, err := exec.LookPath(cmd); err == nil {
		exec.Command(p, url).Start()
	}
}
