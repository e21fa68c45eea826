package markdown

import (
	"bytes"
	"crypto/sha256"
	"io"
	"maps"
	"runtime/debug"
	"slices"
	"sync"

	"github.com/batonhq/baton/internal/buildid"
	"github.com/batonhq/baton/internal/cachefile"
)

// codeFormat names the shape of fencedCode's highlighted output and of the
// cache's encoding. Change it whenever either changes. (The header also
// names the program that wrote the cache, by its executable's hash, so a
// build of baton with local changes never trusts another's cache either.)
const codeFormat = "baton code cache 1"

// A CodeCache keeps fenced code blocks as chroma highlighted them, keyed by
// lexer and code, so that a build highlights only the blocks no earlier
// build did. Chroma's lexers are about half of the Markdown stage's time, and
// a handbook's code rarely changes between two builds. Encode and
// DecodeCodeCache carry a cache from one run to the next; what they carry
// is dropped whenever chroma, its regular expressions, baton's output
// format or the program itself differ from the run that wrote it.
//
// A CodeCache is safe for concurrent use. What it gives for a key is always
// what chroma gives for that block, so a build's output never depends on
// what was cached.
type CodeCache struct {
	mu  sync.Mutex
	old map[codeKey][]byte // decoded from the last run; read only
	// read reads the file old is decoded from, when the first block is
	// looked up (LoadCodeCache); nil once it is read. A build whose pages
	// all come from a DocCache looks none up, and holds no block in
	// memory: what they keep waits in pending until the cache is saved.
	read    func() ([]byte, error)
	pending []codeKey

	live  map[codeKey]block // got or put in this run: what Encode keeps
	made  int               // blocks highlighted in this run
	hits  int               // blocks taken from the cache in this run
	saved int               // blocks in the file: decoded, or last encoded
	dirty bool              // a block was highlighted since
}

type codeKey [sha256.Size]byte

// A block is a highlighted block of this run: its bytes, or where a
// one-off build's spill holds them (put). A build that fills an empty
// cache would otherwise hold every block it highlights until the cache
// is saved, and the collector, near the memory budget, would run for them
// over and over (docs/performance.md, sixteenth session).
type block struct {
	html []byte
	s    *Spill
	off  int64
	n    int
}

// bytes is b's HTML, read back into buf (grown as needed) when b is in a
// spill.
func (b block) bytes(buf []byte) ([]byte, error) {
	if b.s == nil {
		return b.html, nil
	}
	buf = slices.Grow(buf[:0], b.n)[:b.n]
	_, err := b.s.ReadAt(buf, b.off)
	return buf, err
}

func keyOf(lexer, code string) codeKey {
	h := sha256.New()
	h.Write([]byte(lexer))
	h.Write([]byte{0})
	h.Write([]byte(code))
	var k codeKey
	h.Sum(k[:0])
	return k
}

// NewCodeCache returns an empty cache.
func NewCodeCache() *CodeCache {
	return &CodeCache{old: map[codeKey][]byte{}, live: map[codeKey]block{}}
}

// LoadCodeCache returns a cache that decodes what read gives (see
// DecodeCodeCache) when it is first asked for a block, or to save.
func LoadCodeCache(read func() ([]byte, error)) *CodeCache {
	c := NewCodeCache()
	c.read = read
	return c
}

// load decodes the file LoadCodeCache was given, once, and keeps what
// was kept meanwhile; c.mu is held.
func (c *CodeCache) load() {
	if c.read == nil {
		return
	}
	read := c.read
	c.read = nil
	if data, err := read(); err == nil {
		d := DecodeCodeCache(data)
		c.old, c.saved = d.old, d.saved
	}
	c.keepLoaded(c.pending)
	c.pending = nil
}

// DecodeCodeCache returns the cache Encode wrote into data. Data written by
// another version of chroma or of the format, cut short or damaged gives an
// empty cache: the blocks are highlighted again, never taken from it. The
// cache keeps parts of data; the caller must not change it.
func DecodeCodeCache(data []byte) *CodeCache {
	c := NewCodeCache()
	entries, ok := cachefile.OpenEntries(data, codeFormat, codeVersion())
	if !ok {
		return c
	}
	for k, e := range entries {
		c.old[codeKey(k)] = e
	}
	c.saved = len(c.old)
	return c
}

