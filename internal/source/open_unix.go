//go:build unix

package source

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/sys/unix"
)

// Open opens the file at name (slash-separated, relative to the site
// folder root) for reading as Load reads the site: the first folder
// (content/) through a link if it is one (a shared drive, a monorepo),
// nothing below it through a link. It walks the folders with openat, so no
// folder can be swapped for a link between the checks and the open, and
// opens the file without blocking, so a named pipe never holds the caller.
// Anything but a regular file is ErrNotRegular.
func Open(root, name string) (*os.File, error) {
	parts := strings.Split(name, "/")
	fail := func(err error) (*os.File, error) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	dir, err := unix.Open(root, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return fail(err)
	}
	for i, p := range parts[:len(parts)-1] {
		flags := unix.O_RDONLY | unix.O_DIRECTORY | unix.O_CLOEXEC
		if i > 0 {
			if err := isKind(dir, p, unix.S_IFDIR); err != nil {
				unix.Close(dir)
				return fail(err)
			}
			flags |= unix.O_NOFOLLOW
		}
		next, err := unix.Openat(dir, p, flags, 0)
		unix.Close(dir)
		if err != nil {
			return fail(err)
		}
		dir = next
	}
	defer unix.Close(dir)
	last := parts[len(parts)-1]
	// Looked at first, so a device is never opened; the open below refuses
	// a link, and the fstat anything swapped in meanwhile.
	if err := isKind(dir, last, unix.S_IFREG); err != nil {
		return fail(err)
	}
	fd, err := unix.Openat(dir, last, unix.O_RDONLY|unix.O_NOFOLLOW|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
	if err != nil {
		return fail(err)
	}
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
		unix.Close(fd)
		if err == nil {
			err = ErrNotRegular
		}
		return fail(err)
	}
	if err := unix.SetNonblock(fd, false); err != nil {
		unix.Close(fd)
		return fail(err)
	}
	return os.NewFile(uintptr(fd), filepath.Join(root, filepath.FromSlash(name))), nil
}

// isKind checks that the entry name in the folder dir is, without
// following a link, of the kind given (unix.S_IFDIR or unix.S_IFREG).
func isKind(dir int, name string, kind uint32) error {
	var st unix.Stat_t
	if err := unix.Fstatat(dir, name, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
		return err
	}
	switch got := uint32(st.Mode) & unix.S_IFMT; {
	case got == kind:
		return nil
	case got == unix.S_IFREG:
		return unix.ENOTDIR // a file where the path needs a folder, as open would say
	}
	return ErrNotRegular
}
