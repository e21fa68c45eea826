package source

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// Dir is a site folder as an fs.FS that lists and describes entries as
// os.DirFS does, but opens files only as Open does: never through a link
// below the first folder, and nothing but regular files, without waiting
// on a named pipe. Load walks it without following links; reading and
// copying through it keep that rule even when a file is swapped for a link
// or a pipe after the walk saw it.
type Dir string

var (
	_ fs.ReadDirFS  = Dir("")
	_ fs.StatFS     = Dir("")
	_ fs.ReadLinkFS = Dir("")
)

func (d Dir) dirFS() fs.FS { return os.DirFS(string(d)) }

// Open opens a folder as os.DirFS does, and a file with Open.
func (d Dir) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if name == "." {
		return d.dirFS().Open(name)
	}
	f, err := Open(string(d), name)
	if errors.Is(err, ErrNotRegular) {
		// A folder opens to be listed, never read: os.DirFS does that,
		// also for content/ as a link to a folder, which Load walks
		// through. Looked at only when the open fails: most opens are
		// of files.
		if info, serr := d.Stat(name); serr == nil && info.IsDir() {
			return d.dirFS().Open(name)
		}
	}
	if err != nil {
		return nil, err
	}
	return f, nil
}

// ReadDir lists a folder.
func (d Dir) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.dirFS(), name) }

// Stat describes the entry at name, following links.
func (d Dir) Stat(name string) (fs.FileInfo, error) { return fs.Stat(d.dirFS(), name) }

// Lstat describes the entry at name itself.
func (d Dir) Lstat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "lstat", Path: name, Err: fs.ErrInvalid}
	}
	return os.Lstat(filepath.Join(string(d), filepath.FromSlash(name)))
}

// ReadLink reads the target of a link.
func (d Dir) ReadLink(name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: "readlink", Path: name, Err: fs.ErrInvalid}
	}
	return os.Readlink(filepath.Join(string(d), filepath.FromSlash(name)))
}
