package build_test

// Hostile input: each test writes a real site folder in t.TempDir() and
// builds it through os.DirFS, as `baton build` does. The build must finish
// (every wait below is a generous bound against a hang, not a speed
// target), never panic, and report each problem as a positioned
// diagnostic; a build with an error writes nothing. docs/reliability.md
// maps the failure modes these tests rule out to their names.

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/source"
	"github.com/batonhq/baton/internal/strictyaml"
)

// writeSite writes files into a new site folder and returns it. A site
// without content/handbook.yaml gets one, so it is read as a baton
// handbook, strictly: these tests hold what baton's own handbooks get.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if _, ok := files["content/handbook.yaml"]; !ok {
		files = maps.Clone(files)
		files["content/handbook.yaml"] = "title: Handbook\n"
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// buildDir builds a site folder, failing the test if the build does not
// return within a generous bound (a hang) or panics.
func buildDir(t *testing.T, dir string) (*build.Result, diag.List) {
	t.Helper()
	type out struct {
		res   *build.Result
		diags diag.List
	}
	done := make(chan out, 1)
	b := newBuilder(t, build.Options{})
	go func() {
		res, diags := b.Build(context.Background(), os.DirFS(dir))
		done <- out{res, diags}
	}()
	select {
	case o := <-done:
		return o.res, o.diags
	case <-time.After(2 * time.Minute):
		t.Fatalf("build of %s did not finish", dir)
	}
	return nil, nil
}

// wantDiags builds dir, wants it to fail, and wants each of want to be a
// prefix of some diagnostic line (so "content/x.md:3:7: text").
func wantDiags(t *testing.T, dir string, want ...string) diag.List {
	t.Helper()
	res, diags := buildDir(t, dir)
	if res != nil {
		t.Errorf("build succeeded; want errors %q", want)
	}
	var lines []string
	for _, d := range diags {
		lines = append(lines, d.String())
	}
	for _, w := range want {
		found := false
		for _, l := range lines {
			if strings.HasPrefix(l, w) {
				found = true
			}
		}
		if !found {
			t.Errorf("no diagnostic starts with %q; got:\n%s", w, strings.Join(lines, "\n"))
		}
	}
	return diags
}

const fm = "---\ntitle: %s\n---\n%s\n"

func joinDiags(l diag.List) string {
	var lines []string
	for _, d := range l {
		lines = append(lines, d.String())
	}
	return strings.Join(lines, "\n")
}

func TestYAMLBombsAndTraps(t *testing.T) {
	lol := "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	for i, c := range "bcdefghi" {
		prev := string("abcdefghi"[i])
		lol += fmt.Sprintf("%c: &%c [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n", c, c, prev, prev, prev, prev, prev, prev, prev, prev, prev)
	}
	var keys strings.Builder
	keys.WriteString("title: Many keys\nsummary: s\n")
	for i := range 100_000 {
		fmt.Fprintf(&keys, "k%d: x\n", i)
	}
	cases := []struct {
		name, file, body, want string
	}{
		{"billion laughs in a role", "content/roles/bomb.yaml", lol, "content/roles/bomb.yaml:1:4: YAML anchors and aliases are not supported"},
		{"billion laughs in front matter", "content/bomb.md", "---\n" + lol + "---\nBody.\n", "content/bomb.md:2:4: YAML anchors and aliases are not supported"},
		{"billion laughs in handbook.yaml", "content/handbook.yaml", lol, "content/handbook.yaml:1:4: YAML anchors and aliases are not supported"},
		{"billion laughs in a path", "content/paths/bomb.yaml", lol, "content/paths/bomb.yaml:1:4: YAML anchors and aliases are not supported"},
		{"self-referencing anchor", "content/roles/self.yaml", "a: &x {b: *x}\n", "content/roles/self.yaml:1:"},
		{"merge key", "content/roles/merge.yaml", "title: x\n<<: {summary: s}\n", "content/roles/merge.yaml:2:1: YAML merge keys"},
		{"deep nesting", "content/roles/deep.yaml", "title: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n", "content/roles/deep.yaml:"},
		{"deep block nesting", "content/roles/block.yaml", deepBlock(5000), "content/roles/block.yaml:"},
		{"100,000 keys", "content/roles/keys.yaml", keys.String(), "content/roles/keys.yaml:3:1: unknown key \"k0\""},
		{"go-yaml panic input", "content/roles/panic.yaml", "{{},<<}\n", "content/roles/panic.yaml:1:"},
		{"go-yaml#666 input", "content/roles/p666.yaml", "#\n- - '\n", "content/roles/p666.yaml:"},
		{"over strictyaml's size cap", "content/big.md", "---\ntitle: Big\nsummary: " + strings.Repeat("x", strictyaml.MaxSize) + "\n---\n", "content/big.md:2:1: YAML is"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := writeSite(t, map[string]string{c.file: c.body, "content/ok.md": fmt.Sprintf(fm, "OK", "Fine.")})
			wantDiags(t, dir, c.want)
		})
	}
}

