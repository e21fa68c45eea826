package config

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestModel: model: sets the stages in their order, the kinds and the
// involvement letters, each written short or long, and keeps the default's
// parts it does not set.
func TestModel(t *testing.T) {
	c, diags := Decode([]byte("title: T\n"))
	if len(diags) > 0 || !cmp.Equal(c.Model, DefaultModel()) {
		t.Errorf("no model: got %+v (%v), want the default", c.Model, diags)
	}
	if got := Default().Model; !cmp.Equal(got, DefaultModel()) {
		t.Errorf("Default().Model = %+v, want the default", got)
	}
	src := "title: T\nmodel:\n  stages: [plan, {id: go-live, title: Go live}, run-it]\n  involvement: raci\n"
	c, diags = Decode([]byte(src))
	if len(diags) > 0 {
		t.Fatalf("%q: %v", src, diags)
	}
	wantStages := []Term{{"plan", "Plan"}, {"go-live", "Go live"}, {"run-it", "Run it"}}
	if diff := cmp.Diff(c.Model.Stages, wantStages); diff != "" {
		t.Errorf("stages (-got +want):\n%s", diff)
	}
	if got, want := c.Model.KindIDs(), DefaultModel().KindIDs(); !cmp.Equal(got, want) {
		t.Errorf("kinds = %v, want the default's %v", got, want)
	}
	if got := c.Model.Keys(); !cmp.Equal(got, []string{"responsible", "accountable", "consulted", "informed"}) {
		t.Errorf("raci keys = %v", got)
	}
	src = "title: T\nmodel:\n  kinds: [activity, {id: decision, title: Decision}]\n  involvement:\n    - {id: owner, letter: O, title: Owner, single: true}\n    - {id: helper, letter: H, title: Helper, summary: Helps.}\n"
	c, diags = Decode([]byte(src))
	if len(diags) > 0 {
		t.Fatalf("%q: %v", src, diags)
	}
	want := []Letter{
		{ID: "owner", Letter: "O", Title: "Owner", Single: true, Verb: "owner", Holders: "Owner", Holds: "Owner", By: "owner:"},
		{ID: "helper", Letter: "H", Title: "Helper", Summary: "Helps.", Key: "helper", Verb: "helper", Holders: "Helper", Holds: "Helper", By: "helper:"},
	}
	if diff := cmp.Diff(c.Model.Letters, want); diff != "" || c.Model.Preset != "" {
		t.Errorf("letters (-got +want):\n%s (preset %q)", diff, c.Model.Preset)
	}
	if got := c.Model.KindTitle("decision") + "/" + c.Model.KindTitle("activity"); got != "Decision/activity" {
		t.Errorf("kind titles = %s, want Decision/activity", got)
	}
}

// TestModelErrors: each bad value of model: is an error at its place.
func TestModelErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"model:\n  involvement: rasi\n", `content/handbook.yaml:3:16: involvement "rasi" is not a preset: use lead-partner, raci, daci, or a list of letters (did you mean "raci"?)`},
		{"model:\n  involvement: []\n", `content/handbook.yaml:3:16: involvement must name at least one letter, or a preset: lead-partner, raci, daci`},
		{"model:\n  stages: []\n", `content/handbook.yaml:3:3: model stages must not be empty: list them, or leave stages out for the default`},
		{"model:\n  kinds: []\n", `content/handbook.yaml:3:3: model kinds must not be empty: list them, or leave kinds out for the default`},
		{"model:\n  stages: [plan, build, plan]\n", `content/handbook.yaml:3:25: stage "plan" is listed twice (first on line 3)`},
		{"model:\n  stages:\n    - plan\n    - id: Build It\n", `content/handbook.yaml:5:11: stage id "Build It" must be lower-case words joined by hyphens, like plan or go-live`},
		{"model:\n  kinds: [{title: Decision}]\n", `content/handbook.yaml:3:11: missing required key "id" in kinds`},
		{"model:\n  kinds: [{id: x, titel: X}]\n", `content/handbook.yaml:3:19: unknown key "titel" in kinds (did you mean "title"?)`},
		{"model:\n  stage: [plan]\n", `content/handbook.yaml:3:3: unknown key "stage" in model (did you mean "stages"?)`},
		{"model:\n  involvement:\n    - {id: a, letter: A, title: A}\n    - {id: a, letter: B, title: B}\n", `content/handbook.yaml:5:12: involvement "a" is listed twice (first on line 4)`},
		{"model:\n  involvement:\n    - {id: a, letter: A, title: A}\n    - {id: b, letter: A, title: B}\n", `content/handbook.yaml:5:23: letter "A" is used twice (first on line 4): a matrix cell could not say which`},
		{"model:\n  involvement:\n    - {id: a, letter: '12', title: A}\n", `content/handbook.yaml:4:23: letter "12" must be one or two letters, like R`},
		{"model:\n  involvement:\n    - {id: stage, letter: S, title: S}\n", `content/handbook.yaml:4:12: involvement id "stage" is a key every responsibility has: choose another`},
		{"model:\n  involvement:\n    - {id: a, title: A}\n", `content/handbook.yaml:4:7: missing required key "letter" in involvement`},
	} {
		_, diags := Decode([]byte("title: T\n" + c.src))
		var got []string
		for _, d := range diags {
			got = append(got, d.String())
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%q:\ngot  %q\nwant %q", c.src, got, c.want)
		}
	}
}

// TestLetterRest: a cell reads "L" then "eads" as the one word Leads when
// the verb starts with the letter, and nothing is split otherwise.
func TestLetterRest(t *testing.T) {
	for _, c := range []struct{ letter, verb, want string }{
		{"L", "leads", "eads"}, {"R", "responsible", "esponsible"}, {"A", "approves", "pproves"},
		{"O", "helper", ""}, {"Ä", "äußert", "ußert"}, {"X", "x", ""},
	} {
		if got := (Letter{Letter: c.letter, Verb: c.verb}).Rest(); got != c.want {
			t.Errorf("Rest of %s for %q = %q, want %q", c.letter, c.verb, got, c.want)
		}
	}
}

// TestModelWords: a preset's letters speak the handbook's language (the
// catalog's words), English as the preset writes them; a handbook's own
// letters keep the words it wrote.
func TestModelWords(t *testing.T) {
	for _, c := range []struct {
		yaml          string
		holders, verb string
	}{
		{"title: T\nmodel:\n  involvement: raci\n", "Responsible", "responsible"},
		{"title: T\nlanguage: de\nmodel:\n  involvement: raci\n", "Verantwortlich", "verantwortlich"},
		{"title: T\nlanguage: fr\nmodel:\n  involvement: daci\n", "Pilote", "pilote"},
		{"title: T\nlanguage: de\n", "Geleitet von", "leitet"},
		{"title: T\nlanguage: de\nmodel:\n  involvement:\n    - {id: owner, letter: O, title: Owner}\n", "Owner", "Owner"},
	} {
		cfg, diags := Decode([]byte(c.yaml))
		if diags.HasErrors() {
			t.Fatalf("%q: %v", c.yaml, diags)
		}
		l := cfg.Model.Letters[0]
		if l.Holders != c.holders || !strings.EqualFold(l.Verb, c.verb) {
			t.Errorf("%q: the first letter's words are %q, %q, want %q, %q", c.yaml, l.Holders, l.Verb, c.holders, c.verb)
		}
	}
}
