package toc

import "testing"

// The expected strings are what Nokogiri 1.13 on libxml2 2.9.14 (Debian's)
// gave for DocumentFragment.parse(in).inner_html.
func TestInnerHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\n\n<h1>x</h1>\n\n", "\n\n<h1>x</h1>\n\n"},
		{"<ul><li>a</li><li>b</li></ul><p>x</p><div><p>y</p></div>", "<ul>\n<li>a</li>\n<li>b</li>\n</ul><p>x</p><div><p>y</p></div>"},
		{"plain text & more", "plain text &amp; more"},
		{`<p title="a&quot;b&lt;c" data-x='s"q'>x</p>`, `<p title='a"b&lt;c' data-x='s"q'>x</p>`},
		{"<a name=\"caf\u00e9 x\" href=\"javascript:a b\">y</a><form action=\"a b\"></form>", `<a name="caf%C3%A9%20x" href="javascript:a%20b">y</a><form action="a%20b"></form>`},
		{"<p>a\r\nb\tc</p>", "<p>a\r\nb\tc</p>"},
		{`<foo-bar x="1">custom</foo-bar><svg><path d="M0"/></svg>`, `<foo-bar x="1">custom</foo-bar><svg><path d="M0"></path></svg>`},
		{"<p>unclosed<p>next", "<p>unclosed</p><p>next</p>"},
		{"<div a=\"&#10;x\ny\"></div>", "<div a=\"\nx\ny\"></div>"},
		{`<h2 id="x">A <code>b</code></h2>`, "<h2 id=\"x\">A <code>b</code>\n</h2>"},
		{"<p>&#8617; &hellip; &#x27; &unknown; & a</p>", "<p>\u21a9 \u2026 ' &amp;unknown; &amp; a</p>"},
		{`<input type="checkbox" checked="checked" disabled><br/><hr />`, `<input type="checkbox" checked disabled><br><hr>`},
		{"<script>if (a < b && c) {}</script>\n<!-- comment -->", "<script>if (a < b && c) {}</script>\n<!-- comment -->"},
	}
	for _, tt := range tests {
		if got := parseFragment(tt.in).innerHTML(); got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestList(t *testing.T) {
	c := defaults()
	tests := []struct{ in, want string }{
		{"", "<ul id=\"toc\" class=\"section-nav\">\n</ul>"},
		{`<h2>B</h2><h1>A</h1>`, "<ul id=\"toc\" class=\"section-nav\">\n<li class=\"toc-entry toc-h2\"><a href=\"#b\">B</a></li>\n<li class=\"toc-entry toc-h1\"><a href=\"#a\">A</a></li>\n</ul>"},
		{`<h1>A &amp; b</h1><h1 class="x no_toc">n</h1><h1>A &amp; b</h1>`, "<ul id=\"toc\" class=\"section-nav\">\n<li class=\"toc-entry toc-h1\"><a href=\"#a--b\">A &amp; b</a></li>\n<li class=\"toc-entry toc-h1\"><a href=\"#a--b-1\">A &amp; b</a></li>\n</ul>"},
		{`<h3 id="given">Ünï "q"</h3>`, "<ul id=\"toc\" class=\"section-nav\">\n<li class=\"toc-entry toc-h3\"><a href=\"#given\">Ünï &quot;q&quot;</a></li>\n</ul>"},
	}
	for _, tt := range tests {
		if got := parse(tt.in, &c).list(); got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestTocID(t *testing.T) {
	for in, want := range map[string]string{
		"Hello World":   "hello-world",
		"Café & Bar!":   "caf%C3%A9--bar",
		"a_b-c.d":       "a_b-cd",
		"  two  spaces": "--two--spaces",
	} {
		if got := tocID(in); got != want {
			t.Errorf("tocID(%q) = %q, want %q", in, got, want)
		}
	}
}
