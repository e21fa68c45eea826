//go:build linux

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// straceOrSkip returns the path of strace, or skips the test where strace
// is missing or may not trace (ptrace refused, as in many containers).
func straceOrSkip(t *testing.T) string {
	t.Helper()
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("strace is not installed (apt-get install strace): the kill points cannot be reached")
	}
	if out, err := exec.Command(strace, "-f", "-o", os.DevNull, "true").CombinedOutput(); err != nil {
		t.Skipf("strace cannot trace here (is ptrace refused?): %v\n%s", err, out)
	}
	return strace
}

// userFiles are the files a user keeps in public/: a CNAME, a git
// checkout's folder, and a file of theirs inside a folder baton writes.
var userFiles = map[string]string{
	"CNAME":       "handbook.example.com\n",
	".git/config": "[core]\n\tbare = false\n",
	".git/HEAD":   "ref: refs/heads/gh-pages\n",
	"b/notes.txt": "my notes\n",
}

// siteOnly drops the user's files and the manifest from a checksum of an
// output, leaving what the build wrote.
func siteOnly(sum map[string]string) map[string]string {
	m := map[string]string{}
	for p, h := range sum {
		slash := filepath.ToSlash(p)
		if _, ok := userFiles[slash]; ok || slash == ".git" || slash == ".baton-output" {
			continue
		}
		m[p] = h
	}
	return m
}

