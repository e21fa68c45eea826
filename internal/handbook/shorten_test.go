package handbook

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestShorten(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 15, "short"},
		{"one two three four five six", 15, "one two three…"},
		{"one two, three four", 9, "one two…"},
		// No space in reach: the cut must not split "é" (two bytes).
		{strings.Repeat("é", 20), 15, strings.Repeat("é", 7) + "…"},
		{"ééééééééé", 5, "éé…"},
		{"日本語の文章は空白なしで続く", 12, "日本語の…"},
	}
	for _, tt := range tests {
		got := Shorten(tt.in, tt.n)
		if got != tt.want || !utf8.ValidString(got) {
			t.Errorf("Shorten(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
