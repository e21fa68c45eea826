//go:build unix

package publish

import (
	"os"
	"syscall"
	"testing"
)

// inode is the file's number on disk, to tell a file left in place from
// one written anew.
func inode(t *testing.T, p string) uint64 {
	t.Helper()
	info, err := os.Lstat(p)
	if err != nil {
		t.Fatal(err)
	}
	return uint64(info.Sys().(*syscall.Stat_t).Ino)
}
