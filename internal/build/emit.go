package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/batonhq/baton/internal/cachefile"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/publish"
	"github.com/batonhq/baton/internal/render"
	"golang.org/x/sync/errgroup"
)

// emit writes every file of the plan into the sink: the static files and
// assets first, so a one-off build's bytes for them are gone before the
// pages are rendered; then every page, on all cores (renderAll).
func (r *run) emit(ctx context.Context, p plan) diag.List {
	var diags diag.List
	for i, f := range p.files {
		if ctx.Err() != nil {
			diags.Errorf(diag.Pos{}, "%v", context.Cause(ctx))
			return diags
		}
		if err := r.sink.Write(f); err != nil {
			diags.Errorf(diag.Pos{}, "writing %s: %v", f.Path, err)
			return diags
		}
		p.files[i] = render.File{}
	}
	if r.mem == nil && r.b.budget == nil {
		releaseMemory()
	}
	cache := r.outputCache()
	diags = r.renderAll(ctx, p.jobs, cache)
	if cache != nil && !diags.HasErrors() {
		r.b.outputs = cache.next
		r.reused, r.keyed = int(cache.reused.Load()), int(cache.keyed.Load())
	} else {
		r.b.outputs = nil
	}
	return diags
}

// outputCache is the last build's rendered pages, for the dev server's
// build to reuse those whose inputs did not change (render.Job.Key: the
// hash of the page's view, which is all its template can read, whatever
// the theme).
func (r *run) outputCache() *outputCache {
	if !r.keep {
		return nil
	}
	if r.b.outputsBy != r.b.renderer {
		r.b.outputs, r.b.outputsBy = nil, r.b.renderer
	}
	return &outputCache{seed: r.b.seed, prev: r.b.outputs, next: map[string]output{}, stale: r.stale}
}

// renderAll renders every job into the sink, on all cores, taking the
// pages cache has unchanged from it. In the dev server's build the job
// that shows every page's body (the print view) and the files no page
// loads (render.Job.OnDemand: handbook.json) are rendered when their files
// are first read, when Options.Lazy says so.
//
// Rendering stops, jobs not yet begun left undone, when ctx ends (the
// build is interrupted) or the sink fails to write (publish.WriteError: a
// full disk): the one diagnostic is then the cause, not one per page.
func (r *run) renderAll(ctx context.Context, jobs []render.Job, cache *outputCache) diag.List {
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	done := r.b.progress(len(jobs))
	errs := make([]error, len(jobs))
	g, _ := errgroup.WithContext(ctx)
	g.SetLimit(renderers())
	for _, i := range r.from.longestFirst(jobs) {
		j := jobs[i]
		if (j.Bodies || j.OnDemand) && r.keep && r.b.opts.Lazy {
			r.mem.Write(lazyFile(j))
			done()
			continue
		}
		g.Go(func() error {
			defer done()
			if ctx.Err() != nil {
				return nil
			}
			errs[i] = r.render(j, cache)
			if we, ok := errors.AsType[*publish.WriteError](errs[i]); ok {
				stop(we)
			}
			return nil
		})
	}
	_ = g.Wait()
	var diags diag.List
	if ctx.Err() != nil {
		diags.Errorf(diag.Pos{}, "%v", context.Cause(ctx))
		return diags
	}
	for i, err := range errs {
		if err != nil {
			diags = append(diags, render.Diagnose(jobs[i].Path, err))
		}
	}
	return diags
}

// renderers is how many jobs render at once: twice the cores, so that
// while one job's goroutine waits on the disk to take its file, another
// renders on the core it left.
func renderers() int { return 2 * runtime.GOMAXPROCS(0) }

// longestFirst orders the jobs with the longest first, so that the others
// render on the other cores meanwhile; started last, a long one would run
// alone at the end, the rest of the machine idle. The longest by far is
// the one that shows every page's body (the print view); after it, in a
// rebuild, come the jobs that always render (they have no key) by the
// size of what they wrote last time, the largest first (the model as
// JSON, the tag pages that list hundreds of pages); then the rest, which
// mostly reuse their last output, in their order.
func (f follows) longestFirst(jobs []render.Job) []int {
	order := make([]int, 0, len(jobs))
	for i, j := range jobs {
		if j.Bodies {
			order = append(order, i)
		}
	}
	var sized []int
	size := map[int]int{}
	if l := f.last; l != nil {
		for i, j := range jobs {
			if k, ok := l.at[j.Path]; ok && !j.Bodies && j.Key == nil {
				sized = append(sized, i)
				size[i] = len(l.files[k].Data)
			}
		}
		slices.SortStableFunc(sized, func(a, b int) int { return size[b] - size[a] })
		order = append(order, sized...)
	}
	for i, j := range jobs {
		if _, done := size[i]; !done && !j.Bodies {
			order = append(order, i)
		}
	}
	return order
}

