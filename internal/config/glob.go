package config

import (
	"os"
	"path"
	"path/filepath"
	"strings"
)

// globScope lists what Ruby's Dir.glob finds for a `defaults` scope path
// with a "*", relative to source and without the collections dir, as
// FrontmatterDefaults#glob_scope does. Jekyll globs once per build and so
// do we: Load runs once per build.
func globScope(source, pattern, collectionsDir string) map[string]struct{} {
	out := make(map[string]struct{})
	if strings.HasPrefix(pattern, "/") {
		// Pathname#join makes this an absolute pattern outside the site;
		// its matches never prefix a site path.
		return out
	}
	for _, p := range expandBraces(pattern) {
		segs := strings.Split(p, "/")
		walkGlob(source, "", segs, func(rel string) {
			out[stripCollectionsDir(rel, collectionsDir)] = struct{}{}
		})
	}
	return out
}

// expandBraces expands {a,b} alternatives, innermost first, as Dir.glob
// does by default.
func expandBraces(p string) []string {
	depth, open := 0, -1
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case '{':
			if depth == 0 {
				open = i
			}
			depth++
		case '}':
			if depth == 0 {
				continue
			}
			depth--
			if depth == 0 {
				var alts []string
				d, start := 0, open+1
				for j := open + 1; j < i; j++ {
					switch p[j] {
					case '\\':
						j++
					case '{':
						d++
					case '}':
						d--
					case ',':
						if d == 0 {
							alts = append(alts, p[start:j])
							start = j + 1
						}
					}
				}
				alts = append(alts, p[start:i])
				var out []string
				for _, a := range alts {
					out = append(out, expandBraces(p[:open]+a+p[i+1:])...)
				}
				return out
			}
		}
	}
	return []string{p}
}

func hasMagic(seg string) bool {
	return strings.ContainsAny(seg, "*?[\\")
}

// walkGlob matches segs under dir (rel is dir relative to the root).
func walkGlob(dir, rel string, segs []string, emit func(string)) {
	if len(segs) == 0 {
		emit(rel)
		return
	}
	seg := segs[0]
	join := func(name string) string {
		if rel == "" {
			return name
		}
		return rel + "/" + name
	}
	switch {
	case seg == "":
		// A trailing or doubled slash: the match so far must be a folder.
		if len(segs) == 1 {
			if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
				emit(rel + "/")
			}
			return
		}
		walkGlob(dir, rel, segs[1:], emit)
	case seg == "**" && len(segs) > 1:
		// "**/" is zero or more folders, not hidden ones.
		walkGlob(dir, rel, segs[1:], emit)
		entries, err := os.ReadDir(dir)
		if err != nil {
			return
		}
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") || !isDir(dir, e) {
				continue
			}
			walkGlob(filepath.Join(dir, e.Name()), join(e.Name()), segs, emit)
		}
	case !hasMagic(seg):
		next := filepath.Join(dir, seg)
		if _, err := os.Lstat(next); err != nil {
			return
		}
		walkGlob(next, join(seg), segs[1:], emit)
	default:
		if seg == "**" {
			seg = "*"
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			return
		}
		for _, e := range entries {
			name := e.Name()
			if strings.HasPrefix(name, ".") && !strings.HasPrefix(seg, ".") {
				continue
			}
			if ok, _ := path.Match(seg, name); !ok {
				continue
			}
			if len(segs) > 1 && !isDir(dir, e) {
				continue
			}
			walkGlob(filepath.Join(dir, name), join(name), segs[1:], emit)
		}
	}
}

func isDir(dir string, e os.DirEntry) bool {
	if e.IsDir() {
		return true
	}
	if e.Type()&os.ModeSymlink != 0 {
		fi, err := os.Stat(filepath.Join(dir, e.Name()))
		return err == nil && fi.IsDir()
	}
	return false
}
