package strictyaml_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/strictyaml"
)

// FuzzDecode decodes arbitrary bytes as every kind of YAML baton reads
// (handbook.yaml, a role, a reading path, front matter), at a line offset
// as front matter has. Decode must return, never panic, and every
// diagnostic must name the file and a line inside it. Seeds include the
// inputs that made yaml.v3 panic or blow up (go-yaml#666, #665, #560,
// goccy/go-yaml#478, CVE-2019-11253).
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"title: T\nsummary: S\nresponsibilities:\n  - id: a\n    title: A\n    kind: output\n    stage: grow\n",
		"title: P\nsteps:\n  - page: a.md\n  - role: r\n",
		"{{},<<}",
		"#\n- - '\n",
		"\x0a\x2d\x0a\x2d\x0a\x2d\x0a",
		"a: &a [\"lol\",\"lol\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n",
		"a: &x {b: *x}",
		"<<: {title: x}",
		"title: a: b",
		"title: \"unterminated",
		"title: [",
		"\ttitle: tab",
		"title: A\ntitle: B\n",
		"? [a]\n: b",
		"!!binary title: x",
		"title: !!int 1",
		"weight: 0x1F",
		"weight: 99999999999999999999999",
		"draft: yes",
		"--- a\n--- b\n",
		strings.Repeat("[", 100) + strings.Repeat("]", 100),
		"\ufefftitle: bom",
	} {
		f.Add([]byte(s), 0)
	}
	f.Fuzz(func(t *testing.T, src []byte, offset int) {
		offset = max(0, offset%1000)
		lines := offset + bytes.Count(src, []byte("\n")) + 1
		targets := []any{&config.Raw{}, &handbook.RoleFile{}, &handbook.PathFile{}, &handbook.FrontMatter{}}
		for _, v := range targets {
			diags := strictyaml.Decode("content/x.yaml", src, offset, v)
			for _, d := range diags {
				if d.Pos.File != "content/x.yaml" || d.Pos.Line < 1 || d.Pos.Line > lines || d.Pos.Col < 0 {
					t.Fatalf("%T: diagnostic %q outside the %d lines of the file", v, d, lines)
				}
				if strings.HasPrefix(d.Message, "cannot read YAML") {
					t.Fatalf("%T: the YAML reader panicked: %v", v, d)
				}
			}
		}
	})
}
