package bench

import (
	"io"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/broadsheet-ssg/broadsheet/bench/gen"
	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins"
)

// BenchmarkBuildNews builds the generated news site into a fresh folder each
// time, as scripts/bench does:
//
//	go test -run '^$' -bench BuildNews/posts=1000 -cpuprofile cpu.out ./bench/
func BenchmarkBuildNews(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run("posts="+strconv.Itoa(n), func(b *testing.B) {
			src := filepath.Join(b.TempDir(), "site")
			if err := gen.Write(src, gen.Options{Posts: n}); err != nil {
				b.Fatal(err)
			}
			pinned := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			i := 0
			for b.Loop() {
				i++
				dest := filepath.Join(b.TempDir(), "out"+strconv.Itoa(i))
				_, err := build.Build(build.Options{
					Source: src, Destination: dest, Time: pinned,
					Log: io.Discard, Plugins: plugins.All(),
				})
				if err != nil {
					b.Fatalf("the generated site does not build: %v", err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "posts/s")
		})
	}
}
