// Command benchrun times Broadsheet, Hugo and Jekyll on generated news sites
// (bench/gen) and prints a Markdown table of wall time, CPU time, peak RSS
// and pages per second, with the ratios Broadsheet/Hugo and
// Jekyll/Broadsheet. scripts/bench builds Broadsheet and runs it; see
// docs/benchmarks.md.
//
// Every build is a cold build into a new destination folder (Jekyll's
// .jekyll-cache is removed too), timed by GNU time (/usr/bin/time -f). The
// outputs are removed only after all runs of a size: on the ext4 disks here
// (mounted with discard) creating files right after a large tree was deleted
// costs several times as much kernel time, for seconds afterwards, which
// would land on whichever tool runs next. The
// tools take turns within each run, in a rotating order, so a slow phase of
// the machine does not land on one tool. A build that fails, or that lacks
// pages the site must have, is reported as failed, never timed.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/broadsheet-ssg/broadsheet/bench/gen"
)

type tool struct {
	name    string // broadsheet, hugo, jekyll
	bin     string
	version string
	flavour gen.Flavour
	note    string // what was measured, for the table's footnotes
	failure string // set when the tool cannot run at all
}

type result struct {
	ok        bool
	wall, cpu float64 // seconds
	rss       float64 // MiB
	pages     int
	failure   string
}

type config struct {
	sizes      []int
	runs       int
	tools      []string
	jekyllMax  int
	work       string
	broadsheet string
	bsError    string
	bsRev      string
	jekyllBin  string
	hugoBin    string
	seed       string
	timeout    time.Duration
	timeBin    string
	out        string // folder for the builds' outputs, or "" for the site's parent
	jekyllFix  bool   // give Jekyll 4.3.1 the upstream 4.3.2 fix of its file scan
}

