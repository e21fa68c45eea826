package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
	"strconv"

	"github.com/batonhq/baton/internal/i18n"
)

// The default theme's Markdown pages (page.html and section.html, with
// baseof.html and the partials they print) are written in Go as well as
// by their templates: a handbook is nearly all such pages, and executing
// their templates through html/template's reflection and escapers was a
// sixth of a first build's CPU (docs/performance.md, seventeenth
// session). writeNative prints exactly the bytes the templates print,
// with html/template's escaping (the helpers of sidebar.go and lists.go,
// and html/template itself for what is rare), and
// TestNativeMatchesTemplate holds it to that on hostile and generated
// handbooks. It runs only where the theme's files are the default's byte
// for byte (nativeSum): a site whose layouts/ replaces any of them, or a
// default theme edited without native.go, renders through the templates,
// as always. The header, the footer and the head's links are printed by
// their templates (cached), so they are not written here.

// nativeFiles are the theme files writeNative stands for.
var nativeFiles = []string{"baseof.html", "page.html", "section.html", "partials.html", "languages.html"}

// nativeSum is the SHA-256 of nativeFiles as the default theme has them
// (themeSum of nativeFiles): TestNativeThemeSum says when it changes, and
// what to check.
const nativeSum = "5be5ada9792ce8995b704341fc9d78bebd0982847b8c49d2ac37be90a9438d4e"

// printFiles are the theme files writeNative stands for besides
// nativeFiles in a print view of one part of the handbook.
var printFiles = []string{"print.html"}

// nativePrintSum is themeSum of printFiles as the default theme has them.
const nativePrintSum = "2239cfae00acf55523aa659854cd6f4a30dd5e880bf0e37fcae110edc356116f"

