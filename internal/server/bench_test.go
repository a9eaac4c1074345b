package server

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet-ssg/broadsheet/bench/gen"
	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/plugins"
)

// BenchmarkEditToServed measures, on a generated news site (10,000 posts;
// BROADSHEET_SERVE_BENCH_POSTS sets another size), the time from saving an
// edit of a post to the rebuilt page being served by a running dev server:
// through the file watcher, its debounce, the incremental rebuild and the
// HTTP server. Edits are made to a post in the middle of the site; the
// newest posts are listed on every post page ("More stories"), so a title
// edit of one of them is measured too, as the worst case.
//
//	go test ./internal/server -run '^$' -bench EditToServed -benchtime 10x
func BenchmarkEditToServed(b *testing.B) {
	n := 10000
	if v := os.Getenv("BROADSHEET_SERVE_BENCH_POSTS"); v != "" {
		n, _ = strconv.Atoi(v)
	}
	src := filepath.Join(b.TempDir(), "site")
	if err := gen.Write(src, gen.Options{Posts: n}); err != nil {
		b.Fatal(err)
	}
	rebuilt := make(chan *build.Result, 1)
	start := time.Now()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Config{
			Build: build.Options{Source: src, Destination: filepath.Join(src, "_site"), Log: io.Discard, Plugins: plugins.All(),
				Overrides: map[string]any{"serving": true}},
			Serve: true, Port: -1, LiveReload: true, Watch: true, Quiet: true,
			Ready: func(url string) { ready <- url },
			Rebuilt: func(res *build.Result, err error) {
				if err != nil {
					b.Error(err)
				}
				select {
				case rebuilt <- res:
				default:
				}
			},
		})
	}()
	defer func() {
		cancel()
		<-done
	}()
	first := <-rebuilt
	url := <-ready
	b.Logf("%d posts: first build (recording every page's inputs) %.2fs, %d rendered", n, time.Since(start).Seconds(), first.Rendered)

	posts, _ := filepath.Glob(filepath.Join(src, "_posts", "*.md"))
	sort.Strings(posts)
	middle, newest := posts[len(posts)/2], posts[len(posts)-1]
	pageOf := func(post string) string {
		for _, d := range first.Site.Posts.Docs {
			if d.Path == post {
				return url + strings.TrimPrefix(d.URL, "/")
			}
		}
		b.Fatalf("no page for %s", post)
		return ""
	}

	edit := func(b *testing.B, post, page string, change func(src []byte, i int) ([]byte, string)) {
		orig, err := os.ReadFile(post)
		if err != nil {
			b.Fatal(err)
		}
		defer func() {
			os.WriteFile(post, orig, 0o644)
			<-rebuilt
		}()
		var rendered, total time.Duration
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			body, want := change(orig, i)
			t0 := time.Now()
			if err := os.WriteFile(post, body, 0o644); err != nil {
				b.Fatal(err)
			}
			res := <-rebuilt
			_, got := get(b, page)
			total += time.Since(t0)
			rendered += time.Duration(res.Rendered)
			if !strings.Contains(got, want) {
				b.Fatalf("%s does not show %q", page, want)
			}
		}
		b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/edit")
		b.ReportMetric(float64(rendered)/float64(b.N), "rendered/edit")
	}
	body := func(src []byte, i int) ([]byte, string) {
		marker := fmt.Sprintf("Edited paragraph number %d.", i)
		return append(append([]byte(nil), src...), "\n"+marker+"\n"...), marker
	}
	title := func(src []byte, i int) ([]byte, string) {
		marker := fmt.Sprintf("Retitled %d", i)
		s := string(src)
		j := strings.Index(s, "\ntitle: ")
		k := strings.Index(s[j+1:], "\n") + j + 1
		return []byte(s[:j] + "\ntitle: \"" + marker + "\"" + s[k:]), marker
	}
	b.Run("body", func(b *testing.B) { edit(b, middle, pageOf(middle), body) })
	b.Run("title", func(b *testing.B) { edit(b, middle, url+"archive/", title) })
	b.Run("title-newest", func(b *testing.B) { edit(b, newest, url, title) })
}
