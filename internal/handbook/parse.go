package handbook

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/source"
	"github.com/batonhq/baton/internal/strictyaml"
	"go.yaml.in/yaml/v3"
)

// FileKind says what a source file is.
type FileKind int

const (
	KindOther FileKind = iota
	KindPage
	KindRole
	KindPath
	KindConfig
	KindStatic
	KindPerson
	KindGlossary
)

// Parsed is one source file, parsed and checked on its own. It is immutable
// and depends only on the file's path and bytes (and the Markdown settings),
// so a build may cache it by content.
type Parsed struct {
	File   string
	Kind   FileKind
	Page   *ParsedPage
	Role   *ParsedRole
	Path   *ParsedPath
	Person *ParsedPerson
	// Glossary is set for content/glossary.yaml.
	Glossary *ParsedGlossary
	Size     int64
	Diags    diag.List
}

// FrontMatter is a page's YAML header.
type FrontMatter struct {
	Title   strictyaml.Str `yaml:"title,required"`
	Summary string         `yaml:"summary"`
	// Description is the summary's name in Hugo, MkDocs and most other
	// tools; Summary wins when both are set.
	Description      string           `yaml:"description"`
	Weight           int              `yaml:"weight"`
	Slug             strictyaml.Str   `yaml:"slug"`
	Roles            []strictyaml.Str `yaml:"roles"`
	Responsibilities []strictyaml.Str `yaml:"responsibilities"`
	Tags             []strictyaml.Str `yaml:"tags"`
	Reflect          []string         `yaml:"reflect"`
	Draft            bool             `yaml:"draft"`
	// Aliases are the page's old URLs, each written as a redirect page
	// (Hugo's key); RedirectFrom is Jekyll's name for them, read only in
	// a handbook written for another tool.
	Aliases      []strictyaml.Str `yaml:"aliases"`
	RedirectFrom []strictyaml.Str `yaml:"redirect_from"`
	// RedirectTo makes the page a redirect to a page of the site or
	// another site's address (Jekyll's key): only the way on is written.
	RedirectTo strictyaml.Str `yaml:"redirect_to"`
	// Owners, Reviewed and ReviewEvery: who keeps the page true, and
	// when it was last checked (Review).
	Owners      []strictyaml.Str `yaml:"owners"`
	Reviewed    strictyaml.Str   `yaml:"reviewed"`
	ReviewEvery strictyaml.Str   `yaml:"review_every"`
	// Glossary: false leaves the page's words unmarked by the glossary.
	Glossary *bool `yaml:"glossary"`
	// TranslationKey pairs the page with its translations in a
	// multilingual handbook when their files are named differently: pages
	// of two languages with the same key are one page. By default a page
	// is paired by its path in its language's folder.
	TranslationKey string `yaml:"translation_key"`
	Pos            diag.Pos
	// Params are the keys baton does not know, kept for layouts
	// (.Page.Params), in a handbook written for another tool (ParseOptions).
	Params []strictyaml.Extra
}

// ParsedPage is a Markdown file before resolution.
type ParsedPage struct {
	FrontMatter FrontMatter
	Doc         *markdown.Doc
	// LinkPos holds the position of each of Doc.Links, TargetPos of
	// each of Doc.Targets.
	LinkPos   []diag.Pos
	TargetPos []diag.Pos
}

// RoleFile is the YAML of a role.
type RoleFile struct {
	Title            strictyaml.Str       `yaml:"title,required"`
	Summary          strictyaml.Str       `yaml:"summary,required"`
	Part             string               `yaml:"part"`
	Weight           int                  `yaml:"weight"`
	Owns             []string             `yaml:"owns"`
	Influences       []string             `yaml:"influences"`
	Needs            []string             `yaml:"needs"`
	CollaboratesWith []strictyaml.Str     `yaml:"collaborates_with"`
	Responsibilities []ResponsibilityFile `yaml:"responsibilities"`
	Levels           []LevelFile          `yaml:"levels"`
	Owners           []strictyaml.Str     `yaml:"owners"`
	Reviewed         strictyaml.Str       `yaml:"reviewed"`
	ReviewEvery      strictyaml.Str       `yaml:"review_every"`
	Pos              diag.Pos
}

