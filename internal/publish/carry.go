package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// ancestors lists the folders the paths lie in, as slash paths.
func ancestors(sets ...map[string]bool) map[string]bool {
	dirs := map[string]bool{}
	for _, set := range sets {
		for p := range set {
			for d := path.Dir(p); d != "." && !dirs[d]; d = path.Dir(d) {
				dirs[d] = true
			}
		}
	}
	return dirs
}

// carryOver moves into tmp, the new output, every file of the live output
// that baton did not write (a CNAME, .nojekyll, a .git folder), and
// reports whether it moved any. Everything is checked before the first
// move: a file of the user's where the build writes one of the same name
// is an error (unless their bytes are the same: the user's then replaces
// the build's), and so is one that tmp already holds a file of the user's
// for. The moves are listed in tmp first (carried), and the list stays
// until the new output is live: a build stopped in between leaves them
// for the next, which moves them back (evacuate). With keepTop, the
// user's files at the top of the output stay where they are (an output
// updated in place keeps them).
func (o output) carryOver(tmp string, written map[string]bool, keepTop bool) (bool, error) {
	m, ok := readManifest(o.path)
	if !ok {
		return false, nil // no output yet, or an empty folder (Check)
	}
	foreign, err := o.foreign(m.paths, written)
	if err != nil || len(foreign) == 0 {
		return false, err
	}
	carry, err := o.toCarry(tmp, foreign, written, keepTop)
	if err != nil || len(carry) == 0 {
		return false, err
	}
	if err := o.disk.writeFile(filepath.Join(tmp, carried), []byte(strings.Join(carry, "\n")+"\n")); err != nil {
		return false, err
	}
	for _, rel := range carry {
		dst := filepath.Join(tmp, rel)
		if err := o.disk.mkdirAll(filepath.Dir(dst)); err != nil {
			return true, err
		}
		if err := o.disk.rename(filepath.Join(o.path, rel), dst); err != nil {
			return true, err
		}
	}
	return true, nil
}

// foreign lists, sorted, the files of the live output that no manifest
// lists (old is the live output's, written the new build's), walking the
// output on several goroutines and changing nothing.
func (o output) foreign(old, written map[string]bool) ([]string, error) {
	dirs := ancestors(old, written)
	var e errs
	foreign := gather(o.path, func(dir string, entries []fs.DirEntry, err error) (subs, found []string) {
		if err != nil && !(os.IsNotExist(err) && dir == o.path) {
			e.add(err)
		}
		for _, d := range entries {
			p := filepath.Join(dir, d.Name())
			rel, _ := filepath.Rel(o.path, p)
			slash := filepath.ToSlash(rel)
			switch {
			case dir == o.path && (bookkeeping(slash) || inPlaceName(slash)):
			case d.IsDir() && dirs[slash]:
				subs = append(subs, p) // a folder baton writes into: look inside
			case !d.IsDir() && old[slash]:
			default:
				found = append(found, rel)
			}
		}
		return subs, found
	})
	slices.Sort(foreign)
	return foreign, e.first
}

// toCarry checks the user's files against what the build writes, and
// lists those to move into tmp.
func (o output) toCarry(tmp string, foreign []string, written map[string]bool, keepTop bool) ([]string, error) {
	made := ancestors(written)
	carry := foreign[:0:0]
	for _, rel := range foreign {
		slash := filepath.ToSlash(rel)
		switch {
		case written[slash] && sameBytes(filepath.Join(o.path, rel), filepath.Join(tmp, rel)):
		case written[slash] || made[slash]:
			return nil, fmt.Errorf("%s is yours (not in baton's manifest), and the build now writes a %s of that name: move yours elsewhere, or remove it if the build's should take its place",
				o.show(rel), map[bool]string{true: "file", false: "folder"}[written[slash]])
		default:
			// Only a previous output the build writes over can hold a
			// file of the user's, and it goes back there when the build
			// fails.
			if _, err := os.Lstat(filepath.Join(tmp, rel)); err == nil {
				return nil, fmt.Errorf("%s is yours, and so is %s, left there by an interrupted build: keep the one you want in %s and remove the other",
					o.show(rel), filepath.Join(Previous(o.name), rel), o.name)
			}
			if keepTop && !strings.ContainsRune(rel, filepath.Separator) {
				continue
			}
		}
		carry = append(carry, rel)
	}
	return carry, nil
}

