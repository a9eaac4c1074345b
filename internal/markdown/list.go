package markdown

import "strings"

// listItemIAL matches LIST_ITEM_IAL at the start of s: ^\s*(?:\{:(?!(?:ALD_ID_NAME)?:|/)(ALD_ANY_CHARS+)\})\s*
func listItemIAL(s string) (body string, end int) {
	i := 0
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	if !strings.HasPrefix(s[i:], "{:") {
		return "", -1
	}
	k := i + 2
	if ne := aldIDName(s, k); ne >= 0 && ne < len(s) && s[ne] == ':' {
		return "", -1
	}
	if k < len(s) && (s[k] == ':' || s[k] == '/') {
		return "", -1
	}
	body, e := aldBody(s, k, 1, anyTail)
	if e < 0 {
		return "", -1
	}
	for e < len(s) && isSpace(s[e]) {
		e++
	}
	return body, e
}

// listLine holds the patterns kramdown derives from a list item's
// indentation.
type listLine struct{ indent int }

// content matches the item's content_re: a non-blank line indented enough.
func (l listLine) content(s string, i int) int {
	e := nextLine(s, i)
	if e < 0 || isBlank(s[i:e]) {
		return -1
	}
	q, r := l.indent/4, l.indent%4
	// (?:\t| {4}){q} {r}
	j, ok := i, true
	for k := 0; k < q; k++ {
		if j < len(s) && s[j] == '\t' {
			j++
		} else if strings.HasPrefix(s[j:], "    ") {
			j += 4
		} else {
			ok = false
			break
		}
	}
	if ok {
		j2 := j
		for k := 0; k < r; k++ {
			if j2 < len(s) && s[j2] == ' ' {
				j2++
			} else {
				ok = false
				break
			}
		}
		if ok && !isBlank(s[j2:e]) {
			return e
		}
	}
	// (?:\t| {4}){q+1}
	j = i
	for k := 0; k <= q; k++ {
		if j < len(s) && s[j] == '\t' {
			j++
		} else if strings.HasPrefix(s[j:], "    ") {
			j += 4
		} else {
			return -1
		}
	}
	if !isBlank(s[j:e]) {
		return e
	}
	return -1
}

// lazy matches the item's lazy_re: any non-blank line that does not start
// an IAL or an HTML tag.
func (l listLine) lazy(s string, i int) int {
	e := nextLine(s, i)
	if e < 0 || isBlank(s[i:e]) {
		return -1
	}
	m := l.indent
	if m > 3 {
		m = 3
	}
	j := optSpace(s, i, m)
	if strings.HasPrefix(s[j:], "{:") && j+2 < len(s) && s[j+2] != ':' && s[j+2] != '/' {
		if _, x := aldBody(s, j+2, 1, func(k int) int { return wsToNewline(s, k) }); x >= 0 {
			return -1
		}
	}
	if lazyEndHTML(s, i, m) {
		return -1
	}
	return e
}

// parseFirstListLine expands tabs in the first line of an item and works out
// the item's content indentation.
func parseFirstListLine(indentation int, content string) (string, int) {
	if body, e := listItemIAL(content); (e >= 0 && isBlank(content[e:]) && strings.HasSuffix(content, "\n")) || isBlank(content) {
		_ = body
		indentation = 4
	} else {
		for {
			k := 0
			for k < len(content) && content[k] == ' ' {
				k++
			}
			if k >= len(content) || content[k] != '\t' {
				break
			}
			t := k
			for t < len(content) && content[t] == '\t' {
				t++
			}
			temp := k + indentation
			n := 4 - temp%4 + (t-k-1)*4
			content = content[:k] + strings.Repeat(" ", n) + content[t:]
		}
		k := 0
		for k < len(content) && content[k] == ' ' {
			k++
		}
		indentation += k
	}
	return lstrip(content), indentation
}

