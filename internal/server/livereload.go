package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// Event is what open pages are told after a build.
type Event struct {
	// Type is "reload" (Paths changed), "error" (the build failed) or
	// "hello" (the state when a page connects).
	Type string `json:"type"`
	// Paths are the URL paths of the files written or removed, baseurl
	// included; a folder's index.html is also listed as the folder.
	Paths []string `json:"paths,omitempty"`
	// Error is the build's error, each file with its line.
	Error string `json:"error,omitempty"`
	// Build counts successful builds, so a page that missed events while
	// it was loading can tell.
	Build int `json:"build"`
}

// Hub sends events to every open page over server-sent events.
type Hub struct {
	mu    sync.Mutex
	subs  map[chan Event]bool
	err   string // the current build error, "" when the last build worked
	build int
	// cors is set when events are served on a port of their own.
	cors bool
}

// NewHub returns a Hub with no pages.
func NewHub() *Hub { return &Hub{subs: map[chan Event]bool{}} }

// Built tells pages that a build wrote paths.
func (h *Hub) Built(paths []string) {
	h.mu.Lock()
	h.err = ""
	h.build++
	ev := Event{Type: "reload", Paths: paths, Build: h.build}
	h.mu.Unlock()
	h.send(ev)
}

// Failed tells pages that a build failed.
func (h *Hub) Failed(msg string) {
	h.mu.Lock()
	h.err = msg
	ev := Event{Type: "error", Error: msg, Build: h.build}
	h.mu.Unlock()
	h.send(ev)
}

func (h *Hub) send(ev Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.subs {
		select {
		case c <- ev:
		default: // a page that does not keep up reloads when it reconnects
		}
	}
}

func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", "text/event-stream")
	hd.Set("Cache-Control", "no-cache")
	if h.cors {
		hd.Set("Access-Control-Allow-Origin", "*")
	}
	c := make(chan Event, 16)
	h.mu.Lock()
	h.subs[c] = true
	hello := Event{Type: "hello", Error: h.err, Build: h.build}
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		delete(h.subs, c)
		h.mu.Unlock()
	}()
	write := func(ev Event) bool {
		b, _ := json.Marshal(ev)
		if _, err := fmt.Fprintf(w, "data: %s\n\n", b); err != nil {
			return false
		}
		fl.Flush()
		return true
	}
	if !write(hello) {
		return
	}
	ping := time.NewTicker(20 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev := <-c:
			if !write(ev) {
				return
			}
		case <-ping.C:
			if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil {
				return
			}
			fl.Flush()
		}
	}
}

// Script is the live reload client injected into pages: it reloads the
// page when its own file (or anything but HTML and CSS) changed, swaps
// stylesheets when only CSS changed, and shows a build error over the page
// until a build works again. url is where the events are.
func Script(url string) string {
	return `<script>/* broadsheet serve: live reload */(function(){
var es=new EventSource(` + jsString(url) + `),build=null,box=null;
function mine(paths){var here=decodeURI(location.pathname);for(var i=0;i<paths.length;i++){var p=paths[i];
if(p===here||p===here+"index.html"||p+".html"===here||p===here+".html")return true;
if(!/\.(html?|xhtml|css|map|xml|json|txt)$/.test(p)&&!/\/$/.test(p))return true;}return false;}
function css(paths){var links=document.querySelectorAll('link[rel="stylesheet"]');for(var i=0;i<links.length;i++){
var l=links[i],u=new URL(l.href,location.href);for(var j=0;j<paths.length;j++){if(decodeURI(u.pathname)===paths[j]){
u.searchParams.set("broadsheet",Date.now());l.href=u.href;}}}}
function show(msg){if(!box){box=document.createElement("div");box.id="broadsheet-error";
box.setAttribute("style","position:fixed;inset:0;z-index:2147483647;background:rgba(20,0,0,.92);color:#fdd;font:14px/1.5 monospace;padding:2em;white-space:pre-wrap;overflow:auto");
document.documentElement.appendChild(box);}box.textContent="Broadsheet could not build the site:\n\n"+msg;}
function hide(){if(box){box.remove();box=null;}}
es.onmessage=function(e){var ev=JSON.parse(e.data);
if(ev.type==="hello"){if(build!==null&&ev.build!==build){location.reload();return;}build=ev.build;if(ev.error){show(ev.error);}else{hide();}return;}
if(ev.type==="error"){show(ev.error);return;}
if(ev.type==="reload"){var had=!!box;hide();build=ev.build;var p=ev.paths||[];
if(had||mine(p)){location.reload();return;}css(p.filter(function(x){return /\.css$/.test(x);}));}};
})();</script>`
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
