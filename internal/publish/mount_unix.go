//go:build unix && !linux

package publish

import (
	"path/filepath"

	"golang.org/x/sys/unix"
)

// mountPoint reports whether dir is a mount point: its device differs from
// its parent's.
func mountPoint(dir string) bool {
	var st, up unix.Stat_t
	if unix.Lstat(dir, &st) != nil || unix.Stat(filepath.Dir(dir), &up) != nil {
		return false
	}
	return st.Dev != up.Dev
}