func (p *parser) parseList() bool {
	s := p.src
	typ, _, _ := listStart(s, p.pos, 3, true, false)
	if typ == 0 {
		typ = eOL
	}
	list := p.newBlockEl(typ)
	var item *elem
	var ll listLine
	maxIndent := 3
	eobFound, nestedFound, lastBlank := false, false, false
	isUL := typ == eUL
	for p.pos < len(s) {
		i := p.pos
		if lastBlank && hrLine(s, i) >= 0 {
			break
		}
		if e := eobMarker(s, i); e >= 0 {
			p.pos = e
			eobFound = true
			break
		}
		if _, me, e := listStart(s, i, maxIndent, isUL, !isUL); e >= 0 {
			it := p.newEl(eLI)
			content, ind := parseFirstListLine(me-i, s[me:e])
			if body, x := listItemIAL(content); x >= 0 {
				it.ial = &ial{}
				parseAttributeList(body, it.ial)
				content = content[x:]
			}
			list.children = append(list.children, it)
			ll = listLine{ind}
			maxIndent = ind - 1
			if maxIndent > 3 {
				maxIndent = 3
			}
			nestedFound = containsListStart(content)
			lastBlank = false
			it.ext().parts = []string{content}
			item = it
			p.pos = e
			continue
		}
		if item == nil {
			break
		}
		e := ll.content(s, i)
		if e < 0 && !lastBlank {
			e = ll.lazy(s, i)
		}
		if e >= 0 {
			result := s[i:e]
			if k := strings.IndexFunc(result, func(r rune) bool { return r != '\t' }); k > 0 {
				result = strings.Repeat("    ", k) + result[k:]
			}
			found := false
			if len(result) >= ll.indent && strings.Count(result[:ll.indent], " ") == ll.indent {
				result = result[ll.indent:]
				found = true
			}
			if !nestedFound && found && containsListStart(result) {
				item.ext().parts = append(item.ext().parts, "")
				nestedFound = true
			} else if nestedFound && !found && containsListStart(result) {
				result = strings.Repeat(" ", ll.indent+4) + result
			}
			item.ext().parts[len(item.ext().parts)-1] += result
			lastBlank = false
			p.pos = e
			continue
		}
		if b := blankLines(s, i); b >= 0 {
			nestedFound, lastBlank = true, true
			item.ext().parts[len(item.ext().parts)-1] += s[i:b]
			p.pos = b
			continue
		}
		break
	}
	p.tree.children = append(p.tree.children, list)
	var last *elem
	for idx, it := range list.children {
		temp := p.newEl(eTemp)
		for _, v := range it.ext().parts {
			p.parseBlocks(temp, v, true)
		}
		it.ext().parts = nil
		it.children = temp.children
		ch := it.children
		if len(ch) == 0 {
			continue
		}
		if ch[0].typ == eP && len(ch) >= 2 && ch[1].typ == eEOB && ch[0].ial != nil {
			ch = append(ch[:1], ch[2:]...)
			it.children = ch
		}
		isLast := idx == len(list.children)-1
		if ch[0].typ == eP &&
			(len(ch) < 2 || ch[1].typ != eBlank || (isLast && len(ch) == 2 && !eobFound)) &&
			(!isLast || len(list.children) == 1 || anyNonPlainFirst(list.children[:len(list.children)-1])) {
			if len(ch) > 1 && ch[1].typ != eBlank {
				ch[0].children[0].value += "\n"
			}
			ch[0].transparent = true
		}
		last = nil
		if l := ch[len(ch)-1]; l.typ == eBlank {
			last = l
			it.children = ch[:len(ch)-1]
		}
	}
	if last != nil && !eobFound {
		p.tree.children = append(p.tree.children, last)
	}
	p.taskList(list)
	return true
}

func anyNonPlainFirst(items []*elem) bool {
	for _, c := range items {
		if len(c.children) == 0 || c.children[0].typ != eP || c.children[0].transparent {
			return true
		}
	}
	return false
}

// containsListStart is `str =~ LIST_START` (any line of str).
func containsListStart(str string) bool {
	for i := 0; i < len(str); {
		if _, _, e := listStart(str, i, 3, true, true); e >= 0 {
			return true
		}
		n := nextLine(str, i)
		if n < 0 {
			break
		}
		i = n
	}
	return false
}

const (
	boxUnchecked = `<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />`
	boxChecked   = `<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" checked="checked" />`
)

// taskList is the GFM parser's task list pass over a just parsed list.
func (p *parser) taskList(list *elem) {
	is := false
	for _, li := range list.children {
		if len(li.children) == 0 || li.children[0].typ != eP || len(li.children[0].children) == 0 {
			continue
		}
		d := li.children[0].children[0]
		if v, ok := replaceBox(d.value, " ", boxUnchecked); ok {
			d.value, is = v, true
		} else if v, ok := replaceBox(d.value, "x", boxChecked); ok {
			d.value, is = v, true
		} else if v, ok := replaceBox(d.value, "X", boxChecked); ok {
			d.value, is = v, true
		}
		if is {
			li.attr.set("class", "task-list-item")
		}
	}
	if is {
		list.attr.set("class", "task-list")
	}
}

