package corpus

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
)

// pngImage draws a small bar chart, different for each k, and encodes it
// as PNG: a real image file for pages to show, the same bytes for the same
// k.
func pngImage(k int) []byte {
	w, h := 64+(k%5)*24, 40+(k%3)*20
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	bg := color.RGBA{0xf4, 0xf1, 0xea, 0xff}
	bars := []color.RGBA{{0x2b, 0x59, 0xc3, 0xff}, {0xd1, 0x49, 0x5b, 0xff}, {0x3c, 0x91, 0x5e, 0xff}, {0xed, 0xae, 0x49, 0xff}}
	for y := range h {
		for x := range w {
			c := bg
			bar := x / 12
			if x%12 < 9 {
				// Bar heights from k, so each image differs.
				top := h - 4 - ((bar*7+k*13)%(h-8) + 4)
				if y >= top && y < h-2 {
					c = bars[(bar+k)%len(bars)]
				}
			}
			img.SetRGBA(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		// Encoding an in-memory RGBA image cannot fail.
		panic(err)
	}
	return b.Bytes()
}
