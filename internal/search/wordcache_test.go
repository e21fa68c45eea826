package search_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/search"
)

func encodedWords(t *testing.T, c *search.WordCache) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := c.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sortedFiles(fs []search.File) []search.File {
	slices.SortFunc(fs, func(a, b search.File) int { return strings.Compare(a.Path, b.Path) })
	return fs
}

func sameFiles(got, want []search.File) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if got[i].Path != want[i].Path || !bytes.Equal(got[i].Data, want[i].Data) {
			return false
		}
	}
	return true
}

// wordSite is the test site with a word that a page's body has first in
// one section and most in another, where the postings point.
func wordSite(t *testing.T) *handbook.Site {
	s := testSite(t, "testdata/site")
	for _, p := range s.Pages {
		if p.Doc != nil && len(p.Doc.Headings) > 1 && len(p.Doc.Sections) > 1 {
			p.Doc.Sections[0].Text += " xylophone"
			p.Doc.Sections[1].Text += " xylophone xylophone xylophone"
			return s
		}
	}
	t.Fatal("no page in the test site has two headings")
	return nil
}

// TestWordCacheGivesWhatTokenizingGives: an index whose words come from a
// word cache carried from an earlier run, for every document or all but an
// edited one, is the bytes of an index built without it; and the cache
// says what it reused and whether the next run needs it written again.
func TestWordCacheGivesWhatTokenizingGives(t *testing.T) {
	cold := search.Build(wordSite(t), search.Options{ShardBytes: 500})

	first := search.NewWordCache()
	if got := search.Build(wordSite(t), search.Options{ShardBytes: 500, Words: first}); !sameFiles(got, cold) {
		t.Error("a build that fills an empty word cache differs from one without it")
	}
	reused, made := first.Stats()
	if reused != 0 || made == 0 {
		t.Fatalf("an empty cache reused %d documents and tokenised %d", reused, made)
	}
	docs := made
	if !first.Changed() {
		t.Error("a cache that tokenised every document says it did not change")
	}
	data := encodedWords(t, first)
	if first.Changed() {
		t.Error("a cache just encoded says it changed")
	}

	// The next run, over the same sources: every document from the file.
	second := search.DecodeWordCache(data)
	if got := search.Build(wordSite(t), search.Options{ShardBytes: 500, Words: second}); !sameFiles(got, cold) {
		t.Error("a build from a carried word cache differs from one without it")
	}
	if reused, made := second.Stats(); reused != docs || made != 0 {
		t.Errorf("a carried cache reused %d documents and tokenised %d, want %d and 0", reused, made, docs)
	}
	if second.Changed() {
		t.Error("a cache that gave every document and took none says it changed")
	}
	if again := encodedWords(t, second); !bytes.Equal(again, data) {
		t.Error("the same documents encode to other bytes")
	}
	// The dev server's index, which keeps every document's words to
	// update them, takes them from the cache too.
	kept := search.DecodeWordCache(data)
	index := search.NewIndex(wordSite(t), search.Options{ShardBytes: 500, Words: kept})
	if got := index.Files(); !sameFiles(sortedFiles(got), cold) {
		t.Error("an updatable index from a carried word cache differs from one built without it")
	}
	if reused, made := kept.Stats(); reused != docs || made != 0 {
		t.Errorf("an updatable index reused %d documents and tokenised %d, want %d and 0", reused, made, docs)
	}

	// The dev server with a theme of the site's own builds with both
	// caches, again and again: the second build takes every document
	// from the in-memory one, which must have kept the words the file gave.
	both := search.Options{ShardBytes: 500, Words: search.DecodeWordCache(data), Cache: search.NewCache()}
	for i := range 2 {
		if got := search.Build(wordSite(t), both); !sameFiles(got, cold) {
			t.Errorf("build %d with the word cache and the in-memory cache differs from one without them", i+1)
		}
	}

	// A run after an edit: one document tokenised, and the index still
	// equals one built without the cache.
	edit := func() *handbook.Site {
		s := wordSite(t)
		s.Pages[0].Doc.Sections[0].Text += " zebra quartz"
		return s
	}
	third := search.DecodeWordCache(data)
	edited := search.Build(edit(), search.Options{ShardBytes: 500, Words: third})
	if !sameFiles(edited, search.Build(edit(), search.Options{ShardBytes: 500})) {
		t.Error("a build after an edit, from a carried word cache, differs from one without it")
	}
	if sameFiles(edited, cold) {
		t.Fatal("the edit does not change the index")
	}
	if reused, made := third.Stats(); reused != docs-1 || made != 1 {
		t.Errorf("after one edit the cache reused %d documents and tokenised %d, want %d and 1", reused, made, docs-1)
	}
	if !third.Changed() {
		t.Error("a cache that tokenised an edited document says it did not change")
	}
}

