package buildcache

import (
	"errors"
	"os"
	"path/filepath"
	"sync"

	"github.com/batonhq/baton/internal/buildid"
	"github.com/batonhq/baton/internal/cachefile"
)

// pagesFile holds the pages `baton build` rendered, pagesFormat names the
// encoding of its entries: a page's bytes, under the key of its view.
const (
	pagesFile   = "rendered-pages"
	pagesFormat = "baton rendered pages 1"
)

// Pages keeps the pages a build rendered, each under the key of what its
// template read (render.Job.Key, made stable: build.PageKey), so that the
// next build copies a page whose key it has rather than rendering it
// again: the key is a SHA-256 of the whole view, URL and language
// included, and of the theme, so the bytes kept under it are the page's.
// A build into an empty folder (a CI run that kept the cache) then
// renders only what changed.
//
// The file is indexed in the background when loaded, and read an entry
// at a time. New entries go to a new file in the cache folder as they are
// put, so no page is held; SavePages adds the old entries this build
// used and puts the new file in the old one's place, or, when the build
// put nothing new and used every old entry, leaves the old file be.
//
// Pages is safe for concurrent use.
type Pages struct {
	dir   string
	ready chan struct{} // closed once the old file is indexed
	old   *cachefile.Indexed
	oldF  *os.File

	mu     sync.Mutex
	used   map[cachefile.Key]cachefile.Span // old entries this build took
	fresh  *os.File                         // the new file, made at the first Put
	w      *cachefile.Writer
	put    map[cachefile.Key]bool
	err    error // the new file failed: it is not saved
	closed bool

	bufs sync.Pool
}

// LoadPages opens the rendered pages cached in dir. A missing, unreadable
// or stale file gives an empty cache.
func LoadPages(dir string) *Pages {
	p := &Pages{dir: dir, ready: make(chan struct{}), used: map[cachefile.Key]cachefile.Span{}, put: map[cachefile.Key]bool{}}
	go func() {
		defer close(p.ready)
		f, err := os.Open(filepath.Join(dir, pagesFile))
		if err != nil {
			return
		}
		info, err := f.Stat()
		if err != nil || !info.Mode().IsRegular() {
			f.Close()
			return
		}
		x, ok := cachefile.Index(f, info.Size(), pagesFormat, buildid.Executable())
		if !ok {
			f.Close()
			return
		}
		p.old, p.oldF = x, f
	}()
	return p
}

// Get returns the bytes of the page rendered from the view whose key is
// key, and what gives them back once they are written; or false.
func (p *Pages) Get(key cachefile.Key) ([]byte, func(), bool) {
	<-p.ready
	if p.old == nil {
		return nil, nil, false
	}
	span, ok := p.old.Find(key)
	if !ok {
		return nil, nil, false
	}
	bp, _ := p.bufs.Get().(*[]byte)
	if bp == nil {
		bp = new([]byte)
	}
	buf := *bp
	if cap(buf) < span.Len {
		buf = make([]byte, span.Len)
	}
	buf = buf[:span.Len]
	release := func() { *bp = buf; p.bufs.Put(bp) }
	if _, err := p.old.ReadAt(buf, span.Off); err != nil {
		release()
		return nil, nil, false
	}
	p.mu.Lock()
	if !p.closed {
		p.used[key] = span
	}
	p.mu.Unlock()
	return buf, release, true
}

// Put keeps the bytes of the page rendered from the view whose key is
// key, for the next build.
func (p *Pages) Put(key cachefile.Key, data []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed || p.err != nil || p.put[key] {
		return
	}
	if p.err = p.start(); p.err != nil {
		return
	}
	p.put[key] = true
	delete(p.used, key)
	p.w.WriteEntry(key, data)
}

// start makes the new file, once, in the cache's folder.
func (p *Pages) start() error {
	if p.fresh != nil {
		return nil
	}
	if err := makeDir(p.dir); err != nil {
		return err
	}
	f, err := os.CreateTemp(p.dir, "."+pagesFile+".tmp-*")
	if err != nil {
		return err
	}
	p.fresh, p.w = f, cachefile.NewWriter(f, pagesFormat, buildid.Executable())
	return nil
}

// Stats says how many pages this build took from the cache and how many
// it put.
func (p *Pages) Stats() (reused, rendered int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.used), len(p.put)
}

// changed reports whether the file to save differs from the old one:
// something was put, or an old entry went unused.
func (p *Pages) changed() bool {
	return p.fresh != nil || p.old != nil && len(p.used) < p.old.Len()
}

// SavePages writes the pages p kept into the folder LoadPages read them
// from, when they changed since: the new ones as they were put, then the
// old ones the build used, copied from the old file. p is closed either
// way.
func SavePages(p *Pages) error {
	<-p.ready
	p.mu.Lock()
	defer p.mu.Unlock()
	defer p.closeLocked()
	if p.err != nil || !p.changed() {
		return p.err
	}
	// With nothing new (only pages gone), the file starts here.
	if err := p.start(); err != nil {
		return err
	}
	var buf []byte
	for k, span := range p.used {
		if cap(buf) < span.Len {
			buf = make([]byte, span.Len)
		}
		buf = buf[:span.Len]
		if _, err := p.old.ReadAt(buf, span.Off); err != nil {
			return err
		}
		p.w.WriteEntry(k, buf)
	}
	err := p.w.Close()
	if err == nil {
		err = p.fresh.Chmod(0o644)
	}
	if cerr := p.fresh.Close(); err == nil {
		err = cerr
	}
	if p.oldF != nil {
		// Windows cannot rename over a file that is open.
		p.oldF.Close()
		p.oldF = nil
	}
	if err == nil {
		err = os.Rename(p.fresh.Name(), filepath.Join(p.dir, pagesFile))
	}
	if err == nil {
		p.fresh = nil
	}
	return err
}

// Close lets go of the files: the old one, and a new one that was not
// saved (a build that failed), which is removed.
func (p *Pages) Close() error {
	<-p.ready
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.closeLocked()
}

func (p *Pages) closeLocked() error {
	p.closed = true
	var err error
	if p.fresh != nil {
		p.fresh.Close()
		err = os.Remove(p.fresh.Name())
		p.fresh = nil
	}
	if p.oldF != nil {
		err = errors.Join(err, p.oldF.Close())
		p.oldF = nil
	}
	return err
}
