package publish

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/batonhq/baton/internal/render"
)

// output is an output folder, and what every step that changes it needs.
type output struct {
	path string // absolute, with the links of the folders above it resolved
	name string // as Options.Out gives it, for messages
	disk disk
}

// show names rel, a path in the output, for a message.
func (o output) show(rel string) string { return filepath.Join(o.name, rel) }

// Tx is an output folder being written. Files go into a temporary folder
// beside the output as they are written, which Commit swaps in whole and
// Abort sets aside, so the output is replaced in one step or not at all.
//
// The output a swap replaces is not removed: it is kept beside the new one
// (see Previous), and the next build writes into it, in place, instead of
// into an empty folder. A file whose bytes are already there is read and
// left alone, a changed one is replaced by a new file (see replacer), and
// whatever the new build does not write is removed at Commit, when the
// previous output's manifest lists it (what it does not list is the
// user's, and stays). A rebuild so makes and removes only the files that
// changed: on ext4, making a file costs far more system time in the minute
// after many were removed (it steps over their numbers), and a
// 10,000-page output is 24,000 of them.
type Tx struct {
	opts  Options
	o     output
	tmp   string
	reuse bool // tmp is a previous output, updated in place
	// inPlace: the output is a mount point, updated in place (see
	// nextDir); planned: its moves have begun, and a failure leaves them
	// to the next build to finish.
	inPlace, planned bool
	// listed are the files the previous output's manifest lists (with
	// reuse): baton's, which it may replace and remove.
	listed map[string]bool
	// journal is the previous output's manifest (with reuse), opened to
	// add each new file's path before the file is made.
	journal   *os.File
	lock      *lock
	dirs      sync.Map   // folders already made in tmp
	mkdir     sync.Mutex // one folder is made at a time
	mu        sync.Mutex
	paths     []string
	unchanged atomic.Int64
	failed    atomic.Pointer[WriteError]
	done      bool
	chunks    sync.Pool // 32 KB buffers for comparing with the previous bytes
}

// Begin checks the output folder and starts writing a new output beside it.
func Begin(opts Options) (*Tx, error) {
	if err := Check(opts); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(opts.Out)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, err
	}
	// Every folder of baton's lies beside the output: resolved once, the
	// folder above it stays one folder even if a link to it changes.
	parent, err := filepath.EvalSymlinks(filepath.Dir(abs))
	if err != nil {
		return nil, err
	}
	o := output{path: filepath.Join(parent, filepath.Base(abs)), name: opts.Out, disk: opts.disk}
	lock, err := o.lock()
	if err != nil {
		return nil, err
	}
	t, err := o.begin(opts)
	if err != nil {
		lock.release()
		return nil, err
	}
	t.lock = lock
	return t, nil
}

// begin starts writing a new output, with the output's lock held.
func (o output) begin(opts Options) (*Tx, error) {
	if err := o.recoverKilled(); err != nil {
		return nil, err
	}
	if mountPoint(o.path) {
		return o.beginInPlace(opts)
	}
	tmp, err := o.disk.mkdirTemp(filepath.Dir(o.path), "."+filepath.Base(o.path)+".tmp-")
	if err != nil {
		return nil, err
	}
	t := &Tx{opts: opts, o: o, tmp: tmp}
	if m, ok, err := o.adopt(tmp); err != nil {
		return nil, err
	} else if ok {
		t.reuse, t.listed = true, m.paths
		if t.journal, err = os.OpenFile(filepath.Join(tmp, Marker), os.O_WRONLY|os.O_APPEND, 0); err != nil {
			_ = o.setAside(tmp)
			return nil, err
		}
		return t, nil
	}
	// The marker goes in first, so a folder left by a killed build can be
	// told from anyone else's; Commit replaces it with the file list.
	if err := os.Chmod(tmp, 0o755); err != nil {
		_ = o.disk.remove(tmp)
		return nil, err
	}
	if err := o.disk.writeFile(filepath.Join(tmp, Marker), []byte(freshHeader)); err != nil {
		_ = o.disk.removeTree(tmp)
		return nil, err
	}
	return t, nil
}

