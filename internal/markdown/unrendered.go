package markdown

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/batonhq/baton/internal/diag"
	"github.com/yuin/goldmark/ast"
)

// Handbooks written for other tools use syntax only those tools render:
// Hugo shortcodes, Liquid (Jekyll, GitBook) and other template tags, ERB
// (Middleman), MDX imports, exports and JSX components, containers. baton shows them as text (or, for JSX, drops the tag and
// keeps its content); unrendered says so once per document and kind, with
// the count and the first one's place, outside code.

var (
	hugoRE        = regexp.MustCompile(`\{\{[<%][ \t]*(/?)[^{}\n]*?[>%]\}\}`)
	liquidTagRE   = regexp.MustCompile(`\{%-?[ \t]*([A-Za-z][\w-]*)[^{}\n]*?-?%\}`)
	liquidValueRE = regexp.MustCompile(`\{\{-?[ \t]*[^\s<%{}][^{}\n]*?\}\}`)
	erbRE         = regexp.MustCompile(`<%[^\n]*?%>`)
	containerRE   = regexp.MustCompile(`(?m)^[ \t]*(:{3,}[ \t]*[A-Za-z][^\n]*)$`)
	mystColonRE   = regexp.MustCompile(`(?m)^[ \t]*(:{3,}\{[A-Za-z][^\n]*)$`)
	mdxRE         = regexp.MustCompile(`(?m)^(?:import[ \t]+(?:[\w*{}, \t]+[ \t]from[ \t]+)?["'][^"'\n]+["'];?[ \t]*\r?$|export[ \t]+(?:default\b|const[ \t]|let[ \t]|var[ \t]|function[ \t]|async[ \t]|\{))`)
)

// gitbookBlocks are GitBook's own Liquid tags (a hint is a callout).
var gitbookBlocks = map[string]bool{
	"embed": true, "content-ref": true, "tabs": true, "tab": true, "code": true, "file": true,
	"swagger": true, "swagger-description": true, "swagger-parameter": true, "swagger-response": true,
	"api-method": true, "api-method-summary": true, "api-method-description": true, "api-method-spec": true,
	"api-method-request": true, "api-method-response": true, "api-method-response-example": true,
	"stepper": true, "step": true, "columns": true, "column": true, "updates": true, "update": true,
	"hint": true,
}

