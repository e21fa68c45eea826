package search_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/browsertest"
	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/publish"
	"github.com/batonhq/baton/internal/render"
	"github.com/batonhq/baton/internal/search"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// These tests drive the real client script in headless Chromium, against
// the built site served over HTTP and opened from the file system.

// publishSite builds the site in dir and writes it to a temporary folder.
func publishSite(t *testing.T, dir string) string {
	t.Helper()
	theme, err := render.LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	src := os.DirFS(dir)
	res, diags := build.New(build.Options{Theme: theme}).Build(context.Background(), src)
	if res == nil {
		t.Fatalf("build failed:\n%v", diags)
	}
	out := filepath.Join(t.TempDir(), "public")
	if err := publish.Write(publish.Options{Out: out, Source: src}, res.Files); err != nil {
		t.Fatal(err)
	}
	return out
}

// site is a published site and how to address its pages.
type site struct {
	name string
	// url returns the address of a page given its site-absolute URL
	// ("/search/?q=x").
	url func(page string) string
	// path is what a result link for a page ends with.
	path func(page string) string
}

func sites(t *testing.T, out string) []site {
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	fileURL := "file://" + filepath.ToSlash(out)
	withIndex := func(p string) string {
		path, query, _ := strings.Cut(p, "?")
		if strings.HasSuffix(path, "/") {
			path += "index.html"
		}
		if query != "" {
			return path + "?" + query
		}
		return path
	}
	return []site{
		{"http", func(p string) string { return srv.URL + p }, func(p string) string { return p }},
		{"file", func(p string) string { return fileURL + withIndex(p) }, withIndex},
	}
}

// poll evaluates expr until check accepts its JSON result or ctx ends, and
// fails with the last result seen.
// scriptRan is true once the deferred search script has run, and so
// listens for keys: the box exists before that.
const scriptRan = `document.readyState === "complete" && typeof window.batonSearch === "object"`

