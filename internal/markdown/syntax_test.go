package markdown

import (
	"slices"
	"strings"
	"testing"
)

// TestHeadingAttributeIDs: "{#id}" after a heading sets its id, as MkDocs,
// Hugo and kramdown read it; the id is reserved before the ids made from
// text; any other attribute is dropped; an id a link could not name, or
// one given twice, is a warning and the heading gets GitHub's id.
func TestHeadingAttributeIDs(t *testing.T) {
	tests := []struct {
		name, src string
		ids       []string
		warn      string // a warning containing this, when set
		not       string // not in the output, when set
	}{
		{"id", "## Install {#setup}", []string{"setup"}, "", "{#"},
		{"setext", "Install {#setup}\n===", []string{"setup"}, "", "{#"},
		{"case and dots kept", "## API {#API.v2:x_y}", []string{"API.v2:x_y"}, "", ""},
		{"class and others dropped", "## Title {#t .big data-x=1 onclick=\"x()\"}", []string{"t"}, "", "big"},
		{"class only", "## Title {.big}", []string{"title"}, "", "big"},
		{"reserved before text ids", "## Setup\n\n## Other {#setup}", []string{"setup-1", "setup"}, "", ""},
		{"given twice", "## A {#x}\n\n## B {#x}", []string{"x", "b"}, "given to an earlier heading", ""},
		{"quote in the id", "## A {id=\"a\\\"b\"}", []string{"a"}, "not one a link can name", `a"b`},
		{"not on a paragraph", "Para {#p}", nil, "", ""},
	}
	r := New(false)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, got := render(t, r, tt.src)
			var ids []string
			for _, h := range d.Headings {
				ids = append(ids, h.ID)
				if !strings.Contains(got, `id="`+h.ID+`"`) {
					t.Errorf("id %q not in\n%s", h.ID, got)
				}
			}
			if !slices.Equal(ids, tt.ids) {
				t.Errorf("ids %q, want %q", ids, tt.ids)
			}
			if tt.warn != "" && (len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0].Message, tt.warn)) {
				t.Errorf("warnings %+v, want one about %q", d.Warnings, tt.warn)
			}
			if tt.warn == "" && len(d.Warnings) > 0 {
				t.Errorf("warnings %+v, want none", d.Warnings)
			}
			if tt.not != "" && strings.Contains(got, tt.not) {
				t.Errorf("got\n%s\nwith %q", got, tt.not)
			}
			if tt.name == "not on a paragraph" && !strings.Contains(got, "<p>Para {#p}</p>") {
				t.Errorf("the attribute syntax is not text in a paragraph:\n%s", got)
			}
		})
	}
}

// TestEmojiShortcodes: ":tada:" is 🎉 as on GitHub, in text only; a
// heading's id keeps the shortcode's name, as GitHub's does ("## :rocket:
// Launch" is #rocket-launch there, while a typed 🚀 is dropped).
func TestEmojiShortcodes(t *testing.T) {
	tests := []struct {
		name, src, want string
		id, text        string // the first heading's, when set
	}{
		{"text", "Done :tada:!", "<p>Done 🎉!</p>", "", ""},
		{"several", ":+1: :thumbsup: :white_check_mark:", "<p>👍 👍 ✅</p>", "", ""},
		{"code span", "`:tada:`", "<code>:tada:</code>", "", ""},
		{"fenced code", "```\n:tada:\n```", ":tada:\n</code></pre>", "", ""},
		{"unknown name", ":not_an_emoji:", "<p>:not_an_emoji:</p>", "", ""},
		{"GitHub image, no character", ":octocat:", "<p>:octocat:</p>", "", ""},
		{"heading", "## :rocket: Launch", "🚀 Launch</h2>", "rocket-launch", "🚀 Launch"},
		{"heading with an underscore name", "## :white_check_mark: Done", "✅ Done", "white_check_mark-done", ""},
		{"typed character", "## 🚀 Launch", "🚀 Launch", "-launch", ""},
		{"time is not a shortcode", "At 10:30:00", "<p>At 10:30:00</p>", "", ""},
	}
	r := New(false)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, got := render(t, r, tt.src)
			if !strings.Contains(got, tt.want) {
				t.Errorf("got\n%s\nwant it to contain %s", got, tt.want)
			}
			if tt.id != "" && (len(d.Headings) == 0 || d.Headings[0].ID != tt.id) {
				t.Errorf("headings %+v, want id %q", d.Headings, tt.id)
			}
			if tt.text != "" && d.Headings[0].Text != tt.text {
				t.Errorf("heading text %q, want %q", d.Headings[0].Text, tt.text)
			}
		})
	}
	d, _ := render(t, r, "We shipped :tada: today.")
	if d.Lead != "We shipped 🎉 today." || !strings.Contains(d.Sections[0].Text, "🎉") {
		t.Errorf("lead %q, sections %+v: want the character", d.Lead, d.Sections)
	}
}

