package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// linkedSite is a server the handbook of a test links to, which records
// every request.
type linkedSite struct {
	*httptest.Server
	mu   sync.Mutex
	seen []string
}

func newLinkedSite(t *testing.T) *linkedSite {
	t.Helper()
	s := &linkedSite{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.seen = append(s.seen, r.Method+" "+r.URL.Path)
		s.mu.Unlock()
		switch r.URL.Path {
		case "/ok", "/img.png", "/new":
		case "/old":
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *linkedSite) requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.seen)
}

// externalSite writes a handbook whose pages link to u in every way a page
// can: Markdown links and images, raw HTML, the same URL twice and with a
// fragment, and an excluded one.
func externalSite(t *testing.T, u string) string {
	t.Helper()
	site := t.TempDir()
	write(t, site, "content/handbook.yaml", "title: Handbook\nlink_check:\n  exclude: ['"+u+"/private']\n")
	write(t, site, "content/a.md", "---\ntitle: A\n---\nSee [ok]("+u+"/ok), [gone]("+u+"/missing)\nand ![pic]("+u+"/img.png).\n\n[private]("+u+"/private/x) [mail](mailto:a@example.com) [b](b.md)\n")
	write(t, site, "content/b.md", "---\ntitle: B\n---\nAgain [gone]("+u+"/missing#part) and <a href=\""+u+"/old#sec\">old</a>.\n")
	return site
}

