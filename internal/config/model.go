package config

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/i18n"
	"github.com/batonhq/baton/internal/strictyaml"
)

// IDPattern is the shape of every id a handbook names: lower-case letters
// and digits in words joined by single hyphens.
const IDPattern = `^[a-z0-9]+(-[a-z0-9]+)*$`

var idRE = regexp.MustCompile(IDPattern)

// ValidID reports whether s is an id (IDPattern).
func ValidID(s string) bool { return idRE.MatchString(s) }

// Model is how the org the handbook describes works: the stages of its
// lifecycle in order, the kinds of responsibility, and the letters that say
// how a role takes part in one. It is data: handbook.yaml's model: sets it,
// DefaultModel is what a handbook without one gets, and every stage after
// config reads it from the Config it is given.
type Model struct {
	Stages []Term
	Kinds  []Term
	// Preset names the involvement letters when they are a preset's
	// (PresetLeadPartner, PresetRACI, PresetDACI), or is "" for the
	// handbook's own list.
	Preset string
	// Letters are the ways a role takes part in a responsibility. The
	// first is the one the role whose file holds the responsibility takes.
	Letters []Letter
}

// Term is a stage or a kind.
type Term struct{ ID, Title string }

// Letter is one way a role takes part in a responsibility, like RACI's
// accountable.
type Letter struct {
	ID      string // "accountable"
	Letter  string // "A"
	Title   string // "Accountable"
	Summary string
	// Single is set for a letter exactly one role holds in every
	// responsibility (RACI's accountable, the default's lead).
	Single bool
	// Key is the responsibility's key that names the letter's holders
	// ("partners", "accountable"), or "" for a first letter that is
	// Single: the role whose file holds the responsibility is its holder.
	Key string
	// Verb says what a holder does, in the legend and a cell's title
	// ("leads"); Holders heads the list of a responsibility's holders
	// ("Led by"); Holds heads what a role holds ("Partners in"); By names
	// the holder of a first letter beside a responsibility ("led by").
	Verb, Holders, Holds, By string
}

// Rest is the rest of the verb after the letter when the verb starts with
// it ("eads" for L, leads), which a screen reader reads after the letter as
// one word; or "" when it does not.
func (l Letter) Rest() string {
	if n := len(l.Letter); len(l.Verb) > n && strings.EqualFold(l.Verb[:n], l.Letter) {
		return l.Verb[n:]
	}
	return ""
}

// The involvement presets.
const (
	PresetLeadPartner = "lead-partner"
	PresetRACI        = "raci"
	PresetDACI        = "daci"
)

// Presets are the involvement presets' names, the default first.
var Presets = []string{PresetLeadPartner, PresetRACI, PresetDACI}

// presetLetters are each preset's letters.
func presetLetters(name string) []Letter {
	switch name {
	case PresetRACI:
		return []Letter{
			{ID: "responsible", Letter: "R", Title: "Responsible", Summary: "Does the work.", Key: "responsible", Verb: "responsible", Holders: "Responsible", Holds: "Responsible for", By: "responsible:"},
			{ID: "accountable", Letter: "A", Title: "Accountable", Summary: "Answers for the result and signs it off; exactly one role.", Single: true, Key: "accountable", Verb: "accountable", Holders: "Accountable", Holds: "Accountable for"},
			{ID: "consulted", Letter: "C", Title: "Consulted", Summary: "Asked before: their view shapes the work.", Key: "consulted", Verb: "consulted", Holders: "Consulted", Holds: "Consulted on"},
			{ID: "informed", Letter: "I", Title: "Informed", Summary: "Told after: kept up to date.", Key: "informed", Verb: "informed", Holders: "Informed", Holds: "Informed of"},
		}
	case PresetDACI:
		return []Letter{
			{ID: "driver", Letter: "D", Title: "Driver", Summary: "Drives the work to a decision; exactly one role.", Single: true, Verb: "drives", Holders: "Driver", Holds: "Drives", By: "driven by"},
			{ID: "approver", Letter: "A", Title: "Approver", Summary: "Makes the decision; exactly one role.", Single: true, Key: "approver", Verb: "approves", Holders: "Approver", Holds: "Approves"},
			{ID: "contributor", Letter: "C", Title: "Contributor", Summary: "Brings knowledge to the decision.", Key: "contributors", Verb: "contributes", Holders: "Contributors", Holds: "Contributes to"},
			{ID: "informed", Letter: "I", Title: "Informed", Summary: "Told of the decision.", Key: "informed", Verb: "informed", Holders: "Informed", Holds: "Informed of"},
		}
	}
	return []Letter{
		{ID: "lead", Letter: "L", Title: "Lead", Summary: "Leads the responsibility; the role whose file holds it.", Single: true, Verb: "leads", Holders: "Led by", Holds: "Responsibilities it leads", By: "led by"},
		{ID: "partner", Letter: "P", Title: "Partner", Summary: "Takes part in it with the lead.", Key: "partners", Verb: "partners", Holders: "Partners", Holds: "Partners in"},
	}
}

