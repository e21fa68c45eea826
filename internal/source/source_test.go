package source

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
)

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name, src     string
		yaml          string
		present       bool
		err           bool
		bodyFirstLine int // line of the first body byte that is not a newline
	}{
		{"none", "# Hello\n", "", false, false, 1},
		{"basic", "---\ntitle: x\n---\nBody\n", "title: x\n", true, false, 4},
		{"crlf", "---\r\ntitle: x\r\n---\r\nBody\r\n", "title: x\r\n", true, false, 4},
		{"dots", "---\na: 1\n...\nBody", "a: 1\n", true, false, 4},
		{"bom", "\ufeff---\na: 1\n---\nB", "a: 1\n", true, false, 4},
		{"empty", "---\n---\nB", "", true, false, 3},
		{"unclosed", "---\ntitle: x\n", "", false, true, 0},
		{"not a fence", "----\ntitle: x\n---\n", "", false, false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fm, err := SplitFrontMatter([]byte(tt.src))
			if (err != nil) != tt.err {
				t.Fatalf("err = %v, want error %v", err, tt.err)
			}
			if err != nil {
				return
			}
			if string(fm.YAML) != tt.yaml || fm.Present != tt.present {
				t.Errorf("got yaml %q present %v, want %q %v", fm.YAML, fm.Present, tt.yaml, tt.present)
			}
			trimmed := bytes.TrimLeft(fm.Body, "\n")
			line := fm.BodyLine + len(fm.Body) - len(trimmed)
			if line != tt.bodyFirstLine && len(trimmed) > 0 {
				t.Errorf("body starts on line %d, want %d (body %q)", line, tt.bodyFirstLine, fm.Body)
			}
		})
	}
}

// FuzzSplitFrontMatter checks that splitting never panics and always keeps
// the body's line numbers: the lines before BodyLine and the body's are
// exactly the file's (less the BOM), and the body is the end of the file.
func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range []string{"", "---\n", "---\na: b\n---\nbody", "---\r\n---\r\n", "x\n---\n", "---\n...\n\n", "\ufeff---\nq\n---"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fm, err := SplitFrontMatter(src)
		if err != nil {
			return
		}
		in := bytes.TrimPrefix(src, []byte("\ufeff"))
		if n := fm.BodyLine - 1 + bytes.Count(fm.Body, []byte("\n")); n != bytes.Count(in, []byte("\n")) {
			t.Fatalf("body starts on line %d and has %d newlines, file %d", fm.BodyLine, n, bytes.Count(in, []byte("\n")))
		}
		if !bytes.HasSuffix(in, fm.Body) {
			t.Fatalf("body %q is not the end of the file", fm.Body)
		}
	})
}

