package handbook

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestShorten(t *testing.T) {
	tests := []struct{ in, want string }{
		{"short", "short"},
		{"one two three four five six", "one two three…"},
		// No space in reach: the cut must not split "é" (two bytes).
		{strings.Repeat("é", 20), strings.Repeat("é", 7) + "…"},
	}
	for _, tt := range tests {
		got := shorten(tt.in, 15)
		if got != tt.want || !utf8.ValidString(got) {
			t.Errorf("shorten(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
