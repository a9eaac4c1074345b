package sass

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/broadsheet-ssg/broadsheet/internal/config"
	"github.com/broadsheet-ssg/broadsheet/internal/frontmatter"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

const sitesDir = "../../testdata/sites"

// TestFixtures compiles every Sass page of the sass-* fixture sites, after
// running Liquid on it with `site` and `page` as Jekyll would for these
// simple sites, and compares the CSS and source map with what Jekyll wrote.
func TestFixtures(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join(sitesDir, "sass-*"))
	var n int
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() || strings.HasSuffix(dir, ".jekyll") {
			continue
		}
		n++
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) { checkFixture(t, dir, dir+".jekyll") })
	}
	if n == 0 {
		t.Fatal("no sass-* fixtures")
	}
}

func checkFixture(t *testing.T, dir, golden string) {
	src, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	conf, err := config.Load(config.Options{Source: src})
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(OptionsFromConfig(conf.Raw, src, "", "development"))
	if err != nil {
		t.Fatal(err)
	}
	eng := liquid.NewEngine()
	err = filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			if rel != "." && (strings.HasPrefix(d.Name(), "_") || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		syntax, ok := SyntaxOf(filepath.Ext(path))
		if !ok || strings.HasPrefix(d.Name(), "_") {
			return nil
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !frontmatter.HasHeader(raw) {
			return nil
		}
		data, body, _, err := frontmatter.Parse(rel, raw, nil)
		if err != nil {
			return err
		}
		tpl, err := eng.Parse(string(body), rel)
		if err != nil {
			return err
		}
		var out bytes.Buffer
		if err := tpl.Render(liquid.NewContext(map[string]any{"site": conf.Raw, "page": data}), &out); err != nil {
			return err
		}
		css, smap, err := c.Convert(out.String(), rel, syntax)
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			return nil
		}
		base := strings.TrimSuffix(rel, filepath.Ext(rel))
		compare(t, filepath.Join(golden, base+".css"), css)
		mapFile := filepath.Join(golden, MapPath(rel))
		if _, err := os.Stat(mapFile); err == nil || smap != "" {
			compare(t, mapFile, smap)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func compare(t *testing.T, goldenFile, got string) {
	t.Helper()
	want, err := os.ReadFile(goldenFile)
	if err != nil {
		t.Errorf("%s: Broadsheet wrote it, Jekyll did not (%v)", goldenFile, err)
		return
	}
	if string(want) != got {
		t.Errorf("%s differs from Jekyll's:\n--- Jekyll\n%s\n--- Broadsheet\n%s", goldenFile, want, got)
	}
}