// ResponsibilityFile is one responsibility inside a role's YAML.
type ResponsibilityFile struct {
	ID      strictyaml.Str `yaml:"id,required"`
	Title   strictyaml.Str `yaml:"title,required"`
	Kind    strictyaml.Str `yaml:"kind,required"`
	Stage   strictyaml.Str `yaml:"stage,required"`
	Summary string         `yaml:"summary"`
	// Involved are the keys that name the holders of the model's letters
	// (partners:, or RACI's accountable: and the rest), which the
	// resolver checks against the site's model.
	Involved []strictyaml.Keyed `yaml:",rest"`
	Pos      diag.Pos
}

// LevelFile is one level of a role's career ladder.
type LevelFile struct {
	ID           strictyaml.Str `yaml:"id,required"`
	Title        strictyaml.Str `yaml:"title,required"`
	Summary      string         `yaml:"summary"`
	Expectations []string       `yaml:"expectations"`
}

// ParsedRole is a role file before resolution.
type ParsedRole struct {
	ID   string
	Data RoleFile
}

// PathFile is the YAML of a reading path.
type PathFile struct {
	Title       strictyaml.Str   `yaml:"title,required"`
	Summary     string           `yaml:"summary"`
	Audience    string           `yaml:"audience"`
	Steps       []StepFile       `yaml:"steps,required"`
	Owners      []strictyaml.Str `yaml:"owners"`
	Reviewed    strictyaml.Str   `yaml:"reviewed"`
	ReviewEvery strictyaml.Str   `yaml:"review_every"`
	Pos         diag.Pos
}

// StepFile is one step of a path's YAML.
type StepFile struct {
	Page           strictyaml.Str `yaml:"page"`
	Role           strictyaml.Str `yaml:"role"`
	Responsibility strictyaml.Str `yaml:"responsibility"`
	Why            string         `yaml:"why"`
	Pos            diag.Pos
}

// ParsedPath is a reading path file before resolution.
type ParsedPath struct {
	ID   string
	Data PathFile
}

// IDPattern is the regular expression every role, responsibility and path
// id matches (the JSON schemas carry it too).
const IDPattern = config.IDPattern

// ValidID reports whether s is a valid role, responsibility or path id:
// lower-case letters and digits in words joined by single hyphens.
func ValidID(s string) bool { return config.ValidID(s) }

// Classify says what a content file is from its path alone.
func Classify(f source.File) FileKind {
	p := f.Path
	switch {
	case f.Static:
		return KindStatic
	case p == "content/handbook.yaml":
		return KindConfig
	case p == GlossaryPath:
		return KindGlossary
	case IsPageFile(p):
		return KindPage
	case path.Dir(p) == "content/roles" && isYAML(p):
		return KindRole
	case path.Dir(p) == "content/paths" && isYAML(p):
		return KindPath
	case path.Dir(p) == "content/people" && isYAML(p):
		return KindPerson
	}
	return KindOther
}

// pageExts are the extensions of Markdown pages: baton's own, and what
// other tools write (MDX is Markdown with components, reported when met;
// Middleman's pages name the file they become, x.html.md, and the
// template language that runs over them, x.html.md.erb).
var pageExts = []string{".md", ".markdown", ".mdx", ".html.md", ".md.erb", ".html.md.erb"}

// pageExt is the extension of page file p, the longest of pageExts it
// ends with in any case, or "" when p is no page.
func pageExt(p string) string {
	ext := ""
	for _, e := range pageExts {
		if len(e) > len(ext) && len(p) >= len(e) && strings.EqualFold(p[len(p)-len(e):], e) {
			ext = e
		}
	}
	return ext
}

// IsPageFile reports whether p names a Markdown page.
func IsPageFile(p string) bool { return pageExt(p) != "" }

// pageStem is page file p without its extension: in a handbook written
// for another tool, the longest of pageExts it ends with (x.html.md.erb is
// x); in a baton handbook, and for any other file, its last one.
func pageStem(p string, strict bool) string {
	if ext := pageExt(p); ext != "" && !strict {
		return p[:len(p)-len(ext)]
	}
	return strings.TrimSuffix(p, path.Ext(p))
}

