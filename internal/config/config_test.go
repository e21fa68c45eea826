package config

import "testing"

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
