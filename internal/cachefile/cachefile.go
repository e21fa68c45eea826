// Package cachefile is the one framing of the files baton keeps from one
// run to the next (the build cache, internal/buildcache): a header that
// names the file's format and the program that wrote it, the body, and a
// CRC-32C of the body. Open gives the body only of a file written in the
// same format by the same program, whole and undamaged: anything else is
// no file, so a cache read from it is empty, never wrong.
//
// The packages that keep entries (markdown's code blocks, search's words)
// own only the encoding of their entries; this package owns the file.
package cachefile

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"hash"
	"hash/crc32"
	"io"
)

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// header opens a file: the format, then the identity of what wrote it.
func header(format, identity string) []byte {
	return []byte(format + "\n" + identity + "\n")
}

// A Writer writes one framed file: the header when it is made, the body
// through Write, the checksum at Close.
type Writer struct {
	bw   *bufio.Writer
	sum  hash.Hash32
	body io.Writer
}

// NewWriter starts a file in format, written by the program identity (the
// program's hash, and whatever else decides the entries' bytes).
func NewWriter(w io.Writer, format, identity string) *Writer {
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.Write(header(format, identity))
	sum := crc32.New(crcTable)
	return &Writer{bw: bw, sum: sum, body: io.MultiWriter(bw, sum)}
}

// Write writes part of the body.
func (w *Writer) Write(p []byte) (int, error) { return w.body.Write(p) }

// Close ends the file with the body's checksum, and flushes it.
func (w *Writer) Close() error {
	w.bw.Write(binary.LittleEndian.AppendUint32(nil, w.sum.Sum32()))
	return w.bw.Flush()
}

// Open returns the body of data, a file NewWriter wrote with format and
// identity, and whether it is one: a file of another format or program,
// cut short or damaged, or an identity of "" (a program that cannot say
// what it is) gives false. The body is part of data.
func Open(data []byte, format, identity string) ([]byte, bool) {
	if identity == "" {
		return nil, false
	}
	body, ok := bytes.CutPrefix(data, header(format, identity))
	if !ok || len(body) < 4 {
		return nil, false
	}
	body, sum := body[:len(body)-4], binary.LittleEndian.Uint32(body[len(body)-4:])
	if crc32.Checksum(body, crcTable) != sum {
		return nil, false
	}
	return body, true
}

// Key names an entry: the SHA-256 of what it is made from.
type Key [32]byte

// WriteEntry writes one entry of a body: its key, its length, its bytes.
func (w *Writer) WriteEntry(k Key, data []byte) { w.WriteEntryParts(k, data) }

// WriteEntryParts writes one entry whose bytes are parts, one after the
// other, without joining them first.
func (w *Writer) WriteEntryParts(k Key, parts ...[]byte) {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	w.Write(k[:])
	w.Write(binary.AppendUvarint(nil, uint64(n)))
	for _, p := range parts {
		w.Write(p)
	}
}

// Entries reads the entries WriteEntry wrote, to the end of body, and
// reports whether they are well formed. The entries are parts of body.
func Entries(body []byte) (map[Key][]byte, bool) {
	entries := map[Key][]byte{}
	for len(body) > 0 {
		if len(body) < len(Key{}) {
			return nil, false
		}
		k := Key(body[:len(Key{})])
		n, w := binary.Uvarint(body[len(k):])
		rest := body[len(k)+max(w, 0):]
		if w <= 0 || n > uint64(len(rest)) {
			return nil, false
		}
		entries[k] = rest[:n:n]
		body = rest[n:]
	}
	return entries, true
}

// OpenEntries returns the entries of data, a file NewWriter wrote with
// format and identity whose body is entries alone (WriteEntry's), and
// whether it is one, well formed: what Open and then Entries give, for
// the caches (links', code blocks') that keep nothing else in their file.
func OpenEntries(data []byte, format, identity string) (map[Key][]byte, bool) {
	body, ok := Open(data, format, identity)
	if !ok {
		return nil, false
	}
	return Entries(body)
}
