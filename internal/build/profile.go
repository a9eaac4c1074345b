package build

import (
	"fmt"
	"io"
	"sort"
	"sync"
	"time"
)

// profiler collects, when `build --profile` asks for it, how often each
// template file (page, layout or include) was rendered, how many bytes it
// gave and how long it took, as Jekyll's --profile table does. A render's
// time includes the templates it calls.
type profiler struct {
	mu    sync.Mutex
	stats map[string]*templateStat
}

type templateStat struct {
	count int
	bytes int
	dur   time.Duration
}

func (p *profiler) add(name string, n int, d time.Duration) {
	if p == nil {
		return
	}
	p.mu.Lock()
	st := p.stats[name]
	if st == nil {
		st = &templateStat{}
		p.stats[name] = st
	}
	st.count++
	st.bytes += n
	st.dur += d
	p.mu.Unlock()
}

// WriteProfile prints the slowest templates, at most limit rows, as a table.
func (s *Site) WriteProfile(w io.Writer, limit int) {
	p := s.profile
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	names := make([]string, 0, len(p.stats))
	for n := range p.stats {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := p.stats[names[i]], p.stats[names[j]]
		if a.dur != b.dur {
			return a.dur > b.dur
		}
		return names[i] < names[j]
	})
	if len(names) > limit {
		names = names[:limit]
	}
	width := len("Filename")
	for _, n := range names {
		if len(n) > width {
			width = len(n)
		}
	}
	fmt.Fprintf(w, "\n%-*s | %7s | %10s | %8s\n", width, "Filename", "Count", "Bytes", "Time")
	fmt.Fprintf(w, "%s-+-%s-+-%s-+-%s\n", dashes(width), dashes(7), dashes(10), dashes(8))
	for _, n := range names {
		st := p.stats[n]
		fmt.Fprintf(w, "%-*s | %7d | %9.2fK | %7.3fs\n", width, n, st.count, float64(st.bytes)/1024, st.dur.Seconds())
	}
	fmt.Fprintln(w)
}

func dashes(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = '-'
	}
	return string(b)
}
