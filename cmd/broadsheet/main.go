// Command broadsheet builds Jekyll sites. This file holds the command line
// only: flags, help, exit codes. The site logic lives in internal/build.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/config"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins"
)

// Version is Broadsheet's version.
const Version = "0.1.0"

const (
	exitOK    = 0
	exitSite  = 1 // the site has errors
	exitUsage = 2
)

func main() {
	// BROADSHEET_CPUPROFILE=FILE writes a Go CPU profile of the whole run, for
	// developers (docs/benchmarks.md); users want --profile.
	if path := os.Getenv("BROADSHEET_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil {
			if pprof.StartCPUProfile(f) == nil {
				code := run(os.Args[1:], os.Stdout, os.Stderr)
				pprof.StopCPUProfile()
				f.Close()
				os.Exit(code)
			}
		}
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `Broadsheet builds Jekyll sites: what Jekyll 4.3 would build, much faster.

Usage:
  broadsheet build [flags]     build the site into _site (alias: b)
  broadsheet serve [flags]     build, serve and rebuild on every change (alias: s)
  broadsheet clean [flags]     remove the built site
  broadsheet new SITE          make a new news site with the built-in theme
  broadsheet new post "Title"  add a post to the site in this folder
  broadsheet version           print the version
  broadsheet help              print this help

Build flags (the same as jekyll build):
  -s, --source DIR         site folder (default: .)
  -d, --destination DIR    output folder (default: SOURCE/_site)
      --config A.yml,B.yml config files, merged in order
  -D, --drafts             render posts in _drafts
      --future             publish posts dated in the future
      --unpublished        render posts marked published: false
  -b, --baseurl URL        serve the site under this path
      --limit_posts N      build only the newest N posts
      --profile            print the slowest templates and pages
  -w, --watch              rebuild when files change
  -I, --incremental        accepted; the same as a full build
      --trace              show full error details
  -q, --quiet              print errors only
  -V, --verbose            print what is done

Environment:
  JEKYLL_ENV           sets jekyll.environment (default: development)
  SOURCE_DATE_EPOCH    pins site.time (seconds since 1970) for reproducible builds
  BROADSHEET_REMOTE_THEME_URL  where remote_theme archives come from (default: GitHub)

Exit codes: 0 built, 1 the site has errors, 2 bad usage.
`

type flags struct {
	source, dest, baseurl string
	configs               []string
	drafts, future, unpub bool
	limitPosts            int
	hasBaseurl, hasLimit  bool
	trace, quiet, verbose bool
	profile, watch        bool
}

// argScanner walks command-line arguments: flags written -x, --name or
// --name=value, and the values that follow them.
type argScanner struct {
	args   []string
	i      int
	name   string // the current flag, without any =value
	val    string
	hasVal bool
}

// next moves to the next argument.
func (a *argScanner) next() bool {
	if a.i >= len(a.args) {
		return false
	}
	arg := a.args[a.i]
	a.i++
	a.name, a.val, a.hasVal = arg, "", false
	if strings.HasPrefix(arg, "--") {
		if j := strings.IndexByte(arg, '='); j >= 0 {
			a.name, a.val, a.hasVal = arg[:j], arg[j+1:], true
		}
	}
	return true
}

// arg is the current argument as written.
func (a *argScanner) arg() string { return a.args[a.i-1] }

// value is the current flag's value: after "=", else the next argument.
func (a *argScanner) value() (string, error) {
	if a.hasVal {
		return a.val, nil
	}
	if a.i >= len(a.args) {
		return "", &usageError{fmt.Sprintf("flag %s needs a value", a.name)}
	}
	a.i++
	return a.args[a.i-1], nil
}

type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func parseFlags(args []string) (*flags, error) {
	f := &flags{source: "."}
	sc := &argScanner{args: args}
	for sc.next() {
		a, name, value := sc.arg(), sc.name, sc.value
		var err error
		switch name {
		case "-s", "--source":
			f.source, err = value()
		case "-d", "--destination":
			f.dest, err = value()
		case "--config":
			var v string
			v, err = value()
			for _, c := range strings.Split(v, ",") {
				if c = strings.TrimSpace(c); c != "" {
					f.configs = append(f.configs, c)
				}
			}
		case "-D", "--drafts":
			f.drafts = true
		case "--future":
			f.future = true
		case "--unpublished":
			f.unpub = true
		case "-b", "--baseurl":
			f.baseurl, err = value()
			f.hasBaseurl = true
		case "--limit_posts":
			var v string
			if v, err = value(); err == nil {
				f.limitPosts, err = strconv.Atoi(v)
				if err != nil || f.limitPosts < 0 {
					err = &usageError{"--limit_posts needs a whole number"}
				}
				f.hasLimit = true
			}
		case "-t", "--trace":
			f.trace = true
		case "-q", "--quiet":
			f.quiet = true
		case "-V", "--verbose":
			f.verbose = true
		case "--profile":
			f.profile = true
		case "-w", "--watch":
			f.watch = true
		case "--no-watch", "-I", "--incremental", "--safe", "--strict_front_matter":
			// Accepted for compatibility with jekyll build.
		default:
			return nil, &usageError{fmt.Sprintf("unknown flag %q (see broadsheet help)", a)}
		}
		if err != nil {
			var ue *usageError
			if errors.As(err, &ue) {
				return nil, err
			}
			return nil, &usageError{err.Error()}
		}
	}
	return f, nil
}

func (f *flags) options(stderr io.Writer) (build.Options, error) {
	o := build.Options{
		Source:      f.source,
		Destination: f.dest,
		ConfigFiles: f.configs,
		Overrides:   map[string]any{"serving": false},
		Environment: os.Getenv("JEKYLL_ENV"),
		Log:         stderr,
		Verbose:     f.verbose,
		Plugins:     plugins.All(),
		Profile:     f.profile,
		// A mirror of GitHub's archives for remote_theme (and tests).
		RemoteThemeBaseURL: os.Getenv("BROADSHEET_REMOTE_THEME_URL"),
	}
	if f.quiet {
		o.Log = io.Discard
	}
	if f.drafts {
		o.Overrides["show_drafts"] = true
	}
	if f.future {
		o.Overrides["future"] = true
	}
	if f.unpub {
		o.Overrides["unpublished"] = true
	}
	if f.hasBaseurl {
		o.Overrides["baseurl"] = f.baseurl
	}
	if f.hasLimit {
		o.Overrides["limit_posts"] = f.limitPosts
	}
	if e := os.Getenv("SOURCE_DATE_EPOCH"); e != "" {
		sec, err := strconv.ParseInt(e, 10, 64)
		if err != nil {
			return o, &usageError{"SOURCE_DATE_EPOCH must be a number of seconds"}
		}
		o.Time = time.Unix(sec, 0)
	}
	return o, nil
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "version", "-v", "--version":
		fmt.Fprintf(stdout, "broadsheet %s (builds as Jekyll %s)\n", Version, build.JekyllVersion)
		return exitOK
	case "build", "b":
		return runBuild(rest, stdout, stderr)
	case "serve", "s":
		return runServe(rest, stdout, stderr)
	case "clean":
		return runClean(rest, stdout, stderr)
	case "new":
		return runNew(rest, stdout, stderr)
	}
	fmt.Fprintf(stderr, "broadsheet: unknown command %q\n\n%s", cmd, usage)
	return exitUsage
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	f, err := parseFlags(args)
	if err != nil {
		fmt.Fprintf(stderr, "broadsheet: %v\n", err)
		return exitUsage
	}
	opts, err := f.options(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "broadsheet: %v\n", err)
		return exitUsage
	}
	if f.watch {
		return runWatchBuild(opts, f.quiet, stdout, stderr)
	}
	start := time.Now()
	if !f.quiet {
		src, _ := filepath.Abs(f.source)
		fmt.Fprintf(stdout, "      Source: %s\n", src)
	}
	site, err := build.Build(opts)
	if err != nil {
		reportErrors(stderr, err)
		return exitSite
	}
	if f.profile {
		site.WriteProfile(stdout, 50)
	}
	if path := os.Getenv("BROADSHEET_MEMPROFILE"); path != "" {
		// What the finished build still holds, for developers.
		if mf, err := os.Create(path); err == nil {
			pprof.WriteHeapProfile(mf)
			mf.Close()
		}
		runtime.KeepAlive(site)
	}
	if !f.quiet {
		fmt.Fprintf(stdout, " Destination: %s\n", site.Config.Destination)
		fmt.Fprintf(stdout, "        done in %.3f seconds.\n", time.Since(start).Seconds())
	}
	return exitOK
}

