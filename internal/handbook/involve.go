package handbook

import (
	"slices"
	"strings"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/strictyaml"
)

// inModel checks that a responsibility's stage or kind is one of the
// site's, naming them when it is not.
func (r *resolver) inModel(what string, v strictyaml.Str, ids []string) {
	if v.Value != "" && !slices.Contains(ids, v.Value) {
		r.diags.Errorf(v.Pos, "%s %q must be one of %s%s", what, v.Value, strings.Join(ids, ", "), diag.DidYouMean(v.Value, ids))
	}
}

// involve gives a responsibility its holders, letter by letter: the role
// whose file holds it takes the model's first letter, and each key of the
// model's letters (partners:, accountable:, ...) names roles or people. A
// role takes part one way, and a letter marked single has exactly one
// holder.
func (r *resolver) involve(resp *Responsibility, rf ResponsibilityFile) {
	m := r.cfg.Model
	held := make([]Holding, len(m.Letters))
	for i, l := range m.Letters {
		held[i].Letter = l
	}
	if len(held) == 0 {
		return // the model's own errors are reported
	}
	held[0].Roles = []*Role{resp.Lead}
	in := &involving{resp: resp, held: held, roles: map[*Role]int{resp.Lead: 0}, people: map[*Person]int{}}
	// named are the letters whose key is written: a holder it names that
	// is refused has its own error, and the letter is not reported missing.
	named := map[int]bool{}
	for _, k := range rf.Involved {
		_, i, ok := m.ByKey(k.Key.Value)
		if !ok {
			r.unknownKey(k.Key)
			continue
		}
		named[i] = len(k.Values) > 0
		for _, ref := range k.Values {
			if r.hold(in, i, ref) {
				r.checkSingle(resp, held[i], k.Key, ref)
			}
		}
	}
	for i, h := range held {
		if h.Letter.Single && len(h.Roles)+len(h.People) == 0 && !named[i] {
			r.diags.Errorf(resp.Pos, "responsibility %q names no %s (%s): exactly one role holds it; add %s: with a role", resp.ID, h.Letter.Title, h.Letter.Letter, h.Letter.Key)
		}
		if len(h.Roles)+len(h.People) > 0 {
			resp.Involved = append(resp.Involved, h)
		}
	}
}

// involving is a responsibility whose holders are being named: what each
// letter has so far, and which letter each role and person holds.
type involving struct {
	resp   *Responsibility
	held   []Holding
	roles  map[*Role]int
	people map[*Person]int
}

// hold gives ref, a role or person, the letter in.held[i], and reports
// whether it did.
func (r *resolver) hold(in *involving, i int, ref strictyaml.Str) bool {
	resp, held := in.resp, in.held
	key := held[i].Letter.Key
	if pe := r.people[ref.Value]; pe != nil && r.roles[ref.Value] == nil {
		if j, ok := in.people[pe]; ok {
			r.twice(resp, "person", nil, held[j].Letter, held[i].Letter, ref)
			return false
		}
		in.people[pe] = i
		held[i].People = append(held[i].People, pe)
		resp.PartnerPeople = append(resp.PartnerPeople, pe)
		pe.PartnerIn = append(pe.PartnerIn, resp)
		pe.Holds = hold(pe.Holds, held[i].Letter, resp)
		return true
	}
	var c *Role
	if len(r.people) > 0 && r.roles[ref.Value] == nil {
		ids := append(sortedKeys(r.roles), sortedKeys(r.people)...)
		r.diags.Errorf(ref.Pos, "unknown role or person %q in %s%s", ref.Value, key, diag.DidYouMean(ref.Value, ids))
	} else {
		c = r.lookupRole(ref, key)
	}
	if c == nil {
		return false
	}
	if j, ok := in.roles[c]; ok {
		r.twice(resp, "role", c, held[j].Letter, held[i].Letter, ref)
		return false
	}
	in.roles[c] = i
	held[i].Roles = append(held[i].Roles, c)
	resp.Partners = append(resp.Partners, c)
	c.PartnerIn = append(c.PartnerIn, resp)
	c.Holds = hold(c.Holds, held[i].Letter, resp)
	return true
}

// hold adds resp to what is held with letter l.
func hold(holds []Held, l config.Letter, resp *Responsibility) []Held {
	for i := range holds {
		if holds[i].Letter.ID == l.ID {
			holds[i].Responsibilities = append(holds[i].Responsibilities, resp)
			return holds
		}
	}
	return append(holds, Held{Letter: l, Responsibilities: []*Responsibility{resp}})
}

// twice reports a role or person (what) named for a responsibility a
// second time; c is the role, or nil for a person.
func (r *resolver) twice(resp *Responsibility, what string, c *Role, had, want config.Letter, ref strictyaml.Str) {
	switch {
	case had.ID == want.ID:
		r.diags.Errorf(ref.Pos, "%s %q is listed twice in %s", what, ref.Value, want.Key)
	case c != nil && c == resp.Lead && had.ID == r.cfg.Model.Letters[0].ID:
		r.diags.Errorf(ref.Pos, "role %q holds %s (%s) in %q, whose file holds it, and cannot also hold %s (%s): a role takes part in a responsibility one way", ref.Value, had.Letter, had.Title, resp.ID, want.Letter, want.Title)
	default:
		r.diags.Errorf(ref.Pos, "%s %q already holds %s (%s) in %q and cannot also hold %s (%s): one takes part in a responsibility one way", what, ref.Value, had.Letter, had.Title, resp.ID, want.Letter, want.Title)
	}
}

// checkSingle reports a second holder of a letter exactly one role holds.
func (r *resolver) checkSingle(resp *Responsibility, h Holding, key, ref strictyaml.Str) {
	if h.Letter.Single && len(h.Roles)+len(h.People) == 2 {
		r.diags.Errorf(ref.Pos, "%s (%s) of %q is held by exactly one role, and %s: names a second, %q", h.Letter.Title, h.Letter.Letter, resp.ID, key.Value, ref.Value)
	}
}

// unknownKey reports a key of a responsibility that is none of its own
// nor a letter's of the site's model.
func (r *resolver) unknownKey(k strictyaml.Str) {
	m := r.cfg.Model
	names := append([]string{"id", "kind", "stage", "summary", "title"}, m.Keys()...)
	hint := diag.DidYouMean(k.Value, names)
	if hint == "" && m.Preset != config.PresetLeadPartner {
		hint = " (this handbook's involvement names roles with " + strings.Join(m.Keys(), ", ") + ")"
	}
	r.diags.Errorf(k.Pos, "unknown key %q in responsibilities%s", k.Value, hint)
}
