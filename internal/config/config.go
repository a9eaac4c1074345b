// Package config reads a site's configuration the way Jekyll 4.3.1 does
// (Jekyll.configuration, Configuration, Site#config=): Jekyll's DEFAULTS,
// then the config files in order (deep-merged), then the command-line
// overrides, then the default collections and excludes. It also answers
// front matter defaults (the `defaults` key) for a document.
//
// A Config is read-only once Load returns, so the build can share it across
// goroutines.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// Options are what the command line says about where the site is and how to
// build it.
type Options struct {
	// Source is the site folder as given (-s); "" means the current folder.
	Source string
	// Destination is the output folder as given (-d); "" means Jekyll's
	// default, _site in the current folder (not in Source: Jekyll's
	// DEFAULTS put it under Dir.pwd).
	Destination string
	// ConfigFiles are the --config files, in order, relative to the current
	// folder. Empty means <source>/_config.yml, else _config.yaml, else
	// _config.toml.
	ConfigFiles []string
	// Overrides are the other flags, by config key (show_drafts, future,
	// unpublished, baseurl, limit_posts, ...), applied last. `jekyll build`
	// also sets "serving": false, which shows in site.serving.
	Overrides map[string]any
}

// Config is the site configuration after defaults, files and overrides.
type Config struct {
	Source, Destination string // absolute, cleaned

	// As configured, relative to Source.
	CollectionsDir, LayoutsDir, IncludesDir, DataDir, PluginsDir string

	Exclude, Include, KeepFiles []string
	// Timezone is the config `timezone`, else time.Local (Jekyll uses the
	// process zone).
	Timezone *time.Location

	BaseURL, URL, Permalink string
	// MarkdownExt is markdown_ext split at commas and lower-cased, without
	// dots ("md"); like Jekyll it does not trim spaces.
	MarkdownExt      []string
	ExcerptSeparator string

	ShowDrafts, Future, Unpublished, Safe bool
	LimitPosts                            int

	// Collections has "posts" first, then the configured ones in order.
	Collections []*Collection
	// Plugins is the `plugins` list. (Jekyll 4.3 no longer reads `gems`.)
	Plugins []string

	// Raw holds every key as `site.*` sees it, after defaults, files and
	// overrides, in Jekyll's order.
	Raw *liquid.Map

	// Files are the config files read, as named in messages.
	Files []string
	// Warnings are what Jekyll would warn about but build anyway (no
	// config file, an invalid defaults set, a config file that is not a
	// mapping).
	Warnings []string

	defaults []defaultSet
}

// Collection is one entry of `collections`.
type Collection struct {
	Label     string
	Output    bool
	Permalink string
	SortBy    string
	Meta      *liquid.Map // the collection's config hash
}

// Error is a configuration error: a broken config file (with the line) or
// an invalid setting.
type Error struct {
	File string // as named to the user; "" for a setting
	Line int
	Msg  string
}

