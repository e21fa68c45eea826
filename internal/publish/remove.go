package publish

import (
	"cmp"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// walkWorkers bounds the goroutines walkFolders runs at once. Walking and
// removing are system calls that wait on the file system more than on a
// core, so more workers than cores still help.
const walkWorkers = 8

// walkFolders walks the tree under dir, folders side by side: visit gets a
// folder's entries (or the error reading them) and returns the subfolders
// to walk; after, when set, runs for a folder once every subfolder visit
// returned for it is walked. A free slot takes a subfolder to another
// goroutine; without one the current goroutine walks it, so a folder
// waiting for its subfolders never holds up the slots they need.
func walkFolders(dir string, visit func(dir string, entries []os.DirEntry, err error) []string, after func(dir string)) {
	slots := make(chan struct{}, walkWorkers-1)
	var walk func(dir string)
	walk = func(dir string) {
		entries, err := os.ReadDir(dir)
		subs := visit(dir, entries, err)
		done := make(chan struct{}, len(subs))
		spawned := 0
		for _, sub := range subs {
			select {
			case slots <- struct{}{}:
				spawned++
				go func() {
					walk(sub)
					<-slots
					done <- struct{}{}
				}()
			default:
				walk(sub)
			}
		}
		for range spawned {
			<-done
		}
		if after != nil {
			after(dir)
		}
	}
	walk(dir)
}

// gather walks the tree under dir as walkFolders does, with no after, and
// returns, in no particular order, what visit found in every folder it
// visited: visit returns the subfolders to walk and what it found there.
// Folders are visited side by side, so what they find is kept under a
// lock.
func gather(dir string, visit func(dir string, entries []os.DirEntry, err error) (subs, found []string)) []string {
	var mu sync.Mutex
	var all []string
	walkFolders(dir, func(sub string, entries []os.DirEntry, err error) []string {
		subs, found := visit(sub, entries, err)
		mu.Lock()
		all = append(all, found...)
		mu.Unlock()
		return subs
	}, nil)
	return all
}

// removeTree removes dir and everything in it, as os.RemoveAll does, with
// folders emptied in parallel, each file and folder by remove. Swapping in
// a new output removes the old one, which at a large handbook's size takes
// longer than rendering a thousand pages. The marker at the top goes last:
// a removal stopped half way leaves a folder still known to be baton's.
// Callers remove only folders that hold nothing of the user's (see
// evacuate).
func removeTree(dir string, remove func(string) error) error {
	walkFolders(dir, func(sub string, entries []os.DirEntry, err error) []string {
		var subs []string
		for _, e := range entries {
			p := filepath.Join(sub, e.Name())
			switch {
			case e.IsDir():
				subs = append(subs, p)
			case sub == dir && e.Name() == Marker:
			default:
				_ = remove(p)
			}
		}
		return subs
	}, func(sub string) {
		if sub == dir {
			_ = remove(filepath.Join(dir, Marker))
		}
		_ = remove(sub)
	})
	// Whatever a removal above could not take (a file that appeared
	// meanwhile, an error to report) is left to the standard library.
	return os.RemoveAll(dir)
}

// errs keeps the first of the errors walkers report.
type errs struct {
	mu    sync.Mutex
	first error
}

func (e *errs) add(err error) {
	if err != nil {
		e.mu.Lock()
		e.first = cmp.Or(e.first, err)
		e.mu.Unlock()
	}
}

// prune removes from root, a previous output the build wrote over, every
// file its manifest lists (listed) that the build did not write, and the
// folders that leaves empty. What the manifest does not list is the
// user's and stays, whatever it is: it goes live with the new output. A
// listed path that is now a link is removed, never followed.
func (d disk) prune(root string, written, listed map[string]bool) error {
	// Only the folders that hold a listed file the build did not write
	// can have anything to remove, besides root's own bookkeeping: a
	// rebuild of the same pages walks none of the rest.
	stale := map[string]bool{}
	for p := range listed {
		if !written[p] {
			stale[p] = true
		}
	}
	dirs := ancestors(stale)
	keep := ancestors(written)
	var e errs
	walkFolders(root, func(dir string, entries []fs.DirEntry, err error) []string {
		e.add(err)
		var subs []string
		for _, de := range entries {
			p := filepath.Join(dir, de.Name())
			rel, _ := filepath.Rel(root, p)
			slash := filepath.ToSlash(rel)
			switch {
			case de.IsDir() && dirs[slash]:
				subs = append(subs, p)
			case de.IsDir(), written[slash], slash == Marker:
			case listed[slash], own(slash, p):
				e.add(d.remove(p))
			}
		}
		return subs
	}, func(dir string) {
		if rel, _ := filepath.Rel(root, dir); rel != "." && !keep[filepath.ToSlash(rel)] {
			_ = d.remove(dir) // fails, as it should, where the user's files are left
		}
	})
	return e.first
}

// userEntries lists what under root/from, in root, a folder of baton's
// whose manifest lists the files baton wrote (listed), is the user's: files
// and links the manifest does not list, and folders with no listed file in
// them, each as one entry. Paths are relative to root.
func userEntries(root, from string, listed map[string]bool) ([]string, error) {
	dirs := ancestors(listed)
	var e errs
	start := filepath.Join(root, from)
	if info, err := os.Lstat(start); err != nil || !info.IsDir() {
		if err == nil && !listed[filepath.ToSlash(from)] {
			return []string{from}, nil
		}
		return nil, nil
	}
	found := gather(start, func(dir string, entries []fs.DirEntry, err error) (subs, mine []string) {
		e.add(err)
		for _, de := range entries {
			p := filepath.Join(dir, de.Name())
			rel, _ := filepath.Rel(root, p)
			slash := filepath.ToSlash(rel)
			switch {
			case de.IsDir() && dirs[slash]:
				subs = append(subs, p)
			case !de.IsDir() && listed[slash], own(slash, p):
			default:
				mine = append(mine, rel)
			}
		}
		return subs, mine
	})
	return found, e.first
}
