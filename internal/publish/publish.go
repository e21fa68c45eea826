// Package publish writes a built site into its output folder.
//
// The files are written into a new folder beside the output and swapped in
// only when all of them are written, so a failed build leaves the previous
// output as it was. baton marks its output with a manifest (.baton-output)
// and never replaces a non-empty folder without one, nor an output folder
// that is, contains or lies inside the site's sources. Files in the output
// that baton did not write (a CNAME, a .git folder) are carried over.
//
// The output a swap replaces is kept beside the new one (see Previous), and
// the next build writes over it: a file whose bytes did not change is only
// read, and nothing is made or removed but what changed. The swap and its
// guarantees are the same.
package publish

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
)

// Marker is the manifest baton writes into every output folder: the list
// of files it wrote, one per line.
const Marker = ".baton-output"

const markerHeader = "# baton output: these files are rewritten by every build\n"

// File is one output file: bytes, or a source file to copy.
type File struct {
	// Path is slash-separated and relative to the output folder.
	Path string
	Data []byte
	// From, when set, names a file in the source FS to copy instead of Data.
	From string
	// Lazy, when set, makes the bytes on first use instead of Data, and
	// keeps them: the dev server renders its largest page only when a
	// browser asks for it. Make one with Once.
	Lazy func() ([]byte, error)
}

// Once returns a Lazy function that calls make at most once.
func Once(make func() ([]byte, error)) func() ([]byte, error) {
	return sync.OnceValues(make)
}

// Bytes returns the file's bytes, made now if the file is lazy. Files
// copied from the source (From) have none.
func (f File) Bytes() ([]byte, error) {
	if f.Lazy != nil {
		return f.Lazy()
	}
	return f.Data, nil
}

// Options say where the site comes from and where it goes.
type Options struct {
	Out string
	// Protected are folders the output may not be, contain, or lie inside
	// (the site's content/ and layouts/), and folders it may not be or
	// contain (the site folder itself).
	Protected []string
	Site      string
	// Source is where From files are read.
	Source fs.FS
}

// Write writes files into the output folder, replacing its previous
// contents in one swap. Files are written on all cores.
func Write(opts Options, files []File) (err error) {
	tx, err := Begin(opts)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Abort()
		}
	}()
	var g errgroup.Group
	g.SetLimit(writers())
	for _, f := range files {
		g.Go(func() error { return tx.Write(f) })
	}
	if err := g.Wait(); err != nil {
		return err
	}
	return tx.Commit()
}

// writers is how many files are written at once: writes wait on the
// file system more than on the CPU.
func writers() int { return max(4, 2*runtime.GOMAXPROCS(0)) }

// Tx is an output folder being written. Files go into a temporary folder
// beside the output as they are written, which Commit swaps in whole and
// Abort sets aside, so the output is replaced in one step or not at all.
//
// The output a swap replaces is not removed: it is kept beside the new one
// (see Previous), and the next build writes into it, in place, instead of
// into an empty folder. A file whose bytes are already there is read and
// left alone, a changed one is replaced by a new file (see replacer), and
// whatever the new build does not write is removed at Commit. A rebuild so
// makes and removes only the files that changed: on ext4, making a file
// costs far more system time in the minute after many were removed (it
// steps over their numbers), and a 10,000-page output is 24,000 of them.
type Tx struct {
	opts      Options
	out, tmp  string
	reuse     bool       // tmp is a previous output, updated in place
	dirs      sync.Map   // folders already made in tmp
	mkdir     sync.Mutex // one folder is made at a time
	mu        sync.Mutex
	paths     []string
	unchanged atomic.Int64
	done      bool
	chunks    sync.Pool // 32 KB buffers for comparing with the previous bytes
}

// Previous is the folder beside out where the output a build replaced is
// kept for the next build to update: for public, .public.prev. It holds a
// .gitignore that ignores it, and removing it is always safe; the next
// build then writes every file anew.
func Previous(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".prev")
}

