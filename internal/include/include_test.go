package include

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/diag"
)

func reader(files map[string]string) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		if s, ok := files[name]; ok {
			return []byte(s), nil
		}
		return nil, fs.ErrNotExist
	}
}

func TestExpand(t *testing.T) {
	files := map[string]string{
		"content/code/main.go": "package main\n\n// ANCHOR: hello\nfunc hello() {}\n// ANCHOR_END: hello\n\nfunc main() {}\n",
		"content/part.md":      "Part line 1.\nPart [link](x.md) line 2.\n",
		"content/nested.md":    "Nested start.\n{{#include part.md}}\nNested end.\n",
		"content/loop/a.md":    "{{#include b.md}}\n",
		"content/loop/b.md":    "{{#include a.md}}\n",
		"README.md":            "Above the pages.\n",
		"content/code/open.rs": "// ANCHOR: all\nfn main() {}\n// ANCHOR: all\n",
		"content/code/nest.rs": "// ANCHOR: all\n// ANCHOR: io\nuse std::io;\n// ANCHOR_END: io\n\n// ANCHOR: main\nfn main() {\n    // ANCHOR_END: main\n    go();\n}\n// ANCHOR_END: all\n",
	}
	read := reader(files)
	cases := []struct {
		src, want string
		diags     []string
	}{
		{"Before.\n{{#include part.md}}\nAfter.\n", "Before.\nPart line 1.\nPart [link](x.md) line 2.\nAfter.\n", nil},
		{"```go\n{{#include code/main.go:hello}}\n```\n", "```go\nfunc hello() {}\n```\n", nil},
		{"{{#include code/main.go:7}}\n", "func main() {}\n", nil},
		{"{{#include code/main.go:6:}}\n", "\nfunc main() {}\n", nil},
		{"{{#include code/main.go::1}}\n", "package main\n", nil},
		{"A \\{{#include part.md}} b\n", "A {{#include part.md}} b\n", nil},
		{"{{#include nested.md}}\n", "Nested start.\nPart line 1.\nPart [link](x.md) line 2.\nNested end.\n", nil},
		{"x\n{{#include gone.md}}\n", "x\n\n", []string{"content/page.md:2:1: cannot include content/gone.md: file does not exist"}},
		{"{{#include code/main.go:nope}}\n", "\n", []string{"content/page.md:1:1: include code/main.go:nope: no ANCHOR: nope and ANCHOR_END: nope in the file"}},
		{"{{#include ../../etc/passwd}}\n", "\n", []string{`content/page.md:1:1: include "../../etc/passwd" leaves the site's folder`}},
		{"{{#include ../README.md}}\n", "Above the pages.\n", nil},
		{"{{#include ../.env}}\n", "\n", []string{`content/page.md:1:1: include "../.env" is of a hidden file or folder (.git, .env), which baton never reads`}},
		{"{{#include loop/a.md}}\n", "\n", []string{"content/loop/b.md:1:1: content/loop/a.md includes itself (content/page.md → content/loop/a.md → content/loop/b.md → content/loop/a.md)"}},
		// mdBook's other directives that take a file: rustdoc_include
		// shows the lines selected (the rest would be hidden lines), the
		// playground a rust code block of the whole file.
		{"```rust\n{{#rustdoc_include code/main.go:hello}}\n```\n", "```rust\nfunc hello() {}\n```\n", nil},
		{"```rust\n{{#rustdoc_include code/main.go:7}}\n```\n", "```rust\nfunc main() {}\n```\n", nil},
		{"{{ #rustdoc_include part.md }}\n", "Part line 1.\nPart [link](x.md) line 2.\n", nil},
		{"Run it:\n\n{{#playground part.md}}\n\nDone.\n", "Run it:\n\n```rust\nPart line 1.\nPart [link](x.md) line 2.\n```\n\nDone.\n", nil},
		{"{{#playpen part.md editable ignore}}\n", "```rust,editable,ignore\nPart line 1.\nPart [link](x.md) line 2.\n```\n", nil},
		{"\\{{#rustdoc_include part.md}}\n", "{{#rustdoc_include part.md}}\n", nil},
		{"{{#rustdoc_include gone.rs:1}}\n", "\n", []string{"content/page.md:1:1: cannot include content/gone.rs: file does not exist"}},
		{"{{#rustdoc_include code/open.rs:all}}\n", "fn main() {}\n", nil},
		// Anchor lines are left out, not left blank, whatever the
		// selection: a code block shows no gaps where they were.
		{"```rust\n{{#rustdoc_include code/nest.rs:all}}\n```\n", "```rust\nuse std::io;\n\nfn main() {\n    go();\n}\n```\n", nil},
		{"{{#include code/nest.rs}}\n", "use std::io;\n\nfn main() {\n    go();\n}\n", nil},
		{"{{#include code/nest.rs:main}}\n", "fn main() {\n", nil},
		{"{{#include code/nest.rs:2:5}}\n", "use std::io;\n\n", nil},
		{"{{#each items}} and {{#includes}}\n", "{{#each items}} and {{#includes}}\n", nil},
	}
	for _, c := range cases {
		out, _, diags := Expand("content/page.md", []byte(c.src), read)
		if string(out) != c.want {
			t.Errorf("Expand(%q) = %q, want %q", c.src, out, c.want)
		}
		var got []string
		for _, d := range diags {
			got = append(got, d.String())
		}
		if strings.Join(got, "\n") != strings.Join(c.diags, "\n") {
			t.Errorf("Expand(%q) diagnostics:\n%s\nwant\n%s", c.src, strings.Join(got, "\n"), strings.Join(c.diags, "\n"))
		}
	}
}

