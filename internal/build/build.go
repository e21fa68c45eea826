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
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"runtime"
	"runtime/debug"
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
	// HighlightTimeout bounds the highlighting of one code block (default
	// 10 s, markdown.Options): a block that takes longer is shown without
	// colours, with a warning, and parsed again by the next build.
	HighlightTimeout time.Duration
	// Code, when set, gives highlighted code blocks an earlier run made
	// and keeps those this build makes (markdown.CodeCache).
	Code *markdown.CodeCache
	// Words, when set, gives the search index the words of documents an
	// earlier run listed, and keeps those of this build (search.WordCache).
	Words *search.WordCache
	// Lazy leaves the print view, the largest page by far, to be rendered
	// when its File is first read (publish.File.Lazy) in builds held in
	// memory with the default theme: what the dev server wants.
	Lazy bool
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
	// Patched reports that Rebuild patched the last build (only page
	// bodies changed) instead of building in full.
	Patched bool
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
	// tree is the sources as last read, the content files without their
	// bytes (all but handbook.yaml), for Rebuild to bring up to date.
	tree   source.Tree
	loaded bool
	// last is the last build held in memory, when it succeeded with the
	// default theme: what Rebuild patches when only page bodies changed.
	last *lastBuild
}

// lastBuild is what a patch starts from.
type lastBuild struct {
	site   *handbook.Site
	parsed map[string]*handbook.Parsed // the files site was resolved from, by path
	diags  diag.List                   // the build's diagnostics, all warnings
	dates  map[string]int64
	index  *search.Index
	files  []publish.File // the Result's files, sorted by path
	at     map[string]int // path → index in files
	// transient is set when a file's parse depended on the moment it was
	// made: the next build parses it again, so it cannot be patched.
	transient bool
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
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.load(ctx, fsys, nil)
}

// BuildTo builds the site like Build and writes each file into sink (a
// publish.Tx) as soon as it is made, so the rendered site is never held in
// memory at once: what `baton build` does. The Result's Files list every
// path without their bytes. When the diagnostics hold an error the Result
// is nil and the caller must Abort the transaction; otherwise it commits
// it.
func (b *Builder) BuildTo(ctx context.Context, fsys fs.FS, sink Sink) (*Result, diag.List) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.load(ctx, fsys, sink)
}

// Rebuild builds the site again after the files at the changed paths
// (relative to fsys, slash-separated, as watch reports them) changed,
// reading only those. When only page bodies changed, in ways that move
// nothing on other pages (handbook.Patch), it patches the last build:
// re-renders the edited pages, re-indexes them for search, and reuses every
// other output. Otherwise it builds in full from the sources it holds. A
// nil changed means unknown: everything is read again. The Result equals
// what Build gives for the same sources.
func (b *Builder) Rebuild(ctx context.Context, fsys fs.FS, changed []string) (*Result, diag.List) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.loaded || changed == nil {
		return b.load(ctx, fsys, nil)
	}
	tree, err := source.Update(fsys, b.tree, changed)
	if err != nil {
		var diags diag.List
		diags.Errorf(diag.Pos{}, "%v", err)
		b.loaded, b.last = false, nil
		return nil, diags
	}
	res, diags, ok, parsed := b.patch(ctx, tree)
	if ok {
		return res, diags
	}
	// Files the patch parsed before it gave up are in the parse cache.
	res, diags = b.build(ctx, fsys, tree, nil)
	if res != nil {
		res.Parsed += parsed
	}
	return res, diags
}

// load reads every source and builds.
func (b *Builder) load(ctx context.Context, fsys fs.FS, sink Sink) (*Result, diag.List) {
	tree, err := source.Load(fsys)
	if err != nil {
		var diags diag.List
		diags.Errorf(diag.Pos{}, "%v", err)
		b.loaded, b.last = false, nil
		return nil, diags
	}
	return b.build(ctx, fsys, tree, sink)
}

// Sink takes the output files of a build as they are made: a publish.Tx.
// Both methods may be called from several goroutines at once.
type Sink interface {
	Write(publish.File) error
	// WriteStream writes a file as write produces it, for the print view,
	// which is too large to hold whole.
	WriteStream(path string, write func(io.Writer) error) error
}

