package build

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"slices"
	"strings"

	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/render"
	"github.com/batonhq/baton/internal/source"
)

// ownLayouts reports whether the site's layouts change the default theme,
// whose templates of the pages that get the whole site read no page's body:
// with layouts of its own, a patch renders those pages again (apply). A
// site whose layouts/ only repeats the default theme (baton's own
// repository) rebuilds as one without.
func (b *Builder) ownLayouts(site []source.File) bool {
	return slices.ContainsFunc(site, b.ownLayout)
}

// ownLayout reports whether layout file f is not the default theme's.
func (b *Builder) ownLayout(f source.File) bool {
	def, ok := b.opts.Theme[strings.TrimPrefix(f.Path, "layouts/")]
	return !ok || !bytes.Equal(def, f.Data)
}

// readsPageBodies reports whether a layout of the site's own may read a
// page's Doc or Hrefs off the model, as a template that gets the whole
// site can: those are the bodies Resolve made, and a patched Site carries
// the edited ones beside its pages (handbook.Site.Body), which such a
// template would not see. With one, an edit builds in full. Finding the
// names in the text errs only toward building in full.
func (b *Builder) readsPageBodies(site []source.File) bool {
	return slices.ContainsFunc(site, func(f source.File) bool {
		return b.ownLayout(f) && (bytes.Contains(f.Data, []byte(".Doc")) || bytes.Contains(f.Data, []byte(".Hrefs")))
	})
}

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
