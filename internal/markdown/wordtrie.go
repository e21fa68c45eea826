package markdown

import (
	"slices"
	"strings"
)

// factorWords rewrites a chroma rule's pattern that ends in a group of
// plain words and a word boundary, `(ABORT|ABS|ACCESS|...)\b` as SQL's,
// Python's and some thirty lexers' keyword and builtin rules are written,
// into the same words as a tree of their shared beginnings:
// `(A(?:B(?:ORT|S)|CCESS)...)\b`. regexp2 tries the alternatives of a
// group one by one, so every identifier in a block was compared with each
// of hundreds of keywords; in the tree it is compared with a letter at a
// time and gives up at the first that leads nowhere.
//
// The rewrite matches what the pattern matched, and captures what it
// captured: every word is letters, digits and underscores, which regexp2
// counts as word characters, so with the boundary after the group at most
// one of the words can end a match at a place (a shorter word that is the
// start of a longer one would end before a word character), and the order
// in which they are tried does not matter. fold is the lexer's case
// insensitivity: words that differ only in case are one word then. It
// reports false, and the pattern unchanged, for any other pattern.
func factorWords(pattern string, fold bool) (string, bool) {
	const tail = `)\b`
	body, ok := strings.CutSuffix(pattern, tail)
	if !ok {
		return pattern, false
	}
	open := strings.LastIndexByte(body, '(')
	if open < 0 || escaped(body, open) {
		return pattern, false
	}
	head, words := body[:open+1], body[open+1:]
	if rest, ok := strings.CutPrefix(words, "?:"); ok {
		head, words = head+"?:", rest
	}
	list := strings.Split(words, "|")
	if len(list) < minFactored {
		return pattern, false
	}
	if fold {
		for i, w := range list {
			list[i] = strings.ToUpper(w)
		}
	}
	root, phrases := &trieNode{}, []string(nil)
	for i, w := range list {
		switch {
		case isWord(w):
			root.add(w)
		case isPhrase(w) && !shadowed(w, list[:i]):
			phrases = append(phrases, w)
		default:
			return pattern, false
		}
	}
	if root.next == nil {
		return pattern, false // phrases alone: nothing to factor
	}
	var b strings.Builder
	b.Grow(len(pattern))
	b.WriteString(head)
	if phrases != nil {
		b.WriteString(strings.Join(phrases, "|"))
		b.WriteString("|")
	}
	root.write(&b)
	b.WriteString(tail)
	return b.String(), true
}

// A phrase is an alternative of word characters with spaces or hyphens
// among them (SQL's END-EXEC): it is kept whole, before the tree, in its
// order among the other phrases. That is the order the pattern tried them
// in unless a word before a phrase matches where the phrase does (END,
// then END-EXEC): the word would win there, so shadowed refuses that
// rewrite. A word after a phrase that matches where the phrase does loses
// to it both ways, and a word that cannot match where the phrase does is
// indifferent to their order.
func isPhrase(w string) bool {
	for i := range len(w) {
		if c := w[i]; !isWordByte(c) && c != ' ' && c != '-' {
			return false
		}
	}
	return w != ""
}

// shadowed reports whether one of the words before a phrase matches at
// the phrase's start and is followed by a word boundary there.
func shadowed(phrase string, before []string) bool {
	for _, w := range before {
		if isWord(w) && len(w) < len(phrase) && strings.HasPrefix(phrase, w) && !isWordByte(phrase[len(w)]) {
			return true
		}
	}
	return false
}

// minFactored is the fewest words worth a tree: a handful of
// alternatives costs regexp2 no more than the tree's groups.
const minFactored = 8

// escaped reports whether the byte at i of s follows an odd number of
// backslashes.
func escaped(s string, i int) bool {
	n := 0
	for i > 0 && s[i-1] == '\\' {
		n++
		i--
	}
	return n%2 == 1
}

// isWord reports whether w is a non-empty run of ASCII letters, digits
// and underscores.
func isWord(w string) bool {
	for i := range len(w) {
		if !isWordByte(w[i]) {
			return false
		}
	}
	return w != ""
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// A trieNode is the words that share a beginning, by their next letter.
type trieNode struct {
	end  bool // a word ends here
	next map[byte]*trieNode
}

func (n *trieNode) add(w string) {
	for i := range len(w) {
		if n.next == nil {
			n.next = map[byte]*trieNode{}
		}
		child := n.next[w[i]]
		if child == nil {
			child = &trieNode{}
			n.next[w[i]] = child
		}
		n = child
	}
	n.end = true
}

// write writes the words below n as a pattern: one letter after another
// while there is one way on, a group where there are more, made optional
// where a word ends.
func (n *trieNode) write(b *strings.Builder) {
	if len(n.next) == 0 {
		return
	}
	letters := make([]byte, 0, len(n.next))
	for c := range n.next {
		letters = append(letters, c)
	}
	slices.Sort(letters)
	if len(letters) == 1 && !n.end {
		b.WriteByte(letters[0])
		n.next[letters[0]].write(b)
		return
	}
	b.WriteString("(?:")
	for i, c := range letters {
		if i > 0 {
			b.WriteByte('|')
		}
		b.WriteByte(c)
		n.next[c].write(b)
	}
	b.WriteByte(')')
	if n.end {
		b.WriteByte('?')
	}
}
