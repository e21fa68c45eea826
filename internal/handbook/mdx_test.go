package handbook

import (
	"bytes"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/source"
)

// TestMDXFlow leaves out of an MDX page written for another tool its
// import and export statements and the lines that hold only JSX tags,
// outside code, every offset after them kept; the Markdown after a tag
// (a heading, a fence, with no blank line between) and inside a
// component stays Markdown. Prose that starts with "import", tags inside
// a line of text, a .md page and a baton handbook are left as they are.
func TestMDXFlow(t *testing.T) {
	page := "import Tabs from '@theme/Tabs';\nimport {\n  Card,\n} from \"~/components\";\n\n" +
		"export const meta = {\n  a: 1,\n};\n\n" +
		"# Guide\n\nimport the file first.\n\n" +
		"<Badge text=\"new\" items={[{\"id\": 1, \"label\": \"a > b\"}]} />\n## Set up\n```js\n<Tabs>\nimport x from 'y';\n```\n\n" +
		"<Tabs>\n  <TabItem value=\"npm\"\n    label='npm'>\n  ```sh\n  npm i\n  ```\n  </TabItem>\n</Tabs>\n\n" +
		"A <Kbd>Ctrl</Kbd> key.\n\n<Callout>Text on the line.</Callout>\n"
	out, warns := mdxFlow([]byte(page))
	if len(out) != len(page) || strings.Count(string(out), "\n") != strings.Count(page, "\n") {
		t.Fatalf("offsets moved: %d bytes, %d lines; want %d, %d", len(out), strings.Count(string(out), "\n"), len(page), strings.Count(page, "\n"))
	}
	for _, gone := range []string{"import Tabs", "Card,", "export const", "a: 1", "<Badge", "<TabItem", "label='npm'>", "</Tabs>\n\nA"} {
		if strings.Contains(string(out), gone) {
			t.Errorf("%q is still in the page:\n%s", gone, out)
		}
	}
	for _, kept := range []string{"import the file first.", "## Set up", "```js\n<Tabs>\nimport x from 'y';\n```", "  ```sh\n  npm i\n  ```", "A <Kbd>Ctrl</Kbd> key.", "<Callout>Text on the line.</Callout>"} {
		if !strings.Contains(string(out), kept) {
			t.Errorf("%q is not in the page:\n%s", kept, out)
		}
	}
	if len(warns) != 2 || warns[0].offset != 0 || !strings.HasPrefix(warns[0].msg, "3 MDX import or export statements,") ||
		warns[1].offset != strings.Index(page, "<Badge") || !strings.HasPrefix(warns[1].msg, "5 lines of JSX component tags (") {
		t.Errorf("warnings %+v", warns)
	}

	md := markdown.New(false)
	p := ParseWith(source.File{Path: "content/guide.mdx", Data: []byte("---\ntitle: Guide\n---\n" + page)}, md, ParseOptions{Lenient: true})
	html := docHTML(p.Page.Doc)
	if !strings.Contains(html, `<h2 id="set-up"`) || strings.Contains(html, "import Tabs") || !strings.Contains(html, "npm i") {
		t.Errorf("the page:\n%s", html)
	}
	var lines []string
	for _, d := range p.Diags {
		if strings.Contains(d.Message, "MDX import") || strings.Contains(d.Message, "JSX component tags") {
			lines = append(lines, d.Pos.String())
		}
	}
	if strings.Join(lines, " ") != "content/guide.mdx:4:1 content/guide.mdx:17:1" {
		t.Errorf("warnings at %q, want the first statement's line and the first tag's", lines)
	}
	for _, c := range []struct {
		path string
		opts ParseOptions
	}{{"content/guide.md", ParseOptions{Lenient: true}}, {"content/guide.mdx", ParseOptions{}}} {
		p := ParseWith(source.File{Path: c.path, Data: []byte("---\ntitle: Guide\n---\n" + page)}, md, c.opts)
		if p.Page == nil || !strings.Contains(docHTML(p.Page.Doc), "import Tabs") {
			t.Errorf("%s (lenient %v): statements left out", c.path, c.opts.Lenient)
		}
	}
}

// docHTML is d's HTML, its links left empty.
func docHTML(d *markdown.Doc) string {
	var b bytes.Buffer
	d.Resolve(&b, func(int) string { return "" }, "", nil)
	return b.String()
}
