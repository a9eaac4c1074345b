package filters

import (
	"strconv"
	"strings"

	"github.com/broadsheet-ssg/broadsheet/internal/liquid"
)

func (env *Env) relativeURLFilter(_ *liquid.Context, input any, _ []any) (any, error) {
	if input == nil {
		return nil, nil
	}
	return env.relativeURL(input)
}

func (env *Env) absoluteURLFilter(_ *liquid.Context, input any, _ []any) (any, error) {
	if input == nil {
		return nil, nil
	}
	input = urlOf(input)
	s := liquid.ToS(input)
	u, err := parseURI(s)
	if err != nil {
		return nil, err
	}
	if u.absolute() {
		return input, nil
	}
	rel, err := env.relativeURL(input)
	if err != nil {
		return nil, err
	}
	if env.URL == "" {
		return rel, nil
	}
	r := liquid.ToS(rel)
	if len(r) > 0 && r[0] == '/' && plainPath(r) && env.plainSiteURL() {
		// Normalising a normal site URL joined to a plain path changes
		// nothing: the path of every page of most sites.
		return env.URL + r, nil
	}
	return normalizeURI(env.URL + r)
}

// plainBase tells whether the baseurl (without a trailing slash) is a plain
// path, worked out once.
func (env *Env) plainBase() bool {
	env.baseOnce.Do(func() { env.basePlain = plainPath(strings.TrimSuffix(env.BaseURL, "/")) })
	return env.basePlain
}

// plainSiteURL tells whether site.url is already in normal form with no
// query or fragment, so that env.URL + "/a/plain/path" is normal too.
func (env *Env) plainSiteURL() bool {
	env.urlOnce.Do(func() {
		u, err := parseURI(env.URL)
		if err != nil || u.hasQuery || u.hasFrag || !plainPath(u.path) {
			return
		}
		probe := env.URL + "/a/b-c_d.e~f/"
		n, err := normalizeURI(probe)
		env.urlPlain = err == nil && n == probe
	})
	return env.urlPlain
}

// relativeURL is compute_relative_url: baseurl and input joined with one
// slash each, then normalized as Addressable does. An absolute URL (one with
// a scheme) comes back as it was given.
func (env *Env) relativeURL(input any) (any, error) {
	input = urlOf(input)
	s := liquid.ToS(input)
	base := strings.TrimSuffix(env.BaseURL, "/")
	// Most inputs are plain site paths, which normalising leaves as they are.
	if env.plainBase() && plainPath(s) {
		if base == "" && s != "" && s[0] == '/' {
			return s, nil
		}
		return ensureLeadingSlash(base) + ensureLeadingSlash(s), nil
	}
	u, err := parseURI(s)
	if err != nil {
		return nil, err
	}
	if u.absolute() {
		return input, nil
	}
	return normalizeURI(ensureLeadingSlash(base) + ensureLeadingSlash(s))
}

// plainPath reports whether s is a path that URI normalisation cannot
// change: unreserved characters and slashes only, no "." or ".." segment,
// and no "//" (which would read as a host).
func plainPath(s string) bool {
	seg := 0 // length of the current segment, -1 once it is not all dots
	dots := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '/':
			if (seg > 0 && dots == seg && dots <= 2) || (i > 0 && s[i-1] == '/') {
				return false
			}
			seg, dots = 0, 0
		case c == '.':
			seg++
			dots++
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_', c == '~':
			seg++
		default:
			return false
		}
	}
	return !(seg > 0 && dots == seg && dots <= 2)
}

// urlOf is `input.url if input.respond_to?(:url)`: a document's drop stands
// for its URL.
func urlOf(input any) any {
	if d, ok := input.(liquid.Drop); ok {
		if u := d.Get("url"); u != nil {
			return u
		}
	}
	return input
}

func ensureLeadingSlash(s string) string {
	if s == "" || s[0] == '/' {
		return s
	}
	return "/" + s
}

