package content

import (
	"fmt"
	"net/url"
	"strings"
)

// The permalink styles Jekyll names, expanded to their templates.
var permalinkStyles = map[string]string{
	"none":     "/:categories/:title:output_ext",
	"date":     "/:categories/:year/:month/:day/:title:output_ext",
	"ordinal":  "/:categories/:year/:y_day/:title:output_ext",
	"pretty":   "/:categories/:year/:month/:day/:title/",
	"weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
}

// StyleToPermalink expands a permalink style name ("pretty") to its
// template; any other value is already a template.
func StyleToPermalink(style string) string {
	if t, ok := permalinkStyles[style]; ok {
		return t
	}
	return style
}

// AddPermalinkSuffix gives a page or collection template the trailing slash
// or extension of the site's permalink setting, as Jekyll's
// Utils.add_permalink_suffix does: pages and collection items follow only
// that part of the site's style.
func AddPermalinkSuffix(template, style string) string {
	switch style {
	case "pretty":
		return template + "/"
	case "date", "ordinal", "none":
		return template + ":output_ext"
	}
	if strings.HasSuffix(style, "/") {
		template += "/"
	}
	if strings.HasSuffix(style, ":output_ext") {
		template += ":output_ext"
	}
	return template
}

// Placeholders answers the value of a permalink placeholder, or false when
// the template names one that does not exist.
type Placeholders interface {
	Placeholder(name string) (string, bool)
}

// ExpandURL fills a permalink template from a document's placeholders,
// as Jekyll's URL#generate_url_from_drop: `:name` runs of lower-case letters
// and underscores, where a trailing underscore may belong to the text.
func ExpandURL(template string, ph Placeholders) (string, error) {
	var b strings.Builder
	for i := 0; i < len(template); {
		c := template[i]
		if c != ':' {
			b.WriteByte(c)
			i++
			continue
		}
		j := i + 1
		for j < len(template) && (template[j] >= 'a' && template[j] <= 'z' || template[j] == '_') {
			j++
		}
		name := template[i+1 : j]
		if name == "" {
			b.WriteByte(c)
			i++
			continue
		}
		v, ok := ph.Placeholder(name)
		rest := ""
		if !ok && strings.HasSuffix(name, "_") {
			v, ok = ph.Placeholder(strings.TrimSuffix(name, "_"))
			rest = "_"
		}
		if !ok {
			pool := name
			if rest != "" {
				pool = name + " or " + strings.TrimSuffix(name, "_")
			}
			return "", fmt.Errorf("the URL template %q doesn't have %s keys; check your permalink template", template, pool)
		}
		b.WriteString(EscapePath(v))
		b.WriteString(rest)
		i = j
	}
	return SanitizeURL(b.String()), nil
}

// ExpandURLFromPairs fills a template from an ordered list of placeholder
// names and values, as Jekyll's URL#generate_url_from_hash does for pages and
// static files: each name replaced everywhere in turn, and a nil value
// (hasValue false) removes "/:name".
func ExpandURLFromPairs(template string, pairs []Pair) string {
	result := template
	for _, p := range pairs {
		if !strings.Contains(result, ":") {
			break
		}
		if !p.HasValue {
			result = strings.ReplaceAll(result, "/:"+p.Name, "")
		} else {
			result = strings.ReplaceAll(result, ":"+p.Name, EscapePath(p.Value))
		}
	}
	return SanitizeURL(result)
}

// Pair is one placeholder of ExpandURLFromPairs.
type Pair struct {
	Name     string
	Value    string
	HasValue bool
}

// SanitizeURL is Jekyll's URL#sanitize_url: a leading slash, ".." and "./"
// taken out, and runs of slashes squeezed to one.
func SanitizeURL(s string) string {
	s = "/" + s
	s = strings.ReplaceAll(s, "..", "/")
	s = strings.ReplaceAll(s, "./", "")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '/' && i > 0 && s[i-1] == '/' {
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// EscapePath percent-encodes a URL path as Jekyll's URL.escape_path does
// (Addressable's encoding of a path, then the first "#" as %23).
func EscapePath(p string) string {
	if p == "" {
		return p
	}
	plain := true
	for i := 0; i < len(p); i++ {
		c := p[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '/' || c == '-') {
			plain = false
			break
		}
	}
	if plain {
		return p
	}
	var b strings.Builder
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(p); i++ {
		c := p[i]
		if pathChar(c) || c == '?' || c == '#' || c == '%' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return strings.Replace(b.String(), "#", "%23", 1)
}

func pathChar(c byte) bool {
	if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
		return true
	}
	return strings.IndexByte("-._~!$&'()*+,;=:@/", c) >= 0
}

// UnescapePath decodes percent escapes, as Jekyll does before it turns a URL
// into a file name.
func UnescapePath(p string) string {
	if !strings.Contains(p, "%") {
		return p
	}
	if u, err := url.PathUnescape(p); err == nil {
		return u
	}
	return p
}
