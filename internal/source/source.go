// Package source reads a handbook's files through an fs.FS.
//
// It knows which files belong to the site (content/ and layouts/), which are
// editors' droppings to ignore, and how to split front matter from a Markdown
// body without moving the body's line numbers. Open reads a file later (a
// static file the dev server sends) as Load would reach it, never through
// a link Load would not follow.
package source

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"
)

// MaxTextSize is the largest Markdown or YAML file baton reads.
const MaxTextSize = 8 << 20

// File is one source file. Path is slash-separated and relative to the site
// folder ("content/roles/design.yaml"). Text files carry their bytes; static
// files carry only their size and are copied when the site is written.
type File struct {
	Path string
	Data []byte
	Size int64
	// Static is true for files copied as they are: everything under
	// content/static/, and any content file that is not Markdown or YAML
	// (an image beside the page that shows it).
	Static bool
	// Sum identifies the content: the SHA-256 of a text file's bytes, or
	// of a static file's size. It outlives Data, which a build may drop.
	Sum [32]byte
	// Deferred marks a text file LoadDeferring left unread: no Data, no
	// Sum, until Read reads it.
	Deferred bool
}

// Tree is every file of a site that a build reads, sorted by path.
type Tree struct {
	Content []File
	Layouts []File
	// TooLarge lists text files over MaxTextSize, which are not read.
	TooLarge []File
	// Skipped lists what is neither a folder nor a regular file: symbolic
	// links, which baton never follows (so no link can pull a file from
	// outside the site into the output, and no loop can trap the walk),
	// and pipes, sockets and devices, which it never opens.
	Skipped []Skip
}

// walk fills a Tree: visit takes each entry, read then reads the text
// files visit found.
type walk struct {
	*Tree
	unread []unread
	// deferred names the content files the walk leaves unread (nil:
	// none).
	deferred func(path string) bool
}

type unread struct {
	file     File
	layout   bool
	tooLarge bool // it grew past MaxTextSize after the walk saw its size
}

// Skip is an entry Load did not read, and why. Err marks the ones that
// must fail a build (a name that is not UTF-8 cannot be a URL).
type Skip struct {
	Path string
	Why  string
	Err  bool
}

// ErrNotRegular says a path leads to something other than a regular file
// reached without a symbolic link (see Open).
var ErrNotRegular = errors.New("not a regular file, or reached through a symbolic link")

// Load walks content/ and layouts/ of fsys.
func Load(fsys fs.FS) (Tree, error) { return LoadDeferring(fsys, nil) }

// LoadDeferring walks like Load, but leaves the content files deferred
// names unread: each is in Content with its Size and Deferred set, for
// Read to read when it is needed. A build that reads each page just
// before parsing it never holds every page's bytes at once.
func LoadDeferring(fsys fs.FS, deferred func(path string) bool) (Tree, error) {
	var t Tree
	w := walk{Tree: &t, deferred: deferred}
	for _, root := range []string{"content", "layouts"} {
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil && p == root && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			return w.visit(fsys, root, p, d, err)
		})
		if err == nil {
			err = w.read(fsys, false)
		}
		if err != nil {
			return Tree{}, fmt.Errorf("reading %s: %w", root, err)
		}
	}
	t.sort()
	return t, nil
}

// readers is how many files Load reads at once: reading is mostly system
// calls, and hashing is fast, so a few more goroutines than cores keep the
// disk busy.
const readers = 8

