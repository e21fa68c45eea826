package diagram_test

import (
	"fmt"
	"testing"

	"github.com/batonhq/baton/internal/diagram"
	"github.com/batonhq/baton/internal/i18n"
)

// BenchmarkSVG lays out and writes the diagram of generated handbooks.
func BenchmarkSVG(b *testing.B) {
	for _, n := range []int{3, 10, 17, 30} {
		roles := generatedRoles(n)
		b.Run(fmt.Sprintf("%d roles", n), func(b *testing.B) {
			for b.Loop() {
				diagram.SVG(roles, identity, i18n.English())
			}
		})
	}
}
