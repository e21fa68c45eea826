package render

import (
	"fmt"
	"hash/maphash"
	"reflect"
)

// A Markdown page's render key is its view, hashed whole: every exported
// field a template can read, walked by reflection, so a field added to
// the view is in the key without anyone listing it (TestViewKeyCoversEveryField).

// keyWriter is what a key is written into: the build's hash, or the bytes
// of the site's part of every page's key.
type keyWriter interface {
	Write(b []byte) (int, error)
	WriteString(s string) (int, error)
	WriteByte(c byte) error
}

// keyBytes collects a key's bytes.
type keyBytes []byte

func (k *keyBytes) Write(b []byte) (int, error) {
	*k = append(*k, b...)
	return len(b), nil
}

func (k *keyBytes) WriteString(s string) (int, error) {
	*k = append(*k, s...)
	return len(s), nil
}

func (k *keyBytes) WriteByte(c byte) error {
	*k = append(*k, c)
	return nil
}

// writeKey writes into h everything the page's template may read: the
// view's data; for its Body, the prepared Markdown and where its links
// lead (the view is hashed before the body is resolved); and the theme
// footer the view's FooterNote resolves.
func (v *PageView) writeKey(h *maphash.Hash) {
	writeKey(h, v)
	writeBody(h, v.body.doc != nil, v.body)
	if f := v.Site.footer; f != nil {
		writeBody(h, true, bodySource{f.Doc, f.Hrefs})
	}
}

// writeBody writes a body's source into h.
func writeBody(h *maphash.Hash, has bool, b bodySource) {
	if !has {
		h.WriteByte(0)
		return
	}
	h.WriteByte(1)
	b.doc.Hash(h)
	writeKey(h, b.hrefs)
}

// writeKey writes x, a view's data, into w: every exported field of its
// structs, every element of its slices, what its pointers point to (a
// *SiteView as the key it made once), each value ended or counted so that
// no two values write the same bytes.
func writeKey(w keyWriter, x any) { writeValue(w, reflect.ValueOf(x)) }

func writeValue(w keyWriter, v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		writeUint(w, uint64(len(s)))
		w.WriteString(s)
	case reflect.Bool:
		if v.Bool() {
			w.WriteByte(1)
		} else {
			w.WriteByte(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		writeUint(w, uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		writeUint(w, v.Uint())
	case reflect.Slice, reflect.Array:
		n := v.Len()
		writeUint(w, uint64(n))
		for i := range n {
			writeValue(w, v.Index(i))
		}
	case reflect.Pointer:
		if v.IsNil() {
			w.WriteByte(0)
			return
		}
		w.WriteByte(1)
		if v.Type() == reflect.TypeFor[*SiteView]() {
			w.Write(v.Interface().(*SiteView).key)
			return
		}
		writeValue(w, v.Elem())
	case reflect.Struct:
		for i := range v.NumField() {
			// A field a template cannot read is not the view's data:
			// CanInterface is false for unexported fields, embedded or not.
			if f := v.Field(i); f.CanInterface() {
				writeValue(w, f)
			}
		}
	default:
		// TestPageViewIsData keeps any other kind out of the views.
		panic(fmt.Sprintf("a view holds a %s, which its key cannot cover", v.Type()))
	}
}

// writeUint writes n as a varint.
func writeUint(w keyWriter, n uint64) {
	for n >= 0x80 {
		w.WriteByte(byte(n) | 0x80)
		n >>= 7
	}
	w.WriteByte(byte(n))
}