// TestKilledAtEveryStep kills the real binary (strace injects SIGKILL, or
// SIGTERM as a cancelled CI job or timeout sends it) on entry to each
// rename, exchange, unlink and mkdir it makes in turn, in a rebuild of a
// site whose public/ holds the user's files and a previous output beside
// it. After the kill the live output is one whole site, old or new; after
// a SIGTERM it also still holds the user's files; and the next build ends
// with the new site and every one of the user's files, byte for byte.
//
// strace counts calls per thread, so when=N is the Nth call of one thread:
// the points reached are logged, and together with publish's
// TestKilledAtEveryChange (which stops at every change in turn) they
// cover the commit.
func TestKilledAtEveryStep(t *testing.T) {
	strace := straceOrSkip(t)
	bin := batonBinary(t)
	pages := map[string]string{
		"content/handbook.yaml": "title: Killed\n",
		"content/a.md":          "---\ntitle: A\n---\nAlpha.\n",
		"content/b/c.md":        "---\ntitle: C\n---\nCharlie.\n",
		"content/d.md":          "---\ntitle: D\n---\nDelta.\n",
		"content/e/f.md":        "---\ntitle: F\n---\nFoxtrot.\n",
	}
	edit := func(site string) {
		t.Helper()
		writeTree(t, site, map[string]string{"content/a.md": "---\ntitle: A\n---\nAlpha, edited.\n", "content/g.md": "---\ntitle: G\n---\nGolf.\n"})
		for _, gone := range []string{"content/d.md", "content/e/f.md"} {
			if err := os.Remove(filepath.Join(site, gone)); err != nil {
				t.Fatal(err)
			}
		}
	}
	// The old and the new site, as clean builds write them.
	ref := t.TempDir()
	writeTree(t, ref, pages)
	runBinary(t, bin, ref, "build", "--no-cache", "--quiet", "--out", "old").want(t, 0, "reference build")
	edit(ref)
	runBinary(t, bin, ref, "build", "--no-cache", "--quiet", "--out", "new").want(t, 0, "reference build")
	oldSite, newSite := siteOnly(checksum(t, filepath.Join(ref, "old"))), siteOnly(checksum(t, filepath.Join(ref, "new")))

	setup := func() string {
		t.Helper()
		site := t.TempDir()
		writeTree(t, site, pages)
		for range 2 { // the second keeps the first as .public.prev
			runBinary(t, bin, site, "build", "--no-cache", "--quiet").want(t, 0, "setup build")
		}
		writeTree(t, filepath.Join(site, "public"), userFiles)
		edit(site)
		return site
	}
	hasUserFiles := func(public string) error {
		for p, body := range userFiles {
			got, err := os.ReadFile(filepath.Join(public, p))
			if err != nil || string(got) != body {
				return fmt.Errorf("%s = %q, %v; want %q", p, got, err, body)
			}
		}
		return nil
	}
	callLine := regexp.MustCompile(`^(\w+)\((.*?)(?:\) += (.*)| <unfinished \.\.\.>)$`)
	// hit finds in an strace log the call the signal was injected into:
	// for SIGKILL the one that never returned, for SIGTERM the last call
	// of the thread the signal went to.
	hit := func(log, sig string) string {
		last := map[string]string{}
		for _, l := range strings.Split(log, "\n") {
			tid, rest, _ := strings.Cut(l, " ")
			rest = strings.TrimSpace(rest)
			if m := callLine.FindStringSubmatch(rest); m != nil {
				last[tid] = m[1] + "(" + m[2] + ")"
				if sig == "KILL" && m[3] == "?" {
					return last[tid]
				}
			}
			if sig == "KILL" && strings.HasPrefix(rest, "<... ") && strings.HasSuffix(rest, "= ?") ||
				sig == "TERM" && strings.HasPrefix(rest, "--- SIGTERM ") {
				return last[tid]
			}
		}
		return ""
	}
	var reached []string
	for _, sig := range []string{"KILL", "TERM"} {
		for _, syscall := range []string{"renameat", "renameat2", "unlinkat", "mkdirat"} {
			for n := 1; ; n++ {
				what := fmt.Sprintf("SIG%s at %s #%d", sig, syscall, n)
				site := setup()
				log := filepath.Join(t.TempDir(), "strace.log")
				r := runEnv(t, strace, site, nil, "-f", "-qq", "-o", log, "-e", "trace="+syscall,
					"-e", fmt.Sprintf("inject=%s:signal=%s:when=%d", syscall, sig, n), bin, "build", "--no-cache", "--quiet")
				data, _ := os.ReadFile(log)
				lines := strings.Join(slices.DeleteFunc(strings.Split(string(data), "\n"), func(l string) bool {
					return strings.Contains(l, "SIGURG") || strings.Contains(l, "SIGCHLD")
				}), "\n")
				call := hit(lines, sig)
				if call == "" {
					if r.code != 0 {
						t.Fatalf("%s: the build failed without the signal: exit %d\n%s\nstrace log:\n%s", what, r.code, r.stderr, lines)
					}
					break // fewer calls than n in every thread
				}
				reached = append(reached, fmt.Sprintf("SIG%s %s", sig, strings.ReplaceAll(regexp.MustCompile(`-\d+`).ReplaceAllString(call, "-N"), site, "SITE")))
				public := filepath.Join(site, "public")
				got := siteOnly(checksum(t, public))
				// The list of the user's files carried over stays until the
				// new output is live (package publish), so a kill just after
				// the swap leaves it there; the next build removes it, which
				// sameTree below checks.
				delete(got, ".baton-carried")
				if fmt.Sprint(got) != fmt.Sprint(oldSite) && fmt.Sprint(got) != fmt.Sprint(newSite) {
					t.Errorf("%s: public/ is neither the old site nor the new one:\n%v", what, got)
				}
				if sig == "TERM" {
					if err := hasUserFiles(public); err != nil {
						t.Errorf("%s: after the build stopped the user's files are not in public/: %v", what, err)
					}
				}
				runBinary(t, bin, site, "build", "--no-cache", "--quiet").want(t, 0, what+", then a build")
				if err := hasUserFiles(public); err != nil {
					t.Errorf("%s, then a build: the user's files are lost: %v", what, err)
				}
				sameTree(t, what+", then a build: public/", newSite, siteOnly(checksum(t, public)))
				for _, left := range []string{".public.tmp-*", ".public.lock"} {
					if m, _ := filepath.Glob(filepath.Join(site, left)); len(m) != 0 {
						t.Errorf("%s, then a build: left behind: %v", what, m)
					}
				}
				if t.Failed() {
					t.Fatalf("stopped at the first failing kill point; strace log:\n%s", lines)
				}
			}
		}
	}
	t.Logf("kill points reached (%d):\n%s", len(reached), strings.Join(reached, "\n"))
}

