package frontmatter

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// The expectations come from Jekyll's YAML_FRONT_MATTER_REGEXP run by Ruby
// 3.1 on each input (fm is match[1], body the post_match).
func TestSplit(t *testing.T) {
	tests := []struct {
		src, fm, body string
		line          int
		ok            bool
	}{
		{"---\na: 1\n---\nbody\n", "---\na: 1\n", "body\n", 4, true},
		{"---\n---\n", "---\n", "", 3, true},
		{"---\n---", "---\n", "", 2, true},
		{"---\n---\n\n\nbody", "---\n", "body", 5, true},
		{"---\r\na: 1\r\n---\r\nbody", "---\r\na: 1\r\n", "body", 4, true},
		{"--- \na: 1\n... \nbody", "--- \na: 1\n", "body", 4, true},
		{"---\na: 1\n", "", "---\na: 1\n", 1, false},
		{"---\na: 1\n----\nx\n---\nbody", "---\na: 1\n----\nx\n", "body", 6, true},
		{"x---\n---\n", "", "x---\n---\n", 1, false},
		{"---\n\n\na: 1\n---\n  \n\t\nbody\n", "---\n\n\na: 1\n", "body\n", 8, true},
		{"---\na: |\n  ---x\n---\nb", "---\na: |\n  ---x\n", "b", 5, true},
		{"---a\n---\n", "", "---a\n---\n", 1, false},
		{"---\na: 1\n---   body\n---\nz", "---\na: 1\n---   body\n", "z", 5, true},
		{"\n---\n---\n", "", "\n---\n---\n", 1, false},
		{"---\n...\n", "---\n", "", 3, true},
		{"---\n---  \n  body", "---\n", "  body", 3, true},
		// Jekyll reads with "bom|utf-8", so the byte order mark goes.
		{"\xef\xbb\xbf---\na: 1\n---\nbody", "---\na: 1\n", "body", 4, true},
	}
	for _, tt := range tests {
		fm, body, line, ok := Split([]byte(tt.src))
		if string(fm) != tt.fm || string(body) != tt.body || line != tt.line || ok != tt.ok {
			t.Errorf("Split(%q) = %q, %q, %d, %v; want %q, %q, %d, %v",
				tt.src, fm, body, line, ok, tt.fm, tt.body, tt.line, tt.ok)
		}
	}
}

// Utils.has_yaml_header? reads the raw first line: \A---\s*\r?\n.
func TestHasHeader(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"---\n", true},
		{"---  \r\n", true},
		{"---", false},
		{"--- x\n", false},
		{"\xef\xbb\xbf---\n", false},
		{"----\n", false},
		{"\n---\n", false},
	}
	for _, tt := range tests {
		if got := HasHeader([]byte(tt.src)); got != tt.want {
			t.Errorf("HasHeader(%q) = %v", tt.src, got)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		keys    string // comma-joined keys of data
		body    string
		wantErr string
		notMap  bool
	}{
		{name: "simple", src: "---\ntitle: Hi\nlayout: post\n---\nText", keys: "title,layout", body: "Text"},
		{name: "empty", src: "---\n---\nText", keys: "", body: "Text"},
		{name: "only comment", src: "---\n# note\n---\nText", keys: "", body: "Text"},
		{name: "false", src: "---\nfalse\n---\nText", keys: "", body: "Text"},
		{name: "none", src: "Text", keys: "", body: "Text"},
		{name: "list", src: "---\n- a\n---\nText", body: "Text", wantErr: "post.md:1: front matter: not a mapping", notMap: true},
		{name: "string", src: "---\nhello\n---\nText", body: "Text", wantErr: "post.md:1: front matter: not a mapping", notMap: true},
		{name: "syntax", src: "---\ntitle: a\ntags: [x, y\n---\nText", body: "Text", wantErr: "post.md:3: front matter: did not find expected ',' or ']'"},
		{name: "syntax line 2", src: "---\ntitle: a: b\n---\nText", body: "Text", wantErr: "post.md:2: front matter: mapping values are not allowed in this context"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, body, _, err := Parse("post.md", []byte(tt.src), time.UTC)
			if string(body) != tt.body {
				t.Errorf("body %q, want %q", body, tt.body)
			}
			if data == nil {
				t.Fatal("nil data")
			}
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("err %v, want %s", err, tt.wantErr)
				}
				if errors.Is(err, ErrNotMapping) != tt.notMap {
					t.Errorf("errors.Is(ErrNotMapping) = %v", !tt.notMap)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(data.Keys(), ","); got != tt.keys {
				t.Errorf("keys %q, want %q", got, tt.keys)
			}
		})
	}
}