// sameBytes reports whether a and b are plain files with the same bytes.
func sameBytes(a, b string) bool {
	fa, err := openNoFollow(a)
	if err != nil {
		return false
	}
	defer fa.Close()
	fb, err := openNoFollow(b)
	if err != nil {
		return false
	}
	defer fb.Close()
	ia, err1 := fa.Stat()
	ib, err2 := fb.Stat()
	if err1 != nil || err2 != nil || !ia.Mode().IsRegular() || !ib.Mode().IsRegular() || ia.Size() != ib.Size() {
		return false
	}
	ba, bb := make([]byte, 64<<10), make([]byte, 64<<10)
	for {
		na, erra := io.ReadFull(fa, ba)
		nb, errb := io.ReadFull(fb, bb)
		if na != nb || !bytes.Equal(ba[:na], bb[:nb]) || erra != errb {
			return false
		}
		if erra != nil {
			return erra == io.EOF || erra == io.ErrUnexpectedEOF
		}
	}
}

// evacuate moves the user's files out of dir, a folder of baton's beside
// the output that is not live, back into the live output: those a build
// was carrying over (carried lists them) and, where dir's manifest lists
// baton's files, whatever it does not list. A name the output has too is
// left where it is, and an error once the rest have moved: both are the
// user's, and only the user can choose. With the output missing the files
// stay, unless create says to make it (empty, with baton's marker) first.
func (o output) evacuate(dir string, create bool) error {
	m, _ := readManifest(dir)
	list, hasList := readCarried(dir)
	var moves []string
	for _, rel := range list {
		if _, err := os.Lstat(filepath.Join(dir, rel)); err == nil {
			moves = append(moves, rel)
		}
	}
	if !m.fresh {
		mine, err := userEntries(dir, ".", m.paths)
		if err != nil {
			return err
		}
		moves = append(moves, mine...)
	}
	moves = outermost(moves)
	if len(moves) > 0 {
		if _, err := os.Lstat(o.path); errors.Is(err, fs.ErrNotExist) {
			if !create {
				return fmt.Errorf("%s is missing, and the files of yours in %s wait to go back into it", o.name, dir)
			}
			if err := o.disk.mkdir(o.path); err != nil {
				return err
			}
			if err := o.disk.writeManifest(o.path, nil); err != nil {
				return err
			}
		}
	}
	live, _ := readManifest(o.path)
	back := mover{o: o, dir: dir, batonDirs: ancestors(live.paths)}
	for _, rel := range moves {
		if err := back.move(rel); err != nil {
			return err
		}
	}
	if len(back.clash) > 0 {
		return fmt.Errorf("%s is yours, and so is %s, left there by an interrupted build: keep the one you want in %s and remove the other",
			o.show(back.clash[0]), filepath.Join(o.showDir(dir), back.clash[0]), o.name)
	}
	if hasList {
		return o.disk.remove(filepath.Join(dir, carried))
	}
	return nil
}

// showDir names dir, a folder of baton's beside the output or inside it,
// for a message.
func (o output) showDir(dir string) string {
	if rel, err := filepath.Rel(o.path, dir); err == nil && filepath.IsLocal(rel) {
		return o.show(rel)
	}
	return filepath.Join(filepath.Dir(o.name), filepath.Base(dir))
}

// mover moves the user's files from dir back into the output.
type mover struct {
	o   output
	dir string
	// batonDirs are the folders of the live output that hold files of
	// baton's: a folder of the user's from dir is merged into one of
	// them, never into a folder of the user's (two .git folders mixed
	// file by file would be neither).
	batonDirs map[string]bool
	clash     []string // names the output has too, left where they are
}

func (m *mover) move(rel string) error {
	src, dst := filepath.Join(m.dir, rel), filepath.Join(m.o.path, rel)
	have, err := os.Lstat(dst)
	if err != nil {
		if err := m.o.disk.mkdirAll(filepath.Dir(dst)); err != nil {
			return err
		}
		return m.o.disk.rename(src, dst)
	}
	info, err := os.Lstat(src)
	if err != nil || !info.IsDir() || !have.IsDir() || !m.batonDirs[filepath.ToSlash(rel)] {
		m.clash = append(m.clash, rel)
		return nil
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := m.move(filepath.Join(rel, e.Name())); err != nil {
			return err
		}
	}
	_ = m.o.disk.remove(src) // fails, as it should, where a clash is left in it
	return nil
}

// outermost sorts paths and drops those inside another of them.
func outermost(paths []string) []string {
	slices.Sort(paths)
	paths = slices.Compact(paths)
	kept := map[string]bool{}
	var out []string
	for _, p := range paths {
		inside := false
		for d := filepath.Dir(p); d != "." && !inside; d = filepath.Dir(d) {
			inside = kept[d]
		}
		if !inside {
			kept[p] = true
			out = append(out, p)
		}
	}
	return out
}
