package i18n

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the README's table of strings")

// TestREADME: the README's table of strings lists every key of the English
// catalog with its words, as this test writes it (-update rewrites it).
func TestREADME(t *testing.T) {
	const file = "../../README.md"
	const open, end = "<!-- strings: generated from internal/i18n/en.yaml by go test ./internal/i18n -run TestREADME -update -->\n", "<!-- end of strings -->"
	readme, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	i, j := bytes.Index(readme, []byte(open)), bytes.Index(readme, []byte(end))
	if i < 0 || j < i {
		t.Fatalf("README.md has no table of strings between %q and %q", open, end)
	}
	want := append(append(append([]byte{}, readme[:i+len(open)]...), table()...), readme[j:]...)
	if *update {
		if err := os.WriteFile(file, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(readme, want) {
		t.Errorf("README.md's table of strings is not the catalog's: run go test ./internal/i18n -run TestREADME -update")
	}
}

// table is the Markdown table of every key and its English words.
func table() string {
	en := catalog("en")
	var b strings.Builder
	b.WriteString("\n| key | English |\n|---|---|\n")
	for _, k := range Keys() {
		v := strings.NewReplacer("|", `\|`, "<", "&lt;").Replace(en[k])
		if strings.TrimSpace(v) != v {
			v = `"` + v + `"`
		}
		b.WriteString("| `" + k + "` | " + v + " |\n")
	}
	b.WriteString("\n")
	return b.String()
}
