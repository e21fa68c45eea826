package build

import (
	"cmp"
	"path"
	"slices"
	"strings"

	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/render"
)

// plan is every output file of a build, known before any page is
// rendered: the pages to render, the files to write as they are (static
// files and theme assets), and every path, the search index's included,
// sorted.
type plan struct {
	jobs  []render.Job
	files []render.File
	all   []render.File
}

// plan lists every output file of site and checks that no two share a
// path, so a build that writes as it renders never starts on a doomed
// output. The search index is made here, into the sink: it is dropped
// with the transaction when the paths clash.
func (r *run) plan(site *handbook.Site, rdr *render.Renderer) (plan, diag.List) {
	var diags diag.List
	p := plan{jobs: rdr.Jobs(site), files: staticFiles(site)}
	for _, a := range rdr.Assets() {
		p.files = append(p.files, render.File{Path: "_baton/" + a.Name, Data: a.Data})
	}
	index, err := r.index(site)
	if err != nil {
		diags.Errorf(diag.Pos{}, "writing the search index: %v", err)
		return p, diags
	}
	p.all = paths(p.jobs, index, p.files)
	return p, clashes(p.all)
}

// paths lists the output paths of the jobs, the search index's files and
// the files written as they are, sorted.
func paths(jobs []render.Job, index []string, files []render.File) []render.File {
	all := make([]render.File, 0, len(jobs)+len(index)+len(files))
	for _, j := range jobs {
		all = append(all, render.File{Path: j.Path})
	}
	for _, path := range index {
		all = append(all, render.File{Path: path})
	}
	for _, f := range files {
		all = append(all, render.File{Path: f.Path, From: f.From})
	}
	slices.SortStableFunc(all, func(a, b render.File) int { return strings.Compare(a.Path, b.Path) })
	return all
}

// outputPaths lists the output paths of a site that did not resolve
// cleanly, but for the search index's (which never clash: they are under
// _baton/), for clashes.
func outputPaths(site *handbook.Site, rdr *render.Renderer) []render.File {
	return paths(rdr.Jobs(site), nil, staticFiles(site))
}

// staticFiles are the site's files copied as they are.
func staticFiles(site *handbook.Site) []render.File {
	files := make([]render.File, len(site.Static))
	for i, s := range site.Static {
		files[i] = render.File{Path: strings.TrimPrefix(s.URL, "/"), From: s.File}
	}
	return files
}

// clashes reports the output paths that two files share, up to case and
// Unicode normal form (as on macOS and Windows), and the files that stand
// where another needs a folder of their name. all is sorted by path.
func clashes(all []render.File) diag.List {
	var diags diag.List
	what := func(f render.File) string {
		if f.From != "" {
			return f.From
		}
		return "a generated page"
	}
	byKey := make(map[string]render.File, len(all))
	dirs := map[string]render.File{}
	for _, f := range all {
		k := handbook.URLKey(f.Path)
		if prev, ok := byKey[k]; ok {
			diags.Errorf(diag.Pos{File: cmp.Or(f.From, prev.From)}, "%s and %s both write %s", what(prev), what(f), f.Path)
			continue
		}
		byKey[k] = f
		for d := path.Dir(k); d != "." && d != "/"; d = path.Dir(d) {
			if _, ok := dirs[d]; ok {
				break
			}
			dirs[d] = f
		}
	}
	for _, f := range all {
		if g, ok := dirs[handbook.URLKey(f.Path)]; ok {
			diags.Errorf(diag.Pos{File: cmp.Or(f.From, g.From)}, "%s writes the file %s, where %s needs a folder of that name", what(f), f.Path, what(g))
		}
	}
	return diags
}
