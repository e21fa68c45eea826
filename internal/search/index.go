package search

import (
	"crypto/sha256"
	"hash/maphash"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/batonhq/baton/internal/handbook"
)

// Fields, best first. The client weighs them in this order.
const (
	fieldTitle = iota
	fieldHeading
	fieldMeta // summary, section, tags, roles
	fieldBody
)

// posting is what one document says about one variant. Millions are held
// at once in a big handbook: int32 halves them.
type posting struct{ doc, code, sec int32 }

// indexer collects postings document by document. Variants are interned:
// a map lookup per distinct word of a document, not per word.
type indexer struct {
	ids      map[string]int32 // variant → index
	variants []string
	postings [][]posting // by variant index, in an index that takes edits
	// packed is, in an index that does not, each variant's postings as
	// encodePostings writes them, written as they come (last is each
	// one's last document): a third of the memory, which the postings of
	// a big handbook are most of while its index is made.
	packed [][]byte
	last   []int32
	pack   bool
	tok    tokenizer
	cache  *Cache
	words  *WordCache
	vids   []int32 // the variants of the document merge last merged
	// listings are what it knows of each goroutine's tokenizer.
	listings []listing
	lang     *language
}

// newIndexer returns an indexer; with pack, one whose postings are only
// ever encoded (see packed), for an index that takes no edits.
func newIndexer(cache *Cache, lang *language, pack bool) *indexer {
	return &indexer{ids: map[string]int32{}, tok: lang.tokenizer(), cache: cache, lang: lang, pack: pack}
}

// indexed is what the indexer keeps of one document: its words, and its
// display file, each with the cache key it was found or is to be kept
// under.
type indexed struct {
	occ []occurrence
	// by is 1 + the number of the goroutine whose tokenizer listed occ
	// afresh, in its epoch: then each occurrence's seen is good (see
	// listing); 0 for words from a cache.
	by          int
	epoch       uint32
	key, docKey uint64
	wkey        wordKey // with Options.Words
	entry       []byte  // the words, as the WordCache holds them, when occ is nil
	doc         []byte
}

// prepare lists the words of document id and makes its display file,
// taking either from the cache when the document is as it was, in b's
// memory. It only reads the cache, so goroutines may prepare documents
// side by side.
//
// With keepOcc, or an in-memory Cache (which keeps them), the words are
// always listed as occurrences; otherwise words from the WordCache stay in
// its encoding, for keep to merge.
func (ix *indexer) prepare(tok *tokenizer, b *batch, id int, d Document, opts Options, keepOcc bool) indexed {
	keepOcc = keepOcc || ix.cache != nil
	var in indexed
	var found, docFound bool
	if c := ix.cache; c != nil {
		in.key = c.key(ix.lang, d)
		in.docKey = in.key ^ c.displayKey(id, d)
		in.occ, found = c.prev[in.key]
		in.doc, docFound = c.prevDoc[in.docKey]
	}
	if w := opts.Words; w != nil {
		in.wkey, tok.buf = wordKeyOf(ix.lang, d, tok.buf)
		if !found {
			if in.entry, found = w.lookup(in.wkey); found && keepOcc {
				in.occ, in.entry = w.occurrences(in.entry), nil
			}
		}
	}
	if !found {
		in.occ = b.words(tok, d)
		in.by, in.epoch = b.worker+1, tok.epoch
		if opts.Words != nil {
			opts.Words.tokenised()
		}
	}
	if !docFound {
		in.doc = b.docFile(tok, id, d, opts)
	}
	return in
}

// A batch is the documents of one chunk that a goroutine prepared. In an
// index that keeps their words and display files no longer than it takes
// to merge them (a one-off build's: no Cache, no edits, each display file
// emitted once its documents are merged), the batch holds them in memory
// of its own, which goes back to be filled again once they are merged
// (reuse): the index then allocates next to nothing per document.
// Otherwise each has memory of its own, exactly its size, as the index
// may keep it for long.
type batch struct {
	worker int // the goroutine that prepared it
	docs   []indexed
	occ    []occurrence // with reuse, the documents' words
	text   []byte       // with reuse, their display files
	reuse  bool
}

// reset empties b for another chunk.
func (b *batch) reset() {
	b.docs, b.occ, b.text = b.docs[:0], b.occ[:0], b.text[:0]
}

// words lists the words of d (tokenizer.words) for a document of b.
func (b *batch) words(tok *tokenizer, d Document) []occurrence {
	if !b.reuse {
		return slices.Clone(tok.words(d))
	}
	start := len(b.occ)
	b.occ = tok.appendWords(b.occ, d)
	return b.occ[start:len(b.occ):len(b.occ)]
}

