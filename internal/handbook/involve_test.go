package handbook

import (
	"slices"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/source"
)

// resolveModel resolves roles (id → YAML; people/id for a person) under
// the handbook.yaml given.
func resolveModel(t *testing.T, handbookYAML string, roles map[string]string) (*Site, diag.List) {
	t.Helper()
	cfg, diags := config.Decode([]byte("title: T\n" + handbookYAML))
	if diags.HasErrors() {
		t.Fatalf("handbook.yaml: %v", diags)
	}
	md := markdown.New(false)
	var parsed []*Parsed
	for _, id := range slices.Sorted(func(yield func(string) bool) {
		for id := range roles {
			if !yield(id) {
				return
			}
		}
	}) {
		data, file := []byte(roles[id]), "content/roles/"+id+".yaml"
		if strings.Contains(id, "/") {
			file = "content/" + id + ".yaml" // people/ada
		}
		parsed = append(parsed, Parse(source.File{Path: file, Data: data, Size: int64(len(data))}, md))
	}
	return Resolve(cfg, parsed, Options{})
}

const raciModel = "model:\n  stages: [plan, build, run]\n  kinds: [activity, decision]\n  involvement: raci\n"

// raciRoles are four roles; pm's one responsibility takes its extra keys.
func raciRoles(extra string) map[string]string {
	return map[string]string{
		"pm":     "title: PM\nsummary: S\nresponsibilities:\n  - id: roadmap\n    title: Roadmap\n    kind: decision\n    stage: plan\n" + extra,
		"eng":    "title: Eng\nsummary: S\n",
		"design": "title: Design\nsummary: S\n",
		"head":   "title: Head\nsummary: S\n",
	}
}

// TestRACI: under RACI the role whose file holds a responsibility is
// responsible, and its keys name who is accountable, consulted and
// informed; each role's page lists what it holds, letter by letter.
func TestRACI(t *testing.T) {
	site, diags := resolveModel(t, raciModel, raciRoles("    accountable: head\n    consulted: [design]\n    informed: eng\n"))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	resp := site.Responsibilities[0]
	var got []string
	for _, h := range resp.Involved {
		var ids []string
		for _, r := range h.Roles {
			ids = append(ids, r.ID)
		}
		got = append(got, h.Letter.Letter+"="+strings.Join(ids, ","))
	}
	if want := "R=pm A=head C=design I=eng"; strings.Join(got, " ") != want {
		t.Errorf("involved = %s, want %s", strings.Join(got, " "), want)
	}
	roles := map[string]*Role{}
	for _, r := range site.Roles {
		roles[r.ID] = r
	}
	if l, ok := resp.Letter(roles["design"]); !ok || l.ID != "consulted" {
		t.Errorf("design's letter = %+v, %v; want consulted", l, ok)
	}
	if h := roles["head"].Holds; len(h) != 1 || h[0].Letter.ID != "accountable" || h[0].Responsibilities[0] != resp {
		t.Errorf("head holds %+v, want accountable for roadmap", h)
	}
	if len(roles["eng"].PartnerIn) != 1 {
		t.Errorf("eng takes part in %d responsibilities, want 1", len(roles["eng"].PartnerIn))
	}
}

// TestInvolvementErrors: each broken rule of the model is an error at its
// place, naming the site's own values.
func TestInvolvementErrors(t *testing.T) {
	for _, c := range []struct{ name, model, extra, want string }{
		{"no accountable", raciModel, "    consulted: [design]\n",
			`content/roles/pm.yaml:4:9: responsibility "roadmap" names no Accountable (A): exactly one role holds it; add accountable: with a role`},
		{"two accountable", raciModel, "    accountable: [head, design]\n",
			`content/roles/pm.yaml:8:25: Accountable (A) of "roadmap" is held by exactly one role, and accountable: names a second, "design"`},
		{"responsible and accountable", raciModel, "    accountable: pm\n",
			`content/roles/pm.yaml:8:18: role "pm" holds R (Responsible) in "roadmap", whose file holds it, and cannot also hold A (Accountable): a role takes part in a responsibility one way`},
		{"two letters", raciModel, "    accountable: head\n    consulted: [design]\n    informed: [design]\n",
			`content/roles/pm.yaml:10:16: role "design" already holds C (Consulted) in "roadmap" and cannot also hold I (Informed): one takes part in a responsibility one way`},
		{"twice in a letter", raciModel, "    accountable: head\n    consulted: [design, design]\n",
			`content/roles/pm.yaml:9:25: role "design" is listed twice in consulted`},
		{"unknown role", raciModel, "    accountable: hed\n",
			`content/roles/pm.yaml:8:18: unknown role "hed" in accountable (did you mean "head"?)`},
		{"partners under raci", raciModel, "    accountable: head\n    partners: [eng]\n",
			`content/roles/pm.yaml:9:5: unknown key "partners" in responsibilities (this handbook's involvement names roles with responsible, accountable, consulted, informed)`},
		{"person under two letters", raciModel, "    accountable: head\n    consulted: [ada]\n    informed: [ada]\n",
			`content/roles/pm.yaml:10:16: person "ada" already holds C (Consulted) in "roadmap" and cannot also hold I (Informed): one takes part in a responsibility one way`},
		{"near key", raciModel, "    accountable: head\n    consultd: [design]\n",
			`content/roles/pm.yaml:9:5: unknown key "consultd" in responsibilities (did you mean "consulted"?)`},
		{"default near key", "", "    partnrs: [eng]\n",
			`content/roles/pm.yaml:8:5: unknown key "partnrs" in responsibilities (did you mean "partners"?)`},
		{"default lead partners", "", "    partners: [pm]\n",
			`content/roles/pm.yaml:8:16: role "pm" holds L (Lead) in "roadmap", whose file holds it, and cannot also hold P (Partner): a role takes part in a responsibility one way`},
	} {
		roles := raciRoles(c.extra)
		if strings.Contains(c.extra, "ada") {
			roles["people/ada"] = "name: Ada\n"
		}
		if c.model == "" {
			roles["pm"] = strings.NewReplacer("decision", "output", "stage: plan", "stage: define").Replace(roles["pm"])
		}
		_, diags := resolveModel(t, c.model, roles)
		var got []string
		for _, d := range diags.Errors() {
			got = append(got, d.String())
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%s:\ngot  %q\nwant %q", c.name, got, c.want)
		}
	}
}

// TestModelStagesAndKinds: a responsibility's stage and kind are the
// site's, and an error names the site's own, with a near one.
func TestModelStagesAndKinds(t *testing.T) {
	roles := raciRoles("    accountable: head\n")
	roles["pm"] = strings.NewReplacer("kind: decision", "kind: decison", "stage: plan", "stage: discover").Replace(roles["pm"])
	_, diags := resolveModel(t, raciModel, roles)
	var got []string
	for _, d := range diags.Errors() {
		got = append(got, d.String())
	}
	want := []string{
		`content/roles/pm.yaml:6:11: kind "decison" must be one of activity, decision (did you mean "decision"?)`,
		`content/roles/pm.yaml:7:12: stage "discover" must be one of plan, build, run`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
