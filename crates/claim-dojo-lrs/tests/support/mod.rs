//! What the LRS tests share: real session reports played by the core, a
//! records file with the outbox hook, and Ralph (a real LRS) started on a
//! free loopback port and stopped when dropped.
//!
//! Ralph is found in the venv named by `CLAIM_DOJO_RALPH_VENV` (default
//! `/opt/ralph-venv`, where `.ci/run` installs it). Without it the tests
//! fail with how to install it: they never skip.
#![allow(dead_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use claim_dojo_core::play::{self, Policy};
use claim_dojo_core::report::Report;
use claim_dojo_lrs::{LrsConfig, OutboxHook, Profile};
use claim_dojo_records::{NewSession, Source, Store};
use jiff::Timestamp;

pub const USER: &str = "trainer";

/// Ralph's app under uvicorn on 127.0.0.1:`argv[1]`, its `fs` LRS appending.
const LAUNCH: &str = "import sys, uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend
FSLRSBackend.default_operation_type = BaseOperationType.APPEND
uvicorn.run('ralph.api:app', host='127.0.0.1', port=int(sys.argv[1]), access_log=False, log_level='warning')
";
pub const SECRET: &str = "s3cret-for-tests";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A session report of a real play of `scenario` (a path from the repo root).
pub fn report(scenario: &str, seed: u64, policy: Policy) -> String {
    let s = claim_dojo_core::load_file(&root().join(scenario))
        .scenario
        .expect("fixture scenario loads");
    let mut session = play::session(&Arc::new(s), seed);
    play::policy::run(&mut session, policy, seed);
    let card = session.finish();
    Report::build(&session, &card).to_json()
}

pub const LATE: &str = "tests/fixtures/app/scenarios/late-parcel.ron";

pub fn at(minute: i64) -> Timestamp {
    Timestamp::from_second(1_795_000_000 + minute * 60).unwrap()
}

/// A records file in `dir` with the outbox hook, holding `n` sessions of
/// three trainees (3 statements each).
pub fn store_with_sessions(dir: &Path, n: usize) -> Arc<Store> {
    let mut store = Store::open(&dir.join("records.sqlite3")).unwrap().store;
    store.add_hook(Box::new(OutboxHook {
        profile: Profile::default(),
    }));
    let reports: Vec<String> = [Policy::Plausible, Policy::First, Policy::Silent]
        .iter()
        .enumerate()
        .map(|(i, p)| report(LATE, i as u64 + 1, *p))
        .collect();
    let trainees: Vec<_> = ["佐藤", "Suzuki", "高橋"]
        .iter()
        .map(|n| store.trainee(n).unwrap())
        .collect();
    for i in 0..n {
        store
            .save_session(&NewSession {
                trainee: trainees[i % 3].id,
                report_json: &reports[i % reports.len()],
                scenario_hash: None,
                started_at: at(i as i64 * 10),
                ended_at: at(i as i64 * 10 + 3),
                what_if: None,
                source: Source::App,
            })
            .unwrap();
    }
    Arc::new(store)
}

pub fn venv() -> PathBuf {
    std::env::var_os("CLAIM_DOJO_RALPH_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/opt/ralph-venv"))
}

/// The credentials file, made once per test binary with `ralph auth`.
fn auth_file() -> &'static Path {
    static AUTH: OnceLock<PathBuf> = OnceLock::new();
    AUTH.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("ralph-auth-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("auth.json");
        let ralph = venv().join("bin/ralph");
        assert!(
            ralph.is_file(),
            "Ralph is not installed at {} (set CLAIM_DOJO_RALPH_VENV, or: python3 -m venv /opt/ralph-venv && \
             /opt/ralph-venv/bin/pip install 'ralph-malph[cli,lrs]' requests)",
            ralph.display()
        );
        let out = Command::new(&ralph)
            .args(["auth", "-u", USER, "-p", SECRET, "-s", "all", "-A", USER])
            .arg("https://claim-dojo.github.io/trainers")
            .arg("-w")
            .current_dir(&dir)
            .env("RALPH_APP_DIR", &dir)
            .env("RALPH_AUTH_FILE", &file)
            .env("RALPH_RUNSERVER_BACKEND", "fs")
            .output()
            .unwrap();
        assert!(
            out.status.success() && file.is_file(),
            "ralph auth failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        file
    })
}

/// A free loopback port (bound then released).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A running Ralph LRS with the `fs` backend in its own folder.
pub struct Ralph {
    child: Option<Child>,
    pub port: u16,
    pub data: PathBuf,
}

impl Ralph {
    /// Starts Ralph on a free port with a fresh data folder.
    pub fn start(tmp: &Path) -> Ralph {
        let data = tmp.join("ralph-data");
        std::fs::create_dir_all(&data).unwrap();
        Ralph::start_on(free_port(), data)
    }

