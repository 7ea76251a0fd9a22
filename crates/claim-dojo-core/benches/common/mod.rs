//! Shared by the bench binaries: a small timing harness (best of several runs,
//! each long enough to be measurable) and the generated 5,000-node scenario.

#![allow(dead_code)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The baseline every bench compares with: `ron::from_str` as the cheapest
/// possible loader would call it (the shipped files use implicit `Some`).
pub fn bare_ron() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Bare `ron::from_str` of each text into a `Scenario` (the baseline).
pub fn parse_bare(options: &ron::Options, texts: &[(String, String)]) -> usize {
    texts
        .iter()
        .map(|(_, s)| {
            options
                .from_str::<claim_dojo_core::Scenario>(s)
                .map(|s| s.nodes.len())
                .unwrap_or(0)
        })
        .sum()
}

/// Full validation of each text: positioned reader, decoding, every check.
pub fn validate_fully(texts: &[(String, String)]) -> usize {
    texts
        .iter()
        .map(|(n, s)| claim_dojo_core::load_str(n, s).diagnostics.len())
        .sum()
}

/// Seconds per call of `f`: the best of 5 runs of at least `min` each. The best,
/// not the mean, because other processes on a 2-core machine only ever add time.
pub fn time_per_call<T>(min: Duration, mut f: impl FnMut() -> T) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let start = Instant::now();
        let mut n = 0u64;
        while start.elapsed() < min {
            black_box(f());
            n += 1;
        }
        best = best.min(start.elapsed().as_secs_f64() / n as f64);
    }
    best
}

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every shipped scenario's file name and text.
pub fn shipped() -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = std::fs::read_dir(root().join("scenarios"))
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .map(|p| {
                    (
                        p.file_name().unwrap().to_string_lossy().into_owned(),
                        std::fs::read_to_string(&p).unwrap(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// A deterministic pseudo-random sequence (no dependency, same on every machine).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// Layer sizes that grow threefold from a single start node and add up to `nodes`.
fn layer_sizes(nodes: usize, layers: usize) -> Vec<usize> {
    let sizes = |cap: usize| {
        (0..layers)
            .map(|l| 3usize.saturating_pow(l as u32).min(cap))
            .collect::<Vec<_>>()
    };
    let cap = (1..=nodes)
        .find(|&c| sizes(c).iter().sum::<usize>() >= nodes)
        .unwrap_or(nodes);
    let mut v = sizes(cap);
    let excess = v.iter().sum::<usize>() - nodes;
    *v.last_mut().unwrap() -= excess;
    v
}

/// A valid scenario of `nodes` nodes in ten layers, growing threefold from the
/// start; each node offers three choices into the next layer (so paths converge),
/// and the last layer ends the call with varied outcomes.
pub fn generated(nodes: usize) -> String {
    const TAGS: [&str; 8] = [
        "FeelingsApology",
        "ChecksFact",
        "Excuse",
        "ProposesSolution",
        "NextStep",
        "InvitesStory",
        "Denial",
        "AcknowledgesBurden",
    ];
    const ENDINGS: [&str; 4] = ["Resolved", "HungUp", "SecondaryComplaint", "Escalated"];
    let sizes = layer_sizes(nodes, 10);
    let mut rng = Lcg(42);
    let mut s = String::from(
        "Scenario(format: 1, id: \"generated\", title: (ja: \"生成\", en: \"Generated\"), summary: (ja: \"生成\", en: \"Generated\"),\n\
         role: Primary, difficulty: 3, minutes: 5, rules: [\"R06\"],\n\
         persona: (name: (ja: \"客\", en: \"C\"), background: (ja: \"背景\", en: \"B\"), anger: 60, calm_below: 35, hang_up_at: 95,\n\
         volatility: 1.0, patience_s: 6, chars_per_s: 8),\n\
         facts: [(id: \"line\", name: (ja: \"発言\", en: \"the line\"), forms: [\"お客様の発言\"])],\n start: \"n0-0\",\n nodes: [\n",
    );
    for (layer, &size) in sizes.iter().enumerate() {
        for i in 0..size {
            s.push_str(&format!("  (id: \"n{layer}-{i}\", customer: (ja: \"お客様の発言その{layer}の{i}です。\", en: \"Customer line {layer}-{i}.\"),\n"));
            let Some(&next) = sizes.get(layer + 1) else {
                s.push_str(&format!("   ending: {}),\n", ENDINGS[i % ENDINGS.len()]));
                continue;
            };
            s.push_str("   choices: [\n");
            for k in 0..3 {
                let tag = TAGS[rng.next(TAGS.len())];
                // An excuse or a denial never calms, an apology angers by 3 at
                // most (E043).
                let anger = rng.next(9) as i32 - 4;
                let anger = match tag {
                    "Excuse" | "Denial" => anger.abs(),
                    "FeelingsApology" | "FaultApology" => anger.min(3),
                    _ => anger,
                };
                s.push_str(&format!(
                    "    (id: \"c{layer}-{i}-{k}\", text: (ja: \"はい、承知いたしました。\", en: \"Yes, certainly.\"), next: \"n{}-{}\", anger: {anger}, tags: [{tag}]),\n",
                    layer + 1,
                    (3 * i + k) % next,
                ));
            }
            s.push_str("   ]),\n");
        }
    }
    s.push_str(" ],\n)\n");
    s
}
