package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/handbook"
	"github.com/google/go-cmp/cmp"
)

func TestPostingsRoundTrip(t *testing.T) {
	ps := []posting{{0, 0, 0}, {1, 31, 1}, {33, 5, 32}, {1 << 20, 30, 1025}, {1<<20 + 1, 3, 0}}
	s := encodePostings(ps)
	if strings.ContainsAny(s, `"\'<>`) {
		t.Errorf("encoded postings %q need escaping", s)
	}
	if diff := cmp.Diff(ps, decodePostings(s), cmp.AllowUnexported(posting{})); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	// Small numbers take one character each: a common word costs three
	// bytes a page.
	if got := encodePostings([]posting{{1, 7, 3}, {2, 7, 3}}); len(got) != 6 {
		t.Errorf("two small postings take %d characters, want 6", len(got))
	}
}

func TestTFBucket(t *testing.T) {
	prev := -1
	for tf := range 100 {
		b := tfBucket(tf)
		if b < prev || b > 7 {
			t.Fatalf("tfBucket(%d) = %d after %d", tf, b, prev)
		}
		prev = b
	}
	if tfBucket(0) != 0 || tfBucket(1) != 1 || tfBucket(1000) != 7 {
		t.Errorf("tfBucket ends wrong")
	}
}

func TestShardsSplitByPrefix(t *testing.T) {
	// 200 stems under "co", a few under "ca", one that is exactly "co".
	var docs []Document
	for i := range 200 {
		docs = append(docs, Document{Title: fmt.Sprintf("co%c%cx", 'a'+i%20, 'a'+i/20)})
	}
	docs = append(docs, Document{Title: "co cab"})
	ix := newIndexer(nil, languageOf("en"), false)
	for i, d := range docs {
		ix.keep(i, ix.prepare(&ix.tok, &batch{}, i, d, Options{}.withDefaults(), false))
	}
	byStem := map[string][]int32{}
	for v, w := range ix.variants {
		byStem[Stem(w)] = append(byStem[Stem(w)], int32(v))
	}
	groups := map[string][]stemEntry{}
	for s, vs := range byStem {
		groups[prefix(s, 2)] = append(groups[prefix(s, 2)], stemEntry{stem: s, json: ix.encodeStem(s, vs)})
	}
	var shards []shard
	stems := map[string][]string{} // shard key → its stems
	for g, entries := range groups {
		slices.SortFunc(entries, func(a, b stemEntry) int { return strings.Compare(a.stem, b.stem) })
		for _, s := range place(g, entries, 1000) {
			s.encode()
			shards = append(shards, s)
			for _, e := range entries {
				if bytes.Contains(s.data, e.json) {
					stems[s.key] = append(stems[s.key], e.stem)
				}
			}
		}
	}
	var keys []string
	for _, s := range shards {
		keys = append(keys, s.key)
		if len(s.data) > 1000 && len(s.key) < 4 {
			t.Errorf("shard %q is %d bytes", s.key, len(s.data))
		}
	}
	split := SplitPrefixes(keys)
	if !split["co"] || split["ca"] {
		t.Errorf("split prefixes %v: want co split, ca not", split)
	}
	for _, stem := range []string{"co", "cab", "coaax", "cotjx"} {
		k := Route(stem, split, 1)
		found := false
		found = slices.Contains(stems[k], stem)
		if !found {
			t.Errorf("stem %q routes to %q, which does not hold it (keys %q)", stem, k, keys)
		}
	}
}

// jsonPieces add to tokenPieces what JSON escapes.
var jsonPieces = []string{`"`, `\`, "<", ">", "&", "\x01", "\x1f", "\x7f", "\b", "\f", "\r", "\u2028", "\u2029", "\u2027", "\u202a", "\xed\xa0\x80", "\xf4\x90\x80\x80"}

func randomJSONText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		if rng.IntN(3) == 0 {
			b.WriteString(jsonPieces[rng.IntN(len(jsonPieces))])
		} else {
			b.WriteString(tokenPieces[rng.IntN(len(tokenPieces))])
		}
	}
	return b.String()
}

// TestJSONString wants appendJSONString to write what encoding/json
// writes for a string, on every kind of character it escapes and random
// texts of them.
func TestJSONString(t *testing.T) {
	texts := append([]string{""}, jsonPieces...)
	texts = append(texts, tokenPieces...)
	rng := rand.New(rand.NewPCG(11, 19))
	for range 5000 {
		texts = append(texts, randomJSONText(rng, 1+rng.IntN(10)))
	}
	for _, s := range texts {
		want, _ := json.Marshal(s)
		if got := appendJSONString([]byte("x"), s); string(got) != "x"+string(want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got[1:], want)
		}
	}
}

// FuzzJSONString holds appendJSONString to encoding/json on any text.
func FuzzJSONString(f *testing.F) {
	for _, s := range jsonPieces {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if want, _ := json.Marshal(s); string(appendJSONString(nil, s)) != string(want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, appendJSONString(nil, s), want)
		}
	})
}

// referenceDocFile is the display record as encoding/json writes it.
func referenceDocFile(id int, d Document, opts Options) []byte {
	type out struct {
		URL      string      `json:"url"`
		Title    string      `json:"title"`
		Section  string      `json:"section,omitempty"`
		Sections [][3]string `json:"sections"`
	}
	o := out{URL: d.URL, Title: d.Title, Section: d.Section}
	left := opts.DocChars
	for _, s := range d.Sections {
		text := handbook.Shorten(s.Text, min(opts.SectionChars, max(left, 0)))
		left -= len(text)
		o.Sections = append(o.Sections, [3]string{s.Anchor, s.Heading, text})
	}
	data, _ := json.Marshal(o)
	return fmt.Appendf(nil, "batonSearch.doc(%d,%s);\n", id, data)
}

// TestDocFile wants each display record as encoding/json writes it, for
// random documents: with and without a section, with no sections to
// many, and texts long enough to be shortened.
func TestDocFile(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 2))
	opts := Options{SectionChars: 60, DocChars: 150}
	for id := range 3000 {
		d := Document{URL: randomJSONText(rng, 3), Title: randomJSONText(rng, 4)}
		if rng.IntN(2) == 0 {
			d.Section = randomJSONText(rng, 2)
		}
		for range rng.IntN(5) {
			d.Sections = append(d.Sections, DocSection{Anchor: randomJSONText(rng, 1), Heading: randomJSONText(rng, 3), Text: randomJSONText(rng, rng.IntN(40))})
		}
		if got, want := docFile(id, d, opts), referenceDocFile(id, d, opts); !bytes.Equal(got, want) {
			t.Errorf("docFile(%d, %+v):\n%s\nwant\n%s", id, d, got, want)
		}
	}
}
