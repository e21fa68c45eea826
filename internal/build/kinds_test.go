package build_test

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/batonhq/baton/internal/build"
	"github.com/batonhq/baton/internal/corpus"
	"github.com/batonhq/baton/internal/handbook"
)

// TestTitleEditRendersItsListsAlone: after a page's title changes, a
// rebuild renders again the pages of the other kinds whose views are data
// (render.PageView: a tag's page, a responsibility's, a role's) only
// where they show its title (list it, or a reading path it is a step of),
// takes
// every other one's last output as it is, and gives what a fresh build
// gives, with the default theme and with layouts of the site's own.
func TestTitleEditRendersItsListsAlone(t *testing.T) {
	for _, own := range []bool{false, true} {
		src := fstest.MapFS{}
		for _, f := range corpus.Baton(corpus.Options{Pages: 300, Seed: 5, Shape: corpus.Flat}) {
			src[f.Path] = &fstest.MapFile{Data: f.Data}
		}
		if own {
			src["layouts/tag.html"] = &fstest.MapFile{Data: []byte(ownTag)}
			src["layouts/responsibility.html"] = &fstest.MapFile{Data: []byte(ownResp)}
			src["layouts/role.html"] = &fstest.MapFile{Data: []byte(ownRole)}
		}
		b := newBuilder(t, build.Options{Lazy: true})
		first, diags := b.Build(context.Background(), src)
		if first == nil {
			t.Fatal(diags)
		}
		i := slices.IndexFunc(first.Site.Pages, func(p *handbook.Page) bool {
			return !p.IsSection && len(p.Tags) > 0 && len(p.Responsibilities) > 0 && len(p.Roles) > 0
		})
		p := first.Site.Pages[i]
		// The pages that show p's title, by output path: those that list
		// it, and those that are a step of a reading path it is a step of
		// (their views hold every step's title).
		listing := map[string]bool{}
		shows := func(url string, pages []*handbook.Page, paths []handbook.PathStep) {
			on := slices.Contains(pages, p)
			for _, ps := range paths {
				on = on || slices.ContainsFunc(ps.Path.Steps, func(st handbook.Step) bool { return st.Page == p })
			}
			listing[strings.TrimPrefix(url, "/")+"index.html"] = on
		}
		for _, tag := range first.Site.Tags {
			shows(tag.URL, tag.Pages, nil)
		}
		for _, resp := range first.Site.Responsibilities {
			shows(resp.URL, resp.Pages, resp.Paths)
		}
		for _, role := range first.Site.Roles {
			shows(role.URL, role.Pages, role.Paths)
		}
		f := src[p.File]
		f.Data = bytes.Replace(slices.Clone(f.Data), []byte("title: "+p.Title), []byte("title: A title of its own"), 1)
		res, diags := b.Rebuild(context.Background(), src, []string{p.File})
		if res == nil {
			t.Fatal(diags)
		}
		before := map[string][]byte{}
		for _, f := range first.Files {
			before[f.Path] = f.Data
		}
		counts := map[string]*[2]int{} // by kind: pages that show p, pages that do not
		for _, f := range res.Files {
			shown, ok := listing[f.Path]
			if !ok {
				continue
			}
			// A file taken from the last build shares its bytes.
			same := len(f.Data) > 0 && &f.Data[0] == &before[f.Path][0]
			if same == shown {
				t.Errorf("own layouts %v: %s shows the page %v, taken from the last build %v", own, f.Path, shown, same)
			}
			kind, _, _ := strings.Cut(f.Path, "/")
			if counts[kind] == nil {
				counts[kind] = new([2]int)
			}
			if shown {
				counts[kind][0]++
			} else {
				counts[kind][1]++
			}
		}
		for _, kind := range []string{"tags", "responsibilities", "roles"} {
			if c := counts[kind]; c == nil || c[0] == 0 || c[1] == 0 {
				t.Fatalf("own layouts %v: of the %s pages %v show the page and do not; the test wants both", own, kind, c)
			}
		}
		want, diags := newBuilder(t, build.Options{Lazy: true}).Build(context.Background(), src)
		if want == nil {
			t.Fatal(diags)
		}
		sameOutput(t, "after a title edit", files(t, src, res), files(t, src, want))
	}
}

