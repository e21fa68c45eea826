package schema_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/export"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/schema"
	"github.com/batonhq/baton/internal/source"
	"github.com/batonhq/baton/internal/strictyaml"
	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
)

var update = flag.Bool("update", false, "rewrite the repository's schemas/ folder")

// TestSchemasCurrent compares the repository's schemas/ folder, which the
// default handbook's yaml-language-server comments point at, with what the
// structs give now. Run with -update to rewrite it.
func TestSchemasCurrent(t *testing.T) {
	dir := filepath.Join("..", "..", "schemas")
	if *update {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]bool{}
	for _, name := range schema.Names {
		got, ok := schema.Of(name, config.DefaultModel())
		if !ok {
			t.Fatalf("Of(%q) = false", name)
		}
		file := filepath.Join(dir, schema.File(name))
		want[schema.File(name)] = true
		if *update {
			if err := os.WriteFile(file, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		old, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/schema -update)", err)
		}
		if !bytes.Equal(old, got) {
			t.Errorf("schemas/%s is stale (run go test ./internal/schema -update):\n%s", schema.File(name), cmp.Diff(string(old), string(got)))
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !want[e.Name()] {
			t.Errorf("schemas/%s is not a schema baton makes; remove it", e.Name())
		}
	}
	if _, ok := schema.Of("nonsense", config.DefaultModel()); ok {
		t.Errorf("Of(nonsense) = true")
	}
}

// schemaFor says which schema a content file follows, as handbook.Classify
// does, and returns its YAML (a page's front matter).
func schemaFor(t *testing.T, file string, data []byte) (name string, doc []byte, line int) {
	t.Helper()
	switch handbook.Classify(source.File{Path: file}) {
	case handbook.KindConfig:
		return "config", data, 0
	case handbook.KindRole:
		return "role", data, 0
	case handbook.KindPath:
		return "path", data, 0
	case handbook.KindPerson:
		return "person", data, 0
	case handbook.KindGlossary:
		return "glossary", data, 0
	case handbook.KindPage:
		fm, err := source.SplitFrontMatter(data)
		if err != nil || !fm.Present {
			return "", nil, 0
		}
		return "playbook", fm.YAML, fm.Line - 1
	}
	return "", nil, 0
}

// decode runs baton's own decoder on a document of the named schema.
func decode(name string, doc []byte, line int) bool {
	var v any
	switch name {
	case "config":
		v = &config.Raw{}
	case "role":
		v = &handbook.RoleFile{}
	case "path":
		v = &handbook.PathFile{}
	case "playbook":
		v = &handbook.FrontMatter{}
	case "person":
		v = &handbook.PersonFile{}
	case "glossary":
		v = &handbook.GlossaryFile{}
	}
	return !strictyaml.Decode("x", doc, line, v).HasErrors()
}

// problems validates one document against the named schema, reading the
// YAML as an editor's language server does.
func problems(t *testing.T, name string, doc []byte) []string {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(doc, &v); err != nil {
		t.Fatalf("yaml: %v", err)
	}
	if v == nil {
		v = map[string]any{}
	}
	s, _ := schema.Of(name, config.DefaultModel())
	return validate(s, yaml12(v))
}

// yaml12 turns the dates yaml.v3 reads as timestamps (YAML 1.1) back
// into the strings an editor's YAML 1.2 reader sees (reviewed: 2026-03-01).
func yaml12(v any) any {
	switch v := v.(type) {
	case time.Time:
		return v.Format("2006-01-02")
	case map[string]any:
		for k, x := range v {
			v[k] = yaml12(x)
		}
	case []any:
		for i, x := range v {
			v[i] = yaml12(x)
		}
	}
	return v
}

// TestAcceptsContent validates every YAML file and every front matter of
// the default handbook and of the build's test site: the decoder takes
// them all, and so must the schemas.
func TestAcceptsContent(t *testing.T) {
	n := 0
	for _, root := range []string{"../..", "../build/testdata/site"} {
		err := fs.WalkDir(os.DirFS(root), "content", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(filepath.Join(root, p))
			if err != nil {
				return err
			}
			name, doc, line := schemaFor(t, p, data)
			if name == "" {
				return nil
			}
			n++
			if !decode(name, doc, line) {
				t.Errorf("%s: the decoder rejects it", path.Join(root, p))
			}
			if probs := problems(t, name, doc); len(probs) > 0 {
				t.Errorf("%s: schema %s rejects it:\n%s", path.Join(root, p), name, strings.Join(probs, "\n"))
			}
			if root == "../.." && name != "playbook" {
				checkModeline(t, p, data, name)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n < 50 {
		t.Errorf("validated only %d files", n)
	}
}

// TestRejectsFixtures validates the build's bad-input fixtures. Where the
// decoder's error is about the document's shape (an unknown key, a wrong
// type, a missing key), the schema must reject the file too, at the same
// key; where it is not (YAML syntax, an alias, a reference to a missing
// id, the file's name), the schema has nothing to say. The schemas'
// refinements (enums, id patterns, one target per step) catch more than
// the decoder alone does.
func TestRejectsFixtures(t *testing.T) {
	cases := []struct {
		file string
		want []string // schema problems; nil means the schema accepts it
	}{
		{"yaml/content/handbook.yaml", []string{
			`/: unknown property "titel"`,
			`/unsafe_html: want boolean, got string`,
		}},
		{"yaml/content/pages/slug.md", []string{
			`/draft: want boolean, got string`,
			`/slug: "../../escape" does not match ^[A-Za-z0-9._-]+$`,
		}},
		{"yaml/content/roles/types.yaml", []string{
			`/: unknown property "colaborates_with"`,
			`/owns: want array, got string`,
			`/title: want string, got array`,
			`/weight: want integer, got string`,
		}},
		// The file name is the id; the schema cannot see it.
		{"yaml/content/roles/Bad_ID.yaml", nil},
		{"references/content/roles/design.yaml", nil},
		{"references/content/roles/engineering.yaml", []string{
			`/responsibilities/0/kind: "activty" is not one of [activity output outcome]`,
			`/responsibilities/0/stage: "deploy" is not one of [discover define deliver launch grow]`,
		}},
		{"references/content/paths/p.yaml", []string{
			`/steps/2: matches 2 of the oneOf schemas, not exactly one`,
		}},
		// Unknown ids are the resolver's to find.
		{"references/content/playbooks/a.md", nil},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			file := filepath.Join("../build/testdata/errors", c.file)
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			rel := c.file[strings.Index(c.file, "content/"):]
			name, doc, _ := schemaFor(t, rel, data)
			got := problems(t, name, doc)
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("schema %s problems differ (-want +got):\n%s", name, diff)
			}
		})
	}
}

// TestAgreesWithDecoder feeds small documents to the decoder and the
// schema, and wants the same verdict: required keys, types and unknown
// keys at every level.
func TestAgreesWithDecoder(t *testing.T) {
	cases := []struct {
		schema, doc string
		ok          bool
	}{
		{"role", "title: A\nsummary: B\n", true},
		{"role", "title: A\n", false},
		{"role", "summary: B\n", false},
		{"role", "title: A\nsummary: B\nweight: 2\nowns: [x]\ncollaborates_with: [design]\n", true},
		{"role", "title: A\nsummary: B\nweight: two\n", false},
		{"role", "title: A\nsummary: B\nresponsibilities:\n  - {id: a, title: T, kind: output, stage: grow}\n", true},
		{"role", "title: A\nsummary: B\nresponsibilities:\n  - {id: a, title: T, kind: output}\n", false},
		// A responsibility's other keys are its model's letters, which the
		// resolver checks (handbook: TestInvolvementErrors); the role's
		// own keys are the decoder's.
		{"role", "title: A\nsummary: B\nlead: x\n", false},
		{"config", "title: H\nmodel:\n  stages: [plan, {id: ship, title: Ship}]\n  involvement: raci\n", true},
		{"config", "title: H\nmodel:\n  involvement: [{id: owner, letter: O, title: Owner, single: true}]\n", true},
		{"config", "title: H\nmodel:\n  involvement: [{id: owner, title: Owner}]\n", false},
		{"config", "title: H\nmodel:\n  stages: [{title: Plan}]\n", false},
		{"config", "title: H\nmodel:\n  stage: [plan]\n", false},
		{"role", "title: A\nsummary: B\nresponsibilities: {id: a}\n", false},
		{"path", "title: P\nsteps:\n  - page: a.md\n", true},
		{"path", "title: P\n", false},
		{"path", "title: P\nsteps:\n  - page: a.md\n    note: x\n", false},
		{"path", "title: P\nsteps: a.md\n", false},
		{"playbook", "title: T\n", true},
		{"playbook", "summary: S\n", false},
		{"playbook", "title: T\ntags: [a, b]\nreflect: [\"Why?\"]\ndraft: true\nweight: 3\n", true},
		{"playbook", "title: T\ndraft: yes please\n", false},
		{"playbook", "title: T\ntag: [a]\n", false},
		{"playbook", "title: T\nroles: design\n", false},
		{"config", "title: H\n", true},
		{"config", "description: D\n", false},
		{"config", "title: H\nbase_url: /\nlanguage: en\nunsafe_html: false\n", true},
		{"config", "title: H\nunsafe_html: 1\n", false},
		{"config", "title: H\nbase: /\n", false},
	}
	for _, c := range cases {
		probs := problems(t, c.schema, []byte(c.doc))
		if got := len(probs) == 0; got != c.ok {
			t.Errorf("schema %s on %q: valid = %v, want %v %v", c.schema, c.doc, got, c.ok, probs)
		}
		if got := decode(c.schema, []byte(c.doc), 0); got != c.ok {
			t.Errorf("decoder %s on %q: valid = %v, want %v", c.schema, c.doc, got, c.ok)
		}
	}
}

// checkModeline wants the first line of a default handbook's YAML file to
// point editors at its schema, relative to the file, so that the link
// holds in a handbook made by baton init (which writes schemas/ beside
// content/).
func checkModeline(t *testing.T, file string, data []byte, name string) {
	t.Helper()
	first, _, _ := strings.Cut(string(data), "\n")
	rel, ok := strings.CutPrefix(first, "# yaml-language-server: $schema=")
	if !ok {
		t.Errorf("%s: first line is %q, want a yaml-language-server $schema comment", file, first)
		return
	}
	if got, want := path.Join(path.Dir(file), rel), "schemas/"+schema.File(name); got != want {
		t.Errorf("%s: $schema=%s points at %s, want %s", file, rel, got, want)
	}
}

// TestExportMatchesSchema builds handbook.json for the default handbook,
// for a site with people, owners and review dates, and for one with a
// model of its own (RACI), and validates it against the schema baton
// schema export prints: every field the export writes is in the schema,
// with its type, and none is missing.
func TestExportMatchesSchema(t *testing.T) {
	for _, root := range []string{"../..", "../build/testdata/site", "../build/testdata/raci"} {
		site := resolveDir(t, root)
		var data bytes.Buffer
		if err := export.Write(&data, site); err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(data.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		if probs := validate(export.Schema(), v); len(probs) > 0 {
			t.Errorf("%s: handbook.json does not match its schema:\n%s", root, strings.Join(probs, "\n"))
		}
		m := v.(map[string]any)
		if _, own := m["model"]; own != strings.HasSuffix(root, "raci") {
			t.Errorf("%s: handbook.json has a model: %v, want it only for a model of the handbook's own", root, own)
		}
		for _, k := range []string{"roles", "responsibilities", "pages"} {
			if len(m[k].([]any)) == 0 {
				t.Errorf("%s: handbook.json has no %s", root, k)
			}
		}
	}
}

// resolveDir parses and resolves the handbook in root's content/.
func resolveDir(t *testing.T, root string) *handbook.Site {
	t.Helper()
	md := markdown.New(false)
	var parsed []*handbook.Parsed
	cfg := config.Default()
	err := fs.WalkDir(os.DirFS(root), "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(root, p))
		if err != nil {
			return err
		}
		f := source.File{Path: p, Data: data, Size: int64(len(data)), Static: strings.HasPrefix(p, "content/static/")}
		if p == config.File {
			c, diags := config.Decode(data)
			if diags.HasErrors() {
				return fmt.Errorf("%v", diags)
			}
			cfg = c
			return nil
		}
		parsed = append(parsed, handbook.Parse(f, md))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	site, diags := handbook.Resolve(cfg, parsed, handbook.Options{Today: 1800000000})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return site
}

// TestRoleFollowsModel: the role schema of a site with a model of its own
// takes its stages and kinds as enums and its letters as a
// responsibility's keys, the one-holder letter as a required id; and it
// agrees with the decoder on a role file of that site.
func TestRoleFollowsModel(t *testing.T) {
	cfg, diags := config.Decode([]byte("title: T\nmodel:\n  stages: [plan, build, run]\n  kinds: [activity, decision]\n  involvement: raci\n"))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	data, _ := schema.Of("role", cfg.Model)
	var s struct {
		Properties struct {
			Responsibilities struct {
				Items struct {
					Properties map[string]struct {
						Type  string
						Enum  []string
						Items struct{ Pattern string }
					}
					Required []string
				}
			}
		}
	}
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	resp := s.Properties.Responsibilities.Items
	if got := resp.Properties["stage"].Enum; !slices.Equal(got, []string{"plan", "build", "run"}) {
		t.Errorf("stage enum = %v, want plan, build, run", got)
	}
	if got := resp.Properties["kind"].Enum; !slices.Equal(got, []string{"activity", "decision"}) {
		t.Errorf("kind enum = %v, want activity, decision", got)
	}
	for key, typ := range map[string]string{"responsible": "array", "accountable": "string", "consulted": "array", "informed": "array", "partners": ""} {
		if got := resp.Properties[key].Type; got != typ {
			t.Errorf("%s is a %q, want %q", key, got, typ)
		}
	}
	if !slices.Contains(resp.Required, "accountable") {
		t.Errorf("required = %v, want accountable among them", resp.Required)
	}
	role := "title: PM\nsummary: S\nresponsibilities:\n  - {id: a, title: A, kind: decision, stage: plan, accountable: head, consulted: [design]}\n"
	var v any
	if err := yaml.Unmarshal([]byte(role), &v); err != nil {
		t.Fatal(err)
	}
	if probs := validate(data, v); len(probs) > 0 {
		t.Errorf("a RACI role is refused: %v", probs)
	}
	if err := yaml.Unmarshal([]byte(strings.Replace(role, "stage: plan", "stage: discover", 1)), &v); err != nil {
		t.Fatal(err)
	}
	if probs := validate(data, v); len(probs) != 1 {
		t.Errorf("a stage of the default model: problems %v, want one", probs)
	}
}
