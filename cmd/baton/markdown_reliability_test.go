package main

// Markdown that real handbooks write, through the real binary.

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// headingSite has a page whose only link is in a heading: build, check and
// serve panicked on it (a link index the page did not have).
var headingSite = map[string]string{
	"content/handbook.yaml": "title: Headings\n",
	"content/a.md":          "---\ntitle: A\n---\n## See [Design](design.md)\n\nText.\n",
	"content/design.md":     "---\ntitle: Design\n---\nDesign.\n",
}

// TestLinkInHeading: build and check succeed on a page whose only link is
// in a heading, the link leads where it was written; a broken link or a
// script URL in a heading is an error at its line and column.
func TestLinkInHeading(t *testing.T) {
	bin := batonBinary(t)
	site := t.TempDir()
	writeTree(t, site, headingSite)
	runBinary(t, bin, site, "check").want(t, 0, "check")
	runBinary(t, bin, site, "build", "--quiet").want(t, 0, "build")
	page, err := os.ReadFile(filepath.Join(site, "public", "a", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `See <a href="../design/">Design</a></h2>`) {
		t.Errorf("the heading's link does not lead to the design page:\n%s", page)
	}

	writeTree(t, site, map[string]string{"content/a.md": "---\ntitle: A\n---\nSee [d](design.md).\n\n## [x](javascript:alert(1))\n\n### [y](missing.md)\n"})
	r := runBinary(t, bin, site, "check")
	r.want(t, 1, "check with bad links in headings")
	for _, want := range []string{
		`content/a.md:6:4: link uses the URL scheme "javascript:"`,
		"content/a.md:8:5: link to content/missing.md, which does not exist",
	} {
		if !strings.Contains(r.stdout+r.stderr, want) {
			t.Errorf("check does not report %q:\n%s%s", want, r.stdout, r.stderr)
		}
	}
}

// TestServeSurvivesLinkInHeading saves a page whose only link is in a
// heading while serve runs: the server rebuilds, serves the page with its
// link, and keeps serving (it used to die on the save).
func TestServeSurvivesLinkInHeading(t *testing.T) {
	bin := batonBinary(t)
	site := t.TempDir()
	writeTree(t, site, map[string]string{
		"content/handbook.yaml": headingSite["content/handbook.yaml"],
		"content/a.md":          "---\ntitle: A\n---\nNo links yet.\n",
		"content/design.md":     headingSite["content/design.md"],
	})
	cmd := exec.Command(bin, "serve", "--port", "0")
	cmd.Dir = site
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	cmd.Stderr = io.Discard
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	var waitErr error
	go func() {
		waitErr = cmd.Wait()
		close(exited)
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-exited
	})
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if u := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(sc.Text()); u != "" {
				urls <- u
				break
			}
		}
		_, _ = io.Copy(io.Discard, out)
	}()
	var base string
	select {
	case base = <-urls:
	case <-time.After(60 * time.Second):
		t.Fatal("serve printed no URL within a minute")
	}
	writeTree(t, site, map[string]string{"content/a.md": headingSite["content/a.md"]})
	// Poll until the rebuilt page shows the link; the bound only guards
	// against a hang.
	deadline := time.Now().Add(60 * time.Second)
	for {
		select {
		case <-exited:
			t.Fatalf("serve exited after the save: %v", waitErr)
		default:
		}
		resp, err := http.Get(base + "a/")
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if strings.Contains(string(body), `See <a href="../design/">Design</a></h2>`) {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the page never showed the heading's link (last error %v)", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	resp, err := http.Get(base)
	if err != nil {
		t.Fatalf("serve stopped answering: %v", err)
	}
	resp.Body.Close()
}
