package scaffold

import (
	"fmt"
	"hash/fnv"
	"html"
	"strings"
)

// The example site's pictures are drawn here as small SVG files, so the
// site has images of its own and the scaffold ships no binary files.

// storySVG is a 1200×675 picture of hills under a sky, varied by seed.
func storySVG(seed string, hue int) string {
	h := fnv.New32a()
	h.Write([]byte(seed))
	r := h.Sum32()
	next := func(n int) int { r = r*1664525 + 1013904223; return int(r>>8) % n }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 675" width="1200" height="675">`)
	fmt.Fprintf(&b, `<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(%d 55%% 78%%)"/><stop offset="1" stop-color="hsl(%d 60%% 92%%)"/></linearGradient></defs>`, hue, (hue+30)%360)
	b.WriteString(`<rect width="1200" height="675" fill="url(#s)"/>`)
	fmt.Fprintf(&b, `<circle cx="%d" cy="%d" r="%d" fill="hsl(%d 80%% 96%%)"/>`, 200+next(800), 110+next(120), 50+next(40), (hue+40)%360)
	for i := 0; i < 4; i++ {
		base := 330 + i*85
		light := 62 - i*12
		fmt.Fprintf(&b, `<path d="M0 %d`, base+next(60))
		for x := 150; x <= 1200; x += 150 {
			fmt.Fprintf(&b, ` Q%d %d %d %d`, x-75, base-40+next(90), x, base+next(60))
		}
		fmt.Fprintf(&b, ` V675 H0Z" fill="hsl(%d 35%% %d%%)"/>`, (hue+180+i*8)%360, light)
	}
	b.WriteString(`</svg>`)
	b.WriteByte('\n')
	return b.String()
}

// avatarSVG is a round 88×88 avatar with the name's initials.
func avatarSVG(name string, hue int) string {
	initials := ""
	for _, w := range strings.Fields(name) {
		for _, c := range w {
			initials += string(c)
			break
		}
	}
	return fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 88 88" width="88" height="88"><circle cx="44" cy="44" r="44" fill="hsl(%d 45%% 35%%)"/><text x="44" y="55" text-anchor="middle" font-family="Georgia,serif" font-size="32" fill="#fff">%s</text></svg>
`, hue, html.EscapeString(initials))
}
