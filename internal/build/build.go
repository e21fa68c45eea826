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
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/publish"
	"github.com/batonhq/baton/internal/render"
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
}

// Result is a successful build.
type Result struct {
	Site  *handbook.Site
	Files []publish.File
	// Parsed counts the files parsed in this build (not taken from cache).
	Parsed int
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
}

type cacheKey struct {
	path   string
	sum    [32]byte
	unsafe bool
}

// New returns a Builder.
func New(opts Options) *Builder {
	return &Builder{opts: opts, parsed: map[cacheKey]*handbook.Parsed{}, md: map[bool]*markdown.Renderer{}}
}

// Build builds the site whose folder is fsys (holding content/ and,
// optionally, layouts/). Diagnostics are sorted; when they hold an error the
// Result is nil.
func (b *Builder) Build(ctx context.Context, fsys fs.FS) (*Result, diag.List) {
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
		diags.Errorf(diag.Pos{File: f.Path}, "file is %d bytes; baton reads Markdown and YAML files up to %d bytes", f.Size, source.MaxTextSize)
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
	site, rd := handbook.Resolve(cfg, parsed, handbook.Options{Drafts: b.opts.Drafts, Dates: dates})
	diags.Append(rd)
	diags = diags.Sort()
	if diags.HasErrors() || rdr == nil {
		return nil, diags
	}

	files, rendErr := renderAll(ctx, rdr, site)
	diags.Append(rendErr)
	if diags.HasErrors() {
		return nil, diags.Sort()
	}
	for _, s := range site.Static {
		files = append(files, publish.File{Path: strings.TrimPrefix(s.URL, "/"), From: s.File})
	}
	for _, a := range rdr.Assets() {
		files = append(files, publish.File{Path: "_baton/" + a.Name, Data: a.Data})
	}
	slices.SortStableFunc(files, func(a, b publish.File) int { return strings.Compare(a.Path, b.Path) })
	for i := 1; i < len(files); i++ {
		if files[i].Path == files[i-1].Path {
			what := func(f publish.File) string {
				if f.From != "" {
					return f.From
				}
				return "a generated page"
			}
			diags.Errorf(diag.Pos{File: firstNonEmpty(files[i].From, files[i-1].From)}, "%s and %s both write %s", what(files[i-1]), what(files[i]), files[i].Path)
		}
	}
	if diags.HasErrors() {
		return nil, diags.Sort()
	}
	return &Result{Site: site, Files: files, Parsed: n}, diags.Sort()
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
	for _, i := range todo {
		g.Go(func() error {
			out[i] = handbook.Parse(files[i], md)
			return nil
		})
	}
	_ = g.Wait()
	// Keep only what this build used, so the cache does not grow with every
	// edit.
	next := make(map[cacheKey]*handbook.Parsed, len(files))
	for i, k := range keys {
		next[k] = out[i]
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
// slots so the order never depends on scheduling.
func renderAll(ctx context.Context, r *render.Renderer, site *handbook.Site) ([]publish.File, diag.List) {
	jobs := r.Jobs(site)
	files := make([]publish.File, len(jobs))
	errs := make([]error, len(jobs))
	g, _ := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, j := range jobs {
		g.Go(func() error {
			var buf bytes.Buffer
			if err := j.Run(&buf); err != nil {
				errs[i] = err
				return nil
			}
			files[i] = publish.File{Path: j.Path, Data: buf.Bytes()}
			return nil
		})
	}
	_ = g.Wait()
	var diags diag.List
	for i, err := range errs {
		if err != nil {
			diags.Errorf(diag.Pos{File: "layouts"}, "rendering %s: %v", jobs[i].Path, err)
		}
	}
	return files, diags
}
