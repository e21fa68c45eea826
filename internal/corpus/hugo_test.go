package corpus_test

import (
	"bytes"
	"flag"
	"html"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/corpus"
)

var hugoBins = flag.String("hugo", "hugo", "comma-separated Hugo `binaries` TestHugoTwin builds with (this machine: hugo,/work/bin/hugo); a missing one is skipped")

// TestHugoTwin builds every shape's Hugo twin with each Hugo given and
// expects no error or warning, and every link and image in the output,
// and every fragment, to resolve: the twin is the same handbook, so Hugo
// is measured on the same content baton is.
func TestHugoTwin(t *testing.T) {
	for _, bin := range strings.Split(*hugoBins, ",") {
		t.Run(bin, func(t *testing.T) {
			p, err := exec.LookPath(bin)
			if err != nil {
				t.Skipf("%s not found: Hugo twin not built (apt-get install hugo)", bin)
			}
			version, _ := exec.Command(p, "version").Output()
			t.Logf("%s", version)
			for _, shape := range corpus.Shapes() {
				t.Run(string(shape), func(t *testing.T) {
					dir := t.TempDir()
					if err := corpus.WriteDir(dir, corpus.Hugo(corpus.Options{Pages: 240, Seed: 4, Shape: shape})); err != nil {
						t.Fatal(err)
					}
					cmd := exec.Command(p)
					cmd.Dir = dir
					cmd.Env = append(os.Environ(), "HUGO_CACHEDIR="+t.TempDir())
					out, err := cmd.CombinedOutput()
					if err != nil || strings.Contains(string(out), "WARN") || strings.Contains(string(out), "ERROR") {
						t.Fatalf("hugo in %s: %v\n%s", dir, err, out)
					}
					checkLinks(t, filepath.Join(dir, "public"))
					if shape == corpus.Flat {
						checkSidebar(t, filepath.Join(dir, "public"))
					}
				})
			}
		})
	}
}

var (
	linkAttr = regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	styles   = regexp.MustCompile(`(?s)<style>.*?</style>`)
	idAttr   = regexp.MustCompile(`id="([^"]*)"`)
)

// checkLinks fails on every link or image in the HTML files under out that
// does not lead to a file, or whose fragment names no id in it.
func checkLinks(t *testing.T, out string) {
	t.Helper()
	ids := map[string]map[string]bool{}
	idsOf := func(file string) map[string]bool {
		if m, ok := ids[file]; ok {
			return m
		}
		m := map[string]bool{}
		if b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(file))); err == nil {
			for _, x := range idAttr.FindAllStringSubmatch(string(b), -1) {
				m[html.UnescapeString(x[1])] = true
			}
		}
		ids[file] = m
		return m
	}
	links, bad := 0, 0
	exists := map[string]bool{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		file := filepath.ToSlash(rel)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		// The theme's style rule names the page's own URL in a selector.
		b = styles.ReplaceAll(b, nil)
		for _, m := range linkAttr.FindAllStringSubmatch(string(b), -1) {
			raw := html.UnescapeString(m[1])
			u, err := url.Parse(raw)
			if err != nil || u.Scheme != "" || u.Host != "" {
				continue
			}
			links++
			target := file
			if u.Path != "" {
				if strings.HasPrefix(u.Path, "/") {
					target = path.Clean(strings.TrimPrefix(u.Path, "/"))
				} else {
					target = path.Join(path.Dir(file), u.Path)
				}
				if info, err := os.Stat(filepath.Join(out, filepath.FromSlash(target))); err == nil && info.IsDir() {
					target = path.Join(target, "index.html")
				}
			}
			problem := ""
			ok, seen := exists[target]
			if !seen {
				_, err := os.Stat(filepath.Join(out, filepath.FromSlash(target)))
				ok = err == nil
				exists[target] = ok
			}
			if !ok {
				problem = "no file " + target
			} else if u.Fragment != "" && !idsOf(target)[u.Fragment] {
				problem = "no id " + u.Fragment + " in " + target
			}
			if problem != "" {
				if bad++; bad <= 20 {
					t.Errorf("%s: link %q: %s", file, raw, problem)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if bad > 20 {
		t.Errorf("%d broken links in all", bad)
	}
	if links < 1000 {
		t.Errorf("only %d links checked in %s", links, out)
	}
}

var sidebar = regexp.MustCompile(`(?s)<nav class="sidebar"[^>]*>(.*?)</nav>`)

// checkSidebar expects a flat corpus's page (240 pages, 12 a folder) to
// list its folder's 12 pages and every top folder, and to mark itself, as
// baton's sidebar does.
func checkSidebar(t *testing.T, out string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, "playbooks", "s03", "p00040", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := sidebar.FindSubmatch(b)
	if m == nil {
		t.Fatalf("no sidebar in playbooks/s03/p00040/index.html")
	}
	nav := string(m[1])
	if got := strings.Count(nav, `href="/playbooks/s03/p`); got != 12 {
		t.Errorf("sidebar of playbooks/s03/p00040 lists %d pages of its folder, want 12", got)
	}
	if got := strings.Count(nav, `href="/playbooks/s`) - strings.Count(nav, `href="/playbooks/s03/p`); got != 20 {
		t.Errorf("sidebar of playbooks/s03/p00040 lists %d folders, want 20", got)
	}
	if !bytes.Contains(b, []byte(`.sidebar a[href="\2fplaybooks\2fs03\2fp00040\2f "]`)) {
		t.Errorf("playbooks/s03/p00040 does not mark itself in its sidebar")
	}
}
