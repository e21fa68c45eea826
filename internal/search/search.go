// Package search builds the site's full-text search index from the model.
//
// The index is a set of JavaScript files under _baton/search/ that call a
// global registration function (batonSearch.meta, .shard, .doc), so the
// client script loads them with script tags: that works from file:// where
// fetch does not. It is split so a query loads only what it needs:
//
//   - index.js, the meta: the number of documents, the shard keys with
//     their sizes and files, which documents are parts of another's
//     page (a role's responsibilities), the stop words, outside English
//     the stemmer to load, and a version hash;
//   - stem/NAME.js, in a site in a language Snowball stems, the stemmer
//     as a classic script (language.go);
//   - s/KEY.js, the shards: every stem whose prefix routes to KEY, with
//     its surface forms ("variants") and, per variant, the postings. A
//     shard under Options.PackBytes shares its file with the small shards
//     after it, in key order (pack): the file is named after the first;
//   - d/N.js, the display records of documents 4N to 4N+3 (DocsPerFile):
//     URL, title, section, and the headings and their text, for showing a
//     result and its snippet.
//
// A shard key is the first two characters of a stem; a shard larger than
// Options.ShardBytes is split by one more character, recursively, keeping
// in the parent the stems exactly as long as its key. So a stem's shard is
// found by walking its prefixes while they are split (route, in search.js),
// and the client knows which prefixes are split from the keys alone. The
// meta also carries the rules the client must share with the index (word
// lengths, the shard key's length, the stop words), so they are written
// once, here.
//
// A posting is three numbers, written as base-64 varints in one string per
// variant: the document (as a delta from the previous posting), a code
// (field | tf bucket << 2) and the section (0 for the top of the page, i+1
// for the page's heading i) where the word counts most.
//
// Build is a pure function of the Site: no I/O, no maps iterated into the
// output, so the same site gives the same bytes.
//
// The files, by job: documents.go makes the search documents from the
// Site; tokenize.go splits their text into words and stems them (English;
// language.go picks the stemmer and stop words of the site's language, and
// its stemmer script for the browser); index.go
// gathers the postings (Index) and keeps words between builds (Cache);
// shards.go lays the stems out in shards; encode.go writes what the
// browser reads; update.go re-indexes edited pages for the dev server;
// wordcache.go is the words kept on disk between runs.
package search

import (
	"maps"
	"slices"
	"strings"

	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/markdown"
)

// Dir is where the index goes, relative to the output folder.
const Dir = "_baton/search"

// File is one output file of the index.
type File struct {
	Path string // relative to the output folder
	Data []byte
}

// Options tune the index; the zero value means the defaults.
type Options struct {
	// ShardBytes is the size above which a shard is split by a longer
	// prefix.
	ShardBytes int
	// PackBytes is the size below which shards share a file: a run of
	// them, adjacent in key order, fills a file to at least this size.
	PackBytes int
	// SectionChars caps the text kept per section for snippets, and
	// DocChars per document. A result's snippet is 24 words around the
	// query's words in the section they count most in, so a section's
	// first paragraph or two serves; every result shown loads its
	// display file (with three other documents'), which at 10,000 pages
	// made display files most of what a first query loads.
	SectionChars, DocChars int
	// Cache, when set, keeps documents' words between builds.
	Cache *Cache
	// Words, when set, gives documents' words an earlier run listed, and
	// keeps those of this build for the next run (see WordCache).
	Words *WordCache
	// Spill, when set, is where Words keeps this build's entries until
	// they are saved, out of memory (a one-off build's scratch file).
	Spill *markdown.Spill
}

func (o Options) withDefaults() Options {
	if o.ShardBytes == 0 {
		o.ShardBytes = 24 << 10
	}
	if o.PackBytes == 0 {
		o.PackBytes = 4 << 10
	}
	if o.SectionChars == 0 {
		o.SectionChars = 600
	}
	if o.DocChars == 0 {
		o.DocChars = 2400
	}
	return o
}

// Build returns the index files for a site, sorted by path.
func Build(site *handbook.Site, opts Options) []File {
	var files []File
	_ = Stream(site, opts, func(f File) error {
		files = append(files, f)
		return nil
	})
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return files
}

// NewIndex indexes every document of site.
func NewIndex(site *handbook.Site, opts Options) *Index {
	return newIndex(site, opts, true, nil)
}

// Stream makes the index files of site, as Build does, and hands each to
// emit as soon as it is made: a display file once its documents are
// indexed, then the shards, then index.js. It keeps no display file after
// emitting it, so a one-off build never holds them all (their size:
// docs/performance.md). It stops at the first error emit returns, and
// returns it.
func Stream(site *handbook.Site, opts Options, emit func(File) error) error {
	var err error
	x := newIndex(site, opts, false, func(f File) {
		if err == nil {
			err = emit(f)
		}
	})
	if err != nil {
		return err
	}
	if x.script.Path != "" {
		if err := emit(x.script); err != nil {
			return err
		}
	}
	for _, p := range x.packs {
		if err := emit(File{Path: p.path(), Data: p.data}); err != nil {
			return err
		}
	}
	return emit(File{Path: metaPath, Data: metaFile(x.stemmer.lang, len(x.docs), x.packs, x.buckets, x.parts, x.version(slices.Sorted(maps.Keys(x.sum))))})
}

// DocsPerFile is how many documents' display records share a file: d/N.js
// holds documents 4N to 4N+3. One file per document would double the
// files of a big handbook's output (slow to create on many disks, and to
// upload); four keep a first query's download small (BenchmarkIndex10k,
// docs/performance.md).
const DocsPerFile = 4

const metaPath = Dir + "/index.js"
