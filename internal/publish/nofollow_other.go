//go:build !unix

package publish

import (
	"errors"
	"os"
)

// noFollow has no flag here: openNoFollow looks before it opens.
const noFollow = 0

// openNoFollow opens path for reading, failing on a symbolic link.
func openNoFollow(path string) (*os.File, error) {
	info, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if info.Mode()&os.ModeSymlink != 0 {
		return nil, errors.New("a symbolic link")
	}
	return os.Open(path)
}

// openFile opens the file at path as os.OpenFile does.
func openFile(path string, flags int, perm os.FileMode) (*os.File, error) {
	return os.OpenFile(path, flags, perm)
}
