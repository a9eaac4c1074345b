# -*- encoding: utf-8 -*-
# A theme gem for Broadsheet's tests, in the form RubyGems installs a stub.

Gem::Specification.new do |s|
  s.name = "broadsheet-test-theme".freeze
  s.version = "1.0.0"
  s.require_paths = ["lib".freeze]
  s.authors = ["Broadsheet".freeze]
  s.summary = "A small theme for Broadsheet's tests.".freeze
  s.licenses = ["MIT".freeze]
  s.metadata = { "plugin_type" => "theme" }

  s.add_runtime_dependency(%q<jekyll>.freeze, [">= 4.0"])
  s.add_development_dependency(%q<bundler>.freeze, [">= 1.15"])
end
