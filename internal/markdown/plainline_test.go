package markdown

import "testing"

// The plain-line shortcut gives what kramdown gives for every line it takes,
// and declines lines where kramdown does more than wrap a paragraph.
func TestPlainLineAgreesWithKramdown(t *testing.T) {
	c := New(nil)
	lines := []string{
		"Hello world", "Council approves the 2025 budget", "Rates rise (again) by 2%, economists say",
		"Why now? Because it works!", "Left/right; up-down", "A. B. C.", "x", "Mr. Smith goes to Washington",
		"Hello  world", "End with a dot.", "Version 1.2.3 ships",
		// Declined: each of these is more than a paragraph of text.
		"It's here", `"Quoted"`, "Wait...", "A -- B", "1. First", "# Heading", "- item", "*em*", "a_b_c",
		"<b>bold</b>", "Fish & chips", "Trailing ", " Leading", "Two\nlines", "See [link](x)", "a | b",
		"Use `code`", "Term\n: definition", "x^2", "$$x$$", "http://example.com", "",
	}
	for _, l := range lines {
		want := c.convertKramdown(l)
		if plainLine(l) {
			if got := "<p>" + l + "</p>\n"; got != want {
				t.Errorf("plain line %q: shortcut %q, kramdown %q", l, got, want)
			}
		}
		if got, _ := c.Convert(l); got != want {
			t.Errorf("Convert(%q) = %q, kramdown %q", l, got, want)
		}
	}
	for _, l := range []string{"It's here", "Wait...", "A -- B", "1. First", "Fish & chips", "Trailing ", ""} {
		if plainLine(l) {
			t.Errorf("plainLine(%q) is true", l)
		}
	}
}
