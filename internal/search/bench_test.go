package search_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/batonhq/baton"
	"github.com/batonhq/baton/internal/build"
	gencorpus "github.com/batonhq/baton/internal/corpus"
	"github.com/batonhq/baton/internal/cputime"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/render"
	"github.com/batonhq/baton/internal/search"
)

// commonWords are real words of the field, drawn most often; the long tail
// of the vocabulary is made of syllables. Stop words are mixed in at about
// the rate of English prose.
var commonWords = strings.Fields(`product manager team customer engineering design roadmap priority
	decision stakeholder research data launch delivery strategy outcome metric feedback sprint
	backlog feature release quality support sales marketing leadership influence authority trust
	conductor orchestra tempo score rehearsal meeting planning review experiment hypothesis user
	interview insight problem solution value market pricing growth retention onboarding journey
	requirement specification estimate risk dependency alignment communication collaboration
	ownership accountability vision mission goal objective result quarter week process workflow
	tooling documentation analytics dashboard experiment adoption churn revenue budget forecast
	competitor positioning message narrative story demo prototype usability accessibility
	performance reliability security privacy compliance incident postmortem retrospective
	coaching mentoring hiring career feedback conflict negotiation facilitation workshop`)

var stopPool = strings.Fields(`the a of and to in is that for it as with on be this by are or from at
	an not but they we you their can will which when what all so if more about`)

var syllables = strings.Fields(`ka lo mi ra ven tor sul pa dri mek sto fa lin gor ba tel rum shi pol nex`)

