package markdown

import (
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// slowRules is a lexer made slow on purpose. Its first rule fails its
// first alternative by exponential backtracking (a second or more for
// slowLetters letters, beyond chroma's 250 ms per match) before its second
// alternative matches the whole line; with chroma's time limit the rule
// is cut short, counts as no match, and the first letters are coloured
// as text instead.
//
// The test that uses it fails before the fix only where the first match
// takes over 250 ms (half a second here); after it, it passes anywhere.
func slowRules() chroma.Rules {
	return chroma.Rules{"root": {
		{Pattern: `(?:(a+)+d|a*b)`, Type: chroma.Keyword},
		{Pattern: `[^\n]`, Type: chroma.Text},
		{Pattern: `\n`, Type: chroma.Text},
	}}
}

// slowRegistry holds the slow lexer as "slowpoke", and as "slowmapped"
// wrapped so that it cannot be copied (a lexer made in Go from another,
// as chroma's Go and PHP lexers are): it keeps chroma's time limit. And
// "fickle", a lexer with chroma's limit too, that colours a line
// differently each time it runs: what a run cut short looks like.
func slowRegistry() *chroma.LexerRegistry {
	reg := chroma.NewLexerRegistry()
	reg.Register(chroma.MustNewLexer(&chroma.Config{Name: "slowpoke"}, slowRules))
	reg.Register(chroma.TypeRemappingLexer(chroma.MustNewLexer(&chroma.Config{Name: "slowmapped"}, slowRules), nil))
	var runs atomic.Int64
	fickle := chroma.EmitterFunc(func(groups []string, _ *chroma.LexerState) chroma.Iterator {
		types := []chroma.TokenType{chroma.Keyword, chroma.Name, chroma.String}
		return chroma.Literator(chroma.Token{Type: types[runs.Add(1)%3], Value: groups[0]})
	})
	reg.Register(chroma.MustNewLexer(&chroma.Config{Name: "fickle"}, func() chroma.Rules {
		return chroma.Rules{"root": {{Pattern: `[^\n]+`, Type: fickle}, {Pattern: `\n`, Type: chroma.Text}}}
	}))
	return reg
}

func slowBlock(lang string, n int) string {
	return "Text.\n\n```" + lang + "\n" + strings.Repeat("a", n) + "b\n```\n"
}

// TestHighlightingIgnoresTime: a block whose lexing takes longer than
// chroma's limit on one match comes out coloured as the lexer's rules say,
// whatever the time: the Renderer's lexers are copies without the limit.
// (With chroma's own lexer the first letters came out as plain text, and
// the build cache kept that.)
func TestHighlightingIgnoresTime(t *testing.T) {
	r := New(false)
	r.lexers = newLexerSet(slowRegistry())
	r.code = NewCodeCache()
	r.lexTimeout = 10 * time.Minute // only a guard against a hang here
	src := slowBlock("slowpoke", slowLetters)
	d, err := r.Prepare([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := `<span class="k">` + strings.Repeat("a", slowLetters) + "b</span>"
	if !strings.Contains(string(d.html), want) {
		t.Errorf("got\n%s\nwant it to contain\n%s", d.html, want)
	}
	if len(d.Warnings) > 0 || d.Transient {
		t.Errorf("warnings %v, transient %v, want none", d.Warnings, d.Transient)
	}
	if _, made := r.code.Stats(); made != 1 {
		t.Errorf("the code cache holds %d blocks, want the one", made)
	}
}

// TestTimedLexerIsCheckedAndNotCached: a lexer that cannot be copied
// keeps chroma's limit. Its block is trusted (used and cached) when it was
// lexed within that limit, since no match can have run out of time; when
// it was slower (here the limit is set to nothing), it is lexed again and
// trusted when two runs agree; when every run colours it differently, it
// is a warning at the fence, and is cached neither in the code cache nor
// anywhere else (the document is Transient).
func TestTimedLexerIsCheckedAndNotCached(t *testing.T) {
	r := New(false)
	r.lexers = newLexerSet(slowRegistry())
	r.code = NewCodeCache()
	trusted := func(what, src, want string, cached int) {
		t.Helper()
		d, err := r.Prepare([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(d.html), want) || len(d.Warnings) > 0 || d.Transient {
			t.Errorf("%s: warnings %v, transient %v, html\n%s", what, d.Warnings, d.Transient, d.html)
		}
		if _, made := r.code.Stats(); made != cached {
			t.Errorf("%s: %d blocks cached, want %d", what, made, cached)
		}
	}
	trusted("a quick block of a timed lexer", slowBlock("slowmapped", 3), `<span class="k">aaab</span>`, 1)
	r.timedLimit = 0
	trusted("a slow block of a timed lexer, lexed alike twice", slowBlock("slowmapped", 4), `<span class="k">aaaab</span>`, 2)
	trusted("a block of an untimed lexer", slowBlock("slowpoke", 5), `<span class="k">aaaaab</span>`, 3)

	src := "```fickle\nfickle\n```\n"
	d, err := r.Prepare([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Warnings) != 1 || d.Warnings[0].Offset != 3 || !strings.Contains(d.Warnings[0].Message, "3 runs coloured it differently") {
		t.Errorf("warnings %+v, want one at offset 3", d.Warnings)
	}
	if !d.Transient {
		t.Error("a document with a block coloured differently each run is not Transient")
	}
	if _, made := r.code.Stats(); made != 3 {
		t.Errorf("the fickle block went into the code cache")
	}
}

// TestHighlightTimeoutIsReported: a block that runs past the Renderer's
// bound on highlighting (10 s; here 10 ms, for a lexer that takes a
// second) is shown without colours, is a warning at its fence, and is
// kept neither in the code cache nor, through Transient, anywhere else.
func TestHighlightTimeoutIsReported(t *testing.T) {
	r := New(false)
	r.lexers = newLexerSet(slowRegistry())
	r.code = NewCodeCache()
	r.lexTimeout = 10 * time.Millisecond
	src := slowBlock("slowpoke", slowLetters)
	d, err := r.Prepare([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(d.html), `<pre><code class="language-slowpoke">aaaa`) {
		t.Errorf("the block is not shown plain:\n%s", d.html)
	}
	at := strings.Index(src, "slowpoke")
	if len(d.Warnings) != 1 || d.Warnings[0].Offset != at || !strings.Contains(d.Warnings[0].Message, "took over 10ms") {
		t.Errorf("warnings %+v, want one at offset %d", d.Warnings, at)
	}
	if !d.Transient {
		t.Error("a document with a block cut off is not Transient")
	}
	if _, made := r.code.Stats(); made != 0 || r.code.Changed() {
		t.Errorf("the block went into the code cache")
	}

	// The lexer runs on. Built again meanwhile, the block is reported
	// again at once, without a second goroutine; once it has finished, the
	// next build takes its result, coloured, and caches it.
	r.mu.Lock()
	running := r.flights[keyOf("slowpoke", strings.Repeat("a", slowLetters)+"b\n")]
	r.mu.Unlock()
	if running == nil {
		t.Fatal("no flight for the block")
	}
	d, err = r.Prepare([]byte(src))
	if err != nil || len(d.Warnings) != 1 || !d.Transient {
		t.Errorf("built again while the lexer runs: %v, warnings %v, transient %v", err, d.Warnings, d.Transient)
	}
	r.mu.Lock()
	if len(r.flights) != 1 || r.flights[keyOf("slowpoke", strings.Repeat("a", slowLetters)+"b\n")] != running {
		t.Errorf("a second flight started for the block")
	}
	r.mu.Unlock()
	<-running.done
	d, err = r.Prepare([]byte(src))
	if err != nil || len(d.Warnings) != 0 || d.Transient || !strings.Contains(string(d.html), `<span class="k">aaaa`) {
		t.Errorf("built after the lexer finished: %v, warnings %v, transient %v:\n%s", err, d.Warnings, d.Transient, d.html)
	}
	if _, made := r.code.Stats(); made != 1 {
		t.Errorf("the finished block is not cached")
	}
}

// TestCopiedLexersMatchChroma: every lexer chroma has, copied without its
// time limit, tokenises as chroma's own does; and all but a few (those
// made in Go from other lexers) are copied whole. The lookup by fence
// language finds chroma's lexer for every name and alias.
func TestCopiedLexersMatchChroma(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every lexer")
	}
	inputs := []string{
		"x = 1 # comment\n'str' \"s\" /* c */ <b>t</b> {{ v }}\n",
		"func main() {\n\tfmt.Println(`raw {{.X}}`, 0x1F)\n}\n",
		"<html><style>a{color:red}</style><script>var x = 1;</script></html>\n",
	}
	s := newLexerSet(lexers.GlobalLexerRegistry)
	var timed []string
	for _, orig := range lexers.GlobalLexerRegistry.Lexers {
		name := orig.Config().Name
		copied := s.get(name)
		if copied == nil || copied.orig != orig {
			t.Errorf("%s: the lookup finds %v", name, copied)
			continue
		}
		if len(name) > maxLanguage {
			t.Errorf("%s: the name is longer than the %d bytes a lookup takes", name, maxLanguage)
		}
		for _, alias := range orig.Config().Aliases {
			if len(alias) > maxLanguage {
				t.Errorf("%s: alias %q is longer than the %d bytes a lookup takes", name, alias, maxLanguage)
			}
			if got := s.get(alias); got == nil || got.Config().Name != lexers.Get(alias).Config().Name {
				t.Errorf("%s: alias %q finds another lexer", name, alias)
			}
		}
		for _, in := range inputs {
			want, wok := tokensWithin(orig, in, 2*time.Second)
			if !wok {
				t.Logf("%s loops on %q", name, in)
				continue
			}
			got, gok := tokensWithin(copied, in, lexTimeout)
			if !gok || got != want {
				t.Errorf("%s on %q: the copy gives\n%v\nchroma gives\n%v", name, in, got, want)
			}
		}
		if copied.made != nil && !copied.untimed {
			timed = append(timed, name)
		}
	}
	slices.Sort(timed)
	if len(timed) > 20 {
		t.Errorf("%d lexers keep chroma's time limit: %v", len(timed), timed)
	}
	t.Logf("lexers with chroma's limit: %v", timed)
	for _, name := range []string{"", "mermaid", "nosuchlanguage", "Go", "go", "golang", "py", "python3", "js", "yml", "sh", "console"} {
		got, want := s.get(name), lexers.Get(name)
		switch {
		case name == "" || want == nil:
			if got != nil && name != "" {
				t.Errorf("%q: finds %s, chroma none", name, got.Config().Name)
			}
		case got == nil || got.Config().Name != want.Config().Name:
			t.Errorf("%q: finds %v, chroma %s", name, got, want.Config().Name)
		}
	}
}

// tokensWithin is what lexer makes of text, printed (or its error or
// panic), or false when it runs past timeout.
func tokensWithin(lexer chroma.Lexer, text string, timeout time.Duration) (string, bool) {
	done := make(chan string, 1)
	go func() {
		defer func() {
			if v := recover(); v != nil {
				done <- fmt.Sprint("panic: ", v)
			}
		}()
		tokens, err := chroma.Tokenise(lexer, nil, text)
		done <- fmt.Sprint(tokens, err)
	}()
	select {
	case s := <-done:
		return s, true
	case <-time.After(timeout):
		return "", false
	}
}
