# Renders every case in cases.txt with Ruby Liquid 5.4.0 the way Jekyll 4.3.1
# does (line numbers on, render! so errors raise, error mode per case, "warn"
# by default, "mode,strict_variables,strict_filters" for Jekyll's options)
# and writes the results to golden.json for liquid_test.go.
#
#   ruby internal/liquid/testdata/golden.rb [cases.txt] [golden.json]
#
# A case is
#   === name [mode]
#   --- vars            (optional, JSON; {"$time": "..."} and {"$date": "..."}
#   {...}                are Time.parse and Date.parse values)
#   --- tpl
#   template text up to the next "===" line (final newline dropped)
require "liquid"
require "json"
require "time"
require "date"

dir = File.dirname(__FILE__)
src = ARGV[0] || File.join(dir, "cases.txt")
dst = ARGV[1] || File.join(dir, "golden.json")

def convert(v)
  case v
  when Hash
    if v.size == 1 && v.key?("$time")
      Time.parse(v["$time"])
    elsif v.size == 1 && v.key?("$date")
      Date.parse(v["$date"])
    else
      v.transform_values { |x| convert(x) }
    end
  when Array then v.map { |x| convert(x) }
  else v
  end
end

cases = []
cur = nil
section = nil
File.read(src).each_line do |line|
  if line.start_with?("=== ")
    cur = { "name" => line[4..].split(" ")[0], "mode" => (line[4..].split(" ")[1] || "warn"), "vars" => +"", "tpl" => +"" }
    cases << cur
    section = nil
  elsif cur && line.chomp == "--- vars"
    section = "vars"
  elsif cur && line.chomp == "--- tpl"
    section = "tpl"
  elsif cur && section
    cur[section] << line
  end
end

ENV["TZ"] = "UTC"
out = {}
cases.each do |c|
  tpl = c["tpl"].chomp
  vars = c["vars"].strip.empty? ? {} : convert(JSON.parse(c["vars"]))
  mode, *opts = c["mode"].split(",")
  Liquid::Template.error_mode = mode.to_sym
  res = {}
  begin
    t = Liquid::Template.parse(tpl, line_numbers: true)
    res["warnings"] = t.warnings.map(&:to_s)
    res["out"] = t.render!(vars, { registers: {}, strict_filters: opts.include?("strict_filters"), strict_variables: opts.include?("strict_variables") })
  rescue Exception => e
    res["error"] = e.message
  end
  raise "duplicate case #{c['name']}" if out.key?(c["name"])
  out[c["name"]] = res
end
File.write(dst, JSON.pretty_generate(out) + "\n")
