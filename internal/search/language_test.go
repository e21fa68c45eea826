package search_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	gencorpus "github.com/batonhq/baton/internal/corpus"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/search"
)

// TestLanguageStems holds the inflections a reader types to one stem in
// each language baton stems, the same word with and without its accents to
// one stem outside English, and English as it always was.
func TestLanguageStems(t *testing.T) {
	tests := []struct {
		lang  string
		same  [][]string // each group one stem
		apart [][2]string
	}{
		{"de", [][]string{
			{"veröffentlichung", "veröffentlichungen", "veroffentlichung", "Veröffentlichung"},
			{"produktmanager", "produktmanagern", "produktmanagers"},
			{"übersicht", "übersichten", "ubersicht"},
			{"straße", "strasse"},
			{"planen", "plan"},
		}, [][2]string{{"produktmanager", "produkt"}}},
		{"fr", [][]string{
			{"équipe", "équipes", "equipe", "l'équipe", "d'équipe"},
			{"décision", "décisions", "decision"},
			{"publication", "publications"},
			{"gestionnaire", "gestionnaires"},
		}, [][2]string{{"publication", "public"}}},
		{"es", [][]string{{"publicación", "publicaciones"}, {"decisión", "decisiones", "decision"}}, nil},
		{"pt-BR", [][]string{{"publicação", "publicações"}, {"gerente", "gerentes"}}, nil},
		{"pt", [][]string{{"planejamento", "planejamentos"}}, nil},
		{"it", [][]string{{"azienda", "aziende", "dell'azienda"}, {"riunione", "riunioni"}}, nil},
		{"nl", [][]string{{"beslissing", "beslissingen"}, {"vergadering", "vergaderingen"}}, nil},
		// No stemmer: a word is its own stem, without its accents; letters
		// of scripts other than Latin keep theirs.
		{"pl", [][]string{{"zażółć", "zazołc"}}, [][2]string{{"wniosek", "wnioski"}}},
		{"ru", [][]string{{"решение"}}, [][2]string{{"решение", "решения"}}},
		{"ja", [][]string{{"東京"}, {"café", "cafe"}}, [][2]string{{"が", "か"}}},
	}
	for _, tt := range tests {
		stem := search.StemmerFor(tt.lang)
		for _, group := range tt.same {
			want := stem(strings.ToLower(group[0]))
			for _, w := range group[1:] {
				if got := stem(strings.ToLower(w)); got != want {
					t.Errorf("%s: stem(%q) = %q, want %q like stem(%q)", tt.lang, w, got, want, group[0])
				}
			}
		}
		for _, p := range tt.apart {
			if a, b := stem(p[0]), stem(p[1]); a == b {
				t.Errorf("%s: stem(%q) = stem(%q) = %q, want two stems", tt.lang, p[0], p[1], a)
			}
		}
	}
	if got, want := search.StemmerFor("ru")("решение"), "решение"; got != want {
		t.Errorf("ru: stem(решение) = %q, want %q (no stemmer)", got, want)
	}
	// English, and every tag of it, is Stem: Porter2 of the American
	// spelling, words outside ASCII their own stem.
	for _, tag := range []string{"en", "en-GB", "EN_us", ""} {
		stem := search.StemmerFor(tag)
		for _, w := range []string{"prioritising", "colours", "café", "l'équipe", "roadmaps"} {
			if got, want := stem(w), search.Stem(w); got != want {
				t.Errorf("%q: stem(%q) = %q, want Stem's %q", tag, w, got, want)
			}
		}
	}
}

