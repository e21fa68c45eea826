package diagram

// TextWidth is the estimate the layout sizes labels by.
func TextWidth(s string, size float64, bold bool) float64 { return textWidth(s, size, bold) }