func (e *Error) Error() string {
	switch {
	case e.File != "" && e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	case e.File != "":
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return "configuration: " + e.Msg
}

// defaultsMap builds Jekyll's Configuration::DEFAULTS afresh for each
// Load, so no caller can change another's.
func defaultsMap(cwd string) *liquid.Map {
	m := liquid.NewMap(48)
	set := m.Set
	set("source", cwd)
	set("destination", filepath.Join(cwd, "_site"))
	set("collections_dir", "")
	set("cache_dir", ".jekyll-cache")
	set("plugins_dir", "_plugins")
	set("layouts_dir", "_layouts")
	set("data_dir", "_data")
	set("includes_dir", "_includes")
	set("collections", liquid.NewMap(0))
	set("safe", false)
	set("include", []any{".htaccess"})
	set("exclude", []any{})
	set("keep_files", []any{".git", ".svn"})
	set("encoding", "utf-8")
	set("markdown_ext", "markdown,mkdown,mkdn,mkd,md")
	set("strict_front_matter", false)
	set("show_drafts", nil)
	set("limit_posts", 0)
	set("future", false)
	set("unpublished", false)
	set("whitelist", []any{})
	set("plugins", []any{})
	set("markdown", "kramdown")
	set("highlighter", "rouge")
	set("lsi", false)
	set("excerpt_separator", "\n\n")
	set("incremental", false)
	set("detach", false)
	set("port", "4000")
	set("host", "127.0.0.1")
	set("baseurl", nil)
	set("show_dir_listing", false)
	set("permalink", "date")
	set("paginate_path", "/page:num")
	set("timezone", nil)
	set("quiet", false)
	set("verbose", false)
	set("defaults", []any{})
	lq := liquid.NewMap(3)
	lq.Set("error_mode", "warn")
	lq.Set("strict_filters", false)
	lq.Set("strict_variables", false)
	set("liquid", lq)
	kd := liquid.NewMap(9)
	kd.Set("auto_ids", true)
	kd.Set("toc_levels", []any{1, 2, 3, 4, 5, 6})
	kd.Set("entity_output", "as_char")
	kd.Set("smart_quotes", "lsquo,rsquo,ldquo,rdquo")
	kd.Set("input", "GFM")
	kd.Set("hard_wrap", false)
	kd.Set("guess_lang", true)
	kd.Set("footnote_nr", 1)
	kd.Set("show_warnings", false)
	set("kramdown", kd)
	return m
}

var defaultExcludes = []string{
	".sass-cache", ".jekyll-cache",
	"gemfiles", "Gemfile", "Gemfile.lock",
	"node_modules",
	"vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/",
}

// Load reads the configuration as `jekyll build` would with opts.
func Load(opts Options) (*Config, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	c := &Config{}

	override := liquid.NewMap(len(opts.Overrides) + 3)
	if len(opts.ConfigFiles) > 0 {
		files := make([]any, len(opts.ConfigFiles))
		for i, f := range opts.ConfigFiles {
			files[i] = f
		}
		override.Set("config", files)
	}
	if opts.Source != "" {
		override.Set("source", opts.Source)
	}
	if opts.Destination != "" {
		override.Set("destination", opts.Destination)
	}
	keys := make([]string, 0, len(opts.Overrides))
	for k := range opts.Overrides {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		override.Set(k, fromGo(opts.Overrides[k]))
	}

	// Config files: relative to the current folder when named, else looked
	// for in the source.
	source := opts.Source
	if source == "" {
		source = cwd
	}
	fileConf := liquid.NewMap(0)
	if len(opts.ConfigFiles) > 0 {
		for _, f := range opts.ConfigFiles {
			if f == "" {
				continue
			}
			next, warn, err := readConfigFile(f, false)
			if err != nil {
				return nil, err
			}
			if warn != "" {
				c.Warnings = append(c.Warnings, warn)
				break
			}
			c.Files = append(c.Files, f)
			fileConf = deepMerge(fileConf, next)
		}
	} else {
		name := "_config.yml"
		for _, ext := range []string{"yml", "yaml", "toml"} {
			if _, err := os.Stat(filepath.Join(source, "_config."+ext)); err == nil {
				name = "_config." + ext
				break
			}
		}
		next, warn, err := readConfigFile(filepath.Join(source, name), true)
		if err != nil {
			var ce *Error
			if errors.As(err, &ce) {
				ce.File = name
			}
			return nil, err
		}
		if warn != "" {
			c.Warnings = append(c.Warnings, warn)
		} else if next != nil {
			c.Files = append(c.Files, name)
			fileConf = deepMerge(fileConf, next)
		}
	}
	if err := validate(fileConf); err != nil {
		return nil, err
	}
	fileConf = addDefaultCollections(fileConf)

	raw := deepMerge(defaultsMap(cwd), deepMerge(fileConf, override))
	raw = addDefaultCollections(raw)
	addDefaultExcludes(raw)
	c.Raw = raw
	if err := c.fill(cwd); err != nil {
		return nil, err
	}
	return c, nil
}

// readConfigFile is Configuration#read_config_file. A missing default file
// is a warning and an empty config; a missing named file is an error; a
// file that is not a mapping is a warning that stops reading further files
// (Jekyll rescues that ArgumentError and goes on with what it has).
func readConfigFile(path string, isDefault bool) (*liquid.Map, string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if isDefault {
			return nil, "Configuration file: none", nil
		}
		return nil, "", &Error{File: path, Msg: fmt.Sprintf("the configuration file %q could not be found", path)}
	}
	v, err := parseConfig(path, data)
	if err != nil {
		return nil, "", err
	}
	switch v := v.(type) {
	case nil:
		return liquid.NewMap(0), "", nil
	case *liquid.Map:
		return v, "", nil
	case bool:
		if !v {
			return liquid.NewMap(0), "", nil
		}
	}
	return nil, fmt.Sprintf("Error reading configuration. Using defaults (and options). Configuration file: (INVALID) %s", path), nil
}

