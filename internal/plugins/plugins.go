// Package plugins lists the Jekyll plugins Broadsheet emulates. Each lives
// in a package of its own below this one and implements build.Plugin and
// the hook interfaces it needs; All gives them in the order their
// generators run (pages that others list, such as archives, before the
// sitemap that lists them).
package plugins

import (
	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins/archives"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins/avatar"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins/defaultlayout"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins/feed"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins/gist"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins/githubmetadata"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins/includecache"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins/mentions"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins/optionalfrontmatter"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins/paginate"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins/paginatev2"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins/readmeindex"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins/redirectfrom"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins/relativelinks"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins/seo"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins/sitemap"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins/titlesfromheadings"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins/toc"
)

// All returns one instance of every plugin Broadsheet has.
func All() []build.Plugin {
	return []build.Plugin{
		optionalfrontmatter.Plugin{},
		readmeindex.Plugin{},
		defaultlayout.Plugin{},
		titlesfromheadings.Plugin{},
		relativelinks.Plugin{},
		toc.Plugin{},
		archives.New(),
		redirectfrom.New(),
		paginate.New(),
		paginatev2.New(),
		feed.Plugin{},
		seo.Plugin{},
		githubmetadata.Plugin{},
		includecache.Plugin{},
		gist.Plugin{},
		avatar.Plugin{},
		mentions.Plugin{},
		sitemap.Plugin{},
	}
}
