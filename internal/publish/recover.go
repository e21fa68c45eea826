package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// isOutput reports whether dir is a folder (not a link to one) with
// baton's marker in it.
func isOutput(dir string) bool {
	info, err := os.Lstat(dir)
	if err != nil || !info.IsDir() {
		return false
	}
	m, err := os.Lstat(filepath.Join(dir, Marker))
	return err == nil && m.Mode().IsRegular()
}

// setAside keeps dir, a folder of baton's that is not live, as the
// previous output for the next build; where there already is one, or dir
// cannot be moved there, it removes dir. The files of the user's that a
// build was carrying over go back to the output first, and before a
// removal every other file of the user's too (evacuate); when one cannot,
// dir stays where it is, for the next build to try again. Kept, a file of
// the user's its manifest does not list stays in it, and goes live with
// the next build's output.
func (o output) setAside(dir string) error {
	if exists(filepath.Join(dir, carried)) {
		if err := o.evacuate(dir, false); err != nil {
			return err
		}
	}
	prev := Previous(o.path)
	if _, err := os.Lstat(prev); errors.Is(err, fs.ErrNotExist) {
		if err := o.complete(dir); err != nil {
			return err
		}
		// The folder must not be committed with the site's sources.
		if ignore := filepath.Join(dir, ".gitignore"); !exists(ignore) {
			_ = o.disk.writeFile(ignore, prevIgnore)
		}
		if o.disk.rename(dir, prev) == nil {
			return nil
		}
	}
	if err := o.evacuate(dir, false); err != nil {
		return err
	}
	return o.disk.removeTree(dir)
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// complete readies dir, a folder of baton's, to be a previous output: one
// whose manifest lists baton's files, as the next build that writes over
// it reads it to know what it may remove. A folder a build was writing
// from empty (its marker says so) holds nothing but baton's files once the
// carried ones are back in the output: complete moves them back and lists
// every file left, removing the empty folders.
func (o output) complete(dir string) error {
	m, ok := readManifest(dir)
	if !ok {
		return fmt.Errorf("%s has no %s", dir, Marker)
	}
	if !m.fresh {
		return nil
	}
	if err := o.evacuate(dir, false); err != nil {
		return err
	}
	var e errs
	paths := gather(dir, func(sub string, entries []fs.DirEntry, err error) (subs, files []string) {
		e.add(err)
		if len(entries) == 0 && sub != dir {
			_ = o.disk.remove(sub)
		}
		for _, d := range entries {
			p := filepath.Join(sub, d.Name())
			rel, _ := filepath.Rel(dir, p)
			switch slash := filepath.ToSlash(rel); {
			case d.IsDir():
				subs = append(subs, p)
			case bookkeeping(slash):
			default:
				files = append(files, slash)
			}
		}
		return subs, files
	})
	if e.first != nil {
		return e.first
	}
	slices.Sort(paths)
	return o.disk.writeManifest(dir, paths)
}

// recoverKilled finishes what a build that was stopped (killed, or its
// machine down) left undone, before another starts. Each case is one
// point where the build can stop:
//
//   - inside a swap by two renames, with no output: the old output goes
//     back (a folder named as Begin names them, ending in -old);
//   - after the swap, before the carried list was dropped from the new,
//     live output: the list goes, since what it lists is live;
//   - a temporary folder beside the output (named as Begin names them):
//     empty (made, not yet marked) it is removed; with baton's marker, the
//     user's files in it go back to the output (evacuate) and it is set
//     aside as the previous output, or removed where there is one. A
//     half-written output is as good a start as any: the next build
//     compares every byte, and removes only what its manifest lists.
//
// Folders without the marker are left alone: baton did not make them.
func (o output) recoverKilled() error {
	stale, err := filepath.Glob(filepath.Join(filepath.Dir(o.path), "."+globEscape(filepath.Base(o.path))+".tmp-*"))
	if err != nil {
		return err
	}
	slices.Sort(stale)
	if _, err := os.Lstat(o.path); errors.Is(err, fs.ErrNotExist) {
		for _, dir := range stale {
			if strings.HasSuffix(dir, "-old") && isOutput(dir) {
				if err := o.disk.rename(dir, o.path); err != nil {
					return err
				}
				break
			}
		}
	} else if exists(filepath.Join(o.path, carried)) {
		if err := o.disk.remove(filepath.Join(o.path, carried)); err != nil {
			return err
		}
	}
	if err := o.recoverInPlace(); err != nil {
		return err
	}
	for _, dir := range stale {
		if !exists(dir) {
			continue // put back above
		}
		if !isOutput(dir) {
			if onlyBookkeeping(dir) {
				if err := o.disk.removeTree(dir); err != nil {
					return err
				}
			}
			continue
		}
		if err := o.evacuate(dir, true); err != nil {
			return err
		}
		if err := o.setAside(dir); err != nil {
			return err
		}
	}
	return nil
}

// globEscape quotes the characters filepath.Glob treats as patterns.
func globEscape(s string) string {
	var b strings.Builder
	for _, c := range s {
		if strings.ContainsRune(`*?[\`, c) {
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	return b.String()
}
