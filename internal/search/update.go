package search

import (
	"reflect"
	"slices"
	"strings"

	"github.com/batonhq/baton/internal/handbook"
)

// Update re-indexes the given pages of site, which must have the same
// documents as the site the index was built from, in the same order
// (Stale says which pages differ), with only these pages' documents
// changed: their text, title, summary, section, tags or roles. It returns
// the files whose bytes changed; or, when the set of files changed too (a
// shard split differently, or small shards share their files
// differently), reshaped and no list, and Files has them all.
func (x *Index) Update(site *handbook.Site, pages []*handbook.Page) (changed []File, reshaped bool) {
	ids := make([]int, len(pages))
	for i, p := range pages {
		id, ok := slices.BinarySearchFunc(site.Pages, p.URL, func(q *handbook.Page, u string) int { return strings.Compare(q.URL, u) })
		if !ok || id >= len(x.docs) {
			panic("search: Update of a page that is not in the index")
		}
		ids[i] = id
	}
	dirty := map[string]bool{} // stems
	for i, p := range pages {
		x.reindex(ids[i], site, p, dirty)
	}
	x.rerecord(ids)
	for g := range x.restem(dirty) {
		x.placeGroup(g, dirty)
	}
	// Fewer or more bytes of terms without spaces may want another number
	// of buckets: every such term moves.
	x.rebucket(x.bucketsFor(x.spaceless))
	if x.repack() {
		x.assemble()
		return nil, true
	}
	// The same files: replace the bytes of those that changed.
	set := func(p string, data []byte) {
		i := x.at[p]
		x.files[i].Data = data
		changed = append(changed, x.files[i])
	}
	for _, id := range ids {
		if p := docPath(id); !slices.ContainsFunc(changed, func(f File) bool { return f.Path == p }) {
			set(x.docFile(id))
		}
	}
	for _, p := range x.freshPacks {
		set(p.path(), p.data)
	}
	x.meta()
	changed = append(changed, x.files[x.at[metaPath]])
	return changed, false
}

// reindex lists the words of page p of site (document id) again, and
// changes the postings of the words whose posting for it changed (new,
// gone, or in another field, frequency or section), marking their stems
// dirty.
func (x *Index) reindex(id int, site *handbook.Site, p *handbook.Page, dirty map[string]bool) {
	byDoc := func(p posting, id int) int { return int(p.doc) - id }
	d := pageDocument(site, p)
	occ := slices.Clone(x.ix.tok.words(d))
	// Only the words whose posting for this document changed (new,
	// gone, or in another field, frequency or section) change shards.
	was := make(map[string]posting, len(x.occ[id]))
	for _, o := range x.occ[id] {
		was[o.word] = o.posting(id)
	}
	for _, o := range occ {
		np := o.posting(id)
		op, had := was[o.word]
		delete(was, o.word)
		if had && op == np {
			continue
		}
		v := x.ix.intern(o.word)
		if int(v) == len(x.stem) {
			s := x.stemmer.stem(o.word)
			x.stem = append(x.stem, s)
			x.variants[s] = append(x.variants[s], v)
			x.sortVariants(x.variants[s])
		}
		ps := x.ix.postings[v]
		j, found := slices.BinarySearchFunc(ps, id, byDoc)
		if found {
			ps[j] = np
		} else {
			x.ix.postings[v] = slices.Insert(ps, j, np)
		}
		dirty[x.stem[v]] = true
	}
	for w := range was { // words the document no longer has
		v := x.ix.ids[w]
		if j, ok := slices.BinarySearchFunc(x.ix.postings[v], id, byDoc); ok {
			x.ix.postings[v] = slices.Delete(x.ix.postings[v], j, j+1)
		}
		dirty[x.stem[v]] = true
	}
	x.occ[id] = occ
	x.setDoc(id, docFile(id, d, x.opts))
	if x.wkeys != nil {
		x.rekeyed = append(x.rekeyed, x.wkeys[id])
		x.wkeys[id], x.ix.tok.buf = wordKeyOf(x.ix.lang, d, x.ix.tok.buf)
	}
}

