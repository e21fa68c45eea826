package config

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/i18n"
	"github.com/batonhq/baton/internal/strictyaml"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// RawLanguage is an entry of languages: as written: a language tag alone
// (de), or a mapping that gives the handbook's title in the language too
// ({code: de, title: Unser Handbuch}).
type RawLanguage struct {
	Code  strictyaml.Str `yaml:"code,required,scalar"`
	Title strictyaml.Str `yaml:"title"`
	Pos   diag.Pos
}

// Language is one language of a multilingual handbook.
type Language struct {
	// Code is the language tag as written in handbook.yaml ("de",
	// "pt-BR"): the name of its folder under content/ and of its folder in
	// the output.
	Code string
	// Name is the language's name for itself ("Deutsch", "日本語"), what
	// the language switcher shows.
	Name string
	// Title is the handbook's title in the language, or "" for
	// handbook.yaml's.
	Title string
	Pos   diag.Pos
}

// Multilingual reports whether the handbook builds one site per language.
func (c Config) Multilingual() bool { return len(c.Languages) > 1 }

// ForLanguage is the configuration of language i's site: its language and
// the theme's words in it, and the base URL of its folder (the first language's is the handbook's).
func (c Config) ForLanguage(i int) Config {
	l := c.Languages[i]
	c.Language = l.Code
	// Its words: a language without a catalog was said once, for the
	// first; the others' fall back to English without a second warning.
	c.UI, _ = i18n.For(strictyaml.Str{Value: l.Code, Pos: l.Pos}, c.strings)
	c.Model = c.Model.Localised(c.UI)
	if l.Title != "" {
		c.Title = l.Title
	}
	if i > 0 {
		c.BaseURL += l.Code + "/"
	}
	return c
}

// decodeLanguages checks languages: each a well-formed tag baton can name,
// written once, usable as a folder and URL segment; and language:, when
// both are given, the same as the first.
func decodeLanguages(raw Raw, diags *diag.List) []Language {
	var out []Language
	seen := map[string]diag.Pos{}
	for _, e := range raw.Languages {
		s := e.Code
		code := strings.TrimSpace(s.Value)
		tag, err := language.Parse(code)
		var unknown language.ValueError
		switch {
		case code == "":
			diags.Errorf(s.Pos, "languages: an entry is empty; write a language tag like en, de or pt-BR")
			continue
		case err != nil && errors.As(err, &unknown):
			diags.Errorf(s.Pos, "languages: %q is not a language baton knows (%v); write a language tag like en, de or pt-BR", code, err)
			continue
		case err != nil || strings.ContainsFunc(code, func(r rune) bool {
			return !(r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-'))
		}):
			diags.Errorf(s.Pos, "languages: %q is not a language tag like en, de or pt-BR", code)
			continue
		}
		key := strings.ToLower(code)
		if prev, ok := seen[key]; ok {
			diags.Errorf(s.Pos, "languages: %s is listed twice (first at line %d)", code, prev.Line)
			continue
		}
		seen[key] = s.Pos
		out = append(out, Language{Code: code, Name: autonym(tag, code), Title: strings.TrimSpace(e.Title.Value), Pos: s.Pos})
	}
	if len(out) > 0 && raw.Language.Value != "" && !strings.EqualFold(raw.Language.Value, out[0].Code) {
		diags.Errorf(raw.Language.Pos, "language %s is not the first of languages (%s), which is the default: leave language: out, or list %s first", raw.Language.Value, out[0].Code, raw.Language.Value)
	}
	return out
}

// autonym is the language's name in itself, capitalised as a language
// menu shows it ("Français"), or the code when there is no name for it.
func autonym(tag language.Tag, code string) string {
	name := display.Self.Name(tag)
	if name == "" {
		return code
	}
	r, n := utf8.DecodeRuneInString(name)
	return string(unicode.ToTitle(r)) + name[n:]
}
