package diag

import "testing"

func TestSuggest(t *testing.T) {
	ids := []string{"engineering", "design", "eng", "end", "product-manager", "pm"}
	tests := []struct{ name, want string }{
		{"enginering", "engineering"},
		{"desgin", "design"},
		{"egn", "eng"},
		{"ending", "end"},
		{"product-manger", "product-manager"},
		{"p", "pm"},
		{"marketing", ""},
		{"x", ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.name, ids); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestLineColAndSort(t *testing.T) {
	src := []byte("ab\ncd\n\nef")
	for _, tt := range []struct{ off, line, col int }{{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {7, 4, 1}, {9, 4, 3}} {
		if l, c := LineCol(src, tt.off); l != tt.line || c != tt.col {
			t.Errorf("LineCol(%d) = %d:%d, want %d:%d", tt.off, l, c, tt.line, tt.col)
		}
	}
	var l List
	l.Errorf(Pos{File: "b.md", Line: 2, Col: 1}, "second")
	l.Warnf(Pos{File: "a.md", Line: 9}, "warn")
	l.Errorf(Pos{File: "a.md", Line: 10, Col: 3}, "first")
	l.Errorf(Pos{File: "a.md", Line: 10, Col: 3}, "first")
	got := l.Sort()
	want := []string{"a.md:9: warning: warn", "a.md:10:3: first", "b.md:2:1: second"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i].String() != want[i] {
			t.Errorf("%d: %q, want %q", i, got[i], want[i])
		}
	}
	if (List{}).Err() != nil || got.Err() == nil || !got.HasErrors() {
		t.Errorf("Err/HasErrors wrong")
	}
	if p, ok := CheckUTF8("x", []byte("ok\n\xffno")); ok || p.Line != 2 || p.Col != 1 {
		t.Errorf("CheckUTF8 = %v %v", p, ok)
	}
}
