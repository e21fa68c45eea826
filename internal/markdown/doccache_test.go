package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"unsafe"

	"github.com/batonhq/baton/internal/buildid"
	"github.com/batonhq/baton/internal/cachefile"
	"github.com/batonhq/baton/internal/diag"
)

// docSources are bodies with every kind of thing a Doc records.
var docSources = []string{
	"# Team [handbook](a.md)\n\nIntro to *it*, the Runbook.\n\n## First {#one}\n\nText [b](b.md#x) ![img](i.png \"t\").\n\n## Second ünïcödé\n\nMore text, 日本語の文章です。\n",
	"# Raw <kbd>title</kbd>\n\n<details id=\"d\"><summary>More</summary>\n\nText <a href=\"x.md\" name=\"n\">x</a>.\n\n</details>\n",
	"No title.\n\n```go\nfunc main() {}\n```\n\n```mermaid\ngraph TD; A-->B\n```\n\n| a | b |\n|---|---|\n| [c](c.md) | d |\n",
	"> [!TIP]\n> A tip about the runbook, <https://example.com>, :smile:.\n\n{{< hugo shortcode >}}\n\n## Dup\n\n## Dup\n",
	"Body with a NUL \x00 in it, and a footnote[^1].\n\n[^1]: The note.\n",
	"",
}

// docFile writes c into a file and returns a function that opens it.
func docFile(t *testing.T, c *DocCache) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "docs")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Encode(f); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return name
}

// loadDocs loads the cache in file name.
func loadDocs(name string) *DocCache {
	return LoadDocCache(func() (DocFile, int64, error) {
		f, err := os.Open(name)
		if err != nil {
			return nil, 0, err
		}
		info, err := f.Stat()
		if err != nil {
			f.Close()
			return nil, 0, err
		}
		return f, info.Size(), nil
	})
}

// plainDoc is d as data to compare: its HTML and sections' text read out,
// wherever they are.
func plainDoc(d *Doc) Doc {
	c := *d
	c.html = nil // an empty HTML is empty, in whatever slice
	d.withBytes(func(h []byte) {
		if len(h) > 0 {
			c.html = bytes.Clone(h)
		}
	})
	c.where, c.from, c.texts, c.codes = nil, 0, nil, nil
	c.Sections = slices.Clone(d.Sections)
	for i, text := range d.Texts() {
		c.Sections[i].Text, c.Sections[i].size = text, len(text)
	}
	return c
}

