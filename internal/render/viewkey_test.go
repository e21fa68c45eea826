package render

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/corpus"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/i18n"
)

// pageViewMethods are the exported methods of a Markdown page's view. Each
// computes from the view's own fields (and the renderer's asset URLs,
// which the output cache is kept by), never from the site: a new one must
// too, and joins this list once it does.
var pageViewMethods = []string{"Asset", "ChipItems", "CrumbItems", "FooterNote", "Head", "PrintBody", "PrintHref", "PrintID", "Rel", "Root", "Sidebar", "TOCItems", "TagLinks", "XDefault"}

// unexportedFields are the fields of the views' types that a template
// cannot read, and what covers each in the key.
var unexportedFields = map[string][]string{
	"PageView":   {"body", "frame", "nav", "printed", "side", "sideOK"}, // body, nav: writeKey hashes their sources; frame: the renderer and the build; side: made from Nav; printed: the print views', which have no key
	"SiteView":   {"footer", "key", "ui", "words"},                      // footer: writeKey hashes it; key: the fields; ui: its Key is in key; words: made from ui
	"PrintEntry": {"body", "file"},                                      // the print views', which have no key: a page's body, made when printed
}

// TestPageViewIsData walks every type a Markdown page's template can reach
// from its view and holds it to data: strings, numbers, bools, and
// structs, slices and pointers of them; nothing of the handbook's model,
// no map, func, interface or channel, no field the key skips but those
// listed (but Params: the front matter of a handbook written for another
// tool), and no method but the view's own. That is what makes the view's
// hash a complete key: whatever a template can read, writeKey writes.
func TestPageViewIsData(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(ty reflect.Type, path string)
	walk = func(ty reflect.Type, path string) {
		if strings.HasSuffix(path, ".Page[].Params") && ty == reflect.TypeFor[map[string]any]() {
			// The front matter baton does not know, as YAML decodes it
			// (strings, numbers, bools, lists and maps of them): writeKey
			// hashes its dynamic values, in key order (TestParamsKey).
			return
		}
		if seen[ty] {
			return
		}
		seen[ty] = true
		if pkg := ty.PkgPath(); pkg != "" && !strings.HasSuffix(pkg, "/internal/render") {
			if strings.HasSuffix(pkg, "/internal/handbook") {
				t.Errorf("%s is a %s, of the handbook's model: a view holds data made for the page", path, ty)
			}
			if n := reflect.PointerTo(ty).NumMethod(); n > 0 {
				t.Errorf("%s is a %s, which has %d methods: a template could call what the key does not cover", path, ty, n)
			}
		}
		switch ty.Kind() {
		case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		case reflect.Slice, reflect.Array, reflect.Pointer:
			walk(ty.Elem(), path+"[]")
		case reflect.Struct:
			var hidden []string
			for i := range ty.NumField() {
				f := ty.Field(i)
				if !f.IsExported() {
					hidden = append(hidden, f.Name)
					continue
				}
				walk(f.Type, path+"."+f.Name)
			}
			slices.Sort(hidden)
			if want := unexportedFields[ty.Name()]; !slices.Equal(hidden, want) {
				t.Errorf("%s (%s) has the unexported fields %q, want %q: the key covers only what a template can read, and what unexportedFields names", path, ty, hidden, want)
			}
		default:
			t.Errorf("%s is a %s (%s): a view holds only data", path, ty, ty.Kind())
		}
	}
	walk(reflect.TypeFor[PageView](), "PageView")
	if len(seen) < 15 {
		t.Fatalf("the walk saw only %d types", len(seen))
	}
	for ty := range seen {
		if ty.Kind() != reflect.Struct || ty == reflect.TypeFor[PageView]() {
			continue
		}
		if n := reflect.PointerTo(ty).NumMethod(); n > 0 {
			t.Errorf("%s has %d methods: only the view's own may compute, from its fields", ty, n)
		}
	}
	pv := reflect.TypeFor[*PageView]()
	var methods []string
	for i := range pv.NumMethod() {
		methods = append(methods, pv.Method(i).Name)
	}
	if !slices.Equal(methods, pageViewMethods) {
		t.Errorf("PageView's methods are %q, want %q: a method may compute only from the view's fields", methods, pageViewMethods)
	}
}

