package corpus_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/corpus"
)

// TestQueriesOccur expects every query's words in the real corpus at
// 10,000 pages, the rare ones on fewer pages the rarer they are, so the
// search measurement asks for what readers of such a handbook would find.
func TestQueriesOccur(t *testing.T) {
	files := corpus.Baton(corpus.Options{Pages: 10000, Seed: 1, Shape: corpus.Real})
	qs := corpus.Queries()
	pages := make([]int, len(qs))
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".md") {
			continue
		}
		lower := bytes.ToLower(f.Data)
		for i, q := range qs {
			if bytes.Contains(lower, []byte(q.Text)) {
				pages[i]++
			}
		}
	}
	if len(qs) != 20 {
		t.Errorf("%d queries, want 20", len(qs))
	}
	last := len(files)
	for i, q := range qs {
		if pages[i] == 0 {
			t.Errorf("query %q (%s) is on no page", q.Text, q.Kind)
		}
		if q.Kind == "rare" {
			if pages[i] >= last {
				t.Errorf("rare query %q is on %d pages, no fewer than the one before it (%d)", q.Text, pages[i], last)
			}
			last = pages[i]
		}
		t.Logf("%-18s %-9s on %5d pages", q.Text, q.Kind, pages[i])
	}
}
