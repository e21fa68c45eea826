package build

import (
	"crypto/sha256"
	"hash"

	"github.com/batonhq/baton/internal/cachefile"
)

// A PageStore keeps rendered pages from one run of baton build to the
// next, by the stable key of their views (buildcache.Pages).
type PageStore interface {
	// Get returns the bytes of the page rendered from the view whose key
	// is key, and what to call once they are written; or false.
	Get(key cachefile.Key) ([]byte, func(), bool)
	// Put keeps the bytes of a page rendered from the view whose key is
	// key.
	Put(key cachefile.Key, data []byte)
}

// PageKey makes the key of one page's view: a SHA-256, the same from one
// run to the next, of the bytes written into it (render.Job.Key writes
// them, through markdown.KeyWriter), for a PageStore.
type PageKey struct {
	h   hash.Hash
	buf []byte
}

// NewPageKey starts the key of a page of a site rendered by the theme
// whose files hash to theme: a page's bytes depend on the theme's
// templates and assets as much as on its view.
func NewPageKey(theme [32]byte) *PageKey {
	k := &PageKey{h: sha256.New(), buf: make([]byte, 0, 4096)}
	k.h.Write(theme[:])
	return k
}

func (k *PageKey) flush() {
	k.h.Write(k.buf)
	k.buf = k.buf[:0]
}

func (k *PageKey) Write(b []byte) (int, error) {
	if len(b) > cap(k.buf)-len(k.buf) {
		k.flush()
		if len(b) > cap(k.buf) {
			return k.h.Write(b)
		}
	}
	k.buf = append(k.buf, b...)
	return len(b), nil
}

func (k *PageKey) WriteString(s string) (int, error) {
	if len(s) > cap(k.buf)-len(k.buf) {
		k.flush()
	}
	if len(s) > cap(k.buf) {
		return k.h.Write([]byte(s))
	}
	k.buf = append(k.buf, s...)
	return len(s), nil
}

func (k *PageKey) WriteByte(c byte) error {
	if len(k.buf) == cap(k.buf) {
		k.flush()
	}
	k.buf = append(k.buf, c)
	return nil
}

// Sum is the key.
func (k *PageKey) Sum() cachefile.Key {
	k.flush()
	var sum cachefile.Key
	k.h.Sum(sum[:0])
	return sum
}
