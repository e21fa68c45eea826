package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/batonhq/baton/internal/diag"
)

// printDiags writes diagnostics as text lines, GitHub Actions annotations
// or JSON objects, one per line.
func printDiags(w io.Writer, diags diag.List, format string) {
	pal := newPalette(w)
	for _, d := range diags {
		switch format {
		case "json":
			b, _ := json.Marshal(struct {
				File     string `json:"file"`
				Line     int    `json:"line,omitempty"`
				Col      int    `json:"col,omitempty"`
				Severity string `json:"severity"`
				Message  string `json:"message"`
			}{d.Pos.File, d.Pos.Line, d.Pos.Col, d.Severity.String(), d.Message})
			fmt.Fprintf(w, "%s\n", b)
		case "github":
			kind := "error"
			if d.Severity == diag.Warning {
				kind = "warning"
			}
			var props []string
			if d.Pos.File != "" {
				props = append(props, "file="+ghEscapeProp(d.Pos.File))
			}
			if d.Pos.Line > 0 {
				props = append(props, fmt.Sprintf("line=%d", d.Pos.Line))
			}
			if d.Pos.Col > 0 {
				props = append(props, fmt.Sprintf("col=%d", d.Pos.Col))
			}
			fmt.Fprintf(w, "::%s %s::%s\n", kind, strings.Join(props, ","), ghEscapeData(d.Message))
		default:
			if !pal.on {
				fmt.Fprintln(w, d.String())
				continue
			}
			if d.Severity == diag.Warning {
				fmt.Fprintf(w, "%s: %s %s\n", pal.bold(d.Pos.String()), pal.warn("warning:"), d.Message)
			} else {
				fmt.Fprintf(w, "%s: %s\n", pal.bold(d.Pos.String()), pal.bad(d.Message))
			}
		}
	}
}

func ghEscapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghEscapeProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
