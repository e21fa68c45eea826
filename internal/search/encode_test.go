package search

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

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