// docFile makes the display record of a document of b.
func (b *batch) docFile(tok *tokenizer, id int, d Document, opts Options) []byte {
	if !b.reuse {
		tok.text = appendDocFile(tok.text[:0], id, d, opts)
		return slices.Clone(tok.text)
	}
	start := len(b.text)
	b.text = appendDocFile(b.text, id, d, opts)
	return b.text[start:len(b.text):len(b.text)]
}

// keep adds a prepared document's words to the postings, and both its
// words and display file to the cache for the next build.
func (ix *indexer) keep(id int, in indexed) {
	if ix.cache != nil {
		ix.cache.next[in.key] = in.occ
		ix.cache.nextDoc[in.docKey] = in.doc
	}
	if in.occ == nil && in.entry != nil {
		ix.words.mergeEntry(ix, id, in.wkey, in.entry)
		return
	}
	var from *listing
	if in.by > 0 {
		for len(ix.listings) < in.by {
			ix.listings = append(ix.listings, listing{})
		}
		from = &ix.listings[in.by-1]
		from.begin(in.epoch)
	}
	ix.merge(id, in.occ, from)
	if ix.words != nil {
		ix.words.record(in.wkey, in.occ, ix.vids)
	}
}

// merge adds one document's words to the postings, which the tokenizer
// of from, if not nil, listed. occ is in order of first sight, so nothing
// depends on map order.
func (ix *indexer) merge(id int, occ []occurrence, from *listing) {
	ix.vids = ix.vids[:0]
	for _, o := range occ {
		var v int32
		if from != nil {
			v = from.variant(ix, o)
		} else {
			v = ix.intern(o.word)
		}
		ix.add(v, o.posting(id))
		ix.vids = append(ix.vids, v)
	}
}

// A listing is what the merge knows of the tokenizer of one goroutine
// that lists words: the variant of each word it numbered, as far as the
// merge has met them, in the tokenizer's epoch. The tokenizer numbers
// the words it has seen, so that a word it listed for another document
// is found by its number, not by a lookup of the word in every variant:
// the merge, on one goroutine, costs less. The goroutine's documents come
// in the order it listed them, so an epoch once left never comes back.
type listing struct {
	epoch uint32
	vids  []int32 // by the tokenizer's number; -1 for a word not met yet
}

// begin makes ready for a document listed in epoch.
func (l *listing) begin(epoch uint32) {
	if epoch != l.epoch {
		l.epoch, l.vids = epoch, l.vids[:0]
	}
}

// variant returns o's variant.
func (l *listing) variant(ix *indexer, o occurrence) int32 {
	for int(o.seen) >= len(l.vids) {
		l.vids = append(l.vids, -1)
	}
	v := l.vids[o.seen]
	if v < 0 {
		v = ix.intern(o.word)
		l.vids[o.seen] = v
	}
	return v
}

// intern returns the index of a variant, adding it when it is new. The
// word is kept as it is: a tokenizer and the WordCache make each word a
// string of its own, never a view of a document's text or a file's bytes,
// which the index would otherwise keep whole.
func (ix *indexer) intern(w string) int32 {
	v, known := ix.ids[w]
	if !known {
		v = int32(len(ix.variants))
		ix.ids[w] = v
		ix.variants = append(ix.variants, w)
		if ix.pack {
			ix.packed = append(ix.packed, nil)
			ix.last = append(ix.last, 0)
		} else {
			ix.postings = append(ix.postings, nil)
		}
	}
	return v
}

// add adds document p.doc's posting to variant v's; documents come in
// order.
func (ix *indexer) add(v int32, p posting) {
	if !ix.pack {
		ix.postings[v] = append(ix.postings[v], p)
		return
	}
	ix.packed[v] = appendPosting(ix.packed[v], p, ix.last[v])
	ix.last[v] = p.doc
}

// appendEncoded appends variant v's postings, encoded; encodedLen is
// their length, and drop lets go of them.
func (ix *indexer) appendEncoded(b []byte, v int32) []byte {
	if ix.pack {
		return append(b, ix.packed[v]...)
	}
	return appendPostings(b, ix.postings[v])
}

func (ix *indexer) encodedLen(v int32) int {
	if ix.pack {
		return len(ix.packed[v])
	}
	return len(ix.postings[v]) * 3
}

func (ix *indexer) drop(v int32) {
	if ix.pack {
		ix.packed[v] = nil
	} else {
		ix.postings[v] = nil
	}
}