func deepBlock(n int) string {
	var b strings.Builder
	b.WriteString("title: t\nsummary: s\nowns:\n")
	for i := range n {
		b.WriteString(strings.Repeat(" ", i+1))
		b.WriteString("- \n")
	}
	return b.String()
}

// TestBrokenFrontMatter wants each kind of broken front matter reported at
// its line in the file, not in the YAML block.
func TestBrokenFrontMatter(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"unclosed fence", "---\ntitle: x\n", "content/x.md:1:1: front matter opened on line 1 is never closed with ---"},
		{"tab indent", "---\ntitle: x\n\tsummary: y\n---\n", "content/x.md:3:1: invalid YAML: found a tab character"},
		{"colon in a plain value", "---\ntitle: a: b\n---\n", "content/x.md:2:1: invalid YAML: mapping values are not allowed in this context"},
		{"unterminated quote", "---\ntitle: \"abc\n---\n", "content/x.md:"},
		{"bracket at the end", "---\ntitle: [\n---\n", "content/x.md:"},
		{"duplicate key", "---\ntitle: A\nsummary: s\ntitle: B\n---\n", "content/x.md:4:1: duplicate key \"title\" (first set on line 2)"},
		{"misspelled key", "---\ntitle: A\ntitel: B\n---\n", "content/x.md:3:1: unknown key \"titel\" (did you mean \"title\"?)"},
		{"a list, not a mapping", "---\n- a\n---\n", "content/x.md:2:1: the file must be a mapping"},
		{"TOML fence", "+++\ntitle = \"x\"\n+++\n", "content/x.md:1:1: a page needs front matter"},
		{"empty title", "---\ntitle:\n---\n", "content/x.md:2:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantDiags(t, writeSite(t, map[string]string{"content/x.md": c.src}), c.want)
		})
	}
}

// TestFrontMatterDelimiters wants every spelling of the same front matter
// to build the same page.
func TestFrontMatterDelimiters(t *testing.T) {
	var first map[string][]byte
	for _, src := range []string{
		"---\ntitle: Same\n---\nBody text.\n",
		"---\r\ntitle: Same\r\n---\r\nBody text.\r\n",
		"\ufeff---\ntitle: Same\n---\nBody text.\n",
		"--- \ntitle: Same\n---\t\nBody text.\n",
		"---\ntitle: Same\n...\nBody text.\n",
	} {
		dir := writeSite(t, map[string]string{"content/p.md": src})
		res, diags := buildDir(t, dir)
		if res == nil {
			t.Fatalf("%q: %v", src, diags)
		}
		out := files(t, os.DirFS(dir), res)
		for p, data := range out {
			if bytes.Contains(data, []byte("\ufeff")) {
				t.Errorf("%q: %s holds a byte order mark", src, p)
			}
		}
		page := out["p/index.html"]
		if !bytes.Contains(page, []byte("Body text.")) || !bytes.Contains(page, []byte("<title>Same")) {
			t.Errorf("%q: page lacks its title or body", src)
		}
		if first == nil {
			first = out
		} else if !bytes.Equal(first["p/index.html"], page) {
			t.Errorf("%q builds a different page than the plain spelling", src)
		}
	}
}

