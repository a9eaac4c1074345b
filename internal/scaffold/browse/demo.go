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
	o.Now, o.VendorTheme = DemoNow.Local(), true
	if _, err := scaffold.Demo(src, o); err != nil {
		return "", err
	}
	_, err := build.Build(build.Options{
		Source: src, Destination: dest, Plugins: plugins.All(), Time: DemoNow, Log: io.Discard,
	})
	if err != nil {
		return "", fmt.Errorf("building the demo site: %w", err)
	}
	return dest, nil
}
