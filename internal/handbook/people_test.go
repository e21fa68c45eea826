package handbook

import (
	"slices"
	"strings"
	"testing"
)

// TestPeople: a person holds roles (listed on each role's page, by name),
// may own pages, roles and paths, and has a photo of the site and links;
// a person named in owners who is gone, a photo that is not a file of the
// site, a link that is not an address and an id a role has are errors at
// their positions.
func TestPeople(t *testing.T) {
	files := map[string]string{
		"content/_index.md":          "---\ntitle: Home\nowners: [ada, design]\n---\n",
		"content/pricing.md":         "---\ntitle: Pricing\nowners: [ada]\nroles: [design, eng]\n---\n",
		"content/static/img/ada.jpg": "jpg",
		"content/roles/design.yaml":  "title: Design\nsummary: Designs.\nowners: [ada]\n",
		"content/roles/eng.yaml":     "title: Engineering\nsummary: Builds.\n",
		"content/people/ada.yaml":    "name: Ada Lovelace\ntitle: Head of Design\nteam: Product\nroles: [design, eng]\nphoto: /static/img/ada.jpg\nlinks:\n  - title: Email\n    url: mailto:ada@example.com\n",
		"content/people/bob.yaml":    "name: Bob\nteam: Engineering\nroles: [eng]\n",
		"content/people/abe.yaml":    "name: Abe\nteam: Product\nroles: [design]\n",
	}
	site, diags := resolveWith(t, true, files, Options{})
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %q", diags)
	}
	var names []string
	for _, p := range site.People {
		names = append(names, p.Team+"/"+p.Name)
	}
	if want := []string{"Engineering/Bob", "Product/Abe", "Product/Ada Lovelace"}; !slices.Equal(names, want) {
		t.Errorf("people %q, want %q (by team, then name)", names, want)
	}
	var ada *Person
	for _, p := range site.People {
		if p.ID == "ada" {
			ada = p
		}
	}
	if ada.URL != "/people/ada/" || ada.Photo != "/img/ada.jpg" || len(ada.Links) != 1 || ada.Links[0].URL != "mailto:ada@example.com" {
		t.Errorf("ada = %+v", ada)
	}
	var owns []string
	for _, o := range ada.Owns {
		owns = append(owns, o.URL)
	}
	if got := strings.Join(owns, " "); got != "/roles/design/ / /pricing/" {
		t.Errorf("ada owns %s", got)
	}
	for _, role := range site.Roles {
		var held []string
		for _, p := range role.People {
			held = append(held, p.Name)
		}
		want := map[string]string{"design": "Abe, Ada Lovelace", "eng": "Ada Lovelace, Bob"}[role.ID]
		if got := strings.Join(held, ", "); got != want {
			t.Errorf("%s is held by %s, want %s", role.ID, got, want)
		}
	}
	if o := pageAt(t, site, "content/_index.md").Owners; len(o) != 2 || o[0].Title() != "Ada Lovelace" || o[1].URL() != "/roles/design/" {
		t.Errorf("home's owners = %+v", o)
	}

	delete(files, "content/people/ada.yaml") // Ada left
	files["content/people/design.yaml"] = "name: D\n"
	files["content/people/Bad_Id.yaml"] = "name: B\n"
	files["content/people/bob.yaml"] = "name: Bob\nphoto: /static/img/bob.jpg\nlinks:\n  - title: Chat\n    url: javascript:alert(1)\n"
	_, diags = resolveWith(t, true, files, Options{})
	want := []string{
		`content/_index.md:3:10: unknown role or person "ada" in owners`,
		`content/people/Bad_Id.yaml:1:1: person id "Bad_Id" (the file name) must be lower-case words joined by hyphens, like ada-lovelace`,
		`content/people/bob.yaml:2:8: photo "/static/img/bob.jpg" is not a file of the site: put it in content/static/ and write its path, like /static/img/bob.jpg`,
		`content/people/bob.yaml:5:10: link "javascript:alert(1)" must be an http(s) or mailto: address`,
		`content/people/design.yaml:1:1: person id "design" is also a role's (content/roles/design.yaml): owners names either, so they must differ`,
		`content/pricing.md:3:10: unknown role or person "ada" in owners`,
		`content/roles/design.yaml:3:10: unknown role or person "ada" in owners`,
	}
	if !slices.Equal(diags, want) {
		t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(diags, "\n"), strings.Join(want, "\n"))
	}
}

