package linkcheck

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// noSleep is a Sleep that records each wait and returns at once.
type noSleep struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (s *noSleep) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.waits = append(s.waits, d)
	return ctx.Err()
}

// guard bounds a test that would otherwise hang.
func guard(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// site is a test server that records each request as "METHOD /path".
type site struct {
	*httptest.Server
	mu   sync.Mutex
	seen []string
}

func newSite(t *testing.T, h http.HandlerFunc) *site {
	t.Helper()
	s := &site{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.seen = append(s.seen, r.Method+" "+r.URL.RequestURI())
		s.mu.Unlock()
		h(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *site) requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.seen...)
}

// TestVerdicts: each kind of answer a site gives, and the requests it
// took to learn it.
func TestVerdicts(t *testing.T) {
	s := newSite(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/ok":
		case "/missing":
			w.WriteHeader(http.StatusNotFound)
		case "/gone":
			w.WriteHeader(http.StatusGone)
		case "/no-head":
			if r.Method == http.MethodHead {
				w.WriteHeader(http.StatusMethodNotAllowed)
			}
		case "/login":
			w.WriteHeader(http.StatusUnauthorized)
		case "/error":
			w.WriteHeader(http.StatusInternalServerError)
		case "/a":
			http.Redirect(w, r, "/b", http.StatusMovedPermanently)
		case "/b":
			http.Redirect(w, r, "/c", http.StatusPermanentRedirect)
		case "/c":
		case "/temp":
			http.Redirect(w, r, "/c", http.StatusFound)
		case "/slash":
			http.Redirect(w, r, "/slash/", http.StatusMovedPermanently)
		case "/slash/":
		case "/loop1":
			http.Redirect(w, r, "/loop2", http.StatusFound)
		case "/loop2":
			http.Redirect(w, r, "/loop1", http.StatusFound)
		case "/moved-away":
			http.Redirect(w, r, "/missing", http.StatusMovedPermanently)
		default:
			t.Errorf("unexpected request %s %s", r.Method, r.URL)
		}
	})
	u := s.URL
	got := New(Options{}).Check(guard(t), []string{
		u + "/ok", u + "/missing", u + "/gone", u + "/no-head", u + "/login", u + "/error",
		u + "/a#part", u + "/temp", u + "/slash", u + "/loop1", u + "/moved-away",
	})
	want := []Result{
		{URL: u + "/ok", Verdict: OK},
		{URL: u + "/missing", Verdict: Broken, Reason: "404 Not Found"},
		{URL: u + "/gone", Verdict: Broken, Reason: "410 Gone"},
		{URL: u + "/no-head", Verdict: OK},
		{URL: u + "/login", Verdict: OK},
		{URL: u + "/error", Verdict: Broken, Reason: "500 Internal Server Error"},
		{URL: u + "/a#part", Verdict: Moved, MovedTo: u + "/c"},
		{URL: u + "/temp", Verdict: OK},
		{URL: u + "/slash", Verdict: OK},
		{URL: u + "/loop1", Verdict: Broken, Reason: "redirect loop at " + u + "/loop1"},
		{URL: u + "/moved-away", Verdict: Broken, Reason: "404 Not Found"},
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("results (-got +want):\n%s", diff)
	}
	// HEAD first; GET only where HEAD was refused (405, and a 404 that a
	// GET confirms); no request carries the fragment.
	var gets []string
	for _, r := range s.requests() {
		if strings.HasPrefix(r, "GET ") {
			gets = append(gets, r)
		}
	}
	if diff := cmp.Diff(gets, []string{"GET /no-head", "GET /missing", "GET /missing"}, sortStrings); diff != "" {
		t.Errorf("GET requests (-got +want):\n%s", diff)
	}
}

