//! The audio thread: it owns the output stream (rodio on cpal), opens it only
//! while a call is on screen (so the menu costs nothing), and plays one line at
//! a time as the call tells it. At start it tries the default device once and
//! reports; with none (a machine without a sound card) the app runs text-only.
//! Nothing here can stop the app: every failure is a message.

use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bevy::prelude::*;
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};
use claim_dojo_voice::{Speech, VoiceError};

use super::VoiceStatus;

/// What the call tells the audio thread.
#[derive(Debug, Clone)]
pub enum Command {
    /// A call starts: open the device.
    Open,
    /// The call is over: close it.
    Close,
    /// Say `speech` from `skip` on, instead of anything playing.
    Play {
        speech: Arc<Speech>,
        skip: Duration,
    },
    /// Stop at once (the line was cut: mid-word).
    Stop,
    Pause(bool),
    /// 0 to 1.
    Volume(f32),
}

#[derive(Resource)]
pub struct AudioOut {
    tx: Sender<Command>,
    probe: Mutex<Option<Receiver<Result<(), VoiceError>>>>,
}

impl AudioOut {
    pub fn send(&self, command: Command) {
        let _ = self.tx.send(command);
    }

    /// An output that only records what it is told, with a working device (tests).
    pub fn recorder() -> (AudioOut, Receiver<Command>) {
        let (tx, rx) = mpsc::channel();
        let (ptx, prx) = mpsc::channel();
        let _ = ptx.send(Ok(()));
        let out = AudioOut {
            tx,
            probe: Mutex::new(Some(prx)),
        };
        (out, rx)
    }
}

/// Starts the audio thread, unless an output is already there (tests).
pub fn start(
    existing: Option<Res<AudioOut>>,
    proxy: Option<Res<EventLoopProxyWrapper>>,
    mut commands: Commands,
) {
    if existing.is_some() {
        return;
    }
    let (tx, rx) = mpsc::channel();
    let (ptx, prx) = mpsc::channel();
    let proxy = proxy.map(|p| (**p).clone());
    let refused = ptx.clone();
    let spawned = std::thread::Builder::new()
        .name("voice-out".into())
        .spawn(move || {
            let probe = device::probe();
            let _ = ptx.send(probe);
            // The menu is drawn only on input: wake it to show what was found.
            if let Some(proxy) = proxy {
                let _ = proxy.send_event(WinitUserEvent::WakeUp);
            }
            device::serve(&rx);
        });
    if let Err(e) = spawned {
        let _ = refused.send(Err(VoiceError::NoAudioDevice {
            reason: e.to_string(),
        }));
    }
    commands.insert_resource(AudioOut {
        tx,
        probe: Mutex::new(Some(prx)),
    });
}

/// Takes the device probe's answer once it comes.
pub fn hear_probe(out: Option<Res<AudioOut>>, status: Option<ResMut<VoiceStatus>>) {
    let (Some(out), Some(mut status)) = (out, status) else {
        return;
    };
    if status.device.is_some() {
        return;
    }
    let Ok(mut probe) = out.probe.lock() else {
        return;
    };
    let answer = match probe.as_ref().map(|rx| rx.try_recv()) {
        Some(Ok(answer)) => answer,
        Some(Err(mpsc::TryRecvError::Empty)) => return,
        Some(Err(mpsc::TryRecvError::Disconnected)) | None => Err(VoiceError::NoAudioDevice {
            reason: "the audio thread ended".into(),
        }),
    };
    *probe = None;
    match &answer {
        Ok(()) => info!("voice: audio device ready"),
        Err(e) => warn!("voice: {e}"),
    }
    status.device = Some(answer);
}

/// The device, through rodio.
mod device {
    use std::num::{NonZeroU16, NonZeroU32};

    use super::*;

    /// Frames in the device's buffer: about 43 ms at 48 kHz (rodio's default is
    /// 100 ms), part of how late a line is heard after it starts.
    const BUFFER_FRAMES: u32 = 2048;

    fn open() -> Result<rodio::MixerDeviceSink, VoiceError> {
        let why = |e: rodio::DeviceSinkError| {
            let mut reason = e.to_string();
            let mut source = std::error::Error::source(&e);
            while let Some(s) = source {
                reason.push_str(&format!(": {s}"));
                source = s.source();
            }
            VoiceError::NoAudioDevice { reason }
        };
        let small = rodio::DeviceSinkBuilder::from_default_device().and_then(|b| {
            b.with_buffer_size(rodio::cpal::BufferSize::Fixed(BUFFER_FRAMES))
                .open_sink_or_fallback()
        });
        let mut sink = match small {
            Ok(sink) => sink,
            Err(_) => rodio::DeviceSinkBuilder::open_default_sink().map_err(why)?,
        };
        sink.log_on_drop(false);
        Ok(sink)
    }

    /// Opens the default device and closes it again.
    pub fn probe() -> Result<(), VoiceError> {
        open().map(drop)
    }

    pub fn serve(rx: &Receiver<Command>) {
        let mut stream: Option<rodio::MixerDeviceSink> = None;
        let mut sink: Option<rodio::Player> = None;
        let mut volume = 1.0;
        let mut paused = false;
        while let Ok(command) = rx.recv() {
            match command {
                Command::Open => {
                    if stream.is_none() {
                        stream = open().map_err(|e| warn!("voice: {e}")).ok();
                    }
                }
                Command::Close => {
                    sink = None;
                    stream = None;
                }
                Command::Play { speech, skip } => {
                    let Some(stream) = &stream else { continue };
                    let (Some(channels), Some(rate)) =
                        (NonZeroU16::new(1), NonZeroU32::new(speech.rate))
                    else {
                        continue;
                    };
                    let s = rodio::Player::connect_new(stream.mixer());
                    s.set_volume(volume);
                    let samples: Vec<f32> = speech
                        .samples
                        .iter()
                        .skip((skip.as_secs_f64() * f64::from(speech.rate)) as usize)
                        .map(|&x| f32::from(x) / 32768.0)
                        .collect();
                    s.append(rodio::buffer::SamplesBuffer::new(channels, rate, samples));
                    if paused {
                        s.pause();
                    }
                    // The previous line stops as this one starts.
                    if let Some(old) = sink.replace(s) {
                        old.stop();
                    }
                }
                Command::Stop => {
                    if let Some(s) = sink.take() {
                        s.stop();
                    }
                }
                Command::Pause(p) => {
                    paused = p;
                    if let Some(s) = &sink {
                        if p { s.pause() } else { s.play() }
                    }
                }
                Command::Volume(v) => {
                    volume = v.clamp(0.0, 1.0);
                    if let Some(s) = &sink {
                        s.set_volume(volume);
                    }
                }
            }
        }
    }
}
