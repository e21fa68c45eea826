package markdown

import (
	"bytes"
	"strings"
	"time"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// lexTimeout bounds how long one code block may take to tokenise. Real
// code takes milliseconds; some chroma lexers loop forever on some inputs
// (JSONata on an unterminated string), so the bound is generous and only
// a broken lexer reaches it.
const lexTimeout = 10 * time.Second

// codeStyle decides which token types get a class; the colours themselves
// come from the theme's chroma.css, light and dark.
var codeStyle = styles.Get("github")

// formatter writes highlighted code with CSS classes. One is shared by all
// goroutines: chroma's formatter keeps only a locked cache of the style's
// classes, which it would otherwise rebuild for every block.
var formatter = chromahtml.New(chromahtml.WithClasses(true))

// fencedCode renders a fenced code block highlighted by chroma. Each block
// is tokenised once, in a goroutine of its own and under lexTimeout, so a
// lexer that panics or never finishes costs the block its colours, not the
// build: it renders as plain, escaped code. (A stuck goroutine cannot be
// stopped; it is one per broken block, and the file's parse is cached.)
//
// This replaces goldmark-highlighting, which cannot bound a lexer and
// builds a new formatter, and so the style's classes, for every block.
func (r *nodeRenderer) fencedCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var code strings.Builder
	for i := range n.Lines().Len() {
		seg := n.Lines().At(i)
		code.Write(seg.Value(src))
	}
	lang := n.Language(src)
	if lexer := lexers.Get(string(lang)); len(lang) > 0 && lexer != nil {
		if html, ok := r.highlight(lexer, code.String()); ok {
			_, _ = w.Write(html)
			return ast.WalkContinue, nil
		}
	}
	_, _ = w.WriteString("<pre><code")
	if len(lang) > 0 {
		_, _ = w.WriteString(` class="language-`)
		_, _ = w.Write(util.EscapeHTML(lang))
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	_, _ = w.Write(util.EscapeHTML([]byte(code.String())))
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkContinue, nil
}

// highlight returns code as lexer highlights it, from the cache when it has
// the block; false when the lexer fails.
func (r *nodeRenderer) highlight(lexer chroma.Lexer, code string) ([]byte, bool) {
	var key codeKey
	if r.code != nil {
		key = keyOf(lexer.Config().Name, code)
		if html, ok := r.code.get(key); ok {
			return html, true
		}
	}
	tokens, ok := tokenise(chroma.Coalesce(lexer), code)
	if !ok {
		return nil, false
	}
	var buf bytes.Buffer
	if err := formatter.Format(&buf, codeStyle, chroma.Literator(tokens...)); err != nil {
		return nil, false
	}
	if r.code != nil {
		r.code.put(key, buf.Bytes())
	}
	return buf.Bytes(), true
}

// tokenise runs lexer over code in its own goroutine, and reports false
// when the lexer fails, panics or does not finish within lexTimeout.
func tokenise(lexer chroma.Lexer, code string) ([]chroma.Token, bool) {
	type result struct {
		tokens []chroma.Token
		ok     bool
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if recover() != nil {
				done <- result{}
			}
		}()
		tokens, err := chroma.Tokenise(lexer, nil, code)
		done <- result{tokens, err == nil}
	}()
	timer := time.NewTimer(lexTimeout)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.tokens, r.ok
	case <-timer.C:
		return nil, false
	}
}
