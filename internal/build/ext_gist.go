package build

import "io"

// WarningsShown reports whether Warnf prints anything: false when the
// build is quiet. jekyll-gist prints what Jekyll's logger returned for its
// warning, true or (under --quiet) false, so its output depends on this.
func (s *Site) WarningsShown() bool {
	return s.log != io.Discard
}
