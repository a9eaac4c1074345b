// Package sass compiles a site's SCSS and Sass pages to CSS exactly as
// Jekyll 4.3.1 does with jekyll-sass-converter 2.2.0 on sassc 2.4 (libsass
// 3.6): the same import paths, output styles, source maps and quirks.
//
// It takes the `sass:` configuration (OptionsFromConfig) and the text of an
// entry page after Liquid has run on it (the build runs Liquid first, as
// Jekyll does), and gives the CSS and, when Jekyll writes one, the source
// map. A Compiler is immutable once made and safe for concurrent use.
//
// Jekyll's quirks kept on purpose, because the output depends on them:
//   - the entry is compiled as if it were the file SOURCE/NAME, whatever
//     folder the page is in, so `@import` relative to the entry resolves
//     from the site's source folder, not from the page's own folder, and the
//     source map names the entry "NAME" (assets/css/main.scss → "main.scss");
//   - the default style is `compact` (sassc's default under Jekyll 4.3), not
//     `expanded`;
//   - `sourcemap` defaults to `always`.
package sass

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// Syntax is the input language of a stylesheet.
type Syntax int

const (
	// SCSS is the brace syntax (.scss).
	SCSS Syntax = iota
	// Indented is the indented syntax (.sass).
	Indented
)

// SyntaxOf says which syntax a page with extension ext (".scss", ".sass",
// any case, as Jekyll's converters match them) is in; ok is false for an
// extension no Sass converter takes.
func SyntaxOf(ext string) (s Syntax, ok bool) {
	switch strings.ToLower(ext) {
	case ".scss":
		return SCSS, true
	case ".sass":
		return Indented, true
	}
	return SCSS, false
}

// Source map modes (`sass: sourcemap:`).
const (
	SourceMapAlways      = "always"
	SourceMapNever       = "never"
	SourceMapDevelopment = "development"
)

// Options are the site settings a Compiler needs. OptionsFromConfig reads
// them from the site configuration as Jekyll does.
type Options struct {
	// Source is the site's source folder, absolute.
	Source string
	// SassDir is `sass.sass_dir`; "" means "_sass".
	SassDir string
	// LoadPaths is `sass.load_paths` as configured: folders or glob
	// patterns relative to Source (or absolute).
	LoadPaths []string
	// ThemeSassDir is the theme's _sass folder, or "" without a theme.
	ThemeSassDir string
	// Style is `sass.style` as configured, with or without the leading
	// colon; "" or an unknown style means compact.
	Style string
	// SourceMap is `sass.sourcemap`: SourceMapAlways (also for ""),
	// SourceMapNever or SourceMapDevelopment. Jekyll treats any other value
	// as always.
	SourceMap string
	// Environment is JEKYLL_ENV ("" means "development"), which decides
	// SourceMapDevelopment.
	Environment string
	// AddCharset is `sass.add_charset`: put `@charset "UTF-8";` where
	// libsass put a byte order mark (compressed output with non-ASCII).
	AddCharset bool
	// LineComments is `sass.line_comments`: a `/* line N, FILE */` comment
	// above each rule.
	LineComments bool
	// Precision is `sass.precision`, the digits of numbers; <0 means
	// libsass's default (10). Jekyll passes it only when set.
	Precision int
	// Safe is the site's `safe` mode: load paths are kept inside the source
	// and the pass-through settings (LineComments, Precision) are ignored.
	Safe bool
}

// OptionsFromConfig reads the `sass:` settings (and `safe`) from the site
// configuration, for a site whose source folder is source. themeSassDir is
// the theme's _sass folder ("" without a theme); env is JEKYLL_ENV.
func OptionsFromConfig(conf *liquid.Map, source, themeSassDir, env string) Options {
	o := Options{Source: source, ThemeSassDir: themeSassDir, Environment: env, Precision: -1}
	if v, ok := conf.Get("safe"); ok {
		o.Safe = truthy(v)
	}
	v, _ := conf.Get("sass")
	m, _ := v.(*liquid.Map)
	if m == nil {
		return o
	}
	get := func(k string) any { v, _ := m.Get(k); return v }
	if v := get("sass_dir"); v != nil {
		o.SassDir = toString(v)
	}
	switch v := get("load_paths").(type) {
	case nil:
	case []any:
		for _, p := range v {
			if p != nil {
				o.LoadPaths = append(o.LoadPaths, toString(p))
			}
		}
	default:
		o.LoadPaths = []string{toString(v)}
	}
	if v := get("style"); v != nil {
		o.Style = toString(v)
	}
	if v, ok := m.Get("sourcemap"); ok {
		o.SourceMap = toString(v)
	}
	o.AddCharset = truthy(get("add_charset"))
	o.LineComments = truthy(get("line_comments"))
	if p, ok := get("precision").(int); ok {
		o.Precision = p
	}
	return o
}

