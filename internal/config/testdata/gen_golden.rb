# Regenerates golden.txt: the configuration real Jekyll 4.3.1 builds for each
# folder of cases/ (as `jekyll build -s . -d /tmp/out`, run inside it, plus
# --config from its args file), printed like config_test.go's dump.
#   cd internal/config/testdata && TZ=UTC ruby gen_golden.rb > golden.txt
require "jekyll"
require "json"

def dump(v)
  case v
  when nil then "nil"
  when true, false then v.to_s
  when Integer then "int:#{v}"
  when Float then "float:#{v}"
  when String then "str:" + JSON.generate(v)
  when Date then "date:" + v.strftime("%Y-%m-%d")
  when Time then "time:" + v.strftime("%Y-%m-%d %H:%M:%S.%N %z") + (v.utc? ? " UTC" : "")
  when Array then "[" + v.map { |e| dump(e) }.join(", ") + "]"
  when Hash then "{" + v.map { |k, e| JSON.generate(k.to_s) + ": " + dump(e) }.join(", ") + "}"
  else "?#{v.class}"
  end
end

Jekyll.logger.log_level = :error
$stderr.reopen(File::NULL)
Dir.children("cases").sort.each do |name|
  Dir.chdir(File.join("cases", name)) do
    opts = { "source" => ".", "destination" => "/tmp/out" }
    opts["config"] = File.read("args").strip.split(",") if File.exist?("args")
    opts["serving"] = false
    out = begin
      conf = Jekyll.configuration(opts)
      dump(Jekyll::Site.new(conf).config)
    rescue Psych::SyntaxError => e
      "error line #{e.line}"
    rescue StandardError, LoadError => e
      "error"
    end
    puts "=== #{name}"
    puts out
  end
end
