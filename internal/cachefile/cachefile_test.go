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

// TestIndex finds every entry Entries finds, where WriteEntry put it, and
// indexes nothing of a file Open refuses.
func TestIndex(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b, "fmt 1", "prog a")
	want := map[Key][]byte{{1}: []byte("one"), {2}: nil, {3}: bytes.Repeat([]byte("x"), 300)}
	for _, k := range []Key{{3}, {1}, {2}} {
		w.WriteEntry(k, want[k])
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	file := b.Bytes()
	x, ok := Index(bytes.NewReader(file), int64(len(file)), "fmt 1", "prog a")
	if !ok || x.Len() != len(want) {
		t.Fatalf("Index = %v, %v", x, ok)
	}
	for k, data := range want {
		s, ok := x.Find(k)
		got := make([]byte, s.Len)
		if _, err := x.ReadAt(got, s.Off); !ok || err != nil || !bytes.Equal(got, data) {
			t.Errorf("entry %x: %q, %v, %v; want %q", k[0], got, ok, err, data)
		}
	}
	if _, ok := x.Find(Key{4}); ok {
		t.Error("found an entry never written")
	}
	if _, ok := Index(bytes.NewReader(file), int64(len(file)), "fmt 1", "prog b"); ok {
		t.Error("indexed another program's file")
	}
	for n := range len(file) {
		if _, ok := Index(bytes.NewReader(file[:n]), int64(n), "fmt 1", "prog a"); ok {
			t.Errorf("cut at %d: indexed", n)
		}
	}
	for i := range file {
		bad := bytes.Clone(file)
		bad[i] ^= 0x10
		if _, ok := Index(bytes.NewReader(bad), int64(len(bad)), "fmt 1", "prog a"); ok {
			t.Errorf("byte %d flipped: indexed", i)
		}
	}
}

// TestOpenEntries gives back the entries written, and nothing of a file
// Open refuses or whose body is not entries.
func TestOpenEntries(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b, "fmt 1", "prog a")
	w.WriteEntry(Key{1}, []byte("one"))
	w.WriteEntry(Key{2}, nil)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	got, ok := OpenEntries(b.Bytes(), "fmt 1", "prog a")
	if !ok || len(got) != 2 || string(got[Key{1}]) != "one" || len(got[Key{2}]) != 0 {
		t.Fatalf("OpenEntries = %q, %v; want entries one and empty", got, ok)
	}
	if _, ok := OpenEntries(b.Bytes(), "fmt 1", "prog b"); ok {
		t.Error("opened another program's file")
	}
	b.Reset()
	w = NewWriter(&b, "fmt 1", "prog a")
	w.Write([]byte("not entries"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, ok := OpenEntries(b.Bytes(), "fmt 1", "prog a"); ok {
		t.Error("read entries from a body of other bytes")
	}
}
