// Package theme finds a site's theme the way Jekyll 4.3.1 does (Jekyll::Theme,
// Site#configure_theme, Site#load_theme_configuration) and, for
// `remote_theme:`, the way jekyll-remote-theme does: it gives the theme's
// root and the folders the build reads under the site's own (_layouts,
// _includes, _sass, assets, _data), the plugins the theme needs, and its
// _config.yml layered under the site's configuration.
//
// A gem theme (`theme: NAME`) is looked for first in the project folder
// _themes/NAME (a Broadsheet addition, so a site can carry its theme without
// Ruby), then in the installed gem folders as RubyGems searches them:
// GEM_PATH, GEM_HOME, the user's gem folder and the system ones (Debian's
// /usr/share/rubygems-integration/all among them), highest version first.
package theme

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/broadsheet-ssg/broadsheet/internal/utils"
	"github.com/broadsheet-ssg/broadsheet/internal/yaml"
)

// Theme is a theme found on disk. Its folders are "" when the theme has
// none (or when one is a symbolic link leading out of the theme).
type Theme struct {
	// Name is the theme's name, lower-cased and trimmed as Jekyll does.
	Name string
	// Version is the gem's version, "" for a project folder or remote theme.
	Version string
	// Root is the theme's folder, with symbolic links resolved.
	Root string
	// Remote is true for a theme downloaded for `remote_theme`.
	Remote bool

	LayoutsDir, IncludesDir, SassDir, AssetsDir, DataDir string

	// Dependencies are the gem's runtime dependencies other than jekyll,
	// in the gemspec's order: Jekyll requires each as a plugin (minima
	// brings jekyll-feed and jekyll-seo-tag), unless safe mode forbids it.
	Dependencies []string
}

// MissingError is a theme that could not be found.
type MissingError struct {
	Name   string
	Looked []string // where it was looked for
}

func (e *MissingError) Error() string {
	return fmt.Sprintf("theme: The %s theme could not be found (looked in %s).",
		e.Name, strings.Join(e.Looked, ", "))
}

// Finder finds gem themes. Its zero value searches no gem folders; use
// NewFinder for RubyGems' folders.
type Finder struct {
	// GemPaths are the gem folders searched, each holding specifications/
	// and gems/, in RubyGems' order (Gem.path).
	GemPaths []string
}

// NewFinder returns a Finder searching the gem folders RubyGems would with
// the environment read by getenv (os.Getenv in the build).
func NewFinder(getenv func(string) string) *Finder {
	return &Finder{GemPaths: GemPaths(getenv)}
}

// Find is NewFinder(os.Getenv).Find.
func Find(name, source string) (*Theme, error) {
	return NewFinder(os.Getenv).Find(name, source)
}

// GemPaths is Gem.path: GEM_PATH's folders when it is set (followed by the
// default folders only when it ends in a separator), else the default ones,
// then GEM_HOME. The default folders are the user's and the system's, for
// whatever Ruby versions are installed.
func GemPaths(getenv func(string) string) []string {
	var defaults []string
	home := getenv("HOME")
	globs := []string{
		"/var/lib/gems/*",
		"/usr/local/lib/ruby/gems/*",
		"/usr/lib/ruby/gems/*",
		"/usr/lib/*/ruby/gems/*",
		"/usr/share/rubygems-integration/*",
		"/usr/lib/*/rubygems-integration/*",
	}
	if home != "" {
		globs = append([]string{filepath.Join(home, ".local/share/gem/ruby/*"), filepath.Join(home, ".gem/ruby/*")}, globs...)
	}
	for _, g := range globs {
		m, _ := filepath.Glob(g)
		sort.Strings(m)
		defaults = append(defaults, m...)
	}
	var out []string
	if gp := getenv("GEM_PATH"); gp != "" {
		parts := strings.Split(gp, string(os.PathListSeparator))
		for _, p := range parts {
			if p != "" {
				out = append(out, p)
			}
		}
		if strings.HasSuffix(gp, string(os.PathListSeparator)) {
			out = append(out, defaults...)
		}
	} else {
		out = defaults
	}
	if gh := getenv("GEM_HOME"); gh != "" {
		out = append(out, gh)
	}
	seen := map[string]bool{}
	uniq := out[:0]
	for _, p := range out {
		if !seen[p] {
			seen[p] = true
			uniq = append(uniq, p)
		}
	}
	return uniq
}

