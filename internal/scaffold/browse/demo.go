package browse

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins"
	"github.com/broadsheet-ssg/broadsheet/internal/scaffold"
	"github.com/broadsheet-ssg/broadsheet/theme"
)

// DemoNow is the pinned time of the demo site, so its pages are the same
// on every run.
var DemoNow = time.Date(2025, 9, 10, 12, 0, 0, 0, time.UTC)

// The pages of the demo site that screenshots and checks look at.
const (
	FrontPage    = "/"
	ArticlePage  = "/news/2025/09/07/millbrook-library-will-stay-open-until-midnight-on-weekdays/"
	CategoryPage = "/category/news/"
)

// BuildDemo writes the demo site (the example site of `broadsheet new`
// with generated stories, carrying the theme in _themes) into work/src and
// builds it into work/site, which it returns.
func BuildDemo(work string, stories int) (string, error) {
	src, dest := filepath.Join(work, "src"), filepath.Join(work, "site")
	if err := os.RemoveAll(src); err != nil {
		return "", err
	}
	o := scaffold.DemoOptions{Stories: stories, Seed: 7}
	o.Now, o.VendorTheme, o.Title = DemoNow.Local(), true, "The Millbrook Ledger"
	if _, err := scaffold.Demo(src, o); err != nil {
		return "", err
	}
	if err := buildSite(src, dest, nil); err != nil {
		return "", fmt.Errorf("building the demo site: %w", err)
	}
	return dest, nil
}

func buildSite(src, dest string, overrides map[string]any) error {
	_, err := build.Build(build.Options{
		Source: src, Destination: dest, Plugins: plugins.All(), Time: DemoNow, Log: io.Discard,
		Overrides: overrides,
	})
	return err
}

// BuildWithTheme copies the site at src into work/src, puts the built-in
// theme in its _themes folder and names it in the config, and builds it
// into work/site, which it returns. It is how a site is built with the
// theme before the build picks the theme by itself.
func BuildWithTheme(src, work string) (string, error) {
	copySrc, dest := filepath.Join(work, "src"), filepath.Join(work, "site")
	if err := os.RemoveAll(copySrc); err != nil {
		return "", err
	}
	if err := os.CopyFS(copySrc, os.DirFS(src)); err != nil {
		return "", err
	}
	for _, f := range theme.Files() {
		b, err := theme.ReadFile(f)
		if err != nil {
			return "", err
		}
		p := filepath.Join(copySrc, "_themes", theme.Name, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return "", err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return "", err
		}
	}
	if err := buildSite(copySrc, dest, map[string]any{"theme": theme.Name}); err != nil {
		return "", err
	}
	return dest, nil
}
