package config

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestCheckBaseURL accepts absolute http(s) URLs and paths, and refuses
// every spelling a browser reads as another host when the URL is used as a
// prefix (404.html loads its styles and scripts from the base URL's path).
func TestCheckBaseURL(t *testing.T) {
	good := map[string]string{
		"/":                          "/",
		"/pm":                        "/pm/",
		"/pm/":                       "/pm/",
		"https://x.example":          "https://x.example/",
		"https://x.example/pm":       "https://x.example/pm/",
		"http://localhost:8080/hb/":  "http://localhost:8080/hb/",
		"HTTPS://X.example/a%20b/":   "https://X.example/a%20b/",
		"/handbook/caf%C3%A9/":       "/handbook/caf%C3%A9/",
		"https://x.example/pm/guide": "https://x.example/pm/guide/",
		"/a%2Fb":                     "/a%2Fb/",
	}
	for in, want := range good {
		got, msg := CheckBaseURL(in)
		if msg != "" || got != want {
			t.Errorf("CheckBaseURL(%q) = %q, %q; want %q", in, got, msg, want)
		}
	}
	for _, in := range []string{
		"//evil.example/", "//evil.example", "///evil.example/", "/\\evil.example/", "\\\\evil.example/",
		"https:evil.example", "https:///pm/", "javascript:alert(1)//", "ftp://x.example/", "pm/", "",
		"https://user:pass@x.example/", "https://x.example/pm/?q=1", "https://x.example/#top",
		"/pm /", "/pm\t/", "/pm\n/", " https://x.example/",
	} {
		if got, msg := CheckBaseURL(in); msg == "" {
			t.Errorf("CheckBaseURL(%q) = %q, accepted; want it refused", in, got)
		}
	}
}

func TestIsAbsolute(t *testing.T) {
	for in, want := range map[string]bool{"/": false, "/pm/": false, "https://x.example/": true, "http://x.example/pm/": true} {
		if got := (Config{BaseURL: in}).Absolute(); got != want {
			t.Errorf("Config{BaseURL: %q}.Absolute() = %v, want %v", in, got, want)
		}
	}
}

// TestNoIndex: noindex takes only a boolean, and is off unless set.
func TestNoIndex(t *testing.T) {
	for src, want := range map[string]bool{"title: T\n": false, "title: T\nnoindex: true\n": true, "title: T\nnoindex: false\n": false} {
		c, diags := Decode([]byte(src))
		if diags.HasErrors() || c.NoIndex != want {
			t.Errorf("%q: NoIndex %v (%v), want %v", src, c.NoIndex, diags, want)
		}
	}
	if _, diags := Decode([]byte("title: T\nnoindex: yes please\n")); !diags.HasErrors() {
		t.Error(`noindex: "yes please" is accepted`)
	}
}

// TestLinkCheck: link_check: takes exclude patterns, a timeout and a TTL,
// with defaults when absent.
func TestLinkCheck(t *testing.T) {
	c, diags := Decode([]byte("title: T\n"))
	if len(diags) > 0 || c.LinkCheck.Timeout != DefaultLinkTimeout || c.LinkCheck.TTL != DefaultLinkTTL || c.LinkCheck.Exclude != nil {
		t.Errorf("no link_check: got %+v (%v), want the defaults", c.LinkCheck, diags)
	}
	if got := Default().LinkCheck; got.Timeout != DefaultLinkTimeout || got.TTL != DefaultLinkTTL {
		t.Errorf("Default().LinkCheck = %+v, want the defaults", got)
	}
	src := "title: T\nlink_check:\n  exclude: [https://intranet.example.com/, '*://localhost']\n  timeout: 30s\n  ttl: 7d\n"
	c, diags = Decode([]byte(src))
	if len(diags) > 0 {
		t.Fatalf("%q: %v", src, diags)
	}
	want := LinkCheck{Exclude: []string{"https://intranet.example.com/", "*://localhost"}, Timeout: 30 * time.Second, TTL: 7 * 24 * time.Hour}
	if diff := cmp.Diff(c.LinkCheck, want); diff != "" {
		t.Errorf("link_check (-got +want):\n%s", diff)
	}
	if got := want.BrokenTTL(); got != time.Hour {
		t.Errorf("BrokenTTL of a 7-day TTL = %s, want 1h", got)
	}
}

