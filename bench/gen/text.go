package gen

import (
	"hash/fnv"
	"sort"
	"strconv"
	"strings"
)

// rng is splitmix64: tiny, fast, and fixed here so a seed gives the same site
// with every Go version (math/rand's algorithms are not promised to stay).
type rng struct{ s uint64 }

// newRNG gives the random stream for one purpose (stream) of post i; keeping
// streams apart lets the writer compute a post's title and date without
// generating its body.
func newRNG(seed string, i int, stream string) *rng {
	h := fnv.New64a()
	h.Write([]byte(seed))
	h.Write([]byte{0})
	h.Write([]byte(stream))
	h.Write([]byte{0})
	h.Write([]byte(strconv.Itoa(i)))
	r := &rng{s: h.Sum64()}
	r.next()
	return r
}

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// intn returns 0 <= x < n; the modulo bias is far below what matters here.
func (r *rng) intn(n int) int { return int((r.next() >> 11) % uint64(n)) }

// between returns lo <= x <= hi.
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

func (r *rng) float() float64 { return float64(r.next()>>11) / (1 << 53) }

func (r *rng) chance(p float64) bool { return r.float() < p }

func (r *rng) pick(s []string) string { return s[r.intn(len(s))] }

// cumulative turns weights into a table for weighted.
func cumulative(w []float64) []float64 {
	c := make([]float64, len(w))
	t := 0.0
	for i, x := range w {
		t += x
		c[i] = t
	}
	return c
}

func (r *rng) weighted(cum []float64) int {
	x := r.float() * cum[len(cum)-1]
	return sort.SearchFloat64s(cum, x)
}

// writer builds sentences into a reused buffer and counts the words it wrote.
type writer struct {
	r     *rng
	b     strings.Builder
	words int
}

func (w *writer) word(s string) {
	if w.b.Len() > 0 {
		last := w.b.String()[w.b.Len()-1]
		if last != ' ' && last != '\n' {
			w.b.WriteByte(' ')
		}
	}
	w.b.WriteString(s)
	w.words += strings.Count(s, " ") + 1
}

func article(next string) string {
	if strings.HasPrefix(next, "uni") {
		return "a"
	}
	switch next[0] {
	case 'a', 'e', 'i', 'o', 'u':
		return "an"
	}
	return "a"
}

func plural(n string) string {
	switch {
	case strings.HasSuffix(n, "sis"):
		return n[:len(n)-2] + "es"
	case strings.HasSuffix(n, "y") && !strings.ContainsAny(n[len(n)-2:len(n)-1], "aeiou"):
		return n[:len(n)-1] + "ies"
	case strings.HasSuffix(n, "s"), strings.HasSuffix(n, "x"), strings.HasSuffix(n, "ch"), strings.HasSuffix(n, "sh"):
		return n + "es"
	}
	return n + "s"
}

// nounPhrase returns "the new harbour", "several tunnels", "a review of the budget".
func (w *writer) nounPhrase(nested bool) string {
	r := w.r
	var parts []string
	if r.chance(0.15) {
		parts = append(parts, r.pick([]string{"the", "more", "less", "new"}), r.pick(massNouns))
	} else {
		n := r.pick(nouns)
		var adj string
		if r.chance(0.5) {
			adj = r.pick(adjectives)
		}
		if r.chance(0.25) {
			parts = append(parts, r.pick([]string{"the", "several", "two", "many", "some", "three"}))
			n = plural(n)
		} else {
			d := r.pick([]string{"the", "the", "a", "its", "their", "this"})
			if d == "a" {
				if adj != "" {
					d = article(adj)
				} else {
					d = article(n)
				}
			}
			parts = append(parts, d)
		}
		if adj != "" {
			parts = append(parts, adj)
		}
		parts = append(parts, n)
	}
	if !nested && r.chance(0.2) {
		parts = append(parts, "of", w.nounPhrase(true))
	}
	return strings.Join(parts, " ")
}

func (w *writer) person() string {
	return w.r.pick(givenNames) + " " + w.r.pick(familyNames)
}

func (w *writer) clause() string {
	r := w.r
	switch r.intn(6) {
	case 0:
		return w.nounPhrase(false) + " " + r.pick(pastVerbs) + " " + w.nounPhrase(false) + " " + r.pick(prepositions) + " " + r.pick(places)
	case 1:
		return w.nounPhrase(false) + " " + r.pick(adverbs) + " " + r.pick(pastVerbs) + " " + w.nounPhrase(true) + " " + r.pick(timePhrases)
	case 2:
		return w.nounPhrase(true) + " expects to " + r.pick(baseVerbs) + " " + w.nounPhrase(false) + " " + r.pick(timePhrases)
	case 3:
		return "residents of " + r.pick(places) + " say " + w.nounPhrase(true) + " " + r.pick(pastVerbs) + " " + w.nounPhrase(false)
	case 4:
		return w.nounPhrase(false) + " " + r.pick([]string{"warned", "argued", "noted", "insisted"}) + " that " + w.nounPhrase(true) + " would " + r.pick(baseVerbs) + " " + w.nounPhrase(true)
	default:
		return w.nounPhrase(true) + " " + r.pick(pastVerbs) + " " + w.nounPhrase(true) + " " + r.pick([]string{"after", "because", "while", "once"}) + " " + w.nounPhrase(true) + " " + r.pick(pastVerbs) + " " + w.nounPhrase(true)
	}
}

