// Command screenshots builds the demo site with the built-in theme, serves
// it on loopback and saves full-page screenshots of the front page, an
// article and a category page at 390 and 1440 px, light and dark, as PNG
// files in a folder it prints. Run it with scripts/screenshots.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/scaffold/browse"
)

func main() {
	out := flag.String("out", "", "folder for the PNG files (default: a new temporary folder)")
	stories := flag.Int("stories", 40, "generated stories added to the example site")
	flag.Parse()
	if err := run(*out, *stories); err != nil {
		fmt.Fprintln(os.Stderr, "screenshots:", err)
		os.Exit(1)
	}
}

func run(out string, stories int) error {
	if out == "" {
		var err error
		if out, err = os.MkdirTemp("", "broadsheet-screenshots-"); err != nil {
			return err
		}
	} else if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "broadsheet-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	site, err := browse.BuildDemo(work, stories)
	if err != nil {
		return err
	}
	base, stop, err := browse.Serve(site)
	if err != nil {
		return err
	}
	defer stop()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	bctx, closeBrowser, err := browse.Browser(ctx)
	if err != nil {
		return err
	}
	defer closeBrowser()
	pages := []struct{ name, path string }{
		{"front", browse.FrontPage}, {"article", browse.ArticlePage}, {"category", browse.CategoryPage},
	}
	for _, p := range pages {
		for _, v := range browse.Views {
			png, err := browse.Screenshot(bctx, base+p.path, v)
			if err != nil {
				return fmt.Errorf("%s at %s: %w", p.path, v, err)
			}
			f := filepath.Join(out, p.name+"-"+v.String()+".png")
			if err := os.WriteFile(f, png, 0o644); err != nil {
				return err
			}
		}
	}
	names, _ := filepath.Glob(filepath.Join(out, "*.png"))
	fmt.Fprintf(os.Stderr, "%d screenshots:\n  %s\n", len(names), strings.Join(names, "\n  "))
	fmt.Println(out)
	return nil
}
