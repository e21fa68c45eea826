package scaffold

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/schema"
	"github.com/batonhq/baton/internal/source"
)

// Kinds are the kinds of file New creates.
var Kinds = []string{"role", "playbook", "path"}

// Created is a file New wrote: its path, and where to start writing.
type Created struct {
	File      string // the file, joined to the site folder
	Line, Col int
}

// cursor marks, in a template's output, where the writer starts; New
// removes it and reports its line and column.
const cursor = "@"

// CheckKind refuses a kind of file New does not create.
func CheckKind(kind string) error {
	if !slices.Contains(Kinds, kind) {
		return refuse("cannot create a %q%s: use role, playbook or path", kind, diag.DidYouMean(kind, Kinds))
	}
	return nil
}

// New creates a role (arg is its id), a playbook (arg is its path under
// content/) or a reading path (arg is its id) in the handbook at site,
// from a template with the title made from the id. The file builds as it
// is. It never overwrites a file.
func New(site, kind, arg string) (Created, error) {
	var f File
	var err error
	switch kind {
	case "role":
		f, err = newRole(site, arg)
	case "playbook":
		f, err = newPlaybook(arg)
	case "path":
		f, err = newPath(site, arg)
	default:
		return Created{}, CheckKind(kind)
	}
	if err != nil {
		return Created{}, err
	}
	i := strings.Index(string(f.Data), cursor)
	line, col := diag.LineCol(f.Data, i)
	f.Data = slices.Delete(f.Data, i, i+len(cursor))
	file := filepath.Join(site, filepath.FromSlash(f.Path))
	if err := create(file, f.Data); err != nil {
		return Created{}, err
	}
	return Created{File: file, Line: line, Col: col}, nil
}

func newRole(site, id string) (File, error) {
	if err := checkID(site, "role", "roles", id, "product-ops"); err != nil {
		return File{}, err
	}
	rel := "content/roles/" + id + ".yaml"
	return File{rel, []byte(execute("role.yaml.tmpl", map[string]string{
		"Schema": schemaLine(site, rel, "role"), "Title": handbook.TitleFromName(id, true),
		"Example": roleExample(siteModel(site)),
	}))}, nil
}

// siteModel is the model of the handbook at site: its handbook.yaml's,
// where it can be read (a part with an error is the default's), else the
// default.
func siteModel(site string) config.Model {
	src, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(config.File)))
	if err != nil {
		return config.DefaultModel()
	}
	c, _ := config.Decode(src)
	return c.Model
}

// roleExample is the comment of a new role file that shows a
// responsibility written for the site's model: its kinds, its stages and
// the keys of its letters.
func roleExample(m config.Model) string {
	if len(m.Stages) == 0 || len(m.Kinds) == 0 || len(m.Letters) == 0 {
		return ""
	}
	line := func(kv, note string) string {
		return fmt.Sprintf("#     %-28s # %s\n", kv, note)
	}
	var b strings.Builder
	if m.IsDefault() {
		b.WriteString("# Hands-on responsibilities this role leads, each like:\n")
	} else {
		fmt.Fprintf(&b, "# Hands-on responsibilities this role takes as %s (%s), each like:\n", m.Letters[0].Title, m.Letters[0].Letter)
	}
	b.WriteString("#   - id: run-onboarding           # unique across the handbook\n#     title: Running onboarding\n")
	b.WriteString(line("kind: "+m.Kinds[0].ID, orList(m.KindIDs())))
	b.WriteString(line("stage: "+m.Stages[min(3, len(m.Stages)-1)].ID, orList(m.StageIDs())))
	b.WriteString("#     summary: One or two sentences.\n")
	for _, l := range m.Letters {
		switch {
		case l.Key == "":
		case l.Single:
			b.WriteString(line(l.Key+": product-manager", "one role id"))
		default:
			b.WriteString(line(l.Key+": [product-manager]", "role ids"))
		}
	}
	return b.String()
}

// orList is "a, b or c".
func orList(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

func newPlaybook(arg string) (File, error) {
	rel := strings.TrimPrefix(filepath.ToSlash(arg), "./")
	rel = strings.TrimPrefix(rel, "content/")
	if !strings.HasPrefix(rel, "playbooks/") || path.Ext(rel) != ".md" {
		return File{}, refuse("playbook %q must be a Markdown file under content/playbooks, like playbooks/working-with/legal.md", arg)
	}
	segs := strings.Split(rel, "/")
	for _, seg := range segs {
		if !handbook.ValidSlug(seg) || source.Ignored(seg) {
			return File{}, refuse("playbook %q: %q must be a name of letters, digits, hyphens, underscores or dots", arg, seg)
		}
	}
	name := strings.TrimSuffix(segs[len(segs)-1], ".md")
	if name == "_index" {
		name = segs[len(segs)-2] // a section's introduction takes the folder's name
	}
	return File{"content/" + rel, []byte(execute("playbook.md.tmpl", map[string]string{
		"Title": handbook.TitleFromName(name, false), "Up": strings.Repeat("../", len(segs)-1),
	}))}, nil
}

func newPath(site, id string) (File, error) {
	if err := checkID(site, "path", "paths", id, "onboarding-sales"); err != nil {
		return File{}, err
	}
	key, target, err := firstStep(site)
	if err != nil {
		return File{}, err
	}
	rel := "content/paths/" + id + ".yaml"
	return File{rel, []byte(execute("path.yaml.tmpl", map[string]string{
		"Schema": schemaLine(site, rel, "path"), "Title": handbook.TitleFromName(id, false), "StepKey": key, "Step": target,
	}))}, nil
}

// checkID refuses an id that is not one, or that a file with either YAML
// extension already has.
func checkID(site, what, dir, id, example string) error {
	if !handbook.ValidID(id) {
		return refuse("%s id %q must be lower-case words joined by hyphens, like %s", what, id, example)
	}
	for _, ext := range []string{".yaml", ".yml"} {
		p := filepath.Join(site, "content", dir, id+ext)
		if _, err := os.Stat(p); err == nil {
			return refuse("%s already exists; baton never overwrites a file", p)
		}
	}
	return nil
}

// schemaLine is the yaml-language-server comment for a file at rel, when
// the site has the schema (as a handbook from baton init does).
func schemaLine(site, rel, name string) string {
	p := "schemas/" + schema.File(name)
	if _, err := os.Stat(filepath.Join(site, filepath.FromSlash(p))); err != nil {
		return ""
	}
	up := strings.Repeat("../", strings.Count(rel, "/"))
	return "# yaml-language-server: $schema=" + up + p + "\n"
}

// firstStep picks a target that exists for a new path's first step, so the
// path builds: the home page, else a role, else any page.
func firstStep(site string) (key, target string, err error) {
	content := filepath.Join(site, "content")
	if _, err := os.Stat(filepath.Join(content, "_index.md")); err == nil {
		return "page", "_index.md", nil
	}
	roles, _ := filepath.Glob(filepath.Join(content, "roles", "*.yaml"))
	for _, r := range roles {
		if id := strings.TrimSuffix(filepath.Base(r), ".yaml"); handbook.ValidID(id) {
			return "role", id, nil
		}
	}
	var page string
	_ = fs.WalkDir(os.DirFS(content), ".", func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil || page != "":
			return fs.SkipAll
		case p != "." && source.IgnoredEntry(d):
			if d.IsDir() {
				return fs.SkipDir
			}
		case !d.IsDir() && path.Ext(p) == ".md":
			page = p
		}
		return nil
	})
	if page != "" {
		return "page", page, nil
	}
	return "", "", refuse("a reading path needs a page or role to lead to; create one first with baton new playbook or baton new role")
}
