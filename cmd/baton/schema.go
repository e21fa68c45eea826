package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/export"
	"github.com/batonhq/baton/internal/schema"
)

const schemaHelp = `Usage: baton schema [--site DIR] role|playbook|path|person|glossary|config|export

Prints the JSON Schema (draft 2020-12) of a handbook file: a role
(content/roles/ID.yaml), a playbook's front matter, a reading path
(content/paths/ID.yaml), a person (content/people/ID.yaml), the glossary
(content/glossary.yaml) or the configuration (content/handbook.yaml). The
schemas accept exactly the keys and types baton accepts, so an editor with
a YAML language server flags a typo as you type. baton init writes them
into schemas/; the first line of each YAML file points at its schema:

  # yaml-language-server: $schema=../../schemas/role.json

The role schema follows the handbook's model (handbook.yaml's model:):
its stages and kinds, and its involvement letters as a responsibility's
keys. It is read from the handbook in --site, the current folder by
default; without a handbook.yaml it is the default model's.

'baton schema export' prints the schema of handbook.json, the handbook's
model (roles, responsibilities, paths, pages, people) that every build
writes at the site's root for other tools.

Examples:
  baton schema role
  baton schema path > schemas/path.json
  baton schema role --site handbook > handbook/schemas/role.json

`

func cmdSchema(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("schema", schemaHelp)
	site := fs.String("site", ".", "the handbook `folder` whose model the role schema follows")
	rest, err := parseArgs(fs, args, stdout)
	if err != nil {
		return err
	}
	all := append(slices.Clone(schema.Names), "export")
	names := strings.Join(all, ", ")
	if len(rest) != 1 {
		return usageError{fmt.Sprintf("name one schema: %s", names)}
	}
	model := config.DefaultModel()
	src, err := os.ReadFile(filepath.Join(*site, filepath.FromSlash(config.File)))
	switch {
	case err == nil:
		c, diags := config.Decode(src)
		if diags.HasErrors() {
			printDiags(stderr, diags, "text")
			return contentError{}
		}
		model = c.Model
	case !errors.Is(err, os.ErrNotExist):
		return err
	}
	data, ok := schema.Of(rest[0], model)
	if rest[0] == "export" {
		data, ok = export.Schema(), true
	}
	if !ok {
		return usageError{fmt.Sprintf("no schema %q%s; there are %s", rest[0], diag.DidYouMean(rest[0], all), names)}
	}
	_, err = stdout.Write(data)
	return err
}
