// Package buildcache keeps on disk what one run of baton gives the next:
// the prepared pages (markdown.DocCache), the code blocks chroma
// highlighted (markdown.CodeCache), the words of each search document
// (search.WordCache) and the rendered pages (Pages), so a build parses,
// highlights, tokenises and renders only what changed since the last one, and what baton check
// --external found of links to other sites (linkcheck.Cache), so a check
// within their time to live asks no site again.
//
// The cache is a folder, by default SITE/.baton-cache, holding a .gitignore
// of "*" and one file per kind of entry. Nothing in it is ever needed:
// removing it, or any file in it, only makes the next build do the work
// again, and a file written by another version of baton or of chroma, or
// damaged, is ignored. Files are replaced whole (written beside, then
// renamed), so a build that reads one while another build writes it reads
// the old or the new, never a mix.
package buildcache

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/batonhq/baton/internal/buildid"
	"github.com/batonhq/baton/internal/linkcheck"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/search"
)

// Dir is the cache's folder in a site, by default.
const Dir = ".baton-cache"

// The files, one per kind of entry (and pagesFile, the rendered pages).
const (
	docsFile  = "pages"
	codeFile  = "code-blocks"
	wordsFile = "search-words"
	linksFile = "external-links"
)

const gitignore = "# baton's build cache: safe to remove, and to keep between CI runs\n*\n"

// LoadCode reads the code blocks cached in dir. A missing, unreadable or
// stale file gives an empty cache.
// The file is read when a block is first looked up (markdown.LoadCodeCache),
// which a build whose pages all come from the pages' cache never does.
func LoadCode(dir string) *markdown.CodeCache {
	go buildid.Executable() // the cache's header names the program: hash it while the file is read
	return markdown.LoadCodeCache(func() ([]byte, error) { return os.ReadFile(filepath.Join(dir, codeFile)) })
}

// LoadDocs opens the prepared pages cached in dir, and indexes them in
// the background (see markdown.LoadDocCache); a page is read when the
// build prepares it. A missing, unreadable or stale file gives an empty
// cache. The file stays open until SaveDocs.
func LoadDocs(dir string) *markdown.DocCache {
	go buildid.Executable()
	return markdown.LoadDocCache(func() (markdown.DocFile, int64, error) {
		f, err := os.Open(filepath.Join(dir, docsFile))
		if err != nil {
			return nil, 0, err
		}
		info, err := f.Stat()
		if err != nil || !info.Mode().IsRegular() {
			f.Close()
			return nil, 0, fs.ErrInvalid
		}
		return f, info.Size(), nil
	})
}

// SaveDocs writes c into dir when it changed since LoadDocs, as SaveCode
// does, copying the pages it kept from the file it was loaded from, and
// then closes that file: the Docs read from it are done with.
func SaveDocs(dir string, c *markdown.DocCache) error {
	err := save(dir, docsFile, closing{c})
	if cerr := c.Close(); err == nil {
		err = cerr
	}
	return err
}

// closing is a DocCache that lets go of the file it was loaded from once
// the new one is written, before the new one is renamed over it: Windows
// cannot rename over a file that is open.
type closing struct{ *markdown.DocCache }

func (c closing) Encode(w io.Writer) error {
	err := c.DocCache.Encode(w)
	if cerr := c.Close(); err == nil {
		err = cerr
	}
	return err
}

// LoadWords reads the search words cached in dir, in the background (see
// search.LoadWordCache). A missing, unreadable or stale file gives an empty
// cache.
func LoadWords(dir string) *search.WordCache {
	return search.LoadWordCache(func() ([]byte, error) { return os.ReadFile(filepath.Join(dir, wordsFile)) })
}

// LoadLinks reads the link results cached in dir. A missing, unreadable or
// stale file gives an empty cache.
func LoadLinks(dir string) *linkcheck.Cache {
	data, err := os.ReadFile(filepath.Join(dir, linksFile))
	if err != nil {
		return linkcheck.NewCache()
	}
	return linkcheck.DecodeCache(data)
}

// SaveLinks writes c into dir when it changed since LoadLinks, as SaveCode
// does.
func SaveLinks(dir string, c *linkcheck.Cache) error { return save(dir, linksFile, c) }

// entry is a cache that can be written to its file.
type entry interface {
	Changed() bool
	Encode(io.Writer) error
}

// SaveCode writes c into dir when it changed since LoadCode, making dir and
// its .gitignore when needed.
func SaveCode(dir string, c *markdown.CodeCache) error { return save(dir, codeFile, c) }

// SaveWords writes c into dir when it changed since LoadWords, as SaveCode
// does.
func SaveWords(dir string, c *search.WordCache) error { return save(dir, wordsFile, c) }

func save(dir, name string, c entry) error {
	if !c.Changed() {
		return nil
	}
	if err := makeDir(dir); err != nil {
		return err
	}
	return replace(filepath.Join(dir, name), c.Encode)
}

// makeDir makes the cache's folder and its .gitignore, when needed.
func makeDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	ignore := filepath.Join(dir, ".gitignore")
	if _, err := os.Lstat(ignore); errors.Is(err, fs.ErrNotExist) {
		return os.WriteFile(ignore, []byte(gitignore), 0o644)
	}
	return nil
}

// replace writes a new file beside name with write and renames it over
// name.
func replace(name string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp-*")
	if err != nil {
		return err
	}
	err = f.Chmod(0o644) // as os.WriteFile would make it, not CreateTemp's 0600
	if err == nil {
		err = write(f)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		_ = os.Remove(f.Name())
	}
	return err
}
