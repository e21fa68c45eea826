// Package build is the one orchestrator of a build. A build runs these
// stages in order, each a function that returns its value and its
// diagnostics, and stops after the first that leaves an error:
//
//	load      source.Load         the site folder → the files (source.Tree)
//	settings  settings            handbook.yaml and --base-url → config.Config
//	parse     (*Builder).parse    each content file → handbook.Parsed, on all cores
//	theme     (*Builder).theme    layouts/ over the default theme → render.Renderer
//	resolve   handbook.Resolve    every Parsed → the handbook.Site
//	plan      plan                the Site → every output path (pages to render,
//	                              static files, theme assets, the search index)
//	                              checked for clashes, before anything is written
//	emit      (*run).emit         render every page into the sink, on all cores
//
// A Sink takes the output files as they are made: a publish.Tx for `baton
// build`, or memory for `check`, the dev server and tests (Build, Rebuild).
// The package owns every goroutine of a build: the ones it starts here,
// and those search.Stream and markdown start for it.
//
// A Builder keeps per-file caches between builds: a source file whose bytes
// did not change is not parsed again, a theme that did not change is not
// parsed again, and in memory a page whose inputs did not change is not
// rendered again. Results never depend on what was cached: the output of a
// Builder equals that of a fresh one for the same sources. Rebuild may
// patch the last build instead (patch.go), or, after an edit of pages that
// other pages show, resolve the site again and bring only the last
// build's search documents and page views that could show the edit up to
// date (since.go).
package build

import (
	"context"
	"hash/maphash"
	"io"
	"io/fs"
	"path"
	"slices"
	"sync"
	"time"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/gitdate"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/layout"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/render"
	"github.com/batonhq/baton/internal/search"
	"github.com/batonhq/baton/internal/source"
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
	// Renames lists the source files git saw renamed, newest first, with
	// the site's own paths; nil means none.
	Renames func() []gitdate.Rename
	// Today is the Unix time of the day reviews fall due against, 0 for
	// none; Stale reports what is due as warnings (check --stale).
	Today int64
	Stale bool
	// Changes lists the newest changes to source files in git's history,
	// newest first, with the site's own paths; nil means none.
	Changes func() []gitdate.Change
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
	// Docs, when set, gives the pages an earlier run prepared from the
	// same bytes with the same settings and glossary, and keeps those this
	// build prepares (markdown.DocCache).
	Docs *markdown.DocCache
	// Words, when set, gives the search index the words of documents an
	// earlier run listed, and keeps those of this build (search.WordCache).
	Words *search.WordCache
	// Pages, when set, gives a one-off build (BuildTo) the bytes of the
	// pages an earlier run rendered from the same views with the same
	// theme, and keeps those this build renders (buildcache.Pages).
	Pages PageStore
	// Layout is how the site is laid out (layout.Detect), when it is read
	// through its layout.FS: diagnostics name the site's own paths, and a
	// site without handbook.yaml takes the layout's title. The zero value
	// is a baton handbook.
	Layout layout.Layout
	// ReadSite reads a file of the site's folder by its slash path there,
	// for includes ({{#include}}), which may name files outside the
	// folder of pages; nil reads through the build's fs.FS.
	ReadSite func(name string) ([]byte, error)
	// Lazy leaves the print view, the largest page by far, and the files
	// no page loads (render.Job.OnDemand: handbook.json, as large at
	// 10,000 pages) to be rendered when their File is first read
	// (render.File.Lazy) in builds held in memory: what the dev server
	// wants.
	Lazy bool
	// ScratchDir, when set, is a folder on the output's disk where
	// BuildTo keeps the pages' prepared HTML and text out of memory until
	// they are rendered and indexed (markdown.Spill), so a one-off build's
	// memory does not grow with the site. Nothing is left in it.
	ScratchDir string
	// OwnProcess says the build is all its process does (`baton build`),
	// so BuildTo may set the process's GOGC and soft memory limit while it
	// runs (gcBudget): they are the process's, and a second build beside
	// it could put back values that no longer fit.
	OwnProcess bool
}

