package handbook

import (
	"runtime"
	"slices"
	"sync"

	"github.com/batonhq/baton/internal/diag"
)

// pageLinks is what linking one page made besides the page's own fields:
// its diagnostics, in the order they were made, and the roles its links
// lead to, which gain the page.
type pageLinks struct {
	p     *Page
	diags diag.List
	roles []*Role
}

// linkPages links every page: its front matter one page after another
// (which makes the site's tags), then its Markdown's links, with
// Options.LinkOnAllCores on all cores, a share of the pages each
// (linkShare), each share with a copy of the
// resolver (checker) whose diagnostics, linked static files and lookup
// caches are its own. What the links made is then applied in page order:
// the pages, their roles' pages and the diagnostics are those of linking
// one page after another. Linking was most of resolving a handbook again
// after a title edit, on one core.
func (r *resolver) linkPages(files []*Parsed) {
	out := make([]pageLinks, len(files))
	seen := make([]map[*Role]bool, len(files))
	for i, f := range files {
		if p := r.pages[f.File]; p != nil {
			start := len(r.diags)
			seen[i] = r.linkPage(p, f)
			out[i] = pageLinks{p: p, diags: slices.Clone(r.diags[start:])}
			r.diags = r.diags[:start]
			p.Hrefs = make([]Href, len(p.Doc.Links))
		}
	}
	workers := 1
	if r.opts.LinkOnAllCores {
		workers = min(runtime.GOMAXPROCS(0), max(1, len(files)/linkShare))
	}
	checkers := make([]*resolver, workers)
	var wg sync.WaitGroup
	for w := range workers {
		c := r.checker()
		checkers[w] = c
		lo, hi := w*len(files)/workers, (w+1)*len(files)/workers
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				if out[i].p != nil {
					c.pageHrefs(files[i], &out[i], seen[i])
				}
			}
		})
	}
	wg.Wait()
	for _, o := range out {
		if o.p == nil {
			continue
		}
		r.diags = append(r.diags, o.diags...)
		for _, role := range o.p.Roles {
			role.Pages = append(role.Pages, o.p)
		}
		for _, role := range o.roles {
			role.Pages = append(role.Pages, o.p)
		}
	}
	for _, c := range checkers {
		for file := range c.linked {
			r.linked[file] = true
		}
	}
}

// pageHrefs resolves the links of page o.p (f) into its Hrefs, with c, a
// checker of one share's own; seenRole is the roles its front matter
// names.
func (c *resolver) pageHrefs(f *Parsed, o *pageLinks, seenRole map[*Role]bool) {
	start := len(c.diags)
	var found []*Role
	c.found = &found
	for i, l := range o.p.Doc.Links {
		o.p.Hrefs[i] = c.docLink(o.p, l, f.Page.LinkPos[i], seenRole)
	}
	c.found = nil
	o.diags = append(o.diags, c.diags[start:]...)
	o.roles = found
}

// linkShare is the fewest pages worth a goroutine of their own for their
// links (a variable for a test).
var linkShare = 500
