package config

import (
	"strings"
	"testing"
)

// TestLook: an accent that reads as text on the theme's backgrounds is
// taken, with a dark-mode accent made from it that reads on the dark ones;
// a colour that does not read is an error with its measured contrast.
func TestLook(t *testing.T) {
	for _, c := range []struct {
		name, theme, err string
		accent, dark     string
	}{
		{"none", "", "", "", ""},
		{"dark green", "accent: \"#0b6e4f\"", "", "#0b6e4f", ""},
		{"short form", "accent: \"#036\"", "", "#003366", ""},
		{"own dark", "accent: \"#0b6e4f\"\n  accent_dark: \"#6fd19b\"", "", "#0b6e4f", "#6fd19b"},
		{"too light", "accent: \"#ffcc00\"", "content/handbook.yaml:3:11: accent #ffcc00 has a contrast of 1.41:1 on the light background, under the 4.5:1 text needs (WCAG AA): use a darker colour", "", ""},
		{"dark too dark", "accent: \"#0b6e4f\"\n  accent_dark: \"#1f2647\"", "content/handbook.yaml:4:16: accent_dark #1f2647 has a contrast of 1.11:1 on the dark background, under the 4.5:1 text needs (WCAG AA): use a lighter colour", "", ""},
		{"not a colour", "accent: green", "content/handbook.yaml:3:11: accent \"green\" is not a colour like #0b6e4f", "", ""},
		{"dark alone", "accent_dark: \"#6fd19b\"", "content/handbook.yaml:3:16: accent_dark needs accent: set the light scheme's colour too", "", ""},
	} {
		src := "title: T\ntheme:\n  " + c.theme + "\n"
		if c.theme == "" {
			src = "title: T\n"
		}
		cfg, diags := Decode([]byte(src))
		if c.err != "" {
			if len(diags) != 1 || diags[0].String() != c.err {
				t.Errorf("%s: diagnostics %v, want %s", c.name, diags, c.err)
			}
			continue
		}
		if len(diags) != 0 {
			t.Errorf("%s: %v", c.name, diags)
			continue
		}
		if cfg.Colours.Accent != c.accent || c.dark != "" && cfg.Colours.AccentDark != c.dark {
			t.Errorf("%s: colours %+v, want accent %s dark %s", c.name, cfg.Colours, c.accent, c.dark)
		}
		if c.accent != "" {
			d, _ := hex(cfg.Colours.AccentDark)
			if r := worst(d, darkBackgrounds); r < minContrast {
				t.Errorf("%s: the dark accent %s has a contrast of %.2f", c.name, cfg.Colours.AccentDark, r)
			}
			if !strings.HasPrefix(cfg.Colours.AccentSoft, "#") {
				t.Errorf("%s: no soft tint", c.name)
			}
		}
	}
}