func TestInvalidUTF8(t *testing.T) {
	utf16 := []byte{0xff, 0xfe}
	for _, r := range "---\ntitle: x\n---\n" {
		utf16 = append(utf16, byte(r), 0)
	}
	cases := []struct{ name, file, body, want string }{
		{"Latin-1 body", "content/latin1.md", "---\ntitle: Caf\xe9\n---\n", "content/latin1.md:2:11: invalid UTF-8"},
		{"Latin-1 in the body", "content/body.md", "---\ntitle: x\n---\nna\xefve\n", "content/body.md:4:3: invalid UTF-8"},
		{"UTF-16 with a byte order mark", "content/utf16.md", string(utf16), "content/utf16.md:1:1: invalid UTF-8"},
		{"role", "content/roles/r.yaml", "title: R\xff\nsummary: s\n", "content/roles/r.yaml:1:9: invalid UTF-8"},
		{"handbook.yaml", "content/handbook.yaml", "title: \xc3\x28\n", "content/handbook.yaml:1:8: invalid UTF-8"},
		{"page file name", "content/\xff.md", "---\ntitle: x\n---\n", "content/\xff.md: the name is not valid UTF-8"},
		{"static file name", "content/static/\xfe.png", "png", "content/static/\xfe.png: the name is not valid UTF-8"},
		{"folder name", "content/\xfe/p.md", "---\ntitle: x\n---\n", "content/\xfe: the name is not valid UTF-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantDiags(t, writeSite(t, map[string]string{c.file: c.body, "content/ok.md": fmt.Sprintf(fm, "OK", "Fine.")}), c.want)
		})
	}
}

