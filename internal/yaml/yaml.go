// Package yaml reads YAML the way Jekyll 4.3.1 does: Psych 4.0.3 (Ruby 3.1)
// loading with Date and Time permitted and aliases allowed. Parsing is
// go.yaml.in/yaml/v3's (both descend from libyaml, so they accept the same
// syntax); turning nodes into values follows Psych's ScalarScanner and
// ToRuby visitor instead of YAML 1.2, because a site's front matter means
// what Ruby made of it: `yes` is true, `1:30` is 5400, `2024-05-01` is a
// Date.
//
// Values come out as Liquid values (see internal/liquid): nil, bool, int,
// float64, string, time.Time, liquid.Date, []any and *liquid.Map.
package yaml

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
	yamlv3 "go.yaml.in/yaml/v3"
)

// Error is a YAML syntax or conversion error. Line and Column are 1-based
// and relative to the data given to Load; either may be 0 when the parser
// did not say.
type Error struct {
	Line, Column int
	Msg          string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// Load parses the first YAML document in data. loc is the zone that
// timestamps without an offset are shown in and that dates sit in (Ruby's
// local zone, which Jekyll sets from the site's `timezone`); nil means
// time.Local. An empty document gives nil.
func Load(data []byte, loc *time.Location) (any, error) {
	if loc == nil {
		loc = time.Local
	}
	if loc == time.UTC {
		// time.UTC stands for Ruby's UTC mode ("Z" times, printed "UTC");
		// a local zone that is UTC prints "+0000".
		loc = localUTC
	}
	if m, ok := loadSimple(data, &decoder{loc: loc}); ok && m.Len() > 0 {
		return m, nil
	}
	return loadFull(data, loc)
}

// loadFull parses with the full YAML parser (loc already resolved).
func loadFull(data []byte, loc *time.Location) (any, error) {
	var doc yamlv3.Node
	if err := yamlv3.Unmarshal(data, &doc); err != nil {
		return nil, convertParseError(data, err)
	}
	if doc.Kind == 0 {
		return nil, nil
	}
	d := decoder{loc: loc}
	return d.value(&doc)
}

var localUTC = time.FixedZone("UTC", 0)

// parserProblems are libyaml's parser (not scanner) messages. yaml.v3
// reports a parser error's line 0-based and a scanner error's 1-based.
var parserProblems = []string{
	"did not find expected <stream-start>",
	"did not find expected <document start>",
	"did not find expected node content",
	"did not find expected '-' indicator",
	"did not find expected key",
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"found undefined tag handle",
	"found duplicate %YAML directive",
	"found incompatible YAML document",
	"found duplicate %TAG directive",
}

// convertParseError turns yaml.v3's "yaml: line N: msg" into an *Error
// whose line is the one Psych names: where the construct being read
// started (libyaml's context mark), else where the problem is. yaml.v3
// drops a mark on the first line (it tests line != 0) and counts parser
// errors from 0, so the data is parsed again after one blank line, which
// changes nothing in YAML but puts every mark on a nonzero line; the error
// path is rare enough to afford it.
func convertParseError(data []byte, err error) error {
	shifted := make([]byte, 0, len(data)+1)
	shifted = append(shifted, '\n')
	shifted = append(shifted, bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))...)
	var n yamlv3.Node
	if err2 := yamlv3.Unmarshal(shifted, &n); err2 != nil {
		err = err2
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.Index(rest, ": "); i > 0 {
			if n, err := strconv.Atoi(rest[:i]); err == nil {
				line = n
				msg = rest[i+2:]
			}
		}
		if line > 0 && !slices.Contains(parserProblems, msg) {
			line--
		}
	}
	if line == 0 {
		// "unknown anchor 'x' referenced" comes without a line: use the
		// first line that uses the alias.
		if name, ok := strings.CutPrefix(msg, "unknown anchor '"); ok {
			name, _, _ = strings.Cut(name, "'")
			if i := bytes.Index(data, []byte("*"+name)); i >= 0 {
				line = 1 + bytes.Count(data[:i], []byte{'\n'})
			}
		}
	}
	return &Error{Line: line, Msg: msg}
}

