package build

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"slices"
	"time"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/include"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/source"
	"golang.org/x/sync/errgroup"
)

type cacheKey struct {
	path string
	sum  [32]byte
	how  how
	// terms is the glossary's Sum for a page, whose marks depend on it.
	terms [32]byte
}

// keyOf is the cache key of f's parse with the build's glossary.
func (b *Builder) keyOf(f source.File, h how) cacheKey {
	k := cacheKey{path: f.Path, sum: f.Sum, how: h}
	if handbook.IsPageFile(f.Path) {
		k.terms = b.terms.Sum()
	}
	return k
}

// how is what a parse depends on beyond a file's path and bytes: the
// site's settings for raw HTML and for reading pages written for other
// tools.
type how struct {
	unsafe  bool
	lenient bool
	// titles are callouts' own titles in the site's words, which a
	// prepared page holds: a change of language parses every page again.
	titles markdown.Titles
}

// howOf is how the site's settings ask files to be parsed.
func howOf(cfg config.Config) how {
	h := how{unsafe: cfg.UnsafeHTML, lenient: !cfg.Strict}
	if ui := cfg.UI; ui != nil {
		h.titles = markdown.Titles{Note: ui.T("callout.note"), Tip: ui.T("callout.tip"), Important: ui.T("callout.important"),
			Warning: ui.T("callout.warning"), Caution: ui.T("callout.caution")}
	}
	return h
}

// markdown is the Markdown renderer for h, made once.
func (b *Builder) markdown(h how) *markdown.Renderer {
	// MyST's syntax only in pages written for a MyST tool, never in a
	// handbook of baton's own (handbook.yaml).
	myst := h.lenient && b.opts.Layout.Kind.MyST()
	k := mdKey{h.unsafe, h.titles, myst}
	md := b.md[k]
	if md == nil {
		md = markdown.NewWith(markdown.Options{Unsafe: h.unsafe, Code: b.opts.Code, HighlightTimeout: b.opts.HighlightTimeout, Titles: h.titles, Spill: b.spill,
			WikiLinks: b.opts.Layout.WikiLinks, MyST: myst, Docs: b.opts.Docs})
		b.md[k] = md
	}
	return md
}

// mdKey is what a Markdown renderer is made for.
type mdKey struct {
	unsafe bool
	titles markdown.Titles
	myst   bool
}

// parse parses every content file, in parallel, taking unchanged files
// from the cache, and drops the bytes of each file it parses (but the
// config's). A file the load deferred is read on the goroutine that
// parses it, so a one-off build never holds every page's bytes. It
// returns the files in input order and how many it parsed afresh; or
// false when a file it must parse has no bytes left.
func (b *Builder) parse(ctx context.Context, fsys fs.FS, files []source.File, h how) ([]*handbook.Parsed, int, bool) {
	md := b.markdown(h)
	timeout := b.parseTimeout()
	first, ok := b.glossary(files, md, h, timeout)
	if !ok {
		return nil, 0, false
	}
	j := parseJob{b: b, fsys: fsys, files: files, h: h, md: md, timeout: timeout,
		out: make([]*handbook.Parsed, len(files)), keys: make([]cacheKey, len(files)),
		expanded: make([]*expansion, len(files)), fresh: make([]bool, len(files)), uncached: make([]bool, len(files))}
	var todo []int
	for i, f := range files {
		if f.Deferred {
			todo = append(todo, i)
			continue
		}
		if !j.lookup(i) {
			if f.Data == nil && !f.Static {
				return nil, 0, false
			}
			todo = append(todo, i)
		}
	}
	g, _ := errgroup.WithContext(ctx)
	// As many as render: a goroutine reading its page from the disk
	// leaves its core to another.
	g.SetLimit(renderers())
	for _, i := range todo {
		g.Go(func() error {
			j.run(i)
			return nil
		})
	}
	_ = g.Wait()
	// Keep only what this build used, so the cache does not grow with every
	// edit; a parse that ran out of time, or whose highlighting did, is
	// tried again next build.
	next := make(map[cacheKey]*handbook.Parsed, len(files))
	n := first
	b.includes = false
	for i, k := range j.keys {
		if !j.uncached[i] && !j.out[i].Transient() {
			next[k] = j.out[i]
		}
		if j.fresh[i] {
			n++
		}
		b.includes = b.includes || j.expanded[i] != nil
	}
	b.parsed = next
	return j.out, n, true
}

