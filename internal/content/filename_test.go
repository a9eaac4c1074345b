package content

import (
	"slices"
	"testing"
)

// matchDateFilename gives the regexp's match and groups.
func TestMatchDateFilename(t *testing.T) {
	names := []string{"_posts/2024-01-02-title.md", "2024-01-02-title.md", "_posts/a/b/2024-1-2-x.markdown",
		"_posts/2024-01-02-.md", "_posts/2024-01-02-a.b.c", "_posts/2024-01-02-a.", "_posts/2024-01-02-a",
		"_posts/12345-01-02-a.md", "_posts/24-1-2-a.md", "_posts/2024-01-023-a.md", "_posts/2024-01-02a.md",
		"_posts/2024-01-02-a.b/c", "2024-01-01-x.d/2024-02-02-y.md", "_posts/x/2024-01-01-a.b/2024-02-02-c.md",
		"_posts/notes.md", "_posts/2024-01-02-tïtle.md", "_posts/1-01-02-a.md", "", "/2024-01-02-a.md",
		"_posts/2024-01-02-a..md", "_posts/2024-01-02-.md.", "9/2024-01-02-a.md", "//2024-01-02-a.md", "a\n/2024-01-02-a.md"}
	for _, n := range names {
		want := dateFilename.FindStringSubmatch(n)
		if got := matchDateFilename(n); !slices.Equal(got, want) {
			t.Errorf("%q: got %q, regexp %q", n, got, want)
		}
	}
}
