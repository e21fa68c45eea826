// Package serve is the development server: it builds the site into memory,
// serves it on the loopback address, rebuilds on every batch of changes,
// and tells browsers to reload over Server-Sent Events once the new site
// is complete. Each page carries the number of its build, so a page whose
// stream connects only after a newer build is told to reload at once.
//
// A failed build never stops the server: it keeps the last good site and
// shows every diagnostic in an overlay on each page until a save fixes
// them. The server answers only GET and HEAD, only for the Host it serves
// (against DNS rebinding), and only files of the built site. Static files
// are streamed from the site folder at request time, but only a regular
// file reached without a symbolic link below content/, as the build's walk
// reads them, whatever the folder holds while a build is failing.
package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/layout"
	"github.com/batonhq/baton/internal/render"
	"github.com/batonhq/baton/internal/source"
)

// ReloadPath is where browsers listen for reloads.
const ReloadPath = "/_baton/livereload"

// Site is what the server currently serves.
type Site struct {
	files map[string]render.File
	diags diag.List
	gen   int
}

// Server serves one site.
type Server struct {
	builder *build.Builder
	// root is the site folder, and src the same folder as the build reads
	// it, through its layout.
	root   string
	src    fs.FS
	layout layout.Layout

	mu      sync.RWMutex
	site    Site
	clients map[chan string]bool
	// stop is closed by Close: every reload stream ends, and any opened
	// after ends at once.
	stop      chan struct{}
	closeOnce sync.Once
	// hosts are the Host header values the server answers; anyIPPort, when
	// set, admits any IP address on that port too.
	hosts     map[string]bool
	anyIPPort string
}

// New returns a Server that builds the baton handbook in the folder dir
// with b.
func New(b *build.Builder, dir string) *Server {
	return NewIn(b, dir, layout.Layout{Kind: layout.Baton, Root: "content", Theme: true}, source.Dir(dir))
}

// NewIn returns a Server that builds the site in the folder dir, laid out
// as l, with b, reading it through src (l.FS of the folder).
func NewIn(b *build.Builder, dir string, l layout.Layout, src fs.FS) *Server {
	return &Server{builder: b, root: dir, src: src, layout: l, clients: map[chan string]bool{}, hosts: map[string]bool{}, stop: make(chan struct{})}
}

// Close ends every reload stream, and any opened later as soon as it
// opens. Pages reconnect by themselves to whatever serves next.
func (s *Server) Close() {
	s.closeOnce.Do(func() { close(s.stop) })
}

// AllowHosts sets the Host header values to accept, from the listener's
// address: the address itself, plus localhost names on loopback.
func (s *Server) AllowHosts(addr net.Addr) {
	s.mu.Lock()
	defer s.mu.Unlock()
	host, port, _ := net.SplitHostPort(addr.String())
	s.hosts[net.JoinHostPort(host, port)] = true
	ip := net.ParseIP(host)
	if ip != nil && ip.IsLoopback() || host == "localhost" {
		for _, h := range []string{"localhost", "127.0.0.1", "::1"} {
			s.hosts[net.JoinHostPort(h, port)] = true
		}
	}
	if ip != nil && ip.IsUnspecified() {
		// Bound to every address: accept any IP literal on this port, but
		// still no DNS name, which is what a rebinding attack needs.
		s.anyIPPort = port
	}
}

// allowedHost reports whether the server answers for this Host header.
func (s *Server) allowedHost(hostport string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.hosts[hostport] {
		return true
	}
	host, port, err := net.SplitHostPort(hostport)
	return err == nil && s.anyIPPort != "" && port == s.anyIPPort && (net.ParseIP(host) != nil || host == "localhost")
}

// Result describes one rebuild.
type Result struct {
	OK      bool
	Diags   diag.List
	Files   int
	Changed int
	Parsed  int
	// Patched reports a rebuild that patched the last build (only page
	// bodies changed) instead of building in full.
	Patched  bool
	Duration time.Duration
}

// HTTPServer returns an http.Server that serves s. Its Shutdown ends the
// reload streams (Close), which would otherwise hold it up as long as a
// page is open, and it closes connections left idle (a browser keeps
// several) and clients that never finish their headers.
func (s *Server) HTTPServer() *http.Server {
	hs := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	hs.RegisterOnShutdown(s.Close)
	return hs
}

// virtual turns the paths the watcher names (the site's own) into the
// paths the build reads them as (layout.FS), leaving out what it does not
// read; nil stays nil (anything may have changed).
func (s *Server) virtual(changed []string) []string {
	if changed == nil {
		return nil
	}
	out := make([]string, 0, len(changed))
	for _, p := range changed {
		if v, ok := s.layout.Virtual(p); ok {
			out = append(out, v)
		}
	}
	return out
}

