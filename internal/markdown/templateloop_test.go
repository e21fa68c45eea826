package markdown

import (
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/diag"
)

// TestTemplateLoops: a Liquid or Nunjucks loop whose tags stand alone on
// their lines is left out of the page, nested loops with it, with one
// warning at the first; the text after it keeps its offsets. A loop in
// fenced code, in {% raw %}, inside a line, or never closed stays text.
func TestTemplateLoops(t *testing.T) {
	tests := []struct {
		name, src string
		gone      []string // text the page must not show
		kept      []string // text it must show
		warn      string   // the first warning's text at its offset, "" for no loop warning
	}{
		{"a loop of cards", "Intro.\n\n{% for item in collections.guides %}\n## {{ item.data.title }}\n\n[Read]({{ item.url }})\n{% endfor %}\n\nAfter [x](x.md).\n",
			[]string{"item.data.title", "endfor", "Read"}, []string{"Intro.", "After"}, "{% for item"},
		{"nested, with trim markers", "{%- for a in b -%}\n  {% for c in a %}\n  - {{ c }}\n  {% endfor %}\n{%- endfor -%}\nEnd.\n",
			[]string{"{{ c }}", "endfor"}, []string{"End."}, "{%- for a"},
		{"in fenced code", "```liquid\n{% for x in y %}\n{{ x }}\n{% endfor %}\n```\n",
			nil, []string{"for x in y", "endfor"}, ""},
		{"in raw", "{% raw %}\n{% for x in y %}\n{{ x }}\n{% endfor %}\n{% endraw %}\n",
			nil, []string{"for x in y"}, ""},
		{"inside a line", "| {% for x in y %}{{ x }}{% endfor %} |\n",
			nil, []string{"for x in y"}, ""},
		{"never closed", "{% for x in y %}\nText.\n",
			nil, []string{"for x in y", "Text."}, ""},
	}
	r := New(false)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, html := render(t, r, tt.src)
			for _, s := range tt.gone {
				if strings.Contains(html, s) {
					t.Errorf("the page shows %q:\n%s", s, html)
				}
			}
			for _, s := range tt.kept {
				if !strings.Contains(html, s) {
					t.Errorf("the page lost %q:\n%s", s, html)
				}
			}
			var loops []Warning
			for _, w := range d.Warnings {
				if strings.Contains(w.Message, "template loop") {
					loops = append(loops, w)
				}
			}
			switch {
			case tt.warn == "" && len(loops) > 0:
				t.Errorf("warned of a loop: %v", loops)
			case tt.warn != "" && len(loops) != 1:
				t.Errorf("loop warnings %v, want one", loops)
			case tt.warn != "" && (!strings.HasPrefix(tt.src[loops[0].Offset:], tt.warn) || loops[0].Code != diag.Unrendered):
				t.Errorf("the loop warning is at %q (%v), want %q, unrendered", tt.src[loops[0].Offset:], loops[0].Code, tt.warn)
			}
			for _, l := range d.Links {
				if want := strings.Index(tt.src, "[x](x.md)"); l.Dest == "x.md" && l.Offset != want {
					t.Errorf("the link after the loop is at %d, want %d", l.Offset, want)
				}
			}
		})
	}
}
