package markdown

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
	"sync"

	"github.com/batonhq/baton/internal/buildid"
	"github.com/batonhq/baton/internal/cachefile"
	"github.com/batonhq/baton/internal/diag"
)

// docFormat names the encoding of a DocCache's entries (appendDoc). Change
// it whenever the encoding changes; a change of what Prepare makes is a
// new program, which the file's header names by its hash.
const docFormat = "baton prepared pages 2"

// A DocCache keeps prepared documents from one run to the next, each under
// the hash of everything Prepare's result depends on (docKey): the body,
// the Renderer's options and the glossary's terms; the file's header names
// the program. A build then runs goldmark only on the pages that changed.
//
// The file is never read whole: LoadDocCache indexes it (key → where),
// and a Doc is read when a page asks for it, its HTML and text left in
// the file for a Renderer with a Spill (a one-off build), which reads
// them back when the page renders, as it does its own spill's. Encode
// writes the entries this run used, one at a time: old ones copied from
// the file, new ones encoded from their Docs.
//
// A DocCache is safe for concurrent use. A Doc taken from it is what
// Prepare gives for the same inputs (TestDocCacheGivesWhatPrepareGives),
// and a Transient Doc is never kept.
type DocCache struct {
	ready chan struct{} // closed once the file is indexed (LoadDocCache)
	old   *cachefile.Indexed
	file  *Spill // reads old entries' HTML and text back
	close func() error

	mu     sync.Mutex
	live   map[cachefile.Key]docEntry // got or put in this run: what Encode keeps
	hits   int
	made   int
	saved  int  // entries in the file: indexed, or last encoded
	dirty  bool // an entry was put since
	closed bool // the file is let go (Close): old entries are gone
}

// docEntry is one of a run's entries: a Doc prepared in this run, with
// the code blocks it highlighted, or where the file has it.
type docEntry struct {
	doc   *Doc
	codes []codeKey
	old   cachefile.Span
}

// DocFile is a cache file open for reading.
type DocFile interface {
	io.ReaderAt
	io.Closer
}

// NewDocCache returns an empty cache.
func NewDocCache() *DocCache {
	c := &DocCache{ready: make(chan struct{}), live: map[cachefile.Key]docEntry{}, close: func() error { return nil }}
	close(c.ready)
	return c
}

// LoadDocCache returns a cache that indexes the file open gives, of size
// bytes, in the background (reading and checking it whole takes a moment,
// which the build spends loading its sources); the first lookup waits for
// it. A file that cannot be opened, or written by another program or
// format, cut short or damaged, gives an empty cache. The cache closes the
// file when it is dropped (Close).
func LoadDocCache(open func() (DocFile, int64, error)) *DocCache {
	c := NewDocCache()
	c.ready = make(chan struct{})
	go func() {
		defer close(c.ready)
		f, size, err := open()
		if err != nil {
			return
		}
		x, ok := cachefile.Index(f, size, docFormat, buildid.Executable())
		if !ok {
			f.Close()
			return
		}
		c.old, c.file, c.close, c.saved = x, &Spill{r: x}, f.Close, x.Len()
	}()
	return c
}

// Close lets go of the file the cache was loaded from, and ends the
// cache: from then on it gives nothing, keeps nothing and has nothing to
// save, and the Docs it read into a spill can no longer render. Call it
// once they are done with, before the file is replaced (Windows cannot
// rename over a file that is open); the dev server calls it after its
// first build, whose pages it then keeps in memory itself.
func (c *DocCache) Close() error {
	<-c.ready
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return nil
	}
	c.closed, c.live, c.old = true, map[cachefile.Key]docEntry{}, nil
	return c.close()
}

// Stats returns how many documents this run took from the cache and how
// many it prepared.
func (c *DocCache) Stats() (reused, made int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits, c.made
}

// Changed reports whether Encode would write other entries than the file
// holds (some were prepared since, or some were not used).
func (c *DocCache) Changed() bool {
	<-c.ready
	c.mu.Lock()
	defer c.mu.Unlock()
	return !c.closed && (c.dirty || len(c.live) != c.saved) && buildid.Executable() != ""
}

