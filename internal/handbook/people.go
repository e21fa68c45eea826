package handbook

import (
	"cmp"
	"slices"
	"strings"

	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/strictyaml"
)

// PersonFile is the YAML of a person (content/people/<id>.yaml).
type PersonFile struct {
	Name  strictyaml.Str   `yaml:"name,required"`
	Title string           `yaml:"title"`
	Team  string           `yaml:"team"`
	Roles []strictyaml.Str `yaml:"roles"`
	// Photo is an image of the site, linked as a page links it: a source
	// path from the content folder ("/static/img/ada.jpg") or its URL.
	Photo strictyaml.Str `yaml:"photo"`
	Links []LinkFile     `yaml:"links"`
	Pos   diag.Pos
}

// LinkFile is one of a person's links.
type LinkFile struct {
	Title strictyaml.Str `yaml:"title,required"`
	URL   strictyaml.Str `yaml:"url,required"`
}

// ParsedPerson is a person's file, parsed.
type ParsedPerson struct {
	ID   string
	Data PersonFile
}

// Person is someone the handbook names: who holds a role, who owns a page.
type Person struct {
	ID, File    string
	Name, Title string
	Team        string
	Roles       []*Role
	// Photo is the site-absolute URL of their photo, or "".
	Photo string
	Links []PersonLink
	URL   string
	// Owns lists what names them among its owners; PartnerIn the
	// responsibilities that name them among their partners.
	Owns      []Owned
	PartnerIn []*Responsibility
	// Holds are those responsibilities letter by letter.
	Holds []Held
}

// PersonLink is a link of a person's: a title and an http(s) or mailto
// address.
type PersonLink struct {
	Title, URL string
}

// Owner is a role or a person that owns a page, role or path.
type Owner struct {
	Role   *Role
	Person *Person
}

// Title is the owner's name.
func (o Owner) Title() string {
	if o.Person != nil {
		return o.Person.Name
	}
	return o.Role.Title
}

// URL is the owner's page.
func (o Owner) URL() string {
	if o.Person != nil {
		return o.Person.URL
	}
	return o.Role.URL
}

// Owned is something a person owns, for their page.
type Owned struct {
	Title, URL string
}

// addPerson adds a person from their file; roles are linked once all
// roles are known (linkPerson).
func (r *resolver) addPerson(f *Parsed) {
	pp := f.Person
	d := pp.Data
	p := &Person{ID: pp.ID, File: f.File, Name: strings.TrimSpace(d.Name.Value), Title: strings.TrimSpace(d.Title),
		Team: strings.TrimSpace(d.Team), URL: "/people/" + pp.ID + "/"}
	if role, ok := r.roles[pp.ID]; ok {
		r.diags.Errorf(d.Pos, "person id %q is also a role's (%s): owners names either, so they must differ", pp.ID, role.File)
		return
	}
	if !r.claim(p.URL, f.File, d.Pos) {
		return
	}
	for _, l := range d.Links {
		u := strings.TrimSpace(l.URL.Value)
		if !isExternal(u) && !strings.HasPrefix(u, "mailto:") {
			r.diags.Errorf(l.URL.Pos, "link %q must be an http(s) or mailto: address", u)
			continue
		}
		p.Links = append(p.Links, PersonLink{Title: strings.TrimSpace(l.Title.Value), URL: u})
	}
	r.people[pp.ID] = p
	r.personFiles[f.File] = p
	r.urlFiles[URLKey(p.URL)] = f.File
	r.site.People = append(r.site.People, p)
}

// linkPerson links a person to their roles and finds their photo.
func (r *resolver) linkPerson(f *Parsed) {
	p := r.personFiles[f.File]
	if p == nil {
		return
	}
	d := f.Person.Data
	for _, ref := range d.Roles {
		if role := r.lookupRole(ref, "roles"); role != nil && !slices.Contains(p.Roles, role) {
			p.Roles = append(p.Roles, role)
			role.People = append(role.People, p)
		}
	}
	p.Photo = r.siteFile(d.Photo, "photo", "/static/img/"+p.ID+".jpg")
}

// sortPeople orders people by team, then name, and each role's people by
// name; it lists the roles with a career ladder, in the roles' order.
func (r *resolver) sortPeople() {
	slices.SortFunc(r.site.People, func(a, b *Person) int {
		return cmp.Or(strings.Compare(a.Team, b.Team), strings.Compare(a.Name, b.Name), strings.Compare(a.ID, b.ID))
	})
	for _, role := range r.site.Roles {
		slices.SortFunc(role.People, func(a, b *Person) int { return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(a.ID, b.ID)) })
		if len(role.Levels) > 0 {
			r.site.Levels = append(r.site.Levels, role)
		}
	}
}

// lookupOwner finds an owner by id: a role, else a person. A person who
// left (their file removed) is an error at every page that still names
// them.
func (r *resolver) lookupOwner(ref strictyaml.Str) (Owner, bool) {
	if role, ok := r.roles[ref.Value]; ok {
		return Owner{Role: role}, true
	}
	if p, ok := r.people[ref.Value]; ok {
		return Owner{Person: p}, true
	}
	ids := append(sortedKeys(r.roles), sortedKeys(r.people)...)
	r.keyProblem(ref.Pos, "unknown role or person %q in owners%s", ref.Value, diag.DidYouMean(ref.Value, ids))
	return Owner{}, false
}

// owned records on each person among owners that they own what is at url.
func owned(owners []Owner, title, url string) {
	for _, o := range owners {
		if o.Person != nil {
			o.Person.Owns = append(o.Person.Owns, Owned{Title: title, URL: url})
		}
	}
}

// levels checks a role's career ladder: each level has an id unique in
// the role.
func (r *resolver) levels(files []LevelFile) []Level {
	var out []Level
	seen := map[string]bool{}
	for _, l := range files {
		id := l.ID.Value
		switch {
		case !ValidID(id):
			r.diags.Errorf(l.ID.Pos, "level id %q must be lower-case words joined by hyphens, like senior-pm", id)
			continue
		case seen[id]:
			r.diags.Errorf(l.ID.Pos, "level id %q is used twice in this role", id)
			continue
		}
		seen[id] = true
		out = append(out, Level{ID: id, Title: strings.TrimSpace(l.Title.Value), Summary: strings.TrimSpace(l.Summary), Expectations: l.Expectations})
	}
	return out
}
