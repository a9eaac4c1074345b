// Package githubmetadata is jekyll-github-metadata 2.15 as it behaves
// without a network: site.github holds every value the gem can work out
// from the repository's name (from PAGES_REPO_NWO, `repository:` or the
// git remote "origin") and the PAGES_* environment, and what it would ask
// GitHub's API for is false or nil, as the gem leaves it when offline. Like
// the gem it gives site.title (and, in production, site.url and
// site.baseurl) a fallback, merges a `github:` mapping of the config over
// site.github, and has {% github_edit_link %}.
package githubmetadata

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/content"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/broadsheet-ssg/broadsheet/internal/utils"
)

// Plugin is jekyll-github-metadata.
type Plugin struct{}

// Name is the gem's name.
func (Plugin) Name() string { return "jekyll-github-metadata" }

// PostRead sets site.github and the title and URL fallbacks, before any
// generator or template reads them.
func (Plugin) PostRead(s *build.Site) error {
	env := newPagesEnv(s.Env, os.Getenv)
	nwo := findNWO(s, env)
	raw := s.Config.Raw
	name, _ := raw.Get("name")
	title, _ := raw.Get("title")
	if nwo == "" {
		s.Warnf("jekyll-github-metadata: no repository name found in PAGES_REPO_NWO, `repository` of %s or an 'origin' git remote; site.github is not set",
			configName(s))
		return nil
	}
	repo := newRepository(nwo, env)
	if truthy(name) && !truthy(title) {
		s.Warnf("GitHub Metadata: site.name is set in %s, but many plugins and themes expect site.title to be used instead. To avoid potential inconsistency, Jekyll GitHub Metadata will not set site.title to the repository's name.", configName(s))
	} else if !truthy(title) {
		if repo.userPage() {
			raw.Set("title", repo.owner) // the owner's display name needs the API
		} else {
			raw.Set("title", repo.name)
		}
	}
	if s.Env == "production" || env.get("PAGE_BUILD_ID", "") != "" {
		if u, _ := raw.Get("url"); !truthy(u) {
			raw.Set("url", repo.urlWithoutPath())
			s.Config.URL = repo.urlWithoutPath()
		}
		if b, ok := raw.Get("baseurl"); !ok || b == nil || b == "/" {
			raw.Set("baseurl", repo.baseurl())
			s.Config.BaseURL = repo.baseurl()
		}
	}
	drop := repo.metadata(env)
	switch g, _ := raw.Get("github"); g := g.(type) {
	case nil:
		raw.Set("github", drop)
	case *liquid.Map:
		raw.Set("github", utils.DeepMerge(drop, g))
	}
	return nil
}

// ExtendLiquid registers {% github_edit_link %}.
func (Plugin) ExtendLiquid(e *liquid.Engine, s *build.Site) {
	e.RegisterTag("github_edit_link", func(markup string, pos liquid.Position) (liquid.Renderer, error) {
		t := &editLink{}
		if m := linkText.FindStringSubmatch(markup); m != nil {
			t.text, t.hasText = m[1]+m[2], true
		}
		return t, nil
	})
}

func configName(s *build.Site) string {
	if len(s.Config.Files) > 0 {
		return s.Config.Files[0]
	}
	return "the config"
}

func truthy(v any) bool { return v != nil && v != false }

// pagesEnv is the gem's Pages: settings from PAGES_* variables.
type pagesEnv struct {
	getenv func(string) string
	env    string
}

var pagesDefaults = map[string]string{
	"PAGES_API_URL":         "https://api.github.com",
	"PAGES_HELP_URL":        "https://help.github.com",
	"PAGES_GITHUB_HOSTNAME": "github.com",
	"PAGES_PAGES_HOSTNAME":  "github.io",
	"SSL":                   "false",
	"SUBDOMAIN_ISOLATION":   "false",
}

func newPagesEnv(jekyllEnv string, getenv func(string) string) *pagesEnv {
	p := &pagesEnv{getenv: getenv}
	p.env = p.get("PAGES_ENV", jekyllEnv)
	if p.env == "" {
		p.env = "development"
	}
	return p
}

// get is the gem's env_var: the variable, else the fallback, else the default.
func (p *pagesEnv) get(key, fallback string) string {
	if v := p.getenv(key); v != "" {
		return v
	}
	if fallback != "" {
		return fallback
	}
	return pagesDefaults[key]
}

