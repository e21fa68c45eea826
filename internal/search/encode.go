package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/batonhq/baton/internal/handbook"
)

// What the browser reads: the files' formats. layouts/assets/search.js
// decodes them.

// encodeStem is a stem's entry: its variants, sorted, each with its
// postings.
func (ix *indexer) encodeStem(stem string, vs []int32) []byte {
	n := len(stem) + 8
	for _, v := range vs {
		n += len(ix.variants[v]) + ix.encodedLen(v) + 8
	}
	b := make([]byte, 0, n)
	b = append(b, '[')
	b = appendJSONString(b, stem)
	b = append(b, ",["...)
	for i, v := range vs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, ix.variants[v])
		b = append(b, ',', '"')
		b = ix.appendEncoded(b, v)
		b = append(b, '"')
	}
	return append(b, "]]"...)
}

// encode writes the shard's file.
func (s *shard) encode() {
	var b bytes.Buffer
	size := 64 + len(s.key)
	for _, e := range s.entries {
		size += len(e.json) + 2
	}
	b.Grow(size) // all shards are held at once: no spare capacity
	b.WriteString("batonSearch.shard(")
	b.Write(jsonString(s.key))
	b.WriteString(",[\n")
	for j, e := range s.entries {
		if j > 0 {
			b.WriteString(",\n")
		}
		b.Write(e.json)
	}
	b.WriteString("\n]);\n")
	s.data = b.Bytes()
}

const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// appendVarint writes v five bits at a time, low bits first; the sixth
// bit of each character says more follow.
func appendVarint(b []byte, v int) []byte {
	for v >= 32 {
		b = append(b, digits[32|v&31])
		v >>= 5
	}
	return append(b, digits[v])
}

// appendPostings appends ps, encoded, to b.
func appendPostings(b []byte, ps []posting) []byte {
	prev := int32(0)
	for _, p := range ps {
		b = appendPosting(b, p, prev)
		prev = p.doc
	}
	return b
}

// appendPosting writes p, after a posting of document prev.
func appendPosting(b []byte, p posting, prev int32) []byte {
	b = appendVarint(b, int(p.doc-prev))
	b = appendVarint(b, int(p.code))
	return appendVarint(b, int(p.sec))
}

func jsonString(s string) []byte { return appendJSONString(nil, s) }

// appendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it (TestJSONString): quotes, backslashes and control characters;
// <, > and &, as HTML needs; U+2028 and U+2029, which end a line in
// JavaScript; and each byte that is not UTF-8 as U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	done := 0 // s[:done] is in b
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[done:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			done = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, s[done:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[done:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += n
			continue
		}
		i += n
		done = i
	}
	b = append(b, s[done:]...)
	return append(b, '"')
}

func metaFile(lang *language, n int, packs []*pack, buckets int, parts [][3]int, version string) []byte {
	var b bytes.Buffer
	b.WriteString(`batonSearch.meta({"version":`)
	b.Write(jsonString(version))
	b.WriteString(`,"docs":`)
	b.WriteString(strconv.Itoa(n))
	b.WriteString(`,"docsPerFile":`)
	b.WriteString(strconv.Itoa(DocsPerFile))
	// The rules the client must share with the index: how long a word may
	// be, and how many characters of a stem name its shard.
	fmt.Fprintf(&b, `,"words":[%d,%d],"keyRunes":%d,"buckets":%d`, minTokenRunes, maxTokenRunes, keyRunes, buckets)
	// Every shard's key and size, in key order, a shard that shares its
	// file with others in a list with them, the file named after the
	// first: ["ab",9000,["ac",900,"ad",700],...].
	b.WriteString(`,"shards":[`)
	for i, p := range packs {
		if i > 0 {
			b.WriteByte(',')
		}
		if len(p.shards) > 1 {
			b.WriteByte('[')
		}
		for j, s := range p.shards {
			if j > 0 {
				b.WriteByte(',')
			}
			b.Write(jsonString(s.key))
			b.WriteByte(',')
			b.WriteString(strconv.Itoa(len(s.data)))
		}
		if len(p.shards) > 1 {
			b.WriteByte(']')
		}
	}
	// Documents that are parts of another's page (see parts).
	b.WriteString(`],"parts":[`)
	for i, p := range parts {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "[%d,%d,%d]", p[0], p[1], p[2])
	}
	b.WriteByte(']')
	writeLanguage(&b, lang)
	b.WriteString(`,"stop":`)
	writeList(&b, lang.stop)
	b.WriteString("});\n")
	return b.Bytes()
}

// docFile is the display record of one document, with its text capped.
func docFile(id int, d Document, opts Options) []byte {
	return appendDocFile(nil, id, d, opts)
}

