// Package avatar is jekyll-avatar 0.8: {% avatar user %} prints an <img>
// of a GitHub user's avatar, with size=N, user=variable and lazy=true, the
// image host picked from the user and size as the gem picks it.
package avatar

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// Plugin is jekyll-avatar.
type Plugin struct{}

// Name is the gem's name.
func (Plugin) Name() string { return "jekyll-avatar" }

// ExtendLiquid registers {% avatar %}.
func (Plugin) ExtendLiquid(e *liquid.Engine, _ *build.Site) {
	host := os.Getenv("PAGES_AVATARS_URL")
	e.RegisterTag("avatar", func(markup string, pos liquid.Position) (liquid.Renderer, error) {
		text := strings.TrimSpace(markup)
		// The markup is Liquid itself: {% avatar {{ page.author }} %}.
		tmpl, err := e.Parse(text, pos.Name)
		if err != nil {
			return nil, err
		}
		t := &tag{tmpl: tmpl, size: "40", host: host}
		if m := sizeArg.FindStringSubmatch(text); m != nil {
			t.size = m[1]
		}
		if m := userArg.FindStringSubmatch(text); m != nil {
			t.userVar = m[1]
		}
		return t, nil
	})
}

var (
	sizeArg = regexp.MustCompile(`(?i)\bsize=(\d+)\b`)
	userArg = regexp.MustCompile(`\buser=([\w.]+)\b`)
)

type tag struct {
	tmpl    *liquid.Template
	size    string // digits, from the markup as written
	userVar string // the variable user= names, or ""
	host    string // PAGES_AVATARS_URL, or "" for GitHub's servers
}

func (t *tag) Render(ctx *liquid.Context, out *bytes.Buffer) error {
	var b bytes.Buffer
	if err := t.tmpl.Render(ctx, &b); err != nil {
		return err
	}
	text := b.String()
	user := t.username(ctx, text)
	class := "avatar"
	if n, _ := strconv.Atoi(t.size); n < 48 {
		class = "avatar avatar-small"
	}
	fmt.Fprintf(out, `<img class="%s" alt="%s" width="%s" height="%s" data-proofer-ignore="true" `, class, user, t.size, t.size)
	if strings.Contains(text, "lazy=true") {
		fmt.Fprintf(out, `src="" data-src="%s" data-srcset="%s" />`, t.url(user, 1), t.srcset(user))
	} else {
		fmt.Fprintf(out, `src="%s" srcset="%s" />`, t.url(user, 1), t.srcset(user))
	}
	return nil
}

// username is the value of user=, else the first word, less a leading "@".
func (t *tag) username(ctx *liquid.Context, text string) string {
	if t.userVar != "" {
		parts := strings.Split(t.userVar, ".")
		v := ctx.Get(parts[0])
		for _, p := range parts[1:] {
			if v == nil {
				break
			}
			v = liquid.Lookup(v, p)
		}
		if v == nil || v == false {
			return t.userVar
		}
		return liquid.ToS(v)
	}
	if i := strings.IndexByte(text, ' '); i >= 0 {
		text = strings.Fields(text)[0]
	}
	return strings.TrimPrefix(text, "@")
}

func (t *tag) path(user string, scale int) string {
	size := t.size
	if scale != 1 {
		n, _ := strconv.Atoi(t.size)
		size = strconv.Itoa(n * scale)
	}
	return user + "?v=3&s=" + size
}

func (t *tag) url(user string, scale int) string {
	if t.host != "" {
		return strings.TrimSuffix(t.host, "/") + "/" + t.path(user, scale)
	}
	// The server is chosen from the 1x path, so every scale uses the same.
	n := crc32.ChecksumIEEE([]byte(t.path(user, 1))) % 4
	return fmt.Sprintf("https://avatars%d.githubusercontent.com/%s", n, t.path(user, scale))
}

func (t *tag) srcset(user string) string {
	parts := make([]string, 4)
	for i := range parts {
		parts[i] = fmt.Sprintf("%s %dx", t.url(user, i+1), i+1)
	}
	return strings.Join(parts, ", ")
}
