package markdown

import "testing"

// Expectations from Jekyll 4.3.1's SmartyPants converter (kramdown 2.4) with
// Jekyll's default kramdown options.
func TestSmartify(t *testing.T) {
	c := New([]string{"md"})
	for _, tc := range []struct{ in, want string }{
		{`Brazil's satellite`, "Brazil’s satellite"},
		{`"Quoted" -- and --- more...`, "“Quoted” – and — more…"},
		{`<b>it's</b> ok`, "<b>it’s</b> ok"},
		{`a & b &amp; c`, "a &amp; b &amp; c"},
	} {
		if got := c.Smartify(tc.in); got != tc.want {
			t.Errorf("Smartify(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
