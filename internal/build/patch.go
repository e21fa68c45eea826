package build

import (
	"context"
	"maps"
	"slices"
	"strings"

	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/render"
	"github.com/batonhq/baton/internal/search"
	"github.com/batonhq/baton/internal/source"
)

// Rebuild's fast way: when only page bodies changed, in ways that move
// nothing another page shows or checks (handbook.Patch), the dev server's
// last build is patched instead of built again: the edited pages parsed,
// a new Site made from the last one with their bodies (the last Site, which
// a caller may still hold in its Result, is never written), the pages
// re-indexed for search and rendered, every other output reused.

// lastBuild is what a patch starts from: the dev server's last build. It
// is the Builder's own, but its site and files are also in the Result the
// build returned: a patch makes new ones and writes into neither.
type lastBuild struct {
	site   *handbook.Site
	parsed map[string]*handbook.Parsed // the files site was resolved from, by path
	diags  diag.List                   // the build's diagnostics, all warnings
	dates  map[string]int64
	index  *search.Index
	files  []render.File  // the Result's files, sorted by path
	at     map[string]int // path → index in files
	// transient is set when a file's parse depended on the moment it was
	// made: the next build parses it again, so it cannot be patched.
	transient bool
	// inParts is whether site prints in parts (render.PrintsInParts),
	// which a patch keeps.
	inParts bool
}

func newLastBuild(site *handbook.Site, parsed []*handbook.Parsed, diags diag.List, dates map[string]int64, index *search.Index, files []render.File) *lastBuild {
	byPath := make(map[string]*handbook.Parsed, len(parsed))
	transient := false
	for _, p := range parsed {
		byPath[p.File] = p
		transient = transient || p.Transient()
	}
	return &lastBuild{site: site, parsed: byPath, diags: diags, dates: dates, index: index,
		files: files, at: indexPaths(files), transient: transient, inParts: render.PrintsInParts(site)}
}

// edit is a page whose body changed since the last build: its parse
// before and after.
type edit struct {
	old, new *handbook.Parsed
	oldSum   [32]byte
}

// patch rebuilds from tree by patching the last build, when every change
// since it (changed, as patchable lists them) is to page bodies that
// handbook.Patch takes. It reports false
// when a full build is needed, having changed nothing that build relies
// on (files it parsed stay in the parse cache), and how many files it
// parsed either way.
func (b *Builder) patch(ctx context.Context, tree source.Tree, changed []change, dates map[string]int64) (*Result, diag.List, bool, int) {
	l := b.last
	edits, parsed, ok := b.parseEdits(l, changed)
	if !ok {
		return nil, nil, false, parsed
	}
	site, ok := handbook.Patch(l.site, olds(edits), news(edits))
	if !ok || render.PrintsInParts(site) != l.inParts {
		// Past the size at which the handbook prints in parts, or back
		// under it, the print views' files and the parts' print links
		// change: a body edit then reaches beyond its page.
		return nil, nil, false, parsed
	}
	jobs := b.renderer.Jobs(site)
	if !l.plans(jobs) {
		return nil, nil, false, parsed
	}
	// From here the last build is being changed: it stays valid only if
	// all goes well.
	b.last = nil
	b.keepTree(tree)
	h := howOf(l.site.Config)
	for _, e := range edits {
		l.parsed[e.new.File] = e.new
		// The old version is parsed no more: keep the cache to what is used.
		delete(b.parsed, cacheKey{path: e.new.File, sum: e.oldSum, how: h, terms: b.terms.Sum()})
	}
	res, diags := b.apply(ctx, l, site, jobs, edits)
	if diags.HasErrors() {
		return nil, diags.Sort(), true, parsed
	}
	l.dates = dates
	b.last = l
	res.Parsed = parsed
	return res, l.diags, true, parsed
}

// change is a page whose bytes changed, and the checksum they had.
type change struct {
	file   source.File
	oldSum [32]byte
}

// patchable lists the files changed since the last build when a patch may
// take them: the same files, layouts and skipped entries, only pages'
// bytes changed, and the same git dates.
func (b *Builder) patchable(tree source.Tree) (changed []change, dates map[string]int64, ok bool) {
	l, old := b.last, b.tree
	if l == nil || l.transient || b.includes || len(tree.Content) != len(old.Content) ||
		!slices.EqualFunc(tree.Layouts, old.Layouts, func(a, b source.File) bool { return a.Path == b.Path && a.Sum == b.Sum }) ||
		!slices.EqualFunc(tree.TooLarge, old.TooLarge, func(a, b source.File) bool { return a.Path == b.Path }) ||
		!slices.Equal(tree.Skipped, old.Skipped) {
		return nil, nil, false
	}
	for i, f := range tree.Content {
		o := old.Content[i]
		if f.Path != o.Path || f.Static != o.Static {
			return nil, nil, false
		}
		if f.Sum != o.Sum {
			if f.Static || f.Data == nil || handbook.Classify(f) != handbook.KindPage {
				return nil, nil, false
			}
			changed = append(changed, change{f, o.Sum})
		}
	}
	dates = l.dates
	if b.opts.Dates != nil {
		if dates = b.dates(tree); !maps.Equal(dates, l.dates) {
			return nil, nil, false
		}
	}
	return changed, dates, true
}

