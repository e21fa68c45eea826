package serve_test

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"testing"
)

// allocated is how many bytes the process has allocated so far.
func allocated() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.TotalAlloc
}

// TestStaticFilesStream serves a sparse 200 MB static file: a Range
// request gives exactly the bytes asked for, HEAD gives the length without
// reading the file, and concurrent GETs stream it instead of reading it
// into memory each (the bound is on what the process allocates, a quarter
// of the file, so it holds however fast the machine is). A static HTML file
// is served as it is, as the build copies it.
func TestStaticFilesStream(t *testing.T) {
	const size = 200 << 20
	const at = 150 << 20
	dir := t.TempDir()
	for name, body := range basic() {
		write(t, filepath.Join(dir, name), body)
	}
	static := filepath.Join(dir, "content", "static")
	write(t, filepath.Join(static, "own.html"), "<html><body>My own page.</body></html>")
	big, err := os.Create(filepath.Join(static, "big.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Truncate(size); err == nil {
		_, err = big.WriteAt([]byte("0123456789"), at)
	}
	if cerr := big.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	s := startSite(t, dir)
	do := func(method string, header map[string]string) (*http.Response, []byte) {
		t.Helper()
		req, err := http.NewRequest(method, s.http.URL+"/big.bin", nil)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp, body
	}

	resp, body := do("GET", map[string]string{"Range": fmt.Sprintf("bytes=%d-%d", at+2, at+6)})
	if resp.StatusCode != http.StatusPartialContent || string(body) != "23456" {
		t.Errorf("Range: %d, %d bytes %.20q, want 206 %q", resp.StatusCode, len(body), body, "23456")
	}
	if got, want := resp.Header.Get("Content-Range"), fmt.Sprintf("bytes %d-%d/%d", at+2, at+6, size); got != want {
		t.Errorf("Content-Range %q, want %q", got, want)
	}
	for k, want := range map[string]string{"Content-Type": "application/octet-stream", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"} {
		if got := resp.Header.Get(k); got != want {
			t.Errorf("Range: %s %q, want %q", k, got, want)
		}
	}

	before := allocated()
	resp, body = do("HEAD", nil)
	if grew := allocated() - before; grew > size/4 {
		t.Errorf("HEAD allocated %d bytes for a %d-byte file", grew, size)
	}
	if resp.StatusCode != 200 || len(body) != 0 || resp.Header.Get("Content-Length") != strconv.Itoa(size) {
		t.Errorf("HEAD: %d, %d bytes of body, Content-Length %q; want 200, none, %d", resp.StatusCode, len(body), resp.Header.Get("Content-Length"), size)
	}

	before = allocated()
	var wg sync.WaitGroup
	got := make([]int64, 3)
	for i := range got {
		wg.Go(func() {
			resp, err := http.Get(s.http.URL + "/big.bin")
			if err != nil {
				t.Error(err)
				return
			}
			defer resp.Body.Close()
			got[i], _ = io.Copy(io.Discard, resp.Body)
		})
	}
	wg.Wait()
	if grew := allocated() - before; grew > size/4 {
		t.Errorf("%d GETs allocated %d bytes for a %d-byte file", len(got), grew, size)
	}
	for i, n := range got {
		if n != size {
			t.Errorf("GET %d: %d bytes, want %d", i, n, size)
		}
	}

	if code, body := s.get("/own.html"); code != 200 || body != "<html><body>My own page.</body></html>" {
		t.Errorf("/own.html: %d %q, want it as it is", code, body)
	}
}