// Result is a successful build.
type Result struct {
	Site  *handbook.Site
	Files []render.File
	// Parsed counts the files parsed in this build (not taken from cache).
	Parsed int
	// Reused counts the output files taken unchanged from the last build
	// because their inputs did not change. Their Data is shared with the
	// last Result: no one may change a File's Data.
	Reused int
	// Patched reports that Rebuild patched the last build (only page
	// bodies changed) instead of building in full.
	Patched bool
	// Keyed counts the Markdown pages whose views were made to compare
	// their keys (render.Job.Key) with the last build's outputs. After an
	// edit of pages alone, a rebuild makes only the views that could show
	// what changed (follows.staleViews) and reuses the others' outputs as
	// they are. The views of data of the other kinds' pages (a tag's, a
	// responsibility's: one each) are made in every rebuild, and not
	// counted.
	Keyed int
	// Indexed counts the pages indexed for search: every page when the
	// index is made afresh, and only those whose documents changed when
	// a rebuild in memory updates the last build's (search.Index.Stale).
	Indexed int

	// linkPos holds, by page file, where each of the page's links is
	// written (see LinkPos).
	linkPos map[string][]diag.Pos
	// langs, in a multilingual handbook, are each language's Result, the
	// default's first (see Languages).
	langs []*Result
}

// Languages is the Result of each language's site of a multilingual
// handbook, the default's first, or r alone: what checks every page (the
// links of each, LinkPos) ranges over.
func (r *Result) Languages() []*Result {
	if r.langs == nil {
		return []*Result{r}
	}
	return r.langs
}

// LinkPos gives the place each link of page p is written, in the order of
// its Hrefs (r.Site.Body): in the page, or in the file it includes that holds the link,
// named as the site names it (docs/x.md in a MkDocs site), as diagnostics
// are. It is nil for a page of no file, and for every page of a Result
// that Rebuild patched.
func (r *Result) LinkPos(p *handbook.Page) []diag.Pos {
	return r.linkPos[p.File]
}

// Builder builds one site again and again, reusing what did not change.
type Builder struct {
	opts Options

	mu        sync.Mutex
	parsed    map[cacheKey]*handbook.Parsed
	md        map[mdKey]*markdown.Renderer
	spill     *markdown.Spill
	themeSum  [32]byte
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
	// includes is set when a page of the last build has includes: a
	// rebuild then never patches, since what a page includes may change
	// without the page.
	includes bool
	// last is the last build held in memory, when it succeeded with the
	// default theme: what Rebuild patches when only page bodies changed.
	last *lastBuild
	// budget is set while BuildTo runs under gcBudget, which then alone
	// sets how the collector runs (tuneGC leaves it be).
	budget *gcBudgeter
	// terms are the glossary's of the last parse, which pages are marked
	// with (nil: no glossary); parse sets them before the pages parse.
	terms *markdown.Terms
	// lang is the language this Builder builds the site of, in a
	// multilingual handbook: set on the Builders langs holds.
	lang string
	// langs is set while the site is a multilingual handbook: a Builder
	// per language (languages.go).
	langs *languages
}

// New returns a Builder.
func New(opts Options) *Builder {
	return &Builder{opts: opts, parsed: map[cacheKey]*handbook.Parsed{}, md: map[mdKey]*markdown.Renderer{}, seed: maphash.MakeSeed(), words: search.NewCache()}
}

// Build builds the site whose folder is fsys (holding content/ and,
// optionally, layouts/). Diagnostics are sorted; when they hold an error the
// Result is nil.
func (b *Builder) Build(ctx context.Context, fsys fs.FS) (*Result, diag.List) {
	b.mu.Lock()
	defer b.mu.Unlock()
	res, diags := b.load(ctx, fsys, nil)
	return res, b.real(diags)
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
	if b.opts.ScratchDir != "" && b.spill == nil && len(b.md) == 0 {
		// Without a scratch file (a folder that cannot take one) the
		// pages stay in memory: slower to nothing, only larger.
		b.spill, _ = markdown.NewSpill(b.opts.ScratchDir)
	}
	if budgeted(b.opts) {
		b.budget = gcBudget()
		defer b.budget.stop()
		defer func() { b.budget = nil }()
	}
	res, diags := b.load(ctx, fsys, sink)
	return res, b.real(diags)
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
	res, diags := b.rebuild(ctx, fsys, changed)
	return res, b.real(diags)
}

