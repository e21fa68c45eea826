// Package i18n is the default theme's words in the handbook's language: one
// catalog per language (en.yaml, de.yaml, … embedded here), the plural
// rule and date format of each, and handbook.yaml's strings: over them.
//
// A key not in a language's catalog falls back to English, and a language
// with a region (pt-BR, de-CH) to its base language first. Catalogs are
// read once per Strings and never change after For returns: a Strings is
// safe to share between goroutines.
//
// Values are text with placeholders in braces ({count}, {date}); every
// translation and override of a key has the same placeholders as English.
// Keys ending in .one and .other are the forms of one plural message.
package i18n

import (
	"embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/strictyaml"
)

//go:embed *.yaml
var catalogs embed.FS

// Strings is the words of one site: a language's catalog with the site's
// overrides.
type Strings struct {
	// lang is the catalog's language ("de" for de-CH), "en" when none.
	lang string
	m    map[string]string
	key  string
}

// Languages lists the languages that have a catalog.
func Languages() []string {
	entries, _ := catalogs.ReadDir(".")
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	return out
}

// catalog is the embedded catalog of lang, or nil when there is none,
// decoded once per process: the catalogs are part of the program, and a
// dev server decodes handbook.yaml, and so asks for them, on every save.
// The map is shared: callers only read it.
func catalog(lang string) map[string]string {
	if m, ok := catalogCache.Load(lang); ok {
		return m.(map[string]string)
	}
	m, _ := catalogCache.LoadOrStore(lang, readCatalog(lang))
	return m.(map[string]string)
}

var catalogCache sync.Map // language -> map[string]string

// readCatalog decodes the embedded catalog of lang, or gives nil when there
// is none. The catalogs are part of baton, so a problem in one is a bug that
// the package's tests catch; here it only drops the broken keys.
func readCatalog(lang string) map[string]string {
	src, err := catalogs.ReadFile(lang + ".yaml")
	if err != nil {
		return nil
	}
	var ps strictyaml.Pairs
	strictyaml.Decode(lang+".yaml", src, 0, &ps)
	m := make(map[string]string, len(ps))
	for _, p := range ps {
		m[p.Key.Value] = p.Value.Value
	}
	return m
}

// Base is the language a tag's catalog is in: the tag itself or its base
// language when there is a catalog for either ("pt-BR" is "pt"), else "".
func Base(tag string) string {
	tag = strings.ToLower(tag)
	have := Languages()
	for {
		if slices.Contains(have, tag) {
			return tag
		}
		i := strings.LastIndexByte(tag, '-')
		if i < 0 {
			return ""
		}
		tag = tag[:i]
	}
}

// For returns the words of a site in language lang (a tag like de or
// pt-BR) with its overrides. A language without a catalog takes English,
// with a warning where lang is written; an override of a key that does
// not exist, or that changes the key's placeholders, is an error where it
// is written and is left out.
func For(lang strictyaml.Str, overrides strictyaml.Pairs) (*Strings, diag.List) {
	var diags diag.List
	en := catalog("en")
	s := &Strings{lang: Base(lang.Value), m: make(map[string]string, len(en))}
	if s.lang == "" {
		s.lang = "en"
		diags.Warnf(lang.Pos, "language %q has no translation of the theme's words: they are in English (baton has %s)", lang.Value, strings.Join(Languages(), ", "))
	}
	for k, v := range en {
		s.m[k] = v
	}
	for k, v := range catalog(s.lang) {
		s.m[k] = v
	}
	var key strings.Builder
	key.WriteString(s.lang)
	for _, o := range overrides {
		want, ok := en[o.Key.Value]
		if !ok {
			diags.Errorf(o.Key.Pos, "strings: no string is called %q%s", o.Key.Value, diag.DidYouMean(o.Key.Value, Keys()))
			continue
		}
		if msg := samePlaceholders(o.Value.Value, want); msg != "" {
			diags.Errorf(o.Value.Pos, "strings: %s %s", o.Key.Value, msg)
			continue
		}
		s.m[o.Key.Value] = o.Value.Value
		fmt.Fprintf(&key, "\x00%s\x00%s", o.Key.Value, o.Value.Value)
	}
	s.key = key.String()
	return s, diags
}

