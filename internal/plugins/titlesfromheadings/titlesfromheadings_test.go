package titlesfromheadings

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
)

func TestGenerate(t *testing.T) {
	tests := []struct {
		name, config, front, body string
		title                     any // the page's title afterwards
		rest                      string
	}{
		{"atx", "", "", "# Hello world\n\ntext\n", "Hello world", "# Hello world\n\ntext\n"},
		{"closing hashes stay", "", "", "### Three ###\n", "Three ###", "### Three ###\n"},
		{"level four is not a title", "", "", "#### Four\n", nil, "#### Four\n"},
		{"blank lines first", "", "", "\n\n  # Indented\n", "Indented", "  # Indented\n"}, // Jekyll drops the blank lines after front matter
		{"setext", "", "", "Under\n=====\n\nx\n", "Under", "Under\n=====\n\nx\n"},
		{"not first", "", "", "x\n\n# Later\n", nil, "x\n\n# Later\n"},
		{"markup", "", "", "# *Em* and `code`[^n]\n", "Em and code", "# *Em* and `code`[^n]\n"},
		{"title kept", "", "title: Mine\n", "# Heading\n", "Mine", "# Heading\n"},
		{"strip", "titles_from_headings:\n  strip_title: true\n", "", "# Gone\n\n  Body  \n", "Gone", "Body"},
		{"page says no strip", "titles_from_headings:\n  strip_title: true\n", "strip_title: false\n", "# Kept\n", "Kept", "# Kept\n"},
		{"disabled", "titles_from_headings:\n  enabled: false\n", "", "# Off\n", "absent", "# Off\n"},
		{"bad options", "titles_from_headings: true\n", "", "# On\n", "On", "# On\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{
				"_config.yml": "plugins: [jekyll-titles-from-headings]\n" + tt.config,
				"page.md":     "---\n" + tt.front + "---\n" + tt.body,
			}
			for name, body := range files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var log bytes.Buffer
			s, err := build.Read(build.Options{Source: dir, Destination: filepath.Join(dir, "_site"),
				Time: time.Unix(0, 0), Log: &log, Plugins: []build.Plugin{Plugin{}}})
			if err != nil {
				t.Fatal(err)
			}
			p := s.Pages[0]
			title, ok := p.Data.Get("title")
			if !ok {
				title = "absent"
			}
			if title != tt.title {
				t.Errorf("title %#v, want %#v", title, tt.title)
			}
			if p.Body != tt.rest {
				t.Errorf("content %q, want %q", p.Body, tt.rest)
			}
			if tt.name == "bad options" && !strings.Contains(log.String(), "_config.yml: titles_from_headings must be a mapping") {
				t.Errorf("no warning naming the key: %q", log.String())
			}
		})
	}
}
