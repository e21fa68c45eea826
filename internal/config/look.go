package config

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/batonhq/baton/internal/diag"
	"github.com/batonhq/baton/internal/strictyaml"
)

// Look is handbook.yaml's theme: what an org changes of the default
// theme's look without a template of its own.
type Look struct {
	// Logo and Favicon are images of the site, written as a page links
	// them (/static/img/logo.svg); the resolver finds them.
	Logo    strictyaml.Str `yaml:"logo"`
	Favicon strictyaml.Str `yaml:"favicon"`
	// Accent is the colour of links and highlights in the light scheme,
	// AccentDark in the dark one (made from Accent when not given): each
	// must reach WCAG AA's 4.5:1 for text on the scheme's backgrounds.
	Accent     strictyaml.Str `yaml:"accent"`
	AccentDark strictyaml.Str `yaml:"accent_dark"`
	// CSS are stylesheets of the site, loaded after the theme's.
	CSS []strictyaml.Str `yaml:"css"`
	// Head is HTML put as it is at the end of every page's head (an
	// analytics snippet): trusted, as the site's own settings are.
	Head string `yaml:"head"`
	// Footer is Markdown shown in every page's footer (a copyright, a
	// privacy link); its links are checked as a page's are.
	Footer strictyaml.Str `yaml:"footer"`
}

// The backgrounds text stands on in each scheme of the default theme
// (page, sidebar, cards).
var (
	lightBackgrounds = []string{"#ffffff", "#f6f7f9"}
	darkBackgrounds  = []string{"#0f141b", "#151b24", "#18202b"}
)

// minContrast is WCAG AA's contrast for normal text.
const minContrast = 4.5

// Colours is the accent of each scheme, with the soft tint the theme
// draws behind highlighted items.
type Colours struct {
	Accent, AccentSoft, AccentDark, AccentDarkSoft string
}

// checkLook checks the theme's colours and returns them, or nothing when
// the handbook keeps the theme's own.
func checkLook(l Look, diags *diag.List) Colours {
	if l.Accent.Value == "" {
		if l.AccentDark.Value != "" {
			diags.Errorf(l.AccentDark.Pos, "accent_dark needs accent: set the light scheme's colour too")
		}
		return Colours{}
	}
	light, ok := parseHex(l.Accent)
	if !ok {
		diags.Errorf(l.Accent.Pos, "accent %q is not a colour like #0b6e4f", l.Accent.Value)
		return Colours{}
	}
	if r := worst(light, lightBackgrounds); r < minContrast {
		diags.Errorf(l.Accent.Pos, "accent %s has a contrast of %.2f:1 on the light background, under the 4.5:1 text needs (WCAG AA): use a darker colour", l.Accent.Value, r)
		return Colours{}
	}
	dark := lighten(light)
	if l.AccentDark.Value != "" {
		if dark, ok = parseHex(l.AccentDark); !ok {
			diags.Errorf(l.AccentDark.Pos, "accent_dark %q is not a colour like #6fd19b", l.AccentDark.Value)
			return Colours{}
		}
		if r := worst(dark, darkBackgrounds); r < minContrast {
			diags.Errorf(l.AccentDark.Pos, "accent_dark %s has a contrast of %.2f:1 on the dark background, under the 4.5:1 text needs (WCAG AA): use a lighter colour", l.AccentDark.Value, r)
			return Colours{}
		}
	}
	white, _ := hex("#ffffff")
	night, _ := hex(darkBackgrounds[0])
	return Colours{
		Accent: light.String(), AccentSoft: mix(light, white, .9).String(),
		AccentDark: dark.String(), AccentDarkSoft: mix(dark, night, .82).String(),
	}
}

type rgb [3]float64

func (c rgb) String() string {
	var b strings.Builder
	b.WriteByte('#')
	for _, v := range c {
		fmt.Fprintf(&b, "%02x", int(math.Round(v)))
	}
	return b.String()
}

func parseHex(s strictyaml.Str) (rgb, bool) { return hex(strings.TrimSpace(s.Value)) }

// hex reads #rgb or #rrggbb.
func hex(s string) (rgb, bool) {
	s, ok := strings.CutPrefix(s, "#")
	if !ok {
		return rgb{}, false
	}
	if len(s) == 3 {
		s = string([]byte{s[0], s[0], s[1], s[1], s[2], s[2]})
	}
	if len(s) != 6 {
		return rgb{}, false
	}
	var c rgb
	for i := range 3 {
		v, err := strconv.ParseUint(s[2*i:2*i+2], 16, 8)
		if err != nil {
			return rgb{}, false
		}
		c[i] = float64(v)
	}
	return c, true
}

// luminance is WCAG's relative luminance.
func luminance(c rgb) float64 {
	var l [3]float64
	for i, v := range c {
		v /= 255
		if v <= 0.03928 {
			l[i] = v / 12.92
		} else {
			l[i] = math.Pow((v+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
}

// Contrast is WCAG's contrast ratio of two colours.
func contrast(a, b rgb) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// worst is c's lowest contrast on any of the backgrounds.
func worst(c rgb, backgrounds []string) float64 {
	r := math.Inf(1)
	for _, b := range backgrounds {
		bg, _ := hex(b)
		r = min(r, contrast(c, bg))
	}
	return r
}

// mix is a with weight w of b.
func mix(a, b rgb, w float64) rgb {
	var c rgb
	for i := range 3 {
		c[i] = a[i]*(1-w) + b[i]*w
	}
	return c
}

// lighten makes the dark scheme's accent from the light one: mixed with
// white, a step at a time, until text in it reads on the dark
// backgrounds.
func lighten(c rgb) rgb {
	white, _ := hex("#ffffff")
	for w := 0.0; w <= 1; w += 0.05 {
		if d := mix(c, white, w); worst(d, darkBackgrounds) >= minContrast {
			return d
		}
	}
	return white
}
