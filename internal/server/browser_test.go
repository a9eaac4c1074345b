package server

import (
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// findChromium is Debian's chromium, or another Chrome on the PATH.
func findChromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestBrowserLiveReload opens a served post in headless Chromium, edits the
// post on disk and waits for the page to show the new text with nothing
// done in the browser; then breaks the post and waits for the error
// overlay, fixes it and waits for the overlay to go; then edits the
// stylesheet and checks it was swapped without a reload.
func TestBrowserLiveReload(t *testing.T) {
	exe := findChromium()
	if exe == "" {
		t.Skip("no chromium on the PATH (apt-get install chromium): the browser test is skipped")
	}
	src := t.TempDir()
	writeFiles(t, src, testSite)
	url := startServer(t, src, nil)

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	defer cancelT()

	text := func() string {
		// While the page reloads there may be no document to read.
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement ? document.documentElement.innerText : ""`))
		if err != nil {
			if ctx.Err() != nil {
				t.Fatal(err)
			}
			return ""
		}
		return s
	}
	waitFor := func(what string, ok func(string) bool) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for {
			s := text()
			if ok(s) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("the page never showed %s; it shows:\n%s", what, s)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	// Wait until the page listens before editing, so no event is missed.
	var connected bool
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"2024/01/01/one.html")); err != nil {
		t.Fatal(err)
	}
	waitFor("the first words", func(s string) bool { return strings.Contains(s, "The first words.") })
	for i := 0; i < 100 && !connected; i++ {
		connected, _ = chromedp.Run(ctx, chromedp.Evaluate[bool](`performance.getEntriesByType("resource").some(function(e){return e.name.indexOf("/__broadsheet/events")>=0})`))
		time.Sleep(20 * time.Millisecond)
	}

	writeFiles(t, src, map[string]string{"_posts/2024-01-01-one.md": "---\nlayout: default\ntitle: One\n---\nThe edited words.\n"})
	waitFor("the edit", func(s string) bool { return strings.Contains(s, "The edited words.") })

	writeFiles(t, src, map[string]string{"_posts/2024-01-01-one.md": "---\nlayout: default\ntitle: One\n---\n{% for %}\n"})
	waitFor("the error overlay", func(s string) bool {
		return strings.Contains(s, "could not build") && strings.Contains(s, "_posts/2024-01-01-one.md:5")
	})

	writeFiles(t, src, map[string]string{"_posts/2024-01-01-one.md": "---\nlayout: default\ntitle: One\n---\nMended words.\n"})
	waitFor("the fix", func(s string) bool {
		return strings.Contains(s, "Mended words.") && !strings.Contains(s, "could not build")
	})

	// A stylesheet edit swaps the stylesheet: the page is not reloaded.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.broadsheetMark = true`)); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, src, map[string]string{"style.css": "body { color: rgb(0, 128, 0) }\n"})
	deadline := time.Now().Add(20 * time.Second)
	for {
		color, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.body).color`))
		if err != nil {
			t.Fatal(err)
		}
		mark, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.broadsheetMark === true`))
		if err != nil {
			t.Fatal(err)
		}
		if !mark {
			t.Fatal("a stylesheet edit reloaded the page")
		}
		if color == "rgb(0, 128, 0)" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the new stylesheet was never applied (color %s)", color)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