type decoder struct {
	loc *time.Location
	// anchors maps an anchored node to its value, so that every alias of
	// it shares one value, as Psych's registry does.
	anchors map[*yamlv3.Node]any
}

func (d *decoder) errorf(n *yamlv3.Node, format string, args ...any) error {
	if n == nil { // the fast path (simple.go), which falls back to a full parse
		return &Error{Msg: fmt.Sprintf(format, args...)}
	}
	return &Error{Line: n.Line, Column: n.Column, Msg: fmt.Sprintf(format, args...)}
}

func (d *decoder) register(n *yamlv3.Node, v any) {
	if n.Anchor == "" {
		return
	}
	if d.anchors == nil {
		d.anchors = make(map[*yamlv3.Node]any)
	}
	d.anchors[n] = v
}

func (d *decoder) value(n *yamlv3.Node) (any, error) {
	switch n.Kind {
	case yamlv3.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return d.value(n.Content[0])
	case yamlv3.ScalarNode:
		v, err := d.scalar(n)
		if err != nil {
			return nil, err
		}
		d.register(n, v)
		return v, nil
	case yamlv3.SequenceNode:
		if err := d.checkTag(n); err != nil {
			return nil, err
		}
		list := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := d.value(c)
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		d.register(n, list)
		return list, nil
	case yamlv3.MappingNode:
		if err := d.checkTag(n); err != nil {
			return nil, err
		}
		m := liquid.NewMap(len(n.Content) / 2)
		if err := d.mapping(m, n); err != nil {
			return nil, err
		}
		// Registered only once complete: Psych would hand an alias inside
		// the node the unfinished object, and a cycle cannot be a Liquid
		// value, so such an alias is an error here.
		d.register(n, m)
		return m, nil
	case yamlv3.AliasNode:
		if n.Alias == nil {
			return nil, d.errorf(n, "unknown alias: %s", n.Value)
		}
		v, ok := d.anchors[n.Alias]
		if !ok {
			return nil, d.errorf(n, "recursive alias: %s", n.Value)
		}
		return v, nil
	}
	return nil, d.errorf(n, "unexpected YAML node")
}

// checkTag rejects the Ruby object tags that Jekyll's safe_load refuses.
func (d *decoder) checkTag(n *yamlv3.Node) error {
	if n.Style&yamlv3.TaggedStyle != 0 && strings.HasPrefix(n.Tag, "!ruby/") {
		return d.errorf(n, "tried to load unspecified class: %s", n.Tag)
	}
	return nil
}

// mapping fills m from the key/value pairs of n, applying merge keys the way
// Psych's revive_hash does: a merged hash overwrites keys already present
// and later keys overwrite it; a list of hashes merges with the earlier
// ones winning; anything else is stored under "<<".
func (d *decoder) mapping(m *liquid.Map, n *yamlv3.Node) error {
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := n.Content[i], n.Content[i+1]
		key, err := d.value(kn)
		if err != nil {
			return err
		}
		val, err := d.value(vn)
		if err != nil {
			return err
		}
		if s, ok := key.(string); ok && s == "<<" && !(kn.Style&yamlv3.TaggedStyle != 0 && kn.Tag == "!!str") {
			if mergeInto(m, vn, val) {
				continue
			}
		}
		m.Set(KeyString(key), val)
	}
	return nil
}

func mergeInto(m *liquid.Map, vn *yamlv3.Node, val any) bool {
	switch vn.Kind {
	case yamlv3.AliasNode, yamlv3.MappingNode:
		src, ok := val.(*liquid.Map)
		if !ok {
			return false
		}
		for _, k := range src.Keys() {
			v, _ := src.Get(k)
			m.Set(k, v)
		}
		return true
	case yamlv3.SequenceNode:
		list, _ := val.([]any)
		for _, item := range list {
			if _, ok := item.(*liquid.Map); !ok {
				return false
			}
		}
		h := liquid.NewMap(0)
		for i := len(list) - 1; i >= 0; i-- {
			src := list[i].(*liquid.Map)
			for _, k := range src.Keys() {
				v, _ := src.Get(k)
				h.Set(k, v)
			}
		}
		for _, k := range h.Keys() {
			v, _ := h.Get(k)
			m.Set(k, v)
		}
		return true
	}
	return false
}
