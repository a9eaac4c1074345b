package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeSite lays out a small site from path → content.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, "src", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestBrokenSitesFail checks that each kind of broken input gives an error
// naming the file and line, exit code 1, and no output at all.
func TestBrokenSitesFail(t *testing.T) {
	base := map[string]string{
		"_config.yml":           "title: Broken\n",
		"_layouts/default.html": "<html>{{ content }}</html>\n",
		"about.md":              "---\nlayout: default\n---\nFine.\n",
	}
	cases := []struct {
		name  string
		files map[string]string
		want  []string // each must appear in stderr
	}{
		{"broken YAML in front matter",
			map[string]string{"_posts/2024-01-02-bad.md": "---\ntitle: [unclosed\nlayout: default\n---\nBody\n"},
			[]string{"_posts/2024-01-02-bad.md:2"}},
		{"broken YAML in config",
			map[string]string{"_config.yml": "title: ok\nnav: [a, b\n"},
			[]string{"_config.yml:"}},
		{"unknown layout",
			map[string]string{"index.md": "---\ntitle: Home\nlayout: nosuch\n---\nHello\n"},
			[]string{"index.md:3", "nosuch"}},
		{"unclosed Liquid tag",
			map[string]string{"index.html": "---\n---\n<p>one</p>\n{% if page.title %}\n<p>two</p>\n"},
			// Ruby Liquid places an unclosed block at the end of the file.
			[]string{"index.html:6", "'if' tag was never closed"}},
		{"unclosed Liquid tag in a layout",
			map[string]string{"_layouts/default.html": "<html>\n{% for x in site.posts %}\n{{ content }}</html>\n"},
			[]string{"_layouts/default.html:4", "'for' tag was never closed"}},
		{"missing include",
			map[string]string{"index.html": "---\n---\n<p>one</p>\n\n{% include nav.html %}\n"},
			[]string{"index.html:5", "nav.html"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{}
			for k, v := range base {
				files[k] = v
			}
			for k, v := range c.files {
				files[k] = v
			}
			dir := writeSite(t, files)
			out := filepath.Join(dir, "out")
			var stdout, stderr bytes.Buffer
			code := run([]string{"build", "-s", filepath.Join(dir, "src"), "-d", out}, &stdout, &stderr)
			if code != 1 {
				t.Fatalf("exit %d, want 1\nstderr: %s", code, stderr.String())
			}
			for _, w := range c.want {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr does not name %q:\n%s", w, stderr.String())
				}
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("a failed build wrote %s", out)
			}
		})
	}
}

// TestEveryBrokenFileIsNamed checks that one build reports all broken files,
// not just the first.
func TestEveryBrokenFileIsNamed(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"a.html": "---\n---\n{% if x %}\n",
		"b.html": "---\n---\n{% for %}\n{% endfor %}\n",
		"c.md":   "---\ntitle: [x\n---\n",
	})
	var stdout, stderr bytes.Buffer
	code := run([]string{"build", "-s", filepath.Join(dir, "src"), "-d", filepath.Join(dir, "out")}, &stdout, &stderr)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, f := range []string{"a.html:4", "b.html:3", "c.md:2"} {
		if !strings.Contains(stderr.String(), f) {
			t.Errorf("stderr does not name %s:\n%s", f, stderr.String())
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"build", "--nosuchflag"}, {"build", "-s"}} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 2 {
			t.Errorf("broadsheet %v: exit %d, want 2", args, code)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"version"}, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), "broadsheet") {
		t.Errorf("version: exit %d, %q", code, stdout.String())
	}
}
