package render

import (
	"fmt"
	"html/template"
	"maps"
	"strings"
	"sync"
	"time"

	"github.com/batonhq/baton/internal/config"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/i18n"
)

// words are the site's UI strings (handbook.yaml's language and strings),
// English for a site whose configuration has none.
func words(site *handbook.Site) *i18n.Strings { return site.Config.Words() }

// scriptValue is v as html/template prints it as the content of a script
// element, made once: printed as a map, the scripts' strings were
// marshalled to JSON again on every page.
func scriptValue(v any) (template.JS, error) {
	const open, end = `<script type="application/json">`, `</script>`
	var b strings.Builder
	if err := template.Must(template.New("").Parse(open+"{{.}}"+end)).Execute(&b, v); err != nil {
		return "", fmt.Errorf("printing the scripts' strings: %w", err)
	}
	return template.JS(strings.TrimSuffix(strings.TrimPrefix(b.String(), open), end)), nil
}

// uiFuncs are the template functions that speak the site's language,
// bound to its strings: t (a string by key, with its placeholders as
// name, value pairs), tn (a plural message by key and count), date, and
// jsWords, the scripts' strings.
func uiFuncs(ui *i18n.Strings) template.FuncMap {
	check := func(key string) error { return checkWord(ui, key) }
	js, jsErr := scriptValue(ui.JS())
	plain := &plainWords{}
	return template.FuncMap{
		// jsWords are the strings the theme's scripts show, which read
		// them from the page, so that a script is one file for a site in
		// any language.
		"jsWords": func() (template.JS, error) { return js, jsErr },
		"t":       func(key string, args ...any) (template.HTML, error) { return plain.word(ui, key, args...) },
		"tn": func(key string, n int, args ...any) (template.HTML, error) {
			if err := check(key + ".other"); err != nil {
				return "", err
			}
			return uiHTML(ui.N(key, n, placeholders(args)...)), nil
		},
		// kindTitle and stageTitle name a responsibility's kind and
		// stage, ids of the model (.Site.Config.Model), in the site's
		// words.
		"kindTitle":  func(m ModelData, kind string) string { return title(m.Kinds, kind) },
		"stageTitle": func(m ModelData, stage string) string { return title(m.Stages, stage) },
		// date writes a YYYY-MM-DD date as pages show dates.
		"date": func(d string) string { return showDate(ui, d) },
	}
}

// showDate writes a YYYY-MM-DD date as pages show dates, in ui's words;
// anything else as it is.
func showDate(ui *i18n.Strings, d string) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return d
	}
	return ui.Date(t)
}

// checkWord is t's error for a key ui does not have, or nil.
func checkWord(ui *i18n.Strings, key string) error {
	if !ui.Has(key) {
		return fmt.Errorf("no UI string is called %q%s", key, diag.DidYouMean(key, i18n.Keys()))
	}
	return nil
}

// kindTitle is a kind of responsibility in ui's words: the model's name
// for it where the handbook names its kinds, else the catalog's word for
// the default kind, else its id.
func kindTitle(ui *i18n.Strings, m config.Model, kind string) string {
	if k := "kind." + kind; ui.Has(k) && m.KindTitle(kind) == config.DefaultModel().KindTitle(kind) {
		return ui.T(k)
	}
	return m.KindTitle(kind)
}

// stageTitle is a lifecycle stage in ui's words: the model's title where
// the handbook gives one of its own, else the catalog's word for the
// default stage, else the model's.
func stageTitle(ui *i18n.Strings, m config.Model, stage string) string {
	if k := "stage." + stage; ui.Has(k) && m.StageTitle(stage) == config.DefaultModel().StageTitle(stage) {
		return ui.T(k)
	}
	return m.StageTitle(stage)
}

// The markers that uiHTML turns back into a value's HTML: placeholders'
// values are escaped before they are filled in, and a catalog's text after,
// so that neither is escaped twice. Private-use characters: neither a
// catalog nor an override can hold them usefully.
const (
	argOpen  = "\uE000"
	argClose = "\uE001"
)

// placeholders marks each value of args, pairs of a name and a value, as
// HTML: a template.HTML is kept, anything else escaped as html/template
// escapes text, so a role's title shows the same bytes inside a string as
// beside one.
func placeholders(args []any) []any {
	out := make([]any, len(args))
	copy(out, args)
	for i := 1; i < len(out); i += 2 {
		out[i] = argOpen + string(asHTML(out[i])) + argClose
	}
	return out
}

