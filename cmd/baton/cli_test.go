package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/batonhq/baton/internal/scaffold"
	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
)

// runIn runs the command in-process with args, as main does.
func runIn(t *testing.T, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return result{code, stdout.String(), stderr.String()}
}

// TestHelp asks every command for --help, and wants its usage and examples
// on stdout and exit 0.
func TestHelp(t *testing.T) {
	for _, cmd := range commands {
		if cmd == "help" {
			continue
		}
		for _, args := range [][]string{{cmd, "--help"}, {cmd, "-h"}, {"help", cmd}} {
			r := runIn(t, args...)
			if r.code != exitOK || !strings.HasPrefix(r.stdout, "Usage: baton "+cmd) || !strings.Contains(r.stdout, "Example") || r.stderr != "" {
				t.Errorf("baton %s: exit %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
			}
		}
	}
	r := runIn(t, "help")
	for _, cmd := range commands {
		if cmd != "help" && !strings.Contains(r.stdout, "baton "+cmd) {
			t.Errorf("baton help does not mention %s", cmd)
		}
	}
}

// TestUsageErrors wants exit 2 and a hint for each mistake on the command
// line, and nothing on stdout.
func TestUsageErrors(t *testing.T) {
	site := t.TempDir()
	if err := os.MkdirAll(filepath.Join(site, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		hint string
	}{
		{nil, "Usage:"},
		{[]string{"biuld"}, `unknown command "biuld" (did you mean "build"?)`},
		{[]string{"--quiet"}, "flags go after the command"},
		{[]string{"help", "nope"}, `no command "nope"`},
		{[]string{"build", "--quite"}, "unknown flag --quite (did you mean --quiet?)"},
		{[]string{"build", "--base-url"}, "flag needs an argument"},
		{[]string{"build", site, "--base-url", "//evil.example/"}, "--base-url must be an http(s) URL"},
		{[]string{"build", site, "--base-url", "ftp://x.example/"}, "--base-url must be an http(s) URL"},
		{[]string{"build", site, "--out", "x", "--draft"}, "unknown flag --draft (did you mean --drafts?)"},
		{[]string{"build", "a", "b"}, "expected at most one SITE folder"},
		{[]string{"check", "--format", "xml"}, `unknown --format "xml"`},
		{[]string{"check", "--strikt"}, "did you mean --strict?"},
		{[]string{"check", filepath.Join(site, "nowhere")}, "nowhere is not a folder"},
		{[]string{"init"}, "name the folder"},
		{[]string{"init", site}, "is not empty"},
		{[]string{"new"}, "say what to create"},
		{[]string{"new", "rol", "x"}, `(did you mean "role"?)`},
		{[]string{"new", "role", "Product_Ops", "--site", site}, `role id "Product_Ops" must be lower-case words joined by hyphens`},
		{[]string{"new", "path", "-x", "--site", site}, "unknown flag --x"},
		{[]string{"new", "path", "a--b", "--site", site}, `path id "a--b"`},
		{[]string{"new", "playbook", "notes.md", "--site", site}, "must be a Markdown file under content/playbooks"},
		{[]string{"new", "playbook", "playbooks/x.txt", "--site", site}, "must be a Markdown file under content/playbooks"},
		{[]string{"new", "playbook", "playbooks/../../x.md", "--site", site}, `".." must be a name`},
		{[]string{"new", "playbook", "/etc/playbooks/x.md", "--site", site}, "must be a Markdown file under content/playbooks"},
		{[]string{"new", "playbook", "playbooks/a b/x.md", "--site", site}, `"a b" must be a name`},
		{[]string{"new", "playbook", "playbooks/.hidden/x.md", "--site", site}, `".hidden" must be a name`},
		{[]string{"new", "path", "first", "--site", site}, "a reading path needs a page or role"},
		{[]string{"new", "role", "x", "--site", filepath.Join(site, "nowhere")}, "has no content/ folder"},
		{[]string{"schema"}, "name one schema"},
		{[]string{"schema", "rol"}, `no schema "rol" (did you mean "role"?)`},
		{[]string{"version", "now"}, "takes no arguments"},
	}
	for _, c := range cases {
		r := runIn(t, c.args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, c.hint) || r.stdout != "" {
			t.Errorf("baton %s: exit %d, want 2 with %q\nstdout:\n%s\nstderr:\n%s", strings.Join(c.args, " "), r.code, c.hint, r.stdout, r.stderr)
		}
	}
}

// TestNew creates each kind of file in a new handbook and builds it: what
// new writes must build, and new must never overwrite.
func TestNew(t *testing.T) {
	site := filepath.Join(t.TempDir(), "hb")
	if r := runIn(t, "init", site); r.code != exitOK {
		t.Fatalf("init: %d %s", r.code, r.stderr)
	}
	cases := []struct {
		args []string
		file string
		want string // a line of the file
	}{
		{[]string{"role", "product-ops"}, "content/roles/product-ops.yaml", "title: Product Ops"},
		{[]string{"role", "qa2"}, "content/roles/qa2.yaml", "# yaml-language-server: $schema=../../schemas/role.json"},
		{[]string{"playbook", "playbooks/working-with/legal.md"}, "content/playbooks/working-with/legal.md", "title: Legal"},
		{[]string{"playbook", "content/playbooks/new-section/deep/first-steps.md"}, "content/playbooks/new-section/deep/first-steps.md", "title: First steps"},
		{[]string{"playbook", "playbooks/new-section/_index.md"}, "content/playbooks/new-section/_index.md", "title: New section"},
		{[]string{"path", "onboarding-sales"}, "content/paths/onboarding-sales.yaml", "title: Onboarding sales"},
	}
	for _, c := range cases {
		args := append([]string{"new"}, c.args...)
		args = append(args, "--site", site)
		r := runIn(t, args...)
		if r.code != exitOK {
			t.Fatalf("baton %s: exit %d: %s", strings.Join(args, " "), r.code, r.stderr)
		}
		data, err := os.ReadFile(filepath.Join(site, c.file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), "\n"+c.want+"\n") && !strings.HasPrefix(string(data), c.want+"\n") {
			t.Errorf("%s lacks the line %q:\n%s", c.file, c.want, data)
		}
		before := string(data)
		if r := runIn(t, args...); r.code != exitUsage || !strings.Contains(r.stderr, "never overwrites") {
			t.Errorf("baton %s twice: exit %d: %s", strings.Join(args, " "), r.code, r.stderr)
		}
		if after, _ := os.ReadFile(filepath.Join(site, c.file)); string(after) != before {
			t.Errorf("a second baton new changed %s", c.file)
		}
	}
	r := runIn(t, "build", site, "--quiet")
	if r.code != exitOK || r.stdout != "" || strings.Contains(r.stderr, "error") {
		t.Errorf("build after new: exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	// A role file with the other extension counts as taken.
	if err := os.WriteFile(filepath.Join(site, "content/roles/legal.yml"), []byte("title: Legal\nsummary: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runIn(t, "new", "role", "legal", "--site", site); r.code != exitUsage {
		t.Errorf("new role beside legal.yml: exit %d", r.code)
	}
}

// TestNewPathStep wants a new path in a handbook without a home page to
// lead to something that exists.
func TestNewPathStep(t *testing.T) {
	site := t.TempDir()
	write(t, site, "content/playbooks/a/b.md", "---\ntitle: B\n---\nText.\n")
	if r := runIn(t, "new", "path", "first", "--site", site); r.code != exitOK {
		t.Fatalf("new path: %d %s", r.code, r.stderr)
	}
	if r := runIn(t, "check", site); r.code != exitOK {
		t.Errorf("check: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	write(t, site, "content/roles/pm.yaml", "title: PM\nsummary: x\n")
	if r := runIn(t, "new", "path", "second", "--site", site); r.code != exitOK {
		t.Fatalf("new path: %d %s", r.code, r.stderr)
	}
	data, _ := os.ReadFile(filepath.Join(site, "content/paths/second.yaml"))
	if !strings.Contains(string(data), "  - role: pm\n") {
		t.Errorf("second path does not lead to the role:\n%s", data)
	}
}

func write(t *testing.T, dir, rel, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCheckWarnings wants warnings printed and counted, exit 0 without
// --strict and 1 with it, and build to print them and succeed.
func TestCheckWarnings(t *testing.T) {
	site := t.TempDir()
	write(t, site, "content/handbook.yaml", "title: Handbook\n")
	write(t, site, "content/roles/a.yaml", "title: A\nsummary: x\nresponsibilities:\n  - {id: do-it, title: Do it, kind: activity, stage: grow}\n  - {id: done, title: Done, kind: outcome, stage: grow}\n")
	write(t, site, "content/roles/b.yaml", "title: B\nsummary: x\n")
	write(t, site, "content/p.md", "---\ntitle: P\nroles: [a]\nresponsibilities: [done]\n---\nText.\n")
	warnings := `content/roles/a.yaml:4:10: warning: responsibility "do-it" has no playbooks: no page lists it in responsibilities
content/roles/b.yaml:1:1: warning: role "b" has no playbooks: no page lists it in roles or links to it
`
	r := runIn(t, "check", site)
	if diff := cmp.Diff(warnings+"ok: 2 pages, 2 roles, 2 responsibilities, 0 paths, 2 warnings\n", r.stdout); r.code != exitOK || diff != "" {
		t.Errorf("check: exit %d, stdout (-want +got):\n%s", r.code, diff)
	}
	r = runIn(t, "check", site, "--strict")
	if r.code != exitContent || r.stdout != warnings || r.stderr != "2 warnings (--strict)\n" {
		t.Errorf("check --strict: exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	r = runIn(t, "check", site, "--strict", "--format", "github")
	if r.code != exitContent || !strings.HasPrefix(r.stdout, "::warning file=content/roles/a.yaml,line=4,col=10::") {
		t.Errorf("check --strict --format github: exit %d\n%s", r.code, r.stdout)
	}
	r = runIn(t, "build", site)
	if r.code != exitOK || r.stderr != warnings || !regexp.MustCompile(`^built \d+ files( \(\d+ changed\))? into .* in \S+, 2 warnings(; no sitemap.xml, .*)?\n$`).MatchString(r.stdout) {
		t.Errorf("build: exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
}

// TestSchemaCommand wants baton schema to print the repository's schemas/
// files, which the schema package's tests keep current.
func TestSchemaCommand(t *testing.T) {
	for _, name := range []string{"config", "role", "playbook", "path"} {
		want, err := os.ReadFile(filepath.Join("..", "..", "schemas", name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		if r := runIn(t, "schema", name); r.code != exitOK || r.stdout != string(want) {
			t.Errorf("baton schema %s: exit %d, output differs from schemas/%s.json", name, r.code, name)
		}
	}
	// The role schema follows the model of the handbook in --site, and a
	// model it cannot read is its error at its place.
	site := t.TempDir()
	yaml := filepath.Join(site, "content", "handbook.yaml")
	if err := os.MkdirAll(filepath.Dir(yaml), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(yaml, []byte("title: T\nmodel:\n  stages: [plan, ship]\n  involvement: raci\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runIn(t, "schema", "role", "--site", site)
	if r.code != exitOK || !strings.Contains(r.stdout, `"plan",`) || !strings.Contains(r.stdout, `"accountable": {`) || strings.Contains(r.stdout, `"partners"`) {
		t.Errorf("baton schema role --site (RACI): exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if err := os.WriteFile(yaml, []byte("title: T\nmodel:\n  involvement: rasi\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = runIn(t, "schema", "role", "--site", site)
	if want := `content/handbook.yaml:3:16: involvement "rasi" is not a preset`; r.code != exitContent || !strings.Contains(r.stderr, want) {
		t.Errorf("baton schema role --site (bad model): exit %d, stderr %q, want %q", r.code, r.stderr, want)
	}
}

// TestInitFiles wants init to write the default handbook byte for byte,
// with every section's _index.md, and the schemas.
func TestInitFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "hb")
	if r := runIn(t, "init", dir); r.code != exitOK {
		t.Fatalf("init: %d %s", r.code, r.stderr)
	}
	n := 0
	err := filepath.WalkDir(filepath.Join("..", "..", "content"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(filepath.Join("..", ".."), p)
		want, _ := os.ReadFile(p)
		got, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("init wrote %s differently: %v", rel, err)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 40 {
		t.Errorf("compared only %d files", n)
	}
}

// TestDeployDocs wants docs/deploy.md to show the exact workflow init
// writes, and every YAML file it shows to parse.
func TestDeployDocs(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "deploy.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	if !strings.Contains(doc, "```yaml\n"+string(scaffold.Workflow())+"```\n") {
		t.Errorf("docs/deploy.md does not show the workflow baton init writes (internal/scaffold/templates/workflow.yml)")
	}
	blocks := regexp.MustCompile("(?s)```yaml\n(.*?)```\n").FindAllStringSubmatch(doc, -1)
	if len(blocks) < 3 {
		t.Errorf("docs/deploy.md shows %d YAML files, want the GitHub, GitLab and S3 ones", len(blocks))
	}
	for _, b := range blocks {
		var v map[string]any
		if err := yaml.Unmarshal([]byte(b[1]), &v); err != nil || len(v) == 0 {
			t.Errorf("docs/deploy.md: a YAML block does not parse: %v\n%s", err, b[1])
		}
	}
}

func TestVersion(t *testing.T) {
	cases := []struct {
		info *debug.BuildInfo
		want string
	}{
		{nil, "baton (devel)"},
		{&debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v1.2.0"}}, "baton v1.2.0 go1.26.0"},
		{&debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"},
		}}, "baton (devel) (commit 0123456789ab, modified) go1.26.0"},
	}
	for _, c := range cases {
		if got := version(c.info); got != c.want {
			t.Errorf("version = %q, want %q", got, c.want)
		}
	}
}

// TestProgressBar drives the bar with a fake clock: nothing for a quick
// build, then frames no more often than progressFrame, then a clean line.
func TestProgressBar(t *testing.T) {
	now := time.Unix(0, 0)
	var buf bytes.Buffer
	bar := newProgressBar(&buf, func() time.Time { return now })
	bar.update(1, 10)
	if buf.Len() != 0 {
		t.Errorf("drew %q before the build had run a moment", buf.String())
	}
	now = now.Add(progressAfter)
	bar.update(2, 10)
	bar.update(3, 10) // same instant: no new frame
	now = now.Add(progressFrame)
	bar.update(10, 10)
	bar.clear()
	want := "\r\x1b[Krendering [######------------------------] 2/10" +
		"\r\x1b[Krendering [##############################] 10/10" +
		"\r\x1b[K"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("progress output (-want +got):\n%s", diff)
	}
	var none *progressBar
	none.clear() // a build without a bar
}

func TestPalette(t *testing.T) {
	var buf bytes.Buffer
	if p := newPalette(&buf); p.on || p.good("ok") != "ok" {
		t.Errorf("colour on a buffer")
	}
	if got := (palette{on: true}).bad("x"); got != "\x1b[31mx\x1b[0m" {
		t.Errorf("bad = %q", got)
	}
}

// TestNewRoleFollowsModel: in a handbook with a model of its own, a new
// role's example responsibility names its kinds, its stages and its
// letters' keys, not the default's.
func TestNewRoleFollowsModel(t *testing.T) {
	site := filepath.Join(t.TempDir(), "hb")
	if r := runIn(t, "init", site); r.code != exitOK {
		t.Fatalf("init: %d %s", r.code, r.stderr)
	}
	yaml := filepath.Join(site, "content", "handbook.yaml")
	data, err := os.ReadFile(yaml)
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, "model:\n  stages: [plan, build, run]\n  kinds: [activity, decision]\n  involvement: raci\n"...)
	if err := os.WriteFile(yaml, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runIn(t, "new", "role", "quality", "--site", site); r.code != exitOK {
		t.Fatalf("new role: exit %d: %s", r.code, r.stderr)
	}
	got, err := os.ReadFile(filepath.Join(site, "content", "roles", "quality.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"# Hands-on responsibilities this role takes as Responsible (R), each like:",
		"#     kind: activity               # activity or decision",
		"#     stage: run                   # plan, build or run",
		"#     responsible: [product-manager] # role ids",
		"#     accountable: product-manager # one role id",
		"#     informed: [product-manager]  # role ids",
	} {
		if !strings.Contains(string(got), "\n"+want+"\n") {
			t.Errorf("the new role lacks the line %q:\n%s", want, got)
		}
	}
	if strings.Contains(string(got), "partners") {
		t.Errorf("the new role of a RACI handbook names partners:\n%s", got)
	}
}