func validate(conf *liquid.Map) error {
	if v, ok := conf.Get("plugins"); ok {
		if _, isList := v.([]any); !isList {
			return &Error{Msg: fmt.Sprintf("'plugins' should be set as an array, but was: %s.", inspect(v))}
		}
	}
	for _, opt := range []string{"include", "exclude"} {
		if v, ok := conf.Get(opt); ok {
			if _, isList := v.([]any); !isList {
				return &Error{Msg: fmt.Sprintf("'%s' should be set as an array, but was: %s.", opt, inspect(v))}
			}
		}
	}
	return nil
}

var styleToPermalink = map[string]string{
	"none":     "/:categories/:title:output_ext",
	"date":     "/:categories/:year/:month/:day/:title:output_ext",
	"ordinal":  "/:categories/:year/:y_day/:title:output_ext",
	"pretty":   "/:categories/:year/:month/:day/:title/",
	"weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
}

// addDefaultCollections is Configuration#add_default_collections: the hash
// form of `collections`, "posts" first with output true and the permalink
// style of the site.
func addDefaultCollections(conf *liquid.Map) *liquid.Map {
	cv, ok := conf.Get("collections")
	if !ok || cv == nil {
		return conf
	}
	conf = conf.Clone()
	var colls *liquid.Map
	switch cv := cv.(type) {
	case []any:
		colls = liquid.NewMap(len(cv))
		for _, name := range cv {
			colls.Set(keyString(name), liquid.NewMap(0))
		}
	case *liquid.Map:
		colls = cv
	default:
		return conf
	}
	base := liquid.NewMap(1)
	base.Set("posts", liquid.NewMap(0))
	merged := deepMerge(base, colls)
	pv, _ := merged.Get("posts")
	posts, ok := pv.(*liquid.Map)
	if !ok {
		posts = liquid.NewMap(2)
	} else {
		posts = posts.Clone()
	}
	posts.Set("output", true)
	if pl, _ := conf.Get("permalink"); truthy(pl) {
		if cur, _ := posts.Get("permalink"); !truthy(cur) {
			posts.Set("permalink", stylePermalink(pl))
		}
	}
	merged.Set("posts", posts)
	conf.Set("collections", merged)
	return conf
}

func stylePermalink(v any) string {
	s := keyString(v)
	if p, ok := styleToPermalink[s]; ok {
		return p
	}
	return s
}

// addDefaultExcludes appends Jekyll's DEFAULT_EXCLUDES to `exclude` and
// drops duplicates, keeping first places.
func addDefaultExcludes(conf *liquid.Map) {
	ev, ok := conf.Get("exclude")
	list, isList := ev.([]any)
	if !ok || !isList {
		return
	}
	out := make([]any, 0, len(list)+len(defaultExcludes))
	out = append(out, list...)
	for _, e := range defaultExcludes {
		out = append(out, e)
	}
	conf.Set("exclude", uniq(out))
}

func uniq(list []any) []any {
	out := list[:0:0]
	for _, v := range list {
		dup := false
		for _, w := range out {
			if equalValues(v, w) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, v)
		}
	}
	return out
}