// Begin checks the output folder and starts writing a new output beside it.
func Begin(opts Options) (*Tx, error) {
	if err := Check(opts); err != nil {
		return nil, err
	}
	out, err := filepath.Abs(opts.Out)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return nil, err
	}
	if err := recoverKilled(out); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+".tmp-")
	if err != nil {
		return nil, err
	}
	t := &Tx{opts: opts, out: out, tmp: tmp}
	if t.reuse = adopt(Previous(out), tmp); t.reuse {
		return t, nil
	}
	// The marker goes in first, so a folder left by a killed build can be
	// told from anyone else's; Commit rewrites it with the file list.
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	if err := writeManifest(tmp, nil); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return t, nil
}

// adopt moves a previous output kept at prev to tmp, an empty folder that
// Begin made, and reports whether it did. Only a real folder with baton's
// marker is taken.
func adopt(prev, tmp string) bool {
	if !isOutput(prev) {
		return false
	}
	if err := os.Remove(tmp); err != nil {
		return false
	}
	if err := os.Rename(prev, tmp); err != nil {
		_ = os.Mkdir(tmp, 0o755)
		return false
	}
	return true
}

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

// setAside keeps dir, an output that is no longer live, as the previous
// output for the next build; where there already is one, or dir cannot be
// moved there, it removes dir.
func setAside(dir, out string) error {
	prev := Previous(out)
	if _, err := os.Lstat(prev); os.IsNotExist(err) {
		// The folder must not be committed with the site's sources.
		_ = os.WriteFile(filepath.Join(dir, ".gitignore"), []byte("# baton's previous output, kept to rewrite only what changes; safe to remove\n*\n"), 0o644)
		if os.Rename(dir, prev) == nil {
			return nil
		}
	}
	return removeTree(dir)
}

