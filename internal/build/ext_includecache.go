package build

import "github.com/broadsheet-ssg/broadsheet/internal/liquid"

// ParseInclude parses the markup of {% include %} into the tag Jekyll's
// include is, for plugins whose tags are includes under another name
// (jekyll-include-cache's {% include_cached %}).
func ParseInclude(markup string, pos liquid.Position) (liquid.Renderer, error) {
	return parseInclude(markup, pos, false)
}