// fill sets the typed fields from Raw.
func (c *Config) fill(cwd string) error {
	r := c.Raw
	str := func(k string) string {
		v, _ := r.Get(k)
		if v == nil {
			return ""
		}
		return keyString(v)
	}
	c.Source = absFrom(cwd, str("source"))
	c.Destination = absFrom(cwd, str("destination"))
	c.CollectionsDir = str("collections_dir")
	c.LayoutsDir = str("layouts_dir")
	c.IncludesDir = str("includes_dir")
	c.DataDir = str("data_dir")
	c.PluginsDir = str("plugins_dir")
	c.Exclude = stringList(r, "exclude")
	c.Include = stringList(r, "include")
	c.KeepFiles = stringList(r, "keep_files")
	c.BaseURL = str("baseurl")
	c.URL = str("url")
	c.Permalink = str("permalink")
	// As the Markdown converter splits it: lower-cased, not trimmed, and
	// without Ruby's trailing empty fields.
	exts := strings.Split(strings.ToLower(str("markdown_ext")), ",")
	for len(exts) > 0 && exts[len(exts)-1] == "" {
		exts = exts[:len(exts)-1]
	}
	c.MarkdownExt = exts
	c.ExcerptSeparator = str("excerpt_separator")
	flag := func(k string) bool { v, _ := r.Get(k); return truthy(v) }
	c.ShowDrafts = flag("show_drafts")
	c.Future = flag("future")
	c.Unpublished = flag("unpublished")
	c.Safe = flag("safe")
	switch v, _ := r.Get("limit_posts"); v := v.(type) {
	case int:
		c.LimitPosts = v
	case float64:
		c.LimitPosts = int(v)
	case nil:
	default:
		return &Error{Msg: fmt.Sprintf("limit_posts must be a number, but was: %s", inspect(v))}
	}
	if c.LimitPosts < 0 {
		return &Error{Msg: "limit_posts must be a non-negative number"}
	}
	c.Plugins = stringList(r, "plugins")

	c.Timezone = time.Local
	if tz := str("timezone"); tz != "" {
		loc, err := time.LoadLocation(tz)
		if err != nil {
			// The C library reads an unknown TZ as UTC, and so does Ruby.
			loc = time.FixedZone(tz, 0)
		}
		c.Timezone = loc
	}

	if cv, _ := r.Get("collections"); cv != nil {
		if colls, ok := cv.(*liquid.Map); ok {
			for _, label := range colls.Keys() {
				mv, _ := colls.Get(label)
				meta, ok := mv.(*liquid.Map)
				if !ok {
					meta = liquid.NewMap(0)
				}
				col := &Collection{Label: label, Meta: meta}
				ov, _ := meta.Get("output")
				col.Output = truthy(ov)
				if p, _ := meta.Get("permalink"); p != nil {
					col.Permalink = keyString(p)
				}
				if s, _ := meta.Get("sort_by"); s != nil {
					col.SortBy = keyString(s)
				}
				c.Collections = append(c.Collections, col)
			}
		}
	}
	var err error
	c.defaults, c.Warnings, err = compileDefaults(r, c.Source, c.CollectionsDir, c.Timezone, c.Warnings)
	return err
}

func absFrom(cwd, p string) string {
	if !filepath.IsAbs(p) {
		p = filepath.Join(cwd, p)
	}
	return filepath.Clean(p)
}

func stringList(r *liquid.Map, k string) []string {
	v, _ := r.Get(k)
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, e := range list {
		out = append(out, keyString(e))
	}
	return out
}

// String returns a top-level config value as a string ("" when absent).
func (c *Config) String(key string) string {
	v, ok := c.Raw.Get(key)
	if !ok || v == nil {
		return ""
	}
	return liquid.ToString(v)
}

// Map returns a top-level config value that is a mapping, or nil.
func (c *Config) Map(key string) *liquid.Map {
	v, _ := c.Raw.Get(key)
	m, _ := v.(*liquid.Map)
	return m
}

// IsDefaultKey reports whether key is one of Jekyll's DEFAULTS, which a
// theme's _config.yml may not change.
func IsDefaultKey(key string) bool {
	_, ok := defaultsMap("").Get(key)
	return ok
}
