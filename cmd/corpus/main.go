// Command corpus writes a synthetic handbook for benchmarks, and optionally
// the same pages as a Hugo site.
//
//	go run ./cmd/corpus -pages 10000 -out /tmp/corpus
//	go run ./cmd/corpus -pages 10000 -out /tmp/corpus -hugo /tmp/corpus-hugo
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
	flag.Parse()
	if *out == "" && *hugo == "" {
		fmt.Fprintln(os.Stderr, "corpus: give -out DIR and/or -hugo DIR")
		os.Exit(2)
	}
	opts := corpus.Options{Pages: *pages, Seed: *seed}
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