// ownTag, ownResp and ownRole are a tag's, a responsibility's and a
// role's page of a site's own, which print more of their pages than the
// default theme.
const ownTag = `{{template "layouts/baseof.html" .}}
{{define "main"}}<h1>{{.Tag.Name}}</h1><ol>{{range .Tag.Pages}}<li><a href="{{$.Rel .URL}}">{{.Title}}</a>: {{.Summary}}</li>{{end}}</ol>{{end}}
`

const ownResp = `{{template "layouts/baseof.html" .}}
{{define "main"}}<h1>{{.Resp.Title}}</h1><p>{{.Resp.KindTitle}}, {{.Resp.StageTitle}}</p><ol>{{range .Resp.Pages}}<li><a href="{{$.Rel .URL}}">{{.Title}}</a>: {{.Summary}}</li>{{end}}</ol>{{end}}
`

const ownRole = `{{template "layouts/baseof.html" .}}
{{define "main"}}<h1>{{.Role.Title}}</h1>{{range .Role.Responsibilities}}<p>{{.Title}}: {{.KindTitle}}</p>{{end}}<ol>{{range .Role.Pages}}<li><a href="{{$.Rel .URL}}">{{.Title}}</a>: {{.Summary}}</li>{{end}}</ol>{{end}}
`

// TestIndexesRenderWhenTheyChange: the indexes and the other pages of the
// model have views of data too (render.PageView), keyed by their hash:
// after a person's title changes, a rebuild renders again the people's
// index and the person's page, and takes the other indexes' last output
// (404, search, the home page, the tags', roles', paths' and levels'
// pages, the matrix, the glossary) as it is, and gives what a fresh
// build gives, with the default theme and with a people.html of the
// site's own.
func TestIndexesRenderWhenTheyChange(t *testing.T) {
	for _, own := range []bool{false, true} {
		src := readSite(t, "../..")
		for p := range src {
			if !strings.HasPrefix(p, "content/") {
				delete(src, p)
			}
		}
		if own {
			src["layouts/people.html"] = &fstest.MapFile{Data: []byte(ownPeople)}
		}
		b := newBuilder(t, build.Options{Lazy: true})
		first, diags := b.Build(context.Background(), src)
		if first == nil {
			t.Fatal(diags)
		}
		before := map[string][]byte{}
		for _, f := range first.Files {
			before[f.Path] = f.Data
		}
		const file = "content/people/lena-fischer.yaml"
		f := src[file]
		f.Data = bytes.Replace(slices.Clone(f.Data), []byte("title: Senior Product Manager"), []byte("title: Principal Product Manager"), 1)
		res, diags := b.Rebuild(context.Background(), src, []string{file})
		if res == nil {
			t.Fatal(diags)
		}
		rendered := map[string]bool{"people/index.html": true, "people/lena-fischer/index.html": true}
		for _, p := range []string{"404.html", "search/index.html", "index.html", "tags/index.html", "roles/index.html",
			"paths/index.html", "levels/index.html", "responsibilities/index.html", "glossary/index.html"} {
			rendered[p] = false
		}
		seen := 0
		for _, f := range res.Files {
			want, ok := rendered[f.Path]
			if !ok {
				continue
			}
			seen++
			// A file taken from the last build shares its bytes.
			if same := len(f.Data) > 0 && &f.Data[0] == &before[f.Path][0]; same == want {
				t.Errorf("own layouts %v: %s rendered again %v, want %v", own, f.Path, !same, want)
			}
		}
		if seen != len(rendered) {
			t.Fatalf("own layouts %v: %d of the %d pages checked are in the build", own, seen, len(rendered))
		}
		if p := string(files(t, src, res)["people/index.html"]); !strings.Contains(p, "Principal Product Manager") {
			t.Errorf("own layouts %v: the people's index does not show the new title", own)
		}
		want, diags := newBuilder(t, build.Options{Lazy: true}).Build(context.Background(), src)
		if want == nil {
			t.Fatal(diags)
		}
		sameOutput(t, "after a person's title edit", files(t, src, res), files(t, src, want))
	}
}