// Compiler compiles stylesheets for one site.
type Compiler struct {
	opts        Options
	style       string
	loadPaths   []string
	includePath string
	cwd         string
	entryDir    string // the folder Jekyll names entries in, relative to cwd
	sourceMap   bool   // whether pages get source maps
}

// New makes a Compiler, resolving the load paths (globs expanded, missing
// folders dropped) as Jekyll does once per build.
func New(o Options) (*Compiler, error) {
	if o.Source == "" {
		return nil, fmt.Errorf("sass: no site source folder")
	}
	// Jekyll names the entry to libsass relative to the folder it runs in,
	// and libsass resolves and prints (in line comments) paths relative to
	// it: so does Broadsheet, from the same folder.
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	if o.Safe {
		o.LineComments = false
		o.Precision = -1
	}
	c := &Compiler{opts: o, style: styleOf(o.Style), cwd: cwd}
	c.loadPaths = loadPaths(o)
	c.includePath = strings.Join(c.loadPaths, string(os.PathListSeparator))
	rel, err := filepath.Rel(cwd, o.Source)
	if err != nil {
		rel = o.Source
	}
	c.entryDir = rel
	switch strings.TrimPrefix(o.SourceMap, ":") {
	case SourceMapNever:
		c.sourceMap = false
	case SourceMapDevelopment:
		c.sourceMap = o.Environment == "" || o.Environment == "development"
	default:
		c.sourceMap = true
	}
	return c, nil
}

// styleOf is sass_style: the configured style if libsass has it, else
// compact, sassc's default under Jekyll.
func styleOf(s string) string {
	s = strings.TrimPrefix(s, ":")
	if _, ok := libsassStyle[s]; ok {
		return s
	}
	return "compact"
}

// Style is the output style the Compiler uses.
func (c *Compiler) Style() string { return c.style }

// LoadPaths are the folders `@import` searches after the entry's folder, in
// order: sass.load_paths, the site's sass_dir, the theme's _sass.
func (c *Compiler) LoadPaths() []string { return c.loadPaths }

// SourceMaps says whether Convert gives source maps.
func (c *Compiler) SourceMaps() bool { return c.sourceMap }

// MapPath is where Jekyll writes the source map of the page at relPath
// (relative to its site or theme root): beside it, named after the page's
// basename. "assets/main.scss" → "assets/main.css.map". Jekyll gives that
// page the CSS page's front matter, so a permalink on the CSS page moves the
// map to the same URL; the build should follow the CSS page's output folder.
func MapPath(relPath string) string {
	dir, name := filepath.Split(relPath)
	return dir + basename(name) + ".css.map"
}

// basename is Jekyll's Page#basename: the name without its last extension.
func basename(name string) string {
	return strings.TrimSuffix(name, filepath.Ext(name))
}

// Convert compiles the entry page at relPath (relative to its site or theme
// root, such as "assets/css/main.scss"), whose text after front matter and
// Liquid is src. It returns the CSS and, when the site wants source maps,
// the map to write at MapPath(relPath). An empty src gives empty CSS and no
// map, as in Jekyll. A compile error is an *Error.
func (c *Compiler) Convert(src, relPath string, syntax Syntax) (css, sourceMap string, err error) {
	if src == "" {
		return "", "", nil
	}
	name := filepath.Base(relPath)
	input := filepath.Join(c.entryDir, name)
	if c.entryDir == "." {
		input = "./" + name // File.join(".", name)
	}
	a := c.args(src, syntax)
	a.inputPath = input
	a.mapFile = strings.TrimSuffix(input, name) + basename(name) + ".css.map"
	a.omitMapURL = !c.sourceMap
	r := compile(a)
	if r.failed {
		return "", "", c.error(r, input, relPath)
	}
	css = c.charset(r.css)
	if c.sourceMap {
		sourceMap = r.sourceMap
	}
	return css, sourceMap, nil
}

// Scssify is the `scssify` filter: SCSS to CSS with the site's settings,
// compiled as Jekyll compiles a string outside a page ("stdin", no map).
func (c *Compiler) Scssify(src string) (string, error) { return c.convertString(src, SCSS) }

// Sassify is the `sassify` filter: indented Sass to CSS, as Scssify.
func (c *Compiler) Sassify(src string) (string, error) { return c.convertString(src, Indented) }

func (c *Compiler) convertString(src string, syntax Syntax) (string, error) {
	if src == "" {
		return "", nil
	}
	a := c.args(src, syntax)
	a.omitMapURL = true
	r := compile(a)
	if r.failed {
		return "", c.error(r, "stdin", "")
	}
	return c.charset(r.css), nil
}

