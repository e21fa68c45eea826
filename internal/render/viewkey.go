package render

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"slices"

	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/markdown"
)

// A page's render key is its view, hashed whole: every exported
// field a template can read, walked by reflection, so a field added to
// the view is in the key without anyone listing it (TestViewKeyCoversEveryField).

// keyBytes collects a key's bytes: a page's are written into the build's
// hash at once, the site's part kept for every page's.
type keyBytes []byte

// writeKey writes into h everything the page's template may read: the
// view's data; for what finish fills in after the key, its sources (the
// sidebar as navKey writes it, the prepared Markdown and where its links
// lead for the Body); and the theme footer the view's FooterNote
// resolves.
func (v *PageView) writeKey(h markdown.KeyWriter) {
	k, _ := v.r.keys.Get().(*keyBytes)
	if k == nil {
		k = new(keyBytes)
	}
	*k = (*k)[:0]
	writeKey(k, v)
	if v.nav.site != nil {
		navKey(k, v.nav.site, v.nav.page)
	}
	writeKey(k, v.body.doc != nil)
	writeKey(k, v.body.hrefs)
	if f := v.Site.footer; f != nil {
		writeKey(k, f.Hrefs)
	}
	h.Write(*k)
	v.r.keys.Put(k)
	if v.body.doc != nil {
		v.body.doc.Hash(h)
	}
	if f := v.Site.footer; f != nil {
		f.Doc.Hash(h)
	}
}

// writeKey writes x, a view's data, into k: every exported field of its
// structs, every element of its slices, what its pointers point to (a
// *SiteView as the key it made once), the entries of Params in key order,
// each value counted or of fixed size so that no two values write the same
// bytes.
func writeKey(k *keyBytes, x any) { writeValue(k, reflect.ValueOf(x)) }

func writeValue(k *keyBytes, v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		writeString(k, v.String())
	case reflect.Bool:
		*k = append(*k, flag(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		writeUint(k, uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		writeUint(k, v.Uint())
	case reflect.Slice, reflect.Array:
		if v.Type() == reflect.TypeFor[[]NavItem]() && v.CanAddr() {
			writeNavKey(k, *v.Addr().Interface().(*[]NavItem))
			return
		}
		n := v.Len()
		writeUint(k, uint64(n))
		for i := range n {
			writeValue(k, v.Index(i))
		}
	case reflect.Pointer:
		if v.IsNil() {
			*k = append(*k, 0)
			return
		}
		*k = append(*k, 1)
		if v.Type() == reflect.TypeFor[*SiteView]() {
			*k = append(*k, v.Interface().(*SiteView).key...)
			return
		}
		writeValue(k, v.Elem())
	case reflect.Float32, reflect.Float64:
		writeUint(k, math.Float64bits(v.Float()))
	case reflect.Map:
		writeMap(k, v)
	case reflect.Interface:
		// Only in Params: what YAML decoded.
		if v.IsNil() {
			*k = append(*k, 0)
			return
		}
		// The dynamic kind too: true and 1 print differently.
		*k = append(*k, 1, byte(v.Elem().Kind()))
		writeValue(k, v.Elem())
	case reflect.Struct:
		for i := range v.NumField() {
			// A field a template cannot read is not the view's data:
			// CanInterface is false for unexported fields, embedded or not.
			if f := v.Field(i); f.CanInterface() {
				writeValue(k, f)
			}
		}
	default:
		// TestPageViewIsData keeps any other kind out of the views.
		panic(fmt.Sprintf("a view holds a %s, which its key cannot cover", v.Type()))
	}
}

// writeMap writes a map (Params, and the maps in it) in the order of its
// keys' bytes, so two maps with the same entries write the same bytes.
func writeMap(k *keyBytes, v reflect.Value) {
	type entry struct{ key, value keyBytes }
	entries := make([]entry, 0, v.Len())
	for it := v.MapRange(); it.Next(); {
		var e entry
		writeValue(&e.key, it.Key())
		writeValue(&e.value, it.Value())
		entries = append(entries, e)
	}
	slices.SortFunc(entries, func(a, b entry) int { return bytes.Compare(a.key, b.key) })
	writeUint(k, uint64(len(entries)))
	for _, e := range entries {
		*k = append(*k, e.key...)
		*k = append(*k, e.value...)
	}
}

// writeNavKey writes a sidebar as writeValue would, without reflection: it
// is most of a page's view. TestViewKeyCoversEveryField, which hashes
// through it, holds it to every field of NavItem.
func writeNavKey(k *keyBytes, items []NavItem) {
	writeUint(k, uint64(len(items)))
	for i := range items {
		writeNavItem(k, &items[i], func() { writeNavKey(k, items[i].Children) })
	}
}

// writeNavItem writes a sidebar item's fields, its children by children.
func writeNavItem(k *keyBytes, it *NavItem, children func()) {
	writeString(k, it.Title)
	writeString(k, it.URL)
	writeString(k, it.Href)
	*k = append(*k, flag(it.Current), flag(it.Open), flag(it.Section))
	children()
	writeUint(k, uint64(it.More))
	*k = append(*k, flag(it.Caption))
}

// navKey writes what writeNavKey writes of the sidebar page p has, as
// finish makes it, Hrefs aside (they are made from the URLs), without
// making its items: a page's key is made on every rebuild, its sidebar
// only when it renders.
func navKey(k *keyBytes, site *handbook.Site, p *handbook.Page) {
	if site.Root == nil {
		writeUint(k, 0)
		return
	}
	walk := navWalk{site: site, p: p}
	walk.open()
	if site.Nav != nil {
		var level func(n *handbook.NavNode, preview bool)
		level = func(n *handbook.NavNode, preview bool) {
			walk.navLevel(n, preview, func(n int) { writeUint(k, uint64(n)) }, func(it NavItem, sub *handbook.NavNode, preview bool) {
				writeNavItem(k, &it, func() {
					if sub != nil {
						level(sub, preview)
					} else {
						writeUint(k, 0)
					}
				})
			})
		}
		level(site.Nav, false)
		return
	}
	var level func(s *handbook.Section)
	level = func(s *handbook.Section) {
		walk.level(s, func(n int) { writeUint(k, uint64(n)) }, func(it NavItem, sub *handbook.Section) {
			writeNavItem(k, &it, func() {
				if sub != nil {
					level(sub)
				} else {
					writeUint(k, 0)
				}
			})
		})
	}
	level(site.Root)
}

func writeString(k *keyBytes, s string) {
	writeUint(k, uint64(len(s)))
	*k = append(*k, s...)
}

func flag(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// writeUint writes n as a varint.
func writeUint(k *keyBytes, n uint64) {
	for n >= 0x80 {
		*k = append(*k, byte(n)|0x80)
		n >>= 7
	}
	*k = append(*k, byte(n))
}