func isYAML(p string) bool { return path.Ext(p) == ".yaml" || path.Ext(p) == ".yml" }

// ParseOptions say how to read a page.
type ParseOptions struct {
	// Lenient reads a page written for another tool (a handbook without
	// handbook.yaml): front matter may be missing or have no title (the
	// resolver finds one), and keys baton does not know are kept in
	// Params, but for a typo of a known key. A baton handbook is read
	// strictly: every page has front matter with a title, and an unknown
	// key is an error.
	Lenient bool
	// Terms are the glossary's, whose first use on a page is marked (nil:
	// none); the parse of a page then depends on them.
	Terms *markdown.Terms
}

// Parse reads one content file strictly (ParseWith).
func Parse(f source.File, md *markdown.Renderer) *Parsed { return ParseWith(f, md, ParseOptions{}) }

// ParseWith reads one content file. It never fails: problems are in Diags,
// and a panic in a parser below it (Markdown, highlighting) becomes a
// diagnostic on the file, so no input can crash a build or the server.
func ParseWith(f source.File, md *markdown.Renderer, opts ParseOptions) (p *Parsed) {
	p = &Parsed{File: f.Path, Kind: Classify(f), Size: f.Size}
	start := diag.Pos{File: f.Path, Line: 1, Col: 1}
	defer func() {
		if r := recover(); r != nil {
			p.Page, p.Role, p.Path, p.Person, p.Glossary = nil, nil, nil, nil, nil
			p.Diags.Errorf(start, "cannot read this file: a parser failed on it (%v)", r)
		}
	}()
	if p.Kind == KindGlossary && opts.Lenient {
		// In a handbook written for another tool a glossary.yaml beside
		// the pages is that tool's data, not baton's glossary.
		p.Kind = KindOther
	}
	switch p.Kind {
	case KindStatic, KindConfig:
		return p
	case KindOther:
		if opts.Lenient {
			// A data or settings file beside the pages of a handbook
			// written for another tool: copied, if a page links to it.
			p.Kind = KindStatic
			return p
		}
		p.Diags.Errorf(start, "a YAML file must be content/handbook.yaml, content/glossary.yaml, a role in content/roles/, a path in content/paths/ or a person in content/people/")
		return p
	}
	if pos, ok := diag.CheckUTF8(f.Path, f.Data); !ok {
		if !opts.Lenient || p.Kind != KindPage {
			p.Diags.Errorf(pos, "invalid UTF-8")
			return p
		}
		// As a Markdown viewer shows it: each bad byte a replacement
		// character.
		p.Diags.Warnf(pos, "invalid UTF-8 (shown as �; save the file as UTF-8)")
		f.Data = bytes.ToValidUTF8(f.Data, []byte("\uFFFD"))
	}
	switch p.Kind {
	case KindPage:
		p.Page = parsePage(f, md, opts, &p.Diags)
	case KindRole:
		r := &ParsedRole{}
		r.ID = decodeNamed(f, "role", "product-manager", &r.Data, &p.Diags)
		p.Role = r
	case KindPath:
		r := &ParsedPath{}
		r.ID = decodeNamed(f, "path", "first-week", &r.Data, &p.Diags)
		p.Path = r
	case KindPerson:
		r := &ParsedPerson{}
		r.ID = decodeNamed(f, "person", "ada-lovelace", &r.Data, &p.Diags)
		p.Person = r
	case KindGlossary:
		p.Glossary = parseGlossary(f, md, &p.Diags)
	}
	return p
}

// decodeNamed decodes f, a role's, path's or person's file (what), into
// data, and returns its id: its file name, which must be a valid id, as
// example is. The three kinds are named and read alike.
func decodeNamed(f source.File, what, example string, data any, diags *diag.List) string {
	id := strings.TrimSuffix(path.Base(f.Path), path.Ext(f.Path))
	if !ValidID(id) {
		diags.Errorf(diag.Pos{File: f.Path, Line: 1, Col: 1}, "%s id %q (the file name) must be lower-case words joined by hyphens, like %s", what, id, example)
	}
	diags.Append(strictyaml.Decode(f.Path, f.Data, 0, data))
	return id
}

