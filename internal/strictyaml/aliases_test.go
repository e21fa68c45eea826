package strictyaml

import (
	"strings"
	"testing"
)

// TestLenientAliases decodes front matter written for another tool with
// anchors, aliases and merge keys as that tool reads them; a strict
// decode refuses them, and an alias bomb, a loop or a merge of no mapping
// stays an error in both.
func TestLenientAliases(t *testing.T) {
	type target struct {
		Title Str   `yaml:"title"`
		Tags  []Str `yaml:"tags"`
		Extra []Extra
	}
	src := []byte("params:\n  base: &base >-\n    https://example.com/events\n  again: *base\n" +
		"defaults: &defaults {layout: wide, toc: true}\npage:\n  <<: *defaults\n  toc: false\n" +
		"both:\n  <<: [*defaults, {extra: 1, layout: narrow}]\ntitle: &t Events\ntags: [*t]\n")
	var v target
	if diags := DecodeLenient("p.md", src, 1, &v); len(diags) != 0 {
		t.Fatalf("lenient decode: %v", diags)
	}
	if v.Title.Value != "Events" || len(v.Tags) != 1 || v.Tags[0].Value != "Events" {
		t.Errorf("title %q, tags %+v; want Events, [Events]", v.Title.Value, v.Tags)
	}
	got := map[string]any{}
	for _, e := range v.Extra {
		got[e.Key] = e.Value
	}
	params, _ := got["params"].(map[string]any)
	page, _ := got["page"].(map[string]any)
	both, _ := got["both"].(map[string]any)
	if params["again"] != "https://example.com/events" {
		t.Errorf("params = %#v, want again set by the alias", got["params"])
	}
	if page["layout"] != "wide" || page["toc"] != false {
		t.Errorf("page = %#v, want layout: wide merged and its own toc: false", got["page"])
	}
	if both["layout"] != "wide" || both["extra"] != 1 {
		t.Errorf("both = %#v, want the first merged mapping winning: layout wide, extra 1", got["both"])
	}
	if diags := Decode("p.md", src, 1, &target{}); !strings.Contains(diags.Err().Error(), "anchors and aliases are not supported") {
		t.Errorf("strict decode: %v, want anchors refused", diags)
	}
	lol := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	for _, c := range "bcdefgh" {
		prev := string(c - 1)
		lol += string(c) + ": &" + string(c) + " [" + strings.Repeat("*"+prev+", ", 9) + "*" + prev + "]\n"
	}
	for _, c := range []struct{ name, src, want string }{
		{"billion laughs", lol, "p.md:6:4: YAML aliases that expand to more than 65536 values (an alias bomb?)"},
		{"merge of a list", "base: &b [1]\npage:\n  <<: *b\n", "p.md:2:7: a YAML merge key (<<) must name a mapping"},
	} {
		var v target
		if diags := DecodeLenient("p.md", []byte(c.src), 1, &v); len(diags) != 1 || diags[0].String() != c.want {
			t.Errorf("%s: %v, want %s", c.name, diags, c.want)
		}
	}
	if root, diags := Parse("mkdocs.yml", []byte("x: &x {a: 1}\ny: *x\n")); root == nil || len(diags) != 0 || root.Content[3].Content[1].Value != "1" {
		t.Errorf("Parse with an alias: %v", diags)
	}
}
