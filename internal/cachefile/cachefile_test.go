package cachefile

import (
	"bytes"
	"testing"
)

// TestOpen gives back what was written, and nothing of a file written in
// another format or by another program, cut, or with any byte changed.
func TestOpen(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b, "fmt 1", "prog a")
	w.Write([]byte("entries "))
	w.Write([]byte("and more"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	file := b.Bytes()
	if body, ok := Open(file, "fmt 1", "prog a"); !ok || string(body) != "entries and more" {
		t.Fatalf("Open = %q, %v", body, ok)
	}
	for name, c := range map[string]struct {
		data             []byte
		format, identity string
	}{
		"another format":  {file, "fmt 2", "prog a"},
		"another program": {file, "fmt 1", "prog b"},
		"unknown program": {file, "fmt 1", ""},
		"empty":           {nil, "fmt 1", "prog a"},
	} {
		if _, ok := Open(c.data, c.format, c.identity); ok {
			t.Errorf("%s: opened", name)
		}
	}
	for n := range len(file) {
		if _, ok := Open(file[:n], "fmt 1", "prog a"); ok {
			t.Errorf("cut at %d: opened", n)
		}
	}
	for i := range file {
		bad := bytes.Clone(file)
		bad[i] ^= 0x10
		if _, ok := Open(bad, "fmt 1", "prog a"); ok {
			t.Errorf("byte %d flipped: opened", i)
		}
	}
}