func poll[T any](t *testing.T, ctx context.Context, what, expr string, check func(T) bool) T {
	t.Helper()
	var last T
	var lastErr error
	for {
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[string]("JSON.stringify("+expr+")"))
		if err == nil {
			var v T
			if err = json.Unmarshal([]byte(raw), &v); err == nil {
				last = v
				if check(v) {
					return v
				}
			}
		}
		lastErr = err
		select {
		case <-ctx.Done():
			t.Fatalf("%s: timed out; last value %+v (error %v)", what, last, lastErr)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func run(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

type shown struct {
	Titles, Hrefs []string
	Marks         []string
	Selected      int
	Open          bool
}

const shownJS = `(() => {
	const opts = [...document.querySelectorAll('#baton-results [role=option]')];
	return {
		Titles: opts.map(o => o.querySelector('.search-result-title').textContent),
		Hrefs: opts.map(o => o.querySelector('a').getAttribute('href')),
		Marks: [...document.querySelectorAll('#baton-results mark')].map(m => m.textContent.toLowerCase()),
		Selected: opts.findIndex(o => o.getAttribute('aria-selected') === 'true'),
		Open: !document.querySelector('.search-results').hidden,
	};
})()`

// TestBrowserSearchBox types into the header box and uses the keyboard:
// / focuses it, results appear as you type in rank order (title, then
// heading, then body) linking to the matching heading, arrows move, Enter
// opens, Ctrl-K focuses again, Esc closes.
func TestBrowserSearchBox(t *testing.T) {
	bctx := browsertest.Browser(t)
	out := publishSite(t, "testdata/site")
	for _, s := range sites(t, out) {
		t.Run(s.name, func(t *testing.T) {
			ctx := browsertest.Tab(t, bctx, 30*time.Second)
			run(t, ctx, "open page", chromedp.Navigate(s.url("/playbooks/teams/api-design/")), chromedp.WaitReady("body"))
			poll(t, ctx, "search script ran", scriptRan, func(ok bool) bool { return ok })
			run(t, ctx, "press /", chromedp.KeyEvent("/"))
			poll(t, ctx, "/ focuses the box", `document.activeElement && document.activeElement.id`, func(id string) bool { return id == "baton-q" })
			run(t, ctx, "type", chromedp.KeyEvent("roadmaps"))
			got := poll(t, ctx, "results for roadmaps", shownJS, func(v shown) bool { return len(v.Titles) == 3 })
			if want := []string{"Roadmaps", "Quarterly review", "Retrospectives"}; !slices.Equal(got.Titles, want) {
				t.Errorf("titles = %q, want %q (title, then heading, then body)", got.Titles, want)
			}
			wantHrefs := []string{
				s.path("/playbooks/planning/roadmaps/"),
				s.path("/playbooks/planning/quarterly/") + "#roadmaps-in-practice",
				s.path("/playbooks/planning/retro/") + "#what-to-change",
			}
			for i, h := range got.Hrefs {
				if i < len(wantHrefs) && !strings.HasSuffix(h, wantHrefs[i]) {
					t.Errorf("result %d links to %q, want …%s", i, h, wantHrefs[i])
				}
			}
			if !slices.Contains(got.Marks, "roadmaps") {
				t.Errorf("marked words = %q, want roadmaps marked", got.Marks)
			}
			run(t, ctx, "arrows", chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowUp))
			poll(t, ctx, "second result selected", shownJS, func(v shown) bool { return v.Selected == 1 })
			run(t, ctx, "enter", chromedp.KeyEvent(kb.Enter))
			poll(t, ctx, "Enter opens the heading", `location.pathname + location.hash`, func(p string) bool {
				return strings.HasSuffix(p, wantHrefs[1])
			})
			// The keys are heard once the deferred search script has run, not
			// as soon as the box exists.
			poll(t, ctx, "search script ran", scriptRan, func(ok bool) bool { return ok })
			run(t, ctx, "ctrl-k", chromedp.KeyEvent("k", chromedp.KeyModifiers(kb.ModifierCtrl)))
			poll(t, ctx, "Ctrl-K focuses the box", `document.activeElement && document.activeElement.id`, func(id string) bool { return id == "baton-q" })
			run(t, ctx, "type prefix", chromedp.KeyEvent("retro"))
			got = poll(t, ctx, "results for the prefix retro", shownJS, func(v shown) bool { return len(v.Titles) > 0 && v.Open })
			if got.Titles[0] != "Retrospectives" {
				t.Errorf("prefix retro: titles = %q, want Retrospectives first", got.Titles)
			}
			run(t, ctx, "escape", chromedp.KeyEvent(kb.Escape))
			poll(t, ctx, "Esc closes", shownJS, func(v shown) bool { return !v.Open })
			// Enter with no result chosen goes to the search page.
			run(t, ctx, "submit", chromedp.KeyEvent(kb.Enter))
			poll(t, ctx, "Enter opens the search page", `location.pathname + location.search`, func(p string) bool {
				return strings.HasSuffix(p, s.path("/search/")+"?q=retro")
			})
		})
	}
}

// TestBrowserSearchPage opens the search page with a query string.
func TestBrowserSearchPage(t *testing.T) {
	bctx := browsertest.Browser(t)
	out := publishSite(t, "testdata/site")
	type page struct {
		Status string
		Titles []string
		Where  []string
		Value  string
	}
	const pageJS = `(() => ({
		Status: document.querySelector('.search-status').textContent,
		Titles: [...document.querySelectorAll('.search-page-results .search-result-title')].map(e => e.textContent),
		Where: [...document.querySelectorAll('.search-page-results .search-result-where')].map(e => e.textContent),
		Value: document.querySelector('.search-page-form input').value,
	}))()`
	for _, s := range sites(t, out) {
		t.Run(s.name, func(t *testing.T) {
			ctx := browsertest.Tab(t, bctx, 30*time.Second)
			run(t, ctx, "open", chromedp.Navigate(s.url("/search/?q=roadmaps")), chromedp.WaitReady("body"))
			got := poll(t, ctx, "search page results", pageJS, func(v page) bool { return len(v.Titles) == 3 })
			if got.Titles[0] != "Roadmaps" || got.Value != "roadmaps" || !strings.HasPrefix(got.Status, "3 results") {
				t.Errorf("search page = %+v; want Roadmaps first, the query in the box, 3 results", got)
			}
			if got.Where[0] != "Planning" || got.Where[1] != "Planning › Roadmaps in practice" {
				t.Errorf("result sections = %q, want Planning, then Planning › Roadmaps in practice", got.Where)
			}
			run(t, ctx, "open", chromedp.Navigate(s.url("/search/?q=nothing+matches+zzzz")), chromedp.WaitReady("body"))
			poll(t, ctx, "no results", pageJS, func(v page) bool { return strings.HasPrefix(v.Status, "No results") })
		})
	}
}

// TestBrowserRanking asks the client for results and checks the order:
// exact title matches before stemmed ones before bodies; compounds split.
func TestBrowserRanking(t *testing.T) {
	bctx := browsertest.Browser(t)
	out := publishSite(t, "testdata/site")
	s := sites(t, out)[1] // from the file system
	ctx := browsertest.Tab(t, bctx, 30*time.Second)
	run(t, ctx, "open", chromedp.Navigate(s.url("/")), chromedp.WaitReady("body"))
	titles := func(q string) []string {
		return poll(t, ctx, "query "+q, `window.__r`, func(v []string) bool { return v != nil })
	}
	ask := func(q string) []string {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`window.__r = null; batonSearch.search(%q, 20).then(r => { window.__r = r.results.map(x => x.doc.title) }); true`, q))); err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		return titles(q)
	}
	tests := []struct {
		q     string
		check func([]string) bool
		want  string
	}{
		{"planning ", func(r []string) bool {
			i, j, k := slices.Index(r, "Planning guide"), slices.Index(r, "Plan reviews"), slices.Index(r, "Planning")
			return i >= 0 && j >= 0 && k >= 0 && i < j && k < j
		}, "exact title matches (Planning, Planning guide) before the stemmed one (Plan reviews)"},
		{"roadm", func(r []string) bool { return len(r) == 3 && r[0] == "Roadmaps" }, "the last word as a prefix"},
		{"decision-making", func(r []string) bool { return len(r) == 1 && r[0] == "API conventions" }, "a hyphenated query"},
		{"getUserProfile", func(r []string) bool { return len(r) == 1 && r[0] == "API conventions" }, "a camelCase identifier"},
		{"the tempo of delivery", func(r []string) bool { return len(r) > 0 && r[0] == "Conductor" }, "a role by what it owns, stop words ignored"},
		{"estimating bets", func(r []string) bool { return len(r) == 1 && r[0] == "Quarterly review" }, "stemmed words, all required"},
		{"cafe", func(r []string) bool { return len(r) == 0 }, "no match"},
		{"café", func(r []string) bool { return len(r) == 1 }, "a word with an accent"},
		{"東京タワー", func(r []string) bool { return len(r) == 1 && r[0] == "東京オフィスの案内" }, "a Japanese word in the middle of a sentence"},
		{"文章で残", func(r []string) bool { return len(r) == 1 }, "Japanese, typed as far as a verb's stem"},
		{"計画会議 東京", func(r []string) bool { return len(r) == 1 }, "two Japanese words"},
		{"大阪", func(r []string) bool { return len(r) == 0 }, "no match in Japanese"},
		{"prioritize", func(r []string) bool { return slices.Equal(r, []string{"House style"}) }, "a British spelling, typed American"},
		{"organization license", func(r []string) bool { return slices.Equal(r, []string{"House style"}) }, "two British spellings, typed American"},
		{"behaviour centre", func(r []string) bool { return slices.Equal(r, []string{"Tooling"}) }, "American spellings, typed British"},
		{"analyse", func(r []string) bool { return len(r) == 2 }, "analyse, analyses and analyze meet"},
		{"catalog", func(r []string) bool { return slices.Equal(r, []string{"House style"}) }, "-ogue and -og"},
		{"engeneering", func(r []string) bool { return slices.Contains(r, "API conventions") }, "one letter wrong in a long word (its tag)"},
		{"roadmpas", func(r []string) bool { return len(r) == 3 && r[0] == "Roadmaps" }, "two letters swapped, ranked as the word"},
		{"retrospectivs ", func(r []string) bool { return slices.Equal(r, []string{"Retrospectives"}) }, "a letter missing"},
		{"quarterly reviiew", func(r []string) bool { return len(r) > 0 && r[0] == "Quarterly review" }, "a letter too many, beside a word found"},
		{"xoadmaps", func(r []string) bool { return len(r) == 3 }, "the first letter wrong"},
		{"cafes", func(r []string) bool { return len(r) == 1 }, "a five-letter word one edit from café"},
		{"rodma", func(r []string) bool { return len(r) == 0 }, "no typo match for a word being typed that is a prefix nowhere and two edits from any word"},
	}
	for _, tt := range tests {
		if got := ask(tt.q); !tt.check(got) {
			t.Errorf("search %q = %q; want %s", tt.q, got, tt.want)
		}
	}
}

