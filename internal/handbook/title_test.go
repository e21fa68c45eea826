package handbook

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/batonhq/baton/internal/markdown"
)

func TestTitleFromName(t *testing.T) {
	for _, c := range []struct {
		name  string
		every bool
		want  string
	}{
		{"product-ops", false, "Product ops"},
		{"product-ops", true, "Product Ops"},
		{"working_with  legal", false, "Working with legal"},
		{"élan-vital", true, "Élan Vital"},
		{"ǆungla", false, "ǅungla"},
		{"日本語-ページ", true, "日本語 ページ"},
		{"--", false, ""},
	} {
		if got := TitleFromName(c.name, c.every); got != c.want {
			t.Errorf("TitleFromName(%q, %v) = %q, want %q", c.name, c.every, got, c.want)
		}
	}
}

// TestLeadSummaryOfLongParagraph: a Doc keeps only the start of its first
// paragraph (markdown.LeadBytes), which must give the summary the whole
// paragraph gives, in any script.
func TestLeadSummaryOfLongParagraph(t *testing.T) {
	if summaryBytes+1 >= markdown.LeadBytes {
		t.Fatalf("summaries of %d bytes read more than the %d bytes a Doc keeps", summaryBytes, markdown.LeadBytes)
	}
	for _, word := range []string{"word ", "ünïcödé ", "東京オフィス", "a", "🎉 "} {
		para := strings.Repeat(word, 4000/len(word))
		d, err := markdown.New(false).Prepare([]byte(para + "\n\nMore.\n"))
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Lead) > markdown.LeadBytes || !utf8.ValidString(d.Lead) || !strings.HasPrefix(para, d.Lead) {
			t.Errorf("%q: lead of %d bytes (valid %v), want a prefix of at most %d", word, len(d.Lead), utf8.ValidString(d.Lead), markdown.LeadBytes)
		}
		if got, want := leadSummary(d), Shorten(strings.TrimSpace(para), summaryBytes); got != want {
			t.Errorf("%q: summary %q, want %q", word, got, want)
		}
	}
}