// ownPeople is a people's index of a site's own, which prints each
// person's team beside their title.
const ownPeople = `{{template "layouts/baseof.html" .}}
{{define "main"}}<ul>{{range .People}}<li><a href="{{$.Rel .URL}}">{{.Name}}</a>: {{.Title}} ({{.Team}})</li>{{end}}</ul>{{end}}
`

// TestModelTitlesInLayouts: kindTitle and stageTitle name a kind and a
// stage from the view's .Site.Config.Model, in the site's words, as the
// views' own KindTitle and StageTitle do, in a layout of the site's own.
func TestModelTitlesInLayouts(t *testing.T) {
	src := readSite(t, "testdata/site")
	src["layouts/responsibility.html"] = &fstest.MapFile{Data: []byte(`{{template "layouts/baseof.html" .}}
{{define "main"}}<p id="t">{{kindTitle .Site.Config.Model .Resp.Kind}}, {{stageTitle .Site.Config.Model .Resp.Stage}}; {{.Resp.KindTitle}}, {{.Resp.StageTitle}}; {{kindTitle .Site.Config.Model "no-such-kind"}}</p>{{end}}
`)}
	res, diags := newBuilder(t, build.Options{}).Build(context.Background(), src)
	if res == nil {
		t.Fatal(diags)
	}
	out := files(t, src, res)
	n := 0
	for _, x := range res.Site.Responsibilities {
		page := string(out[strings.TrimPrefix(x.URL, "/")+"index.html"])
		_, p, _ := strings.Cut(page, `<p id="t">`)
		p, _, _ = strings.Cut(p, "</p>")
		kind, stage := res.Site.Config.Model.KindTitle(x.Kind), res.Site.Config.Model.StageTitle(x.Stage)
		if want := kind + ", " + stage + "; " + kind + ", " + stage + "; no-such-kind"; p != want {
			t.Errorf("%s shows %q, want %q", x.URL, p, want)
		}
		n++
	}
	if n == 0 {
		t.Fatal("no responsibilities")
	}
}

// TestStepEditsShowOnTheHomePage: the home page's view holds the reading
// paths (their steps' titles, their minutes), which a page deeper in the
// handbook changes when it is a step: after its title changes, or its
// body grows by a minute's reading, a rebuild's home page is a fresh
// build's, as are the paths' pages.
func TestStepEditsShowOnTheHomePage(t *testing.T) {
	const file = "content/playbooks/basics/second.md"
	src := readSite(t, "testdata/site")
	src["layouts/home.html"] = &fstest.MapFile{Data: []byte(`{{template "layouts/baseof.html" .}}
{{define "main"}}{{range .Paths}}<p>{{.Title}}: {{.Minutes}} min{{range .Steps}}, {{.Title}}{{end}}</p>{{end}}{{end}}
`)}
	b := newBuilder(t, build.Options{Lazy: true})
	mustBuild(t, b, src)
	for _, c := range []struct{ name, from, to string }{
		{"a title edit", "title: ", "title: Renamed "},
		{"a longer body", "\n---\n", "\n---\n" + strings.Repeat("word ", 500) + "\n\n"},
	} {
		f := src[file]
		if !bytes.Contains(f.Data, []byte(c.from)) {
			t.Fatalf("%s: %s has no %q", c.name, file, c.from)
		}
		f.Data = bytes.Replace(slices.Clone(f.Data), []byte(c.from), []byte(c.to), 1)
		res, diags := b.Rebuild(context.Background(), src, []string{file})
		if res == nil {
			t.Fatal(diags)
		}
		got, want := files(t, src, res), mustBuild(t, newBuilder(t, build.Options{}), src)
		for _, p := range []string{"index.html", "paths/index.html", "paths/first/index.html"} {
			if !bytes.Equal(got[p], want[p]) {
				t.Errorf("after %s, %s differs from a fresh build's:\n%s\nwant:\n%s", c.name, p, got[p], want[p])
			}
		}
	}
}
