package yaml

import (
	"strings"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// loadSimple reads the shape nearly all front matter has — one `key: value`
// a line, values plain or quoted scalars or flow lists of them — without
// building a node tree, which is most of the cost of a 10,000-post build's
// YAML. It reports false for anything else (indentation, comments, block
// scalars, anchors, tags, escapes, nesting, duplicate keys...), and Load
// then parses the text fully. Scalars are resolved by the same rules
// (tokenize) as the full parser, and a test checks both agree.
func loadSimple(data []byte, d *decoder) (*liquid.Map, bool) {
	s := string(data)
	// Front matter as Jekyll hands it over starts with its "---" line,
	// which YAML reads as the start of the document.
	if strings.HasPrefix(s, "---") {
		i := strings.IndexByte(s, '\n')
		if i < 0 || strings.TrimRight(s[3:i], " \r") != "" {
			return nil, false
		}
		s = s[i+1:]
	}
	m := liquid.NewMap(12)
	for len(s) > 0 {
		var line string
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			line, s = s, ""
		}
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimRight(line, " ") == "" {
			continue
		}
		colon := strings.IndexByte(line, ':')
		if colon <= 0 || !simpleKey(line[:colon]) {
			return nil, false
		}
		key := line[:colon]
		if k, err := d.tokenize(nil, key); err != nil || k != key {
			return nil, false // `on:`, `yes:`... are not string keys in YAML 1.1
		}
		if _, dup := m.Get(key); dup {
			return nil, false
		}
		rest := line[colon+1:]
		if rest != "" && rest[0] != ' ' {
			return nil, false
		}
		v, ok := simpleValue(strings.Trim(rest, " "), d)
		if !ok {
			return nil, false
		}
		m.Set(key, v)
	}
	return m, true
}

func simpleKey(k string) bool {
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case i > 0 && (c >= '0' && c <= '9' || c == '-'):
		default:
			return false
		}
	}
	return true
}

func simpleValue(v string, d *decoder) (any, bool) {
	if v == "" {
		return nil, true
	}
	switch v[0] {
	case '"', '\'':
		return simpleQuoted(v)
	case '[':
		if v[len(v)-1] != ']' {
			return nil, false
		}
		inner := strings.Trim(v[1:len(v)-1], " ")
		list := []any{}
		if inner == "" {
			return list, true
		}
		if strings.ContainsAny(inner, "[]{}") {
			return nil, false
		}
		for _, item := range strings.Split(inner, ",") {
			item = strings.Trim(item, " ")
			if item == "" {
				return nil, false
			}
			var x any
			var ok bool
			if item[0] == '"' || item[0] == '\'' {
				x, ok = simpleQuoted(item)
			} else if !strings.ContainsAny(item, ":#") {
				x, ok = simplePlain(item, d)
			}
			if !ok {
				return nil, false
			}
			list = append(list, x)
		}
		return list, true
	}
	return simplePlain(v, d)
}

// simplePlain resolves a plain scalar that YAML reads as one line of text.
func simplePlain(v string, d *decoder) (any, bool) {
	switch v[0] {
	case '{', ']', '}', ',', '#', '&', '*', '!', '|', '>', '%', '@', '`', '\'', '"', '[':
		return nil, false
	case '-', '?', ':':
		if len(v) == 1 || v[1] == ' ' {
			return nil, false
		}
	}
	if strings.Contains(v, ": ") || strings.Contains(v, " #") || strings.HasSuffix(v, ":") || strings.ContainsAny(v, "\t") {
		return nil, false
	}
	x, err := d.tokenize(nil, v)
	if err != nil {
		return nil, false
	}
	return x, true
}

// simpleQuoted reads a quoted scalar with nothing after it and no escapes
// (a doubled ” in single quotes is the one allowed).
func simpleQuoted(v string) (any, bool) {
	q := v[0]
	if len(v) < 2 || v[len(v)-1] != q {
		return nil, false
	}
	body := v[1 : len(v)-1]
	if q == '"' {
		if strings.ContainsAny(body, "\"\\") {
			return nil, false
		}
		return body, true
	}
	if strings.Contains(strings.ReplaceAll(body, "''", ""), "'") {
		return nil, false
	}
	return strings.ReplaceAll(body, "''", "'"), true
}
