package search

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/batonhq/baton/internal/handbook"
)

// Index is a built index that can take edits: Update re-indexes a few
// pages and re-encodes only the shards their words route to, so the dev
// server's rebuild after one page's edit costs that page, not the site.
// Its files always equal those Build gives for the same site.
type Index struct {
	opts Options
	ix   *indexer
	// occ is each document's words, to take its postings out again.
	occ [][]occurrence
	// stem is each variant's stem; variants lists every variant a stem
	// has had, sorted (some may have no postings left); groups lists the
	// stems with postings of each group (the stems that share their first
	// two characters), sorted.
	stem     []string
	variants map[string][]int32
	groups   map[string][]string
	entry    map[string][]byte   // stem → its encoded entry
	shards   map[string][]*shard // group → its shards, in key order
	docs     [][]byte            // display records, by document
	// grouped is each display file (DocsPerFile records), by group: nil
	// for one that assemble must make again.
	grouped [][]byte
	files   []File              // sorted by path
	at      map[string]int      // path → index in files
	sum     map[string][32]byte // path → hash of the file's data
	fresh   []*shard            // the shards placeGroup encoded anew
}

const metaPath = Dir + "/index.js"

// NewIndex indexes every document of site.
func NewIndex(site *handbook.Site, opts Options) *Index {
	return newIndex(site, opts, true, nil)
}

// Stream makes the index files of site, as Build does, and hands each to
// emit as soon as it is made: a display file once its documents are
// indexed, then the shards, then index.js. It keeps no display file after
// emitting it, so a one-off build never holds them all (80 MB at 10,000
// pages). It stops at the first error emit returns, and returns it.
func Stream(site *handbook.Site, opts Options, emit func(File) error) error {
	var err error
	x := newIndex(site, opts, false, func(f File) {
		if err == nil {
			err = emit(f)
		}
	})
	if err != nil {
		return err
	}
	shards := x.keyedShards()
	for _, s := range shards {
		if err := emit(File{Path: shardPath(s.key), Data: s.data}); err != nil {
			return err
		}
	}
	return emit(File{Path: metaPath, Data: metaFile(len(x.docs), shards, x.version(slices.Sorted(maps.Keys(x.sum))))})
}

// newIndex indexes every document of site; with updatable, it keeps what
// Update needs (every document's words). With emit, each display file goes
// to emit once its documents are indexed, and the index keeps only what
// the shards need: Files is then empty.
func newIndex(site *handbook.Site, opts Options, updatable bool, emit func(File)) *Index {
	opts = opts.withDefaults()
	n, doc := documents(site)
	if opts.Cache != nil {
		opts.Cache.rotate()
	}
	x := &Index{opts: opts, ix: newIndexer(opts.Cache), variants: map[string][]int32{}, groups: map[string][]string{},
		entry: map[string][]byte{}, shards: map[string][]*shard{}, docs: make([][]byte, n), sum: map[string][32]byte{}}
	if updatable {
		x.occ = make([][]occurrence, n)
	}
	if w := opts.Words; w != nil {
		x.ix.words = w
		w.begin()
		defer func() { w.end(variantsOf(x.ix)) }()
	}
	x.addAll(n, doc, func(id int, in indexed) {
		x.ix.keep(id, in)
		if updatable {
			x.occ[id] = in.occ
		}
		x.setDoc(id, in.doc)
		if emit != nil && (id%DocsPerFile == DocsPerFile-1 || id == n-1) {
			p, data := x.docFile(id)
			emit(File{Path: p, Data: data})
			clear(x.docs[id-id%DocsPerFile : id+1])
			x.grouped[id/DocsPerFile] = nil
		}
	})
	for v, w := range x.ix.variants {
		s := Stem(w)
		x.stem = append(x.stem, s)
		x.variants[s] = append(x.variants[s], int32(v))
	}
	for s, vs := range x.variants {
		x.sortVariants(vs)
		x.entry[s] = x.ix.encodeStem(s, vs)
		g := prefix(s, 2)
		x.groups[g] = append(x.groups[g], s)
	}
	for g, stems := range x.groups {
		slices.Sort(stems)
		x.placeGroup(g, nil)
	}
	x.fresh = nil
	if emit == nil {
		x.assemble()
	}
	return x
}

