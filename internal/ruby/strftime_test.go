package ruby

import (
	"bufio"
	"encoding/hex"
	"encoding/json"
	"math"
	"os"
	"testing"
	"time"
)

// zoneFor rebuilds the zone a golden line was made in (see testdata/gen.rb).
func zoneFor(t *testing.T, zone string) *time.Location {
	t.Helper()
	if zone == "UTC" {
		return time.UTC
	}
	if zone[0] == '+' || zone[0] == '-' {
		off, ok := parseOffset(zone)
		if !ok {
			t.Fatalf("bad offset %q", zone)
		}
		return time.FixedZone("", off)
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Skipf("no tzdata for %s: %v", zone, err)
	}
	return loc
}

func readGolden(t *testing.T, name string, each func(line []byte)) {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		each(sc.Bytes())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

// TestStrftimeGolden checks every directive under every flag and width
// against what Ruby printed for the same instants (testdata/gen.rb).
func TestStrftimeGolden(t *testing.T) {
	var n, bad int
	readGolden(t, "strftime.jsonl", func(line []byte) {
		var g struct {
			Sec    int64
			Nsec   int64
			Zone   string
			Format string
			Out    *string
		}
		if err := json.Unmarshal(line, &g); err != nil {
			t.Fatal(err)
		}
		tm := time.Unix(g.Sec, g.Nsec).In(zoneFor(t, g.Zone))
		n++
		if g.Format == "to_s" {
			if got := TimeString(tm); got != *g.Out {
				bad++
				t.Errorf("TimeString(%s) = %q, want %q", g.Zone, got, *g.Out)
			}
			return
		}
		got, err := StrftimeErr(tm, g.Format)
		switch {
		case g.Out == nil && err == nil:
			bad++
			t.Errorf("%s %s: Strftime(%q) = %q, want an error", tm, g.Zone, g.Format, got)
		case g.Out != nil && err != nil:
			bad++
			t.Errorf("%s %s: Strftime(%q): %v, want %q", tm, g.Zone, g.Format, err, *g.Out)
		case g.Out != nil && got != *g.Out:
			bad++
			t.Errorf("%s %s: Strftime(%q) = %q, want %q", tm, g.Zone, g.Format, got, *g.Out)
		}
		if bad > 40 {
			t.FailNow()
		}
	})
	if n < 1000 {
		t.Fatalf("only %d golden lines", n)
	}
}

func TestStrftimeExamples(t *testing.T) {
	tm := time.Date(2023, 1, 5, 15, 4, 5, 120000000, time.FixedZone("", -8*3600))
	tests := []struct{ format, want string }{
		{"%Y-%m-%d %H:%M:%S %z", "2023-01-05 15:04:05 -0800"},
		{"%-d %B %Y, %l:%M %P", "5 January 2023,  3:04 pm"},
		{"%3N|%6N|%L", "120|120000|120"},
		{"%:z|%::z|%:::z", "-08:00|-08:00:00|-08"},
		{"trailing %", "trailing %"},
	}
	for _, tt := range tests {
		if got := Strftime(tm, tt.format); got != tt.want {
			t.Errorf("Strftime(%q) = %q, want %q", tt.format, got, tt.want)
		}
	}
}

func TestFormatFloatGolden(t *testing.T) {
	readGolden(t, "float.jsonl", func(line []byte) {
		var g struct{ Bits, Out string }
		if err := json.Unmarshal(line, &g); err != nil {
			t.Fatal(err)
		}
		b, err := hex.DecodeString(g.Bits)
		if err != nil || len(b) != 8 {
			t.Fatalf("bad bits %q", g.Bits)
		}
		var u uint64
		for _, c := range b {
			u = u<<8 | uint64(c)
		}
		f := math.Float64frombits(u)
		if got := FormatFloat(f); got != g.Out {
			t.Errorf("FormatFloat(%v) = %q, want %q", f, got, g.Out)
		}
	})
}

// The xmlschema shortcut prints what the general formatter prints.
func TestXMLSchemaShortcut(t *testing.T) {
	zones := []*time.Location{time.UTC, time.FixedZone("", -5*3600), time.FixedZone("", 5*3600+1800),
		time.FixedZone("", -(9*3600 + 30*60)), time.FixedZone("LMT", -(4*3600 + 56*60 + 2))}
	for _, z := range zones {
		for _, y := range []int{1, 999, 1970, 2024, 9999, 10000, -1} {
			tm := time.Date(y, 3, 7, 8, 9, 5, 123, z)
			buf, _ := appendStrftime(nil, tm, xmlSchema)
			if got := Strftime(tm, xmlSchema); got != string(buf) {
				t.Errorf("%v: shortcut %q, formatter %q", tm, got, buf)
			}
		}
	}
}
