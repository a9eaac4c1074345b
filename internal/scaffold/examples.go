package scaffold

import (
	"fmt"
	"strings"
	"time"
)

// The example site's people and stories. They are invented for Broadsheet:
// a town called Millbrook, its library, a bakery and a river festival.

type exampleAuthor struct {
	key, name, bio string
	hue            int // the avatar's colour
}

var exampleAuthors = []exampleAuthor{
	{"ada", "Ada Quill", "Covers the town council and anything with a budget attached.", 12},
	{"tomas", "Tomas Varga", "Writes about work, money and the shops on Mill Street.", 200},
}

type examplePost struct {
	title, author, category string
	tags                    []string
	excerpt, body           string
	hue                     int // the image's colour
}

// render is the post file, with its front matter in the fields and order
// of a news site's posts (the date without a time zone).
func (p examplePost) render(date time.Time, image string) string {
	var b strings.Builder
	b.WriteString("---\nlayout: post\n")
	fmt.Fprintf(&b, "title: %s\n", yamlString(p.title))
	fmt.Fprintf(&b, "date: %s\n", date.Format("2006-01-02T15:04:05"))
	fmt.Fprintf(&b, "author: %s\n", yamlString(p.author))
	fmt.Fprintf(&b, "categories: [%s]\n", p.category)
	fmt.Fprintf(&b, "tags: [%s]\n", strings.Join(p.tags, ", "))
	fmt.Fprintf(&b, "excerpt: %s\n", yamlString(p.excerpt))
	fmt.Fprintf(&b, "image: %s\n", image)
	b.WriteString("---\n\n")
	b.WriteString(strings.TrimLeft(p.body, "\n"))
	return b.String()
}

var examplePosts = []examplePost{
	{
		title:    "Millbrook library will stay open until midnight on weekdays",
		author:   "ada",
		category: "News",
		tags:     []string{"library", "council"},
		excerpt:  "Councillors voted seven to two for a year-long trial, paid for by closing the annex on Saturdays.",
		hue:      28,
		body: `
The reading room on Quarry Lane will keep its lights on until midnight from Monday to
Thursday, after the town council backed a one-year trial on Tuesday evening.

The plan moves two librarians from the Saturday annex, which will close, to a late
shift at the main building. Students asked for the change in a petition signed by
more than four hundred people last winter.

## What changes

- The main library opens at nine and closes at midnight, Monday to Thursday.
- The annex on Pike Road closes on Saturdays; its books can be ordered to Quarry Lane.
- Printing stays free for the first twenty pages a day.

> "Most of our visitors after eight are people coming off a shift," the head
> librarian told the meeting. "They have had nowhere quiet to go."

Two councillors voted against, saying the annex serves older readers who do not
drive. The council will publish visitor numbers every three months, and the trial
can be stopped early if the late hours stay empty.
`,
	},
	{
		title:    "The bakery on Mill Street now heats the flats above it",
		author:   "tomas",
		category: "Business",
		tags:     []string{"energy", "small business"},
		excerpt:  "A heat exchanger behind the ovens warms eleven homes, and the owners say it paid for itself in two winters.",
		hue:      200,
		body: `
Every morning at four, the ovens at Corner Loaf start work, and the warm air that
used to leave through the roof now runs through a coil of copper pipe instead.

The owners fitted the exchanger three years ago with a grant from the regional
energy fund. It feeds a water tank that the eleven flats upstairs share for their
radiators.

## The numbers

Tenants say their heating bills fell by about a third. The bakery charges nothing
for the heat but saved on its own water heating, which the owners put at a little
over four thousand a year.

The system has limits. On Sundays, when the bakery is closed, the flats fall back
to their old boilers, and in a hard frost the tank runs cold by late evening.

Two other shops on the street have asked the installer for a quote, and the
council's planning office says it will publish a short guide for businesses
that want to try the same.
`,
	},
	{
		title:    "Lanterns return to the river after ten quiet years",
		author:   "ada",
		category: "Culture",
		tags:     []string{"festival", "council", "river"},
		excerpt:  "Volunteers rebuilt the old floating stage, and the lantern walk is back on the first Saturday of September.",
		hue:      265,
		body: `
The lantern walk along the Mill river, which stopped when the floating stage was
judged unsafe, will return this September after a group of volunteers spent two
summers rebuilding it.

The new stage rests on twelve sealed drums and was inspected by the harbour office
in June. It will hold a brass band and a choir from the secondary school.

## How to take part

Lantern workshops run at the library every Thursday evening in August. Lanterns
must use battery lights: the organisers will hand out spare ones at the bridge.

The walk starts at the old mill at eight and ends at the weir, where the stage will
be moored for the evening. Roads along the bank close from six.

Organisers hope to make the walk yearly again, but say it depends on more
volunteers for next year's stewarding.
`,
	},
}