func stripIndexFilter(_ *liquid.Context, input any, _ []any) (any, error) {
	if input == nil {
		return nil, nil
	}
	s, ok := input.(string)
	if !ok {
		if liquid.ToS(input) == "" {
			return nil, nil
		}
		return nil, internalf("undefined method `sub' for %s", liquid.Inspect(input))
	}
	if s == "" {
		return nil, nil
	}
	// sub(%r!/index\.html?$!, "/"): the first match, where $ is the end of
	// a line.
	atEOL := func(j int) bool { return j == len(s) || s[j] == '\n' }
	for i := strings.Index(s, "/index.htm"); i >= 0; {
		j := i + len("/index.htm")
		if j < len(s) && s[j] == 'l' && atEOL(j+1) {
			return s[:i] + "/" + s[j+1:], nil
		}
		if atEOL(j) {
			return s[:i] + "/" + s[j:], nil
		}
		k := strings.Index(s[i+1:], "/index.htm")
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return s, nil
}

func uriEscapeFilter(_ *liquid.Context, input any, _ []any) (any, error) {
	switch s := input.(type) {
	case nil:
		return nil, nil
	case string:
		return normalizeComponent(s, isReservedOrUnreserved, ""), nil
	}
	return nil, internalf("Can't convert %s into String.", rubyClass(input))
}

// cgiEscapeFilter is CGI.escape: everything but letters, digits and _.-~
// percent-encoded, spaces as "+".
func cgiEscapeFilter(_ *liquid.Context, input any, _ []any) (any, error) {
	s, ok := input.(string)
	if !ok {
		return nil, internalf("no implicit conversion of %s into String", rubyClass(input))
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			b.WriteByte('+')
		case isAlnum(c) || c == '_' || c == '.' || c == '-' || c == '~':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(upperHex[c>>4])
			b.WriteByte(upperHex[c&15])
		}
	}
	return b.String(), nil
}

const upperHex = "0123456789ABCDEF"

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isUnreserved(c byte) bool {
	return isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~'
}

func isSubDelim(c byte) bool {
	switch c {
	case '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=':
		return true
	}
	return false
}

func isReservedOrUnreserved(c byte) bool {
	switch c {
	case ':', '/', '?', '#', '[', ']', '@':
		return true
	}
	return isUnreserved(c) || isSubDelim(c)
}

func isPchar(c byte) bool { return isUnreserved(c) || isSubDelim(c) || c == ':' || c == '@' }

func isFragmentChar(c byte) bool { return isPchar(c) || c == '/' || c == '?' }

func isHostChar(c byte) bool {
	return isUnreserved(c) || isSubDelim(c) || c == '[' || c == ':' || c == ']'
}

func isSchemeChar(c byte) bool { return isAlnum(c) || c == '-' || c == '+' || c == '.' }

// isQueryChar is Addressable's query class: '&' and ';' are not in it, and
// a '%' is, because only "%2B" survives the unencoding before.
func isQueryChar(c byte) bool {
	switch c {
	case '-', '.', '_', '~', '!', '$', '\'', '(', ')', '*', '+', ',', '=', ':', '@', '/', '?', '%':
		return true
	}
	return isAlnum(c)
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// normalizeComponent is Addressable::URI.normalize_component: decode every
// %XX (except the characters in leave), then percent-encode each byte not
// allowed by keep, in upper-case hex.
//
// Addressable also applies Unicode NFKC normalization between the two steps;
// Broadsheet does not, which only matters for compatibility characters
// (full-width forms, ligatures, decomposed accents) in URLs.
func normalizeComponent(s string, keep func(byte) bool, leave string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '%' || !keep(c) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	// Decode.
	dec := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' && i+2 < len(s) {
			h, ok1 := unhex(s[i+1])
			l, ok2 := unhex(s[i+2])
			if ok1 && ok2 {
				v := h<<4 | l
				if strings.IndexByte(leave, v) < 0 {
					dec = append(dec, v)
					i += 2
					continue
				}
			}
		}
		dec = append(dec, c)
	}
	// Encode.
	out := make([]byte, 0, len(dec)+8)
	for i := 0; i < len(dec); i++ {
		c := dec[i]
		if c == '%' && keep(c) && leaveEncoded(dec[i+1:], leave) {
			// A code left encoded is kept, in upper case ("%2b" -> "%2B").
			out = append(out, '%', upper(dec[i+1]), upper(dec[i+2]))
			i += 2
			continue
		}
		if c != '%' && keep(c) {
			out = append(out, c)
			continue
		}
		out = append(out, '%', upperHex[c>>4], upperHex[c&15])
	}
	return string(out)
}

