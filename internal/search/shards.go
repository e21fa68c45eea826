package search

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
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
