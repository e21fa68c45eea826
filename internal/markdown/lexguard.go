package markdown

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// lexTimeout bounds how long one code block may take to tokenise. Real
// code takes milliseconds; some chroma lexers loop forever on some inputs
// (JSONata on an unterminated string), so the bound is generous and only
// a broken lexer reaches it.
const lexTimeout = 10 * time.Second

// timedAttempts is how many times a block lexed by a lexer with chroma's
// time limit, and slower than that limit, is tokenised before its colours
// are reported as uncertain.
const timedAttempts = 3

// codeStyle decides which token types get a class; the colours themselves
// come from the theme's chroma.css, light and dark.
var codeStyle = styles.Get("github")

// formatter writes highlighted code with CSS classes. One is shared by all
// goroutines: chroma's formatter keeps only a locked cache of the style's
// classes, which it would otherwise rebuild for every block.
var formatter = chromahtml.New(chromahtml.WithClasses(true))

// codeAttr is the attribute on each fenced code block that holds its HTML,
// made by highlightBlocks before the document renders.
const codeAttr = "\x00code"

// highlightBlocks renders every fenced code block of doc, highlighted by
// chroma where its language has a lexer, and keeps the HTML on the node
// for fencedCode to write. A block whose highlighting depended on time is
// a warning on d at the block's fence, and makes d Transient.
//
// This replaces goldmark-highlighting, which cannot bound a lexer and
// builds a new formatter, and so the style's classes, for every block.
func (r *Renderer) highlightBlocks(d *Doc, doc ast.Node, src []byte) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		block, ok := n.(*ast.FencedCodeBlock)
		if !ok || !entering {
			return blocksOnly(n), nil
		}
		block.SetAttributeString(codeAttr, r.codeBlock(d, block, src))
		return ast.WalkSkipChildren, nil
	})
}

// codeBlock is one fenced code block's HTML.
func (r *Renderer) codeBlock(d *Doc, n *ast.FencedCodeBlock, src []byte) []byte {
	lang := n.Language(src)
	first := 0
	if name, ok := mystDirective(lang); ok && mystCodeNames[name] {
		// MyST's "```{code-block} python": the language is the argument,
		// and the option lines (":linenos:") are not code.
		seg := n.Info.Segment
		lang = mystCodeLanguage(seg.Value(src))
		for ; first < n.Lines().Len(); first++ {
			line := n.Lines().At(first)
			if !mystOptionRE.Match(trimEOL(line.Value(src))) {
				break
			}
		}
	}
	var code strings.Builder
	for i := first; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		code.Write(seg.Value(src))
	}
	if isMermaid(lang) {
		return diagramBlock(d, n, code.String())
	}
	if len(lang) > 0 {
		if lexer := r.lexers.get(string(lang)); lexer != nil {
			html, res := r.highlight(d, lexer, code.String())
			switch res {
			case highlighted:
				return html
			case uncertain:
				d.warn(n.Info.Segment.Start, true, fmt.Sprintf("highlighting this %s block took over %s, and %d runs coloured it differently: chroma may have cut some of its rules short, so its colours may differ from a quiet build's, and it is not cached", lang, r.timedLimit, timedAttempts))
				return html
			case timedOut:
				d.warn(n.Info.Segment.Start, true, fmt.Sprintf("highlighting this %s block took over %s, so it is shown without colours (chroma's lexer may loop on it)", lang, r.lexTimeout))
			}
		}
	}
	var b bytes.Buffer
	b.WriteString("<pre><code")
	if len(lang) > 0 {
		b.WriteString(` class="language-`)
		b.Write(util.EscapeHTML(lang))
		b.WriteByte('"')
	}
	b.WriteByte('>')
	b.Write(util.EscapeHTML([]byte(code.String())))
	b.WriteString("</code></pre>\n")
	return b.Bytes()
}

// result is how highlighting a block went.
type result int

const (
	highlighted result = iota
	failed             // the lexer failed or panicked: the block is plain, as it always will be
	timedOut           // the lexer ran past lexTimeout: the block is plain this time
	uncertain          // a lexer with chroma's time limit was slow, and its runs disagreed
)