func (b *Builder) rebuild(ctx context.Context, fsys fs.FS, changed []string) (*Result, diag.List) {
	if b.langs != nil {
		return b.rebuildLanguages(ctx, fsys, changed)
	}
	if _, ok := b.multilingual(fsys); ok && slices.Contains(changed, config.File) {
		// handbook.yaml now lists languages: the site is read anew, a
		// language from each folder.
		return b.load(ctx, fsys, nil)
	}
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
	from := follows{last: b.last}
	changes, dates, pagesOnly := b.patchable(tree)
	parsed := 0
	if pagesOnly {
		res, diags, ok, n := b.patch(ctx, tree, changes, dates)
		if ok {
			return res, diags
		}
		parsed, from.pagesOnly = n, true
	}
	// Files the patch parsed before it gave up are in the parse cache.
	res, diags := b.build(ctx, fsys, tree, nil, from)
	if res != nil {
		res.Parsed += parsed
	}
	return res, diags
}

// load reads every source and builds.
func (b *Builder) load(ctx context.Context, fsys fs.FS, sink Sink) (*Result, diag.List) {
	if cfg, ok := b.multilingual(fsys); ok {
		return b.buildLanguages(ctx, fsys, cfg, nil, sink)
	}
	b.langs = nil
	tree, err := loadTree(fsys, sink != nil)
	if err != nil {
		var diags diag.List
		diags.Errorf(diag.Pos{}, "%v", err)
		b.loaded, b.last = false, nil
		return nil, diags
	}
	b.budget.sized(pageFiles(tree))
	return b.build(ctx, fsys, tree, sink, follows{})
}

// pageFiles counts the pages among a tree's files.
func pageFiles(t source.Tree) int {
	n := 0
	for _, f := range t.Content {
		if handbook.IsPageFile(f.Path) {
			n++
		}
	}
	return n
}

// loadTree is the load stage. A build that writes as it goes (oneOff:
// `baton build`) leaves the pages unread for the parse stage to read one
// by one (source.LoadDeferring); one that keeps its sources for the next
// Rebuild reads them all.
func loadTree(fsys fs.FS, oneOff bool) (source.Tree, error) {
	if !oneOff {
		return source.Load(fsys)
	}
	return source.LoadDeferring(fsys, handbook.IsPageFile)
}

// Sink takes the output files of a build as they are made: a publish.Tx.
// Both methods may be called from several goroutines at once.
type Sink interface {
	Write(render.File) error
	// WriteStream writes a file as write produces it, for the print view,
	// which is too large to hold whole.
	WriteStream(path string, write func(io.Writer) error) error
}

// run is one build: what its stages share.
type run struct {
	b    *Builder
	sink Sink
	// mem is the sink when the files are kept in memory (Build, Rebuild).
	mem *memory
	// keep marks the dev server's build (in memory): it keeps the search
	// index and the rendered pages for the next Rebuild to reuse, and
	// leaves the print view to be rendered when it is first read, when
	// Options.Lazy says so.
	keep bool
	// written lists the search index's files, which go to the sink before
	// the plan is checked (the transaction is dropped whole on a clash).
	searchIndex *search.Index
	// gc is set while a one-off build runs with a lower GOGC (tuneGC).
	gc bool
	// from is the last build a rebuild in memory follows; stale, the
	// pages whose views may differ from their views in it (nil: any
	// page's may).
	from  follows
	stale map[*handbook.Page]bool
	// reused, keyed and indexed are the Result's Reused, Keyed and
	// Indexed.
	reused, keyed, indexed int

	bufs sync.Pool // render buffers
}

// build runs the stages on tree. With a nil sink the files are kept in
// memory and returned in the Result. A rebuild in memory follows the last
// build (from), whose search index and rendered pages it may bring up to
// date rather than make again.
func (b *Builder) build(ctx context.Context, fsys fs.FS, tree source.Tree, sink Sink, from follows) (*Result, diag.List) {
	rs, diags := b.resolve(ctx, fsys, tree, sink)
	if rs == nil {
		return nil, diags
	}
	if rs.r.keep {
		rs.r.from = from
	}
	return rs.finish(ctx)
}

// resolved is a build that has run its stages up to resolve without an
// error: what plan and emit take. A multilingual handbook resolves every
// language before any renders (languages.go).
type resolved struct {
	r      *run
	site   *handbook.Site
	rdr    *render.Renderer
	parsed []*handbook.Parsed
	dates  map[string]int64
	n      int
	diags  diag.List
}