// DefaultModel is the model of a handbook that does not set one: a
// product lifecycle of five stages, activities, outputs and outcomes, and a
// lead with partners.
func DefaultModel() Model {
	return Model{
		Stages: []Term{{"discover", "Discover"}, {"define", "Define"}, {"deliver", "Deliver"}, {"launch", "Launch"}, {"grow", "Grow"}},
		Kinds:  []Term{{"activity", "activity"}, {"output", "output"}, {"outcome", "outcome"}},
		Preset: PresetLeadPartner, Letters: presetLetters(PresetLeadPartner),
	}
}

// IsDefault reports whether m is DefaultModel.
func (m Model) IsDefault() bool { return reflect.DeepEqual(m, DefaultModel()) }

// StageIDs are the stages' ids, in the lifecycle's order.
func (m Model) StageIDs() []string { return ids(m.Stages) }

// KindIDs are the kinds' ids.
func (m Model) KindIDs() []string { return ids(m.Kinds) }

// LetterIDs are the letters' ids.
func (m Model) LetterIDs() []string {
	out := make([]string, len(m.Letters))
	for i, l := range m.Letters {
		out[i] = l.ID
	}
	return out
}

// StageTitle is a stage's title, or the id when the model has no such stage.
func (m Model) StageTitle(id string) string { return title(m.Stages, id) }

// KindTitle is a kind's title, or the id when the model has no such kind.
func (m Model) KindTitle(id string) string { return title(m.Kinds, id) }

// Keys are the responsibility keys that name holders of a letter, in the
// letters' order.
func (m Model) Keys() []string {
	var out []string
	for _, l := range m.Letters {
		if l.Key != "" {
			out = append(out, l.Key)
		}
	}
	return out
}

// ByKey is the letter whose holders a responsibility names with key.
func (m Model) ByKey(key string) (Letter, int, bool) {
	for i, l := range m.Letters {
		if l.Key != "" && l.Key == key {
			return l, i, true
		}
	}
	return Letter{}, -1, false
}

func ids(ts []Term) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.ID
	}
	return out
}

func title(ts []Term, id string) string {
	for _, t := range ts {
		if t.ID == id {
			return t.Title
		}
	}
	return id
}

// RawModel is handbook.yaml's model: as written.
type RawModel struct {
	Stages      []RawTerm      `yaml:"stages"`
	Kinds       []RawTerm      `yaml:"kinds"`
	Involvement RawInvolvement `yaml:"involvement"`
	Pos         diag.Pos
}

// RawTerm is a stage or kind: its id alone, or an id and a title.
type RawTerm struct {
	ID    strictyaml.Str `yaml:"id,required,scalar"`
	Title strictyaml.Str `yaml:"title"`
	Pos   diag.Pos
}

// RawInvolvement is a preset's name or a list of letters.
type RawInvolvement struct {
	Preset  strictyaml.Str `yaml:"preset,scalar"`
	Letters []RawLetter    `yaml:"letters,list"`
	Pos     diag.Pos
}

// RawLetter is one involvement letter as written.
type RawLetter struct {
	ID      strictyaml.Str `yaml:"id,required"`
	Letter  strictyaml.Str `yaml:"letter,required"`
	Title   strictyaml.Str `yaml:"title,required"`
	Summary string         `yaml:"summary"`
	Single  bool           `yaml:"single"`
	Pos     diag.Pos
}

// responsibilityKeys are the keys a responsibility has whatever the
// model: a letter's key must not be one of them.
var responsibilityKeys = []string{"id", "title", "kind", "stage", "summary"}

// decodeModel checks handbook.yaml's model: and returns it, with the
// default's parts where it gives none.
func decodeModel(raw RawModel, diags *diag.List) Model {
	m := DefaultModel()
	if raw.Stages != nil {
		m.Stages = terms("stages", raw.Stages, raw.Pos, true, diags)
	}
	if raw.Kinds != nil {
		m.Kinds = terms("kinds", raw.Kinds, raw.Pos, false, diags)
	}
	inv := raw.Involvement
	switch {
	case inv.Letters != nil:
		m.Preset, m.Letters = "", letters(inv.Letters, inv.Pos, diags)
	case inv.Preset.Value != "":
		if !slices.Contains(Presets, inv.Preset.Value) {
			diags.Errorf(inv.Preset.Pos, "involvement %q is not a preset: use %s, or a list of letters%s", inv.Preset.Value, strings.Join(Presets, ", "), diag.DidYouMean(inv.Preset.Value, Presets))
			break
		}
		m.Preset, m.Letters = inv.Preset.Value, presetLetters(inv.Preset.Value)
	}
	return m
}