func (x *Index) sortVariants(vs []int32) {
	slices.SortFunc(vs, func(a, b int32) int { return strings.Compare(x.ix.variants[a], x.ix.variants[b]) })
}

// DocsPerFile is how many documents' display records share a file: d/N.js
// holds documents 4N to 4N+3. One file per document would double the
// files of a big handbook's output (slow to create on many disks, and to
// upload); four keep a first query's download well under 300 KB
// (BenchmarkIndex10k).
const DocsPerFile = 4

// docPath is the display file that holds document id.
func docPath(id int) string { return Dir + "/d/" + strconv.Itoa(id/DocsPerFile) + ".js" }

// docGroup is the display file that holds document id: the records of
// its group, in order.
func (x *Index) docGroup(id int) []byte {
	first := id - id%DocsPerFile
	last := min(first+DocsPerFile, len(x.docs))
	n := 0
	for i := first; i < last; i++ {
		n += len(x.docs[i])
	}
	out := make([]byte, 0, n)
	for i := first; i < last; i++ {
		out = append(out, x.docs[i]...)
	}
	return out
}

func shardPath(key string) string { return Dir + "/s/" + ShardFile(key) + ".js" }

func (x *Index) setDoc(id int, data []byte) {
	x.docs[id] = data
	if g := id / DocsPerFile; g < len(x.grouped) {
		x.grouped[g] = nil
	}
}

