package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/schema"
	"github.com/batonhq/baton/internal/source"
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
	files, err := initFiles()
	if err != nil {
		return err
	}
	made, err := emptyDir(dir)
	if err != nil {
		return err
	}
	if err := writeFiles(dir, files); err != nil {
		// Take back what this command wrote, and nothing else.
		if made {
			_ = os.RemoveAll(dir)
		} else {
			for _, top := range topLevel(files) {
				_ = os.RemoveAll(filepath.Join(dir, top))
			}
		}
		return err
	}
	fmt.Fprintf(stdout, "created a handbook in %s (%d files)\n\nNext:\n  cd %s\n  baton serve      # preview at http://127.0.0.1:1313, reloads on every save\n  git init && git add . && git commit -m \"Start the handbook\"\n",
		dir, len(files), dir)
	return nil
}

// emptyDir makes sure dir is a folder with nothing in it, creating it if
// needed, and reports whether it created it.
func emptyDir(dir string) (bool, error) {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return false, err
		}
		return true, nil
	case err != nil:
		return false, err
	case !info.IsDir():
		return false, usageError{fmt.Sprintf("%s is a file; baton init needs a new or empty folder", dir)}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, err
	}
	if len(entries) > 0 {
		return false, usageError{fmt.Sprintf("%s is not empty (it holds %s); baton init starts a handbook only in a new or empty folder", dir, entries[0].Name())}
	}
	return false, nil
}

type initFile struct {
	path string // slash-separated, relative to the handbook
	data []byte
}

// initFiles is everything a new handbook starts with.
func initFiles() ([]initFile, error) {
	var files []initFile
	err := fs.WalkDir(baton.Content(), "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "content" && source.Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(baton.Content(), p)
		files = append(files, initFile{p, data})
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, name := range schema.Names {
		data, _ := schema.Of(name)
		files = append(files, initFile{"schemas/" + schema.File(name), data})
	}
	files = append(files,
		initFile{"README.md", []byte(handbookReadme)},
		initFile{".gitignore", []byte("# baton build output\n/public/\n")},
		initFile{".github/workflows/handbook.yml", []byte(githubWorkflow)},
	)
	return files, nil
}

func writeFiles(dir string, files []initFile) error {
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		w, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		_, err = w.Write(f.data)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// topLevel lists the first segments of the files' paths.
func topLevel(files []initFile) []string {
	seen := map[string]bool{}
	var tops []string
	for _, f := range files {
		top, _, _ := strings.Cut(f.path, "/")
		if !seen[top] {
			seen[top] = true
			tops = append(tops, top)
		}
	}
	return tops
}

const handbookReadme = `# Product handbook

This repository is our product handbook. [baton](https://github.com/batonhq/baton)
builds it into a website: roles in YAML, playbooks in Markdown.

## Work on it

Install baton once (it needs Go 1.26 or later):

    go install github.com/batonhq/baton/cmd/baton@latest

Then, in this folder:

    baton serve     # a live preview at http://127.0.0.1:1313 that reloads on every save
    baton check     # every problem with its file:line:col; exit 1 on errors
    baton build     # the site, into public/

Start new files from templates:

    baton new playbook playbooks/working-with/legal.md
    baton new role legal
    baton new path onboarding-sales

## What is where

    content/handbook.yaml   the title, description, base_url and edit_url (point it at this repository)
    content/_index.md       the home page's introduction
    content/roles/ID.yaml   one role per file; the file name is the id
    content/playbooks/      the pages; each folder is a section, its _index.md gives its title
    content/paths/ID.yaml   reading paths: ordered lists of pages, roles and responsibilities
    content/static/         images and downloads, copied as they are
    schemas/                JSON Schemas for the YAML files

Editors with a YAML language server (VS Code's YAML extension, Neovim, Helix, Zed)
check roles, paths and handbook.yaml as you type: the first line of each file
points at its schema. ` + "`baton schema role`" + ` prints the current one.

## Publishing

` + "`.github/workflows/handbook.yml`" + ` checks every pull request, with annotations
on the diff, and publishes main to GitHub Pages. Turn Pages on once: Settings →
Pages → Build and deployment → Source: GitHub Actions. For other hosts (GitLab
Pages, Netlify, S3) see https://github.com/batonhq/baton/blob/main/docs/deploy.md.
`

// githubWorkflow is the GitHub Actions workflow a new handbook starts
// with. docs/deploy.md shows the same file (a test keeps them equal).
const githubWorkflow = `# Checks every pull request and publishes main to GitHub Pages.
# Turn Pages on once: Settings → Pages → Build and deployment → Source: GitHub Actions.
name: handbook

on:
  pull_request:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read

jobs:
  check:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
        with:
          go-version: stable
          cache: false # a handbook has no go.sum to key a cache on
      - run: go install github.com/batonhq/baton/cmd/baton@latest
      - run: baton check --format github

  deploy:
    if: github.event_name != 'pull_request'
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pages: write
      id-token: write
    concurrency:
      group: pages
      cancel-in-progress: false
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # the whole history: pages' last-updated dates come from git
      - uses: actions/setup-go@v5
        with:
          go-version: stable
          cache: false
      - run: go install github.com/batonhq/baton/cmd/baton@latest
      - uses: actions/cache@v4 # baton's build cache: code and search words from earlier builds
        with:
          path: .baton-cache
          key: baton-${{ github.run_id }}
          restore-keys: baton-
      - id: pages
        uses: actions/configure-pages@v5
      - run: baton build --base-url "${{ steps.pages.outputs.base_url }}"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: public
      - id: deployment
        uses: actions/deploy-pages@v4
`
