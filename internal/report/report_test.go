package report

import (
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/diag"
)

func TestReport(t *testing.T) {
	w := func(file string, code diag.Code) diag.Diagnostic {
		return diag.Diagnostic{Pos: diag.Pos{File: file, Line: 1}, Severity: diag.Warning, Message: "m", Code: code}
	}
	diags := diag.List{
		w("a.md", diag.BrokenLink), w("a.md", diag.BrokenLink), w("b.md", diag.BrokenLink),
		w("c.md", diag.BrokenAnchor), w("d.md", ""),
		{Pos: diag.Pos{File: "e.md"}, Severity: diag.Error, Message: "bad"},
	}
	r := New("GitBook: pages in the folder itself", nil, diags)
	if r.Errors != 1 || r.Warnings != 5 || len(r.Kinds) != 2 {
		t.Fatalf("report %+v", r)
	}
	if k := r.Kinds[0]; k.Code != diag.BrokenLink || k.Count != 3 || k.Files != 2 || k.Top[0] != (File{"a.md", 2}) {
		t.Errorf("broken links %+v", k)
	}
	var b strings.Builder
	r.Text(&b)
	for _, want := range []string{"read as GitBook", "broken links: 3, in 2 files: a.md (2), b.md (1)", "links to missing headings: 1, in 1 file: c.md (1)"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}