// appendDocFile appends docFile's record to b: a call with the document's
// id and, as JSON, its URL, title, section (unless empty), and each
// section's anchor, heading and text.
func appendDocFile(b []byte, id int, d Document, opts Options) []byte {
	b = append(b, "batonSearch.doc("...)
	b = strconv.AppendInt(b, int64(id), 10)
	b = append(b, `,{"url":`...)
	b = appendJSONString(b, d.URL)
	b = append(b, `,"title":`...)
	b = appendJSONString(b, d.Title)
	if d.Section != "" {
		b = append(b, `,"section":`...)
		b = appendJSONString(b, d.Section)
	}
	b = append(b, `,"sections":`...)
	if len(d.Sections) == 0 {
		b = append(b, "null"...)
	}
	left := opts.DocChars
	for i, s := range d.Sections {
		text := handbook.Shorten(s.Text, min(opts.SectionChars, max(left, 0)))
		left -= len(text)
		if i == 0 {
			b = append(b, '[')
		} else {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = appendJSONString(b, s.Anchor)
		b = append(b, ',')
		b = appendJSONString(b, s.Heading)
		b = append(b, ',')
		b = appendJSONString(b, text)
		b = append(b, ']')
		if i == len(d.Sections)-1 {
			b = append(b, ']')
		}
	}
	return append(b, "});\n"...)
}

// docPath is the display file that holds document id.
func docPath(id int) string { return Dir + "/d/" + strconv.Itoa(id/DocsPerFile) + ".js" }

// docGroup is the display file that holds document id: the records of
// its group, in order.
func (x *Index) docGroup(id int) []byte {
	first := id - id%DocsPerFile
	last := min(first+DocsPerFile, len(x.docs))
	n := 0
	for i := first; i < last; i++ {
		n += len(x.docs[i])
	}
	out := make([]byte, 0, n)
	for i := first; i < last; i++ {
		out = append(out, x.docs[i]...)
	}
	return out
}

func (x *Index) setDoc(id int, data []byte) {
	x.docs[id] = data
	if g := id / DocsPerFile; g < len(x.grouped) {
		x.grouped[g] = nil
	}
}

// docFile returns the display file of document id's group, made once
// after each change to one of its records.
func (x *Index) docFile(id int) (path string, data []byte) {
	path, g := docPath(id), id/DocsPerFile
	if x.grouped == nil {
		x.grouped = make([][]byte, (len(x.docs)+DocsPerFile-1)/DocsPerFile)
	}
	if x.grouped[g] == nil {
		x.grouped[g] = x.docGroup(id)
		x.sum[path] = sha256.Sum256(x.grouped[g])
	}
	return path, x.grouped[g]
}

// assemble lists every file, sorted by path.
func (x *Index) assemble() {
	x.files = x.files[:0]
	for _, p := range x.packs {
		x.files = append(x.files, File{Path: p.path(), Data: p.data})
	}
	for id := 0; id < len(x.docs); id += DocsPerFile {
		p, data := x.docFile(id)
		x.files = append(x.files, File{Path: p, Data: data})
	}
	x.files = append(x.files, File{Path: metaPath})
	if x.script.Path != "" {
		x.files = append(x.files, x.script)
	}
	slices.SortFunc(x.files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	x.at = make(map[string]int, len(x.files))
	for i, f := range x.files {
		x.at[f.Path] = i
	}
	x.meta()
}

// meta writes index.js: the document count, every shard's size and file, and a
// version made from every other file's hash, so it changes with any.
func (x *Index) meta() {
	paths := make([]string, 0, len(x.files)-1)
	for _, f := range x.files { // sorted by path
		if f.Path != metaPath {
			paths = append(paths, f.Path)
		}
	}
	x.files[x.at[metaPath]].Data = metaFile(x.stemmer.lang, len(x.docs), x.packs, x.buckets, x.parts, x.version(paths))
}

// version is a hash of the path and hash of every file but index.js,
// listed in paths in path order: x.sum holds the hashes.
func (x *Index) version(paths []string) string {
	h := sha256.New()
	for _, p := range paths {
		sum := x.sum[p]
		h.Write([]byte(p))
		h.Write([]byte{0})
		h.Write(sum[:])
	}
	return hex.EncodeToString(h.Sum(nil)[:6])
}

// writeLanguage writes what the client does in the site's language beyond
// English's way (language.go): the stemmer to load, that stems are
// folded, and the elisions. An English site's meta has none of them.
func writeLanguage(b *bytes.Buffer, lang *language) {
	if lang.english {
		return
	}
	if lang.snowball != "" {
		b.WriteString(`,"stemmer":`)
		b.Write(jsonString(lang.snowball))
	}
	b.WriteString(`,"fold":true`)
	if len(lang.elisions) > 0 {
		b.WriteString(`,"elide":`)
		writeList(b, lang.elisions)
	}
}

func writeList(b *bytes.Buffer, words []string) {
	b.WriteByte('[')
	for i, w := range words {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(jsonString(w))
	}
	b.WriteByte(']')
}
