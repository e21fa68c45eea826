package search

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/batonhq/baton/internal/buildid"
	"github.com/batonhq/baton/internal/cachefile"
	"github.com/batonhq/baton/internal/markdown"
)

// wordsFormat names the encoding of a WordCache. The header also names
// the program that wrote it (buildid), so a change to the tokenizer or the
// stop words never reads words listed the old way.
const wordsFormat = "baton search words 1"

// A WordCache keeps each document's words, as the index lists them, from
// one run of baton to the next, keyed by the SHA-256 of the text they come
// from, so that a build tokenises only the documents that changed since the
// last one: listing words is most of the search index's time. Encode and
// DecodeWordCache carry it between runs; a file another program wrote, cut
// short or damaged gives an empty cache, never wrong words.
//
// An index build looks documents up from several goroutines and records
// them from one; two index builds must not use one WordCache at once.
type WordCache struct {
	ready chan struct{}      // closed when what LoadWordCache reads is decoded
	old   map[wordKey][]byte // entries decoded from the last run; read only
	vocab []string           // the words old's entries number

	mu   sync.Mutex
	next [][]byte // this run's entries, in document order, in chunks: what Encode writes
	// spill, when set (begin), takes each full chunk of next out of
	// memory; spilled is where they went, in order, before next's.
	spill   *markdown.Spill
	spilled []span
	words   []string // the words next's entries number: the index's variants
	n       int      // entries in next
	body    []byte   // record's scratch
	remap   []int32  // the index's number for each of the file's words, or -1
	savedN  int      // entries in the file, as decoded or last encoded

	dirty      atomic.Bool // a document was tokenised since
	hits, made atomic.Int64
}

type wordKey [sha256.Size]byte

// A span is where a chunk of entries is in a spill.
type span struct {
	off int64
	n   int
}

// NewWordCache returns an empty cache.
func NewWordCache() *WordCache { return &WordCache{old: map[wordKey][]byte{}, savedN: -1} }

// wordKeyOf hashes what a document's words are made from (see words):
// its text and the language, whose stop words it leaves out. It uses buf,
// which it returns grown, for the bytes.
func wordKeyOf(lang *language, d Document, buf []byte) (wordKey, []byte) {
	b := buf[:0]
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	str(lang.key())
	str(d.Title)
	b = binary.AppendUvarint(b, uint64(len(d.Meta)))
	for _, m := range d.Meta {
		str(m)
	}
	for _, s := range d.Sections {
		str(s.Heading)
		str(s.Text)
	}
	return sha256.Sum256(b), b
}

// lookup returns the entry cached for k, checked. Safe for concurrent use
// during an index build.
func (c *WordCache) lookup(k wordKey) ([]byte, bool) {
	e, ok := c.old[k]
	if !ok || !c.walk(e, nil) {
		return nil, false
	}
	c.hits.Add(1)
	return e, true
}

// walk calls f, unless nil, with each word of entry e: its number in the
// file's words, field, frequency and section. It reports whether e is well
// formed; lookup walks every entry it gives without f, so a cut or damaged
// entry is a miss, never wrong words.
func (c *WordCache) walk(e []byte, f func(v uint64, field int8, tf, sec uint64)) bool {
	n, w := binary.Uvarint(e)
	if w <= 0 || n > uint64(len(e)) {
		return false
	}
	e = e[w:]
	for range n {
		v, w := binary.Uvarint(e)
		if w <= 0 || v >= uint64(len(c.vocab)) || len(e) < w+1 {
			return false
		}
		field := int8(e[w])
		e = e[w+1:]
		tf, w := binary.Uvarint(e)
		if w <= 0 || tf > math.MaxInt32 {
			return false
		}
		e = e[w:]
		sec, w := binary.Uvarint(e)
		if w <= 0 || sec > math.MaxInt32 || field < fieldTitle || field > fieldBody {
			return false
		}
		e = e[w:]
		if f != nil {
			f(v, field, tf, sec)
		}
	}
	return len(e) == 0
}

// occurrences decodes a checked entry, for an index that keeps every
// document's words (NewIndex).
func (c *WordCache) occurrences(e []byte) []occurrence {
	n, _ := binary.Uvarint(e)
	occ := make([]occurrence, 0, n)
	c.walk(e, func(v uint64, field int8, tf, sec uint64) {
		occ = append(occ, occurrence{word: c.vocab[v], field: field, tf: int32(tf), sec: int32(sec)})
	})
	return occ
}

// tokenised counts a document whose words were listed afresh.
func (c *WordCache) tokenised() {
	c.made.Add(1)
	c.dirty.Store(true)
}

