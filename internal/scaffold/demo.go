package scaffold

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/utils"
)

// DemoOptions size the demo site: the example site of NewSite with more
// stories of generated words, for screenshots, browser checks and
// benchmarks of the theme.
type DemoOptions struct {
	SiteOptions
	// Stories is the number of generated stories added.
	Stories int
	// Seed makes a different set of stories.
	Seed uint64
}

// Demo writes the example site with o.Stories generated stories into dir:
// spread over the sections and the two years before o.Now, sharing tags,
// one in five without an image, one in seven by an author who is not in
// site.authors, as real news sites have.
func Demo(dir string, o DemoOptions) ([]string, error) {
	files, err := NewSite(dir, o.SiteOptions)
	if err != nil {
		return files, err
	}
	now := o.Now
	if now.IsZero() {
		now = time.Now()
	}
	r := rand.New(rand.NewPCG(o.Seed, 0x6272_6f61_6473_6874))
	w := &writer{root: dir, done: files}
	sections := []string{"News", "Business", "Culture"}
	tags := []string{"council", "river", "schools", "transport", "housing", "energy", "weather", "markets", "music", "sport"}
	seen := map[string]bool{}
	for i := 0; i < o.Stories; i++ {
		title := headline(r)
		slug := utils.Slugify(title, "default", false)
		for seen[slug] {
			title += " " + word(r)
			slug = utils.Slugify(title, "default", false)
		}
		seen[slug] = true
		d := now.Add(-time.Duration(4*24+r.IntN(2*365*24)) * time.Hour).Truncate(time.Minute)
		p := examplePost{
			title:    title,
			author:   exampleAuthors[i%len(exampleAuthors)].key,
			category: sections[r.IntN(len(sections))],
			excerpt:  sentence(r, 14+r.IntN(10)),
			hue:      r.IntN(360),
		}
		if i%7 == 3 {
			p.author = "guest-writer" // not in site.authors
		}
		for n := r.IntN(3); n > 0; n-- {
			t := tags[r.IntN(len(tags))]
			if !containsString(p.tags, t) {
				p.tags = append(p.tags, t)
			}
		}
		var body strings.Builder
		for n := 3 + r.IntN(6); n > 0; n-- {
			if n == 2 {
				fmt.Fprintf(&body, "## %s\n\n", capitalize(sentenceWords(r, 3+r.IntN(3))))
			}
			for s := 2 + r.IntN(4); s > 0; s-- {
				body.WriteString(sentence(r, 8+r.IntN(16)))
				body.WriteByte(' ')
			}
			body.WriteString("\n\n")
		}
		p.body = body.String()
		image := ""
		if i%5 != 2 {
			image = "assets/images/" + slug + ".svg"
			w.file(image, storySVG(slug, p.hue))
		}
		text := p.render(d, image)
		if image == "" {
			text = strings.Replace(text, "image: \n", "", 1)
		}
		w.file("_posts/"+d.Format("2006-01-02")+"-"+slug+".md", text)
	}
	return w.done, w.err
}

func containsString(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// Invented and plain words, so generated stories read like text and wrap
// like text without being anyone's.
var words = strings.Fields(`millbrook harbour council ferry bridge market morning evening
quarry lane river weir bakery library school mill street station tram
budget plan vote meeting report season harvest lantern choir band
residents neighbours visitors workers tenants owners volunteers
opens closes returns rises falls waits plans builds repairs moves
new old quiet busy late early small large second final yearly
after before during under over along across between beside
the a of to in for on with by at from and but`)

func word(r *rand.Rand) string { return words[r.IntN(len(words))] }

func sentenceWords(r *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = word(r)
	}
	return strings.Join(ws, " ")
}

func capitalize(s string) string { return utils.Capitalize(s[:1]) + s[1:] }

func sentence(r *rand.Rand, n int) string { return capitalize(sentenceWords(r, n)) + "." }

func headline(r *rand.Rand) string { return capitalize(sentenceWords(r, 5+r.IntN(6))) }