// recoverKilled cleans up after a build that was killed: it sets aside the
// temporary folders it left beside out (only folders named as Begin names
// them that hold baton's marker), and when it was killed inside swap,
// between moving the old output away and the new one in, it puts the old
// output back first.
func recoverKilled(out string) error {
	stale, err := filepath.Glob(filepath.Join(filepath.Dir(out), "."+globEscape(filepath.Base(out))+".tmp-*"))
	if err != nil {
		return err
	}
	slices.Sort(stale)
	for _, dir := range stale {
		if !isOutput(dir) {
			continue
		}
		if _, err := os.Lstat(out); os.IsNotExist(err) && strings.HasSuffix(dir, "-old") {
			if err := os.Rename(dir, out); err != nil {
				return err
			}
			continue
		}
		// A half-written output is as good a start as any: the next
		// build compares every byte and removes what it does not write.
		// The user's files it was given go back first.
		if err := putBack(dir, out); err != nil {
			return err
		}
		if err := setAside(dir, out); err != nil {
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

// Write writes one file into the new output. It is safe for concurrent use.
func (t *Tx) Write(f File) error {
	if f.Lazy != nil {
		data, err := f.Lazy()
		if err != nil {
			return err
		}
		f = File{Path: f.Path, Data: data}
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
// the new output is a previous one, by way of a replacer.
func (t *Tx) put(p string, size int64, write func(io.Writer) error) error {
	dst, err := t.dest(p)
	if err != nil {
		return err
	}
	var old *os.File
	var oldSize int64
	if t.reuse {
		if old, oldSize, err = t.openOld(dst); err != nil {
			return err
		}
	}
	if old == nil {
		f, err := t.create(dst)
		if err != nil {
			return err
		}
		err = write(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		t.add(p)
		return nil
	}
	r := &replacer{t: t, dst: dst, old: old, oldSize: oldSize}
	err = r.start(size)
	if err == nil {
		err = write(r)
	}
	same, err := r.finish(err)
	if err != nil {
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
	if !filepath.IsLocal(filepath.FromSlash(p)) || p == Marker || p == carried {
		return "", fmt.Errorf("output path %q would leave the output folder", p)
	}
	return filepath.Join(t.tmp, filepath.FromSlash(p)), nil
}

// create makes a new file at dst, and its folder.
func (t *Tx) create(dst string) (*os.File, error) {
	if dir := filepath.Dir(dst); dir != t.tmp {
		if _, ok := t.dirs.Load(dir); !ok {
			if err := t.makeDir(dir); err != nil {
				return nil, err
			}
		}
	}
	const flags = os.O_CREATE | os.O_WRONLY | os.O_TRUNC | noFollow
	f, err := os.OpenFile(dst, flags, 0o644)
	if err != nil && t.reuse {
		// A previous output can hold a folder or a link where the new
		// one has a file: replace it.
		if os.RemoveAll(dst) == nil {
			f, err = os.OpenFile(dst, flags, 0o644)
		}
	}
	return f, err
}

// makeDir makes a folder of the new output, one at a time: on ext4,
// folders made side by side by several goroutines cost more system time in
// all than made one after the other (10,000 folders: 0.6 s on one
// goroutine, 1.9 s on two, 2.7 s on four).
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
	} else if err := os.Mkdir(dir, 0o755); err != nil && !os.IsExist(err) {
		// Most folders are new and their parent made: one Mkdir, where
		// MkdirAll would look for the folder and its parent first (three
		// system calls a folder, 10,600 folders at 10,000 pages).
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	t.dirs.Store(dir, true)
	return nil
}

// clearDirs makes dir and the folders above it inside the previous output
// that the new one is written over, replacing any file or link that stands
// where a folder must be. It runs only for files the previous output does
// not have, so it can afford to look at every step.
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
			if err := os.Remove(at); err != nil {
				return err
			}
		case !os.IsNotExist(err):
			return err
		}
		if err := os.Mkdir(at, 0o755); err != nil {
			return err
		}
	}
	return nil
}

// openOld opens the file at dst in the previous output, to compare with,
// or returns nil when there is none. What is not a plain file there (a
// folder, a link) is removed, never followed.
func (t *Tx) openOld(dst string) (*os.File, int64, error) {
	f, err := openNoFollow(dst)
	if err != nil {
		return nil, 0, nil // missing, or a link: create replaces it
	}
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		f.Close()
		return nil, 0, os.RemoveAll(dst)
	}
	return f, info.Size(), nil
}

func (t *Tx) add(p string) {
	t.mu.Lock()
	t.paths = append(t.paths, p)
	t.mu.Unlock()
}

// replacer takes a file's new bytes for a file of the previous output.
// While they match the bytes already there it only reads them; at the
// first difference it removes the old file and writes a new one, which it
// starts with the bytes that matched, read from the old file. The old file
// is never written into: it may have been live one build ago, and a reader
// still holding it (a web server sending the print view) keeps its bytes
// whole. Reading a file from the page cache costs less than writing it,
// and an unchanged file keeps its blocks and times.
type replacer struct {
	t       *Tx
	dst     string
	old     *os.File
	oldSize int64
	off     int64    // new bytes so far
	new     *os.File // from the first difference on: the new file
	chunk   *[32 << 10]byte
}

// start compares the new length, size (-1 when not known), with the old
// file's: new bytes of another length are written whole, without reading
// the old.
func (r *replacer) start(size int64) error {
	if size >= 0 && size != r.oldSize {
		return r.diverge()
	}
	return nil
}

func (r *replacer) Write(p []byte) (int, error) {
	n := len(p)
	for r.new == nil && len(p) > 0 {
		if r.chunk == nil {
			r.chunk, _ = r.t.chunks.Get().(*[32 << 10]byte)
			if r.chunk == nil {
				r.chunk = new([32 << 10]byte)
			}
		}
		k := min(len(p), len(r.chunk))
		m, _ := io.ReadFull(r.old, r.chunk[:k])
		i := commonPrefix(r.chunk[:m], p[:k])
		r.off += int64(i)
		p = p[i:]
		if i < k {
			if err := r.diverge(); err != nil {
				return n - len(p), err
			}
		}
	}
	if len(p) > 0 {
		m, err := r.new.Write(p)
		r.off += int64(m)
		if err != nil {
			return n - len(p) + m, err
		}
	}
	return n, nil
}

// diverge replaces the old file with a new one that holds the off bytes
// that matched, copied from the old one, which stays open for it.
func (r *replacer) diverge() error {
	if err := os.Remove(r.dst); err != nil {
		return err
	}
	// The folder is there: the old file was in it.
	f, err := os.OpenFile(r.dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY|noFollow, 0o644)
	if err != nil {
		return err
	}
	r.new = f
	if r.off == 0 {
		return nil
	}
	if _, err := r.old.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err = io.CopyN(f, r.old, r.off)
	return err
}

// finish ends the file, after the write that made its bytes returned err,
// and reports whether its bytes were already the new ones.
func (r *replacer) finish(err error) (same bool, _ error) {
	if r.chunk != nil {
		r.t.chunks.Put(r.chunk)
		r.chunk = nil
	}
	if err == nil && r.new == nil && r.off != r.oldSize {
		err = r.diverge() // the new bytes end sooner than the old
	}
	r.old.Close()
	if r.new == nil {
		return err == nil, err
	}
	if cerr := r.new.Close(); err == nil {
		err = cerr
	}
	return false, err
}

// commonPrefix is the length of the longest prefix a and b share.
func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	if bytes.Equal(a[:n], b[:n]) {
		return n
	}
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	return i
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
// next build.
func (t *Tx) Commit() (err error) {
	if t.done {
		return fmt.Errorf("publish: Commit after Commit or Abort")
	}
	t.done = true
	defer func() {
		if err != nil {
			_ = setAside(t.tmp, t.out)
		}
	}()
	slices.Sort(t.paths)
	written := make(map[string]bool, len(t.paths))
	for i, p := range t.paths {
		if i > 0 && t.paths[i-1] == p {
			return fmt.Errorf("output path %q is written twice", p)
		}
		written[p] = true
	}
	if t.reuse {
		if err := prune(t.tmp, written); err != nil {
			return err
		}
	}
	if err := carryOver(t.out, t.tmp, written); err != nil {
		return err
	}
	if err := writeManifest(t.tmp, t.paths); err != nil {
		return err
	}
	return swap(t.tmp, t.out)
}

// Abort sets the new output aside (see Previous); the live one stays as it
// was.
func (t *Tx) Abort() {
	if !t.done {
		t.done = true
		_ = setAside(t.tmp, t.out)
	}
}

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

// prune removes from root, a previous output the build wrote over, every
// file it did not write and every folder none of those lie in. Only plain
// files survive: a link is removed, never followed.
func prune(root string, written map[string]bool) error {
	dirs := ancestors(written)
	var mu sync.Mutex
	var first error
	fail := func(err error) {
		mu.Lock()
		first = cmp.Or(first, err)
		mu.Unlock()
	}
	walkFolders(root, func(dir string, entries []fs.DirEntry, err error) []string {
		if err != nil {
			fail(err)
		}
		var subs []string
		for _, d := range entries {
			p := filepath.Join(dir, d.Name())
			rel, _ := filepath.Rel(root, p)
			slash := filepath.ToSlash(rel)
			switch {
			case d.IsDir() && dirs[slash]:
				subs = append(subs, p)
			case d.Type().IsRegular() && (written[slash] || slash == Marker):
			case d.IsDir():
				if err := removeTree(p); err != nil {
					fail(err)
				}
			default:
				if err := os.Remove(p); err != nil {
					fail(err)
				}
			}
		}
		return subs
	}, nil)
	return first
}

// writeManifest lists paths, which are sorted.
func writeManifest(root string, paths []string) error {
	var b bytes.Buffer
	b.WriteString(markerHeader)
	for _, p := range paths {
		b.WriteString(p)
		b.WriteByte('\n')
	}
	return os.WriteFile(filepath.Join(root, Marker), b.Bytes(), 0o644)
}

// readManifest lists the files a previous build wrote.
func readManifest(out string) map[string]bool {
	f, err := os.Open(filepath.Join(out, Marker))
	if err != nil {
		return nil
	}
	defer f.Close()
	m := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			m[line] = true
		}
	}
	return m
}

