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