// parseEdits parses the changed pages (or takes them from the cache), and
// reports false when one cannot be patched in: its parse ran out of time,
// or the last build did not have it.
func (b *Builder) parseEdits(l *lastBuild, changed []change) ([]edit, int, bool) {
	h := howOf(l.site.Config)
	md := b.markdown(h)
	timeout := b.parseTimeout()
	parsed := 0
	edits := make([]edit, len(changed))
	for i, c := range changed {
		f := c.file
		k := b.keyOf(f, h)
		p, ok := b.parsed[k]
		if !ok {
			// A parse that ran out of time is kept too, with its error: the
			// full build that follows takes it instead of waiting again.
			var timedOut bool
			p, timedOut = parseWithin(f, md, h, b.terms, timeout)
			b.parsed[k] = p
			parsed++
			if timedOut {
				return nil, parsed, false
			}
		}
		edits[i] = edit{old: l.parsed[f.Path], new: p, oldSum: c.oldSum}
		if edits[i].old == nil {
			return nil, parsed, false
		}
	}
	return edits, parsed, true
}

func olds(edits []edit) []*handbook.Parsed {
	out := make([]*handbook.Parsed, len(edits))
	for i, e := range edits {
		out[i] = e.old
	}
	return out
}

func news(edits []edit) []*handbook.Parsed {
	out := make([]*handbook.Parsed, len(edits))
	for i, e := range edits {
		out[i] = e.new
	}
	return out
}

// apply re-indexes and renders the patched pages of site, the last
// build's Site patched, and lists its files anew: the last build's, with
// those that changed replaced; l then holds site. A page's view holds
// nothing of another page that a patch may change, so only the edited
// pages' views changed, and the print views', which show every body.
func (b *Builder) apply(ctx context.Context, l *lastBuild, site *handbook.Site, jobs []render.Job, edits []edit) (*Result, diag.List) {
	files := map[string]bool{}
	for _, e := range edits {
		files[e.new.File] = true
	}
	pages := make(map[*handbook.Page]bool, len(edits))
	var list []*handbook.Page
	for _, p := range site.Pages {
		if files[p.File] {
			pages[p] = true
			list = append(list, p)
		}
	}
	out := slices.Clone(l.files)
	changed, reshaped := l.index.Update(site, list)
	if !reshaped {
		for _, f := range changed {
			out[l.at[f.Path]] = render.File{Path: f.Path, Data: f.Data}
		}
	}
	var todo []render.Job
	for _, j := range jobs {
		switch {
		case j.Bodies && b.opts.Lazy:
			out[l.at[j.Path]] = lazyFile(j)
		case j.Bodies || pages[j.Page]:
			todo = append(todo, j)
		}
	}
	mem := &memory{}
	r := &run{b: b, sink: mem, mem: mem}
	cache := &outputCache{seed: b.seed, prev: b.outputs, next: map[string]output{}}
	if diags := r.renderAll(ctx, todo, cache); diags.HasErrors() {
		b.outputs = nil
		return nil, diags
	}
	if b.outputs == nil {
		b.outputs = map[string]output{}
	}
	maps.Copy(b.outputs, cache.next)
	for _, f := range mem.files {
		out[l.at[f.Path]] = f
	}
	if reshaped {
		// The search index's files are not the same set as before: list
		// the outputs anew.
		out = slices.DeleteFunc(out, func(f render.File) bool { return strings.HasPrefix(f.Path, search.Dir+"/") })
		for _, f := range l.index.Files() {
			out = append(out, render.File{Path: f.Path, Data: f.Data})
		}
		slices.SortFunc(out, func(a, b render.File) int { return strings.Compare(a.Path, b.Path) })
		l.at = indexPaths(out)
	}
	l.site, l.files = site, out
	return &Result{Site: site, Files: out, Reused: len(out) - len(mem.files), Patched: true,
		Keyed: int(cache.keyed.Load()), Indexed: len(list)}, nil
}

// plans reports whether every file the jobs of a patched site write is
// one the last build has: a patch replaces files, and never makes one.
func (l *lastBuild) plans(jobs []render.Job) bool {
	for _, j := range jobs {
		if _, ok := l.at[j.Path]; !ok {
			return false
		}
	}
	return true
}

func indexPaths(files []render.File) map[string]int {
	at := make(map[string]int, len(files))
	for i, f := range files {
		at[f.Path] = i
	}
	return at
}
