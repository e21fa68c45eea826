package strictyaml

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// readable is how many of plainSeeds plainMapping reads.
const readable = 9

// plainSeeds are front matter of the shapes plainMapping reads and of
// shapes next to them that it must leave to yaml.v3.
var plainSeeds = []string{
	"title: Onboarding\nweight: 3\ndraft: false\n",
	"title: 効果のセキュリティ\nweight: 2\n",
	"roles: [legal, sales, product-manager]\ntags: [lesson-ritual]\nsummary: Ask why, then what.\n",
	"date: 2024-01-02\nratio: 1.5\nnone: null\nyes_key: yes\nhex: 0x1F\n",
	"tags: []\n\nlast-updated: Today, at noon (UTC)\n",
	"title:  spaced\n", "a: \u00e9t\u00e9\n", "title: \"Quoted: yes # no\"\nb: 'single'\n",
	"aliases:\n  - One\n  - 'two'\nnext: /path/to/x\ncss:\n- a\n- b\n",
	"title: A: B\n", "title: x # comment\n", "title:\n",
	"a: [x,y]\n", "a: [x, ]\n", "a: [ x]\n", "a: [x ]\n", "a: [x, [y]]\n", "a: b\n  c\n", "a: - b\n",
	"- a\n- b\n", "a:\n  b: c\n", "a: b\r\n", "a: b \n", "? a\n: b\n", "a: &x b\n", "a: *x\n", "a: !t b\n",
	"a: b\u2028c\n", "a: é: b\n", "<<: b\n", "a: b\tc\n", "---\na: b\n",
	"a:\n  - x\n   - y\n", "a:\n  -x\n", "a:\n", "a: \"x\\ny\"\n", "a: 'it''s'\n", "a:\n  - x\n    y\n", "a: /\n",
}

// TestPlainMappingReads: the plainest front matter is read without
// yaml.v3, as the same nodes; the rest is not.
func TestPlainMappingReads(t *testing.T) {
	for _, src := range plainSeeds[:readable] {
		if _, ok := plainMapping([]byte(src)); !ok {
			t.Errorf("plainMapping(%q) gave up", src)
		}
		samePlainNodes(t, src)
	}
	for _, src := range plainSeeds[readable:] {
		if _, ok := plainMapping([]byte(src)); ok {
			t.Errorf("plainMapping(%q) read it; it is yaml.v3's to read", src)
		}
	}
}

// FuzzPlainMapping: whatever plainMapping reads, it reads as yaml.v3
// does, node for node (kind, tag, style, value, line and column).
func FuzzPlainMapping(f *testing.F) {
	for _, s := range plainSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		samePlainNodes(t, src)
	})
}

// samePlainNodes fails when plainMapping reads src into other nodes than
// yaml.v3's.
func samePlainNodes(t *testing.T, src string) {
	t.Helper()
	got, ok := plainMapping([]byte(src))
	if !ok {
		return
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatalf("plainMapping read %q, which yaml.v3 refuses: %v", src, err)
	}
	if len(doc.Content) != 1 || !reflect.DeepEqual(got, doc.Content[0]) {
		t.Fatalf("%q:\nplainMapping %s\nyaml.v3      %s", src, dumpNode(got), dumpNode(doc.Content[0]))
	}
}

func dumpNode(n *yaml.Node) string {
	var b strings.Builder
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		b.WriteString("{")
		b.WriteString(strings.Join([]string{n.Tag, n.Value}, " "))
		b.WriteString(" ")
		b.WriteString(strings.Repeat("|", int(n.Style)))
		fmt.Fprintf(&b, " %d:%d", n.Line, n.Column)
		for _, c := range n.Content {
			walk(c)
		}
		b.WriteString("}")
	}
	if n != nil {
		walk(n)
	}
	return b.String()
}