// docFile returns the display file of document id's group, made once
// after each change to one of its records.
func (x *Index) docFile(id int) (path string, data []byte) {
	path, g := docPath(id), id/DocsPerFile
	if x.grouped == nil {
		x.grouped = make([][]byte, (len(x.docs)+DocsPerFile-1)/DocsPerFile)
	}
	if x.grouped[g] == nil {
		x.grouped[g] = x.docGroup(id)
		x.sum[path] = sha256.Sum256(x.grouped[g])
	}
	return path, x.grouped[g]
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

// assemble lists every file, sorted by path.
func (x *Index) assemble() {
	x.files = x.files[:0]
	for _, g := range x.shards {
		for _, s := range g {
			x.files = append(x.files, File{Path: shardPath(s.key), Data: s.data})
		}
	}
	for id := 0; id < len(x.docs); id += DocsPerFile {
		p, data := x.docFile(id)
		x.files = append(x.files, File{Path: p, Data: data})
	}
	x.files = append(x.files, File{Path: metaPath})
	slices.SortFunc(x.files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	x.at = make(map[string]int, len(x.files))
	for i, f := range x.files {
		x.at[f.Path] = i
	}
	x.meta()
}

// meta writes index.js: the document count, every shard's size, and a
// version made from every other file's hash, so it changes with any.
func (x *Index) meta() {
	paths := make([]string, 0, len(x.files)-1)
	for _, f := range x.files { // sorted by path
		if f.Path != metaPath {
			paths = append(paths, f.Path)
		}
	}
	x.files[x.at[metaPath]].Data = metaFile(len(x.docs), x.keyedShards(), x.version(paths))
}

// version is a hash of the path and hash of every file but index.js,
// listed in paths in path order: x.sum holds the hashes.
func (x *Index) version(paths []string) string {
	h := sha256.New()
	for _, p := range paths {
		sum := x.sum[p]
		h.Write([]byte(p))
		h.Write([]byte{0})
		h.Write(sum[:])
	}
	return hex.EncodeToString(h.Sum(nil)[:6])
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

// Files returns the index's files, sorted by path. They share their bytes
// with the index, which replaces (never changes) a file's bytes on Update.
func (x *Index) Files() []File { return slices.Clone(x.files) }

// Update re-indexes the given pages of site, which must be the site the
// index was built from with only these pages' text changed: the same
// documents in the same order, with the same titles, summaries, sections,
// tags and roles. It returns the files whose bytes changed; or, when the
// set of files changed too (a shard split differently), reshaped and no
// list, and Files has them all.
func (x *Index) Update(site *handbook.Site, pages []*handbook.Page) (changed []File, reshaped bool) {
	ids := make([]int, len(pages))
	for i, p := range pages {
		id, ok := slices.BinarySearchFunc(site.Pages, p.URL, func(q *handbook.Page, u string) int { return strings.Compare(q.URL, u) })
		if !ok || id >= len(x.docs) {
			panic("search: Update of a page that is not in the index")
		}
		ids[i] = id
	}
	byDoc := func(p posting, id int) int { return int(p.doc) - id }
	dirty := map[string]bool{} // stems
	for i, p := range pages {
		id := ids[i]
		d := pageDocument(p)
		occ := slices.Clone(x.ix.tok.words(d))
		// Only the words whose posting for this document changed (new,
		// gone, or in another field, frequency or section) change shards.
		was := make(map[string]posting, len(x.occ[id]))
		for _, o := range x.occ[id] {
			was[o.word] = o.posting(id)
		}
		for _, o := range occ {
			np := o.posting(id)
			op, had := was[o.word]
			delete(was, o.word)
			if had && op == np {
				continue
			}
			v := x.ix.intern(o.word)
			if int(v) == len(x.stem) {
				s := Stem(o.word)
				x.stem = append(x.stem, s)
				x.variants[s] = append(x.variants[s], v)
				x.sortVariants(x.variants[s])
			}
			ps := x.ix.postings[v]
			j, found := slices.BinarySearchFunc(ps, id, byDoc)
			if found {
				ps[j] = np
			} else {
				x.ix.postings[v] = slices.Insert(ps, j, np)
			}
			dirty[x.stem[v]] = true
		}
		for w := range was { // words the document no longer has
			v := x.ix.ids[w]
			if j, ok := slices.BinarySearchFunc(x.ix.postings[v], id, byDoc); ok {
				x.ix.postings[v] = slices.Delete(x.ix.postings[v], j, j+1)
			}
			dirty[x.stem[v]] = true
		}
		x.occ[id] = occ
		x.setDoc(id, docFile(id, d, x.opts))
	}
	groups := map[string]bool{}
	for s := range dirty {
		var live []int32
		for _, v := range x.variants[s] {
			if len(x.ix.postings[v]) > 0 {
				live = append(live, v)
			}
		}
		g := prefix(s, 2)
		stems := x.groups[g]
		i, had := slices.BinarySearch(stems, s)
		switch {
		case len(live) == 0 && had:
			x.groups[g] = slices.Delete(stems, i, i+1)
			delete(x.entry, s)
		case len(live) > 0:
			if !had {
				x.groups[g] = slices.Insert(stems, i, s)
			}
			x.entry[s] = x.ix.encodeStem(s, live)
		}
		groups[g] = true
	}
	moved := false
	x.fresh = x.fresh[:0]
	for g := range groups {
		if x.placeGroup(g, dirty) {
			moved = true
		}
	}
	if moved {
		x.assemble()
		return nil, true
	}
	// The same files: replace the bytes of those that changed.
	set := func(p string, data []byte) {
		i := x.at[p]
		x.files[i].Data = data
		changed = append(changed, x.files[i])
	}
	for _, id := range ids {
		if p := docPath(id); !slices.ContainsFunc(changed, func(f File) bool { return f.Path == p }) {
			set(x.docFile(id))
		}
	}
	for _, s := range x.fresh {
		set(shardPath(s.key), s.data)
	}
	x.meta()
	changed = append(changed, x.files[x.at[metaPath]])
	return changed, false
}
