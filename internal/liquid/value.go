package liquid

import "time"

// The value model shared by the whole engine and by everything that hands
// values to templates. A Liquid value is a Go `any` holding exactly one of:
//
//	nil, bool, int, float64, string, time.Time,
//	[]any, *Map (an ordered hash, like Ruby's), map[string]any (keys sorted
//	when iterated), or a Drop (an object whose fields are computed on demand).
//
// Keeping to this small closed set lets the renderer switch on types instead
// of reflecting, which matters when one build renders tens of thousands of
// pages against the same site-wide values.

// Drop is an object that computes its fields when a template asks for them,
// like Jekyll's Liquid drops. Get returns nil for an unknown key.
type Drop interface {
	Get(key string) any
}

// KeyedDrop is a Drop that can also list its keys, in order: needed to
// iterate over it, and by jsonify and inspect.
type KeyedDrop interface {
	Drop
	Keys() []string
}

// Map is a string-keyed hash that remembers insertion order, as a Ruby Hash
// does (YAML mappings, front matter, site.data). The zero value is empty and
// ready to use.
type Map struct {
	keys []string
	vals map[string]any
	// def is what a template gets for a key the Map lacks, like a Ruby Hash
	// made with a default (site.tags["none"] is [], not nil).
	def    any
	hasDef bool
}

// SetDefault makes templates get v for keys the Map lacks.
func (m *Map) SetDefault(v any) { m.def, m.hasDef = v, true }

// NewMap returns an empty Map with room for n keys.
func NewMap(n int) *Map {
	return &Map{keys: make([]string, 0, n), vals: make(map[string]any, n)}
}

// Get returns the value stored under key and whether it was there.
func (m *Map) Get(key string) (any, bool) {
	if m == nil || m.vals == nil {
		return nil, false
	}
	v, ok := m.vals[key]
	return v, ok
}

// Set stores v under key; a new key goes last, an existing one keeps its place.
func (m *Map) Set(key string, v any) {
	if m.vals == nil {
		m.vals = make(map[string]any)
	}
	if _, ok := m.vals[key]; !ok {
		m.keys = append(m.keys, key)
	}
	m.vals[key] = v
}

// Delete removes key, keeping the order of the others.
func (m *Map) Delete(key string) {
	if m == nil || m.vals == nil {
		return
	}
	if _, ok := m.vals[key]; !ok {
		return
	}
	delete(m.vals, key)
	for i, k := range m.keys {
		if k == key {
			m.keys = append(m.keys[:i:i], m.keys[i+1:]...)
			break
		}
	}
}

// Keys returns the keys in insertion order. The caller must not modify it.
func (m *Map) Keys() []string {
	if m == nil {
		return nil
	}
	return m.keys
}

// Len returns the number of keys.
func (m *Map) Len() int {
	if m == nil {
		return 0
	}
	return len(m.keys)
}

// Clone returns a shallow copy: a new Map with the same keys and values.
func (m *Map) Clone() *Map {
	c := NewMap(m.Len())
	for _, k := range m.Keys() {
		c.Set(k, m.vals[k])
	}
	return c
}

// Date is a calendar date without a time of day, as Ruby's Date (YAML's
// `2024-05-01` loads as one). It prints as "2024-05-01", where a time.Time
// prints as Ruby's Time#to_s, "2024-05-01 00:00:00 +0000". The time part is
// midnight in the site's zone.
type Date struct{ time.Time }

// Range is an integer range with both ends included, as Liquid's `(1..n)`
// makes. It iterates like an array and prints as "1..5".
type Range struct{ From, To int }

// Len returns the number of integers in the range.
func (r Range) Len() int {
	if r.To < r.From {
		return 0
	}
	return r.To - r.From + 1
}

// Slice returns the integers in the range.
func (r Range) Slice() []any {
	s := make([]any, 0, r.Len())
	for i := r.From; i <= r.To; i++ {
		s = append(s, i)
	}
	return s
}
