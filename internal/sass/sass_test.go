package sass

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// site writes files (path → text) under a new source folder.
func site(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestErrors(t *testing.T) {
	src := site(t, map[string]string{
		"_sass/_base.scss":   "a {\n  color: $missing;\n}\n",
		"_sass/_broken.scss": "a { b: c;\n",
		"_sass/_ind.sass":    ".x\n  color: $nope\n",
	})
	c, err := New(Options{Source: src, Precision: -1})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, src string
		syntax    Syntax
		want      Error
	}{
		{"undefined variable in the entry", "\n\nbody { color: $blue; }\n", SCSS,
			Error{File: "assets/main.scss", Entry: true, Line: 3, Column: 15, Message: `Undefined variable: "$blue".`}},
		{"import that does not exist", "@import \"nope\";\n", SCSS,
			Error{File: "assets/main.scss", Entry: true, Line: 1, Column: 1, Message: "File to import not found or unreadable: nope."}},
		{"error in a partial", "@import \"base\";\n", SCSS,
			Error{File: "_sass/_base.scss", Line: 2, Column: 10, Message: `Undefined variable: "$missing".`}},
		{"unclosed block in a partial", "@import \"broken\";\n", SCSS,
			Error{File: "_sass/_broken.scss", Line: 1, Column: 10, Message: `Invalid CSS after "a { b: c;": expected "}", was ""`}},
		{"indented entry", ".y\n  color: red\n  width: $w\n", Indented,
			Error{File: "assets/main.scss", Entry: true, Line: 3, Column: 10, Message: `Undefined variable: "$w".`}},
		{"indented partial", "@import \"ind\";\n", SCSS,
			Error{File: "_sass/_ind.sass", Line: 2, Column: 10, Message: `Undefined variable: "$nope".`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			css, _, err := c.Convert(tt.src, "assets/main.scss", tt.syntax)
			var se *Error
			if !errors.As(err, &se) {
				t.Fatalf("got css %q, err %v; want a *sass.Error", css, err)
			}
			if *se != tt.want {
				t.Errorf("got  %#v\nwant %#v", *se, tt.want)
			}
			if !strings.HasPrefix(se.Error(), tt.want.File+":") {
				t.Errorf("message %q does not start with the file", se.Error())
			}
		})
	}
	_, err = c.Scssify("a { color: $x; }")
	if err == nil || err.Error() != `stdin:1: Error: Undefined variable: "$x".` {
		t.Errorf("Scssify error = %v", err)
	}
}

func conf(kv ...any) *liquid.Map {
	m := liquid.NewMap(len(kv) / 2)
	for i := 0; i < len(kv); i += 2 {
		m.Set(kv[i].(string), kv[i+1])
	}
	return m
}

func TestOptionsFromConfig(t *testing.T) {
	src := site(t, map[string]string{
		"_sass/.keep":         "",
		"styles/.keep":        "",
		"lib/a/scss/.keep":    "",
		"lib/b/scss/.keep":    "",
		"lib/c/not-scss.keep": "",
	})
	theme := site(t, map[string]string{"_sass/.keep": ""})
	themeSass := filepath.Join(theme, "_sass")
	tests := []struct {
		name      string
		conf      *liquid.Map
		env       string
		style     string
		maps      bool
		loadPaths []string
		opts      func(o Options) bool
	}{
		{"defaults", conf(), "", "compact", true,
			[]string{filepath.Join(src, "_sass"), themeSass}, nil},
		{"not a mapping", conf("sass", "compressed"), "", "compact", true,
			[]string{filepath.Join(src, "_sass"), themeSass}, nil},
		{"style with a colon", conf("sass", conf("style", ":compressed")), "", "compressed", true, nil, nil},
		{"unknown style", conf("sass", conf("style", "Compressed")), "", "compact", true, nil, nil},
		{"sourcemap never", conf("sass", conf("sourcemap", "never")), "", "compact", false, nil, nil},
		{"sourcemap development in production", conf("sass", conf("sourcemap", "development")), "production", "compact", false, nil, nil},
		{"sourcemap development in development", conf("sass", conf("sourcemap", "development")), "development", "compact", true, nil, nil},
		{"sourcemap unknown", conf("sass", conf("sourcemap", "sometimes")), "", "compact", true, nil, nil},
		{"load paths globbed, sass_dir, theme last", conf("sass", conf("sass_dir", "styles", "load_paths", []any{"lib/*/scss", "missing", "styles"})), "", "compact", true,
			[]string{filepath.Join(src, "lib/a/scss"), filepath.Join(src, "lib/b/scss"), filepath.Join(src, "styles"), themeSass}, nil},
		{"a single load path", conf("sass", conf("load_paths", "lib/a/scss")), "", "compact", true,
			[]string{filepath.Join(src, "lib/a/scss"), filepath.Join(src, "_sass"), themeSass}, nil},
		{"sass_dir kept inside the source", conf("sass", conf("sass_dir", "../../styles")), "", "compact", true,
			[]string{filepath.Join(src, "styles"), themeSass}, nil},
		{"safe mode drops pass-through settings", conf("safe", true, "sass", conf("precision", 3, "line_comments", true)), "", "compact", true, nil,
			func(o Options) bool { return o.Precision == -1 && !o.LineComments }},
		{"precision and line comments", conf("sass", conf("precision", 3, "line_comments", true)), "", "compact", true, nil,
			func(o Options) bool { return o.Precision == 3 && o.LineComments }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New(OptionsFromConfig(tt.conf, src, themeSass, tt.env))
			if err != nil {
				t.Fatal(err)
			}
			if c.Style() != tt.style {
				t.Errorf("style %q, want %q", c.Style(), tt.style)
			}
			if c.SourceMaps() != tt.maps {
				t.Errorf("source maps %v, want %v", c.SourceMaps(), tt.maps)
			}
			if tt.loadPaths != nil && !reflect.DeepEqual(c.LoadPaths(), tt.loadPaths) {
				t.Errorf("load paths\n got %q\nwant %q", c.LoadPaths(), tt.loadPaths)
			}
			if tt.opts != nil && !tt.opts(c.opts) {
				t.Errorf("options %+v", c.opts)
			}
		})
	}
}