// Rebuild builds the site after the files at the changed paths changed
// (nil: anything may have changed) and, when it succeeds, swaps it in.
// Either way browsers are told to reload: to show the new site, or the
// errors.
func (s *Server) Rebuild(ctx context.Context, changed []string) Result {
	start := time.Now()
	res, diags := s.builder.Rebuild(ctx, s.src, s.virtual(changed))
	r := Result{Diags: diags, Duration: time.Since(start)}
	var files map[string]render.File
	if res != nil {
		// Compare with the site being served outside the write lock, so
		// readers are held up only for the swap itself.
		s.mu.RLock()
		prev := s.site.files
		s.mu.RUnlock()
		r.OK = true
		r.Parsed, r.Patched = res.Parsed, res.Patched
		files = make(map[string]render.File, len(res.Files))
		for _, f := range res.Files {
			// A lazy file (the print view) is made anew by every build.
			if old, ok := prev[f.Path]; !ok || f.From != old.From || f.Lazy != nil || !bytes.Equal(f.Data, old.Data) {
				r.Changed++
			}
			files[f.Path] = f
		}
		r.Files = len(files)
	}
	s.mu.Lock()
	s.site.diags = diags
	s.site.gen++
	if files != nil {
		s.site.files = files
	}
	for c := range s.clients {
		select {
		case c <- "reload":
		default:
		}
	}
	s.mu.Unlock()
	return r
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "no-referrer")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if !s.allowedHost(r.Host) {
		http.Error(w, "unexpected Host header: this server answers only for its own address", http.StatusMisdirectedRequest)
		return
	}
	switch r.URL.Path {
	case ReloadPath:
		s.events(w, r)
		return
	case ReloadPath + ".js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, reloadScript)
		return
	}
	s.file(w, r)
}

func (s *Server) file(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || strings.Contains(p, "\\") || strings.Contains(p, "\x00") {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	clean := path.Clean(p)
	name := strings.TrimPrefix(clean, "/")
	if strings.HasSuffix(p, "/") || name == "" {
		name = strings.TrimPrefix(path.Join(name, "index.html"), "/")
	}
	s.mu.RLock()
	site := s.site
	s.mu.RUnlock()
	f, ok := site.files[name]
	if !ok && !strings.HasSuffix(p, "/") {
		if _, dir := site.files[strings.TrimPrefix(name+"/index.html", "/")]; dir {
			http.Redirect(w, r, path.Base(clean)+"/", http.StatusMovedPermanently)
			return
		}
	}
	var static *os.File
	if ok && f.From != "" {
		var err error
		static, err = source.Open(s.root, s.layout.Real(f.From))
		switch {
		case err == nil:
			defer static.Close()
		case errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) || errors.Is(err, source.ErrNotRegular):
			ok = false // what the build listed is gone, or no longer a plain file
		default:
			http.Error(w, fmt.Sprintf("cannot read %s: %v", f.From, err), http.StatusInternalServerError)
			return
		}
	}
	status := http.StatusOK
	if !ok {
		status = http.StatusNotFound
		f, ok = site.files["404.html"]
		name = "404.html"
		if !ok {
			f = render.File{Path: "404.html", Data: []byte("<!doctype html><title>Not found</title><body><h1>Not found</h1></body>")}
		}
	}
	w.Header().Set("Cache-Control", "no-store")
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	if static != nil {
		// Streamed from the file, as the build copies it: no page script,
		// Range and HEAD answered without reading what is not sent.
		info, err := static.Stat()
		if err != nil {
			http.Error(w, fmt.Sprintf("cannot read %s: %v", f.From, err), http.StatusInternalServerError)
			return
		}
		http.ServeContent(w, r, name, info.ModTime(), static)
		return
	}
	data, err := f.Bytes() // the print view is rendered when first asked for
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data, site.diags, site.gen)
	}
	if status == http.StatusOK {
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
		return
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// inject adds the live-reload script, and the error overlay when the last
// build failed, before </body>. The script carries the number of the build
// the page comes from (gen), which it gives the reload stream, so a page
// whose stream connects only after a newer build is told to reload.
func inject(page []byte, diags diag.List, gen int) []byte {
	var add bytes.Buffer
	if diags.HasErrors() {
		add.WriteString(`<div id="baton-overlay" role="alertdialog" aria-labelledby="baton-overlay-title" style="position:fixed;inset:0;z-index:9999;overflow:auto;background:rgba(15,20,27,.92);color:#fff;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2rem">`)
		fmt.Fprintf(&add, `<h2 id="baton-overlay-title" style="color:#ff8f84;margin:0 0 1rem;font-size:18px">The last build failed: %d %s. This page shows the last good build.</h2><ol style="padding-left:1.5rem">`, len(diags.Errors()), plural(len(diags.Errors()), "error", "errors"))
		for _, d := range diags {
			add.WriteString(`<li style="margin:.4rem 0">`)
			add.WriteString(html.EscapeString(d.String()))
			add.WriteString(`</li>`)
		}
		add.WriteString(`</ol><p style="color:#c3cad4">Fix the files and save: this page reloads by itself.</p><button type="button" onclick="this.parentNode.remove()" style="font:inherit;padding:.3rem .8rem">Dismiss</button></div>`)
	}
	fmt.Fprintf(&add, `<script src="%s.js" data-build="%d"></script>`, ReloadPath, gen)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page[:len(page):len(page)], add.Bytes()...)
	}
	out := make([]byte, 0, len(page)+add.Len())
	out = append(out, page[:i]...)
	out = append(out, add.Bytes()...)
	return append(out, page[i:]...)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// events streams reload messages to one browser. A page gives the build
