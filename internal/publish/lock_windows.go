//go:build windows

package publish

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// removeLocked: an open file cannot be removed here; the lock file stays
// beside the output, and locks nothing once its process ends.
const removeLocked = false

// lockFile locks one byte of f far past its end, where reading the process
// number at its start is not blocked by the lock, and reports whether
// another process holds it.
func lockFile(f *os.File) (held bool, err error) {
	ol := &windows.Overlapped{Offset: 0xfffffff0}
	err = windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		return true, nil
	}
	return false, err
}
