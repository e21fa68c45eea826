package handbook

import (
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/source"
)

func TestIncludeLines(t *testing.T) {
	page := "# Handlers\n\n{* ../../src/app_one.py hl[3,7:9] *}\n\nThen:\n\n* a step\n\n    {* ../../src/app_two.py ln[1:4] *}\n\n" +
		"```md\n{* ../../src/shown.py *}\n```\n\nA {* mid-line *} stays.\n"
	out, warns := includeLines([]byte(page))
	if len(out) != len(page) || strings.Count(string(out), "\n") != strings.Count(page, "\n") {
		t.Fatalf("offsets moved: %d bytes; want %d", len(out), len(page))
	}
	for _, gone := range []string{"app_one.py", "app_two.py"} {
		if strings.Contains(string(out), gone) {
			t.Errorf("%q is still in the page:\n%s", gone, out)
		}
	}
	for _, kept := range []string{"```md\n{* ../../src/shown.py *}\n```", "A {* mid-line *} stays."} {
		if !strings.Contains(string(out), kept) {
			t.Errorf("%q is not in the page:\n%s", kept, out)
		}
	}
	if len(warns) != 1 || warns[0].offset != strings.Index(page, "{*") || !strings.HasPrefix(warns[0].msg, "2 lines that include a file (") {
		t.Errorf("warnings %+v", warns)
	}

	md := markdown.New(false)
	for _, c := range []struct {
		opts  ParseOptions
		shown bool
		warns int
	}{{ParseOptions{Lenient: true}, false, 1}, {ParseOptions{}, true, 0}} {
		p := ParseWith(source.File{Path: "content/handlers.md", Data: []byte("---\ntitle: Handlers\n---\n" + page)}, md, c.opts)
		if p.Page == nil {
			t.Fatalf("lenient %v: no page: %v", c.opts.Lenient, p.Diags)
		}
		if got := strings.Contains(docHTML(p.Page.Doc), "app_one.py"); got != c.shown {
			t.Errorf("lenient %v: include shown %v, want %v", c.opts.Lenient, got, c.shown)
		}
		var at []string
		for _, d := range p.Diags {
			if strings.Contains(d.Message, "MkDocs hook") {
				at = append(at, d.Pos.String())
			}
		}
		if len(at) != c.warns || c.warns == 1 && at[0] != "content/handlers.md:6:1" {
			t.Errorf("lenient %v: warnings at %q, want %d", c.opts.Lenient, at, c.warns)
		}
	}
}
