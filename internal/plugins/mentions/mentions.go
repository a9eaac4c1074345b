// Package mentions is jekyll-mentions 1.6: in every HTML page and written
// document, @name in text becomes a link to the user's profile
// (https://github.com/name, or `jekyll-mentions:` / `jekyll-mentions:
// base_url:` from the config or front matter), except inside pre, code, a,
// style and script, and in pages with `jekyll-mentions: false`.
//
// The gem runs html-pipeline, which parses the page's body with libxml2
// and prints it again. Broadsheet edits the text in place and copies the
// rest of the markup, reproducing the serializer's changes that Markdown
// output meets: text has its entities decoded and only &, < and > escaped,
// void elements lose their "/", and a block whose first or last child
// became a link gets libxml2's line breaks. Attributes are copied as they
// are, where libxml2 would re-quote and re-escape them. Pages without a
// mention are untouched, as with the gem.
package mentions

import (
	"fmt"
	"html"
	"os"
	"strings"

	"github.com/broadsheet-ssg/broadsheet/internal/build"
	"github.com/broadsheet-ssg/broadsheet/internal/content"
	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

// Plugin is jekyll-mentions.
type Plugin struct{}

// Name is the gem's name.
func (Plugin) Name() string { return "jekyll-mentions" }

// PostRender links the mentions of a page's output.
func (Plugin) PostRender(s *build.Site, d *content.Document, out string) (string, error) {
	if !strings.Contains(out, "@") || !mentionable(s, d) {
		return out, nil
	}
	base, err := baseURL(s, d)
	if err != nil {
		return "", err
	}
	if !strings.HasSuffix(base, "/") && !strings.HasSuffix(base, "~") {
		base += "/"
	}
	if i := strings.Index(out, "<body"); i >= 0 {
		open := strings.IndexByte(out[i:], '>')
		if open < 0 {
			return out, nil
		}
		start := i + open + 1
		for start < len(out) && isSpace(out[start]) {
			start++
		}
		end := strings.Index(out[start:], "</body>")
		if end < 0 {
			end = len(out)
		} else {
			end += start
		}
		body := out[start:end]
		if !hasMention(body) {
			return out, nil
		}
		return out[:start] + linkify(body, base) + out[end:], nil
	}
	if !hasMention(out) {
		return out, nil
	}
	return linkify(out, base), nil
}

// mentionable is the gem's test: pages and written documents whose output
// is HTML, unless front matter says `jekyll-mentions: false`.
func mentionable(s *build.Site, d *content.Document) bool {
	if !d.IsPage() && !d.Collection.Output {
		return false
	}
	if v, ok := d.Data.Get("jekyll-mentions"); ok && v == false {
		return false
	}
	perm, _ := d.Data.Get("permalink")
	return d.OutputExt == ".html" || strings.HasSuffix(liquid.ToS(perm), "/") && perm != nil
}

// baseURL is where mentions link to: front matter over config, a string
// or a mapping with base_url.
func baseURL(s *build.Site, d *content.Document) (string, error) {
	v, _ := s.Config.Raw.Get("jekyll-mentions")
	where := "the config"
	if len(s.Config.Files) > 0 {
		where = s.Config.Files[0]
	}
	if fv, ok := d.Data.Get("jekyll-mentions"); ok {
		v, where = fv, d.RelPath
	}
	switch c := v.(type) {
	case nil:
	case string:
		return c, nil
	case *liquid.Map:
		if b, ok := c.Get("base_url"); ok {
			return liquid.ToS(b), nil
		}
	default:
		return "", fmt.Errorf("%s: jekyll-mentions: must be a string or a mapping with base_url", where)
	}
	if ssl, host := os.Getenv("SSL"), os.Getenv("GITHUB_HOSTNAME"); ssl != "" && host != "" {
		scheme := "http://"
		if ssl == "true" {
			scheme = "https://"
		}
		return scheme + strings.TrimSuffix(host, "/"), nil
	}
	return "https://github.com", nil
}

// reserved are the names html-pipeline leaves as text.
var reserved = map[string]bool{"mention": true, "mentions": true, "mentioned": true, "mentioning": true}

// mention finds the next @name html-pipeline links in text from index
// from, where the previous match ended at last: the index of "@", and the
// name's end; or -1.
func mention(text string, from, last int) (int, int) {
	for i := from; i < len(text); i++ {
		if text[i] != '@' {
			continue
		}
		// (?:^|\W): line start, or a non-word character not yet consumed.
		if !(i == 0 || text[i-1] == '\n' || i-1 >= last && !isWord(text[i-1])) {
			continue
		}
		j := i + 1
		if j >= len(text) || !isWord(text[j]) {
			continue
		}
		for j < len(text) && (isWord(text[j]) || text[j] == '-') {
			j++
		}
		if j < len(text) && text[j] == '/' {
			continue
		}
		if !followOK(text, j) {
			continue
		}
		return i, j
	}
	return -1, -1
}

// followOK is the pattern's lookahead after the name.
func followOK(text string, j int) bool {
	if j >= len(text) || text[j] == '\n' {
		return true
	}
	if text[j] != '.' {
		return !isWord(text[j])
	}
	k := j
	for k < len(text) && text[k] == '.' {
		k++
	}
	if k-j >= 2 {
		return true // the dots can give one back to be the non-word character
	}
	return k >= len(text) || text[k] == '\n' || !isWord(text[k])
}

// hasMention is the gem's quick test on the whole body.
func hasMention(s string) bool {
	i, _ := mention(s, 0, 0)
	return i >= 0
}

// linkText replaces the mentions of one text node.
func linkText(text, base string) (string, bool) {
	var b strings.Builder
	last, copied, changed := 0, 0, false
	for {
		i, j := mention(text, last, last)
		if i < 0 {
			break
		}
		login := text[i+1 : j]
		last = j
		if reserved[strings.ToLower(login)] {
			continue
		}
		changed = true
		b.WriteString(text[copied:i])
		fmt.Fprintf(&b, `<a href="%s%s" class="user-mention">@%s</a>`, base, login, login)
		copied = j
	}
	if !changed {
		return text, false
	}
	b.WriteString(text[copied:])
	return b.String(), true
}

// skipped are the elements whose text keeps its mentions.
var skipped = map[string]bool{"pre": true, "code": true, "a": true, "style": true, "script": true}

// void elements libxml2 prints without a closing "/".
var void = map[string]bool{"area": true, "base": true, "basefont": true, "br": true, "col": true,
	"embed": true, "frame": true, "hr": true, "img": true, "input": true, "isindex": true,
	"link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true}

// block are HTML 4 elements libxml2 formats as blocks: a start tag whose
// first child is not text, among several, is followed by a line break
// (unless the name starts with "p"), and likewise before the end tag.
var block = map[string]bool{"address": true, "blockquote": true, "body": true, "caption": true,
	"center": true, "dd": true, "dir": true, "div": true, "dl": true, "dt": true, "fieldset": true,
	"form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"html": true, "li": true, "menu": true, "noscript": true, "ol": true, "table": true,
	"tbody": true, "td": true, "tfoot": true, "th": true, "thead": true, "tr": true, "ul": true}

// linkify links the mentions in the text of an HTML fragment.
func linkify(src, base string) string {
	var b strings.Builder
	b.Grow(len(src) + 256)
	skip := 0
	openTag := ""      // the start tag just written, while no child has followed
	var stack []string // open elements, innermost last
	for i := 0; i < len(src); {
		if src[i] == '<' {
			if strings.HasPrefix(src[i:], "<!--") {
				end := strings.Index(src[i+4:], "-->")
				if end < 0 {
					b.WriteString(src[i:])
					break
				}
				b.WriteString(src[i : i+4+end+3])
				i += 4 + end + 3
				openTag = ""
				continue
			}
			end := strings.IndexByte(src[i:], '>')
			if end < 0 {
				b.WriteString(src[i:])
				break
			}
			tag := src[i : i+end+1]
			i += end + 1
			name, closing := tagName(tag)
			switch {
			case closing:
				if skipped[name] && skip > 0 {
					skip--
				}
				for k := len(stack) - 1; k >= 0; k-- {
					if stack[k] == name {
						stack = stack[:k]
						break
					}
				}
				openTag = ""
			case name != "":
				if void[name] && strings.HasSuffix(tag, "/>") {
					tag = strings.TrimRight(tag[:len(tag)-2], " \t\n") + ">"
				}
				if skipped[name] && !void[name] {
					skip++
					if name == "script" || name == "style" {
						// Raw text up to the end tag.
						end := strings.Index(strings.ToLower(src[i:]), "</"+name)
						if end < 0 {
							end = len(src) - i
						}
						b.WriteString(tag)
						b.WriteString(src[i : i+end])
						i += end
						openTag = ""
						continue
					}
				}
				openTag = ""
				if block[name] {
					openTag = name
				}
				if !void[name] && !strings.HasSuffix(tag, "/>") {
					stack = append(stack, name)
				}
			default:
				openTag = ""
			}
			b.WriteString(tag)
			continue
		}
		end := strings.IndexByte(src[i:], '<')
		if end < 0 {
			end = len(src) - i
		}
		// libxml2 prints text with its entities decoded, escaping only
		// &, < and >.
		text := reescape(src[i : i+end])
		i += end
		if skip > 0 || !strings.Contains(text, "@") {
			b.WriteString(text)
			openTag = ""
			continue
		}
		linked, ok := linkText(text, base)
		parent := ""
		if len(stack) > 0 {
			parent = stack[len(stack)-1]
		}
		formatted := ok && block[parent] && !strings.HasPrefix(parent, "p")
		first := openTag != "" && strings.HasPrefix(linked, "<a ")
		lastChild := strings.HasSuffix(linked, "</a>") && strings.HasPrefix(src[i:], "</"+parent)
		only := openTag != "" && lastChild && strings.Count(linked, "<a ") == 1 && first
		// libxml2 breaks the line after a block's start tag when its first
		// child is an element, and before its end tag when its last one
		// is, if it has more than one child.
		if formatted && first && !only {
			b.WriteByte('\n')
		}
		b.WriteString(linked)
		if formatted && lastChild && !only {
			b.WriteByte('\n')
		}
		openTag = ""
	}
	return b.String()
}

// textEscaper is how libxml2 escapes text.
var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// reescape is text as libxml2 prints it after parsing it.
func reescape(text string) string {
	if !strings.Contains(text, "&") && !strings.Contains(text, ">") {
		return text
	}
	return textEscaper.Replace(html.UnescapeString(text))
}

// tagName is a tag's lower-case element name and whether it is an end
// tag; "" for doctypes and processing instructions.
func tagName(tag string) (string, bool) {
	t := tag[1:]
	closing := strings.HasPrefix(t, "/")
	t = strings.TrimPrefix(t, "/")
	n := 0
	for n < len(t) && (isWord(t[n]) || t[n] == '-' || t[n] == ':') {
		n++
	}
	return strings.ToLower(t[:n]), closing
}

func isWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
