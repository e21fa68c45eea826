package i18n

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/batonhq/baton/internal/strictyaml"
)

// TestCatalogs: every catalog reads without a problem, translates every
// English key (Japanese, which has no plural, leaves out the .one forms)
// and no other, with the placeholders of English, and no value is empty.
func TestCatalogs(t *testing.T) {
	en := catalog("en")
	if len(en) < 100 {
		t.Fatalf("the English catalog has %d strings", len(en))
	}
	for _, lang := range Languages() {
		src, err := catalogs.ReadFile(lang + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		var ps strictyaml.Pairs
		if diags := strictyaml.Decode(lang+".yaml", src, 0, &ps); len(diags) > 0 {
			t.Errorf("%s.yaml: %v", lang, diags)
		}
		m := catalog(lang)
		s, _ := For(strictyaml.Str{Value: lang}, nil)
		for k, want := range en {
			v, ok := m[k]
			switch {
			case !ok && strings.HasSuffix(k, ".one") && s.Plural(1) == "other":
			case !ok:
				t.Errorf("%s.yaml has no %s (English: %q)", lang, k, want)
			case strings.TrimSpace(v) == "":
				t.Errorf("%s.yaml: %s is empty", lang, k)
			default:
				if msg := samePlaceholders(v, want); msg != "" {
					t.Errorf("%s.yaml: %s %s", lang, k, msg)
				}
			}
		}
		for k := range m {
			if _, ok := en[k]; !ok {
				t.Errorf("%s.yaml has %s, which English has not", lang, k)
			}
		}
	}
}

// TestDates: each language writes a day as its readers do.
func TestDates(t *testing.T) {
	day := time.Date(2026, 12, 6, 23, 0, 0, 0, time.UTC)
	first := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ lang, want, first string }{
		{"en", "6 December 2026", "1 March 2026"},
		{"de", "6. Dezember 2026", "1. März 2026"},
		{"fr", "6 décembre 2026", "1er mars 2026"},
		{"es", "6 de diciembre de 2026", "1 de marzo de 2026"},
		{"pt", "6 de dezembro de 2026", "1º de março de 2026"},
		{"pt-BR", "6 de dezembro de 2026", "1º de março de 2026"},
		{"ja", "2026年12月6日", "2026年3月1日"},
	} {
		s, _ := For(strictyaml.Str{Value: c.lang}, nil)
		if got := s.Date(day); got != c.want {
			t.Errorf("%s: got %q, want %q", c.lang, got, c.want)
		}
		if got := s.Date(first); got != c.first {
			t.Errorf("%s: got %q, want %q", c.lang, got, c.first)
		}
	}
}

// TestPlurals: a count picks its form by the language's rule (CLDR's):
// French and Portuguese count 0 as one, Japanese has one form.
func TestPlurals(t *testing.T) {
	for _, c := range []struct {
		lang string
		n    int
		want string
	}{
		{"en", 0, "0 pages"}, {"en", 1, "1 page"}, {"en", 2, "2 pages"},
		{"de", 1, "1 Seite"}, {"de", 0, "0 Seiten"},
		{"fr", 0, "0 page"}, {"fr", 1, "1 page"}, {"fr", 2, "2 pages"},
		{"pt", 0, "0 página"}, {"pt", 3, "3 páginas"},
		{"es", 1, "1 página"}, {"es", 0, "0 páginas"},
		{"ja", 1, "1ページ"}, {"ja", 5, "5ページ"},
	} {
		s, _ := For(strictyaml.Str{Value: c.lang}, nil)
		if got := s.N("tag.pages", c.n); got != c.want {
			t.Errorf("%s %d: got %q, want %q", c.lang, c.n, got, c.want)
		}
	}
}

// TestFallback: a region takes its base language; a key a catalog lacks,
// or one an override names, comes from the next in line.
func TestFallback(t *testing.T) {
	for _, c := range []struct{ tag, want string }{{"pt-BR", "pt"}, {"de-CH", "de"}, {"DE", "de"}, {"zh-Hant-TW", ""}, {"sw", ""}, {"en-GB", "en"}} {
		if got := Base(c.tag); got != c.want {
			t.Errorf("Base(%q) = %q, want %q", c.tag, got, c.want)
		}
	}
	s, diags := For(strictyaml.Str{Value: "de-CH"}, strictyaml.Pairs{{Key: strictyaml.Str{Value: "nav.home"}, Value: strictyaml.Str{Value: "Start"}}})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if got := s.T("nav.home"); got != "Start" {
		t.Errorf("nav.home = %q, want the override", got)
	}
	if got := s.T("search.placeholder"); got != "Suchen" {
		t.Errorf("search.placeholder = %q, want German", got)
	}
	if got := s.T("nav.more_in", "count", 3, "section", "Teams"); got != "3 weitere in Teams" {
		t.Errorf("nav.more_in = %q", got)
	}
	if got := s.T("no.such.key"); got != "no.such.key" {
		t.Errorf("a missing key gives %q, want itself", got)
	}
	ja, _ := For(strictyaml.Str{Value: "ja"}, nil)
	for lang, name := range map[string]string{"de": "Deutsch", "ja": "日本語", "pt-BR": "Português", "en": "English"} {
		if s, _ := For(strictyaml.Str{Value: lang}, nil); s.T("language.name") != name {
			t.Errorf("%s calls itself %q, want %s", lang, s.T("language.name"), name)
		}
	}
	if ja.Key() == s.Key() || English().Key() == ja.Key() {
		t.Errorf("two sets of words share the key %q", ja.Key())
	}
	js := ja.JS()
	if js["lang"] != "ja" || js["copy"] != "コピー" || slices.ContainsFunc(mapsKeys(js), func(k string) bool { return strings.HasPrefix(k, "js.") }) {
		t.Errorf("JS strings: %v", js)
	}
}

func mapsKeys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