func (p *pagesEnv) ssl() bool { return p.get("SSL", "") == "true" || p.env == "test" }
func (p *pagesEnv) scheme() string {
	if p.ssl() {
		return "https"
	}
	return "http"
}
func (p *pagesEnv) enterprise() bool { return p.env == "enterprise" }
func (p *pagesEnv) customDomains() bool {
	return p.env == "dotcom" || p.env == "test"
}
func (p *pagesEnv) githubHostname() string {
	return strings.TrimSuffix(p.get("PAGES_GITHUB_HOSTNAME", p.getenv("GITHUB_HOSTNAME")), "/")
}
func (p *pagesEnv) pagesHostname() string {
	def := p.getenv("PAGES_HOSTNAME")
	if def == "" && p.env == "development" {
		def = "localhost:4000"
	}
	return strings.TrimSuffix(p.get("PAGES_PAGES_HOSTNAME", def), "/")
}
func (p *pagesEnv) githubURL() string {
	if p.env == "dotcom" || p.githubHostname() == "github.com" {
		return "https://github.com"
	}
	return p.scheme() + "://" + p.githubHostname()
}

// findNWO is the gem's RepositoryFinder: "owner/name".
func findNWO(s *build.Site, env *pagesEnv) string {
	if v := os.Getenv("PAGES_REPO_NWO"); v != "" {
		return v
	}
	if v, ok := s.Config.Raw.Get("repository"); ok {
		if str, ok := v.(string); ok && strings.Contains(str, "/") {
			return str
		}
	}
	if s.Env != "development" && s.Env != "test" {
		return ""
	}
	// Like the gem, ask git in the folder the build runs in.
	out, err := exec.Command("git", "remote", "--verbose").Output()
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if !strings.HasPrefix(line, "origin\t") {
			continue
		}
		u := strings.TrimPrefix(line, "origin\t")
		if i := strings.LastIndex(u, " ("); i >= 0 {
			u = u[:i]
		}
		u = strings.TrimSuffix(u, ".git")
		re := regexp.MustCompile(regexp.QuoteMeta(env.githubHostname()) + `(:|/)([\w-]+)/([\w.-]+)`)
		if m := re.FindStringSubmatch(u); m != nil {
			return m[2] + "/" + m[3]
		}
		return ""
	}
	return ""
}

// repository is the gem's Repository with every API answer missing.
type repository struct {
	nwo, owner, name string
	env              *pagesEnv
}

func newRepository(nwo string, env *pagesEnv) *repository {
	parts := strings.Split(nwo, "/")
	return &repository{nwo: nwo, owner: parts[0], name: parts[len(parts)-1], env: env}
}

func (r *repository) defaultUserDomain() string {
	switch {
	case !r.env.enterprise() && r.owner == "github":
		return strings.ToLower(r.owner + "." + r.env.githubHostname())
	case r.env.enterprise():
		return strings.ToLower(r.env.pagesHostname())
	}
	return strings.ToLower(r.owner + "." + r.env.pagesHostname())
}

func (r *repository) userPage() bool {
	n := strings.ToLower(r.name)
	if r.env.enterprise() {
		return n == strings.ToLower(r.owner)+"."+r.env.githubHostname()
	}
	return n == r.defaultUserDomain() || n == strings.ToLower(r.owner+".github.com")
}

func (r *repository) branch() string {
	if r.userPage() {
		return "master"
	}
	return "gh-pages"
}

func (r *repository) ownerURL() string      { return r.env.githubURL() + "/" + r.owner }
func (r *repository) repositoryURL() string { return r.ownerURL() + "/" + r.name }

// htmlURL is where the site is published, as the gem guesses it when the
// Pages API does not answer.
func (r *repository) htmlURL() string {
	var u string
	if !r.env.customDomains() {
		path := r.nwo
		if r.userPage() {
			path = r.owner
		}
		if r.env.get("SUBDOMAIN_ISOLATION", "") == "true" {
			u = r.env.scheme() + "://" + r.env.pagesHostname() + "/" + path
		} else {
			u = r.env.githubURL() + "/pages/" + path
		}
	} else {
		domain := r.defaultUserDomain()
		scheme := "http"
		if r.owner == "github" && strings.HasSuffix(domain, ".github.com") {
			scheme = "https"
		}
		u = scheme + "://" + domain
		if !r.userPage() {
			u += "/" + r.name
		}
	}
	return strings.TrimSuffix(u, "/")
}

// splitURL is an absolute URL's scheme and host, and its path.
func (r *repository) splitURL() (string, string) {
	u := r.htmlURL()
	i := strings.Index(u, "://")
	if i < 0 {
		return "", u
	}
	j := strings.IndexByte(u[i+3:], '/')
	if j < 0 {
		return u, ""
	}
	return u[:i+3+j], u[i+3+j:]
}

