//go:build linux

package publish

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/batonhq/baton/internal/render"
)

// mountOrSkip mounts with args (the last is the mount point) and unmounts
// when the test ends; it skips the test where mounting is not allowed
// (not root, or a container without the right).
func mountOrSkip(t *testing.T, args ...string) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a file system needs root")
	}
	if out, err := exec.Command("mount", args...).CombinedOutput(); err != nil {
		t.Skipf("mount %s: %v: %s", strings.Join(args, " "), err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", args[len(args)-1]).CombinedOutput(); err != nil {
			t.Errorf("umount: %v: %s", err, out)
		}
	})
}

// canMount reports whether this process may mount a file system.
func canMount() bool {
	if os.Geteuid() != 0 {
		return false
	}
	dir, err := os.MkdirTemp("", "mount-probe-")
	if err != nil {
		return false
	}
	defer os.Remove(dir)
	if exec.Command("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", dir).Run() != nil {
		return false
	}
	return exec.Command("umount", dir).Run() == nil
}

// mountTmpfs mounts a small file system of its own at dir until the test
// ends.
func mountTmpfs(t *testing.T, dir string) {
	t.Helper()
	mountOrSkip(t, "-t", "tmpfs", "-o", "size=8m", "tmpfs", dir)
}

// TestOutputIsMountPoint: an output folder that is a mount point (a
// Docker volume) cannot be renamed, so it cannot be swapped whole. baton
// updates it in place: every build succeeds, writes the whole new site,
// keeps the user's files, leaves nothing of its own inside or beside it,
// and the folder stays the mount point it was. Both a file system of its
// own (tmpfs) and a bind mount of a folder on the same device are tried.
func TestOutputIsMountPoint(t *testing.T) {
	for _, kind := range []string{"tmpfs", "bind"} {
		t.Run(kind, func(t *testing.T) {
			dir := site(t)
			out := filepath.Join(dir, "public")
			if err := os.Mkdir(out, 0o755); err != nil {
				t.Fatal(err)
			}
			if kind == "tmpfs" {
				mountOrSkip(t, "-t", "tmpfs", "-o", "size=8m", "tmpfs", out)
			} else {
				volume := filepath.Join(t.TempDir(), "volume")
				if err := os.Mkdir(volume, 0o755); err != nil {
					t.Fatal(err)
				}
				mountOrSkip(t, "--bind", volume, out)
			}
			if err := Write(opts(dir, out), sweepOld); err != nil {
				t.Fatal(err)
			}
			for p, body := range sweepMine {
				if strings.HasSuffix(p, "/") {
					if err := os.MkdirAll(filepath.Join(out, p), 0o755); err != nil {
						t.Fatal(err)
					}
				} else {
					writeFile(t, filepath.Join(out, p), body)
				}
			}
			for i := range 3 {
				next := append([]render.File{{Path: "index.html", Data: []byte(fmt.Sprint("home ", i))}}, sweepNew[1:]...)
				if err := Write(opts(dir, out), next); err != nil {
					t.Fatalf("build %d: %v", i, err)
				}
				if got, want := fmt.Sprint(siteFiles(snapshot(t, out))), fmt.Sprint(filesMap(next)); got != want {
					t.Errorf("build %d: output %s, want %s", i, got, want)
				}
				if m := missingMine(out); len(m) > 0 {
					t.Errorf("build %d: the user's files are not in the output: %v", i, m)
				}
			}
			if !mountPoint(out) {
				t.Errorf("the output is no longer a mount point")
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if name := e.Name(); name != "content" && name != "layouts" && name != "public" {
					t.Errorf("%s left beside the output", name)
				}
			}
			for _, name := range []string{nextDir, oldDir} {
				if _, err := os.Lstat(filepath.Join(out, name)); err == nil {
					t.Errorf("%s left inside the output", name)
				}
			}
		})
	}
}

// TestDiskFullOnSmallFileSystem writes a site that does not fit into a
// 1 MB file system that holds an output and its previous one: the write
// fails with ENOSPC, the live output and the user's files are as they
// were, nothing of the failed build is left, and the space is free again.
func TestDiskFullOnSmallFileSystem(t *testing.T) {
	dir := site(t)
	vol := filepath.Join(dir, "vol")
	if err := os.Mkdir(vol, 0o755); err != nil {
		t.Fatal(err)
	}
	mountOrSkip(t, "-t", "tmpfs", "-o", "size=1m", "tmpfs", vol)
	out := filepath.Join(vol, "public")
	small := []render.File{{Path: "index.html", Data: []byte("home")}, {Path: "a/index.html", Data: []byte("a")}}
	for range 2 {
		if err := Write(opts(dir, out), small); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(out, "CNAME"), "handbook.example.com")
	before := snapshot(t, out)
	var st syscall.Statfs_t
	if err := syscall.Statfs(vol, &st); err != nil {
		t.Fatal(err)
	}
	free := st.Bavail
	var big []render.File
	for i := range 300 {
		big = append(big, render.File{Path: fmt.Sprintf("p%03d/index.html", i), Data: []byte(strings.Repeat("x", 8000))})
	}
	err := Write(opts(dir, out), big)
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("Write = %v, want ENOSPC", err)
	}
	if got := snapshot(t, out); fmt.Sprint(got) != fmt.Sprint(before) {
		t.Errorf("the live output changed: %d files, want %d", len(got), len(before))
	}
	entries, _ := os.ReadDir(vol)
	for _, e := range entries {
		if e.Name() != "public" && e.Name() != ".public.prev" {
			t.Errorf("%s left beside the output", e.Name())
		}
	}
	if err := syscall.Statfs(vol, &st); err != nil {
		t.Fatal(err)
	}
	if st.Bavail+4 < free {
		t.Errorf("the failed build's files fill the disk: %d blocks free, %d before", st.Bavail, free)
	}
}
