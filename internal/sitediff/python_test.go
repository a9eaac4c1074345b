package sitediff

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// The Python tool in ../shared/tools is what CI and people run by hand; these
// tests check that this package agrees with it, token for token and verdict
// for verdict. They skip where the tool or python3 is not installed.

func pythonTool(t *testing.T) string {
	t.Helper()
	tool, err := filepath.Abs("../../../shared/tools/sitediff")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(tool); err != nil {
		t.Skip("../shared/tools/sitediff not found")
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not installed")
	}
	return tool
}

// pythonNormalise runs the tool's normalise() on each file and returns the
// units it produced, for files that are not compared as bytes.
const pythonNormalise = `
import importlib.machinery, importlib.util, json, sys
loader = importlib.machinery.SourceFileLoader("sitediff", sys.argv[1])
spec = importlib.util.spec_from_loader("sitediff", loader)
mod = importlib.util.module_from_spec(spec)
loader.exec_module(mod)
print(json.dumps([mod.normalise(p) for p in sys.argv[2:]]))
`

func TestNormalizeAgreesWithPython(t *testing.T) {
	tool := pythonTool(t)
	dir := t.TempDir()
	inputs := map[string]string{
		"table.html": `<DIV Class="a" ID=x>t</DIV><p>` + "\n  a   b\n" + `</p><pre><code>a` + "\n" + `  b</code></pre>`,
		"refs.html":  `<p title="&quot;q&#39; &amp">&eacute;&#233;&#xE9; &amp; &lt; &nbsp;x &copy &#0; &#x80;</p>`,
		"raw.html":   "<script>if (a < b && c) { x = '</p>'; }</script><style>p > a { }</style><textarea> &amp; x\n</textarea>",
		"void.html":  `<br/><img src=a.png><hr /><div/>x</br>y<input disabled type=checkbox checked=checked>`,
		"decl.xml":   "<?xml version=\"1.0\"?><!DOCTYPE  HTML><!--  a\n b --><![CDATA[x <b> y]]><feed><updated>2024-06-01T12:00:00+00:00</updated></feed>",
		"odd.html":   "a < b <3 <!weird> </3> </> </b junk> <a href='x'title=\"y\">z</a> <p a==b c= d>e",
		"gen.html":   `<meta name="generator" content="Jekyll v4.3.1"><p>Made with jekyll and Broadsheet 0.1 <!-- jekyll --></p>`,
		"s.css":      "a {\n  color: red;\n}\n\n/* 2024-06-01T12:00:00Z */\n",
		"d.json":     "{\n \"a\": 1,\r\n \"t\": \"2024-06-01T12:00:00Z\"\r}\n\n",
		"u.txt":      "one\u2028two\x1cthree\n",
	}
	var names []string
	for n := range inputs {
		names = append(names, n)
	}
	sort.Strings(names)
	// Every markup, CSS and text file of the goldens too.
	goldens, _ := filepath.Glob("../../testdata/sites/*.jekyll")
	var files []string
	for _, n := range names {
		p := filepath.Join(dir, n)
		if err := os.WriteFile(p, []byte(inputs[n]), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	for _, g := range goldens {
		filepath.WalkDir(g, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && KindOf(p) != Binary {
				files = append(files, p)
			}
			return nil
		})
	}
	out, err := exec.Command("python3", append([]string{"-c", pythonNormalise, tool}, files...)...).Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("python: %v\n%s", err, stderr)
	}
	var want [][]string
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	for i, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		got := Normalize(p, data)
		if len(got) == 0 && len(want[i]) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("%s:\n  go     %q\n  python %q", p, got, want[i])
		}
	}
}

// TestCompareAgreesWithPython perturbs a copy of a couple of goldens in ways
// that should and should not matter, and checks that both tools give each
// file the same verdict.
func TestCompareAgreesWithPython(t *testing.T) {
	tool := pythonTool(t)
	for _, name := range []string{"config-defaults", "news"} {
		golden := filepath.Join("../../testdata/sites", name+".jekyll")
		if _, err := os.Stat(golden); err != nil {
			continue
		}
		t.Run(name, func(t *testing.T) {
			actual := filepath.Join(t.TempDir(), "site")
			if err := os.CopyFS(actual, os.DirFS(golden)); err != nil {
				t.Fatal(err)
			}
			perturb(t, actual)
			r, err := Compare(golden, actual)
			if err != nil {
				t.Fatal(err)
			}
			verdicts := filepath.Join(t.TempDir(), "v.json")
			cmd := exec.Command("python3", tool, golden, actual, "--json", verdicts)
			cmdOut, _ := cmd.CombinedOutput() // exit 1 is expected: files differ
			var py struct{ Same, Differ, Missing, Extra []string }
			b, err := os.ReadFile(verdicts)
			if err != nil {
				t.Fatalf("python tool: %v\n%s", err, cmdOut)
			}
			if err := json.Unmarshal(b, &py); err != nil {
				t.Fatal(err)
			}
			var differ []string
			for _, d := range r.Differ {
				differ = append(differ, d.Path)
			}
			if len(py.Same) != r.Matched || !reflect.DeepEqual(py.Differ, differ) ||
				!reflect.DeepEqual(py.Missing, r.Missing) || !reflect.DeepEqual(py.Extra, r.Extra) {
				t.Errorf("verdicts differ\ngo:\n%s\npython:\n%s", r, cmdOut)
			}
			// The summary line is the same text.
			pyLines := strings.Split(strings.TrimSpace(string(cmdOut)), "\n")
			goLines := strings.Split(r.String(), "\n")
			if pyLines[len(pyLines)-1] != goLines[len(goLines)-1] {
				t.Errorf("summary: go %q, python %q", goLines[len(goLines)-1], pyLines[len(pyLines)-1])
			}
			if r.Matched == 0 || len(r.Differ) == 0 {
				t.Errorf("perturbation should leave some files equal and make some differ: %s", r)
			}
		})
	}
}

// perturb edits a built site: some changes are invisible after normalisation
// (re-indenting HTML, attribute order, CRLF in text), others are real (a
// changed word, a removed file, an added file).
func perturb(t *testing.T, root string) {
	t.Helper()
	n := 0
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		s := string(b)
		switch KindOf(p) {
		case Markup:
			n++
			switch n % 3 {
			case 0: // invisible
				s = strings.ReplaceAll(s, "><", ">\n  <")
				s = strings.ReplaceAll(s, "<p>", "<P >")
			case 1: // visible
				s = strings.Replace(s, "<p>", "<p>changed ", 1)
			case 2:
				return os.Remove(p)
			}
		case Lines:
			s = strings.ReplaceAll(s, "\n", "\r\n")
		case Stylesheet:
			s = strings.ReplaceAll(s, " ", "\n\t")
		default:
			s += "x"
		}
		return os.WriteFile(p, []byte(s), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "extra.html"), []byte("<p>new</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
}
