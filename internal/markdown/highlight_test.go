package markdown

import (
	"fmt"
	"slices"
	"strings"
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
// as chroma's Go and PHP lexers are): it keeps chroma's time limit.
func slowRegistry() *chroma.LexerRegistry {
	reg := chroma.NewLexerRegistry()
	reg.Register(chroma.MustNewLexer(&chroma.Config{Name: "slowpoke"}, slowRules))
	reg.Register(chroma.TypeRemappingLexer(chroma.MustNewLexer(&chroma.Config{Name: "slowmapped"}, slowRules), nil))
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
// keeps chroma's limit; its block is used and cached when it was lexed
// within that limit (no match can have run out of time), and tried again
// when it was not; slow every time (here the limit is set to nothing), it
// is a warning at the fence and is cached neither in the code cache nor
// anywhere else (the document is Transient).
func TestTimedLexerIsCheckedAndNotCached(t *testing.T) {
	r := New(false)
	r.lexers = newLexerSet(slowRegistry())
	r.code = NewCodeCache()
	d, err := r.Prepare([]byte(slowBlock("slowmapped", 3)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(d.html), `<span class="k">aaab</span>`) || len(d.Warnings) > 0 || d.Transient {
		t.Errorf("a quick block of a timed lexer: warnings %v, transient %v, html\n%s", d.Warnings, d.Transient, d.html)
	}
	if _, made := r.code.Stats(); made != 1 {
		t.Errorf("the quick block is not cached")
	}

	r.timedLimit = 0
	src := slowBlock("slowmapped", 4)
	d, err = r.Prepare([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	at := strings.Index(src, "slowmapped")
	if len(d.Warnings) != 1 || d.Warnings[0].Offset != at || !strings.Contains(d.Warnings[0].Message, "took over 0s 3 times") {
		t.Errorf("warnings %+v, want one at offset %d", d.Warnings, at)
	}
	if !d.Transient {
		t.Error("a document with a block slow to highlight is not Transient")
	}
	if !strings.Contains(string(d.html), `<span class="k">aaaab</span>`) {
		t.Errorf("the slow block is not shown highlighted:\n%s", d.html)
	}
	if _, made := r.code.Stats(); made != 1 {
		t.Errorf("the slow block went into the code cache")
	}
	// A lexer copied whole is never timed, whatever the limit.
	d, err = r.Prepare([]byte(slowBlock("slowpoke", 4)))
	if err != nil || len(d.Warnings) > 0 || d.Transient {
		t.Errorf("an untimed lexer's block: %v, warnings %v, transient %v", err, d.Warnings, d.Transient)
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
		for _, alias := range orig.Config().Aliases {
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