// unrendered warns on d about the syntax of other tools in src, outside
// code, and about the template loops left out of it, the first at loop
// (-1: none). A document with none of their opening characters costs a
// few byte searches.
func unrendered(d *Doc, doc ast.Node, src []byte, f found, loop int) {
	braces := bytes.Contains(src, []byte("{{")) || bytes.Contains(src, []byte("{%"))
	mdx := false
	for _, kw := range []string{"import", "export"} {
		mdx = mdx || bytes.HasPrefix(src, []byte(kw)) || bytes.Contains(src, []byte("\n"+kw))
	}
	colons := bytes.Contains(src, []byte(":::"))
	erb := bytes.Contains(src, []byte("<%"))
	myst := bytes.Contains(src, []byte("```{")) || bytes.Contains(src, []byte("~~~{")) || bytes.Contains(src, []byte(":::{"))
	var warnings []Warning
	if loop >= 0 {
		warnings = append(warnings, Warning{Offset: loop, Message: "a template loop ({% for … %} to {% endfor %}, as Liquid, Jekyll and Nunjucks write them), which baton does not run, is left out of the page; the first is here"})
	}
	if f.jsx.n > 0 {
		warnings = append(warnings, Warning{Offset: f.jsx.first, Message: fmt.Sprintf("%s (a JSX component such as <Tabs>, or words in angle brackets, which Markdown reads as a tag), which baton does not render: the tag and the words in it are dropped (write \\< for a literal <); the first is here", plural(f.jsx.n, "capitalised tag"))})
	}
	if braces || mdx || colons || erb || myst {
		code := codeRanges(doc, src)
		if span, ok := templateLead(doc, src); ok {
			code = append([][2]int{span}, code...) // not shown, so not warned; first, as code stays sorted
		}
		var imports, containers, erbTags, directives count
		if braces {
			warnings = append(warnings, braceTags(src, code)...)
		}
		if mdx {
			matchesOutside(mdxRE, src, code, func(m []int) { imports.add(m[0]) })
		}
		if erb {
			matchesOutside(erbRE, src, code, func(m []int) { erbTags.add(m[0]) })
		}
		if colons {
			// A callout's marker starts at its colons, inside a list
			// after the item's indent.
			for _, m := range containerRE.FindAllSubmatchIndex(src, -1) {
				if !inRanges(code, m[2]) {
					containers.add(m[2])
				}
			}
		}
		if myst {
			// A directive that is no callout: in backticks or tildes a
			// code block (but for code directives, which are code), in
			// colons text.
			_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if b, ok := n.(*ast.FencedCodeBlock); ok && entering {
					if name, ok := mystDirective(b.Language(src)); ok && !mystCodeNames[name] && b.Info != nil {
						directives.add(b.Info.Segment.Start)
					}
					return ast.WalkSkipChildren, nil
				}
				return ast.WalkContinue, nil
			})
			matchesOutside(mystColonRE, src, code, func(m []int) { directives.add(m[2]) })
		}
		if erbTags.n > 0 {
			warnings = append(warnings, Warning{Offset: erbTags.first, Message: fmt.Sprintf("%s (<%% … %%>, as Middleman and Rails write them), which baton does not run (shown as text); the first is here", plural(erbTags.n, "ERB tag"))})
		}
		if directives.n > 0 {
			warnings = append(warnings, Warning{Offset: directives.first, Message: fmt.Sprintf("%s ({name} after a fence, as MyST and Jupyter Book write them) that baton does not render (shown as code or text; only admonitions are callouts); the first is here", plural(directives.n, "MyST directive"))})
		}
		if containers.n > 0 {
			warnings = append(warnings, Warning{Offset: containers.first, Message: fmt.Sprintf("%s (:::name, as Docusaurus and VitePress write them), which baton does not render (shown as text): of a kind that is no callout, or never closed with a line of colons; the first is here", plural(containers.n, "container"))})
		}
		if imports.n > 0 {
			warnings = append(warnings, Warning{Offset: imports.first, Message: fmt.Sprintf("%s, which baton does not run (shown as text); the first is here", plural(imports.n, "MDX import or export line"))})
		}
	}
	slices.SortStableFunc(warnings, func(a, b Warning) int { return a.Offset - b.Offset })
	for _, w := range warnings {
		w.Code = diag.Unrendered
		d.Warnings = append(d.Warnings, w)
	}
}

// matchesOutside calls fn with each match of re in src outside code.
func matchesOutside(re *regexp.Regexp, src []byte, code [][2]int, fn func(m []int)) {
	for _, m := range re.FindAllSubmatchIndex(src, -1) {
		if !inRanges(code, m[0]) {
			fn(m)
		}
	}
}

