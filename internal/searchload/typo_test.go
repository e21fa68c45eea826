package searchload_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/batonhq/baton/internal/browsertest"
	"github.com/batonhq/baton/internal/searchload"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

var typos = flag.Int("typos", 300, "words TestTypoRecall mistypes, with -measure")

// TestTypoRecall mistypes words of a built handbook's index, one edit each
// (a letter dropped, added, changed, or two swapped, at a random place),
// and asks the search client for each in a fresh page with the browser's
// cache off: it reports how many of the words the client found again (the
// word is among the query's hits), by kind of edit and by where it is, and
// the bytes of _baton/search/ each query loaded, beside what the word
// spelled right loads. The words are half from the 2,000 with the most
// postings, half from all, of five letters or more; a typo that is itself
// a word of the index is left out (it is found as itself).
//
// In the test suite it mistypes 12 words of a 300-page real corpus and
// checks that every one whose edit is past its second letter is found,
// and that no query loads a file twice. For figures:
//
//	go test ./internal/searchload -run TestTypoRecall -v -measure -site /path/to/public
func TestTypoRecall(t *testing.T) {
	browser := browsertest.Browser(t)
	out := *site
	if out == "" {
		out = buildCorpus(t)
	}
	n := *typos
	if !*measureFlag {
		n = 12
	}
	words, all := indexWords(t, out)
	rng := rand.New(rand.NewPCG(*seed, 20))
	var sample []string
	common := words[:min(2000, len(words))]
	for len(sample) < n && len(sample) < len(words) {
		from := words
		if len(sample)%2 == 0 {
			from = common
		}
		if w := from[rng.IntN(len(from))]; !slices.Contains(sample, w) {
			sample = append(sample, w)
		}
	}

	meter := &searchload.Meter{Next: http.FileServer(http.Dir(out))}
	srv := httptest.NewServer(meter)
	t.Cleanup(srv.Close)
	ctx := browsertest.Tab(t, browser, time.Duration(n+5)*20*time.Second)
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatal(err)
	}
	type answer struct {
		Hits  []string
		Total int
	}
	// ask makes query q in a fresh page and returns what it found and
	// what it loaded, the meta included.
	ask := func(q string) (answer, searchload.Count) {
		settle(t, ctx, meter)
		meter.Reset()
		do(t, ctx, "open the home page", chromedp.Navigate(srv.URL+"/?fresh="+fmt.Sprint(time.Now().UnixNano())), chromedp.WaitReady("#baton-q"))
		poll(t, ctx, "search script ran", `document.readyState === "complete" && typeof window.batonSearch === "object" ? 1 : -1`)
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(`batonSearch.search(%q, 10).then(r => JSON.stringify({Hits: Object.keys((r.terms[0] || {}).hits || {}), Total: r.total}))`, q), chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		var a answer
		if err := json.Unmarshal([]byte(raw), &a); err != nil {
			t.Fatal(err)
		}
		return a, settle(t, ctx, meter)
	}

	type tally struct{ found, total int }
	byKind, byPos := map[string]*tally{}, map[string]*tally{}
	count := func(m map[string]*tally, k string, ok bool) {
		if m[k] == nil {
			m[k] = &tally{}
		}
		m[k].total++
		if ok {
			m[k].found++
		}
	}
	var typoBytes, rightBytes []int64
	found, tried := 0, 0
	for _, w := range sample {
		typo, kind, at := mistype(rng, w)
		if typo == w || all[typo] {
			continue
		}
		a, c := ask(typo)
		ok := slices.Contains(a.Hits, w)
		tried++
		if ok {
			found++
		}
		pos := fmt.Sprint(min(at, 3))
		if at >= 3 {
			pos = "3+"
		}
		count(byKind, kind, ok)
		count(byPos, pos, ok)
		typoBytes = append(typoBytes, c.Bytes)
		if len(c.Repeats()) > 0 {
			t.Errorf("%q: loaded %s more than once", typo, strings.Join(c.Repeats(), ", "))
		}
		if !ok && !*measureFlag && at >= 2 {
			t.Errorf("%q (%s %s at %d): hits %q; want %q among them", typo, kind, w, at, a.Hits, w)
		}
		if *measureFlag {
			_, rc := ask(w)
			rightBytes = append(rightBytes, rc.Bytes)
			if !ok {
				t.Logf("not found: %q for %q (%s at %d), %.1f KB", typo, w, kind, at, kb(c.Bytes))
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "mistyped words found again on %s: %d of %d (%.0f%%)\n", out, found, tried, 100*float64(found)/float64(max(tried, 1)))
	for _, m := range []map[string]*tally{byKind, byPos} {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			fmt.Fprintf(&b, "  %-14s %3d of %3d\n", k, m[k].found, m[k].total)
		}
	}
	if len(typoBytes) > 0 {
		fmt.Fprintf(&b, "bytes a mistyped query loaded: median %.1f KB, max %.1f KB\n", kb(median(typoBytes)), kb(slices.Max(typoBytes)))
	}
	if len(rightBytes) > 0 {
		fmt.Fprintf(&b, "bytes the word spelled right loaded: median %.1f KB, max %.1f KB\n", kb(median(rightBytes)), kb(slices.Max(rightBytes)))
	}
	t.Log("\n" + b.String())
}

// mistype makes one edit in w at a random place, and says which and where.
func mistype(rng *rand.Rand, w string) (typo, kind string, at int) {
	at = rng.IntN(len(w))
	letter := string(rune('a' + rng.IntN(26)))
	switch rng.IntN(4) {
	case 0:
		return w[:at] + w[at+1:], "dropped", at
	case 1:
		return w[:at] + letter + w[at:], "added", at
	case 2:
		return w[:at] + letter + w[at+1:], "changed", at
	}
	if at+1 >= len(w) {
		at--
	}
	return w[:at] + w[at+1:at+2] + w[at:at+1] + w[at+2:], "swapped", at
}

// indexWords lists the words of five letters or more, a to z only, of the
// index in out, those with the most postings first, and the set of every
// word the index holds.
func indexWords(t *testing.T, out string) ([]string, map[string]bool) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(out, "_baton", "search", "s", "*.js"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no shards in %s (%v)", out, err)
	}
	plain := regexp.MustCompile(`^[a-z]{5,}$`)
	size := map[string]int{}
	all := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSuffix(strings.TrimSpace(line), ",")
			var entry []json.RawMessage
			if !strings.HasPrefix(line, "[") || json.Unmarshal([]byte(line), &entry) != nil || len(entry) != 2 {
				continue
			}
			var vs []string
			if json.Unmarshal(entry[1], &vs) != nil {
				continue
			}
			for i := 0; i+1 < len(vs); i += 2 {
				all[vs[i]] = true
				if plain.MatchString(vs[i]) {
					size[vs[i]] = len(vs[i+1])
				}
			}
		}
	}
	words := slices.Collect(maps.Keys(size))
	slices.SortFunc(words, func(a, b string) int {
		if d := size[b] - size[a]; d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	return words, all
}
