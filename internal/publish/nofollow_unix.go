//go:build unix

package publish

import (
	"os"
	"syscall"
)

// noFollow makes an open fail on a symbolic link instead of following it.
const noFollow = syscall.O_NOFOLLOW

// openNoFollow opens path for reading, failing on a symbolic link.
func openNoFollow(path string) (*os.File, error) {
	return openFile(path, os.O_RDONLY|noFollow, 0)
}

// openFile opens the file at path as os.OpenFile does, in one system
// call: os.OpenFile offers every file it opens to the poller, which takes
// four more calls to find a file on disk cannot be polled, and an output
// is thousands of files.
func openFile(path string, flags int, perm os.FileMode) (*os.File, error) {
	for {
		fd, err := syscall.Open(path, flags|syscall.O_CLOEXEC, uint32(perm.Perm()))
		switch err {
		case nil:
			return os.NewFile(uintptr(fd), path), nil
		case syscall.EINTR:
			continue
		}
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
}