// adopt moves the previous output (see Previous) to tmp, an empty folder
// Begin made, and returns its manifest, if there is one to take: a real
// folder whose marker lists baton's files.
func (o output) adopt(tmp string) (manifest, bool, error) {
	prev := Previous(o.path)
	if !isOutput(prev) {
		return manifest{}, false, nil
	}
	m, ok := readManifest(prev)
	if !ok || m.fresh || exists(filepath.Join(prev, carried)) {
		return manifest{}, false, nil
	}
	if err := o.disk.remove(tmp); err != nil {
		return manifest{}, false, nil
	}
	if err := o.disk.rename(prev, tmp); err != nil {
		return manifest{}, false, o.disk.mkdir(tmp)
	}
	return m, true, nil
}

// Write writes one file into the new output. It is safe for concurrent use.
func (t *Tx) Write(f render.File) error {
	if f.Lazy != nil {
		data, err := f.Lazy()
		if err != nil {
			return err
		}
		f = render.File{Path: f.Path, Data: data}
	}
	if f.From != "" {
		in, err := t.opts.Source.Open(f.From)
		if err != nil {
			return err
		}
		defer in.Close()
		return t.put(f.Path, -1, func(w io.Writer) error {
			_, err := io.Copy(w, in)
			return err
		})
	}
	return t.put(f.Path, int64(len(f.Data)), func(w io.Writer) error {
		_, err := w.Write(f.Data)
		return err
	})
}

// WriteStream writes one file into the new output from write, through a
// buffer, so a large file (the print view) is never held in memory whole.
// It is safe for concurrent use.
func (t *Tx) WriteStream(p string, write func(io.Writer) error) error {
	return t.put(p, -1, func(w io.Writer) error {
		b := bufio.NewWriterSize(w, 256<<10)
		if err := write(b); err != nil {
			return err
		}
		return b.Flush()
	})
}

// put writes the file at p, whose bytes write makes (size of them, or -1
// when not known before), into the new output: into a new file, or, when
// the new output is a previous one, by way of a replacer. After a failure
// of the file system (see WriteError) it writes nothing.
func (t *Tx) put(p string, size int64, write func(io.Writer) error) error {
	if err := t.Failed(); err != nil {
		return err
	}
	dst, err := t.dest(p)
	if err != nil {
		return err
	}
	var old *os.File
	var oldSize int64
	if t.reuse {
		if old, oldSize, err = t.openOld(p, dst); err != nil {
			return t.fail(p, err)
		}
	}
	if old == nil {
		if t.reuse && !t.listed[p] {
			// Listed before it is made: the manifest of a folder a build
			// writes over never misses a file of baton's. Each path
			// starts a line of its own, so a write the disk cut short
			// runs into no other path.
			if _, err := t.journal.WriteString("\n" + p + "\n"); err != nil {
				return t.fail(p, err)
			}
		}
		f, err := t.create(p, dst)
		if err != nil {
			return t.fail(p, err)
		}
		w := &diskWriter{w: f}
		err = write(w)
		if err := t.wrote(p, w, err, f.Close()); err != nil {
			return err
		}
		t.add(p)
		return nil
	}
	r := &replacer{t: t, dst: dst, old: old, oldSize: oldSize}
	w := &diskWriter{w: r}
	if err := r.start(size); err != nil {
		_, _ = r.finish(err)
		return t.fail(p, err)
	}
	err = write(w)
	same, ferr := r.finish(err)
	if err := t.wrote(p, w, err, ferr); err != nil {
		return err
	}
	if same {
		t.unchanged.Add(1)
	}
	t.add(p)
	return nil
}

// dest checks an output path and returns where it goes in the new output.
func (t *Tx) dest(p string) (string, error) {
	top, _, _ := strings.Cut(p, "/")
	if !filepath.IsLocal(filepath.FromSlash(p)) || bookkeeping(p) || inPlaceName(top) {
		return "", fmt.Errorf("output path %q would leave the output folder", p)
	}
	return filepath.Join(t.tmp, filepath.FromSlash(p)), nil
}