func (r *repository) urlWithoutPath() string { a, _ := r.splitURL(); return a }
func (r *repository) baseurl() string        { _, p := r.splitURL(); return p }

// ownerKeys are the fields of site.github.owner, which the API would fill.
var ownerKeys = []string{"avatar_url", "bio", "blog", "collaborators", "company", "created_at",
	"description", "email", "followers", "following", "has_organization_projects",
	"has_repository_projects", "hireable", "html_url", "id", "is_verified", "location", "login",
	"name", "node_id", "public_gists", "public_repos", "type", "updated_at"}

// metadata is site.github, keys sorted as the gem's drop lists them.
func (r *repository) metadata(env *pagesEnv) *liquid.Map {
	m := liquid.NewMap(40)
	owner := liquid.NewMap(len(ownerKeys))
	for _, k := range ownerKeys {
		owner.Set(k, nil)
	}
	source := liquid.NewMap(2)
	source.Set("branch", r.branch())
	source.Set("path", "/")
	repoURL := r.repositoryURL()
	set := m.Set
	set("api_url", strings.TrimSuffix(env.get("PAGES_API_URL", os.Getenv("API_URL")), "/"))
	set("archived", nil)
	set("baseurl", r.baseurl())
	set("build_revision", buildRevision())
	set("clone_url", repoURL+".git")
	set("contributors", false)
	set("disabled", nil)
	set("environment", env.env)
	set("help_url", strings.TrimSuffix(env.get("PAGES_HELP_URL", os.Getenv("HELP_URL")), "/"))
	set("hostname", env.githubHostname())
	set("is_project_page", !r.userPage())
	set("is_user_page", r.userPage())
	set("issues_url", nil)
	set("language", nil)
	set("latest_release", false)
	set("license", nil)
	set("organization_members", nil)
	set("owner", owner)
	set("owner_display_name", nil)
	set("owner_gravatar_url", r.ownerURL()+".png")
	set("owner_name", r.owner)
	set("owner_url", r.ownerURL())
	set("pages_env", env.env)
	set("pages_hostname", env.pagesHostname())
	set("private", nil)
	set("project_tagline", nil)
	set("project_title", r.name)
	// Offline the gem fails on this one; an empty list is what a site can use.
	set("public_repositories", []any{})
	set("releases", false)
	set("releases_url", repoURL+"/releases")
	set("repository_name", r.name)
	set("repository_nwo", r.nwo)
	set("repository_url", repoURL)
	set("show_downloads", nil)
	set("source", source)
	set("tar_url", repoURL+"/tarball/"+r.branch())
	set("url", r.htmlURL())
	set("versions", liquid.NewMap(0))
	set("wiki_url", nil)
	set("zip_url", repoURL+"/zipball/"+r.branch())
	return m
}

// buildRevision is JEKYLL_BUILD_REVISION, else the commit git says the
// build's folder is at, else "".
func buildRevision() string {
	if v := os.Getenv("JEKYLL_BUILD_REVISION"); v != "" {
		return v
	}
	out, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// linkText is the text of {% github_edit_link "text" %}.
var linkText = regexp.MustCompile(`(?:"(.*)"|'(.*)')`)

type editLink struct {
	text    string
	hasText bool
}

// Render prints the URL that edits the page on GitHub, or a link to it.
func (t *editLink) Render(ctx *liquid.Context, out *bytes.Buffer) error {
	gh := liquid.Lookup(ctx.Get("site"), "github")
	source := liquid.Lookup(gh, "source")
	var pagePath any
	if d, ok := ctx.Registers()["page"].(*content.Document); ok && d.Drop() != nil {
		pagePath = d.Drop().Get("path")
	}
	parts := []any{liquid.Lookup(gh, "repository_url"), "edit/", liquid.Lookup(source, "branch"),
		liquid.Lookup(source, "path"), pagePath}
	var b strings.Builder
	for i, p := range parts {
		if p == nil || p == false {
			if s := siteOf(ctx); s != nil {
				s.Warnf("JekyllEditLink: Cannot generate edit URLs due to missing site.github data")
			}
			b.Reset()
			break
		}
		part := strings.TrimPrefix(liquid.ToS(p), "/")
		if i < len(parts)-1 && !strings.HasSuffix(part, "/") {
			part += "/"
		}
		if part == "/" {
			part = ""
		}
		b.WriteString(part)
	}
	if t.hasText {
		fmt.Fprintf(out, `<a href="%s">%s</a>`, b.String(), t.text)
	} else {
		out.WriteString(b.String())
	}
	return nil
}

func siteOf(ctx *liquid.Context) *build.Site {
	s, _ := ctx.Registers()["site"].(*build.Site)
	return s
}
