package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/dlclark/regexp2/v2"
	"github.com/dlclark/regexp2/v2/syntax"
)

// Chroma lexes a block by trying, at each position, every rule of the
// state it is in, in order, until one matches there: each try is a call
// into regexp2 that costs 30 ns to 1 µs even when the rule's first
// character is not the one at hand, and most tries fail. A
// compiledLexer runs the same loop with a test first: a rule whose
// regular expression cannot start with the character at hand is not
// tried. That set is regexp2's own (the first characters its compiler
// finds for a pattern, which its unanchored search skips by), so the
// tokens are the same, in the same order, four times sooner on a
// handbook's usual languages (docs/performance.md, seventeenth session).
// TestFastTokeniserMatchesChroma holds it to chroma's own loop over
// every lexer.

// compiledLexer is a copy of a chroma lexer (lazyLexer.make) with its
// rules as chroma compiled them and each one's first characters.
type compiledLexer struct {
	lexer *chroma.RegexLexer
	reg   *chroma.LexerRegistry
	rules chroma.CompiledRules
	first map[*regexp2.Regexp]firstChars
	// byState holds each state's rules' first characters in the rules'
	// order, as they were compiled; a state a mutator changed since
	// (none of chroma's do once compiled) is looked up in first.
	byState map[string][]firstChars
}

// firstChars are the characters a match of a rule's expression can
// start with (when fold is set, as their lower case), or with a nil set,
// any.
type firstChars struct {
	re   *regexp2.Regexp
	set  *syntax.CharSet
	fold bool
}

// newCompiledLexer finds the first characters of each of rules' compiled
// expressions, parsed again as regexp2 parses them; an expression that
// can match nothing, or whose set regexp2 does not know, is always tried.
func newCompiledLexer(lexer *chroma.RegexLexer, reg *chroma.LexerRegistry, rules chroma.CompiledRules) *compiledLexer {
	c := &compiledLexer{lexer: lexer, reg: reg, rules: rules, first: map[*regexp2.Regexp]firstChars{},
		byState: map[string][]firstChars{}}
	for state, rs := range rules {
		fcs := make([]firstChars, len(rs))
		for i, r := range rs {
			fc, done := c.first[r.Regexp]
			if !done && r.Regexp != nil {
				fc = firstCharsOf(r.Regexp)
				c.first[r.Regexp] = fc
			}
			fcs[i] = fc
		}
		c.byState[state] = fcs
	}
	return c
}

// firstCharsOf is re's first characters, as regexp2 finds them.
func firstCharsOf(re *regexp2.Regexp) firstChars {
	fc := firstChars{re: re}
	tree, err := syntax.Parse(re.String(), syntax.ParseOptions{})
	if err != nil {
		return fc
	}
	code, err := syntax.Write(tree)
	if err != nil || code.FcPrefix == nil || code.RightToLeft {
		return fc
	}
	code.PrepareCharSetASCIIBitmaps()
	fc.set, fc.fold = &code.FcPrefix.PrefixSet, code.FcPrefix.CaseInsensitive
	return fc
}

// mayStart reports whether a match of fc's expression can start with ch.
func (fc firstChars) mayStart(ch rune) bool {
	if fc.set == nil {
		return true
	}
	if fc.fold {
		ch = unicode.ToLower(ch)
	}
	return fc.set.Contains(ch)
}

// match is chroma's matchRules, with mayStart before each try.
func (c *compiledLexer) match(text []rune, pos int, state string, rules []*chroma.CompiledRule) (int, *chroma.CompiledRule, []string, map[string]string) {
	ch := text[pos]
	fcs := c.byState[state]
	for i, rule := range rules {
		fc := firstChars{}
		if i < len(fcs) && fcs[i].re == rule.Regexp {
			fc = fcs[i]
		} else if f, ok := c.first[rule.Regexp]; ok {
			fc = f
		}
		if !fc.mayStart(ch) {
			continue
		}
		m, err := rule.Regexp.FindRunesMatchStartingAt(text, pos)
		if m != nil && err == nil && m.RuneIndex == pos {
			// chroma's groups and named groups, each made at its size
			// and each group's text made once.
			gs := m.Groups()
			groups := make([]string, len(gs))
			named := make(map[string]string, len(gs))
			for k := range gs {
				groups[k] = gs[k].String()
				named[gs[k].Name] = groups[k]
			}
			return i, rule, groups, named
		}
	}
	return 0, nil, nil, nil
}

