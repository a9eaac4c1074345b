# Regenerates the golden files of package ruby from the Ruby on this machine:
#   cd internal/ruby/testdata && ruby gen.rb
# Each line of the output is JSON, read by the Go tests.
require "json"
require "time"

# Times as [unix seconds, nanoseconds, zone]; zone is "UTC" (UTC mode), a
# fixed offset, or an IANA name (a local time with TZ set to it).
def make_time(sec, nsec, zone)
  case zone
  when "UTC" then Time.at(sec, nsec, :nsec).utc
  when /\A[+-]/ then Time.at(sec, nsec, :nsec, in: zone)
  else
    ENV["TZ"] = zone
    Time.at(sec, nsec, :nsec).localtime
  end
end

times = [
  [Time.utc(2023, 1, 5, 3, 4, 5).to_i, 123456789, "+09:00"],
  [Time.utc(2023, 7, 22, 13, 26, 40).to_i, 5000000, "UTC"],
  [Time.utc(2023, 7, 22, 13, 26, 40).to_i, 0, "America/New_York"],
  [Time.utc(2023, 1, 1, 12, 0, 0).to_i, 999999999, "America/New_York"],
  [Time.utc(2021, 1, 1, 0, 0, 0).to_i, 1000, "-00:30"],
  [Time.utc(2024, 12, 30, 23, 59, 59).to_i, 0, "+05:30"],
  [Time.utc(2020, 2, 29, 18, 0, 0).to_i, 0, "+05:30:15"],
  [Time.utc(2019, 12, 29, 0, 0, 0).to_i, 0, "Asia/Tokyo"],
  [Time.utc(2023, 3, 14, 0, 0, 0).to_i, 0, "America/Sao_Paulo"],
  [Time.utc(5, 6, 7, 8, 9, 10).to_i, 0, "UTC"],
  [Time.utc(-5, 6, 7, 8, 9, 10).to_i, 0, "UTC"],
  [Time.utc(12345, 6, 7, 8, 9, 10).to_i, 0, "-08:00"],
]

directives = %w[a A b B c C d D e F g G h H I j k l L m M n N p P r R s S t T u U v V w W x X y Y z Z %]
prefixes = ["", "-", "_", "0", "^", "#", "3", "10", "-10", "_10", "010", "^10", "#10", "^#", "_3", "-_", "E", "O", ":", "::", ":::", "::::", "-:", "_:", "10:", "_10::", "010:::"]
formats = []
directives.each { |d| prefixes.each { |p| formats << "%#{p}#{d}" } }
formats += ["%q", "%-10q", "%+", "%Q", "%E", "%O", "%:x", "%:-z", "plain text", "%Y-%m-%dT%H:%M:%S%:z",
            "%d %B %Y at %l:%M %p", "%A, %-d %b %Y", "%12N|%1N|%0N", "%-e %^B", "x%E", "%%%Y%%"]

File.open("strftime.jsonl", "w") do |f|
  times.each do |sec, nsec, zone|
    t = make_time(sec, nsec, zone)
    formats.each do |fmt|
      out = begin; t.strftime(fmt); rescue ArgumentError; nil; end
      f.puts JSON.generate({ "sec" => sec, "nsec" => nsec, "zone" => zone, "format" => fmt, "out" => out })
    end
    f.puts JSON.generate({ "sec" => sec, "nsec" => nsec, "zone" => zone, "format" => "to_s", "out" => t.to_s })
  end
end

floats = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 100.0, 1e15, 1e16, 1e20, 1e-4, 1e-5, 1.0 / 3, 2.0 / 3, 0.1 + 0.2,
          123456789012345.6, 1234567890123456.8, 1234567890123456.0, 12345678901234567.0, 123456789012345.0,
          100000000000000.5, 1.000000000000001e15, 1.5e15, 1.5e14, 2.5e300, 5e-324, 1.7976931348623157e308,
          -1.5e-7, 0.001, 0.00012345, 12.0, 1e100, 3.14159, -273.15, 1e22, 1e21, 9007199254740993.0,
          Float::INFINITY, -Float::INFINITY, Float::NAN]
File.open("float.jsonl", "w") do |f|
  floats.each do |x|
    bits = [x].pack("G").unpack1("H*")
    f.puts JSON.generate({ "bits" => bits, "out" => x.to_s })
  end
end

# Time.parse in three local zones, with "now" fixed.
parse_inputs = [
  "2023-01-29", "2023-01-29 18:30:22", "2023-01-29T18:30:22", "2023-01-29T18:30:22Z",
  "2023-01-29T18:30:22.123+01:00", "2023-01-29 18:30:22 -0800", "2023-01-29 18:30:22 +0000",
  "2023-01-29 18:30:22 2023 -0800", "2023-01-29 18:30:22 -05:00", "2023-07-29 18:30:22 -04:00",
  "2023-01-29 18:30:22 UTC", "2023-01-29 18:30:22 GMT", "2023-01-29 18:30:22 EST", "2023-07-01 10:00:00 PDT",
  "2023-01-29 18:30:22 +05:30", "2023-01-29 18:30:22 IST", "2023-01-29 18:30:22 -00:00", "2023-01-29 18:30 UTC+9",
  "Tue, 01 Aug 2023 10:00:00 +0000", "Tue, 01 Aug 2023 10:00:00 GMT", "Sun Jan 29 18:30:22 PST 2023",
  "Jan 5 2021", "January 5, 2021", "January 5th, 2021 3pm", "5 January 2021 10:00", "5 Jan", "Jan 2021",
  "01/05/2023", "2023/01/05", "29/01/23", "5.1.2023", "23-01-29", "20230129", "20230129T183022Z",
  "20230129T1830", "2023-001", "2023-060", "10:00", "10:00:00.5", "6:30 PM", "2023-01-29 6:30 pm",
  "2023-01-29 12:00 am", "2023-02-30", "2023-02-32", "2023-13-01", "2023-01-01 24:00", "2023-01-01 24:30",
  "2023-01-01 10:60", "2023-01-01 10:59:60", "hello", "", "x" * 130, "2023-01-29 18:30:22.123456789123 +05:30",
  "12 jun 99", "12 jun 69", "12 jun 68", "2021", "'21", "Jun", "5th", "2023-03-12 02:30:00",
  "2023-11-05 01:30:00", "  2023-01-29  ", "2023-01-29 18:30:22 +09", "2023-1-5", "Monday, June 15 2009",
  "2009-06-15T13:45:30.0000000-07:00", "15 Jun 2009 1:45 PM", "June 2009", "2023-01-29 18h30",
  "2023-01-29 18:30:22 foo", "2023-01-29 18:30:22 -0000", "2023-01-29 18:30:22 +01:00:30",
]
File.open("parse.jsonl", "w") do |f|
  now = Time.at(Time.utc(2020, 6, 15, 12, 34, 56).to_i, 789012345, :nsec).utc
  ["Etc/UTC", "America/New_York", "Asia/Kolkata"].each do |tz|
    ENV["TZ"] = tz
    parse_inputs.each do |s|
      rec = { "in" => s, "tz" => tz }
      begin
        t = Time.parse(s, now)
        rec["out"] = t.strftime("%Y-%m-%d %H:%M:%S.%N %z|%Z") + (t.utc? ? "|utc" : "")
      rescue ArgumentError => e
        rec["err"] = e.message
      end
      f.puts JSON.generate(rec)
    end
  end
end