// asHTML is v as HTML: a template.HTML as it is, anything else escaped.
func asHTML(v any) template.HTML {
	if h, ok := v.(template.HTML); ok {
		return h
	}
	return template.HTML(textEscaper.Replace(fmt.Sprint(v)))
}

// textEscaper escapes text as html/template does in an element's text.
var textEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// literalEscaper escapes a catalog's own text as the theme's templates
// wrote it: only what would be markup, so an apostrophe stays one.
var literalEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// uiHTML is a filled string as HTML: its own text escaped, `code` shown as
// code, and the placeholders' values (between the markers) as they are.
func uiHTML(s string) template.HTML {
	var b strings.Builder
	for s != "" {
		lit, rest, ok := strings.Cut(s, argOpen)
		b.WriteString(codeSpans(literalEscaper.Replace(lit)))
		if !ok {
			break
		}
		arg, after, _ := strings.Cut(rest, argClose)
		b.WriteString(arg)
		s = after
	}
	return template.HTML(b.String())
}

// codeSpans shows each `text` as <code>text</code>.
func codeSpans(s string) string {
	if !strings.Contains(s, "`") {
		return s
	}
	parts := strings.Split(s, "`")
	var b strings.Builder
	for i, p := range parts {
		switch {
		case i%2 == 0:
			b.WriteString(p)
		case i == len(parts)-1:
			b.WriteString("`" + p)
		default:
			b.WriteString("<code>" + p + "</code>")
		}
	}
	return b.String()
}

// link is an a element as an HTML value for a placeholder: the class,
// href and text escaped as html/template would (a text that is HTML
// already, t's, as it is).
func link(class, href string, text any) template.HTML {
	b := newHTMLBuilder(nil, 64)
	b.WriteString("<a")
	if class != "" {
		b.WriteString(` class="` + textEscaper.Replace(class) + `"`)
	}
	b.WriteString(` href="`)
	writeAttrURL(&b, href)
	b.WriteString(`">` + string(asHTML(text)) + `</a>`)
	return b.html()
}

// langFuncs are the functions of the default theme with uiFuncs bound to ui.
func langFuncs(ui *i18n.Strings) template.FuncMap {
	m := funcs()
	maps.Copy(m, uiFuncs(ui))
	return m
}

// plainWords keeps each UI string printed without placeholders' values,
// made once (a page prints a dozen of them, the same on every page): as
// t prints it, and as html/template prints that in a quoted attribute
// (writeNative).
type plainWords struct{ m sync.Map }

type plainWord struct {
	text template.HTML
	attr string
}

// plain is the UI string key, which has no placeholders.
func (w *plainWords) plain(ui *i18n.Strings, key string) (plainWord, error) {
	if pw, ok := w.m.Load(key); ok {
		return pw.(plainWord), nil
	}
	if err := checkWord(ui, key); err != nil {
		return plainWord{}, err
	}
	h := uiHTML(ui.T(key))
	pw := plainWord{h, attrHTML(h)}
	w.m.Store(key, pw)
	return pw, nil
}

// word is the theme's t: the UI string key with its placeholders filled
// from args (pairs of a name and a value), as HTML.
func (w *plainWords) word(ui *i18n.Strings, key string, args ...any) (template.HTML, error) {
	if len(args) == 0 {
		pw, err := w.plain(ui, key)
		return pw.text, err
	}
	if err := checkWord(ui, key); err != nil {
		return "", err
	}
	return uiHTML(ui.T(key, placeholders(args)...)), nil
}

// attrNorm is html/template's escaping of HTML printed into a quoted
// attribute once its tags are stripped: its entities are kept.
var attrNorm = strings.NewReplacer(
	"\x00", "\uFFFD",
	`"`, "&#34;",
	"'", "&#39;",
	"+", "&#43;",
	"<", "&lt;",
	">", "&gt;",
)

// attrTemplate prints HTML into a quoted attribute, for attrHTML.
var attrTemplate = template.Must(template.New("").Parse(`<p title="{{.}}">`))

// attrHTML is h as html/template prints it in a quoted attribute: its
// tags stripped and the rest escaped but its entities. HTML with a tag
// in it (a UI string with `code`) goes through html/template itself,
// whose tag stripping follows the HTML parser's states.
func attrHTML(h template.HTML) string {
	if !strings.Contains(string(h), "<") {
		return attrNorm.Replace(string(h))
	}
	var b strings.Builder
	if err := attrTemplate.Execute(&b, h); err != nil {
		return ""
	}
	return strings.TrimSuffix(strings.TrimPrefix(b.String(), `<p title="`), `">`)
}