// rerecord keeps the WordCache the index was built with (Options.Words)
// to the words of the documents the index now holds, as a build of the
// index afresh would leave it: the entries of documents ids had before
// Update go, their entries now come in. So the cache a dev server saves
// after edits serves the next build whole.
func (x *Index) rerecord(ids []int) {
	w := x.opts.Words
	if w == nil || x.wkeys == nil {
		return
	}
	w.drop(x.rekeyed)
	x.rekeyed = x.rekeyed[:0]
	for _, id := range ids {
		vids := make([]int32, len(x.occ[id]))
		for i, o := range x.occ[id] {
			vids[i] = x.ix.ids[o.word]
		}
		w.record(x.wkeys[id], x.occ[id], vids)
	}
	w.end(variantsOf(x.ix))
	w.dirty.Store(true)
}

// restem encodes again the entries of the dirty stems, dropping those
// with no postings left, and returns the groups they are in.
func (x *Index) restem(dirty map[string]bool) map[string]bool {
	groups := map[string]bool{}
	for s := range dirty {
		var live []int32
		for _, v := range x.variants[s] {
			if len(x.ix.postings[v]) > 0 {
				live = append(live, v)
			}
		}
		g := x.group(s)
		stems := x.groups[g]
		i, had := slices.BinarySearch(stems, s)
		if spacelessStem(s) {
			x.spaceless -= len(x.entry[s])
		}
		switch {
		case len(live) == 0 && had:
			x.groups[g] = slices.Delete(stems, i, i+1)
			delete(x.entry, s)
		case len(live) > 0:
			if !had {
				x.groups[g] = slices.Insert(stems, i, s)
			}
			x.entry[s] = x.ix.encodeStem(s, live)
		}
		if spacelessStem(s) {
			x.spaceless += len(x.entry[s])
		}
		groups[g] = true
	}
	return groups
}

// Stale lists the pages of site whose documents differ from those of old,
// the site the index holds, for Update to re-index: what a rebuild after
// an edit gives it, resolved afresh. It reports false when the two sites
// do not have the same documents in the same order (a page, role, path,
// person or term added, removed or renamed, or any other document
// changed, which Update cannot take): the index must be built afresh.
// Pages compare by what their documents are made of (pageDocument), so a
// page resolved again from the same parse costs no tokenizing.
func (x *Index) Stale(old, site *handbook.Site) ([]*handbook.Page, bool) {
	if len(old.Pages) != len(site.Pages) || len(x.docs) != len(site.Pages)+len(otherDocuments(site)) ||
		old.Config.Language != site.Config.Language ||
		!slices.Equal(x.parts, parts(site)) || !reflect.DeepEqual(otherDocuments(old), otherDocuments(site)) {
		return nil, false
	}
	var stale []*handbook.Page
	for i, p := range site.Pages {
		o := old.Pages[i]
		if o.URL != p.URL {
			return nil, false
		}
		if !sameDocument(old, o, site, p) {
			stale = append(stale, p)
		}
	}
	return stale, true
}

// sameDocument reports whether page a of site sa and page b of site sb
// make the same document: it reads what pageDocument reads, the body by
// its prepared Doc (a page parsed again is re-indexed, whatever its text).
func sameDocument(sa *handbook.Site, a *handbook.Page, sb *handbook.Site, b *handbook.Page) bool {
	return a.URL == b.URL && a.Title == b.Title && a.Summary == b.Summary && sa.Body(a).Doc == sb.Body(b).Doc &&
		documentSection(a) == documentSection(b) &&
		slices.EqualFunc(a.Tags, b.Tags, func(x, y *handbook.Tag) bool { return x.Name == y.Name }) &&
		slices.EqualFunc(a.Roles, b.Roles, func(x, y *handbook.Role) bool { return x.Title == y.Title })
}

// documentSection is the section title pageDocument gives page p.
func documentSection(p *handbook.Page) string {
	sec := p.Section
	if p.IsSection && sec != nil {
		sec = sec.Parent
	}
	if sec != nil && sec.Parent != nil {
		return sec.Title
	}
	return ""
}