// TestAdmonitions: MkDocs admonitions ("!!! type", collapsible "???" and
// "???+") with an indented body are callouts of the matching kind, with
// their own title.
func TestAdmonitions(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"note with title", "!!! note \"Read this\"\n    Body **b**.\n\n    Second.\n\nAfter.",
			"<div class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">Read this</p>\n<p>Body <strong>b</strong>.</p>\n<p>Second.</p>\n</div>\n<p>After.</p>"},
		{"type as title", "!!! warning\n    Careful.", "<div class=\"callout callout-warning\" role=\"note\">\n<p class=\"callout-title\">Warning</p>\n<p>Careful.</p>\n</div>"},
		{"alias", "!!! hint\n    h", "<div class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\">Hint</p>"},
		{"danger", "!!! danger \"Stop\"\n    s", `<div class="callout callout-caution" role="note">` + "\n" + `<p class="callout-title">Stop</p>`},
		{"mkdocs caution is a warning", "!!! caution\n    c", `callout-warning`},
		{"important", "!!! important\n    i", `callout-important`},
		{"custom type", "!!! custom-thing\n    c", "<div class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">Custom-thing</p>"},
		{"no blank after the marker", "!!!tip \"Short\"\n    s", "<div class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\">Short</p>\n<p>s</p>\n</div>"},
		{"collapsible, no blank after the marker", "???+warning\n    w", `callout-warning`},
		{"no blank, classes and a title", "???+aside hide \"T\"\n    a", "<details class=\"callout callout-note\" open>\n<summary class=\"callout-title\">T</summary>"},
		{"empty title", "!!! note \"\"\n    Just body.", "<div class=\"callout callout-note\" role=\"note\">\n<p>Just body.</p>"},
		{"extra classes", "!!! note inline end \"T\"\n    x", `<p class="callout-title">T</p>`},
		{"collapsible", "??? tip \"More\"\n    Hidden.", "<details class=\"callout callout-tip\">\n<summary class=\"callout-title\">More</summary>\n<p>Hidden.</p>\n</details>"},
		{"open", "???+ example\n    Shown.", "<details class=\"callout callout-note\" open>\n<summary class=\"callout-title\">Example</summary>"},
		{"title escaped", "!!! note \"<b>x</b> & y\"\n    z", `<p class="callout-title">&lt;b&gt;x&lt;/b&gt; &amp; y</p>`},
		{"code and lists inside", "!!! note\n    - a\n    - b\n\n    ```go\n    x := 1\n    ```", "<li>a</li>"},
		{"tab indent", "!!! note\n\tTabbed.", "<p>Tabbed.</p>\n</div>"},
		{"unindented line ends it", "!!! note\n    In.\nOut.", "<p>In.\nOut.</p>"},
		{"not an admonition", "!!!note without space", "<p>!!!note without space</p>"},
		{"in a code block", "```\n!!! note\n    x\n```", "!!! note\n    x\n</code></pre>"},
	}
	r := New(false)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, got := render(t, r, tt.src); !strings.Contains(got, tt.want) {
				t.Errorf("got\n%s\nwant it to contain\n%s", got, tt.want)
			}
		})
	}
}

