package render

import (
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/corpus"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/source"
)

// ResolveFiles parses and resolves a generated handbook in memory, for
// this package's tests and benchmarks.
func ResolveFiles(tb testing.TB, files []corpus.File) *handbook.Site {
	tb.Helper()
	md := markdown.New(false)
	var cfg config.Config
	var parsed []*handbook.Parsed
	for _, f := range files {
		if f.Path == config.File {
			cfg, _ = config.Decode(f.Data)
			continue
		}
		// As source.Read does: images and other files that are not text
		// are copied, not parsed (the real shape has them).
		static := strings.HasPrefix(f.Path, "content/static/") || !source.IsText(f.Path)
		parsed = append(parsed, handbook.Parse(source.File{Path: f.Path, Data: f.Data, Size: int64(len(f.Data)), Static: static}, md))
	}
	s, diags := handbook.Resolve(cfg, parsed, handbook.Options{})
	if diags.HasErrors() {
		tb.Fatal(diags)
	}
	return s
}

// ResolveNav is ResolveFiles for a handbook whose tool's navigation file
// gives the tree nav, as a build reads it (layout.Entry → NavSource).
func ResolveNav(tb testing.TB, files []corpus.File, nav []handbook.NavSource) *handbook.Site {
	tb.Helper()
	md := markdown.New(false)
	var parsed []*handbook.Parsed
	for _, f := range files {
		parsed = append(parsed, handbook.ParseWith(source.File{Path: f.Path, Data: f.Data, Size: int64(len(f.Data)), Static: !source.IsText(f.Path)}, md, handbook.ParseOptions{Lenient: true}))
	}
	order := map[string]handbook.NavEntry{}
	var walk func([]handbook.NavSource)
	walk = func(list []handbook.NavSource) {
		for _, e := range list {
			if _, seen := order[e.File]; e.File != "" && !seen {
				order[e.File] = handbook.NavEntry{Order: len(order) + 1, Title: e.Title}
			}
			walk(e.Children)
		}
	}
	walk(nav)
	s, diags := handbook.Resolve(config.Config{Title: "Book"}, parsed, handbook.Options{Nav: order, NavTree: nav})
	if diags.HasErrors() {
		tb.Fatal(diags)
	}
	return s
}