func main() {
	var c config
	var sizes, tools string
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.StringVar(&sizes, "sizes", "1000,10000", "site sizes in posts, comma-separated")
	fs.IntVar(&c.runs, "runs", 3, "timed runs per tool and size (the table shows medians)")
	fs.StringVar(&tools, "tools", "broadsheet,hugo,jekyll", "tools to time, when installed")
	fs.IntVar(&c.jekyllMax, "jekyll-max", 1000, "skip Jekyll above this many posts (0: never skip); Debian's Jekyll 4.3.1 scans files in O(n^2)")
	fs.StringVar(&c.work, "work", filepath.Join(os.TempDir(), "broadsheet-bench"), "folder for the generated sites and their outputs (reused between runs)")
	fs.StringVar(&c.broadsheet, "broadsheet", "", "the broadsheet binary (scripts/bench builds it)")
	fs.StringVar(&c.bsError, "broadsheet-error", "", "why there is no broadsheet binary (reported as a failed build)")
	fs.StringVar(&c.bsRev, "broadsheet-rev", "", "the git revision the binary was built from")
	fs.StringVar(&c.jekyllBin, "jekyll", "jekyll", "the jekyll command to time (e.g. a 4.3.2 or later with the file scan fixed)")
	fs.StringVar(&c.hugoBin, "hugo", "hugo", "the hugo command to time")
	fs.StringVar(&c.seed, "seed", "1", "generator seed")
	fs.DurationVar(&c.timeout, "timeout", 30*time.Minute, "give up on one build after this long")
	fs.StringVar(&c.timeBin, "time", "/usr/bin/time", "GNU time (Debian package time)")
	fs.StringVar(&c.out, "out", "", "folder for the outputs (default: beside the sites in --work); e.g. /dev/shm to leave the disk out")
	fs.BoolVar(&c.jekyllFix, "jekyll-fix", false, "time Jekyll 4.3.1 with the upstream 4.3.2 fix of its O(n^2) file scan, loaded as a plugin of the site")
	if err := fs.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	for _, s := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			fmt.Fprintf(os.Stderr, "bench: bad size %q\n", s)
			os.Exit(2)
		}
		c.sizes = append(c.sizes, n)
	}
	for _, t := range strings.Split(tools, ",") {
		t = strings.TrimSpace(t)
		switch t {
		case "broadsheet", "hugo", "jekyll":
			c.tools = append(c.tools, t)
		default:
			fmt.Fprintf(os.Stderr, "bench: unknown tool %q (broadsheet, hugo, jekyll)\n", t)
			os.Exit(2)
		}
	}
	if c.runs < 1 {
		fmt.Fprintln(os.Stderr, "bench: --runs must be at least 1")
		os.Exit(2)
	}
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(c config) error {
	if _, err := os.Stat(c.timeBin); err != nil {
		return fmt.Errorf("%s not found: install Debian's time package (apt-get install time)", c.timeBin)
	}
	var tools []*tool
	for _, name := range c.tools {
		t, why := findTool(name, c)
		if t == nil {
			fmt.Fprintf(os.Stderr, "bench: skipping %s: %s\n", name, why)
			continue
		}
		tools = append(tools, t)
	}
	if len(tools) == 0 {
		return errors.New("no tool to time")
	}
	fmt.Printf("Machine: %s, %d cores, %s; load average %s. %d runs each, medians; cold builds, each into a new folder.\n\n",
		cpuModel(), runtime.NumCPU(), memTotal(), loadAvg(), c.runs)
	for _, t := range tools {
		fmt.Printf("- %s: %s%s\n", t.name, t.version, t.note)
	}
	fmt.Println()

	for _, n := range c.sizes {
		results := map[string][]result{}
		var timed []*tool
		skipped := map[string]string{}
		for _, t := range tools {
			if t.name == "jekyll" && c.jekyllMax > 0 && n > c.jekyllMax {
				skipped[t.name] = fmt.Sprintf("skipped above %d posts (--jekyll-max)", c.jekyllMax)
				continue
			}
			timed = append(timed, t)
		}
		sites := map[gen.Flavour]string{}
		for _, t := range timed {
			if _, ok := sites[t.flavour]; ok {
				continue
			}
			dir, err := site(c, n, t.flavour)
			if err != nil {
				return err
			}
			sites[t.flavour] = dir
		}
		failed := map[string]bool{}
		for r := 0; r < c.runs; r++ {
			for k := range timed {
				t := timed[(k+r)%len(timed)]
				if failed[t.name] {
					// A failed build fails the same way again; spare the time.
					continue
				}
				res := build(c, t, sites[t.flavour], n, r)
				status := fmt.Sprintf("%.2fs wall, %.2fs CPU, %.0f MiB, %d pages", res.wall, res.cpu, res.rss, res.pages)
				if !res.ok {
					status = "FAILED: " + res.failure
				}
				fmt.Fprintf(os.Stderr, "bench: %d posts, run %d/%d, %s: %s\n", n, r+1, c.runs, t.name, status)
				results[t.name] = append(results[t.name], res)
				failed[t.name] = !res.ok
			}
		}
		for _, t := range timed {
			for r := 0; r < c.runs; r++ {
				os.RemoveAll(destFor(c, t, sites[t.flavour], r))
			}
		}
		printTable(n, tools, results, skipped)
		fmt.Printf("Load average after: %s\n\n", loadAvg())
	}
	return nil
}

func findTool(name string, c config) (*tool, string) {
	t := &tool{name: name}
	switch name {
	case "broadsheet":
		if c.bsError != "" {
			t.failure = c.bsError
			t.version = "did not compile"
			break
		}
		if c.broadsheet == "" {
			return nil, "no --broadsheet binary given"
		}
		t.bin = c.broadsheet
		t.version = firstLine(output(t.bin, "version"))
		if c.bsRev != "" {
			t.version += " (git " + c.bsRev + ")"
		}
	case "hugo":
		bin, err := exec.LookPath(c.hugoBin)
		if err != nil {
			return nil, "not installed (apt-get install hugo)"
		}
		t.bin, t.flavour = bin, gen.Hugo
		t.version = firstLine(output(bin, "version"))
	case "jekyll":
		bin, err := exec.LookPath(c.jekyllBin)
		if err != nil {
			return nil, "not installed (apt-get install jekyll ruby-jekyll-feed ruby-jekyll-sitemap ruby-jekyll-seo-tag ruby-jekyll-paginate)"
		}
		t.bin = bin
		t.version = firstLine(output(bin, "--version"))
		if deb := firstLine(output("dpkg-query", "-W", "-f", "${Version}", "jekyll")); bin == "/usr/bin/jekyll" && deb != "" {
			t.version += ", Debian package " + deb
			if strings.HasPrefix(deb, "4.3.1") && c.jekyllFix {
				t.note = " with the upstream 4.3.2 fix of its O(n^2) file scan (Site#each_site_file, jekyll/jekyll#9187) loaded as a site plugin (--jekyll-fix)"
			} else if strings.HasPrefix(deb, "4.3.1") {
				t.note = " (without the upstream 4.3.2 fix: its file scan is O(n^2), minutes at 10,000 posts)"
			}
		}
	}
	return t, ""
}

