package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/schema"
	"github.com/batonhq/baton/internal/source"
)

const newHelp = `Usage: baton new role ID | playbook PATH | path ID [flags]

Creates a file from a template, with its fields filled in and the title
made from the id, and prints where to start writing as file:line:col. It
never overwrites a file. The new file builds as it is.

  role ID          content/roles/ID.yaml
  playbook PATH    content/PATH, a Markdown page under content/playbooks
  path ID          content/paths/ID.yaml, a reading path

An id is lower-case words joined by hyphens, like product-ops.

Examples:
  baton new role product-ops
  baton new playbook playbooks/working-with/legal.md
  baton new path onboarding-sales --site handbook

Flags:
`

var newKinds = []string{"role", "playbook", "path"}

// created is a file that baton new writes.
type created struct {
	rel  string // slash-separated, relative to the site folder
	data []byte
	// edit is where to start writing: the first placeholder.
	edit string
}

func cmdNew(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("new", newHelp)
	site := fs.String("site", ".", "the handbook `folder`")
	rest, err := parseArgs(fs, args, stdout)
	if err != nil {
		return err
	}
	if len(rest) != 2 {
		return usageError{"say what to create: baton new role ID, baton new playbook PATH or baton new path ID"}
	}
	kind, arg := rest[0], rest[1]
	if !slices.Contains(newKinds, kind) {
		return usageError{fmt.Sprintf("cannot create a %q%s: use role, playbook or path", kind, diag.DidYouMean(kind, newKinds))}
	}
	if err := siteDir(*site); err != nil {
		return err
	}
	var c created
	switch kind {
	case "role":
		c, err = newRole(*site, arg)
	case "playbook":
		c, err = newPlaybook(*site, arg)
	case "path":
		c, err = newPath(*site, arg)
	}
	if err != nil {
		return err
	}
	file := filepath.Join(*site, filepath.FromSlash(c.rel))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return usageError{fmt.Sprintf("%s already exists; baton new never overwrites a file", file)}
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(c.data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created %s\n%s%s: start writing here\n", file, file, c.edit)
	return nil
}

// placeholder returns text with marker removed, and the line:col where the
// marker stood.
func placeholder(text, marker string) ([]byte, string) {
	i := strings.Index(text, marker)
	line, col := diag.LineCol([]byte(text), i)
	return []byte(strings.Replace(text, marker, "", 1)), fmt.Sprintf(":%d:%d", line, col)
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

// titleFromID makes a title from an id: "product-ops" gives "Product Ops"
// for a role (as role titles are written) and "Product ops" otherwise.
func titleFromID(id string, every bool) string {
	words := strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	for i, w := range words {
		if i == 0 || every {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

func checkID(what, id, example string) error {
	if !handbook.ValidID(id) {
		return usageError{fmt.Sprintf("%s id %q must be lower-case words joined by hyphens, like %s", what, id, example)}
	}
	return nil
}

// exists refuses an id that a file with the other YAML extension has.
func exists(site, dir, id string) error {
	for _, ext := range []string{".yaml", ".yml"} {
		p := filepath.Join(site, "content", dir, id+ext)
		if _, err := os.Stat(p); err == nil {
			return usageError{fmt.Sprintf("%s already exists; baton new never overwrites a file", p)}
		}
	}
	return nil
}

const roleTemplate = `%stitle: %s
summary: @One sentence on what %s does for the product.
# The role's part in the conductor model, like Conductor, Strings or Woodwinds.
part: ""
# Order in lists: lower comes first.
weight: 100
# Decisions this role has authority over.
owns: []
# What it shapes without authority.
influences: []
# What it needs from the other roles to do its part.
needs: []
# Ids of the roles it works with most, like [product-manager, engineering].
collaborates_with: []
# Hands-on responsibilities this role leads, each like:
#   - id: run-onboarding           # unique across the handbook
#     title: Running onboarding
#     kind: activity               # activity, output or outcome
#     stage: launch                # discover, define, deliver, launch or grow
#     summary: One or two sentences.
#     partners: [product-manager]  # role ids
responsibilities: []
`

func newRole(site, id string) (created, error) {
	if err := checkID("role", id, "product-ops"); err != nil {
		return created{}, err
	}
	if err := exists(site, "roles", id); err != nil {
		return created{}, err
	}
	rel := "content/roles/" + id + ".yaml"
	title := titleFromID(id, true)
	data, edit := placeholder(fmt.Sprintf(roleTemplate, schemaLine(site, rel, "role"), title, title), "@")
	return created{rel: rel, data: data, edit: edit}, nil
}

const playbookTemplate = `---
title: %s
# One sentence for lists and search results; empty takes the first paragraph.
summary: ""
# Order in its section: lower comes first.
weight: 100
# Role ids this page is for; it is listed on their pages.
roles: []
# Responsibility ids this page covers.
responsibilities: []
tags: []
# Questions for the reader's private self-assessment.
reflect: []
draft: false
---

@Write the playbook here, in Markdown. Link to pages and roles with relative
links to their files, like ` + "`[Design](%sroles/design.yaml)`" + `: baton turns them into
URLs and checks that they lead somewhere.
`

func newPlaybook(site, arg string) (created, error) {
	rel := strings.TrimPrefix(filepath.ToSlash(arg), "./")
	rel = strings.TrimPrefix(rel, "content/")
	if !strings.HasPrefix(rel, "playbooks/") || path.Ext(rel) != ".md" {
		return created{}, usageError{fmt.Sprintf("playbook %q must be a Markdown file under content/playbooks, like playbooks/working-with/legal.md", arg)}
	}
	segs := strings.Split(rel, "/")
	for _, seg := range segs {
		if !handbook.ValidSlug(seg) || source.Ignored(seg) {
			return created{}, usageError{fmt.Sprintf("playbook %q: %q must be a name of letters, digits, hyphens, underscores or dots", arg, seg)}
		}
	}
	name := strings.TrimSuffix(segs[len(segs)-1], ".md")
	if name == "_index" {
		name = segs[len(segs)-2] // a section's introduction takes the folder's name
	}
	up := strings.Repeat("../", len(segs)-1)
	data, edit := placeholder(fmt.Sprintf(playbookTemplate, titleFromID(name, false), up), "@")
	return created{rel: "content/" + rel, data: data, edit: edit}, nil
}

const pathTemplate = `%stitle: %s
summary: @One sentence on where this path leads.
audience: Who the path is for
# The steps, in order. Each names one page (relative to content/), role or
# responsibility, and says why it matters:
#   - page: playbooks/conductor-model/conductor.md
#   - role: product-manager
#   - responsibility: prioritize-backlog
steps:
  - %s: %s
    why: Why this step matters, in a sentence.
`

func newPath(site, id string) (created, error) {
	if err := checkID("path", id, "onboarding-sales"); err != nil {
		return created{}, err
	}
	if err := exists(site, "paths", id); err != nil {
		return created{}, err
	}
	key, target, err := firstStep(site)
	if err != nil {
		return created{}, err
	}
	rel := "content/paths/" + id + ".yaml"
	data, edit := placeholder(fmt.Sprintf(pathTemplate, schemaLine(site, rel, "path"), titleFromID(id, false), key, target), "@")
	return created{rel: rel, data: data, edit: edit}, nil
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
		case p != "." && source.Ignored(d.Name()):
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
	return "", "", usageError{"a reading path needs a page or role to lead to; create one first with baton new playbook or baton new role"}
}
