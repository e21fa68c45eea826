package markdown

import (
	"strings"
	"testing"
)

// TestMermaidBlocks: a ```mermaid block is its source, escaped, in a pre
// the theme's script draws (kept by the sanitiser), counted on the Doc; a
// diagram type Mermaid does not draw, or an empty block, is a warning at
// the fence, never a failed page.
func TestMermaidBlocks(t *testing.T) {
	for _, unsafe := range []bool{false, true} {
		r := New(unsafe)
		d, html := render(t, r, "Intro.\n\n```mermaid\n%%{init: {'theme': 'forest'}}%%\n---\ntitle: Flow\n---\nflowchart LR\n  A[\"<b>Plan</b>\"] --> B\n```\n")
		if d.Diagrams != 1 || len(d.Warnings) != 0 {
			t.Errorf("unsafe=%v: %d diagrams, warnings %v", unsafe, d.Diagrams, d.Warnings)
		}
		for _, want := range []string{"<pre class=\"mermaid\">%%{init: {", "---\ntitle: Flow\n---\nflowchart LR\n  A[&quot;&lt;b&gt;Plan&lt;/b&gt;&quot;] --&gt; B\n</pre>"} {
			if !strings.Contains(html, want) {
				t.Errorf("unsafe=%v: html\n%s\nwant\n%s", unsafe, html, want)
			}
		}
	}
	r := New(false)
	for _, c := range []struct{ src, warn string }{
		{"```mermaid\nflowchrt LR\n```\n", `this mermaid block starts with "flowchrt", which is not a diagram Mermaid draws`},
		{"```mermaid\n\n%% nothing\n```\n", "this mermaid block is empty: Mermaid has nothing to draw"},
		{"```Mermaid\nsequenceDiagram\n  A->>B: hi\n```\n", ""},
		{"```mermaid\ngraph TD;\n  A-->B\n```\n", ""},
	} {
		d, _ := render(t, r, c.src)
		switch {
		case c.warn == "" && len(d.Warnings) != 0:
			t.Errorf("%q: warnings %v", c.src, d.Warnings)
		case c.warn != "" && (len(d.Warnings) != 1 || !strings.HasPrefix(d.Warnings[0].Message, c.warn) || d.Warnings[0].Offset != 3):
			t.Errorf("%q: warnings %+v, want one at the fence starting %q", c.src, d.Warnings, c.warn)
		}
	}
	if d, html := render(t, r, "```go\nx := 1\n```\n"); d.Diagrams != 0 || strings.Contains(html, "mermaid") {
		t.Errorf("a Go block counts as a diagram: %s", html)
	}
}
