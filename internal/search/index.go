// Package search builds the site's full-text search index from the model.
//
// The index is a set of JavaScript files under _baton/search/ that call a
// global registration function (batonSearch.meta, .shard, .doc), so the
// client script loads them with script tags: that works from file:// where
// fetch does not. It is split so a query loads only what it needs:
//
//   - index.js, the meta: the number of documents, the shard keys with
//     their sizes, the stop words and a version hash;
//   - s/KEY.js, the shards: every stem whose prefix routes to KEY, with
//     its surface forms ("variants") and, per variant, the postings;
//   - d/N.js, the display records of documents 4N to 4N+3 (DocsPerFile):
//     URL, title, section, and the headings and their text, for showing a
//     result and its snippet.
//
// A shard key is the first two characters of a stem; a shard larger than
// Options.ShardBytes is split by one more character, recursively, keeping
// in the parent the stems exactly as long as its key. So a stem's shard is
// found by walking its prefixes while they are split (see route), and the
// client knows which prefixes are split from the keys alone.
//
// A posting is three numbers, written as base-64 varints in one string per
// variant: the document (as a delta from the previous posting), a code
// (field | tf bucket << 2) and the section (0 for the top of the page, i+1
// for the page's heading i) where the word counts most.
//
// Build is a pure function of the Site: no I/O, no maps iterated into the
// output, so the same site gives the same bytes.
package search

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"hash/maphash"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/batonhq/baton/internal/handbook"
)

// Dir is where the index goes, relative to the output folder.
const Dir = "_baton/search"

// Fields, best first. The client weighs them in this order.
const (
	fieldTitle = iota
	fieldHeading
	fieldMeta // summary, section, tags, roles
	fieldBody
)

// File is one output file of the index.
type File struct {
	Path string // relative to the output folder
	Data []byte
}

// Options tune the index; the zero value means the defaults.
type Options struct {
	// ShardBytes is the size above which a shard is split by a longer
	// prefix.
	ShardBytes int
	// SectionChars caps the text kept per section for snippets, and
	// DocChars per document.
	SectionChars, DocChars int
	// Cache, when set, keeps documents' words between builds.
	Cache *Cache
	// Words, when set, gives documents' words an earlier run listed, and
	// keeps those of this build for the next run (see WordCache).
	Words *WordCache
}

func (o Options) withDefaults() Options {
	if o.ShardBytes == 0 {
		o.ShardBytes = 24 << 10
	}
	if o.SectionChars == 0 {
		o.SectionChars = 3000
	}
	if o.DocChars == 0 {
		o.DocChars = 12000
	}
	return o
}

// Build returns the index files for a site, sorted by path.
func Build(site *handbook.Site, opts Options) []File {
	var files []File
	_ = Stream(site, opts, func(f File) error {
		files = append(files, f)
		return nil
	})
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return files
}

// Document is one search result: a page, a role, a responsibility or a
// reading path.
type Document struct {
	URL     string
	Title   string
	Section string // the section it is in, for display
	// Meta is text that describes the document: summary, section, tags,
	// role names.
	Meta []string
	// Sections[0] is the top of the document; Sections[i+1] follows
	// heading i.
	Sections []DocSection
}

// DocSection is a heading (empty for the top) and the text under it.
type DocSection struct {
	Anchor, Heading, Text string
}

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

// documents returns how many documents Documents lists, and a function
// that makes the one with a given id, so the index never holds the text of
// them all at once and can make them on several goroutines.
func documents(site *handbook.Site) (int, func(id int) Document) {
	others := otherDocuments(site)
	return len(site.Pages) + len(others), func(id int) Document {
		if id < len(site.Pages) {
			return pageDocument(site.Pages[id])
		}
		return others[id-len(site.Pages)]
	}
}

// otherDocuments are the documents of roles, responsibilities and paths:
// few, and small.
func otherDocuments(site *handbook.Site) []Document {
	var docs []Document
	for _, r := range site.Roles {
		d := Document{URL: r.URL, Title: r.Title, Section: "Roles", Meta: []string{r.Summary, r.Part}}
		d.Sections = append(d.Sections, DocSection{Text: join(r.Summary, r.Part)})
		add := func(anchor, heading string, items []string) {
			if len(items) > 0 {
				d.Sections = append(d.Sections, DocSection{Anchor: anchor, Heading: heading, Text: sentences(items)})
			}
		}
		add("owns", "Owns", r.Owns)
		add("influences", "Influences", r.Influences)
		add("needs", "Needs", r.Needs)
		var resp []string
		for _, x := range r.Responsibilities {
			resp = append(resp, sentences([]string{x.Title, x.Summary}))
		}
		add("responsibilities", "Responsibilities it leads", resp)
		docs = append(docs, d)
	}
	for _, x := range site.Responsibilities {
		d := Document{URL: x.URL, Title: x.Title, Section: "Responsibilities",
			Meta: []string{x.Summary, x.Kind, handbook.StageTitle(x.Stage)}}
		text := x.Summary
		if x.Lead != nil {
			d.Meta = append(d.Meta, x.Lead.Title)
			text = join(text, "Led by "+x.Lead.Title+".")
		}
		for _, p := range x.Partners {
			d.Meta = append(d.Meta, p.Title)
		}
		d.Sections = []DocSection{{Text: text}}
		docs = append(docs, d)
	}
	for _, pa := range site.Paths {
		d := Document{URL: pa.URL, Title: pa.Title, Section: "Reading paths", Meta: []string{pa.Summary, pa.Audience}}
		text := join(pa.Summary, pa.Audience)
		for _, st := range pa.Steps {
			text = join(text, join(st.Title()+".", st.Why))
		}
		d.Sections = []DocSection{{Text: text}}
		docs = append(docs, d)
	}
	return docs
}