// TestGitBookHints: {% hint style="…" %} … {% endhint %} is a callout; a
// hint that never ends is text, and a warning.
func TestGitBookHints(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"info", "{% hint style=\"info\" %}\nRead [this](a.md).\n{% endhint %}\n\nAfter.",
			"<div class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">Note</p>\n<p>Read <a href=\"La.md\">this</a>.</p>\n</div>\n<p>After.</p>"},
		{"success", "{% hint style=\"success\" %}\nok\n{% endhint %}", `callout-tip`},
		{"warning", "{% hint style='warning' %}\nw\n{% endhint %}", `callout-warning`},
		{"danger", "{% hint style=\"danger\" %}\nd\n{% endhint %}", `callout-caution`},
		{"several blocks", "{% hint style=\"info\" %}\n## H\n\n- a\n- b\n{% endhint %}", "<li>b</li>\n</ul>\n</div>"},
		{"never ends", "{% hint style=\"info\" %}\nNo end.", "<p>{% hint style=“info” %}\nNo end.</p>"},
	}
	r := New(false)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, got := render(t, r, tt.src)
			if !strings.Contains(got, tt.want) {
				t.Errorf("got\n%s\nwant it to contain\n%s", got, tt.want)
			}
			if strings.Contains(got, "endhint") {
				t.Errorf("the end marker shows:\n%s", got)
			}
			warned := len(d.Warnings) > 0
			if want := tt.name == "never ends"; warned != want {
				t.Errorf("warnings %+v, want some: %v", d.Warnings, want)
			}
		})
	}
}

// TestUnrenderedSyntaxIsAWarning: syntax only another tool renders is one
// warning per kind and document, with the count and the first one's
// offset; never for what is inside code.
func TestUnrenderedSyntaxIsAWarning(t *testing.T) {
	type w struct {
		at   string // the text the warning points at (its first occurrence)
		says string
	}
	tests := []struct {
		name, src string
		want      []w
	}{
		{"Hugo", "Intro.\n\n{{< figure src=\"a.png\" >}}\n\nText {{% note %}}x{{% /note %}} and {{< ref \"b.md\" >}}.",
			[]w{{"{{< figure", "3 Hugo shortcodes, which baton does not render"}}},
		{"Liquid", "{% include header.html %}\n\nTitle: {{ page.title }}\n\n{% if x %}y{% endif %}",
			[]w{{"{% include", "3 template tags"}}},
		{"GitBook blocks", "{% embed url=\"https://e.com\" %}\n\n{% content-ref url=\"a.md\" %}\n[a.md](a.md)\n{% endcontent-ref %}",
			[]w{{"{% embed", "2 GitBook blocks (content-ref, embed)"}}},
		{"MDX", "import Tabs from '@theme/Tabs';\nimport {X} from \"./x\"\n\nexport const meta = {}\n\n<Tabs>\n<TabItem value=\"a\">\n\nA\n\n</TabItem>\n</Tabs>",
			[]w{{"import Tabs", "3 MDX import or export lines"}, {"<Tabs>", "2 capitalised tags (a JSX component"}}},
		{"each kind once, in order", "{{ a }} {{< b >}} {{ c }}", []w{{"{{ a }}", "2 template tags"}, {"{{< b", "1 Hugo shortcode,"}}},
		{"inside code", "`{{< x >}}` and `{% y %}`\n\n```\n{{ z }}\nimport a from 'b'\n```\n\n    {% w %}\n\n<pre>\n{{ v }}\n</pre>", nil},
		{"ERB", "# <%= current_page.data.title %>\n\n<% content_for :sidebar do %>\nText <%# a comment %>.\n\n`<%= in code %>`",
			[]w{{"<% content_for", "2 ERB tags (<% … %>"}}},
		{"a title that is one template tag, which the page leaves out", "# <%= current_page.data.title %>\n\nText.", nil},
		{"a Liquid title", "# {{ page.title }}\n\nText.", nil},
		{"a title with more than the tag", "# About <%= name %>\n\nText.", []w{{"<%= name", "1 ERB tag (<% … %>"}}},
		{"a tag in a later heading", "# Title\n\n# <%= x %>\n", []w{{"<%= x", "1 ERB tag (<% … %>"}}},
		{"containers", ":::note\nA callout.\n:::\n\n- item\n\n  :::tip\n\n  In the item.\n\n  :::\n\n:::tabs\nx\n:::\n\n::: code-group\ny\n:::\n\n```\n:::tabs\n```\n\nRatio 3:::4.",
			[]w{{":::tabs", "2 containers (:::name"}}},
		{"Jekyll's site root before a link's path", "[a]({{site.baseurl}}/a/) [b]({{ site.url }}{{site.baseurl}}/b/) [c][c]\n\n[c]: {{_site.baseurl_}}/c/\n\nTitle {{ site.title }}, {{ site.baseurl }}/d/.",
			[]w{{"{{ site.title", "2 template tags"}}},
		{"MyST directives", "```{note}\nA callout.\n```\n\n```{code-block} go\nx := 1\n```\n\n```{figure} a.png\nCaption\n```\n\n:::{tab-set}\nx\n:::\n\n````\n```{math}\n```\n````",
			[]w{{"{figure}", "2 MyST directives ({name} after a fence"}}},
		{"prose", "Import the file, then export it. Braces { and } and {x}.\n\n<DIV>old</DIV> <BR>", nil},
	}
	r := New(false)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := r.Prepare([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Warnings) != len(tt.want) {
				t.Fatalf("warnings %+v, want %d", d.Warnings, len(tt.want))
			}
			for i, w := range tt.want {
				got := d.Warnings[i]
				if at := strings.Index(tt.src, w.at); got.Offset != at || !strings.Contains(got.Message, w.says) {
					t.Errorf("warning %d at %d %q, want at %d saying %q", i, got.Offset, got.Message, at, w.says)
				}
			}
		})
	}
}

