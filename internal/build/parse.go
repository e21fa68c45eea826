package build

import (
	"context"
	"io/fs"
	"runtime"
	"time"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/source"
	"golang.org/x/sync/errgroup"
)

type cacheKey struct {
	path   string
	sum    [32]byte
	unsafe bool
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

// parseAll is the parse stage: every content file parsed (parse). When a
// file to parse has no bytes left (they were dropped after an earlier
// build, and the HTML setting changed or a parse ran out of time) it reads
// everything again, and returns the tree it read. It returns nil parses
// when the sources cannot be read.
func (b *Builder) parseAll(ctx context.Context, fsys fs.FS, tree source.Tree, unsafe bool) ([]*handbook.Parsed, int, source.Tree, diag.List) {
	if parsed, n, ok := b.parse(ctx, tree.Content, unsafe); ok {
		return parsed, n, tree, nil
	}
	tree, err := source.Load(fsys)
	if err != nil {
		var diags diag.List
		diags.Errorf(diag.Pos{}, "%v", err)
		return nil, 0, tree, diags
	}
	parsed, n, _ := b.parse(ctx, tree.Content, unsafe)
	return parsed, n, tree, nil
}
