// Package browse looks at a built site the way a reader does: it serves
// the site on loopback, drives Debian's headless Chromium (through the
// DevTools protocol, with chromedp) to take screenshots at phone and
// desktop widths in light and dark mode and to measure horizontal
// overflow, and checks that every internal link and image of the built
// pages leads to a file. scripts/screenshots and the theme's browser test
// use it.
package browse

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// Serve serves the folder dir on 127.0.0.1 and returns its base URL
// (without a trailing slash) and a function that stops the server.
func Serve(dir string) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(dir)), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}

// ErrNoChromium is returned when no Chromium can be found.
var ErrNoChromium = errors.New("no chromium found (apt-get install chromium)")

// FindChromium returns the path of Debian's chromium (or $CHROMIUM).
func FindChromium() (string, error) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

// Browser starts a headless Chromium with a fresh profile and returns a
// context to run chromedp actions in, and a function that stops it.
func Browser(ctx context.Context) (context.Context, func(), error) {
	exe, err := FindChromium()
	if err != nil {
		return nil, nil, err
	}
	profile, err := os.MkdirTemp("", "broadsheet-chromium-")
	if err != nil {
		return nil, nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(profile),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	stop := func() {
		cancelBrowser()
		cancelAlloc()
		os.RemoveAll(profile)
	}
	if err := chromedp.Do(bctx); err != nil {
		stop()
		return nil, nil, fmt.Errorf("starting %s: %w", exe, err)
	}
	return bctx, stop, nil
}

// View is a viewport: a width in CSS pixels and a colour scheme.
type View struct {
	Width int
	Dark  bool
}

func (v View) String() string {
	scheme := "light"
	if v.Dark {
		scheme = "dark"
	}
	return fmt.Sprintf("%d-%s", v.Width, scheme)
}

// open loads url in the view and waits for the page to load.
func open(ctx context.Context, url string, v View) error {
	scheme := "light"
	if v.Dark {
		scheme = "dark"
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(v.Width), 900)); err != nil {
		return err
	}
	media := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, media); err != nil {
		return err
	}
	return chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady("body"))
}

// Screenshot takes a full-page PNG of url in the view.
func Screenshot(ctx context.Context, url string, v View) ([]byte, error) {
	if err := open(ctx, url, v); err != nil {
		return nil, err
	}
	// A full-page screenshot does not scroll, so lazy images below the
	// first screen would never load: load them all first.
	const loadAll = `Promise.all(Array.from(document.images).map(i => {
	  i.loading = "eager";
	  return i.complete ? true : new Promise(r => { i.onload = i.onerror = () => r(true); });
	})).then(() => true)`
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](loadAll, chromedp.EvalAwaitPromise)); err != nil {
		return nil, err
	}
	return chromedp.Run(ctx, chromedp.FullScreenshot(100))
}

// overflowResult is what the overflow script returns.
type overflowResult struct {
	Over  int      `json:"over"`
	Wider []string `json:"wider"`
}

// Overflow reports how many CSS pixels the page at url is wider than the
// view (0 when it fits), and the elements that stick out, for the message.
func Overflow(ctx context.Context, url string, v View) (int, []string, error) {
	const js = `(() => {
	  const w = document.documentElement.clientWidth;
	  const wider = [];
	  for (const el of document.querySelectorAll('body *')) {
	    const r = el.getBoundingClientRect();
	    if (r.right > w + 0.5 && wider.length < 5) wider.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : ''));
	  }
	  return {over: Math.max(0, document.documentElement.scrollWidth - w), wider};
	})()`
	if err := open(ctx, url, v); err != nil {
		return 0, nil, err
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[overflowResult](js))
	return res.Over, res.Wider, err
}

// A Broken is an internal link or image of a page that leads nowhere.
type Broken struct{ Page, Ref string }

func (b Broken) String() string { return b.Page + ": " + b.Ref }

var refRE = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)

// CheckLinks reads every HTML page of the built site at dir and returns
// the internal links and images (href and src attributes starting with /)
// whose target is not a file of the site, with baseurl "" assumed. Links
// to a folder need its index.html.
func CheckLinks(dir string) ([]Broken, error) {
	var broken []Broken
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		page, _ := filepath.Rel(dir, p)
		for _, m := range refRE.FindAllStringSubmatch(string(b), -1) {
			ref := m[1]
			if !strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, "//") {
				continue
			}
			target := ref
			if i := strings.IndexAny(target, "#?"); i >= 0 {
				target = target[:i]
			}
			target = path.Clean(unescape(target))
			f := filepath.Join(dir, filepath.FromSlash(target))
			fi, err := os.Stat(f)
			if err == nil && fi.IsDir() {
				_, err = os.Stat(filepath.Join(f, "index.html"))
			}
			if err != nil {
				broken = append(broken, Broken{filepath.ToSlash(page), ref})
			}
		}
		return nil
	})
	sort.Slice(broken, func(i, j int) bool { return broken[i].String() < broken[j].String() })
	return broken, err
}

// unescape undoes the HTML escapes an attribute can hold and the URL's
// percent escapes.
func unescape(s string) string {
	s = strings.ReplaceAll(s, "&amp;", "&")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			var c byte
			if _, err := fmt.Sscanf(s[i+1:i+3], "%02x", &c); err == nil {
				b.WriteByte(c)
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Views are the phone and desktop widths, light and dark, that the theme
// is looked at in.
var Views = []View{{Width: 390}, {Width: 390, Dark: true}, {Width: 1440}, {Width: 1440, Dark: true}}
