package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReview sets reviewed: in pages and YAML files and leaves every other
// byte as it was; files it cannot mark are reported, and left alone.
func TestReview(t *testing.T) {
	dir := t.TempDir()
	files := map[string][2]string{ // before, after
		"page.md":   {"---\ntitle: P # the title\nreviewed: '2025-01-01'\nroles: [a]\n---\nBody: x\n", "---\ntitle: P # the title\nreviewed: 2026-03-01\nroles: [a]\n---\nBody: x\n"},
		"new.md":    {"---\ntitle: N\n---\n\n## reviewed: not this\n", "---\ntitle: N\nreviewed: 2026-03-01\n---\n\n## reviewed: not this\n"},
		"bare.md":   {"# Just text\n", "---\nreviewed: 2026-03-01\n---\n# Just text\n"},
		"role.yaml": {"# Design\ntitle: Design\nresponsibilities:\n  - id: x\n    reviewed: keep\n", "# Design\ntitle: Design\nresponsibilities:\n  - id: x\n    reviewed: keep\nreviewed: 2026-03-01\n"},
		"hugo.md":   {"+++\ntitle = \"H\"\n+++\n", ""},
		"notes.txt": {"x", ""},
		"flow.yaml": {"{title: F}\n", ""},
	}
	var args []string
	for name, c := range files {
		write(t, dir, name, c[0])
		args = append(args, filepath.Join(dir, name))
	}
	r := runIn(t, append([]string{"review", "--date", "2026-03-01"}, args...)...)
	if r.code != exitContent {
		t.Errorf("review: exit %d, want 1 for the files it cannot mark\n%s%s", r.code, r.stdout, r.stderr)
	}
	for name, c := range files {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want := c[1]
		if want == "" {
			want = c[0] // left alone
			if !strings.Contains(r.stderr, filepath.Join(dir, name)+": ") {
				t.Errorf("%s: no message in\n%s", name, r.stderr)
			}
		}
		if string(got) != want {
			t.Errorf("%s:\n%q\nwant\n%q", name, got, want)
		}
	}
	if r := runIn(t, "review", "--date", "March 1", filepath.Join(dir, "page.md")); r.code != exitUsage {
		t.Errorf("review --date 'March 1': exit %d", r.code)
	}
	if r := runIn(t, "review"); r.code != exitUsage {
		t.Errorf("review with no file: exit %d", r.code)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01
	if r := runIn(t, "review", filepath.Join(dir, "new.md")); r.code != exitOK || !strings.Contains(r.stdout, "reviewed 2026-01-01") {
		t.Errorf("review with no date: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestCheckStale: with review_every and require_owners in handbook.yaml,
// check --stale lists what is due for review, never reviewed or without
// an owner, as warnings at the keys (errors with --strict); plain check
// does not. Owners must be roles, and a review date a date.
func TestCheckStale(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1780000000") // 2026-05-28
	dir := t.TempDir()
	write(t, dir, "content/handbook.yaml", "title: H\nreview_every: 6mo\nrequire_owners: true\n")
	write(t, dir, "content/_index.md", "---\ntitle: H\nowners: [design]\nreviewed: 2026-05-01\n---\n")
	write(t, dir, "content/old.md", "---\ntitle: Old\nowners: [design]\nreviewed: 2025-10-01\n---\n")
	write(t, dir, "content/never.md", "---\ntitle: Never\nowners: [design]\n---\n")
	write(t, dir, "content/orphan.md", "---\ntitle: Orphan\nreviewed: 2026-05-01\nreview_every: 1y\nroles: [design]\n---\n")
	write(t, dir, "content/roles/design.yaml", "title: Design\nsummary: Designs.\nowners: [design]\nreviewed: 2026-01-01\nreview_every: 90d\n")
	r := runIn(t, "check", dir, "--stale")
	want := []string{
		"content/never.md:2:1: warning: never reviewed: no reviewed date, and review_every is 6mo",
		"content/old.md:4:11: warning: due for review since 2026-04-01 (reviewed 2025-10-01, every 6mo)",
		"content/orphan.md:2:1: warning: has no owner: the handbook requires owners (owners: [role-id])",
		"content/roles/design.yaml:4:11: warning: due for review since 2026-04-01 (reviewed 2026-01-01, every 90d)",
	}
	for _, w := range want {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("check --stale lacks %s:\n%s", w, r.stdout)
		}
	}
	if r.code != exitOK || strings.Count(r.stdout, "warning:") != len(want) {
		t.Errorf("check --stale: exit %d, want 0 and %d warnings:\n%s%s", r.code, len(want), r.stdout, r.stderr)
	}
	if r := runIn(t, "check", dir, "--stale", "--strict"); r.code != exitContent {
		t.Errorf("check --stale --strict: exit %d, want 1", r.code)
	}
	if r := runIn(t, "check", dir, "--stale", "--format", "github"); !strings.Contains(r.stdout, "::warning file=content/old.md,line=4,col=11::due for review since 2026-04-01") {
		t.Errorf("check --stale --format github:\n%s", r.stdout)
	}
	if r := runIn(t, "check", dir); r.code != exitOK || strings.Contains(r.stdout, "warning") {
		t.Errorf("plain check: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runIn(t, "build", dir); r.code != exitOK {
		t.Fatalf("build: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for page, want := range map[string]string{
		"old/index.html":          `<p class="review-meta"><span>Owned by <a href="../roles/design/">Design</a></span><span>Reviewed 1 October 2025</span></p>` + "\n" + `<p class="review-due">Due for review since 1 April 2026`,
		"orphan/index.html":       `<p class="review-meta"><span>Reviewed 1 May 2026</span></p>`,
		"roles/design/index.html": `<p class="review-due">Due for review since 1 April 2026`,
	} {
		data, err := os.ReadFile(filepath.Join(dir, "public", filepath.FromSlash(page)))
		if err != nil || !strings.Contains(string(data), want) {
			t.Errorf("%s lacks %s (%v)", page, want, err)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "public", "never", "index.html")); strings.Contains(string(data), "review-due") {
		t.Error("a page never reviewed shows a due date")
	}
	write(t, dir, "content/bad.md", "---\ntitle: Bad\nowners: [desing]\nreviewed: last spring\nreview_every: 6 months\n---\n")
	r = runIn(t, "check", dir)
	for _, w := range []string{
		`content/bad.md:3:10: unknown role or person "desing" in owners (did you mean "design"?)`,
		`content/bad.md:4:11: reviewed "last spring" is not a date like 2026-03-01`,
		`content/bad.md:5:15: review_every "6 months" is not an interval like 90d, 2w, 6mo or 1y`,
	} {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("check lacks %s:\n%s", w, r.stdout)
		}
	}
	if r.code != exitContent {
		t.Errorf("check with bad review keys: exit %d, want 1", r.code)
	}
}

// TestThemeLook builds a handbook whose handbook.yaml sets the theme's
// logo, favicon, accent, stylesheets and head: every page carries them,
// with links relative to the page; a file the theme names that the site
// does not have is an error at its key.
func TestThemeLook(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "content/handbook.yaml", "title: H\ntheme:\n  logo: /static/img/logo.svg\n  favicon: static/img/icon.png\n  accent: \"#0b6e4f\"\n  css: [/static/css/brand.css]\n  head: <meta name=\"analytics\" content=\"x\">\n  footer: \"© Acme · [Setup](guide/setup.md#top) · [Privacy](https://acme.example/privacy) <script>x</script>\"\n")
	write(t, dir, "content/_index.md", "---\ntitle: H\n---\n")
	write(t, dir, "content/guide/setup.md", "---\ntitle: Setup\n---\n## Top\n")
	write(t, dir, "content/static/img/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
	write(t, dir, "content/static/img/icon.png", "png")
	write(t, dir, "content/static/css/brand.css", "body{}")
	if r := runIn(t, "build", dir); r.code != exitOK {
		t.Fatalf("build: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	page, err := os.ReadFile(filepath.Join(dir, "public", "guide", "setup", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<link rel="icon" href="../../img/icon.png">`,
		`<link rel="stylesheet" href="../../css/brand.css">`,
		`--accent:#0b6e4f;`,
		`<meta name="analytics" content="x">` + "\n</head>",
		`<img class="brand-logo" src="../../img/logo.svg" alt="">`,
		`<div class="footer-note"><p>© Acme · <a href="../../guide/setup/#top">Setup</a> · <a href="https://acme.example/privacy">Privacy</a>`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if strings.Contains(string(page), "<script>x</script>") {
		t.Error("the footer's Markdown kept a script")
	}
	// The home page prints the same head, from its own depth.
	home, err := os.ReadFile(filepath.Join(dir, "public", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<link rel="icon" href="./img/icon.png">`, `<link rel="stylesheet" href="./css/brand.css">`} {
		if !strings.Contains(string(home), want) {
			t.Errorf("the home page lacks %s", want)
		}
	}
	write(t, dir, "content/handbook.yaml", "title: H\ntheme:\n  logo: /static/img/missing.svg\n  footer: \"[Gone](gone.md)\"\n")
	r := runIn(t, "check", dir)
	for _, want := range []string{`content/handbook.yaml:3:9: theme logo "/static/img/missing.svg" is not a file of the site`, `content/handbook.yaml:4:11: link to content/gone.md, which does not exist`} {
		if r.code != exitContent || !strings.Contains(r.stdout, want) {
			t.Errorf("check with a missing logo and a broken footer link: exit %d, want 1 and %s:\n%s", r.code, want, r.stdout)
		}
	}
}