// English is the default words, without overrides.
func English() *Strings {
	s, _ := For(strictyaml.Str{Value: "en"}, nil)
	return s
}

// Keys lists every key, sorted.
func Keys() []string {
	en := catalog("en")
	keys := make([]string, 0, len(en))
	for k := range en {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Lang is the language of the catalog in use ("de" for de-CH, "en" for a
// language baton has no catalog for).
func (s *Strings) Lang() string { return s.lang }

// Key is what the strings depend on (the catalog's language and the
// overrides), for cache keys: two Strings with the same Key say the same.
func (s *Strings) Key() string { return s.key }

// Has reports whether key is a string.
func (s *Strings) Has(key string) bool {
	_, ok := s.m[key]
	return ok
}

// T returns the string of key with its placeholders filled from args,
// pairs of a name and a value ("count", 3). A key that does not exist
// gives itself, so a mistake shows on the page instead of nothing.
func (s *Strings) T(key string, args ...any) string {
	v, ok := s.m[key]
	if !ok {
		return key
	}
	return Fill(v, func(name string) string {
		for i := 0; i+1 < len(args); i += 2 {
			if args[i] == name {
				return fmt.Sprint(args[i+1])
			}
		}
		return "{" + name + "}"
	})
}

// N returns the plural form of key (key.one or key.other) that count takes
// in the language, with {count} filled and the other args as T's.
func (s *Strings) N(key string, count int, args ...any) string {
	return s.T(key+"."+s.Plural(count), append([]any{"count", count}, args...)...)
}

// Plural is the plural category of n in the catalog's language: "one" or
// "other" (CLDR's rules for the languages baton has).
func (s *Strings) Plural(n int) string {
	switch s.lang {
	case "ja":
		return "other"
	case "fr", "pt":
		if n == 0 || n == 1 {
			return "one"
		}
	default:
		if n == 1 {
			return "one"
		}
	}
	return "other"
}

// Date writes a day in the language ("6 December 2026", "6. Dezember
// 2026", "2026年12月6日").
func (s *Strings) Date(t time.Time) string {
	t = t.UTC()
	day := fmt.Sprint(t.Day())
	if t.Day() == 1 {
		day = s.T("date.day_first")
	}
	return s.T("date.format", "day", day, "month", s.T(fmt.Sprintf("month.%d", int(t.Month()))), "year", t.Year())
}

// JS returns the strings the theme's scripts read (the keys starting with
// js., without that prefix) and the catalog's language, whose plural
// rules the scripts ask the browser for.
func (s *Strings) JS() map[string]string {
	out := map[string]string{"lang": s.lang}
	for k, v := range s.m {
		if rest, ok := strings.CutPrefix(k, "js."); ok {
			out[rest] = v
		}
	}
	return out
}

// Fill replaces each {name} in v with what value returns for it.
func Fill(v string, value func(name string) string) string {
	if !strings.Contains(v, "{") {
		return v
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(v, '{')
		j := strings.IndexByte(v[i+1:], '}')
		if i < 0 || j < 0 {
			b.WriteString(v)
			return b.String()
		}
		b.WriteString(v[:i])
		b.WriteString(value(v[i+1 : i+1+j]))
		v = v[i+1+j+1:]
	}
}

// Placeholders lists the names in braces in v, sorted.
func Placeholders(v string) []string {
	var names []string
	Fill(v, func(name string) string {
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
		return ""
	})
	slices.Sort(names)
	return names
}

// samePlaceholders says how v's placeholders differ from want's, or "".
func samePlaceholders(v, want string) string {
	got, need := Placeholders(v), Placeholders(want)
	for _, n := range need {
		if !slices.Contains(got, n) {
			return fmt.Sprintf("must keep the placeholder {%s} (English: %q)", n, want)
		}
	}
	for _, n := range got {
		if !slices.Contains(need, n) {
			return fmt.Sprintf("has a placeholder {%s} that it cannot fill (it can use %s)", n, list(need))
		}
	}
	return ""
}

func list(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("{" + n + "}")
	}
	return b.String()
}
