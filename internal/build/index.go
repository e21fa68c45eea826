package build

import (
	"runtime/debug"

	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/render"
	"github.com/batonhq/baton/internal/search"
	"golang.org/x/sync/errgroup"
)

// index makes the search index and writes its files into the sink, and
// returns their paths. The dev server's build keeps an index it can update
// (search.Index.Update), and a rebuild updates the last build's for the
// pages whose documents changed, when no other document did (updateIndex);
// a one-off build streams the files as they are made, with the words of an
// earlier run when given.
func (r *run) index(site *handbook.Site) ([]string, error) {
	opts := search.Options{Words: r.b.opts.Words, Spill: r.b.spill}
	var files []search.File
	r.indexed = len(site.Pages)
	switch {
	case r.keep:
		if x, n, ok := r.from.updateIndex(site); ok {
			r.searchIndex, r.indexed = x, n
			files = x.Files()
			break
		}
		opts.Cache = r.b.words
		r.searchIndex = search.NewIndex(site, opts)
		files = r.searchIndex.Files()
	case r.mem != nil:
		opts.Cache = r.b.words
		files = search.Build(site, opts)
	default:
		if r.gc {
			debug.SetGCPercent(searchGCPercent)
			defer debug.SetGCPercent(renderGCPercent)
		}
		return streamSearch(site, r.sink, opts)
	}
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
		r.mem.Write(render.File{Path: f.Path, Data: f.Data})
	}
	return paths, nil
}

// streamSearch writes the search index into sink as search.Stream makes
// it, on goroutines of their own so indexing never waits on the disk, and
// returns the paths it wrote. The index files are written before the
// output paths are checked for clashes: the transaction is dropped whole
// if they clash. Its thousands of small files take the disk more time
// than the CPU, so several are written at once.
func streamSearch(site *handbook.Site, sink Sink, opts search.Options) ([]string, error) {
	queue := make(chan render.File, 64)
	var g errgroup.Group
	for range renderers() {
		g.Go(func() error {
			var err error
			for f := range queue {
				if err == nil {
					err = sink.Write(f)
				}
			}
			return err
		})
	}
	var paths []string
	err := search.Stream(site, opts, func(f search.File) error {
		paths = append(paths, f.Path)
		queue <- render.File{Path: f.Path, Data: f.Data}
		return nil
	})
	close(queue)
	if werr := g.Wait(); werr != nil {
		return nil, werr
	}
	return paths, err
}

// updateIndex brings the last build's search index up to date with site
// and takes it over, when the two sites have the same documents, only
// some pages' changed (search.Index.Stale): a title shown in a section's
// pages' documents, say, re-indexes that section, not the site. It
// reports how many pages it re-indexed.
func (f follows) updateIndex(site *handbook.Site) (*search.Index, int, bool) {
	l := f.last
	if l == nil || l.index == nil {
		return nil, 0, false
	}
	stale, ok := l.index.Stale(l.site, site)
	if !ok {
		return nil, 0, false
	}
	l.index.Update(site, stale)
	return l.index, len(stale), true
}