// Encode writes the blocks this run highlighted or took from the cache,
// and no others: a block no page has any more is dropped. The bytes are the
// same for the same blocks. It writes as it goes, so it holds no copy of
// the cache.
func (c *CodeCache) Encode(w io.Writer) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.load()
	keys := slices.SortedFunc(maps.Keys(c.live), func(a, b codeKey) int { return bytes.Compare(a[:], b[:]) })
	body := cachefile.NewWriter(w, codeFormat, codeVersion())
	var buf []byte // what spilled blocks are read back into, one at a time
	for _, k := range keys {
		b := c.live[k]
		html, err := b.bytes(buf)
		if err != nil {
			return err
		}
		if b.s != nil {
			buf = html
		}
		body.WriteEntry(cachefile.Key(k), html)
	}
	if err := body.Close(); err != nil {
		return err
	}
	c.saved, c.dirty = len(c.live), false
	return nil
}

// Changed reports whether Encode would write other blocks than the file
// holds, as decoded or last encoded (some were highlighted since, or some
// were not used), that a later run could use.
func (c *CodeCache) Changed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.load()
	return (c.dirty || len(c.live) != c.saved) && codeVersion() != ""
}

// Stats returns how many blocks this run took from the cache and how many
// it highlighted.
func (c *CodeCache) Stats() (reused, made int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits, c.made
}

// get returns the highlighted block for k, when a run has made it.
func (c *CodeCache) get(k codeKey) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.load()
	b, ok := c.live[k]
	if !ok {
		if b.html, ok = c.old[k]; ok {
			c.live[k] = b
		}
	}
	if !ok {
		return nil, false
	}
	c.hits++
	if b.s != nil {
		// Read as a page's own HTML is read back: failing to is a broken
		// disk, which render reports with the page.
		return b.s.get(b.off, b.n), true
	}
	return b.html, true
}

// keep keeps the blocks under keys that an earlier run made, as get
// would, without counting them as used: their page was taken whole from
// a DocCache, and the blocks are kept for when it changes.
func (c *CodeCache) keep(keys []codeKey) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.read != nil {
		c.pending = append(c.pending, keys...)
		return
	}
	c.keepLoaded(keys)
}

// keepLoaded is keep once the file is decoded; c.mu is held.
func (c *CodeCache) keepLoaded(keys []codeKey) {
	for _, k := range keys {
		if _, ok := c.live[k]; !ok {
			if html, ok := c.old[k]; ok {
				c.live[k] = block{html: html}
			}
		}
	}
}

// put keeps html as the block for k: in s when it is not nil (and can
// be written), else a copy in memory.
func (c *CodeCache) put(k codeKey, html []byte, s *Spill) {
	b := block{s: s, n: len(html)}
	if s != nil {
		var err error
		if b.off, err = s.Put(html); err != nil {
			b.s = nil
		}
	}
	if b.s == nil {
		b.html = bytes.Clone(html) // exactly its bytes, not a buffer's spare room
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.live[k]; !ok {
		c.live[k] = b
		c.made++
		c.dirty = true
	}
}

// codeVersion is the versions of chroma and of its regular expressions this
// program was built with, and the program's own hash (buildid), or "" when
// the build does not say: a cache is then neither trusted nor worth
// writing.
func codeVersion() string {
	deps, id := depVersions(), buildid.Executable()
	if deps == "" || id == "" {
		return ""
	}
	return deps + " " + id
}

// depVersions is the versions of chroma and of its regular expressions
// this program was built with, or "" when the build does not say.
var depVersions = sync.OnceValue(func() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	var v []string
	for _, d := range info.Deps {
		switch d.Path {
		case "github.com/alecthomas/chroma/v2", "github.com/dlclark/regexp2/v2":
			if d.Replace != nil {
				d = d.Replace
			}
			if d.Version == "" || d.Version == "(devel)" {
				return "" // a local copy: its version says nothing
			}
			v = append(v, d.Path+"@"+d.Version+" "+d.Sum)
		}
	}
	if len(v) != 2 {
		return ""
	}
	slices.Sort(v)
	return v[0] + " " + v[1]
})
