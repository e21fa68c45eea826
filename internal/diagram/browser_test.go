package diagram_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/batonhq/baton/internal/browsertest"
	"github.com/chromedp/chromedp"
)

// measure reads the diagram as the browser lays it out: each role's box
// and the boxes of its labels in CSS pixels, the labels' font sizes, the
// drawing's scale, and how far the page itself overflows the viewport.
const measure = `(() => {
  const svg = document.querySelector('.conductor-diagram');
  const rect = e => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
  const scroller = svg.parentElement, conductor = svg.querySelector('.cd-conductor rect');
  return JSON.stringify({
    scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,
    view: rect(scroller), conductor: rect(conductor),
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    nodes: [...svg.querySelectorAll('.cd-node')].map(a => ({
      href: a.getAttribute('href'),
      box: rect(a.querySelector('rect')),
      labels: [...a.querySelectorAll('text')].map(t => ({
        text: t.textContent, box: rect(t), size: parseFloat(getComputedStyle(t).fontSize),
      })),
    })),
  });
})()`

type measured struct {
	Scale     float64
	Overflow  float64
	View      [4]float64 // the part of the drawing in view
	Conductor [4]float64 // the conductor's box
	Nodes     []struct {
		Href   string
		Box    [4]float64
		Labels []struct {
			Text string
			Box  [4]float64
			Size float64
		}
	}
}

// TestDiagramInBrowser opens the home page of the default handbook and of
// generated handbooks of 3 and 30 roles from file:// in Chromium, at 390
// and 1280 px wide, light and dark, and checks the drawing as laid out
// with real fonts: no two role boxes meet, every label's box lies inside
// its role's box (the layout's width estimate holds for the font the
// browser picked), labels are at least 12 px as rendered at 390 px, the
// page itself never scrolls sideways (the figure does), and the
// conductor is in view when the page opens (the theme's script scrolls
// the figure to it).
func TestDiagramInBrowser(t *testing.T) {
	sites := []struct{ name, dir string }{
		{"default handbook", "../.."},
		{"3 roles", writeGeneratedSite(t, 3)},
		{"30 roles", writeGeneratedSite(t, 30)},
	}
	browser := browsertest.Browser(t)
	for _, site := range sites {
		home := "file://" + filepath.ToSlash(publishSite(t, site.dir)) + "/index.html"
		for _, width := range []int64{390, 1280} {
			for _, theme := range []string{"light", "dark"} {
				t.Run(fmt.Sprintf("%s/%d/%s", site.name, width, theme), func(t *testing.T) {
					ctx := browsertest.Tab(t, browser, 60*time.Second)
					if err := chromedp.Do(ctx,
						chromedp.EmulateViewport(width, 900),
						chromedp.Navigate(home),
						chromedp.WaitVisible(".conductor-diagram"),
					); err != nil {
						t.Fatal(err)
					}
					js := fmt.Sprintf("document.documentElement.dataset.theme = %q; %s", theme, measure)
					out, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
					if err != nil {
						t.Fatal(err)
					}
					var m measured
					if err := json.Unmarshal([]byte(out), &m); err != nil {
						t.Fatal(err)
					}
					checkMeasured(t, m, width)
				})
			}
		}
	}
}

func checkMeasured(t *testing.T, m measured, width int64) {
	t.Helper()
	if len(m.Nodes) == 0 {
		t.Fatal("no role boxes")
	}
	if m.Overflow > 0 {
		t.Errorf("the page is %.0f px wider than the %d px viewport", m.Overflow, width)
	}
	if c := m.Conductor; c[0] < m.View[0] || c[2] > m.View[2] {
		t.Errorf("the conductor's box %v is not in view %v", c, m.View)
	}
	smallest := 1e9
	for i, n := range m.Nodes {
		b := box{n.Box[0], n.Box[1], n.Box[2], n.Box[3]}
		for _, o := range m.Nodes[i+1:] {
			if b.overlaps(box{o.Box[0], o.Box[1], o.Box[2], o.Box[3]}, 0) {
				t.Errorf("boxes of %s %v and %s %v meet", n.Href, n.Box, o.Href, o.Box)
			}
		}
		for _, l := range n.Labels {
			smallest = min(smallest, l.Size*m.Scale)
			if l.Box[0] < n.Box[0] || l.Box[1] < n.Box[1] || l.Box[2] > n.Box[2] || l.Box[3] > n.Box[3] {
				t.Errorf("label %q %v sticks out of its box %v", l.Text, l.Box, n.Box)
			}
		}
	}
	if width < 500 && smallest < 12 {
		t.Errorf("smallest label renders at %.1f px at %d px wide, want at least 12", smallest, width)
	}
	t.Logf("scale %.2f, smallest label %.1f px", m.Scale, smallest)
}