func upper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 32
	}
	return c
}

// leaveEncoded reports whether the bytes after a '%' are the code of one of
// the characters that were left encoded.
func leaveEncoded(rest []byte, leave string) bool {
	if len(rest) < 2 || leave == "" {
		return false
	}
	h, ok1 := unhex(rest[0])
	l, ok2 := unhex(rest[1])
	return ok1 && ok2 && strings.IndexByte(leave, h<<4|l) >= 0
}

// uri is a URI split as Addressable::URI.parse splits it.
type uri struct {
	scheme, authority, path, query, fragment   string
	hasScheme, hasAuthority, hasQuery, hasFrag bool
}

func (u *uri) absolute() bool { return u.hasScheme }

// parseURI splits s with Addressable's URIREGEX:
// ^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?$
func parseURI(s string) (*uri, error) {
	u := &uri{}
	// Ruby's ^...$ and . stop at a newline: only the first line is a URI.
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	rest := s
	if i := strings.IndexAny(rest, ":/?#"); i > 0 && rest[i] == ':' {
		u.scheme, u.hasScheme = rest[:i], true
		rest = rest[i+1:]
	}
	if strings.HasPrefix(rest, "//") {
		rest = rest[2:]
		i := strings.IndexAny(rest, "/?#")
		if i < 0 {
			i = len(rest)
		}
		u.authority, u.hasAuthority = rest[:i], true
		rest = rest[i:]
	}
	i := strings.IndexAny(rest, "?#")
	if i < 0 {
		i = len(rest)
	}
	u.path = rest[:i]
	rest = rest[i:]
	if strings.HasPrefix(rest, "?") {
		rest = rest[1:]
		j := strings.IndexByte(rest, '#')
		if j < 0 {
			j = len(rest)
		}
		u.query, u.hasQuery = rest[:j], true
		rest = rest[j:]
	}
	if strings.HasPrefix(rest, "#") {
		u.fragment, u.hasFrag = rest[1:], true
	}
	return u, nil
}

var defaultPorts = map[string]int{
	"http": 80, "https": 443, "ftp": 21, "tftp": 69, "sftp": 22, "ssh": 22,
	"svn+ssh": 22, "telnet": 23, "nntp": 119, "gopher": 70, "wais": 210,
	"ldap": 389, "prospero": 1525,
}

// normalizeURI is Addressable::URI.parse(s).normalize.to_s.
func normalizeURI(s string) (string, error) {
	u, err := parseURI(s)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	scheme := ""
	if u.hasScheme {
		scheme = normalizeComponent(strings.ToLower(strings.TrimSpace(u.scheme)), isSchemeChar, "")
		b.WriteString(scheme)
		b.WriteByte(':')
	}
	if u.hasAuthority {
		auth, err := normalizeAuthority(u.authority, scheme)
		if err != nil {
			return "", err
		}
		b.WriteString("//")
		b.WriteString(auth)
	}
	path := u.path
	if !u.hasScheme && isAmbiguousPath(path) {
		path = strings.Replace(path, ":", "%2F", 1)
	}
	path = rubyStrip(path)
	segs := strings.Split(path, "/")
	for i, seg := range segs {
		segs[i] = normalizeComponent(seg, isPchar, "")
	}
	path = removeDotSegments(strings.Join(segs, "/"))
	if path == "" {
		switch scheme {
		case "http", "https", "ftp", "tftp":
			path = "/"
		}
	}
	if u.hasAuthority && path != "" && path[0] != '/' {
		return "", internalf("Cannot have a relative path with an authority set: '%s'", s)
	}
	b.WriteString(path)
	if u.hasQuery {
		pairs := strings.Split(u.query, "&")
		for i, p := range pairs {
			pairs[i] = normalizeComponent(p, isQueryChar, "+")
		}
		if q := strings.Join(pairs, "&"); q != "" {
			b.WriteByte('?')
			b.WriteString(q)
		}
	}
	if u.hasFrag {
		if f := normalizeComponent(u.fragment, isFragmentChar, ""); f != "" {
			b.WriteByte('#')
			b.WriteString(f)
		}
	}
	return b.String(), nil
}