// terms checks a list of stages or kinds. A stage written as its id alone
// is titled with the id's first letter in upper case; a kind keeps its id,
// as kinds show in lower case.
func terms(key string, raw []RawTerm, at diag.Pos, capital bool, diags *diag.List) []Term {
	if len(raw) == 0 {
		diags.Errorf(at, "model %s must not be empty: list them, or leave %s out for the default", key, key)
		return nil
	}
	what := strings.TrimSuffix(key, "s")
	seen := map[string]diag.Pos{}
	var out []Term
	for _, t := range raw {
		id := t.ID.Value
		if t.ID.Pos.Line == 0 {
			continue // missing, which the decoder reported
		}
		if !checkID(what, t.ID, seen, diags) {
			continue
		}
		title := strings.TrimSpace(t.Title.Value)
		if title == "" {
			title = id
			if capital {
				title = strings.ToUpper(id[:1]) + strings.ReplaceAll(id[1:], "-", " ")
			}
		}
		out = append(out, Term{ID: id, Title: title})
	}
	return out
}

// checkID checks a model id's shape and that it is the first of its name.
func checkID(what string, id strictyaml.Str, seen map[string]diag.Pos, diags *diag.List) bool {
	if !ValidID(id.Value) {
		diags.Errorf(id.Pos, "%s id %q must be lower-case words joined by hyphens, like plan or go-live", what, id.Value)
		return false
	}
	if first, ok := seen[id.Value]; ok {
		diags.Errorf(id.Pos, "%s %q is listed twice (first on line %d)", what, id.Value, first.Line)
		return false
	}
	seen[id.Value] = id.Pos
	return true
}

// letters checks a handbook's own involvement letters.
func letters(raw []RawLetter, at diag.Pos, diags *diag.List) []Letter {
	if len(raw) == 0 {
		diags.Errorf(at, "involvement must name at least one letter, or a preset: %s", strings.Join(Presets, ", "))
		return nil
	}
	seen, marks := map[string]diag.Pos{}, map[string]diag.Pos{}
	var out []Letter
	for i, r := range raw {
		if r.ID.Pos.Line == 0 || r.Letter.Pos.Line == 0 {
			continue // missing, which the decoder reported
		}
		if !checkID("involvement", r.ID, seen, diags) {
			continue
		}
		if slices.Contains(responsibilityKeys, r.ID.Value) {
			diags.Errorf(r.ID.Pos, "involvement id %q is a key every responsibility has: choose another", r.ID.Value)
			continue
		}
		mark := strings.TrimSpace(r.Letter.Value)
		if n := utf8.RuneCountInString(mark); n < 1 || n > 2 || strings.IndexFunc(mark, func(c rune) bool { return !unicode.IsLetter(c) }) >= 0 {
			diags.Errorf(r.Letter.Pos, "letter %q must be one or two letters, like R", r.Letter.Value)
			continue
		}
		if first, ok := marks[mark]; ok {
			diags.Errorf(r.Letter.Pos, "letter %q is used twice (first on line %d): a matrix cell could not say which", mark, first.Line)
			continue
		}
		marks[mark] = r.Letter.Pos
		t := strings.TrimSpace(r.Title.Value)
		l := Letter{ID: r.ID.Value, Letter: mark, Title: t, Summary: strings.TrimSpace(r.Summary), Single: r.Single,
			Key: r.ID.Value, Verb: strings.ToLower(t), Holders: t, Holds: t, By: strings.ToLower(t) + ":"}
		if i == 0 && r.Single {
			l.Key = ""
		}
		out = append(out, l)
	}
	return out
}

// Localised is m with its preset's words in ui's language: lead and
// partner, RACI's or DACI's; a handbook that wrote its own letters keeps
// the words it chose.
func (m Model) Localised(ui *i18n.Strings) Model {
	if ui == nil || !slices.Contains(Presets, m.Preset) {
		return m
	}
	ls := slices.Clone(m.Letters)
	if m.Preset == PresetLeadPartner && len(ls) == 2 {
		ls[0].Letter, ls[0].Verb, ls[0].Holders, ls[0].Holds = ui.T("matrix.lead_mark"), ui.T("matrix.leads"), ui.T("resp.led_by"), ui.T("role.leads")
		ls[0].By = strings.TrimSpace(ui.T("role.led_by", "role", ""))
		ls[1].Letter, ls[1].Verb, ls[1].Holders, ls[1].Holds = ui.T("matrix.partner_mark"), ui.T("matrix.partners_word"), ui.T("resp.partners"), ui.T("role.partner_in")
		m.Letters = ls
		return m
	}
	for i := range ls {
		key := "model." + m.Preset + "." + ls[i].ID + "."
		for _, f := range []struct {
			name string
			to   *string
		}{{"title", &ls[i].Title}, {"verb", &ls[i].Verb}, {"holders", &ls[i].Holders}, {"holds", &ls[i].Holds}, {"by", &ls[i].By}} {
			if ui.Has(key + f.name) {
				*f.to = ui.T(key + f.name)
			}
		}
	}
	m.Letters = ls
	return m
}