// render renders one job into the sink: a page from cache when its key is
// unchanged, the print view of a one-off build as a stream, anything else
// into a pooled buffer (growing a fresh buffer page by page costs more
// than copying the result out).
func (r *run) render(j render.Job, cache *outputCache) error {
	if j.Bodies && r.mem == nil {
		return r.sink.WriteStream(j.Path, j.Run)
	}
	var key uint64
	run := j.Run
	if cache != nil && j.Key != nil {
		data, k, made, ok := cache.lookup(j)
		if ok {
			return r.sink.Write(render.File{Path: j.Path, Data: data})
		}
		key, run = k, made
	}
	pages := r.b.opts.Pages
	if r.mem != nil || j.Key == nil {
		pages = nil // the dev server keeps its pages itself
	}
	var pageKey cachefile.Key
	if pages != nil {
		k := NewPageKey(r.b.themeSum)
		run = j.Key(k)
		pageKey = k.Sum()
		if data, done, ok := pages.Get(pageKey); ok {
			defer done()
			return r.write(j.Path, data)
		}
	}
	buf, _ := r.bufs.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	defer r.bufs.Put(buf)
	buf.Reset()
	if err := run(buf); err != nil {
		return err
	}
	data := buf.Bytes()
	if r.mem != nil {
		// Memory keeps the bytes: an exact copy, with no spare capacity.
		data = bytes.Clone(data)
		if cache != nil && j.Key != nil {
			cache.store(j.Path, key, data)
		}
	}
	if pages != nil {
		pages.Put(pageKey, data)
	}
	if buf.Cap() > 1<<20 {
		*buf = bytes.Buffer{} // do not keep the print view's buffer
	}
	return r.write(j.Path, data)
}

// write writes one rendered file into the sink.
func (r *run) write(path string, data []byte) error {
	if err := r.sink.Write(render.File{Path: path, Data: data}); err != nil {
		return fmt.Errorf("writing: %w", err)
	}
	return nil
}

// progress returns what to call as each of total files is rendered: it
// reports to Options.Progress, one call at a time, done increasing.
func (b *Builder) progress(total int) func() {
	if b.opts.Progress == nil {
		return func() {}
	}
	var mu sync.Mutex
	done := 0
	return func() {
		mu.Lock()
		done++
		b.opts.Progress(done, total)
		mu.Unlock()
	}
}

// lazyFile is a job's File that renders the job when first read.
func lazyFile(j render.Job) render.File {
	return render.File{Path: j.Path, Lazy: render.Once(func() ([]byte, error) {
		var buf bytes.Buffer
		if err := j.Run(&buf); err != nil {
			return nil, fmt.Errorf("rendering %s: %w", j.Path, err)
		}
		return buf.Bytes(), nil
	})}
}

// output is a rendered file and the key of its inputs.
type output struct {
	key  uint64
	data []byte
}

// outputCache carries rendered outputs from one build to the next.
type outputCache struct {
	seed maphash.Seed
	prev map[string]output // read only during a build
	// stale, when set, holds the pages whose views may have changed
	// since prev was made: every other page's is the same, and so is its
	// key (follows.staleViews).
	stale  map[*handbook.Page]bool
	mu     sync.Mutex
	next   map[string]output
	reused atomic.Int64
	keyed  atomic.Int64
}

// lookup returns the last output of j when its key is unchanged, and
// keeps it for the next build; else the key, and what renders j from the
// inputs the key was made of. The key of a page whose view cannot have
// changed is not made again.
func (c *outputCache) lookup(j render.Job) ([]byte, uint64, func(io.Writer) error, bool) {
	o, ok := c.prev[j.Path]
	if !ok || c.stale == nil || j.Page == nil || c.stale[j.Page] {
		var h maphash.Hash
		h.SetSeed(c.seed)
		run := j.Key(&h)
		if j.Page != nil {
			c.keyed.Add(1)
		}
		if k := h.Sum64(); !ok || o.key != k {
			return nil, k, run, false
		}
	}
	c.reused.Add(1)
	c.mu.Lock()
	c.next[j.Path] = o
	c.mu.Unlock()
	return o.data, o.key, nil, true
}

// store keeps a job's new output for the next build.
func (c *outputCache) store(path string, key uint64, data []byte) {
	if data == nil {
		return
	}
	c.mu.Lock()
	c.next[path] = output{key: key, data: data}
	c.mu.Unlock()
}