func parsePage(f source.File, md *markdown.Renderer, opts ParseOptions, diags *diag.List) *ParsedPage {
	fm, err := source.SplitFrontMatter(f.Data)
	if err != nil {
		diags.Errorf(diag.Pos{File: f.Path, Line: 1, Col: 1}, "%v", err)
		return nil
	}
	pp := &ParsedPage{}
	switch {
	case fm.TOML && opts.Lenient:
		for _, d := range decodeTOML(f.Path, fm, &pp.FrontMatter) {
			if d.Code == diag.Unparsable {
				d.Severity = diag.Warning
				d.Message += "; the page is built without its front matter"
				pp.FrontMatter = FrontMatter{}
			}
			diags.Append(diag.List{d})
		}
	case fm.TOML:
		diags.Errorf(diag.Pos{File: f.Path, Line: 1, Col: 1}, "a page needs front matter with a title: start the file with ---, title: ..., --- (+++ TOML front matter is read only in a handbook without handbook.yaml)")
	case fm.Present && opts.Lenient:
		for _, d := range strictyaml.DecodeLenient(f.Path, fm.YAML, fm.Line-1, &pp.FrontMatter) {
			if d.Code == diag.Unparsable {
				// Other tools show such a page all the same: so does
				// baton, without its front matter.
				d.Severity = diag.Warning
				d.Message += "; the page is built without its front matter"
				pp.FrontMatter = FrontMatter{}
			}
			diags.Append(diag.List{d})
		}
	case fm.Present:
		diags.Append(strictyaml.Decode(f.Path, fm.YAML, fm.Line-1, &pp.FrontMatter))
	case !opts.Lenient && path.Base(f.Path) != "_index.md":
		diags.Errorf(diag.Pos{File: f.Path, Line: 1, Col: 1}, "a page needs front matter with a title: start the file with ---, title: ..., ---")
	}
	if fm.Present && pp.FrontMatter.Title.Value == "" && pp.FrontMatter.Title.Pos.Line != 0 {
		if opts.Lenient {
			// "title:" left empty (or a comment alone) in a page written
			// for another tool, which builds it all the same.
			diags.Warnf(pp.FrontMatter.Title.Pos, "title is empty; the page's heading or file name is its title")
		} else {
			diags.Errorf(pp.FrontMatter.Title.Pos, "title must not be empty")
		}
	}
	terms := opts.Terms
	if g := pp.FrontMatter.Glossary; g != nil && !*g {
		terms = nil
	}
	body, mdx := lenientBody(f.Path, fm.Body, opts)
	doc, err := md.PrepareWith(body, terms)
	if err != nil {
		diags.Errorf(diag.Pos{File: f.Path, Line: 1, Col: 1}, "cannot render Markdown: %v", err)
		return nil
	}
	pp.Doc = doc
	pp.LinkPos = make([]diag.Pos, len(doc.Links))
	lines := newLineIndex(fm.Body)
	for _, w := range append(mdx, docWarnings(doc)...) {
		line, col := lines.lineCol(w.offset)
		*diags = append(*diags, diag.Diagnostic{Pos: diag.Pos{File: f.Path, Line: line + fm.BodyLine - 1, Col: col}, Severity: diag.Warning, Message: w.msg, Code: w.code})
	}
	for i, l := range doc.Links {
		line, col := lines.lineCol(l.Offset)
		pp.LinkPos[i] = diag.Pos{File: f.Path, Line: line + fm.BodyLine - 1, Col: col}
	}
	if len(doc.Targets) > 0 {
		pp.TargetPos = make([]diag.Pos, len(doc.Targets))
		for i, t := range doc.Targets {
			line, col := lines.lineCol(t.Offset)
			pp.TargetPos[i] = diag.Pos{File: f.Path, Line: line + fm.BodyLine - 1, Col: col}
		}
	}
	return pp
}

