package cachefile

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"io"
)

// A Span is where an entry's bytes are in a file.
type Span struct {
	Off int64
	Len int
}

// An Indexed file is a framed file read entry by entry: Index reads it
// through once, checking its checksum and noting where each entry is, and
// keeps none of its bytes, so a cache far bigger than what one build
// needs of it costs memory only for the index.
type Indexed struct {
	r     io.ReaderAt
	spans map[Key]Span
}

// Index reads r, size bytes written by NewWriter with format and identity,
// and returns where each entry is, or false for a file that Open would
// refuse (another format or program, cut short, damaged, entries not well
// formed). The file must not change while it is read from: baton only
// ever replaces a cache file whole, so an open file keeps its bytes.
func Index(r io.ReaderAt, size int64, format, identity string) (*Indexed, bool) {
	head := header(format, identity)
	if identity == "" || size < int64(len(head))+4 {
		return nil, false
	}
	got := make([]byte, len(head))
	if _, err := r.ReadAt(got, 0); err != nil || !bytes.Equal(got, head) {
		return nil, false
	}
	end := size - 4
	sum := crc32.New(crcTable)
	br := bufio.NewReaderSize(io.TeeReader(io.NewSectionReader(r, int64(len(head)), end-int64(len(head))), sum), 1<<16)
	x := &Indexed{r: r, spans: map[Key]Span{}}
	for at := int64(len(head)); at < end; {
		var k Key
		if _, err := io.ReadFull(br, k[:]); err != nil {
			return nil, false
		}
		n, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, false
		}
		at += int64(len(k) + uvarintLen(n))
		if n > uint64(end-at) {
			return nil, false
		}
		if _, err := br.Discard(int(n)); err != nil {
			return nil, false
		}
		x.spans[k] = Span{Off: at, Len: int(n)}
		at += int64(n)
	}
	var tail [4]byte
	if _, err := r.ReadAt(tail[:], end); err != nil || binary.LittleEndian.Uint32(tail[:]) != sum.Sum32() {
		return nil, false
	}
	return x, true
}

// uvarintLen is how many bytes binary.AppendUvarint writes for n.
func uvarintLen(n uint64) int {
	var b [binary.MaxVarintLen64]byte
	return len(binary.AppendUvarint(b[:0], n))
}

// Find returns where k's entry is.
func (x *Indexed) Find(k Key) (Span, bool) {
	s, ok := x.spans[k]
	return s, ok
}

// Len is how many entries the file holds.
func (x *Indexed) Len() int { return len(x.spans) }

// ReadAt reads the file's bytes at off (into an entry's Span).
func (x *Indexed) ReadAt(b []byte, off int64) (int, error) { return x.r.ReadAt(b, off) }