func reportErrors(w io.Writer, err error) {
	var be *build.BuildError
	if errors.As(err, &be) {
		for _, e := range be.Errs {
			fmt.Fprintf(w, "Error: %v\n", e)
		}
		fmt.Fprintf(w, "broadsheet: the site has %d error(s); nothing was written\n", len(be.Errs))
		return
	}
	fmt.Fprintf(w, "Error: %v\n", err)
}

func runClean(args []string, stdout, stderr io.Writer) int {
	f, err := parseFlags(args)
	if err != nil {
		fmt.Fprintf(stderr, "broadsheet: %v\n", err)
		return exitUsage
	}
	cfg, err := config.Load(config.Options{Source: f.source, Destination: f.dest, ConfigFiles: f.configs})
	if err != nil {
		reportErrors(stderr, err)
		return exitSite
	}
	for _, p := range []string{cfg.Destination, filepath.Join(cfg.Source, ".jekyll-metadata"), filepath.Join(cfg.Source, ".jekyll-cache"), filepath.Join(cfg.Source, ".sass-cache")} {
		if _, err := os.Stat(p); err == nil {
			if err := os.RemoveAll(p); err != nil {
				fmt.Fprintf(stderr, "Error: %v\n", err)
				return exitSite
			}
			if !f.quiet {
				fmt.Fprintf(stdout, "Cleaner: Removing %s...\n", p)
			}
		}
	}
	return exitOK
}