// create makes a new file at dst (the output path p), and its folder.
func (t *Tx) create(p, dst string) (*os.File, error) {
	if dir := filepath.Dir(dst); dir != t.tmp {
		if _, ok := t.dirs.Load(dir); !ok {
			if err := t.makeDir(dir); err != nil {
				return nil, err
			}
		}
	}
	const flags = os.O_CREATE | os.O_WRONLY | os.O_TRUNC | noFollow
	f, err := t.o.disk.create(dst, flags)
	if err != nil && t.reuse && exists(dst) {
		// A previous output can hold a folder or a link where the new
		// one has a file: replace it, when it is baton's.
		if cerr := t.clear(p); cerr != nil {
			return nil, cerr
		}
		f, err = t.o.disk.create(dst, flags)
	}
	return f, err
}

// makeDir makes a folder of the new output, one at a time: on ext4,
// folders made side by side by several goroutines cost more system time in
// all than made one after the other.
func (t *Tx) makeDir(dir string) error {
	t.mkdir.Lock()
	defer t.mkdir.Unlock()
	if _, ok := t.dirs.Load(dir); ok {
		return nil
	}
	if t.reuse {
		if err := t.clearDirs(dir); err != nil {
			return err
		}
	} else if err := t.o.disk.mkdir(dir); err != nil && !os.IsExist(err) {
		// Most folders are new and their parent made: one Mkdir, where
		// MkdirAll would look for the folder and its parent first (three
		// system calls a folder, and a big handbook has a folder a page).
		if err := t.o.disk.mkdirAll(dir); err != nil {
			return err
		}
	}
	t.dirs.Store(dir, true)
	return nil
}

// clearDirs makes dir and the folders above it inside the previous output
// that the new one is written over, replacing any file or link of baton's
// that stands where a folder must be. It runs only for files the previous
// output does not have, so it can afford to look at every step.
func (t *Tx) clearDirs(dir string) error {
	rel, err := filepath.Rel(t.tmp, dir)
	if err != nil {
		return err
	}
	at := t.tmp
	for _, name := range strings.Split(rel, string(filepath.Separator)) {
		at = filepath.Join(at, name)
		info, err := os.Lstat(at)
		switch {
		case err == nil && info.IsDir():
			continue
		case err == nil:
			r, _ := filepath.Rel(t.tmp, at)
			if err := t.clear(filepath.ToSlash(r)); err != nil {
				return err
			}
		case !os.IsNotExist(err):
			return err
		}
		if err := t.o.disk.mkdir(at); err != nil {
			return err
		}
	}
	return nil
}

// clear removes what stands at p in the previous output the new one is
// written over, where something else must go: only when all of it is
// baton's. A file of the user's there is an error, and stays.
func (t *Tx) clear(p string) error {
	rel := filepath.FromSlash(p)
	mine, err := userEntries(t.tmp, rel, t.listed)
	if err != nil {
		return err
	}
	if len(mine) > 0 {
		// The folder goes back to where it was when the build fails.
		return fmt.Errorf("%s is yours (not in baton's manifest), and the build now writes %s there: move yours into %s, or remove it",
			filepath.Join(Previous(t.o.name), mine[0]), p, t.o.name)
	}
	return t.o.disk.removeTree(filepath.Join(t.tmp, rel))
}

// openOld opens the file at dst (the output path p) in the previous
// output, to compare with, or returns nil when there is none. What is not
// a plain file there (a folder, a link) is removed, never followed, when
// it is baton's; a file of the user's is an error.
func (t *Tx) openOld(p, dst string) (*os.File, int64, error) {
	f, err := openNoFollow(dst)
	if err != nil {
		return nil, 0, nil // missing, or a link: create replaces it
	}
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		f.Close()
		return nil, 0, t.clear(p)
	}
	if !t.listed[p] {
		f.Close()
		return nil, 0, t.clear(p)
	}
	return f, info.Size(), nil
}

func (t *Tx) add(p string) {
	t.mu.Lock()
	t.paths = append(t.paths, p)
	t.mu.Unlock()
}