// LoadWordCache returns a cache that decodes what read gives (see
// DecodeWordCache) in the background, so reading and checking the file
// does not hold up the start of a build: an index build waits for it.
func LoadWordCache(read func() ([]byte, error)) *WordCache {
	c := NewWordCache()
	c.ready = make(chan struct{})
	go func() {
		defer close(c.ready)
		if data, err := read(); err == nil {
			d := DecodeWordCache(data)
			c.old, c.vocab, c.savedN = d.old, d.vocab, d.savedN
		}
	}()
	return c
}

// wait waits for LoadWordCache's decoding.
func (c *WordCache) wait() {
	if c.ready != nil {
		<-c.ready
	}
}

// begin starts the entries of a new index build, which keeps them in
// spill, when it is not nil, as each chunk fills: a build that fills an
// empty cache would otherwise hold them all until the cache is saved
// (16 MB at 10,000 pages), while the search index, the build's peak, is
// made, and the collector, near the memory budget, would run for them
// over and over (docs/performance.md, sixteenth session).
func (c *WordCache) begin(spill *markdown.Spill) {
	c.wait()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.next, c.words, c.n = nil, nil, 0
	c.spill, c.spilled = spill, nil
	c.remap = make([]int32, len(c.vocab))
	for i := range c.remap {
		c.remap[i] = -1
	}
	c.hits.Store(0)
	c.made.Store(0)
}

// record adds a document's words, whose variants the index numbers vids,
// to this run's entries.
func (c *WordCache) record(k wordKey, occ []occurrence, vids []int32) {
	body := binary.AppendUvarint(c.body[:0], uint64(len(occ)))
	for i, o := range occ {
		body = appendWord(body, uint64(vids[i]), o.field, uint64(o.tf), uint64(o.sec))
	}
	c.add(k, body)
}

// mergeEntry adds the postings of document id from a checked entry e of
// the file to ix, and e to this run's entries: what merge and record do
// for words tokenised afresh, without listing them as occurrences.
func (c *WordCache) mergeEntry(ix *indexer, id int, k wordKey, e []byte) {
	n, _ := binary.Uvarint(e)
	body := binary.AppendUvarint(c.body[:0], n)
	c.walk(e, func(v uint64, field int8, tf, sec uint64) {
		nv := c.remap[v]
		if nv < 0 {
			nv = ix.intern(c.vocab[v])
			c.remap[v] = nv
		}
		ix.add(nv, makePosting(id, field, int32(tf), int32(sec)))
		body = appendWord(body, uint64(nv), field, tf, sec)
	})
	c.add(k, body)
}

func appendWord(b []byte, v uint64, field int8, tf, sec uint64) []byte {
	b = binary.AppendUvarint(b, v)
	b = append(b, byte(field))
	b = binary.AppendUvarint(b, tf)
	return binary.AppendUvarint(b, sec)
}

// add appends an entry to this run's, encoded as cachefile.Writer's
// WriteEntry encodes one.
func (c *WordCache) add(k wordKey, body []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	last := c.room(len(k) + binary.MaxVarintLen64 + len(body))
	*last = append(*last, k[:]...)
	*last = binary.AppendUvarint(*last, uint64(len(body)))
	*last = append(*last, body...)
	c.body = body
	c.n++
}

// entryChunk is the size of the chunks a run's entries are kept in: a
// build that fills an empty cache makes 16 MB of them at 10,000 pages,
// which one slice grown by doubling would copy over and over, holding
// the old copy and the new at its largest, while the search index, the
// build's peak, is made.
// (A variable for the tests, which spill chunks of a few entries.)
var entryChunk = 1 << 20

// room returns the chunk of this run's entries to append n bytes to: the
// last, or a new one where the last has no room. With a spill, a full
// chunk goes there, and its memory takes the next entries; one that
// cannot be written stays in memory.
func (c *WordCache) room(n int) *[]byte {
	if len(c.next) > 0 {
		last := &c.next[len(c.next)-1]
		if cap(*last)-len(*last) >= n {
			return last
		}
		if c.spill != nil && len(c.next) == 1 && len(*last) > 0 {
			if off, err := c.spill.Put(*last); err == nil {
				c.spilled = append(c.spilled, span{off, len(*last)})
				if *last = (*last)[:0]; cap(*last) >= n {
					return last
				}
				c.next = c.next[:0]
			}
		}
	}
	c.next = append(c.next, make([]byte, 0, max(entryChunk, n)))
	return &c.next[len(c.next)-1]
}

