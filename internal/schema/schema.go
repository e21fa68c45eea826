// Package schema derives JSON Schemas (draft 2020-12) for a handbook's YAML
// files from the very Go structs that strictyaml decodes them into, so what
// an editor checks as people type and what a build accepts cannot drift
// apart.
//
// The walk is mechanical: a yaml tag names a property, ",required" makes it
// required, strictyaml.Str and string are strings, int is an integer, bool a
// boolean, a slice an array, a struct a closed object (additionalProperties:
// false, as strictyaml rejects unknown keys). A small table adds what the
// types cannot say: descriptions for editors' hovers, the kind and stage
// enums, the id pattern for ids and id references. Generation panics when
// that table names a key the structs lack, so a renamed field fails the
// tests rather than silently dropping its constraint.
//
// The schemas are a little stricter than the decoder in two ways, on
// purpose: the decoder also reads a bare number or true written where text
// is expected, and an empty value, as text; the schemas ask for a string.
// And where a responsibility names the holders of a letter (partners:,
// accountable:), the decoder reads one name or a list of them; the schema
// asks for the one name of a letter that has one holder, a list for others.
//
// The role schema follows a site's model (Of's config.Model): the kind and
// stage enums are its kinds and stages, and a responsibility's letter keys
// are its letters', a letter with one holder being required.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/i18n"
	"github.com/batonhq/baton/internal/strictyaml"
)

// Names lists the schemas.
var Names = []string{"config", "role", "playbook", "path", "person", "glossary"}

// File is the file name of the schema called name in a handbook's
// schemas/ folder.
func File(name string) string { return name + ".json" }

// Of returns the schema called name, for a site of model m, as indented
// JSON ending in a newline, or false when there is no such schema.
func Of(name string, m config.Model) ([]byte, bool) {
	d, ok := documents[name]
	if !ok {
		return nil, false
	}
	if name == "role" {
		d = roleDocument(d, m)
	}
	s := derive(d.typ, d)
	s.Schema = "https://json-schema.org/draft/2020-12/schema"
	s.Title = d.title
	s.Description = d.description
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		panic(err) // a node always marshals
	}
	return buf.Bytes(), true
}

// document says which struct a file decodes into and what the types alone
// cannot say about its keys.
type document struct {
	typ         reflect.Type
	title       string
	description string
	// keys refines properties, per struct type and yaml key.
	keys map[reflect.Type]map[string]refinement
	// rest are the properties a struct's ",rest" field stands for, and
	// which of them are required.
	rest     []property
	required []string
}

// refinement adds to a derived property.
type refinement struct {
	description string
	// enum and pattern constrain a string, or each string of a list.
	enum    []string
	pattern string
	// minItems constrains a list.
	minItems int
}

const idHint = " Lower-case words joined by hyphens."

// durationPattern is a duration as link_check: reads one: Go's (90s, 1h30m)
// or whole days (7d).
const durationPattern = `^([0-9]+d|([0-9]*\.?[0-9]+(ns|us|µs|ms|s|m|h))+)$`

