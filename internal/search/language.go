package search

import (
	"bufio"
	"embed"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/dutch"
	"github.com/blevesearch/snowballstem/french"
	"github.com/blevesearch/snowballstem/german"
	"github.com/blevesearch/snowballstem/italian"
	"github.com/blevesearch/snowballstem/portuguese"
	"github.com/blevesearch/snowballstem/spanish"
	"golang.org/x/text/unicode/norm"
)

// The handbook's language (handbook.yaml's language:, by its base tag:
// pt-BR is pt) decides how the index stems words and which it leaves out.
//
//   - English is Porter2 of the American spelling (Stem), with the stop
//     words of tokenize.go: what baton has always done, byte for byte.
//   - German, French, Spanish, Portuguese, Italian and Dutch are Snowball's
//     stemmers (github.com/blevesearch/snowballstem), with Snowball's stop
//     words (snowball/stop). The browser runs the same algorithms, the
//     Snowball project's JavaScript output (snowball/README.md), which
//     the site gets as _baton/search/stem/NAME.js.
//   - Any other language is not stemmed: a word is its own stem.
//
// Outside English, a stem's Latin letters lose their accents (fold), so
// "Übersicht" is found by "ubersicht" and "équipe" by "equipe": readers
// often type without them. Letters of other scripts keep theirs (a
// Japanese が is not か). A French or Italian word that starts with an
// elided article or preposition (l'équipe, dell'azienda) is stemmed
// without it, so "équipe" finds it. Stop words are listed with and without
// accents, so "uber" is one as "über" is.
//
// The client gets what it must share with the index through the meta: the
// stemmer's name, whether to fold, the elisions and the stop words
// (metaFile); search.js does the rest, and TestBrowserSnowballParity
// holds the two sides equal.

//go:embed snowball/*.js snowball/COPYING snowball/stop/*.txt
var snowballFiles embed.FS

// language is what the index does differently in a handbook's language.
// It is read only once made, so goroutines share it.
type language struct {
	english  bool
	snowball string // the stemmer's name ("german"), or "" for none
	stem     func(*snowballstem.Env) bool
	stop     []string // in the order the meta lists them
	stopSet  map[string]bool
	elisions []string // sorted
	elided   map[string]bool
}

// snowballStemmers are the stemmers of languages other than English, by
// base language tag.
var snowballStemmers = map[string]struct {
	name string
	stem func(*snowballstem.Env) bool
}{
	"de": {"german", german.Stem},
	"fr": {"french", french.Stem},
	"es": {"spanish", spanish.Stem},
	"pt": {"portuguese", portuguese.Stem},
	"it": {"italian", italian.Stem},
	"nl": {"dutch", dutch.Stem},
}

// elisionsOf are the words French and Italian write elided before a
// vowel, joined to the next word by an apostrophe.
var elisionsOf = map[string][]string{
	"fr": {"c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "puisqu", "qu", "quoiqu", "s", "t"},
	"it": {"all", "bell", "buon", "c", "coll", "d", "dall", "dell", "l", "m", "nell", "nessun", "pell",
		"quell", "quest", "s", "sant", "sull", "t", "un", "v"},
}

// baseTag is a language tag's language: "pt-BR" → "pt", "EN" → "en".
func baseTag(tag string) string {
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return strings.ToLower(tag)
}

// languageOf returns what the index does for a handbook in language tag.
// Every tag gives one: a language baton cannot stem is not stemmed.
func languageOf(tag string) *language {
	base := baseTag(tag)
	if base == "en" || base == "" {
		return &language{english: true, stop: stopWords, stopSet: stopSet}
	}
	l := &language{stopSet: map[string]bool{}, elided: map[string]bool{}}
	if s, ok := snowballStemmers[base]; ok {
		l.snowball, l.stem = s.name, s.stem
		for _, w := range snowballStopWords(s.name) {
			l.stopSet[w] = true
			l.stopSet[fold(w)] = true
		}
	}
	l.stop = slices.Sorted(func(yield func(string) bool) {
		for w := range l.stopSet {
			if !yield(w) {
				return
			}
		}
	})
	l.elisions = elisionsOf[base]
	for _, e := range l.elisions {
		l.elided[e] = true
	}
	return l
}

// snowballStopWords reads Snowball's stop list for a stemmer: the first
// word of each line, up to a comment (|).
func snowballStopWords(name string) []string {
	data, err := snowballFiles.ReadFile("snowball/stop/" + name + ".txt")
	if err != nil {
		panic("search: no stop words for " + name) // embedded with the stemmer: a build error
	}
	var words []string
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "|")
		if f := strings.Fields(line); len(f) > 0 {
			words = append(words, strings.ToLower(f[0]))
		}
	}
	return words
}