// highlight returns code as lexer highlights it, from the cache when it has
// the block. Only a result that cannot depend on time is trusted (cached,
// and used without a warning): every result of a lexer without a time
// limit; one of a lexer with chroma's that ran within that limit (no match
// can have run out of time then); and, for a slower one, the tokens that
// two of up to timedAttempts runs agree on (a match cut short by a pause
// or a burst of load does not happen at the same place twice, while one
// too slow ever to finish is cut alike every time).
func (r *Renderer) highlight(d *Doc, lexer *lazyLexer, code string) ([]byte, result) {
	key := keyOf(lexer.Config().Name, code)
	if r.code != nil {
		if r.docs != nil {
			// Kept with the Doc, so that a run that takes the Doc from
			// the cache keeps the block in the code cache too.
			d.codes = append(d.codes, key)
		}
		if html, ok := r.code.get(key); ok {
			return html, highlighted
		}
	}
	var runs [][]chroma.Token
	tokens, res := []chroma.Token(nil), uncertain
runs:
	for range timedAttempts {
		f := r.tokenise(lexer, key, code)
		switch {
		case f == nil:
			return nil, timedOut
		case f.res != highlighted:
			return nil, f.res
		case !f.timed || f.took < r.timedLimit:
			tokens, res = f.tokens, highlighted
			break runs
		}
		for _, other := range runs {
			if slices.Equal(other, f.tokens) {
				tokens, res = f.tokens, highlighted
				break runs
			}
		}
		runs = append(runs, f.tokens)
		tokens = f.tokens
	}
	var buf bytes.Buffer
	if err := formatter.Format(&buf, codeStyle, chroma.Literator(tokens...)); err != nil {
		return nil, failed
	}
	if r.code != nil && res == highlighted {
		r.code.put(key, buf.Bytes(), r.spill)
	}
	return buf.Bytes(), res
}

// A flight is one tokenisation of a block, in a goroutine of its own.
type flight struct {
	deadline time.Time     // when a caller stops waiting for it
	done     chan struct{} // closed when the fields below are set
	tokens   []chroma.Token
	res      result        // highlighted or failed
	took     time.Duration // how long the lexer ran
	timed    bool          // a lexer with chroma's time limit ran meanwhile
}

// tokenise runs lexer over code in a goroutine of its own, and returns the
// finished flight, or nil when the lexer is still running lexTimeout after
// it started. A block still running from an earlier call (a lexer that
// loops runs on: Go cannot stop it) is waited for until then, never started
// again: each block costs at most one goroutine and one wait, however many
// builds show it; and when a slow one does finish, the next build takes its
// result.
func (r *Renderer) tokenise(lexer chroma.Lexer, key codeKey, code string) *flight {
	r.mu.Lock()
	f := r.flights[key]
	if f == nil {
		f = &flight{deadline: time.Now().Add(r.lexTimeout), done: make(chan struct{})}
		r.flights[key] = f
		go f.run(chroma.Coalesce(lexer), code, &r.lexers.timedRuns)
	}
	r.mu.Unlock()
	finished := func() *flight {
		r.mu.Lock()
		if r.flights[key] == f {
			delete(r.flights, key)
		}
		r.mu.Unlock()
		return f
	}
	// A flight that has finished is taken even past its deadline (select
	// would pick at random between the two).
	select {
	case <-f.done:
		return finished()
	default:
	}
	timer := time.NewTimer(time.Until(f.deadline))
	defer timer.Stop()
	select {
	case <-f.done:
		return finished()
	case <-timer.C:
		return nil
	}
}

// run tokenises code, recording whether a lexer with chroma's time limit
// ran meanwhile (in any goroutine: a false alarm only costs a retry).
func (f *flight) run(lexer chroma.Lexer, code string, timedRuns *atomic.Int64) {
	defer close(f.done)
	timed := timedRuns.Load()
	start := time.Now()
	defer func() {
		if recover() != nil {
			f.tokens, f.res = nil, failed
		}
		f.took = time.Since(start)
		f.timed = timedRuns.Load() != timed
	}()
	tokens, err := chroma.Tokenise(lexer, nil, code)
	if err != nil {
		f.res = failed
		return
	}
	f.tokens, f.res = tokens, highlighted
}
