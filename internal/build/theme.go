package build

import (
	"crypto/sha256"
	"fmt"
	"slices"
	"strings"

	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/render"
	"github.com/batonhq/baton/internal/source"
)

// theme merges the site's layouts over the default theme and parses it,
// reusing the last parse when nothing changed.
func (b *Builder) theme(site []source.File) (*render.Renderer, diag.List) {
	theme := render.Theme{}
	for k, v := range b.opts.Theme {
		theme[k] = v
	}
	for _, f := range site {
		theme[strings.TrimPrefix(f.Path, "layouts/")] = f.Data
	}
	h := sha256.New()
	names := make([]string, 0, len(theme))
	for k := range theme {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		fmt.Fprintf(h, "%s\x00%d\x00", k, len(theme[k]))
		h.Write(theme[k])
	}
	var sum [32]byte
	h.Sum(sum[:0])
	if b.renderer != nil && sum == b.themeSum {
		return b.renderer, b.themeDiag
	}
	r, d := render.New(theme)
	if d.HasErrors() {
		r = nil
	}
	b.renderer, b.themeSum, b.themeDiag = r, sum, d
	return r, d
}
