package ruby

import (
	"encoding/json"
	"testing"
	"time"
)

// TestParseTimeGolden compares with Time.parse run in three local zones with
// the same "now" (testdata/gen.rb).
func TestParseTimeGolden(t *testing.T) {
	now := time.Unix(time.Date(2020, 6, 15, 12, 34, 56, 0, time.UTC).Unix(), 789012345)
	n := 0
	readGolden(t, "parse.jsonl", func(line []byte) {
		var g struct{ In, Tz, Out, Err string }
		if err := json.Unmarshal(line, &g); err != nil {
			t.Fatal(err)
		}
		loc, err := time.LoadLocation(g.Tz)
		if err != nil {
			t.Skipf("no tzdata: %v", err)
		}
		n++
		got, err := ParseTimeAt(g.In, loc, now)
		if g.Err != "" {
			if err == nil {
				t.Errorf("%s: ParseTime(%q) = %s, want error %q", g.Tz, g.In, got, g.Err)
			} else if err.Error() != g.Err {
				t.Errorf("%s: ParseTime(%q) error %q, want %q", g.Tz, g.In, err, g.Err)
			}
			return
		}
		if err != nil {
			t.Errorf("%s: ParseTime(%q): %v, want %s", g.Tz, g.In, err, g.Out)
			return
		}
		s := Strftime(got, "%Y-%m-%d %H:%M:%S.%N %z|%Z")
		if got.Location() == time.UTC {
			s += "|utc"
		}
		if s != g.Out {
			t.Errorf("%s: ParseTime(%q) = %s, want %s", g.Tz, g.In, s, g.Out)
		}
	})
	if n == 0 {
		t.Fatal("no golden lines")
	}
}

func TestParseTimeUTCLoc(t *testing.T) {
	got, err := ParseTimeAt("2023-01-29 18:30:22", time.UTC, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if s := TimeString(got); s != "2023-01-29 18:30:22 +0000" {
		t.Errorf("TimeString = %q, want the local form with +0000", s)
	}
	got, _ = ParseTimeAt("2023-01-29T18:30:22Z", time.UTC, time.Now())
	if s := TimeString(got); s != "2023-01-29 18:30:22 UTC" {
		t.Errorf("TimeString = %q, want UTC mode", s)
	}
}
