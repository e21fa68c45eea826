//go:build race

package markdown

// slowLetters makes slowRules take a second or more on one match: the
// race detector makes regular expressions some twenty times slower.
const slowLetters = 19