func output(name string, args ...string) string {
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		return ""
	}
	return string(out)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// site returns the generated site for n posts, writing it unless the one
// already there came from the same generator, size and seed.
func site(c config, n int, f gen.Flavour) (string, error) {
	dir := filepath.Join(c.work, fmt.Sprintf("news-%d", n), f.String())
	o := gen.Options{Posts: n, Seed: c.seed, Flavour: f, Force: true}
	if b, err := os.ReadFile(filepath.Join(dir, gen.MarkerFile)); err == nil && string(b) == gen.Marker(o) {
		return dir, nil
	}
	fmt.Fprintf(os.Stderr, "bench: generating the %d-post %s site in %s\n", n, f, dir)
	if err := gen.Write(dir, o); err != nil {
		return "", err
	}
	return dir, nil
}

// destFor is the output folder of run r of a tool.
func destFor(c config, t *tool, src string, r int) string {
	parent := filepath.Dir(src)
	if c.out != "" {
		parent = filepath.Join(c.out, filepath.Base(parent))
	}
	return filepath.Join(parent, fmt.Sprintf("out-%s-%d", t.name, r+1))
}

func build(c config, t *tool, src string, n, run int) result {
	if t.failure != "" {
		return result{failure: t.failure}
	}
	parent := filepath.Dir(src)
	dest := destFor(c, t, src, run)
	if err := os.RemoveAll(dest); err != nil { // left by an earlier benchmark
		return result{failure: err.Error()}
	}
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return result{failure: err.Error()}
	}
	if t.name == "jekyll" {
		if err := jekyllFix(src, c.jekyllFix); err != nil {
			return result{failure: err.Error()}
		}
		defer jekyllFix(src, false) // the other tools read the same folder
	}
	os.RemoveAll(filepath.Join(src, ".jekyll-cache"))
	os.RemoveAll(filepath.Join(src, "resources"))
	var args []string
	switch t.name {
	case "broadsheet":
		args = []string{t.bin, "build", "-q", "-s", src, "-d", dest}
	case "jekyll":
		args = []string{t.bin, "build", "-q", "-s", src, "-d", dest}
	case "hugo":
		args = []string{t.bin, "--quiet", "-s", src, "-d", dest}
	}
	timeFile := filepath.Join(parent, "time-"+t.name+".txt")
	ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, c.timeBin, append([]string{"-f", "%e %U %S %M", "-o", timeFile}, args...)...)
	// No Gemfile in the working folder: Jekyll would try Bundler.
	cmd.Dir = parent
	cmd.Env = append(os.Environ(), "JEKYLL_NO_BUNDLER_REQUIRE=true")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	var stderr bytes.Buffer
	cmd.Stdout = &stderr
	cmd.Stderr = &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		return result{failure: fmt.Sprintf("timed out after %s", c.timeout)}
	}
	if err != nil {
		return result{failure: fmt.Sprintf("%v: %s", err, summary(stderr.String()))}
	}
	res, err := parseTime(timeFile)
	if err != nil {
		return result{failure: err.Error()}
	}
	res.pages = countPages(dest)
	if missing := missingPages(dest, n); len(missing) > 0 {
		res.failure = "built, but without " + strings.Join(missing, ", ")
		return res
	}
	res.ok = true
	return res
}

// jekyll432Fix is what Jekyll 4.3.2 changed in Site#each_site_file
// (jekyll/jekyll#9187, backported in #9256): 4.3.1 checks every file against
// an Array of the files already written, which is O(n^2) in the site's size.
// Loaded from the site's _plugins (safe mode off), it lets Debian's 4.3.1 be
// timed as 4.3.2 would run. Written for this benchmark.
const jekyll432Fix = `# Benchmark only: Jekyll 4.3.2's Site#each_site_file on Jekyll 4.3.1.
module Jekyll
  class Site
    def each_site_file
      seen = {}.compare_by_identity
      %w(pages static_files_to_write docs_to_write).each do |type|
        send(type).each do |item|
          next if seen.key?(item)

          seen[item] = true
          yield item
        end
      end
    end
  end
end
`

// jekyllFix adds or removes the backported fix in the Jekyll site.
func jekyllFix(src string, on bool) error {
	p := filepath.Join(src, "_plugins", "bench-jekyll-4.3.2-each-site-file.rb")
	if !on {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(jekyll432Fix), 0o644)
}

