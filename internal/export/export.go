// Package export writes a handbook's model as JSON (handbook.json), so an
// org can feed its directory, onboarding tool or chat bot from the
// handbook: roles, responsibilities, reading paths, pages, people and the
// glossary, with the ids and links between them. Its JSON Schema is Schema.
package export

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"io"
	"reflect"
	"strings"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/handbook"
)

// Version is the version of the format; it changes when a field is
// removed or changes meaning, not when one is added.
const Version = 1

//go:embed handbook.schema.json
var schema []byte

// Schema is the JSON Schema (draft 2020-12) of handbook.json.
func Schema() []byte { return schema }

// Every URL is a path from the site's root ("roles/design/"): join it to
// base_url to link to it.

type file struct {
	Version     int    `json:"version"`
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	BaseURL     string `json:"base_url"`
	// Model is the handbook's own model, absent for the default.
	Model            *model           `json:"model,omitempty"`
	Roles            []role           `json:"roles"`
	Responsibilities []responsibility `json:"responsibilities"`
	Paths            []path           `json:"paths"`
	Pages            []page           `json:"pages"`
	People           []person         `json:"people"`
	Glossary         []term           `json:"glossary"`
}

type term struct {
	ID         string   `json:"id"`
	Term       string   `json:"term"`
	Aliases    []string `json:"aliases,omitempty"`
	Definition string   `json:"definition"`
	URL        string   `json:"url"`
	Related    []step   `json:"related,omitempty"`
}

type review struct {
	Owners   []string `json:"owners,omitempty"`
	Reviewed string   `json:"reviewed,omitempty"`
	Due      string   `json:"due,omitempty"`
}

type role struct {
	ID               string   `json:"id"`
	Title            string   `json:"title"`
	Summary          string   `json:"summary"`
	Part             string   `json:"part,omitempty"`
	URL              string   `json:"url"`
	Owns             []string `json:"owns,omitempty"`
	Influences       []string `json:"influences,omitempty"`
	Needs            []string `json:"needs,omitempty"`
	CollaboratesWith []string `json:"collaborates_with,omitempty"`
	Leads            []string `json:"leads,omitempty"`
	PartnersIn       []string `json:"partners_in,omitempty"`
	People           []string `json:"people,omitempty"`
	Levels           []level  `json:"levels,omitempty"`
	Holds            []held   `json:"holds,omitempty"`
	review
}

type model struct {
	Stages  []named  `json:"stages"`
	Kinds   []named  `json:"kinds"`
	Preset  string   `json:"preset,omitempty"`
	Letters []letter `json:"letters"`
}

type named struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

type letter struct {
	ID      string `json:"id"`
	Letter  string `json:"letter"`
	Title   string `json:"title"`
	Summary string `json:"summary,omitempty"`
	Single  bool   `json:"single,omitempty"`
	Key     string `json:"key,omitempty"`
}

type held struct {
	Letter           string   `json:"letter"`
	Responsibilities []string `json:"responsibilities"`
}

type holding struct {
	Letter string   `json:"letter"`
	Roles  []string `json:"roles,omitempty"`
	People []string `json:"people,omitempty"`
}

type level struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	Summary      string   `json:"summary,omitempty"`
	Expectations []string `json:"expectations,omitempty"`
}

type responsibility struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Kind     string   `json:"kind"`
	Stage    string   `json:"stage"`
	Summary  string   `json:"summary,omitempty"`
	Lead     string   `json:"lead"`
	Partners []string `json:"partners,omitempty"`
	// PartnerPeople are people's ids.
	PartnerPeople []string  `json:"partner_people,omitempty"`
	URL           string    `json:"url"`
	Involvement   []holding `json:"involvement,omitempty"`
}

type path struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Summary  string `json:"summary,omitempty"`
	Audience string `json:"audience,omitempty"`
	URL      string `json:"url"`
	Minutes  int    `json:"minutes"`
	Steps    []step `json:"steps"`
	review
}

type step struct {
	Kind  string `json:"kind"`
	ID    string `json:"id,omitempty"`
	Title string `json:"title"`
	URL   string `json:"url"`
	Why   string `json:"why,omitempty"`
}

