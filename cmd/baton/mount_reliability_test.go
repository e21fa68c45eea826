//go:build linux

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// mountTmpfs mounts a file system of size bytes at dir until the test
// ends; it skips the test where mounting is not allowed (not root, or a
// container without the right).
func mountTmpfs(t *testing.T, dir, size string) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a file system needs root")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("mount -t tmpfs: %v: %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount: %v: %s", err, out)
		}
	})
}

// freeBytes is the space left on the file system that holds dir.
func freeBytes(t *testing.T, dir string) uint64 {
	t.Helper()
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	return st.Bavail * uint64(st.Bsize)
}

// TestDiskFull builds a small site into a 2 MB file system, then one that
// does not fit. The build stops at the first failed write and says so in
// one line (what, where, "no space left on device"), exits 1, leaves the
// live output and the user's CNAME as they were, and removes what it had
// written, so the space is free again.
func TestDiskFull(t *testing.T) {
	bin := batonBinary(t)
	root := t.TempDir()
	vol := filepath.Join(root, "vol")
	mountTmpfs(t, vol, "2m")
	site := filepath.Join(root, "site")
	writeTree(t, site, smallSite)
	out := filepath.Join(vol, "public")
	for range 2 {
		runBinary(t, bin, site, "build", "--quiet", "--out", out).want(t, 0, "a build that fits")
	}
	writeTree(t, out, map[string]string{"CNAME": "handbook.example.com"})
	before := checksum(t, out)
	free := freeBytes(t, vol)
	big := map[string]string{}
	para := strings.Repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", 80)
	for i := range 400 {
		big[fmt.Sprintf("content/q%03d.md", i)] = fmt.Sprintf("---\ntitle: Q%d\n---\n%s\n\n%s\n", i, para, para)
	}
	writeTree(t, site, big)

	r := runBinary(t, bin, site, "build", "--out", out)
	r.want(t, 1, "a build that does not fit")
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "no space left on device") || !strings.Contains(lines[0], out) {
		t.Errorf("stderr is %d lines, want one that names %s and says \"no space left on device\":\n%s", len(lines), out, r.stderr)
	}
	sameTree(t, "the live output", before, checksum(t, out))
	entries, _ := os.ReadDir(vol)
	for _, e := range entries {
		if e.Name() != "public" && e.Name() != ".public.prev" {
			t.Errorf("%s left beside the output", e.Name())
		}
	}
	if now := freeBytes(t, vol); now+64<<10 < free {
		t.Errorf("the failed build left its files: %d bytes free, %d before it", now, free)
	}
}

// TestBuildIntoMountPoint: public/ is a mount point (a Docker volume),
// which cannot be renamed. Every build succeeds (each failed with "device
// or resource busy"), writes the edited site, keeps the user's files, and
// leaves nothing of baton's inside or beside it.
func TestBuildIntoMountPoint(t *testing.T) {
	bin := batonBinary(t)
	site := t.TempDir()
	writeTree(t, site, smallSite)
	public := filepath.Join(site, "public")
	mountTmpfs(t, public, "8m")
	runBinary(t, bin, site, "build", "--quiet").want(t, 0, "first build into the mount point")
	mine := map[string]string{"CNAME": "handbook.example.com", ".git/config": "[core]", "b/notes.txt": "mine"}
	writeTree(t, public, mine)
	for i := range 2 {
		writeTree(t, site, map[string]string{"content/a.md": fmt.Sprintf("---\ntitle: A\n---\nAlpha %d.\n", i)})
		runBinary(t, bin, site, "build", "--quiet").want(t, 0, "a build into the mount point")
		page, err := os.ReadFile(filepath.Join(public, "a", "index.html"))
		if err != nil || !strings.Contains(string(page), fmt.Sprintf("Alpha %d.", i)) {
			t.Errorf("build %d: the edited page is not in public/: %v", i, err)
		}
		for p, body := range mine {
			if got, err := os.ReadFile(filepath.Join(public, p)); err != nil || string(got) != body {
				t.Errorf("build %d: %s = %q, %v; want %q", i, p, got, err, body)
			}
		}
	}
	for _, left := range []string{".baton-next", ".baton-old"} {
		if _, err := os.Lstat(filepath.Join(public, left)); err == nil {
			t.Errorf("%s left in public/", left)
		}
	}
	if m, _ := filepath.Glob(filepath.Join(site, ".public*")); len(m) != 0 {
		t.Errorf("left beside public/: %v", m)
	}
}
