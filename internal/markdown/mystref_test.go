package markdown

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMySTReferences: with Options.MyST, a "(label)=" line is no text but
// an anchor at the heading after it (or where it stands) and a Target;
// a directive's :name: is one too; {ref}, {numref}, {doc} and {download}
// are links with their role, their text given or left to the resolver;
// {term} links the glossary's entry or is text; {eq} is text, warned of.
// Without the option every one reads as before.
func TestMySTReferences(t *testing.T) {
	terms := NewTerms([]Term{{ID: "pm", Names: []string{"product manager"}}})
	tests := []struct {
		name, src, want string
		links           []Link
		targets         []Target
		warnings        int
	}{
		{name: "target before a heading", src: "(intro-label)=\n## Getting started\n\nText.",
			want:    `<h2 id="getting-started"><a class="anchor" href="#getting-started" aria-label="Link to this section: Getting started">#</a><span id="intro-label"></span>Getting started</h2>` + "\n<p>Text.</p>",
			targets: []Target{{Label: "intro-label", Text: "Getting started", Heading: 0}}},
		{name: "target before a paragraph", src: "Before.\n(para:x)=\nAfter.",
			want:    "<p>Before.</p>\n<span id=\"para:x\"></span>\n<p>After.</p>",
			targets: []Target{{Label: "para:x", Heading: -1, Offset: 8}}},
		{name: "ref without text", src: "See {ref}`intro-label`.",
			want:  `<p>See <a href="Lintro-label">intro-label</a>.</p>`,
			links: []Link{{Dest: "intro-label", Role: "ref", NoText: true, Offset: 4}}},
		{name: "ref with text", src: "See {ref}`the start <intro-label>`.",
			want:  `<p>See <a href="Lintro-label">the start</a>.</p>`,
			links: []Link{{Dest: "intro-label", Role: "ref", Offset: 4}}},
		{name: "doc", src: "Read {doc}`../guide/setup` and {doc}`Setup </guide/setup>`.",
			want:  `<p>Read <a href="L../guide/setup">../guide/setup</a> and <a href="L/guide/setup">Setup</a>.</p>`,
			links: []Link{{Dest: "../guide/setup", Role: "doc", NoText: true, Offset: 5}, {Dest: "/guide/setup", Role: "doc", Offset: 31}}},
		{name: "download", src: "{download}`data.csv` or {download}`the file <files/x.zip>`",
			want:  `<p><a href="Ldata.csv">data.csv</a> or <a href="Lfiles/x.zip">the file</a></p>`,
			links: []Link{{Dest: "data.csv", Role: "download", Offset: 0}, {Dest: "files/x.zip", Role: "download", Offset: 24}}},
		{name: "numref", src: "As {numref}`Figure %s: the map <fig-map>` shows.",
			want:     `<p>As <a href="Lfig-map">Figure: the map</a> shows.</p>`,
			links:    []Link{{Dest: "fig-map", Role: "numref", Offset: 3}},
			warnings: 1},
		{name: "empty Markdown link", src: "[](intro-label) and [text](other)",
			want:  `<p><a href="Lintro-label">intro-label</a> and <a href="Lother">text</a></p>`,
			links: []Link{{Dest: "intro-label", NoText: true, Offset: 0}, {Dest: "other", Offset: 20}}},
		{name: "term in the glossary", src: "A {term}`Product Manager` leads.",
			want:  `<p>A <a href="L/glossary/#term-pm">Product Manager</a> leads.</p>`,
			links: []Link{{Dest: "/glossary/#term-pm", Term: "pm", Offset: 2}}},
		{name: "term not in the glossary", src: "A {term}`kernel` runs.", want: "<p>A kernel runs.</p>"},
		{name: "eq", src: "By {eq}`my-eq`, x.", want: "<p>By (my-eq), x.</p>", warnings: 1},
		{name: "other roles stay", src: "{cite}`x` and {glue:}`y`", want: "<p>{cite}<code>x</code> and {glue:}<code>y</code></p>"},
		{name: "double backticks", src: "{ref}``a `b` <c>``", want: `<p><a href="Lc">a `},
		{name: "named directive", src: "```{note} Keep\n:name: keep-note\nBody.\n```",
			want:    `<div class="callout callout-note" id="keep-note" role="note">`,
			targets: []Target{{Label: "keep-note", Text: "Keep", Heading: -1}}},
		{name: "figure's name in YAML options", src: "```{figure} ../img/x.png\n---\nheight: 150px\nname: directive-fig\n---\nHere is my caption!\n```",
			want:     "<span id=\"directive-fig\"></span>\n<pre",
			targets:  []Target{{Label: "directive-fig", Text: "Here is my caption!", Heading: -1, Offset: 43}},
			warnings: 1},
		{name: "table's name", src: "```{table} My table title\n:name: my-table-ref\n\n| a |\n```",
			want:     "<span id=\"my-table-ref\"></span>",
			targets:  []Target{{Label: "my-table-ref", Text: "My table title", Heading: -1, Offset: 26}},
			warnings: 1},
		{name: "code block's name and caption", src: "```{code-block} python\n:caption: Hello\n:name: hello-code\nprint(1)\n```",
			want:    "<span id=\"hello-code\"></span>",
			targets: []Target{{Label: "hello-code", Text: "Hello", Heading: -1, Offset: 39}}},
		{name: "figure in an example", src: "````{example}\n```{figure} x.png\n:name: nested-fig\n\nMy figure title.\n```\n````",
			want:     "<span id=\"nested-fig\"></span>",
			targets:  []Target{{Label: "nested-fig", Text: "My figure title.", Heading: -1, Offset: 32}},
			warnings: 1},
		{name: "quoted name, and syntax shown as code", src: "`````{list-table}\n* - ````md\n    ```{figure} x.png\n    :name: shown\n    ```\n    ````\n  - ```{figure} x.png\n    :name: \"real\"\n    ```\n`````",
			want:     "<span id=\"real\"></span>",
			targets:  []Target{{Label: "real", Heading: -1, Offset: 107}},
			warnings: 1},
		{name: "name-like text in a body", src: "```{figure} x.png\nA caption\n:name: not-a-name\n```", want: "<pre", warnings: 1},
		{name: "in code", src: "`{ref}`x``\n\n```\n(a)=\n```", want: "<pre><code>(a)=\n</code></pre>"},
	}
	r := NewWith(Options{MyST: true})
	plain := New(false)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := r.PrepareWith([]byte(tt.src), terms)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			d.Resolve(&b, func(i int) string { return "L" + d.Links[i].Dest }, "", nil)
			if got := b.String(); !strings.Contains(got, tt.want) {
				t.Errorf("got\n%s\nwant it to contain\n%s", got, tt.want)
			}
			if tt.links != nil {
				if diff := cmp.Diff(tt.links, d.Links); diff != "" {
					t.Errorf("links (-want +got):\n%s", diff)
				}
			}
			if diff := cmp.Diff(tt.targets, d.Targets); diff != "" {
				t.Errorf("targets (-want +got):\n%s", diff)
			}
			if len(d.Warnings) != tt.warnings {
				t.Errorf("got warnings %+v, want %d", d.Warnings, tt.warnings)
			}
			p, _ := plain.Prepare([]byte(tt.src))
			if len(p.Targets) > 0 || strings.Contains(tt.src, "{ref}") && len(p.Links) > 0 && p.Links[0].Role != "" {
				t.Errorf("without MyST, %q gave targets %v, links %v", tt.src, p.Targets, p.Links)
			}
		})
	}
}