// summary keeps the first lines of a tool's error output.
func summary(s string) string {
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "from ") {
			lines = append(lines, l)
		}
		if len(lines) == 3 {
			break
		}
	}
	return strings.Join(lines, " | ")
}

func parseTime(name string) (result, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return result{}, err
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	f := strings.Fields(lines[len(lines)-1])
	if len(f) != 4 {
		return result{}, fmt.Errorf("unexpected GNU time output %q", b)
	}
	var v [4]float64
	for i, s := range f {
		if v[i], err = strconv.ParseFloat(s, 64); err != nil {
			return result{}, fmt.Errorf("unexpected GNU time output %q", b)
		}
	}
	return result{wall: v[0], cpu: v[1] + v[2], rss: v[3] / 1024}, nil
}

func countPages(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			n++
		}
		return nil
	})
	return n
}

// missingPages names pages every tool must write for the generated site,
// so a build that silently skips a plugin is not timed as a success.
func missingPages(dir string, posts int) []string {
	var missing []string
	for _, p := range []string{"index.html", "archive/index.html", "categories/index.html", "tags/index.html", "categories/news/index.html", "feed.xml", "sitemap.xml"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			missing = append(missing, p)
		}
	}
	if posts > 10 {
		if _, err := os.Stat(filepath.Join(dir, "page", "2", "index.html")); err != nil {
			missing = append(missing, "page/2/index.html (pagination)")
		}
	}
	if got := countPages(dir); got < posts {
		missing = append(missing, fmt.Sprintf("posts (%d pages for %d posts)", got, posts))
	}
	return missing
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

type summaryRow struct {
	ok             bool
	wall, cpu, rss float64
	pages          int
}

func summarise(rs []result) (summaryRow, string) {
	var w, c, m []float64
	pages := 0
	for _, r := range rs {
		if !r.ok {
			return summaryRow{}, r.failure
		}
		w, c, m = append(w, r.wall), append(c, r.cpu), append(m, r.rss)
		pages = r.pages
	}
	if len(w) == 0 {
		return summaryRow{}, "not run"
	}
	return summaryRow{true, median(w), median(c), median(m), pages}, ""
}

func printTable(n int, tools []*tool, results map[string][]result, skipped map[string]string) {
	fmt.Printf("### %s posts\n\n", group(n))
	fmt.Println("| tool | wall | CPU | peak RSS | pages | pages/s |")
	fmt.Println("|---|---:|---:|---:|---:|---:|")
	rows := map[string]summaryRow{}
	for _, t := range tools {
		if why, ok := skipped[t.name]; ok {
			fmt.Printf("| %s | %s | | | | |\n", t.name, why)
			continue
		}
		row, failure := summarise(results[t.name])
		if !row.ok {
			fmt.Printf("| %s | **FAILED**: %s | | | | |\n", t.name, strings.ReplaceAll(failure, "|", "/"))
			continue
		}
		rows[t.name] = row
		fmt.Printf("| %s | %.2f s | %.2f s | %.0f MiB | %d | %.0f |\n", t.name, row.wall, row.cpu, row.rss, row.pages, float64(row.pages)/row.wall)
	}
	fmt.Println()
	var ratios []string
	b, hasB := rows["broadsheet"]
	if h, ok := rows["hugo"]; ok && hasB {
		ratios = append(ratios, fmt.Sprintf("Broadsheet/Hugo: wall %.2fx, CPU %.2fx, peak RSS %.2fx.", b.wall/h.wall, b.cpu/h.cpu, b.rss/h.rss))
	}
	if j, ok := rows["jekyll"]; ok && hasB {
		ratios = append(ratios, fmt.Sprintf("Jekyll/Broadsheet: wall %.1fx, CPU %.1fx.", j.wall/b.wall, j.cpu/b.cpu))
	}
	if len(ratios) > 0 {
		fmt.Printf("%s\n\n", strings.Join(ratios, " "))
	}
}

func group(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func cpuModel() string {
	b, _ := os.ReadFile("/proc/cpuinfo")
	for _, l := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

func memTotal() string {
	b, _ := os.ReadFile("/proc/meminfo")
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "MemTotal:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return fmt.Sprintf("%.0f GiB RAM", kb/1024/1024)
		}
	}
	return "unknown RAM"
}

// loadAvg is the 1, 5 and 15 minute load: other work on the machine slows
// wall times (CPU times much less), so the table records it.
func loadAvg() string {
	b, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}