// replaceBox does sub(/\A\s*\[m\]\s+/, box).
func replaceBox(v, m, box string) (string, bool) {
	i := 0
	for i < len(v) && isSpace(v[i]) {
		i++
	}
	if !strings.HasPrefix(v[i:], "["+m+"]") {
		return v, false
	}
	j := i + 3
	k := j
	for k < len(v) && isSpace(v[k]) {
		k++
	}
	if k == j {
		return v, false
	}
	return box + v[k:], true
}

func (p *parser) parseDefinitionList() bool {
	ch := p.tree.children
	n := len(ch)
	if n == 0 || (n == 1 && ch[0].typ != eP) ||
		(n >= 2 && ch[n-1].typ != eP && (ch[n-1].typ != eBlank || ch[n-1].value != "\n" || ch[n-2].typ != eP)) {
		return false
	}
	firstAsPara := false
	dl := p.newBlockEl(eDL)
	para := ch[n-1]
	p.tree.children = ch[:n-1]
	if para.typ == eBlank {
		para = p.tree.children[len(p.tree.children)-1]
		p.tree.children = p.tree.children[:len(p.tree.children)-1]
		firstAsPara = true
	}
	for _, term := range strings.Split(para.children[0].value, "\n") {
		dt := p.newEl(eDT)
		if body, x := listItemIAL(term); x >= 0 {
			dt.ial = &ial{}
			parseAttributeList(body, dt.ial)
			term = term[x:]
		}
		dt.ext().rawText = term
		dt.children = append(dt.children, &elem{typ: eRawText, value: term})
		dl.children = append(dl.children, dt)
	}
	dl.ial = para.ial
	var item *elem
	var ll listLine
	maxIndent := 3
	lastBlank := false
	s := p.src
	for p.pos < len(s) {
		i := p.pos
		if me, e := defStart(s, i, maxIndent); e >= 0 {
			it := p.newEl(eDD)
			it.firstAsPara = firstAsPara
			content, ind := parseFirstListLine(me-i, s[me:e])
			if body, x := listItemIAL(content); x >= 0 {
				it.ial = &ial{}
				parseAttributeList(body, it.ial)
				content = content[x:]
			}
			it.value = content
			dl.children = append(dl.children, it)
			item = it
			ll = listLine{ind}
			maxIndent = ind - 1
			if maxIndent > 3 {
				maxIndent = 3
			}
			firstAsPara, lastBlank = false, false
			p.pos = e
			continue
		}
		if eobMarker(s, i) >= 0 || item == nil {
			break
		}
		e := ll.content(s, i)
		if e < 0 && !lastBlank {
			e = ll.lazy(s, i)
		}
		if e >= 0 {
			result := s[i:e]
			if k := strings.IndexFunc(result, func(r rune) bool { return r != '\t' }); k > 0 {
				result = strings.Repeat("    ", k) + result[k:]
			}
			if len(result) >= ll.indent && strings.Count(result[:ll.indent], " ") == ll.indent {
				result = result[ll.indent:]
			}
			item.value += result
			firstAsPara, lastBlank = false, false
			p.pos = e
			continue
		}
		if b := blankLines(s, i); b >= 0 {
			firstAsPara, lastBlank = true, true
			item.value += s[i:b]
			p.pos = b
			continue
		}
		break
	}
	var last *elem
	for _, it := range dl.children {
		if it.typ == eDT {
			continue
		}
		p.parseBlocks(it, it.value, true)
		it.value = ""
		ch := it.children
		if len(ch) == 0 {
			continue
		}
		last = nil
		if l := ch[len(ch)-1]; l.typ == eBlank {
			last = l
			ch = ch[:len(ch)-1]
			it.children = ch
		}
		fap := it.firstAsPara
		it.firstAsPara = false
		if len(ch) > 0 && ch[0].typ == eP && !fap {
			if len(ch) > 1 {
				ch[0].children[0].value += "\n"
			}
			ch[0].transparent = true
		}
	}
	tc := p.tree.children
	if len(tc) >= 1 && tc[len(tc)-1].typ == eDL {
		tc[len(tc)-1].children = append(tc[len(tc)-1].children, dl.children...)
	} else if len(tc) >= 2 && tc[len(tc)-1].typ == eBlank && tc[len(tc)-2].typ == eDL {
		tc = tc[:len(tc)-1]
		tc[len(tc)-1].children = append(tc[len(tc)-1].children, dl.children...)
		p.tree.children = tc
	} else {
		p.tree.children = append(tc, dl)
	}
	if last != nil {
		p.tree.children = append(p.tree.children, last)
	}
	return true
}
