// Package config reads handbook.yaml, the site configuration.
package config

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/i18n"
	"github.com/batonhq/baton/internal/strictyaml"
)

// File is where the configuration lives, relative to the site folder.
const File = "content/handbook.yaml"

// Config is the decoded site configuration.
type Config struct {
	Title       string `yaml:"title,required"`
	Description string `yaml:"description"`
	BaseURL     string `yaml:"base_url"`
	EditURL     string `yaml:"edit_url"`
	// HistoryURL links a page to its file's history, like EditURL.
	HistoryURL string `yaml:"history_url"`
	Language   string `yaml:"language"`
	// Languages, when it holds more than one, makes the handbook
	// multilingual: one site per language, read from content/<code>/,
	// the first at the root of the output and the others under /<code>/.
	// Language is then the first's code.
	Languages []Language
	// UI is the theme's words in Language, with handbook.yaml's strings:
	// over them (never nil from Default or Decode); strings are those
	// overrides, for each language's site of a multilingual handbook.
	UI         *i18n.Strings
	strings    strictyaml.Pairs
	UnsafeHTML bool `yaml:"unsafe_html"`
	// Links is how a broken link or anchor counts: LinksError or LinksWarn.
	Links string `yaml:"links"`
	// NoIndex asks search engines to leave the site out: robots.txt
	// disallows every page, and every page says noindex.
	NoIndex bool `yaml:"noindex"`
	// ReviewEvery is how often pages, roles and paths are due for review
	// (ParseEvery), or ""; ReviewEveryPos is where handbook.yaml sets it.
	ReviewEvery    string `yaml:"review_every"`
	ReviewEveryPos diag.Pos
	// RequireOwners makes a page, role or path without owners a finding
	// of baton check --stale.
	RequireOwners bool `yaml:"require_owners"`
	// Look is what the handbook changes of the theme's look, and Colours
	// its checked accent colours (empty: the theme's own).
	Look    Look
	Colours Colours
	// LinkCheck is how baton check --external checks links to other sites.
	LinkCheck LinkCheck
	// Model is the org's lifecycle stages, kinds of responsibility and
	// involvement letters (DefaultModel unless handbook.yaml sets them).
	Model Model
	// Strict is set for a handbook with handbook.yaml, one written for
	// baton: every page has front matter with a title, and a key baton does
	// not know is an error. A folder of Markdown written for another tool
	// is read leniently, and publishes with its broken links as warnings.
	Strict bool
	Pos    diag.Pos
}

// How a broken link or anchor counts.
const (
	LinksError = "error"
	LinksWarn  = "warn"
)

// Default is the configuration of a site without handbook.yaml: read
// leniently, broken links are warnings. Its Title is empty: the site takes
// its home page's title, or its layout's (handbook.Resolve).
func Default() Config {
	return Config{BaseURL: "/", Language: "en", UI: i18n.English(), Links: LinksWarn, LinkCheck: DefaultLinkCheck(), Model: DefaultModel()}
}

// DefaultTitle is a site's title when nothing gives one.
const DefaultTitle = "Handbook"

// Raw is handbook.yaml as written: the type strictyaml decodes it into,
// with positions, before Decode checks the values. The JSON schema of the
// file is derived from it.
type Raw struct {
	Title       strictyaml.Str `yaml:"title,required"`
	Description string         `yaml:"description"`
	BaseURL     strictyaml.Str `yaml:"base_url"`
	EditURL     strictyaml.Str `yaml:"edit_url"`
	HistoryURL  strictyaml.Str `yaml:"history_url"`
	Language    strictyaml.Str `yaml:"language"`
	// Languages are the language tags of a multilingual handbook, the
	// default first.
	Languages   []RawLanguage  `yaml:"languages"`
	UnsafeHTML  bool           `yaml:"unsafe_html"`
	Links       strictyaml.Str `yaml:"links"`
	NoIndex     bool           `yaml:"noindex"`
	ReviewEvery strictyaml.Str `yaml:"review_every"`
	// RequireOwners makes a page, role or path without owners a finding
	// of baton check --stale.
	RequireOwners bool         `yaml:"require_owners"`
	Theme         Look         `yaml:"theme"`
	LinkCheck     RawLinkCheck `yaml:"link_check"`
	Model         RawModel     `yaml:"model"`
	// Strings overrides the theme's words by key (internal/i18n).
	Strings strictyaml.Pairs `yaml:"strings"`
	Pos     diag.Pos
}

