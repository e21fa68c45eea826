// Package baton embeds the default theme and the default handbook, so one
// binary can build, serve and start a handbook anywhere.
package baton

import (
	"embed"
	"io/fs"
)

//go:embed layouts
var layouts embed.FS

// all: keeps the sections' _index.md files, which a plain pattern skips.
//
//go:embed all:content
var content embed.FS

// Layouts is the default theme, with its files at the root.
func Layouts() fs.FS {
	sub, err := fs.Sub(layouts, "layouts")
	if err != nil {
		panic(err) // the embedded folder always exists
	}
	return sub
}

// Content is the default handbook's content folder, as content/.
func Content() fs.FS { return content }
