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
	// plain keeps each string t printed without placeholders' values: a
	// page prints a dozen of them, the same on every page.
	var plain sync.Map
	return template.FuncMap{
		// jsWords are the strings the theme's scripts show, which read
		// them from the page, so that a script is one file for a site in
		// any language.
		"jsWords": func() (template.JS, error) { return js, jsErr },
		"t": func(key string, args ...any) (template.HTML, error) {
			if len(args) == 0 {
				if h, ok := plain.Load(key); ok {
					return h.(template.HTML), nil
				}
			}
			if err := check(key); err != nil {
				return "", err
			}
			h := uiHTML(ui.T(key, placeholders(args)...))
			if len(args) == 0 {
				plain.Store(key, h)
			}
			return h, nil
		},
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