var (
	roleKeys = map[string]refinement{
		"title":             {description: "The role's name, like Product Manager."},
		"summary":           {description: "One sentence on what the role does."},
		"part":              {description: "The role's part in the conductor model, like Conductor or Strings."},
		"weight":            {description: "Order in lists: lower comes first."},
		"owns":              {description: "Decisions this role has authority over."},
		"influences":        {description: "What this role shapes without authority."},
		"needs":             {description: "What this role needs from the others to do its part."},
		"collaborates_with": {description: "Ids of the roles this one works with most (their file names)." + idHint, pattern: handbook.IDPattern},
		"responsibilities":  {description: "Hands-on responsibilities this role leads."},
		"levels":            {description: "The role's career ladder, lowest first; the role's page shows it, and /levels/ compares every role's."},
		"owners":            {description: "Ids of the roles that keep this true: shown on the page, and required by require_owners." + idHint, pattern: handbook.IDPattern},
		"reviewed":          {description: "When it was last reviewed, YYYY-MM-DD (baton review FILE sets it to today).", pattern: `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`},
		"review_every":      {description: "How often it is due for review, overriding handbook.yaml's: 90d, 2w, 6mo, 1y.", pattern: `^[1-9][0-9]{0,3}(d|w|mo|y)$`},
	}
	levelKeys = map[string]refinement{
		"id":           {description: "Unique in the role." + idHint, pattern: handbook.IDPattern},
		"title":        {description: "The level's name, like Senior product manager."},
		"summary":      {description: "Scope and horizon in a sentence."},
		"expectations": {description: "What someone at this level does, one sentence each."},
	}
	responsibilityKeys = map[string]refinement{
		"id":      {description: "Unique across the handbook; the page is /responsibilities/ID/." + idHint, pattern: handbook.IDPattern},
		"title":   {description: "What the responsibility is, like Prioritizing the product backlog."},
		"kind":    {description: "Whether it is an activity, an output or an outcome."},
		"stage":   {description: "The stage of the product lifecycle it belongs to."},
		"summary": {description: "One or two sentences."},
	}
	frontMatterKeys = map[string]refinement{
		"title":            {description: "The page's title."},
		"summary":          {description: "One sentence, shown in lists and search results. Defaults to the start of the first paragraph."},
		"description":      {description: "The summary, as Hugo and MkDocs name it; summary wins when both are set."},
		"weight":           {description: "Order in its section: lower comes first."},
		"slug":             {description: "Renames the last segment of the page's URL.", pattern: `^[A-Za-z0-9._-]+$`},
		"roles":            {description: "Ids of the roles this page is for; it is listed on their pages." + idHint, pattern: handbook.IDPattern},
		"responsibilities": {description: "Ids of the responsibilities this page covers; it is listed on their pages." + idHint, pattern: handbook.IDPattern},
		"tags":             {description: "Tags; each has a page listing its pages."},
		"reflect":          {description: "Self-assessment prompts, rendered as a private checklist."},
		"draft":            {description: "Leave the page out unless built with --drafts."},
		"translation_key":  {description: "In a multilingual handbook, pairs this page with the pages of other languages that have the same key; without it, pages pair by their path in their language's folder."},
		"aliases":          {description: "The page's old URLs; each gets a page that sends its reader here. /old/page/ is from the site's root, old-page from the page's parent URL; a path ending in .html is a file."},
		"redirect_from":    {description: "Jekyll's name for aliases, read only in a handbook written for another tool; write aliases in a baton handbook."},
		"redirect_to":      {description: "Makes this page a redirect: to another page (a link as in the body: other.md, /guide/x/) or an http(s) address."},
		"owners":           {description: "Ids of the roles that keep this true: shown on the page, and required by require_owners." + idHint, pattern: handbook.IDPattern},
		"reviewed":         {description: "When it was last reviewed, YYYY-MM-DD (baton review FILE sets it to today).", pattern: `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`},
		"review_every":     {description: "How often it is due for review, overriding handbook.yaml's: 90d, 2w, 6mo, 1y.", pattern: `^[1-9][0-9]{0,3}(d|w|mo|y)$`},
		"glossary":         {description: "false leaves this page's words unmarked: the first use of each term of content/glossary.yaml is otherwise a link to its definition."},
	}
	pathKeys = map[string]refinement{
		"title":        {description: "The reading path's title, like Your first week as a PM."},
		"summary":      {description: "One sentence on where the path leads."},
		"audience":     {description: "Who the path is for."},
		"steps":        {description: "The steps, in order; each names one page, role or responsibility.", minItems: 1},
		"owners":       {description: "Ids of the roles or people (content/people/) that keep this true: shown on the page, and required by require_owners." + idHint, pattern: handbook.IDPattern},
		"reviewed":     {description: "When it was last reviewed, YYYY-MM-DD (baton review FILE sets it to today).", pattern: `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`},
		"review_every": {description: "How often it is due for review, overriding handbook.yaml's: 90d, 2w, 6mo, 1y.", pattern: `^[1-9][0-9]{0,3}(d|w|mo|y)$`},
	}
	stepKeys = map[string]refinement{
		"page":           {description: "A Markdown page, relative to content/, like playbooks/conductor-model/conductor.md.", pattern: `^[^/].*\.md$`},
		"role":           {description: "A role id." + idHint, pattern: handbook.IDPattern},
		"responsibility": {description: "A responsibility id." + idHint, pattern: handbook.IDPattern},
		"why":            {description: "Why this step matters."},
	}
	configKeys = map[string]refinement{
		"title":          {description: "The handbook's name, shown on every page."},
		"description":    {description: "One or two sentences, shown on the home page and to search engines."},
		"base_url":       {description: "Where the site is served from: an http(s) URL or a path starting with /. baton build --base-url overrides it; links stay relative."},
		"edit_url":       {description: "A link to edit a page's source, with {path} for its path, like https://github.com/acme/handbook/edit/main/{path}.", pattern: `^[Hh][Tt][Tt][Pp][Ss]?://.*\{path\}`},
		"history_url":    {description: "A link to a page's history on the git host, with {path} for its path, like https://github.com/acme/handbook/commits/main/{path}.", pattern: `^[Hh][Tt][Tt][Pp][Ss]?://.*\{path\}`},
		"language":       {description: "The language tag of the content, like en or pt-BR; the theme's words are in it where baton has them (de, en, es, fr, ja, pt; a region takes its base language), else in English.", pattern: `^[A-Za-z0-9-]*$`},
		"strings":        {description: "The theme's words to change, by key, in any language; a value keeps the placeholders in braces of the English one."},
		"languages":      {description: "A multilingual handbook's languages, the default first, like [en, de] or [en, {code: de, title: Unser Handbuch}]: one site per language, its pages in content/<language>/, the default at / and the others under /<language>/."},
		"unsafe_html":    {description: "Keep raw HTML in Markdown as written. Otherwise it is sanitised as GitHub does: no script, style, event handler, frame or form."},
		"links":          {description: "How a broken link or anchor counts: error (the default here) fails the build; warn publishes and reports it.", enum: []string{"error", "warn"}},
		"noindex":        {description: "Keep the handbook out of search engines: robots.txt disallows every page, and every page carries <meta name=\"robots\" content=\"noindex\">."},
		"review_every":   {description: "How often pages, roles and paths are due for review after their reviewed date: 90d, 2w, 6mo, 1y. baton check --stale lists what is due.", pattern: `^[1-9][0-9]{0,3}(d|w|mo|y)$`},
		"require_owners": {description: "Every page, role and path names its owners; baton check --stale lists those that do not."},
		"link_check":     {description: "How baton check --external checks links to other sites; a build never requests them."},
		"theme":          {description: "The default theme's look, changed without a template: logo, favicon, accent, accent_dark, css, head, footer."},
		"model":          {description: "How the org works: the stages of its lifecycle, the kinds of responsibility and the involvement letters (lead and partners, RACI, DACI or its own). Each part left out is the default's."},
	}
	modelKeys = map[string]refinement{
		"stages":      {description: "The lifecycle's stages, in order: ids, or {id, title}. The default: discover, define, deliver, launch, grow."},
		"kinds":       {description: "The kinds of responsibility: ids, or {id, title}. The default: activity, output, outcome."},
		"involvement": {description: "How a role takes part in a responsibility: a preset (lead-partner, the default; raci; daci), or a list of letters {id, letter, title, summary, single}.", enum: config.Presets},
	}
	modelTermKeys = map[string]refinement{
		"id":    {description: "What role files write as stage: or kind:." + idHint, pattern: handbook.IDPattern},
		"title": {description: "How pages show it; a stage's default is its id with a capital, a kind's its id."},
	}
	letterKeys = map[string]refinement{
		"id":      {description: "The key a responsibility names its holders with; the first letter is its role file's role's." + idHint, pattern: handbook.IDPattern},
		"letter":  {description: "What a matrix cell shows: one or two letters, like R."},
		"title":   {description: "What the letter stands for, like Responsible: the cell's name for a screen reader."},
		"summary": {description: "One sentence on what a holder does."},
		"single":  {description: "Exactly one role holds it in every responsibility, like RACI's accountable."},
	}
	languageKeys = map[string]refinement{
		"code":  {description: "The language's tag, like de or pt-BR: its folder under content/ and its folder in the output.", pattern: `^[A-Za-z0-9-]+$`},
		"title": {description: "The handbook's title in this language; handbook.yaml's title when not given."},
	}
	lookKeys = map[string]refinement{
		"logo":        {description: "An image of the site shown beside the title in the header, like /static/img/logo.svg."},
		"favicon":     {description: "An image of the site for the browser tab, like /static/img/favicon.png."},
		"accent":      {description: "The colour of links and highlights, like #0b6e4f: it must read as text on white (4.5:1, WCAG AA).", pattern: `^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$`},
		"accent_dark": {description: "The accent in dark mode, like #6fd19b; made from accent when not given. It must read on the dark background (4.5:1).", pattern: `^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$`},
		"css":         {description: "Stylesheets of the site loaded after the theme's, like /static/css/brand.css."},
		"footer":      {description: "Markdown shown in every page's footer, like © Acme · [Privacy](https://acme.example/privacy); its links are checked as a page's."},
		"head":        {description: "HTML put as it is at the end of every page's head, such as an analytics snippet. It runs on every reader's browser: an internal handbook may not want to send readers' visits to another company."},
	}
	linkCheckKeys = map[string]refinement{
		"exclude": {description: "URLs never requested: each pattern matches the start of a URL, ignoring case, and * in it stands for any run of characters but a slash, like https://intranet.example.com/, https://*.corp.example.com/ or *://localhost.", pattern: `^([Hh][Tt][Tt][Pp][Ss]?://|\*)\S*$`},
		"timeout": {description: "The longest wait for one request, like 10s (the default) or 1m; at most 5m.", pattern: durationPattern},
		"ttl":     {description: "How long a working link is not asked again, like 24h (the default) or 7d; a broken one is asked again after a tenth of it, at most an hour.", pattern: durationPattern},
	}
)

