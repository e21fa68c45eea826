package render

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"io"

	"github.com/batonhq/baton/internal/handbook"
)

// mermaidJS is Mermaid 11.12.0 (mermaid/README.md): written into a site
// only when one of its pages has a diagram, and loaded only by those.
//
//go:embed mermaid/mermaid.min.js
var mermaidJS []byte

// mermaidPath is where a site with diagrams gets Mermaid.
const mermaidPath = "_baton/mermaid.min.js"

// mermaidURL is Mermaid's site-absolute URL with a hash of its bytes, so
// a browser never keeps a stale copy.
func mermaidURL() string {
	sum := sha256.Sum256(mermaidJS)
	return "/" + mermaidPath + "?v=" + hex.EncodeToString(sum[:4])
}

// hasDiagrams reports whether a page of site has a Mermaid diagram.
func hasDiagrams(site *handbook.Site) bool {
	for _, p := range site.Pages {
		if d := site.Body(p).Doc; d != nil && d.Diagrams > 0 {
			return true
		}
	}
	return false
}

// mermaidJob writes Mermaid's script into a site with diagrams.
func mermaidJob() Job {
	return Job{Path: mermaidPath, Run: guard(mermaidPath, "", func(w io.Writer) error {
		_, err := w.Write(mermaidJS)
		return err
	})}
}
