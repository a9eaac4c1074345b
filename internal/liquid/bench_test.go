package liquid

import (
	"bytes"
	"strconv"
	"testing"
	"time"
)

const benchTemplate = `<ul class="posts">
{%- for post in site.posts limit: 1000 %}
  {%- assign year = post.date | date: "%Y" %}
  <li class="{% cycle 'odd', 'even' %}">
    <a href="{{ post.url | prepend: site.baseurl }}">{{ post.title | escape }}</a>
    <span>{{ post.date | date: "%b %-d, %Y" }}</span>
    {%- if post.tags.size > 0 %} tags: {{ post.tags | join: ", " | upcase }}{% endif %}
    {%- unless forloop.last %},{% endunless %}
    <p>{{ post.excerpt | strip_html | truncatewords: 20 }}</p>
  </li>
{%- endfor %}
</ul>`

func benchPosts(n int) []any {
	posts := make([]any, n)
	base := time.Date(2024, 1, 1, 10, 0, 0, 0, time.UTC)
	for i := range posts {
		m := NewMap(6)
		m.Set("title", "Post number "+strconv.Itoa(i)+" & friends")
		m.Set("url", "/2024/01/post-"+strconv.Itoa(i)+".html")
		m.Set("date", base.Add(time.Duration(i)*time.Hour))
		m.Set("tags", []any{"go", "liquid"})
		m.Set("excerpt", "<p>This is the <em>excerpt</em> of a post that goes on for a while, long enough to be truncated by the filter.</p>")
		posts[i] = m
	}
	return posts
}

// BenchmarkRenderPosts renders a loop over 1,000 post-like Maps with
// filters, as a Jekyll home page does.
func BenchmarkRenderPosts(b *testing.B) {
	e := NewEngine()
	tpl, err := e.Parse(benchTemplate, "index.html")
	if err != nil {
		b.Fatal(err)
	}
	site := NewMap(2)
	site.Set("posts", benchPosts(1000))
	site.Set("baseurl", "/blog")
	vars := map[string]any{"site": site}
	var out bytes.Buffer
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out.Reset()
		if err := tpl.Render(NewContext(vars), &out); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(out.Len()))
}

// BenchmarkParse parses the same template repeatedly.
func BenchmarkParse(b *testing.B) {
	e := NewEngine()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := e.Parse(benchTemplate, "index.html"); err != nil {
			b.Fatal(err)
		}
	}
}