// TestOversizedFilesNotRead makes 100 MB files (sparse, so the disk holds
// almost nothing) where baton reads Markdown, YAML and theme files, and
// wants each rejected by its size, with the file named, without reading it:
// the whole build allocates far less than one of them.
func TestOversizedFilesNotRead(t *testing.T) {
	const size = 100 << 20
	dir := writeSite(t, map[string]string{"content/ok.md": fmt.Sprintf(fm, "OK", "Fine.")})
	for _, name := range []string{"content/big.md", "content/roles/big.yaml", "content/handbook.yaml", "layouts/page.html"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	diags := wantDiags(t, dir,
		"content/big.md: file is 104857600 bytes;",
		"content/roles/big.yaml: file is 104857600 bytes;",
		"content/handbook.yaml: file is 104857600 bytes;",
		"layouts/page.html: file is 104857600 bytes;")
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 40<<20 {
		t.Errorf("the build allocated %d MB: the big files were read", alloc>>20)
	}
	_ = diags
}

// TestGrowingFileNotReadPastCap: a file that is small when the walk sees
// it and large when it is read is still cut off at the cap (a FIFO stands
// in for a file that grows: it is never opened at all).
func TestSpecialFilesNotOpened(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/ok.md": fmt.Sprintf(fm, "OK", "Fine.")})
	if err := mkfifo(filepath.Join(dir, "content", "pipe.md")); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	// Reading a FIFO with no writer blocks forever: the build must not.
	res, diags := buildDir(t, dir)
	if res == nil {
		t.Fatalf("build failed: %v", diags)
	}
	if got := joinDiags(diags); !strings.Contains(got, "content/pipe.md: warning: named pipe not read") {
		t.Errorf("no warning for the pipe; got %q", got)
	}
}

// TestSymlinksNotFollowed puts symbolic links in content/ and layouts/
// that lead outside the site, up the tree, and into a loop. None is
// followed: each is a warning naming the link, the walk ends, and not one
// byte of a target reaches the output.
func TestSymlinksNotFollowed(t *testing.T) {
	outside := t.TempDir()
	secret := "SECRET-" + filepath.Base(outside)
	for name, body := range map[string]string{
		"secret.md":       "---\ntitle: " + secret + "\n---\n" + secret + "\n",
		"id_rsa":          secret,
		"img/leak.png":    secret,
		"theme/page.html": secret,
	} {
		p := filepath.Join(outside, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir := writeSite(t, map[string]string{"content/ok.md": fmt.Sprintf(fm, "OK", "Fine.")})
	links := map[string]string{
		"content/secret.md":      filepath.Join(outside, "secret.md"),
		"content/static/key.txt": filepath.Join(outside, "id_rsa"),
		"content/static/img":     filepath.Join(outside, "img"),
		"content/up":             "../..",
		"content/loop":           ".",
		"layouts/page.html":      filepath.Join(outside, "theme/page.html"),
		"content/passwd.md":      "/etc/passwd",
	}
	for name, target := range links {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	res, diags := buildDir(t, dir)
	if res == nil {
		t.Fatalf("build failed: %v", diags)
	}
	for name, target := range links {
		want := name + ": warning: symbolic link to " + target + " not followed"
		if !strings.Contains(joinDiags(diags), want) {
			t.Errorf("no warning %q; got:\n%s", want, diags)
		}
	}
	for p, data := range files(t, os.DirFS(dir), res) {
		if bytes.Contains(data, []byte(secret)) || bytes.Contains(data, []byte("root:x:0:0")) {
			t.Errorf("%s holds bytes of a link's target", p)
		}
	}
	// Even through the loader alone, a loop cannot trap the walk.
	if _, err := source.Load(os.DirFS(dir)); err != nil {
		t.Errorf("load: %v", err)
	}
}

// TestCollisionsUpToCaseAndNormalForm: two sources whose URLs differ only
// in case or Unicode normal form would overwrite each other on macOS and
// Windows and break links on a case-sensitive host; so would a file and a
// folder of one name. Each is an error naming both sources.
func TestCollisionsUpToCaseAndNormalForm(t *testing.T) {
	page := func(title string) string { return fmt.Sprintf(fm, title, "Text.") }
	cases := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"case", map[string]string{"content/Guide.md": page("G1"), "content/guide.md": page("G2")},
			"content/guide.md:2:1: content/guide.md and content/Guide.md both map to the URL /guide/"},
		{"NFC and NFD", map[string]string{"content/caf\u00e9.md": page("C1"), "content/cafe\u0301.md": page("C2")},
			"content/caf\u00e9.md:2:1: content/caf\u00e9.md and content/cafe\u0301.md both map to the URL /caf\u00e9/"},
		{"slug case", map[string]string{"content/api.md": page("A1"), "content/x.md": "---\ntitle: A2\nslug: API\n---\n"},
			"content/x.md:2:1: content/x.md and content/api.md both map to the URL /api/"},
		{"folders", map[string]string{"content/Sub/a.md": page("S1"), "content/sub/a.md": page("S2")},
			"content/sub/a.md:2:1: content/sub/a.md and content/Sub/a.md both map to the URL /sub/a/"},
		{"static case", map[string]string{"content/static/img/Logo.png": "1", "content/static/img/logo.png": "2", "content/ok.md": page("OK")},
			"content/static/img/logo.png: content/static/img/logo.png and content/static/img/Logo.png both map to the URL /img/logo.png"},
		{"static NFD", map[string]string{"content/static/\u00e9.png": "1", "content/static/e\u0301.png": "2", "content/ok.md": page("OK")},
			"content/static/\u00e9.png: content/static/\u00e9.png and content/static/e\u0301.png both map to the URL /\u00e9.png"},
		{"a file where a page needs a folder", map[string]string{"content/static/ok": "file", "content/ok.md": page("OK")},
			"content/static/ok: content/static/ok and content/ok.md both map to the URL /ok"},
		{"a page where the sitemap is", map[string]string{"content/sitemap.xml.md": page("S")},
			"content/sitemap.xml.md:2:1: content/sitemap.xml.md and the sitemap both map to the URL /sitemap.xml/"},
		{"a static file where a page goes", map[string]string{"content/static/a/index.html": "x", "content/a.md": page("A")},
			"content/static/a/index.html: a generated page and content/static/a/index.html both write a/index.html"},
		{"a static file where the theme goes", map[string]string{"content/static/_baton/Style.css": "x", "content/a.md": page("A")},
			"content/static/_baton/Style.css: content/static/_baton/Style.css and a generated page both write _baton/style.css"},
		{"a static file where the search page goes", map[string]string{"content/static/Search/index.html": "x", "content/a.md": page("A")},
			"content/static/Search/index.html:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantDiags(t, writeSite(t, c.files), c.want)
		})
	}
}

// TestReservedNames: a page may not take a URL baton generates.
func TestReservedNames(t *testing.T) {
	for _, name := range []string{"search", "print", "roles", "tags", "paths", "responsibilities", "robots.txt", "404.html", "sitemap.xml", "_baton/x"} {
		t.Run(name, func(t *testing.T) {
			want := "content/" + name + ".md:2:1: "
			if name == "_baton/x" {
				want = "content/_baton: the section content/_baton and baton's theme assets both map to the URL /_baton/"
			}
			wantDiags(t, writeSite(t, map[string]string{"content/" + name + ".md": fmt.Sprintf(fm, "X", "x")}), want)
		})
	}
}

// TestSlugsCannotLeave tries every way of spelling a way out of the output
// folder as a slug: each is refused where it stands.
func TestSlugsCannotLeave(t *testing.T) {
	for _, slug := range []string{
		"../x", "..%2f..%2fx", "%2e%2e/x", "a/../../x", "/abs/../../x", `C:\x`, `x\..\..\y`, `"\0"`, "//host/x", "..", ".", "a/b", "x?y", "x#y", "caf\u00e9",
	} {
		t.Run(slug, func(t *testing.T) {
			dir := writeSite(t, map[string]string{"content/p.md": "---\ntitle: P\nslug: " + slug + "\n---\n"})
			wantDiags(t, dir, "content/p.md:3:")
		})
	}
}

// TestLinksCannotEscape: every link or image destination that would run
// script, load data, reach the local disk or leave the content folder is
// an error at its line and column, however it is spelled or encoded.
func TestLinksCannotEscape(t *testing.T) {
	dests := []string{
		"javascript:alert(1)",
		"JAVASCRIPT:alert(1)",
		"JaVaScRiPt:alert(1)",
		"<  javascript:alert(1)>",
		"jav&#x09;ascript:alert(1)",
		"&#106;avascript:alert(1)",
		"&#x6A;avascript:alert(1)",
		"javascript&colon;alert(1)",
		"javascript&#58alert(1)",
		"%6Aavascript:alert(1)",
		"vbscript:msgbox(1)",
		"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
		"file:///etc/passwd",
		`\\evil.com`,
		`/\evil.com`,
		"../../../etc/passwd",
		"%2e%2e/%2e%2e/%2e%2e/etc/passwd",
		"..%2f..%2f..%2fetc/passwd",
		"/../../etc/passwd",
	}
	var body strings.Builder
	for _, d := range dests {
		fmt.Fprintf(&body, "[l](%s) ![i](%s)\n\n", d, d)
	}
	body.WriteString("<javascript:alert(1)>\n\n[ref]\n\n[ref]: javascript:alert(1)\n")
	dir := writeSite(t, map[string]string{"content/a.md": "---\ntitle: A\n---\n" + body.String()})
	var want []string
	for i := range dests {
		line := 4 + 2*i
		want = append(want, fmt.Sprintf("content/a.md:%d:1: ", line), fmt.Sprintf("content/a.md:%d:%d: ", line, len(dests[i])+7))
	}
	n := 4 + 2*len(dests)
	want = append(want, fmt.Sprintf("content/a.md:%d:1: link uses the URL scheme \"javascript:\"", n), fmt.Sprintf("content/a.md:%d:1: link uses the URL scheme \"javascript:\"", n+2))
	diags := wantDiags(t, dir, want...)
	if len(diags.Errors()) != 2*len(dests)+2 {
		t.Errorf("%d errors for %d bad links:\n%s", len(diags.Errors()), 2*len(dests)+2, diags)
	}
}

// TestHostileTextIsEscaped writes markup and template syntax into every
// text a reader sees (titles, summaries, tags, headings, reflect prompts,
// role and path fields) and wants none of it live in any output file:
// html/template escapes it, and no content ever reaches template.Parse.
func TestHostileTextIsEscaped(t *testing.T) {
	const x = `</title><script>alert(1)</script><img src=x onerror=alert(2)>{{ .Site }}`
	q := func(s string) string { return fmt.Sprintf("%q", s) }
	dir := writeSite(t, map[string]string{
		"content/handbook.yaml": "title: " + q(x) + "\ndescription: " + q(x) + "\n",
		"content/a.md": "---\ntitle: " + q(x) + "\nsummary: " + q(x) + "\ntags: [" + q(x) + "]\nroles: [r]\nreflect: [" + q(x) + "]\n---\n# " + x + "\n\n" + x +
			"\n\n`" + x + "`\n\n```html\n" + x + "\n```\n\n[" + x + "](b.md \"" + strings.ReplaceAll(x, `"`, `\"`) + "\")\n",
		"content/b.md":         "---\ntitle: B\n---\n{{ printf \"x\" }}\n",
		"content/roles/r.yaml": "title: " + q(x) + "\nsummary: " + q(x) + "\npart: " + q(x) + "\nowns: [" + q(x) + "]\nresponsibilities:\n  - id: z\n    title: " + q(x) + "\n    kind: output\n    stage: grow\n    summary: " + q(x) + "\n",
		"content/paths/p.yaml": "title: " + q(x) + "\nsummary: " + q(x) + "\naudience: " + q(x) + "\nsteps:\n  - page: a.md\n    why: " + q(x) + "\n",
		"content/c.md":         "---\ntitle: C\nresponsibilities: [z]\n---\n",
		// The body's raw <img src=x> is kept, sanitised, and its src
		// checked like any image's: give it a file.
		"content/x": "x",
	})
	res, diags := buildDir(t, dir)
	if res == nil {
		t.Fatalf("build failed: %v", diags)
	}
	out := files(t, os.DirFS(dir), res)
	for p, data := range out {
		for _, live := range []string{"<script>alert(1)", "<img src=x", "</title><script"} {
			if bytes.Contains(data, []byte(live)) {
				t.Errorf("%s holds %q unescaped", p, live)
			}
		}
	}
	if !bytes.Contains(out["b/index.html"], []byte(`{{ printf `)) {
		t.Errorf("template syntax in the body did not appear literally")
	}
	if !bytes.Contains(out["a/index.html"], []byte("{{ .Site }}")) {
		t.Errorf("template syntax in the title did not appear literally")
	}
}

// TestPathologicalMarkdown feeds the inputs that overflowed stacks or took
// super-linear time in other Markdown parsers; each must build, with no
// panic. (N is 16k: "[a](" repeated is quadratic in goldmark itself, so
// 64k repetitions take a minute; see docs/reliability.md, B8.)
func TestPathologicalMarkdown(t *testing.T) {
	const n = 16 << 10
	inputs := map[string]string{
		"blockquotes":  strings.Repeat("> ", n) + "x",
		"list items":   strings.Repeat("- ", n) + "a",
		"brackets":     strings.Repeat("[", n),
		"emphasis":     strings.Repeat("*a ", n),
		"link openers": strings.Repeat("]([\n", n),
		"angles":       strings.Repeat("<", n),
		"pipes":        "a|b\n-|-\n" + strings.Repeat("|", n),
		"backticks":    strings.Repeat("`", n),
		"nested links": strings.Repeat("[a](", n),
		"entities":     strings.Repeat("&#", n),
		"headings":     strings.Repeat("#", n),
		"footnotes":    strings.Repeat("[^a]", n) + "\n\n[^a]: x",
	}
	for name, body := range inputs {
		t.Run(name, func(t *testing.T) {
			dir := writeSite(t, map[string]string{"content/p.md": "---\ntitle: P\n---\n" + body + "\n"})
			buildDir(t, dir) // errors are fine (a link to nowhere); a hang or a panic is not
		})
	}
}

// TestTimeZonesAndMtimesDoNotLeak builds one site under three time zones,
// and again after touching every source file: the bytes are the same.
func TestTimeZonesAndMtimesDoNotLeak(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"content/a.md":         fmt.Sprintf(fm, "A", "Text."),
		"content/b/c.md":       fmt.Sprintf(fm, "C", "Text."),
		"content/roles/r.yaml": "title: R\nsummary: S\n",
	})
	// 2024-01-05 00:30 UTC: the 4th in Honolulu, the 5th in UTC, the 5th
	// (afternoon) in Kiritimati.
	dates := func([]string) map[string]int64 {
		return map[string]int64{"content/a.md": 1704414600, "content/b/c.md": 1704414600}
	}
	saved := time.Local
	defer func() { time.Local = saved }()
	var first map[string][]byte
	for i, zone := range []string{"UTC", "Pacific/Kiritimati", "Etc/GMT+12", "UTC"} {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Skipf("no zone data: %v", err)
		}
		time.Local = loc
		if i == 3 {
			later := time.Now().Add(48 * time.Hour)
			filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					os.Chtimes(p, later, later)
				}
				return nil
			})
		}
		res, diags := newBuilder(t, build.Options{Dates: dates}).Build(context.Background(), os.DirFS(dir))
		if res == nil {
			t.Fatal(diags)
		}
		out := files(t, os.DirFS(dir), res)
		if !bytes.Contains(out["a/index.html"], []byte("5 January 2024")) {
			t.Errorf("%s: the date is not the UTC civil date", zone)
		}
		if first == nil {
			first = out
			continue
		}
		for p := range first {
			if !bytes.Equal(first[p], out[p]) {
				t.Errorf("%s (step %d): %s differs", zone, i, p)
			}
		}
	}
}

