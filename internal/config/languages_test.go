package config_test

import (
	"testing"

	"github.com/batonhq/baton/internal/config"
	"github.com/google/go-cmp/cmp"
)

// TestLanguages decodes languages: in its two forms, a tag alone and a
// mapping with the handbook's title in the language, and each language's
// configuration: its code, its title and the base URL of its folder.
func TestLanguages(t *testing.T) {
	c, diags := config.Decode([]byte("title: Handbook\nbase_url: https://x.example/hb/\nlanguages: [en, {code: pt-BR, title: Manual}, fr, ja]\n"))
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	type lang struct{ Code, Name, Title, BaseURL, Language string }
	var got []lang
	for i, l := range c.Languages {
		lc := c.ForLanguage(i)
		got = append(got, lang{l.Code, l.Name, lc.Title, lc.BaseURL, lc.Language})
	}
	want := []lang{
		{"en", "English", "Handbook", "https://x.example/hb/", "en"},
		{"pt-BR", "Português", "Manual", "https://x.example/hb/pt-BR/", "pt-BR"},
		{"fr", "Français", "Handbook", "https://x.example/hb/fr/", "fr"},
		{"ja", "日本語", "Handbook", "https://x.example/hb/ja/", "ja"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("languages (-want +got):\n%s", diff)
	}
	if !c.Multilingual() || c.Language != "en" {
		t.Errorf("multilingual %v, language %q; want true, en", c.Multilingual(), c.Language)
	}
	one, _ := config.Decode([]byte("title: Handbook\nlanguages: [de]\n"))
	if one.Multilingual() || one.Language != "de" {
		t.Errorf("languages: [de]: multilingual %v, language %q; want false, de", one.Multilingual(), one.Language)
	}
}

// TestLanguagesErrors gives each mistake in languages: its message at
// its place.
func TestLanguagesErrors(t *testing.T) {
	for _, c := range []struct{ yaml, want string }{
		{"languages: [en, '']", `content/handbook.yaml:2:17: languages: an entry is empty; write a language tag like en, de or pt-BR`},
		{"languages: [en, de_DE]", `content/handbook.yaml:2:17: languages: "de_DE" is not a language tag like en, de or pt-BR`},
		{"languages: [en, {title: X}]", `content/handbook.yaml:2:17: missing required key "code" in languages`},
		{"languages: [en, {code: de, name: X}]", `content/handbook.yaml:2:28: unknown key "name" in languages`},
		{"languages: en", `content/handbook.yaml:2:12: "languages" must be a list, not "en"`},
	} {
		_, diags := config.Decode([]byte("title: Handbook\n" + c.yaml + "\n"))
		if len(diags) != 1 || diags[0].String() != c.want {
			t.Errorf("%s: got %v; want %s", c.yaml, diags, c.want)
		}
	}
}