// posting is what document id says about the word: the field it counts
// most in, its frequency, and its best section.
func (o occurrence) posting(id int) posting {
	return makePosting(id, o.field, o.tf, o.sec)
}

func makePosting(id int, field int8, tf, sec int32) posting {
	return posting{doc: int32(id), code: int32(int(field) | tfBucket(int(tf))<<2), sec: sec}
}

// tfBucket compresses a term frequency into 0..7.
func tfBucket(tf int) int {
	for i, limit := range []int{0, 1, 2, 3, 5, 8, 13} {
		if tf <= limit {
			return i
		}
	}
	return 7
}

// Cache keeps each document's words and display file from one build to
// the next, keyed by a hash of everything they are made from, so a rebuild
// tokenises and encodes only the documents that changed. It is not safe for
// concurrent use; give each build.Builder its own.
type Cache struct {
	seed             maphash.Seed
	prev, next       map[uint64][]occurrence
	prevDoc, nextDoc map[uint64][]byte
}

// NewCache returns an empty Cache.
func NewCache() *Cache {
	return &Cache{seed: maphash.MakeSeed(), next: map[uint64][]occurrence{}, nextDoc: map[uint64][]byte{}}
}

// rotate keeps only what the last build used.
func (c *Cache) rotate() {
	c.prev, c.next = c.next, make(map[uint64][]occurrence, len(c.next))
	c.prevDoc, c.nextDoc = c.nextDoc, make(map[uint64][]byte, len(c.nextDoc))
}

// displayKey hashes what a display file holds beyond the indexed text.
func (c *Cache) displayKey(id int, d Document) uint64 {
	var h maphash.Hash
	h.SetSeed(c.seed)
	h.WriteString(strconv.Itoa(id))
	h.WriteByte(0)
	h.WriteString(d.URL)
	h.WriteByte(0)
	h.WriteString(d.Section)
	for _, s := range d.Sections {
		h.WriteByte(0)
		h.WriteString(s.Anchor)
	}
	return h.Sum64()
}

// key hashes what a document's words are made from: its text, and the
// language, whose stop words it leaves out.
func (c *Cache) key(lang *language, d Document) uint64 {
	var h maphash.Hash
	h.SetSeed(c.seed)
	str := func(s string) {
		h.WriteString(s)
		h.WriteByte(0)
	}
	str(lang.key())
	str(d.Title)
	for _, m := range d.Meta {
		str(m)
	}
	h.WriteByte(1)
	for _, s := range d.Sections {
		str(s.Heading)
		str(s.Text)
	}
	return h.Sum64()
}

