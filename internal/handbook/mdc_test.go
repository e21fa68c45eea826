package handbook

import (
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/source"
)

// TestMDCPages reads Nuxt Content's MDC blocks in a page written for
// another tool only: in a baton handbook "::" is text.
func TestMDCPages(t *testing.T) {
	page := "Intro.\n\n::tip\nA tip.\n::\n\n::code-group\n#title\nCode.\n::\n"
	md := markdown.New(false)
	for _, c := range []struct {
		opts     ParseOptions
		callout  bool
		warnings []string
	}{{ParseOptions{Lenient: true}, true, []string{"content/a.md:10:1"}}, {ParseOptions{}, false, nil}} {
		p := ParseWith(source.File{Path: "content/a.md", Data: []byte("---\ntitle: A\n---\n" + page)}, md, c.opts)
		if p.Page == nil {
			t.Fatalf("lenient %v: no page: %v", c.opts.Lenient, p.Diags)
		}
		html := docHTML(p.Page.Doc)
		if got := strings.Contains(html, `callout-tip`) && !strings.Contains(html, "::") && !strings.Contains(html, "#title"); got != c.callout {
			t.Errorf("lenient %v: read as MDC %v, want %v:\n%s", c.opts.Lenient, got, c.callout, html)
		}
		var at []string
		for _, d := range p.Diags {
			if strings.Contains(d.Message, "MDC component") {
				at = append(at, d.Pos.String())
			}
		}
		if strings.Join(at, " ") != strings.Join(c.warnings, " ") {
			t.Errorf("lenient %v: warnings at %q, want %q", c.opts.Lenient, at, c.warnings)
		}
	}
}
