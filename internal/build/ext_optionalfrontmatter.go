package build

import "github.com/broadsheet-ssg/broadsheet/internal/liquid"

// Helpers for the reading plugins (jekyll-optional-front-matter,
// jekyll-readme-index, jekyll-relative-links), which decide by Jekyll's
// EntryFilter rules and by the plugin's own key of _config.yml.

// GlobInclude is Jekyll's EntryFilter#glob_include?: whether entry (a path
// relative to the source) matches one of the patterns by fnmatch, by
// prefix, or as the folder a pattern names.
func (s *Site) GlobInclude(patterns []string, entry string) bool {
	return globInclude(s.Config.Source, patterns, entry)
}

// IncludedByConfig is Jekyll's EntryFilter#included?: the entry or its
// base name matches the site's `include` list.
func (s *Site) IncludedByConfig(entry string) bool {
	base := entry
	for i := len(entry) - 1; i >= 0; i-- {
		if entry[i] == '/' {
			base = entry[i+1:]
			break
		}
	}
	return globInclude(s.Config.Source, s.Config.Include, entry) || globInclude(s.Config.Source, s.Config.Include, base)
}

// PluginOptions returns the mapping under a plugin's key of the config
// (`optional_front_matter:`), or nil when the key is absent or null. A key
// that holds something else gives a warning naming it, and nil: the plugin
// then runs with its defaults, where the Ruby plugin would fail or ignore it.
func (s *Site) PluginOptions(key string) *liquid.Map {
	v, ok := s.Config.Raw.Get(key)
	if !ok || v == nil {
		return nil
	}
	m, ok := v.(*liquid.Map)
	if !ok {
		s.Warnf("%s: %s must be a mapping; its value %s is ignored", s.configName(), key, liquid.Inspect(v))
		return nil
	}
	return m
}