// Encode writes the entries this run used, and no others, in key order,
// one at a time.
func (c *DocCache) Encode(w io.Writer) error {
	<-c.ready
	c.mu.Lock()
	defer c.mu.Unlock()
	keys := slices.SortedFunc(maps.Keys(c.live), func(a, b cachefile.Key) int { return bytes.Compare(a[:], b[:]) })
	body := cachefile.NewWriter(w, docFormat, buildid.Executable())
	var buf, meta []byte // reused from entry to entry: the file is written without garbage
	for _, k := range keys {
		e := c.live[k]
		if e.doc != nil {
			buf, meta = appendDoc(buf[:0], meta[:0], e.doc, e.codes)
		} else {
			buf = slices.Grow(buf[:0], e.old.Len)[:e.old.Len]
			if _, err := c.old.ReadAt(buf, e.old.Off); err != nil {
				return err
			}
		}
		body.WriteEntry(k, buf)
	}
	if err := body.Close(); err != nil {
		return err
	}
	c.saved, c.dirty = len(c.live), false
	return nil
}

// docKey is the key of body prepared by r with terms.
func (r *Renderer) docKey(body []byte, terms *Terms) cachefile.Key {
	h := sha256.New()
	h.Write(r.how[:])
	sum := terms.Sum()
	h.Write(sum[:])
	h.Write(body)
	var k cachefile.Key
	h.Sum(k[:0])
	return k
}