func TestOutput(t *testing.T) {
	src := site(t, map[string]string{"_sass/_x.scss": ".x { y: z; }\n"})
	tests := []struct {
		name    string
		opts    Options
		src     string
		wantCSS string
		wantMap bool
	}{
		{"byte order mark dropped", Options{Style: "compressed", SourceMap: "never"},
			`a { content: "é"; }`, "a{content:\"é\"}\n", false},
		{"byte order mark to @charset", Options{Style: "compressed", SourceMap: "never", AddCharset: true},
			`a { content: "é"; }`, "@charset \"UTF-8\";a{content:\"é\"}\n", false},
		{"expanded keeps @charset of its own", Options{Style: "expanded", SourceMap: "never"},
			`a { content: "é"; }`, "@charset \"UTF-8\";\na {\n  content: \"é\";\n}\n", false},
		{"precision", Options{SourceMap: "never", Precision: 3},
			`a { width: percentage(1/3); }`, "a { width: 33.333%; }\n", false},
		{"map URL", Options{}, `@import "x";`, ".x { y: z; }\n\n/*# sourceMappingURL=main.css.map */", true},
		{"empty entry", Options{}, ``, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := tt.opts
			o.Source = src
			if o.Precision == 0 {
				o.Precision = -1
			}
			c, err := New(o)
			if err != nil {
				t.Fatal(err)
			}
			css, m, err := c.Convert(tt.src, "assets/main.scss", SCSS)
			if err != nil {
				t.Fatal(err)
			}
			if css != tt.wantCSS {
				t.Errorf("css %q, want %q", css, tt.wantCSS)
			}
			if (m != "") != tt.wantMap {
				t.Errorf("map %q, want one: %v", m, tt.wantMap)
			}
		})
	}
}

func TestLineComments(t *testing.T) {
	src := site(t, map[string]string{"_sass/_x.scss": ".x { y: z; }\n"})
	c, err := New(Options{Source: src, LineComments: true, SourceMap: "never", Precision: -1})
	if err != nil {
		t.Fatal(err)
	}
	css, _, err := c.Convert("@import \"x\";\na { b: c; }\n", "css/main.scss", SCSS)
	if err != nil {
		t.Fatal(err)
	}
	// Paths relative to the folder the build runs in, as with Jekyll.
	cwd, _ := os.Getwd()
	rel, _ := filepath.Rel(cwd, src)
	want := "/* line 1, " + rel + "/_sass/_x.scss */ .x { y: z; }\n\n/* line 2, " + rel + "/main.scss */ a { b: c; }\n"
	if css != want {
		t.Errorf("got %q\nwant %q", css, want)
	}
}

// TestConcurrent compiles on many goroutines at once: each compile has its
// own libsass context.
func TestConcurrent(t *testing.T) {
	src := site(t, map[string]string{"_sass/_x.scss": "$w: 2px;\n"})
	c, err := New(Options{Source: src, Precision: -1})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 32)
	for i := 0; i < 32; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			css, _, err := c.Convert("@import \"x\";\na { b: $w * 2; }\n", "a.scss", SCSS)
			if err == nil && !strings.HasPrefix(css, "a { b: 4px; }") {
				err = errors.New("unexpected css " + css)
			}
			if err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestFilters(t *testing.T) {
	c, err := New(Options{Source: t.TempDir(), Precision: -1})
	if err != nil {
		t.Fatal(err)
	}
	// What Jekyll's scssify and sassify gave for these (sass-basic's index.html).
	got, err := c.Scssify(".a { .b { c: d } }")
	if err != nil || got != ".a .b { c: d; }\n" {
		t.Errorf("Scssify = %q, %v", got, err)
	}
	got, err = c.Sassify("$c: red\n.x\n  color: $c\n")
	if err != nil || got != ".x { color: red; }\n" {
		t.Errorf("Sassify = %q, %v", got, err)
	}
}

func TestMapPath(t *testing.T) {
	for in, want := range map[string]string{
		"assets/main.scss":  "assets/main.css.map",
		"style.sass":        "style.css.map",
		"css/a.b.scss":      "css/a.b.css.map",
		"assets/css/x.SCSS": "assets/css/x.css.map",
	} {
		if got := MapPath(in); got != want {
			t.Errorf("MapPath(%q) = %q, want %q", in, got, want)
		}
	}
}