// resolve runs the stages up to resolve on tree; it returns nil and the
// diagnostics when they hold an error.
func (b *Builder) resolve(ctx context.Context, fsys fs.FS, tree source.Tree, sink Sink) (*resolved, diag.List) {
	b.last = nil
	b.tree, b.loaded = source.Tree{}, false
	r := &run{b: b, sink: sink}
	if sink == nil {
		r.mem = &memory{}
		r.sink = r.mem
	}
	diags := treeDiagnostics(tree, b.opts.Layout)
	if len(tree.Content) == 0 {
		return nil, diags
	}
	cfg, d := b.settings(tree)
	diags.Append(d)
	parsed, n, tree, d := b.parseAll(ctx, fsys, tree, howOf(cfg))
	diags.Append(d)
	if parsed == nil {
		return nil, diags.Sort()
	}
	if r.mem == nil && r.b.budget == nil {
		releaseMemory()
	}
	rdr, d := b.theme(tree.Layouts)
	diags.Append(d)
	dates := b.dates(tree)
	r.keep = r.mem != nil
	// The parsed files hold copies of all they need: drop the sources'
	// bytes, the largest thing a build of a big handbook would otherwise
	// keep to the end. Rebuild reads again the files that change.
	b.keepTree(tree)
	footer, d := b.footer(cfg)
	diags.Append(d)
	site, d := handbook.Resolve(cfg, parsed, handbook.Options{Drafts: b.opts.Drafts, LinkOnAllCores: true, Dates: dates, Show: b.opts.Layout.Real, Nav: navOrder(b.opts.Layout), NavTree: navTree(b.opts.Layout.Nav),
		Moves: moves(b.opts.Layout), Renames: b.renames(), Changes: b.changes(), Today: b.opts.Today, Stale: b.opts.Stale, Footer: footer, Virtual: b.virtual(),
		NumberPrefixes: b.opts.Layout.NumberPrefixes, Docusaurus: b.opts.Layout.Kind == layout.Docusaurus, Folders: folders(b.opts.Layout), Home: home(b.opts.Layout), URLFirst: b.opts.Layout.Kind.PublishesFolders(),
		Permalinks: b.opts.Layout.Kind.Permalinks(), FolderURLs: folderURLs(b.opts.Layout), URLPrefixes: []string{b.opts.Layout.BaseURL, b.opts.Layout.RootURL}, LinkRoot: linkRoot(b.opts.Layout)})
	diags.Append(d)
	if diags.HasErrors() || rdr == nil {
		if rdr != nil {
			// Files that would overwrite each other are reported with
			// the other errors, not only once those are fixed.
			diags.Append(clashes(outputPaths(site, rdr)))
		}
		return nil, diags.Sort()
	}
	return &resolved{r: r, site: site, rdr: rdr, parsed: parsed, dates: dates, n: n, diags: diags}, nil
}

// virtual is how the resolver follows relative links from a page's place
// in the site folder, in one language of a multilingual handbook.
func (b *Builder) virtual() func(string) (string, bool) {
	if b.lang == "" {
		return nil
	}
	return b.opts.Layout.Virtual
}

// finish plans and emits a resolved build.
func (rs *resolved) finish(ctx context.Context) (*Result, diag.List) {
	r, diags := rs.r, rs.diags
	defer r.tuneGC()()
	r.stale = r.from.staleViews(rs.site, r.b.outputsBy == rs.rdr)
	p, d := r.plan(rs.site, rs.rdr)
	diags.Append(d)
	if diags.HasErrors() {
		return nil, diags.Sort()
	}
	diags.Append(r.emit(ctx, p))
	if diags.HasErrors() {
		return nil, diags.Sort()
	}
	return r.result(rs.site, p, rs.parsed, rs.dates, rs.n, diags.Sort()), diags.Sort()
}

// treeDiagnostics reports what the load stage could not read.
func treeDiagnostics(tree source.Tree, l layout.Layout) diag.List {
	var diags diag.List
	switch {
	case len(tree.Content) > 0:
	case l.Root == "" || l.Root == "content":
		diags.Errorf(diag.Pos{File: "content"}, "no content: a handbook needs a content/ folder with Markdown or YAML files")
	default:
		diags.Errorf(diag.Pos{File: l.Root}, "no pages: %s holds no Markdown files", l.Root)
	}
	// The problems of the layout's own files (mkdocs.yml, SUMMARY.md,
	// .gitbook.yaml), which Detect read.
	diags.Append(l.Diags)
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
	return diags
}

