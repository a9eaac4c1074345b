# Regenerates golden.txt from cases.txt with the Ruby/Psych on this machine:
#   cd internal/yaml/testdata && TZ=America/New_York ruby gen_golden.rb > golden.txt
# Each case is loaded the way Jekyll 4.3.1 loads YAML (Psych.safe_load with
# Date and Time permitted, aliases on). Debian's Psych refuses `:name`
# symbols there; upstream Jekyll (SafeYAML) reads them as strings, which is
# what Broadsheet follows, so those cases load with symbols permitted and
# print symbols as their ":name" strings.
require "yaml"
require "date"
require "json"

def dump(v)
  case v
  when nil then "nil"
  when true, false then v.to_s
  when Integer then "int:#{v}"
  when Float then "float:#{v}"
  when Symbol then "str:" + JSON.generate(":#{v}")
  when String then "str:" + JSON.generate(v)
  when Date then "date:" + v.strftime("%Y-%m-%d")
  when Time then "time:" + v.strftime("%Y-%m-%d %H:%M:%S.%N %z") + (v.utc? ? " UTC" : "")
  when Array then "[" + v.map { |e| dump(e) }.join(", ") + "]"
  when Hash then "{" + v.map { |k, e| JSON.generate(k.is_a?(Symbol) ? ":#{k}" : k.to_s) + ": " + dump(e) }.join(", ") + "}"
  else "?#{v.class}"
  end
end

cases = File.read("cases.txt").split(/^=== /).reject(&:empty?)
cases.each do |c|
  name, body = c.split("\n", 2)
  body ||= ""
  out = begin
    v = Psych.safe_load(body, permitted_classes: [Date, Time, Symbol], aliases: true)
    dump(v)
  rescue Psych::SyntaxError => e
    "error line #{e.line}"
  rescue StandardError => e
    "error"
  end
  puts "=== #{name}"
  puts out
end
