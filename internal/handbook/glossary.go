package handbook

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"
	"unicode"

	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/source"
	"github.com/batonhq/baton/internal/strictyaml"
	"golang.org/x/text/unicode/norm"
)

// GlossaryPath is the glossary's file. Its page is at markdown.GlossaryURL.
const GlossaryPath = "content/glossary.yaml"

// GlossaryFile is the YAML of the glossary.
type GlossaryFile struct {
	// Aliases are old URLs of the glossary (a page it replaced), written
	// as a page's aliases are, from the site's root.
	Aliases []strictyaml.Str `yaml:"aliases"`
	Terms   []TermFile       `yaml:"terms,required"`
	Pos     diag.Pos
}

// TermFile is one term of the glossary.
type TermFile struct {
	Term strictyaml.Str `yaml:"term,required"`
	// ID names the term's anchor (#term-ID); by default it is made from
	// the term ("North-star metric" is north-star-metric).
	ID strictyaml.Str `yaml:"id"`
	// Definition is Markdown; its links are read from content/, as a
	// path's steps are.
	Definition strictyaml.Str   `yaml:"definition,required"`
	Aliases    []strictyaml.Str `yaml:"aliases"`
	Related    []RefFile        `yaml:"related"`
	Pos        diag.Pos
}

// RefFile names one page, role or responsibility, as a path's step does.
type RefFile struct {
	Page           strictyaml.Str `yaml:"page"`
	Role           strictyaml.Str `yaml:"role"`
	Responsibility strictyaml.Str `yaml:"responsibility"`
	Pos            diag.Pos
}

// ParsedGlossary is the glossary's file, parsed and checked on its own:
// its ids, its names (no two terms share one), its definitions prepared.
type ParsedGlossary struct {
	Data GlossaryFile
	// IDs[i] is the id of Data.Terms[i], "" for a term in error; Defs[i]
	// its definition, prepared.
	IDs  []string
	Defs []*markdown.Doc
	// Marks is what pages are marked with (ParseOptions.Terms).
	Marks *markdown.Terms
}

// Glossary is the resolved glossary: its terms, alphabetically.
type Glossary struct {
	File  string
	URL   string
	Terms []*Term
	// Updated is the Unix time of the last commit that touched the file,
	// or 0 when unknown.
	Updated int64
}

// Term is a term of the glossary.
type Term struct {
	ID, Title string
	// Anchor is the id of the term's entry on the glossary page.
	Anchor  string
	Aliases []string
	// Definition stands for the definition as a page of its own links,
	// at the glossary's URL.
	Definition *Page
	// Tip is the definition as plain text.
	Tip     string
	Related []Step
}

// URL is the term's entry on the glossary page.
func (t *Term) URL() string { return markdown.GlossaryURL + "#" + t.Anchor }

// TermID makes a term's id from its name: its letters and digits, without
// accents, lower-case, in words joined by hyphens; "" when none is left.
func TermID(name string) string {
	var b strings.Builder
	dash := false
	for _, c := range norm.NFKD.String(strings.ToLower(name)) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(c)
			dash = false
		case unicode.Is(unicode.Mn, c):
		default:
			dash = true
		}
	}
	return b.String()
}

// nameKey is what two names are compared by: case, Unicode form and
// spacing set aside.
func nameKey(s string) string {
	return strings.ToLower(norm.NFC.String(strings.Join(strings.Fields(s), " ")))
}

// parseGlossary decodes the glossary and checks each term on its own and
// against the others: an id, a name no other term or alias has.
func parseGlossary(f source.File, md *markdown.Renderer, diags *diag.List) *ParsedGlossary {
	g := &ParsedGlossary{}
	diags.Append(strictyaml.Decode(f.Path, f.Data, 0, &g.Data))
	names := map[string]diag.Pos{}
	ids := map[string]diag.Pos{}
	var marks []markdown.Term
	for _, t := range g.Data.Terms {
		id := glossaryID(t, ids, diags)
		g.IDs = append(g.IDs, id)
		all := append([]strictyaml.Str{t.Term}, t.Aliases...)
		for i, n := range all {
			what := "term"
			if i > 0 {
				what = "alias"
			}
			key := nameKey(n.Value)
			if !hasLetter(key) {
				diags.Errorf(n.Pos, "%s %q has no letters or digits", what, n.Value)
				continue
			}
			if prev, ok := names[key]; ok {
				diags.Errorf(n.Pos, "%s %q is already a term or alias at %s: a name may stand for one term only", what, n.Value, prev)
				continue
			}
			names[key] = n.Pos
		}
		doc, err := md.Prepare([]byte(t.Definition.Value))
		if err != nil {
			diags.Errorf(t.Definition.Pos, "cannot render Markdown: %v", err)
			doc = nil
		}
		g.Defs = append(g.Defs, doc)
		if id != "" && doc != nil {
			marks = append(marks, markdown.Term{ID: id, Names: values(all), Tip: plainText(doc)})
		}
	}
	g.Marks = markdown.NewTerms(marks)
	return g
}