// howOf is the hash of every option a Renderer's Docs depend on: every
// field of Options but those notKeyed names, so an option added later is
// in the key unless it is said not to change what Prepare makes
// (TestDocKeyCoversEveryOption).
func howOf(opts Options) [sha256.Size]byte {
	h := sha256.New()
	v := reflect.ValueOf(opts)
	for i := range v.NumField() {
		if f := v.Type().Field(i); !notKeyed[f.Name] {
			fmt.Fprintf(h, "%s=%#v\x00", f.Name, v.Field(i).Interface())
		}
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// notKeyed are the Options that change no byte Prepare makes: a block the
// code cache gives is what chroma gives (Code); the time bound decides
// only Docs that are Transient, never kept (HighlightTimeout); Spill and
// Docs say where a Doc is kept.
var notKeyed = map[string]bool{"Code": true, "HighlightTimeout": true, "Spill": true, "Docs": true}

// get returns the Doc under k, read from the file: its HTML and text left
// there when inSpill, else read into memory. The code blocks it holds are
// kept in code, so that the code cache keeps them too.
func (c *DocCache) get(k cachefile.Key, inSpill bool, code *CodeCache) (*Doc, bool) {
	<-c.ready
	c.mu.Lock()
	e, ok := c.live[k]
	if !ok && c.old != nil {
		e.old, ok = c.old.Find(k)
	}
	old := c.old
	c.mu.Unlock()
	if !ok {
		return nil, false
	}
	if e.doc != nil {
		c.hit(k, e)
		return e.doc, true
	}
	if old == nil {
		return nil, false // closed since it was found
	}
	d, codes, ok := c.read(old, e.old, inSpill)
	if !ok {
		return nil, false
	}
	if code != nil {
		code.keep(codes)
	}
	c.hit(k, e)
	return d, true
}

// hit counts a hit on k, and keeps e.
func (c *DocCache) hit(k cachefile.Key, e docEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.hits++
	if _, ok := c.live[k]; !ok && !c.closed {
		c.live[k] = e
	}
}

// put keeps d, prepared in this run, under k; never a Transient one.
func (c *DocCache) put(k cachefile.Key, d *Doc, codes []codeKey) {
	if d.Transient {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return
	}
	c.made++
	if _, ok := c.live[k]; !ok {
		c.live[k] = docEntry{doc: d, codes: codes}
		c.dirty = true
	}
}

// entryHead is how much of an entry read decodes from at first: the
// whole of most entries' metadata.
const entryHead = 4 << 10

// read decodes the entry at s of file x: all of it into memory, or its
// metadata alone when inSpill.
func (c *DocCache) read(x *cachefile.Indexed, s cachefile.Span, inSpill bool) (*Doc, []codeKey, bool) {
	n := s.Len
	if inSpill {
		n = min(n, entryHead)
	}
	b, ok := c.borrow(x, s.Off, n)
	defer func() { c.file.bufs.Put(b) }()
	meta, w := binary.Uvarint(*b)
	if !ok || w <= 0 || meta > uint64(s.Len-w) {
		return nil, nil, false
	}
	if end := w + int(meta); end > len(*b) {
		c.file.bufs.Put(b)
		if b, ok = c.borrow(x, s.Off, end); !ok {
			return nil, nil, false
		}
	}
	d, codes, html, ok := decodeDoc((*b)[w : w+int(meta)])
	texts := 0
	for _, sec := range d.Sections {
		texts += sec.size
	}
	rest := s.Len - w - int(meta)
	if !ok || html+texts != rest {
		return nil, nil, false
	}
	if inSpill {
		d.where = &spilled{s: c.file, off: s.Off + int64(w) + int64(meta), html: html}
		return d, codes, true
	}
	if len(*b) < s.Len {
		c.file.bufs.Put(b)
		if b, ok = c.borrow(x, s.Off, s.Len); !ok {
			return nil, nil, false
		}
	}
	tail := (*b)[w+int(meta):]
	d.html = bytes.Clone(tail[:html])
	d.keepTextsOf(tail[html:])
	return d, codes, true
}

// borrow reads n bytes of x at off into a buffer of the pool, which the
// caller puts back; false when they cannot be read (the file was closed).
func (c *DocCache) borrow(x *cachefile.Indexed, off int64, n int) (*[]byte, bool) {
	b, _ := c.file.bufs.Get().(*[]byte)
	if b == nil || cap(*b) < n {
		b = new([]byte)
		*b = make([]byte, n)
	}
	*b = (*b)[:n]
	_, err := x.ReadAt(*b, off)
	return b, err == nil
}

// appendDoc appends d's entry to b: the length of its metadata, the
// metadata (every field of the Doc but its HTML and text, and the keys of
// the code blocks it highlighted), the HTML, and the sections' text. The
// metadata is made in m, which it returns for the next entry.
func appendDoc(b, m []byte, d *Doc, codes []codeKey) ([]byte, []byte) {
	m = binary.AppendUvarint(m, uint64(d.htmlLen()))
	for _, n := range []int{d.marks, d.leadEnd, d.leadMarks, d.Words, d.Diagrams} {
		m = binary.AppendUvarint(m, uint64(n))
	}
	m = append(m, flags(d.leadH1, d.Transient))
	m = appendString(m, d.Lead)
	m = binary.AppendUvarint(m, uint64(len(d.Headings)))
	for _, h := range d.Headings {
		m = binary.AppendUvarint(m, uint64(h.Level))
		m = appendString(appendString(m, h.ID), h.Text)
	}
	m = binary.AppendUvarint(m, uint64(len(d.Links)))
	for _, l := range d.Links {
		m = append(appendString(m, l.Dest), flags(l.Image, l.Wiki)|flags(false, l.NoText)<<1)
		m = binary.AppendUvarint(appendString(appendString(m, l.Term), l.Role), uint64(l.Offset))
	}
	m = binary.AppendUvarint(m, uint64(len(d.Anchors)))
	for _, a := range d.Anchors {
		m = appendString(m, a)
	}
	m = binary.AppendUvarint(m, uint64(len(d.Targets)))
	for _, t := range d.Targets {
		m = appendString(appendString(m, t.Label), t.Text)
		m = append(binary.AppendUvarint(m, uint64(t.Heading+1)), flags(t.Top, false)) // -1: no heading
		m = binary.AppendUvarint(m, uint64(t.Offset))
	}
	m = binary.AppendUvarint(m, uint64(len(d.Sections)))
	for _, s := range d.Sections {
		m = binary.AppendUvarint(m, uint64(s.Heading+1)) // -1 before the first heading
		m = binary.AppendUvarint(m, uint64(d.textLen(s)))
	}
	m = binary.AppendUvarint(m, uint64(len(d.Warnings)))
	for _, w := range d.Warnings {
		m = binary.AppendUvarint(m, uint64(w.Offset))
		m = appendString(appendString(m, w.Message), string(w.Code))
	}
	m = binary.AppendUvarint(m, uint64(len(codes)))
	for _, k := range codes {
		m = append(m, k[:]...)
	}
	b = binary.AppendUvarint(b, uint64(len(m)))
	b = append(b, m...)
	d.withBytes(func(h []byte) { b = append(b, h...) })
	return d.appendTexts(b), m
}

func flags(a, b bool) byte {
	var f byte
	if a {
		f |= 1
	}
	if b {
		f |= 2
	}
	return f
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// decodeDoc reads the metadata appendDoc wrote: the Doc without its HTML
// and text, the code blocks' keys, and the HTML's length.
func decodeDoc(m []byte) (*Doc, []codeKey, int, bool) {
	r := &entryReader{b: m, s: string(m), ok: true}
	d := &Doc{}
	html := r.int()
	d.marks, d.leadEnd, d.leadMarks, d.Words, d.Diagrams = r.int(), r.int(), r.int(), r.int(), r.int()
	f := r.byte()
	d.leadH1, d.Transient = f&1 != 0, f&2 != 0
	d.Lead = r.string()
	d.Headings = make([]Heading, r.count(3))
	for i := range d.Headings {
		d.Headings[i] = Heading{Level: r.int(), ID: r.string(), Text: r.string()}
	}
	d.Links = make([]Link, r.count(4))
	for i := range d.Links {
		l := Link{Dest: r.string()}
		f := r.byte()
		l.Image, l.Wiki, l.NoText, l.Term, l.Role, l.Offset = f&1 != 0, f&2 != 0, f&4 != 0, r.string(), r.string(), r.int()
		d.Links[i] = l
	}
	d.Anchors = make([]string, r.count(1))
	for i := range d.Anchors {
		d.Anchors[i] = r.string()
	}
	d.Targets = make([]Target, r.count(5))
	for i := range d.Targets {
		d.Targets[i] = Target{Label: r.string(), Text: r.string(), Heading: r.int() - 1, Top: r.byte()&1 != 0, Offset: r.int()}
	}
	d.Sections = make([]Section, r.count(2))
	for i := range d.Sections {
		d.Sections[i] = Section{Heading: r.int() - 1, size: r.int()}
	}
	d.Warnings = make([]Warning, r.count(3))
	for i := range d.Warnings {
		d.Warnings[i] = Warning{Offset: r.int(), Message: r.string(), Code: diag.Code(r.string())}
	}
	codes := make([]codeKey, r.count(len(codeKey{})))
	for i := range codes {
		copy(codes[i][:], r.take(len(codeKey{})))
	}
	nilEmpty(d)
	return d, codes, html, r.ok && len(r.b) == 0
}

// nilEmpty leaves d's empty lists nil, as Prepare does.
func nilEmpty(d *Doc) {
	if len(d.Headings) == 0 {
		d.Headings = nil
	}
	if len(d.Links) == 0 {
		d.Links = nil
	}
	if len(d.Anchors) == 0 {
		d.Anchors = nil
	}
	if len(d.Targets) == 0 {
		d.Targets = nil
	}
	if len(d.Sections) == 0 {
		d.Sections = nil
	}
	if len(d.Warnings) == 0 {
		d.Warnings = nil
	}
}

// entryReader reads an entry's metadata; a read past its end, or a
// number out of range, clears ok and reads zeros from then on. Its
// strings are parts of one copy of the metadata, s: one allocation per
// Doc rather than one per heading, link and section.
type entryReader struct {
	b  []byte
	s  string
	ok bool
}

func (r *entryReader) uvarint() uint64 {
	v, w := binary.Uvarint(r.b)
	if w <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[w:]
	return v
}

func (r *entryReader) fail() { r.ok, r.b, r.s = false, nil, "" }

// int reads a number that fits an int.
func (r *entryReader) int() int {
	v := r.uvarint()
	if v > 1<<40 {
		r.fail()
		return 0
	}
	return int(v)
}

// count reads the length of a list whose items take at least min bytes
// each, so a damaged length cannot ask for more than the entry holds.
func (r *entryReader) count(min int) int {
	n := r.uvarint()
	if n > uint64(len(r.b)/min) {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *entryReader) byte() byte {
	b := r.take(1)
	if b == nil {
		return 0
	}
	return b[0]
}

func (r *entryReader) take(n int) []byte {
	if n > len(r.b) {
		r.fail()
		return nil
	}
	b := r.b[:n]
	r.b = r.b[n:]
	return b
}

func (r *entryReader) string() string {
	n := r.count(1)
	at := len(r.s) - len(r.b)
	if r.take(n) == nil {
		return ""
	}
	return r.s[at : at+n]
}