func (c *Compiler) args(src string, syntax Syntax) compileArgs {
	return compileArgs{
		src:          src,
		indented:     syntax == Indented,
		precision:    c.opts.Precision,
		includePath:  c.includePath,
		style:        c.style,
		lineComments: c.opts.LineComments,
	}
}

// charset replaces the byte order mark libsass puts before compressed
// output with non-ASCII characters, as Jekyll does: with nothing, or with
// @charset when add_charset is on. Ruby's /^\xEF\xBB\xBF/ finds it at the
// start of any line, and sub replaces the first.
func (c *Compiler) charset(css string) string {
	const bom = "\xEF\xBB\xBF"
	i := strings.Index(css, bom)
	for i > 0 && css[i-1] != '\n' {
		j := strings.Index(css[i+len(bom):], bom)
		if j < 0 {
			return css
		}
		i += len(bom) + j
	}
	if i < 0 {
		return css
	}
	repl := ""
	if c.opts.AddCharset {
		repl = `@charset "UTF-8";`
	}
	return css[:i] + repl + css[i+len(bom):]
}

// Error is a Sass compile error.
type Error struct {
	// File is where the error is: the entry page's path as given to Convert
	// (or "" for a filter's string), else the imported file relative to the
	// site source when it is inside it, else its absolute path.
	File string
	// Entry is true when the error is in the entry text itself: then Line
	// counts lines of the text given to Convert, after the front matter,
	// and the caller adds the front matter's lines.
	Entry        bool
	Line, Column int
	// Message is libsass's message, such as `Undefined variable: "$x".`.
	Message string
}

func (e *Error) Error() string {
	file := e.File
	if file == "" {
		file = "stdin"
	}
	return fmt.Sprintf("%s:%d: Error: %s", file, e.Line, e.Message)
}

func (c *Compiler) error(r compileResult, input, relPath string) error {
	e := &Error{Line: r.errLine, Column: r.errColumn, Message: strings.TrimSpace(r.errText)}
	switch f := r.errFile; {
	case f == input || f == "" || f == "stdin":
		e.File, e.Entry = relPath, true
	default:
		if !filepath.IsAbs(f) {
			f = filepath.Join(c.cwd, f)
		}
		if rel, err := filepath.Rel(c.opts.Source, f); err == nil && rel != ".." && !strings.HasPrefix(rel, "../") {
			f = rel
		}
		e.File = f
	}
	return e
}

// loadPaths is sass_load_paths: the configured load paths and the sass_dir,
// globbed in the source folder and made absolute, without repeats, then the
// theme's _sass; only folders that exist.
func loadPaths(o Options) []string {
	sassDir := o.SassDir
	if sassDir == "" {
		sassDir = "_sass"
	}
	sassDir = strings.TrimPrefix(strings.TrimPrefix(sanitizedPath(o.Source, sassDir), o.Source), "/")
	paths := append(append([]string(nil), o.LoadPaths...), sassDir)
	if o.Safe {
		for i, p := range paths {
			paths[i] = sanitizedPath(o.Source, p)
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, p := range paths {
		for _, m := range glob(o.Source, p) {
			if o.Safe {
				m = sanitizedPath(o.Source, m)
			}
			if !seen[m] {
				seen[m] = true
				out = append(out, m)
			}
		}
	}
	if o.ThemeSassDir != "" {
		out = append(out, o.ThemeSassDir)
	}
	kept := out[:0]
	for _, p := range out {
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			kept = append(kept, p)
		}
	}
	return kept
}

// glob is Dir.glob(pattern) run in dir, each match made absolute. A
// pattern without wildcards gives itself when it exists.
func glob(dir, pattern string) []string {
	if !filepath.IsAbs(pattern) {
		pattern = filepath.Join(dir, pattern)
	}
	if !strings.ContainsAny(pattern, "*?[{") {
		if _, err := os.Lstat(pattern); err != nil {
			return nil
		}
		return []string{filepath.Clean(pattern)}
	}
	matches, err := filepath.Glob(pattern)
	if err != nil {
		return nil
	}
	return matches
}

// sanitizedPath is Jekyll.sanitized_path: questionable made absolute under
// base, never outside it.
func sanitizedPath(base, questionable string) string {
	if questionable == base || questionable == "" {
		return base
	}
	var clean string
	if strings.HasPrefix(questionable, "~") {
		clean = "/" + questionable
	} else {
		clean = filepath.Clean("/" + questionable)
		if filepath.IsAbs(questionable) {
			clean = filepath.Clean(questionable)
		}
	}
	if clean == base || strings.HasPrefix(clean, strings.TrimSuffix(base, "/")+"/") {
		return clean
	}
	return filepath.Join(base, clean)
}

func truthy(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case bool:
		return v
	}
	return true
}

func toString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}
