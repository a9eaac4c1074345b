package build_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"

	"github.com/broadsheet-ssg/broadsheet/bench/gen"
	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins"
)

// BenchmarkRebuildBodyEdit is one incremental rebuild after a post's body
// changed, on a generated news site (BROADSHEET_BENCH_POSTS posts, 1,000
// by default), without the watcher or the server.
func BenchmarkRebuildBodyEdit(b *testing.B) {
	n := 1000
	if v := os.Getenv("BROADSHEET_BENCH_POSTS"); v != "" {
		n, _ = strconv.Atoi(v)
	}
	src := filepath.Join(b.TempDir(), "site")
	if err := gen.Write(src, gen.Options{Posts: n}); err != nil {
		b.Fatal(err)
	}
	bl := build.NewBuilder(build.Options{Source: src, Destination: filepath.Join(src, "_site"), Log: io.Discard, Plugins: plugins.All()})
	if _, err := bl.Build(); err != nil {
		b.Fatal(err)
	}
	posts, _ := filepath.Glob(filepath.Join(src, "_posts", "*.md"))
	sort.Strings(posts)
	post := posts[len(posts)/2]
	orig, _ := os.ReadFile(post)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		os.WriteFile(post, append(append([]byte(nil), orig...), fmt.Sprintf("\nEdit %d.\n", i)...), 0o644)
		if _, err := bl.Rebuild([]string{post}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTrackedBuild is the first build of a dev server: a full build
// that records what every page reads.
func BenchmarkTrackedBuild(b *testing.B) {
	n := 1000
	if v := os.Getenv("BROADSHEET_BENCH_POSTS"); v != "" {
		n, _ = strconv.Atoi(v)
	}
	src := filepath.Join(b.TempDir(), "site")
	if err := gen.Write(src, gen.Options{Posts: n}); err != nil {
		b.Fatal(err)
	}
	opts := build.Options{Source: src, Destination: filepath.Join(src, "_site"), Log: io.Discard, Plugins: plugins.All()}
	b.Run("tracked", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := build.NewBuilder(opts).Build(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("plain", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := build.Build(opts); err != nil {
				b.Fatal(err)
			}
		}
	})
}