// it comes from (?build=N); when that is not the build being served, the
// page missed a reload (its stream connected late, or the server
// restarted) and is told to reload at once.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	if origin := r.Header.Get("Origin"); origin != "" && origin != "http://"+r.Host {
		http.Error(w, "cross-origin request refused", http.StatusForbidden)
		return
	}
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	build, err := strconv.Atoi(r.URL.Query().Get("build"))
	c := make(chan string, 1)
	s.mu.Lock()
	s.clients[c] = true
	// Decided as the stream joins, under the lock a rebuild takes to
	// count itself and tell the streams: any later build reaches c.
	stale := err == nil && build != s.site.gen
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	io.WriteString(w, "retry: 500\n\n")
	if stale {
		io.WriteString(w, "data: reload\n\n")
	}
	io.WriteString(w, ": connected\n\n")
	flusher.Flush()
	tick := time.NewTicker(20 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.stop:
			return
		case msg := <-c:
			fmt.Fprintf(w, "data: %s\n\n", msg)
			flusher.Flush()
		case <-tick.C:
			io.WriteString(w, ": ping\n\n")
			flusher.Flush()
		}
	}
}

// reloadScript reloads the page when told to, keeping the scroll position,
// and reconnects by itself after the server restarts. It tells the server
// which build its page comes from (the data-build attribute inject
// writes), so a stream that connects after a rebuild still reloads.
const reloadScript = `(function () {
  var key = "baton-scroll:" + location.pathname;
  try {
    var y = sessionStorage.getItem(key);
    if (y !== null) { sessionStorage.removeItem(key); window.scrollTo(0, +y); }
  } catch (e) {}
  var build = document.currentScript && document.currentScript.getAttribute("data-build");
  var wasDown = false;
  var es = new EventSource("` + ReloadPath + `" + (build ? "?build=" + encodeURIComponent(build) : ""));
  es.onmessage = function (e) {
    if (e.data === "reload") {
      try { sessionStorage.setItem(key, String(window.scrollY)); } catch (err) {}
      location.reload();
    }
  };
  es.onerror = function () { wasDown = true; };
  es.onopen = function () { if (wasDown) { location.reload(); } };
})();
`

// Changes is where the server takes batches of changed paths from: a
// watch.Watcher's Changes channel.
type Changes <-chan []string

// Watch rebuilds on every batch of changes until ctx ends, calling report
// after each rebuild with the batch that caused it. Builds never overlap:
// changes that arrive during a build are coalesced into the next one.
func (s *Server) Watch(ctx context.Context, changes Changes, notices <-chan string, report func(Result, []string), notice func(string)) {
	for {
		select {
		case <-ctx.Done():
			return
		case msg := <-notices:
			if notice != nil {
				notice(msg)
			}
			// The watcher changed how it watches, and may have missed
			// changes meanwhile: read everything again.
			r := s.Rebuild(ctx, nil)
			if report != nil {
				report(r, nil)
			}
		case batch := <-changes:
			// Take whatever else is already waiting, so a burst gives one build.
			for more := true; more; {
				select {
				case next := <-changes:
					batch = append(batch, next...)
				default:
					more = false
				}
			}
			r := s.Rebuild(ctx, batch)
			if report != nil {
				report(r, batch)
			}
		}
	}
}

// Paths lists the files the server currently serves, sorted.
func (s *Server) Paths() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]string, 0, len(s.site.files))
	for p := range s.site.files {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// Generation counts the builds the server has run.
func (s *Server) Generation() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.site.gen
}
