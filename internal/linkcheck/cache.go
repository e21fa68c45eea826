package linkcheck

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"io"
	"slices"
	"sync"
	"time"

	"github.com/batonhq/baton/internal/buildid"
	"github.com/batonhq/baton/internal/cachefile"
)

// Cache keeps what checks found of URLs, with when, so a check within the
// TTL asks no site again. Results the site would not give (Unknown) are
// not kept. Its file is framed by cachefile; internal/buildcache keeps it
// in the build cache's folder.
type Cache struct {
	mu      sync.Mutex
	entries map[cachefile.Key]entry
	changed bool
}

type entry struct {
	at      int64 // Unix seconds
	verdict Verdict
	reason  string
	movedTo string
}

const cacheFormat = "baton link results 1"

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{entries: map[cachefile.Key]entry{}} }

// DecodeCache reads a cache Encode wrote. A file of another format or
// program, or damaged, gives an empty cache.
func DecodeCache(data []byte) *Cache {
	c := NewCache()
	raw, ok := cachefile.OpenEntries(data, cacheFormat, buildid.Executable())
	if !ok {
		return c
	}
	for k, b := range raw {
		e, ok := decodeEntry(b)
		if !ok {
			return NewCache()
		}
		c.entries[k] = e
	}
	return c
}

func decodeEntry(b []byte) (entry, bool) {
	var e entry
	at, n := binary.Varint(b)
	if n <= 0 || len(b) < n+1 {
		return e, false
	}
	e.at, e.verdict, b = at, Verdict(b[n]), b[n+1:]
	if e.verdict > Broken {
		return e, false
	}
	var ok bool
	if e.reason, b, ok = readString(b); !ok {
		return e, false
	}
	if e.movedTo, b, ok = readString(b); !ok || len(b) > 0 {
		return e, false
	}
	return e, true
}

func readString(b []byte) (string, []byte, bool) {
	n, w := binary.Uvarint(b)
	if w <= 0 || n > uint64(len(b)-w) {
		return "", nil, false
	}
	return string(b[w : w+int(n)]), b[w+int(n):], true
}

// Changed reports whether the cache holds other results than it was read
// with.
func (c *Cache) Changed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.changed
}

// Encode writes the cache, its entries in the order of their keys so two
// equal caches are the same bytes.
func (c *Cache) Encode(w io.Writer) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	keys := make([]cachefile.Key, 0, len(c.entries))
	for k := range c.entries {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b cachefile.Key) int { return bytes.Compare(a[:], b[:]) })
	body := cachefile.NewWriter(w, cacheFormat, buildid.Executable())
	for _, k := range keys {
		e := c.entries[k]
		b := binary.AppendVarint(nil, e.at)
		b = append(b, byte(e.verdict))
		b = binary.AppendUvarint(b, uint64(len(e.reason)))
		b = append(b, e.reason...)
		b = binary.AppendUvarint(b, uint64(len(e.movedTo)))
		b = append(b, e.movedTo...)
		body.WriteEntry(k, b)
	}
	return body.Close()
}

func key(url string) cachefile.Key { return sha256.Sum256([]byte(url)) }

// lookup returns the result kept for url when it was found within ttl of
// now (brokenTTL for a broken one). A nil cache has none.
func (c *Cache) lookup(url string, now time.Time, ttl, brokenTTL time.Duration) (Result, bool) {
	if c == nil {
		return Result{}, false
	}
	c.mu.Lock()
	e, ok := c.entries[key(url)]
	c.mu.Unlock()
	if !ok {
		return Result{}, false
	}
	life := ttl
	if e.verdict == Broken {
		life = brokenTTL
	}
	found := time.Unix(e.at, 0)
	// A result from the future (a clock set back) is not trusted.
	if found.After(now) || now.Sub(found) >= life {
		return Result{}, false
	}
	return Result{Verdict: e.verdict, Reason: e.reason, MovedTo: e.movedTo}, true
}

// store keeps r as found at now, unless the site would not say.
func (c *Cache) store(url string, r Result, now time.Time) {
	if c == nil || r.Verdict == Unknown {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[key(url)] = entry{at: now.Unix(), verdict: r.Verdict, reason: r.Reason, movedTo: r.MovedTo}
	c.changed = true
}

// forget drops the results found before t, which no check would take.
func (c *Cache) forget(t time.Time) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, e := range c.entries {
		if e.at < t.Unix() {
			delete(c.entries, k)
			c.changed = true
		}
	}
}
