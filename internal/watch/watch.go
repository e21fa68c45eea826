// Package watch reports changed files under a site's folders, in batches.
//
// It watches folders, never single files (editors replace files on save),
// adds folders as they appear and reports the files already in them, drops
// chmod-only events and editors' temporary files, and coalesces a burst of
// events into one batch. Where the system's watcher cannot be had or runs
// out of watches, it falls back to polling and says why.
package watch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/batonhq/baton/internal/source"
	"github.com/fsnotify/fsnotify"
)

// Options configure a Watcher.
type Options struct {
	// Root is the site folder; Dirs are the folders under it to watch.
	Root string
	Dirs []string
	// Quiet is how long events must stop before a batch is sent.
	Quiet time.Duration
	// Poll forces polling at this interval; zero uses the system watcher.
	Poll time.Duration

	// nativeErr, set by tests, stands for the system watcher failing (as
	// it does when inotify runs out of watches).
	nativeErr error
}

// Watcher sends batches of changed paths, relative to Root and
// slash-separated, on Changes.
type Watcher struct {
	Changes <-chan []string
	// Notice carries one line when the watcher falls back to polling.
	Notice <-chan string

	changes chan []string
	notice  chan string
	opts    Options
	done    chan struct{}
	once    sync.Once
	fsw     *fsnotify.Watcher
}

// New starts watching.
func New(opts Options) (*Watcher, error) {
	if opts.Quiet == 0 {
		opts.Quiet = 80 * time.Millisecond
	}
	w := &Watcher{changes: make(chan []string, 1), notice: make(chan string, 4), opts: opts, done: make(chan struct{})}
	w.Changes, w.Notice = w.changes, w.notice
	if opts.Poll > 0 {
		go w.poll(opts.Poll)
		return w, nil
	}
	fsw, err := fsnotify.NewWatcher()
	if err == nil && opts.nativeErr != nil {
		fsw.Close()
		err = opts.nativeErr
	}
	if err == nil {
		for _, d := range opts.Dirs {
			if err = w.addTree(fsw, filepath.Join(opts.Root, d), nil); err != nil {
				break
			}
		}
		if err != nil {
			fsw.Close()
		}
	}
	if err != nil {
		w.notice <- "file watching unavailable (" + err.Error() + "); polling every 500ms instead. On Linux, raise fs.inotify.max_user_watches (sysctl) to watch natively."
		go w.poll(500 * time.Millisecond)
		return w, nil
	}
	w.fsw = fsw
	go w.loop()
	return w, nil
}

// Close stops the watcher.
func (w *Watcher) Close() error {
	w.once.Do(func() { close(w.done) })
	if w.fsw != nil {
		return w.fsw.Close()
	}
	return nil
}

// addTree watches dir and every folder below it, appending the files found
// to found (for folders that appeared after the watch started).
func (w *Watcher) addTree(fsw *fsnotify.Watcher, dir string, found *[]string) error {
	root := walkRoot(dir)
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if p != root && source.IgnoredEntry(d) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return fsw.Add(p)
		}
		if found != nil {
			*found = append(*found, w.rel(p))
		}
		return nil
	})
}

// walkRoot spells dir so that filepath.WalkDir enters it when it is a
// symbolic link to a folder (content/ linked to a shared folder): the walk
// and the watches then use the link's path, which is what the build reads.
func walkRoot(dir string) string {
	if fi, err := os.Lstat(dir); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		return dir + string(filepath.Separator)
	}
	return dir
}

func (w *Watcher) rel(p string) string {
	r, err := filepath.Rel(w.opts.Root, p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(r)
}

func (w *Watcher) loop() {
	pending := map[string]bool{}
	var timer <-chan time.Time
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod || ignoredEvent(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					var found []string
					if err := w.addTree(w.fsw, ev.Name, &found); err != nil {
						w.fallback(err)
						return
					}
					for _, f := range found {
						pending[f] = true
					}
				}
			}
			pending[w.rel(ev.Name)] = true
			timer = time.After(w.opts.Quiet)
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			w.fallback(err)
			return
		case <-timer:
			w.send(pending)
			pending = map[string]bool{}
			timer = nil
		}
	}
}

func (w *Watcher) fallback(err error) {
	select {
	case w.notice <- "file watching failed (" + err.Error() + "); polling every 500ms instead. On Linux, raise fs.inotify.max_user_watches (sysctl) to watch natively.":
	default:
	}
	w.fsw.Close()
	go w.poll(500 * time.Millisecond)
}

func (w *Watcher) send(pending map[string]bool) {
	if len(pending) == 0 {
		return
	}
	batch := make([]string, 0, len(pending))
	for p := range pending {
		batch = append(batch, p)
	}
	slices.Sort(batch)
	// Merge with a batch the consumer has not taken yet, so no change is
	// lost while a build runs.
	select {
	case old := <-w.changes:
		batch = append(batch, old...)
		slices.Sort(batch)
		batch = slices.Compact(batch)
	default:
	}
	select {
	case w.changes <- batch:
	case <-w.done:
	}
}

// stamp is what polling compares. The change time (ctime) catches an edit
// that keeps a file's size and sets its mtime back, which size and mtime
// alone miss; no user can set ctime.
type stamp struct {
	size  int64
	mod   time.Time
	ctime int64
}

func (w *Watcher) snapshot() map[string]stamp {
	snap := map[string]stamp{}
	for _, d := range w.opts.Dirs {
		_ = filepath.WalkDir(walkRoot(filepath.Join(w.opts.Root, d)), func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if source.IgnoredEntry(e) && !strings.HasSuffix(p, d) {
				if e.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if e.IsDir() {
				return nil
			}
			if info, err := e.Info(); err == nil {
				snap[w.rel(p)] = stamp{info.Size(), info.ModTime(), changeTime(info)}
			}
			return nil
		})
	}
	return snap
}

func (w *Watcher) poll(every time.Duration) {
	prev := w.snapshot()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-w.done:
			return
		case <-t.C:
		}
		cur := w.snapshot()
		pending := map[string]bool{}
		for p, s := range cur {
			if old, ok := prev[p]; !ok || old != s {
				pending[p] = true
			}
		}
		for p := range prev {
			if _, ok := cur[p]; !ok {
				pending[p] = true
			}
		}
		prev = cur
		w.send(pending)
	}
}

// ignoredEvent reports whether an event is about a path baton never reads:
// a file Ignored names, or a folder IgnoredDir names (a path gone is taken
// for a folder, so the removal of one named like a year is never missed).
func ignoredEvent(p string) bool {
	if info, err := os.Lstat(p); err == nil && !info.IsDir() {
		return source.Ignored(filepath.Base(p))
	}
	return source.IgnoredDir(filepath.Base(p))
}
