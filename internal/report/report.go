// Package report summarises a check of a handbook written for another tool
// for the person moving it to baton: what baton found, and what it could
// not do, by kind and by file, so the work left is a list, not a scroll of
// diagnostics.
package report

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/handbook"
)

// Report is the summary.
type Report struct {
	// Layout says how baton read the folder ("MkDocs: pages in docs/").
	Layout   string `json:"layout"`
	Pages    int    `json:"pages"`
	Errors   int    `json:"errors"`
	Warnings int    `json:"warnings"`
	// Kinds counts the problems by kind (diag.Code), in a fixed order.
	Kinds []Kind `json:"kinds"`
}

// Kind is one kind of problem: how many, in how many files, and the files
// with the most.
type Kind struct {
	Code  diag.Code `json:"code"`
	What  string    `json:"what"`
	Count int       `json:"count"`
	Files int       `json:"files"`
	Top   []File    `json:"top,omitempty"`
}

// File is a file and how many problems of a kind it has.
type File struct {
	File  string `json:"file"`
	Count int    `json:"count"`
}

// kinds are the kinds a report counts, in its order, with what it calls
// them.
var kinds = []struct {
	code diag.Code
	what string
}{
	{diag.BrokenLink, "broken links"},
	{diag.BrokenAnchor, "links to missing headings"},
	{diag.URLClash, "files left out (another file has their URL)"},
	{diag.Unrendered, "syntax of another tool, not rendered"},
	{diag.RawHTML, "raw HTML dropped"},
	{diag.Unparsable, "front matter that does not parse (the page is built without it)"},
}

// topFiles is how many files a kind lists.
const topFiles = 5

// New summarises the diagnostics of a check of site (nil when it failed).
func New(layout string, site *handbook.Site, diags diag.List) Report {
	r := Report{Layout: layout}
	if site != nil {
		r.Pages = len(site.Pages)
	}
	byCode := map[diag.Code]map[string]int{}
	for _, d := range diags {
		if d.Severity == diag.Error {
			r.Errors++
		} else {
			r.Warnings++
		}
		if d.Code != "" {
			if byCode[d.Code] == nil {
				byCode[d.Code] = map[string]int{}
			}
			byCode[d.Code][d.Pos.File]++
		}
	}
	for _, k := range kinds {
		files := byCode[k.code]
		if len(files) == 0 {
			continue
		}
		kind := Kind{Code: k.code, What: k.what, Files: len(files)}
		names := slices.Sorted(maps.Keys(files))
		for _, f := range names {
			kind.Count += files[f]
		}
		slices.SortStableFunc(names, func(a, b string) int { return cmp.Compare(files[b], files[a]) })
		for _, f := range names[:min(len(names), topFiles)] {
			kind.Top = append(kind.Top, File{File: f, Count: files[f]})
		}
		r.Kinds = append(r.Kinds, kind)
	}
	return r
}

// Text writes the report for a person.
func (r Report) Text(w io.Writer) {
	fmt.Fprintf(w, "\nMoving to baton: read as %s; %d pages, %d errors, %d warnings.\n", r.Layout, r.Pages, r.Errors, r.Warnings)
	if len(r.Kinds) == 0 {
		fmt.Fprintln(w, "  Nothing else to fix.")
	}
	for _, k := range r.Kinds {
		fmt.Fprintf(w, "  %s: %d, in %s", k.What, k.Count, plural(k.Files, "file"))
		for i, f := range k.Top {
			sep := ": "
			if i > 0 {
				sep = ", "
			}
			fmt.Fprintf(w, "%s%s (%d)", sep, f.File, f.Count)
		}
		if k.Files > len(k.Top) {
			fmt.Fprint(w, ", …")
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, "  To make every problem fail the build, as in a handbook written for baton, add content/handbook.yaml (baton init writes one) or run baton check --strict.")
}

// plural says "1 file" or "2 files".
func plural(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %ss", n, one)
}
