package markdown

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"
)

// A Spill is a scratch file that holds documents' prepared HTML and
// sections' text out of memory. A one-off build holds every page it
// parsed until the last one is rendered and indexed; on a big handbook
// those bytes are most of its memory, and each is read back only once or
// twice (to render the page and the print view, to index it). Reading
// them from a file the system caches costs a copy per read and keeps the
// build's memory from growing with the site.
//
// The file is removed as soon as it is made, so nothing is left behind
// however the build ends; it is closed when the last Doc that points
// into it is dropped.
type Spill struct {
	f *os.File
	// r reads the bytes back: f, or the build cache's file, whose
	// documents' HTML and text are read from where the cache has them
	// (DocCache).
	r   io.ReaderAt
	end atomic.Int64
	// bufs holds the buffers a page's HTML is read back into to be
	// resolved or hashed, which need it only for the call.
	bufs sync.Pool
}

// NewSpill makes a spill in folder dir (one on the disk the output goes
// to: a temporary folder may be memory). Where an open file cannot be
// removed (Windows), it returns nil, and documents stay in memory.
func NewSpill(dir string) (*Spill, error) {
	if runtime.GOOS == "windows" {
		return nil, nil
	}
	f, err := os.CreateTemp(dir, ".baton-spill-*")
	if err != nil {
		return nil, err
	}
	if err := os.Remove(f.Name()); err != nil {
		f.Close()
		return nil, err
	}
	return &Spill{f: f, r: f}, nil
}

// put writes parts one after the other at the end of the spill and
// returns where the first went: in one write, through a buffer of the
// pool, when there are several.
func (s *Spill) put(parts ...[]byte) (int64, error) {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	off := s.end.Add(int64(n)) - int64(n)
	if len(parts) == 1 {
		if _, err := s.f.WriteAt(parts[0], off); err != nil {
			return 0, err
		}
		return off, nil
	}
	b, _ := s.bufs.Get().(*[]byte)
	if b == nil {
		b = new([]byte)
	}
	all := (*b)[:0]
	for _, p := range parts {
		all = append(all, p...)
	}
	_, err := s.f.WriteAt(all, off)
	*b = all
	s.bufs.Put(b)
	if err != nil {
		return 0, err
	}
	return off, nil
}

// Put writes b at the end of the spill and returns where it went: for
// what a cache keeps of this run until it is saved (CodeCache,
// search.WordCache), which is then read back with ReadAt.
func (s *Spill) Put(b []byte) (int64, error) { return s.put(b) }

// ReadAt reads len(b) bytes at off, as io.ReaderAt does.
func (s *Spill) ReadAt(b []byte, off int64) (int, error) { return s.r.ReadAt(b, off) }

// get reads n bytes at off. The spill was written by this process a
// moment ago: failing to read it back is a broken disk, which render
// reports, with the page, as it reports a panic.
func (s *Spill) get(off int64, n int) []byte {
	return s.readInto(make([]byte, n), off)
}

// readInto fills b with the bytes at off, and returns it.
func (s *Spill) readInto(b []byte, off int64) []byte {
	if _, err := s.r.ReadAt(b, off); err != nil {
		panic(fmt.Errorf("reading a page back from the build's scratch file or cache: %w", err))
	}
	return b
}

// borrow reads n bytes at off into a buffer of the spill's pool; give it
// back with put when done with it.
func (s *Spill) borrow(off int64, n int) *[]byte {
	b, _ := s.bufs.Get().(*[]byte)
	if b == nil || cap(*b) < n {
		b = new([]byte)
		*b = make([]byte, n)
	}
	*b = s.readInto((*b)[:n], off)
	return b
}

// spilled is where a Doc's HTML and its sections' text are in a spill:
// the HTML at off, then each section's text, Section.size bytes each.
type spilled struct {
	s    *Spill
	off  int64
	html int
}

// spill moves d's HTML and its sections' text into s; on a failed write
// (a full disk) they stay in memory, as bytes of their own.
func (d *Doc) spill(s *Spill) {
	text := d.texts
	d.texts = nil
	off, err := s.put(d.html, text)
	if err != nil {
		d.html = slices.Clone(d.html)
		d.keepTextsOf(text)
		return
	}
	d.where = &spilled{s: s, off: off, html: len(d.html)}
	d.html = nil
}

// keepTexts gives each section its text, as the Doc stays in memory.
func (d *Doc) keepTexts() {
	text := d.texts
	d.texts = nil
	d.keepTextsOf(text)
}

// keepTextsOf cuts text, every section's one after the other, into the
// sections' Text: one string for them all.
func (d *Doc) keepTextsOf(text []byte) {
	all := string(text)
	for i := range d.Sections {
		n := d.Sections[i].size
		d.Sections[i].Text, all = all[:n], all[n:]
	}
}

// withBytes calls use with d's prepared HTML, read back from the spill
// when it is there, into a buffer use must not keep.
func (d *Doc) withBytes(use func([]byte)) {
	if d.where == nil {
		use(d.html)
		return
	}
	s := d.where.s
	b := s.borrow(d.where.off+int64(d.from), d.where.html-d.from)
	defer s.bufs.Put(b)
	use(*b)
}

// htmlLen is the length of d's prepared HTML.
func (d *Doc) htmlLen() int {
	if d.where == nil {
		return len(d.html)
	}
	return d.where.html - d.from
}

// textLen is the length of section s's text.
func (d *Doc) textLen(s Section) int {
	if d.where == nil {
		return len(s.Text)
	}
	return s.size
}

// appendTexts appends the text of every one of d's sections to b, one
// after the other, read straight from the spill when it is there.
func (d *Doc) appendTexts(b []byte) []byte {
	if d.where == nil {
		for _, s := range d.Sections {
			b = append(b, s.Text...)
		}
		return b
	}
	n := 0
	for _, s := range d.Sections {
		n += s.size
	}
	at := len(b)
	b = slices.Grow(b, n)[:at+n]
	d.where.s.readInto(b[at:], d.where.off+int64(d.where.html))
	return b
}

// Texts is the plain text of each of d's sections, in order: Sections[i]
// holds Texts()[i].
func (d *Doc) Texts() []string {
	out := make([]string, len(d.Sections))
	if d.where == nil {
		for i, s := range d.Sections {
			out[i] = s.Text
		}
		return out
	}
	n := 0
	for _, s := range d.Sections {
		n += s.size
	}
	// One string for all, cut into each section's: one read, no copy
	// (the bytes are new, and nothing else holds them).
	all := ""
	if n > 0 {
		b := d.where.s.get(d.where.off+int64(d.where.html), n)
		all = unsafe.String(&b[0], n)
	}
	for i, s := range d.Sections {
		out[i], all = all[:s.size], all[s.size:]
	}
	return out
}
