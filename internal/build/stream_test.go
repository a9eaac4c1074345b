package build

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for rel, body := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var streamSite = map[string]string{
	"_config.yml":              "title: Streams\npermalink: pretty\n",
	"_layouts/default.html":    "<main>{{ content }}</main>\n",
	"_posts/2024-01-02-one.md": "---\nlayout: default\ntitle: One\n---\nFirst *post*.\n",
	"_posts/2024-01-03-two.md": "---\nlayout: default\ntitle: Two\n---\nSecond post.\n",
	// A page shows a post's final output, which a first build has already
	// written and dropped by then.
	"outputs.html": "---\n---\n{% for p in site.posts %}[{{ p.output | strip }}]{% endfor %}\n",
	// Posts show each other's raw content while posts render, when the
	// first ones written have already let go of their bodies.
	"_layouts/post.html":         "---\nlayout: default\n---\n{{ content }}{% for p in site.posts %}({{ p.content | strip }}){% endfor %}\n",
	"_posts/2024-01-04-three.md": "---\nlayout: post\ntitle: Three\n---\nThird _post_.\n",
	"_posts/2024-01-05-four.md":  "---\nlayout: post\ntitle: Four\n---\nFourth.\n",
	"assets/a.txt":               "static\n",
}

func buildInto(t *testing.T, src, dest string) *Site {
	t.Helper()
	s, err := Build(Options{Source: src, Destination: dest, Log: io.Discard,
		Time: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func readTree(t *testing.T, root string) map[string]string {
	t.Helper()
	tree := map[string]string{}
	filepath.WalkDir(root, func(p string, de os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if !de.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(root, p)
			tree[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	return tree
}

// A first build writes each page as it is rendered and keeps none of them in
// memory; it makes the same files as a rebuild into an existing folder.
func TestFirstBuildStreams(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	writeFiles(t, src, streamSite)
	fresh := filepath.Join(dir, "fresh", "site") // the parent does not exist either
	s := buildInto(t, src, fresh)
	for _, d := range s.Posts.Docs {
		if !d.Streamed || d.Output != nil || d.Body != "" {
			t.Errorf("%s: streamed %v, %d bytes of output and %d of source held", d.RelPath, d.Streamed, len(d.Output), len(d.Body))
		}
	}
	existing := filepath.Join(dir, "existing")
	writeFiles(t, existing, map[string]string{"old.html": "gone\n"})
	s2 := buildInto(t, src, existing)
	for _, d := range s2.Posts.Docs {
		if d.Streamed {
			t.Errorf("%s: streamed into a folder that had files", d.RelPath)
		}
	}
	a, b := readTree(t, fresh), readTree(t, existing)
	if len(a) != len(b) || len(a) != 6 {
		t.Fatalf("first build wrote %v, rebuild %v", keysOf(a), keysOf(b))
	}
	for k, v := range a {
		if b[k] != v {
			t.Errorf("%s differs:\nfirst build: %q\nrebuild:     %q", k, v, b[k])
		}
	}
	if got := a["outputs/index.html"]; !strings.Contains(got, "[<main><p>Second post.</p>\n</main>]") ||
		!strings.Contains(got, "<em>post</em>") {
		t.Errorf("post.output in a page of a first build: %q", got)
	}
	if got := a["2024/01/05/four/index.html"]; !strings.Contains(got, "(Third _post_.)") || !strings.Contains(got, "(First *post*.)") {
		t.Errorf("a post showing the others' raw content: %q", got)
	}
	// An empty destination (a mount point, say) is filled in place.
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	s3 := buildInto(t, src, empty)
	if !s3.Posts.Docs[0].Streamed {
		t.Error("a build into an empty folder did not stream")
	}
	if c := readTree(t, empty); len(c) != len(a) || c["outputs/index.html"] != a["outputs/index.html"] {
		t.Errorf("a build into an empty folder wrote %v", keysOf(c))
	}
	entries, _ := os.ReadDir(filepath.Dir(fresh))
	if len(entries) != 1 {
		t.Errorf("staging folder left beside the output: %v", entries)
	}
}

// A first build that fails leaves neither the destination nor its staging
// folder behind.
func TestFailedFirstBuildLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	files := map[string]string{"broken.html": "---\n---\n{% if x %}never closed\n"}
	for k, v := range streamSite {
		files[k] = v
	}
	writeFiles(t, src, files)
	dest := filepath.Join(dir, "out")
	if _, err := Build(Options{Source: src, Destination: dest, Log: io.Discard}); err == nil {
		t.Fatal("a broken page built")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("a failed build left %v", entries)
	}
}

func keysOf(m map[string]string) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

// A body a plugin rewrote is not the file's: it must be kept, not read again.
func TestBodyFromSource(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, streamSite)
	s, err := Read(Options{Source: dir, Destination: filepath.Join(dir, "_site"), Log: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	d := s.Posts.Docs[0]
	if !d.BodyFromSource() {
		t.Fatalf("%s: a body as read is not from its source", d.RelPath)
	}
	d.Body = strings.Replace(d.Body, "post", "Post", 1)
	if d.BodyFromSource() {
		t.Errorf("%s: a rewritten body counts as the file's", d.RelPath)
	}
}