// build builds the site from tree; with a sink, each output file goes to
// the sink instead of into the Result.
func (b *Builder) build(ctx context.Context, fsys fs.FS, tree source.Tree, sink Sink) (*Result, diag.List) {
	b.last = nil
	b.tree, b.loaded = source.Tree{}, false
	var diags diag.List
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
	parsed, n, ok := b.parse(ctx, tree.Content, cfg.UnsafeHTML)
	if !ok {
		// A file to parse is one whose bytes were dropped after an earlier
		// build (the HTML setting changed, or a parse ran out of time):
		// read everything again.
		var err error
		if tree, err = source.Load(fsys); err != nil {
			diags.Errorf(diag.Pos{}, "%v", err)
			return nil, diags
		}
		parsed, n, _ = b.parse(ctx, tree.Content, cfg.UnsafeHTML)
	}
	if sink != nil {
		releaseMemory()
	}
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
	// keep to the end. Rebuild reads again the files that change.
	hasLayouts := b.ownLayouts(tree.Layouts)
	b.keepTree(tree)
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
	// The dev server keeps the index to patch; a one-off build drops it.
	keep := sink == nil && !hasLayouts
	setGC := func(int) {}
	if sink != nil && os.Getenv("GOGC") == "" {
		// The search index and the pages are made on all cores, fast,
		// over a heap that is mostly the parsed pages: collect a little
		// more often than the default, for a lower peak at no cost in time
		// we could measure. A GOGC the user set is left alone.
		defer debug.SetGCPercent(debug.SetGCPercent(renderGCPercent))
		setGC = func(p int) { debug.SetGCPercent(p) }
	}
	var index *search.Index
	var searchFiles []search.File
	var streamed []string // paths already written to the sink
	switch {
	case keep:
		index = search.NewIndex(site, search.Options{Cache: b.words, Words: b.opts.Words})
		searchFiles = index.Files()
	case sink != nil:
		// A one-off build: no word cache of the dev server's kind, which
		// would only hold memory (the build cache's words, Options.Words,
		// are used when given), and the files go to the sink as they are
		// made.
		var err error
		setGC(searchGCPercent)
		streamed, err = streamSearch(site, sink, b.opts.Words)
		setGC(renderGCPercent)
		if err != nil {
			diags.Errorf(diag.Pos{}, "writing the search index: %v", err)
			return nil, diags.Sort()
		}
	default:
		searchFiles = search.Build(site, search.Options{Cache: b.words, Words: b.opts.Words})
	}
	for _, f := range searchFiles {
		files = append(files, publish.File{Path: f.Path, Data: f.Data})
	}
	searchFiles = nil
	// Check that no two files share a path before rendering, so a build
	// that writes as it renders never starts on a doomed output.
	all := make([]publish.File, 0, len(jobs)+len(files)+len(streamed))
	for _, j := range jobs {
		all = append(all, publish.File{Path: j.Path})
	}
	for _, p := range streamed {
		all = append(all, publish.File{Path: p})
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
			if ctx.Err() != nil {
				diags.Errorf(diag.Pos{}, "%v", context.Cause(ctx))
				return nil, diags.Sort()
			}
			if err := sink.Write(f); err != nil {
				diags.Errorf(diag.Pos{}, "writing %s: %v", f.Path, err)
				return nil, diags.Sort()
			}
			files[i] = publish.File{}
		}
		for i := range all {
			all[i].Data = nil
		}
		releaseMemory()
	}
	rendered, rendErr := renderAll(ctx, jobs, b.opts.Progress, sink, cache, b.opts.Lazy && keep)
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
	diags = diags.Sort()
	if keep {
		byPath := make(map[string]*handbook.Parsed, len(parsed))
		transient := false
		for _, p := range parsed {
			byPath[p.File] = p
			transient = transient || p.Transient()
		}
		b.last = &lastBuild{site: site, parsed: byPath, diags: diags, dates: dates, index: index,
			files: files, at: indexPaths(files), transient: transient}
	}
	return res, diags
}