// TestLanguageIndex builds the same handbook in several languages: the
// index of a site in a Snowball language carries its stemmer's script and
// names it in the meta with its stop words and elisions; another
// language's folds without a stemmer; an English one is as it always was.
func TestLanguageIndex(t *testing.T) {
	page := "---\ntitle: Übersicht der Veröffentlichungen\n---\nDie Produktmanager planen Veröffentlichungen für das Team und über die Woche.\n"
	tests := []struct {
		lang, stemmer string
		fold          bool
		stop, kept    []string // stop words the meta lists; words the body keeps
		elide         bool
	}{
		{"en", "", false, []string{"the", "and"}, []string{"die", "und", "für"}, false},
		{"de", "german", true, []string{"und", "über", "uber", "für", "fur", "die"}, []string{"team", "woche"}, false},
		{"de-AT", "german", true, []string{"und"}, []string{"team"}, false},
		{"fr", "french", true, []string{"les", "étant", "etant"}, []string{"die", "und"}, true},
		{"pt-BR", "portuguese", true, []string{"não", "nao"}, []string{"die"}, false},
		{"sv", "", true, nil, []string{"die", "und", "team"}, false},
		{"x-klingon", "", true, nil, []string{"die"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			site := testSiteFiles(t, map[string]string{
				"content/handbook.yaml": "title: Handbuch\nlanguage: " + tt.lang + "\n",
				"content/ubersicht.md":  page,
			})
			files := search.Build(site, search.Options{})
			ix := readIndex(t, files)
			if ix.meta.Stemmer != tt.stemmer || ix.meta.Fold != tt.fold || (len(ix.meta.Elide) > 0) != tt.elide {
				t.Errorf("meta: stemmer %q, fold %v, elide %q; want %q, %v, elisions %v", ix.meta.Stemmer, ix.meta.Fold, ix.meta.Elide, tt.stemmer, tt.fold, tt.elide)
			}
			var scripts []string
			for _, f := range files {
				if strings.HasPrefix(f.Path, "_baton/search/stem/") {
					scripts = append(scripts, f.Path)
				}
			}
			if want := []string(nil); tt.stemmer != "" {
				want = []string{"_baton/search/stem/" + tt.stemmer + ".js"}
				if !slices.Equal(scripts, want) {
					t.Errorf("stemmer scripts %q, want %q", scripts, want)
				}
			} else if len(scripts) > 0 {
				t.Errorf("stemmer scripts %q, want none", scripts)
			}
			for _, w := range tt.stop {
				if !slices.Contains(ix.meta.Stop, w) {
					t.Errorf("stop words lack %q", w)
				}
			}
			stem := search.StemmerFor(tt.lang)
			for _, w := range tt.kept {
				if slices.Contains(ix.meta.Stop, w) || ix.lookup(stem(w))[w] == nil {
					t.Errorf("%q is not indexed, or is a stop word", w)
				}
			}
			for _, w := range tt.stop {
				if ix.lookup(stem(w))[w] != nil {
					t.Errorf("stop word %q is indexed", w)
				}
			}
		})
	}
}

// TestStemmerScripts checks each vendored stemmer becomes one classic
// script that hands search.js its stemmer: no module syntax left.
func TestStemmerScripts(t *testing.T) {
	for _, name := range []string{"german", "french", "spanish", "portuguese", "italian", "dutch"} {
		js := string(search.StemmerScript(name))
		for _, line := range strings.Split(js, "\n") {
			if strings.HasPrefix(line, "import ") || strings.HasPrefix(line, "export ") {
				t.Errorf("%s: module syntax left: %q", name, line)
			}
		}
		if !strings.Contains(js, "batonSearch.stemmer(") || !strings.Contains(js, "Redistribution and use") {
			t.Errorf("%s: the script does not register the stemmer or lacks Snowball's licence", name)
		}
	}
}