// TestWordCacheDropsWhatItCannotTrust: data from another program or format,
// cut short or damaged anywhere gives an empty cache, never wrong words.
func TestWordCacheDropsWhatItCannotTrust(t *testing.T) {
	c := search.NewWordCache()
	search.Build(testSite(t, "testdata/site"), search.Options{Words: c})
	_, docs := c.Stats()
	good := encodedWords(t, c)
	reusedFrom := func(data []byte) int {
		d := search.DecodeWordCache(data)
		search.Build(testSite(t, "testdata/site"), search.Options{Words: d})
		reused, _ := d.Stats()
		return reused
	}
	if n := reusedFrom(good); n != docs {
		t.Fatalf("the good data gives %d documents, want %d", n, docs)
	}
	header := good[:bytes.IndexByte(good[bytes.IndexByte(good, '\n')+1:], '\n')+bytes.IndexByte(good, '\n')+2]
	bad := map[string][]byte{
		"empty":           nil,
		"another program": append([]byte("baton search words 1\n"+string(bytes.Repeat([]byte("0"), 64))+"\n"), good[len(header):]...),
		"another format":  bytes.Replace(good, []byte("baton search words 1"), []byte("baton search words 0"), 1),
		"header only":     header,
	}
	for _, n := range []int{1, 4, 40, len(good) / 2, len(good) - len(header) - 1} {
		bad["cut by "+string(rune('a'+len(bad)))] = good[:len(good)-n]
	}
	for i := len(header); i < len(good); i += 61 {
		b := bytes.Clone(good)
		b[i] ^= 0x20
		bad["flipped "+string(rune('a'+len(bad)))] = b
	}
	for name, data := range bad {
		if n := reusedFrom(data); n != 0 {
			t.Errorf("%s: reused %d documents, want none", name, n)
		}
	}
}

// TestUpdateKeepsWordsWhole updates an index built with a word cache for
// an edited page (its title and body) and wants the cache to hold what a
// build afresh would leave in it: the next run takes every document from
// it and has nothing to write back, as after a dev server's edits.
func TestUpdateKeepsWordsWhole(t *testing.T) {
	site := wordSite(t)
	words := search.NewWordCache()
	x := search.NewIndex(site, search.Options{ShardBytes: 500, Words: words})
	encodedWords(t, words)
	p := site.Pages[len(site.Pages)/2]
	doc, err := markdown.New(false).Prepare([]byte("## Zebra quartz\n\nA body of new words: quiver, orchestra.\n"))
	if err != nil {
		t.Fatal(err)
	}
	p.Title, p.Doc = p.Title+" renamed", doc
	x.Update(site, []*handbook.Page{p})
	if !words.Changed() {
		t.Error("a cache whose index was updated says it did not change")
	}
	next := search.DecodeWordCache(encodedWords(t, words))
	search.Build(site, search.Options{ShardBytes: 500, Words: next})
	if reused, made := next.Stats(); made != 0 || reused != len(search.Documents(site)) {
		t.Errorf("the next run reused %d documents and tokenised %d; want all %d and none", reused, made, len(search.Documents(site)))
	}
	if next.Changed() {
		t.Error("the next run would write the cache again")
	}
}

// TestWordCacheSpills: a build given a spill keeps its entries there,
// chunk by chunk, and the cache it encodes is the bytes one kept in
// memory encodes, as is the cache of an index updated after an edit
// (which reads them back to drop the edited document's).
func TestWordCacheSpills(t *testing.T) {
	search.SmallChunks(t, 256)
	inMemory := search.NewWordCache()
	want := search.Build(wordSite(t), search.Options{ShardBytes: 500, Words: inMemory})

	s, err := markdown.NewSpill(t.TempDir())
	if err != nil || s == nil {
		t.Skipf("no spill here: %v", err)
	}
	spilled := search.NewWordCache()
	if got := search.Build(wordSite(t), search.Options{ShardBytes: 500, Words: spilled, Spill: s}); !sameFiles(got, want) {
		t.Error("a build that spills its word cache differs from one that does not")
	}
	if n := search.SpilledChunks(spilled); n < 2 {
		t.Fatalf("%d chunks spilled; the test wants several", n)
	}
	data := encodedWords(t, spilled)
	if !bytes.Equal(data, encodedWords(t, inMemory)) {
		t.Error("the word cache encoded from a spill differs from the one kept in memory")
	}
	if second := search.DecodeWordCache(data); !sameFiles(search.Build(wordSite(t), search.Options{ShardBytes: 500, Words: second}), want) {
		t.Error("a build from the spilled cache's file differs")
	}

	// An updatable index, updated after an edit, with and without.
	updated := func(spill *markdown.Spill) []byte {
		site := wordSite(t)
		words := search.NewWordCache()
		x := search.NewIndex(site, search.Options{ShardBytes: 500, Words: words, Spill: spill})
		p := site.Pages[len(site.Pages)/2]
		doc, err := markdown.New(false).Prepare([]byte("## Zebra quartz\n\nA body of new words: quiver, orchestra.\n"))
		if err != nil {
			t.Fatal(err)
		}
		p.Title, p.Doc = p.Title+" renamed", doc
		x.Update(site, []*handbook.Page{p})
		return encodedWords(t, words)
	}
	if !bytes.Equal(updated(s), updated(nil)) {
		t.Error("after an update, the word cache encoded from a spill differs from the one kept in memory")
	}
}
