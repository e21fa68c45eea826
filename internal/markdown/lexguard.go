package markdown

import (
	"strings"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// lexTimeout bounds how long one code block may take to tokenise. Real
// code takes milliseconds; some chroma lexers loop forever on some inputs
// (JSONata on an unterminated string), so the bound is generous and only
// a broken lexer reaches it.
const lexTimeout = 10 * time.Second

// lexGuard tokenises each fenced code block with its language's lexer
// under lexTimeout, and in a goroutine of its own so a panic there is
// caught; a block whose lexer fails or does not finish loses its language
// and renders as plain, escaped code. (The stuck goroutine cannot be
// stopped; it is one per broken block, and the file's parse is cached.)
type lexGuard struct{}

func (lexGuard) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var blocks []*ast.FencedCodeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if b, ok := n.(*ast.FencedCodeBlock); ok && entering && b.Info != nil {
			blocks = append(blocks, b)
		}
		return ast.WalkContinue, nil
	})
	for _, b := range blocks {
		// As FencedCodeBlock.Language reads it; not that method itself,
		// which caches the language on the node.
		lang, _, _ := strings.Cut(string(b.Info.Segment.Value(src)), " ")
		if len(lang) == 0 {
			continue
		}
		lexer := lexers.Get(lang)
		if lexer == nil {
			continue
		}
		var code strings.Builder
		for i := range b.Lines().Len() {
			seg := b.Lines().At(i)
			code.Write(seg.Value(src))
		}
		if !tokenises(lexer, code.String()) {
			b.Info = nil
		}
	}
}

// tokenises reports whether lexer gets through code in time and without
// a panic.
func tokenises(lexer chroma.Lexer, code string) bool {
	done := make(chan bool, 1)
	go func() {
		defer func() {
			if recover() != nil {
				done <- false
			}
		}()
		it, err := lexer.Tokenise(nil, code)
		if err != nil {
			done <- false
			return
		}
		for t := it(); t != chroma.EOF; t = it() {
		}
		done <- true
	}()
	timer := time.NewTimer(lexTimeout)
	defer timer.Stop()
	select {
	case ok := <-done:
		return ok
	case <-timer.C:
		return false
	}
}
