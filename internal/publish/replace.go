package publish

import (
	"bytes"
	"io"
	"os"
)

// replacer takes a file's new bytes for a file of the previous output.
// While they match the bytes already there it only reads them; at the
// first difference it removes the old file and writes a new one, which it
// starts with the bytes that matched, read from the old file. The old file
// is never written into: it may have been live one build ago, and a reader
// still holding it (a web server sending the print view) keeps its bytes
// whole. Reading a file from the page cache costs less than writing it,
// and an unchanged file keeps its blocks and times.
type replacer struct {
	t       *Tx
	dst     string
	old     *os.File
	oldSize int64
	off     int64    // new bytes so far
	new     *os.File // from the first difference on: the new file
	chunk   *[32 << 10]byte
}

// start compares the new length, size (-1 when not known), with the old
// file's: new bytes of another length are written whole, without reading
// the old.
func (r *replacer) start(size int64) error {
	if size >= 0 && size != r.oldSize {
		return r.diverge()
	}
	return nil
}

func (r *replacer) Write(p []byte) (int, error) {
	n := len(p)
	for r.new == nil && len(p) > 0 {
		if r.chunk == nil {
			r.chunk, _ = r.t.chunks.Get().(*[32 << 10]byte)
			if r.chunk == nil {
				r.chunk = new([32 << 10]byte)
			}
		}
		k := min(len(p), len(r.chunk))
		m, _ := io.ReadFull(r.old, r.chunk[:k])
		i := commonPrefix(r.chunk[:m], p[:k])
		r.off += int64(i)
		p = p[i:]
		if i < k {
			if err := r.diverge(); err != nil {
				return n - len(p), err
			}
		}
	}
	if len(p) > 0 {
		m, err := r.new.Write(p)
		r.off += int64(m)
		if err != nil {
			return n - len(p) + m, err
		}
	}
	return n, nil
}

// diverge replaces the old file with a new one that holds the off bytes
// that matched, copied from the old one, which stays open for it.
func (r *replacer) diverge() error {
	if err := r.t.o.disk.remove(r.dst); err != nil {
		return err
	}
	// The folder is there: the old file was in it.
	f, err := r.t.o.disk.create(r.dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY|noFollow)
	if err != nil {
		return err
	}
	r.new = f
	if r.off == 0 {
		return nil
	}
	if _, err := r.old.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err = io.CopyN(f, r.old, r.off)
	return err
}

// finish ends the file, after the write that made its bytes returned err,
// and reports whether its bytes were already the new ones.
func (r *replacer) finish(err error) (same bool, _ error) {
	if r.chunk != nil {
		r.t.chunks.Put(r.chunk)
		r.chunk = nil
	}
	if err == nil && r.new == nil && r.off != r.oldSize {
		err = r.diverge() // the new bytes end sooner than the old
	}
	r.old.Close()
	if r.new == nil {
		return err == nil, err
	}
	if cerr := r.new.Close(); err == nil {
		err = cerr
	}
	return false, err
}

// commonPrefix is the length of the longest prefix a and b share.
func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	if bytes.Equal(a[:n], b[:n]) {
		return n
	}
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}
