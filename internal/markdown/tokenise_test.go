package markdown

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// sampleCode is a text of the things most languages lex differently:
// strings of each quote, escapes, comments of each kind, numbers,
// operators, brackets, keywords of several languages, markup, a here
// document, tabs, non-ASCII letters and an unterminated string.
const sampleCode = `#!/usr/bin/env bash
// comment /* block */ -- sql comment ; lisp comment % tex
# hash comment
package main; import "fmt"; def f(x): return x ** 2
SELECT id, "Name", 'it''s' FROM t WHERE a >= 10 AND b <> 0x1F; -- done
func (s *S) M(a []int, b map[string]any) (int, error) { return len(a) + 1, nil }
let x = 1_000.5e-3; var y = 'c'; const z = ` + "`tpl ${x}`" + `;
<div class="a" data-x='1'>&amp; text <!-- note --></div>
key: value
list: [1, 2.5, true, null, "s"]
if [[ -n "$HOME" ]]; then echo "${PATH:-/bin}" | grep -E '^/u' > /dev/null; fi
cat <<EOF
here $doc
EOF
	tab	indented  { ( [ ] ) } => -> :: := != == === <= >= && || ! ~ ^ % @ $ ? \
über façade naïve 日本語 변수 π ≠ ∑ 😀 Kelvin K long ſ dotted İ dotless ı
"unterminated string
'another
/* unterminated comment
`

// TestFastTokeniserMatchesChroma lexes, with every chroma lexer of rules,
// chroma's own sample of its language (lexers/testdata, where the
// module's folder is found) and sampleCode in several cases, with
// compiledLexer and with chroma's loop over the same compiled rules, and
// wants the same tokens.
func TestFastTokeniserMatchesChroma(t *testing.T) {
	samples := chromaSamples(t)
	mixed := []string{sampleCode, strings.ToUpper(sampleCode), swapCase(sampleCode), strings.ReplaceAll(sampleCode, "\n", "\r\n"), "", "x"}
	fast, slow := newLexerSet(lexers.GlobalLexerRegistry), newLexerSet(lexers.GlobalLexerRegistry)
	slow.chromaLoop = true
	compared := 0
	for _, l := range lexers.GlobalLexerRegistry.Lexers {
		name := l.Config().Name
		if _, ok := l.(*chroma.RegexLexer); !ok {
			continue
		}
		texts := mixed
		for _, alias := range append([]string{name}, l.Config().Aliases...) {
			if s, ok := samples[strings.ToLower(alias)]; ok {
				texts = append(slices.Clip(texts), s)
				break
			}
		}
		compared++
		t.Run(name, func(t *testing.T) {
			if os.Getenv("SERIAL") == "" {
				t.Parallel()
			}
			f, s := lexerNamed(t, fast, name), lexerNamed(t, slow, name)
			if f.fast == nil {
				t.Skip("not a lexer of rules alone: chroma's loop")
			}
			for i, text := range texts {
				sameTokens(t, i, f, s, text)
			}
		})
	}
	if compared < 200 {
		t.Errorf("only %d lexers compared", compared)
	}
	for _, lang := range []string{"go", "python", "sql", "yaml", "json", "bash", "javascript", "html"} {
		if l := fast.get(lang); l == nil || lexerNamed(t, fast, lang).fast == nil {
			t.Errorf("%s does not lex with compiledLexer", lang)
		}
	}
}

// sameTokens lexes text with f and with s side by side and wants the
// same tokens. Some of chroma's lexers never end on some texts (Standard
// ML's, JSONata's), emitting tokens forever in either loop: past four
// tokens a character, the two are compared no further.
func sameTokens(t *testing.T, i int, f, s chroma.Lexer, text string) {
	t.Helper()
	a, err1 := f.Tokenise(nil, text)
	b, err2 := s.Tokenise(nil, text)
	if err1 != nil || err2 != nil {
		t.Fatalf("text %d: %v, %v", i, err1, err2)
	}
	for k := 0; k < 4*len(text)+16; k++ {
		got, want := a(), b()
		if got != want {
			t.Fatalf("text %d: token %d is %v, chroma's %v", i, k, got, want)
		}
		if got == chroma.EOF {
			return
		}
	}
	t.Logf("text %d: the lexer does not end; the first %d tokens are the same", i, 4*len(text)+16)
}

// lexerNamed is set's lexer of that name.
func lexerNamed(t *testing.T, set *lexerSet, name string) *lazyLexer {
	l := set.get(strings.ToLower(name))
	if l == nil {
		l, _ = set.reg.Get(name).(*lazyLexer)
	}
	if l == nil {
		t.Fatalf("no lexer %s", name)
	}
	l.once.Do(l.make)
	return l
}

// chromaSamples are chroma's own sample texts, by file name (its
// lexers/testdata/NAME.actual), each cut to its first 8 KB of whole
// lines; none where the go command cannot say where the module is.
func chromaSamples(t *testing.T) map[string]string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/alecthomas/chroma/v2").Output()
	if err != nil {
		t.Logf("chroma's samples not found (%v): sampleCode alone", err)
		return nil
	}
	files, _ := filepath.Glob(filepath.Join(strings.TrimSpace(string(out)), "lexers", "testdata", "*.actual"))
	if len(files) < 100 {
		t.Errorf("only %d of chroma's samples found", len(files))
	}
	samples := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		if len(s) > 8<<10 {
			s = s[:strings.LastIndexByte(s[:8<<10], '\n')+1]
		}
		samples[strings.TrimSuffix(filepath.Base(f), ".actual")] = s
	}
	return samples
}

// swapCase swaps each letter's case.
func swapCase(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsUpper(r) {
			return unicode.ToLower(r)
		}
		return unicode.ToUpper(r)
	}, s)
}
