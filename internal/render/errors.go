package render

import (
	"errors"
	"fmt"
	htmltemplate "html/template"
	"strconv"
	"strings"

	"github.com/batonhq/baton/internal/diag"
)

// A PanicError is a panic in a job, recovered: a bug in baton, reported
// on the page's source file instead of ending the process (a build's
// goroutine, or the dev server serving the print view).
type PanicError struct {
	// File is the source file the job shows, or "" for a generated page.
	File string
	// Path is the job's output path.
	Path  string
	Value any
}

func (e *PanicError) Error() string {
	from := ""
	if e.File != "" {
		from = " from " + e.File
	}
	return fmt.Sprintf("internal error rendering %s%s: %v (a bug in baton: please report it)", e.Path, from, e.Value)
}

// Diagnose turns the error of the job that writes path into a diagnostic
// on the file it comes from: a panic on the page's source file, a template
// error at the theme file's line and column.
func Diagnose(path string, err error) diag.Diagnostic {
	if pe, ok := errors.AsType[*PanicError](err); ok {
		return diag.Diagnostic{Pos: diag.Pos{File: pe.File}, Message: pe.Error()}
	}
	return diag.Diagnostic{Pos: errorPos(err, "layouts"), Message: fmt.Sprintf("rendering %s: %v", path, err)}
}

// errorPos is where a template error stands, or in file when it does not
// say. html/template's escaping errors carry their template and line;
// text/template gives the others' only in their text ("template:
// layouts/x.html:3:11: executing ..."), in a shape its documentation
// shows, read here and nowhere else. Of an error that wraps another (a
// partial printed with cached), the innermost: the line that failed.
func errorPos(err error, file string) diag.Pos {
	if te, ok := errors.AsType[*htmltemplate.Error](err); ok && te.Name != "" && te.Line > 0 {
		return diag.Pos{File: te.Name, Line: te.Line}
	}
	msg := err.Error()
	i := strings.LastIndex(msg, "template: layouts/")
	if i < 0 {
		return diag.Pos{File: file}
	}
	parts := strings.SplitN(msg[i+len("template: "):], ":", 4)
	pos := diag.Pos{File: parts[0]}
	if len(parts) > 1 {
		pos.Line, _ = strconv.Atoi(parts[1])
	}
	if len(parts) > 2 && pos.Line > 0 {
		pos.Col, _ = strconv.Atoi(parts[2])
	}
	return pos
}
