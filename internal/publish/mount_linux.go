package publish

import (
	"path/filepath"

	"golang.org/x/sys/unix"
)

// mountPoint reports whether dir is a mount point: its own file system (a
// Docker volume) or a bind mount, which cannot be renamed. The kernel says
// so where it can (Linux 5.8 on); elsewhere the folder's mount or device
// differs from its parent's.
func mountPoint(dir string) bool {
	var st, up unix.Statx_t
	const mask = unix.STATX_MNT_ID | unix.STATX_BASIC_STATS
	if unix.Statx(unix.AT_FDCWD, dir, unix.AT_SYMLINK_NOFOLLOW, mask, &st) != nil {
		return false
	}
	if st.Attributes_mask&unix.STATX_ATTR_MOUNT_ROOT != 0 {
		return st.Attributes&unix.STATX_ATTR_MOUNT_ROOT != 0
	}
	if unix.Statx(unix.AT_FDCWD, filepath.Dir(dir), 0, mask, &up) != nil {
		return false
	}
	if st.Mask&up.Mask&unix.STATX_MNT_ID != 0 {
		return st.Mnt_id != up.Mnt_id
	}
	return st.Dev_major != up.Dev_major || st.Dev_minor != up.Dev_minor
}
