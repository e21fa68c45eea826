package serve_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// rawGET sends one request with target written as is (no client cleans
// it), and returns the status code.
func rawGET(t *testing.T, addr, target, host string) int {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(15 * time.Second))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, host)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if strings.Contains(string(body), "root:x:0:0") || strings.Contains(string(body), "TOP-SECRET") {
		t.Errorf("GET %s leaks a file outside the site", target)
	}
	return resp.StatusCode
}

// TestRawTraversalTargets sends traversal request targets byte for byte,
// as curl --path-as-is does. None reaches a file outside the built site,
// and the server answers the next request.
func TestRawTraversalTargets(t *testing.T) {
	s := newSite(t, basic())
	write(t, s.path("secret.txt"), "TOP-SECRET")
	write(t, filepath.Join(filepath.Dir(s.dir), "public-leak", "f"), "TOP-SECRET")
	addr := s.http.Listener.Addr().String()
	for _, target := range []string{
		"/../../etc/passwd",
		"/%2e%2e/%2e%2e/etc/passwd",
		"/%252e%252e/%252e%252e/etc/passwd",
		"/..%5c..%5cwin.ini",
		"/..%2f..%2fsecret.txt",
		"//etc/passwd",
		"/x?raw??",
		"/../public-leak/f",
		"/../secret.txt",
		"/a/../../secret.txt",
		"/%00",
		"/a%00.html",
		"/\\..\\secret.txt",
		"/content/a.md",
		"/.baton-output",
		"*",
		"http://evil.example/../../etc/passwd",
	} {
		code := rawGET(t, addr, target, addr)
		if code != 400 && code != 404 && code != 301 && code != 421 {
			t.Errorf("GET %s: status %d, want 400 or 404", target, code)
		}
		if got := rawGET(t, addr, "/a/", addr); got != 200 {
			t.Fatalf("after GET %s the server answers %d", target, got)
		}
	}
}

// TestHostAndOriginChecks: only the served address is answered (DNS
// rebinding), X-Forwarded-Host changes nothing, the reload stream refuses
// other origins (IP addresses included), and no response invites
// cross-origin reads.
func TestHostAndOriginChecks(t *testing.T) {
	s := newSite(t, basic())
	_, port, _ := net.SplitHostPort(s.http.Listener.Addr().String())
	cases := []struct {
		name   string
		path   string
		header map[string]string
		want   int
	}{
		{"IP host", "/a/", map[string]string{"Host": "1.2.3.4:" + port}, 421},
		{"forwarded host does not vouch", "/a/", map[string]string{"Host": "evil.example:" + port, "X-Forwarded-Host": "127.0.0.1:" + port}, 421},
		{"no port", "/a/", map[string]string{"Host": "127.0.0.1"}, 421},
		{"IP origin on the reload stream", "/_baton/livereload", map[string]string{"Origin": "http://192.168.1.5:" + port}, 403},
		{"null origin on the reload stream", "/_baton/livereload", map[string]string{"Origin": "null"}, 403},
		{"https origin of the same host", "/_baton/livereload", map[string]string{"Origin": "https://127.0.0.1:" + port}, 403},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req, _ := http.NewRequest("GET", s.http.URL+c.path, nil)
			for k, v := range c.header {
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
			resp.Body.Close()
			if resp.StatusCode != c.want {
				t.Errorf("status %d, want %d", resp.StatusCode, c.want)
			}
		})
	}
	for _, p := range []string{"/", "/a/", "/nope/", "/_baton/livereload.js"} {
		req, _ := http.NewRequest("GET", s.http.URL+p, nil)
		req.Header.Set("Origin", "http://evil.example")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		for k := range resp.Header {
			if strings.HasPrefix(k, "Access-Control-") {
				t.Errorf("GET %s answers with %s", p, k)
			}
		}
	}
}

// TestDotfilesAndLinksNotServed: dotfiles and symbolic links in the
// static folder are never published, so the server has nothing to give
// for them, wherever the link points.
func TestDotfilesAndLinksNotServed(t *testing.T) {
	files := basic()
	files["content/static/.env"] = "TOP-SECRET"
	files["content/static/.git/config"] = "TOP-SECRET"
	files["content/static/.htpasswd"] = "TOP-SECRET"
	files["content/static/ok.txt"] = "fine"
	outside := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(outside, []byte("TOP-SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := newSite(t, files)
	// Links made after the first build arrive through the watcher.
	if err := os.Symlink(outside, s.path("content/static/link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/etc/hosts", s.path("content/static/hosts")); err != nil {
		t.Fatal(err)
	}
	write(t, s.path("content/b.md"), fmt.Sprintf(page, "Page B", "After the links."))
	s.eventually("rebuild", s.pageHas("/b/", "After the links."))
	if code, body := s.get("/ok.txt"); code != 200 || body != "fine" {
		t.Fatalf("/ok.txt: %d %q", code, body)
	}
	for _, p := range []string{"/.env", "/.git/config", "/.htpasswd", "/link.txt", "/hosts", "/static/.env"} {
		if code, body := s.get(p); code != 404 || strings.Contains(body, "TOP-SECRET") {
			t.Errorf("GET %s: %d", p, code)
		}
	}
}

// TestSymlinkedContentRoot: content/ may itself be a link to the real
// folder (a shared drive, a monorepo); an edit under the real folder
// rebuilds the page, and a static file there is served.
func TestSymlinkedContentRoot(t *testing.T) {
	s := newLinkedSite(t)
	s.eventually("first page", s.pageHas("/a/", "Alpha text"))
	write(t, filepath.Join(s.real, "a.md"), fmt.Sprintf(page, "Page A", "Edited through the link."))
	s.eventually("edit under the link's target", s.pageHas("/a/", "Edited through the link."))
	write(t, filepath.Join(s.real, "new", "n.md"), fmt.Sprintf(page, "New", "A new folder."))
	s.eventually("new folder under the link's target", s.pageHas("/new/n/", "A new folder."))
	// Static files are read through the link too, as the build reads them.
	write(t, filepath.Join(s.real, "static", "s.txt"), "static through the link")
	s.eventually("static file under the link's target", func() bool {
		code, body := s.get("/s.txt")
		return code == 200 && body == "static through the link"
	})
}

type linkedSite struct {
	*site
	real string
}

// newLinkedSite is newSite with content/ a symbolic link to a folder
// outside the site folder.
func newLinkedSite(t *testing.T) linkedSite {
	t.Helper()
	real := t.TempDir()
	for name, body := range basic() {
		write(t, filepath.Join(real, strings.TrimPrefix(name, "content/")), body)
	}
	dir := t.TempDir()
	if err := os.Symlink(real, filepath.Join(dir, "content")); err != nil {
		t.Fatal(err)
	}
	s := startSite(t, dir)
	return linkedSite{site: s, real: real}
}
