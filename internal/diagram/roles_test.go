package diagram_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/publish"
	"github.com/batonhq/baton/internal/render"
)

// testRole is one role of the generated handbooks: realistic titles (long
// ones included) and parts, and the group it works in most.
type testRole struct {
	id, title, part, group string
}

// testRoles are the roles of the generated handbooks, the conductor first;
// a handbook of n roles takes the first n.
var testRoles = []testRole{
	{"product-manager", "Product Manager", "Conductor", ""},
	{"engineering", "Engineering", "Strings", "build"},
	{"design", "Design", "Woodwinds", "build"},
	{"data", "Data and Analytics", "Sound engineer", "insight"},
	{"leadership", "Executive Leadership", "Impresario", "lead"},
	{"sales", "Sales", "Box office", "market"},
	{"user-research", "User Research", "Audience's ear", "insight"},
	{"engineering-manager", "Engineering Manager", "Orchestra manager", "build"},
	{"qa", "Quality Assurance", "Tuning fork", "build"},
	{"product-marketing", "Product Marketing", "Brass", "market"},
	{"customer-success", "Customer Success", "Front of house", "customer"},
	{"support", "Support", "Ushers", "customer"},
	{"legal-privacy", "Legal and Privacy", "Rights and licensing", "lead"},
	{"technical-writing", "Technical Writing", "Program notes", "customer"},
	{"security", "Security", "Stage door", "build"},
	{"product-operations", "Product Operations", "Librarian", "insight"},
	{"product-leadership", "Product Leadership", "Music director", "lead"},
	{"site-reliability", "Site Reliability Engineering", "Stage crew", "build"},
	{"developer-relations", "Developer Relations", "Touring company", "market"},
	{"finance", "Finance", "Treasurer", "lead"},
	{"partnerships", "Partnerships", "Guest soloists", "market"},
	{"localization", "Localization", "Translators", "customer"},
	{"accessibility", "Accessibility", "Hearing loop", "build"},
	{"solutions-engineering", "Solutions Engineering", "Accompanist", "market"},
	{"platform", "Platform Engineering", "Rigging", "build"},
	{"compliance", "Compliance and Risk", "Fire marshal", "lead"},
	{"growth", "Growth Marketing", "Publicity", "market"},
	{"content-design", "Content Design", "Librettist", "customer"},
	{"revenue-operations", "Revenue Operations", "Accountant", "insight"},
	{"internationalization", "Internationalization", "Touring office", "customer"},
}

// crossLinks join groups, as real handbooks do (engineering works with
// support, legal with marketing).
var crossLinks = [][2]string{
	{"engineering", "support"}, {"engineering", "data"}, {"design", "user-research"},
	{"design", "content-design"}, {"legal-privacy", "product-marketing"}, {"legal-privacy", "security"},
	{"sales", "customer-success"}, {"data", "growth"}, {"leadership", "product-leadership"},
	{"qa", "support"}, {"finance", "revenue-operations"}, {"platform", "developer-relations"},
	{"accessibility", "design"}, {"compliance", "security"}, {"localization", "technical-writing"},
	{"solutions-engineering", "engineering"}, {"partnerships", "leadership"},
	{"product-operations", "product-leadership"}, {"internationalization", "engineering"},
}

// generatedRoles builds n roles as the handbook would resolve them: the
// conductor works with everyone, roles of a group with each other (up to
// three of the group's others), plus the cross links.
func generatedRoles(n int) []*handbook.Role {
	roles := make([]*handbook.Role, n)
	byID := map[string]*handbook.Role{}
	for i := range n {
		tr := testRoles[i]
		roles[i] = &handbook.Role{ID: tr.id, Title: tr.title, Part: tr.part, Weight: i + 1, URL: "/roles/" + tr.id + "/"}
		byID[tr.id] = roles[i]
	}
	link := func(a, b *handbook.Role) {
		if a == nil || b == nil || a == b || slices.Contains(a.Collaborators, b) {
			return
		}
		a.Collaborators = append(a.Collaborators, b)
		b.Collaborators = append(b.Collaborators, a)
	}
	for i := 1; i < n; i++ {
		link(roles[0], roles[i])
		peers := 0
		for j := i + 1; j < n && peers < 3; j++ {
			if testRoles[j].group == testRoles[i].group {
				link(roles[i], roles[j])
				peers++
			}
		}
	}
	for _, l := range crossLinks {
		link(byID[l[0]], byID[l[1]])
	}
	return roles
}

// writeGeneratedSite writes a handbook of the first n test roles, with the
// same collaborations as generatedRoles, and returns its folder.
func writeGeneratedSite(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"content/handbook.yaml": "title: Generated handbook\ndescription: A handbook of " + fmt.Sprint(n) + " roles.\n",
		"content/_index.md":     "---\ntitle: Home\n---\nA generated handbook.\n",
	}
	for _, r := range generatedRoles(n) {
		var b strings.Builder
		fmt.Fprintf(&b, "title: %s\nsummary: The %s role.\npart: %s\nweight: %d\n", r.Title, r.Title, r.Part, r.Weight)
		if len(r.Collaborators) > 0 {
			b.WriteString("collaborates_with:\n")
			for _, c := range r.Collaborators {
				fmt.Fprintf(&b, "  - %s\n", c.ID)
			}
		}
		files["content/roles/"+r.ID+".yaml"] = b.String()
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// buildSite builds the site in dir with the default theme.
func buildSite(t *testing.T, dir string) *build.Result {
	t.Helper()
	theme, err := render.LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	res, diags := build.New(build.Options{Theme: theme}).Build(context.Background(), os.DirFS(dir))
	if res == nil {
		t.Fatalf("building %s: %v", dir, diags)
	}
	return res
}

// publishSite builds the site in dir into a new output folder and returns
// the folder.
func publishSite(t *testing.T, dir string) string {
	t.Helper()
	res := buildSite(t, dir)
	out := filepath.Join(t.TempDir(), "public")
	if err := publish.Write(publish.Options{Out: out, Source: os.DirFS(dir)}, res.Files); err != nil {
		t.Fatal(err)
	}
	return out
}

// defaultRoles resolves the repository's own handbook (17 roles).
func defaultRoles(t *testing.T) []*handbook.Role {
	t.Helper()
	return buildSite(t, "../..").Site.Roles
}
