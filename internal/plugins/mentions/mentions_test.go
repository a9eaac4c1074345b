package mentions

import "testing"

func TestLinkText(t *testing.T) {
	const b = "https://g/"
	link := func(n string) string { return `<a href="https://g/` + n + `" class="user-mention">@` + n + `</a>` }
	for _, c := range []struct{ in, want string }{
		{"hi @a", "hi " + link("a")},
		{"@a@b", link("a") + "@b"},
		{"x@y.com", "x@y.com"},
		{"@a/b", "@a/b"},
		{"@mention @Mentioned", "@mention @Mentioned"},
		{"@a. b", link("a") + ". b"},
		{"@a.b", "@a.b"},
		{"@a..b", link("a") + "..b"},
		{"@@d", "@" + link("d")},
		{"é@x", "é" + link("x")},
		{"line\n@x", "line\n" + link("x")},
	} {
		got, _ := linkText(c.in, b)
		if got != c.want {
			t.Errorf("linkText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLinkify(t *testing.T) {
	const b = "https://g/"
	a := func(n string) string { return `<a href="https://g/` + n + `" class="user-mention">@` + n + `</a>` }
	for _, c := range []struct{ in, want string }{
		{"<p>@x</p>", "<p>" + a("x") + "</p>"},
		{"<li>@x y</li>", "<li>\n" + a("x") + " y</li>"},
		{"<li>y @x</li>", "<li>y " + a("x") + "\n</li>"},
		{"<li>@x</li>", "<li>" + a("x") + "</li>"},
		{"<code>@x</code><a href=''>@y</a>", "<code>@x</code><a href=''>@y</a>"},
		{"<script>'<b>@x'</script>@y", "<script>'<b>@x'</script>" + a("y")},
		{`<br /><img src="x" />@z`, `<br><img src="x">` + a("z")},
		{"<!-- @c -->", "<!-- @c -->"},
	} {
		if got := linkify(c.in, b); got != c.want {
			t.Errorf("linkify(%q) =\n %q\nwant %q", c.in, got, c.want)
		}
	}
}
