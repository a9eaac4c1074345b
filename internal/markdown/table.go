package markdown

import "strings"

// tableStart matches TABLE_START: ^ {0,3}(?=\S)(?:\||.*?[^\\\n]\|).*?\n.
func (p *parser) tableStart() bool {
	s := p.src
	j := optSpace(s, p.pos, 3)
	if j >= len(s) || isSpace(s[j]) {
		return false
	}
	return tableLine(s, j)
}

// tableLine is TABLE_LINE at i: the line holds an unescaped pipe.
func tableLine(s string, i int) bool {
	e := lineEnd(s, i)
	if e >= len(s) {
		return false
	}
	return hasPipe(s[i:e])
}

func hasPipe(line string) bool {
	for k := 0; ; k++ {
		j := strings.IndexByte(line[k:], '|')
		if j < 0 {
			return false
		}
		if k += j; k == 0 || line[k-1] != '\\' {
			return true
		}
	}
}

// sepLine matches TABLE_SEP_LINE (c == '-') or TABLE_FSEP_LINE (c == '=').
func sepLine(s string, i int, c byte) (string, int) {
	e := lineEnd(s, i)
	if e >= len(s) {
		return "", -1
	}
	line := s[i:e]
	has := false
	for k := 0; k < len(line); k++ {
		switch line[k] {
		case c:
			has = true
		case '+', '|', ':', ' ', '\t':
		default:
			return "", -1
		}
	}
	if !has {
		return "", -1
	}
	return strings.TrimRight(line, " \t"), e + 1
}

func (p *parser) parseTable() bool {
	if !p.afterBlockBoundary() {
		return false
	}
	s := p.src
	saved := p.pos
	origPos := p.pos
	table := p.newBlockEl(eTable)
	savedIAL := table.ial
	revert := func() bool {
		p.pos = saved
		if savedIAL != nil {
			p.blockIAL = savedIAL
		}
		return false
	}
	leadingPipe := strings.HasPrefix(strings.TrimLeft(s[p.pos:lineEnd(s, p.pos)], " \t\n\v\f\r"), "|")
	if _, e := sepLine(s, p.pos, '-'); e >= 0 {
		p.pos = e
	}
	var rows []*elem
	hasFooter := false
	columns := 0
	var alignment []align
	addContainer := func(t etype, force bool) {
		if !hasFooter || t != eTBody || force {
			c := p.newEl(t)
			c.children, rows = rows, nil
			table.children = append(table.children, c)
		}
	}
	for p.pos < len(s) {
		i := p.pos
		if !tableLine(s, i) {
			break
		}
		if sep, e := sepLine(s, i, '-'); e >= 0 {
			p.pos = e
			if len(rows) == 0 {
			} else if len(alignment) == 0 && !hasFooter {
				addContainer(eTHead, false)
				alignment = parseAlignment(sep)
				if alignment == nil {
					alignment = []align{}
				}
			} else {
				addContainer(eTBody, false)
			}
			continue
		}
		if _, e := sepLine(s, i, '='); e >= 0 {
			p.pos = e
			if len(rows) > 0 {
				addContainer(eTBody, true)
			}
			hasFooter = true
			continue
		}
		e := lineEnd(s, i)
		line := strings.TrimRight(s[i:e], " \t")
		p.pos = e + 1
		cells := p.splitRow(line)
		if leadingPipe && len(cells) > 0 && strip(cells[0]) == "" {
			cells = cells[1:]
		}
		if len(cells) > 0 && strip(cells[len(cells)-1]) == "" {
			cells = cells[:len(cells)-1]
		}
		tr := p.newEl(eTR)
		for _, c := range cells {
			td := p.newEl(eTD)
			td.children = append(td.children, &elem{typ: eRawText, value: strip(c)})
			tr.children = append(tr.children, td)
		}
		if len(cells) > columns {
			columns = len(cells)
		}
		rows = append(rows, tr)
	}
	if !p.beforeBlockBoundary() {
		return revert()
	}
	if !p.pipesOutsideCode(s[origPos : p.pos-1]) {
		return revert()
	}
	if len(rows) > 0 {
		if hasFooter {
			addContainer(eTFoot, false)
		} else {
			addContainer(eTBody, false)
		}
	}
	hasBody := false
	for _, c := range table.children {
		if c.typ == eTBody {
			hasBody = true
		}
	}
	if !hasBody {
		return revert()
	}
	for _, kind := range table.children {
		for _, row := range kind.children {
			for len(row.children) < columns {
				row.children = append(row.children, p.newEl(eTD))
			}
		}
	}
	if len(alignment) > columns {
		alignment = alignment[:columns]
	}
	for len(alignment) < columns {
		alignment = append(alignment, alDefault)
	}
	table.ext().alignment = alignment
	p.tree.children = append(p.tree.children, table)
	return true
}

