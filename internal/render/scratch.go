package render

import (
	"html/template"
	"unsafe"
)

// A scratch is the memory one page's HTML fragments are written in: its
// body with its links resolved, its lists and its sidebar. Each fragment
// lives only while the page's template runs, which copies it into the
// page's file; with a string of its own each, they were most of what
// rendering allocates, and so most of the collector's work while a big
// handbook renders (docs/performance.md). A page's render borrows a
// scratch from its Renderer's pool, and gives it back once its file is
// written, when nothing holds a fragment any more: a template cannot keep
// a value beyond its run, and cached copies what it keeps.
type scratch struct {
	buf []byte
	// open is set while a fragment is being written at buf's end:
	// another started meanwhile gets memory of its own.
	open bool
	// want is how many bytes the page's fragments took, to size the
	// buffer for the next page when they outgrew it.
	want int
}

// scratchFloor is the least a scratch holds: a usual page's fragments.
const scratchFloor = 64 << 10

// scratchCeiling is the most a scratch keeps between pages: a page
// bigger than this (the print view's like) gets memory of its own rather
// than keeping a large buffer in the pool.
const scratchCeiling = 4 << 20

// borrowScratch takes a scratch from the pool, empty.
func (r *Renderer) borrowScratch() *scratch {
	s, _ := r.scratches.Get().(*scratch)
	if s == nil {
		s = &scratch{buf: make([]byte, 0, scratchFloor)}
	}
	return s
}

// returnScratch gives s back to the pool once nothing holds its bytes,
// grown to what its page wanted.
func (r *Renderer) returnScratch(s *scratch) {
	if s.want > cap(s.buf) {
		if s.want > scratchCeiling {
			return
		}
		s.buf = make([]byte, 0, s.want+s.want/4)
	}
	s.buf, s.open, s.want = s.buf[:0], false, 0
	r.scratches.Put(s)
}

// htmlBuilder writes one fragment of HTML: at the end of a scratch when
// it is given one that no other fragment is being written into, else in
// memory of its own. Its html is the fragment, without a copy.
type htmlBuilder struct {
	buf []byte
	s   *scratch // the scratch buf is at the end of, if any
}

// newHTMLBuilder starts a fragment of about size bytes in s (which may
// be nil).
func newHTMLBuilder(s *scratch, size int) htmlBuilder {
	if s == nil || s.open {
		return htmlBuilder{buf: make([]byte, 0, size)}
	}
	if cap(s.buf)-len(s.buf) < size {
		// Too big for what is left: the next page's scratch will hold it.
		s.want += size
		return htmlBuilder{buf: make([]byte, 0, size)}
	}
	s.open = true
	end := len(s.buf)
	return htmlBuilder{buf: s.buf[end:end:cap(s.buf)], s: s}
}

func (b *htmlBuilder) Write(p []byte) (int, error) {
	b.buf = append(b.buf, p...)
	return len(p), nil
}

func (b *htmlBuilder) WriteString(s string) (int, error) {
	b.buf = append(b.buf, s...)
	return len(s), nil
}

func (b *htmlBuilder) WriteByte(c byte) error {
	b.buf = append(b.buf, c)
	return nil
}

// html ends the fragment and returns it. Nothing may be written after.
func (b *htmlBuilder) html() template.HTML {
	if s := b.s; s != nil {
		s.open = false
		s.want += len(b.buf)
		end := len(s.buf)
		if len(b.buf) > 0 && cap(s.buf) > end && unsafe.SliceData(b.buf) == &s.buf[:end+1][end] {
			// Still in the scratch: keep the bytes from the next fragment.
			s.buf = s.buf[:end+len(b.buf)]
		}
		b.s = nil
	}
	if len(b.buf) == 0 {
		return ""
	}
	return template.HTML(unsafe.String(unsafe.SliceData(b.buf), len(b.buf)))
}