// stemmer stems words in one language. It is not safe for concurrent use:
// Snowball's stemmers work in an Env of their own.
type stemmer struct {
	lang *language
	env  *snowballstem.Env
}

func (l *language) stemmer() *stemmer { return &stemmer{lang: l, env: snowballstem.NewEnv("")} }

// stem is a word's stem in the stemmer's language. The twin is stem in
// search.js.
func (s *stemmer) stem(w string) string {
	l := s.lang
	if l.english {
		return Stem(w)
	}
	if i := strings.IndexByte(w, '\''); i > 0 && i < len(w)-1 && l.elided[w[:i]] {
		w = w[i+1:]
	}
	if l.stem != nil && latinWord(w) {
		s.env.SetCurrent(w)
		l.stem(s.env)
		w = s.env.Current()
	}
	return fold(w)
}

// latinWord reports whether w is letters of the Latin script and
// apostrophes: the words a Snowball stemmer is given. Others, numbers and
// words of other scripts, are their own stem.
func latinWord(w string) bool {
	for _, r := range w {
		if r != '\'' && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return w != ""
}

// fold takes the accents off w's Latin letters: each is decomposed
// (Unicode's NFD) and its combining marks dropped. Letters that do not
// decompose (ß, ø, æ, ł) stay as they are.
func fold(w string) string {
	i := 0
	for i < len(w) && w[i] < utf8.RuneSelf {
		i++
	}
	if i == len(w) {
		return w
	}
	var b strings.Builder
	b.WriteString(w[:i])
	for _, r := range w[i:] {
		if r < utf8.RuneSelf || !unicode.Is(unicode.Latin, r) {
			b.WriteRune(r)
			continue
		}
		for _, d := range norm.NFD.String(string(r)) {
			if !unicode.Is(unicode.M, d) {
				b.WriteRune(d)
			}
		}
	}
	return b.String()
}

// stemmerScript is the browser's twin of a Snowball stemmer: Snowball's
// runtime and the language's generated class, which are ES modules, made
// one classic script (a module does not load from file://) that hands the
// stemmer to search.js.
func stemmerScript(name string) []byte {
	licence, err0 := snowballFiles.ReadFile("snowball/COPYING")
	base, err1 := snowballFiles.ReadFile("snowball/base-stemmer.js")
	lang, err2 := snowballFiles.ReadFile("snowball/" + name + ".js")
	if err0 != nil || err1 != nil || err2 != nil {
		panic("search: no stemmer script for " + name) // embedded: a build error
	}
	var b strings.Builder
	b.WriteString("/* Snowball's " + name + " stemmer (https://snowballstem.org/), as a classic\n")
	b.WriteString("   script for baton's search. Its licence:\n\n")
	b.Write(licence)
	b.WriteString("*/\n(function () {\n")
	b.WriteString(mustReplace(string(base), "export default class BaseStemmer", "class BaseStemmer"))
	js := mustReplace(string(lang), "import B from './base-stemmer.js'", "const B = BaseStemmer;")
	b.WriteString(mustReplace(js, "export default class extends B", "const Stemmer = class extends B"))
	b.WriteString("var s = new Stemmer();\n")
	b.WriteString("batonSearch.stemmer(function (w) { return s.stemWord(w); });\n})();\n")
	return []byte(b.String())
}

// mustReplace replaces the one old in s; the vendored files are fixed, so
// a miss is a mistake in updating them (TestStemmerScripts).
func mustReplace(s, old, new string) string {
	if strings.Count(s, old) != 1 {
		panic("search: the vendored stemmer does not have one " + old)
	}
	return strings.Replace(s, old, new, 1)
}

// stemPath is where a site's stemmer script goes.
func stemPath(name string) string { return Dir + "/stem/" + name + ".js" }

// tokenizer returns a tokenizer that leaves out the language's stop words.
func (l *language) tokenizer() tokenizer {
	return tokenizer{stop: l.stopSet, limit: maxSeen}
}

// key names the language's stop words, for the keys of cached words.
func (l *language) key() string {
	if l.english {
		return "en"
	}
	return l.snowball
}
