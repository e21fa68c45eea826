package build

// A multilingual handbook (handbook.yaml's languages: with more than one
// language) is built as one site per language, each by a Builder of its
// own that reads its language's folder as content/ (layout.Language:
// content/<code>/, with handbook.yaml and static/ shared) and runs the
// same stages. Every language resolves before any renders, so that each
// page can link to its twins in the others (Site.Twins); the default
// language's files go to the root of the output and the others' under
// <code>/. Each site's links are relative and its base URL is its folder's,
// so a language's pages, search index, sitemap, feed, handbook.json and
// print views stay inside its folder.

import (
	"context"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/layout"
	"github.com/batonhq/baton/internal/render"
	"github.com/batonhq/baton/internal/source"
)

// languages is a multilingual handbook's Builders, one per language in
// handbook.yaml's order, and each one's last Result held in memory, for
// a Rebuild that leaves its language unchanged.
type languages struct {
	codes []string
	subs  []*Builder
	last  []*Result
	diags []diag.List // the warnings of each language's last Result
}

// multilingual reads handbook.yaml's languages, when the site is a baton
// handbook, and reports whether it lists more than one.
func (b *Builder) multilingual(fsys fs.FS) (config.Config, bool) {
	if b.lang != "" || b.opts.Layout.Root != "" && b.opts.Layout.Root != "content" {
		return config.Config{}, false
	}
	info, err := fs.Stat(fsys, config.File)
	if err != nil || !info.Mode().IsRegular() || info.Size() > source.MaxTextSize {
		return config.Config{}, false
	}
	src, err := fs.ReadFile(fsys, config.File)
	if err != nil {
		return config.Config{}, false
	}
	cfg, _ := config.Decode(src)
	return cfg, cfg.Multilingual()
}

// languageLayout is the layout every language's is made from.
func (b *Builder) languageLayout() layout.Layout {
	if b.opts.Layout.Root == "" {
		return layout.Layout{Kind: layout.Baton, Root: "content", Theme: true}
	}
	return b.opts.Layout
}

// useLanguages keeps a Builder for each language of cfg: the ones it had
// for the same languages, new ones otherwise.
func (b *Builder) useLanguages(cfg config.Config) *languages {
	codes := make([]string, len(cfg.Languages))
	for i, l := range cfg.Languages {
		codes[i] = l.Code
	}
	if b.langs != nil && slices.Equal(b.langs.codes, codes) {
		return b.langs
	}
	l := &languages{codes: codes, subs: make([]*Builder, len(codes)), last: make([]*Result, len(codes)), diags: make([]diag.List, len(codes))}
	for i, code := range codes {
		opts := b.opts
		opts.Layout = b.languageLayout().Language(code)
		// Each language counts its own files: a count across them would
		// start again at each.
		opts.Progress = nil
		sub := New(opts)
		sub.lang = code
		l.subs[i] = sub
	}
	b.langs = l
	return l
}

// buildLanguages builds every language of cfg. changed lists, per
// language, the paths that changed since the last build as its Builder
// reads them; nil reads every language again.
func (b *Builder) buildLanguages(ctx context.Context, fsys fs.FS, cfg config.Config, changed [][]string, sink Sink) (*Result, diag.List) {
	b.last, b.loaded = nil, false
	diags := languageFolders(fsys, cfg)
	if diags.HasErrors() {
		b.langs = nil
		return nil, diags.Sort()
	}
	l := b.useLanguages(cfg)
	clear(l.last)
	rss := make([]*resolved, len(l.subs))
	for i, sub := range l.subs {
		view := sub.opts.Layout.FS(fsys)
		tree, err := sub.readTree(view, changed, i, sink != nil)
		if err != nil {
			diags.Errorf(diag.Pos{File: sub.opts.Layout.Root}, "%v", err)
			continue
		}
		var s Sink
		if sink != nil {
			s = inLanguage{sink: sink, prefix: prefix(i, l.codes[i]), real: sub.opts.Layout.Real}
		}
		rs, d := sub.resolve(ctx, view, tree, s)
		diags.Append(sub.real(d))
		rss[i] = rs
	}
	if diags.HasErrors() {
		return nil, unique(diags)
	}
	diags.Append(l.clashes(rss))
	if diags.HasErrors() {
		return nil, unique(diags)
	}
	setTwins(rss, cfg)
	results := make([]*Result, len(rss))
	for i, rs := range rss {
		res, d := rs.finish(ctx)
		d = l.subs[i].real(d)
		diags.Append(d)
		results[i], l.diags[i] = res, d
	}
	if diags.HasErrors() {
		return nil, unique(diags)
	}
	if sink == nil {
		copy(l.last, results)
	}
	return l.merge(results), unique(diags)
}