// braceTags warns about the template tags in braces in src outside code:
// Hugo shortcodes, GitBook's blocks, and other Liquid tags and values.
func braceTags(src []byte, code [][2]int) []Warning {
	var hugo, liquid, gitbook count
	var taken [][2]int // Hugo shortcodes, which hold Liquid's {% %}
	var gitbookNames []string
	matchesOutside(hugoRE, src, code, func(m []int) {
		taken = append(taken, [2]int{m[0], m[1]})
		if m[3] == m[2] { // not a closing {{< /name >}}
			hugo.add(m[0])
		}
	})
	matchesOutside(liquidTagRE, src, code, func(m []int) {
		if inRanges(taken, m[0]) {
			return
		}
		name := string(src[m[2]:m[3]])
		switch {
		case strings.HasPrefix(name, "end"), name == "else", name == "elsif", name == "when":
		case gitbookBlocks[name]:
			gitbook.add(m[0])
			if !slices.Contains(gitbookNames, name) {
				gitbookNames = append(gitbookNames, name)
			}
		default:
			liquid.add(m[0])
		}
	})
	matchesOutside(liquidValueRE, src, code, func(m []int) {
		if !inRanges(taken, m[0]) && !siteRootLink(src, m[0], m[1]) {
			liquid.add(m[0])
		}
	})
	var warnings []Warning
	if hugo.n > 0 {
		warnings = append(warnings, Warning{Offset: hugo.first, Message: fmt.Sprintf("%s, which baton does not render (shown as text); the first is here", plural(hugo.n, "Hugo shortcode"))})
	}
	if liquid.n > 0 {
		warnings = append(warnings, Warning{Offset: liquid.first, Message: fmt.Sprintf("%s ({%% … %%} or {{ … }}, as Liquid and Jekyll write them), which baton does not render (shown as text); the first is here", plural(liquid.n, "template tag"))})
	}
	if gitbook.n > 0 {
		slices.Sort(gitbookNames)
		warnings = append(warnings, Warning{Offset: gitbook.first, Message: fmt.Sprintf("%s (%s), which baton does not render (shown as text); the first is here", plural(gitbook.n, "GitBook block"), strings.Join(gitbookNames, ", "))})
	}
	return warnings
}

// siteRootValueRE matches Jekyll's {{ site.baseurl }} and {{ site.url }}.
// A handbook written for another tool reads its blanks as underscores
// (handbook's siteRootDests), so that Markdown takes it as a destination.
var siteRootValueRE = regexp.MustCompile(`^\{\{-?[ \t_]*site\.(?:baseurl|url)[ \t_]*-?\}\}$`)

// siteRootLink reports whether src[start:end], a Liquid value, is the
// site's root at the start of a link's destination ("](" or "]: " before
// it), which a handbook written for another tool resolves as a link from
// the root (handbook's link): it is not shown as text.
func siteRootLink(src []byte, start, end int) bool {
	if !siteRootValueRE.Match(src[start:end]) {
		return false
	}
	before := src[:start]
	for bytes.HasSuffix(before, []byte("}}")) {
		// {{ site.url }}{{ site.baseurl }}: the one before is the link's.
		i := bytes.LastIndex(before, []byte("{{"))
		if i < 0 || !siteRootValueRE.Match(before[i:]) {
			return false
		}
		before = before[:i]
	}
	return bytes.HasSuffix(before, []byte("](")) || bytes.HasSuffix(before, []byte("]: ")) || bytes.HasSuffix(before, []byte("](<"))
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// codeRanges are the byte ranges of src that are code (blocks, spans, raw
// <pre> blocks) or the markers of callouts (GitBook hints, containers), in
// order.
func codeRanges(doc ast.Node, src []byte) [][2]int {
	var out [][2]int
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			if l := n.Lines(); l.Len() > 0 {
				out = append(out, [2]int{l.At(0).Start, l.At(l.Len() - 1).Stop})
			}
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			if l := n.Lines(); l.Len() > 0 && bytes.HasPrefix(bytes.ToLower(bytes.TrimSpace(src[l.At(0).Start:l.At(0).Stop])), []byte("<pre")) {
				end := l.At(l.Len() - 1).Stop
				if n.HasClosure() {
					end = n.ClosureLine.Stop
				}
				out = append(out, [2]int{l.At(0).Start, end})
			}
		case *Callout:
			out = append(out, n.markers...)
		case *ast.CodeSpan:
			start, stop := -1, -1
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					if start < 0 {
						start = t.Segment.Start
					}
					stop = t.Segment.Stop
				}
			}
			if start >= 0 {
				out = append(out, [2]int{start, stop})
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	slices.SortFunc(out, func(a, b [2]int) int { return a[0] - b[0] })
	return out
}

// inRanges reports whether offset o is inside one of the sorted ranges.
func inRanges(rs [][2]int, o int) bool {
	i, _ := slices.BinarySearchFunc(rs, o, func(r [2]int, o int) int {
		switch {
		case r[1] <= o:
			return -1
		case r[0] > o:
			return 1
		}
		return 0
	})
	return i < len(rs) && rs[i][0] <= o && o < rs[i][1]
}
