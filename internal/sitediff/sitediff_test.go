package sitediff

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestNormalizeMarkup(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"case and attribute order", `<DIV Class="a" ID=x>t</DIV>`,
			[]string{`<div class="a" id="x">`, "t", "</div>"}},
		{"whitespace collapsed, blank text dropped", "<p>\n  a   b\n</p>\n\n<p>c</p>",
			[]string{"<p>", "a b", "</p>", "<p>", "c", "</p>"}},
		{"character references decoded", `<p title="&quot;q&#39;">&eacute;&#233;&#xE9; &amp; &lt;</p>`,
			[]string{`<p title="&quot;q&#x27;">`, "ééé &amp; &lt;", "</p>"}},
		{"pre kept verbatim", "<pre><code>a\n  b</code></pre>",
			[]string{"<pre>", "<code>", "a\n  b", "</code>", "</pre>"}},
		{"script is raw text", "<script>if (a < b && c) { x = '</p>'; }</script>",
			[]string{"<script>", "if (a < b && c) { x = '</p>'; }", "</script>"}},
		{"void and self-closing", `<br/><img src=a.png><hr /><div/>x`,
			[]string{"<br>", `<img src="a.png">`, "<hr>", "<div>", "x"}},
		{"stray void end tag dropped", "a</br>b",
			[]string{"a", "b"}},
		{"comment, doctype, pi, cdata", "<?xml version=\"1.0\"?><!DOCTYPE  HTML><!--  a\n b --><![CDATA[x]]>",
			[]string{`<?xml version="1.0"?>`, "<!doctype html>", "<!--a b-->", "<![CDATA[x]>"}},
		{"valueless attribute", `<input disabled type=checkbox>`,
			[]string{`<input disabled type="checkbox">`}},
		{"nbsp is whitespace, as in Python", "<p>a&nbsp; b</p>",
			[]string{"<p>", "a b", "</p>"}},
		{"times and generator masked", `<meta name="generator" content="Jekyll v4.3.1"><p>2024-06-01T12:00:00+00:00</p>`,
			[]string{`<meta content="<GENERATOR>" name="generator">`, "<p>", "<TIME>", "</p>"}},
		{"lone less-than is text", "a < b <3",
			[]string{"a &lt; b &lt;3"}},
		{"end tag with spaces and junk", "<b>x</ b ></i junk>",
			[]string{"<b>", "x", "</b>", "</i>"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Normalize("x.html", []byte(tc.in))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Normalize(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestCompareFile(t *testing.T) {
	tests := []struct {
		name, file, x, y string
		same             bool
	}{
		{"html equal after normalisation", "a.html", "<p class=a  id=b>Hi\n there</p>\n", `<P id="b" class="a">Hi there</P>`, true},
		{"html text differs", "a.html", "<p>Hi</p>", "<p>Ho</p>", false},
		{"html pre whitespace matters", "a.html", "<pre>a  b</pre>", "<pre>a b</pre>", false},
		{"xml times masked", "feed.xml", "<updated>2024-06-01T12:00:00+00:00</updated>", "<updated>2025-01-01T00:00:00Z</updated>", true},
		{"css whitespace", "s.css", "a {\n  color: red;\n}\n", "a { color: red; }", true},
		{"css differs", "s.css", "a{color:red}", "a{color:blue}", false},
		{"json line by line", "d.json", "{\n\"a\": 1\n}\n", "{\r\n\"a\": 1\r\n}", true},
		{"json indentation matters", "d.json", "{\n \"a\": 1\n}", "{\n\"a\": 1\n}", false},
		{"binary byte for byte", "a.png", "\x89PNG\x00", "\x89PNG\x01", false},
		{"binary whitespace matters", "a.md", "a b", "a  b", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			diff, same := CompareFile(tc.file, []byte(tc.x), []byte(tc.y), 12)
			if same != tc.same {
				t.Fatalf("same = %v, want %v (diff %q)", same, tc.same, diff)
			}
			if !same && diff == "" {
				t.Error("no diff for differing files")
			}
		})
	}
}

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, s := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestCompare(t *testing.T) {
	exp := writeTree(t, map[string]string{
		"index.html":       "<h1>Home</h1>\n<p>one two</p>\n",
		"about/index.html": "<p>About</p>",
		"feed.xml":         "<feed><title>F</title></feed>",
		"logo.png":         "PNG",
		"gone.txt":         "here",
	})
	act := writeTree(t, map[string]string{
		"index.html":       "<h1>Home</h1><p>one\ttwo</p>",
		"about/index.html": "<p>About us</p>",
		"feed.xml":         "<feed>\n  <title>F</title>\n</feed>\n",
		"logo.png":         "PNG",
		"new.txt":          "extra",
	})
	r, err := Compare(exp, act)
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 5 || r.Matched != 3 {
		t.Errorf("Total, Matched = %d, %d; want 5, 3", r.Total, r.Matched)
	}
	if !reflect.DeepEqual(r.Missing, []string{"gone.txt"}) || !reflect.DeepEqual(r.Extra, []string{"new.txt"}) {
		t.Errorf("Missing %q Extra %q", r.Missing, r.Extra)
	}
	if len(r.Differ) != 1 || r.Differ[0].Path != "about/index.html" {
		t.Fatalf("Differ = %+v", r.Differ)
	}
	wantDiff := "@@ -1,3 +1,3 @@\n <p>\n-About\n+About us\n </p>"
	if r.Differ[0].Diff != wantDiff {
		t.Errorf("diff\n%s\nwant\n%s", r.Differ[0].Diff, wantDiff)
	}
	if r.OK() {
		t.Error("OK() with a missing and a differing file")
	}
	s := r.String()
	for _, want := range []string{"--- about/index.html\n", "missing: gone.txt\n", "extra:   new.txt\n"} {
		if !strings.Contains(s, want) {
			t.Errorf("String() lacks %q:\n%s", want, s)
		}
	}
	if last := s[strings.LastIndexByte(s, '\n')+1:]; last != "sitediff: 3/5 files match (60.0%), 1 differ, 1 missing, 1 extra" {
		t.Errorf("last line %q", last)
	}

	same, err := CompareWith(exp, exp, Options{Ignore: []string{"about/*"}})
	if err != nil {
		t.Fatal(err)
	}
	if !same.OK() || same.Total != 4 || same.Percent() != 100 {
		t.Errorf("self comparison with ignore: %s", same)
	}
	if _, err := Compare(exp, filepath.Join(exp, "nope")); err == nil {
		t.Error("no error for a missing folder")
	}
}

func TestUnifiedDiff(t *testing.T) {
	x := []string{"a", "b", "c", "d", "e", "f", "g"}
	y := []string{"a", "B", "c", "d", "e", "f", "g", "h"}
	got := unifiedDiff(x, y, 40)
	want := "@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n@@ -7 +7,2 @@\n g\n+h"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestSplitLines(t *testing.T) {
	got := splitLines("a\nb\r\nc\rd\u2028e\n")
	want := []string{"a", "b", "c", "d", "e"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q want %q", got, want)
	}
}

func TestKindOf(t *testing.T) {
	tests := map[string]Kind{
		"a/index.html": Markup, "feed.XML": Markup, "x.svg": Markup, "s.css": Stylesheet,
		"d.json": Lines, "robots.txt": Lines, "a.js": Lines, "a.png": Binary, "README": Binary,
		"dir/.html": Binary, "..css": Binary, "a.b.html": Markup, ".well-known/x.txt": Lines,
	}
	for name, want := range tests {
		if got := KindOf(name); got != want {
			t.Errorf("KindOf(%q) = %v, want %v", name, got, want)
		}
	}
}
