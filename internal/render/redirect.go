package render

import (
	"html/template"
	"io"
	"net/url"
	"strings"

	"github.com/batonhq/baton/internal/handbook"
)

// redirectPage is the page written at an old URL. It is the same for every
// theme: it shows nothing of the handbook but the way on. The script goes
// first, keeping the fragment the reader came with (a static host never
// sees it) and, opened from the file system, naming a folder's index.html;
// the refresh is for readers without JavaScript, the link for those whose
// browser follows neither.
var redirectPage = template.Must(template.New("redirect").Parse(`<!doctype html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
<meta name="robots" content="noindex">
{{with .Canonical}}<link rel="canonical" href="{{.}}">
{{end -}}
<script>(function(){var t=location.protocol==="file:"?{{.File}}:{{.To}};if(location.hash&&t.indexOf("#")<0)t+=location.hash;location.replace(t)})()</script>
<meta http-equiv="refresh" content="0; url={{.To}}">
</head>
<body>
<p>{{.Moved}}</p>
</body>
</html>
`))

// redirect writes the redirect page of rd: links relative to its own URL,
// as every page's are, so the site works under any base path and from the
// file system.
func redirect(w io.Writer, site *handbook.Site, rd handbook.Redirect) error {
	to, file := rd.To, rd.To
	canonical := ""
	if !strings.HasPrefix(rd.To, "http://") && !strings.HasPrefix(rd.To, "https://") {
		dest, frag, _ := strings.Cut(rd.To, "#")
		u := url.URL{Path: Rel(rd.From, dest), Fragment: frag}
		to = u.String()
		if strings.HasSuffix(u.Path, "/") {
			u.Path += "index.html"
		}
		file = u.String()
		if site.Config.Absolute() {
			canonical = strings.TrimSuffix(site.Config.BaseURL, "/") + dest
		}
	}
	// The sentence is the site's words with the link in them, escaped
	// as the template would escape the link alone.
	moved := uiHTML(words(site).T("redirect.moved", placeholders([]any{"link", link("", to, rd.Title)})...))
	return redirectPage.Execute(w, struct {
		Lang, Title, To, File, Canonical string
		Moved                            template.HTML
	}{site.Config.Language, rd.Title, to, file, canonical, moved})
}