// Find finds the theme called name (the config's `theme`) for the site at
// source. A theme that cannot be found is a *MissingError.
func (f *Finder) Find(name, source string) (*Theme, error) {
	name = strings.ToLower(strings.TrimSpace(name))
	if name == "" || strings.ContainsAny(name, `/\`) || name == "." || name == ".." {
		return nil, fmt.Errorf("theme: %q is not a theme name", name)
	}
	local := filepath.Join(source, "_themes", name)
	if fi, err := os.Stat(local); err == nil && fi.IsDir() {
		return Open(name, local)
	}
	looked := []string{filepath.Join("_themes", name)}
	best, bestVersion, bestSpec := "", "", ""
	for _, gp := range f.GemPaths {
		looked = append(looked, gp)
		specs, _ := filepath.Glob(filepath.Join(gp, "specifications", name+"-*.gemspec"))
		for _, spec := range specs {
			version := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(spec), name+"-"), ".gemspec")
			if !gemVersion.MatchString(version) {
				continue // another gem whose name starts with ours
			}
			dir := filepath.Join(gp, "gems", name+"-"+version)
			if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
				continue
			}
			// The first folder wins among equal versions, as in RubyGems.
			if best == "" || compareVersions(version, bestVersion) > 0 {
				best, bestVersion, bestSpec = dir, version, spec
			}
		}
	}
	if best == "" {
		return nil, &MissingError{Name: name, Looked: looked}
	}
	t, err := Open(name, best)
	if err != nil {
		return nil, err
	}
	t.Version = bestVersion
	if data, err := os.ReadFile(bestSpec); err == nil {
		t.Dependencies = runtimeDependencies(data)
	}
	return t, nil
}

// Open makes a Theme of the folder root, for a theme found some other way
// (a project folder, a downloaded remote theme). A *.gemspec in root gives
// its dependencies, as jekyll-remote-theme reads one.
func Open(name, root string) (*Theme, error) {
	real, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, fmt.Errorf("theme: Path %s does not exist, is not accessible or includes a symbolic link loop", root)
	}
	real, err = filepath.Abs(real)
	if err != nil {
		return nil, err
	}
	t := &Theme{Name: name, Root: real}
	t.LayoutsDir = t.pathFor("_layouts")
	t.IncludesDir = t.pathFor("_includes")
	t.SassDir = t.pathFor("_sass")
	t.AssetsDir = t.pathFor("assets")
	t.DataDir = t.pathFor("_data")
	if specs, _ := filepath.Glob(filepath.Join(real, "*.gemspec")); len(specs) > 0 {
		if data, err := os.ReadFile(specs[0]); err == nil {
			t.Dependencies = runtimeDependencies(data)
		}
	}
	return t, nil
}

// pathFor is Theme#path_for: the folder with links resolved, only if it
// stays inside the theme and is a folder.
func (t *Theme) pathFor(folder string) string {
	p, err := filepath.EvalSymlinks(filepath.Join(t.Root, folder))
	if err != nil {
		return ""
	}
	if p != t.Root && !strings.HasPrefix(p, t.Root+string(filepath.Separator)) {
		return ""
	}
	if fi, err := os.Stat(p); err != nil || !fi.IsDir() {
		return ""
	}
	return p
}

// ConfigFile is the theme's _config.yml as Jekyll reads it: "" when there is
// none, or when it is a symbolic link (Jekyll skips those even outside safe
// mode). jekyll-remote-theme never reads a remote theme's config.
func (t *Theme) ConfigFile() string {
	if t.Remote {
		return ""
	}
	p := filepath.Join(t.Root, "_config.yml")
	fi, err := os.Lstat(p)
	if err != nil || fi.Mode()&os.ModeSymlink != 0 || fi.IsDir() {
		return ""
	}
	return p
}

// LayerConfig is Site#load_theme_configuration: the theme's _config.yml
// under the site's configuration conf. Keys of Jekyll's DEFAULTS (isDefault
// says which) are dropped from the theme's file first, so a theme cannot
// change them; `ignore_theme_config: true` in conf skips the file; a file
// that is not a mapping is ignored. conf is not modified. loc is the time
// zone YAML dates are read in.
func (t *Theme) LayerConfig(conf *liquid.Map, isDefault func(key string) bool, loc *time.Location) (*liquid.Map, error) {
	if v, _ := conf.Get("ignore_theme_config"); v == true {
		return conf, nil
	}
	file := t.ConfigFile()
	if file == "" {
		return conf, nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	v, err := yaml.Load(data, loc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	tc, ok := v.(*liquid.Map)
	if !ok {
		return conf, nil
	}
	tc = tc.Clone()
	for _, k := range tc.Keys() {
		if isDefault != nil && isDefault(k) {
			tc.Delete(k)
		}
	}
	return utils.DeepMerge(tc, conf), nil
}

var (
	gemVersion = regexp.MustCompile(`^[0-9]+[0-9A-Za-z.]*$`)
	// A dependency in a gemspec, in the forms RubyGems writes and people
	// write: add_runtime_dependency(%q<name>...) or add_dependency "name".
	depLine = regexp.MustCompile(`\.add_(runtime_|development_)?dependency\s*\(?\s*(?:%q<([^>]+)>|["']([^"']+)["'])`)
)

// runtimeDependencies reads the runtime dependencies from a gemspec, other
// than jekyll itself. RubyGems' stubs list each twice (for old and new
// RubyGems); each name is given once.
func runtimeDependencies(spec []byte) []string {
	var out []string
	seen := map[string]bool{"jekyll": true}
	for _, m := range depLine.FindAllSubmatch(spec, -1) {
		name := string(m[2]) + string(m[3])
		if string(m[1]) == "development_" {
			seen[name] = true
			continue
		}
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	// RubyGems' `else` branch lists development dependencies with
	// add_dependency too; they were already seen as development ones.
	return out
}

// compareVersions compares gem versions as Gem::Version does: numeric
// segments by number, a letter segment (a prerelease) below any number,
// trailing zeros ignored.
func compareVersions(a, b string) int {
	sa, sb := versionSegments(a), versionSegments(b)
	for i := 0; i < len(sa) || i < len(sb); i++ {
		x, y := "0", "0"
		if i < len(sa) {
			x = sa[i]
		}
		if i < len(sb) {
			y = sb[i]
		}
		if c := compareSegment(x, y); c != 0 {
			return c
		}
	}
	return 0
}

func versionSegments(v string) []string {
	var out []string
	for _, part := range strings.Split(v, ".") {
		start := 0
		for i := 1; i <= len(part); i++ {
			if i == len(part) || isDigit(part[i]) != isDigit(part[i-1]) {
				out = append(out, part[start:i])
				start = i
			}
		}
	}
	for len(out) > 0 && out[len(out)-1] == "0" {
		out = out[:len(out)-1]
	}
	return out
}

func compareSegment(x, y string) int {
	nx, errx := strconv.Atoi(x)
	ny, erry := strconv.Atoi(y)
	switch {
	case errx == nil && erry == nil:
		return cmpInt(nx, ny)
	case errx == nil:
		return 1
	case erry == nil:
		return -1
	}
	return strings.Compare(x, y)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// IsMissing says whether err is a theme that could not be found.
func IsMissing(err error) bool {
	var m *MissingError
	return errors.As(err, &m)
}