var personKeys = map[string]refinement{
	"name":  {description: "Their name, as colleagues write it."},
	"title": {description: "Their job title."},
	"team":  {description: "The team they are in; the people page groups by it."},
	"roles": {description: "Ids of the roles they hold; each role's page lists them." + idHint, pattern: handbook.IDPattern},
	"photo": {description: "A photo of the site, like /static/img/ada.jpg (content/static/img/ada.jpg)."},
	"links": {description: "Ways to reach them: each a title and an http(s) or mailto: address."},
}

var linkKeys = map[string]refinement{
	"title": {description: "What the link is, like Email or Calendar."},
	"url":   {description: "An http(s) or mailto: address.", pattern: `^(https?://|mailto:)`},
}

var glossaryKeys = map[string]refinement{
	"aliases": {description: "Old URLs of the glossary, like /playbooks/reference/glossary/ for a page it replaced; each gets a page that sends its reader to /glossary/."},
	"terms":   {description: "The terms; the glossary page lists them alphabetically."},
}

// refKeys are a step's, but why.
var refKeys = map[string]refinement{"page": stepKeys["page"], "role": stepKeys["role"], "responsibility": stepKeys["responsibility"]}

var termKeys = map[string]refinement{
	"term":       {description: "The term as it is written in prose, like North-star metric."},
	"id":         {description: "The term's anchor on the glossary page (#term-ID); made from the term when not given." + idHint, pattern: handbook.IDPattern},
	"definition": {description: "Markdown, a sentence or a short paragraph; shown beside the first use of the term on every page. Links are read from content/."},
	"aliases":    {description: "Other names of the term (an abbreviation, a plural); no two terms may share a name, in any case."},
	"related":    {description: "Pages, roles and responsibilities that say more: each names exactly one."},
}