func capitalise(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

func (w *writer) sentence() string {
	r := w.r
	c := w.clause()
	if r.chance(0.2) {
		c = r.pick(openers) + ", " + c
	}
	if r.chance(0.07) {
		c += ", a rise of " + strconv.Itoa(r.between(2, 60)) + " percent"
	}
	return capitalise(c) + "."
}

// sentences writes whole sentences until at least n words are written.
func (w *writer) sentences(n int) {
	start := w.words
	for w.words-start < n {
		w.word(w.sentence())
	}
}

// text returns sentences of about n words as a string, outside the buffer.
func (w *writer) text(n int) string {
	var sub writer
	sub.r = w.r
	sub.sentences(n)
	return sub.b.String()
}

// paragraph writes one prose paragraph, now and then with a quote, a link or
// an emphasised word, and ends it with a blank line.
func (w *writer) paragraph() {
	r := w.r
	switch {
	case r.chance(0.14):
		q := w.text(r.between(10, 22))
		w.word(`"` + strings.TrimSuffix(q, ".") + `,"`)
		w.word("said " + w.person() + ", " + r.pick(roles) + ".")
		if r.chance(0.5) {
			w.word(w.sentence())
		}
	default:
		s := strings.Split(w.text(r.between(22, 42)), " ")
		if len(s) > 8 && r.chance(0.12) {
			i := r.between(1, len(s)-4)
			if isWord(s[i]) && isWord(s[i+1]) {
				url := r.pick(linkHosts) + "/" + r.pick(nouns) + "/" + strconv.Itoa(r.between(1000, 99999))
				s[i] = "[" + s[i]
				s[i+1] = s[i+1] + "](" + url + ")"
			}
		}
		if len(s) > 8 && r.chance(0.1) {
			i := r.between(1, len(s)-3)
			if isWord(s[i]) && len(s[i]) > 3 {
				if r.chance(0.5) {
					s[i] = "**" + s[i] + "**"
				} else {
					s[i] = "*" + s[i] + "*"
				}
			}
		}
		for _, x := range s {
			w.word(x)
		}
	}
	w.b.WriteString("\n\n")
}

func isWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func (w *writer) heading() {
	r := w.r
	var h string
	switch r.intn(4) {
	case 0:
		h = r.pick(headingStarts)
	case 1:
		h = "What " + w.nounPhrase(true) + " means for " + r.pick(places)
	case 2:
		h = "Why " + w.nounPhrase(true) + " " + r.pick(pastVerbs) + " " + w.nounPhrase(true)
	default:
		h = "The " + r.pick(adjectives) + " " + r.pick(nouns)
	}
	w.b.WriteString("## ")
	w.word(capitalise(h))
	w.b.WriteString("\n\n")
}

func (w *writer) list() {
	r := w.r
	ordered := r.chance(0.3)
	for i, n := 0, r.between(3, 6); i < n; i++ {
		if ordered {
			w.b.WriteString(strconv.Itoa(i+1) + ". ")
		} else {
			w.b.WriteString("- ")
		}
		w.word(capitalise(w.nounPhrase(true) + " " + r.pick(pastVerbs) + " " + w.nounPhrase(true)))
		w.b.WriteString("\n")
	}
	w.b.WriteString("\n")
}

func (w *writer) blockquote() {
	w.b.WriteString("> ")
	w.sentences(w.r.between(18, 36))
	w.b.WriteString("\n\n")
}

func (w *writer) code() {
	s := codeSnippets[w.r.intn(len(codeSnippets))]
	w.b.WriteString("```" + s.lang + "\n" + s.code + "\n```\n\n")
	w.words += len(strings.Fields(s.code))
}

func (w *writer) headline() string {
	r := w.r
	var h string
	switch r.intn(5) {
	case 0:
		h = r.pick(places) + " " + r.pick(presentVerbs) + " " + w.nounPhrase(true) + " as " + w.nounPhrase(true) + " " + r.pick(pastVerbs)
	case 1:
		h = "How " + w.nounPhrase(true) + " " + r.pick(pastVerbs) + " " + w.nounPhrase(true) + " " + r.pick(timePhrases)
	case 2:
		h = r.pick([]string{"Two", "Three", "Four", "Five"}) + " " + plural(r.pick(nouns)) + " later, " + w.person() + " still " + r.pick(presentVerbs) + " " + w.nounPhrase(true)
	case 3:
		h = w.nounPhrase(true) + " " + r.pick(presentVerbs) + " " + w.nounPhrase(true) + " " + r.pick(prepositions) + " " + r.pick(places)
	default:
		h = r.pick(places) + "'s " + r.pick(nouns) + " " + r.pick(presentVerbs) + " " + w.nounPhrase(true)
	}
	return r.pick(headlinePrefixes) + capitalise(h)
}

// slugify keeps ASCII letters and digits and joins the runs with dashes, as
// Jekyll's default slugify does for these titles.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b.WriteByte(c)
			dash = false
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c - 'A' + 'a')
			dash = false
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
