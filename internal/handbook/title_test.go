package handbook

import "testing"

func TestTitleFromName(t *testing.T) {
	for _, c := range []struct {
		name  string
		every bool
		want  string
	}{
		{"product-ops", false, "Product ops"},
		{"product-ops", true, "Product Ops"},
		{"working_with  legal", false, "Working with legal"},
		{"élan-vital", true, "Élan Vital"},
		{"ǆungla", false, "ǅungla"},
		{"日本語-ページ", true, "日本語 ページ"},
		{"--", false, ""},
	} {
		if got := TitleFromName(c.name, c.every); got != c.want {
			t.Errorf("TitleFromName(%q, %v) = %q, want %q", c.name, c.every, got, c.want)
		}
	}
}
