# The built-in Broadsheet news theme. Broadsheet reads the runtime
# dependencies below as the plugins the theme needs, as Jekyll does for a
# gem theme; the theme is embedded in the broadsheet binary and is not
# published as a gem.
Gem::Specification.new do |spec|
  spec.name     = "broadsheet-news"
  spec.version  = "0.1.0"
  spec.authors  = ["The Broadsheet authors"]
  spec.summary  = "A fast, accessible news theme: front page, articles, section, tag, author and year archives."
  spec.license  = "MIT"
  spec.files    = Dir["{_layouts,_includes,assets}/**/*", "_config.yml"]

  spec.add_runtime_dependency "jekyll", ">= 4.3"
  spec.add_runtime_dependency "jekyll-feed"
  spec.add_runtime_dependency "jekyll-seo-tag"
  spec.add_runtime_dependency "jekyll-sitemap"
  spec.add_runtime_dependency "jekyll-paginate-v2"
  spec.add_runtime_dependency "jekyll-archives"
  spec.add_runtime_dependency "jekyll-default-layout"
end
