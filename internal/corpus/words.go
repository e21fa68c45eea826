package corpus

import (
	"math"
	"math/rand/v2"
	"strings"
)

// zipf draws a rank in [0, n) with probability falling as 1/rank, as words
// in real text do: a few ranks are common, most are rare.
func zipf(rng *rand.Rand, n int) int {
	return min(int(math.Exp(rng.Float64()*math.Log(float64(n)))), n) - 1
}

// rareWord draws one of 32,768 made-up words (three syllables), by Zipf's
// law, so a corpus has the long tail of names and terms real handbooks
// have: each rare word is on a few pages only, and the search index holds
// tens of thousands of distinct words, not a few hundred.
func rareWord(rng *rand.Rand) string {
	return RareWord(zipf(rng, len(syllables)*len(syllables)*len(syllables)))
}

// RareWord is the rare word of rank r (0 the most common), for queries.
func RareWord(r int) string {
	n := len(syllables) * len(syllables) * len(syllables)
	// An odd multiplier permutes the ranks, so common words are not all
	// made of the first syllables.
	r = r * 7919 % n
	s := len(syllables)
	return syllables[r/(s*s)] + syllables[r/s%s] + syllables[r%s]
}

// jaRare draws a made-up two-kanji word by Zipf's law.
func jaRare(rng *rand.Rand) string {
	n := len(jaKanji) * len(jaKanji)
	r := zipf(rng, n) * 613 % n
	return string(jaKanji[r/len(jaKanji)]) + string(jaKanji[r%len(jaKanji)])
}

func pick(rng *rand.Rand, words []string) string { return words[rng.IntN(len(words))] }

// plainSentence is an English sentence of 8 to 15 words drawn by word,
// without marks, for summaries. Both shapes' prose writes it, each with
// its own words.
func plainSentence(rng *rand.Rand, word func() string) string {
	w := make([]string, 8+rng.IntN(8))
	for k := range w {
		w[k] = word()
	}
	return title(strings.Join(w, " ")) + "."
}

// markedSentence is an English sentence of 8 to 20 words drawn by word,
// with a word now and then in bold, italics or code, as prose has, and
// its length in words.
func markedSentence(rng *rand.Rand, word func() string) (string, int) {
	n := 8 + rng.IntN(13)
	w := make([]string, n)
	for k := range w {
		w[k] = word()
		switch rng.IntN(40) {
		case 0:
			w[k] = "**" + w[k] + "**"
		case 1:
			w[k] = "*" + w[k] + "*"
		case 2:
			w[k] = "`" + w[k] + "`"
		}
	}
	return title(strings.Join(w, " ")) + ".", n
}

// jaPhrase joins n nouns with の, as Japanese titles and headings often do.
func jaPhrase(rng *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = pick(rng, jaNouns)
	}
	return strings.Join(w, "の")
}

// jaSentence writes one Japanese sentence and returns it with its length
// in words (nouns, particles and endings each count one), the unit page
// lengths are planned in.
func jaSentence(rng *rand.Rand, marks bool) (string, int) {
	var b strings.Builder
	words := 0
	if rng.IntN(5) == 0 {
		b.WriteString(pick(rng, jaConnectives) + "、")
		words++
	}
	noun := func() string {
		var w string
		switch k := rng.IntN(20); {
		case k == 0:
			w = pick(rng, jaLatin)
		case k < 3:
			w = jaRare(rng)
		default:
			w = pick(rng, jaNouns)
		}
		if marks {
			switch rng.IntN(40) {
			case 0:
				w = "**" + w + "**"
			case 1:
				w = "`" + w + "`"
			}
		}
		return w
	}
	for c := range 1 + rng.IntN(3) {
		if c > 0 {
			b.WriteString("、")
		}
		for range 1 + rng.IntN(3) {
			b.WriteString(noun() + pick(rng, jaParticles))
			words += 2
		}
	}
	b.WriteString(noun() + pick(rng, jaEndings) + "。")
	return b.String(), words + 2
}

// Query is a search a reader might make on a generated handbook.
type Query struct {
	Text string
	Kind string // "common", "phrase", "rare" or "japanese"
}

// Queries are twenty searches drawn from the corpora's words: common words
// and two-word phrases every shape holds, and, in the real shape, rare
// words from the most common of them (on about 2,000 of 10,000 pages) to
// the tail (on one), and Japanese nouns.
func Queries() []Query {
	var q []Query
	for _, w := range []string{"product", "customer", "roadmap", "decision", "stakeholder", "experiment", "onboarding", "retention"} {
		q = append(q, Query{w, "common"})
	}
	for _, w := range []string{"product roadmap", "customer feedback"} {
		q = append(q, Query{w, "phrase"})
	}
	for _, r := range []int{10, 100, 1000, 5000, 20000} {
		q = append(q, Query{RareWord(r), "rare"})
	}
	for _, w := range []string{"顧客", "ロードマップ", "優先順位", "振り返り", "議事録"} {
		q = append(q, Query{w, "japanese"})
	}
	return q
}