// TestOddFileNames publishes static files and pages whose names hold
// spaces, accents, colons and dots, and wants every link to them to lead
// to the file, none to read as a URL with a scheme, and every output path
// inside the output folder; names a browser would read as something else
// (?, #, %, a backslash, a control character) are refused by name.
func TestOddFileNames(t *testing.T) {
	good := []string{"a b.png", "\u00fc.png", "javascript:alert(1).png", "CON.png", "-.png", "x.y.z.png", "trailing.", "(x).png"}
	files := map[string]string{
		"content/javascript:alert(1).md": fmt.Sprintf(fm, "Colon", "Colon page."),
		"content/docs/a b.md":            fmt.Sprintf(fm, "Space", "Space page."),
	}
	var body strings.Builder
	body.WriteString("[colon](../javascript:alert(1).md) [space](<a b.md>)\n\n")
	for _, name := range good {
		files["content/docs/img/"+name] = name
		fmt.Fprintf(&body, "![%s](<img/%s>)\n\n", name, name)
	}
	files["content/docs/index-page.md"] = "---\ntitle: Links\n---\n" + body.String()
	dir := writeSite(t, files)
	res, diags := buildDir(t, dir)
	if res == nil {
		t.Fatalf("build failed: %s", joinDiags(diags))
	}
	out := files2(t, dir, res)
	crawl(t, out)
	for p := range out {
		if !filepath.IsLocal(filepath.FromSlash(p)) {
			t.Errorf("output path %q leaves the output folder", p)
		}
	}
	for _, bad := range []string{"x?y.png", "x#y.png", "100%.png", `a\b.png`, "a\tb.png", "a\x7fb.png"} {
		t.Run(bad, func(t *testing.T) {
			dir := writeSite(t, map[string]string{"content/static/" + bad: "x", "content/ok.md": fmt.Sprintf(fm, "OK", "ok")})
			wantDiags(t, dir, "content/static/"+bad+": file name ")
		})
	}
}