// pageDocument is the search document of a page.
func pageDocument(p *handbook.Page) Document {
	d := Document{URL: p.URL, Title: p.Title}
	sec := p.Section
	if p.IsSection && sec != nil {
		sec = sec.Parent
	}
	if sec != nil && sec.Parent != nil {
		d.Section = sec.Title
	}
	d.Meta = append(d.Meta, p.Summary, d.Section)
	for _, t := range p.Tags {
		d.Meta = append(d.Meta, t.Name)
	}
	for _, r := range p.Roles {
		d.Meta = append(d.Meta, r.Title)
	}
	top := DocSection{Text: p.Summary}
	d.Sections = append(d.Sections, top)
	if p.Doc != nil {
		// The Markdown text is characters (markdown.Doc), never entities.
		for _, h := range p.Doc.Headings {
			d.Sections = append(d.Sections, DocSection{Anchor: h.ID, Heading: h.Text})
		}
		for _, s := range p.Doc.Sections {
			ds := &d.Sections[s.Heading+1]
			ds.Text = join(ds.Text, s.Text)
		}
	}
	return d
}

// sentences joins list items into one text, each ending in a full stop
// unless it already ends in punctuation ("Leads. Decides.", never "..").
func sentences(items []string) string {
	var b strings.Builder
	for _, it := range items {
		if it = strings.TrimSpace(it); it == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(it)
		if !strings.HasSuffix(it, ".") && !strings.HasSuffix(it, "!") && !strings.HasSuffix(it, "?") {
			b.WriteByte('.')
		}
	}
	return b.String()
}

