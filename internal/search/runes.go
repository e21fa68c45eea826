package search

import "unicode"

// A runeTable keeps what the tokeniser asks of each rune of the Basic
// Multilingual Plane it meets (its class, and its lower case), a block of
// 256 runes at a time, so Unicode's tables are searched once per rune, not
// once per character of text. Each scanner has its own: goroutines share
// nothing, and a handbook in one script fills a few blocks.
type runeTable struct {
	blocks [0x10000 >> 8]*[256]runeInfo
}

// runeInfo is what the tokeniser asks of a rune.
type runeInfo struct {
	lower rune // unicode.ToLower, with ς as σ (see split)
	class uint8
}

// A rune's classes.
const (
	classWord           = 1 << iota // wordRune
	classApostrophe                 // isApostrophe
	classUpper                      // unicode.IsUpper
	classLower                      // unicode.IsLower
	classDigit                      // unicode.IsDigit
	classSpaceless                  // isSpaceless
	classLowerSpaceless             // isSpaceless of its lower case
)

func (t *runeTable) info(r rune) runeInfo {
	if r < 0 || r >= 0x10000 {
		return runeInfoOf(r)
	}
	b := t.blocks[r>>8]
	if b == nil {
		b = new([256]runeInfo)
		first := r &^ 0xff
		for i := range b {
			b[i] = runeInfoOf(first + rune(i))
		}
		t.blocks[r>>8] = b
	}
	return b[r&0xff]
}

func runeInfoOf(r rune) runeInfo {
	lower := unicode.ToLower(r)
	if lower == 'ς' {
		lower = 'σ'
	}
	in := runeInfo{lower: lower}
	for _, c := range []struct {
		is    bool
		class uint8
	}{
		{wordRune(r), classWord},
		{isApostrophe(r), classApostrophe},
		{unicode.IsUpper(r), classUpper},
		{unicode.IsLower(r), classLower},
		{unicode.IsDigit(r), classDigit},
		{isSpaceless(r), classSpaceless},
		{isSpaceless(lower), classLowerSpaceless},
	} {
		if c.is {
			in.class |= c.class
		}
	}
	return in
}
