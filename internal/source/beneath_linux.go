package source

import "golang.org/x/sys/unix"

// openBeneath opens the file at rest (slash-separated) below the folder
// dir for reading, through no link: in one openat2 call where the system
// has it (Linux 5.6), which checks every folder on the way as walkOpen
// does with a call for each.
func openBeneath(dir int, rest string) (int, error) {
	fd, err := unix.Openat2(dir, rest, &unix.OpenHow{
		Flags:   openFlags,
		Resolve: unix.RESOLVE_BENEATH | unix.RESOLVE_NO_SYMLINKS | unix.RESOLVE_NO_MAGICLINKS,
	})
	switch err {
	case nil:
		return fd, nil
	case unix.ELOOP, unix.EXDEV:
		return -1, ErrNotRegular // a link on the way, or a way out of dir
	case unix.ENOSYS, unix.EPERM:
		// No openat2 (an older kernel, or a sandbox that refuses it).
		return walkOpen(dir, rest)
	}
	return -1, err
}
