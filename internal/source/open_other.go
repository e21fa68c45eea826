//go:build !unix

package source

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Open opens the file at name (slash-separated, relative to the site
// folder root) for reading as Load reads the site: the first folder
// (content/) through a link if it is one (a shared drive, a monorepo),
// nothing below it through a link. Without openat, each entry is looked at
// before the open, and the file opened is checked to be the one looked
// at. Anything but a regular file is ErrNotRegular.
func Open(root, name string) (*os.File, error) {
	parts := strings.Split(name, "/")
	fail := func(err error) (*os.File, error) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	p := filepath.Join(root, parts[0])
	var info fs.FileInfo
	for i, part := range parts {
		if i > 0 {
			p = filepath.Join(p, part)
		}
		if i == 0 && len(parts) > 1 {
			continue
		}
		var err error
		info, err = os.Lstat(p)
		if err != nil {
			return fail(err)
		}
		switch last := i == len(parts)-1; {
		case !last && info.Mode().IsRegular():
			return fail(syscall.ENOTDIR) // a file where the path needs a folder, as open would say
		case last && !info.Mode().IsRegular() || !last && !info.IsDir():
			return fail(ErrNotRegular)
		}
	}
	f, err := os.Open(p)
	if err != nil {
		return fail(err)
	}
	if got, err := f.Stat(); err != nil || !os.SameFile(got, info) {
		f.Close()
		return fail(ErrNotRegular)
	}
	return f, nil
}