// TestExternalNeverWithoutFlag: a plain check and a build make no request
// to the sites the pages link to.
func TestExternalNeverWithoutFlag(t *testing.T) {
	s := newLinkedSite(t)
	site := externalSite(t, s.URL)
	if r := runIn(t, "check", site); r.code != exitOK {
		t.Errorf("check: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runIn(t, "check", site, "--strict", "--format", "json"); r.code != exitOK {
		t.Errorf("check --strict: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runIn(t, "build", site, "--quiet"); r.code != exitOK {
		t.Errorf("build: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if got := s.requests(); len(got) > 0 {
		t.Errorf("requests without --external: %q", got)
	}
	if _, err := os.Stat(filepath.Join(site, ".baton-cache", "external-links")); !os.IsNotExist(err) {
		t.Errorf("a check without --external wrote link results: %v", err)
	}
}

// TestExternal: check --external reports each broken or moved link at
// every place it is written, asks each address once, leaves out what
// link_check excludes, fails with --strict, and within the TTL asks no
// site again; --no-cache asks again.
func TestExternal(t *testing.T) {
	s := newLinkedSite(t)
	site := externalSite(t, s.URL)
	u := s.URL
	// The columns of the links on line 4 of each page, which depend on the
	// length of the server's address.
	lineA := "See [ok](" + u + "/ok), [gone](" + u + "/missing)"
	lineB := "Again [gone](" + u + "/missing#part) and <a href=\"" + u + "/old#sec\">old</a>."
	colGone := strings.Index(lineA, "[gone]") + 1
	colHref := strings.Index(lineB, "href") + 1 // a raw HTML link is placed at its attribute
	findings := "" +
		fmt.Sprintf("content/a.md:4:%d: warning: link to %s/missing is broken: 404 Not Found\n", colGone, u) +
		"content/b.md:4:7: warning: link to " + u + "/missing#part is broken: 404 Not Found\n" +
		fmt.Sprintf("content/b.md:4:%d: warning: link to %s/old#sec moved for good to %s/new#sec: link there\n", colHref, u, u)
	r := runIn(t, "check", site, "--external")
	want := "external links: 5 checked (4 addresses asked, 0 from the cache), 1 excluded\n" + findings +
		"ok: 3 pages, 0 roles, 0 responsibilities, 0 paths, 3 warnings\n"
	if diff := cmp.Diff(r.stdout, want); r.code != exitOK || diff != "" {
		t.Errorf("check --external: exit %d, stdout (-got +want):\n%s\nstderr:\n%s", r.code, diff, r.stderr)
	}
	wantRequests := []string{"GET /missing", "HEAD /img.png", "HEAD /missing", "HEAD /new", "HEAD /ok", "HEAD /old"}
	got := s.requests()
	slices.Sort(got)
	if diff := cmp.Diff(got, wantRequests); diff != "" {
		t.Errorf("requests (-got +want):\n%s", diff)
	}

	n := len(s.requests())
	r = runIn(t, "check", site, "--external", "--strict")
	if r.code != exitContent || r.stdout != "external links: 5 checked (0 addresses asked, 4 from the cache), 1 excluded\n"+findings || r.stderr != "3 warnings (--strict)\n" {
		t.Errorf("check --external --strict: exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if extra := s.requests()[n:]; len(extra) > 0 {
		t.Errorf("within the TTL, requests %q, want none", extra)
	}

	r = runIn(t, "check", site, "--external", "--format", "json")
	var objs []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var o map[string]any
		if err := json.Unmarshal([]byte(line), &o); err != nil {
			t.Fatalf("json line %q: %v", line, err)
		}
		objs = append(objs, o)
	}
	if len(objs) != 3 || objs[0]["file"] != "content/a.md" || objs[0]["line"] != 4.0 || objs[0]["col"] != float64(colGone) || objs[0]["severity"] != "warning" {
		t.Errorf("check --external --format json:\n%s", r.stdout)
	}
	r = runIn(t, "check", site, "--external", "--format", "github")
	if !strings.HasPrefix(r.stdout, fmt.Sprintf("::warning file=content/a.md,line=4,col=%d::link to %s/missing is broken: 404 Not Found\n", colGone, u)) {
		t.Errorf("check --external --format github:\n%s", r.stdout)
	}

	n = len(s.requests())
	r = runIn(t, "check", site, "--external", "--no-cache")
	if r.code != exitOK || len(s.requests()) == n {
		t.Errorf("check --external --no-cache: exit %d, %d requests", r.code, len(s.requests())-n)
	}
}

// TestExternalBadConfig: a link_check: that cannot be used is an error at
// its place, and no request is made.
func TestExternalBadConfig(t *testing.T) {
	s := newLinkedSite(t)
	site := externalSite(t, s.URL)
	for yaml, want := range map[string]string{
		"link_check:\n  exclude: " + s.URL + "\n":      `content/handbook.yaml:3:12: "exclude" must be a list`,
		"link_check:\n  exclude: [intranet.example]\n": `content/handbook.yaml:3:13: link_check exclude pattern "intranet.example" can match no link`,
		"link_check:\n  timeout: forever\n":            `content/handbook.yaml:3:12: link_check timeout must be a duration`,
	} {
		write(t, site, "content/handbook.yaml", "title: Handbook\n"+yaml)
		r := runIn(t, "check", site, "--external")
		if r.code != exitContent || !strings.Contains(r.stdout, want) {
			t.Errorf("%q: exit %d, want 1 with %q\nstdout:\n%s\nstderr:\n%s", yaml, r.code, want, r.stdout, r.stderr)
		}
	}
	if r := runIn(t, "check", site, "--external=maybe"); r.code != exitUsage || !strings.Contains(r.stderr, `invalid boolean value "maybe" for -external`) {
		t.Errorf("--external=maybe: exit %d\n%s", r.code, r.stderr)
	}
	if got := s.requests(); len(got) > 0 {
		t.Errorf("requests with a bad link_check: %q", got)
	}
}

// TestServeNoExternalRequest: the dev server builds and serves a handbook
// without a request to the sites its pages link to.
func TestServeNoExternalRequest(t *testing.T) {
	bin := batonBinary(t)
	s := newLinkedSite(t)
	site := externalSite(t, s.URL)
	serveBriefly(t, bin, site)
	if got := s.requests(); len(got) > 0 {
		t.Errorf("requests while serving: %q", got)
	}
}
