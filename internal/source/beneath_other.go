//go:build unix && !linux

package source

// openBeneath opens the file at rest (slash-separated) below the folder
// dir for reading, through no link.
func openBeneath(dir int, rest string) (int, error) { return walkOpen(dir, rest) }
