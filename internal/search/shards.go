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

// placeGroup lays out the shards of group g afresh. A shard with the same
// stems as before, none of them in dirty, keeps its bytes: it stays the
// same *shard, which tells repack its file need not change.
func (x *Index) placeGroup(g string, dirty map[string]bool) {
	old := map[string]*shard{}
	for _, s := range x.shards[g] {
		old[s.key] = s
	}
	stems := x.groups[g]
	if len(stems) == 0 {
		delete(x.groups, g)
		delete(x.shards, g)
		return
	}
	entries := make([]stemEntry, len(stems))
	for i, s := range stems {
		entries[i] = stemEntry{stem: s, json: x.entry[s]}
	}
	var out []*shard
	for _, s := range place(g, entries, x.opts.ShardBytes) {
		if o := old[s.key]; o != nil && !slices.ContainsFunc(s.entries, func(e stemEntry) bool { return dirty[e.stem] }) &&
			slices.EqualFunc(o.entries, s.entries, func(a, b stemEntry) bool { return a.stem == b.stem }) {
			out = append(out, o)
			continue
		}
		s.encode()
		out = append(out, &s)
	}
	x.shards[g] = out
}

// A pack is one file of shards: a shard of Options.PackBytes or more
// alone, or a run of smaller ones, adjacent in key order. Most shards of a
// big handbook are rare words' and small: one file each made thousands of
// files, each costing the build its system calls and a static host a file
// (issue #19). The file is its shards' calls one after another, named
// after its first key; index.js says which file holds each key.
type pack struct {
	shards []*shard
	data   []byte
}

func (p *pack) key() string  { return p.shards[0].key }
func (p *pack) path() string { return shardPath(p.key()) }

// encode writes the pack's file; a pack of one shard shares its bytes.
func (p *pack) encode() {
	if len(p.shards) == 1 {
		p.data = p.shards[0].data
		return
	}
	n := 0
	for _, s := range p.shards {
		n += len(s.data)
	}
	p.data = make([]byte, 0, n)
	for _, s := range p.shards {
		p.data = append(p.data, s.data...)
	}
}

// layout groups shards, in key order, into the runs that share a file: a
// shard of floor bytes or more is alone, smaller ones gather until their
// file reaches floor. A run also ends at a big shard, so a small shard
// that grows or shrinks moves the runs after it only up to the next big
// one.
func layout(shards []*shard, floor int) [][]*shard {
	var out [][]*shard
	var run []*shard
	size := 0
	end := func() {
		if len(run) > 0 {
			out = append(out, run)
		}
		run, size = nil, 0
	}
	for _, s := range shards {
		if len(s.data) >= floor {
			end()
			out = append(out, []*shard{s})
			continue
		}
		run = append(run, s)
		if size += len(s.data); size >= floor {
			end()
		}
	}
	end()
	return out
}

// repack lays the shards out in files afresh (layout), keeping the bytes
// of a file that holds the same shards as before, and lists in freshPacks
// those it wrote. It reports whether the set of files changed.
func (x *Index) repack() (reshaped bool) {
	old := make(map[string]*pack, len(x.packs))
	for _, p := range x.packs {
		old[p.key()] = p
	}
	packs := make([]*pack, 0, len(x.packs))
	x.freshPacks = x.freshPacks[:0]
	for _, run := range layout(x.keyedShards(), x.opts.PackBytes) {
		o, had := old[run[0].key]
		delete(old, run[0].key)
		if had && slices.Equal(o.shards, run) {
			packs = append(packs, o)
			continue
		}
		p := &pack{shards: run}
		p.encode()
		x.sum[p.path()] = sha256.Sum256(p.data)
		packs = append(packs, p)
		x.freshPacks = append(x.freshPacks, p)
		reshaped = reshaped || !had
	}
	for _, p := range old { // files that are no more
		delete(x.sum, p.path())
		reshaped = true
	}
	x.packs = packs
	return reshaped
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

// rebucket places the terms of scripts without spaces in n buckets.
func (x *Index) rebucket(n int) {
	if n == x.buckets {
		return
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