// Index is a built index that can take edits: Update re-indexes a few
// pages and re-encodes only the shards their words route to, so the dev
// server's rebuild after one page's edit costs that page, not the site.
// Its files always equal those Build gives for the same site.
type Index struct {
	opts Options
	ix   *indexer
	// buckets is how many shards hold the terms of scripts written
	// without spaces (see group), and spaceless the bytes of their
	// entries, which decide it.
	buckets, spaceless int
	// parts are the documents that are parts of another's page, as runs
	// (see parts); Update keeps the site's roles, so they never change.
	parts [][3]int
	// occ is each document's words, to take its postings out again; with
	// Options.Words, wkeys is each document's key in the WordCache, whose
	// entries Update keeps to the documents the index holds.
	occ   [][]occurrence
	wkeys []wordKey
	// rekeyed are the keys Update's documents had, for rerecord.
	rekeyed []wordKey
	// stemmer stems variants in the site's language (language.go).
	stemmer *stemmer
	// stem is each variant's stem; variants lists every variant a stem
	// has had, sorted (some may have no postings left); groups lists the
	// stems with postings of each group (the stems that share their first
	// two characters), sorted.
	stem     []string
	variants map[string][]int32
	groups   map[string][]string
	entry    map[string][]byte   // stem → its encoded entry
	shards   map[string][]*shard // group → its shards, in key order
	packs    []*pack             // the shards' files, in key order
	docs     [][]byte            // display records, by document
	// grouped is each display file (DocsPerFile records), by group: nil
	// for one that assemble must make again.
	grouped [][]byte
	files   []File              // sorted by path
	at      map[string]int      // path → index in files
	sum     map[string][32]byte // path → hash of the file's data
	// freshPacks are the files of shards repack wrote.
	freshPacks []*pack
	script     File // the stemmer's script, if the site's language has one
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
	lang := languageOf(site.Config.Language)
	x := &Index{opts: opts, ix: newIndexer(opts.Cache, lang, !updatable), stemmer: lang.stemmer(), variants: map[string][]int32{}, groups: map[string][]string{},
		entry: map[string][]byte{}, shards: map[string][]*shard{}, docs: make([][]byte, n), sum: map[string][32]byte{},
		parts: parts(site)}
	if updatable {
		x.occ = make([][]occurrence, n)
	}
	if lang.snowball != "" {
		x.script = File{Path: stemPath(lang.snowball), Data: stemmerScript(lang.snowball)}
		x.sum[x.script.Path] = sha256.Sum256(x.script.Data)
	}
	if w := opts.Words; w != nil {
		x.ix.words = w
		w.begin(opts.Spill)
		defer func() { w.end(variantsOf(x.ix)) }()
	}
	if updatable && opts.Words != nil {
		x.wkeys = make([]wordKey, n)
	}
	// A one-off build's index keeps nothing of a document once it is
	// merged, but its postings.
	reuse := emit != nil && !updatable && opts.Cache == nil
	x.addAll(n, doc, reuse, func(id int, in indexed) {
		x.ix.keep(id, in)
		if updatable {
			x.occ[id] = in.occ
		}
		if x.wkeys != nil {
			x.wkeys[id] = in.wkey
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
		s := x.stemmer.stem(w)
		x.stem = append(x.stem, s)
		x.variants[s] = append(x.variants[s], int32(v))
	}
	for s, vs := range x.variants {
		x.sortVariants(vs)
		x.entry[s] = x.ix.encodeStem(s, vs)
		if !updatable {
			// Encoded: only an index that takes edits needs them again.
			for _, v := range vs {
				x.ix.drop(v)
			}
		}
		if spacelessStem(s) {
			x.spaceless += len(x.entry[s])
		}
	}
	x.buckets = x.bucketsFor(x.spaceless)
	for s := range x.variants {
		g := x.group(s)
		x.groups[g] = append(x.groups[g], s)
	}
	for g, stems := range x.groups {
		slices.Sort(stems)
		x.placeGroup(g, nil)
	}
	x.repack()
	x.freshPacks = nil
	if emit == nil {
		x.assemble()
	}
	return x
}

func (x *Index) sortVariants(vs []int32) {
	slices.SortFunc(vs, func(a, b int32) int { return strings.Compare(x.ix.variants[a], x.ix.variants[b]) })
}

// docChunk is how many documents one goroutine prepares at a time.
const docChunk = 32

// addAll prepares the n documents doc makes on all cores and hands each to
// keep in id order, so the index is the same bytes as one made document
// by document. Listing words and making display files is most of the
// index's time; postings are merged on one goroutine. At most a few
// chunks wait to be kept at once, so the documents' text is never all
// held together. With reuse, keep keeps nothing of a document past its
// call (see batch).
func (x *Index) addAll(n int, doc func(id int) Document, reuse bool, keep func(id int, in indexed)) {
	workers := runtime.GOMAXPROCS(0)
	chunks := (n + docChunk - 1) / docChunk
	ready := make([]chan *batch, chunks)
	for c := range ready {
		ready[c] = make(chan *batch, 1)
	}
	next := make(chan int)
	inFlight := make(chan struct{}, 4*workers)
	free := make(chan *batch, 5*workers) // merged batches, to fill again
	go func() {
		for c := range chunks {
			inFlight <- struct{}{}
			next <- c
		}
		close(next)
	}()
	for w := range min(workers, chunks) {
		go func() {
			tok := x.ix.lang.tokenizer()
			for c := range next {
				var b *batch
				select {
				case b = <-free:
					b.reset()
				default:
					b = &batch{reuse: reuse}
				}
				b.worker = w
				for id := c * docChunk; id < min((c+1)*docChunk, n); id++ {
					b.docs = append(b.docs, x.ix.prepare(&tok, b, id, doc(id), x.opts, x.occ != nil))
				}
				ready[c] <- b
			}
		}()
	}
	for c := range chunks {
		b := <-ready[c]
		for i, in := range b.docs {
			keep(c*docChunk+i, in)
		}
		if reuse {
			clear(b.docs) // a batch waiting to be filled holds no WordCache entry
			select {
			case free <- b:
			default:
			}
		}
		<-inFlight
	}
}

// Files returns the index's files, sorted by path. They share their bytes
// with the index, which replaces (never changes) a file's bytes on Update.
func (x *Index) Files() []File { return slices.Clone(x.files) }