func TestIgnored(t *testing.T) {
	for _, name := range []string{".p.md.swp", ".p.md.swx", "4913", "5036", "p.md~", ".#p.md", "p.md___jb_tmp___", "p.md___jb_old___", "#p.md#", ".git", "node_modules", "x.tmp", "baseof.html.bck"} {
		if !Ignored(name) {
			t.Errorf("Ignored(%q) = false", name)
		}
	}
	for _, name := range []string{"p.md", "2024-plan.md", "123.md", "roles", "_index.md", "design.yaml"} {
		if Ignored(name) {
			t.Errorf("Ignored(%q) = true", name)
		}
	}
	// A folder named like vim's probe file is a year's folder, and read.
	for name, want := range map[string]bool{"2019": false, "4913": false, ".git": true, "node_modules": true, "x.tmp": true} {
		if got := IgnoredDir(name); got != want {
			t.Errorf("IgnoredDir(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.md":            {Data: []byte("a")},
		"content/.a.md.swp":       {Data: []byte("junk")},
		"content/img/x.png":       {Data: []byte("png")},
		"content/static/f.pdf":    {Data: []byte("pdf")},
		"content/big.md":          {Data: []byte(strings.Repeat("x", MaxTextSize+1))},
		"layouts/page.html":       {Data: []byte("<p>")},
		"content/.git/config":     {Data: []byte("x")},
		"content/roles/pm.yaml":   {Data: []byte("title: PM")},
		"public/index.html":       {Data: []byte("not read")},
		"content/notes/4913":      {Data: []byte("vim probe")},
		"content/2019/notes.md":   {Data: []byte("a year's folder")},
		"content/notes/plan.md~":  {Data: []byte("backup")},
		"content/docs/intro.mdx":  {Data: []byte("MDX, as Docusaurus writes it")},
		"content/old.markdown":    {Data: []byte("Jekyll's spelling")},
		"content/NOTES.MD":        {Data: []byte("upper case")},
		"content/way.html.md.erb": {Data: []byte("Middleman's")},
		"content/layout.html.erb": {Data: []byte("a template, copied")},
	}
	tree, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range tree.Content {
		kind := "text"
		if f.Static {
			kind = "static"
		}
		got = append(got, f.Path+" "+kind)
	}
	want := []string{"content/2019/notes.md text", "content/NOTES.MD text", "content/a.md text", "content/docs/intro.mdx text", "content/img/x.png static", "content/layout.html.erb static", "content/old.markdown text", "content/roles/pm.yaml text", "content/static/f.pdf static", "content/way.html.md.erb text"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("content = %q, want %q", got, want)
	}
	if len(tree.Layouts) != 1 || len(tree.TooLarge) != 1 || tree.TooLarge[0].Path != "content/big.md" {
		t.Errorf("layouts %v, too large %v", tree.Layouts, tree.TooLarge)
	}
}

// TestReadAtMost reads files of every size around the buffer's first guess
// and the limit whole, and refuses one byte over the limit.
func TestReadAtMost(t *testing.T) {
	const limit = 4096
	for _, n := range []int{0, 1, 511, 512, 513, 4095, 4096, 4097, 10000} {
		data := make([]byte, n)
		for i := range data {
			data[i] = byte('a' + i%26)
		}
		got, err := readAtMost(fstest.MapFS{"f": {Data: data}}, "f", limit)
		switch {
		case n > limit:
			if err != errTooLarge || len(got) != limit+1 {
				t.Errorf("%d bytes: err %v, read %d, want errTooLarge after %d", n, err, len(got), limit+1)
			}
		case err != nil || !bytes.Equal(got, data):
			t.Errorf("%d bytes: err %v, read %d bytes, equal %v", n, err, len(got), bytes.Equal(got, data))
		}
	}
}

// TestLoadDeferring leaves the files it is told to unread, with their
// sizes, and Read reads each as Load would have: same bytes, same sum. A
// file that grew past MaxTextSize since the walk is an error, and left
// as it was.
func TestLoadDeferring(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.md":          {Data: []byte("# A\n")},
		"content/roles/pm.yaml": {Data: []byte("title: PM")},
		"content/img/x.png":     {Data: []byte("png")},
		"layouts/page.md":       {Data: []byte("a layout is never deferred")},
	}
	pages := func(p string) bool { return strings.HasSuffix(p, ".md") }
	tree, err := LoadDeferring(fsys, pages)
	if err != nil {
		t.Fatal(err)
	}
	all, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range tree.Content {
		want := all.Content[i]
		if f.Deferred != (f.Path == "content/a.md") {
			t.Errorf("%s: deferred %v", f.Path, f.Deferred)
		}
		if !f.Deferred {
			if !bytes.Equal(f.Data, want.Data) || f.Sum != want.Sum {
				t.Errorf("%s: read %q, want %q as Load reads it", f.Path, f.Data, want.Data)
			}
			continue
		}
		if f.Data != nil || f.Size != 4 {
			t.Errorf("%s: deferred with %d bytes read and size %d, want none and 4", f.Path, len(f.Data), f.Size)
		}
		if err := Read(fsys, &f); err != nil || f.Deferred || !bytes.Equal(f.Data, want.Data) || f.Sum != want.Sum {
			t.Errorf("%s: Read gives %q (deferred %v, err %v), want %q and Load's sum", f.Path, f.Data, f.Deferred, err, want.Data)
		}
	}
	if len(tree.Layouts) != 1 || tree.Layouts[0].Deferred || tree.Layouts[0].Data == nil {
		t.Errorf("layouts %+v, want one, read", tree.Layouts)
	}

	f := tree.Content[0]
	fsys["content/a.md"] = &fstest.MapFile{Data: []byte(strings.Repeat("x", MaxTextSize+1))}
	if err := Read(fsys, &f); err == nil || !strings.Contains(err.Error(), "grew past") || !f.Deferred || f.Data != nil {
		t.Errorf("a file grown past the limit: err %v, deferred %v, %d bytes", err, f.Deferred, len(f.Data))
	}
}
