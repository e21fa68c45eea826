package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/scaffold"
)

const initHelp = `Usage: baton init DIR

Starts a handbook in DIR, a new or empty folder, from baton's default
handbook: content/ to edit, schemas/ for editors that validate YAML as you
type, a README.md, a .gitignore for public/, and a GitHub Actions workflow
(.github/workflows/handbook.yml) that checks pull requests and publishes
main to GitHub Pages. It refuses a folder that holds anything.

Examples:
  baton init handbook
  cd handbook && baton serve

`

func cmdInit(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("init", initHelp)
	rest, err := parseArgs(fs, args, stdout)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usageError{"name the folder for the new handbook, as in baton init handbook"}
	}
	dir := rest[0]
	n, err := scaffold.Init(dir, baton.Content())
	if err != nil {
		return refused(err)
	}
	fmt.Fprintf(stdout, "created a handbook in %s (%d files)\n\nNext:\n  cd %s\n  baton serve      # preview at http://127.0.0.1:1313, reloads on every save\n  git init && git add . && git commit -m \"Start the handbook\"\n",
		dir, n, dir)
	return nil
}

// refused turns a request scaffold refused into a usage error.
func refused(err error) error {
	var r *scaffold.Refused
	if errors.As(err, &r) {
		return usageError{r.Msg}
	}
	return err
}
