package markdown

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Two other ways handbooks write callouts render as baton's: MkDocs
// admonitions (Python-Markdown's "!!! type" with an indented body, and
// pymdownx.details' collapsible "???" and "???+"), and GitBook hints
// ({% hint style="…" %} to {% endhint %}). No maintained goldmark
// extension reads either.

// admonitionRE matches an admonition's first line: the marker, the type,
// any further classes, and an optional quoted title. The blank after the
// marker may be left out, as Python-Markdown and pymdownx allow
// ("!!!tip \"Title\""), when the type stands alone or the line ends in a
// title: a line of prose that opens with "!!!word" stays text.
var admonitionRE = regexp.MustCompile(`^(!!!|\?\?\?\+?)(?:[ \t]+([A-Za-z][\w-]*)(?:[ \t]+[\w-]+)*[ \t]*(?:"([^"]*)")?|([A-Za-z][\w-]*)(?:(?:[ \t]+[\w-]+)*[ \t]*"([^"]*)")?)[ \t]*$`)

// admonitionKinds maps MkDocs' types (Material for MkDocs' names and
// aliases) to the five callout kinds; another type is a note.
var admonitionKinds = map[string]string{
	"note": "note", "seealso": "note", "abstract": "note", "summary": "note", "tldr": "note",
	"info": "note", "todo": "note", "example": "note", "quote": "note", "cite": "note",
	"tip": "tip", "hint": "tip", "success": "tip", "check": "tip", "done": "tip",
	"question": "tip", "help": "tip", "faq": "tip",
	"important": "important",
	"warning":   "warning", "caution": "warning", "attention": "warning",
	"danger": "caution", "error": "caution", "failure": "caution", "fail": "caution",
	"missing": "caution", "bug": "caution",
}

type admonitionParser struct{}

func (admonitionParser) Trigger() []byte { return []byte{'!', '?'} }

func (admonitionParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	m := admonitionRE.FindSubmatch(trimEOL(line))
	if m == nil {
		return nil, parser.NoChildren
	}
	marker := string(m[1])
	typ, quoted := strings.ToLower(string(m[2])+string(m[4])), m[3] // one of each pair is empty
	if m[3] == nil {
		quoted = m[5]
	}
	kind, ok := admonitionKinds[typ]
	if !ok {
		kind = "note"
	}
	// MkDocs shows the type as the title unless one is given; "" is none.
	title := strings.ToUpper(typ[:1]) + typ[1:]
	if quoted != nil {
		title = string(quoted)
	}
	named := title == "" && marker != "!!!"
	if named {
		title = calloutTitles[kind] // a details element shows its summary
	}
	reader.AdvanceToEOL()
	return &Callout{Alert: kind, Title: title, Named: named, Collapsible: marker != "!!!", Open: marker == "???+"}, parser.HasChildren
}

// Continue takes blank lines and lines indented by four columns or more,
// without that indent, as the body.
func (admonitionParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if util.IsBlank(line) {
		reader.AdvanceToEOL()
		return parser.Continue | parser.HasChildren
	}
	if w, _ := util.IndentWidth(line, reader.LineOffset()); w < 4 {
		return parser.Close
	}
	pos, padding := util.IndentPosition(line, reader.LineOffset(), 4)
	reader.AdvanceAndSetPadding(pos, padding)
	return parser.Continue | parser.HasChildren
}

func (admonitionParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}
func (admonitionParser) CanInterruptParagraph() bool                                { return true }
func (admonitionParser) CanAcceptIndentedLine() bool                                { return false }

var (
	hintOpenRE  = regexp.MustCompile(`^\{%-?[ \t]*hint[ \t]+style=["']?([\w-]*)["']?[ \t]*-?%\}[ \t]*$`)
	hintCloseRE = regexp.MustCompile(`(?m)^[ \t]*\{%-?[ \t]*endhint[ \t]*-?%\}[ \t]*\r?$`)
)

// hintKinds maps GitBook's hint styles to callout kinds.
var hintKinds = map[string]string{"info": "note", "success": "tip", "warning": "warning", "danger": "caution"}

type hintParser struct{ fenced }

func (hintParser) Trigger() []byte { return []byte{'{'} }

// Open takes a hint only when its {% endhint %} follows on a line of its
// own; otherwise the line is text (and a warning, unrendered).
func (hintParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	m := hintOpenRE.FindSubmatch(trimEOL(line))
	if m == nil || !hintCloseRE.Match(reader.Source()[seg.Stop:]) {
		return nil, parser.NoChildren
	}
	kind, ok := hintKinds[strings.ToLower(string(m[1]))]
	if !ok {
		kind = "note"
	}
	reader.AdvanceToEOL()
	return &Callout{Alert: kind, Title: calloutTitles[kind], Named: true, markers: [][2]int{{seg.Start, seg.Stop}}}, parser.HasChildren
}

// Continue closes the hint at its {% endhint %} line, which it consumes;
// every other line is the body, as it is.
func (hintParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return continueUntil(node, reader, hintCloseRE.Match)
}

// fenced is what the parsers of callouts that a line of their own closes
// (GitBook hints, containers) share: they interrupt a paragraph, and an
// indented line is not code to them.
type fenced struct{}

func (fenced) Close(node ast.Node, reader text.Reader, pc parser.Context) {}
func (fenced) CanInterruptParagraph() bool                                { return true }
func (fenced) CanAcceptIndentedLine() bool                                { return false }

// continueUntil continues callout node until the line closes matches,
// which it consumes as a marker (not text).
func continueUntil(node ast.Node, reader text.Reader, closes func(line []byte) bool) parser.State {
	line, seg := reader.PeekLine()
	if closes(trimEOL(line)) {
		c := node.(*Callout)
		c.markers = append(c.markers, [2]int{seg.Start, seg.Stop})
		reader.AdvanceToEOL()
		return parser.Close
	}
	return parser.Continue | parser.HasChildren
}
