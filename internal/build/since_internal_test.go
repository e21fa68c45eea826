package build

import (
	"reflect"
	"testing"

	"github.com/batonhq/baton/internal/handbook"
)

// TestSamePageReadsEveryField changes each field of a Page, and of a
// Section, in turn, found by reflection, and wants samePage and
// sameSection to see it: a field added to the model is compared without
// a word here, or this test fails until it is.
func TestSamePageReadsEveryField(t *testing.T) {
	checkEveryField(t, func() any { return &handbook.Page{URL: "/a/"} }, func(a, b any) bool { return samePage(a.(*handbook.Page), b.(*handbook.Page)) })
	checkEveryField(t, func() any { return &handbook.Section{URL: "/s/"} }, func(a, b any) bool {
		return sameSection(a.(*handbook.Section), b.(*handbook.Section))
	})
}

// checkEveryField changes each exported leaf field of the struct that
// fresh makes (the fields of embedded structs too) and wants same to
// report the change.
func checkEveryField(t *testing.T, fresh func() any, same func(a, b any) bool) {
	t.Helper()
	if !same(fresh(), fresh()) {
		t.Fatalf("%T differs from itself", fresh())
	}
	var walk func(path []int, typ reflect.Type)
	walk = func(path []int, typ reflect.Type) {
		for i := range typ.NumField() {
			f := typ.Field(i)
			at := append(append([]int(nil), path...), i)
			if f.Anonymous && f.Type.Kind() == reflect.Struct {
				walk(at, f.Type)
				continue
			}
			if !f.IsExported() {
				continue
			}
			a, b := fresh(), fresh()
			alter(t, reflect.ValueOf(b).Elem().FieldByIndex(at))
			if same(a, b) {
				t.Errorf("%T.%s changed, but it compares the same", a, f.Name)
			}
		}
	}
	walk(nil, reflect.TypeOf(fresh()).Elem())
}

// alter gives v, a zero field but the URL, a value other than its own.
func alter(t *testing.T, v reflect.Value) {
	t.Helper()
	switch v.Kind() {
	case reflect.String:
		v.SetString(v.String() + "x")
	case reflect.Int, reflect.Int64:
		v.SetInt(v.Int() + 1)
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		if u := p.Elem().FieldByName("URL"); u.IsValid() {
			u.SetString("/other/")
		}
		v.Set(p)
	case reflect.Slice:
		e := reflect.New(v.Type().Elem()).Elem()
		if e.Kind() == reflect.Pointer || e.Kind() == reflect.Struct {
			alter(t, e)
		}
		v.Set(reflect.Append(v, e))
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		m.SetMapIndex(reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem())
		v.Set(m)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				alter(t, v.Field(i))
				return
			}
		}
	default:
		t.Fatalf("no way to change a %s", v.Type())
	}
}
