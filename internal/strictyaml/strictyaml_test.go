package strictyaml

import (
	"fmt"
	"slices"
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

// TestSetKey changes one key's value and nothing else.
func TestSetKey(t *testing.T) {
	for _, c := range []struct{ name, src, want, err string }{
		{"replace plain", "title: T\nreviewed: 2025-01-01   # yearly\nweight: 2\n", "title: T\nreviewed: 2026-12-06   # yearly\nweight: 2\n", ""},
		{"replace quoted", "reviewed: \"2025-01-01\"\n", "reviewed: 2026-12-06\n", ""},
		{"replace single quoted", "reviewed: '2025-01-01' # x\n", "reviewed: 2026-12-06 # x\n", ""},
		{"replace empty", "reviewed:\ntitle: T\n", "reviewed: 2026-12-06\ntitle: T\n", ""},
		{"add", "# A role.\ntitle: T\nresponsibilities:\n  - id: x\n    title: X\n", "# A role.\ntitle: T\nresponsibilities:\n  - id: x\n    title: X\nreviewed: 2026-12-06\n", ""},
		{"add without newline", "title: T", "title: T\nreviewed: 2026-12-06\n", ""},
		{"empty", "", "reviewed: 2026-12-06\n", ""},
		{"nested key untouched", "meta:\n  reviewed: 2020-01-01\n", "meta:\n  reviewed: 2020-01-01\nreviewed: 2026-12-06\n", ""},
		{"flow", "{title: T}\n", "", "the YAML is not a block mapping of keys"},
		{"block value", "reviewed: |\n  x\n", "", "reviewed (line 1) is not a one-line value"},
		{"list", "- a\n", "", "the YAML is not a block mapping of keys"},
	} {
		got, err := SetKey([]byte(c.src), "reviewed", "2026-12-06")
		if c.err != "" {
			if err == nil || err.Error() != c.err {
				t.Errorf("%s: error %v, want %s", c.name, err, c.err)
			}
			continue
		}
		if err != nil || string(got) != c.want {
			t.Errorf("%s: got %q (%v), want %q", c.name, got, err, c.want)
		}
	}
}

// TestShapes: a struct with a ",scalar" field reads a plain value into it,
// one with a ",list" field reads a list into it, and a ",rest" field keeps
// the keys the struct does not name, each with one value or a list of
// them, for the caller to check against what it knows.
func TestShapes(t *testing.T) {
	type term struct {
		ID    Str `yaml:"id,required,scalar"`
		Title Str `yaml:"title"`
	}
	type choice struct {
		Name  Str    `yaml:"name,scalar"`
		Terms []term `yaml:"terms,list"`
	}
	type target struct {
		Terms  []term  `yaml:"terms"`
		Choice choice  `yaml:"choice"`
		Rest   []Keyed `yaml:",rest"`
	}
	src := []byte("terms: [plan, {id: build, title: Build it}]\nchoice: [{id: a}]\nowner: pm\nhelpers: [design, eng]\nnone:\n")
	var v target
	if diags := Decode("m.yaml", src, 0, &v); len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	if got := fmt.Sprintf("%s@%d:%d %s/%s", v.Terms[0].ID.Value, v.Terms[0].ID.Pos.Line, v.Terms[0].ID.Pos.Col, v.Terms[1].ID.Value, v.Terms[1].Title.Value); got != "plan@1:9 build/Build it" {
		t.Errorf("terms = %s, want plan@1:9 build/Build it", got)
	}
	if len(v.Choice.Terms) != 1 || v.Choice.Terms[0].ID.Value != "a" || v.Choice.Name.Value != "" {
		t.Errorf("choice = %+v, want the list", v.Choice)
	}
	var rest []string
	for _, k := range v.Rest {
		var vals []string
		for _, s := range k.Values {
			vals = append(vals, fmt.Sprintf("%s@%d:%d", s.Value, s.Pos.Line, s.Pos.Col))
		}
		rest = append(rest, fmt.Sprintf("%s@%d=%s", k.Key.Value, k.Key.Pos.Line, strings.Join(vals, ",")))
	}
	if got := strings.Join(rest, " "); got != "owner@3=pm@3:8 helpers@4=design@4:11,eng@4:19 none@5=" {
		t.Errorf("rest = %s", got)
	}
	if diags := Decode("m.yaml", []byte("choice: raci\n"), 0, &v); len(diags) != 0 || v.Choice.Name.Value != "raci" {
		t.Errorf("choice: raci = %+v (%v), want the name", v.Choice, diags)
	}
	for src, want := range map[string]string{
		"terms: [[a]]\n":       `m.yaml:1:9: "terms" must be a mapping of keys to values, not a list`,
		"choice: {nme: x}\n":   `m.yaml:1:10: unknown key "nme" in choice (did you mean "name"?)`,
		"owner: {a: b}\n":      `m.yaml:1:8: "owner" must be a name or a list of names, not a mapping`,
		"helpers: [a, [b]]\n":  `m.yaml:1:14: "helpers" must be a string, not a list`,
		"owner: a\nowner: b\n": `m.yaml:2:1: duplicate key "owner" (first set on line 1)`,
	} {
		diags := Decode("m.yaml", []byte(src), 0, &target{})
		if len(diags) != 1 || diags[0].String() != want {
			t.Errorf("%q: got %v, want %s", src, diags, want)
		}
	}
}

// TestDecodeLenientNearMiss warns of a key of another tool's front matter
// only when it is one edit from a known key: a key of its own two edits
// away (GitLab's stage, where baton knows tags) is kept without a word.
func TestDecodeLenientNearMiss(t *testing.T) {
	type target struct {
		Summary string   `yaml:"summary"`
		Tags    []string `yaml:"tags"`
		Extra   []Extra
	}
	src := []byte("stage: plan\nsumry: two edits\nsummray: a swap\ntag: x\n")
	var v target
	var got []string
	for _, d := range DecodeLenient("p.md", src, 1, &v) {
		got = append(got, d.String())
	}
	want := []string{`p.md:4:1: warning: unknown key "summray" (did you mean "summary"?)`, `p.md:5:1: warning: unknown key "tag" (did you mean "tags"?)`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(v.Extra) != 4 {
		t.Errorf("extra keys %v, want all four kept", v.Extra)
	}
}

// TestLenientDuplicateKeys: front matter written for Jekyll or Hugo may set
// a key twice (their YAML readers keep the last value). Read leniently, the
// later value is used with a warning at it, for a known key, a kept one and
// a nested one alike, and a key set again in another case keeps the first;
// read strictly, each is an error.
func TestLenientDuplicateKeys(t *testing.T) {
	type target struct {
		Title Str `yaml:"title"`
		Extra []Extra
	}
	src := []byte("layout: page\ntitle: First\nlayout: post\ntitle: Second\nmenu: {main: a, main: b}\nTitle: Third\nlayout: last\n")
	var v target
	var got []string
	for _, d := range DecodeLenient("p.md", src, 1, &v) {
		got = append(got, d.String())
	}
	slices.Sort(got)
	want := []string{
		`p.md:4:1: warning: duplicate key "layout" (set before on line 2); the later value is used`,
		`p.md:5:1: warning: duplicate key "title" (set before on line 3); the later value is used`,
		`p.md:6:17: warning: duplicate key "main" (set before on line 6); the later value is used`,
		`p.md:7:1: warning: duplicate key "Title" (first set on line 5); the first value is used`,
		`p.md:8:1: warning: duplicate key "layout" (set before on line 4); the later value is used`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if v.Title.Value != "Second" || v.Title.Pos.Line != 5 {
		t.Errorf("title = %+v, want Second at line 5", v.Title)
	}
	if len(v.Extra) != 2 || v.Extra[0].Key != "menu" || v.Extra[1].Key != "layout" || v.Extra[1].Value != "last" {
		t.Fatalf("extra = %+v, want menu and layout: last", v.Extra)
	}
	if m, ok := v.Extra[0].Value.(map[string]any); !ok || m["main"] != "b" {
		t.Errorf("menu = %#v, want main: b", v.Extra[0].Value)
	}
	if diags := Decode("p.md", src, 1, &target{}); diags.Err() == nil {
		t.Errorf("strict decoding: %v, want errors", diags)
	}
}

func TestLenientFraction(t *testing.T) {
	type target struct {
		Weight int `yaml:"weight"`
	}
	tests := []struct {
		src    string
		want   int
		diag   string
		strict bool // an error when decoded leniently too
	}{
		{"weight: 40.5\n", 40, `p.md:2:9: warning: "weight" 40.5 is read as 40: baton takes whole numbers there`, false},
		{"weight: -0.5\n", -1, `p.md:2:9: warning: "weight" -0.5 is read as -1: baton takes whole numbers there`, false},
		{"weight: 1e3\n", 1000, `p.md:2:9: warning: "weight" 1e3 is read as 1000: baton takes whole numbers there`, false},
		{"weight: .inf\n", 0, `p.md:2:9: "weight" must be a whole number, not ".inf"`, true},
		{"weight: 1e40\n", 0, `p.md:2:9: "weight" must be a whole number, not "1e40"`, true},
		{"weight: 7\n", 7, "", false},
	}
	for _, tt := range tests {
		var v target
		diags := DecodeLenient("p.md", []byte(tt.src), 1, &v)
		var got []string
		for _, d := range diags {
			got = append(got, d.String())
		}
		if strings.Join(got, "\n") != tt.diag || v.Weight != tt.want {
			t.Errorf("%q: weight %d, diagnostics %q; want %d, %q", tt.src, v.Weight, got, tt.want, tt.diag)
		}
		if (diags.Err() != nil) != tt.strict {
			t.Errorf("%q: lenient error %v, want error %v", tt.src, diags.Err(), tt.strict)
		}
		if tt.diag != "" && Decode("p.md", []byte(tt.src), 1, &target{}).Err() == nil {
			t.Errorf("%q: decoded strictly without an error", tt.src)
		}
	}
}
