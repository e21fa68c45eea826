package serve_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/render"
	"github.com/batonhq/baton/internal/serve"
	"github.com/batonhq/baton/internal/watch"
)

// site is a handbook in a temp folder, served by a real server on
// 127.0.0.1 that watches it with the real watcher.
type site struct {
	t        *testing.T
	dir      string
	srv      *serve.Server
	http     *httptest.Server
	rebuilds atomic.Int32
	mu       sync.Mutex
	last     serve.Result
}

const page = "---\ntitle: %s\n---\n%s\n"

func newSite(t *testing.T, files map[string]string) *site {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		write(t, filepath.Join(dir, name), body)
	}
	return startSite(t, dir)
}

// startSite builds and serves the site in dir, and watches it.
func startSite(t *testing.T, dir string) *site {
	t.Helper()
	theme, err := render.LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	s := &site{t: t, dir: dir}
	// As `baton serve` does: the print view on demand, the watcher started
	// before the first build.
	s.srv = serve.New(build.New(build.Options{Theme: theme, Lazy: true}), dir)
	w, err := watch.New(watch.Options{Root: dir, Dirs: []string{"content", "layouts"}, Quiet: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	s.srv.Rebuild(context.Background(), nil)
	s.http = httptest.NewServer(s.srv)
	t.Cleanup(s.http.Close)
	s.srv.AllowHosts(s.http.Listener.Addr())
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(func() { cancel(); w.Close() })
	go s.srv.Watch(ctx, w.Changes, w.Notice, func(r serve.Result, _ []string) {
		s.mu.Lock()
		s.last = r
		s.mu.Unlock()
		s.rebuilds.Add(1)
	}, nil)
	return s
}

func write(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func (s *site) path(name string) string { return filepath.Join(s.dir, name) }

func (s *site) get(url string) (int, string) {
	s.t.Helper()
	resp, err := http.Get(s.http.URL + url)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// eventually polls until cond holds; the bound is generous because the
// machine is shared, and only a failure waits that long.
func (s *site) eventually(what string, cond func() bool) {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			s.t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (s *site) pageHas(url, text string) func() bool {
	return func() bool {
		code, body := s.get(url)
		return code == 200 && strings.Contains(body, text)
	}
}

func basic() map[string]string {
	return map[string]string{
		"content/handbook.yaml": "title: Live\n",
		"content/a.md":          fmt.Sprintf(page, "Page A", "Alpha text. See [B](b.md)."),
		"content/b.md":          fmt.Sprintf(page, "Page B", "Bravo text."),
	}
}

func TestEditAppears(t *testing.T) {
	s := newSite(t, basic())
	s.eventually("first page", s.pageHas("/a/", "Alpha text"))
	write(t, s.path("content/a.md"), fmt.Sprintf(page, "Page A", "Edited text."))
	s.eventually("edit", s.pageHas("/a/", "Edited text"))
	if code, body := s.get("/a/"); code != 200 || !strings.Contains(body, serve.ReloadPath+".js") {
		t.Errorf("page lacks the live-reload script")
	}
}

func TestNewFileInNewFolder(t *testing.T) {
	s := newSite(t, basic())
	// mkdir -p and write at once, with no pause: the watcher must add the
	// new folders and find the file already in them.
	write(t, s.path("content/new/deep/c.md"), fmt.Sprintf(page, "Deep page", "Deep text."))
	s.eventually("new page", s.pageHas("/new/deep/c/", "Deep text"))
	write(t, s.path("content/new/deep/c.md"), fmt.Sprintf(page, "Deep page", "Deeper text."))
	s.eventually("edit in new folder", s.pageHas("/new/deep/c/", "Deeper text"))
}

func TestDeleteGivesNotFoundAndDiagnostic(t *testing.T) {
	s := newSite(t, basic())
	s.eventually("b", s.pageHas("/b/", "Bravo"))
	if err := os.Remove(s.path("content/b.md")); err != nil {
		t.Fatal(err)
	}
	// a.md still links to b.md: the build fails, the overlay names the link,
	// and the last good site stays up.
	s.eventually("overlay", s.pageHas("/a/", "content/a.md:4:"))
	write(t, s.path("content/a.md"), fmt.Sprintf(page, "Page A", "No more links."))
	s.eventually("recovery", s.pageHas("/a/", "No more links"))
	if code, _ := s.get("/b/"); code != 404 {
		t.Errorf("deleted page: status %d, want 404", code)
	}
	if _, body := s.get("/a/"); strings.Contains(body, "baton-overlay") {
		t.Errorf("overlay still shown after the fix")
	}
}

func TestAtomicSaves(t *testing.T) {
	s := newSite(t, basic())
	for i := range 3 {
		// write a temporary file, rename it over the page (most editors)
		tmp := s.path("content/.a.md.tmp")
		write(t, tmp, fmt.Sprintf(page, "Page A", fmt.Sprintf("Atomic %d.", i)))
		if err := os.Rename(tmp, s.path("content/a.md")); err != nil {
			t.Fatal(err)
		}
		s.eventually("atomic save", s.pageHas("/a/", fmt.Sprintf("Atomic %d.", i)))
		// vim: rename the old file to a backup, write a new one
		if err := os.Rename(s.path("content/a.md"), s.path("content/a.md~")); err != nil {
			t.Fatal(err)
		}
		write(t, s.path("content/a.md"), fmt.Sprintf(page, "Page A", fmt.Sprintf("Vim %d.", i)))
		os.Remove(s.path("content/a.md~"))
		s.eventually("vim save", s.pageHas("/a/", fmt.Sprintf("Vim %d.", i)))
		// and a plain save after them
		write(t, s.path("content/a.md"), fmt.Sprintf(page, "Page A", fmt.Sprintf("Plain %d.", i)))
		s.eventually("plain save", s.pageHas("/a/", fmt.Sprintf("Plain %d.", i)))
	}
}

func TestBurstOfSaves(t *testing.T) {
	s := newSite(t, basic())
	s.eventually("start", s.pageHas("/a/", "Alpha"))
	before := s.rebuilds.Load()
	start := time.Now()
	for i := range 50 {
		write(t, s.path("content/a.md"), fmt.Sprintf(page, "Page A", fmt.Sprintf("Save %d.", i)))
	}
	// The watcher waits for 80 ms without a change before it reports
	// them: on a machine busy enough to hold this loop up, the saves are
	// rightly more than one burst, and each held-up stretch may be one
	// more rebuild, never one a save.
	bursts := int32(time.Since(start) / (80 * time.Millisecond))
	s.eventually("last save", s.pageHas("/a/", "Save 49."))
	time.Sleep(300 * time.Millisecond) // let any straggling batch land
	if n := s.rebuilds.Load() - before; n > 5+bursts {
		t.Errorf("50 saves in %d stretches of 80 ms caused %d rebuilds, want a few", bursts+1, n)
	}
}

func TestIgnoredFilesCauseNoRebuild(t *testing.T) {
	s := newSite(t, basic())
	s.eventually("start", s.pageHas("/a/", "Alpha"))
	// A marker edit proves the watcher is live before the junk arrives.
	write(t, s.path("content/a.md"), fmt.Sprintf(page, "Page A", "Marker."))
	s.eventually("marker", s.pageHas("/a/", "Marker."))
	time.Sleep(200 * time.Millisecond)
	before := s.rebuilds.Load()
	for _, junk := range []string{".a.md.swp", ".a.md.swx", "4913", "a.md~", ".#a.md", "a.md___jb_tmp___", "#a.md#"} {
		write(t, s.path("content/"+junk), "junk")
	}
	if err := os.Chmod(s.path("content/b.md"), 0o600); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond)
	if n := s.rebuilds.Load() - before; n != 0 {
		t.Errorf("editor files and chmod caused %d rebuilds, want 0", n)
	}
	if code, _ := s.get("/4913"); code != 404 {
		t.Errorf("a junk file is served")
	}
}

func TestBrokenYAMLKeepsLastGoodSite(t *testing.T) {
	s := newSite(t, basic())
	s.eventually("start", s.pageHas("/a/", "Alpha"))
	write(t, s.path("content/a.md"), "---\ntitle: [unclosed\n---\nBroken.\n")
	s.eventually("overlay", s.pageHas("/a/", "baton-overlay"))
	_, body := s.get("/a/")
	if !strings.Contains(body, "Alpha text") || !strings.Contains(body, "content/a.md:") {
		t.Errorf("want the old page with the diagnostic, got:\n%s", body)
	}
	write(t, s.path("content/a.md"), fmt.Sprintf(page, "Page A", "Fixed."))
	s.eventually("recovery", s.pageHas("/a/", "Fixed."))
}

func TestStartsOnBrokenSite(t *testing.T) {
	files := basic()
	files["content/a.md"] = "---\ntitle: [unclosed\n---\n"
	s := newSite(t, files)
	code, body := s.get("/")
	if code != 404 || !strings.Contains(body, "content/a.md:2:") {
		t.Errorf("broken start: status %d, body lacks the diagnostic:\n%s", code, body)
	}
	write(t, s.path("content/a.md"), fmt.Sprintf(page, "Page A", "Now fine."))
	s.eventually("recovery", s.pageHas("/a/", "Now fine."))
}

func TestReloadAfterBuild(t *testing.T) {
	s := newSite(t, basic())
	req, _ := http.NewRequest("GET", s.http.URL+serve.ReloadPath, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	write(t, s.path("content/a.md"), fmt.Sprintf(page, "Page A", "Reload me."))
	r := bufio.NewReader(resp.Body)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatalf("no reload event: %v", err)
		}
		if strings.TrimSpace(line) == "data: reload" {
			break
		}
	}
	// The reload comes only once the new site is complete.
	if _, body := s.get("/a/"); !strings.Contains(body, "Reload me.") {
		t.Errorf("reload sent before the new page was served")
	}
}

func TestSecurity(t *testing.T) {
	s := newSite(t, basic())
	write(t, s.path("secret.txt"), "secret")
	do := func(method, path string, header map[string]string) (int, string) {
		req, _ := http.NewRequest(method, s.http.URL+path, nil)
		for k, v := range header {
			if k == "Host" {
				req.Host = v
			} else {
				req.Header.Set(k, v)
			}
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	_, port, _ := net.SplitHostPort(s.http.Listener.Addr().String())
	cases := []struct {
		name   string
		method string
		path   string
		header map[string]string
		want   int
	}{
		{"GET works", "GET", "/a/", nil, 200},
		{"HEAD works", "HEAD", "/a/", nil, 200},
		{"localhost name works", "GET", "/a/", map[string]string{"Host": "localhost:" + port}, 200},
		{"POST refused", "POST", "/a/", nil, 405},
		{"PUT refused", "PUT", "/a/", nil, 405},
		{"DELETE refused", "DELETE", "/a/", nil, 405},
		{"rebinding host refused", "GET", "/a/", map[string]string{"Host": "evil.example:" + port}, 421},
		{"other port refused", "GET", "/a/", map[string]string{"Host": "127.0.0.1:1"}, 421},
		{"traversal stays inside", "GET", "/../secret.txt", nil, 404},
		{"encoded traversal stays inside", "GET", "/%2e%2e/secret.txt", nil, 404},
		{"source not served", "GET", "/content/a.md", nil, 404},
		{"marker not served", "GET", "/.baton-output", nil, 404},
		{"cross-origin reload refused", "GET", serve.ReloadPath, map[string]string{"Origin": "http://evil.example"}, 403},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, body := do(c.method, c.path, c.header)
			if code != c.want {
				t.Errorf("status %d, want %d", code, c.want)
			}
			if strings.Contains(body, "secret") && !strings.Contains(body, "Alpha") {
				t.Errorf("response leaks a file outside the site")
			}
		})
	}
}

// TestAnyAddressStillRefusesNames binds to every address (--bind 0.0.0.0):
// any IP literal on the port is answered, a DNS name never is, since that
// is what a rebinding attack needs.
func TestAnyAddressStillRefusesNames(t *testing.T) {
	s := newSite(t, basic())
	s.srv.AllowHosts(&net.TCPAddr{IP: net.IPv4zero, Port: 4242})
	for host, want := range map[string]int{
		"192.168.1.20:4242":   200,
		"[fe80::1]:4242":      200,
		"localhost:4242":      200,
		"evil.example:4242":   421,
		"192.168.1.20:4243":   421,
		"handbook.local:4242": 421,
	} {
		req := httptest.NewRequest("GET", "/a/", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		s.srv.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("Host %s: status %d, want %d", host, rec.Code, want)
		}
	}
}

// buildOf returns the build number a served page was given for its
// live-reload connection.
func buildOf(t *testing.T, page string) string {
	t.Helper()
	m := regexp.MustCompile(`<script src="` + regexp.QuoteMeta(serve.ReloadPath) + `\.js" data-build="(\d+)"></script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the page carries no build number for its reload script")
	}
	return m[1]
}

// events opens the reload stream as a page of the given build would, and
// returns the messages the server sent before its ": connected" comment,
// and the stream to read on.
func (s *site) events(build string) ([]string, *bufio.Reader) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second) // a guard against a hang
	s.t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", s.http.URL+serve.ReloadPath+"?build="+build, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	s.t.Cleanup(func() { resp.Body.Close() })
	r := bufio.NewReader(resp.Body)
	var msgs []string
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			s.t.Fatalf("the stream ended before it said it was connected: %v", err)
		}
		line = strings.TrimSpace(line)
		if line == ": connected" {
			return msgs, r
		}
		if data, ok := strings.CutPrefix(line, "data: "); ok {
			msgs = append(msgs, data)
		}
	}
}

// TestStalePageReloadsOnConnect: a page whose reload stream connects only
// after a rebuild (a slow tab, a stream held up) is told to reload at
// once; a page of the build being served is told nothing until the next
// one.
func TestStalePageReloadsOnConnect(t *testing.T) {
	s := newSite(t, basic())
	s.eventually("first page", s.pageHas("/a/", "Alpha text"))
	_, body := s.get("/a/")
	old := buildOf(t, body)
	msgs, current := s.events(old)
	if len(msgs) != 0 {
		t.Errorf("a page of the build being served was sent %q on connecting", msgs)
	}

	write(t, s.path("content/a.md"), fmt.Sprintf(page, "Page A", "Newer text."))
	s.eventually("edit", s.pageHas("/a/", "Newer text."))
	_, body = s.get("/a/")
	if now := buildOf(t, body); now == old {
		t.Fatalf("the build number stayed %s across a rebuild", now)
	}
	if msgs, _ := s.events(old); len(msgs) != 1 || msgs[0] != "reload" {
		t.Errorf("a page of build %s, connecting after a rebuild, was sent %q; want [reload]", old, msgs)
	}
	if msgs, _ := s.events(buildOf(t, body)); len(msgs) != 0 {
		t.Errorf("a page of the new build was sent %q on connecting", msgs)
	}
	// The stream that was open all along got its reload as before.
	for {
		line, err := current.ReadString('\n')
		if err != nil {
			t.Fatalf("the open stream had no reload: %v", err)
		}
		if strings.TrimSpace(line) == "data: reload" {
			break
		}
	}
}
