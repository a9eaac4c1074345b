package filters

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// decodeValue turns testdata/vars.json (written by gen.rb) into Liquid
// values: {"$map": [[k, v]...]} is an ordered hash, {"$time": ...} a Time
// with its offset (or UTC mode), {"$date": ...} a Date, {"$float": ...} a
// float, whole JSON numbers ints.
func decodeValue(t *testing.T, raw json.RawMessage, loc *time.Location) any {
	t.Helper()
	var probe any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&probe); err != nil {
		t.Fatal(err)
	}
	switch v := probe.(type) {
	case nil, bool, string:
		return v
	case json.Number:
		n, err := strconv.Atoi(string(v))
		if err != nil {
			t.Fatalf("number %s", v)
		}
		return n
	case []any:
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			t.Fatal(err)
		}
		out := make([]any, len(items))
		for i, it := range items {
			out[i] = decodeValue(t, it, loc)
		}
		return out
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		t.Fatal(err)
	}
	switch {
	case obj["$map"] != nil:
		var pairs [][2]json.RawMessage
		if err := json.Unmarshal(obj["$map"], &pairs); err != nil {
			t.Fatal(err)
		}
		m := liquid.NewMap(len(pairs))
		for _, p := range pairs {
			var k string
			if err := json.Unmarshal(p[0], &k); err != nil {
				t.Fatal(err)
			}
			m.Set(k, decodeValue(t, p[1], loc))
		}
		return m
	case obj["$time"] != nil:
		var tv struct {
			Time   int64 `json:"$time"`
			Nsec   int64
			Offset int
			UTC    bool
		}
		if err := json.Unmarshal(raw, &tv); err != nil {
			t.Fatal(err)
		}
		tm := time.Unix(tv.Time, tv.Nsec)
		if tv.UTC {
			return tm.UTC()
		}
		return tm.In(time.FixedZone("", tv.Offset))
	case obj["$date"] != nil:
		var s string
		if err := json.Unmarshal(obj["$date"], &s); err != nil {
			t.Fatal(err)
		}
		d, err := time.ParseInLocation("2006-01-02", s, loc)
		if err != nil {
			t.Fatal(err)
		}
		return liquid.Date{Time: d}
	case obj["$float"] != nil:
		var s string
		if err := json.Unmarshal(obj["$float"], &s); err != nil {
			t.Fatal(err)
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	t.Fatalf("unknown tagged value %s", raw)
	return nil
}

// engineGaps are cases that depend on the Liquid engine doing what Jekyll
// patches Ruby Liquid to do: `blank` and `empty` are MethodLiteral objects in
// every expression (jekyll/liquid_expr_method_literal.rb), not "".
var engineGaps = map[string]string{
	`{% assign r = posts | where: "tags", empty %}{% for p in r %}{{ p.title }},{% endfor %}`: "empty as a filter argument",
	`{{ empty | array_to_sentence_string }}`:                                                  "empty as a filter input",
}

// TestGolden renders the templates of testdata/cases.txt with these filters
// and compares with what Jekyll 4.3.1 rendered (testdata/gen.rb).
func TestGolden(t *testing.T) {
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skipf("no tzdata: %v", err)
	}
	raw, err := os.ReadFile("testdata/vars.json")
	if err != nil {
		t.Fatal(err)
	}
	varsMap := decodeValue(t, raw, loc).(*liquid.Map)
	vars := map[string]any{}
	for _, k := range varsMap.Keys() {
		vars[k], _ = varsMap.Get(k)
	}

	e := liquid.NewEngine()
	e.SetErrorMode("strict")
	e.SetLocation(loc)
	Register(e, &Env{BaseURL: "/blog/", URL: "https://Example.COM:443", Timezone: loc})

	f, err := os.Open("testdata/golden.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var g struct{ Tmpl, Out string }
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		n++
		if why, ok := engineGaps[g.Tmpl]; ok {
			t.Logf("skipped: %s: %s", g.Tmpl, why)
			continue
		}
		var out bytes.Buffer
		tmpl, err := e.Parse(g.Tmpl, "case")
		if err == nil {
			err = tmpl.Render(liquid.NewContext(vars), &out)
		}
		if strings.HasPrefix(g.Out, "error: ") {
			if err == nil {
				t.Errorf("%s\n got %q, want an error (%s)", g.Tmpl, out.String(), g.Out)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s\n error %v, want %q", g.Tmpl, err, g.Out)
			continue
		}
		if out.String() != g.Out {
			t.Errorf("%s\n got  %q\n want %q", g.Tmpl, out.String(), g.Out)
		}
	}
	if n == 0 {
		t.Fatal("no golden cases")
	}
}
