package markdown

import "strings"

// parseAttributeList reads the inside of an IAL or ALD ({: .cls #id k="v"
// ref}) into a, as kramdown's ALD_TYPE_ANY scan does: tokens must stand
// between whitespace, anything else is skipped.
func parseAttributeList(str string, a *ial) {
	if t := strip(str); t == "" || t == ":" {
		return
	}
	n := len(str)
	endOK := func(k int) bool {
		return k >= n || isSpace(str[k]) || (k == n-1 && str[k] == '\n')
	}
	for i := 0; i < n; {
		t := i
		if i > 0 || isSpace(str[0]) {
			if !isSpace(str[i]) {
				i++
				continue
			}
			t = i + 1
		}
		if e := tryKeyValue(str, t, a, endOK); e >= 0 {
			i = e
			continue
		}
		if e := aldIDName(str, t); e >= 0 && endOK(e) {
			a.refs = append(a.refs, str[t:e])
			i = e
			continue
		}
		if e := idOrClassMulti(str, t); e > t && endOK(e) {
			applyIDClass(str[t:e], a)
			i = e
			continue
		}
		if i == 0 && !isSpace(str[0]) {
			i = 0
		}
		i++
	}
}

func tryKeyValue(s string, t int, a *ial, endOK func(int) bool) int {
	ke := aldIDName(s, t)
	if ke < 0 || ke+1 >= len(s) || s[ke] != '=' || (s[ke+1] != '"' && s[ke+1] != '\'') {
		return -1
	}
	q := s[ke+1]
	for k := ke + 2; k < len(s); k++ {
		c := s[k]
		if c == q {
			if endOK(k + 1) {
				val := s[ke+2 : k]
				if strings.IndexByte(val, '\\') >= 0 {
					var b strings.Builder
					for x := 0; x < len(val); x++ {
						if val[x] == '\\' && x+1 < len(val) && (val[x+1] == '}' || val[x+1] == q) {
							x++
						}
						b.WriteByte(val[x])
					}
					val = b.String()
				}
				a.a.set(s[t:ke], val)
				return k + 1
			}
			return -1
		}
		if c == '\\' && k+1 < len(s) && (s[k+1] == '}' || s[k+1] == q) {
			k++
			continue
		}
		if c == '}' || c == 2 {
			return -1
		}
	}
	return -1
}

// idOrClassMulti matches ((?:#[A-Za-z][\w:-]*|\.[^\s.#]+)+).
func idOrClassMulti(s string, i int) int {
	start := i
	for i < len(s) {
		if s[i] == '#' && i+1 < len(s) && (s[i+1]|0x20 >= 'a' && s[i+1]|0x20 <= 'z') {
			i += 2
			for i < len(s) && (isWordByte(s[i]) || s[i] == ':' || s[i] == '-') {
				i++
			}
			continue
		}
		if s[i] == '.' && i+1 < len(s) && !isSpace(s[i+1]) && s[i+1] != '.' && s[i+1] != '#' {
			i += 2
			for i < len(s) && !isSpace(s[i]) && s[i] != '.' && s[i] != '#' {
				i++
			}
			continue
		}
		break
	}
	if i == start {
		return -1
	}
	return i
}

func applyIDClass(tok string, a *ial) {
	for i := 0; i < len(tok); {
		j := i + 1
		for j < len(tok) && tok[j] != '.' && !(tok[j] == '#' && tok[i] == '.') {
			if tok[i] == '#' && !(isWordByte(tok[j]) || tok[j] == ':' || tok[j] == '-') {
				break
			}
			j++
		}
		if tok[i] == '#' {
			a.a.set("id", tok[i+1:j])
		} else {
			old, _ := a.a.get("class")
			a.a.set("class", lstrip(old+" "+tok[i+1:j]))
		}
		i = j
	}
}

// updateAttrWithIAL applies an IAL (and the ALDs it references) to attr.
func (p *parser) updateAttrWithIAL(attr *attrs, a *ial) {
	p.updateAttrWithIALDepth(attr, a, 0)
}

func (p *parser) updateAttrWithIALDepth(attr *attrs, a *ial, depth int) {
	if depth > 20 {
		return // a reference cycle: kramdown would recurse forever
	}
	for _, r := range a.refs {
		if ref := p.alds[r]; ref != nil {
			p.updateAttrWithIALDepth(attr, ref, depth+1)
		}
	}
	for _, x := range a.a {
		if x.k == "class" {
			old, _ := attr.get("class")
			attr.set("class", lstrip(old+" "+x.v))
		} else {
			attr.set(x.k, x.v)
		}
	}
}

// updateIALWithIAL merges a span IAL into an element's IAL.
func updateIALWithIAL(dst *ial, src *ial) {
	dst.refs = append(dst.refs, src.refs...)
	for _, x := range src.a {
		if x.k == "class" {
			old, _ := dst.a.get("class")
			dst.a.set("class", lstrip(old+" "+x.v))
		} else {
			dst.a.set(x.k, x.v)
		}
	}
}
