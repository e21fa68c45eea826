package searchload_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/searchload"
)

// TestMeter serves a folder through a Meter and expects it to count the
// bytes of search files only, each path's requests, and nothing after a
// Reset.
func TestMeter(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"index.html":              "<p>home</p>",
		"_baton/search/index.js":  strings.Repeat("m", 1000),
		"_baton/search/s/7072.js": strings.Repeat("s", 5000),
		"_baton/search/d/3.js":    strings.Repeat("d", 300),
		"_baton/search-not/x.js":  strings.Repeat("x", 70),
		"_baton/assets/search.js": strings.Repeat("j", 9000),
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	meter := &searchload.Meter{Next: http.FileServer(http.Dir(dir))}
	srv := httptest.NewServer(meter)
	defer srv.Close()
	get := func(path string) {
		t.Helper()
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
	}
	for _, p := range []string{"/", "/_baton/search/index.js", "/_baton/search/s/7072.js", "/_baton/search-not/x.js", "/_baton/assets/search.js", "/_baton/search/d/3.js", "/_baton/search/s/7072.js", "/_baton/search/missing.js"} {
		get(p)
	}
	c := meter.Count()
	if want := int64(1000 + 5000 + 300 + 5000); c.Bytes < want || c.Bytes > want+100 {
		t.Errorf("counted %d bytes, want %d and the 404's few", c.Bytes, want)
	}
	if got, want := c.Files(), 4; got != want {
		t.Errorf("counted %d search files, want %d (%v)", got, want, c.Requests)
	}
	if got, want := c.Repeats(), []string{"/_baton/search/s/7072.js"}; !slices.Equal(got, want) {
		t.Errorf("repeats %q, want %q", got, want)
	}
	if got := c.Sent["/_baton/search/index.js"]; got != 1000 {
		t.Errorf("index.js: %d bytes, want 1000", got)
	}
	if c.InFlight != 0 || c.Last.IsZero() {
		t.Errorf("in flight %d, last %v; want 0 and a time", c.InFlight, c.Last)
	}
	meter.Reset()
	get("/_baton/assets/search.js")
	if c := meter.Count(); c.Bytes != 0 || c.Files() != 0 {
		t.Errorf("after Reset and a request outside the index: %d bytes, %d files; want none", c.Bytes, c.Files())
	}
}