// readTree reads the sources of language i: all of them (as loadTree
// does), or those changed since its last build.
func (b *Builder) readTree(view fs.FS, changed [][]string, i int, oneOff bool) (source.Tree, error) {
	if changed == nil || !b.loaded {
		return loadTree(view, oneOff)
	}
	return source.Update(view, b.tree, changed[i])
}

// rebuildLanguages builds a multilingual handbook again after the files at
// the changed paths changed. An edit to one language's page bodies
// patches that language's last build (patch.go: a new Site from its last
// one, the last left as it was) and keeps the others';
// anything else builds every language again from its caches, since a page
// added, removed or renamed in one changes the others' links to it.
func (b *Builder) rebuildLanguages(ctx context.Context, fsys fs.FS, changed []string) (*Result, diag.List) {
	l := b.langs
	if changed == nil || slices.Contains(changed, config.File) {
		return b.load(ctx, fsys, nil)
	}
	cfg, ok := b.multilingual(fsys)
	if !ok {
		return b.load(ctx, fsys, nil)
	}
	per := make([][]string, len(l.subs))
	var touched []int
	for i, sub := range l.subs {
		for _, p := range changed {
			if v, ok := sub.opts.Layout.Virtual(p); ok {
				per[i] = append(per[i], v)
			}
		}
		if len(per[i]) > 0 {
			touched = append(touched, i)
		}
	}
	if len(touched) == 1 && !slices.Contains(l.last, nil) {
		if res, diags, ok := b.patchLanguage(ctx, fsys, touched[0], per[touched[0]]); ok {
			return res, diags
		}
	}
	return b.buildLanguages(ctx, fsys, cfg, per, nil)
}

// patchLanguage patches language i's last build after its files at
// changed changed, keeping the other languages' last builds, when
// handbook.Patch takes the change: it returns a new Site for language i,
// carrying the last one's Languages, Lang and Twins, since the pages'
// URLs did not move.
func (b *Builder) patchLanguage(ctx context.Context, fsys fs.FS, i int, changed []string) (*Result, diag.List, bool) {
	l := b.langs
	sub := l.subs[i]
	if !sub.loaded || sub.last == nil {
		return nil, nil, false
	}
	tree, err := source.Update(sub.opts.Layout.FS(fsys), sub.tree, changed)
	if err != nil {
		return nil, nil, false
	}
	changes, dates, ok := sub.patchable(tree)
	if !ok {
		return nil, nil, false
	}
	res, diags, ok, _ := sub.patch(ctx, tree, changes, dates)
	if !ok {
		return nil, nil, false
	}
	diags = sub.real(diags)
	if res == nil {
		clear(l.last)
		return nil, diags, true
	}
	l.last[i], l.diags[i] = res, diags
	var all diag.List
	for _, d := range l.diags {
		all.Append(d)
	}
	return l.merge(l.last), unique(all), true
}

// languageFolders checks that every language has its folder, and that no
// page stands outside them: content/ holds handbook.yaml, static/ (shared)
// and the language folders.
func languageFolders(fsys fs.FS, cfg config.Config) diag.List {
	var diags diag.List
	codes := map[string]bool{}
	var list []string
	for _, l := range cfg.Languages {
		codes[l.Code] = true
		list = append(list, "content/"+l.Code+"/")
		dir := "content/" + l.Code
		if info, err := fs.Stat(fsys, dir); err != nil || !info.IsDir() {
			diags.Errorf(l.Pos, "languages: %s has no folder %s/: a multilingual handbook's pages are in content/<language>/", l.Code, dir)
			continue
		}
		for _, shared := range []string{"handbook.yaml", "static"} {
			if _, err := fs.Stat(fsys, path.Join(dir, shared)); err == nil {
				diags.Errorf(diag.Pos{File: path.Join(dir, shared)}, "every language shares content/%s: move this into it", shared)
			}
		}
	}
	folders := strings.Join(list, ", ")
	entries, _ := fs.ReadDir(fsys, "content")
	for _, e := range entries {
		name := e.Name()
		if codes[name] || name == "handbook.yaml" || name == "static" || source.IgnoredEntry(e) {
			continue
		}
		diags.Errorf(diag.Pos{File: "content/" + name}, "a multilingual handbook's pages are in its language folders (%s): move this into one, or a file every language shows into content/static/", folders)
	}
	return diags
}

// prefix is where language i's site goes in the output.
func prefix(i int, code string) string {
	if i == 0 {
		return ""
	}
	return code + "/"
}

