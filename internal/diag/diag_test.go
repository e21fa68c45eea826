package diag

import (
	"math/rand/v2"
	"testing"
)

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

// TestOneEdit suggests only a name one edit away: a letter more, less,
// changed, or two neighbours swapped.
func TestOneEdit(t *testing.T) {
	keys := []string{"title", "summary", "tags", "weight", "slug"}
	for name, want := range map[string]string{
		"sumary": "summary", "summmary": "summary", "titel": "title", "wieght": "weight", "tag": "tags",
		"stage": "", "sumry": "", "slugs2": "", "layout": "", "": "",
	} {
		if got := OneEdit(name, keys); got != want {
			t.Errorf("OneEdit(%q) = %q, want %q", name, got, want)
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

// TestDistanceMatchesTable: the three-row distance equals the full table's
// on random strings over a small alphabet (so swaps and repeats are many).
func TestDistanceMatchesTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]byte, rng.IntN(9))
		for i := range b {
			b[i] = "abc-"[rng.IntN(4)]
		}
		return string(b)
	}
	for range 20000 {
		a, b := word(), word()
		if got, want := distance(a, b), tableDistance(a, b); got != want {
			t.Fatalf("distance(%q, %q) = %d, want %d", a, b, got, want)
		}
	}
}

// tableDistance is the optimal string alignment distance by the full table.
func tableDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}
