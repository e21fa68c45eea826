package diagram

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SVG text does not wrap and cannot be measured without a browser, so the
// layout measures labels itself, with widths that err on the wide side.
//
// The widths are per character class, in em: the widest advance within the
// class in DejaVu Sans (Bold for titles), rounded up, as Chromium measured
// them. DejaVu Sans is what the theme's system-ui falls back to on Linux,
// and one of the widest sans-serif fonts: Liberation Sans (Arial's widths),
// measured the same way, is narrower in every class, as Segoe UI, San
// Francisco and Roboto are by design (they are not installed here, so not
// measured). For a typical title the estimate exceeds DejaVu's own width by
// 5 to 15%. It is not a bound for every font: a reader who forces a wider
// font of their own may see a label reach its box's edge. Characters
// outside ASCII count as 1 em (CJK ideographs are 1 em; accented Latin,
// Greek and Cyrillic letters are narrower), combining marks as nothing.
func advance(r rune, bold bool) float64 {
	switch {
	case r < 0x80 && strings.ContainsRune(" !\"'(),-./:;I[\\]fijlrt|", r):
		if bold {
			return 0.53
		}
		return 0.47
	case r < 0x80 && strings.ContainsRune("mwMW%&@", r):
		if bold {
			return 1.11
		}
		return 1.02
	case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
		if bold {
			return 0.72
		}
		return 0.64
	case r < 0x80:
		if bold {
			return 0.86
		}
		return 0.84
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0
	}
	return 1
}

// textWidth estimates the width of s set at size px, never narrower than
// the browser draws it with the fonts named above.
func textWidth(s string, size float64, bold bool) float64 {
	w := 0.0
	for _, r := range s {
		w += advance(r, bold)
	}
	return w * size
}

// style is how a kind of label is set.
type style struct {
	size, lineHeight float64
	bold             bool
}

func (st style) width(s string) float64 { return textWidth(s, st.size, st.bold) }

// twoLines is the narrowest width that sets s on at most two lines broken
// at spaces: the wider half of its best break.
func (st style) twoLines(s string) float64 {
	words := strings.Fields(s)
	if len(words) <= 1 {
		return st.width(s)
	}
	best := st.width(strings.Join(words, " "))
	for k := 1; k < len(words); k++ {
		best = min(best, max(st.width(strings.Join(words[:k], " ")), st.width(strings.Join(words[k:], " "))))
	}
	return best
}

// wrap breaks s into lines no wider than width, at spaces; a word wider
// than a line is split with a hyphen. Past maxLines the last line ends
// with an ellipsis, so the label shows where it was cut (the link's
// accessible name keeps the whole title).
func (st style) wrap(s string, width float64, maxLines int) []string {
	var lines []string
	var hyphened []bool // whether the line ends inside a word
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && st.width(line+" "+w) <= width {
			line += " " + w
			continue
		}
		if line != "" {
			lines, hyphened = append(lines, line), append(hyphened, false)
		}
		for st.width(w) > width {
			// A word of ideographs breaks without a hyphen.
			tail := "-"
			if r, _ := utf8.DecodeRuneInString(w); ideograph(r) {
				tail = ""
			}
			head := st.fit(w, width, tail)
			if head == "" {
				break
			}
			lines, hyphened = append(lines, head+tail), append(hyphened, tail != "")
			w = w[len(head):]
		}
		line = w
	}
	if line != "" {
		lines, hyphened = append(lines, line), append(hyphened, false)
	}
	if len(lines) > maxLines {
		rest := ""
		for i := maxLines - 1; i < len(lines); i++ {
			switch {
			case hyphened[i]:
				rest += strings.TrimSuffix(lines[i], "-")
			case i+1 < len(lines) && ideographEnd(lines[i]):
				rest += lines[i]
			default:
				rest += lines[i] + " "
			}
		}
		lines = append(lines[:maxLines-1], st.fit(rest, width, "…")+"…")
	}
	return lines
}

// ideograph says whether r is written without spaces between words (Han,
// kana, Hangul), so that a line may break after it without a hyphen.
func ideograph(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

func ideographEnd(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return ideograph(r)
}

// fit returns the longest prefix of s that fits in width with tail after
// it, cut at a character boundary and without trailing spaces.
func (st style) fit(s string, width float64, tail string) string {
	w := st.width(tail)
	end := 0
	for i, r := range s {
		w += advance(r, st.bold) * st.size
		if w > width {
			break
		}
		end = i + utf8.RuneLen(r)
	}
	return strings.TrimRight(s[:end], " ")
}
