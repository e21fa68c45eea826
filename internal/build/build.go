// Package build is the one orchestrator of a build: it loads the sources,
// parses them on all cores, resolves the site, renders every output file
// on all cores, and hands the files to the caller (publish, or the dev
// server's memory). It owns every goroutine of a build.
//
// A Builder keeps per-file caches between builds: a source file whose bytes
// did not change is not parsed again, and a theme that did not change is
// not parsed again. Results never depend on what was cached: the output of
// a Builder equals that of a fresh one for the same sources.
package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"hash/maphash"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/publish"
	"github.com/batonhq/baton/internal/render"
	"github.com/batonhq/baton/internal/search"
	"github.com/batonhq/baton/internal/source"
	"golang.org/x/sync/errgroup"
)

// Options configure a build.
type Options struct {
	// BaseURL overrides handbook.yaml's base_url when set.
	BaseURL string
	// Drafts includes draft pages.
	Drafts bool
	// Theme is the default theme; the site's layouts/ files replace its
	// files of the same name.
	Theme render.Theme
	// Dates gives the last commit time of source files; nil means none.
	Dates func(files []string) map[string]int64
	// Progress, when set, is called after each output file is rendered
	// with how many are done out of total. Calls come one at a time, with
	// done increasing, from the build's goroutines.
	Progress func(done, total int)
	// ParseTimeout bounds the parse of one file (default 30 s). Markdown
	// built to be slow (goldmark is quadratic on thousands of unclosed
	// links) then fails with a diagnostic instead of stalling the build.
	ParseTimeout time.Duration
}

// Result is a successful build.
type Result struct {
	Site  *handbook.Site
	Files []publish.File
	// Parsed counts the files parsed in this build (not taken from cache).
	Parsed int
	// Reused counts the output files taken unchanged from the last build
	// because their inputs did not change. Their Data is shared with the
	// last Result: no one may change a File's Data.
	Reused int
}

// Builder builds one site again and again, reusing what did not change.
type Builder struct {
	opts Options

	mu        sync.Mutex
	parsed    map[cacheKey]*handbook.Parsed
	md        map[bool]*markdown.Renderer
	theme     [32]byte
	renderer  *render.Renderer
	themeDiag diag.List
	// outputs holds the last build's keyed outputs (see render.Job.Key),
	// made by the renderer outputsBy; seed makes the keys.
	outputs   map[string]output
	outputsBy *render.Renderer
	seed      maphash.Seed
	// words keeps each search document's words between builds.
	words *search.Cache
}

// output is a rendered file and the key of its inputs.
type output struct {
	key  uint64
	data []byte
}

type cacheKey struct {
	path   string
	sum    [32]byte
	unsafe bool
}

// New returns a Builder.
func New(opts Options) *Builder {
	return &Builder{opts: opts, parsed: map[cacheKey]*handbook.Parsed{}, md: map[bool]*markdown.Renderer{}, seed: maphash.MakeSeed(), words: search.NewCache()}
}

// Build builds the site whose folder is fsys (holding content/ and,
// optionally, layouts/). Diagnostics are sorted; when they hold an error the
// Result is nil.
func (b *Builder) Build(ctx context.Context, fsys fs.FS) (*Result, diag.List) {
	return b.build(ctx, fsys, nil)
}

// BuildTo builds the site like Build and writes each file into tx as soon
// as it is rendered, so the rendered site is never held in memory at once:
// what `baton build` does. The Result's Files list every path without their
// bytes. When the diagnostics hold an error the Result is nil and the
// caller must Abort tx; otherwise it commits tx.
func (b *Builder) BuildTo(ctx context.Context, fsys fs.FS, tx *publish.Tx) (*Result, diag.List) {
	return b.build(ctx, fsys, tx.Write)
}

