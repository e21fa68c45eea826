package markdown

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// TestCountWordsMatchesRunes: the byte-table count equals a count by
// Unicode classes rune by rune, on random text mixing ASCII, apostrophes,
// letters and digits of other scripts, punctuation and invalid UTF-8.
func TestCountWordsMatchesRunes(t *testing.T) {
	pieces := []string{"a", "Z", "7", " ", "'", "’", "-", "\n", "é", "ß", "日本", "٣", "\xff", "\xc3", "—", ".", "don't", "x’y", "_", "\u00a0"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(16) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := []byte(b.String())
		if got, want := countWords(text), countWordsByRunes(text); got != want {
			t.Fatalf("countWords(%q) = %d, want %d", text, got, want)
		}
	}
}

// countWordsByRunes is countWords by Unicode classes alone, rune by rune.
func countWordsByRunes(b []byte) int {
	n, in := 0, false
	for _, r := range string(b) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !in {
				n++
			}
			in = true
		} else if r != '\'' && r != '’' {
			in = false
		}
	}
	return n
}

// BenchmarkCountWords counts the words of 10 KB of prose, with the byte
// table and rune by rune.
func BenchmarkCountWords(b *testing.B) {
	text := []byte(strings.Repeat("The conductor’s score doesn't play itself: 42 players, one tempo. ", 160))
	for _, c := range []struct {
		name  string
		count func([]byte) int
	}{{"table", countWords}, {"runes", countWordsByRunes}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				c.count(text)
			}
		})
	}
}
