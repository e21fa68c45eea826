package publish

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Check refuses output folders that would put the user's files at risk.
func Check(opts Options) error {
	out, err := filepath.Abs(opts.Out)
	if err != nil {
		return err
	}
	// The output folder is replaced whole, so a link there would be
	// replaced by a folder, and the files in the folder it leads to moved
	// out of it. A link above the output is followed: baton's folders then
	// lie beside the output in the folder the link leads to.
	if info, err := os.Lstat(out); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		target := resolveLinks(out)
		return fmt.Errorf("refusing output folder %s: it is a symbolic link to %s, and baton replaces the output folder whole; to build into the folder it leads to, pass --out %s", opts.Out, target, target)
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
	// A first build into a mount point that was stopped leaves its own
	// folders there (see nextDir), and, once its moves have begun, some of
	// its new entries without the marker, which moves last: the folder is
	// still baton's, and the next build finishes the update.
	if exists(filepath.Join(out, nextDir, planFile)) {
		return nil
	}
	entries = slices.DeleteFunc(entries, func(e fs.DirEntry) bool {
		p := filepath.Join(out, e.Name())
		return inPlaceName(e.Name()) && e.IsDir() && (isOutput(p) || onlyBookkeeping(p))
	})
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