var documents = map[string]document{
	"glossary": {
		typ:         reflect.TypeFor[handbook.GlossaryFile](),
		title:       "baton glossary",
		description: "The glossary of a baton handbook, content/glossary.yaml: its page is /glossary/, and the first use of each term on a page links there.",
		keys: map[reflect.Type]map[string]refinement{
			reflect.TypeFor[handbook.GlossaryFile](): glossaryKeys,
			reflect.TypeFor[handbook.TermFile]():     termKeys,
			reflect.TypeFor[handbook.RefFile]():      refKeys,
		},
	},
	"person": {
		typ:         reflect.TypeFor[handbook.PersonFile](),
		title:       "baton person",
		description: "A person of a baton handbook, content/people/ID.yaml; the file name is their id, which owners: may name.",
		keys: map[reflect.Type]map[string]refinement{
			reflect.TypeFor[handbook.PersonFile](): personKeys,
			reflect.TypeFor[handbook.LinkFile]():   linkKeys,
		},
	},
	"config": {
		typ:         reflect.TypeFor[config.Raw](),
		title:       "baton handbook configuration",
		description: "content/handbook.yaml of a baton handbook.",
		keys: map[reflect.Type]map[string]refinement{
			reflect.TypeFor[config.Raw]():          configKeys,
			reflect.TypeFor[config.Look]():         lookKeys,
			reflect.TypeFor[config.RawLanguage]():  languageKeys,
			reflect.TypeFor[config.RawLinkCheck](): linkCheckKeys,
			reflect.TypeFor[config.RawModel]():     modelKeys,
			reflect.TypeFor[config.RawTerm]():      modelTermKeys,
			reflect.TypeFor[config.RawLetter]():    letterKeys,
		},
	},
	"role": {
		typ:         reflect.TypeFor[handbook.RoleFile](),
		title:       "baton role",
		description: "A role of a baton handbook, content/roles/ID.yaml; the file name is the role's id.",
		keys: map[reflect.Type]map[string]refinement{
			reflect.TypeFor[handbook.RoleFile]():           roleKeys,
			reflect.TypeFor[handbook.ResponsibilityFile](): responsibilityKeys,
			reflect.TypeFor[handbook.LevelFile]():          levelKeys,
		},
	},
	"playbook": {
		typ:         reflect.TypeFor[handbook.FrontMatter](),
		title:       "baton page front matter",
		description: "The YAML between the --- lines at the top of a Markdown page of a baton handbook.",
		keys:        map[reflect.Type]map[string]refinement{reflect.TypeFor[handbook.FrontMatter](): frontMatterKeys},
	},
	"path": {
		typ:         reflect.TypeFor[handbook.PathFile](),
		title:       "baton reading path",
		description: "A reading path of a baton handbook, content/paths/ID.yaml; the file name is the path's id.",
		keys: map[reflect.Type]map[string]refinement{
			reflect.TypeFor[handbook.PathFile](): pathKeys,
			reflect.TypeFor[handbook.StepFile](): stepKeys,
		},
	},
}