// TestMySTDirectives: MyST's admonition directives, in backticks, tildes
// or colons, with option lines or a YAML block of them, nested in a
// longer fence, are callouts; a code directive is code in its language,
// without its option lines; any other directive stays as Markdown reads it.
func TestMySTDirectives(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"backticks", "```{note}\nRead [this](a.md).\n```\n\nAfter.",
			"<div class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">Note</p>\n<p>Read <a href=\"La.md\">this</a>.</p>\n</div>\n<p>After.</p>"},
		{"colons and a title", ":::{warning} Mind the gap\nw\n:::", "<div class=\"callout callout-warning\" role=\"note\">\n<p class=\"callout-title\">Mind the gap</p>\n<p>w</p>\n</div>"},
		{"tildes", "~~~{tip}\nt\n~~~", "<div class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\">Tip</p>\n<p>t</p>"},
		{"options", "```{admonition} Custom\n:class: dropdown tip\n:name: my-label\n\nBody.\n```", "<details class=\"callout callout-tip\">\n<summary class=\"callout-title\">Custom</summary>\n<p>Body.</p>\n</details>"},
		{"YAML options", ":::{seealso}\n---\nclass: dropdown\n---\nSee.\n:::", "<details class=\"callout callout-note\">\n<summary class=\"callout-title\">See also</summary>\n<p>See.</p>\n</details>"},
		{"an option-like line in the body", "```{note}\nText.\n:name: stays\n```", "<p>Text.\n:name: stays</p>"},
		{"nested", "````{margin}\nOuter.\n\n```{danger}\nInner.\n```\n\nStill outer.\n````\n\nAfter.", "<div class=\"callout callout-note\" role=\"note\">\n<p>Outer.</p>\n<div class=\"callout callout-caution\" role=\"note\">\n<p class=\"callout-title\">Danger</p>\n<p>Inner.</p>\n</div>\n<p>Still outer.</p>\n</div>\n<p>After.</p>"},
		{"in a list", "- item\n\n  ```{important}\n  i\n  ```\n- next", "<li>\n<p>item</p>\n<div class=\"callout callout-important\" role=\"note\">"},
		{"code directive", "```{code-block} go\n:linenos:\n:caption: A\nfmt.Println(1)\n```", "<pre class=\"chroma\"><code><span class=\"line\"><span class=\"cl\"><span class=\"nx\">fmt</span>"},
		{"never closes", "```{note}\nNo end.", "<pre><code class=\"language-{note}\">No end.\n</code></pre>"},
		{"another directive", "```{figure} a.png\nCaption\n```", "<pre><code class=\"language-{figure}\">Caption\n</code></pre>"},
		{"in a code block", "````\n```{note}\nx\n```\n````", "<pre><code>```{note}\nx\n```\n</code></pre>"},
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

