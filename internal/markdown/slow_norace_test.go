//go:build !race

package markdown

// slowLetters makes slowRules take a second or more on one match.
const slowLetters = 23
