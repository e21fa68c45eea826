package markdown

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

func TestFactorWords(t *testing.T) {
	words := "|ALPHA|ALP|BETA|B_2|GAMMA|GAMUT|DELTA|EPS|ZETA"
	for _, c := range []struct {
		pattern string
		fold    bool
		want    string
	}{
		{`(` + words[1:] + `)\b`, false, `((?:ALP(?:HA)?|B(?:ETA|_2)|DELTA|EPS|GAM(?:MA|UT)|ZETA))\b`},
		{`\b(?<!\.)(?:` + words[1:] + `)\b`, false, `\b(?<!\.)(?:(?:ALP(?:HA)?|B(?:ETA|_2)|DELTA|EPS|GAM(?:MA|UT)|ZETA))\b`},
		// Folded: alp and ALP are one word.
		{`(alp` + words + `)\b`, true, `((?:ALP(?:HA)?|B(?:ETA|_2)|DELTA|EPS|GAM(?:MA|UT)|ZETA))\b`},
		// A phrase goes before the tree.
		{`(END-EXEC|END|` + words[1:] + `)\b`, false, `(END-EXEC|(?:ALP(?:HA)?|B(?:ETA|_2)|DELTA|E(?:ND|PS)|GAM(?:MA|UT)|ZETA))\b`},
	} {
		got, ok := factorWords(c.pattern, c.fold)
		if !ok || got != c.want {
			t.Errorf("factorWords(%q) = %q, %v; want %q", c.pattern, got, ok, c.want)
		}
	}
	for _, p := range []string{
		`(END|END-EXEC|` + words[1:] + `)\b`,  // END wins over the phrase after it
		`(` + words[1:] + `)`,                 // no boundary after
		`(` + words[1:] + `|a\?)\b`,           // not a plain word
		`(` + words[1:] + `||b)\b`,            // an empty alternative
		`\(` + words[1:] + `)\b`,              // no group
		`(ONE|TWO)\b`,                         // too few to be worth it
		`(A-B|C-D|E-F|G-H|I-J|K-L|M-N|O-P)\b`, // phrases alone
	} {
		if got, ok := factorWords(p, false); ok || got != p {
			t.Errorf("factorWords(%q) = %q, %v; want it unchanged", p, got, ok)
		}
	}
}

// TestFactoredLexersTokeniseAlike tokenises, with every chroma lexer whose
// rules factorWords rewrites, a text made of each rewritten rule's words,
// their beginnings, longer words they start, and words joined by hyphens
// and dots, and wants the same tokens with and without the rewrite.
func TestFactoredLexersTokeniseAlike(t *testing.T) {
	rewritten := 0
	for _, l := range lexers.GlobalLexerRegistry.Lexers {
		rl, ok := l.(*chroma.RegexLexer)
		if !ok {
			continue
		}
		rules, err := rl.Rules()
		if err != nil {
			continue
		}
		var text strings.Builder
		// The states in order, so that a failure repeats.
		for _, state := range slices.Sorted(maps.Keys(rules)) {
			for _, r := range rules[state] {
				if _, ok := factorWords(r.Pattern, rl.Config().CaseInsensitive); !ok {
					continue
				}
				rewritten++
				body := strings.TrimSuffix(r.Pattern, `)\b`)
				words := strings.Split(body[strings.LastIndexByte(body, '(')+1:], "|")
				// Every phrase, and of a long list of words the first 20
				// and 40 more spread over the rest: chroma's own lexer
				// tries each of Igor's 1,500 words at every identifier,
				// which under the race detector on a busy machine took
				// over a minute for every word and every seventh.
				step := max(1, (len(words)-20)/40)
				for i, w := range words {
					w = strings.TrimPrefix(w, "?:")
					if isWord(w) && i >= 20 && i%step != 0 {
						continue
					}
					text.WriteString(w + " " + strings.ToLower(w) + " " + w + "x " + w[:len(w)/2+1] + " " + w + "-" + w + "." + w + "(" + w + ")\n")
				}
			}
		}
		// Standard ML's lexer never ends on such a text, rewritten or not.
		if text.Len() == 0 || rl.Config().Name == "Standard ML" {
			continue
		}
		name, src := rl.Config().Name, text.String()
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			plain, factored := tokensOf(t, name, false, src), tokensOf(t, name, true, src)
			if !slices.Equal(plain, factored) {
				i := 0
				for i < min(len(plain), len(factored)) && plain[i] == factored[i] {
					i++
				}
				t.Errorf("tokens differ at %d: %v against %v", i, plain[i:min(i+3, len(plain))], factored[i:min(i+3, len(factored))])
			}
		})
	}
	if rewritten < 300 {
		t.Errorf("%d rules rewritten; chroma 2.27 has over 350 to rewrite", rewritten)
	}
}

func tokensOf(t *testing.T, name string, on bool, text string) []chroma.Token {
	t.Helper()
	set := newLexerSet(lexers.GlobalLexerRegistry)
	set.plain = !on
	l := set.get(strings.ToLower(name))
	if l == nil {
		l, _ = set.reg.Get(name).(*lazyLexer)
	}
	if l == nil {
		t.Fatalf("no lexer %s", name)
	}
	// No time limit: a lexer that never ends fails at go test's -timeout,
	// with every goroutine's stack; a limit of our own failed on a busy
	// machine where chroma's own lexer was merely slow.
	tokens, err := chroma.Tokenise(l, nil, text)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return tokens
}

// BenchmarkFactoredSQL tokenises SQL of the real shape's kind with chroma's
// SQL lexer as it is and with its keywords as a tree.
func BenchmarkFactoredSQL(b *testing.B) {
	var code strings.Builder
	for i := range 40 {
		fmt.Fprintf(&code, "SELECT stakeholder_%d, count(*) FROM memo WHERE id = %d AND status <> 'done' ORDER BY created_at DESC;\n", i, i)
	}
	for _, on := range []bool{false, true} {
		b.Run(fmt.Sprintf("factored=%v", on), func(b *testing.B) {
			set := newLexerSet(lexers.GlobalLexerRegistry)
			set.plain = !on
			l := set.get("sql")
			for b.Loop() {
				if _, err := chroma.Tokenise(l, nil, code.String()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
