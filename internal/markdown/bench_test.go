package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

func corpusSources(b *testing.B) ([]string, int) {
	var srcs []string
	n := 0
	for _, c := range readCorpus(b) {
		if c.kind == "case" {
			srcs = append(srcs, c.body)
			n += len(c.body)
		}
	}
	return srcs, n
}

// BenchmarkKramdown converts the whole corpus with Jekyll's defaults.
func BenchmarkKramdown(b *testing.B) {
	srcs, n := corpusSources(b)
	c := New([]string{"md"})
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range srcs {
			if _, err := c.Convert(s); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkGoldmark converts the same corpus with plain goldmark (GFM
// extensions), the throughput the issue compares against.
func BenchmarkGoldmark(b *testing.B) {
	srcs, n := corpusSources(b)
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	var buf bytes.Buffer
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range srcs {
			buf.Reset()
			if err := md.Convert([]byte(s), &buf); err != nil {
				b.Fatal(err)
			}
		}
	}
}