// build builds the site; with a sink, each output file goes to the sink
// instead of into the Result.
func (b *Builder) build(ctx context.Context, fsys fs.FS, sink func(publish.File) error) (*Result, diag.List) {
	b.mu.Lock()
	defer b.mu.Unlock()
	var diags diag.List
	tree, err := source.Load(fsys)
	if err != nil {
		diags.Errorf(diag.Pos{}, "%v", err)
		return nil, diags
	}
	if len(tree.Content) == 0 {
		diags.Errorf(diag.Pos{File: "content"}, "no content: a handbook needs a content/ folder with Markdown or YAML files")
		return nil, diags
	}
	for _, f := range tree.TooLarge {
		diags.Errorf(diag.Pos{File: f.Path}, "file is %d bytes; baton reads Markdown, YAML and theme files up to %d bytes", f.Size, source.MaxTextSize)
	}
	for _, s := range tree.Skipped {
		if s.Err {
			diags.Errorf(diag.Pos{File: s.Path}, "%s", s.Why)
		} else {
			diags.Warnf(diag.Pos{File: s.Path}, "%s", s.Why)
		}
	}

	cfg := config.Default()
	if i := slices.IndexFunc(tree.Content, func(f source.File) bool { return f.Path == config.File }); i >= 0 {
		var cd diag.List
		cfg, cd = config.Decode(tree.Content[i].Data)
		diags.Append(cd)
	}
	if b.opts.BaseURL != "" {
		u, msg := config.CheckBaseURL(b.opts.BaseURL)
		if msg != "" {
			diags.Errorf(diag.Pos{}, "--base-url %s", msg)
		}
		cfg.BaseURL = u
	}

	parsed, n := b.parse(ctx, tree.Content, cfg.UnsafeHTML)
	rdr, td := b.theme_(tree.Layouts)
	diags.Append(td)

	var dates map[string]int64
	if b.opts.Dates != nil {
		paths := make([]string, len(tree.Content))
		for i, f := range tree.Content {
			paths[i] = f.Path
		}
		dates = b.opts.Dates(paths)
	}
	// The parsed files hold copies of all they need: drop the sources'
	// bytes, the largest thing a build of a big handbook would otherwise
	// keep to the end.
	hasLayouts := len(tree.Layouts) > 0
	tree = source.Tree{}
	site, rd := handbook.Resolve(cfg, parsed, handbook.Options{Drafts: b.opts.Drafts, Dates: dates})
	diags.Append(rd)
	diags = diags.Sort()
	if diags.HasErrors() || rdr == nil {
		return nil, diags
	}

	jobs := rdr.Jobs(site)
	var files []publish.File
	for _, s := range site.Static {
		files = append(files, publish.File{Path: strings.TrimPrefix(s.URL, "/"), From: s.File})
	}
	for _, a := range rdr.Assets() {
		files = append(files, publish.File{Path: "_baton/" + a.Name, Data: a.Data})
	}
	for _, f := range search.Build(site, search.Options{Cache: b.words}) {
		files = append(files, publish.File{Path: f.Path, Data: f.Data})
	}
	// Check that no two files share a path before rendering, so a build
	// that writes as it renders never starts on a doomed output.
	all := make([]publish.File, 0, len(jobs)+len(files))
	for _, j := range jobs {
		all = append(all, publish.File{Path: j.Path})
	}
	all = append(all, files...)
	slices.SortStableFunc(all, func(a, b publish.File) int { return strings.Compare(a.Path, b.Path) })
	// Paths clash up to case and Unicode normal form (as on macOS and
	// Windows), and a file clashes with a folder of the same name.
	what := func(f publish.File) string {
		if f.From != "" {
			return f.From
		}
		return "a generated page"
	}
	byKey := make(map[string]publish.File, len(all))
	dirs := map[string]publish.File{}
	for _, f := range all {
		k := handbook.URLKey(f.Path)
		if prev, ok := byKey[k]; ok {
			diags.Errorf(diag.Pos{File: firstNonEmpty(f.From, prev.From)}, "%s and %s both write %s", what(prev), what(f), f.Path)
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
			diags.Errorf(diag.Pos{File: firstNonEmpty(f.From, g.From)}, "%s writes the file %s, where %s needs a folder of that name", what(f), f.Path, what(g))
		}
	}
	if diags.HasErrors() {
		return nil, diags.Sort()
	}

	// Reuse the last output of each page whose inputs did not change. The
	// keys cover what the default theme reads, so a site with layouts of
	// its own renders every page.
	var cache *outputCache
	if sink == nil && !hasLayouts {
		if b.outputsBy != rdr {
			b.outputs, b.outputsBy = nil, rdr
		}
		cache = &outputCache{seed: b.seed, prev: b.outputs, next: map[string]output{}}
	}
	if sink != nil {
		// Write the search index, assets and static files first, so their
		// bytes are gone before the pages are rendered.
		for i, f := range files {
			if err := sink(f); err != nil {
				diags.Errorf(diag.Pos{}, "writing %s: %v", f.Path, err)
				return nil, diags.Sort()
			}
			files[i] = publish.File{}
		}
		for i := range all {
			all[i].Data = nil
		}
	}
	rendered, rendErr := renderAll(ctx, jobs, b.opts.Progress, sink, cache)
	if cache != nil && !rendErr.HasErrors() {
		b.outputs = cache.next
	} else {
		b.outputs = nil
	}
	diags.Append(rendErr)
	if diags.HasErrors() {
		return nil, diags.Sort()
	}
	if sink != nil {
		return &Result{Site: site, Files: all, Parsed: n}, diags.Sort()
	}
	files = append(files, rendered...)
	slices.SortStableFunc(files, func(a, b publish.File) int { return strings.Compare(a.Path, b.Path) })
	res := &Result{Site: site, Files: files, Parsed: n}
	if cache != nil {
		res.Reused = int(cache.reused.Load())
	}
	return res, diags.Sort()
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// parse parses every content file, in parallel, taking unchanged files
// from the cache. It returns the files in input order and how many it
// parsed afresh.
func (b *Builder) parse(ctx context.Context, files []source.File, unsafe bool) ([]*handbook.Parsed, int) {
	md := b.md[unsafe]
	if md == nil {
		md = markdown.New(unsafe)
		b.md[unsafe] = md
	}
	out := make([]*handbook.Parsed, len(files))
	keys := make([]cacheKey, len(files))
	var todo []int
	for i, f := range files {
		keys[i] = cacheKey{path: f.Path, unsafe: unsafe}
		if !f.Static {
			keys[i].sum = sha256.Sum256(f.Data)
		} else {
			keys[i].sum = sha256.Sum256(fmt.Appendf(nil, "static %d", f.Size))
		}
		if p, ok := b.parsed[keys[i]]; ok {
			out[i] = p
		} else {
			todo = append(todo, i)
		}
	}
	g, _ := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	timeout := b.opts.ParseTimeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	timedOut := make([]bool, len(files))
	for _, i := range todo {
		g.Go(func() error {
			out[i], timedOut[i] = parseWithin(files[i], md, timeout)
			return nil
		})
	}
	_ = g.Wait()
	// Keep only what this build used, so the cache does not grow with every
	// edit; a parse that ran out of time is tried again next build.
	next := make(map[cacheKey]*handbook.Parsed, len(files))
	for i, k := range keys {
		if !timedOut[i] {
			next[k] = out[i]
		}
	}
	b.parsed = next
	return out, len(todo)
}

// theme_ merges the site's layouts over the default theme and parses it,
// reusing the last parse when nothing changed.
func (b *Builder) theme_(site []source.File) (*render.Renderer, diag.List) {
	theme := render.Theme{}
	for k, v := range b.opts.Theme {
		theme[k] = v
	}
	for _, f := range site {
		theme[strings.TrimPrefix(f.Path, "layouts/")] = f.Data
	}
	h := sha256.New()
	names := make([]string, 0, len(theme))
	for k := range theme {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		fmt.Fprintf(h, "%s\x00%d\x00", k, len(theme[k]))
		h.Write(theme[k])
	}
	var sum [32]byte
	h.Sum(sum[:0])
	if b.renderer != nil && sum == b.theme {
		return b.renderer, b.themeDiag
	}
	r, d := render.New(theme)
	if d.HasErrors() {
		r = nil
	}
	b.renderer, b.theme, b.themeDiag = r, sum, d
	return r, d
}

// renderAll runs every render job on all cores; results land in indexed
// slots so the order never depends on scheduling. With a sink, each file
// goes to it as soon as it is rendered and its buffer is reused, so memory
// holds only the files being rendered.
func renderAll(ctx context.Context, jobs []render.Job, progress func(done, total int), sink func(publish.File) error, cache *outputCache) ([]publish.File, diag.List) {
	var bufPool sync.Pool // render buffers, reused while writing as it renders
	var files []publish.File
	if sink == nil {
		files = make([]publish.File, len(jobs))
	}
	errs := make([]error, len(jobs))
	var mu sync.Mutex
	done := 0
	report := func() {
		if progress == nil {
			return
		}
		mu.Lock()
		done++
		progress(done, len(jobs))
		mu.Unlock()
	}
	g, _ := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	// Each job renders into a pooled buffer: growing a fresh buffer page by
	// page costs more than copying the result out.
	run := func(j render.Job, use func([]byte) error) error {
		buf, _ := bufPool.Get().(*bytes.Buffer)
		if buf == nil {
			buf = new(bytes.Buffer)
		}
		defer bufPool.Put(buf)
		buf.Reset()
		err := j.Run(buf)
		if err == nil {
			err = use(buf.Bytes())
		}
		if buf.Cap() > 1<<20 {
			*buf = bytes.Buffer{} // do not keep the print view's buffer
		}
		return err
	}
	for i, j := range jobs {
		g.Go(func() error {
			defer report()
			if sink != nil {
				errs[i] = run(j, func(data []byte) error {
					if err := sink(publish.File{Path: j.Path, Data: data}); err != nil {
						return fmt.Errorf("writing: %w", err)
					}
					return nil
				})
				return nil
			}
			if cache != nil && j.Key != nil {
				data, key, ok := cache.lookup(j)
				if ok {
					files[i] = publish.File{Path: j.Path, Data: data}
					return nil
				}
				defer func() { cache.store(j.Path, key, files[i].Data) }()
			}
			// Keep an exact copy, with no spare capacity.
			errs[i] = run(j, func(data []byte) error {
				files[i] = publish.File{Path: j.Path, Data: bytes.Clone(data)}
				return nil
			})
			return nil
		})
	}
	_ = g.Wait()
	var diags diag.List
	for i, err := range errs {
		if err != nil {
			diags.Errorf(templatePos(err), "rendering %s: %v", jobs[i].Path, err)
		}
	}
	return files, diags
}

// templatePos finds the theme file, line and column of a template error,
// which text/template gives only in its text ("template: layouts/x.html:3:11:
// executing ..."), falling back to the layouts folder.
func templatePos(err error) diag.Pos {
	rest, ok := strings.CutPrefix(err.Error(), "template: ")
	if !ok || !strings.HasPrefix(rest, "layouts/") {
		return diag.Pos{File: "layouts"}
	}
	parts := strings.SplitN(rest, ":", 4)
	pos := diag.Pos{File: parts[0]}
	if len(parts) > 1 {
		pos.Line, _ = strconv.Atoi(parts[1])
	}
	if len(parts) > 2 && pos.Line > 0 {
		pos.Col, _ = strconv.Atoi(parts[2])
	}
	return pos
}

// outputCache carries rendered outputs from one build to the next.
type outputCache struct {
	seed   maphash.Seed
	prev   map[string]output // read only during a build
	mu     sync.Mutex
	next   map[string]output
	reused atomic.Int64
}

func (c *outputCache) key(j render.Job) uint64 {
	var h maphash.Hash
	h.SetSeed(c.seed)
	j.Key(&h)
	return h.Sum64()
}

// lookup returns the last output of j when its key is unchanged, and
// keeps it for the next build.
func (c *outputCache) lookup(j render.Job) ([]byte, uint64, bool) {
	k := c.key(j)
	o, ok := c.prev[j.Path]
	if !ok || o.key != k {
		return nil, k, false
	}
	c.reused.Add(1)
	c.mu.Lock()
	c.next[j.Path] = o
	c.mu.Unlock()
	return o.data, k, true
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

// parseWithin parses f, or gives up after timeout with a diagnostic. The
// parse goes on in the background until it ends (Go cannot stop it), but
// the build does not wait for it.
func parseWithin(f source.File, md *markdown.Renderer, timeout time.Duration) (*handbook.Parsed, bool) {
	done := make(chan *handbook.Parsed, 1)
	go func() { done <- handbook.Parse(f, md) }()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case p := <-done:
		return p, false
	case <-timer.C:
		p := &handbook.Parsed{File: f.Path, Kind: handbook.Classify(f), Size: f.Size}
		p.Diags.Errorf(diag.Pos{File: f.Path, Line: 1, Col: 1},
			"reading this file took over %s; simplify its Markdown (thousands of unclosed links or brackets make the parser slow)", timeout)
		return p, true
	}
}
