package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestServeStopsOnSIGTERM runs `baton serve`, saves a page with a new code
// block, and holds an idle keep-alive connection and a reload stream open
// while it sends SIGTERM (what a process manager, `timeout` or a closing
// terminal sends). serve ends the stream (it is not cut off by the
// process exiting), exits 0, and has saved the build cache with the new
// block in it: a build afterwards finds everything there and does not
// write the cache again.
func TestServeStopsOnSIGTERM(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGTERM on Windows")
	}
	bin := batonBinary(t)
	site := t.TempDir()
	writeTree(t, site, map[string]string{
		"content/handbook.yaml": "title: Cached\n",
		"content/a.md":          "---\ntitle: A\n---\nAlpha.\n\n```go\npackage a\n```\n",
	})
	cmd := exec.Command(bin, "serve", "--port", "0")
	cmd.Dir = site
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	exited := false
	t.Cleanup(func() {
		if !exited {
			_ = cmd.Process.Kill()
			<-done
		}
	})
	urls := make(chan string, 1)
	var mu sync.Mutex
	var stdout strings.Builder
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			mu.Lock()
			stdout.WriteString(sc.Text() + "\n")
			mu.Unlock()
			if u := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(sc.Text()); u != "" {
				urls <- u
			}
		}
	}()
	var url string
	select {
	case url = <-urls:
	case <-time.After(60 * time.Second):
		t.Fatal("serve printed no URL within a minute")
	}
	client := &http.Client{Transport: &http.Transport{}, Timeout: 60 * time.Second} // a guard
	get := func(p string) string {
		t.Helper()
		resp, err := client.Get(url + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return string(body)
	}

	code := filepath.Join(site, ".baton-cache", "code-blocks")
	// The old block stays, so a build afterwards uses every block serve
	// used and has no reason to write the cache.
	writeTree(t, site, map[string]string{"content/a.md": "---\ntitle: A\n---\nBeta.\n\n```go\npackage a\n```\n\n```python\nimport this_is_new\n```\n"})
	for deadline := time.Now().Add(60 * time.Second); !strings.Contains(get("a/"), "Beta."); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the edit was never served")
		}
	}
	if data, err := os.ReadFile(code); err != nil || bytes.Contains(data, []byte("this_is_new")) {
		t.Fatalf("the new block is in the cache before serve stops (%v): the test would show nothing", err)
	}

	// The page just fetched left its connection idle in client's pool; now
	// a reload stream.
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second) // a guard
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", url+"_baton/livereload", nil)
	stream, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Body.Close()
	events := bufio.NewReader(stream.Body)
	for {
		line, err := events.ReadString('\n')
		if err != nil {
			t.Fatalf("reading the stream: %v", err)
		}
		if strings.TrimSpace(line) == ": connected" {
			break
		}
	}
	ended := make(chan error, 1)
	go func() {
		_, err := io.Copy(io.Discard, events)
		ended <- err
	}()

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		exited = true
		var exit *exec.ExitError
		if errors.As(err, &exit) || err != nil {
			t.Errorf("serve after SIGTERM: %v\nstderr: %s", err, stderr.String())
		}
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not stop within a minute of SIGTERM")
	}
	if err := <-ended; err != nil {
		t.Errorf("the reload stream was cut off (%v), not ended by the server", err)
	}
	mu.Lock()
	if !strings.Contains(stdout.String(), "stopped") {
		t.Errorf("serve did not say it stopped:\n%s", stdout.String())
	}
	mu.Unlock()

	data, err := os.ReadFile(code)
	if err != nil || !bytes.Contains(data, []byte("this_is_new")) {
		t.Fatalf("the cache saved when serve stopped lacks the new block (%v)", err)
	}
	var before []os.FileInfo
	for _, name := range []string{"code-blocks", "search-words"} {
		info, err := os.Stat(filepath.Join(site, ".baton-cache", name))
		if err != nil {
			t.Fatal(err)
		}
		before = append(before, info)
	}
	runBinary(t, bin, site, "build", "--quiet").want(t, 0, "build after serve")
	for i, name := range []string{"code-blocks", "search-words"} {
		info, err := os.Stat(filepath.Join(site, ".baton-cache", name))
		if err != nil || !os.SameFile(before[i], info) {
			t.Errorf("the build after serve wrote %s again (%v): serve's was not whole, or not valid", name, err)
		}
	}
}
