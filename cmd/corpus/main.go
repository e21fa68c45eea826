// Command corpus writes a synthetic handbook for benchmarks, and optionally
// the same pages as a Hugo site.
//
//	go run ./cmd/corpus -pages 10000 -out /tmp/corpus
//	go run ./cmd/corpus -pages 10000 -out /tmp/corpus -hugo /tmp/corpus-hugo
//	go run ./cmd/corpus -pages 10000 -shape real -out /tmp/real -hugo /tmp/real-hugo
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/batonhq/baton/internal/corpus"
)

func main() {
	pages := flag.Int("pages", 1000, "number of pages")
	seed := flag.Uint64("seed", 1, "random seed; the same seed gives the same bytes")
	out := flag.String("out", "", "`folder` for the baton site (holds content/)")
	hugo := flag.String("hugo", "", "also write the same pages as a Hugo site into this `folder`")
	shapeFlag := flag.String("shape", "balanced", "how pages are laid out and written: balanced (sections of 20 pages), flat (20 folders of N/20 pages) or real (a mix like real handbooks)")
	flag.Parse()
	if *out == "" && *hugo == "" {
		fmt.Fprintln(os.Stderr, "corpus: give -out DIR and/or -hugo DIR")
		os.Exit(2)
	}
	shape, err := corpus.ParseShape(*shapeFlag)
	if err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(2)
	}
	if *pages < 1 {
		fmt.Fprintln(os.Stderr, "corpus: -pages must be at least 1")
		os.Exit(2)
	}
	opts := corpus.Options{Pages: *pages, Seed: *seed, Shape: shape}
	if *out != "" {
		if err := corpus.WriteDir(*out, corpus.Baton(opts)); err != nil {
			fmt.Fprintln(os.Stderr, "corpus:", err)
			os.Exit(1)
		}
	}
	if *hugo != "" {
		if err := corpus.WriteDir(*hugo, corpus.Hugo(opts)); err != nil {
			fmt.Fprintln(os.Stderr, "corpus:", err)
			os.Exit(1)
		}
	}
}
