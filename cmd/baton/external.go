package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/buildcache"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/linkcheck"
)

// externalLink is one place a page links to another site.
type externalLink struct {
	url string
	pos diag.Pos
}

// externalLinks lists the http(s) links of every page of res, of every
// language, each at the place it is written, leaving out those
// link_check's exclude names, and counts those left out.
func externalLinks(res *build.Result) ([]externalLink, int) {
	var links []externalLink
	skipped := 0
	for _, lr := range res.Languages() {
		l, s := pageLinks(lr)
		links, skipped = append(links, l...), skipped+s
	}
	return links, skipped
}

// pageLinks lists the http(s) links of every page of one language's
// Result, as externalLinks does.
func pageLinks(res *build.Result) ([]externalLink, int) {
	excluded := res.Site.Config.LinkCheck.Excluder()
	var links []externalLink
	skipped := 0
	for _, p := range res.Site.Pages {
		pos := res.LinkPos(p)
		for i, h := range res.Site.Body(p).Hrefs {
			lower := strings.ToLower(h.URL)
			if !h.External || !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
				continue // mailto:, tel: and links within the site
			}
			if excluded(h.URL) {
				skipped++
				continue
			}
			at := diag.Pos{File: p.File}
			if i < len(pos) {
				at = pos[i]
			}
			links = append(links, externalLink{url: h.URL, pos: at})
		}
	}
	return links, skipped
}

// checkExternal asks the sites res's pages link to whether each link
// still leads somewhere, each URL once, and returns what it found as
// warnings at every place the URL is written, with a line that says how
// many links it checked. Results come from, and go to, the cache in
// cacheDir ("" for none).
func checkExternal(ctx context.Context, res *build.Result, cacheDir string, stderr io.Writer) (diag.List, string) {
	links, skipped := externalLinks(res)
	lc := res.Site.Config.LinkCheck
	opts := linkcheck.Options{Timeout: lc.Timeout, TTL: lc.TTL, BrokenTTL: lc.BrokenTTL()}
	if cacheDir != "" {
		opts.Cache = buildcache.LoadLinks(cacheDir)
	}
	urls := make([]string, len(links))
	for i, l := range links {
		urls[i] = l.url
	}
	results := linkcheck.New(opts).Check(ctx, urls)
	if cacheDir != "" {
		if err := buildcache.SaveLinks(cacheDir, opts.Cache); err != nil {
			fmt.Fprintf(stderr, "%s: the link results were not saved: %v\n", newPalette(stderr).warn("warning"), err)
		}
	}
	var diags diag.List
	asked, cached := map[string]bool{}, map[string]bool{}
	for i, r := range results {
		u, _, _ := strings.Cut(r.URL, "#")
		if r.Cached {
			cached[u] = true
		} else {
			asked[u] = true
		}
		switch r.Verdict {
		case linkcheck.Broken:
			diags.Warnf(links[i].pos, "link to %s is broken: %s", r.URL, r.Reason)
		case linkcheck.Moved:
			to := r.MovedTo
			if _, frag, ok := strings.Cut(r.URL, "#"); ok {
				to += "#" + frag
			}
			diags.Warnf(links[i].pos, "link to %s moved for good to %s: link there", r.URL, to)
		case linkcheck.Unknown:
			diags.Warnf(links[i].pos, "link to %s was not checked: %s", r.URL, r.Reason)
		}
	}
	summary := fmt.Sprintf("external links: %d checked (%d addresses asked, %d from the cache)", len(links), len(asked), len(cached))
	if skipped > 0 {
		summary += fmt.Sprintf(", %d excluded", skipped)
	}
	return diags, summary
}