// TestBuildWhileAnotherHoldsTheLock: with public/'s lock held by another
// process, a build fails at once (exit 1) with a message that names the
// lock and the process, and changes nothing; once the lock is free, the
// build runs.
func TestBuildWhileAnotherHoldsTheLock(t *testing.T) {
	bin := batonBinary(t)
	site := t.TempDir()
	writeTree(t, site, smallSite)
	runBinary(t, bin, site, "build", "--quiet").want(t, 0, "first build")
	lock, err := os.OpenFile(filepath.Join(site, ".public.lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(lock, "%d\n", os.Getpid())
	before := checksum(t, site)
	r := runBinary(t, bin, site, "build")
	r.want(t, 1, "build while the lock is held")
	if !strings.Contains(r.stderr, ".public.lock") || !strings.Contains(r.stderr, fmt.Sprint("process ", os.Getpid())) {
		t.Errorf("stderr does not name the lock and the process that holds it:\n%s", r.stderr)
	}
	sameTree(t, "site after a refused build", before, checksum(t, site))
	lock.Close()
	runBinary(t, bin, site, "build", "--quiet").want(t, 0, "build once the lock is free")
}

// TestTwoBuildsAtOnce holds a first build at its swap (strace stops it
// there with SIGSTOP) while a second build of the same output starts: the
// second fails at once naming the first's lock, and the first, continued,
// ends well, its output whole and the user's files in it. (Without the
// lock the second took over the first's temporary folder and the first
// failed with "no such file".)
func TestTwoBuildsAtOnce(t *testing.T) {
	strace := straceOrSkip(t)
	bin := batonBinary(t)
	site := t.TempDir()
	writeTree(t, site, smallSite)
	runBinary(t, bin, site, "build", "--quiet").want(t, 0, "first build")
	runBinary(t, bin, site, "build", "--quiet").want(t, 0, "second build")
	writeTree(t, filepath.Join(site, "public"), userFiles)
	writeTree(t, site, map[string]string{"content/a.md": "---\ntitle: A\n---\nAlpha, edited.\n"})

	first := exec.Command(strace, "-f", "-qq", "-o", os.DevNull, "-e", "trace=renameat2", "-e", "inject=renameat2:signal=STOP",
		bin, "build", "--quiet", "--no-cache")
	first.Dir = site
	var stderr strings.Builder
	first.Stderr = &stderr
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- first.Wait() }()
	// The first build is stopped at its swap once its new output has its
	// full manifest (written just before the swap) and it stays stopped:
	// under strace each traced call stops it for a moment too.
	baton, still := 0, 0
	var manifests []string
	deadline := time.Now().Add(time.Minute)
	for still < 10 {
		baton = childOf(first.Process.Pid) // strace forks a probe first
		manifests, _ = filepath.Glob(filepath.Join(site, ".public.tmp-*", ".baton-output"))
		if data, _ := os.ReadFile(strings.Join(manifests, "")); baton != 0 && stopped(baton) &&
			strings.HasPrefix(string(data), "# baton output: ") && strings.Contains(string(data), "a/index.html") {
			still++
		} else {
			still = 0
		}
		select {
		case err := <-done:
			t.Fatalf("the first build ended (%v) before the second started:\n%s", err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			stat, _ := os.ReadFile(fmt.Sprintf("/proc/%d/stat", baton))
			t.Fatalf("the first build did not stop at its swap within a minute: process %d: %s; manifests %v", baton, stat, manifests)
		}
		time.Sleep(20 * time.Millisecond)
	}
	r := runBinary(t, bin, site, "build", "--no-cache")
	if err := syscall.Kill(baton, syscall.SIGCONT); err != nil {
		t.Fatal(err)
	}
	r.want(t, 1, "a second build while the first swaps")
	if !strings.Contains(r.stderr, "another baton build") || !strings.Contains(r.stderr, ".public.lock") {
		t.Errorf("the second build does not say the first holds the lock:\n%s", r.stderr)
	}
	if err := <-done; err != nil {
		t.Fatalf("the first build failed: %v\n%s", err, stderr.String())
	}
	page, err := os.ReadFile(filepath.Join(site, "public", "a", "index.html"))
	if err != nil || !strings.Contains(string(page), "Alpha, edited.") {
		t.Errorf("the first build's output is not live: %v", err)
	}
	for p, body := range userFiles {
		if got, err := os.ReadFile(filepath.Join(site, "public", p)); err != nil || string(got) != body {
			t.Errorf("%s = %q, %v; want %q", p, got, err, body)
		}
	}
}

// childOf is the first child process of pid (the program strace runs), or
// 0 while it has none.
func childOf(pid int) int {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", pid, pid))
	if err != nil {
		return 0
	}
	fields := strings.Fields(string(data))
	if len(fields) == 0 {
		return 0
	}
	child, _ := strconv.Atoi(fields[0])
	return child
}

// stopped reports whether process pid is stopped (by SIGSTOP, traced).
func stopped(pid int) bool {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	_, rest, _ := strings.Cut(string(data), ") ")
	return strings.HasPrefix(rest, "t") || strings.HasPrefix(rest, "T")
}