// streamSearch writes the search index into sink as search.Stream makes
// it, on a goroutine of its own so indexing never waits on the disk, and
// returns the paths it wrote. The index files are written before the
// output paths are checked for clashes: the transaction is dropped whole
// if they clash.
func streamSearch(site *handbook.Site, sink Sink, words *search.WordCache) ([]string, error) {
	queue := make(chan publish.File, 64)
	written := make(chan error, 1)
	go func() {
		var err error
		for f := range queue {
			if err == nil {
				err = sink.Write(f)
			}
		}
		written <- err
	}()
	var paths []string
	err := search.Stream(site, search.Options{Words: words}, func(f search.File) error {
		paths = append(paths, f.Path)
		queue <- publish.File{Path: f.Path, Data: f.Data}
		return nil
	})
	close(queue)
	if werr := <-written; werr != nil {
		return nil, werr
	}
	return paths, err
}

func indexPaths(files []publish.File) map[string]int {
	at := make(map[string]int, len(files))
	for i, f := range files {
		at[f.Path] = i
	}
	return at
}

// releaseMemory gives the pages of a finished stage's garbage back to the
// system between the stages of a one-off build. Parsing leaves a great
// deal (the highlighter's and parser's scratch), and the next stage would
// otherwise grow its heap on top of pages the system still counts as in
// use: at 10,000 pages this lowers the peak resident memory by about a
// tenth, for two collections. The dev server skips it: it wants speed.
func releaseMemory() { debug.FreeOSMemory() }

// renderGCPercent is the collector's GOGC while a one-off build renders.
const renderGCPercent = 70

// searchGCPercent is the collector's GOGC while a one-off build makes the
// search index. With its words from the build cache, the index is made in a
// third of the time, and so as fast as its display files and postings
// allocate: at 70 the heap peaked 40-60 MB higher than with the words
// listed afresh (10,000 pages), at 40 no higher, in the same time.
const searchGCPercent = 40

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// parse parses every content file, in parallel, taking unchanged files
// from the cache, and drops the bytes of each file it parses (but the
// config's). It returns the files in input order and how many it parsed
// afresh; or false when a file it must parse has no bytes left.
func (b *Builder) parse(ctx context.Context, files []source.File, unsafe bool) ([]*handbook.Parsed, int, bool) {
	md := b.md[unsafe]
	if md == nil {
		md = markdown.NewWith(markdown.Options{Unsafe: unsafe, Code: b.opts.Code, HighlightTimeout: b.opts.HighlightTimeout})
		b.md[unsafe] = md
	}
	out := make([]*handbook.Parsed, len(files))
	keys := make([]cacheKey, len(files))
	var todo []int
	for i, f := range files {
		keys[i] = cacheKey{path: f.Path, sum: f.Sum, unsafe: unsafe}
		if p, ok := b.parsed[keys[i]]; ok {
			out[i] = p
		} else if f.Data == nil && !f.Static {
			return nil, 0, false
		} else {
			todo = append(todo, i)
		}
	}
	g, _ := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	timeout := b.parseTimeout()
	timedOut := make([]bool, len(files))
	for _, i := range todo {
		g.Go(func() error {
			out[i], timedOut[i] = parseWithin(files[i], md, timeout)
			if files[i].Path != config.File {
				// The parse holds copies of all it needs: drop the bytes now,
				// not after every file is parsed, so a big handbook's sources
				// and parses are not all held at once.
				files[i].Data = nil
			}
			return nil
		})
	}
	_ = g.Wait()
	// Keep only what this build used, so the cache does not grow with every
	// edit; a parse that ran out of time, or whose highlighting did, is
	// tried again next build.
	next := make(map[cacheKey]*handbook.Parsed, len(files))
	for i, k := range keys {
		if !timedOut[i] && !out[i].Transient() {
			next[k] = out[i]
		}
	}
	b.parsed = next
	return out, len(todo), true
}

// keepTree keeps tree for the next Rebuild, without the content files'
// bytes (but the config's): the parsed files hold all they need.
func (b *Builder) keepTree(tree source.Tree) {
	for i := range tree.Content {
		if tree.Content[i].Path != config.File {
			tree.Content[i].Data = nil
		}
	}
	b.tree, b.loaded = tree, true
}

// parseTimeout bounds the parse of one file.
func (b *Builder) parseTimeout() time.Duration {
	if b.opts.ParseTimeout == 0 {
		return 30 * time.Second
	}
	return b.opts.ParseTimeout
}

