// Package publish writes a built site into its output folder.
//
// The files are written into a new folder beside the output and swapped in
// only when all of them are written, so a failed build leaves the previous
// output as it was. baton marks its output with a manifest (.baton-output)
// and never replaces a non-empty folder without one, nor an output folder
// that is, contains or lies inside the site's sources. Files in the output
// that baton did not write (a CNAME, a .git folder) are carried over.
//
// A file whose bytes did not change since the previous build is hard-linked
// from the previous output into the new one rather than written again; the
// swap and its guarantees are the same.
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

// Check refuses output folders that would put the user's files at risk.
func Check(opts Options) error {
	out, err := filepath.Abs(opts.Out)
	if err != nil {
		return err
	}
	out = resolveLinks(out)
	for _, p := range opts.Protected {
		p, err := filepath.Abs(p)
		if err != nil {
			return err
		}
		p = resolveLinks(p)
		if within(out, p) || within(p, out) {
			return fmt.Errorf("refusing output folder %s: it overlaps the sources in %s", opts.Out, p)
		}
	}
	if opts.Site != "" {
		site, err := filepath.Abs(opts.Site)
		if err != nil {
			return err
		}
		if within(resolveLinks(site), out) {
			return fmt.Errorf("refusing output folder %s: it contains the site folder %s", opts.Out, opts.Site)
		}
	}
	if home, err := os.UserHomeDir(); err == nil && resolveLinks(home) == out {
		return fmt.Errorf("refusing output folder %s: it is the home folder", opts.Out)
	}
	if filepath.Dir(out) == out {
		return fmt.Errorf("refusing output folder %s: it is the root of the file system", opts.Out)
	}
	info, err := os.Lstat(out)
	switch {
	case os.IsNotExist(err):
		return nil
	case err != nil:
		return err
	case !info.IsDir():
		return fmt.Errorf("refusing output folder %s: it is a file", opts.Out)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		return fmt.Errorf("refusing output folder %s: it is not empty and baton did not create it (no %s inside); remove it or choose another --out", opts.Out, Marker)
	}
	return nil
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// resolveLinks follows symbolic links in as much of p as exists.
func resolveLinks(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	dir, base := filepath.Split(p)
	if dir == p || dir == "" {
		return p
	}
	return filepath.Join(resolveLinks(filepath.Clean(dir)), base)
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
// Abort removes, so the output is replaced in one step or not at all.
//
// A file whose bytes equal those of the same file in the previous output
// is hard-linked from it instead of written again, so a rebuild that
// changes a few pages writes a few pages. The previous output is renamed
// away and removed by Commit, so the new output never shares a file with
// a folder that baton goes on changing.
type Tx struct {
	opts     Options
	out, tmp string
	old      map[string]bool // the previous build's manifest
	dirs     sync.Map        // folders already made in tmp
	mkdir    sync.Mutex      // one folder is made at a time
	mu       sync.Mutex
	paths    []string
	linked   atomic.Int64
	done     bool
	chunks   sync.Pool // 32 KB buffers for comparing with the old output
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
	return &Tx{opts: opts, out: out, tmp: tmp, old: readManifest(out)}, nil
}

// recoverKilled cleans up after a build that was killed: it removes the
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
		info, err := os.Lstat(dir)
		if err != nil || !info.IsDir() {
			continue
		}
		if m, err := os.Lstat(filepath.Join(dir, Marker)); err != nil || !m.Mode().IsRegular() {
			continue
		}
		if _, err := os.Lstat(out); os.IsNotExist(err) && strings.HasSuffix(dir, "-old") {
			if err := os.Rename(dir, out); err != nil {
				return err
			}
			continue
		}
		if err := os.RemoveAll(dir); err != nil {
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
	dst, err := t.dest(f.Path)
	if err != nil {
		return err
	}
	if f.Lazy != nil {
		data, err := f.Lazy()
		if err != nil {
			return err
		}
		f = File{Path: f.Path, Data: data}
	}
	if f.From == "" && t.old[f.Path] && t.unchanged(f) {
		if err := os.Link(filepath.Join(t.out, filepath.FromSlash(f.Path)), dst); err == nil {
			t.linked.Add(1)
			t.add(f.Path)
			return nil
		}
	}
	if err := writeOne(dst, f, t.opts.Source); err != nil {
		return err
	}
	t.add(f.Path)
	return nil
}

// WriteStream writes one file into the new output from write, through a
// buffer, so a large file (the print view) is never held in memory whole.
// It is safe for concurrent use.
func (t *Tx) WriteStream(p string, write func(io.Writer) error) error {
	dst, err := t.dest(p)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 256<<10)
	err = write(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	t.add(p)
	return nil
}

// dest checks an output path and makes its folder in the new output.
func (t *Tx) dest(p string) (string, error) {
	if !filepath.IsLocal(filepath.FromSlash(p)) || p == Marker {
		return "", fmt.Errorf("output path %q would leave the output folder", p)
	}
	dst := filepath.Join(t.tmp, filepath.FromSlash(p))
	if dir := filepath.Dir(dst); dir != t.tmp {
		if _, ok := t.dirs.Load(dir); !ok {
			if err := t.makeDir(dir); err != nil {
				return "", err
			}
		}
	}
	return dst, nil
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
	// Most folders are new and their parent made: one Mkdir, where
	// MkdirAll would look for the folder and its parent first (three
	// system calls a folder, 10,600 folders at 10,000 pages).
	if err := os.Mkdir(dir, 0o755); err != nil && !os.IsExist(err) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	t.dirs.Store(dir, true)
	return nil
}

func (t *Tx) add(p string) {
	t.mu.Lock()
	t.paths = append(t.paths, p)
	t.mu.Unlock()
}

// unchanged reports whether the previous output holds f's bytes. It reads
// the old file in small chunks, so comparing the print view of a large
// handbook does not hold a second copy of it.
func (t *Tx) unchanged(f File) bool {
	old, err := os.Open(filepath.Join(t.out, filepath.FromSlash(f.Path)))
	if err != nil {
		return false
	}
	defer old.Close()
	info, err := old.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(f.Data)) {
		return false
	}
	// One buffer per comparison would allocate 32 KB for every file of
	// the site: reuse them.
	chunk, _ := t.chunks.Get().(*[32 << 10]byte)
	if chunk == nil {
		chunk = new([32 << 10]byte)
	}
	defer t.chunks.Put(chunk)
	for rest := f.Data; len(rest) > 0; {
		n, err := io.ReadFull(old, chunk[:min(len(chunk), len(rest))])
		if err != nil || !bytes.Equal(chunk[:n], rest[:n]) {
			return false
		}
		rest = rest[n:]
	}
	return true
}

// Linked is how many files were hard-linked from the previous output.
func (t *Tx) Linked() int { return int(t.linked.Load()) }

// Commit carries over the files of the old output that baton did not
// write, writes the manifest and swaps the new output in.
func (t *Tx) Commit() (err error) {
	if t.done {
		return fmt.Errorf("publish: Commit after Commit or Abort")
	}
	t.done = true
	defer func() {
		if err != nil {
			os.RemoveAll(t.tmp)
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
	if err := carryOver(t.out, t.tmp, written); err != nil {
		return err
	}
	if err := writeManifest(t.tmp, t.paths); err != nil {
		return err
	}
	return swap(t.tmp, t.out)
}

// Abort removes the new output; the old one stays as it was.
func (t *Tx) Abort() {
	if !t.done {
		t.done = true
		os.RemoveAll(t.tmp)
	}
}

func writeOne(dst string, f File, src fs.FS) error {
	if f.From == "" {
		return os.WriteFile(dst, f.Data, 0o644)
	}
	in, err := src.Open(f.From)
	if err != nil {
		return err
	}
	defer in.Close()
	w, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, in); err != nil {
		w.Close()
		return err
	}
	return w.Close()
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
	dirs := map[string]bool{}
	for _, set := range []map[string]bool{old, written} {
		for p := range set {
			for d := path.Dir(p); d != "." && !dirs[d]; d = path.Dir(d) {
				dirs[d] = true
			}
		}
	}
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
			return err
		}
	}
	return nil
}

// swap puts tmp in place of out. Where the system can exchange two
// folders in one step (Linux), out never stops existing; elsewhere there is
// an instant between the two renames when it does not.
func swap(tmp, out string) error {
	if _, err := os.Lstat(out); os.IsNotExist(err) {
		return os.Rename(tmp, out)
	}
	if exchange(tmp, out) == nil {
		return removeTree(tmp) // tmp now holds the old output
	}
	old := tmp + "-old"
	if err := os.Rename(out, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		_ = os.Rename(old, out)
		return err
	}
	return removeTree(old)
}