// TestViewKeyCoversEveryField makes a view with every slice holding an
// element and every pointer set, each leaf (string, number, bool) a value
// of its own, and then, for each leaf in turn, the same view with that
// leaf changed: each must change the key. The leaves are found by
// reflection, so a field added to the view is checked without a word here.
func TestViewKeyCoversEveryField(t *testing.T) {
	base := keyOf(filledView(-1))
	n := leaves()
	if n < 40 {
		t.Fatalf("only %d leaves in the view", n)
	}
	for i := range n {
		if got := keyOf(filledView(i)); bytes.Equal(got, base) {
			t.Errorf("changing leaf %d (%s) leaves the key as it was", i, leafPath(i))
		}
	}
}

// TestParamsKey: front matter kept for layouts keys a page by its values,
// whatever the order its maps were made in.
func TestParamsKey(t *testing.T) {
	key := func(params map[string]any) []byte {
		return keyOf(&PageView{Page: &PageData{Params: params}})
	}
	base := map[string]any{"layout": "docs", "weight": 3, "draft": false, "ratio": 0.5, "menu": map[string]any{"main": []any{"a", 1}, "side": nil}}
	same := map[string]any{"menu": map[string]any{"side": nil, "main": []any{"a", 1}}, "ratio": 0.5, "draft": false, "weight": 3, "layout": "docs"}
	if !bytes.Equal(key(base), key(same)) {
		t.Errorf("the same params in another order make another key")
	}
	for _, other := range []map[string]any{
		{"layout": "doc", "weight": 3, "draft": false, "ratio": 0.5, "menu": map[string]any{"main": []any{"a", 1}, "side": nil}},
		{"layout": "docs", "weight": 4, "draft": false, "ratio": 0.5, "menu": map[string]any{"main": []any{"a", 1}, "side": nil}},
		{"layout": "docs", "weight": 3, "draft": true, "ratio": 0.5, "menu": map[string]any{"main": []any{"a", 1}, "side": nil}},
		{"layout": "docs", "weight": 3, "draft": false, "ratio": 0.25, "menu": map[string]any{"main": []any{"a", 1}, "side": nil}},
		{"layout": "docs", "weight": 3, "draft": false, "ratio": 0.5, "menu": map[string]any{"main": []any{"a", 2}, "side": nil}},
		{"layout": "docs", "weight": 3, "draft": false, "ratio": 0.5, "menu": map[string]any{"main": []any{"a", 1}, "side": ""}},
		{"layout": "docs", "weight": 3, "draft": false, "ratio": 0.5, "menu": map[string]any{"main": []any{"a", 1}}},
		{"layout": "docs", "weight": 3, "draft": 0, "ratio": 0.5, "menu": map[string]any{"main": []any{"a", 1}, "side": nil}},
		{"layout": "docs", "weight": "3", "draft": false, "ratio": 0.5, "menu": map[string]any{"main": []any{"a", 1}, "side": nil}},
	} {
		if bytes.Equal(key(base), key(other)) {
			t.Errorf("%v and %v make one key", base, other)
		}
	}
}

func keyOf(v *PageView) []byte {
	var k keyBytes
	writeKey(&k, v)
	return k
}

// filler fills a view's data: leaf number target gets another value.
type filler struct {
	target, n int
	// path is the leaf's path, when the filler stops at target.
	path string
}

// filledView is a view whose every leaf is set; leaf target (-1: none)
// differs from the others' views.
func filledView(target int) *PageView {
	f := &filler{target: target}
	v := &PageView{}
	f.fill(reflect.ValueOf(v).Elem(), "PageView", 0)
	return v
}

