// Package reachtest hashes everything reachable from a value, for tests
// that hold a value unchanged across something that must not write to it
// (a patch of the model that returns a new one, a rebuild while a reader
// holds the last build). It reads unexported fields too, and follows
// pointers, slices, maps and interfaces, each pointee once.
package reachtest

import (
	"cmp"
	"crypto/sha256"
	"fmt"
	"hash"
	"reflect"
	"slices"
	"strings"
)

// Sum is the SHA-256 of every value reachable from v: each field,
// element and map entry, and the address of each pointer, slice and map,
// so a value written in place, a slice grown or a map entry added
// anywhere in the graph changes it. Map entries are taken in the order of
// their keys, keys that are pointers by their addresses, so two sums of
// one graph in one process are equal when nothing in it was written.
func Sum(v any) [32]byte {
	w := walker{h: sha256.New(), seen: map[visit]bool{}}
	w.walk(reflect.ValueOf(v))
	var sum [32]byte
	w.h.Sum(sum[:0])
	return sum
}

// visit is a pointee already walked: the same address may hold a struct
// and its first field, of two types.
type visit struct {
	at  uintptr
	typ reflect.Type
}

type walker struct {
	h    hash.Hash
	seen map[visit]bool
}

func (w *walker) printf(format string, args ...any) { fmt.Fprintf(w.h, format, args...) }

func (w *walker) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Invalid:
		w.printf("invalid;")
	case reflect.Pointer:
		if w.nilOrSeen(v) {
			return
		}
		w.walk(v.Elem())
	case reflect.Interface:
		if v.IsNil() {
			w.printf("nil;")
			return
		}
		w.printf("%s:", v.Elem().Type())
		w.walk(v.Elem())
	case reflect.Struct:
		w.printf("{")
		for i := range v.NumField() {
			w.walk(v.Field(i))
		}
		w.printf("}")
	case reflect.Slice:
		if w.nilOrSeen(v) {
			return
		}
		w.printf("%d[", v.Len())
		w.elems(v)
	case reflect.Array:
		w.printf("[")
		w.elems(v)
	case reflect.Map:
		if w.nilOrSeen(v) {
			return
		}
		w.entries(v)
	case reflect.Func, reflect.Chan, reflect.UnsafePointer:
		w.printf("%x;", v.Pointer())
	default:
		w.printf("%s;", scalar(v))
	}
}

// nilOrSeen writes a pointer, slice or map's address, and reports whether
// there is nothing more to walk: it is nil, or was walked before.
func (w *walker) nilOrSeen(v reflect.Value) bool {
	if v.IsNil() {
		w.printf("nil;")
		return true
	}
	w.printf("@%x:", v.Pointer())
	k := visit{v.Pointer(), v.Type()}
	if w.seen[k] {
		return true
	}
	w.seen[k] = true
	return false
}

func (w *walker) elems(v reflect.Value) {
	if v.Type().Elem().Kind() == reflect.Uint8 && v.Kind() == reflect.Slice {
		w.h.Write(v.Bytes())
	} else {
		for i := range v.Len() {
			w.walk(v.Index(i))
		}
	}
	w.printf("]")
}

func (w *walker) entries(v reflect.Value) {
	keys := v.MapKeys()
	names := make(map[reflect.Value]string, len(keys))
	for _, k := range keys {
		names[k] = key(k)
	}
	slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(names[a], names[b]) })
	w.printf("%d{", len(keys))
	for _, k := range keys {
		w.walk(k)
		w.walk(v.MapIndex(k))
	}
	w.printf("}")
}

// key names a map key for sorting, without walking what it points to.
func key(v reflect.Value) string {
	switch v.Kind() {
	case reflect.Pointer, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		return fmt.Sprintf("@%x", v.Pointer())
	case reflect.Interface:
		if v.IsNil() {
			return "nil"
		}
		return v.Elem().Type().String() + ":" + key(v.Elem())
	case reflect.Struct, reflect.Array:
		var parts []string
		n := v.Len
		at := v.Index
		if v.Kind() == reflect.Struct {
			n, at = v.NumField, v.Field
		}
		for i := range n() {
			parts = append(parts, key(at(i)))
		}
		return "{" + strings.Join(parts, ",") + "}"
	}
	return scalar(v)
}

// scalar formats a bool, number or string, read from an unexported field
// too (where Interface is refused).
func scalar(v reflect.Value) string {
	switch v.Kind() {
	case reflect.Bool:
		return fmt.Sprint(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return fmt.Sprint(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return fmt.Sprint(v.Uint())
	case reflect.Float32, reflect.Float64:
		return fmt.Sprint(v.Float())
	case reflect.Complex64, reflect.Complex128:
		return fmt.Sprint(v.Complex())
	case reflect.String:
		return fmt.Sprintf("%q", v.String())
	}
	panic("reachtest: no scalar of kind " + v.Kind().String())
}