// lenientBody is the body of the page at file as baton reads it: in a
// handbook written for another tool, Jekyll's {{ site.baseurl }} links
// made destinations, FastAPI's include lines left out, Nuxt Content's MDC
// blocks read (markdown.MDC), and an MDX page's statements and JSX tag
// lines left out (with their warnings); body itself is never changed.
func lenientBody(file string, body []byte, opts ParseOptions) ([]byte, []bodyWarning) {
	if !opts.Lenient {
		return body, nil
	}
	body, warns := includeLines(siteRootDests(body))
	body, mdc := markdown.MDC(body)
	for _, w := range mdc {
		warns = append(warns, bodyWarning{w.Offset, w.Message, w.Code})
	}
	if path.Ext(file) == ".mdx" {
		var mdx []bodyWarning
		body, mdx = mdxFlow(body)
		warns = append(warns, mdx...)
	}
	return body, warns
}

// Transient reports whether the parse depends on the moment it was made (a
// code block whose highlighting ran out of time): a later build must parse
// the file again rather than reuse it.
func (p *Parsed) Transient() bool {
	return p.Page != nil && p.Page.Doc != nil && p.Page.Doc.Transient
}

// lineIndex turns byte offsets into lines and columns in O(log n).
type lineIndex struct{ starts []int }

func newLineIndex(src []byte) lineIndex {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{starts: starts}
}

func (x lineIndex) lineCol(off int) (int, int) {
	lo, hi := 0, len(x.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if x.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1, off - x.starts[lo] + 1
}

// decodeTOML reads front matter written in TOML, as Hugo sites have it,
// into fm as lenient YAML front matter is: by way of YAML, so every key is
// read by the same rules. TOML keeps no positions for its keys: a problem
// with one is reported on the front matter's first line.
func decodeTOML(file string, fm source.FrontMatter, v *FrontMatter) diag.List {
	var diags diag.List
	var m map[string]any
	if _, err := toml.Decode(string(fm.YAML), &m); err != nil {
		pos := diag.Pos{File: file, Line: fm.Line, Col: 1}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			pos.Line += pe.Position.Line - 1
		}
		diags = append(diags, diag.Diagnostic{Pos: pos, Message: fmt.Sprintf("invalid TOML front matter: %v", err), Code: diag.Unparsable})
		return diags
	}
	y, err := yaml.Marshal(m)
	if err != nil {
		diags.Errorf(diag.Pos{File: file, Line: fm.Line, Col: 1}, "cannot read TOML front matter: %v", err)
		return diags
	}
	for _, d := range strictyaml.DecodeLenient(file, y, fm.Line-1, v) {
		d.Pos = diag.Pos{File: file, Line: fm.Line, Col: 1}
		diags = append(diags, d)
	}
	return diags
}

// siteRootInDestRE matches a link destination (after "](" or "]: ") that
// starts with Jekyll's {{ site.baseurl }} or {{ site.url }}, with blanks
// in its braces.
var siteRootInDestRE = regexp.MustCompile(`(?:\]\(<?|\]:[ \t]+<?)((?:\{\{-?[ \t]*site\.(?:baseurl|url)[ \t]*-?\}\})+)`)

// siteRootDests is body with the blanks inside {{ site.baseurl }} and
// {{ site.url }} at the start of a link's destination made underscores:
// Markdown ends a destination at a blank, so "[a]({{ site.baseurl }}/a/)"
// was no link but text, which Jekyll's kramdown reads as a link. The
// resolver reads either form as the site's root (siteRootRE). Every byte
// stays where it was, so positions hold; body is copied only when it has
// such a link.
func siteRootDests(body []byte) []byte {
	if !bytes.Contains(body, []byte("{{")) {
		return body
	}
	ms := siteRootInDestRE.FindAllSubmatchIndex(body, -1)
	if ms == nil {
		return body
	}
	out := bytes.Clone(body)
	for _, m := range ms {
		for i := m[2]; i < m[3]; i++ {
			if out[i] == ' ' || out[i] == '\t' {
				out[i] = '_'
			}
		}
	}
	return out
}
