//! Nothing lost, ever: a writer process (`records-writer`) killed with SIGKILL
//! at random moments, 200 times (100 on each of two files), and one stopped by a file-size limit (a full
//! disk as the kernel reports it). After each, the file opens, passes
//! `PRAGMA integrity_check`, and holds every session whose save returned,
//! each whole (all its verdicts and score parts), never a partial one.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use claim_dojo_records::Store;

const WRITER: &str = env!("CARGO_BIN_EXE_records-writer");

fn scenario() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/app/scenarios/late-parcel.ron")
}

/// A small seeded generator for the kill moments (xorshift64*).
struct Moments(u64);

impl Moments {
    fn next_ms(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % below
    }
}

fn saved_uids(out: &str) -> Vec<String> {
    out.lines()
        .filter_map(|l| l.strip_prefix("saved "))
        .map(str::to_string)
        .collect()
}

/// Opens the file as the app would and checks it holds `promised`, whole.
fn check(db: &Path, promised: &HashSet<String>, round: usize) -> usize {
    let opened = Store::open(db).unwrap_or_else(|e| panic!("round {round}: {e}"));
    assert!(
        opened.notice.is_none(),
        "round {round}: the file was taken for damaged: {:?}",
        opened.notice
    );
    let store = opened.store;
    assert_eq!(store.integrity_check().unwrap(), "ok", "round {round}");
    assert_eq!(store.partial_sessions().unwrap(), 0, "round {round}");
    let stored: HashSet<String> = store.uids().unwrap().into_iter().collect();
    let missing: Vec<_> = promised.difference(&stored).collect();
    assert!(missing.is_empty(), "round {round}: lost {missing:?}");
    stored.len()
}

/// What one file went through: kills that came while the writer ran, saves the
/// writer said had returned, sessions the file held after the last kill.
struct Kills {
    mid_run: usize,
    promised: usize,
    stored: usize,
}

/// `rounds` writers on one file, each killed at a random moment (seeded by
/// `seed`) while it saves calls played from `first_call` on, the file checked
/// whole after every kill.
fn kill_writers(seed: u64, first_call: u64, rounds: u64) -> Kills {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite3");
    let mut moments = Moments(seed);
    let mut promised = HashSet::new();
    let mut mid_run = 0;
    let mut stored = 0;
    for round in 0..rounds {
        let mut child = Command::new(WRITER)
            .arg(&db)
            .arg(scenario())
            .arg((first_call + round * 1_000).to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the writer starts");
        std::thread::sleep(Duration::from_millis(2 + moments.next_ms(45)));
        if child.try_wait().unwrap().is_none() {
            mid_run += 1;
        }
        child.kill().unwrap(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        let mut out = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        assert!(!status.success(), "round {round}: the writer was killed");
        promised.extend(saved_uids(&out));
        stored = check(&db, &promised, round as usize);
    }
    Kills {
        mid_run,
        promised: promised.len(),
        stored,
    }
}

#[test]
fn a_writer_killed_at_random_moments_200_times_loses_nothing_it_said_was_saved() {
    // Two files of 100 kills each, side by side: the check after each kill
    // reads the whole file, so one file of 200 took twice the checking, on one
    // core, for no kill moment the two files do not also cover.
    let files: Vec<Kills> = std::thread::scope(|s| {
        let runs: Vec<_> = [(0x5EED_1234_ABCD_0001, 1), (0x5EED_1234_ABCD_0702, 100_001)]
            .map(|(seed, first_call)| s.spawn(move || kill_writers(seed, first_call, 100)))
            .into_iter()
            .collect();
        runs.into_iter().map(|r| r.join().unwrap()).collect()
    });
    let mid_run: usize = files.iter().map(|f| f.mid_run).sum();
    let promised: usize = files.iter().map(|f| f.promised).sum();
    eprintln!(
        "200 kills on 2 files: {promised} saves returned before a kill, {:?} sessions stored",
        files.iter().map(|f| f.stored).collect::<Vec<_>>()
    );
    assert_eq!(mid_run, 200, "every kill came while the writer ran");
    for (i, f) in files.iter().enumerate() {
        assert!(
            f.promised >= 50,
            "file {i}: too few saves returned ({}) for the test to mean much",
            f.promised
        );
        // Sessions killed after their commit but before "saved" was printed are
        // kept too: more may be stored than promised, never fewer.
        assert!(f.stored >= f.promised, "file {i}");
    }
}

#[test]
fn a_full_disk_stops_the_writer_with_an_error_and_keeps_every_saved_session() {
    use std::os::unix::process::CommandExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite3");
    // The file-size limit makes every write past 600 KiB fail with EFBIG, as a
    // full disk fails with ENOSPC; SIGXFSZ is ignored so the write returns the error.
    let mut cmd = Command::new(WRITER);
    cmd.arg(&db).arg(scenario()).arg("1").arg("100000");
    unsafe {
        cmd.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 600 * 1024,
                rlim_max: 600 * 1024,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            Ok(())
        });
    }
    let out = cmd
        .stderr(Stdio::piped())
        .output()
        .expect("the writer starts");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(3),
        "the writer reports the failure and exits, no crash: {stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let failed = stdout.lines().last().unwrap_or_default();
    assert!(
        failed == "failed S004" || failed == "failed S006",
        "a full disk (S004) or a write error (S006): {failed:?}"
    );
    let promised: HashSet<String> = saved_uids(&stdout).into_iter().collect();
    assert!(promised.len() >= 3, "some sessions fit: {}", promised.len());
    let stored = check(&db, &promised, 0);
    assert!(stored >= promised.len());

    // With room again, saving goes on in the same file.
    let again = Command::new(WRITER)
        .arg(&db)
        .arg(scenario())
        .arg("900000")
        .arg("2")
        .output()
        .unwrap();
    assert!(again.status.success());
    assert_eq!(check(&db, &promised, 1), stored + 2);
}