// TestContainers: Docusaurus admonitions and VitePress containers
// (":::type" to a line of colons) are callouts of the matching kind, with
// the title in brackets or after a space, else the type's name; an outer
// one closes at its own longer line; one that never closes, or of a type
// that is no callout, is text.
func TestContainers(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"note", ":::note\n\nRead [this](a.md).\n\n:::\n\nAfter.",
			"<div class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">Note</p>\n<p>Read <a href=\"La.md\">this</a>.</p>\n</div>\n<p>After.</p>"},
		{"title in brackets", ":::tip[Use **this**]\nBody.\n:::", "<div class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\">Use **this**</p>\n<p>Body.</p>\n</div>"},
		{"title after a space", "::: warning Mind the gap\nw\n:::", "<p class=\"callout-title\">Mind the gap</p>\n<p>w</p>"},
		{"info is a note named info", ":::info\ni\n:::", "<div class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">Info</p>"},
		{"danger", ":::danger\nd\n:::", `callout-caution`},
		{"details", "::: details Click me\nHidden.\n:::", "<details class=\"callout callout-note\">\n<summary class=\"callout-title\">Click me</summary>\n<p>Hidden.</p>\n</details>"},
		{"nested", "::::note Outer\n\n:::tip Inner\nin\n:::\n\nstill outer\n\n::::\n\nAfter.", "<p class=\"callout-title\">Inner</p>\n<p>in</p>\n</div>\n<p>still outer</p>\n</div>\n<p>After.</p>"},
		{"in a list", "- item\n\n  :::note\n  n\n  :::\n- next", "<li>\n<p>item</p>\n<div class=\"callout callout-note\" role=\"note\">"},
		{"never closes", ":::note\nNo end.", "<p>:::note\nNo end.</p>"},
		{"not a callout", ":::tabs\nx\n:::", "<p>:::tabs\nx\n:::</p>"},
		{"in a code block", "```\n:::note\nx\n:::\n```", ":::note\nx\n:::\n</code></pre>"},
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

// TestWikiLinkSyntax: with WikiLinks, [[Note]], [[Note|text]],
// [[Note#Heading]] and ![[file]] are links and images marked Wiki, the
// heading as its GitHub id and the name escaped for a path; what only
// looks like one is text, and so is every one without WikiLinks.
func TestWikiLinkSyntax(t *testing.T) {
	tests := []struct{ name, src, html, dest string }{
		{"note", "See [[Meeting notes]].", `<a href="LMeeting%20notes">Meeting notes</a>`, "Meeting%20notes"},
		{"alias", "[[Team/Plan|the plan]]", `<a href="LTeam/Plan">the plan</a>`, "Team/Plan"},
		{"heading", "[[Guide#Getting Started!]]", `<a href="LGuide#getting-started">Guide#Getting Started!</a>`, "Guide#getting-started"},
		{"same page", "[[#Below]]", `<a href="L#below">#Below</a>`, "#below"},
		{"embed", "![[diagram 1.png]]", `<img src="Ldiagram%201.png" alt="diagram 1.png"`, "diagram%201.png"},
		{"embedded note", "![[Other note#Part]]", `<a href="LOther%20note#part">Other note#Part</a>`, "Other%20note#part"},
		{"a link's text in brackets", "[[1]](https://e.com/) and [[2]][ref]\n\n[ref]: b.md", `<a href="Lhttps://e.com/">[1]</a> and <a href="Lb.md">[2]</a>`, ""},
		{"empty", "[[ ]] and [[]]", "<p>[[ ]] and [[]]</p>", ""},
		{"brackets inside", "[[a]b]]", "<p>[[a]b]]</p>", ""},
		{"in code", "`[[x]]`", "<code>[[x]]</code>", ""},
	}
	if _, got := render(t, New(false), "[[menus.main]]"); !strings.Contains(got, "<p>[[menus.main]]</p>") {
		t.Errorf("without WikiLinks: got\n%s\nwant the text", got)
	}
	r := NewWith(Options{WikiLinks: true})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, got := render(t, r, tt.src)
			if !strings.Contains(got, tt.html) {
				t.Errorf("got\n%s\nwant it to contain\n%s", got, tt.html)
			}
			switch {
			case tt.dest == "" && slices.ContainsFunc(d.Links, func(l Link) bool { return l.Wiki }):
				t.Errorf("links %+v, want no wiki link", d.Links)
			case tt.dest != "" && (len(d.Links) != 1 || d.Links[0].Dest != tt.dest || !d.Links[0].Wiki):
				t.Errorf("links %+v, want one wiki link to %q", d.Links, tt.dest)
			}
		})
	}
}