// TestLanguageChangeCaches changes a handbook's language between builds
// that keep words (the dev server's Cache, the WordCache carried between
// runs): the words are listed again, as the stop words differ, and the
// index is the one a build without the caches makes.
func TestLanguageChangeCaches(t *testing.T) {
	in := func(lang string) *handbook.Site {
		return testSiteFiles(t, map[string]string{
			"content/handbook.yaml": "title: Handbook\nlanguage: " + lang + "\n",
			"content/team.md":       "---\ntitle: Team\n---\nThe team und the roadmap, über alles and für immer.\n",
		})
	}
	for _, langs := range [][2]string{{"en", "de"}, {"de", "en"}, {"de", "fr"}} {
		mem := search.Options{Cache: search.NewCache()}
		words := search.Options{Words: search.NewWordCache()}
		search.Build(in(langs[0]), mem)
		search.Build(in(langs[0]), words)
		cold := search.Build(in(langs[1]), search.Options{})
		if !sameFiles(search.Build(in(langs[1]), mem), cold) {
			t.Errorf("%s then %s with a Cache: the index differs from a cold build's", langs[0], langs[1])
		}
		carried := search.Options{Words: search.DecodeWordCache(encodedWords(t, words.Words))}
		if !sameFiles(search.Build(in(langs[1]), carried), cold) {
			t.Errorf("%s then %s with a carried WordCache: the index differs from a cold build's", langs[0], langs[1])
		}
	}
}

// TestLanguageUpdate edits a German page of the dev server's index: the
// new words are stemmed in German, and the index, stemmer script and all,
// is the one a build from scratch makes.
func TestLanguageUpdate(t *testing.T) {
	site := testSiteFiles(t, map[string]string{
		"content/handbook.yaml": "title: Handbuch\nlanguage: de\n",
		"content/team.md":       "---\ntitle: Team\n---\nDas Team plant.\n",
	})
	warm := search.NewIndex(site, search.Options{Cache: search.NewCache()})
	doc, err := markdown.New(false).Prepare([]byte("Produktmanager planen Veröffentlichungen und Übersichten.\n"))
	if err != nil {
		t.Fatal(err)
	}
	site.Pages[len(site.Pages)-1].Doc = doc
	warm.Update(site, site.Pages[len(site.Pages)-1:])
	if !sameFiles(sortedFiles(warm.Files()), search.Build(site, search.Options{})) {
		t.Error("the updated index differs from a cold build's")
	}
	ix := readIndex(t, warm.Files())
	if ix.lookup("veroffentlich")["veröffentlichungen"] == nil || ix.lookup("ubersicht")["übersichten"] == nil {
		t.Errorf("the edit's words are not under their German stems")
	}
}

// TestCorpusIndexFiles builds the generated handbooks of the real shape,
// in English and with language: ja (a sixth of its pages in Japanese),
// and of the flat shape, at 10,000 pages, and wants each index in fewer
// files than half its pages (issue #19): small shards share a file, and
// terms of scripts written without spaces share a bounded number of
// shards. On the real one in English it then edits pages (editFiles).
func TestCorpusIndexFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds three handbooks of 10,000 pages")
	}
	const pages = 10000
	for _, tt := range []struct {
		name     string
		shape    gencorpus.Shape
		language string
	}{
		{"real", gencorpus.Real, "en"},
		{"real-ja", gencorpus.Real, "ja"},
		{"flat", gencorpus.Flat, "en"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{}
			for _, f := range gencorpus.Baton(gencorpus.Options{Pages: pages, Seed: 1, Shape: tt.shape}) {
				files[f.Path] = string(f.Data)
			}
			files["content/handbook.yaml"] = strings.Replace(files["content/handbook.yaml"], "language: en", "language: "+tt.language, 1)
			// An Index's files are those Build gives (TestIndexUpdate).
			site := testSiteFiles(t, files)
			x := search.NewIndex(site, search.Options{})
			if n := len(x.Files()); n >= pages/2 {
				t.Errorf("%d index files for %d pages, want fewer than %d", n, pages, pages/2)
			} else {
				t.Logf("%d index files for %d pages", n, pages)
			}
			if tt.name == "real" {
				editFiles(t, x, site, files)
			}
		})
	}
}

