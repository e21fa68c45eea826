// Package publish writes a built site into its output folder.
//
// The files are written into a new folder beside the output and swapped in
// only when all of them are written, so a failed build leaves the previous
// output as it was. baton marks its output with a manifest (.baton-output)
// and never replaces a non-empty folder without one, nor an output folder
// that is, contains or lies inside the site's sources. Files in the output
// that baton did not write (a CNAME, a .git folder) are carried over.
package publish

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
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
// contents in one swap.
func Write(opts Options, files []File) (err error) {
	if err := Check(opts); err != nil {
		return err
	}
	out, _ := filepath.Abs(opts.Out)
	for _, f := range files {
		if !filepath.IsLocal(filepath.FromSlash(f.Path)) || f.Path == Marker {
			return fmt.Errorf("output path %q would leave the output folder", f.Path)
		}
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+".tmp-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	written := make(map[string]bool, len(files))
	for _, f := range files {
		if err := writeOne(tmp, f, opts.Source); err != nil {
			return err
		}
		written[f.Path] = true
	}
	if err := carryOver(out, tmp, written); err != nil {
		return err
	}
	if err := writeManifest(tmp, files); err != nil {
		return err
	}
	return swap(tmp, out)
}

func writeOne(root string, f File, src fs.FS) error {
	dst := filepath.Join(root, filepath.FromSlash(f.Path))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
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

func writeManifest(root string, files []File) error {
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
	}
	slices.Sort(paths)
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
	return filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && p == out {
				return fs.SkipAll
			}
			return err
		}
		rel, _ := filepath.Rel(out, p)
		slash := filepath.ToSlash(rel)
		if rel == "." || slash == Marker {
			return nil
		}
		if d.IsDir() {
			if dirs[slash] {
				return nil // a folder baton writes into: look inside
			}
		} else if old[slash] || written[slash] {
			return nil
		}
		dst := filepath.Join(tmp, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.Rename(p, dst); err != nil {
			return err
		}
		if d.IsDir() {
			return fs.SkipDir
		}
		return nil
	})
}

// swap puts tmp in place of out.
func swap(tmp, out string) error {
	if _, err := os.Lstat(out); os.IsNotExist(err) {
		return os.Rename(tmp, out)
	}
	old := tmp + "-old"
	if err := os.Rename(out, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		_ = os.Rename(old, out)
		return err
	}
	return os.RemoveAll(old)
}