func join(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

// occurrence is what one document says about one variant.
type occurrence struct {
	word      string
	field     int8
	tf        int32 // occurrences in headings and body
	sec       int32
	bodySec   int32 // the body section with the most occurrences so far
	bodyCount int32
	curSec    int32
	curCount  int32
}

// posting is what one document says about one variant. Millions are held
// at once in a big handbook: int32 halves them.
type posting struct{ doc, code, sec int32 }

// indexer collects postings document by document. Variants are interned:
// a map lookup per distinct word of a document, not per word.
type indexer struct {
	ids      map[string]int32 // variant → index
	variants []string
	postings [][]posting // by variant index
	tok      tokenizer
	cache    *Cache
	words    *WordCache
	vids     []int32 // the variants of the document merge last merged
}

// tokenizer lists the words of one document at a time, reusing its
// memory; each goroutine that lists words has its own.
type tokenizer struct {
	slot map[string]int32 // word → slot in occ, or stopSlot
	occ  []occurrence
	buf  []byte // wordKeyOf's bytes
}

const stopSlot = -1

func newIndexer(cache *Cache) *indexer {
	return &indexer{ids: map[string]int32{}, tok: tokenizer{slot: map[string]int32{}}, cache: cache}
}

// indexed is what the indexer keeps of one document: its words, and its
// display file, each with the cache key it was found or is to be kept
// under.
type indexed struct {
	occ         []occurrence
	key, docKey uint64
	wkey        wordKey // with Options.Words
	entry       []byte  // the words, as the WordCache holds them, when occ is nil
	doc         []byte
}

// prepare lists the words of document id and makes its display file,
// taking either from the cache when the document is as it was. It only
// reads the cache, so goroutines may prepare documents side by side.
//
// With keepOcc, or an in-memory Cache (which keeps them), the words are
// always listed as occurrences; otherwise words from the WordCache stay in
// its encoding, for keep to merge.
func (ix *indexer) prepare(tok *tokenizer, id int, d Document, opts Options, keepOcc bool) indexed {
	keepOcc = keepOcc || ix.cache != nil
	var in indexed
	var found, docFound bool
	if c := ix.cache; c != nil {
		in.key = c.key(d)
		in.docKey = in.key ^ c.displayKey(id, d)
		in.occ, found = c.prev[in.key]
		in.doc, docFound = c.prevDoc[in.docKey]
	}
	if w := opts.Words; w != nil {
		in.wkey, tok.buf = wordKeyOf(d, tok.buf)
		if !found {
			if in.entry, found = w.lookup(in.wkey); found && keepOcc {
				in.occ, in.entry = w.occurrences(in.entry), nil
			}
		}
	}
	if !found {
		in.occ = slices.Clone(tok.words(d))
		if opts.Words != nil {
			opts.Words.tokenised()
		}
	}
	if !docFound {
		in.doc = docFile(id, d, opts)
	}
	return in
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
	ix.merge(id, in.occ)
	if ix.words != nil {
		ix.words.record(in.wkey, in.occ, ix.vids)
	}
}

// words lists each word of d once, in order of first sight, with the
// field it counts most in, its frequency and its best section.
func (t *tokenizer) words(d Document) []occurrence {
	clear(t.slot)
	t.occ = t.occ[:0]
	see := func(text string, field, sec int) {
		tokenize(text, func(w string, _ bool) {
			k, ok := t.slot[w]
			if !ok {
				if field != fieldTitle && stopSet[w] {
					t.slot[w] = stopSlot
					return
				}
				k = int32(len(t.occ))
				t.slot[w] = k
				t.occ = append(t.occ, occurrence{word: w, field: int8(field), sec: int32(sec), curSec: -1})
			} else if k == stopSlot {
				return
			}
			o := &t.occ[k]
			if int8(field) < o.field {
				o.field, o.sec = int8(field), int32(sec)
			}
			if field == fieldHeading || field == fieldBody {
				o.tf++
			}
			if field == fieldBody {
				if o.curSec != int32(sec) {
					o.curSec, o.curCount = int32(sec), 0
				}
				o.curCount++
				if o.curCount > o.bodyCount {
					o.bodySec, o.bodyCount = o.curSec, o.curCount
				}
			}
		})
	}
	see(d.Title, fieldTitle, 0)
	for i, s := range d.Sections {
		if s.Heading != "" {
			see(s.Heading, fieldHeading, i)
		}
	}
	for _, m := range d.Meta {
		see(m, fieldMeta, 0)
	}
	for i, s := range d.Sections {
		see(s.Text, fieldBody, i)
	}
	return t.occ
}

// merge adds one document's words to the postings. occ is in order of
// first sight, so nothing depends on map order.
func (ix *indexer) merge(id int, occ []occurrence) {
	ix.vids = ix.vids[:0]
	for _, o := range occ {
		v := ix.intern(o.word)
		ix.postings[v] = append(ix.postings[v], o.posting(id))
		ix.vids = append(ix.vids, v)
	}
}

// intern returns the index of a variant, adding it when it is new.
func (ix *indexer) intern(w string) int32 {
	v, known := ix.ids[w]
	if !known {
		v = int32(len(ix.variants))
		ix.ids[w] = v
		ix.variants = append(ix.variants, w)
		ix.postings = append(ix.postings, nil)
	}
	return v
}

// posting is what document id says about the word: the field it counts
// most in, its frequency, and its best section.
func (o occurrence) posting(id int) posting {
	sec := o.sec
	if o.field == fieldBody {
		sec = o.bodySec
	}
	return makePosting(id, o.field, o.tf, sec)
}

func makePosting(id int, field int8, tf, sec int32) posting {
	return posting{doc: int32(id), code: int32(int(field) | tfBucket(int(tf))<<2), sec: sec}
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

func (c *Cache) key(d Document) uint64 {
	var h maphash.Hash
	h.SetSeed(c.seed)
	str := func(s string) {
		h.WriteString(s)
		h.WriteByte(0)
	}
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

// tfBucket compresses a term frequency into 0..7.
func tfBucket(tf int) int {
	for i, limit := range []int{0, 1, 2, 3, 5, 8, 13} {
		if tf <= limit {
			return i
		}
	}
	return 7
}

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

// encodeStem is a stem's entry: its variants, sorted, each with its
// postings.
func (ix *indexer) encodeStem(stem string, vs []int32) []byte {
	var b bytes.Buffer
	b.WriteByte('[')
	b.Write(jsonString(stem))
	b.WriteString(",[")
	for i, v := range vs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(jsonString(ix.variants[v]))
		b.WriteString(`,"`)
		b.WriteString(encodePostings(ix.postings[v]))
		b.WriteByte('"')
	}
	b.WriteString("]]")
	return b.Bytes()
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

// encode writes the shard's file.
func (s *shard) encode() {
	var b bytes.Buffer
	size := 64 + len(s.key)
	for _, e := range s.entries {
		size += len(e.json) + 2
	}
	b.Grow(size) // all shards are held at once: no spare capacity
	b.WriteString("batonSearch.shard(")
	b.Write(jsonString(s.key))
	b.WriteString(",[\n")
	for j, e := range s.entries {
		if j > 0 {
			b.WriteString(",\n")
		}
		b.Write(e.json)
	}
	b.WriteString("\n]);\n")
	s.data = b.Bytes()
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

// Route returns the key of the shard that holds stem, given the set of
// split prefixes: the stem's first two characters, lengthened while that
// prefix was split and the stem is longer.
func Route(stem string, split map[string]bool) string {
	n := 2
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
		for n := utf8.RuneCountInString(k) - 1; n >= 2; n-- {
			split[prefix(k, n)] = true
		}
	}
	return split
}

const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// appendVarint writes v five bits at a time, low bits first; the sixth
// bit of each character says more follow.
func appendVarint(b []byte, v int) []byte {
	for v >= 32 {
		b = append(b, digits[32|v&31])
		v >>= 5
	}
	return append(b, digits[v])
}

func encodePostings(ps []posting) string {
	b := make([]byte, 0, len(ps)*3)
	prev := int32(0)
	for _, p := range ps {
		b = appendVarint(b, int(p.doc-prev))
		b = appendVarint(b, int(p.code))
		b = appendVarint(b, int(p.sec))
		prev = p.doc
	}
	return string(b)
}

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

func jsonString(s string) []byte {
	b, _ := json.Marshal(s) // a string always marshals
	return b
}

func metaFile(n int, shards []*shard, version string) []byte {
	var b bytes.Buffer
	b.WriteString(`batonSearch.meta({"version":`)
	b.Write(jsonString(version))
	b.WriteString(`,"docs":`)
	b.WriteString(strconv.Itoa(n))
	b.WriteString(`,"docsPerFile":`)
	b.WriteString(strconv.Itoa(DocsPerFile))
	b.WriteString(`,"shards":{`)
	for i, s := range shards {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(jsonString(s.key))
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(len(s.data)))
	}
	b.WriteString(`},"stop":[`)
	for i, w := range stopWords {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(jsonString(w))
	}
	b.WriteString("]});\n")
	return b.Bytes()
}

// docFile is the display record of one document, with its text capped.
func docFile(id int, d Document, opts Options) []byte {
	type out struct {
		URL      string      `json:"url"`
		Title    string      `json:"title"`
		Section  string      `json:"section,omitempty"`
		Sections [][3]string `json:"sections"`
	}
	o := out{URL: d.URL, Title: d.Title, Section: d.Section}
	left := opts.DocChars
	for _, s := range d.Sections {
		text := clip(s.Text, min(opts.SectionChars, max(left, 0)))
		left -= len(text)
		o.Sections = append(o.Sections, [3]string{s.Anchor, s.Heading, text})
	}
	data, _ := json.Marshal(o) // plain strings always marshal
	// Exactly the file's size: ten thousand of these are held at once.
	head := "batonSearch.doc(" + strconv.Itoa(id) + ","
	b := make([]byte, 0, len(head)+len(data)+3)
	b = append(b, head...)
	b = append(b, data...)
	return append(b, ");\n"...)
}

// clip cuts s to at most n bytes at a word boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return s[:cut] + " …"
}

// docChunk is how many documents one goroutine prepares at a time.
const docChunk = 32

// addAll prepares the n documents doc makes on all cores and hands each to
// keep in id order, so the index is the same bytes as one made document
// by document. Listing words and making display files is most of the
// index's time; postings are merged on one goroutine. At most a few
// chunks wait to be kept at once, so the documents' text is never all
// held together.
func (x *Index) addAll(n int, doc func(id int) Document, keep func(id int, in indexed)) {
	workers := runtime.GOMAXPROCS(0)
	chunks := (n + docChunk - 1) / docChunk
	ready := make([]chan []indexed, chunks)
	for c := range ready {
		ready[c] = make(chan []indexed, 1)
	}
	next := make(chan int)
	inFlight := make(chan struct{}, 4*workers)
	go func() {
		for c := range chunks {
			inFlight <- struct{}{}
			next <- c
		}
		close(next)
	}()
	for range min(workers, chunks) {
		go func() {
			tok := &tokenizer{slot: map[string]int32{}}
			for c := range next {
				first, last := c*docChunk, min((c+1)*docChunk, n)
				out := make([]indexed, 0, last-first)
				for id := first; id < last; id++ {
					out = append(out, x.ix.prepare(tok, id, doc(id), x.opts, x.occ != nil))
				}
				ready[c] <- out
			}
		}()
	}
	for c := range chunks {
		for i, in := range <-ready[c] {
			keep(c*docChunk+i, in)
		}
		<-inFlight
	}
}
