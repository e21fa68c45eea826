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
func Open(root, name string) (*os.File, error) { return openWith(root, name, openBeneath) }

// openWith is Open, opening the file below the first folder with open.
func openWith(root, name string, open func(dir int, rest string) (int, error)) (*os.File, error) {
	fail := func(err error) (*os.File, error) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	first, rest, deeper := strings.Cut(name, "/")
	if !deeper {
		first, rest = ".", name
	}
	// The first folder is opened through a link, if it is one.
	dir, err := unix.Open(filepath.Join(root, first), unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return fail(err)
	}
	defer unix.Close(dir)
	// Looked at first, so a device is never opened; the open below refuses
	// a link, and the fstat anything swapped in meanwhile.
	if err := isKind(dir, rest, unix.S_IFREG); err != nil {
		return fail(err)
	}
	fd, err := open(dir, rest)
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

// openFlags open a file for reading: never a link, never waiting on a
// named pipe.
const openFlags = unix.O_RDONLY | unix.O_NOFOLLOW | unix.O_NONBLOCK | unix.O_CLOEXEC

// walkOpen opens the file at rest below the folder dir one folder at a
// time with openat, refusing a link at each step: so no folder can be
// swapped for a link between the checks and the open. It is how
// openBeneath opens where the system cannot refuse links in one call.
func walkOpen(dir int, rest string) (int, error) {
	parts := strings.Split(rest, "/")
	dir, err := unix.Dup(dir)
	if err != nil {
		return -1, err
	}
	for _, p := range parts[:len(parts)-1] {
		if err := isKind(dir, p, unix.S_IFDIR); err != nil {
			unix.Close(dir)
			return -1, err
		}
		next, err := unix.Openat(dir, p, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
		unix.Close(dir)
		if err != nil {
			return -1, err
		}
		dir = next
	}
	defer unix.Close(dir)
	return unix.Openat(dir, parts[len(parts)-1], openFlags, 0)
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
