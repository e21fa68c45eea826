package markdown

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// mermaidTypes are the first words of the diagrams Mermaid 11 draws.
var mermaidTypes = []string{
	"architecture-beta", "block-beta", "C4Component", "C4Container", "C4Context", "C4Deployment", "C4Dynamic",
	"classDiagram", "classDiagram-v2", "erDiagram", "flowchart", "flowchart-elk", "gantt", "gitGraph", "graph",
	"info", "journey", "kanban", "mindmap", "packet", "packet-beta", "pie", "quadrantChart", "radar-beta",
	"requirementDiagram", "sankey", "sankey-beta", "sequenceDiagram", "stateDiagram", "stateDiagram-v2",
	"timeline", "treemap-beta", "xychart", "xychart-beta",
}

// isMermaid reports whether a fenced block's language is Mermaid's.
func isMermaid(lang []byte) bool { return string(bytes.ToLower(lang)) == "mermaid" }

// diagramBlock is the HTML of a ```mermaid block: its source in a pre the
// theme's script hands to Mermaid, readable as it is without JavaScript.
// The source is checked as far as can be without running Mermaid: a
// diagram type it does not know is a warning at the fence, since Mermaid
// would draw only an error there.
func diagramBlock(d *Doc, n *ast.FencedCodeBlock, code string) []byte {
	d.Diagrams++
	if first := diagramType(code); first == "" {
		d.warn(n.Info.Segment.Start, false, "this mermaid block is empty: Mermaid has nothing to draw")
	} else if !knownDiagram(first) {
		d.warn(n.Info.Segment.Start, false, fmt.Sprintf("this mermaid block starts with %q, which is not a diagram Mermaid draws (flowchart, sequenceDiagram, classDiagram, stateDiagram, erDiagram, gantt, pie, mindmap, timeline, ...): it would show an error", first))
	}
	var b bytes.Buffer
	b.WriteString(`<pre class="mermaid">`)
	b.Write(util.EscapeHTML([]byte(code)))
	b.WriteString("</pre>\n")
	return b.Bytes()
}

// diagramType is the first word of a diagram's source, past front matter
// (--- ... ---), directives (%%{...}%%) and comments (%% ...).
func diagramType(code string) string {
	lines := strings.Split(code, "\n")
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		switch {
		case l == "" || strings.HasPrefix(l, "%%"):
			continue
		case l == "---":
			for i++; i < len(lines) && strings.TrimSpace(lines[i]) != "---"; i++ {
			}
			continue
		}
		word, _, _ := strings.Cut(l, " ")
		word, _, _ = strings.Cut(word, ";")
		return word
	}
	return ""
}

func knownDiagram(word string) bool {
	for _, t := range mermaidTypes {
		if strings.EqualFold(word, t) {
			return true
		}
	}
	return false
}