var sortStrings = cmp.Transformer("sort", func(in []string) []string {
	out := append([]string(nil), in...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
})

// TestOneRequestPerURL: a URL written many times, with and without
// fragments, is asked once.
func TestOneRequestPerURL(t *testing.T) {
	s := newSite(t, func(w http.ResponseWriter, r *http.Request) {})
	urls := []string{s.URL + "/p", s.URL + "/p#a", s.URL + "/p#b", s.URL + "/p"}
	got := New(Options{}).Check(guard(t), urls)
	for i, r := range got {
		if r.URL != urls[i] || r.Verdict != OK {
			t.Errorf("result %d = %+v, want %s OK", i, r, urls[i])
		}
	}
	if diff := cmp.Diff(s.requests(), []string{"HEAD /p"}); diff != "" {
		t.Errorf("requests (-got +want):\n%s", diff)
	}
}

// TestRedirectLimit: a chain longer than MaxRedirects is broken, and no
// more than that many hops are asked.
func TestRedirectLimit(t *testing.T) {
	var n atomic.Int32
	s := newSite(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/next"+r.URL.Path, http.StatusFound)
		n.Add(1)
	})
	got := New(Options{MaxRedirects: 3}).Check(guard(t), []string{s.URL + "/x"})
	if got[0].Verdict != Broken || got[0].Reason != "more than 3 redirects" {
		t.Errorf("got %+v, want broken: more than 3 redirects", got[0])
	}
	if n.Load() != 4 {
		t.Errorf("%d requests, want 4", n.Load())
	}
}

// TestTimeout: a site that does not answer within Timeout is broken, and
// the check does not wait for it longer.
func TestTimeout(t *testing.T) {
	release := make(chan struct{})
	s := newSite(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	defer close(release)
	got := New(Options{Timeout: 50 * time.Millisecond}).Check(guard(t), []string{s.URL + "/slow"})
	if got[0].Verdict != Broken || got[0].Reason != "no answer within 50ms" {
		t.Errorf("got %+v, want broken: no answer within 50ms", got[0])
	}
}

// TestNoConnection: a port nothing listens on is broken, with the reason.
func TestNoConnection(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	got := New(Options{}).Check(guard(t), []string{"http://" + addr + "/"})
	if got[0].Verdict != Broken || !strings.HasPrefix(got[0].Reason, "no connection to "+addr) {
		t.Errorf("got %+v, want broken: no connection to %s", got[0], addr)
	}
}

// TestRetryAfter: a 429 is asked again after the wait its Retry-After asks
// for, when that wait is within MaxRetryAfter, Retries times at most; a
// site that keeps answering 429, or asks for too long a wait, leaves the
// URL unknown, which is not cached.
func TestRetryAfter(t *testing.T) {
	var calls atomic.Int32
	s := newSite(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/once":
			if calls.Add(1) == 1 {
				w.Header().Set("Retry-After", "3")
				w.WriteHeader(http.StatusTooManyRequests)
			}
		case "/always":
			w.Header().Set("Retry-After", "2")
			w.WriteHeader(http.StatusTooManyRequests)
		case "/later":
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(http.StatusTooManyRequests)
		}
	})
	sl := &noSleep{}
	cache := NewCache()
	c := New(Options{Sleep: sl.sleep, Retries: 2, MaxRetryAfter: 10 * time.Second, Cache: cache, TTL: time.Hour, BrokenTTL: time.Hour})
	got := c.Check(guard(t), []string{s.URL + "/once"})
	if got[0].Verdict != OK || !cmp.Equal(sl.waits, []time.Duration{3 * time.Second}) {
		t.Errorf("/once: got %+v after waits %v, want OK after 3s", got[0], sl.waits)
	}
	sl.waits = nil
	got = c.Check(guard(t), []string{s.URL + "/always"})
	if got[0].Verdict != Unknown || got[0].Reason != "the site kept answering 429 Too Many Requests" || !cmp.Equal(sl.waits, []time.Duration{2 * time.Second, 2 * time.Second}) {
		t.Errorf("/always: got %+v after waits %v, want unknown after two waits of 2s", got[0], sl.waits)
	}
	sl.waits = nil
	got = c.Check(guard(t), []string{s.URL + "/later"})
	if got[0].Verdict != Unknown || len(sl.waits) != 0 || got[0].Reason != "the site answered 429 Too Many Requests and asked for a wait of 1h0m0s, over the 10s baton waits" {
		t.Errorf("/later: got %+v after waits %v, want unknown without waiting", got[0], sl.waits)
	}
	before := len(s.requests())
	c.Check(guard(t), []string{s.URL + "/always", s.URL + "/later"})
	if len(s.requests()) == before {
		t.Error("an unknown result was taken from the cache")
	}
}

