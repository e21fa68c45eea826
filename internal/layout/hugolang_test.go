package layout

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestHugoLanguages reads a Hugo site that keeps each language's pages in
// a folder of its own as one site from the folder that holds them, with
// the default language's pages at the root and each other's under its
// code; a site with one language folder, or folders not side by side,
// keeps the folder its settings name.
func TestHugoLanguages(t *testing.T) {
	pages := map[string]string{"content/en/_index.md": "", "content/ja/_index.md": "", "content/zh-cn/_index.md": ""}
	with := func(settings map[string]string) map[string]string {
		m := map[string]string{}
		for k, v := range pages {
			m[k] = v
		}
		for k, v := range settings {
			m[k] = v
		}
		return m
	}
	tests := []struct {
		name  string
		files map[string]string
		root  string
		urls  map[string]string
	}{
		{"contentDir of each language", with(map[string]string{"hugo.toml": "title = 'T'\n[languages.en]\ncontentDir = 'content/en'\n[languages.ja]\ncontentDir = 'content/ja'\n[languages.zh-cn]\ncontentDir = 'content/zh-cn'\n"}),
			"content", map[string]string{"en": "/"}},
		{"a language's folder named otherwise", with(map[string]string{"hugo.yaml": "defaultContentLanguage: ja\nlanguages:\n  ja: {contentDir: content/ja}\n  english: {contentDir: content/en}\n"}),
			"content", map[string]string{"ja": "/", "en": "/english/"}},
		{"the default language in its folder too", with(map[string]string{"hugo.yaml": "defaultContentLanguageInSubdir: true\nlanguages:\n  en: {contentDir: content/en}\n  ja: {contentDir: content/ja}\n"}),
			"content", map[string]string{}},
		{"mounts for a language each", with(map[string]string{"config/_default/hugo.yaml": "title: T\n", "config/_default/module.yaml": "mounts:\n  - {source: content/en, target: content, lang: en}\n  - source: content/ja\n    target: content\n    sites: {matrix: {languages: [ja]}}\n  - {source: content/en/docs, target: content/docs, lang: ja}\n"}),
			"content", map[string]string{"en": "/"}},
		{"folders named by the languages alone", with(map[string]string{"hugo.yaml": "languages:\n  en: {label: English}\n  ja: {label: 日本語}\n  fr: {label: Français}\n"}),
			"content", map[string]string{"en": "/"}},
		{"one language in a folder", map[string]string{"content/en/_index.md": "", "hugo.toml": "contentDir = 'content/en'\n[languages.en]\nweight = 1\n"},
			"content/en", nil},
		{"the default language has no folder", with(map[string]string{"hugo.yaml": "defaultContentLanguage: de\nlanguages:\n  de: {contentDir: content/de}\n  ja: {contentDir: content/ja}\n  en: {contentDir: content/en}\n"}),
			"content", nil},
		{"folders not side by side", map[string]string{"content/_index.md": "", "docs/ja/_index.md": "", "hugo.yaml": "languages:\n  en: {contentDir: content}\n  ja: {contentDir: docs/ja}\n"},
			"content", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Detect(files(tt.files))
			if l.Kind != Hugo || l.Root != tt.root {
				t.Errorf("%s, pages in %s; want Hugo, %s", l.Kind, l.Root, tt.root)
			}
			if diff := cmp.Diff(tt.urls, l.FolderURLs); diff != "" {
				t.Errorf("folder URLs (-want +got):\n%s", diff)
			}
		})
	}
}