type page struct {
	Title            string   `json:"title"`
	Summary          string   `json:"summary,omitempty"`
	URL              string   `json:"url"`
	Source           string   `json:"source"`
	Section          string   `json:"section,omitempty"`
	Roles            []string `json:"roles,omitempty"`
	Responsibilities []string `json:"responsibilities,omitempty"`
	Tags             []string `json:"tags,omitempty"`
	Minutes          int      `json:"minutes"`
	Updated          int64    `json:"updated,omitempty"`
	review
}

type person struct {
	ID    string   `json:"id"`
	Name  string   `json:"name"`
	Title string   `json:"title,omitempty"`
	Team  string   `json:"team,omitempty"`
	Roles []string `json:"roles,omitempty"`
	URL   string   `json:"url"`
	Photo string   `json:"photo,omitempty"`
	Links []link   `json:"links,omitempty"`
}

type link struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

// rel is a site-absolute URL as handbook.json writes it.
func rel(u string) string { return strings.TrimPrefix(u, "/") }

func ids[T any](xs []T, id func(T) string) []string {
	var out []string
	for _, x := range xs {
		out = append(out, id(x))
	}
	return out
}

func roleID(r *handbook.Role) string           { return r.ID }
func respID(r *handbook.Responsibility) string { return r.ID }
func personID(p *handbook.Person) string       { return p.ID }
func tagName(t *handbook.Tag) string           { return t.Name }

func reviewOf(rv handbook.Review) review {
	var out review
	for _, o := range rv.Owners {
		if o.Person != nil {
			out.Owners = append(out.Owners, o.Person.ID)
		} else {
			out.Owners = append(out.Owners, o.Role.ID)
		}
	}
	out.Reviewed, out.Due = rv.Reviewed, rv.Due
	return out
}

// Write writes the handbook.json of site into w, indented, in the site's
// orders, with a newline at the end, as json.MarshalIndent prints it. It
// is encoded a record at a time through a small buffer, never made whole:
// for a big handbook it is several MB, made as the build ends, and whole
// buffers of that size were a tenth of the build's peak memory.
func Write(w io.Writer, site *handbook.Site) error {
	f := fileOf(site)
	b := bufio.NewWriterSize(w, 64<<10)
	fields := []struct {
		name string
		v    any
		omit bool
	}{
		{"version", f.Version, false},
		{"title", f.Title, false},
		{"description", f.Description, f.Description == ""},
		{"base_url", f.BaseURL, false},
		{"model", f.Model, f.Model == nil},
		{"roles", f.Roles, false},
		{"responsibilities", f.Responsibilities, false},
		{"paths", f.Paths, false},
		{"pages", f.Pages, false},
		{"people", f.People, false},
		{"glossary", f.Glossary, false},
	}
	b.WriteString("{")
	first := true
	for _, x := range fields {
		if x.omit {
			continue
		}
		if !first {
			b.WriteString(",")
		}
		first = false
		b.WriteString("\n  \"" + x.name + "\": ")
		if err := writeValue(b, reflect.ValueOf(x.v)); err != nil {
			return err
		}
	}
	b.WriteString("\n}\n")
	return b.Flush()
}

// writeValue writes v, a value of handbook.json's top level, indented as
// a field of it: a list an element at a time.
func writeValue(b *bufio.Writer, v reflect.Value) error {
	if v.Kind() != reflect.Slice || v.Len() == 0 {
		data, err := json.MarshalIndent(v.Interface(), "  ", "  ")
		b.Write(data)
		return err
	}
	b.WriteString("[")
	for i := range v.Len() {
		if i > 0 {
			b.WriteString(",")
		}
		data, err := json.MarshalIndent(v.Index(i).Interface(), "    ", "  ")
		if err != nil {
			return err
		}
		b.WriteString("\n    ")
		b.Write(data)
	}
	b.WriteString("\n  ]")
	return nil
}

