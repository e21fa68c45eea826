package markdown

import (
	"strings"
	"testing"
)

// TestMDC reads Nuxt Content's blocks as MDC and the Renderer make them:
// callouts, and other components' lines left out, the Markdown kept.
func TestMDC(t *testing.T) {
	tests := []struct{ name, src, want, warn, first string }{
		{"note", "::note\nRead [this](a.md).\n::\n\nAfter.",
			"<div class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">Note</p>\n<p>Read <a href=\"La.md\">this</a>.</p>\n</div>\n<p>After.</p>", "", ""},
		{"a prose warning with attributes", "::prose-warning{to=\"/x\"}\nw\n::", "<div class=\"callout callout-warning\" role=\"note\">\n<p class=\"callout-title\">Warning</p>\n<p>w</p>\n</div>", "", ""},
		{"a callout's kind from its color, its props left out", "::callout{color=\"error\"}\n---\nicon: i-x\n---\nBody.\n::", "<div class=\"callout callout-caution\" role=\"note\">\n<p>Body.</p>\n</div>", "", ""},
		{"a component: its lines left out", "::code-group\n```sh [npm]\nnpm i\n```\n\n#title\nSome **words**.\n::\n\nAfter.",
			"<pre", "1 MDC component (::code-group, ", "::"},
		{"nested, a callout inside a component", "::card{title=\"A\"}\nOuter.\n\n:::tip\nInner.\n:::\n\n:::u-button\nGo\n:::\n::",
			"<p>Outer.</p>\n<div class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\">Tip</p>\n<p>Inner.</p>\n</div>\n<p>Go</p>", "2 MDC components (::card, ::u-button, ", "::"},
		{"indented, in a list", "1. Step.\n\n   ::warning\n   Careful.\n   ::\n", "<li>\n<p>Step.</p>\n<div class=\"callout callout-warning\" role=\"note\">\n<p class=\"callout-title\">Warning</p>\n<p>Careful.</p>\n</div>\n</li>", "", ""},
		{"inline components alone on their lines", "::note\nOne.\n:br\nTwo.\n::\n\n:video{src=\"a.mp4\"}\n\nA :badge[x] in a line, and :smile:", "<p>Two.</p>\n</div>\n<p>A :badge[x] in a line, and 😄</p>", "2 MDC components (:br, :video, ", ":br"},
		{"never closed: text", "::note\nNo end.", "<p>::note\nNo end.</p>", "", ""},
		{"in code", "```md\n::note\nx\n::\n```", "<span class=\"cl\">::note", "", ""},
		{"three colons at the top are a container's", ":::note\nx\n:::", "<p class=\"callout-title\">Note</p>\n<p>x</p>", "", ""},
	}
	r := New(false)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, warns := MDC([]byte(tt.src))
			if len(src) != len(tt.src) || strings.Count(string(src), "\n") != strings.Count(tt.src, "\n") {
				t.Fatalf("offsets moved:\n%q", src)
			}
			_, got := render(t, r, string(src))
			if !strings.Contains(got, tt.want) || strings.Contains(got, "::") && !strings.Contains(tt.want, "::") || strings.Contains(got, "#title") || strings.ContainsRune(got, mdcMark) {
				t.Errorf("got\n%s\nwant it to contain\n%s", got, tt.want)
			}
			switch {
			case tt.warn == "" && len(warns) > 0:
				t.Errorf("warnings %+v, want none", warns)
			case tt.warn != "" && (len(warns) != 1 || !strings.HasPrefix(warns[0].Message, tt.warn) || warns[0].Offset != strings.Index(tt.src, tt.first)):
				t.Errorf("warnings %+v, want one %q at the first", warns, tt.warn)
			}
		})
	}
	// Without MDC (a baton handbook's page), the lines are text.
	if _, got := render(t, r, "::note\nx\n::"); got != "<p>::note\nx\n::</p>\n" {
		t.Errorf("a page MDC did not read: %s", got)
	}
}

// FuzzMDC holds MDC to its promises: offsets kept, and no mark of its
// own left in a page.
func FuzzMDC(f *testing.F) {
	for _, s := range []string{"::note\nx\n::", "::a\n:::tip\ny\n:::\n::", "- ::warning\n  x\n::", "> ::tip\n> x\n::", "::callout\n---\nx\n---\n::", ":br\n::c\n#t\n::", "<div>\n::\n::note\nx\n::", "- x\n  ::warning\n<div>\n::\n", "- ::note\n  ::warning\n-->\n\t::\n"} {
		f.Add(s)
	}
	r := New(false)
	f.Fuzz(func(t *testing.T, src string) {
		if strings.ContainsRune(src, mdcMark) {
			return
		}
		out, _ := MDC([]byte(src))
		if len(out) != len(src) || strings.Count(string(out), "\n") != strings.Count(src, "\n") {
			t.Fatalf("offsets moved: %q → %q", src, out)
		}
		d, err := r.Prepare(out)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		d.Resolve(&b, func(int) string { return "" }, "", nil)
		if strings.ContainsRune(b.String(), mdcMark) {
			t.Errorf("%q shows a mark: %q", src, b.String())
		}
	})
}
