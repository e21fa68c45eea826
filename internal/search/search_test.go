package search_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/render"
	"github.com/batonhq/baton/internal/search"
	"github.com/google/go-cmp/cmp"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string // joined forms of compounds marked with +
	}{
		{"The Conductor model", []string{"the", "conductor", "model"}},
		{"decision-making, well-being", []string{"decision", "making", "+decisionmaking", "well", "being", "+wellbeing"}},
		{"getUserProfile fetch_team_members", []string{"get", "user", "profile", "+getuserprofile", "fetch", "team", "members", "+fetchteammembers"}},
		{"HTTPServer parseJSON", []string{"http", "server", "+httpserver", "parse", "json", "+parsejson"}},
		{"don't the team's students' ‘quoted’ rock’n’roll", []string{"don't", "the", "team's", "students", "quoted", "rock'n'roll"}},
		{"a I x - -- _ 3.5 Q3 OKR2024 v2", []string{"q3", "okr2024", "v2"}},
		{"naïve Café résumé Ünïcode", []string{"naïve", "café", "résumé", "ünïcode"}},
		{"iPhone x-ray", []string{"phone", "+iphone", "ray", "+xray"}},
		{strings.Repeat("x", 41) + " ok", []string{"ok"}},
		// Scripts written without spaces: pairs of characters, so a word is
		// found anywhere in a sentence; one character alone is a term.
		{"日本語の文章", []string{"日本", "本語", "語の", "の文", "文章"}},
		{"Go言語とRust 本", []string{"go", "言語", "語と", "rust", "本"}},
		{"東京タワー-観光", []string{"東京", "京タ", "タワ", "ワー", "観光"}},
		{"ภาษาไทย", []string{"ภา", "าษ", "ษา", "าไ", "ไท", "ทย"}},
		{"카페 한국어", []string{"카페", "한국어"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range search.Tokenize(tt.in) {
			w := tok.Word
			if tok.Whole {
				w = "+" + w
			}
			got = append(got, w)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Tokenize(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
	if got, want := search.QueryWords("decision-making camelCase"), []string{"decision", "making", "camel", "case"}; !slices.Equal(got, want) {
		t.Errorf("QueryWords = %q, want %q", got, want)
	}
}

func TestStem(t *testing.T) {
	same := [][]string{
		{"planning", "plans", "planned", "plan"},
		{"prioritize", "prioritizing", "prioritized"},
		{"roadmaps", "roadmap"},
		{"team's", "teams", "team"},
		{"owns", "own", "owned", "owning"},
		{"generously", "generous"},
	}
	for _, group := range same {
		want := search.Stem(group[0])
		for _, w := range group[1:] {
			if got := search.Stem(w); got != want {
				t.Errorf("Stem(%q) = %q, want %q like Stem(%q)", w, got, want, group[0])
			}
		}
	}
	differ := [][2]string{{"owner", "own"}, {"news", "new"}, {"policy", "police"}}
	for _, p := range differ {
		if search.Stem(p[0]) == search.Stem(p[1]) {
			t.Errorf("Stem(%q) == Stem(%q) == %q; want different stems", p[0], p[1], search.Stem(p[0]))
		}
	}
	for _, w := range []string{"café", "okr2024", "2024", "ünïcode"} {
		if got := search.Stem(w); got != w {
			t.Errorf("Stem(%q) = %q; words that are not plain ASCII letters are their own stem", w, got)
		}
	}
}

// index is a decoded search index, read back from the files as the client
// would read them, with a decoder written independently of the encoder.
type index struct {
	meta struct {
		Version string `json:"version"`
		Docs    int    `json:"docs"`
		PerFile int    `json:"docsPerFile"`
		// Layout is every shard's key and size, a run of shards that
		// share a file in a list of its own.
		Layout []json.RawMessage `json:"shards"`
		// Shards is each shard's size, and File the key of the first
		// shard of its file, read from Layout.
		Shards  map[string]int
		File    map[string]string
		Buckets int      `json:"buckets"`
		Parts   [][3]int `json:"parts"`
		Stop    []string `json:"stop"`
		Stemmer string   `json:"stemmer"`
		Fold    bool     `json:"fold"`
		Elide   []string `json:"elide"`
	}
	// stems[key][stem][variant] = postings
	shards map[string]map[string]map[string][]post
	docs   []docFile
	files  map[string][]byte
}

type post struct{ Doc, Field, TF, Sec int }

type docFile struct {
	URL      string      `json:"url"`
	Title    string      `json:"title"`
	Section  string      `json:"section"`
	Sections [][3]string `json:"sections"`
}

// call strips "batonSearch.NAME(" and ");\n" around a file's arguments.
func call(t *testing.T, data []byte, name string) string {
	t.Helper()
	s := string(data)
	pre := "batonSearch." + name + "("
	if !strings.HasPrefix(s, pre) || !strings.HasSuffix(s, ");\n") {
		t.Fatalf("file does not call %s: %.60q", pre, s)
	}
	return s[len(pre) : len(s)-3]
}

func decodeVarints(t *testing.T, s string) []int {
	t.Helper()
	const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	var out []int
	v, mul := 0, 1
	for _, c := range s {
		d := strings.IndexRune(digits, c)
		if d < 0 {
			t.Fatalf("bad posting character %q", c)
		}
		v += (d & 31) * mul
		if d&32 != 0 {
			mul *= 32
			continue
		}
		out = append(out, v)
		v, mul = 0, 1
	}
	if mul != 1 {
		t.Fatalf("postings %q end inside a number", s)
	}
	return out
}

func readIndex(t *testing.T, files []search.File) *index {
	t.Helper()
	ix := &index{shards: map[string]map[string]map[string][]post{}, files: map[string][]byte{}}
	for _, f := range files {
		ix.files[f.Path] = f.Data
	}
	meta, ok := ix.files["_baton/search/index.js"]
	if !ok {
		t.Fatal("no _baton/search/index.js")
	}
	if err := json.Unmarshal([]byte(call(t, meta, "meta")), &ix.meta); err != nil {
		t.Fatal(err)
	}
	for _, keys := range ix.readLayout(t) {
		data, ok := ix.files["_baton/search/s/"+search.ShardFile(keys[0])+".js"]
		if !ok {
			t.Fatalf("meta lists shard file %q, which is not there", keys[0])
		}
		calls := strings.SplitAfter(string(data), "\n]);\n")
		if last := calls[len(calls)-1]; last != "" || len(calls)-1 != len(keys) {
			t.Fatalf("shard file %q holds %d calls, then %.40q; meta lists %d shards", keys[0], len(calls)-1, last, len(keys))
		}
		for i, key := range keys {
			ix.readShard(t, key, []byte(calls[i]))
		}
	}
	shardFiles := 0
	for p := range ix.files {
		if strings.HasPrefix(p, "_baton/search/s/") {
			shardFiles++
		}
	}
	if n := len(slices.Compact(slices.Sorted(maps.Values(ix.meta.File)))); shardFiles != n {
		t.Errorf("%d shard files; meta lists %d", shardFiles, n)
	}
	if ix.meta.PerFile != search.DocsPerFile {
		t.Fatalf("meta says %d documents per file; want %d", ix.meta.PerFile, search.DocsPerFile)
	}
	var records []string // every display file's records, in file order
	for f := 0; f*search.DocsPerFile < ix.meta.Docs; f++ {
		data, ok := ix.files[fmt.Sprintf("_baton/search/d/%d.js", f)]
		if !ok {
			t.Fatalf("no display file %d", f)
		}
		lines := strings.SplitAfter(string(data), ");\n")
		if last := lines[len(lines)-1]; last != "" {
			t.Fatalf("display file %d ends with %q", f, last)
		}
		records = append(records, lines[:len(lines)-1]...)
	}
	if len(records) != ix.meta.Docs {
		t.Fatalf("display files hold %d records for %d documents", len(records), ix.meta.Docs)
	}
	for i := range ix.meta.Docs {
		args := call(t, []byte(records[i]), "doc")
		id, rest, _ := strings.Cut(args, ",")
		if id != fmt.Sprint(i) {
			t.Fatalf("record %d registers document %s", i, id)
		}
		var d docFile
		if err := json.Unmarshal([]byte(rest), &d); err != nil {
			t.Fatal(err)
		}
		ix.docs = append(ix.docs, d)
	}
	return ix
}

// readLayout reads the meta's list of shards: each a key and its size, in
// key order, those that share a file in a list of their own, the file
// named after the first. It returns the keys of each file.
func (ix *index) readLayout(t *testing.T) [][]string {
	t.Helper()
	ix.meta.Shards, ix.meta.File = map[string]int{}, map[string]string{}
	var files [][]string
	var prev string
	for i := 0; i < len(ix.meta.Layout); i++ {
		var run []json.RawMessage
		if err := json.Unmarshal(ix.meta.Layout[i], &run); err == nil {
			if len(run) < 4 || len(run)%2 != 0 {
				t.Fatalf("meta's shards: a list of %d values: %s", len(run), ix.meta.Layout[i])
			}
		} else if i+1 < len(ix.meta.Layout) {
			run = ix.meta.Layout[i : i+2]
			i++
		} else {
			t.Fatalf("meta's shards end with a key and no size")
		}
		var keys []string
		for j := 0; j < len(run); j += 2 {
			var key string
			var size int
			if err := json.Unmarshal(run[j], &key); err != nil {
				t.Fatalf("meta's shards: %s is not a key: %v", run[j], err)
			}
			if err := json.Unmarshal(run[j+1], &size); err != nil {
				t.Fatalf("meta's shards: %s is not a size: %v", run[j+1], err)
			}
			if len(ix.meta.Shards) > 0 && key <= prev {
				t.Fatalf("meta's shards: %q after %q, not in key order", key, prev)
			}
			prev = key
			keys = append(keys, key)
			ix.meta.Shards[key] = size
			ix.meta.File[key] = keys[0]
		}
		files = append(files, keys)
	}
	return files
}

// readShard decodes one shard's call, which its file holds.
func (ix *index) readShard(t *testing.T, key string, data []byte) {
	t.Helper()
	if size := ix.meta.Shards[key]; len(data) != size {
		t.Errorf("shard %q: meta says %d bytes, its call has %d", key, size, len(data))
	}
	args := call(t, data, "shard")
	var raw []json.RawMessage
	if err := json.Unmarshal([]byte("["+args+"]"), &raw); err != nil {
		t.Fatalf("shard %q: %v", key, err)
	}
	var gotKey string
	var entries [][2]json.RawMessage
	if err := json.Unmarshal(raw[0], &gotKey); err != nil || gotKey != key {
		t.Fatalf("shard file for %q registers %q (%v)", key, gotKey, err)
	}
	if err := json.Unmarshal(raw[1], &entries); err != nil {
		t.Fatalf("shard %q: %v", key, err)
	}
	stems := map[string]map[string][]post{}
	for _, e := range entries {
		var stem string
		var vs []string
		if err := json.Unmarshal(e[0], &stem); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(e[1], &vs); err != nil {
			t.Fatal(err)
		}
		variants := map[string][]post{}
		for i := 0; i+1 < len(vs); i += 2 {
			vals := decodeVarints(t, vs[i+1])
			if len(vals)%3 != 0 {
				t.Fatalf("%s/%s: %d numbers, not triples", stem, vs[i], len(vals))
			}
			var ps []post
			doc := 0
			for j := 0; j < len(vals); j += 3 {
				doc += vals[j]
				ps = append(ps, post{Doc: doc, Field: vals[j+1] & 3, TF: vals[j+1] >> 2, Sec: vals[j+2]})
			}
			variants[vs[i]] = ps
		}
		stems[stem] = variants
	}
	ix.shards[key] = stems
}

// lookup finds a stem's variants the way the client does.
func (ix *index) lookup(stem string) map[string][]post {
	keys := make([]string, 0, len(ix.meta.Shards))
	for k := range ix.meta.Shards {
		keys = append(keys, k)
	}
	return ix.shards[search.Route(stem, search.SplitPrefixes(keys), ix.meta.Buckets)][stem]
}

func (ix *index) docID(t *testing.T, url string) int {
	t.Helper()
	for i, d := range ix.docs {
		if d.URL == url {
			return i
		}
	}
	t.Fatalf("no document for %s", url)
	return -1
}

func testSite(t testing.TB, dir string) *handbook.Site {
	t.Helper()
	theme, err := render.LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	res, diags := build.New(build.Options{Theme: theme}).Build(context.Background(), os.DirFS(dir))
	if res == nil {
		t.Fatalf("build failed:\n%v", diags)
	}
	return res.Site
}

// testSiteFiles builds a site of the files given (path to text).
func testSiteFiles(t testing.TB, files map[string]string) *handbook.Site {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	theme, err := render.LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	res, diags := build.New(build.Options{Theme: theme}).Build(context.Background(), fsys)
	if res == nil {
		t.Fatalf("build failed:\n%v", diags)
	}
	return res.Site
}

const (
	fieldTitle = iota
	fieldHeading
	fieldMeta
	fieldBody
)

// TestIndexFields checks what ranking rests on: each page's posting for a
// word says in which field the word is best (title, heading, meta, body)
// and in which section, so the client can rank title over heading over
// body and link to the heading.
func TestIndexFields(t *testing.T) {
	ix := readIndex(t, search.Build(testSite(t, "testdata/site"), search.Options{}))
	roadmap := ix.lookup(search.Stem("roadmaps"))
	if roadmap == nil {
		t.Fatal("no stem for roadmaps")
	}
	got := map[int]post{}
	for _, p := range roadmap["roadmaps"] {
		got[p.Doc] = p
	}
	tests := []struct {
		url          string
		field, sec   int
		anchor, head string
	}{
		{"/playbooks/planning/roadmaps/", fieldTitle, 0, "", ""},
		{"/playbooks/planning/quarterly/", fieldHeading, 2, "roadmaps-in-practice", "Roadmaps in practice"},
		{"/playbooks/planning/retro/", fieldBody, 2, "what-to-change", "What to change"},
	}
	for _, tt := range tests {
		id := ix.docID(t, tt.url)
		p, ok := got[id]
		if !ok {
			t.Errorf("%s: no posting for roadmaps", tt.url)
			continue
		}
		if p.Field != tt.field || p.Sec != tt.sec {
			t.Errorf("%s: field %d section %d, want field %d section %d", tt.url, p.Field, p.Sec, tt.field, tt.sec)
		}
		sec := ix.docs[id].Sections[p.Sec]
		if sec[0] != tt.anchor || sec[1] != tt.head {
			t.Errorf("%s: section %d is %q %q, want %q %q", tt.url, p.Sec, sec[0], sec[1], tt.anchor, tt.head)
		}
	}
	// Tags, roles and the section name are meta; the tag "strategy" is
	// only in front matter.
	if ps := ix.lookup(search.Stem("strategy"))["strategy"]; len(ps) != 1 || ps[0].Field != fieldMeta || ps[0].Doc != ix.docID(t, "/playbooks/planning/roadmaps/") {
		t.Errorf("strategy postings = %+v, want one meta posting on the roadmaps page", ps)
	}
	// Exact forms are kept apart under one stem, so the client can rank
	// exact matches over stemmed ones.
	plan := ix.lookup(search.Stem("planning"))
	if plan["planning"] == nil || plan["plan"] == nil {
		t.Errorf("stem %q variants = %v, want planning and plan", search.Stem("planning"), slices.Sorted(mapsKeys(plan)))
	}
	// Stop words are left out of bodies but kept in titles.
	if the := ix.lookup("the"); the != nil {
		for _, p := range the["the"] {
			if p.Field != fieldTitle {
				t.Errorf("stop word the has a posting in field %d", p.Field)
			}
		}
	}
}

func mapsKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func TestIndexWords(t *testing.T) {
	ix := readIndex(t, search.Build(testSite(t, "testdata/site"), search.Options{}))
	api := ix.docID(t, "/playbooks/teams/api-design/")
	for _, w := range []string{"getuserprofile", "profile", "fetchteammembers", "members", "snakecase", "camelcase",
		"decisionmaking", "team's", "café", "naïve", "résumés", "javascript"} {
		found := false
		for _, p := range ix.lookup(search.Stem(w))[w] {
			found = found || p.Doc == api
		}
		if !found {
			t.Errorf("%q is not indexed for the API page", w)
		}
	}
	// A role is a document with its own sections.
	role := ix.docs[ix.docID(t, "/roles/conductor/")]
	if !slices.ContainsFunc(role.Sections, func(s [3]string) bool { return s[0] == "owns" && strings.Contains(s[2], "tempo") }) {
		t.Errorf("role document sections = %q, want an owns section about tempo", role.Sections)
	}
	for _, d := range ix.docs {
		if d.URL == "/playbooks/planning/quarterly/" && d.Section != "Planning" {
			t.Errorf("quarterly page section = %q, want Planning", d.Section)
		}
	}
}

// TestSharding builds the index with a tiny shard budget, so shards split
// several levels deep, and checks that every stem is where the client's
// routing looks for it and that no shard over budget could have split.
func TestSharding(t *testing.T) {
	site := testSite(t, "testdata/site")
	const budget, floor = 100, 300
	ix := readIndex(t, search.Build(site, search.Options{ShardBytes: budget, PackBytes: floor}))
	checkPacks(t, ix, floor)
	keys := slices.Sorted(mapsKeys(ix.meta.Shards))
	split := search.SplitPrefixes(keys)
	deep := 0
	stems := 0
	for key, entries := range ix.shards {
		if len([]rune(key)) > 2 && !strings.HasPrefix(key, "~") {
			deep++
		}
		for stem := range entries {
			stems++
			if got := search.Route(stem, split, ix.meta.Buckets); got != key {
				t.Errorf("stem %q is in shard %q, routing looks in %q", stem, key, got)
			}
		}
		if size := ix.meta.Shards[key]; size > budget && len(entries) > 1 {
			for stem := range entries {
				if len([]rune(stem)) > len([]rune(key)) {
					t.Errorf("shard %q is %d bytes, over budget, yet holds the longer stem %q", key, size, stem)
					break
				}
			}
		}
	}
	if deep == 0 {
		t.Errorf("no shard split at budget %d: keys %q", budget, keys)
	}
	// The default budget keeps this small site in two-character shards, and
	// both hold the same stems.
	def := readIndex(t, search.Build(site, search.Options{}))
	n := 0
	for key, entries := range def.shards {
		if len([]rune(key)) > 2 && !strings.HasPrefix(key, "~") {
			t.Errorf("small site split shard %q", key)
		}
		n += len(entries)
	}
	if n != stems {
		t.Errorf("default index has %d stems, split one %d", n, stems)
	}
}

// checkPacks checks how the shards of ix share files with a floor of
// floor bytes: a shard of floor bytes or more is alone in its file;
// smaller ones, adjacent in key order, share one until it is floor bytes,
// the next shard is a big one, or there are no more.
func checkPacks(t *testing.T, ix *index, floor int) {
	t.Helper()
	keys := slices.Sorted(mapsKeys(ix.meta.Shards))
	files := map[string][]string{}
	for _, k := range keys {
		files[ix.meta.File[k]] = append(files[ix.meta.File[k]], k)
	}
	shared := 0
	for i := 0; i < len(keys); {
		run := files[keys[i]]
		if run == nil || !slices.Equal(run, keys[i:i+len(run)]) {
			t.Fatalf("the file of %q holds %q, not a run of keys from it", keys[i], run)
		}
		size := 0
		for _, k := range run {
			size += ix.meta.Shards[k]
			if len(run) > 1 && ix.meta.Shards[k] >= floor {
				t.Errorf("shard %q, %d bytes, shares file %q", k, ix.meta.Shards[k], run[0])
			}
		}
		if len(run) > 1 {
			shared++
		}
		i += len(run)
		if size < floor && i < len(keys) && ix.meta.Shards[keys[i]] < floor {
			t.Errorf("file %q is %d bytes, yet the small shard %q after it has its own file", run[0], size, keys[i])
		}
		if size-ix.meta.Shards[run[len(run)-1]] >= floor {
			t.Errorf("file %q was %d bytes before its last shard %q, over the floor", run[0], size, run[len(run)-1])
		}
	}
	if shared == 0 {
		t.Errorf("no shards share a file at floor %d", floor)
	}
}

func TestRoute(t *testing.T) {
	split := search.SplitPrefixes([]string{"co", "com", "comm", "comp", "con", "pl"})
	tests := []struct{ stem, want string }{
		{"commit", "comm"}, {"compos", "comp"}, {"com", "com"}, {"comet", "come"}, {"conduct", "con"},
		{"co", "co"}, {"cat", "ca"}, {"plan", "pl"}, {"é", "é"}, {"éxé", "éx"},
	}
	for _, tt := range tests {
		if got := search.Route(tt.stem, split, 1); got != tt.want {
			t.Errorf("Route(%q) = %q, want %q", tt.stem, got, tt.want)
		}
	}
	for key, want := range map[string]string{"co": "co", "x1": "x1", "é": "_c3a9", "Co": "_436f"} {
		if got := search.ShardFile(key); got != want {
			t.Errorf("ShardFile(%q) = %q, want %q", key, got, want)
		}
	}
}

func TestBuildDeterministic(t *testing.T) {
	site := testSite(t, "testdata/site")
	a := search.Build(site, search.Options{ShardBytes: 500})
	b := search.Build(testSite(t, "testdata/site"), search.Options{ShardBytes: 500})
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("file %d differs between builds: %s, %s", i, a[i].Path, b[i].Path)
		}
		if i > 0 && a[i-1].Path >= a[i].Path {
			t.Errorf("files not sorted or not unique: %s, %s", a[i-1].Path, a[i].Path)
		}
	}
}

// TestCacheChangesNothing builds with a warm word cache, before and after
// an edit the cache must not hide, and wants the bytes of a cold build.
func TestCacheChangesNothing(t *testing.T) {
	warm := search.Options{ShardBytes: 500, Cache: search.NewCache()}
	cold := search.Options{ShardBytes: 500}
	same := sameFiles
	edit := func() *handbook.Site {
		s := testSite(t, "testdata/site")
		s.Pages[0].Title += " renamed zebra"
		return s
	}
	search.Build(testSite(t, "testdata/site"), warm)
	if !same(search.Build(testSite(t, "testdata/site"), warm), search.Build(testSite(t, "testdata/site"), cold)) {
		t.Errorf("a warm build of the same site differs from a cold one")
	}
	edited := search.Build(edit(), warm)
	if !same(edited, search.Build(edit(), cold)) {
		t.Errorf("a warm build after an edit differs from a cold one")
	}
	if same(edited, search.Build(testSite(t, "testdata/site"), cold)) {
		t.Errorf("the edit does not change the index")
	}
}

// TestIndexUpdate edits page bodies at random (words come and go, stems
// appear and vanish, small shards split and merge) and checks after each
// edit that the updated index equals one built afresh.
func TestIndexUpdate(t *testing.T) {
	site := testSite(t, "testdata/site")
	md := markdown.New(false)
	rng := rand.New(rand.NewPCG(3, 4))
	vocab := strings.Fields("conductor conducts conducting orchestra score tempo zebra zebras quartz quiver " +
		"roadmap roadmaps discovery discover delivery deliver alpha beta gamma delta co cab coal coat code coder")
	opts := search.Options{ShardBytes: 400, PackBytes: 1000, Cache: search.NewCache()}
	warm := search.NewIndex(site, opts)
	before := map[string][]byte{}
	for _, f := range warm.Files() {
		before[f.Path] = f.Data
	}
	reshapes := 0
	for round := range 60 {
		var edited []*handbook.Page
		for range 1 + rng.IntN(2) {
			p := site.Pages[rng.IntN(len(site.Pages))]
			var body strings.Builder
			for range rng.IntN(4) {
				fmt.Fprintf(&body, "## %s %s\n\n", vocab[rng.IntN(len(vocab))], vocab[rng.IntN(len(vocab))])
				for range rng.IntN(30) {
					body.WriteString(vocab[rng.IntN(len(vocab))] + " ")
				}
				body.WriteString("\n\n")
			}
			doc, err := md.Prepare([]byte(body.String()))
			if err != nil {
				t.Fatal(err)
			}
			p.Doc = doc
			edited = append(edited, p)
		}
		changed, reshaped := warm.Update(site, edited)
		if reshaped {
			reshapes++
		}
		got, want := warm.Files(), search.Build(site, search.Options{ShardBytes: 400, PackBytes: 1000})
		// What Update says changed is exactly what did.
		for _, f := range changed {
			before[f.Path] = f.Data
		}
		for _, f := range got {
			if !reshaped && !bytes.Equal(before[f.Path], f.Data) {
				t.Fatalf("round %d: %s changed, but Update did not list it", round, f.Path)
			}
			before[f.Path] = f.Data
		}
		if len(got) != len(want) {
			t.Fatalf("round %d: updated index has %d files; a fresh one %d", round, len(got), len(want))
		}
		for i := range got {
			if got[i].Path != want[i].Path || !bytes.Equal(got[i].Data, want[i].Data) {
				t.Fatalf("round %d: updated %s differs from fresh %s:\n%s\n---\n%s", round, got[i].Path, want[i].Path, got[i].Data, want[i].Data)
			}
		}
	}
	if reshapes == 0 || reshapes == 60 {
		t.Errorf("%d of 60 edits moved shards: the test wants both kinds", reshapes)
	}
}

// TestRoleTextReadsWell checks the text of role documents, which snippets
// show: list items and responsibilities become sentences, never "..".
func TestRoleTextReadsWell(t *testing.T) {
	site := testSite(t, "../..") // the default handbook: full stops in its summaries
	roles := 0
	for _, d := range search.Documents(site) {
		if !strings.HasPrefix(d.URL, "/roles/") {
			continue // pages keep their own text, ellipses and all
		}
		roles++
		for _, s := range d.Sections {
			if strings.Contains(s.Text, "..") {
				t.Errorf("%s, %q: text has \"..\": %.120q", d.URL, s.Heading, s.Text)
			}
		}
	}
	if roles == 0 {
		t.Fatal("no role documents: the test shows nothing")
	}
}

// TestSpacelessShards indexes a handbook written in Japanese: its terms
// (pairs of characters) go into as many buckets as the budget needs, each
// one shard the client finds from the term's first character, so the index
// stays at a few files, not one per pair, and every page is found by a
// word anywhere in it.
func TestSpacelessShards(t *testing.T) {
	kana := []rune("あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん")
	kanji := []rune("日本語文章東京会議資料顧客製品開発設計品質営業戦略計画目標成果評価")
	files := map[string]string{"content/handbook.yaml": "title: ハンドブック\n"}
	for i := range 200 {
		var b strings.Builder
		for j := range 400 {
			b.WriteRune(kanji[(i*7+j*3)%len(kanji)])
			b.WriteRune(kana[(i+j*5)%len(kana)])
		}
		files[fmt.Sprintf("content/p%03d.md", i)] = fmt.Sprintf("---\ntitle: 文書 %d\n---\n%s。東京%03d\n", i, b.String(), i)
	}
	site := testSiteFiles(t, files)
	const budget = 2 << 10
	ix := readIndex(t, search.Build(site, search.Options{ShardBytes: budget}))
	if ix.meta.Buckets < 2 {
		t.Fatalf("%d buckets for a Japanese handbook", ix.meta.Buckets)
	}
	buckets := 0
	for key := range ix.shards {
		if strings.HasPrefix(key, "~") {
			buckets++
		}
	}
	if buckets > ix.meta.Buckets || len(ix.shards) > ix.meta.Buckets+200 {
		t.Errorf("%d shards (%d buckets of %d) for 200 pages", len(ix.shards), buckets, ix.meta.Buckets)
	}
	keys := slices.Sorted(mapsKeys(ix.meta.Shards))
	split := search.SplitPrefixes(keys)
	for key, entries := range ix.shards {
		for stem := range entries {
			if got := search.Route(stem, split, ix.meta.Buckets); got != key {
				t.Errorf("term %q is in shard %q, routing looks in %q", stem, key, got)
			}
		}
	}
	// A word from the middle of a sentence finds its page: both its pairs.
	if ps := ix.lookup("東京")["東京"]; len(ps) != 200 {
		t.Errorf("%d pages have 東京, want 200", len(ps))
	}
}

// TestBritishAmerican holds British and American spellings of a word to
// one stem, both ways, in every inflection the table and the suffix rules
// cover; and leaves alone words that only look like them.
func TestBritishAmerican(t *testing.T) {
	for _, p := range britishAmerican {
		british, american := p[0], p[1]
		if got, want := search.Stem(british), search.Stem(american); got != want {
			t.Errorf("Stem(%q) = %q, Stem(%q) = %q; want one stem", british, got, american, want)
		}
	}
	for _, w := range spellingKept {
		if got := search.American(w); got != w {
			t.Errorf("American(%q) = %q; want it unchanged", w, got)
		}
	}
	// Words that are alike only in their spelling keep apart.
	for _, p := range [][2]string{{"hour", "hor"}, {"precise", "precize"}, {"timbre", "timber"}, {"string", "ster"}, {"hatred", "hater"}, {"rogue", "rog"}} {
		if search.Stem(p[0]) == search.Stem(p[1]) {
			t.Errorf("Stem(%q) == Stem(%q) == %q; want different stems", p[0], p[1], search.Stem(p[0]))
		}
	}
}

// britishAmerican are British spellings and their American twins, as the
// index folds them (spelling.go); TestBrowserStemParity runs them through
// the client too.
var britishAmerican = [][2]string{
	// -ise, -isation and their inflections
	{"prioritise", "prioritize"}, {"prioritised", "prioritized"}, {"prioritising", "prioritizing"}, {"prioritises", "prioritizes"},
	{"organise", "organize"}, {"organisation", "organization"}, {"organisations", "organizations"}, {"organisational", "organizational"},
	{"organiser", "organizer"}, {"organisers", "organizers"}, {"recognise", "recognize"}, {"recognisable", "recognizable"},
	{"criticise", "criticize"}, {"minimise", "minimize"}, {"optimisation", "optimization"}, {"categorise", "categorize"},
	{"summarise", "summarize"}, {"authorised", "authorized"}, {"standardise", "standardize"}, {"utilisation", "utilization"},
	{"emphasise", "emphasize"}, {"apologise", "apologize"}, {"economise", "economize"}, {"customising", "customizing"},
	{"patronisingly", "patronizingly"}, {"amortise", "amortize"}, {"finalise", "finalize"}, {"normalised", "normalized"},
	{"itemise", "itemize"}, {"organisation's", "organization's"}, {"colours'", "colors'"}, {"ostracised", "ostracized"}, {"collectivise", "collectivize"}, {"soliloquise", "soliloquize"},
	{"aggrandisement", "aggrandizement"}, {"cognisant", "cognizant"},
	// -yse
	{"analyse", "analyze"}, {"analysed", "analyzed"}, {"analysing", "analyzing"}, {"analyses", "analyzes"}, {"paralyse", "paralyze"}, {"catalyse", "catalyze"},
	// -our
	{"colour", "color"}, {"colours", "colors"}, {"coloured", "colored"}, {"colourful", "colorful"}, {"discoloured", "discolored"},
	{"behaviour", "behavior"}, {"behaviours", "behaviors"}, {"behavioural", "behavioral"}, {"favour", "favor"}, {"favourite", "favorite"},
	{"favourable", "favorable"}, {"honour", "honor"}, {"honourable", "honorable"}, {"labour", "labor"}, {"labourer", "laborer"},
	{"neighbour", "neighbor"}, {"neighbourhood", "neighborhood"}, {"humour", "humor"}, {"rumoured", "rumored"}, {"endeavour", "endeavor"},
	{"endeavours", "endeavors"}, {"harbour", "harbor"}, {"flavour", "flavor"}, {"armoury", "armory"}, {"rigour", "rigor"},
	{"odour", "odor"}, {"vapour", "vapor"}, {"candour", "candor"}, {"ardour", "ardor"}, {"colouration", "coloration"},
	{"neighbourly", "neighborly"}, {"flavourings", "flavorings"}, {"favouritism", "favoritism"},
	// -tre, -re
	{"centre", "center"}, {"centres", "centers"}, {"centred", "centered"}, {"centring", "centering"}, {"theatre", "theater"},
	{"metre", "meter"}, {"kilometres", "kilometers"}, {"litre", "liter"}, {"fibre", "fiber"}, {"calibre", "caliber"}, {"sombre", "somber"},
	// -ogue
	{"catalogue", "catalog"}, {"catalogues", "catalogs"}, {"catalogued", "cataloged"}, {"cataloguing", "cataloging"},
	{"dialogue", "dialog"}, {"analogue", "analog"}, {"monologue", "monolog"},
	// -ence nouns
	{"licence", "license"}, {"licences", "licenses"}, {"unlicenced", "unlicensed"}, {"defence", "defense"}, {"offence", "offense"}, {"pretence", "pretense"},
	// the table
	{"programme", "program"}, {"programmes", "programs"}, {"grey", "gray"}, {"judgement", "judgment"}, {"acknowledgements", "acknowledgments"},
	{"ageing", "aging"}, {"skilful", "skillful"}, {"sceptical", "skeptical"}, {"artefact", "artifact"}, {"practise", "practice"},
	{"practised", "practiced"}, {"practising", "practicing"}, {"enrolment", "enrollment"}, {"fulfil", "fulfill"}, {"fulfilment", "fulfillment"},
	{"instalment", "installment"}, {"counsellor", "counselor"}, {"jewellery", "jewelry"}, {"mould", "mold"}, {"plough", "plow"},
	{"manoeuvre", "maneuver"}, {"manoeuvring", "maneuvering"}, {"aluminium", "aluminum"},
}

// spellingKept are words that look British but are spelled so in America
// too, or are not the words the rules are for: the fold leaves them alone.
var spellingKept = []string{
	"precise", "concise", "exercise", "exercised", "excise", "advertise", "advertising", "advertiser", "advise", "adviser", "advisable",
	"revise", "supervise", "supervised", "devise", "televise", "improvise", "improvisation", "compromise", "promise", "promising",
	"premise", "premises", "demise", "surmise", "surprise", "surprisingly", "enterprise", "comprise", "apprise", "arise", "arising",
	"sunrise", "uprising", "raise", "praised", "noise", "poise", "tortoise", "turquoise", "cruise", "bruised", "disguise", "franchise",
	"despise", "otherwise", "likewise", "expertise", "chastise", "treatise", "paradise", "merchandise", "merchandising", "wise", "rise",
	"disable", "crises", "hour", "hours", "four", "tour", "tours", "detour", "contour", "pour", "downpour", "sour", "your", "yours",
	"flour", "scour", "devour", "glamour", "encourage", "discourse", "concourse", "pompadour", "amour", "troubadour", "velour", "journal", "resource", "flourish", "string", "hatred",
	"genre", "acre", "timbre", "macabre", "ogre", "massacre", "mediocre", "entre", "rogue", "vogue", "league", "analysis",
}

// TestIndexParts holds each responsibility with a lead role to that role's
// page in the meta, as runs [role, first, count], so the client shows a
// role and its responsibilities as one result; a responsibility without a
// lead is a page of its own.
func TestIndexParts(t *testing.T) {
	site := testSite(t, "testdata/site")
	ix := readIndex(t, search.Build(site, search.Options{}))
	partOf := map[string]string{} // URL → URL of the page it is part of
	for _, run := range ix.meta.Parts {
		for id := run[1]; id < run[1]+run[2]; id++ {
			partOf[ix.docs[id].URL] = ix.docs[run[0]].URL
		}
	}
	want := map[string]string{}
	for _, x := range site.Responsibilities {
		if x.Lead != nil {
			want[x.URL] = x.Lead.URL
		}
	}
	if len(want) < 5 {
		t.Fatalf("the test site has %d responsibilities with a lead, want 5 or more", len(want))
	}
	if diff := cmp.Diff(want, partOf); diff != "" {
		t.Errorf("parts (-want +got):\n%s", diff)
	}
}

// TestIndexStale rebuilds a site after edits that change what other
// documents hold (a title, a summary, tags, a section's title, an edit
// undone) and wants Stale to name exactly the pages whose documents
// changed, and the index Update leaves to equal one built afresh, byte for
// byte; an edit that changes another kind of document is refused.
func TestIndexStale(t *testing.T) {
	fsys := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("testdata/site"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile("testdata/site/" + p)
		fsys[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	theme, err := render.LoadTheme(baton.Layouts())
	if err != nil {
		t.Fatal(err)
	}
	b := build.New(build.Options{Theme: theme})
	res, diags := b.Build(context.Background(), fsys)
	if res == nil {
		t.Fatal(diags)
	}
	opts := search.Options{ShardBytes: 400, PackBytes: 1000}
	x, site := search.NewIndex(res.Site, opts), res.Site
	retro, teams := "content/playbooks/planning/retro.md", "content/playbooks/teams/_index.md"
	original := map[string]string{retro: string(fsys[retro].Data), teams: string(fsys[teams].Data)}
	edits := []struct {
		name, file, old, new string
		want                 []string // URLs of the stale pages
	}{
		{"title", retro, "title: Retrospectives", "title: Zebra retrospectives", []string{"/playbooks/planning/retro/"}},
		{"summary", retro, "summary: A page", "summary: A quartz page", []string{"/playbooks/planning/retro/"}},
		{"tags", retro, "weight: 3", "weight: 3\ntags: [quiver, zebra]", []string{"/playbooks/planning/retro/"}},
		{"undone", retro, "", "", []string{"/playbooks/planning/retro/"}},
		{"section title", teams, "title: Teams", "title: Orchestra", []string{"/playbooks/teams/", "/playbooks/teams/api-design/",
			"/playbooks/teams/house-style/", "/playbooks/teams/shipping/", "/playbooks/teams/tokyo/", "/playbooks/teams/tooling/"}},
	}
	for _, e := range edits {
		text := original[e.file]
		if e.old != "" {
			text = strings.Replace(text, e.old, e.new, 1)
		}
		fsys[e.file] = &fstest.MapFile{Data: []byte(text)}
		res, diags := b.Rebuild(context.Background(), fsys, []string{e.file})
		if res == nil {
			t.Fatalf("%s: %v", e.name, diags)
		}
		stale, ok := x.Stale(site, res.Site)
		if !ok {
			t.Fatalf("%s: Stale refuses the edit", e.name)
		}
		var got []string
		for _, p := range stale {
			got = append(got, p.URL)
		}
		if !slices.Equal(got, e.want) {
			t.Errorf("%s: stale pages %q; want %q", e.name, got, e.want)
		}
		x.Update(res.Site, stale)
		site = res.Site
		sameAsFresh(t, e.name, x.Files(), search.Build(site, opts))
	}
	// A role's title is in other documents than pages': no update.
	role := "content/roles/conductor.yaml"
	fsys[role] = &fstest.MapFile{Data: bytes.Replace(fsys[role].Data, []byte("title: "), []byte("title: Renamed "), 1)}
	res, diags = b.Rebuild(context.Background(), fsys, []string{role})
	if res == nil {
		t.Fatal(diags)
	}
	if _, ok := x.Stale(site, res.Site); ok {
		t.Errorf("Stale takes a role's new title")
	}
}

func sameAsFresh(t *testing.T, name string, got, want []search.File) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: updated index has %d files; a fresh one %d", name, len(got), len(want))
	}
	for i := range got {
		if got[i].Path != want[i].Path || !bytes.Equal(got[i].Data, want[i].Data) {
			t.Fatalf("%s: updated %s differs from fresh %s:\n%s\n---\n%s", name, got[i].Path, want[i].Path, got[i].Data, want[i].Data)
		}
	}
}
