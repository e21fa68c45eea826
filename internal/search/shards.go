package search

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// stemEntry is one stem with its variants, encoded.
type stemEntry struct {
	stem string
	json []byte // ["stem",["variant","postings",...]]
}

type shard struct {
	key     string
	entries []stemEntry
	data    []byte
}

// place lays out the shards of one group (the stems that share their
// first two characters, sorted), splitting it while a shard is over budget.
// The shards come without their bytes (see encode).
func place(group string, entries []stemEntry, budget int) []shard {
	if strings.HasPrefix(group, bucketMark) {
		// A bucket of terms without spaces: one shard, found by its
		// number, never split (its terms share no prefix to split by).
		return []shard{{key: group, entries: entries}}
	}
	var out []shard
	var placeKey func(key string, entries []stemEntry)
	placeKey = func(key string, entries []stemEntry) {
		// The file's size: the call around the entries, and the entries
		// with the separators between them.
		size := len("batonSearch.shard(,[\n\n]);\n") + len(jsonString(key))
		longer := false
		n := utf8.RuneCountInString(key)
		for _, e := range entries {
			size += len(e.json) + 2
			if utf8.RuneCountInString(e.stem) > n {
				longer = true
			}
		}
		// One stem never splits: it would only move, under a longer key.
		if size <= budget || !longer || len(entries) == 1 {
			out = append(out, shard{key: key, entries: entries})
			return
		}
		var stay []stemEntry
		groups := map[string][]stemEntry{}
		var keys []string
		for _, e := range entries {
			k := prefix(e.stem, n+1)
			if k == key {
				stay = append(stay, e)
				continue
			}
			if _, ok := groups[k]; !ok {
				keys = append(keys, k)
			}
			groups[k] = append(groups[k], e)
		}
		if len(stay) > 0 {
			out = append(out, shard{key: key, entries: stay})
		}
		for _, k := range keys { // in stem order, since entries are sorted
			placeKey(k, groups[k])
		}
	}
	placeKey(group, entries)
	return out
}

// placeGroup lays out the shards of group g afresh, and reports whether
// their keys changed. A shard with the same stems as before, none of them
// in dirty, keeps its bytes.
func (x *Index) placeGroup(g string, dirty map[string]bool) bool {
	old := map[string]*shard{}
	var oldKeys []string
	for _, s := range x.shards[g] {
		old[s.key] = s
		oldKeys = append(oldKeys, s.key)
	}
	var out []*shard
	if stems := x.groups[g]; len(stems) > 0 {
		entries := make([]stemEntry, len(stems))
		for i, s := range stems {
			entries[i] = stemEntry{stem: s, json: x.entry[s]}
		}
		for _, s := range place(g, entries, x.opts.ShardBytes) {
			if o := old[s.key]; o != nil && !slices.ContainsFunc(s.entries, func(e stemEntry) bool { return dirty[e.stem] }) &&
				slices.EqualFunc(o.entries, s.entries, func(a, b stemEntry) bool { return a.stem == b.stem }) {
				out = append(out, o)
				delete(old, s.key)
				continue
			}
			s.encode()
			out = append(out, &s)
			x.sum[shardPath(s.key)] = sha256.Sum256(s.data)
			x.fresh = append(x.fresh, &s)
			delete(old, s.key)
		}
		x.shards[g] = out
	} else {
		delete(x.groups, g)
		delete(x.shards, g)
	}
	for key := range old { // shards that are no more
		delete(x.sum, shardPath(key))
	}
	return !slices.EqualFunc(oldKeys, out, func(k string, s *shard) bool { return k == s.key })
}

// keyedShards lists every shard in key order.
func (x *Index) keyedShards() []*shard {
	var keyed []*shard
	for _, g := range x.shards {
		keyed = append(keyed, g...)
	}
	slices.SortFunc(keyed, func(a, b *shard) int { return strings.Compare(a.key, b.key) })
	return keyed
}

// keyRunes is how many characters of a stem name its shard before any
// split: a group is the stems that share their first keyRunes characters.
const keyRunes = 2

// bucketMark starts the key of a bucket: the shard that holds the terms
// (pairs of characters) of scripts written without spaces whose first
// character's code point is the bucket's number, modulo Index.buckets.
// Grouped by prefix like words, they made a shard for every pair: tens of
// thousands of files for a Japanese handbook.
const bucketMark = "~"

// maxBuckets bounds the buckets: an index of a handbook in Chinese or
// Japanese holds about one shard of them per ShardBytes of entries, up to
// this many.
const maxBuckets = 4096

// spacelessStem reports whether stem is a term of a script written
// without spaces, placed by bucket.
func spacelessStem(stem string) bool {
	r, _ := utf8.DecodeRuneInString(stem)
	return isSpaceless(r)
}

// bucketsFor is how many buckets hold spaceless bytes of entries: about
// one shard's budget each.
func (x *Index) bucketsFor(spaceless int) int {
	return min(maxBuckets, max(1, (spaceless+x.opts.ShardBytes-1)/x.opts.ShardBytes))
}

// rebucket places the terms of scripts without spaces in n buckets, and
// reports whether that changed them.
func (x *Index) rebucket(n int) bool {
	if n == x.buckets {
		return false
	}
	var stems []string
	for g, gs := range x.groups {
		if strings.HasPrefix(g, bucketMark) {
			stems = append(stems, gs...)
			x.groups[g] = nil
			x.placeGroup(g, nil) // no stems: the group and its shard go
		}
	}
	x.buckets = n
	for _, s := range stems {
		g := x.group(s)
		x.groups[g] = append(x.groups[g], s)
	}
	for g, gs := range x.groups {
		if strings.HasPrefix(g, bucketMark) {
			slices.Sort(gs)
			x.placeGroup(g, nil)
		}
	}
	return true
}

// group is the group a stem is placed in: its first keyRunes characters,
// or for a term of a script without spaces, its bucket.
func (x *Index) group(stem string) string {
	if spacelessStem(stem) {
		r, _ := utf8.DecodeRuneInString(stem)
		return bucketMark + strconv.FormatInt(int64(r)%int64(x.buckets), 16)
	}
	return prefix(stem, keyRunes)
}

// prefix is the first n runes of s.
func prefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// ShardFile names the file of a shard key: the key itself when it is
// lower-case ASCII letters and digits, else "_" and its UTF-8 in hex.
func ShardFile(key string) string {
	for i := 0; i < len(key); i++ {
		c := key[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return "_" + hex.EncodeToString([]byte(key))
		}
	}
	return key
}

func shardPath(key string) string { return Dir + "/s/" + ShardFile(key) + ".js" }
