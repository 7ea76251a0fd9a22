//! An Xvfb display whose framebuffer is a file (`-fbdir`), so the first frame
//! a program shows can be seen without touching the program: the moment the
//! window's pixels stop being the black root.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Display {
    pub name: String,
    fb: PathBuf,
    xvfb: Child,
}

impl Drop for Display {
    fn drop(&mut self) {
        let _ = self.xvfb.kill();
        let _ = self.xvfb.wait();
    }
}

impl Display {
    pub fn start(dir: &Path) -> Display {
        std::fs::create_dir_all(dir).unwrap();
        for n in 0..40u32 {
            let number = 600 + (std::process::id() + n) % 300;
            if Path::new(&format!("/tmp/.X11-unix/X{number}")).exists() {
                continue;
            }
            let name = format!(":{number}");
            let xvfb = Command::new("Xvfb")
                .args([
                    &name,
                    "-screen",
                    "0",
                    "1280x720x24",
                    "-br",
                    "-nolisten",
                    "tcp",
                    "-fbdir",
                ])
                .arg(dir)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("Xvfb runs (Debian package xvfb)");
            let display = Display {
                name,
                fb: dir.join("Xvfb_screen0"),
                xvfb,
            };
            let start = Instant::now();
            while start.elapsed() < Duration::from_secs(10) {
                if Path::new(&format!("/tmp/.X11-unix/X{number}")).exists() && display.fb.exists() {
                    return display;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        panic!("no Xvfb display could be started");
    }

    /// Whether anything but black is on screen, sampled on a grid of pixels.
    pub fn shows_something(&self) -> bool {
        let Some(fb) = self.read() else { return false };
        (1..8)
            .flat_map(|y| (1..8).map(move |x| (x * fb.width / 8, y * fb.height / 8)))
            .any(|(x, y)| fb.pixel(x, y).is_some_and(|p| p.iter().any(|&b| b != 0)))
    }

    /// Whether the pixel at (x, y) is white: the app's top bar, once the menu is drawn.
    pub fn is_white(&self, x: usize, y: usize) -> bool {
        self.read()
            .and_then(|fb| fb.pixel(x, y).map(|p| p.iter().all(|&b| b == 0xFF)))
            .unwrap_or(false)
    }

    fn read(&self) -> Option<Framebuffer> {
        let bytes = std::fs::read(&self.fb).ok()?;
        if bytes.len() < 100 {
            return None;
        }
        let word =
            |i: usize| u32::from_be_bytes(bytes[i * 4..i * 4 + 4].try_into().unwrap()) as usize;
        let (header, width, height, bpp, line, ncolors) =
            (word(0), word(4), word(5), word(11), word(12), word(19));
        Some(Framebuffer {
            data: header + ncolors * 12,
            width,
            height,
            px: bpp / 8,
            line,
            bytes,
        })
    }

    pub fn xdotool(&self, args: &[&str]) -> String {
        let out = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.name)
            .output()
            .expect("xdotool runs (Debian package xdotool)");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }
}

/// An XWD image: the header's sizes and the pixel bytes.
struct Framebuffer {
    bytes: Vec<u8>,
    data: usize,
    width: usize,
    height: usize,
    px: usize,
    line: usize,
}

impl Framebuffer {
    fn pixel(&self, x: usize, y: usize) -> Option<&[u8]> {
        let at = self.data + y * self.line + x * self.px;
        self.bytes.get(at..at + 3)
    }
}
