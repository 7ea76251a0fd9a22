//! For tests of this crate and of the app: a folder made read-only for real,
//! even for root. CI runs as root, where a folder's mode stops no write; the
//! immutable attribute (`chattr +i`) is enforced by the kernel for every user,
//! so a test of "the folder is read-only" fails the way a user's would.
//! And a records file taken back to an older schema, for tests of an upgrade
//! with sessions saved by this version.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// A folder no file can be created in until this is dropped.
#[derive(Debug)]
pub struct ReadOnlyFolder {
    dir: PathBuf,
    mode: u32,
    immutable: bool,
}

impl ReadOnlyFolder {
    /// Makes `dir` read-only: mode 0555, and for root the immutable attribute.
    /// Panics when `dir` can still be written (root without
    /// `CAP_LINUX_IMMUTABLE`, or a file system without the attribute): a test
    /// that cannot make its folder read-only must not pass.
    pub fn new(dir: &Path) -> ReadOnlyFolder {
        let mode = std::fs::metadata(dir).unwrap().permissions().mode();
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
        let mut folder = ReadOnlyFolder {
            dir: dir.to_path_buf(),
            mode,
            immutable: false,
        };
        if writable(dir) {
            match immutable::set(dir, true) {
                Ok(()) => folder.immutable = true,
                Err(e) => panic!("cannot make {} read-only as root: {e}", dir.display()),
            }
        }
        assert!(
            !writable(dir),
            "{} is still writable after chmod 0555 and chattr +i",
            dir.display()
        );
        folder
    }
}

impl Drop for ReadOnlyFolder {
    fn drop(&mut self) {
        if self.immutable {
            let _ = immutable::set(&self.dir, false);
        }
        let _ = std::fs::set_permissions(&self.dir, std::fs::Permissions::from_mode(self.mode));
    }
}

/// Takes the records file at `path` back to version 3, as a version before the
/// `rise` table saved it (the table and its index dropped): the next
/// [`crate::Store::open`] upgrades it and fills the rises from the reports.
pub fn back_to_version_3(path: &Path) -> crate::Result<()> {
    let conn =
        rusqlite::Connection::open(path).map_err(|e| crate::StoreError::from_sqlite(&e, path))?;
    crate::database::back_to_version_3(&conn).map_err(|e| crate::StoreError::from_sqlite(&e, path))
}

/// Whether a new file can be made in `dir` (tried, then removed).
fn writable(dir: &Path) -> bool {
    tempfile::Builder::new()
        .prefix(".probe-")
        .tempfile_in(dir)
        .is_ok()
}

#[cfg(target_os = "linux")]
mod immutable {
    use std::os::fd::AsRawFd;
    use std::path::Path;

    /// `FS_IMMUTABLE_FL` from `linux/fs.h` (the `i` of `chattr`).
    const FS_IMMUTABLE_FL: libc::c_int = 0x10;

    pub fn set(dir: &Path, on: bool) -> std::io::Result<()> {
        let file = std::fs::File::open(dir)?;
        let fd = file.as_raw_fd();
        let mut flags: libc::c_int = 0;
        // SAFETY: `fd` is open for the duration of both calls and `flags` is
        // the `int` that the kernel reads and writes for FS_IOC_GETFLAGS/SETFLAGS
        // (whatever the `long` in their names).
        unsafe {
            if libc::ioctl(fd, libc::FS_IOC_GETFLAGS, &mut flags) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            if on {
                flags |= FS_IMMUTABLE_FL;
            } else {
                flags &= !FS_IMMUTABLE_FL;
            }
            if libc::ioctl(fd, libc::FS_IOC_SETFLAGS, &flags) != 0 {
                return Err(std::io::Error::last_os_error());
            }
        }
        Ok(())
    }
}

#[cfg(not(target_os = "linux"))]
mod immutable {
    pub fn set(_: &std::path::Path, _: bool) -> std::io::Result<()> {
        Err(std::io::Error::other(
            "no immutable attribute on this system",
        ))
    }
}