// TestMySTTextsSurviveSanitising: a link's text placeholder, the one
// placeholder outside an attribute, comes through the sanitiser that a
// page with raw HTML goes through, and ResolveWith fills it in.
func TestMySTTextsSurviveSanitising(t *testing.T) {
	r := NewWith(Options{MyST: true})
	d, err := r.Prepare([]byte("<b>raw</b> {ref}`a` then [](b)."))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	d.ResolveWith(&b, func(i int) string { return "#" + d.Links[i].Dest }, func(i int) string { return "Title " + d.Links[i].Dest }, "", nil)
	if got, want := b.String(), `<p><b>raw</b> <a href="#a">Title a</a> then <a href="#b">Title b</a>.</p>`; !strings.Contains(got, want) {
		t.Errorf("got\n%s\nwant it to contain\n%s", got, want)
	}
}

// TestMySTTitleTarget: a target at the level-1 heading a page opens with
// names the page once the title is above the body.
func TestMySTTitleTarget(t *testing.T) {
	d, err := NewWith(Options{MyST: true}).Prepare([]byte("(top)=\n# Title\n\n(sub)=\n## Part\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.LeadTitle(); got != "Title" {
		t.Fatalf("lead title %q, want Title", got)
	}
	c := d.WithoutLeadTitle()
	want := []Target{{Label: "top", Text: "Title", Heading: -1, Top: true}, {Label: "sub", Text: "Part", Heading: 0, Offset: 16}}
	if diff := cmp.Diff(want, c.Targets); diff != "" {
		t.Errorf("targets (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"sub"}, c.Anchors); diff != "" {
		t.Errorf("anchors (-want +got):\n%s", diff)
	}
}
