package strictyaml

import (
	"fmt"
	"strings"
	"testing"
)

// TestDecodeLenient keeps the keys another tool's front matter has (a
// near name of a known key with a warning: the tool ignored it) and lets
// required keys be missing.
func TestDecodeLenient(t *testing.T) {
	type target struct {
		Title   Str    `yaml:"title,required"`
		Summary string `yaml:"summary"`
		Extra   []Extra
	}
	src := []byte("sumary: x\ndescription: The page\nmenu:\n  main: {weight: 3}\nlayout: docs\nTitle: Hugo's case\n")
	var v target
	diags := DecodeLenient("p.md", src, 1, &v)
	if len(diags) != 1 || diags[0].String() != `p.md:2:1: warning: unknown key "sumary" (did you mean "summary"?)` {
		t.Errorf("diagnostics = %v, want only the typo", diags)
	}
	var keys []string
	for _, e := range v.Extra {
		keys = append(keys, fmt.Sprintf("%s@%d", e.Key, e.Pos.Line))
	}
	if got := strings.Join(keys, " "); got != "sumary@2 description@3 menu@4 layout@6" {
		t.Errorf("extra keys = %s", got)
	}
	if v.Title.Value != "Hugo's case" {
		t.Errorf("Title: %q, want the value of the key in another case", v.Title.Value)
	}
	if v.Extra[1].Value != "The page" {
		t.Errorf("description = %#v", v.Extra[0].Value)
	}
	if m, ok := v.Extra[2].Value.(map[string]any); !ok || m["main"] == nil {
		t.Errorf("menu = %#v, want a map", v.Extra[2].Value)
	}
	// The same input, strictly: every unknown key and the missing title.
	if diags := Decode("p.md", src, 1, &target{}); len(diags) != 6 {
		t.Errorf("strict diagnostics = %v, want 5 unknown keys and the missing title", diags)
	}
}

// TestLenientOneValueList: another tool's front matter may give one value
// where a list stands (Jekyll's redirect_from: /old/); read leniently it
// is a list of one, read strictly an error at the value.
func TestLenientOneValueList(t *testing.T) {
	type target struct {
		Aliases []Str `yaml:"aliases"`
	}
	src := []byte("aliases: /old/\n")
	var v target
	if diags := DecodeLenient("p.md", src, 1, &v); len(diags) != 0 {
		t.Errorf("lenient diagnostics = %v", diags)
	}
	if len(v.Aliases) != 1 || v.Aliases[0].Value != "/old/" || v.Aliases[0].Pos.Line != 2 || v.Aliases[0].Pos.Col != 10 {
		t.Errorf("aliases = %+v, want /old/ at 2:10", v.Aliases)
	}
	diags := Decode("p.md", src, 1, &target{})
	if len(diags) != 1 || diags[0].String() != `p.md:2:10: "aliases" must be a list, not "/old/"` {
		t.Errorf("strict diagnostics = %v", diags)
	}
}