// TestLineMap places each line of an expanded page in the file it comes
// from.
func TestLineMap(t *testing.T) {
	read := reader(map[string]string{
		"content/part.md":   "p1\np2\np3\n",
		"content/nested.md": "n1\n{{#include part.md:2:3}}\nn3\n",
	})
	src := "l1\nl2 {{#include nested.md}} tail\nl3\n"
	out, m, _ := Expand("content/page.md", []byte(src), read)
	if want := "l1\nl2 n1\np2\np3\nn3 tail\nl3\n"; string(out) != want {
		t.Fatalf("expanded %q, want %q", out, want)
	}
	for line, want := range map[int]diag.Pos{
		1: {File: "content/page.md", Line: 1, Col: 5},
		2: {File: "content/page.md", Line: 2, Col: 5},
		3: {File: "content/part.md", Line: 2, Col: 5},
		4: {File: "content/part.md", Line: 3, Col: 5},
		5: {File: "content/nested.md", Line: 3, Col: 5},
		6: {File: "content/page.md", Line: 3, Col: 5},
	} {
		if got := m.Pos("content/page.md", line, 5); got != want {
			t.Errorf("line %d: %v, want %v", line, got, want)
		}
	}
	// Lines after a left-out anchor line keep their own line numbers.
	read = reader(map[string]string{"content/a.rs": "a\n// ANCHOR: x\nb\n// ANCHOR_END: x\nc\n"})
	out, m, _ = Expand("content/page.md", []byte("{{#include a.rs}}\n"), read)
	if want := "a\nb\nc\n"; string(out) != want {
		t.Fatalf("expanded %q, want %q", out, want)
	}
	for line, want := range map[int]int{1: 1, 2: 3, 3: 5} {
		if got := m.Pos("content/page.md", line, 1); got != (diag.Pos{File: "content/a.rs", Line: want, Col: 1}) {
			t.Errorf("line %d: %v, want content/a.rs:%d:1", line, got, want)
		}
	}
	if out, m, _ := Expand("content/page.md", []byte("no includes\n"), read); m != nil || string(out) != "no includes\n" {
		t.Errorf("without includes: %q %v", out, m)
	}
	for src, want := range map[string]bool{
		"{{#include a.md}}": true, "{{ #rustdoc_include a.rs}}": true, "x {{#playground a.rs}}": true, "{{#playpen a.rs}}": true,
		"{{#each x}} {{ site.title }}": false, "{{#": false, "# include": false,
	} {
		if got := Has([]byte(src)); got != want {
			t.Errorf("Has(%q) = %v, want %v", src, got, want)
		}
	}
}
