package markdown

import (
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/util"
)

// TestHeadingIDsAreGitHubs: a heading's id is the one GitHub gives it,
// made from the heading's text content (not its source line), so links
// written for a handbook on GitHub work here; and a heading's text (the
// table of contents, the anchor's label) is what a reader sees.
func TestHeadingIDsAreGitHubs(t *testing.T) {
	tests := []struct {
		name, src string
		ids       []string
		text      string // the first heading's Text, when set
	}{
		{"link", "## Merging changes from [deploy](https://example.com/deploy)", []string{"merging-changes-from-deploy"}, "Merging changes from deploy"},
		{"emphasis", "## _Emphasis_ and **strong** words", []string{"emphasis-and-strong-words"}, "Emphasis and strong words"},
		{"strikethrough", "## ~~old~~ new", []string{"old-new"}, ""},
		{"code span", "## The `go-mod` command", []string{"the-go-mod-command"}, "The go-mod command"},
		{"code span keeps its backslashes", "## Use `a\\*b`", []string{"use-ab"}, "Use a\\*b"},
		{"double hyphen", "## a -- b", []string{"a----b"}, "a – b"},
		{"triple hyphen", "## a---b", []string{"a---b"}, "a—b"},
		{"quotes and apostrophes", "## Don't \"quote\" 'me'", []string{"dont-quote-me"}, "Don’t “quote” ‘me’"},
		{"ellipsis", "## Wait...", []string{"wait"}, "Wait…"},
		{"emoji character", "## 🚀 Launch day", []string{"-launch-day"}, "🚀 Launch day"},
		{"CJK", "## 日本語の見出し", []string{"日本語の見出し"}, ""},
		{"non-ASCII letters", "## Über Straße", []string{"über-straße"}, ""},
		{"combining mark", "## Cafe\u0301", []string{"cafe\u0301"}, ""},
		{"trailing punctuation", "## What now?!", []string{"what-now"}, ""},
		{"closing hashes", "## Title ##", []string{"title"}, "Title"},
		{"underscore", "## snake_case name", []string{"snake_case-name"}, ""},
		{"character references", "## Q&amp;A &eacute;t&#233;", []string{"qa-été"}, "Q&A été"},
		{"backslash escape", "## 1\\. Not a list", []string{"1-not-a-list"}, "1. Not a list"},
		{"an id the author gave", "## Title {#custom}", []string{"custom"}, "Title"},
		{"HTML in a heading", "## Press <kbd>Ctrl</kbd> + C", []string{"press-ctrl--c"}, ""},
		{"image", "## ![logo](x.png) Title", []string{"-title"}, ""},
		{"setext", "Two\nlines\n===", []string{"twolines"}, "Two lines"},
		{"repeat", "## Intro\n\n## Intro\n\n## Intro", []string{"intro", "intro-1", "intro-2"}, ""},
		{"repeat of a suffixed id", "## a\n\n## a\n\n## a-1", []string{"a", "a-1", "a-1-1"}, ""},
		{"empty heading", "##\n\n## Section\n\n## !!!", []string{"section-1", "section", "section-2"}, ""},
	}
	r := New(false)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := r.Prepare([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, h := range d.Headings {
				ids = append(ids, h.ID)
			}
			if !slices.Equal(ids, tt.ids) {
				t.Errorf("ids %q, want %q", ids, tt.ids)
			}
			if tt.text != "" && len(d.Headings) > 0 && d.Headings[0].Text != tt.text {
				t.Errorf("text %q, want %q", d.Headings[0].Text, tt.text)
			}
		})
	}
}

// FuzzHeadingIDs: whatever the Markdown, every heading has an id, no two
// the same, each one GitHub's rules could make (lower case; letters, marks,
// numbers, underscores and hyphens) or one its author gave in {#id} (also
// capitals, dots and colons), and the page carries it.
func FuzzHeadingIDs(f *testing.F) {
	for _, s := range []string{"# A\n# A\n# a-1", "#\n##\n# !", "# [x](y) `z` *w*", "Setext\n===\n\n# Setext", "# a -- b\n# 🚀", "# <b>x</b> &amp;", "# A {#a}\n# a {#A.b}\n# :tada: {.x}\n# x {#x y}"} {
		f.Add(s)
	}
	r := New(false)
	f.Fuzz(func(t *testing.T, src string) {
		d, err := r.Prepare([]byte(src))
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, h := range d.Headings {
			if h.ID == "" || seen[h.ID] {
				t.Fatalf("heading id %q empty or repeated, from:\n%s", h.ID, src)
			}
			seen[h.ID] = true
			if Slug(h.ID) != h.ID && !customIDRE.MatchString(h.ID) {
				t.Fatalf("heading id %q is not one GitHub could make, from:\n%s", h.ID, src)
			}
			if !strings.Contains(string(d.html), `id="`+prefixToken+string(util.EscapeHTML([]byte(h.ID)))+`"`) {
				t.Fatalf("heading id %q is not on the page, from:\n%s", h.ID, src)
			}
		}
	})
}
