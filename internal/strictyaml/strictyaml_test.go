package strictyaml

import (
	"fmt"
	"strings"
	"testing"
)

// TestDecodeLenient keeps the keys another tool's front matter has, but
// not a typo of a known key, and lets required keys be missing.
func TestDecodeLenient(t *testing.T) {
	type target struct {
		Title   Str    `yaml:"title,required"`
		Summary string `yaml:"summary"`
		Extra   []Extra
	}
	src := []byte("sumary: x\ndescription: The page\nmenu:\n  main: {weight: 3}\nlayout: docs\nTitle: Hugo's case\n")
	var v target
	diags := DecodeLenient("p.md", src, 1, &v)
	if len(diags) != 1 || diags[0].String() != `p.md:2:1: unknown key "sumary" (did you mean "summary"?)` {
		t.Errorf("diagnostics = %v, want only the typo", diags)
	}
	var keys []string
	for _, e := range v.Extra {
		keys = append(keys, fmt.Sprintf("%s@%d", e.Key, e.Pos.Line))
	}
	if got := strings.Join(keys, " "); got != "description@3 menu@4 layout@6" {
		t.Errorf("extra keys = %s", got)
	}
	if v.Title.Value != "Hugo's case" {
		t.Errorf("Title: %q, want the value of the key in another case", v.Title.Value)
	}
	if v.Extra[0].Value != "The page" {
		t.Errorf("description = %#v", v.Extra[0].Value)
	}
	if m, ok := v.Extra[1].Value.(map[string]any); !ok || m["main"] == nil {
		t.Errorf("menu = %#v, want a map", v.Extra[1].Value)
	}
	// The same input, strictly: every unknown key and the missing title.
	if diags := Decode("p.md", src, 1, &target{}); len(diags) != 6 {
		t.Errorf("strict diagnostics = %v, want 5 unknown keys and the missing title", diags)
	}
}