// TestLinkCheckErrors: each bad value of link_check: is an error at its
// place.
func TestLinkCheckErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"link_check:\n  exclude: https://x.example/\n", `content/handbook.yaml:3:12: "exclude" must be a list, not "https://x.example/"`},
		{"link_check:\n  exclude: [example.com/private]\n", `content/handbook.yaml:3:13: link_check exclude pattern "example.com/private" can match no link: it must start with http://, https:// or * (did you mean "https://example.com/private"?)`},
		{"link_check:\n  exclude: ['']\n", `content/handbook.yaml:3:13: link_check exclude pattern "" is empty`},
		{"link_check:\n  exclude:\n    - https://x.example/a b\n", `content/handbook.yaml:4:7: link_check exclude pattern "https://x.example/a b" has a space or a control character, which no URL has`},
		{"link_check:\n  timeout: soon\n", `content/handbook.yaml:3:12: link_check timeout must be a duration like 30s, 10m, 24h or 7d, not "soon"`},
		{"link_check:\n  timeout: 0s\n", `content/handbook.yaml:3:12: link_check timeout must be more than 0s and at most 5m0s, not 0s`},
		{"link_check:\n  timeout: 10h\n", `content/handbook.yaml:3:12: link_check timeout must be more than 0s and at most 5m0s, not 10h`},
		{"link_check:\n  ttl: -1h\n", `content/handbook.yaml:3:8: link_check ttl must not be negative, not -1h`},
		{"link_check:\n  exlude: []\n", `content/handbook.yaml:3:3: unknown key "exlude" in link_check (did you mean "exclude"?)`},
	} {
		_, diags := Decode([]byte("title: T\n" + c.src))
		var got []string
		for _, d := range diags {
			got = append(got, d.String())
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%q:\ngot  %q\nwant %q", c.src, got, c.want)
		}
	}
}

// TestExcludes: a pattern matches the start of a URL, ignoring case, with
// * for any run of characters but a slash.
func TestExcludes(t *testing.T) {
	lc := LinkCheck{Exclude: []string{"https://intranet.example.com/", "https://*.corp.example.com/", "*://localhost", "https://x.example/*/private", "https://a.example/(x)+"}}
	excludes := lc.Excluder()
	for url, want := range map[string]bool{
		"https://intranet.example.com/":              true,
		"https://intranet.example.com/a/b?c=1":       true,
		"HTTPS://Intranet.Example.com/A":             true,
		"http://intranet.example.com/":               false,
		"https://intranet.example.org/":              false,
		"https://wiki.corp.example.com/page":         true,
		"https://a.b.corp.example.com/":              true,
		"https://corp.example.com/":                  false,
		"http://localhost:8080/x":                    true,
		"https://localhost/":                         true,
		"https://example.com/?next=http://localhost": false,
		"https://x.example/team/private/notes":       true,
		"https://x.example/team/public":              false,
		"https://example.com/":                       false,
	} {
		if got := excludes(url); got != want {
			t.Errorf("Excludes(%q) = %v, want %v", url, got, want)
		}
	}
	if (LinkCheck{}).Excluder()("https://example.com/") {
		t.Error("no patterns exclude a URL")
	}
}

// TestStrings: language picks the theme's words, a region falling back to
// its base language; a language without a catalog is English with one
// warning where it is written; strings: overrides a word by key, and a key
// that does not exist or a value that breaks a placeholder is an error
// where it is written.
func TestStrings(t *testing.T) {
	for _, c := range []struct{ src, lang, want string }{
		{"", "en", ""},
		{"language: de\n", "de", ""},
		{"language: pt-BR\n", "pt", ""},
		{"language: de-CH\n", "de", ""},
		{"language: sw\n", "en", `content/handbook.yaml:2:11: warning: language "sw" has no translation of the theme's words: they are in English (baton has de, en, es, fr, ja, pt)`},
		{"strings:\n  search.placeholder: Find\n", "en", ""},
		{"strings:\n  search.placehlder: Find\n", "en", `content/handbook.yaml:3:3: strings: no string is called "search.placehlder" (did you mean "search.placeholder"?)`},
		{"strings:\n  tag.pages.other: \"{cont} pages\"\n", "en", `content/handbook.yaml:3:20: strings: tag.pages.other must keep the placeholder {count} (English: "{count} pages")`},
		{"strings:\n  nav.home: \"Home {site}\"\n", "en", `content/handbook.yaml:3:13: strings: nav.home has a placeholder {site} that it cannot fill (it can use none)`},
		{"strings:\n  nav.home: [a]\n", "en", `content/handbook.yaml:3:13: "nav.home" must be a string, not a list`},
		{"strings:\n  nav.home: A\n  nav.home: B\n", "en", `content/handbook.yaml:4:3: duplicate key "nav.home" (first set on line 3)`},
		{"strings: Home\n", "en", `content/handbook.yaml:2:10: "strings" must be a mapping of keys to values, not "Home"`},
	} {
		cfg, diags := Decode([]byte("title: T\n" + c.src))
		var got []string
		for _, d := range diags {
			got = append(got, d.String())
		}
		if c.want == "" && len(got) != 0 || c.want != "" && (len(got) != 1 || got[0] != c.want) {
			t.Errorf("%q:\ngot  %q\nwant %q", c.src, got, c.want)
		}
		if cfg.UI == nil || cfg.UI.Lang() != c.lang {
			t.Errorf("%q: catalog %v, want %s", c.src, cfg.UI, c.lang)
		}
	}
	cfg, _ := Decode([]byte("title: T\nstrings:\n  search.placeholder: Find\n"))
	if got := cfg.UI.T("search.placeholder"); got != "Find" {
		t.Errorf("search.placeholder is %q, want the override Find", got)
	}
	if got := Default().UI.T("search.placeholder"); got != "Search" {
		t.Errorf("without handbook.yaml, search.placeholder is %q, want Search", got)
	}
}
