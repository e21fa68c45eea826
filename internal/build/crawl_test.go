package build_test

import (
	"html"
	"net/url"
	"path"
	"regexp"
	"strings"
	"testing"
)

var (
	linkRE = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	idRE   = regexp.MustCompile(`\sid="([^"]*)"`)
)

// crawl checks, independently of the resolver that wrote them, that every
// relative link and image in every HTML file points at a file of the output
// and, with a fragment, at an element with that id.
func crawl(t *testing.T, out map[string][]byte) {
	t.Helper()
	ids := map[string]map[string]bool{}
	for p, data := range out {
		if strings.HasSuffix(p, ".html") {
			set := map[string]bool{}
			for _, m := range idRE.FindAllStringSubmatch(string(data), -1) {
				set[html.UnescapeString(m[1])] = true
			}
			ids[p] = set
		}
	}
	checked := 0
	for p, data := range out {
		if !strings.HasSuffix(p, ".html") || path.Base(p) == "404.html" {
			continue
		}
		for _, m := range linkRE.FindAllStringSubmatch(string(data), -1) {
			raw := html.UnescapeString(m[1])
			if strings.HasPrefix(raw, "javascript:") || strings.HasPrefix(raw, "data:") {
				t.Errorf("%s: script or data URL %q", p, raw)
				continue
			}
			u, err := url.Parse(raw)
			if err != nil {
				t.Errorf("%s: bad URL %q: %v", p, raw, err)
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				continue
			}
			if strings.HasPrefix(u.Path, "/") {
				t.Errorf("%s: link %q is not relative", p, raw)
				continue
			}
			target := p
			if u.Path != "" {
				target = path.Join(path.Dir(p), u.Path)
				if strings.HasSuffix(u.Path, "/") || u.Path == "." || u.Path == ".." {
					target = path.Join(target, "index.html")
				}
			}
			if strings.HasPrefix(target, "../") {
				t.Errorf("%s: link %q leaves the site", p, raw)
				continue
			}
			if _, ok := out[target]; !ok {
				t.Errorf("%s: link %q points at missing %s", p, raw, target)
				continue
			}
			if u.Fragment != "" && !ids[target][u.Fragment] {
				t.Errorf("%s: link %q names #%s, which %s lacks", p, raw, u.Fragment, target)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Errorf("crawl checked no links")
	}
}
