package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/layout"
	"github.com/batonhq/baton/internal/source"
)

// site is a handbook folder as baton reads it: its layout, and the folder
// through the layout's eyes (layout.FS), which is what a build reads.
type site struct {
	dir    string
	layout layout.Layout
	fsys   fs.FS
}

// openSite reads the layout of the handbook in dir. out, when not empty,
// is an output folder that the build must not read as pages, where it
// lies inside the folder of pages.
func openSite(dir, out string) (site, error) {
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		return site{}, usageError{fmt.Sprintf("%s is not a folder; point baton at a handbook folder, or start one with 'baton init DIR'", dir)}
	}
	l := layout.Detect(source.Dir(dir))
	var exclude []string
	for i, o := range []string{out, filepath.Join(dir, "public")} {
		// public/ is baton's default output, left out of what is read,
		// unless it is the site's own folder of files to publish
		// (Astro's public/) and not the output asked for.
		if rel, ok := inside(dir, o); ok && (i == 0 || rel != l.Static) {
			exclude = append(exclude, rel)
		}
	}
	return site{dir: dir, layout: l, fsys: l.FS(source.Dir(dir), exclude...)}, nil
}

// inside reports whether path p lies in dir, and where, as a slash path.
func inside(dir, p string) (string, bool) {
	if p == "" {
		return "", false
	}
	a, err1 := filepath.Abs(dir)
	b, err2 := filepath.Abs(p)
	if err1 != nil || err2 != nil {
		return "", false
	}
	rel, err := filepath.Rel(a, b)
	if err != nil || rel == "." || !filepath.IsLocal(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// defaultOut is the output folder of a build not told where: public/ in
// the site folder, or dist/ where public/ holds the site's own files to
// publish (Astro's), which an output there would replace.
func (s site) defaultOut() string {
	if s.layout.Static == "public" {
		return filepath.Join(s.dir, "dist")
	}
	return filepath.Join(s.dir, "public")
}

// protected are the folders an output folder may not be, contain or lie
// in: the folder of pages (unless it is the site folder itself, where the
// output is left out of what is read), the folder of files the tool
// publishes as they are (Astro's public/) and baton's layouts/.
func (s site) protected() []string {
	var dirs []string
	if s.layout.Root != "." {
		dirs = append(dirs, filepath.Join(s.dir, filepath.FromSlash(s.layout.Root)))
	}
	if s.layout.Static != "" {
		dirs = append(dirs, filepath.Join(s.dir, filepath.FromSlash(s.layout.Static)))
	}
	if s.layout.Theme {
		dirs = append(dirs, filepath.Join(s.dir, "layouts"))
	}
	return dirs
}

// describe is the line that says how baton reads the site, or "" for a
// handbook written for baton.
func (s site) describe() string {
	l := s.layout
	if l.Kind == layout.Baton {
		if _, err := os.Stat(filepath.Join(s.dir, "content", "handbook.yaml")); err == nil {
			return ""
		}
		return fmt.Sprintf("reading %s: pages in content/, without content/handbook.yaml, so broken links are warnings", s.dir)
	}
	where := "pages in " + strings.TrimSuffix(l.Root, "/") + "/"
	if l.Root == "." {
		where = "pages in the folder itself"
	}
	if l.NavFile != "" {
		where += ", order from " + l.NavFile
	}
	return fmt.Sprintf("reading %s as %s: %s; broken links are warnings", s.dir, l.Kind, where)
}

// watched are the folders of the site the dev server watches.
func (s site) watched() []string {
	dirs := []string{s.layout.Root}
	if s.layout.Theme {
		dirs = append(dirs, "layouts")
	}
	return dirs
}

// migrating reports whether the site is a handbook written for another
// tool (no handbook.yaml): check then ends with a report of what moving it
// to baton leaves to do.
func (s site) migrating(res *build.Result) bool {
	if res != nil {
		return !res.Site.Config.Strict
	}
	return s.describe() != ""
}

// layoutName says how baton reads the site, for the report.
func (s site) layoutName() string {
	l := s.layout
	where := "pages in " + l.Root + "/"
	if l.Root == "." {
		where = "pages in the folder itself"
	}
	kind := string(l.Kind)
	if l.Kind == layout.Baton {
		kind = "a folder of Markdown"
	}
	return kind + ", " + where
}
