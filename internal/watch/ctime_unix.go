//go:build linux || darwin || freebsd || netbsd || openbsd

package watch

import (
	"io/fs"
	"syscall"
)

// changeTime is the file's inode change time in nanoseconds, or 0.
func changeTime(info fs.FileInfo) int64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return statCtime(st)
	}
	return 0
}