// node is one JSON Schema. Its fields marshal in the order a person reads
// them, and properties keep the order of the struct's fields.
type node struct {
	Schema               string     `json:"$schema,omitempty"`
	Title                string     `json:"title,omitempty"`
	Description          string     `json:"description,omitempty"`
	Type                 string     `json:"type,omitempty"`
	Enum                 []string   `json:"enum,omitempty"`
	Pattern              string     `json:"pattern,omitempty"`
	MinItems             int        `json:"minItems,omitempty"`
	Items                *node      `json:"items,omitempty"`
	Properties           properties `json:"properties,omitempty"`
	Required             []string   `json:"required,omitempty"`
	AdditionalProperties *bool      `json:"additionalProperties,omitempty"`
	OneOf                []*node    `json:"oneOf,omitempty"`
}

type property struct {
	name string
	node *node
}

type properties []property

func (ps properties) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, p := range ps {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, _ := json.Marshal(p.name)
		v, err := json.Marshal(p.node)
		if err != nil {
			return nil, err
		}
		buf.Write(k)
		buf.WriteByte(':')
		buf.Write(v)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

var (
	strType   = reflect.TypeFor[strictyaml.Str]()
	pairsType = reflect.TypeFor[strictyaml.Pairs]()
)

// roleDocument is the role schema for a site of model m.
func roleDocument(d document, m config.Model) document {
	keys := maps.Clone(d.keys)
	resp := maps.Clone(keys[reflect.TypeFor[handbook.ResponsibilityFile]()])
	kind, stage := resp["kind"], resp["stage"]
	kind.enum, stage.enum = m.KindIDs(), m.StageIDs()
	if !slices.Equal(kind.enum, config.DefaultModel().KindIDs()) {
		kind.description = "Its kind, one of the handbook's: " + strings.Join(kind.enum, ", ") + "."
	}
	if !slices.Equal(stage.enum, config.DefaultModel().StageIDs()) {
		stage.description = "The stage of the lifecycle it belongs to, one of the handbook's in order: " + strings.Join(stage.enum, ", ") + "."
	}
	resp["kind"], resp["stage"] = kind, stage
	keys[reflect.TypeFor[handbook.ResponsibilityFile]()] = resp
	d.keys = keys
	for _, l := range m.Letters {
		if l.Key == "" {
			continue
		}
		desc := "Ids of the roles (the matrix's columns) or people (content/people/) that partner in it." + idHint
		if !(m.Preset == config.PresetLeadPartner && l.ID == "partner") {
			desc = fmt.Sprintf("%s (%s): ids of the roles (the matrix's columns) or people (content/people/) that hold it.%s%s", l.Title, l.Letter, " "+l.Summary, idHint)
		}
		p := &node{Type: "array", Items: &node{Type: "string", Pattern: handbook.IDPattern}}
		if l.Single {
			desc = fmt.Sprintf("%s (%s): the id of the one role or person that holds it. %s%s", l.Title, l.Letter, l.Summary, idHint)
			p = &node{Type: "string", Pattern: handbook.IDPattern}
			d.required = append(d.required, l.Key)
		}
		p.Description = desc
		d.rest = append(d.rest, property{l.Key, p})
	}
	return d
}

// derive walks t as strictyaml's decoder does.
func derive(t reflect.Type, d document) *node {
	switch {
	case t.Kind() == reflect.Pointer:
		return derive(t.Elem(), d)
	case t == strType || t.Kind() == reflect.String:
		return &node{Type: "string"}
	case t == pairsType:
		return uiStrings()
	case t.Kind() == reflect.Int:
		return &node{Type: "integer"}
	case t.Kind() == reflect.Bool:
		return &node{Type: "boolean"}
	case t.Kind() == reflect.Slice:
		return &node{Type: "array", Items: derive(t.Elem(), d)}
	case t.Kind() == reflect.Struct:
		return object(t, d)
	}
	panic(fmt.Sprintf("schema: no JSON Schema for %s", t))
}

func object(t reflect.Type, d document) *node {
	keys := d.keys
	closed := false
	n := &node{Type: "object", AdditionalProperties: &closed}
	used := map[string]bool{}
	var short []*node
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		if tag == "" || tag == "-" {
			continue
		}
		name, rest, _ := strings.Cut(tag, ",")
		opts := strings.Split(rest, ",")
		if slices.Contains(opts, "rest") {
			n.Properties = append(n.Properties, d.rest...)
			n.Required = append(n.Required, d.required...)
			continue
		}
		p := derive(f.Type, d)
		if r, ok := keys[t][name]; ok {
			used[name] = true
			refine(p, r)
		}
		n.Properties = append(n.Properties, property{name, p})
		if slices.Contains(opts, "required") {
			n.Required = append(n.Required, name)
		}
		if slices.Contains(opts, "scalar") || slices.Contains(opts, "list") {
			// The value may be written as this field alone (strictyaml).
			short = append(short, &node{Description: p.Description, Type: p.Type, Enum: p.Enum, Pattern: p.Pattern, Items: p.Items, MinItems: p.MinItems})
		}
	}
	for name := range keys[t] {
		if !used[name] {
			panic(fmt.Sprintf("schema: %s has no yaml key %q", t, name))
		}
	}
	if t == reflect.TypeFor[handbook.StepFile]() {
		// A step names exactly one target (handbook.Resolve checks the same).
		for _, k := range []string{"page", "role", "responsibility"} {
			n.OneOf = append(n.OneOf, &node{Required: []string{k}})
		}
	}
	if short != nil {
		return &node{OneOf: append(short, n)}
	}
	return n
}

// uiStrings is the mapping of handbook.yaml's strings: every key of the
// theme's words, each described by its English.
func uiStrings() *node {
	closed := false
	n := &node{Type: "object", AdditionalProperties: &closed}
	en := i18n.English()
	for _, k := range i18n.Keys() {
		n.Properties = append(n.Properties, property{k, &node{Type: "string", Description: "English: " + en.T(k)}})
	}
	return n
}

func refine(p *node, r refinement) {
	p.Description = r.description
	if p.OneOf != nil && p.Type == "" && r.enum != nil {
		// A value written short takes the enum (involvement: raci).
		for _, alt := range p.OneOf {
			if alt.Type == "string" {
				alt.Enum = r.enum
			}
		}
		return
	}
	target := p
	if p.Type == "array" {
		target = p.Items
		p.MinItems = r.minItems
	}
	if target.Type == "string" {
		target.Enum = r.enum
		target.Pattern = r.pattern
	} else if r.enum != nil || r.pattern != "" {
		panic(fmt.Sprintf("schema: enum or pattern on a %s", target.Type))
	}
}
