package search

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// tokenPieces are what the random texts of TestTokenizeMatchesReference
// are made of: every kind of character the tokeniser treats apart, and
// pieces of real text (URLs, code, contractions, compounds).
var tokenPieces = []string{
	"a", "b", "z", "A", "Q", "Z", "0", "7", "9", " ", "  ", "\n", "\t", ".", ",", ";", ":", "/", "?", "=", "&", "#", "(", ")",
	"'", "-", "_", "--", "''", "\u2019", "\u2018", "\u02bc", "\u201b", "\u201c", "\u2014", "\u00a0",
	"é", "É", "ü", "Ü", "ß", "ø", "ł", "ς", "Σ", "σ", "İ", "ı", "ǅ", "Ǆ", "ﬁ", "\u0301", "\u0903", "e\u0301",
	"д", "Д", "ж", "日", "本", "語", "の", "タ", "ワ", "ー", "ｶ", "ภ", "า", "ไ", "ဗ", "ខ", "ພ", "카", "페",
	"٣", "٤", "Ⅻ", "²", "😀", "\xff", "\xe3\x81", "\x00",
	"https://example.com/a-b_c?q=1", "don't", "team's", "rock’n’roll", "HTTPServer", "parseJSON", "getUserProfile",
	"iPhone", "x-ray", "OKR2024", "Q3", "v2.0", "3.5", "naïve", "Café", "東京タワー", "Go言語", "ΣΊΣΥΦΟΣ",
	"decision-making", "fetch_team_members", strings.Repeat("x", 39), strings.Repeat("y", 40), strings.Repeat("é", 40),
}

// randomText joins n random pieces.
func randomText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(tokenPieces[rng.IntN(len(tokenPieces))])
	}
	return b.String()
}

func referenceTokens(text string) []Token {
	var out []Token
	referenceTokenize(text, func(w string, whole bool) { out = append(out, Token{Word: w, Whole: whole}) })
	return out
}

// TestTokenizeMatchesReference splits random texts, and texts at the
// edges (apostrophes, digits, mixed scripts, long words, URLs), with the
// index's tokeniser and with referenceTokenize: the tokens must be the
// same, in the same order.
func TestTokenizeMatchesReference(t *testing.T) {
	texts := []string{
		"", "a", "ab", "AB", "Ab", "aB", "a1", "1a", "A1b", "ABc", "ABCdef", "abcDEF", "aBC", "a'b", "'ab'", "a''b", "ab'", "'",
		"don't", "DON'T", "don'T", "o'Neil", "O'Neil", "students' work", "l'équipe", "dell'azienda", "rock’n’roll", "‘quoted’",
		"it\u02bcs", "it\u201bs", "it\u201b\u02bcs", "naïve\u201b\u02bcdon't", "ab\u02bc\u02bc", "com a-b_c", "a-'b", "a'-b", "a_'b", "ab'-'cd", "x'y'z", "''x''", "--a--", "_b_", "a--b", "-",
		"3.5", "v2", "Q3", "OKR2024", "2024Q3", "1st", "A1", "a1B2c3", "123", "1", "٣٤٥", "x²", "Ⅻth",
		"naïve Café résumé Ünïcode", "e\u0301cole", "ÉCOLE", "Straße STRASSE", "ΣΊΣΥΦΟΣ", "σοφός", "İstanbul", "ǅemal", "ﬁnance",
		"日本語の文章", "Go言語とRust 本", "東京タワー-観光", "ภาษาไทย", "카페 한국어", "ｶﾀｶﾅ", "日", "日a", "a日", "日本-x", "x-日本",
		"東京's", "日本'", "Дом дом", "русскийText",
		"https://example.com/path/to-page_name?q=Search+Term&x=1#Frag", "user@example.com", "C:\\Program Files\\x",
		strings.Repeat("x", 40), strings.Repeat("x", 41), strings.Repeat("é", 40), strings.Repeat("é", 41),
		strings.Repeat("ab-", 20) + "ab", strings.Repeat("日", 50), "a\xffb", "\xe3\x81a", "ab\x00cd",
	}
	rng := rand.New(rand.NewPCG(19, 2026))
	for range 20000 {
		texts = append(texts, randomText(rng, 1+rng.IntN(12)))
	}
	for _, text := range texts {
		if got, want := Tokenize(text), referenceTokens(text); !slices.Equal(got, want) {
			t.Errorf("Tokenize(%q) = %+v, want %+v", text, got, want)
		}
	}
}

