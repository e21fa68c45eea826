package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/batonhq/baton/internal/scaffold"
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
	if err := scaffold.CheckKind(rest[0]); err != nil {
		return refused(err)
	}
	if info, err := os.Stat(filepath.Join(*site, "content")); err != nil || !info.IsDir() {
		return usageError{fmt.Sprintf("%s has no content/ folder; baton new adds to a baton handbook (start one with 'baton init DIR')", *site)}
	}
	c, err := scaffold.New(*site, rest[0], rest[1])
	if err != nil {
		return refused(err)
	}
	fmt.Fprintf(stdout, "created %s\n%s:%d:%d: start writing here\n", c.File, c.File, c.Line, c.Col)
	return nil
}