// tokenise is chroma's RegexLexer.Tokenise for the copy.
func (c *compiledLexer) tokenise(opts *chroma.TokeniseOptions, text string) chroma.Iterator {
	if opts == nil {
		opts = &chroma.TokeniseOptions{State: "root", EnsureLF: true}
	}
	if opts.EnsureLF {
		text = ensureLF(text)
	}
	added := false
	if !opts.Nested && c.lexer.Config().EnsureNL && !strings.HasSuffix(text, "\n") {
		text += "\n"
		added = true
	}
	t := &tokeniser{c: c, initial: opts.State, l: &chroma.LexerState{
		Registry: c.reg, Lexer: c.lexer, Text: []rune(text), Stack: []string{opts.State},
		Rules: c.rules, MutatorContext: map[any]any{},
	}}
	t.end = len(t.l.Text)
	if added {
		t.end--
	}
	return t.next
}

// ensureLF is chroma's: every CRLF and CR as LF.
func ensureLF(text string) string {
	if !strings.Contains(text, "\r") {
		return text
	}
	buf := make([]byte, 0, len(text))
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\r' {
			if i+1 < len(text) && text[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		buf = append(buf, c)
	}
	return string(buf)
}

// tokeniser is one text being lexed: chroma's LexerState with the
// iterators its rules' emitters return, which LexerState keeps
// unexported.
type tokeniser struct {
	c       *compiledLexer
	l       *chroma.LexerState
	stack   []chroma.Iterator
	initial string
	end     int
}

// next is chroma's LexerState.Iterator, step for step, with match for
// its matchRules.
func (t *tokeniser) next() chroma.Token {
	l := t.l
	for l.Pos < t.end && len(l.Stack) > 0 {
		if tok, ok := t.pending(); ok {
			return tok
		}
		l.State = l.Stack[len(l.Stack)-1]
		rules, ok := l.Rules[l.State]
		if !ok {
			panic("unknown state " + l.State)
		}
		i, rule, groups, named := t.c.match(l.Text, l.Pos, l.State, rules)
		if groups == nil {
			// As Pygments and chroma: a newline no rule takes starts
			// again from the first state.
			if l.Text[l.Pos] == '\n' && l.State != t.initial {
				l.Stack = []string{t.initial}
				continue
			}
			l.Pos++
			return chroma.Token{Type: chroma.Error, Value: string(l.Text[l.Pos-1 : l.Pos])}
		}
		l.Rule, l.Groups, l.NamedGroups = i, groups, named
		l.Pos += utf8.RuneCountInString(groups[0])
		if rule.Mutator != nil {
			if err := rule.Mutator.Mutate(l); err != nil {
				panic(err)
			}
		}
		if rule.Type != nil {
			t.stack = append(t.stack, rule.Type.Emit(l.Groups, l))
		}
	}
	if tok, ok := t.pending(); ok {
		return tok
	}
	if l.Pos != len(l.Text) && len(l.Stack) == 0 {
		value := string(l.Text[l.Pos:])
		l.Pos = len(l.Text)
		return chroma.Token{Type: chroma.Error, Value: value}
	}
	return chroma.EOF
}

// pending returns the next token of the emitters' iterators, if any.
func (t *tokeniser) pending() (chroma.Token, bool) {
	for len(t.stack) > 0 {
		n := len(t.stack) - 1
		tok := t.stack[n]()
		if tok.Type == chroma.Ignore {
			continue
		}
		if tok == chroma.EOF {
			t.stack = t.stack[:n]
			continue
		}
		return tok, true
	}
	return chroma.Token{}, false
}