// parseJob is the parse stage's work on one list of files: each slot is
// written by the one goroutine that takes its file.
type parseJob struct {
	b       *Builder
	fsys    fs.FS
	files   []source.File
	h       how
	md      *markdown.Renderer
	timeout time.Duration

	out      []*handbook.Parsed
	keys     []cacheKey
	expanded []*expansion
	fresh    []bool // parsed, not taken from the cache
	uncached []bool // not to be cached: it ran out of time, or was not read
}

// lookup expands file i's includes, keys it, and takes its parse from the
// cache when it is there.
func (j *parseJob) lookup(i int) bool {
	f := j.files[i]
	if e := j.b.expand(j.fsys, f, j.h); e != nil {
		// The page with its includes is what is parsed, and cached.
		j.expanded[i], f = e, e.file
	}
	j.keys[i] = j.b.keyOf(f, j.h)
	p, ok := j.b.parsed[j.keys[i]]
	if ok {
		j.out[i] = p
	}
	return ok
}

// run parses file i, reading it first when the load deferred it.
func (j *parseJob) run(i int) {
	f := &j.files[i]
	if f.Deferred {
		if err := source.Read(j.fsys, f); err != nil {
			p := &handbook.Parsed{File: f.Path, Kind: handbook.Classify(*f), Size: f.Size}
			p.Diags.Errorf(diag.Pos{File: f.Path}, "reading it: %v", err)
			j.out[i], j.uncached[i] = p, true
			return
		}
		if j.lookup(i) {
			j.drop(i)
			return
		}
	}
	j.fresh[i] = true
	if e := j.expanded[i]; e != nil {
		j.out[i], j.uncached[i] = parseWithin(e.file, j.md, j.h, j.b.terms, j.timeout)
		j.out[i] = e.placed(j.out[i])
		return
	}
	j.out[i], j.uncached[i] = parseWithin(*f, j.md, j.h, j.b.terms, j.timeout)
	j.drop(i)
}

// drop lets go of file i's bytes once it is parsed, not after every file
// is, so a big handbook's sources and parses are not all held at once. The
// parse holds copies of all it needs; a page with includes keeps its bytes,
// since its includes may change, and so does the config.
func (j *parseJob) drop(i int) {
	if j.expanded[i] == nil && j.files[i].Path != config.File {
		j.files[i].Data = nil
	}
}

// glossary parses content/glossary.yaml, when there is one, before the
// pages, whose parses depend on its terms (Builder.terms), or takes it
// from the cache, where the pages' parse then finds it. It returns how
// many files it parsed, or false when the file's bytes are gone.
func (b *Builder) glossary(files []source.File, md *markdown.Renderer, h how, timeout time.Duration) (int, bool) {
	b.terms = nil
	i := slices.IndexFunc(files, func(f source.File) bool { return f.Path == handbook.GlossaryPath && !f.Static })
	if i < 0 {
		return 0, true
	}
	k := b.keyOf(files[i], h)
	p, ok := b.parsed[k]
	parsed := 0
	if !ok {
		if files[i].Data == nil {
			return 0, false
		}
		var timedOut bool
		p, timedOut = parseWithin(files[i], md, h, nil, timeout)
		if !timedOut {
			b.parsed[k] = p
			parsed = 1
		}
	}
	if p.Glossary != nil {
		b.terms = p.Glossary.Marks
	}
	return parsed, true
}

