package markdown_test

import (
	"bytes"
	"flag"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/batonhq/baton/internal/corpus"
	"github.com/batonhq/baton/internal/markdown"
	"github.com/batonhq/baton/internal/source"
	"github.com/yuin/goldmark"
	highlighting "github.com/yuin/goldmark-highlighting/v2"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

var benchPages = flag.Int("pages", 1000, "pages in the generated corpus of the benchmarks")

// bodies are the Markdown bodies of the benchmark corpus, front matter
// removed.
func bodies(b *testing.B) [][]byte {
	b.Helper()
	var out [][]byte
	var size int
	for _, f := range corpus.Baton(corpus.Options{Pages: *benchPages, Seed: 1}) {
		if !strings.HasSuffix(f.Path, ".md") {
			continue
		}
		fm, err := source.SplitFrontMatter(f.Data)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, fm.Body)
		size += len(fm.Body)
	}
	b.SetBytes(int64(size))
	return out
}

// onAllCores runs f for every index on GOMAXPROCS goroutines.
func onAllCores(n int, f func(i int)) {
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := 0
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}

// BenchmarkFloor is the floor of a build: goldmark and chroma alone
// rendering every body of the corpus to HTML, on all cores, with the
// extensions baton uses and nothing else (no links to resolve, no
// templates, no writes). baton's full build is reported as a multiple of it.
func BenchmarkFloor(b *testing.B) {
	docs := bodies(b)
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.GFM, extension.DefinitionList, extension.Footnote, extension.Typographer,
			highlighting.NewHighlighting(highlighting.WithFormatOptions(chromahtml.WithClasses(true)), highlighting.WithGuessLanguage(false)),
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
	for b.Loop() {
		onAllCores(len(docs), func(i int) {
			var buf bytes.Buffer
			if err := md.Convert(docs[i], &buf); err != nil {
				b.Error(err)
			}
		})
	}
}

// BenchmarkPrepare is baton's Markdown stage: Prepare on every body, on all
// cores.
func BenchmarkPrepare(b *testing.B) {
	docs := bodies(b)
	r := markdown.New(false)
	for b.Loop() {
		onAllCores(len(docs), func(i int) {
			if _, err := r.Prepare(docs[i]); err != nil {
				b.Error(err)
			}
		})
	}
}

// BenchmarkFenceLanguage prepares a page of 50 one-line code blocks: in a
// language chroma does not know (mermaid: its lookup of an unknown name
// scans every lexer's file patterns), in none, and in Go. Each block's
// lookup should cost the same, whatever the name.
func BenchmarkFenceLanguage(b *testing.B) {
	for _, lang := range []string{"mermaid", "none", "go"} {
		b.Run(lang, func(b *testing.B) {
			fence := lang
			if lang == "none" {
				fence = ""
			}
			src := []byte(strings.Repeat("```"+fence+"\nx\n```\n\n", 50))
			r := markdown.New(false)
			if _, err := r.Prepare(src); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := r.Prepare(src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLongFenceLanguage prepares a block whose fence names a
// "language" of 4,000 bytes, with a renderer that has looked up nothing:
// chroma's lookup matched such a name against every file name pattern, a
// second or more a block; a name longer than any lexer's is not looked up.
func BenchmarkLongFenceLanguage(b *testing.B) {
	src := []byte("```" + strings.Repeat("h~", 2000) + "\nx\n```\n")
	for b.Loop() {
		if _, err := markdown.New(false).Prepare(src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRawHTML prepares a page of 40 paragraphs, a table and a code
// block, without raw HTML and with one <kbd> tag in its last paragraph:
// the difference is what sanitising the whole body costs a page that has
// any raw HTML. A page without pays nothing for it.
func BenchmarkRawHTML(b *testing.B) {
	var page strings.Builder
	for i := range 40 {
		fmt.Fprintf(&page, "## Part %d\n\nSome *text* with a [link](other.md#part-%d) and `code`, \"quoted\".\n\n", i, i)
	}
	page.WriteString("| a | b |\n|---|---|\n| c | d |\n\n```go\nfunc f() {}\n```\n\n")
	for _, c := range []struct{ name, tail string }{{"none", "The end."}, {"kbd", "Press <kbd>q</kbd>."}} {
		b.Run(c.name, func(b *testing.B) {
			src := []byte(page.String() + c.tail + "\n")
			r := markdown.New(false)
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, err := r.Prepare(src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
