package search

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/batonhq/baton/internal/handbook"
)

// What the tests of package search_test use and the build does not.

// Documents lists what the index holds, in a fixed order: pages by URL,
// then roles, responsibilities and reading paths.
func Documents(site *handbook.Site) []Document {
	n, doc := documents(site)
	docs := make([]Document, n)
	for id := range n {
		docs[id] = doc(id)
	}
	return docs
}

// Route returns the key of the shard that holds stem, given the set of
// split prefixes: the stem's first two characters, lengthened while that
// prefix was split and the stem is longer.
func Route(stem string, split map[string]bool, buckets int) string {
	if r, _ := utf8.DecodeRuneInString(stem); isSpaceless(r) {
		return bucketMark + strconv.FormatInt(int64(r)%int64(buckets), 16)
	}
	n := keyRunes
	k := prefix(stem, n)
	for split[k] && utf8.RuneCountInString(stem) > n {
		n++
		k = prefix(stem, n)
	}
	return k
}

// SplitPrefixes derives the split prefixes from the shard keys: every
// proper prefix, two characters or longer, of a key.
func SplitPrefixes(keys []string) map[string]bool {
	split := map[string]bool{}
	for _, k := range keys {
		for n := utf8.RuneCountInString(k) - 1; n >= keyRunes; n-- {
			split[prefix(k, n)] = true
		}
	}
	return split
}

func encodePostings(ps []posting) string { return string(appendPostings(nil, ps)) }

// decodePostings reverses encodePostings; tests use it.
func decodePostings(s string) []posting {
	var vals []int
	v, shift := 0, 0
	for i := 0; i < len(s); i++ {
		c := strings.IndexByte(digits, s[i])
		v |= (c & 31) << shift
		if c&32 != 0 {
			shift += 5
			continue
		}
		vals = append(vals, v)
		v, shift = 0, 0
	}
	var out []posting
	doc := 0
	for i := 0; i+2 < len(vals); i += 3 {
		doc += vals[i]
		out = append(out, posting{doc: int32(doc), code: int32(vals[i+1]), sec: int32(vals[i+2])})
	}
	return out
}

// Token is a word of indexed text, lower-cased.
type Token struct {
	Word string
	// Whole marks the joined form of a compound ("decisionmaking" for
	// "decision-making", "camelcase" for "camelCase"); it is indexed but a
	// query never produces one.
	Whole bool
}

// Tokenize splits text into words: runs of letters and digits, with
// hyphens, underscores and camelCase humps splitting a compound into its
// parts (and the parts joined into one more token), apostrophes kept
// inside a word ("don't") and dropped at its edges. Words shorter than two
// or longer than forty characters are left out.
func Tokenize(text string) []Token {
	var out []Token
	var s scanner
	s.tokenize(text, func(w []byte, whole bool) { out = append(out, Token{Word: string(w), Whole: whole}) })
	return out
}

// QueryWords splits a query the way Tokenize splits text, without the
// joined forms of compounds.
func QueryWords(q string) []string {
	var out []string
	var s scanner
	s.tokenize(q, func(w []byte, whole bool) {
		if !whole {
			out = append(out, string(w))
		}
	})
	return out
}

// American is the American spelling the index folds a word to before
// stemming it.
func American(word string) string { return american(word) }

// StemmerFor returns the stemmer of a site in language tag, as the index
// uses it.
func StemmerFor(tag string) func(string) string { return languageOf(tag).stemmer().stem }

// StemmerScript is the script a site in a Snowball language loads.
func StemmerScript(name string) []byte { return stemmerScript(name) }

// Lister returns a function that lists a document's words as the index
// of a site in language tag does, and returns how many it found.
func Lister(tag string) func(Document) int {
	tok := languageOf(tag).tokenizer()
	return func(d Document) int { return len(tok.words(d)) }
}

// SmallChunks has word caches keep their entries in chunks of n bytes
// until the test ends.
func SmallChunks(t *testing.T, n int) {
	old := entryChunk
	entryChunk = n
	t.Cleanup(func() { entryChunk = old })
}

// SpilledChunks is how many chunks of entries c keeps in a spill.
func SpilledChunks(c *WordCache) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.spilled)
}