// carryOver moves into the new output every file of the old one that baton
// did not write (a CNAME, .nojekyll, a .git folder), unless the new build
// writes a file of the same name.
func carryOver(out, tmp string, written map[string]bool) error {
	old := readManifest(out)
	if old == nil {
		return nil
	}
	dirs := ancestors(old, written)
	// First list what to carry, walking the old output on several
	// goroutines (10,600 folders at 10,000 pages) and changing nothing;
	// then move it. A move that fails puts back the ones made before it:
	// a failed commit removes the new output, and must not take the
	// user's files with it.
	var mu sync.Mutex
	var first error
	var foreign []string
	walkFolders(out, func(dir string, entries []fs.DirEntry, err error) []string {
		var subs, found []string
		if err != nil && !(os.IsNotExist(err) && dir == out) {
			mu.Lock()
			first = cmp.Or(first, err)
			mu.Unlock()
		}
		for _, d := range entries {
			p := filepath.Join(dir, d.Name())
			rel, _ := filepath.Rel(out, p)
			slash := filepath.ToSlash(rel)
			switch {
			case slash == Marker:
			case d.IsDir() && dirs[slash]:
				subs = append(subs, p) // a folder baton writes into: look inside
			case !d.IsDir() && (old[slash] || written[slash]):
			default:
				found = append(found, rel)
			}
		}
		mu.Lock()
		foreign = append(foreign, found...)
		mu.Unlock()
		return subs
	}, nil)
	if first != nil {
		return first
	}
	slices.Sort(foreign)
	if len(foreign) == 0 {
		return nil
	}
	// The list goes in first: a build killed while the user's files are
	// in the new folder leaves it for the next build, which puts them back
	// (recoverKilled) before it reuses or removes the folder.
	list := filepath.Join(tmp, carried)
	if err := os.WriteFile(list, []byte(strings.Join(foreign, "\n")+"\n"), 0o644); err != nil {
		return err
	}
	for i, rel := range foreign {
		dst := filepath.Join(tmp, rel)
		err := os.MkdirAll(filepath.Dir(dst), 0o755)
		if err == nil {
			err = os.Rename(filepath.Join(out, rel), dst)
		}
		if err != nil {
			for _, back := range foreign[:i] {
				_ = os.Rename(filepath.Join(tmp, back), filepath.Join(out, back))
			}
			_ = os.Remove(list)
			return err
		}
	}
	return os.Remove(list)
}