// corpus is a deterministic handbook of n pages: ten sections of ten
// subsections, each page a few hundred words under nested headings.
func corpus(n int) fstest.MapFS {
	rng := rand.New(rand.NewPCG(1, 2))
	vocab := slices.Clone(commonWords)
	for len(vocab) < 6000 {
		var b strings.Builder
		for range 2 + rng.IntN(3) {
			b.WriteString(syllables[rng.IntN(len(syllables))])
		}
		vocab = append(vocab, b.String())
	}
	zipf := rand.NewZipf(rng, 1.07, 2, uint64(len(vocab)-1))
	word := func() string {
		if rng.IntN(10) < 4 {
			return stopPool[rng.IntN(len(stopPool))]
		}
		return vocab[zipf.Uint64()]
	}
	words := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = word()
		}
		return strings.Join(ws, " ")
	}
	title := func(k int) string {
		s := words(k)
		return strings.ToUpper(s[:1]) + s[1:]
	}
	fs := fstest.MapFS{
		"content/handbook.yaml": {Data: []byte("title: Generated\nbase_url: /\n")},
		"content/_index.md":     {Data: []byte("---\ntitle: Home\n---\nA generated handbook.\n")},
	}
	for i := range n {
		dir := fmt.Sprintf("content/playbooks/s%d/t%d", i%10, (i/10)%10)
		if i < 100 {
			fs[fmt.Sprintf("content/playbooks/s%d/_index.md", i%10)] = &fstest.MapFile{Data: fmt.Appendf(nil, "---\ntitle: Section %s\n---\n%s.\n", title(2), words(20))}
			fs[dir+"/_index.md"] = &fstest.MapFile{Data: fmt.Appendf(nil, "---\ntitle: %s\n---\n%s.\n", title(2), words(20))}
		}
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %s\nsummary: %s.\ntags: [tag%d, tag%d]\n---\n%s.\n", title(3+rng.IntN(3)), words(12), rng.IntN(30), rng.IntN(30), words(40))
		for range 3 + rng.IntN(3) {
			fmt.Fprintf(&b, "\n## %s\n\n%s.\n", title(2+rng.IntN(3)), words(30+rng.IntN(40)))
			if rng.IntN(2) == 0 {
				fmt.Fprintf(&b, "\n### %s\n\n%s.\n", title(2+rng.IntN(2)), words(20+rng.IntN(30)))
			}
		}
		fs[fmt.Sprintf("%s/p%d.md", dir, i)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return fs
}

var bigSite = struct {
	once sync.Once
	site *handbook.Site
}{}

func site10k(b *testing.B) *handbook.Site {
	bigSite.once.Do(func() {
		theme, err := render.LoadTheme(baton.Layouts())
		if err != nil {
			b.Fatal(err)
		}
		res, diags := build.New(build.Options{Theme: theme}).Build(context.Background(), corpus(10000))
		if res == nil {
			b.Fatalf("build failed:\n%v", diags)
		}
		bigSite.site = res.Site
	})
	return bigSite.site
}

// BenchmarkIndex10k builds the index of a 10,000-page handbook and reports
// its size and what a first query loads: the meta, the shards of its words
// (with the prefix shards of the last word, as the client picks them) and
// the display files of the eight results the header box shows, taken as
// the eight largest among the files that hold a matching document, an
// upper bound.
func BenchmarkIndex10k(b *testing.B) {
	site := site10k(b)
	var files []search.File
	cpu := cputime.Used()
	for b.Loop() {
		files = search.Build(site, search.Options{})
	}
	b.StopTimer()
	if cpu > 0 {
		b.ReportMetric(float64(cputime.Used()-cpu)/float64(b.N), "cpu-ns/op")
	}
	total := 0
	for _, f := range files {
		total += len(f.Data)
	}
	ix := readIndex(&testing.T{}, files)
	var worst, sum float64
	queries := firstQueries()
	for _, q := range queries {
		n := float64(ix.firstQueryBytes(q))
		worst = max(worst, n)
		sum += n
	}
	b.ReportMetric(float64(total), "index-bytes")
	b.ReportMetric(float64(len(files)), "index-files")
	b.ReportMetric(float64(len(ix.meta.Shards)), "shards")
	b.ReportMetric(float64(len(ix.files["_baton/search/index.js"])), "meta-bytes")
	b.ReportMetric(worst, "first-query-max-bytes")
	b.ReportMetric(sum/float64(len(queries)), "first-query-mean-bytes")
}

// firstQueries are the heaviest kinds of query: the most common words, alone,
// in pairs, and as prefixes being typed.
func firstQueries() []string {
	var qs []string
	for _, w := range commonWords[:12] {
		qs = append(qs, w, w[:2], w[:3], w[:len(w)-1])
	}
	for i := 0; i+1 < 12; i += 2 {
		qs = append(qs, commonWords[i]+" "+commonWords[i+1]+" ", commonWords[i]+" "+commonWords[i+1][:3])
	}
	return qs
}

// firstQueryBytes follows layouts/assets/search.js: route each word's stem;
// for the word being typed, add the shards whose key is its prefix and,
// if together at most 100 KB, the shards under it.
func (ix *index) firstQueryBytes(q string) int {
	keys := slices.Sorted(mapsKeys(ix.meta.Shards))
	split := search.SplitPrefixes(keys)
	words := search.QueryWords(q)
	typing := !strings.HasSuffix(q, " ")
	need := map[string]bool{}
	docs := map[int]bool{}
	for i, w := range words {
		stem := search.Stem(w)
		need[search.Route(stem, split, ix.meta.Buckets)] = true
		for _, ps := range ix.lookup(stem) {
			for _, p := range ps {
				docs[p.Doc] = true
			}
		}
		if typing && i == len(words)-1 {
			var down []string
			size := 0
			for _, k := range keys {
				switch {
				case strings.HasPrefix(w, k):
					need[k] = true
				case strings.HasPrefix(k, w):
					down = append(down, k)
					size += ix.meta.Shards[k]
				}
			}
			if size <= 100<<10 {
				for _, k := range down {
					need[k] = true
				}
			}
			for k := range need {
				for s, vs := range ix.shards[k] {
					for v, ps := range vs {
						if strings.HasPrefix(v, w) && s != stem {
							for _, p := range ps {
								docs[p.Doc] = true
							}
						}
					}
				}
			}
		}
	}
	n := len(ix.files["_baton/search/index.js"])
	loaded := map[string]bool{} // shard files, by their first key
	for k := range need {
		if f := ix.meta.File[k]; !loaded[f] {
			loaded[f] = true
			n += len(ix.files["_baton/search/s/"+search.ShardFile(f)+".js"])
		}
	}
	// The display files of the results: an upper bound takes the largest
	// files that hold a matching document.
	files := map[int]bool{}
	for d := range docs {
		files[d/search.DocsPerFile] = true
	}
	var sizes []int
	for f := range files {
		sizes = append(sizes, len(ix.files[fmt.Sprintf("_baton/search/d/%d.js", f)]))
	}
	slices.Sort(sizes)
	for i := len(sizes) - 1; i >= 0 && i >= len(sizes)-8; i-- {
		n += sizes[i]
	}
	return n
}

var realSite = struct {
	once sync.Once
	docs []search.Document
}{}

// BenchmarkWords lists the words of every document of a generated
// handbook of the real shape (a sixth of its pages in Japanese) of 2,000
// pages: what each goroutine of an index build spends most of its time
// on. It reports the CPU time per document.
func BenchmarkWords(b *testing.B) {
	realSite.once.Do(func() {
		files := map[string]string{}
		for _, f := range gencorpus.Baton(gencorpus.Options{Pages: 2000, Seed: 1, Shape: gencorpus.Real}) {
			files[f.Path] = string(f.Data)
		}
		realSite.docs = search.Documents(testSiteFiles(b, files))
	})
	list := search.Lister("en")
	cpu := cputime.Used()
	for b.Loop() {
		for _, d := range realSite.docs {
			list(d)
		}
	}
	b.StopTimer()
	if cpu > 0 {
		b.ReportMetric(float64(cputime.Used()-cpu)/float64(b.N*len(realSite.docs)), "cpu-ns/doc")
	}
}