// themeSum is the hash of theme's files names, each with its length.
func themeSum(theme Theme, names []string) string {
	h := sha256.New()
	for _, name := range names {
		data, ok := theme[name]
		if !ok {
			return ""
		}
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// writesNative reports whether v's page is one writeNative prints: a
// Markdown page, or the print view of one part, of a handbook of one
// language (the head's hreflang links and the header's switcher stay the
// templates'). The whole handbook's print view, with its reading paths,
// matrix, glossary and roles, stays the template's: a handbook that
// prints in parts has one, and its parts' pages are printed in their own
// views.
func (r *Renderer) writesNative(v *PageView) bool {
	if v.Translations != nil || v.Resp != nil || v.Absolute {
		return false
	}
	if v.Kind == "print" {
		return r.nativePrint && !v.PrintWhole
	}
	return r.native && v.Page != nil && (v.Kind == "page" || v.Kind == "section" && v.Page.Section != nil)
}

// native is one page being written: its view, its words, and the first
// error, after which nothing more is written.
type native struct {
	v    *PageView
	ui   *i18n.Strings
	root string // v.Root()
	w    io.Writer
	b    htmlBuilder
	err  error
}

// writeNative writes v as the default theme's templates would.
func (r *Renderer) writeNative(w io.Writer, v *PageView) error {
	n := &native{v: v, ui: v.Site.ui, root: v.Root(), w: w}
	n.room()
	n.head()
	n.body()
	if n.err != nil {
		return n.err
	}
	_, err := w.Write(n.b.buf)
	return err
}

// room starts n.b where w has room, when w is a buffer: no copy when it is
// large enough, as the build's pooled buffers are after a few pages.
func (n *native) room() {
	if buf, ok := n.w.(*bytes.Buffer); ok {
		n.b.buf = buf.AvailableBuffer()
	} else {
		n.b.buf = n.b.buf[:0]
	}
}

// flushBytes is how much of a print view writeNative holds before it
// writes it out: the view holds every page of its part, megabytes, which
// the templates wrote as they went.
const flushBytes = 64 << 10

// flush writes out what n holds, once it is flushBytes or more.
func (n *native) flush() {
	if len(n.b.buf) < flushBytes || n.err != nil {
		return
	}
	if _, err := n.w.Write(n.b.buf); err != nil {
		n.fail(err)
		return
	}
	n.room()
}

func (n *native) s(s string)           { n.b.buf = append(n.b.buf, s...) }
func (n *native) esc(s string)         { htmlEscape.WriteString(&n.b, s) }
func (n *native) url(u string)         { writeAttrURL(&n.b, u) }
func (n *native) rel(u string)         { writeAttrURL(&n.b, n.v.rel(u)) }
func (n *native) num(i int)            { n.b.buf = strconv.AppendInt(n.b.buf, int64(i), 10) }
func (n *native) html(h template.HTML) { n.b.buf = append(n.b.buf, h...) }

// fail keeps the first error.
func (n *native) fail(err error) {
	if n.err == nil {
		n.err = err
	}
}

// t is the theme's t: a UI string with its placeholders, as HTML.
func (n *native) t(key string, args ...any) template.HTML {
	h, err := n.v.Site.words.word(n.ui, key, args...)
	n.fail(err)
	return h
}

// attr is the UI string key as html/template prints it in a quoted
// attribute.
func (n *native) attr(key string) {
	w, err := n.v.Site.words.plain(n.ui, key)
	n.fail(err)
	n.s(w.attr)
}

// cached prints a partial of the theme with cached, as the templates do.
func (n *native) cached(name string, keys ...any) {
	h, err := cached(name, n.v, keys...)
	n.fail(err)
	n.html(h)
}

// head writes the page from its doctype to its body's start.
func (n *native) head() {
	v := n.v
	c := &v.Site.Config
	n.s("<!doctype html>\n<html lang=\"")
	n.esc(c.Language)
	n.s(`" data-root="`)
	n.esc(n.root)
	n.s(`" data-handbook="`)
	n.esc(c.Title)
	n.s("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	n.esc(v.Title)
	n.s(" · ")
	n.esc(c.Title)
	n.s("</title>")
	desc := v.Description
	if desc == "" {
		desc = c.Description
	}
	n.meta("\n<meta name=\"description\" content=\"", desc)
	n.s("\n")
	if c.NoIndex {
		n.s("<meta name=\"robots\" content=\"noindex\">\n")
	}
	if v.Canonical != "" {
		n.s(`<link rel="canonical" href="`)
		n.url(v.Canonical)
		n.s(`">`)
	}
	n.s("\n<meta property=\"og:title\" content=\"")
	n.esc(v.Title)
	n.s("\">\n<meta property=\"og:site_name\" content=\"")
	n.esc(c.Title)
	if v.Kind == "page" {
		n.s("\">\n<meta property=\"og:type\" content=\"article\">\n")
	} else {
		n.s("\">\n<meta property=\"og:type\" content=\"website\">\n")
	}
	n.meta(`<meta property="og:description" content="`, desc)
	n.s("\n")
	if v.Canonical != "" {
		n.s(`<meta property="og:url" content="`)
		n.esc(v.Canonical) // content is no URL attribute to html/template
		n.s(`">`)
	}
	n.s("\n<meta name=\"twitter:card\" content=\"summary\">\n<meta name=\"twitter:title\" content=\"")
	n.esc(v.Title)
	n.s("\">\n")
	n.meta(`<meta name="twitter:description" content="`, desc)
	n.s("\n")
	n.cached("headlinks", n.root, v.Mermaid)
	n.html(v.Head())
	n.s("\n</head>\n")
}

// meta writes a meta element that ends with its content, where content
// is not "".
func (n *native) meta(open, content string) {
	if content != "" {
		n.s(open)
		n.esc(content)
		n.s(`">`)
	}
}

// body writes the page's body: the header, the sidebar, the breadcrumbs,
// the page's own main part and the footer.
func (n *native) body() {
	v := n.v
	n.s(`<body class="kind-`)
	n.esc(v.Kind)
	n.s("\">\n<a class=\"skip-link\" href=\"#main\">")
	n.html(n.t("nav.skip"))
	n.s("</a>\n")
	side := v.Sidebar()
	n.cached("header", n.root, side == "")
	if side != "" {
		n.s("\n<div class=\"layout has-sidebar\">\n\n<nav id=\"sidebar\" class=\"sidebar\" aria-label=\"")
		n.attr("nav.sections")
		n.s("\">\n")
		n.html(side)
		n.s("</nav>\n")
	} else {
		n.s("\n<div class=\"layout\">\n")
	}
	n.s("\n<main id=\"main\" tabindex=\"-1\">\n")
	if len(v.Crumbs) > 0 {
		n.s("\n<nav class=\"crumbs\" aria-label=\"")
		n.attr("nav.crumbs")
		n.s("\"><ol>\n")
		h, err := v.CrumbItems()
		n.fail(err)
		n.html(h)
		n.s("\n</ol></nav>\n")
	}
	n.s("\n")
	switch v.Kind {
	case "page":
		n.page()
	case "print":
		n.print()
	default:
		n.section()
	}
	n.s("\n</main>\n</div>\n")
	n.cached("footer", n.root)
	n.s("\n</body>\n</html>\n\n\n")
}

// page writes page.html's main part.
func (n *native) page() {
	v, p := n.v, n.v.Page
	n.s("\n\n")
	n.pathBars(p.Paths)
	n.s("\n<div class=\"page-grid\">\n<article class=\"doc\" aria-labelledby=\"page-title\">\n  <header class=\"doc-header\">\n    <h1 id=\"page-title\">")
	n.esc(p.Title)
	n.s("</h1>\n    ")
	n.lede(p.Lede)
	n.s("\n    <p class=\"doc-meta\"><span>")
	n.html(n.t("page.minutes", "count", p.Minutes))
	n.s("</span>")
	if v.Updated != "" {
		n.s("<span>")
		n.html(n.t("page.updated", "date", v.Updated))
		n.s("</span>")
	}
	n.s("</p>\n    ")
	if len(p.Roles) > 0 {
		n.s("\n<ul class=\"chips\">")
		h, err := sub{View: v, Roles: p.Roles}.RoleItems()
		n.fail(err)
		n.html(h)
		n.s("</ul>\n")
	}
	n.s("\n    ")
	n.review(p.Review)
	n.s("\n  </header>\n  ")
	var toc template.HTML
	if len(v.TOC) > 0 {
		var err error
		toc, err = v.TOCItems()
		n.fail(err)
		n.s(`<nav class="toc-inline" aria-label="`)
		n.attr("toc.title")
		n.s(`"><details><summary>`)
		n.html(n.t("toc.title"))
		n.s("</summary><ul>")
		n.html(toc)
		n.s("</ul></details></nav>")
	}
	n.s("\n  <div class=\"prose\">")
	n.html(v.Body)
	n.s("</div>\n  ")
	n.reflect(p.URL, p.Reflect)
	n.s("\n  ")
	n.pageRefs()
	n.pathFoot(p.Paths)
	n.s("\n  ")
	n.prevNext()
	n.s("\n  ")
	n.source()
	n.s("\n</article>\n")
	if len(v.TOC) > 0 {
		n.s("\n<nav class=\"toc\" aria-label=\"")
		n.attr("toc.title")
		n.s("\">\n  <p class=\"toc-title\">")
		n.html(n.t("toc.title"))
		n.s("</p>\n  <ul>")
		n.html(toc)
		n.s("</ul>\n</nav>\n")
	}
	n.s("\n</div>\n")
}

// lede writes the page's lede, where it has one.
func (n *native) lede(lede string) {
	if lede != "" {
		n.s(`<p class="lede">`)
		n.esc(lede)
		n.s("</p>")
	}
}

// pageRefs writes a page's responsibilities, tags and related pages.
func (n *native) pageRefs() {
	v, p := n.v, n.v.Page
	if len(p.Responsibilities) > 0 {
		n.s("\n  <section class=\"doc-refs\" aria-labelledby=\"refs-resp\"><h2 id=\"refs-resp\">")
		n.html(n.t("nav.responsibilities"))
		n.s("</h2>\n    <ul class=\"chips\">")
		h, err := v.ChipItems(p.Responsibilities)
		n.fail(err)
		n.html(h)
		n.s("</ul>\n  </section>\n  ")
	}
	n.s("\n  ")
	if len(p.Tags) > 0 {
		n.s(`<p class="tags">`)
		n.html(n.t("page.tags"))
		n.s(" ")
		h, err := v.TagLinks(p.Tags)
		n.fail(err)
		n.html(h)
		n.s("</p>")
	}
	n.s("\n  ")
	if len(p.Related) > 0 {
		n.s("\n  <section class=\"related\" aria-labelledby=\"related-title\"><h2 id=\"related-title\">")
		n.html(n.t("page.related"))
		n.s("</h2>")
		n.pageList(p.Related)
		n.s("</section>\n  ")
	}
	n.s("\n  ")
}

// reflect writes a page's questions to reflect on, where it has any.
func (n *native) reflect(url string, qs []string) {
	if len(qs) == 0 {
		return
	}
	n.s("\n  <section class=\"reflect\" aria-labelledby=\"reflect-title\" data-reflect=\"")
	n.esc(url)
	n.s("\">\n    <h2 id=\"reflect-title\">")
	n.html(n.t("reflect.title"))
	n.s("</h2>\n    <p class=\"reflect-note\">")
	n.html(n.t("reflect.note"))
	n.s("</p>\n    <ol>\n    ")
	for i, q := range qs {
		n.s(`<li><label><input type="checkbox" data-key="`)
		n.num(i)
		n.s(`"> <span>`)
		n.esc(q)
		n.s(`</span></label><textarea aria-label="`)
		n.s(attrHTML(n.t("reflect.notes_on", "question", q)))
		n.s(`" data-key="`)
		n.num(i)
		n.s(`" rows="2" placeholder="`)
		n.attr("reflect.placeholder")
		n.s(`"></textarea></li>`)
	}
	n.s("\n    </ol>\n  </section>\n  ")
}

// prevNext writes the links to the previous and the next page.
func (n *native) prevNext() {
	p := n.v.Page
	n.s("<nav class=\"prev-next\" aria-label=\"")
	n.attr("nav.prev_next")
	n.s("\">\n    ")
	if p.Prev != nil {
		n.wayLink(`<a class="prev" href="`, p.Prev.URL, `" rel="prev"><span>`, n.t("nav.prev"), p.Prev.Title)
	}
	n.s("\n    ")
	if p.Next != nil {
		n.wayLink(`<a class="next" href="`, p.Next.URL, `" rel="next"><span>`, n.t("nav.next"), p.Next.Title)
	}
	n.s("\n  </nav>")
}

// wayLink writes a link on to another page: open, the page's href, mid,
// the word that says which way, and the page's title.
func (n *native) wayLink(open, url, mid string, way template.HTML, title string) {
	n.s(open)
	n.rel(url)
	n.s(mid)
	n.html(way)
	n.s("</span>")
	n.esc(title)
	n.s("</a>")
}

// section writes section.html's main part.
func (n *native) section() {
	v, p := n.v, n.v.Page
	n.s("\n\n<article class=\"doc section-page\" aria-labelledby=\"page-title\">\n  <header class=\"doc-header\">\n    <h1 id=\"page-title\">")
	n.esc(p.Title)
	n.s("</h1>\n    ")
	n.lede(p.Lede)
	n.s("\n    ")
	if v.PrintURL != "" {
		n.s(`<p class="print-link"><a href="`)
		n.rel(v.PrintURL)
		n.s(`">`)
		n.html(n.t("section.print"))
		n.s("</a></p>")
	}
	n.s("\n    ")
	n.review(p.Review)
	n.s("\n  </header>\n  ")
	if v.Body != "" {
		n.s(`<div class="prose">`)
		n.html(v.Body)
		n.s("</div>")
	}
	n.s("\n  ")
	if len(p.Section.Children) > 0 {
		n.s(`<h2 id="in-this-section">`)
		n.html(n.t("section.children"))
		n.s("</h2>")
		n.pageList(p.Section.Children)
	}
	n.s("\n  ")
	n.prevNext()
	n.s("\n  ")
	n.source()
	n.s("\n</article>\n")
}

// pageList writes partials.html's pagelist.
func (n *native) pageList(pages []PageLink) {
	n.s("\n<ul class=\"card-list\">\n")
	h, err := sub{View: n.v, Pages: pages}.PageItems()
	n.fail(err)
	n.html(h)
	n.s("\n</ul>\n")
}

// review writes partials.html's review: who owns the page, when it was
// reviewed and when it is due.
func (n *native) review(rv Review) {
	if len(rv.Owners) == 0 && rv.Reviewed == "" {
		return
	}
	n.s("\n<p class=\"review-meta\">")
	if len(rv.Owners) > 0 {
		n.s("<span>")
		n.html(n.t("review.owners"))
		n.s(" ")
		for i, o := range rv.Owners {
			if i > 0 {
				n.s(", ")
			}
			n.s(`<a href="`)
			n.rel(o.URL)
			n.s(`">`)
			n.esc(o.Title)
			n.s("</a>")
		}
		n.s("</span>")
	}
	if rv.Reviewed != "" {
		n.s("<span>")
		n.html(n.t("review.reviewed", "date", showDate(n.ui, rv.Reviewed)))
		n.s("</span>")
	}
	n.s("</p>\n")
	if rv.Overdue {
		n.s(`<p class="review-due">`)
		n.html(n.t("review.due", "date", showDate(n.ui, rv.Due)))
		n.s("</p>")
	}
	n.s("\n")
}

// source writes partials.html's source: the links to edit the page and
// to its history.
func (n *native) source() {
	v := n.v
	if v.EditURL == "" && v.HistoryURL == "" {
		return
	}
	n.s(`<p class="edit">`)
	if v.EditURL != "" {
		n.s(`<a href="`)
		n.url(v.EditURL)
		n.s(`">`)
		n.html(n.t("source.edit"))
		n.s("</a>")
	}
	if v.EditURL != "" && v.HistoryURL != "" {
		n.s(" · ")
	}
	if v.HistoryURL != "" {
		n.s(`<a href="`)
		n.url(v.HistoryURL)
		n.s(`">`)
		n.html(n.t("source.history"))
		n.s("</a>")
	}
	n.s("</p>")
}

// pathBars writes partials.html's pathbars: where the page stands in
// each reading path it is a step of.
func (n *native) pathBars(steps []PathStep) {
	multi := len(steps) > 1
	n.s("\n\n")
	if multi {
		n.s(`<nav class="path-bar path-summary" aria-label="`)
		n.attr("path.bars")
		n.s("\">\n  <span>")
		n.html(n.t("path.step_in", "count", len(steps)))
		n.s("</span>\n  ")
		for _, st := range steps {
			n.s(`<a class="path-name" href="`)
			n.rel(st.Path.URL)
			n.s(`">`)
			n.esc(st.Path.Title)
			n.s(`</a> <span class="path-step">`)
			n.html(n.t("path.step_of_short", "step", st.Index+1, "steps", len(st.Path.Steps)))
			n.s("</span>")
		}
		n.s("\n</nav>")
	}
	n.s("\n")
	for _, st := range steps {
		n.pathBar(st, multi)
	}
	n.s("\n")
}

// pathBar writes one reading path's bar.
func (n *native) pathBar(st PathStep, hidden bool) {
	n.s("\n<nav class=\"path-bar\" aria-label=\"")
	n.attr("path.bar")
	n.pathData(st)
	if hidden {
		n.s(" hidden")
	}
	n.s(">\n  <a class=\"path-name\" href=\"")
	n.rel(st.Path.URL)
	n.s(`">`)
	n.esc(st.Path.Title)
	n.s("</a>\n  <span class=\"path-step\">")
	n.html(n.t("path.step_of", "step", st.Index+1, "steps", len(st.Path.Steps)))
	n.s("</span>\n  <span class=\"path-progress\" hidden><span class=\"path-progress-bar\"></span></span>\n  ")
	if next := st.Index + 1; next < len(st.Path.Steps) {
		to := st.Path.Steps[next]
		n.s(`<a class="path-next" href="`)
		n.rel(to.URL)
		n.s(`">`)
		n.html(n.t("path.next", "title", to.Title))
		n.s("</a>")
	} else {
		n.s(`<span class="path-next">`)
		n.html(n.t("path.last"))
		n.s("</span>")
	}
	n.s("\n</nav>\n")
}

// pathData writes the end of a path bar's or foot's aria-label and its
// data attributes.
func (n *native) pathData(st PathStep) {
	n.s(`" data-path="`)
	n.esc(st.Path.ID)
	n.s(`" data-step="`)
	n.num(st.Index)
	n.s(`" data-steps="`)
	n.num(len(st.Path.Steps))
	n.s(`"`)
}

// pathFoot writes partials.html's pathfoot: the way on to each reading
// path's next step.
func (n *native) pathFoot(steps []PathStep) {
	n.s("\n")
	for _, st := range steps {
		last := len(st.Path.Steps)
		n.s("\n<nav class=\"path-foot\" aria-label=\"")
		n.attr("path.foot")
		n.pathData(st)
		n.s(" hidden>\n  <p class=\"path-foot-where\">")
		name := link("path-name", n.v.rel(st.Path.URL), st.Path.Title)
		n.html(n.t("path.step_of_in", "step", st.Index+1, "steps", last, "path", name))
		n.s("</p>\n  <div class=\"prev-next\">\n  ")
		if st.Index != 0 {
			to := st.Path.Steps[st.Index-1]
			n.wayLink(`<a class="prev" rel="prev" href="`, to.URL, `"><span>`, n.t("path.prev_step"), to.Title)
		}
		n.s("\n  ")
		if next := st.Index + 1; next < last {
			to := st.Path.Steps[next]
			n.wayLink(`<a class="next" rel="next" href="`, to.URL, `"><span>`, n.t("path.next_step"), to.Title)
		} else {
			n.s(`<a class="next" href="`)
			n.rel(st.Path.URL)
			n.s(`"><span>`)
			n.html(n.t("path.last"))
			n.s("</span>")
			n.html(n.t("path.back"))
			n.s("</a>")
		}
		n.s("\n  </div>\n</nav>\n")
	}
	n.s("\n")
}

// print writes print.html's main part for the print view of one part of
// the handbook.
func (n *native) print() {
	v := n.v
	n.s("\n\n<article class=\"print-view\" aria-labelledby=\"page-title\">\n  <header class=\"doc-header\"><p class=\"eyebrow\">")
	n.esc(v.Site.Config.Title)
	n.s(`</p><h1 id="page-title">`)
	n.esc(v.Title)
	n.s("</h1>\n  <p class=\"no-print\"><button type=\"button\" class=\"print-button\" hidden>")
	n.html(n.t("print.button"))
	n.s("</button> ")
	n.html(n.t("print.hint"))
	n.s("</p></header>\n  <nav class=\"print-toc\" aria-label=\"")
	n.attr("print.contents")
	n.s("\"><h2 id=\"contents\">")
	n.html(n.t("print.contents"))
	n.s("</h2><ol>")
	n.printTOC(v.Print)
	for _, p := range v.Parts {
		if p.URL != "" {
			n.s(`<li class="depth-1"><a href="`)
			n.rel(p.URL)
			n.s(`">`)
			n.esc(p.Title)
			n.s("</a> ")
			n.html(n.t("print.on_its_own"))
			n.s("</li>")
		}
	}
	n.s("</ol></nav>\n  ")
	for _, p := range v.Parts {
		n.printPart(p)
	}
	n.s("\n  \n</article>\n")
}

// printTOC writes the print view's contents: a link to each entry.
func (n *native) printTOC(entries []PrintEntry) {
	for _, e := range entries {
		n.s(`<li class="depth-`)
		n.num(e.Depth)
		n.s(`"><a href="#`)
		writeURLPart(&n.b, e.ID)
		n.s(`">`)
		n.esc(e.Page.Title)
		n.s("</a></li>")
	}
}

// printPart writes one part of a print view: its own section and
// contents where it is a part of the handbook, and its pages.
func (n *native) printPart(p PrintPart) {
	own := p.ID != "" && p.URL == ""
	if own {
		n.s("\n  <section class=\"print-part\" id=\"")
		n.esc(p.ID)
		n.s(`" data-title="`)
		n.s(attrHTML(n.t("print.title", "site", p.Title)))
		n.s(" · ")
		n.esc(n.v.Site.Config.Title)
		n.s("\">\n  <nav class=\"print-toc print-part-toc\" aria-labelledby=\"")
		n.esc(p.ID)
		n.s(`-contents"><h2 id="`)
		n.esc(p.ID)
		n.s(`-contents">`)
		n.html(n.t("print.part_contents", "part", p.Title))
		n.s("</h2><ol>")
		n.printTOC(p.Entries)
		n.s("</ol></nav>\n  ")
	}
	n.s("\n  ")
	for _, e := range p.Entries {
		n.s("\n  <section class=\"print-page\" id=\"")
		n.esc(e.ID)
		n.s("\">\n    <h2 id=\"")
		n.esc(e.ID)
		n.s("-title\" class=\"print-title\">")
		n.esc(e.Page.Title)
		n.s("</h2>\n    ")
		n.lede(e.Page.Lede)
		n.s("\n    <div class=\"prose\">")
		n.fail(n.v.printEntry(&n.b, e))
		n.s("</div>\n  </section>\n  ")
		n.flush()
	}
	n.s("\n  ")
	if own {
		n.s("</section>")
	}
}