func TestRetryAfterHeader(t *testing.T) {
	now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		h    string
		want time.Duration
		ok   bool
	}{
		{"", time.Second, true},
		{"5", 5 * time.Second, true},
		{"Sun, 06 Dec 2026 12:00:30 GMT", 30 * time.Second, true},
		{"Sun, 06 Dec 2026 11:00:00 GMT", 0, true},
		{"-1", 0, false},
		{"soon", 0, false},
	} {
		got, ok := retryAfter(c.h, now)
		if got != c.want || ok != c.ok {
			t.Errorf("retryAfter(%q) = %s, %v; want %s, %v", c.h, got, ok, c.want, c.ok)
		}
	}
}

// TestLimits: the requests in flight to one host never pass PerHost, nor
// those in flight in all Total, as the servers count them.
func TestLimits(t *testing.T) {
	var all, allMax atomic.Int32
	type counter struct{ now, max atomic.Int32 }
	raise := func(n int32, m *atomic.Int32) {
		for {
			old := m.Load()
			if n <= old || m.CompareAndSwap(old, n) {
				return
			}
		}
	}
	var urls []string
	var hosts []*counter
	for range 4 {
		h := &counter{}
		hosts = append(hosts, h)
		s := newSite(t, func(w http.ResponseWriter, r *http.Request) {
			raise(h.now.Add(1), &h.max)
			raise(all.Add(1), &allMax)
			// Long enough for the others to arrive if nothing held them.
			time.Sleep(20 * time.Millisecond)
			all.Add(-1)
			h.now.Add(-1)
		})
		for i := range 6 {
			urls = append(urls, s.URL+"/"+string(rune('a'+i)))
		}
	}
	got := New(Options{PerHost: 2, Total: 3}).Check(guard(t), urls)
	for _, r := range got {
		if r.Verdict != OK {
			t.Errorf("%s: %+v", r.URL, r)
		}
	}
	for i, h := range hosts {
		if m := h.max.Load(); m > 2 || m < 1 {
			t.Errorf("host %d had %d requests at once, want 1 or 2", i, m)
		}
	}
	if m := allMax.Load(); m > 3 {
		t.Errorf("%d requests at once in all, want at most 3", m)
	}
}

// TestHeaders: a request names baton, carries no cookie, and nothing but
// the URL's own path and query; a cookie a site sets is not sent back.
func TestHeaders(t *testing.T) {
	var mu sync.Mutex
	var reqs []*http.Request
	s := newSite(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		reqs = append(reqs, r.Clone(context.Background()))
		mu.Unlock()
		http.SetCookie(w, &http.Cookie{Name: "session", Value: "x", Path: "/"})
		if r.URL.Path == "/first" {
			http.Redirect(w, r, "/second", http.StatusFound)
		}
	})
	New(Options{}).Check(guard(t), []string{s.URL + "/first?q=1#frag"})
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	for _, r := range reqs {
		if ua := r.Header.Get("User-Agent"); ua != UserAgent {
			t.Errorf("User-Agent %q, want %q", ua, UserAgent)
		}
		if c := r.Header.Get("Cookie"); c != "" {
			t.Errorf("%s sent the cookie %q", r.URL, c)
		}
		for k := range r.Header {
			switch k {
			case "User-Agent", "Accept", "Accept-Encoding", "Connection":
			default:
				t.Errorf("%s sent the header %s: %q", r.URL, k, r.Header.Get(k))
			}
		}
		if r.Body != nil {
			if n, _ := r.Body.Read(make([]byte, 1)); n > 0 {
				t.Errorf("%s sent a body", r.URL)
			}
		}
	}
	if got := reqs[0].URL.RequestURI(); got != "/first?q=1" {
		t.Errorf("first request for %q, want /first?q=1", got)
	}
}

