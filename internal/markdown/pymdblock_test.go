package markdown

import (
	"strings"
	"testing"
)

// TestPyMdownBlocks renders PyMdown's admonition and details blocks as
// callouts: "/// type | Title", option lines under the first, nesting by
// more slashes; a block of another kind, one never closed, or one in code
// stays text.
func TestPyMdownBlocks(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"tip", "/// tip\n\nRead [this](a.md).\n\n///\n\nAfter.",
			"<div class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\">Tip</p>\n<p>Read <a href=\"La.md\">this</a>.</p>\n</div>\n<p>After.</p>"},
		{"a title after a bar", "/// note | Technical `details`\nBody.\n///", "<div class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">Technical `details`</p>\n<p>Body.</p>\n</div>"},
		{"danger", "/// danger\nd\n///", `callout-caution`},
		{"admonition with a type", "/// admonition | Heads up\n    type: warning\n\nw\n///", "<div class=\"callout callout-warning\" role=\"note\">\n<p class=\"callout-title\">Heads up</p>\n<p>w</p>\n</div>"},
		{"details, open", "/// details | Click me\n    open: True\nHidden.\n///", "<details class=\"callout callout-note\" open>\n<summary class=\"callout-title\">Click me</summary>\n<p>Hidden.</p>\n</details>"},
		{"nested", "//// note | Outer\n\n/// tip | Inner\nin\n///\n\nstill outer\n\n////\n\nAfter.", "<p class=\"callout-title\">Inner</p>\n<p>in</p>\n</div>\n<p>still outer</p>\n</div>\n<p>After.</p>"},
		{"never closes", "/// note\nNo end.", "<p>/// note\nNo end.</p>"},
		{"not a callout", "/// tab | Python\nx\n///", "<p>/// tab | Python\nx\n///</p>"},
		{"in a code block", "```\n/// note\nx\n///\n```", "/// note\nx\n///\n</code></pre>"},
		{"a comment line", "// not a block\n/// note", "<p>// not a block\n/// note</p>"},
	}
	r := New(false)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := render(t, r, tt.src)
			if !strings.Contains(got, tt.want) {
				t.Errorf("got\n%s\nwant it to contain\n%s", got, tt.want)
			}
		})
	}
}
