package avatar

import "testing"

func TestURL(t *testing.T) {
	for _, c := range []struct {
		user, size, host string
		scale            int
		want             string
	}{
		// Server numbers as the gem picks them (crc32 of the 1x path).
		{"benbalter", "40", "", 1, "https://avatars3.githubusercontent.com/benbalter?v=3&s=40"},
		{"benbalter", "40", "", 3, "https://avatars3.githubusercontent.com/benbalter?v=3&s=120"},
		{"hubot", "24", "", 2, "https://avatars0.githubusercontent.com/hubot?v=3&s=48"},
		{"hubot", "40", "https://avatars.corp/", 1, "https://avatars.corp/hubot?v=3&s=40"},
	} {
		tg := &tag{size: c.size, host: c.host}
		if got := tg.url(c.user, c.scale); got != c.want {
			t.Errorf("url(%s, %d) = %s, want %s", c.user, c.scale, got, c.want)
		}
	}
}

func TestUsername(t *testing.T) {
	tg := &tag{}
	for text, want := range map[string]string{"@hubot size=50": "hubot", "jekyll": "jekyll", "a@b": "a@b", "@@x": "@x"} {
		if got := tg.username(nil, text); got != want {
			t.Errorf("username(%q) = %q, want %q", text, got, want)
		}
	}
}
