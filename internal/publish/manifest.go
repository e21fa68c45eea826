package publish

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Marker is the manifest baton writes into every output folder: the list
// of files it wrote, one per line.
const Marker = ".baton-output"

// The first line of a manifest says how to read it.
const (
	// markerHeader heads a list of the files baton wrote into the folder:
	// anything else in it is the user's. A build writing over a previous
	// output adds each new file's path to the list before it makes the
	// file, so the list never misses one of baton's.
	markerHeader = "# baton output: these files are rewritten by every build\n"
	// freshHeader heads the marker of a folder a build is writing from
	// empty: everything in it is baton's but what carried lists.
	freshHeader = "# baton output being written: every file here is baton's but those .baton-carried lists\n"
)

// carried lists, in a new output, the files of the user's that Commit is
// moving into it from the live output. It is written before the first
// one moves and removed only once the new output is live, so a build
// killed in between leaves the list with the files, and the next build
// moves them back (evacuate).
const carried = ".baton-carried"

// prevIgnore is the .gitignore that keeps a previous output (see
// Previous) out of git.
var prevIgnore = []byte("# baton's previous output, kept to rewrite only what changes; safe to remove\n*\n")

// manifest is what a folder's marker says of the files in it.
type manifest struct {
	// fresh: the folder was being written from empty, and every file in
	// it is baton's but those carried lists.
	fresh bool
	// paths are baton's files when the folder is not fresh.
	paths map[string]bool
}

// readManifest reads the marker in dir, and reports whether there is one.
// A marker that is not a list is taken as fresh: the fresh marker is the
// one file publish writes in place, so only it can be found cut short.
func readManifest(dir string) (manifest, bool) {
	f, err := openNoFollow(filepath.Join(dir, Marker))
	if err != nil {
		return manifest{}, false
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return manifest{}, false
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	if !sc.Scan() || sc.Text()+"\n" != markerHeader {
		return manifest{fresh: true}, true
	}
	m := manifest{paths: map[string]bool{}}
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			m.paths[line] = true
		}
	}
	return m, true
}

// writeManifest lists paths, which are sorted, in dir's marker, in one
// step.
func (d disk) writeManifest(dir string, paths []string) error {
	var b bytes.Buffer
	b.WriteString(markerHeader)
	for _, p := range paths {
		b.WriteString(p)
		b.WriteByte('\n')
	}
	return d.replaceFile(filepath.Join(dir, Marker), b.Bytes())
}

// bookkeeping reports whether rel, a path in a folder of baton's, is a file
// publish keeps for itself there.
func bookkeeping(rel string) bool {
	switch rel {
	case Marker, Marker + ".new", carried, planFile, planFile + ".new":
		return true
	}
	return false
}

// onlyBookkeeping reports whether dir, a folder without a marker, holds
// nothing but files publish keeps for itself (or nothing at all): a folder
// of baton's that was made and stopped before its marker went in, or whose
// marker was being replaced.
func onlyBookkeeping(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if e.IsDir() || !bookkeeping(e.Name()) {
			return false
		}
	}
	return true
}

// ourIgnore reports whether p is the .gitignore baton puts into a
// previous output.
func ourIgnore(p string) bool {
	f, err := openNoFollow(p)
	if err != nil {
		return false
	}
	defer f.Close()
	b := make([]byte, len(prevIgnore)+1)
	n, _ := f.Read(b)
	return bytes.Equal(b[:n], prevIgnore)
}

// own reports whether rel, at p, in a previous output is a file baton
// keeps there for itself, which is neither the site's nor the user's: its
// bookkeeping, or the .gitignore it put in (read only when rel names one).
func own(rel, p string) bool {
	return bookkeeping(rel) || rel == ".gitignore" && ourIgnore(p)
}

// readCarried lists the files carried names in dir (nil when there is no
// list): local paths only.
func readCarried(dir string) (list []string, ok bool) {
	data, err := os.ReadFile(filepath.Join(dir, carried))
	if err != nil {
		return nil, false
	}
	for _, rel := range strings.Split(string(data), "\n") {
		if rel != "" && filepath.IsLocal(rel) && !slices.Contains(list, rel) {
			list = append(list, rel)
		}
	}
	return list, true
}