// TestReviewKeysLenient: in a handbook written for another tool, owners,
// reviewed and review_every may mean something else: a value baton
// cannot read is a warning and left out, never a failed build.
func TestReviewKeysLenient(t *testing.T) {
	_, diags := resolveWith(t, false, map[string]string{
		"content/index.md": "---\ntitle: Home\nowners: [\"@octocat\"]\nreviewed: last week\nreview_every: quarterly\n---\n",
	}, Options{})
	want := []string{
		`content/index.md:3:10: warning: unknown role or person "@octocat" in owners; left out`,
		`content/index.md:4:11: warning: reviewed "last week" is not a date like 2026-03-01; left out`,
		`content/index.md:5:15: warning: review_every "quarterly" is not an interval like 90d, 2w, 6mo or 1y; left out`,
	}
	if !slices.Equal(diags, want) {
		t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(diags, "\n"), strings.Join(want, "\n"))
	}
}

// TestLevels: a role's career ladder keeps its order; the site lists the
// roles that have one, in the roles' order; a level id that is not an id
// or is used twice in a role is an error at it.
func TestLevels(t *testing.T) {
	files := map[string]string{
		"content/_index.md":         "---\ntitle: Home\nroles: [pm, design, eng]\n---\n",
		"content/roles/pm.yaml":     "title: PM\nsummary: S.\nweight: 1\nlevels:\n  - id: apm\n    title: Associate\n  - id: pm\n    title: PM\n    summary: A team's area.\n    expectations: [Tests assumptions.]\n",
		"content/roles/design.yaml": "title: Design\nsummary: S.\nweight: 2\nlevels:\n  - id: designer\n    title: Designer\n",
		"content/roles/eng.yaml":    "title: Eng\nsummary: S.\nweight: 3\n",
	}
	site, diags := resolveWith(t, true, files, Options{})
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %q", diags)
	}
	var got []string
	for _, r := range site.Levels {
		for _, l := range r.Levels {
			got = append(got, r.ID+"/"+l.ID+":"+l.Title)
		}
	}
	if want := []string{"pm/apm:Associate", "pm/pm:PM", "design/designer:Designer"}; !slices.Equal(got, want) {
		t.Errorf("levels %q, want %q", got, want)
	}
	files["content/roles/eng.yaml"] = "title: Eng\nsummary: S.\nlevels:\n  - id: Senior_Eng\n    title: Senior\n  - id: staff\n    title: Staff\n  - id: staff\n    title: Staff again\n"
	_, diags = resolveWith(t, true, files, Options{})
	want := []string{
		`content/roles/eng.yaml:4:9: level id "Senior_Eng" must be lower-case words joined by hyphens, like senior-pm`,
		`content/roles/eng.yaml:8:9: level id "staff" is used twice in this role`,
	}
	if !slices.Equal(diags, want) {
		t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(diags, "\n"), strings.Join(want, "\n"))
	}
}

// TestPartnerPeople: a responsibility's partners may name people beside
// roles; a person is listed on it and it on the person, never as a role.
func TestPartnerPeople(t *testing.T) {
	site, diags := resolveWith(t, true, map[string]string{
		"content/_index.md":         "---\ntitle: Home\nroles: [design, eng]\nresponsibilities: [usability]\n---\n",
		"content/roles/design.yaml": "title: Design\nsummary: S.\nresponsibilities:\n  - id: usability\n    title: Usability\n    kind: outcome\n    stage: grow\n    partners: [eng, ada]\n",
		"content/roles/eng.yaml":    "title: Eng\nsummary: S.\n",
		"content/people/ada.yaml":   "name: Ada\n",
	}, Options{})
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %q", diags)
	}
	x := site.Responsibilities[0]
	if len(x.Partners) != 1 || x.Partners[0].ID != "eng" || len(x.PartnerPeople) != 1 || x.PartnerPeople[0].ID != "ada" {
		t.Errorf("partners %v, people %v", x.Partners, x.PartnerPeople)
	}
	if ada := site.People[0]; len(ada.PartnerIn) != 1 || ada.PartnerIn[0] != x {
		t.Errorf("ada partners in %v", ada.PartnerIn)
	}
}

// TestUnknownPartner: where the handbook has people, a partner that is
// neither a role nor a person is named as either, with the near ids.
func TestUnknownPartner(t *testing.T) {
	_, diags := resolveWith(t, true, map[string]string{
		"content/_index.md":         "---\ntitle: Home\nroles: [design]\nresponsibilities: [usability]\n---\n",
		"content/roles/design.yaml": "title: Design\nsummary: S.\nresponsibilities:\n  - id: usability\n    title: Usability\n    kind: outcome\n    stage: grow\n    partners: [adaa]\n",
		"content/people/ada.yaml":   "name: Ada\n",
	}, Options{})
	want := []string{`content/roles/design.yaml:8:16: unknown role or person "adaa" in partners (did you mean "ada"?)`}
	if !slices.Equal(diags, want) {
		t.Errorf("diagnostics %q, want %q", diags, want)
	}
}
