package handbook

import (
	"testing"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/google/go-cmp/cmp"
)

// TestMySTLabels: in pages read as MyST's, a label is global to the site:
// {ref}`label`, {numref}, [text](label), [](label) and [](#label) lead to
// the page and heading that carries it, a label at a page's title to the
// page, with the heading's text where they give none; {doc}`path` leads
// to a page (relative to the page, or the book's root with /) with its
// title; {download} is a file, published; an unknown label, and a label
// written twice, are warnings at their place.
func TestMySTLabels(t *testing.T) {
	files := map[string]string{
		"content/intro.md": "(top)=\n# Welcome\n\n(start-here)=\n## Getting started\n\n[](#start-here) [](start-here)\n",
		"content/guide/use.md": "# Using it\n\n" +
			"{ref}`start-here` {ref}`the start <start-here>` {numref}`Section %s <start-here>` [text](start-here) [](top)\n\n" +
			"{doc}`../intro` {doc}`Home </intro>` {download}`data.csv` {ref}`nowhere` [x](intro:nowhere)\n",
		"content/later.md":       "# Later\n\n(start-here)=\n## Again\n\nWrite to <someone@example.com> or [us](mailto:us@example.com).\n",
		"content/guide/data.csv": "a,b\n",
	}
	md := markdown.NewWith(markdown.Options{MyST: true})
	site, diags := Resolve(config.Default(), parseLenientWith(files, md), Options{})
	var page *Page
	for _, p := range site.Pages {
		if p.File == "content/guide/use.md" {
			page = p
		}
	}
	if page == nil {
		t.Fatal("no page content/guide/use.md")
	}
	want := []Href{
		{URL: "/intro/", Fragment: "start-here", Text: "Getting started"},
		{URL: "/intro/", Fragment: "start-here", Text: "Getting started"},
		{URL: "/intro/", Fragment: "start-here", Text: "Getting started"},
		{URL: "/intro/", Fragment: "start-here", Text: "Getting started"},
		{URL: "/intro/", Text: "Welcome"},
		{URL: "/intro/", Text: "Welcome"},
		{URL: "/intro/", Text: "Welcome"},
		{URL: "/guide/data.csv"},
		{},
		{},
	}
	if diff := cmp.Diff(want, site.Body(page).Hrefs); diff != "" {
		t.Errorf("hrefs (-want +got):\n%s", diff)
	}
	var got []string
	for _, d := range diags.Sort() {
		got = append(got, d.String())
	}
	wantDiags := []string{
		"content/guide/use.md:3:49: warning: {numref}`Section %s <start-here>` is a link without the number: baton does not number figures, tables or sections",
		"content/guide/use.md:5:59: warning: {ref}`nowhere`: no target (label)= of that name in the site",
		"content/guide/use.md:5:74: warning: link \"intro:nowhere\": no target (label)= of that name in the site",
		"content/later.md:3:1: warning: label \"start-here\" is already a target at content/intro.md:4:1; links to it lead there",
	}
	if diff := cmp.Diff(wantDiags, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	if !slicesContainsStatic(site, "content/guide/data.csv") {
		t.Error("the {download} file is not published")
	}
	var intro *Page
	for _, p := range site.Pages {
		if p.File == "content/intro.md" {
			intro = p
		}
	}
	if diff := cmp.Diff([]Href{{URL: "/intro/", Fragment: "start-here", Text: "Getting started"}, {URL: "/intro/", Fragment: "start-here", Text: "Getting started"}}, site.Body(intro).Hrefs); diff != "" {
		t.Errorf("the intro's hrefs (-want +got):\n%s", diff)
	}
}

func slicesContainsStatic(site *Site, file string) bool {
	for _, s := range site.Static {
		if s.File == file {
			return true
		}
	}
	return false
}