// ownLayouts reports whether the site's layouts change the default theme:
// a site whose layouts/ only repeats it (baton's own repository, whose
// layouts/ is the default theme) renders and rebuilds as one without.
func (b *Builder) ownLayouts(site []source.File) bool {
	for _, f := range site {
		def, ok := b.opts.Theme[strings.TrimPrefix(f.Path, "layouts/")]
		if !ok || !bytes.Equal(def, f.Data) {
			return true
		}
	}
	return false
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
//
// With lazy, the job that shows every page's body is not rendered: its
// File renders it when first read.
//
// Rendering stops, jobs not yet begun left undone, when ctx ends (the
// build is interrupted) or the sink fails to write (publish.WriteError: a
// full disk): the one diagnostic is then the cause, not one per page.
func renderAll(ctx context.Context, jobs []render.Job, progress func(done, total int), sink Sink, cache *outputCache, lazy bool) ([]publish.File, diag.List) {
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	halt := func(err error) error {
		var we *publish.WriteError
		if errors.As(err, &we) {
			stop(we)
		}
		return err
	}
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
	// The job that shows every page's body (the print view) is the
	// longest by far, and one goroutine runs it: start it first, so the
	// others render the pages meanwhile. Started last, it ran alone for
	// its last 0.75 s at 10,000 pages, half the machine idle.
	order := make([]int, 0, len(jobs))
	for i, j := range jobs {
		if j.Bodies {
			order = append(order, i)
		}
	}
	for i, j := range jobs {
		if !j.Bodies {
			order = append(order, i)
		}
	}
	for _, i := range order {
		j := jobs[i]
		if lazy && j.Bodies {
			files[i] = lazyFile(j)
			report()
			continue
		}
		if sink != nil && j.Bodies {
			g.Go(func() error {
				defer report()
				if ctx.Err() == nil {
					errs[i] = halt(sink.WriteStream(j.Path, j.Run))
				}
				return nil
			})
			continue
		}
		g.Go(func() error {
			defer report()
			if ctx.Err() != nil {
				return nil
			}
			if sink != nil {
				errs[i] = run(j, func(data []byte) error {
					if err := sink.Write(publish.File{Path: j.Path, Data: data}); err != nil {
						return fmt.Errorf("writing: %w", halt(err))
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
	if ctx.Err() != nil {
		diags.Errorf(diag.Pos{}, "%v", context.Cause(ctx))
		return files, diags
	}
	for i, err := range errs {
		var pe *render.PanicError
		switch {
		case err == nil:
		case errors.As(err, &pe):
			diags.Errorf(diag.Pos{File: pe.File}, "internal error rendering %s: %v (a bug in baton: please report it)", pe.Path, pe.Value)
		default:
			diags.Errorf(templatePos(err), "rendering %s: %v", jobs[i].Path, err)
		}
	}
	return files, diags
}

// lazyFile is a job's File that renders the job when first read.
func lazyFile(j render.Job) publish.File {
	return publish.File{Path: j.Path, Lazy: publish.Once(func() ([]byte, error) {
		var buf bytes.Buffer
		if err := j.Run(&buf); err != nil {
			return nil, fmt.Errorf("rendering %s: %w", j.Path, err)
		}
		return buf.Bytes(), nil
	})}
}

// templatePos finds the theme file, line and column of a template error,
// which text/template gives only in its text ("template: layouts/x.html:3:11:
// executing ..."), falling back to the layouts folder. Of an error that
// wraps another (a partial printed with cached), it takes the innermost:
// the line that failed.
func templatePos(err error) diag.Pos {
	msg := err.Error()
	i := strings.LastIndex(msg, "template: layouts/")
	if i < 0 {
		return diag.Pos{File: "layouts"}
	}
	rest := msg[i+len("template: "):]
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

// patch rebuilds from tree by patching the last build, when every change
// since it is to page bodies that handbook.Patch takes. It reports false
// when a full build is needed, having changed nothing that build relies
// on (files it parsed stay in the parse cache).
func (b *Builder) patch(ctx context.Context, tree source.Tree) (res *Result, diags diag.List, ok bool, parsed int) {
	l, old := b.last, b.tree
	if l == nil || l.transient || b.ownLayouts(tree.Layouts) || len(tree.Content) != len(old.Content) ||
		!slices.EqualFunc(tree.Layouts, old.Layouts, func(a, b source.File) bool { return a.Path == b.Path && a.Sum == b.Sum }) ||
		!slices.EqualFunc(tree.TooLarge, old.TooLarge, func(a, b source.File) bool { return a.Path == b.Path }) ||
		!slices.Equal(tree.Skipped, old.Skipped) {
		return nil, nil, false, parsed
	}
	var edited []source.File
	var oldSums [][32]byte
	for i, f := range tree.Content {
		o := old.Content[i]
		if f.Path != o.Path || f.Static != o.Static {
			return nil, nil, false, parsed
		}
		if f.Sum != o.Sum {
			if f.Static || f.Data == nil || handbook.Classify(f) != handbook.KindPage {
				return nil, nil, false, parsed
			}
			edited = append(edited, f)
			oldSums = append(oldSums, o.Sum)
		}
	}
	dates := l.dates
	if b.opts.Dates != nil {
		paths := make([]string, len(tree.Content))
		for i, f := range tree.Content {
			paths[i] = f.Path
		}
		if dates = b.opts.Dates(paths); !maps.Equal(dates, l.dates) {
			return nil, nil, false, parsed
		}
	}
	unsafe := l.site.Config.UnsafeHTML
	md := b.md[unsafe]
	timeout := b.parseTimeout()
	olds := make([]*handbook.Parsed, len(edited))
	news := make([]*handbook.Parsed, len(edited))
	for i, f := range edited {
		k := cacheKey{path: f.Path, sum: f.Sum, unsafe: unsafe}
		p, ok := b.parsed[k]
		if !ok {
			// A parse that ran out of time is kept too, with its error: the
			// full build that follows takes it instead of waiting again.
			var timedOut bool
			p, timedOut = parseWithin(f, md, timeout)
			b.parsed[k] = p
			parsed++
			if timedOut {
				return nil, nil, false, parsed
			}
		}
		olds[i], news[i] = l.parsed[f.Path], p
		if olds[i] == nil {
			return nil, nil, false, parsed
		}
	}
	if !handbook.Patch(l.site, olds, news) {
		return nil, nil, false, parsed
	}
	// From here the last build is being changed: it stays valid only if
	// all goes well.
	b.last = nil
	b.keepTree(tree)
	files := map[string]bool{}
	for i, p := range news {
		l.parsed[p.File] = p
		files[p.File] = true
		// The old version is parsed no more: keep the cache to what is used.
		delete(b.parsed, cacheKey{path: p.File, sum: oldSums[i], unsafe: unsafe})
	}
	site := l.site
	pages := make(map[*handbook.Page]bool, len(news))
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
			out[l.at[f.Path]] = publish.File{Path: f.Path, Data: f.Data}
		}
	}
	var todo []render.Job
	for _, j := range b.renderer.Jobs(site) {
		switch {
		case j.Bodies && b.opts.Lazy:
			out[l.at[j.Path]] = lazyFile(j)
		case j.Bodies || pages[j.Page]:
			todo = append(todo, j)
		}
	}
	cache := &outputCache{seed: b.seed, prev: b.outputs, next: map[string]output{}}
	rendered, diags := renderAll(ctx, todo, nil, nil, cache, false)
	if diags.HasErrors() {
		b.outputs = nil
		return nil, diags.Sort(), true, parsed
	}
	if b.outputs == nil {
		b.outputs = map[string]output{}
	}
	maps.Copy(b.outputs, cache.next)
	for _, f := range rendered {
		out[l.at[f.Path]] = f
	}
	if reshaped {
		// The search index's files are not the same set as before: list
		// the outputs anew.
		out = slices.DeleteFunc(out, func(f publish.File) bool { return strings.HasPrefix(f.Path, search.Dir+"/") })
		for _, f := range l.index.Files() {
			out = append(out, publish.File{Path: f.Path, Data: f.Data})
		}
		slices.SortFunc(out, func(a, b publish.File) int { return strings.Compare(a.Path, b.Path) })
		l.at = indexPaths(out)
	}
	l.files, l.dates = out, dates
	b.last = l
	return &Result{Site: site, Files: out, Parsed: parsed, Reused: len(out) - len(rendered), Patched: true}, l.diags, true, parsed
}