// parseWithin parses f, or gives up after timeout with a diagnostic. The
// parse goes on in the background until it ends (Go cannot stop it), but
// the build does not wait for it.
func parseWithin(f source.File, md *markdown.Renderer, h how, terms *markdown.Terms, timeout time.Duration) (*handbook.Parsed, bool) {
	done := make(chan *handbook.Parsed, 1)
	go func() { done <- handbook.ParseWith(f, md, handbook.ParseOptions{Lenient: h.lenient, Terms: terms}) }()
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

// keepTree keeps tree for the next Rebuild, without the content files'
// bytes (but the config's): the parsed files hold all they need.
func (b *Builder) keepTree(tree source.Tree) {
	for i := range tree.Content {
		// A page with includes keeps its bytes: it is expanded again
		// whenever the files it includes may have changed.
		if tree.Content[i].Path != config.File && !include.Has(tree.Content[i].Data) {
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

// parseAll is the parse stage: every content file parsed (parse). When a
// file to parse has no bytes left (they were dropped after an earlier
// build, and the HTML setting changed or a parse ran out of time) it reads
// everything again, and returns the tree it read. It returns nil parses
// when the sources cannot be read.
func (b *Builder) parseAll(ctx context.Context, fsys fs.FS, tree source.Tree, h how) ([]*handbook.Parsed, int, source.Tree, diag.List) {
	if parsed, n, ok := b.parse(ctx, fsys, tree.Content, h); ok {
		return parsed, n, tree, nil
	}
	tree, err := source.Load(fsys)
	if err != nil {
		var diags diag.List
		diags.Errorf(diag.Pos{}, "%v", err)
		return nil, 0, tree, diags
	}
	parsed, n, _ := b.parse(ctx, fsys, tree.Content, h)
	return parsed, n, tree, nil
}

// expansion is a page with its includes expanded (mdBook's {{#include}}).
type expansion struct {
	file  source.File // the page as parsed: its includes in its bytes
	lines include.LineMap
	diags diag.List
}

// expand expands the includes of f, a page, reading the files they name
// from the site's folder (Options.ReadSite, else through fsys); it returns
// nil for a file with none. Includes are resolved in the site's own paths
// (the page's, layout.Real), so a book can include a code example from
// beside its pages; what cannot be included is a warning in a handbook
// read leniently.
func (b *Builder) expand(fsys fs.FS, f source.File, h how) *expansion {
	if f.Data == nil || !handbook.IsPageFile(f.Path) || !include.Has(f.Data) {
		return nil
	}
	read := b.opts.ReadSite
	if read == nil {
		read = func(name string) ([]byte, error) {
			v, ok := b.opts.Layout.Virtual(name)
			if !ok {
				return nil, fs.ErrNotExist
			}
			return fs.ReadFile(fsys, v)
		}
	}
	limited := func(name string) ([]byte, error) {
		data, err := read(name)
		if err == nil && len(data) > source.MaxTextSize {
			err = fmt.Errorf("it is %d bytes; baton includes files up to %d bytes", len(data), source.MaxTextSize)
		}
		return data, err
	}
	data, lines, diags := include.Expand(b.opts.Layout.Real(f.Path), f.Data, limited)
	if h.lenient {
		for i := range diags {
			diags[i].Severity = diag.Warning
		}
	}
	ef := f
	ef.Data, ef.Sum = data, sha256.Sum256(data)
	return &expansion{file: ef, lines: lines, diags: diags}
}

// placed is p, parsed from the expanded page, with its positions placed
// in the files its lines come from, and the includes' own diagnostics.
func (e *expansion) placed(p *handbook.Parsed) *handbook.Parsed {
	q := *p
	q.Diags = slices.Clone(p.Diags)
	for i, d := range q.Diags {
		q.Diags[i].Pos = e.lines.Pos(d.Pos.File, d.Pos.Line, d.Pos.Col)
	}
	q.Diags = append(q.Diags, e.diags...)
	if p.Page != nil {
		pp := *p.Page
		pp.LinkPos = make([]diag.Pos, len(p.Page.LinkPos))
		for i, pos := range p.Page.LinkPos {
			pp.LinkPos[i] = e.lines.Pos(pos.File, pos.Line, pos.Col)
		}
		q.Page = &pp
	}
	return &q
}