// editFiles edits the body of pages of site, one at a time, as the dev
// server does (Index.Update), and counts the index files whose bytes each
// edit changes: a few shards, a display file and index.js, never a share
// of the index, though small shards share files (issue #19).
func editFiles(t *testing.T, x *search.Index, site *handbook.Site, files map[string]string) {
	t.Helper()
	const edits = 40
	before := map[string][]byte{}
	for _, f := range x.Files() {
		before[f.Path] = f.Data
	}
	md := markdown.New(false)
	total, worst, reshapes := 0, 0, 0
	for i := range edits {
		p := site.Pages[(i*7919)%len(site.Pages)]
		src, ok := files[p.File]
		if !ok {
			t.Fatalf("no source for page %s (%s)", p.URL, p.File)
		}
		// The page's text after its front matter, and a sentence more,
		// with a word of its own: a rare word's shard is small.
		if rest, ok := strings.CutPrefix(src, "---\n"); ok {
			_, src, _ = strings.Cut(rest, "\n---\n")
		}
		word := string(rune('a'+i%26)) + "qu" + string(rune('a'+i*7%26)) + "lix"
		doc, err := md.Prepare([]byte(src + "\n\nWe moved the quarterly review to Thursday so the " + word + " team can join.\n"))
		if err != nil {
			t.Fatal(err)
		}
		p.Doc = doc
		changed, reshaped := x.Update(site, []*handbook.Page{p})
		now := map[string][]byte{}
		n := 0
		for _, f := range x.Files() {
			now[f.Path] = f.Data
			if old, ok := before[f.Path]; !ok || !bytes.Equal(old, f.Data) {
				n++
			}
		}
		for path := range before {
			if _, ok := now[path]; !ok {
				n++
			}
		}
		if reshaped {
			reshapes++
		} else if n > len(changed) {
			t.Errorf("edit %d: %d files changed, Update listed %d", i, n, len(changed))
		}
		before = now
		total += n
		worst = max(worst, n)
	}
	t.Logf("%d body edits: %.1f of %d index files changed on average, at most %d; %d edits reshaped the index",
		edits, float64(total)/edits, len(before), worst, reshapes)
	if worst > len(before)/100 {
		t.Errorf("an edit changed %d of %d index files, want at most 1%%", worst, len(before))
	}
}

// TestStreamEqualsIndex builds the index of generated handbooks of 1,500
// pages, English and Japanese, and wants the same files from an Index
// (which keeps every document's words) as from Build (which streams, and
// fills the memory of the documents it merged again with others': batch),
// without a cache, and with an empty and a full Cache and WordCache. 1,500
// pages are enough chunks of documents that a batch is filled many times.
func TestStreamEqualsIndex(t *testing.T) {
	for _, lang := range []string{"en", "ja"} {
		t.Run(lang, func(t *testing.T) {
			files := map[string]string{}
			for _, f := range gencorpus.Baton(gencorpus.Options{Pages: 1500, Seed: 3, Shape: gencorpus.Real}) {
				files[f.Path] = string(f.Data)
			}
			files["content/handbook.yaml"] = strings.Replace(files["content/handbook.yaml"], "language: en", "language: "+lang, 1)
			site := testSiteFiles(t, files)
			want := search.NewIndex(site, search.Options{}).Files()
			if got := search.Build(site, search.Options{}); !sameFiles(got, want) {
				t.Errorf("Build: the files differ from an Index's")
			}
			mem := search.NewCache()
			for _, build := range []string{"an empty", "a full"} {
				if got := search.Build(site, search.Options{Cache: mem}); !sameFiles(got, want) {
					t.Errorf("Build with %s Cache: the files differ from an Index's", build)
				}
			}
			cold := search.NewWordCache()
			if got := search.Build(site, search.Options{Words: cold}); !sameFiles(got, want) {
				t.Errorf("Build with an empty WordCache: the files differ from an Index's")
			}
			warm := search.DecodeWordCache(encodedWords(t, cold))
			if got := search.Build(site, search.Options{Words: warm}); !sameFiles(got, want) {
				t.Errorf("Build with a full WordCache: the files differ from an Index's")
			}
			if reused, made := warm.Stats(); made != 0 || reused == 0 {
				t.Errorf("the build with a full WordCache took %d documents' words from it and listed %d", reused, made)
			}
		})
	}
}
