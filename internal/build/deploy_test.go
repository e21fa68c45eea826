package build_test

import (
	"html"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/build"
)

var locRE = regexp.MustCompile(`<loc>([^<]*)</loc>`)

// TestSubPath builds for a base URL with a path, as the S3 and GitLab
// recipes in docs/deploy.md do, and checks that nothing in the output
// leads outside it: every relative link resolves (crawl), 404.html's links,
// which start from the base path because servers show it at any depth,
// resolve under it, and the sitemap and robots.txt name URLs under the base
// that the output has.
func TestSubPath(t *testing.T) {
	const base = "https://x.example/pm/"
	for _, dir := range []string{"testdata/site", "../.."} {
		t.Run(dir, func(t *testing.T) {
			out := mustBuild(t, newBuilder(t, build.Options{BaseURL: base}), os.DirFS(dir))
			crawl(t, out)
			exists := func(u *url.URL) bool {
				p, ok := strings.CutPrefix(u.Path, "/pm/")
				if !ok {
					return false
				}
				if p == "" || strings.HasSuffix(p, "/") {
					p += "index.html"
				}
				_, ok = out[p]
				return ok
			}
			n := 0
			for _, m := range linkRE.FindAllStringSubmatch(string(out["404.html"]), -1) {
				u, err := url.Parse(html.UnescapeString(m[1]))
				if err != nil {
					t.Errorf("404.html: bad URL %q", m[1])
					continue
				}
				if u.Scheme != "" || u.Path == "" {
					continue // external, or a fragment of the page itself
				}
				n++
				if !exists(u) {
					t.Errorf("404.html: link %q does not lead to a file under /pm/", m[1])
				}
			}
			if n == 0 {
				t.Errorf("404.html has no links to check")
			}
			locs := locRE.FindAllStringSubmatch(string(out["sitemap.xml"]), -1)
			if len(locs) == 0 {
				t.Errorf("sitemap.xml lists no URLs")
			}
			for _, m := range locs {
				u, err := url.Parse(html.UnescapeString(m[1]))
				if err != nil || u.Scheme+"://"+u.Host+"/" != "https://x.example/" || !exists(u) {
					t.Errorf("sitemap.xml: %s is not a page of the output under %s", m[1], base)
				}
			}
			if robots := string(out["robots.txt"]); !strings.Contains(robots, "Sitemap: "+base+"sitemap.xml") {
				t.Errorf("robots.txt does not point at %ssitemap.xml:\n%s", base, robots)
			}
		})
	}
}

// TestSitemapNeedsAbsoluteBase writes sitemap.xml only for a base URL that
// names its host: crawlers reject relative locations, so a sitemap of paths
// would be wrong, not merely incomplete. robots.txt names it only then.
func TestSitemapNeedsAbsoluteBase(t *testing.T) {
	for _, base := range []string{"", "/", "/pm/"} {
		out := mustBuild(t, newBuilder(t, build.Options{BaseURL: base}), os.DirFS("testdata/site"))
		if s, ok := out["sitemap.xml"]; ok {
			t.Errorf("base %q: sitemap.xml written with relative locations:\n%.200s", base, s)
		}
		if robots := string(out["robots.txt"]); strings.Contains(robots, "Sitemap") {
			t.Errorf("base %q: robots.txt names a sitemap:\n%s", base, robots)
		}
	}
	out := mustBuild(t, newBuilder(t, build.Options{BaseURL: "https://x.example/"}), os.DirFS("testdata/site"))
	if !strings.Contains(string(out["sitemap.xml"]), "<loc>https://x.example/</loc>") {
		t.Errorf("base https://x.example/: sitemap.xml does not list the home page:\n%.300s", out["sitemap.xml"])
	}
}
