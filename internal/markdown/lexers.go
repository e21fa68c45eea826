package markdown

import (
	"math"
	"sync"
	"sync/atomic"
	"time"

	"github.com/alecthomas/chroma/v2"
)

// chromaMatchTimeout is the time chroma lets each regular expression of
// its lexers run on one match (it sets regexp2's MatchTimeout when it
// compiles a lexer). A match that runs longer counts as no match, and the
// text is coloured by the next rule instead: under load, or in a process
// paused by a signal, the same block came out coloured differently.
const chromaMatchTimeout = 250 * time.Millisecond

// noMatchTimeout is regexp2's "no time limit" (its DefaultMatchTimeout).
const noMatchTimeout = time.Duration(math.MaxInt64)

// lexerSet is a Renderer's chroma lexers. Each is a copy of one of
// chroma's, made on first use, whose regular expressions have no time
// limit, so a block's colours never depend on how busy the machine is or
// how long the process was paused; the only bound on a block is the
// Renderer's lexTimeout, which is reported. Lexers that are not rules
// alone (a few made in Go from other lexers: Go, Markdown, PHP and the
// like) keep chroma's limit, and the Renderer checks their blocks' timing
// (see Renderer.highlight).
//
// The lexer for each fence language is looked up once: chroma's lookup of
// a name it does not know (```mermaid) scans every lexer's file patterns,
// milliseconds a block. A lexerSet is safe for concurrent use.
type lexerSet struct {
	base *chroma.LexerRegistry // the lexers to copy: chroma's own but in tests

	once sync.Once
	reg  *chroma.LexerRegistry // a lazyLexer for each of base's, for sub-lexers too

	mu     sync.Mutex
	byName map[string]*lazyLexer // fence language → lexer, nil for none

	// timedRuns counts the tokenisations that ran lexers with chroma's
	// time limit, in all goroutines.
	timedRuns atomic.Int64

	// plain leaves the lexers' keyword lists as chroma wrote them, for
	// tests that compare them with the trees factorWords makes;
	// chromaLoop lexes with chroma's own loop, for tests that compare
	// it with compiledLexer's.
	plain, chromaLoop bool
}

func newLexerSet(base *chroma.LexerRegistry) *lexerSet {
	return &lexerSet{base: base, byName: map[string]*lazyLexer{}}
}

// get returns the lexer for a fence's language, or nil. A name longer
// than any lexer's is not looked up: chroma's lookup matches it against
// every lexer's file name patterns, in time that grows with the name's
// length times the patterns' (a fence of 2,000 tildes took a second), and
// remembering every such name would let one page fill memory.
func (s *lexerSet) get(lang string) *lazyLexer {
	if !plausibleLanguage(lang) {
		return nil
	}
	s.once.Do(func() {
		s.reg = chroma.NewLexerRegistry()
		for _, l := range s.base.Lexers {
			s.reg.Register(&lazyLexer{orig: l, set: s})
		}
	})
	s.mu.Lock()
	defer s.mu.Unlock()
	l, ok := s.byName[lang]
	if !ok {
		l, _ = s.reg.Get(lang).(*lazyLexer)
		s.byName[lang] = l
	}
	return l
}

// A lazyLexer stands for one of chroma's lexers in a lexerSet's registry,
// where lexers find the lexers they embed (HTML's CSS and JavaScript), and
// copies it on first use.
type lazyLexer struct {
	orig chroma.Lexer
	set  *lexerSet
	reg  *chroma.LexerRegistry

	once sync.Once
	made chroma.Lexer
	// untimed is set when made has no time limit at all: a copy of rules
	// alone, whose embedded lexers are looked up in the registry.
	untimed bool
	// fast tokenises with made's compiled rules (tokenise.go), where made
	// is a copy of rules.
	fast *compiledLexer
}

func (l *lazyLexer) Config() *chroma.Config { return l.orig.Config() }

func (l *lazyLexer) Tokenise(opts *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	l.once.Do(l.make)
	if !l.untimed {
		l.set.timedRuns.Add(1)
	}
	if l.fast != nil {
		return l.fast.tokenise(opts, text), nil
	}
	return l.made.Tokenise(opts, text)
}

func (l *lazyLexer) SetRegistry(r *chroma.LexerRegistry) chroma.Lexer {
	l.reg = r
	return l
}

func (l *lazyLexer) SetAnalyser(func(string) float32) chroma.Lexer { return l }

func (l *lazyLexer) AnalyseText(text string) float32 { return l.orig.AnalyseText(text) }

// make copies the lexer: chroma compiles the copy's rules afresh, and the
// rule added in untimedState lifts the time limit on every one of them.
// A lexer that is not a RegexLexer is used as it is, with its limit.
func (l *lazyLexer) make() {
	l.made = l.orig
	rl, ok := l.orig.(*chroma.RegexLexer)
	if !ok {
		return
	}
	rules, err := rl.Rules()
	if err != nil {
		return
	}
	lift := &untimed{}
	made, err := chroma.NewLexer(rl.Config(), func() chroma.Rules {
		r := rules.Clone()
		if !l.set.plain {
			factorRules(r, rl.Config().CaseInsensitive)
		}
		r[untimedState] = []chroma.Rule{{Pattern: "", Mutator: lift}}
		return r
	})
	if err != nil {
		return
	}
	made.SetRegistry(l.reg)
	l.made = made
	// Lexing nothing compiles the copy's rules, which lift keeps.
	if _, err := made.Tokenise(nil, ""); err == nil && lift.rules != nil && !l.set.chromaLoop {
		l.fast = newCompiledLexer(made, l.reg, lift.rules)
	}
	// Rules that serialise are data alone: any lexer they embed is looked
	// up by name, in this set. Others may hold one of chroma's own lexers
	// (Go's raw strings are lexed by a Go template lexer it holds).
	_, err = chroma.Marshal(rl)
	l.untimed = err == nil
}

// factorRules rewrites each rule of rules whose pattern is a list of
// words (factorWords), in place.
func factorRules(rules chroma.Rules, fold bool) {
	for _, rs := range rules {
		for i := range rs {
			if p, ok := factorWords(rs[i].Pattern, fold); ok {
				rs[i].Pattern = p
			}
		}
	}
}

// untimedState is a state no rule enters. Its one rule exists for its
// mutator, which chroma runs while it compiles the lexer, after compiling
// every regular expression and before any text is lexed.
const untimedState = "\x00baton untimed"

// untimed lifts chroma's time limit from every compiled rule of a lexer,
// then removes its own state, and keeps the rules.
type untimed struct{ rules chroma.CompiledRules }

func (*untimed) Mutate(*chroma.LexerState) error { return nil }

func (u *untimed) MutateLexer(rules chroma.CompiledRules, state string, _ int) error {
	u.rules = rules
	for _, rs := range rules {
		for _, r := range rs {
			if r.Regexp != nil {
				r.Regexp.MatchTimeout = noMatchTimeout
			}
		}
	}
	delete(rules, state)
	return nil
}

// plausibleLanguage reports whether lang could name one of chroma's
// lexers or a file name it matches: every name and alias of theirs is at
// most 32 bytes.
func plausibleLanguage(lang string) bool { return lang != "" && len(lang) <= maxLanguage }

const maxLanguage = 32