// clashes reports what two languages would both write: a page of the
// default language under another's folder.
func (l *languages) clashes(rss []*resolved) diag.List {
	var all []render.File
	for i, rs := range rss {
		real := l.subs[i].opts.Layout.Real
		for _, f := range outputPaths(rs.site, rs.rdr) {
			f.Path = prefix(i, l.codes[i]) + f.Path
			if f.From != "" {
				f.From = real(f.From)
			}
			all = append(all, f)
		}
	}
	slices.SortStableFunc(all, func(a, b render.File) int { return strings.Compare(a.Path, b.Path) })
	return clashes(all)
}

// setTwins tells each language's site where its pages are in the others:
// pages are the same page when they have the same translation_key, or
// else the same path in their language's folder; roles, paths and people
// when they have the same file; every other page when it has the same
// URL. Each resolved build gets a copy of its site with them, the one
// that plans and emits: a Site Resolve returned is never written.
func setTwins(rss []*resolved, cfg config.Config) {
	langs := make([]handbook.Language, len(rss))
	keyed := make([]map[string]string, len(rss)) // per language: key → URL
	for i, rs := range rss {
		langs[i] = handbook.Language{Code: cfg.Languages[i].Code, Name: cfg.Languages[i].Name, Prefix: prefix(i, cfg.Languages[i].Code)}
		keyed[i] = twinKeys(rs.site)
	}
	for i, rs := range rss {
		twins := map[string][]string{}
		for k, u := range keyed[i] {
			urls := make([]string, len(rss))
			for j := range rss {
				urls[j] = keyed[j][k]
			}
			twins[u] = urls
		}
		site := *rs.site
		site.Languages, site.Lang, site.Twins = langs, i, twins
		rs.site = &site
	}
}

// twinKeys maps what makes a page of site the same page in another
// language to its URL.
func twinKeys(site *handbook.Site) map[string]string {
	m := map[string]string{}
	for _, p := range site.Pages {
		if p.TranslationKey != "" {
			m["key\x00"+p.TranslationKey] = p.URL
		} else {
			m["file\x00"+p.File] = p.URL
		}
	}
	for _, r := range site.Roles {
		m["file\x00"+r.File] = r.URL
	}
	for _, p := range site.Paths {
		m["file\x00"+p.File] = p.URL
	}
	for _, p := range site.People {
		m["file\x00"+p.File] = p.URL
	}
	urls := []string{"/roles/", "/responsibilities/", "/paths/", "/tags/", "/search/", "/print/"}
	if len(site.People) > 0 {
		urls = append(urls, "/people/")
	}
	if len(site.Levels) > 0 {
		urls = append(urls, "/levels/")
	}
	if len(site.Updates) > 0 {
		urls = append(urls, "/changes/")
	}
	for _, r := range site.Responsibilities {
		urls = append(urls, r.URL)
	}
	for _, t := range site.Tags {
		urls = append(urls, t.URL)
	}
	for _, u := range urls {
		m["url\x00"+u] = u
	}
	return m
}

// merge is the handbook's Result from its languages': their files in
// their folders, sorted, and the default language's Site.
func (l *languages) merge(results []*Result) *Result {
	out := &Result{Site: results[0].Site, linkPos: results[0].linkPos, Patched: slices.ContainsFunc(results, func(r *Result) bool { return r.Patched })}
	for i, r := range results {
		real := l.subs[i].opts.Layout.Real
		for _, f := range r.Files {
			f.Path = prefix(i, l.codes[i]) + f.Path
			if f.From != "" {
				f.From = real(f.From)
			}
			out.Files = append(out.Files, f)
		}
		out.Parsed += r.Parsed
		out.Reused += r.Reused
	}
	slices.SortStableFunc(out.Files, func(a, b render.File) int { return strings.Compare(a.Path, b.Path) })
	out.langs = results
	return out
}

// unique is diags sorted, each once: every language's Builder reads the
// shared handbook.yaml and reports its problems.
func unique(diags diag.List) diag.List {
	diags = diags.Sort()
	return slices.CompactFunc(diags, func(a, b diag.Diagnostic) bool { return a == b })
}

// inLanguage writes a language's files into the handbook's sink: in its
// folder, and a static file named by its place in the site folder.
type inLanguage struct {
	sink   Sink
	prefix string
	real   func(string) string
}

func (s inLanguage) Write(f render.File) error {
	f.Path = s.prefix + f.Path
	if f.From != "" {
		f.From = s.real(f.From)
	}
	return s.sink.Write(f)
}

func (s inLanguage) WriteStream(path string, write func(io.Writer) error) error {
	return s.sink.WriteStream(s.prefix+path, write)
}
