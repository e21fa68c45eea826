// Package searchload measures what baton's search makes a reader's browser
// load. Meter serves a built site and counts the bytes of the search index
// files (_baton/search/) it sends; the package's tests drive headless
// Chromium against it, type or paste queries into the search box, and
// report the bytes each query loaded (see TestSearchLoad and "How to
// measure" in docs/performance.md).
//
// A Meter counts what was sent since its last Reset; it is safe for
// concurrent requests, and it counts every request, so a file the client
// loads twice counts twice (Files says so).
package searchload

import (
	"maps"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Prefix is the URL path of the search index files.
const Prefix = "/_baton/search/"

// Meter serves Next and counts the responses to requests under Prefix.
type Meter struct {
	Next http.Handler

	mu       sync.Mutex
	bytes    int64
	requests map[string]int   // path → how many times it was asked for
	sent     map[string]int64 // path → bytes sent for it
	inFlight int
	last     time.Time // when the last request under Prefix started or ended
}

// Count is what a Meter counted since its last Reset.
type Count struct {
	Bytes    int64            // response bytes sent for search files
	Requests map[string]int   // search file path → requests for it
	Sent     map[string]int64 // search file path → bytes sent for it
	InFlight int              // search requests still being answered
	Last     time.Time        // when a search request last started or ended
}

// Files is how many distinct search files were asked for.
func (c Count) Files() int { return len(c.Requests) }

// Repeats lists the search files asked for more than once.
func (c Count) Repeats() []string {
	var r []string
	for p, n := range c.Requests {
		if n > 1 {
			r = append(r, p)
		}
	}
	return r
}

func (m *Meter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.URL.Path, Prefix) {
		m.Next.ServeHTTP(w, r)
		return
	}
	m.mu.Lock()
	if m.requests == nil {
		m.requests, m.sent = map[string]int{}, map[string]int64{}
	}
	m.requests[r.URL.Path]++
	m.inFlight++
	m.last = time.Now()
	m.mu.Unlock()
	cw := &countingWriter{ResponseWriter: w}
	defer func() {
		m.mu.Lock()
		m.bytes += cw.n
		m.sent[r.URL.Path] += cw.n
		m.inFlight--
		m.last = time.Now()
		m.mu.Unlock()
	}()
	m.Next.ServeHTTP(cw, r)
}

// Reset forgets what was counted.
func (m *Meter) Reset() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.bytes, m.requests, m.sent = 0, map[string]int{}, map[string]int64{}
}

// Count returns what was counted since the last Reset.
func (m *Meter) Count() Count {
	m.mu.Lock()
	defer m.mu.Unlock()
	return Count{Bytes: m.bytes, Requests: maps.Clone(m.requests), Sent: maps.Clone(m.sent), InFlight: m.inFlight, Last: m.last}
}

type countingWriter struct {
	http.ResponseWriter
	n int64
}

func (w *countingWriter) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.n += int64(n)
	return n, err
}
