package gen

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestRealTools builds a small generated site with Debian's Jekyll and Hugo
// and checks both build cleanly and write the same set of files. It needs
// both tools and takes a few seconds, so it runs only when asked:
//
//	BENCH_REAL_TOOLS=1 go test ./bench/gen -run RealTools
func TestRealTools(t *testing.T) {
	if os.Getenv("BENCH_REAL_TOOLS") == "" {
		t.Skip("set BENCH_REAL_TOOLS=1 to build with real Jekyll and Hugo")
	}
	for _, tool := range []string{"jekyll", "hugo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	root := t.TempDir()
	outputs := map[string][]string{}
	for _, f := range []Flavour{Jekyll, Hugo} {
		src := filepath.Join(root, f.String())
		if err := Write(src, Options{Posts: 40, Flavour: f}); err != nil {
			t.Fatal(err)
		}
		dest := filepath.Join(root, f.String()+"-out")
		var cmd *exec.Cmd
		if f == Jekyll {
			cmd = exec.Command("jekyll", "build", "-s", src, "-d", dest)
			cmd.Env = append(os.Environ(), "JEKYLL_NO_BUNDLER_REQUIRE=true")
		} else {
			cmd = exec.Command("hugo", "-s", src, "-d", dest)
		}
		cmd.Dir = root // no Gemfile here
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", f, err, out)
		}
		if s := string(out); strings.Contains(s, "Warning") || strings.Contains(s, "WARN") {
			t.Errorf("%s warned:\n%s", f, s)
		}
		for name := range readTree(t, dest) {
			outputs[f.String()] = append(outputs[f.String()], name)
		}
		slices.Sort(outputs[f.String()])
	}
	// Hugo always writes a /page/1/ redirect to the home page.
	h := slices.DeleteFunc(outputs["hugo"], func(s string) bool { return s == "page/1/index.html" })
	if !slices.Equal(outputs["jekyll"], h) {
		t.Errorf("Jekyll and Hugo wrote different files:\njekyll: %v\nhugo:   %v", outputs["jekyll"], h)
	}
	if len(h) < 40+4+5 {
		t.Errorf("only %d files", len(h))
	}
}