// glossaryID is a term's id, given or made from the term; "" when it
// has none that is valid or unique.
func glossaryID(t TermFile, ids map[string]diag.Pos, diags *diag.List) string {
	id, pos := t.ID.Value, t.ID.Pos
	switch {
	case id == "":
		id, pos = TermID(t.Term.Value), t.Term.Pos
		if id == "" {
			if strings.TrimSpace(t.Term.Value) != "" {
				diags.Errorf(t.Term.Pos, "term %q makes no id (its anchor): give it one with id:, like id: mvp", t.Term.Value)
			}
			return ""
		}
	case !ValidID(id):
		diags.Errorf(pos, "term id %q must be lower-case words joined by hyphens, like north-star-metric", id)
		return ""
	}
	if prev, ok := ids[id]; ok {
		diags.Errorf(pos, "term id %q is already the id of the term at %s; give one of them another with id:", id, prev)
		return ""
	}
	ids[id] = pos
	return id
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, func(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }) >= 0
}

func values(ss []strictyaml.Str) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.TrimSpace(s.Value)
	}
	return out
}

// plainText is a prepared document's text, its blocks joined by spaces.
func plainText(d *markdown.Doc) string {
	return strings.Join(d.Texts(), " ")
}

// claimGlossary claims the glossary's URL before any page does: a page
// there (content/glossary.md) is an error at that page.
func (r *resolver) claimGlossary() {
	if r.glossary == nil {
		return
	}
	pos := diag.Pos{File: GlossaryPath, Line: 1, Col: 1}
	if r.claim(markdown.GlossaryURL, GlossaryPath, pos) {
		r.urlFiles[URLKey(markdown.GlossaryURL)] = GlossaryPath
	}
}

// glossaryAliases claims the glossary's old URLs, as a page's aliases.
func (r *resolver) glossaryAliases() {
	if r.glossary == nil {
		return
	}
	for _, a := range r.glossary.Data.Aliases {
		from, err := aliasURL(a.Value, "/")
		if err != nil {
			r.redirectProblem(a.Pos, err)
			continue
		}
		r.addRedirect(Redirect{From: from, To: markdown.GlossaryURL, Title: r.cfg.Words().T("glossary.title"), Pos: a.Pos}, "an alias in "+GlossaryPath, GlossaryPath, false)
	}
}

// linkGlossary resolves the glossary once pages, roles and
// responsibilities are known: each definition's links, as on a page in
// content/, and each term's related pages, roles and responsibilities.
func (r *resolver) linkGlossary() {
	g := r.glossary
	if g == nil {
		return
	}
	gl := &Glossary{File: GlossaryPath, URL: markdown.GlossaryURL, Updated: r.opts.Dates[GlossaryPath]}
	for i, tf := range g.Data.Terms {
		if g.IDs[i] == "" || g.Defs[i] == nil {
			continue
		}
		t := &Term{ID: g.IDs[i], Title: strings.TrimSpace(tf.Term.Value), Anchor: markdown.TermAnchor(g.IDs[i]),
			Aliases: values(tf.Aliases), Tip: plainText(g.Defs[i])}
		p := &Page{File: GlossaryPath, URL: markdown.GlossaryURL, Title: t.Title, Doc: g.Defs[i]}
		seen := make(map[*Role]bool, len(r.roleFiles))
		for _, role := range r.roleFiles {
			seen[role] = true // a definition's links make no role's pages
		}
		for _, l := range p.Doc.Links {
			p.Hrefs = append(p.Hrefs, r.docLink(p, l, tf.Definition.Pos, seen))
		}
		t.Definition = p
		for _, ref := range tf.Related {
			if st, ok := r.ref(ref, "related"); ok {
				t.Related = append(t.Related, st)
			}
		}
		gl.Terms = append(gl.Terms, t)
	}
	slices.SortFunc(gl.Terms, func(a, b *Term) int {
		return cmp.Or(strings.Compare(TermID(a.Title), TermID(b.Title)), strings.Compare(nameKey(a.Title), nameKey(b.Title)), strings.Compare(a.ID, b.ID))
	})
	r.site.Glossary = gl
}