// settings is the configuration of the site this Builder builds: of its
// language's site in a multilingual handbook.
func (b *Builder) settings(tree source.Tree) (config.Config, diag.List) {
	cfg, diags := settings(tree, b.opts.BaseURL, b.opts.Layout.Title)
	if b.lang == "" || diags.HasErrors() {
		return cfg, diags
	}
	i := slices.IndexFunc(cfg.Languages, func(l config.Language) bool { return l.Code == b.lang })
	if i < 0 || !cfg.Multilingual() {
		diags.Errorf(cfg.Pos, "languages: %s is no longer listed", b.lang)
		return cfg, diags
	}
	return cfg.ForLanguage(i), diags
}

// settings reads handbook.yaml, or takes the defaults without one, and
// applies --base-url.
func settings(tree source.Tree, baseURL, title string) (config.Config, diag.List) {
	cfg := config.Default()
	cfg.Title = title
	var diags diag.List
	if i := slices.IndexFunc(tree.Content, func(f source.File) bool { return f.Path == config.File }); i >= 0 {
		cfg, diags = config.Decode(tree.Content[i].Data)
	}
	if baseURL != "" {
		u, msg := config.CheckBaseURL(baseURL)
		if msg != "" {
			diags.Errorf(diag.Pos{}, "--base-url %s", msg)
		}
		cfg.BaseURL = u
	}
	return cfg, diags
}

// dates asks for the last commit time of every content file.
func (b *Builder) dates(tree source.Tree) map[string]int64 {
	if b.opts.Dates == nil {
		return nil
	}
	paths := make([]string, len(tree.Content))
	for i, f := range tree.Content {
		paths[i] = b.opts.Layout.Real(f.Path)
	}
	real := b.opts.Dates(paths)
	dates := make(map[string]int64, len(real))
	for i, f := range tree.Content {
		if d, ok := real[paths[i]]; ok {
			dates[f.Path] = d
		}
	}
	return dates
}

// real names the site's own files in diagnostics, where the build read
// them through the layout (Options.Layout).
func (b *Builder) real(diags diag.List) diag.List {
	if b.opts.Layout.Root == "" || b.opts.Layout.Root == "content" {
		return diags
	}
	out := slices.Clone(diags)
	for i := range out {
		out[i].Pos.File = b.opts.Layout.Real(out[i].Pos.File)
	}
	return out
}

// result is what a build that succeeded returns, and keeps for the next.
func (r *run) result(site *handbook.Site, p plan, parsed []*handbook.Parsed, dates map[string]int64, n int, diags diag.List) *Result {
	linkPos := r.b.linkPos(parsed)
	if r.mem == nil {
		// Written to the sink: the paths, without their bytes.
		return &Result{Site: site, Files: p.all, Parsed: n, Indexed: r.indexed, linkPos: linkPos}
	}
	files := r.mem.sorted()
	res := &Result{Site: site, Files: files, Parsed: n, Reused: r.reused, Keyed: r.keyed, Indexed: r.indexed, linkPos: linkPos}
	if r.keep {
		r.b.last = newLastBuild(site, parsed, diags, dates, r.searchIndex, files)
	}
	return res
}

// linkPos maps each parsed page's file to its links' positions, named as
// the site names its files.
func (b *Builder) linkPos(parsed []*handbook.Parsed) map[string][]diag.Pos {
	m := make(map[string][]diag.Pos)
	for _, f := range parsed {
		if f == nil || f.Page == nil {
			continue
		}
		pos := f.Page.LinkPos
		if b.opts.Layout.Root != "" && b.opts.Layout.Root != "content" {
			pos = slices.Clone(pos)
			for i := range pos {
				pos[i].File = b.opts.Layout.Real(pos[i].File)
			}
		}
		m[f.File] = pos
	}
	return m
}

