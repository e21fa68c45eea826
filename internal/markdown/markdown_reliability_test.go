package markdown

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/alecthomas/chroma/v2/lexers"
	"golang.org/x/net/html"
)

// TestEveryLexerSurvives highlights, with every language chroma knows,
// inputs that hung or crashed lexers before (a lone "/", an unterminated
// heredoc, string or comment, nesting). Each block must come back: a lexer
// that loops (JSONata on an unterminated string does, Jungle on anything)
// is cut off after the Renderer's bound (2 s here, 10 s in builds) and its
// block renders as plain code, with a warning; a panic is caught. The wait
// per block is the bound plus a generous margin.
func TestEveryLexerSurvives(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every lexer")
	}
	inputs := []string{"/", "<<EOF\nx", "\"unterminated", "/* open", strings.Repeat("(", 64), "q{", "=begin"}
	r := New(false)
	r.lexTimeout = 2 * time.Second
	names := lexers.Names(false)
	if len(names) < 100 {
		t.Fatalf("only %d lexers", len(names))
	}
	for _, name := range names {
		if strings.ContainsAny(name, "`\n ") {
			continue
		}
		for _, in := range inputs {
			src := "```" + name + "\n" + in + "\n```\n"
			done := make(chan error, 1)
			go func() {
				d, err := r.Prepare([]byte(src))
				if err == nil && len(d.Warnings) > 0 {
					t.Logf("%s %q: %s", name, in, d.Warnings[0].Message)
				}
				done <- err
			}()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("%s %q: %v", name, in, err)
				}
			case <-time.After(r.lexTimeout + 2*time.Minute):
				t.Fatalf("highlighting %s %q does not return", name, in)
			}
		}
	}
}

// TestAttributeSyntaxIsText: goldmark's {attribute} syntax is off, so
// neither a heading nor anything else can carry onclick, style or a
// broken-out id; the braces stay text, and titles stay inside their
// attribute. The output is read as a browser would.
func TestAttributeSyntaxIsText(t *testing.T) {
	r := New(false)
	for _, src := range []string{
		"# H {onclick=\"x\" style=\"position:fixed;inset:0\" id=\"a\\\"b\"}\n",
		"Para\n{: onmouseover=\"x\"}\n",
		"[l](x.html){onclick=x}\n",
		"![i](x.png \"\\\"><script>alert(1)</script>\")\n",
		"[t](x.html \"a\\\" onclick=\\\"x\")\n",
	} {
		d, err := r.Prepare([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		d.Resolve(&b, func(int) string { return "x.html" }, "", nil)
		z := html.NewTokenizer(&b)
		for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
			tok := z.Token()
			if tok.Type == html.StartTagToken && tok.Data == "script" {
				t.Errorf("%q renders a script element", src)
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(a.Key, "on") || a.Key == "style" || a.Key == "id" && strings.Contains(a.Val, "\"") {
					t.Errorf("%q renders the attribute %s=%q", src, a.Key, a.Val)
				}
			}
		}
	}
}