    /// Starts Ralph on `port` with `data` (a restart keeps both), as
    /// `ralph runserver -b fs` does but with two differences (see
    /// docs/xapi.md): uvicorn is run without `reload=True` (which watches the
    /// working folder and starts the app twice), and the `fs` backend
    /// appends: in Ralph 5.1 its LRS writes use the file backend's default
    /// `create`, which refuses every POST after the first once its file
    /// exists ("already exists and overwrite is not allowed").
    pub fn start_on(port: u16, data: PathBuf) -> Ralph {
        let auth = auth_file();
        let child = Command::new(venv().join("bin/python"))
            .arg("-c")
            .arg(LAUNCH)
            .arg(port.to_string())
            .current_dir(&data)
            // Each server its own app folder: Ralph keeps its backends' history
            // there, and servers running side by side must not share it.
            .env("RALPH_APP_DIR", &data)
            .env("RALPH_AUTH_FILE", auth)
            .env("RALPH_RUNSERVER_BACKEND", "fs")
            .env("RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH", &data)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let ralph = Ralph {
            child: Some(child),
            port,
            data,
        };
        ralph.wait_ready();
        ralph
    }

    fn wait_ready(&self) {
        let until = Instant::now() + Duration::from_secs(90);
        let lrs = claim_dojo_lrs::client::Lrs::new(&self.config(SECRET));
        while Instant::now() < until {
            if lrs.page("limit=1", None).is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("Ralph did not answer on port {} within 90 s", self.port);
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}/xAPI/", self.port)
    }

    /// A configuration for this LRS with quick backoff (tests).
    pub fn config(&self, secret: &str) -> LrsConfig {
        quick(LrsConfig::new(&self.endpoint(), USER, secret))
    }

    /// Every statement stored, page by page.
    pub fn all_statements(&self) -> Vec<serde_json::Value> {
        let lrs = claim_dojo_lrs::client::Lrs::new(&self.config(SECRET));
        let mut all = Vec::new();
        let mut more: Option<String> = None;
        loop {
            let (page, next) = lrs.page("limit=100", more.as_deref()).unwrap();
            all.extend(page);
            match next {
                Some(n) => more = Some(n),
                None => return all,
            }
        }
    }

    /// Kills the server at once (no graceful shutdown: as a crash would).
    pub fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Drop for Ralph {
    fn drop(&mut self) {
        self.kill();
    }
}

pub fn quick(mut c: LrsConfig) -> LrsConfig {
    c.backoff_first = Duration::from_millis(50);
    c.backoff_max = Duration::from_millis(500);
    c.idle_poll = Duration::from_millis(200);
    c.timeout = Duration::from_secs(20);
    c
}

/// Waits until `f` holds (checking every 50 ms), up to `secs`.
pub fn eventually(secs: u64, mut f: impl FnMut() -> bool) -> bool {
    let until = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < until {
        if f() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    f()
}

/// A TCP relay in front of an LRS that can be cut (every open connection
/// dropped at once, new ones refused) and restored on the same port: the LRS
/// unreachable in the middle of a request, its answer lost, as when a
/// center's network or LRS goes down. Cutting the relay rather than killing
/// Ralph keeps what Ralph stored readable: its `fs` backend, killed in the
/// middle of a write, keeps half a line that it then fails to read, answering
/// 500 to every request after its restart (a fault of that test backend, not
/// of the worker, and one a real LRS's database does not have).
pub struct Relay {
    pub port: u16,
    target: u16,
    up: Arc<std::sync::atomic::AtomicBool>,
    open: Arc<std::sync::Mutex<Vec<std::net::TcpStream>>>,
}

impl Relay {
    pub fn start(target: u16) -> Relay {
        let relay = Relay {
            port: free_port(),
            target,
            up: Arc::default(),
            open: Arc::default(),
        };
        relay.restore();
        relay
    }

    /// Accepts connections again, on the same port.
    pub fn restore(&self) {
        use std::sync::atomic::Ordering;
        let listener = TcpListener::bind(("127.0.0.1", self.port)).unwrap();
        self.up.store(true, Ordering::SeqCst);
        let (up, open, target) = (self.up.clone(), self.open.clone(), self.target);
        std::thread::spawn(move || {
            for client in listener.incoming() {
                if !up.load(Ordering::SeqCst) {
                    return;
                }
                let Ok(client) = client else { continue };
                let Ok(server) = std::net::TcpStream::connect(("127.0.0.1", target)) else {
                    continue;
                };
                let pump = |mut from: std::net::TcpStream, mut to: std::net::TcpStream| {
                    std::thread::spawn(move || {
                        let _ = std::io::copy(&mut from, &mut to);
                        let _ = to.shutdown(std::net::Shutdown::Both);
                        let _ = from.shutdown(std::net::Shutdown::Both);
                    });
                };
                if let (Ok(c2), Ok(s2)) = (client.try_clone(), server.try_clone()) {
                    open.lock().unwrap().extend([c2, s2]);
                    pump(client.try_clone().unwrap(), server.try_clone().unwrap());
                    pump(server, client);
                }
            }
        });
    }

    /// Drops every open connection and refuses new ones until `restore`.
    pub fn cut(&self) {
        use std::sync::atomic::Ordering;
        self.up.store(false, Ordering::SeqCst);
        // Wakes the accept loop so that it sees the cut and closes the port.
        let _ = std::net::TcpStream::connect(("127.0.0.1", self.port));
        for s in self.open.lock().unwrap().drain(..) {
            let _ = s.shutdown(std::net::Shutdown::Both);
        }
        // The port is closed once the loop has returned.
        let until = Instant::now() + Duration::from_secs(5);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
            assert!(Instant::now() < until, "the relay's port did not close");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn config(&self, secret: &str) -> LrsConfig {
        quick(LrsConfig::new(
            &format!("http://127.0.0.1:{}/xAPI/", self.port),
            USER,
            secret,
        ))
    }
}