// carried lists, in a new output, the files carryOver is moving into it
// from the live one, while it moves them.
const carried = ".baton-carried"

// putBack moves the files a killed build's carryOver had moved into dir
// back into out, where out has nothing of that name.
func putBack(dir, out string) error {
	list, err := os.ReadFile(filepath.Join(dir, carried))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, rel := range strings.Split(strings.TrimSpace(string(list)), "\n") {
		if rel == "" || !filepath.IsLocal(rel) {
			continue
		}
		src, dst := filepath.Join(dir, rel), filepath.Join(out, rel)
		if _, err := os.Lstat(src); err != nil {
			continue // not moved yet
		}
		if _, err := os.Lstat(dst); err == nil {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.Rename(src, dst); err != nil {
			return err
		}
	}
	return os.Remove(filepath.Join(dir, carried))
}

// swap puts tmp in place of out. Where the system can exchange two
// folders in one step (Linux), out never stops existing; elsewhere there is
// an instant between the two renames when it does not.
func swap(tmp, out string) error {
	if _, err := os.Lstat(out); os.IsNotExist(err) {
		return os.Rename(tmp, out)
	}
	if exchange(tmp, out) == nil {
		return setAside(tmp, out) // tmp now holds the old output
	}
	old := tmp + "-old"
	if err := os.Rename(out, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		_ = os.Rename(old, out)
		return err
	}
	return setAside(old, out)
}