func files2(t *testing.T, dir string, res *build.Result) map[string][]byte {
	t.Helper()
	return files(t, os.DirFS(dir), res)
}

// TestSlowMarkdownIsAnError builds a page built to be slow for goldmark
// (tens of thousands of unclosed links: quadratic in its parser, seconds at this
// size) with a shorter parse bound: the build ends promptly with a
// diagnostic on the file, instead of stalling (research B8).
func TestSlowMarkdownIsAnError(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"content/ok.md":   "---\ntitle: OK\n---\nFine.\n",
		"content/slow.md": "---\ntitle: Slow\n---\n" + strings.Repeat("[a](", 32<<10) + "\n",
	})
	// The bound leaves a loaded machine time for the page that is fine;
	// the slow one takes seconds.
	b := newBuilder(t, build.Options{ParseTimeout: time.Second})
	res, diags := b.Build(context.Background(), os.DirFS(dir))
	if res != nil {
		t.Fatalf("build succeeded; want the slow page reported")
	}
	want := "content/slow.md:1:1: reading this file took over 1s; simplify its Markdown"
	if len(diags) != 1 || !strings.HasPrefix(diags[0].String(), want) {
		t.Errorf("diagnostics = %v, want one starting %q", diags, want)
	}
}

// TestSlowMarkdownOnRebuild makes a page slow with an edit the dev server
// reports: the rebuild's patch gives up on it, and the full build that
// follows reports it once, from the parse the patch already made.
func TestSlowMarkdownOnRebuild(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"content/ok.md":   "---\ntitle: OK\n---\nFine.\n",
		"content/slow.md": "---\ntitle: Slow\n---\nNot yet.\n",
	})
	b := newBuilder(t, build.Options{ParseTimeout: 100 * time.Millisecond})
	if res, diags := b.Build(context.Background(), os.DirFS(dir)); res == nil {
		t.Fatal(diags)
	}
	if err := os.WriteFile(filepath.Join(dir, "content/slow.md"), []byte("---\ntitle: Slow\n---\n"+strings.Repeat("[a](", 32<<10)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, diags := b.Rebuild(context.Background(), os.DirFS(dir), []string{"content/slow.md"})
	if res != nil {
		t.Fatalf("rebuild succeeded; want the slow page reported")
	}
	want := "content/slow.md:1:1: reading this file took over 100ms; simplify its Markdown"
	if len(diags) != 1 || !strings.HasPrefix(diags[0].String(), want) {
		t.Errorf("diagnostics = %v, want one starting %q", diags, want)
	}
}

// TestClashesWithOtherErrors reports files that would overwrite each other
// in the same run as the other errors: a migrated handbook is fixed in one
// pass, not one kind of error at a time.
func TestClashesWithOtherErrors(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"content/a.md":         "---\ntitle: A\n---\n[gone](gone.md)\n",
		"content/guide/b.md":   "---\ntitle: B\n---\nB.\n",
		"content/static/guide": "a file where the guide's pages need a folder",
	})
	_, diags := buildDir(t, dir)
	got := joinDiags(diags)
	for _, want := range []string{"link to content/gone.md, which does not exist", "content/static/guide writes the file guide, where"} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
}
