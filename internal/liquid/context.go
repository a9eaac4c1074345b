package liquid

// Context is the state of one render: variables, assigns, counters, the
// registers tags and filters share, and warnings. Make one per render (a page,
// then each of its layouts) with NewContext; it is not safe for concurrent use,
// while the Templates it renders are.
type Context struct {
	engine *Engine
	// vars is the outermost, read-only environment (Jekyll's payload). It is
	// never written: assigns go to scopes[0], so one vars map can back many
	// concurrent renders.
	vars map[string]any
	// scopes[0] takes assign and capture; the last is the innermost (for loop
	// variables, include parameters).
	scopes []map[string]any
	// counters holds increment/decrement values, which Liquid keeps apart
	// from assigns and finds after every scope.
	counters map[string]int

	registers map[string]any
	warnings  []string

	interrupt   interrupt
	forStack    []*forloop
	forOffsets  map[string]int // offset: continue
	cycles      map[string]int
	ifchanged   string
	hasChanged  bool
	depth       int   // nesting of includes and blocks, against runaway recursion
	argScratch  []any // reused filter argument slices
	filterStack int
}

type interrupt uint8

const (
	noInterrupt interrupt = iota
	breakInterrupt
	continueInterrupt
)

// maxDepth is Liquid's Block::MAX_DEPTH: deeper nesting of scopes or blocks
// raises "Nesting too deep".
const maxDepth = 100

// NewContext makes the context for one render. vars is the outermost scope;
// the context never modifies it.
func NewContext(vars map[string]any) *Context {
	c := &Context{vars: vars}
	c.scopes = make([]map[string]any, 1, 4)
	c.scopes[0] = make(map[string]any, 4)
	return c
}

// Engine returns the engine rendering with this context (nil before the
// first Render).
func (c *Context) Engine() *Engine { return c.engine }

// Get finds a variable as Liquid does: the innermost scope first, then
// outwards to the assigns, then increment counters, then vars.
func (c *Context) Get(name string) any {
	for i := len(c.scopes) - 1; i >= 0; i-- {
		if v, ok := c.scopes[i][name]; ok {
			return v
		}
	}
	if n, ok := c.counters[name]; ok {
		return n
	}
	return c.vars[name]
}

// find is Get, also reporting whether the name was defined anywhere.
func (c *Context) find(name string) (any, bool) {
	for i := len(c.scopes) - 1; i >= 0; i-- {
		if v, ok := c.scopes[i][name]; ok {
			return v, true
		}
	}
	if n, ok := c.counters[name]; ok {
		return n, true
	}
	v, ok := c.vars[name]
	return v, ok
}

// Set is what assign does: it writes the outermost scope, so the value
// outlives the for loop or include it was assigned in.
func (c *Context) Set(name string, v any) { c.scopes[0][name] = v }

// SetLocal writes the innermost scope, as Liquid's context[name] = v does
// (for loop variables, include parameters).
func (c *Context) SetLocal(name string, v any) { c.scopes[len(c.scopes)-1][name] = v }

// Push adds a new innermost scope (nil for an empty one). Every Push needs a
// Pop; Stack does both and checks the nesting limit.
func (c *Context) Push(scope map[string]any) {
	if scope == nil {
		scope = make(map[string]any, 2)
	}
	c.scopes = append(c.scopes, scope)
}

// Pop removes the innermost scope. The outermost one is never removed.
func (c *Context) Pop() {
	if len(c.scopes) > 1 {
		c.scopes[len(c.scopes)-1] = nil
		c.scopes = c.scopes[:len(c.scopes)-1]
	}
}

// Stack runs f with scope pushed as the innermost scope, failing as Liquid
// does ("Nesting too deep") when scopes nest beyond 100, as a recursive
// include would.
func (c *Context) Stack(scope map[string]any, f func() error) error {
	if len(c.scopes)+1 > maxDepth {
		return renderError("Nesting too deep")
	}
	c.Push(scope)
	defer c.Pop()
	return f()
}

// Registers is per-render data for tags and filters (Jekyll keeps the site
// and page there). It is created on first use.
func (c *Context) Registers() map[string]any {
	if c.registers == nil {
		c.registers = make(map[string]any, 4)
	}
	return c.registers
}

// Warn records a warning for the caller to report after the render.
func (c *Context) Warn(msg string) { c.warnings = append(c.warnings, msg) }

// Warnings returns the warnings recorded so far.
func (c *Context) Warnings() []string { return c.warnings }

// args returns a scratch slice for n filter arguments; release gives it back.
// Filters run nested (an argument can itself be filtered only through
// assign, but a filter may render), so the scratch is a stack.
func (c *Context) args(n int) []any {
	start := len(c.argScratch)
	for i := 0; i < n; i++ {
		c.argScratch = append(c.argScratch, nil)
	}
	return c.argScratch[start : start+n : start+n]
}

func (c *Context) release(n int) {
	top := len(c.argScratch)
	clear(c.argScratch[top-n : top])
	c.argScratch = c.argScratch[:top-n]
}