// TestBrowserStemParity holds the client's stemmer equal to the Go one on
// every word of the default handbook and on words built to reach every
// rule of the stemmer; and the client's tokeniser equal to the Go one.
func TestBrowserStemParity(t *testing.T) {
	bctx := browsertest.Browser(t)
	out := publishSite(t, "testdata/site")
	ctx := browsertest.Tab(t, bctx, 60*time.Second)
	run(t, ctx, "open", chromedp.Navigate("file://"+filepath.ToSlash(out)+"/index.html"), chromedp.WaitReady("body"))
	poll(t, ctx, "script loaded", `typeof batonSearch`, func(s string) bool { return s == "object" })
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`batonSearch.load().then(() => true)`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatalf("loading the index's meta: %v", err)
	}

	seen := map[string]bool{}
	for _, d := range search.Documents(testSite(t, "../..")) {
		texts := []string{d.Title}
		for _, s := range d.Sections {
			texts = append(texts, s.Heading, s.Text)
		}
		for _, text := range texts {
			for _, tok := range search.Tokenize(text) {
				seen[tok.Word] = true
			}
		}
	}
	roots := strings.Fields(`gener commun arsen plan hop hope run fly cry dye agree feed bleed happy sky
		nation relate condition valence hesitance digitize conform radical different vile analog
		vietnam predicate electric hope sensitiv effect irritant replace adjust depend adopt
		bowdler homolog communism activate angular formal sensible hopeful good bat luxury
		ease disable size fizz tell fall cool add orbit`)
	suffixes := strings.Fields(`s es ies ied ss us sses ed eed eedly ing ingly edly 's ' 's' y ly
		ational tional enci anci abli entli izer ization ation ator alism aliti alli fulness ousli
		ousness iveness iviti biliti bli ogi fulli lessli li alize icate iciti ical ful ness ative
		ement ance ence able ible ment ent ant ism ate iti ous ive ize ion sion tion al er ic e l ll`)
	for _, r := range roots {
		seen[r] = true
		for _, s := range suffixes {
			seen[r+s] = true
		}
	}
	// British and American spellings, the words the fold keeps, and its
	// rules' suffixes on roots of every kind.
	for _, p := range britishAmerican {
		seen[p[0]], seen[p[1]] = true, true
	}
	for _, w := range spellingKept {
		seen[w] = true
	}
	for _, r := range strings.Fields(`organ critic item adv dev superv prom prem dem surm compr surpr ar sunr categor
		ostrac prec exerc fr cr merchand treat amort anal paral col neighb h f t downp enc disc cent met spect ent
		catalog dialog monolog licenc defenc offenc`) {
		for _, s := range strings.Fields(`ise ises ised ising iser isers isation isations isational isement isable
			isant isance isingly yse yses ysed ysing our ours oured ouring ourite ourable ourful ourhood ourly
			ouration ourless tre tres ue ues ued uing e es ed`) {
			seen[r+s] = true
		}
	}
	words := slices.Sorted(mapsKeys(seen))
	in, _ := json.Marshal(words)
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(`+string(in)+`).map(w => batonSearch.stem(w))`))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(words) {
		t.Fatalf("stemmed %d words, want %d", len(got), len(words))
	}
	bad := 0
	for i, w := range words {
		if want := search.Stem(w); got[i] != want {
			if bad++; bad <= 20 {
				t.Errorf("client stems %q to %q, Go to %q", w, got[i], want)
			}
		}
	}
	t.Logf("compared %d words", len(words))

	texts := []string{
		"decision-making, well-being and getUserProfile fetch_team_members",
		"HTTPServer parseJSON iPhone x-ray Q3 OKR2024 v2 3.5",
		"don't the team’s students' ‘quoted’ rock’n’roll 'tis",
		"naïve Café résumé Ünïcode — Straße ΣΊΣΥΦΟΣ 東京 카페",
		"日本語の文章です。東京タワーへ行く Go言語とRustの本 ภาษาไทย ဗမာစာ ខ្មែរ ພາສາລາວ 本 ｶﾀｶﾅ",
		"--a-- _b_ a'b'c ''x'' e\u0301cole",
	}
	for _, text := range texts {
		q, _ := json.Marshal(text)
		js, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`batonSearch.tokenize(`+string(q)+`)`))
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, tok := range search.Tokenize(text) {
			want = append(want, tok.Word)
		}
		if !slices.Equal(js, want) {
			t.Errorf("tokenize(%q): client %q, Go %q", text, js, want)
		}
	}
}

// TestBrowserGroupsByPage asks for results of a word that a role, each of
// its five responsibilities and a page share: the role is one result,
// naming its responsibilities under it and saying how many match, so the
// page is not pushed out of the first results.
func TestBrowserGroupsByPage(t *testing.T) {
	bctx := browsertest.Browser(t)
	out := publishSite(t, "testdata/site")
	type result struct {
		Title   string
		Matches int
		More    []struct{ Title, URL string }
	}
	for _, s := range sites(t, out) {
		t.Run(s.name, func(t *testing.T) {
			ctx := browsertest.Tab(t, bctx, 30*time.Second)
			run(t, ctx, "open", chromedp.Navigate(s.url("/")), chromedp.WaitReady("body"))
			poll(t, ctx, "search script ran", scriptRan, func(ok bool) bool { return ok })
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__r = null; batonSearch.search("release ", 2).then(r => { window.__r = r.results.map(x => ({Title: x.doc.title, Matches: x.matches, More: x.more.map(m => ({Title: m.title, URL: m.url}))})) }); true`)); err != nil {
				t.Fatal(err)
			}
			got := poll(t, ctx, "results for release", `window.__r`, func(v []result) bool { return v != nil })
			if len(got) != 2 || got[0].Title != "Release engineer" || got[1].Title != "Shipping" {
				t.Fatalf("first two results = %+v; want Release engineer (with its responsibilities), then Shipping", got)
			}
			if got[0].Matches != 6 || len(got[0].More) != 3 {
				t.Errorf("Release engineer: %d matches, %d named; want 6 (the role and its five responsibilities), 3 named", got[0].Matches, len(got[0].More))
			}
			for _, m := range got[0].More {
				if !strings.Contains(m.URL, "/responsibilities/") || !strings.Contains(strings.ToLower(m.Title), "release") {
					t.Errorf("named under the role: %q at %q; want a responsibility's title and page", m.Title, m.URL)
				}
			}

			// The search page names them as links under the role's result.
			run(t, ctx, "open the search page", chromedp.Navigate(s.url("/search/?q=release")), chromedp.WaitReady("body"))
			type shownPage struct {
				Titles []string
				Parts  string
				Links  []string
			}
			page := poll(t, ctx, "search page results", `(() => {
				const first = document.querySelector('.search-page-results .search-result');
				return {
					Titles: [...document.querySelectorAll('.search-page-results > .search-result .search-result-title')].map(e => e.textContent),
					Parts: first ? (first.querySelector('.search-result-parts') || {}).textContent || "" : "",
					Links: first ? [...first.querySelectorAll('.search-result-parts a')].map(a => a.getAttribute('href')) : [],
				};
			})()`, func(v shownPage) bool { return len(v.Titles) > 0 })
			if uniq := slices.Compact(slices.Sorted(slices.Values(page.Titles))); len(uniq) != len(page.Titles) || page.Titles[0] != "Release engineer" {
				t.Errorf("search page titles = %q; want Release engineer first, each page once", page.Titles)
			}
			if !strings.HasPrefix(page.Parts, "5 more matches here: ") || len(page.Links) != 3 {
				t.Errorf("under the first result: %q with links %q; want \"5 more matches here: \" and three links", page.Parts, page.Links)
			}
			for _, h := range page.Links {
				if !strings.Contains(h, "/responsibilities/") {
					t.Errorf("link under the role's result: %q, want a responsibility's page", h)
				}
			}
		})
	}
}