// ref finds what a reference names: exactly one of a page (a path inside
// content/), a role or a responsibility.
func (r *resolver) ref(ref RefFile, where string) (Step, bool) {
	n := 0
	for _, v := range []string{ref.Page.Value, ref.Role.Value, ref.Responsibility.Value} {
		if v != "" {
			n++
		}
	}
	switch {
	case n != 1:
		r.diags.Errorf(ref.Pos, "each of %s must name exactly one of page, role or responsibility", where)
	case ref.Role.Value != "":
		role := r.lookupRole(ref.Role, where)
		return Step{Role: role}, role != nil
	case ref.Responsibility.Value != "":
		resp := r.lookupResponsibility(ref.Responsibility, where)
		return Step{Responsibility: resp}, resp != nil
	default:
		p := r.pageRef(ref.Page)
		return Step{Page: p}, p != nil
	}
	return Step{}, false
}

// pageRef finds the page a path inside content/ names, reporting a miss
// with the nearest page's path.
func (r *resolver) pageRef(ref strictyaml.Str) *Page {
	file := path.Join("content", ref.Value)
	if !strings.HasPrefix(file, "content/") || strings.HasPrefix(ref.Value, "/") {
		r.diags.Errorf(ref.Pos, "page %q must be a path inside content/, like playbooks/conductor.md", ref.Value)
		return nil
	}
	if p := r.pages[file]; p != nil {
		return p
	}
	if r.drafts[file] {
		r.diags.Errorf(ref.Pos, "page %s is a draft", file)
		return nil
	}
	var names []string
	for f := range r.pages {
		names = append(names, strings.TrimPrefix(f, "content/"))
	}
	slices.Sort(names)
	r.diags.Errorf(ref.Pos, "no page %s%s", file, diag.DidYouMean(ref.Value, names))
	return nil
}

// docLink resolves link l of page p's document: a glossary term's mark
// leads to its entry, any other link as link resolves it.
func (r *resolver) docLink(p *Page, l markdown.Link, pos diag.Pos, seenRole map[*Role]bool) Href {
	if l.Term != "" {
		return Href{URL: markdown.GlossaryURL, Fragment: markdown.TermAnchor(l.Term)}
	}
	if l.Wiki {
		return r.wikiLink(p, l, pos, seenRole)
	}
	if l.Role != "" || len(r.labels) > 0 {
		if h, ok := r.mystLink(p, l, pos, seenRole); ok {
			return h
		}
	}
	h := r.link(p, l.Dest, l.Image, pos, seenRole)
	if l.NoText {
		h.Text = r.linkText(h)
	}
	return h
}

// glossaryAnchors are the anchors of the glossary page: each term's.
func (r *resolver) glossaryAnchors() []string {
	var ids []string
	for _, id := range r.glossary.IDs {
		if id != "" {
			ids = append(ids, markdown.TermAnchor(id))
		}
	}
	return ids
}

// GlossaryLetter is the terms of the glossary under one letter.
type GlossaryLetter struct {
	// Letter is the terms' first letter, in capitals, or "#" for those
	// that start with another character; ID the anchor of its heading.
	Letter, ID string
	Terms      []*Term
}

// GlossaryLetters groups the terms by their first letter, in their order.
func GlossaryLetters(terms []*Term) []GlossaryLetter {
	var out []GlossaryLetter
	for _, t := range terms {
		l, id := TermLetter(t.Title)
		if len(out) == 0 || out[len(out)-1].Letter != l {
			out = append(out, GlossaryLetter{Letter: l, ID: id})
		}
		out[len(out)-1].Terms = append(out[len(out)-1].Terms, t)
	}
	return out
}

// TermLetter is the letter the glossary lists a term of that title
// under, in capitals, or "#" for one that starts with another character,
// and the anchor of that letter's heading.
func TermLetter(title string) (letter, id string) {
	l := "#"
	for _, c := range norm.NFKD.String(title) {
		if unicode.IsLetter(c) {
			l = strings.ToUpper(string(c))
		}
		break
	}
	id = "letter-" + TermID(l)
	switch {
	case l == "#":
		id = "letter-other"
	case id == "letter-":
		id = fmt.Sprintf("letter-%x", []rune(l)[0])
	}
	return l, id
}
