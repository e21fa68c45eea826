// Package publish writes a built site into its output folder.
//
// The files are written into a new folder beside the output and swapped in
// only when all of them are written, so a failed build leaves the previous
// output as it was. baton marks its output with a manifest (.baton-output)
// and never replaces a non-empty folder without one, nor an output folder
// that is a symbolic link, or is, contains or lies inside the site's
// sources. Files in the output that baton did not write (a CNAME, a .git
// folder) are carried over.
//
// The output a swap replaces is kept beside the new one (see Previous), and
// the next build writes over it: a file whose bytes did not change is only
// read, and nothing is made or removed but what changed. The swap and its
// guarantees are the same.
//
// The invariants that keep the user's files, whenever a build stops (a
// kill at any change to the disk, SIGTERM, a full disk):
//
//   - A folder's manifest lists every file baton made in it, and none of the
//     user's: a build that writes over a previous output adds a new file's
//     path before it makes the file, and a folder written from empty says
//     so (everything in it is baton's but what .baton-carried lists).
//   - Only what a manifest lists is ever removed; anything else found in a
//     folder of baton's is the user's, and goes back to the live output.
//   - The user's files carried into a new output are listed there
//     (.baton-carried) before the first moves, and the list stays until
//     the new output is live; the next build moves back whatever a stopped
//     build left beside the output (recoverKilled), and refuses to choose
//     between two copies of one file.
//   - One build writes an output at a time: Begin takes a lock beside it.
//
// An output that is a mount point cannot be renamed, and is updated in
// place (see nextDir). The first failure of the file system while writing
// ends the transaction (see WriteError).
package publish

import (
	"io/fs"
	"path/filepath"
	"runtime"

	"github.com/batonhq/baton/internal/render"
	"golang.org/x/sync/errgroup"
)

// Options say where the site comes from and where it goes.
type Options struct {
	Out string
	// Protected are folders the output may not be, contain, or lie inside
	// (the site's content/ and layouts/), and folders it may not be or
	// contain (the site folder itself).
	Protected []string
	Site      string
	// Source is where From files are read.
	Source fs.FS

	disk disk // tests stop or fail the build at one of its changes
}

// Write writes files into the output folder, replacing its previous
// contents in one swap. Files are written on all cores.
func Write(opts Options, files []render.File) (err error) {
	tx, err := Begin(opts)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Abort()
		}
	}()
	var g errgroup.Group
	g.SetLimit(writers())
	for _, f := range files {
		g.Go(func() error { return tx.Write(f) })
	}
	if err := g.Wait(); err != nil {
		return err
	}
	return tx.Commit()
}

// writers is how many files are written at once: writes wait on the
// file system more than on the CPU.
func writers() int { return max(4, 2*runtime.GOMAXPROCS(0)) }

// Previous is the folder beside out where the output a build replaced is
// kept for the next build to update: for public, .public.prev. It holds a
// .gitignore that ignores it, and removing it is always safe; the next
// build then writes every file anew.
func Previous(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".prev")
}