// Unchanged is how many files a previous output already held, byte for
// byte, and were left as they were.
func (t *Tx) Unchanged() int { return int(t.unchanged.Load()) }

// Changed is how many of the files written so far a previous output did
// not already hold, and whether the new output is a previous one written
// over (when it is not, every file is new).
func (t *Tx) Changed() (n int, overPrevious bool) {
	t.mu.Lock()
	n = len(t.paths)
	t.mu.Unlock()
	return n - t.Unchanged(), t.reuse
}

// Commit removes what the new output holds but the build did not write
// (when it is a previous output updated in place), carries over the files
// of the live output that baton did not write, writes the manifest and
// swaps the new output in. The output it replaces is set aside for the
// next build. When it fails, the live output is as it was, the user's
// files in it.
func (t *Tx) Commit() (err error) {
	if t.done {
		return fmt.Errorf("publish: Commit after Commit or Abort")
	}
	t.done = true
	defer t.lock.release()
	defer func() {
		if err != nil {
			_, sys := systemError(err)
			t.discard(sys)
		}
	}()
	t.closeJournal()
	slices.Sort(t.paths)
	written := make(map[string]bool, len(t.paths))
	for i, p := range t.paths {
		if i > 0 && t.paths[i-1] == p {
			return fmt.Errorf("output path %q is written twice", p)
		}
		written[p] = true
	}
	if t.inPlace {
		return t.commitInPlace(written)
	}
	if t.reuse {
		if err := t.o.disk.prune(t.tmp, written, t.listed); err != nil {
			return err
		}
	}
	moved, err := t.o.carryOver(t.tmp, written, false)
	if err != nil {
		return err
	}
	if err := t.o.disk.writeManifest(t.tmp, t.paths); err != nil {
		return err
	}
	return t.o.swap(t.tmp, moved)
}

// Abort sets the new output aside (see Previous), or removes it after a
// WriteError; the live one stays as it was.
func (t *Tx) Abort() {
	if !t.done {
		t.done = true
		t.discard(false)
		t.lock.release()
	}
}

func (t *Tx) closeJournal() {
	if t.journal != nil {
		t.journal.Close()
		t.journal = nil
	}
}

// discard puts back the user's files a failed Commit had carried into the
// new output and sets it aside (see setAside), or removes it when the file
// system failed (full: keeping it would hold on to the space). Where a
// file cannot go back, the folder stays for the next build, which tries
// again.
func (t *Tx) discard(systemFailed bool) {
	t.closeJournal()
	switch {
	case t.planned:
		// The moves have begun: the next build finishes them.
	case t.inPlace:
		if t.o.evacuate(t.tmp, false) == nil {
			_ = t.o.disk.removeTree(t.tmp)
			_ = t.o.disposeOld()
		}
	case systemFailed || t.Failed() != nil:
		if t.o.evacuate(t.tmp, false) == nil {
			_ = t.o.disk.removeTree(t.tmp)
		}
	default:
		_ = t.o.setAside(t.tmp)
	}
}

// swap puts tmp in place of the output, and then drops the list of the
// user's files it carried over (when it did) and sets the old output
// aside. Where the system can exchange two folders in one step (Linux),
// the output never stops existing; elsewhere there is an instant between
// the two renames when it does not.
func (o output) swap(tmp string, carriedFiles bool) error {
	if _, err := os.Lstat(o.path); errors.Is(err, fs.ErrNotExist) {
		return o.disk.rename(tmp, o.path)
	}
	old := tmp // after the exchange
	if o.disk.exchange(tmp, o.path) != nil {
		old = tmp + "-old"
		if err := o.disk.rename(o.path, old); err != nil {
			return err
		}
		if err := o.disk.rename(tmp, o.path); err != nil {
			_ = o.disk.rename(old, o.path)
			return err
		}
	}
	// The new output is live: the build is done. What is left is tidying
	// up, which the next build finishes (recoverKilled) if this one stops
	// or fails here.
	if carriedFiles {
		_ = o.disk.remove(filepath.Join(o.path, carried))
	}
	_ = o.setAside(old)
	return nil
}
