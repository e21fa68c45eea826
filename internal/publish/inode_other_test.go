//go:build !unix

package publish

import "testing"

// inode is not available here: the test that needs it is skipped.
func inode(t *testing.T, p string) uint64 {
	t.Helper()
	t.Skip("no inode numbers on this system")
	return 0
}