// parseAlignment scans TABLE_HSEP_ALIGN: [ \t]?(:?)-+(:?)[ \t]?
func parseAlignment(sep string) []align {
	var out []align
	for i := 0; i < len(sep); {
		j := i
		if sep[j] == ' ' || sep[j] == '\t' {
			j++
		}
		l := false
		if j < len(sep) && sep[j] == ':' {
			l = true
			j++
		}
		k := j
		for k < len(sep) && sep[k] == '-' {
			k++
		}
		if k == j {
			i++
			continue
		}
		r := false
		if k < len(sep) && sep[k] == ':' {
			r = true
			k++
		}
		if k < len(sep) && (sep[k] == ' ' || sep[k] == '\t') {
			k++
		}
		switch {
		case !l && !r:
			out = append(out, alDefault)
		case !r:
			out = append(out, alLeft)
		case !l:
			out = append(out, alRight)
		default:
			out = append(out, alCenter)
		}
		i = k
	}
	return out
}

// splitRow splits a table row into cell texts, keeping code spans (and
// literal <code> elements) whole.
func (p *parser) splitRow(line string) []string {
	var cells []string
	appendLast := func(t string) {
		if len(cells) == 0 {
			cells = append(cells, t)
		} else {
			cells[len(cells)-1] += t
		}
	}
	for idx, part := range splitCodeElements(line) {
		if idx%2 == 1 {
			appendLast(part)
			continue
		}
		root := p.newEl(eRoot)
		oldSrc, oldPos, oldSt := p.src, p.pos, p.spanSt
		p.src, p.pos, p.spanSt = part, 0, nil
		p.parseSpans(root, nil, spCodespan, eRawText, nil)
		p.src, p.pos, p.spanSt = oldSrc, oldPos, oldSt
		for _, c := range root.children {
			if c.typ == eRawText {
				pieces := splitUnescapedPipe(c.value)
				appendLast(pieces[0])
				cells = append(cells, pieces[1:]...)
			} else {
				delim := "`"
				longest := ""
				for k := 0; k < len(c.value); {
					if c.value[k] == '`' {
						m := k
						for m < len(c.value) && c.value[m] == '`' {
							m++
						}
						if m-k > len(longest) {
							longest = c.value[k:m]
						}
						k = m
					} else {
						k++
					}
				}
				delim = longest + "`"
				sp := ""
				if len(delim) > 1 {
					sp = " "
				}
				appendLast(delim + sp + c.value + sp + delim)
			}
		}
	}
	return cells
}

// splitCodeElements is split(/(<code.*?>.*?<\/code>)/).
func splitCodeElements(line string) []string {
	var out []string
	for {
		k := strings.Index(line, "<code")
		if k < 0 {
			break
		}
		gt := strings.IndexByte(line[k+5:], '>')
		if gt < 0 {
			break
		}
		ce := strings.Index(line[k+5+gt+1:], "</code>")
		if ce < 0 {
			break
		}
		end := k + 5 + gt + 1 + ce + len("</code>")
		out = append(out, line[:k], line[k:end])
		line = line[end:]
	}
	out = append(out, line)
	// Ruby's split drops trailing empty strings
	for len(out) > 1 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// splitUnescapedPipe is split(/(?<!\\)\|/, -1) with \| unescaped.
func splitUnescapedPipe(v string) []string {
	var out []string
	st := 0
	for k := 0; k < len(v); k++ {
		if v[k] == '|' && (k == 0 || v[k-1] != '\\') {
			out = append(out, strings.ReplaceAll(v[st:k], "\\|", "|"))
			st = k + 1
		}
	}
	return append(out, strings.ReplaceAll(v[st:], "\\|", "|"))
}

// pipesOutsideCode checks that every table line has a pipe outside code
// spans and HTML, as kramdown does before accepting a table.
func (p *parser) pipesOutsideCode(src string) bool {
	root := p.newEl(eRoot)
	oldSrc, oldPos, oldSt := p.src, p.pos, p.spanSt
	p.src, p.pos, p.spanSt = src, 0, nil
	p.parseSpans(root, nil, spCodespan|spHTML, eRawText, nil)
	p.src, p.pos, p.spanSt = oldSrc, oldPos, oldSt
	pipeOnLine := false
	for _, c := range root.children {
		v := c.value
		if v == "" && c.typ != eRawText && c.typ != eCodespan {
			continue
		}
		lines := strings.Split(v, "\n")
		for len(lines) > 0 && lines[len(lines)-1] == "" {
			lines = lines[:len(lines)-1]
		}
		if c.typ == eCodespan {
			if len(lines) > 2 || (len(lines) == 2 && !pipeOnLine) {
				break
			} else if len(lines) == 2 && pipeOnLine {
				pipeOnLine = false
			}
			continue
		}
		if len(lines) > 1 && !pipeOnLine && !hasPipe(lines[0]) {
			break
		}
		if len(lines) > 1 {
			pipeOnLine = false
		}
		if len(lines) > 0 && hasPipe(lines[len(lines)-1]) {
			pipeOnLine = true
		}
	}
	return pipeOnLine
}
