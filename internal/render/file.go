package render

import "sync"

// File is one file of a build's output, as render makes it and as publish
// writes it and the dev server serves it: a page's bytes, or any other
// file the build gives (the search index, a theme asset, handbook.json),
// or a source file to copy.
type File struct {
	// Path is slash-separated and relative to the output folder.
	Path string
	Data []byte
	// From, when set, names a file in the source FS to copy instead of Data.
	From string
	// Lazy, when set, makes the bytes on first use instead of Data, and
	// keeps them: the dev server renders its largest page only when a
	// browser asks for it. Make one with Once.
	Lazy func() ([]byte, error)
}

// Once returns a Lazy function that calls make at most once.
func Once(make func() ([]byte, error)) func() ([]byte, error) {
	return sync.OnceValues(make)
}

// Bytes returns the file's bytes, made now if the file is lazy. Files
// copied from the source (From) have none.
func (f File) Bytes() ([]byte, error) {
	if f.Lazy != nil {
		return f.Lazy()
	}
	return f.Data, nil
}