// FuzzTokenize holds the tokeniser to referenceTokenize on any text.
func FuzzTokenize(f *testing.F) {
	for _, s := range tokenPieces {
		f.Add(s)
	}
	f.Add("HTTPServer's x-ray_scan ‘naïve’ 東京タワー-観光 ΣΊΣΥΦΟΣ")
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := Tokenize(text), referenceTokens(text); !slices.Equal(got, want) {
			t.Errorf("Tokenize(%q) = %+v, want %+v", text, got, want)
		}
	})
}

// TestTokenizerRemembers lists the words of random documents with one
// tokenizer that remembers every word it meets, one that forgets them
// every few documents (a big handbook's words are more than it keeps)
// and a new one for each document: the lists must be the same.
func TestTokenizerRemembers(t *testing.T) {
	lang := languageOf("en")
	keeps, forgets := lang.tokenizer(), lang.tokenizer()
	forgets.limit = 60
	rng := rand.New(rand.NewPCG(7, 7))
	forgot := 0
	for i := range 500 {
		d := Document{Title: randomText(rng, 5), Meta: []string{randomText(rng, 3)}}
		for range 1 + rng.IntN(4) {
			d.Sections = append(d.Sections, DocSection{Heading: randomText(rng, 3), Text: randomText(rng, 20+rng.IntN(40))})
		}
		fresh := lang.tokenizer()
		want := slices.Clone(fresh.words(d))
		if n := len(forgets.seen); n >= forgets.limit {
			forgot++
		}
		for _, tok := range []*tokenizer{&keeps, &forgets} {
			// A word's number differs from one tokenizer to another.
			if got := tok.words(d); !slices.EqualFunc(got, want, func(a, b occurrence) bool { a.seen = b.seen; return a == b }) {
				t.Fatalf("document %d: words %+v, want %+v", i, got, want)
			}
		}
	}
	if forgot == 0 {
		t.Error("the tokenizer with a limit never forgot its words")
	}
}

// TestMergeByNumber merges the words of random documents, listed by two
// tokenizers that forget their words every few documents, into one
// indexer that finds each variant by the tokenizer's number for the word
// (listing) and one that looks every word up: the two must hold the same
// variants and postings.
func TestMergeByNumber(t *testing.T) {
	lang := languageOf("en")
	byNumber, byWord := newIndexer(nil, lang, true), newIndexer(nil, lang, true)
	toks := []tokenizer{lang.tokenizer(), lang.tokenizer()}
	for i := range toks {
		toks[i].limit = 60
	}
	rng := rand.New(rand.NewPCG(8, 9))
	for id := range 600 {
		d := Document{Title: randomText(rng, 4), Sections: []DocSection{{Text: randomText(rng, 10+rng.IntN(30))}}}
		w := rng.IntN(len(toks))
		occ := slices.Clone(toks[w].words(d))
		byNumber.keep(id, indexed{occ: occ, by: w + 1, epoch: toks[w].epoch})
		byWord.keep(id, indexed{occ: occ})
	}
	if toks[0].epoch == 0 || toks[1].epoch == 0 {
		t.Fatalf("the tokenizers never forgot their words (epochs %d, %d)", toks[0].epoch, toks[1].epoch)
	}
	if !slices.Equal(byNumber.variants, byWord.variants) {
		t.Fatalf("variants %q, want %q", byNumber.variants, byWord.variants)
	}
	for v := range byWord.variants {
		if got, want := byNumber.packed[v], byWord.packed[v]; !bytes.Equal(got, want) {
			t.Errorf("postings of %q: %q, want %q", byWord.variants[v], got, want)
		}
	}
}
