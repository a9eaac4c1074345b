package sitediff

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

const sitesDir = "../../testdata/sites"

func TestFixtures(t *testing.T) {
	fs, err := Fixtures(sitesDir)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Fixture{}
	for _, f := range fs {
		if strings.HasSuffix(f.Name, ".jekyll") {
			t.Errorf("golden listed as a fixture: %s", f.Name)
		}
		byName[f.Name] = f
	}
	f, ok := byName["posts-flags"]
	if !ok {
		t.Fatal("posts-flags not found")
	}
	if want := []string{"--drafts", "--future", "--unpublished"}; !reflect.DeepEqual(f.Args, want) {
		t.Errorf("Args = %q, want %q", f.Args, want)
	}
	if f.Golden != filepath.Join(sitesDir, "posts-flags.jekyll") {
		t.Errorf("Golden = %s", f.Golden)
	}
	if len(byName["posts"].Args) != 0 {
		t.Errorf("posts has args %q", byName["posts"].Args)
	}
}

func TestReadPin(t *testing.T) {
	p, err := ReadPin(sitesDir)
	if err != nil {
		t.Fatal(err)
	}
	if p.SourceDateEpoch != 1717243200 || !p.Time.Equal(time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)) || p.TZ != "UTC" {
		t.Errorf("pin = %+v", p)
	}
	if got := p.Env(); got[0] != "SOURCE_DATE_EPOCH=1717243200" || got[1] != "TZ=UTC" {
		t.Errorf("Env() = %q", got)
	}

	bad := []struct{ name, text string }{
		{"epoch disagrees", "FAKETIME=2024-06-01 12:00:00\nSOURCE_DATE_EPOCH=1\nTZ=UTC\nMTIME=2024-05-01 09:30:00\n"},
		{"no mtime", "FAKETIME=2024-06-01 12:00:00\nSOURCE_DATE_EPOCH=1717243200\nTZ=UTC\n"},
		{"other zone", "FAKETIME=2024-06-01 12:00:00\nSOURCE_DATE_EPOCH=1717243200\nTZ=Europe/Paris\nMTIME=2024-05-01 09:30:00\n"},
		{"not key=value", "FAKETIME 2024\n"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "PIN"), []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := ReadPin(dir); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestCopySource(t *testing.T) {
	pin, err := ReadPin(sitesDir)
	if err != nil {
		t.Fatal(err)
	}
	f := Fixture{Name: "x", Source: writeTree(t, map[string]string{"a.md": "a", "sub/b.txt": "b"})}
	dst := filepath.Join(t.TempDir(), "site")
	if err := f.CopySource(dst, pin); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"a.md", "sub/b.txt", "sub"} {
		st, err := os.Stat(filepath.Join(dst, p))
		if err != nil {
			t.Fatal(err)
		}
		if !st.ModTime().Equal(pin.Mtime) {
			t.Errorf("%s: mtime %v, want %v", p, st.ModTime(), pin.Mtime)
		}
	}
	if err := f.CopySource(dst, pin); err == nil {
		t.Error("copying over an existing site should fail")
	}
}
