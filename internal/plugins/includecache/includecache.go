// Package includecache is jekyll-include-cache 0.2: {% include_cached %},
// an {% include %} whose output the gem renders once per file and
// parameters and then reuses for the rest of the build.
//
// Broadsheet renders it as {% include %} every time. For the includes the
// tag is meant for, whose output depends only on their parameters, that is
// the same output; for one that also reads page, Jekyll repeats whatever
// the first page to render it got, which depends on Jekyll's render order
// and is not reproduced here. Includes are parsed once per build already,
// so the cost is only the render.
package includecache

import (
	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// Plugin is jekyll-include-cache.
type Plugin struct{}

// Name is the gem's name.
func (Plugin) Name() string { return "jekyll-include-cache" }

// ExtendLiquid registers {% include_cached %}.
func (Plugin) ExtendLiquid(e *liquid.Engine, _ *build.Site) {
	e.RegisterTag("include_cached", build.ParseInclude)
}