// TestCache: a result is taken from the cache within its TTL (no request),
// and asked again after; a broken one after the shorter BrokenTTL; the
// cache survives its file.
func TestCache(t *testing.T) {
	s := newSite(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/missing" {
			w.WriteHeader(http.StatusNotFound)
		}
	})
	now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	cache := NewCache()
	check := func(at time.Duration) []Result {
		t.Helper()
		c := New(Options{Cache: cache, TTL: 24 * time.Hour, BrokenTTL: time.Hour, Now: func() time.Time { return now.Add(at) }})
		return c.Check(guard(t), []string{s.URL + "/ok", s.URL + "/missing"})
	}
	count := func() int { return len(s.requests()) }

	first := check(0)
	if first[0].Verdict != OK || first[1].Verdict != Broken || first[0].Cached {
		t.Fatalf("first check: %+v", first)
	}
	n := count()
	if !cache.Changed() {
		t.Error("the cache did not change")
	}
	// Through its file, as the next run of baton reads it.
	var buf bytes.Buffer
	if err := cache.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	cache = DecodeCache(buf.Bytes())
	if cache.Changed() {
		t.Error("a cache just read has changed")
	}

	again := check(30 * time.Minute)
	if count() != n {
		t.Errorf("within both TTLs: %d requests, want none", count()-n)
	}
	if diff := cmp.Diff(again, []Result{{URL: s.URL + "/ok", Verdict: OK, Cached: true}, {URL: s.URL + "/missing", Verdict: Broken, Reason: "404 Not Found", Cached: true}}); diff != "" {
		t.Errorf("cached results (-got +want):\n%s", diff)
	}

	check(2 * time.Hour)
	if diff := cmp.Diff(s.requests()[n:], []string{"HEAD /missing", "GET /missing"}); diff != "" {
		t.Errorf("after the broken TTL, requests (-got +want):\n%s", diff)
	}
	n = count()
	check(25 * time.Hour)
	if diff := cmp.Diff(s.requests()[n:], []string{"GET /missing", "HEAD /missing", "HEAD /ok"}, sortStrings); diff != "" {
		t.Errorf("after the TTL, requests (-got +want):\n%s", diff)
	}

	// A damaged file is no cache.
	data := buf.Bytes()
	data[len(data)/2] ^= 0xff
	if c := DecodeCache(data); len(c.entries) != 0 {
		t.Errorf("a damaged file gave %d entries", len(c.entries))
	}
}

// TestStopped: a check whose context ends stops, with the URLs it did not
// finish not broken for good: nothing of it is cached.
func TestStopped(t *testing.T) {
	release := make(chan struct{})
	s := newSite(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	defer close(release)
	ctx, cancel := context.WithCancel(guard(t))
	go func() {
		for len(s.requests()) == 0 {
			time.Sleep(time.Millisecond)
		}
		cancel()
	}()
	cache := NewCache()
	got := New(Options{Cache: cache, TTL: time.Hour, BrokenTTL: time.Hour}).Check(ctx, []string{s.URL + "/slow"})
	if got[0].Verdict != Unknown || !strings.HasPrefix(got[0].Reason, "check stopped") {
		t.Errorf("got %+v, want the check stopped", got[0])
	}
	if cache.Changed() {
		t.Error("a stopped check was cached")
	}
}