// Decode reads handbook.yaml and checks its values.
func Decode(src []byte) (Config, diag.List) {
	c := Config{}
	var raw Raw
	diags := strictyaml.Decode(File, src, 0, &raw)
	c = Config{
		Title:          strings.TrimSpace(raw.Title.Value),
		Description:    raw.Description,
		BaseURL:        raw.BaseURL.Value,
		EditURL:        raw.EditURL.Value,
		HistoryURL:     raw.HistoryURL.Value,
		Language:       raw.Language.Value,
		UI:             i18n.English(),
		UnsafeHTML:     raw.UnsafeHTML,
		Links:          raw.Links.Value,
		NoIndex:        raw.NoIndex,
		ReviewEvery:    raw.ReviewEvery.Value,
		ReviewEveryPos: raw.ReviewEvery.Pos,
		RequireOwners:  raw.RequireOwners,
		Look:           raw.Theme,
		LinkCheck:      decodeLinkCheck(raw.LinkCheck, &diags),
		Model:          decodeModel(raw.Model, &diags),
		Strict:         true,
		Pos:            raw.Pos,
	}
	if c.Language == "" {
		c.Language = "en"
	}
	if c.BaseURL == "" {
		c.BaseURL = "/"
	}
	switch c.Links {
	case "":
		c.Links = LinksError
	case LinksError, LinksWarn:
	default:
		diags.Errorf(raw.Links.Pos, "links must be %q or %q, not %q", LinksError, LinksWarn, c.Links)
		c.Links = LinksError
	}
	if diags.HasErrors() {
		return c, diags
	}
	if c.Title == "" {
		diags.Errorf(raw.Title.Pos, "title must not be empty")
	}
	if u, err := CheckBaseURL(c.BaseURL); err != "" {
		diags.Errorf(raw.BaseURL.Pos, "base_url %s", err)
	} else {
		c.BaseURL = u
	}
	c.Colours = checkLook(raw.Theme, &diags)
	if c.ReviewEvery != "" {
		if _, err := ParseEvery(c.ReviewEvery); err != nil {
			diags.Errorf(raw.ReviewEvery.Pos, "%v", err)
		}
	}
	checkPathURL(raw.EditURL, "edit_url", "https://github.com/acme/handbook/edit/main/{path}", &diags)
	checkPathURL(raw.HistoryURL, "history_url", "https://github.com/acme/handbook/commits/main/{path}", &diags)
	c.words(raw, &diags)
	return c, diags
}

// Words are the theme's words in the handbook's language: UI, or English
// for a Config made by hand without them.
func (c Config) Words() *i18n.Strings {
	if c.UI == nil {
		return i18n.English()
	}
	return c.UI
}

// words checks language: and languages:, and gives c the theme's words in
// its language, with strings: over them, and the default model's words
// in it too.
func (c *Config) words(raw Raw, diags *diag.List) {
	lang := raw.Language
	for _, r := range c.Language {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			diags.Errorf(raw.Language.Pos, "language %q is not a language tag like en or pt-BR", c.Language)
			lang.Value = "en"
			break
		}
	}
	c.Languages = decodeLanguages(raw, diags)
	if lang.Value == "" {
		lang.Value = "en"
	}
	if len(c.Languages) > 0 {
		c.Language = c.Languages[0].Code
		lang.Value = c.Languages[0].Code
	}
	ui, d := i18n.For(lang, raw.Strings)
	c.UI = ui
	c.strings = raw.Strings
	c.Model = c.Model.Localised(ui)
	diags.Append(d)
}

// CheckBaseURL normalises a base URL (an absolute http(s) URL or a path
// starting with a single /) to end with a slash. It returns a message when
// the URL cannot be used. Pages link from the base URL's path (404.html
// loads its styles and scripts from it), so nothing a browser would read as
// another host passes: no //host, no backslash (browsers read /\ as //), no
// spaces or control characters, no user name or password.
func CheckBaseURL(s string) (string, string) {
	const want = "must be an http(s) URL like https://handbook.example.com/pm/ or a path like /pm/"
	if strings.ContainsFunc(s, func(r rune) bool { return r <= ' ' || r == 0x7f || r == '\\' }) {
		return "", want + " (it has a space, a control character or a backslash)"
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", "is not a URL: " + err.Error()
	}
	switch {
	case u.Scheme == "" && (u.Host != "" || strings.HasPrefix(s, "//")):
		return "", want + " (//host is another site)"
	case u.Scheme == "" && !strings.HasPrefix(u.Path, "/"):
		return "", want
	case u.Scheme != "" && (u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.Opaque != ""):
		return "", want
	case u.User != nil:
		return "", "must not hold a user name or password"
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "":
		return "", "must not have a query or fragment"
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
		if u.RawPath != "" {
			u.RawPath += "/"
		}
	}
	return u.String(), ""
}

// Absolute reports whether the base URL names its host, as a sitemap's
// locations must.
func (c Config) Absolute() bool {
	return strings.HasPrefix(c.BaseURL, "https://") || strings.HasPrefix(c.BaseURL, "http://")
}

var everyRE = regexp.MustCompile(`^([1-9][0-9]{0,3})(d|w|mo|y)$`)

// ParseEvery reads a review interval: a number and a unit, d (days), w
// (weeks), mo (months) or y (years), like 90d or 6mo. It returns the
// function that adds the interval to a date.
func ParseEvery(s string) (func(time.Time) time.Time, error) {
	m := everyRE.FindStringSubmatch(s)
	if m == nil {
		return nil, fmt.Errorf("review_every %q is not an interval like 90d, 2w, 6mo or 1y", s)
	}
	n, _ := strconv.Atoi(m[1])
	switch m[2] {
	case "d":
		return func(t time.Time) time.Time { return t.AddDate(0, 0, n) }, nil
	case "w":
		return func(t time.Time) time.Time { return t.AddDate(0, 0, 7*n) }, nil
	case "mo":
		return func(t time.Time) time.Time { return t.AddDate(0, n, 0) }, nil
	}
	return func(t time.Time) time.Time { return t.AddDate(n, 0, 0) }, nil
}

// checkPathURL checks a link to a file's page on a git host: an http(s)
// URL with {path} where the file's path goes.
func checkPathURL(v strictyaml.Str, key, example string, diags *diag.List) {
	if v.Value == "" {
		return
	}
	u, err := url.Parse(strings.ReplaceAll(v.Value, "{path}", "x"))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || !strings.Contains(v.Value, "{path}") {
		diags.Errorf(v.Pos, "%s must be an http(s) URL containing {path}, like %s", key, example)
	}
}
