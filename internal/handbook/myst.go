package handbook

import (
	"fmt"
	"html"
	"net/url"
	"strings"

	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/markdown"
)

// MyST's cross-references (markdown/mystref.go): a label, written
// "(label)=" before a heading or as a directive's :name:, is global to the
// site, as in Sphinx, so {ref}`label` and [text](label) on any page lead to
// the page and heading that has it, showing the heading's text when they
// give none; {doc}`path` leads to a page, showing its title. Only pages
// the Markdown stage read as MyST's have targets and roles, so a baton
// handbook resolves as before.

// label is where a MyST label leads: the page, the fragment of its anchor
// ("" for the page itself), the text a reference shows, and where it is
// written.
type label struct {
	page *Page
	frag string
	text string
	pos  diag.Pos
}

// mystLabels gathers the labels of every page, in page order; a label
// written twice is a warning at the second, which links do not reach.
// Labels are compared without case, as Sphinx does.
func (r *resolver) mystLabels(files []*Parsed) {
	for _, f := range files {
		p := r.pages[f.File]
		if p == nil || len(p.Doc.Targets) == 0 {
			continue
		}
		for i, t := range p.Doc.Targets {
			l := label{page: p, frag: t.Label, text: t.Text, pos: f.Page.TargetPos[i]}
			if t.Top {
				l.frag, l.text = "", p.Title
			}
			if l.text == "" {
				l.text = t.Label
			}
			key := strings.ToLower(t.Label)
			if prev, ok := r.labels[key]; ok {
				r.diags = append(r.diags, diag.Diagnostic{Pos: l.pos, Severity: diag.Warning, Code: diag.BrokenAnchor,
					Message: fmt.Sprintf("label %q is already a target at %s; links to it lead there", t.Label, r.showPos(prev.pos))})
				continue
			}
			if r.labels == nil {
				r.labels = map[string]label{}
			}
			r.labels[key] = l
		}
	}
}

// showPos names a position in a message.
func (r *resolver) showPos(pos diag.Pos) string {
	return fmt.Sprintf("%s:%d:%d", r.show(pos.File), pos.Line, pos.Col)
}

// toLabel is the link to a label, and whether the site has it.
func (r *resolver) toLabel(name string) (Href, bool) {
	l, ok := r.labels[strings.ToLower(name)]
	if !ok {
		return Href{}, false
	}
	return Href{URL: l.page.URL, Fragment: l.frag, Text: l.text}, true
}

// mystLink resolves link l of page p where it is MyST's: a role, or a
// Markdown link to a label. It reports false for a link it leaves to
// link, as any other.
func (r *resolver) mystLink(p *Page, l markdown.Link, pos diag.Pos, seenRole map[*Role]bool) (Href, bool) {
	switch l.Role {
	case "ref", "numref":
		if h, ok := r.toLabel(l.Dest); ok {
			return h, true
		}
		r.broken(diag.BrokenAnchor, pos, "{%s}`%s`: no target (label)= of that name in the site%s", l.Role, l.Dest, diag.DidYouMean(l.Dest, sortedKeys(r.labels)))
		return Href{}, true
	case "doc":
		// A page's path without its extension, from the page's folder or
		// (with a leading /) the book's: as any link.
		h := r.link(p, l.Dest, false, pos, seenRole)
		if q := r.pageAt(h); q != nil {
			h.Text = q.Title
		}
		return h, true
	case "":
	default: // download: a file, as any link
		return Href{}, false
	}
	if len(r.labels) == 0 || r.cfg.Strict {
		return Href{}, false
	}
	dest := html.UnescapeString(l.Dest)
	target, frag, _ := strings.Cut(dest, "#")
	switch {
	case target == "" && !r.hasFragment(p.File, frag):
		// [](#label): a heading of the page, else a label anywhere.
		return r.toLabel(frag)
	case target != "" && frag == "":
		// [text](label), or [text](prefix:label): a file first.
		if unescaped, err := url.PathUnescape(target); err == nil {
			if _, _, found := r.find(p, unescaped, ""); found {
				return Href{}, false
			}
		}
		if h, ok := r.toLabel(target); ok {
			return h, true
		}
		if scheme, ok := urlScheme(target); ok && !strings.EqualFold(scheme, "inv") && crossReference(target, scheme) != "" {
			r.broken(diag.BrokenAnchor, pos, "link %q: no target (label)= of that name in the site%s", l.Dest, diag.DidYouMean(target, sortedKeys(r.labels)))
			return Href{}, true
		}
	}
	return Href{}, false
}

// pageAt is the page h leads to, or nil.
func (r *resolver) pageAt(h Href) *Page {
	if h.External || h.URL == "" {
		return nil
	}
	if f, ok := r.urlFiles[URLKey(h.URL)]; ok {
		return r.pages[f]
	}
	return nil
}

// linkText is the text of a link its source gives none (NoText): the
// heading its fragment names, or the page's title.
func (r *resolver) linkText(h Href) string {
	q := r.pageAt(h)
	if q == nil {
		return ""
	}
	if h.Fragment != "" {
		for _, x := range q.Doc.Headings {
			if x.ID == h.Fragment {
				return x.Text
			}
		}
		for _, t := range q.Doc.Targets {
			if t.Label == h.Fragment {
				return t.Text
			}
		}
		return ""
	}
	return q.Title
}
