package handbook

import (
	"testing"

	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/source"
)

// FuzzParse feeds arbitrary bytes to every kind of content file and to
// resolution: nothing may panic, and every problem must carry a position.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"title: R\nsummary: s\nresponsibilities:\n  - id: x\n    title: X\n    kind: output\n    stage: grow\n",
		"a: &x [*x, *x]\nb: *a",
		"title: P\nsteps:\n  - page: a.md\n  - role: r\n",
		"---\ntitle: T\nroles: [r]\n---\n[l](../x.md#y) ![i](/static/a.png)",
		"---\n- a\n---\n",
		"\xff\xfe",
	} {
		f.Add([]byte(s))
	}
	md := markdown.New(false)
	f.Fuzz(func(t *testing.T, data []byte) {
		var parsed []*Parsed
		for _, p := range []string{"content/roles/r.yaml", "content/paths/p.yaml", "content/a.md", "content/s/_index.md"} {
			parsed = append(parsed, Parse(source.File{Path: p, Data: data, Size: int64(len(data))}, md))
		}
		_, diags := Resolve(strictConfig(), parsed, Options{})
		for _, d := range diags {
			if d.Pos.File == "" {
				t.Fatalf("diagnostic without a file: %v", d)
			}
		}
	})
}
