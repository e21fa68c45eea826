package publish

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// An output folder that is a mount point (a Docker volume, a bind mount)
// cannot be renamed, so it cannot be swapped whole: baton updates it in
// place. The new output is written into a folder inside it (nextDir), and
// Commit then moves each of its top-level entries into the output, moving
// the old one of the same name, and each old top-level entry the new
// output drops, into another folder (oldDir), which it removes at the end.
// A reader sees old and new entries side by side only while those few
// renames run; files are never written in place. The moves follow a plan
// written before the first of them: a build stopped after that point is
// finished by the next (rollForward), one stopped before is undone. The
// user's files at the top of the output never move; those inside folders
// baton replaces are carried over as in a swap.
const (
	nextDir = ".baton-next"
	oldDir  = ".baton-old"
	// planFile, in nextDir, lists the moves: "+name" to move name from
	// nextDir into the output, "-name" to move it out of the output.
	planFile = ".baton-plan"
)

// inPlaceName reports whether rel, a path in an output folder, is one of
// the folders baton keeps inside an output it updates in place.
func inPlaceName(rel string) bool { return rel == nextDir || rel == oldDir }

// beginInPlace starts writing a new output inside the output folder.
func (o output) beginInPlace(opts Options) (*Tx, error) {
	tmp := filepath.Join(o.path, nextDir)
	if err := o.disk.mkdir(tmp); err != nil {
		return nil, err
	}
	if err := o.disk.writeFile(filepath.Join(tmp, Marker), []byte(freshHeader)); err != nil {
		_ = o.disk.removeTree(tmp)
		return nil, err
	}
	return &Tx{opts: opts, o: o, tmp: tmp, inPlace: true}, nil
}

// commitInPlace carries the user's files over, writes the manifest and
// the plan, and moves the new output in.
func (t *Tx) commitInPlace(written map[string]bool) error {
	o := t.o
	old, _ := readManifest(o.path)
	if _, err := o.carryOver(t.tmp, written, true); err != nil {
		return err
	}
	if err := o.disk.writeManifest(t.tmp, t.paths); err != nil {
		return err
	}
	entries, err := os.ReadDir(t.tmp)
	if err != nil {
		return err
	}
	var plan []string
	next := map[string]bool{}
	for _, e := range entries {
		if name := e.Name(); !bookkeeping(name) && name != planFile {
			plan = append(plan, "+"+name)
			next[name] = true
		}
	}
	var gone []string
	for p := range old.paths {
		top, _, _ := strings.Cut(p, "/")
		if !next[top] && !slices.Contains(gone, top) && exists(filepath.Join(o.path, top)) {
			gone = append(gone, top)
		}
	}
	slices.Sort(gone)
	for _, name := range gone {
		plan = append(plan, "-"+name)
	}
	// What moves out of the output goes into a folder whose manifest is
	// the old output's: its baton's files are known, and anything else
	// in it goes back (evacuate) before it is removed.
	trash := filepath.Join(o.path, oldDir)
	if err := o.disk.mkdir(trash); err != nil {
		return err
	}
	oldPaths := make([]string, 0, len(old.paths))
	for p := range old.paths {
		oldPaths = append(oldPaths, p)
	}
	slices.Sort(oldPaths)
	if err := o.disk.writeManifest(trash, oldPaths); err != nil {
		return err
	}
	if err := o.disk.replaceFile(filepath.Join(t.tmp, planFile), []byte(strings.Join(plan, "\n")+"\n")); err != nil {
		return err
	}
	t.planned = true
	return o.rollForward()
}

// rollForward makes the moves the plan in nextDir lists that are not yet
// made, puts the new manifest in place, and removes what is left. Each
// step is done once: a move already made finds nothing to move.
func (o output) rollForward() error {
	next, trash := filepath.Join(o.path, nextDir), filepath.Join(o.path, oldDir)
	f, err := os.Open(filepath.Join(next, planFile))
	if err != nil {
		return err
	}
	var plan []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		plan = append(plan, sc.Text())
	}
	f.Close()
	if err := sc.Err(); err != nil {
		return err
	}
	// A move that fails does not stop the others, so as little as
	// possible of the old output stays beside the new; the plan then
	// stays for the next build to finish.
	var e errs
	move := func(from, to string) { e.add(o.disk.rename(from, to)) }
	for _, line := range plan {
		if len(line) < 2 || !filepath.IsLocal(line[1:]) {
			continue
		}
		name := line[1:]
		src, dst := filepath.Join(next, name), filepath.Join(o.path, name)
		if line[0] == '-' {
			if exists(dst) {
				move(dst, filepath.Join(trash, name))
			}
			continue
		}
		srcInfo, err := os.Lstat(src)
		if err != nil {
			continue // moved
		}
		if dstInfo, err := os.Lstat(dst); err == nil {
			if !srcInfo.IsDir() && !dstInfo.IsDir() {
				move(src, dst) // a file replaces a file in one step
				continue
			}
			if err := o.disk.rename(dst, filepath.Join(trash, name)); err != nil {
				e.add(err)
				continue
			}
		}
		move(src, dst)
	}
	if exists(filepath.Join(next, Marker)) {
		move(filepath.Join(next, Marker), filepath.Join(o.path, Marker))
	}
	if e.first != nil {
		return e.first
	}
	// The new output is in place. Each step of tidying up is tried even
	// when one before failed: the next build finishes what is left.
	for _, name := range []string{carried, planFile} {
		if exists(filepath.Join(next, name)) {
			e.add(o.disk.remove(filepath.Join(next, name)))
		}
	}
	e.add(o.disk.remove(next))
	e.add(o.disposeOld())
	return e.first
}

// disposeOld removes oldDir from the output, once the user's files that
// may be in it are back (evacuate).
func (o output) disposeOld() error {
	trash := filepath.Join(o.path, oldDir)
	if !exists(trash) {
		return nil
	}
	if !isOutput(trash) {
		// Made, and stopped before its manifest went in: nothing moved
		// into it yet.
		if onlyBookkeeping(trash) {
			return o.disk.removeTree(trash)
		}
		return nil
	}
	if err := o.evacuate(trash, false); err != nil {
		return err
	}
	return o.disk.removeTree(trash)
}

// recoverInPlace finishes an update in place that was stopped: rolled
// forward once its plan is written, undone before (the user's files it
// was given go back, the rest is baton's).
func (o output) recoverInPlace() error {
	next := filepath.Join(o.path, nextDir)
	switch {
	case exists(filepath.Join(next, planFile)):
		// Written once all else was ready; the new manifest may have
		// moved out already.
		return o.rollForward()
	case isOutput(next):
		if err := o.evacuate(next, false); err != nil {
			return err
		}
		if err := o.disk.removeTree(next); err != nil {
			return err
		}
	case exists(next) && onlyBookkeeping(next):
		if err := o.disk.removeTree(next); err != nil {
			return err
		}
	}
	return o.disposeOld()
}
