package theme

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/config"
	"github.com/broadsheet-ssg/broadsheet/internal/frontmatter"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/broadsheet-ssg/broadsheet/internal/sass"
)

// TestThemeCSS compiles the Sass pages among the theme's assets for the
// theme-* fixtures (the theme's config under the site's, the theme's _sass
// on the load path) and compares them with what Jekyll wrote.
func TestThemeCSS(t *testing.T) {
	themes, _ := filepath.Abs(themesDir)
	finder := &Finder{GemPaths: append([]string{themes}, GemPaths(os.Getenv)...)}
	for _, name := range []string{"theme-gem", "theme-minima"} {
		t.Run(name, func(t *testing.T) {
			src, _ := filepath.Abs(filepath.Join("../../testdata/sites", name))
			conf, err := config.Load(config.Options{Source: src})
			if err != nil {
				t.Fatal(err)
			}
			tv, _ := conf.Raw.Get("theme")
			th, err := finder.Find(tv.(string), src)
			if IsMissing(err) && name == "theme-minima" {
				t.Skip("jekyll-theme-minima is not installed")
			}
			if err != nil {
				t.Fatal(err)
			}
			raw, err := th.LayerConfig(conf.Raw, func(k string) bool { return k == "permalink" }, time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			c, err := sass.New(sass.OptionsFromConfig(raw, src, th.SassDir, "development"))
			if err != nil {
				t.Fatal(err)
			}
			eng := liquid.NewEngine()
			n := 0
			err = filepath.WalkDir(th.AssetsDir, func(path string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				syntax, ok := sass.SyntaxOf(filepath.Ext(path))
				text, _ := os.ReadFile(path)
				if !ok || !frontmatter.HasHeader(text) {
					return nil
				}
				rel, _ := filepath.Rel(th.Root, path)
				data, body, _, err := frontmatter.Parse(rel, text, nil)
				if err != nil {
					return err
				}
				tpl, err := eng.Parse(string(body), rel)
				if err != nil {
					return err
				}
				var out bytes.Buffer
				if err := tpl.Render(liquid.NewContext(map[string]any{"site": raw, "page": data}), &out); err != nil {
					return err
				}
				css, smap, err := c.Convert(out.String(), rel, syntax)
				if err != nil {
					return err
				}
				golden := filepath.Join(src+".jekyll", strings.TrimSuffix(rel, filepath.Ext(rel)))
				for file, got := range map[string]string{golden + ".css": css, golden + ".css.map": smap} {
					want, err := os.ReadFile(file)
					if os.IsNotExist(err) && got == "" {
						continue
					}
					// Jekyll names the theme's files in a map relative to
					// where the site was built: only the rest can match.
					if strings.HasSuffix(file, ".map") && err == nil {
						want, got = []byte(dropUpwardSources(string(want))), dropUpwardSources(got)
					}
					if err != nil || string(want) != got {
						t.Errorf("%s differs from Jekyll's (%v):\n%s", file, err, got)
					}
				}
				n++
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if n == 0 {
				t.Error("no Sass pages in the theme's assets")
			}
		})
	}
}

// dropUpwardSources blanks the "sources" entries of a map that climb out of
// the site folder.
func dropUpwardSources(m string) string {
	lines := strings.Split(m, "\n")
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "\"../") {
			lines[i] = "(outside the site)"
		}
	}
	return strings.Join(lines, "\n")
}
