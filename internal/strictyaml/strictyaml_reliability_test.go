package strictyaml_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/batonhq/baton/internal/handbook"
	"github.com/batonhq/baton/internal/strictyaml"
)

// TestNoImplicitTyping: values in string fields stay as written (no
// Norway problem, no octal or sexagesimal numbers, no dates), and a bool
// or int field takes only a real bool or int.
func TestNoImplicitTyping(t *testing.T) {
	var r handbook.RoleFile
	src := "title: T\nsummary: S\nowns: [no, yes, on, 1.10, 0777, 10:00, 2024-01-05, 1e3, ~, null, .inf]\n"
	if d := strictyaml.Decode("content/roles/r.yaml", []byte(src), 0, &r); d.HasErrors() {
		t.Fatal(d)
	}
	want := []string{"no", "yes", "on", "1.10", "0777", "10:00", "2024-01-05", "1e3", "", "", ".inf"}
	if !slices.Equal(r.Owns, want) {
		t.Errorf("owns = %q, want %q", r.Owns, want)
	}
	for _, bad := range []string{"weight: 1.5", "weight: 0x1F", "weight: \"3\"", "weight: 99999999999999999999"} {
		var r handbook.RoleFile
		d := strictyaml.Decode("content/roles/r.yaml", []byte("title: T\nsummary: S\n"+bad+"\n"), 0, &r)
		if !d.HasErrors() || !strings.HasPrefix(d[0].String(), "content/roles/r.yaml:3:9: \"weight\" must be a whole number") {
			t.Errorf("%s: %v", bad, d)
		}
	}
	var fm handbook.FrontMatter
	d := strictyaml.Decode("content/a.md", []byte("title: T\ndraft: no\n"), 1, &fm)
	if !d.HasErrors() || d[0].String() != `content/a.md:3:8: "draft" must be true or false, not "no"` {
		t.Errorf("draft: no gave %v", d)
	}
}

// TestDependencies: the YAML library is the maintained fork, never the
// archived gopkg.in/yaml.v3, and goldmark is past the fix for the
// entity-encoded javascript: bypass (CVE-2026-5160, v1.7.17). It reads
// go.mod, which decides what every build links.
func TestDependencies(t *testing.T) {
	data, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	versions := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "require ")); len(f) >= 2 && strings.HasPrefix(f[1], "v") {
			versions[f[0]] = f[1]
		}
	}
	if _, ok := versions["gopkg.in/yaml.v3"]; ok {
		t.Errorf("go.mod requires gopkg.in/yaml.v3 (archived); use go.yaml.in/yaml/v3")
	}
	if _, ok := versions["go.yaml.in/yaml/v3"]; !ok {
		t.Errorf("go.mod does not require go.yaml.in/yaml/v3")
	}
	if v := versions["github.com/yuin/goldmark"]; older(v, 1, 7, 17) {
		t.Errorf("goldmark %q is older than v1.7.17 (CVE-2026-5160)", v)
	}
}

// older reports whether the module version v is below major.minor.patch.
func older(v string, major, minor, patch int) bool {
	var a, b, c int
	if _, err := fmt.Sscanf(v, "v%d.%d.%d", &a, &b, &c); err != nil {
		return true
	}
	return slices.Compare([]int{a, b, c}, []int{major, minor, patch}) < 0
}
