package ruby

import "time"

// TimeString prints t as Ruby's Time#to_s: "2023-01-29 18:30:22 -0800", or
// "2023-01-29 18:30:22 UTC" for a time in UTC mode (Location time.UTC). A
// local time that merely has a zero offset prints "+0000", as in Ruby.
func TimeString(t time.Time) string {
	return string(AppendTimeString(make([]byte, 0, 25), t))
}

// AppendTimeString appends TimeString(t) to buf.
func AppendTimeString(buf []byte, t time.Time) []byte {
	if t.Location() == time.UTC {
		return append(AppendStrftime(buf, t, "%Y-%m-%d %H:%M:%S"), " UTC"...)
	}
	return AppendStrftime(buf, t, "%Y-%m-%d %H:%M:%S %z")
}