// chunks calls f with each chunk of this run's entries in order: those
// in the spill, read back into one buffer in turn, then those in memory.
func (c *WordCache) chunks(f func([]byte)) error {
	var buf []byte
	for _, s := range c.spilled {
		buf = slices.Grow(buf[:0], s.n)[:s.n]
		if _, err := c.spill.ReadAt(buf, s.off); err != nil {
			return err
		}
		f(buf)
	}
	for _, chunk := range c.next {
		f(chunk)
	}
	return nil
}

// drop takes out of this run's entries one entry of each key in keys:
// those of documents an updated index no longer holds as they were.
func (c *WordCache) drop(keys []wordKey) {
	c.mu.Lock()
	defer c.mu.Unlock()
	gone := make(map[wordKey]int, len(keys))
	for _, k := range keys {
		gone[k]++
	}
	// The dev server's index, which drops after each edit, keeps its
	// chunks in memory: they are taken as they are. Spilled ones are read
	// back into copies of their own (chunks reuses one buffer).
	chunks := c.next
	if len(c.spilled) > 0 {
		chunks = nil
		if err := c.chunks(func(b []byte) { chunks = append(chunks, slices.Clone(b)) }); err != nil {
			// Read back from a spill this process wrote a moment ago: a
			// broken disk, as when a page is read back.
			panic(fmt.Errorf("reading the search words back from the build's scratch file: %w", err))
		}
	}
	c.next, c.spill, c.spilled = nil, nil, nil
	for _, chunk := range chunks {
		for rest := chunk; len(rest) > 0; {
			var k wordKey
			copy(k[:], rest)
			n, w := binary.Uvarint(rest[len(k):])
			size := len(k) + w + int(n)
			if gone[k] > 0 {
				gone[k]--
				c.n--
			} else {
				last := c.room(size)
				*last = append(*last, rest[:size]...)
			}
			rest = rest[size:]
		}
	}
}

// end closes an index build whose variants are words: the cache then
// holds only what this build used, and drops what it decoded.
func (c *WordCache) end(words []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.words = words
	c.old, c.vocab, c.remap = map[wordKey][]byte{}, nil, nil
}

// DecodeWordCache returns the cache Encode wrote into data. Data another
// program wrote (another build of baton), cut short or damaged gives an
// empty cache. The cache keeps parts of data; the caller must not change
// it.
func DecodeWordCache(data []byte) *WordCache {
	c := NewWordCache()
	body, ok := cachefile.Open(data, wordsFormat, buildid.Executable())
	if !ok {
		return c
	}
	count, w := binary.Uvarint(body)
	if w <= 0 || count > uint64(len(body)) {
		return c
	}
	body = body[w:]
	vocab := make([]string, 0, count)
	for range count {
		n, w := binary.Uvarint(body)
		if w <= 0 || n > uint64(len(body)-w) {
			return c
		}
		vocab = append(vocab, string(body[w:w+int(n)]))
		body = body[w+int(n):]
	}
	entries, ok := cachefile.Entries(body)
	if !ok {
		return c
	}
	old := make(map[wordKey][]byte, len(entries))
	for k, e := range entries {
		old[wordKey(k)] = e
	}
	c.old, c.vocab, c.savedN = old, vocab, len(old)
	return c
}

// Encode writes the words of the documents the last index build listed,
// and no others, with the variants they use. It writes as it goes, so it
// holds no copy of the cache.
func (c *WordCache) Encode(w io.Writer) error {
	c.wait()
	c.mu.Lock()
	defer c.mu.Unlock()
	body := cachefile.NewWriter(w, wordsFormat, buildid.Executable())
	var n []byte
	body.Write(binary.AppendUvarint(n, uint64(len(c.words))))
	for _, word := range c.words {
		body.Write(binary.AppendUvarint(n[:0], uint64(len(word))))
		io.WriteString(body, word)
	}
	err := c.chunks(func(chunk []byte) {
		body.Write(chunk) // entries as cachefile.Writer.WriteEntry writes them (add)
	})
	if err != nil {
		return err
	}
	if err := body.Close(); err != nil {
		return err
	}
	c.savedN = c.n
	c.dirty.Store(false)
	return nil
}

// Changed reports whether Encode would write other entries than the file
// holds, as decoded or last encoded: an index build since tokenised a
// document, or did not use every entry.
func (c *WordCache) Changed() bool {
	c.wait()
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.words != nil && (c.dirty.Load() || c.n != c.savedN) && buildid.Executable() != ""
}

// Stats returns how many documents the last index build took from the
// cache and how many it tokenised.
func (c *WordCache) Stats() (reused, made int) {
	return int(c.hits.Load()), int(c.made.Load())
}

// variantsOf is the variants of an index's words, for end.
func variantsOf(ix *indexer) []string { return slices.Clip(slices.Clone(ix.variants)) }