// TestDocCacheGivesWhatPrepareGives prepares documents, saves the cache,
// and prepares them again from it, with the HTML in memory and in a spill:
// every Doc is taken from the cache, and is the one Prepare makes.
func TestDocCacheGivesWhatPrepareGives(t *testing.T) {
	if buildid.Executable() == "" {
		t.Skip("this system does not say where the program is")
	}
	terms := NewTerms([]Term{{ID: "runbook", Names: []string{"runbook"}, Tip: "A list of steps."}})
	spill, err := NewSpill(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	first := NewDocCache()
	r := NewWith(Options{Docs: first})
	for _, src := range docSources {
		if _, err := r.PrepareWith([]byte(src), terms); err != nil {
			t.Fatal(err)
		}
	}
	if reused, made := first.Stats(); reused != 0 || made != len(docSources) || !first.Changed() {
		t.Fatalf("an empty cache reused %d and made %d, changed %v", reused, made, first.Changed())
	}
	name := docFile(t, first)
	for _, mode := range []Options{{}, {Spill: spill}} {
		next := loadDocs(name)
		mode.Docs = next
		cached, fresh := NewWith(mode), New(false)
		for _, src := range docSources {
			got, err := cached.PrepareWith([]byte(src), terms)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := fresh.PrepareWith([]byte(src), terms)
			if mode.Spill != nil && spill != nil && (got.html != nil || got.where == nil) {
				t.Errorf("%q: a Doc read for a Renderer with a spill holds its HTML in memory", src)
			}
			if !reflect.DeepEqual(plainDoc(got), plainDoc(want)) {
				t.Errorf("%q: from the cache\n%+v\nwant\n%+v", src, plainDoc(got), plainDoc(want))
			}
			sameDoc(t, src, got, want)
			sameDoc(t, src+" (without its title)", got.WithoutLeadTitle(), want.WithoutLeadTitle())
		}
		if reused, made := next.Stats(); reused != len(docSources) || made != 0 || next.Changed() {
			t.Errorf("spill %v: the next run reused %d and made %d, changed %v", mode.Spill != nil, reused, made, next.Changed())
		}
		// Other options or other terms are other inputs.
		for _, other := range []struct {
			opts  Options
			terms *Terms
		}{{Options{Unsafe: true}, terms}, {Options{Titles: Titles{Tip: "Astuce"}}, terms}, {Options{}, nil}} {
			other.opts.Docs = next
			if _, err := NewWith(other.opts).PrepareWith([]byte(docSources[3]), other.terms); err != nil {
				t.Fatal(err)
			}
		}
		if reused, made := next.Stats(); reused != len(docSources) || made != 3 || !next.Changed() {
			t.Errorf("spill %v: after other options, %d reused and %d made, changed %v", mode.Spill != nil, reused, made, next.Changed())
		}
	}
}

// TestDocCacheDropsWhatItCannotTrust: a file cut short, with a byte
// changed, written by another program or not a cache at all gives an
// empty cache, from which every document is prepared again, the same.
func TestDocCacheDropsWhatItCannotTrust(t *testing.T) {
	if buildid.Executable() == "" {
		t.Skip("this system does not say where the program is")
	}
	c := NewDocCache()
	r := NewWith(Options{Docs: c})
	for _, src := range docSources {
		if _, err := r.Prepare([]byte(src)); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(docFile(t, c))
	if err != nil {
		t.Fatal(err)
	}
	id := []byte(buildid.Executable())
	damaged := map[string][]byte{
		"cut":             data[:len(data)/2],
		"one byte off":    data[:len(data)-1],
		"flipped":         flip(data, len(data)/2),
		"another program": bytes.Replace(data, id, bytes.Repeat([]byte("0"), len(id)), 1),
		"another format":  bytes.Replace(data, []byte(docFormat), []byte("baton prepared pages 0"), 1),
		"not a cache":     []byte("hello"),
	}
	for name, bad := range damaged {
		file := filepath.Join(t.TempDir(), "docs")
		if err := os.WriteFile(file, bad, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, cache := range []*DocCache{loadDocs(file), loadDocs(file + ".missing")} {
			r := NewWith(Options{Docs: cache})
			for _, src := range docSources {
				got, err := r.Prepare([]byte(src))
				if err != nil {
					t.Fatal(err)
				}
				want, _ := New(false).Prepare([]byte(src))
				sameDoc(t, name+": "+src, got, want)
			}
			if reused, made := cache.Stats(); reused != 0 || made != len(docSources) {
				t.Errorf("%s: %d documents reused, %d made", name, reused, made)
			}
		}
	}
}

func flip(data []byte, i int) []byte {
	bad := bytes.Clone(data)
	bad[i] ^= 0x40
	return bad
}

// TestDocCacheKeepsCodeBlocks: a run that takes every page from the
// DocCache highlights nothing, and still keeps every block in the code
// cache, for when a page changes.
func TestDocCacheKeepsCodeBlocks(t *testing.T) {
	knownVersions(t)
	code, docs := NewCodeCache(), NewDocCache()
	r := NewWith(Options{Code: code, Docs: docs})
	if _, err := r.Prepare([]byte(codeDoc)); err != nil {
		t.Fatal(err)
	}
	name, saved := docFile(t, docs), encoded(t, code)
	reads := 0
	nextCode := LoadCodeCache(func() ([]byte, error) { reads++; return saved, nil })
	nextDocs := loadDocs(name)
	if _, err := NewWith(Options{Code: nextCode, Docs: nextDocs}).Prepare([]byte(codeDoc)); err != nil {
		t.Fatal(err)
	}
	if reused, _ := nextDocs.Stats(); reused != 1 {
		t.Fatalf("the page was not taken from the cache")
	}
	if reads != 0 {
		t.Error("a run whose pages all came from the DocCache read the code cache's file")
	}
	if nextCode.Changed() || reads != 1 {
		t.Errorf("a run whose page came from the DocCache would save a code cache without its blocks (file read %d times)", reads)
	}
	if !bytes.Equal(encoded(t, nextCode), saved) {
		t.Error("the code cache it would save differs from the one it loaded")
	}
}

// TestDocCacheEncodesEveryField changes each field of a Doc, and of the
// Headings, Links, Targets, Sections and Warnings it holds, one at a time, and
// wants the change back from the cache's encoding: a field added to any
// of them fails here until the encoding carries it.
func TestDocCacheEncodesEveryField(t *testing.T) {
	// Where the bytes are, not what they are: the encoding reads them
	// wherever they are, and a decoded Doc's HTML starts at its start.
	notData := map[string]string{
		"Doc.where":    "where the HTML and text are",
		"Doc.from":     "where the HTML starts: a Doc from Prepare starts at 0",
		"Doc.texts":    "the sections' text while the Doc is being prepared",
		"Doc.codes":    "kept beside the Doc in the entry, not in it (TestDocCacheKeepsCodeBlocks)",
		"Section.size": "the length of Section.Text",
	}
	base := func() *Doc {
		return &Doc{html: []byte("<p>x</p>"), Headings: []Heading{{}}, Links: []Link{{}}, Anchors: []string{""}, Targets: []Target{{}},
			Sections: []Section{{}}, Warnings: []Warning{{}}}
	}
	roundTrip := func(d *Doc) Doc {
		entry, _ := appendDoc(nil, nil, d, nil)
		file, ok := cachefile.Index(bytes.NewReader(framed(entry)), int64(len(framed(entry))), docFormat, "test")
		if !ok {
			t.Fatal("the framed entry does not index")
		}
		span, _ := file.Find(cachefile.Key{})
		got, _, ok := (&DocCache{file: &Spill{r: file}}).read(file, span, false)
		if !ok {
			t.Fatalf("an entry of %+v does not decode", *d)
		}
		return plainDoc(got)
	}
	var walk func(name string, typ reflect.Type, field func(d *Doc) reflect.Value)
	walk = func(name string, typ reflect.Type, field func(d *Doc) reflect.Value) {
		for i := range typ.NumField() {
			f := typ.Field(i)
			at := name + "." + f.Name
			if notData[at] != "" {
				continue
			}
			get := func(d *Doc) reflect.Value {
				v := field(d).Field(i)
				return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
			}
			if f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.Struct {
				walk(f.Type.Elem().Name(), f.Type.Elem(), func(d *Doc) reflect.Value { return get(d).Index(0) })
				continue
			}
			d := base()
			alterLeaf(t, at, get(d))
			if got, want := roundTrip(d), plainDoc(d); !reflect.DeepEqual(got, want) {
				t.Errorf("%s changed, but the cache gives\n%+v\nwant\n%+v", at, got, want)
			}
		}
	}
	walk("Doc", reflect.TypeOf(Doc{}), func(d *Doc) reflect.Value { return reflect.ValueOf(d).Elem() })
}

// framed is entry, alone in a file under key 0.
func framed(entry []byte) []byte {
	var b bytes.Buffer
	w := cachefile.NewWriter(&b, docFormat, "test")
	w.WriteEntry(cachefile.Key{}, entry)
	w.Close()
	return b.Bytes()
}

// alterLeaf gives v a value other than its own.
func alterLeaf(t *testing.T, name string, v reflect.Value) {
	t.Helper()
	switch {
	case v.Type() == reflect.TypeOf(diag.Code("")):
		v.SetString(string(diag.Unrendered))
	case v.Kind() == reflect.String:
		v.SetString(v.String() + "ü")
	case v.Kind() == reflect.Int || v.Kind() == reflect.Int64:
		v.SetInt(v.Int() + 3)
	case v.Kind() == reflect.Bool:
		v.SetBool(!v.Bool())
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8:
		v.SetBytes(append(bytes.Clone(v.Bytes()), "<b>y</b>"...))
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.String:
		v.Set(reflect.Append(v, reflect.ValueOf("z")))
	default:
		t.Fatalf("%s is a %s: teach alterLeaf to change it", name, v.Type())
	}
}

// TestDocCacheClosed: once closed (as the dev server closes it after its
// first build), a cache gives nothing, keeps nothing, and has nothing to
// save.
func TestDocCacheClosed(t *testing.T) {
	if buildid.Executable() == "" {
		t.Skip("this system does not say where the program is")
	}
	c := NewDocCache()
	if _, err := NewWith(Options{Docs: c}).Prepare([]byte(docSources[0])); err != nil {
		t.Fatal(err)
	}
	next := loadDocs(docFile(t, c))
	if err := next.Close(); err != nil {
		t.Fatal(err)
	}
	r := NewWith(Options{Docs: next})
	for range 2 {
		got, err := r.Prepare([]byte(docSources[0]))
		if err != nil {
			t.Fatal(err)
		}
		want, _ := New(false).Prepare([]byte(docSources[0]))
		sameDoc(t, "after Close", got, want)
	}
	if reused, _ := next.Stats(); reused != 0 || next.Changed() {
		t.Errorf("a closed cache reused %d documents, changed %v", reused, next.Changed())
	}
}

// TestDocKeyCoversEveryOption changes each field of Options in turn: a
// change of one that notKeyed does not name gives other keys, and of one
// it names the same keys, so an option added to Options is in the key
// unless it is said to change nothing Prepare makes.
func TestDocKeyCoversEveryOption(t *testing.T) {
	typ := reflect.TypeOf(Options{})
	for i := range typ.NumField() {
		f := typ.Field(i)
		var opts Options
		v := reflect.ValueOf(&opts).Elem().Field(i)
		switch {
		case v.Kind() == reflect.Pointer:
			v.Set(reflect.New(f.Type.Elem()))
		case v.Kind() == reflect.Struct:
			alterLeaf(t, f.Name, v.Field(0))
		default:
			alterLeaf(t, f.Name, v)
		}
		if changed := howOf(opts) != howOf(Options{}); changed == notKeyed[f.Name] {
			t.Errorf("Options.%s changed: key changed %v, but notKeyed says %v", f.Name, changed, notKeyed[f.Name])
		}
	}
	if howOf(Options{Titles: Titles{Tip: "Astuce"}}) != howOf(Options{Titles: Titles{Tip: "Astuce"}}) {
		t.Error("the same options give other keys")
	}
}