// fileOf is the handbook.json of site.
func fileOf(site *handbook.Site) file {
	c := site.Config
	f := file{Version: Version, Title: c.Title, Description: c.Description, BaseURL: c.BaseURL,
		Roles: []role{}, Responsibilities: []responsibility{}, Paths: []path{}, Pages: []page{}, People: []person{}, Glossary: []term{}}
	own := !c.Model.IsDefault()
	if own {
		f.Model = modelOf(c.Model)
	}
	for _, r := range site.Roles {
		var holds []held
		for _, h := range r.Holds {
			if !own {
				break // partners_in says it all
			}
			holds = append(holds, held{Letter: h.Letter.ID, Responsibilities: ids(h.Responsibilities, respID)})
		}
		f.Roles = append(f.Roles, role{Holds: holds, ID: r.ID, Title: r.Title, Summary: r.Summary, Part: r.Part, URL: rel(r.URL),
			Owns: r.Owns, Influences: r.Influences, Needs: r.Needs, CollaboratesWith: ids(r.Collaborators, roleID),
			Leads: ids(r.Responsibilities, respID), PartnersIn: ids(r.PartnerIn, respID), People: ids(r.People, personID),
			Levels: levelsOf(r.Levels), review: reviewOf(r.Review)})
	}
	for _, x := range site.Responsibilities {
		lead := ""
		if x.Lead != nil {
			lead = x.Lead.ID
		}
		var involved []holding
		for _, h := range x.Involved {
			involved = append(involved, holding{Letter: h.Letter.ID, Roles: ids(h.Roles, roleID), People: ids(h.People, personID)})
		}
		if !own {
			involved = nil // lead and partners say it all
		}
		f.Responsibilities = append(f.Responsibilities, responsibility{ID: x.ID, Title: x.Title, Kind: x.Kind, Stage: x.Stage,
			Summary: x.Summary, Lead: lead, Partners: ids(x.Partners, roleID), PartnerPeople: ids(x.PartnerPeople, personID), URL: rel(x.URL),
			Involvement: involved})
	}
	for _, pa := range site.Paths {
		p := path{ID: pa.ID, Title: pa.Title, Summary: pa.Summary, Audience: pa.Audience, URL: rel(pa.URL), Minutes: pa.Minutes,
			Steps: []step{}, review: reviewOf(pa.Review)}
		for _, s := range pa.Steps {
			p.Steps = append(p.Steps, stepOf(s))
		}
		f.Paths = append(f.Paths, p)
	}
	for _, pg := range site.Pages {
		p := page{Title: pg.Title, Summary: pg.Summary, URL: rel(pg.URL), Source: pg.File, Minutes: pg.Minutes, Updated: pg.Updated,
			Roles: ids(pg.Roles, roleID), Responsibilities: ids(pg.Responsibilities, respID), Tags: ids(pg.Tags, tagName),
			review: reviewOf(pg.Review)}
		// The section the page is in; for a section's own page, the one
		// above; none at the top.
		sec := pg.Section
		if pg.IsSection && sec != nil {
			sec = sec.Parent
		}
		if sec != nil && sec.Parent != nil {
			p.Section = sec.Title
		}
		f.Pages = append(f.Pages, p)
	}
	for _, pe := range site.People {
		p := person{ID: pe.ID, Name: pe.Name, Title: pe.Title, Team: pe.Team, Roles: ids(pe.Roles, roleID), URL: rel(pe.URL), Photo: rel(pe.Photo)}
		for _, l := range pe.Links {
			p.Links = append(p.Links, link(l))
		}
		f.People = append(f.People, p)
	}
	if g := site.Glossary; g != nil {
		for _, t := range g.Terms {
			x := term{ID: t.ID, Term: t.Title, Aliases: t.Aliases, Definition: t.Tip, URL: rel(t.URL())}
			for _, s := range t.Related {
				x.Related = append(x.Related, stepOf(s))
			}
			f.Glossary = append(f.Glossary, x)
		}
	}
	return f
}

// stepOf is a path's step, or a glossary term's related page, role or
// responsibility.
func stepOf(s handbook.Step) step {
	st := step{Title: s.Title(), URL: rel(s.URL()), Why: s.Why}
	switch {
	case s.Page != nil:
		st.Kind = "page"
	case s.Role != nil:
		st.Kind, st.ID = "role", s.Role.ID
	case s.Responsibility != nil:
		st.Kind, st.ID = "responsibility", s.Responsibility.ID
	}
	return st
}

// modelOf is a handbook's own model as handbook.json writes it.
func modelOf(m config.Model) *model {
	out := &model{Preset: m.Preset}
	for _, t := range m.Stages {
		out.Stages = append(out.Stages, named(t))
	}
	for _, t := range m.Kinds {
		out.Kinds = append(out.Kinds, named(t))
	}
	for _, l := range m.Letters {
		out.Letters = append(out.Letters, letter{ID: l.ID, Letter: l.Letter, Title: l.Title, Summary: l.Summary, Single: l.Single, Key: l.Key})
	}
	return out
}

func levelsOf(ls []handbook.Level) []level {
	var out []level
	for _, l := range ls {
		out = append(out, level(l))
	}
	return out
}
