package build

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	"github.com/broadsheet-ssg/broadsheet/internal/yaml"
)

// readData reads _data into site.data, as Jekyll's DataReader: YAML, JSON,
// CSV and TSV files by their sanitised base names, folders as nested hashes.
func (s *Site) readData() (*liquid.Map, error) {
	root := joinPath(s.Config.Source, s.Config.DataDir)
	m := liquid.NewMap(8)
	st, err := os.Stat(root)
	if err != nil || !st.IsDir() {
		return m, nil
	}
	return m, s.readDataDir(root, m)
}

var (
	dataUnsafe = regexp.MustCompile(`[^\w\s-]+`)
	dataSpace  = regexp.MustCompile(`\s+`)
)

// sanitizeDataName is DataReader#sanitize_filename: punctuation dropped,
// outer spaces trimmed, inner runs of spaces made "_".
func sanitizeDataName(name string) string {
	name = strings.TrimSpace(dataUnsafe.ReplaceAllString(name, ""))
	return dataSpace.ReplaceAllString(name, "_")
}

func (s *Site) readDataDir(dir string, m *liquid.Map) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	byExt := map[string][]string{}
	var dirs []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() {
			dirs = append(dirs, name)
			continue
		}
		if strings.HasPrefix(name, ".") {
			continue
		}
		ext := strings.TrimPrefix(path.Ext(name), ".")
		byExt[ext] = append(byExt[ext], name)
	}
	// Ruby's Dir["*.{yaml,yml,json,csv,tsv}"] lists by pattern, then folders.
	var files []string
	for _, ext := range []string{"yaml", "yml", "json", "csv", "tsv"} {
		sort.Strings(byExt[ext])
		files = append(files, byExt[ext]...)
	}
	sort.Strings(dirs)
	var errs []error
	for _, name := range files {
		abs := filepath.Join(dir, name)
		v, err := s.readDataFile(abs)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		m.Set(sanitizeDataName(strings.TrimSuffix(name, path.Ext(name))), v)
	}
	for _, name := range dirs {
		sub := liquid.NewMap(4)
		m.Set(sanitizeDataName(name), sub)
		if err := s.readDataDir(filepath.Join(dir, name), sub); err != nil {
			errs = append(errs, err)
		}
	}
	return joinErrors(errs)
}

func (s *Site) relSource(abs string) string {
	if r, err := filepath.Rel(s.Config.Source, abs); err == nil {
		return filepath.ToSlash(r)
	}
	return abs
}

func (s *Site) readDataFile(abs string) (any, error) {
	src, err := os.ReadFile(abs)
	if err != nil {
		return nil, err
	}
	rel := s.relSource(abs)
	switch strings.ToLower(path.Ext(abs)) {
	case ".csv", ".tsv":
		r := csv.NewReader(bytes.NewReader(src))
		if strings.EqualFold(path.Ext(abs), ".tsv") {
			r.Comma = '\t'
			r.LazyQuotes = true
		}
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			return nil, fmt.Errorf("%s: %v", rel, err)
		}
		out := []any{}
		if len(rows) == 0 {
			return out, nil
		}
		header := rows[0]
		for _, row := range rows[1:] {
			rm := liquid.NewMap(len(header))
			for i, h := range header {
				var v any
				if i < len(row) && row[i] != "" {
					v = row[i]
				}
				if _, dup := rm.Get(h); !dup {
					rm.Set(h, v)
				}
			}
			out = append(out, rm)
		}
		return out, nil
	case ".json":
		v, err := decodeJSON(src)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", rel, err)
		}
		return v, nil
	}
	v, err := yaml.Load(src, s.Config.Timezone)
	if err != nil {
		if ye, ok := err.(*yaml.Error); ok {
			return nil, fmt.Errorf("%s:%d: %s", rel, ye.Line, ye.Msg)
		}
		return nil, fmt.Errorf("%s: %v", rel, err)
	}
	return v, nil
}

// decodeJSON reads JSON into Liquid values, keeping the order of keys.
func decodeJSON(src []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	v, err := decodeJSONValue(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("unexpected data after the JSON value")
	}
	return v, nil
}

func decodeJSONValue(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			m := liquid.NewMap(8)
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				v, err := decodeJSONValue(dec)
				if err != nil {
					return nil, err
				}
				m.Set(kt.(string), v)
			}
			_, err := dec.Token()
			return m, err
		case '[':
			arr := []any{}
			for dec.More() {
				v, err := decodeJSONValue(dec)
				if err != nil {
					return nil, err
				}
				arr = append(arr, v)
			}
			_, err := dec.Token()
			return arr, err
		}
	case json.Number:
		if i, err := t.Int64(); err == nil {
			return int(i), nil
		}
		f, err := t.Float64()
		return f, err
	case string, bool, nil:
		return t, nil
	}
	return nil, fmt.Errorf("unexpected JSON token %v", tok)
}