// read reads the text files the walk found (t.unread) on a few goroutines.
// A file that grew past MaxTextSize since the walk moves to TooLarge; with
// gone, one that is no longer there (or whose folder is now a file) is
// left out instead of failing the read.
func (t *walk) read(fsys fs.FS, gone bool) error {
	files := t.unread
	t.unread = nil
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(readers, len(files)) {
		wg.Go(func() {
			for i := range next {
				f := &files[i].file
				data, err := readAtMost(fsys, f.Path, MaxTextSize)
				switch {
				case errors.Is(err, errTooLarge):
					f.Size = max(f.Size, int64(len(data)))
					files[i].tooLarge = true
				case err != nil:
					errs[i] = err
				default:
					f.Data, f.Sum = data, sha256.Sum256(data)
				}
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, u := range files {
		switch {
		case gone && (errors.Is(errs[i], fs.ErrNotExist) || errors.Is(errs[i], syscall.ENOTDIR)):
			continue
		case errs[i] != nil:
			return errs[i]
		case u.tooLarge:
			t.TooLarge = append(t.TooLarge, u.file)
		case u.layout:
			t.Layouts = append(t.Layouts, u.file)
		default:
			t.Content = append(t.Content, u.file)
		}
	}
	return nil
}

// visit takes one entry of a walk of root into the tree.
func (t *walk) visit(fsys fs.FS, root, p string, d fs.DirEntry, err error) error {
	if err != nil {
		return err
	}
	if p != root && IgnoredEntry(d) {
		if d.IsDir() {
			return fs.SkipDir
		}
		return nil
	}
	if !utf8.ValidString(d.Name()) {
		// fs.FS paths are UTF-8: such a name can be neither opened
		// through fsys nor put in a URL.
		t.Skipped = append(t.Skipped, Skip{Path: p, Why: "the name is not valid UTF-8: rename it", Err: true})
		if d.IsDir() {
			return fs.SkipDir
		}
		return nil
	}
	if d.IsDir() {
		return nil
	}
	if !d.Type().IsRegular() {
		t.Skipped = append(t.Skipped, Skip{Path: p, Why: skipReason(fsys, p, d.Type())})
		return nil
	}
	info, err := d.Info()
	if err != nil {
		return err
	}
	f := File{Path: p, Size: info.Size()}
	if root == "content" && (strings.HasPrefix(p, "content/static/") || !IsText(p)) {
		f.Static = true
		f.Sum = sha256.Sum256(fmt.Appendf(nil, "static %d", f.Size))
		t.Content = append(t.Content, f)
		return nil
	}
	if f.Size > MaxTextSize {
		t.TooLarge = append(t.TooLarge, f)
		return nil
	}
	if root == "content" && t.deferred != nil && t.deferred(p) {
		f.Deferred = true
		t.Content = append(t.Content, f)
		return nil
	}
	t.unread = append(t.unread, unread{file: f, layout: root != "content"})
	return nil
}

// Read reads the bytes of f, a file LoadDeferring left unread, as Load
// would have read them, and sets its Data and Sum. A file that is gone,
// cannot be read, or grew past MaxTextSize since the walk is an error,
// and f is left as it was.
func Read(fsys fs.FS, f *File) error {
	data, err := readAtMost(fsys, f.Path, MaxTextSize)
	if errors.Is(err, errTooLarge) {
		return fmt.Errorf("it grew past %d bytes while the build read the site; baton reads text files up to that size", MaxTextSize)
	}
	if err != nil {
		return err
	}
	f.Data, f.Sum, f.Deferred = data, sha256.Sum256(data), false
	f.Size = int64(len(data))
	return nil
}

func (t *Tree) sort() {
	byPath := func(a, b File) int { return strings.Compare(a.Path, b.Path) }
	slices.SortFunc(t.Content, byPath)
	slices.SortFunc(t.Layouts, byPath)
	slices.SortFunc(t.TooLarge, byPath)
	slices.SortFunc(t.Skipped, func(a, b Skip) int { return strings.Compare(a.Path, b.Path) })
}

// Update returns t brought up to date for the paths that changed since it
// was loaded, reading only those: a path that is now a file is read again,
// one that is gone takes itself and everything under it away, and one that
// is now a folder is walked. changed holds slash-separated paths relative
// to fsys's root, as watch reports them; paths outside content/ and
// layouts/, or under an ignored name, are passed over. The result equals
// what Load would return, provided changed names every path that changed.
// t is not modified; files of t that were not read again keep their Data
// as t had it (the caller may have dropped it).
func Update(fsys fs.FS, t Tree, changed []string) (Tree, error) {
	u := Tree{
		Content:  slices.Clone(t.Content),
		Layouts:  slices.Clone(t.Layouts),
		TooLarge: slices.Clone(t.TooLarge),
		Skipped:  slices.Clone(t.Skipped),
	}
	fresh := walk{Tree: &Tree{}}
	seen := map[string]bool{}
	for _, p := range changed {
		seen[path.Clean(p)] = true
	}
	covered := func(p string) bool { // an ancestor's walk reads p too
		for a := path.Dir(p); a != "." && a != "/"; a = path.Dir(a) {
			if seen[a] {
				return true
			}
		}
		return false
	}
	for _, p := range slices.Sorted(maps.Keys(seen)) {
		root, _, _ := strings.Cut(p, "/")
		if root != "content" && root != "layouts" || ignoredPath(p) || covered(p) {
			continue
		}
		u.Content = without(u.Content, p, func(f File) string { return f.Path })
		u.Layouts = without(u.Layouts, p, func(f File) string { return f.Path })
		u.TooLarge = without(u.TooLarge, p, func(f File) string { return f.Path })
		u.Skipped = without(u.Skipped, p, func(s Skip) string { return s.Path })
		d, err := lstat(fsys, p)
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
			continue // gone, or a file now stands where its folder was
		}
		if err != nil {
			return Tree{}, fmt.Errorf("reading %s: %w", p, err)
		}
		if d.IsDir() {
			err = fs.WalkDir(fsys, p, func(q string, d fs.DirEntry, err error) error {
				return fresh.visit(fsys, root, q, d, err)
			})
		} else {
			err = fresh.visit(fsys, root, p, d, nil)
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) {
			return Tree{}, fmt.Errorf("reading %s: %w", p, err)
		}
	}
	if err := fresh.read(fsys, true); err != nil {
		return Tree{}, fmt.Errorf("reading: %w", err)
	}
	u.Content = merged(u.Content, fresh.Content, func(f File) string { return f.Path })
	u.Layouts = merged(u.Layouts, fresh.Layouts, func(f File) string { return f.Path })
	u.TooLarge = merged(u.TooLarge, fresh.TooLarge, func(f File) string { return f.Path })
	u.Skipped = merged(u.Skipped, fresh.Skipped, func(s Skip) string { return s.Path })
	return u, nil
}

// ignoredPath reports whether any name in p, below its root, is ignored.
func ignoredPath(p string) bool {
	names := strings.Split(p, "/")
	for i, n := range names[1:] {
		if last := i == len(names)-2; last && Ignored(n) || !last && IgnoredDir(n) {
			return true
		}
	}
	return false
}

// IgnoredEntry reports whether baton never reads a folder's entry (Ignored
// for a file, IgnoredDir for a folder).
func IgnoredEntry(d fs.DirEntry) bool {
	if d.IsDir() {
		return IgnoredDir(d.Name())
	}
	return Ignored(d.Name())
}

// without removes from a slice sorted by path the entry at p and every
// entry under p/, which sit together in sorted order.
func without[T any](s []T, p string, key func(T) string) []T {
	at := func(q string) int {
		i, _ := slices.BinarySearchFunc(s, q, func(e T, q string) int { return strings.Compare(key(e), q) })
		return i
	}
	if i := at(p); i < len(s) && key(s[i]) == p {
		s = slices.Delete(s, i, i+1)
	}
	i := at(p + "/")
	j := i
	for j < len(s) && strings.HasPrefix(key(s[j]), p+"/") {
		j++
	}
	return slices.Delete(s, i, j)
}

// merged adds entries to a slice sorted by path, keeping it sorted: one by
// one for a few, by sorting for many.
func merged[T any](s, add []T, key func(T) string) []T {
	cmp := func(a, b T) int { return strings.Compare(key(a), key(b)) }
	if len(add) > 64 {
		s = append(s, add...)
		slices.SortFunc(s, cmp)
		return s
	}
	for _, e := range add {
		i, _ := slices.BinarySearchFunc(s, e, cmp)
		s = slices.Insert(s, i, e)
	}
	return s
}

// lstat describes the entry at p without following a symbolic link.
func lstat(fsys fs.FS, p string) (fs.DirEntry, error) {
	if l, ok := fsys.(fs.ReadLinkFS); ok {
		info, err := l.Lstat(p)
		if err != nil {
			return nil, err
		}
		return fs.FileInfoToDirEntry(info), nil
	}
	// Without Lstat, the parent's listing describes the entry as a walk
	// would.
	entries, err := fs.ReadDir(fsys, path.Dir(p))
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if e.Name() == path.Base(p) {
			return e, nil
		}
	}
	return nil, fs.ErrNotExist
}

var errTooLarge = errors.New("file too large")

// readAtMost reads a file of at most limit bytes, never holding more than
// limit+1 of them.
func readAtMost(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Read into a buffer of the file's size (one read, not a dozen that
	// grow the buffer), with room to see that it did not grow meanwhile.
	size := int64(512)
	if info, err := f.Stat(); err == nil && info.Size() > 0 {
		size = min(info.Size(), limit) + 1
	}
	data := make([]byte, 0, size)
	for int64(len(data)) <= limit {
		if len(data) == cap(data) {
			data = slices.Grow(data, 1)
		}
		n, err := f.Read(data[len(data):min(int64(cap(data)), limit+1)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(data)) > limit {
		return data, errTooLarge
	}
	return data, nil
}

// skipReason says why an entry that is not a regular file was not read.
func skipReason(fsys fs.FS, name string, mode fs.FileMode) string {
	switch {
	case mode&fs.ModeSymlink != 0:
		target, err := fs.ReadLink(fsys, name)
		if err != nil {
			return "symbolic link not followed: baton reads only the site's own files and folders, never what a link points to"
		}
		return fmt.Sprintf("symbolic link to %s not followed: baton reads only the site's own files and folders, never what a link points to", target)
	case mode&fs.ModeNamedPipe != 0:
		return "named pipe not read: baton reads only regular files"
	case mode&fs.ModeSocket != 0:
		return "socket not read: baton reads only regular files"
	case mode&fs.ModeDevice != 0:
		return "device not read: baton reads only regular files"
	}
	return "not a regular file: not read"
}

// IsText reports whether a content file is one baton reads (Markdown,
// in every spelling of its name that other tools read, MDX, Markdown
// through ERB, or YAML).
// Every other file in content/ is copied as it is.
func IsText(p string) bool {
	switch path.Ext(p) {
	case ".yaml", ".yml":
		return true
	}
	switch strings.ToLower(path.Ext(p)) {
	case ".md", ".markdown", ".mdx":
		return true
	case ".erb": // Middleman's x.html.md.erb
		return strings.HasSuffix(strings.ToLower(p), ".md.erb")
	}
	return false
}

// GitBookAssets is the one dot folder a handbook's files may be in: where
// GitBook keeps the images its pages show.
const GitBookAssets = ".gitbook"

// Ignored reports whether a file or folder name is one baton never reads:
// hidden files and folders (but GitBookAssets), and the temporary, swap,
// backup and lock files that editors leave beside the files they save.
func Ignored(name string) bool {
	return IgnoredDir(name) || len(name) >= 4 && strings.Trim(name, "0123456789") == ""
}

// IgnoredDir reports whether a folder of the name is one baton never
// reads: what Ignored says of a file, but for vim's numbered probe files,
// whose names are years as folders have them.
func IgnoredDir(name string) bool {
	switch {
	case name == "", strings.HasPrefix(name, ".") && name != GitBookAssets, // dotfiles, .#lock, .swp
		strings.HasSuffix(name, "~"),                                     // emacs, vim backups
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),     // emacs autosave
		strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"), // vim swap
		strings.HasSuffix(name, ".tmp"), strings.HasSuffix(name, ".bck"), // helix, many tools
		strings.HasSuffix(name, ".bak"), strings.HasSuffix(name, ".orig"), // backups, merge leftovers
		strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"), // JetBrains
		strings.HasSuffix(name, ".crdownload"), strings.HasSuffix(name, ".part"),
		name == "node_modules":
		return true
	}
	// Other editors write "name.md.tmp.1234" or "name.md.sb-1234-abcd".
	return strings.Contains(name, ".sb-") || strings.Contains(name, ".tmp.")
}

// FrontMatter is a Markdown file split into its YAML header and body.
type FrontMatter struct {
	// YAML is the text between the fences, and Line the file line it starts on.
	YAML []byte
	Line int
	// Body is the Markdown after the front matter: src's own bytes, not a
	// copy. It starts at the beginning of file line BodyLine.
	Body     []byte
	BodyLine int
	// Present reports whether the file had front matter at all.
	Present bool
	// TOML marks front matter between +++ fences, as Hugo writes it; YAML
	// then holds TOML.
	TOML bool
}

// SplitFrontMatter separates a leading "---" fenced YAML block (or a "+++"
// fenced TOML one, as Hugo writes) from src. It
// returns an error naming the line when the block is opened but never closed.
func SplitFrontMatter(src []byte) (FrontMatter, error) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	first, rest, found := bytes.Cut(src, []byte("\n"))
	fence := string(bytes.TrimRight(first, " \t\r"))
	if !found || fence != "---" && fence != "+++" {
		return FrontMatter{Body: src, Line: 1, BodyLine: 1}, nil
	}
	toml := fence == "+++"
	offset := len(first) + 1
	for line := 2; ; line++ {
		l, next, more := bytes.Cut(rest, []byte("\n"))
		t := string(bytes.TrimRight(l, " \t\r"))
		if !toml && (t == "---" || t == "...") || toml && t == "+++" {
			yaml := src[len(first)+1 : offset]
			end := offset + len(l)
			if more {
				end++
			}
			return FrontMatter{YAML: yaml, Line: 2, Body: src[end:], BodyLine: bytes.Count(src[:end], []byte("\n")) + 1, Present: true, TOML: toml}, nil
		}
		if !more {
			return FrontMatter{}, fmt.Errorf("front matter opened on line 1 is never closed with %s", fence)
		}
		offset += len(l) + 1
		rest = next
	}
}

// IsAsset reports whether a file name is one pages show or offer for
// download: images, documents, media, fonts, archives.
func IsAsset(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".ico", ".bmp", ".tif", ".tiff",
		".pdf", ".txt", ".csv", ".tsv", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp", ".key", ".numbers", ".pages",
		".mp4", ".webm", ".mov", ".mp3", ".ogg", ".wav", ".m4a",
		".zip", ".gz", ".tgz",
		".woff", ".woff2", ".ttf", ".otf",
		".drawio", ".excalidraw":
		return true
	}
	return false
}
