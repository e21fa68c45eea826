package handbook

import (
	"fmt"
	"slices"
	"time"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/strictyaml"
)

// Review is who keeps a page, role or path true, and when it was last
// checked.
type Review struct {
	// Owners are the roles and people that own it.
	Owners []Owner
	// Reviewed is the date it was last reviewed ("2026-03-01"), or "".
	Reviewed string
	// Due is the date its next review is due, when the handbook or the
	// page sets review_every and it has a review date; Overdue reports
	// whether that date has passed (Options.Today).
	Due     string
	Overdue bool
}

// ReviewKeys are the keys of a page's front matter, a role's or a path's
// YAML that say who owns it and when it was reviewed.
type ReviewKeys struct {
	Owners      []strictyaml.Str `yaml:"owners"`
	Reviewed    strictyaml.Str   `yaml:"reviewed"`
	ReviewEvery strictyaml.Str   `yaml:"review_every"`
}

// dateLayout is how review dates are written.
const dateLayout = "2006-01-02"

// review checks a file's review keys and works out its review: owners are
// role ids, reviewed a date not after today, review_every an interval
// (the handbook's when the file gives none). With Options.Stale, a file
// due for review, one with no review date under an interval, and one with
// no owner where the handbook requires owners are warnings at the keys.
func (r *resolver) review(file string, k ReviewKeys, pos diag.Pos) Review {
	var rv Review
	for _, ref := range k.Owners {
		if o, ok := r.lookupOwner(ref); ok && !slices.Contains(rv.Owners, o) {
			rv.Owners = append(rv.Owners, o)
		}
	}
	var reviewed time.Time
	if v := k.Reviewed.Value; v != "" {
		t, err := time.Parse(dateLayout, v)
		switch {
		case err != nil:
			r.keyProblem(k.Reviewed.Pos, "reviewed %q is not a date like 2026-03-01", v)
		default:
			// A date after today is likely a typo, or a clock (or
			// SOURCE_DATE_EPOCH) behind: said, never fatal.
			if r.opts.Today != 0 && t.Unix() > r.opts.Today {
				r.diags.Warnf(k.Reviewed.Pos, "reviewed %s is after today, %s", v, time.Unix(r.opts.Today, 0).UTC().Format(dateLayout))
			}
			rv.Reviewed, reviewed = v, t
		}
	}
	every, everyPos := r.cfg.ReviewEvery, r.cfg.ReviewEveryPos
	if k.ReviewEvery.Value != "" {
		every, everyPos = k.ReviewEvery.Value, k.ReviewEvery.Pos
	}
	var add func(time.Time) time.Time
	if every != "" {
		var err error
		if add, err = config.ParseEvery(every); err != nil {
			if k.ReviewEvery.Value != "" { // the handbook's is checked with its settings
				r.keyProblem(everyPos, "%v", err)
			}
		}
	}
	if add != nil && rv.Reviewed != "" {
		due := add(reviewed)
		rv.Due = due.Format(dateLayout)
		rv.Overdue = r.opts.Today != 0 && due.Unix() < r.opts.Today
	}
	if !r.opts.Stale {
		return rv
	}
	at := pos
	if at.File == "" {
		at = diag.Pos{File: file, Line: 1, Col: 1}
	}
	switch {
	case rv.Overdue:
		r.diags = append(r.diags, diag.Diagnostic{Pos: k.Reviewed.Pos, Severity: diag.Warning, Code: diag.Stale,
			Message: fmt.Sprintf("due for review since %s (reviewed %s, every %s)", rv.Due, rv.Reviewed, every)})
	case add != nil && rv.Reviewed == "" && k.Reviewed.Value == "":
		r.diags = append(r.diags, diag.Diagnostic{Pos: at, Severity: diag.Warning, Code: diag.Stale,
			Message: fmt.Sprintf("never reviewed: no reviewed date, and review_every is %s", every)})
	}
	if r.cfg.RequireOwners && len(k.Owners) == 0 {
		r.diags = append(r.diags, diag.Diagnostic{Pos: at, Severity: diag.Warning, Code: diag.Stale,
			Message: "has no owner: the handbook requires owners (owners: [role-id])"})
	}
	return rv
}

// keyProblem reports a bad value of a key baton reads: an error in a
// baton handbook, a warning in one written for another tool, whose keys
// of these names may mean something else there.
func (r *resolver) keyProblem(pos diag.Pos, format string, args ...any) {
	r.problem(pos, "left out", format, args...)
}

// problem reports what a baton handbook must fix as an error, and in a
// handbook written for another tool, which built without it there, as a
// warning that says what baton did instead (then).
func (r *resolver) problem(pos diag.Pos, then, format string, args ...any) {
	if r.cfg.Strict {
		r.diags.Errorf(pos, format, args...)
		return
	}
	r.diags.Warnf(pos, format+"; "+then, args...)
}