// isAmbiguousPath is Addressable's NORMPATH: a relative path whose first
// segment has a colon, which would read as a scheme.
func isAmbiguousPath(p string) bool {
	if p == "" || p[0] == '/' {
		return false
	}
	i := strings.IndexAny(p, "/:")
	return i >= 0 && p[i] == ':'
}

func normalizeAuthority(auth, scheme string) (string, error) {
	var userinfo string
	hasUser := false
	hostport := auth
	if i := strings.LastIndexByte(auth, '@'); i >= 0 && !strings.ContainsAny(auth[:i], "[]") {
		userinfo, hasUser = auth[:i], true
		hostport = auth[i+1:]
	}
	host, port := hostport, ""
	if i := strings.LastIndexByte(hostport, ':'); i >= 0 && !strings.ContainsAny(hostport[i+1:], "@[]") {
		host, port = hostport[:i], hostport[i+1:]
	}
	var b strings.Builder
	if hasUser {
		user, pass, hasPass := strings.Cut(strings.TrimSpace(userinfo), ":")
		b.WriteString(normalizeComponent(user, isUserChar, ""))
		if hasPass {
			b.WriteByte(':')
			b.WriteString(normalizeComponent(pass, isUserChar, ""))
		}
		b.WriteByte('@')
	}
	h := strings.ToLower(strings.TrimSpace(host))
	if h != "" {
		h = normalizeComponent(h, func(byte) bool { return false }, "")
		h = unescapeAll(h)
		if len(h) > 1 && h[len(h)-1] == '.' && h[len(h)-2] != '.' {
			h = h[:len(h)-1]
		}
		h = normalizeComponent(h, isHostChar, "")
	}
	b.WriteString(h)
	if port != "" {
		n, err := strconv.Atoi(port)
		if err != nil {
			return "", internalf("Invalid port number: %s", liquid.Inspect(port))
		}
		if defaultPorts[scheme] != n {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(n))
		}
	}
	return b.String(), nil
}

func isUserChar(c byte) bool { return isUnreserved(c) || isSubDelim(c) }

// unescapeAll decodes every %XX.
func unescapeAll(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			h, ok1 := unhex(s[i+1])
			l, ok2 := unhex(s[i+2])
			if ok1 && ok2 {
				out = append(out, h<<4|l)
				i += 2
				continue
			}
		}
		out = append(out, s[i])
	}
	return string(out)
}

// removeDotSegments resolves "." and ".." as Addressable's normalize_path
// does for the paths Jekyll builds (which start with "/").
func removeDotSegments(p string) string {
	if !strings.Contains(p, ".") {
		return p
	}
	leading := strings.HasPrefix(p, "/")
	segs := strings.Split(p, "/")
	out := make([]string, 0, len(segs))
	for i, s := range segs {
		last := i == len(segs)-1
		switch s {
		case ".":
			if last {
				out = append(out, "")
			}
		case "..":
			if len(out) > 1 || (len(out) == 1 && !leading) {
				out = out[:len(out)-1]
			}
			if last {
				out = append(out, "")
			}
		default:
			out = append(out, s)
		}
	}
	r := strings.Join(out, "/")
	if leading && !strings.HasPrefix(r, "/") {
		r = "/" + r
	}
	return r
}

// rubyStrip is String#strip: ASCII whitespace off both ends, and NULs off
// the end.
func rubyStrip(s string) string {
	s = strings.TrimLeft(s, " \t\n\v\f\r")
	return strings.TrimRight(s, " \t\n\v\f\r\x00")
}