// footer is handbook.yaml's theme footer, Markdown, prepared as a page's
// body is, or nil.
func (b *Builder) footer(cfg config.Config) (*markdown.Doc, diag.List) {
	f := cfg.Look.Footer
	if f.Value == "" {
		return nil, nil
	}
	doc, err := b.markdown(howOf(cfg)).Prepare([]byte(f.Value))
	if err != nil {
		var diags diag.List
		diags.Errorf(f.Pos, "theme footer: cannot render its Markdown: %v", err)
		return nil, diags
	}
	return doc, nil
}

// renames are git's renames of files the build reads, as it reads them.
func (b *Builder) renames() []handbook.Rename {
	if b.opts.Renames == nil {
		return nil
	}
	var out []handbook.Rename
	for _, rn := range b.opts.Renames() {
		old, ok1 := b.opts.Layout.Virtual(rn.Old)
		nu, ok2 := b.opts.Layout.Virtual(rn.New)
		if ok1 && ok2 {
			out = append(out, handbook.Rename{Old: old, New: nu})
		}
	}
	return out
}

// changes are git's newest changes to files the build reads, as it reads
// them.
func (b *Builder) changes() []handbook.Change {
	if b.opts.Changes == nil {
		return nil
	}
	var out []handbook.Change
	for _, c := range b.opts.Changes() {
		if file, ok := b.opts.Layout.Virtual(c.File); ok {
			out = append(out, handbook.Change{File: file, When: c.When, Commit: c.Commit, Subject: c.Subject})
		}
	}
	return out
}

// moves are the layout's redirects, for the resolver.
func moves(l layout.Layout) []handbook.Move {
	out := make([]handbook.Move, len(l.Redirects))
	for i, r := range l.Redirects {
		out[i] = handbook.Move{From: r.From, To: r.To, Pos: r.Pos}
	}
	return out
}

// folderURLs are the layout's FolderURLs, by the paths the build reads
// the folders as.
func folderURLs(l layout.Layout) map[string]string {
	if len(l.FolderURLs) == 0 {
		return nil
	}
	urls := make(map[string]string, len(l.FolderURLs))
	for dir, u := range l.FolderURLs {
		urls[path.Join("content", dir)] = u
	}
	return urls
}

// linkRoot is the source path of the layout's LinkRoot, or "".
func linkRoot(l layout.Layout) string {
	if l.LinkRoot == "" {
		return ""
	}
	return path.Join("content", l.LinkRoot)
}

// home is the source path of the layout's home page, or "".
func home(l layout.Layout) string {
	if l.Home == "" {
		return ""
	}
	return path.Join("content", l.Home)
}

// navOrder is the order and titles of the layout's navigation file, by
// the paths the build reads the pages as; nil when there is none.
func navOrder(l layout.Layout) map[string]handbook.NavEntry {
	if len(l.Nav) == 0 {
		return nil
	}
	order := map[string]handbook.NavEntry{}
	var walk func([]layout.Entry)
	walk = func(entries []layout.Entry) {
		for _, e := range entries {
			if e.Path != "" {
				p := path.Join("content", e.Path)
				if _, seen := order[p]; !seen {
					order[p] = handbook.NavEntry{Order: len(order) + 1, Title: e.Title}
				}
			}
			walk(e.Children)
		}
	}
	walk(l.Nav)
	return order
}

// folders is what the layout's settings say of its folders, by the paths
// the build reads them as; nil when they say nothing.
func folders(l layout.Layout) map[string]handbook.Folder {
	if len(l.Folders) == 0 {
		return nil
	}
	out := make(map[string]handbook.Folder, len(l.Folders))
	for dir, f := range l.Folders {
		out[path.Join("content", dir)] = handbook.Folder{Label: f.Label, Weight: f.Weight, Index: f.Index, Title: f.Title, Summary: f.Description, Pos: f.Pos}
	}
	return out
}

// navTree is the layout's navigation file as a tree, by the paths the
// build reads the pages as (links to other sites left out); nil when
// there is none.
func navTree(entries []layout.Entry) []handbook.NavSource {
	var out []handbook.NavSource
	for _, e := range entries {
		if e.External != "" && len(e.Children) == 0 {
			continue
		}
		n := handbook.NavSource{Title: e.Title, Part: e.Part, Children: navTree(e.Children)}
		if e.Path != "" {
			n.File = path.Join("content", e.Path)
		}
		out = append(out, n)
	}
	return out
}
