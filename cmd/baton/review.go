package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/batonhq/baton/internal/source"
	"github.com/batonhq/baton/internal/strictyaml"
)

const reviewHelp = `Usage: baton review FILE... [flags]

Marks pages, roles and paths as reviewed: sets reviewed: to today (or
--date) in each file's front matter or YAML, changing nothing else in it
(comments, key order and quoting stay as they are). With review_every in
handbook.yaml, 'baton check --stale' lists what is due again.

Examples:
  baton review content/playbooks/discovery/interview-guide.md
  baton review content/roles/design.yaml content/paths/first-week.yaml
  baton review --date 2026-03-01 content/playbooks/launch/*.md

Flags:
`

func cmdReview(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("review", reviewHelp)
	date := fs.String("date", "", "the review `date`, YYYY-MM-DD (default: today, or the day of SOURCE_DATE_EPOCH)")
	files, err := parseArgs(fs, args, stdout)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usageError{"review needs the files to mark as reviewed, like baton review content/playbooks/x.md"}
	}
	day := time.Unix(today(), 0).UTC().Format("2006-01-02")
	if *date != "" {
		if _, err := time.Parse("2006-01-02", *date); err != nil {
			return usageError{fmt.Sprintf("--date %q is not a date like 2026-03-01", *date)}
		}
		day = *date
	}
	failed := false
	for _, f := range files {
		if err := markReviewed(f, day); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", f, err)
			failed = true
			continue
		}
		fmt.Fprintf(stdout, "%s: reviewed %s\n", f, day)
	}
	if failed {
		return contentError{}
	}
	return nil
}

// markReviewed sets reviewed: day in file, a Markdown page (in its YAML
// front matter, which it gets if it has none) or a YAML file, and writes
// it back whole or not at all.
func markReviewed(file, day string) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return errors.Unwrap(err)
	}
	var out []byte
	switch ext := strings.ToLower(filepath.Ext(file)); ext {
	case ".yaml", ".yml":
		out, err = strictyaml.SetKey(src, "reviewed", day)
	case ".md", ".markdown", ".mdx":
		out, err = reviewPage(src, day)
	default:
		return fmt.Errorf("not a page (.md) or a role or path (.yaml)")
	}
	if err != nil {
		return err
	}
	return replaceFile(file, out)
}

// reviewPage sets reviewed: in a page's front matter.
func reviewPage(src []byte, day string) ([]byte, error) {
	fm, err := source.SplitFrontMatter(src)
	if err != nil {
		return nil, err
	}
	switch {
	case fm.TOML:
		return nil, fmt.Errorf("the front matter is TOML (+++): add reviewed = %s to it by hand", day)
	case !fm.Present:
		return append([]byte("---\nreviewed: "+day+"\n---\n"), src...), nil
	}
	// The YAML stands in src from the start of its first line.
	bom := len(src) - len(bytes.TrimPrefix(src, []byte("\ufeff")))
	start := bom + bytes.IndexByte(src[bom:], '\n') + 1
	end := start + len(fm.YAML)
	if end > len(src) || !bytes.Equal(src[start:end], fm.YAML) {
		return nil, fmt.Errorf("cannot find the front matter's text")
	}
	yml, err := strictyaml.SetKey(fm.YAML, "reviewed", day)
	if err != nil {
		return nil, err
	}
	out := append(append(append([]byte{}, src[:start]...), yml...), src[end:]...)
	return out, nil
}

// replaceFile writes data over file through a new file beside it, so a
// failure leaves the file as it was; the file keeps its mode.
func replaceFile(file string, data []byte) error {
	info, err := os.Stat(file)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), file)
}
