package search_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/batonhq/baton/internal/browsertest"
	"github.com/batonhq/baton/internal/search"
	"github.com/chromedp/chromedp"
)

// languageSite publishes a handbook in language tag with the given pages
// (path under content/ to text), and returns its output folder.
func languageSite(t *testing.T, tag string, pages map[string]string) string {
	t.Helper()
	src := t.TempDir()
	files := map[string]string{"handbook.yaml": "title: Handbook\nlanguage: " + tag + "\n", "_index.md": "---\ntitle: Start\n---\n"}
	for p, text := range pages {
		files[p] = text
	}
	for p, text := range files {
		path := filepath.Join(src, "content", filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return publishSite(t, src)
}

// openLoaded opens a page of the site from the file system and waits for
// the search script, the index's meta and the stemmer it names.
func openLoaded(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	run(t, ctx, "open", chromedp.Navigate(url), chromedp.WaitReady("body"))
	poll(t, ctx, "search script ran", scriptRan, func(ok bool) bool { return ok })
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`batonSearch.load().then(() => true)`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatalf("loading the index's meta: %v", err)
	}
}

// TestBrowserSnowballParity holds the client's stemming equal to the Go
// one in every language baton stems, on about 4,000 words of Snowball's
// vocabulary for it (testdata/vocab) and on tokens of text with elisions,
// accents, digits and other scripts; and in a language without a stemmer,
// where both sides only fold accents.
func TestBrowserSnowballParity(t *testing.T) {
	bctx := browsertest.Browser(t)
	extra := []string{
		"L'équipe d'Italia dell'azienda qu'il jusqu'à l'ONU un'idea",
		"Straße STRASSE Übersicht ÆØÅ æble ﬁle e\u0301cole Ǆemal Ĳssel",
		"2024 90er covid19 v2 3,5 x-ray 東京タワー λόγος Ἀθῆναι решение ёлка",
		"zażółć gęślą jaźń łódź Dvořák İstanbul ıçin",
	}
	for _, tt := range []struct{ tag, vocab string }{
		{"de", "german"}, {"fr", "french"}, {"es", "spanish"}, {"pt-BR", "portuguese"},
		{"it", "italian"}, {"nl", "dutch"}, {"pl", "french"},
	} {
		t.Run(tt.tag, func(t *testing.T) {
			out := languageSite(t, tt.tag, nil)
			ctx := browsertest.Tab(t, bctx, 60*time.Second)
			openLoaded(t, ctx, "file://"+filepath.ToSlash(out)+"/index.html")
			data, err := os.ReadFile(filepath.Join("testdata", "vocab", tt.vocab+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			words := strings.Fields(string(data))
			for _, text := range extra {
				for _, tok := range search.Tokenize(text) {
					words = append(words, tok.Word)
				}
			}
			in, _ := json.Marshal(words)
			got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(`+string(in)+`).map(w => batonSearch.stem(w))`))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(words) {
				t.Fatalf("stemmed %d words, want %d", len(got), len(words))
			}
			stem, bad := search.StemmerFor(tt.tag), 0
			for i, w := range words {
				if want := stem(w); got[i] != want {
					if bad++; bad <= 20 {
						t.Errorf("client stems %q to %q, Go to %q", w, got[i], want)
					}
				}
			}
			if bad > 0 {
				t.Errorf("%d of %d words stemmed differently", bad, len(words))
			}
		})
	}
}

// TestBrowserSearchInLanguage builds small German and French handbooks
// and searches them as a reader would type: another inflection of a word,
// the word without its accents, a French word without its elided article,
// and stop words of the language left out.
func TestBrowserSearchInLanguage(t *testing.T) {
	bctx := browsertest.Browser(t)
	tests := []struct {
		tag     string
		pages   map[string]string
		queries map[string][]string // query → the titles it finds
	}{
		{"de", map[string]string{
			"planung.md": "---\ntitle: Planung\n---\nProduktmanager planen Veröffentlichungen gemeinsam mit dem Team.\n\n## Übersicht\n\nJede Woche zeigt der Stand, was fertig ist.\n",
			"kunden.md":  "---\ntitle: Kundengespräche\n---\nWir sprechen jede Woche mit Kunden und halten fest, was sie brauchen.\n",
		}, map[string][]string{
			"Veröffentlichung":    {"Planung"},
			"veroffentlichung":    {"Planung"},
			"Produktmanagern ":    {"Planung"},
			"ubersicht":           {"Planung"},
			"und kunden":          {"Kundengespräche"},
			"woche":               {"Planung", "Kundengespräche"},
			"Veröffentlichungsxy": nil,
			// Typing: the last word is a prefix, accents or not.
			"veröff":   {"Planung"},
			"veroff":   {"Planung"},
			"Ubersi":   {"Planung"},
			"produktm": {"Planung"},
		}},
		{"fr", map[string]string{
			"role.md":    "---\ntitle: Le rôle des gestionnaires\n---\nLes gestionnaires publient les décisions de l'équipe chaque semaine.\n",
			"clients.md": "---\ntitle: Entretiens clients\n---\nNous parlons avec les clients et notons leurs besoins.\n",
		}, map[string][]string{
			"décision":         {"Le rôle des gestionnaires"},
			"decisions":        {"Le rôle des gestionnaires"},
			"équipes ":         {"Le rôle des gestionnaires"},
			"equipe":           {"Le rôle des gestionnaires"},
			"gestionnaire":     {"Le rôle des gestionnaires"},
			"les clients":      {"Entretiens clients"},
			"besoin entretien": {"Entretiens clients"},
			"equi":             {"Le rôle des gestionnaires"},
			"déc":              {"Le rôle des gestionnaires"},
		}},
	}
	for _, tt := range tests {
		out := languageSite(t, tt.tag, tt.pages)
		for _, s := range sites(t, out) {
			t.Run(tt.tag+"/"+s.name, func(t *testing.T) {
				ctx := browsertest.Tab(t, bctx, 30*time.Second)
				openLoaded(t, ctx, s.url("/"))
				for _, q := range slices.Sorted(mapsKeys(tt.queries)) {
					if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`window.__r = null; batonSearch.search(%q, 20).then(r => { window.__r = r.results.map(x => x.doc.title) }); true`, q))); err != nil {
						t.Fatalf("search %q: %v", q, err)
					}
					got := poll(t, ctx, "query "+q, `window.__r`, func(v []string) bool { return v != nil })
					// Which pages, not their order: ranking is tested elsewhere.
					slices.Sort(got)
					want := slices.Sorted(slices.Values(tt.queries[q]))
					if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
						t.Errorf("search %q = %q, want %q", q, got, want)
					}
				}
			})
		}
	}
}

// TestBrowserJapanese searches a handbook whose language is Japanese: a
// word of two characters and one of three, from the middle of sentences,
// find their page; no stemmer is loaded, and Latin words fold accents.
func TestBrowserJapanese(t *testing.T) {
	bctx := browsertest.Browser(t)
	out := languageSite(t, "ja", map[string]string{
		"office.md": "---\ntitle: 東京オフィスの案内\n---\n東京タワーの近くにある事務所では、週に一度、製品の計画会議を開きます。Café の隣です。\n",
		"hiring.md": "---\ntitle: 採用の流れ\n---\n候補者には面接の前に課題を送り、結果は三日以内に伝えます。\n",
	})
	if _, err := os.Stat(filepath.Join(out, "_baton", "search", "stem")); !os.IsNotExist(err) {
		t.Errorf("a Japanese site has a stemmer folder (%v)", err)
	}
	queries := map[string][]string{
		"会議":    {"東京オフィスの案内"}, // two characters
		"事務所":   {"東京オフィスの案内"}, // three
		"候補者":   {"採用の流れ"},
		"面接 課題": {"採用の流れ"},
		"cafe":  {"東京オフィスの案内"},
		"大阪":    nil,
	}
	for _, s := range sites(t, out) {
		t.Run(s.name, func(t *testing.T) {
			ctx := browsertest.Tab(t, bctx, 30*time.Second)
			openLoaded(t, ctx, s.url("/"))
			for _, q := range slices.Sorted(mapsKeys(queries)) {
				if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`window.__r = null; batonSearch.search(%q, 20).then(r => { window.__r = r.results.map(x => x.doc.title) }); true`, q))); err != nil {
					t.Fatalf("search %q: %v", q, err)
				}
				got := poll(t, ctx, "query "+q, `window.__r`, func(v []string) bool { return v != nil })
				if want := queries[q]; !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
					t.Errorf("search %q = %q, want %q", q, got, want)
				}
			}
		})
	}
}
