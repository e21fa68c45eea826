package baton

import (
	"encoding/json"
	"errors"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBodiesReadThroughSite holds every read of a page's body after
// Resolve to handbook.Site.Body: outside internal/handbook, no code of
// cmd/ and internal/ (tests aside) reads a handbook.Page's Doc or Hrefs. A
// Site that handbook.Patch made carries the edited bodies beside its
// pages, so read off the Page they are the ones Resolve made. Writing
// them (into a copy of a page) is not reading. The packages are checked
// with go/types, their imports read from the compiler's export data.
func TestBodiesReadThroughSite(t *testing.T) {
	const module = "github.com/batonhq/baton"
	out, err := exec.Command("go", "list", "-export", "-deps", "-json=ImportPath,Export,Dir,GoFiles", "./cmd/...", "./internal/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	type pkg struct {
		ImportPath, Export, Dir string
		GoFiles                 []string
	}
	var pkgs []pkg
	export := map[string]string{}
	for dec := json.NewDecoder(strings.NewReader(string(out))); ; {
		var p pkg
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		export[p.ImportPath] = p.Export
		pkgs = append(pkgs, p)
	}
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) { return os.Open(export[path]) })
	// Where a page is compared field by field, as its Site shows it.
	allowed := map[string]bool{module + "/internal/build.samePage": true, module + "/internal/build.shown": true}
	checked := 0
	for _, p := range pkgs {
		if !strings.HasPrefix(p.ImportPath, module+"/") || p.ImportPath == module+"/internal/handbook" {
			continue
		}
		var files []*ast.File
		for _, name := range p.GoFiles {
			f, err := parser.ParseFile(fset, filepath.Join(p.Dir, name), nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
		info := &types.Info{Selections: map[*ast.SelectorExpr]*types.Selection{}}
		if _, err := (&types.Config{Importer: imp}).Check(p.ImportPath, fset, files, info); err != nil {
			t.Fatalf("%s: %v", p.ImportPath, err)
		}
		checked++
		written := map[ast.Expr]bool{}
		in := map[ast.Expr]string{} // selection → the function it is in
		for _, f := range files {
			for _, d := range f.Decls {
				fn, ok := d.(*ast.FuncDecl)
				if !ok {
					continue
				}
				ast.Inspect(fn, func(n ast.Node) bool {
					switch n := n.(type) {
					case *ast.AssignStmt:
						for _, e := range n.Lhs {
							written[e] = true
						}
					case *ast.SelectorExpr:
						in[n] = p.ImportPath + "." + fn.Name.Name
					}
					return true
				})
			}
		}
		for sel, s := range info.Selections {
			if s.Kind() == types.FieldVal && isPageBody(s, module+"/internal/handbook") && !written[sel] && !allowed[in[sel]] {
				t.Errorf("%s: reads Page.%s: read a page's body with Site.Body", fset.Position(sel.Sel.Pos()), sel.Sel.Name)
			}
		}
	}
	if checked < 20 {
		t.Fatalf("checked %d packages: go list found too few", checked)
	}
}

// isPageBody reports whether field selection s is handbook.Page's Doc or
// Hrefs.
func isPageBody(s *types.Selection, handbook string) bool {
	if name := s.Obj().Name(); name != "Doc" && name != "Hrefs" {
		return false
	}
	recv := s.Recv()
	if p, ok := recv.(*types.Pointer); ok {
		recv = p.Elem()
	}
	named, ok := recv.(*types.Named)
	return ok && named.Obj().Name() == "Page" && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == handbook
}
