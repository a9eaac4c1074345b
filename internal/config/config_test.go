package config

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/broadsheet-ssg/broadsheet/internal/ruby"
)

// dump prints a value as testdata/gen_golden.rb prints Ruby's.
func dump(v any) string {
	switch v := v.(type) {
	case nil:
		return "nil"
	case bool:
		return strconv.FormatBool(v)
	case int:
		return "int:" + strconv.Itoa(v)
	case float64:
		return "float:" + ruby.FormatFloat(v)
	case string:
		return "str:" + jsonString(v)
	case liquid.Date:
		return "date:" + v.Format("2006-01-02")
	case time.Time:
		s := "time:" + v.Format("2006-01-02 15:04:05.000000000 -0700")
		if v.Location() == time.UTC {
			s += " UTC"
		}
		return s
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = dump(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case *liquid.Map:
		parts := make([]string, 0, v.Len())
		for _, k := range v.Keys() {
			e, _ := v.Get(k)
			parts = append(parts, jsonString(k)+": "+dump(e))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return "?"
}

func jsonString(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

func loadCase(t *testing.T, name string) (*Config, error) {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "cases", name))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	opts := Options{Source: ".", Destination: "/tmp/out", Overrides: map[string]any{"serving": false}}
	if args, err := os.ReadFile("args"); err == nil {
		opts.ConfigFiles = strings.Split(strings.TrimSpace(string(args)), ",")
	}
	return Load(opts)
}

// TestGolden compares Raw with the configuration real Jekyll 4.3.1 built
// for each folder of testdata/cases (testdata/golden.txt).
func TestGolden(t *testing.T) {
	data, err := os.ReadFile("testdata/golden.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range strings.Split(string(data), "=== ")[1:] {
		name, want, _ := strings.Cut(c, "\n")
		want = strings.TrimSuffix(want, "\n")
		t.Run(name, func(t *testing.T) {
			conf, err := loadCase(t, name)
			var got string
			switch {
			case err != nil && strings.HasPrefix(want, "error line"):
				var ce *Error
				if errors.As(err, &ce) {
					got = "error line " + strconv.Itoa(ce.Line)
				} else {
					got = "error " + err.Error()
				}
			case err != nil:
				got = "error"
			default:
				got = dump(conf.Raw)
			}
			if got != want {
				t.Errorf("\ngot  %s\nwant %s\nerr %v", got, want, err)
			}
		})
	}
}

func TestTypedFields(t *testing.T) {
	conf, err := loadCase(t, "typical")
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, c := range conf.Collections {
		labels = append(labels, c.Label+":"+strconv.FormatBool(c.Output)+":"+c.Permalink)
	}
	checks := []struct{ name, got, want string }{
		{"Source", conf.Source, filepath.Dir(conf.Source) + "/typical"},
		{"Destination", conf.Destination, "/tmp/out"},
		{"BaseURL", conf.BaseURL, "/field"},
		{"URL", conf.URL, "https://gravel.example.org"},
		{"Permalink", conf.Permalink, "pretty"},
		{"Timezone", conf.Timezone.String(), "Europe/Berlin"},
		{"MarkdownExt", strings.Join(conf.MarkdownExt, "|"), "markdown| md |text"},
		{"ExcerptSeparator", conf.ExcerptSeparator, "<!--more-->"},
		{"Include", strings.Join(conf.Include, "|"), ".well-known"},
		{"KeepFiles", strings.Join(conf.KeepFiles, "|"), "CNAME"},
		{"Exclude", strings.Join(conf.Exclude[:4], "|"), "notes|Gemfile|*.bak|.sass-cache"},
		{"Plugins", strings.Join(conf.Plugins, "|"), "jekyll-feed"},
		{"ShowDrafts", strconv.FormatBool(conf.ShowDrafts), "true"},
		{"LimitPosts", strconv.Itoa(conf.LimitPosts), "5"},
		{"Collections", strings.Join(labels, " "), "posts:true:/:categories/:year/:month/:day/:title/ recipes:false: people:false:"},
		{"Files", strings.Join(conf.Files, "|"), "_config.yml"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if len(conf.Warnings) != 1 || !strings.Contains(conf.Warnings[0], "invalid front-matter default") {
		t.Errorf("warnings %q", conf.Warnings)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct{ name, want string }{
		{"badyaml", "_config.yml:2: did not find expected ',' or ']'"},
		{"badinclude", `configuration: 'include' should be set as an array, but was: ".htaccess".`},
		{"missing", `nope.yml: the configuration file "nope.yml" could not be found`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadCase(t, tt.name)
			if err == nil || err.Error() != tt.want {
				t.Errorf("%v, want %s", err, tt.want)
			}
		})
	}
}

func TestNoConfigWarns(t *testing.T) {
	conf, err := loadCase(t, "none")
	if err != nil {
		t.Fatal(err)
	}
	if len(conf.Warnings) != 1 || conf.Warnings[0] != "Configuration file: none" || len(conf.Files) != 0 {
		t.Errorf("warnings %q files %q", conf.Warnings, conf.Files)
	}
}

// TestFrontMatterDefaults compares with FrontmatterDefaults#all of real
// Jekyll on testdata/fmdefaults (printed with Ruby's inspect).
func TestFrontMatterDefaults(t *testing.T) {
	dir, err := filepath.Abs("testdata/fmdefaults")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	conf, err := Load(Options{Source: ".", Destination: "/tmp/out"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ path, typ, want string }{
		{"_posts/x.md", "posts", `{"oldtype"=>true, "layout"=>"post", "z"=>1, "a"=>{"x"=>1, "y"=>2}}`},
		{"_posts/sub/y.md", "posts", `{"oldtype"=>true, "layout"=>"post", "z"=>1, "a"=>{"x"=>1, "y"=>2}}`},
		{"docs/a/b.md", "pages", `{"layout"=>"glob", "a"=>{"x"=>1}, "g"=>1, "deep"=>true}`},
		{"docs/c.md", "pages", `{"layout"=>"glob", "a"=>{"x"=>1}, "g"=>1}`},
		{"_recipes/r.md", "recipes", `{"layout"=>"recipe", "a"=>{"x"=>1}}`},
		{"index.md", "pages", `{"layout"=>"default", "a"=>{"x"=>1}}`},
		{"/docs/c.md", "pages", `{"layout"=>"glob", "a"=>{"x"=>1}, "g"=>1}`},
		{"_posts/sub/y.md", "pages", `{"layout"=>"nottyped", "a"=>{"x"=>1}, "z"=>1, "wrongtype"=>1}`},
	}
	for _, tt := range tests {
		if got := inspect(conf.FrontMatterDefaults(tt.path, tt.typ)); got != tt.want {
			t.Errorf("%s %s:\ngot  %s\nwant %s", tt.path, tt.typ, got, tt.want)
		}
	}
}