func leaves() int {
	f := &filler{target: -1}
	f.fill(reflect.ValueOf(&PageView{}).Elem(), "PageView", 0)
	return f.n
}

func leafPath(i int) string {
	f := &filler{target: i}
	f.fill(reflect.ValueOf(&PageView{}).Elem(), "PageView", 0)
	return f.path
}

func (f *filler) fill(v reflect.Value, path string, depth int) {
	switch v.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int64:
		f.leaf(v, path)
	case reflect.Slice:
		if depth > 3 { // NavItem.Children holds NavItems
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		f.fill(v.Index(0), path+"[0]", depth+1)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		f.fill(v.Elem(), path, depth+1)
		if sv, ok := v.Interface().(*SiteView); ok {
			sv.ui = i18n.English()
			sv.makeKey()
		}
	case reflect.Map:
		// Params: a key and a value, each a leaf.
		key := reflect.New(v.Type().Key()).Elem()
		f.leaf(key, path+" key")
		val := reflect.New(reflect.TypeFor[string]()).Elem()
		f.leaf(val, path+"["+key.String()+"]")
		v.Set(reflect.MakeMap(v.Type()))
		v.SetMapIndex(key, val)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				f.fill(v.Field(i), path+"."+v.Type().Field(i).Name, depth)
			}
		}
	default:
		panic(fmt.Sprintf("%s: %s", path, v.Kind()))
	}
}

// leaf sets one leaf: to its number, or, at the target, to another value.
func (f *filler) leaf(v reflect.Value, path string) {
	n := f.n
	f.n++
	changed := n == f.target
	if changed {
		f.path = path
	}
	switch v.Kind() {
	case reflect.String:
		s := fmt.Sprint("leaf ", n)
		if changed {
			s += " changed"
		}
		v.SetString(s)
	case reflect.Bool:
		v.SetBool(!changed)
	default:
		x := int64(n)
		if changed {
			x += 1000
		}
		v.SetInt(x)
	}
}

// TestNavKeyIsNavs: for every page of a handbook of odd titles and of a
// generated one whose folders are wider than the sidebar's window, what
// navKey writes into the page's key is what the sidebar the page shows
// writes, so a page's key holds its sidebar without making it.
func TestNavKeyIsNavs(t *testing.T) {
	odd := []corpus.File{
		{Path: config.File, Data: []byte("title: Odd\n")},
		{Path: "content/_index.md", Data: []byte("---\ntitle: Home <&>\n---\nx\n")},
	}
	for i, n := range []string{`a b`, `ünï`, `x:y`, `amp&er`} {
		odd = append(odd,
			corpus.File{Path: fmt.Sprintf("content/%d%s/_index.md", i, n), Data: fmt.Appendf(nil, "---\ntitle: %q\n---\nx\n", "Title "+n)},
			corpus.File{Path: fmt.Sprintf("content/%d%s/deeper/%s.md", i, n, n), Data: fmt.Appendf(nil, "---\ntitle: %q\n---\nx\n", "q "+n)},
		)
	}
	sites := []*handbook.Site{ResolveFiles(t, odd), ResolveFiles(t, corpus.Baton(corpus.Options{Pages: 1000, Seed: 4, Shape: corpus.Flat})), oddNav(t, odd), navBook(t)}
	mores := 0
	for _, site := range sites {
		for _, p := range site.Pages {
			nav := sidebar(site, p)
			var want, got keyBytes
			writeNavKey(&want, nav)
			navKey(&got, site, p)
			if !bytes.Equal(got, want) {
				t.Fatalf("%s: navKey writes other bytes than its sidebar's", p.URL)
			}
			mores += countMore(nav)
		}
	}
	if mores == 0 {
		t.Errorf("no sidebar had a link for the siblings its window leaves out: the test did not reach them")
	}
}

func countMore(items []NavItem) int {
	n := 0
	for _, it := range items {
		n += b2i(it.More > 0) + countMore(it.Children)
	}
	return n
}
