# Regenerates golden.jsonl: templates rendered by Jekyll 4.3.1's own filters.
#   cd internal/filters/testdata && ruby gen.rb
# Each line: the template, its output or "error", under the vars below
# (written to vars.json with tagged times and dates).
require "json"
require "tmpdir"
require "jekyll"

Dir.mktmpdir do |dir|
  site = Jekyll::Site.new(Jekyll.configuration(
    "source" => dir, "destination" => File.join(dir, "_site"), "quiet" => true,
    "baseurl" => "/blog/", "url" => "https://Example.COM:443", "timezone" => "America/New_York"
  ))

  t1 = Time.utc(2023, 1, 5, 15, 4, 5)
  t2 = Time.new(2021, 11, 22, 8, 0, 0, "-08:00")
  posts = [
    { "title" => "Beta", "date" => t1, "category" => "news", "tags" => ["go", "ruby"], "n" => 2, "s" => "05", "f" => 1.5, "author" => { "name" => "Ann" } },
    { "title" => "alpha", "date" => t2, "category" => "tech", "tags" => ["go"], "n" => 10, "s" => "5", "f" => 1.5, "author" => { "name" => "Bob" } },
    { "title" => "Gamma", "category" => "news", "tags" => [], "n" => 1, "s" => "x", "f" => 0.5 },
    { "title" => "Delta", "date" => t2, "category" => nil, "n" => nil, "s" => "", "author" => { "name" => "Ann" } },
  ]
  vars = {
    "posts" => posts,
    "nums" => [3, 1, 2], "strs" => ["b", "a", "C"], "mixed" => [1, "a"], "empty" => [], "nested" => [[1, 2], 3, 4],
    "h" => { "z" => 1, "a" => { "c" => 2 }, "m" => [1, nil] },
    "str" => "Hello   World\n  again ", "html" => %q(<a href="x">Tom & 'Jerry'</a>),
    "t1" => t1, "t2" => t2, "d" => Date.new(2024, 2, 29), "int" => 1700000000,
    "words" => "Hello 世界 and 日本語 text", "quote" => "a\"b\\c/é\u0001\u2028", "f" => 2.5, "big" => 1.0e20, "nil" => nil, "yes" => true,
  }

  enc = lambda do |v|
    case v
    when Hash then { "$map" => v.map { |k, x| [k, enc.(x)] } }
    when Array then v.map { |x| enc.(x) }
    when Time then { "$time" => v.to_i, "nsec" => v.nsec, "offset" => v.utc_offset, "utc" => v.utc? }
    when Date then { "$date" => v.to_s }
    when Float then { "$float" => v.to_s }
    else v
    end
  end
  File.write("vars.json", JSON.pretty_generate(enc.(vars)) + "\n")

  templates = File.readlines("cases.txt", chomp: true).reject { |l| l.empty? || l.start_with?("#") }
  File.open("golden.jsonl", "w") do |f|
    templates.each do |src|
      src = src.gsub("\\n", "\n")
      out = begin
        Liquid::Template.parse(src, error_mode: :strict).render!(vars, registers: { site: site })
      rescue StandardError => e
        "error: " + e.class.name
      end
      f.puts JSON.generate({ "tmpl" => src, "out" => out })
    end
  end
end
