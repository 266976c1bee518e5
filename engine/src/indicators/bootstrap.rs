//! Stratified bootstrap interval of a growth difference (SPEC, "Comparison with the
//! control group").
//!
//! Each draw resamples the panel firms of G (n_G of them, with replacement) and,
//! separately, those of C, recomputes both panel growths from the resampled sums and
//! keeps `growth(G) − growth(C)`. The interval is the 2.5th and 97.5th percentiles of
//! the kept draws (linear interpolation between order statistics, "type 7"). Draws
//! whose growth is undefined (a resampled baseline of 0) are skipped and counted.
//!
//! Reproducibility: every interval starts its own `Pcg64Mcg` generator from
//! `settings.seed`, so an interval depends only on its two panels, the number of draws
//! and the seed (not on which other indicators were computed before it). Indices are
//! drawn by multiply-shift from 32-bit halves of its outputs (see `Picker`): integer
//! only, identical on every platform including wasm32. The panels are
//! the ones already built (`[num_b, num_f, den_b, den_f]` per firm): the table is never
//! scanned again.

use rand::{RngCore, SeedableRng};
use rand_pcg::Pcg64Mcg;

use super::panels::{level, Panel};
use crate::panel::growth;

/// A bootstrap interval and how many draws it came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
    /// Draws with a defined difference (the others had a resampled baseline of 0).
    pub draws: usize,
}

/// The 95% percentile interval of `growth(g) − growth(c)`, or `None` when no draw
/// gave a defined difference (or `reps` is 0). Callers check that each panel has at
/// least 2 firms.
pub fn difference_interval(g: &Panel, c: &Panel, reps: u32, seed: u64) -> Option<Interval> {
    if g.firms.is_empty() || c.firms.is_empty() {
        return None;
    }
    let mut rng = Picker::new(seed);
    // Amount panels only need (num_b, num_f): a compact copy halves memory traffic.
    let (cg, cc) = (Compact::of(g), Compact::of(c));
    let mut diffs = Vec::with_capacity(reps as usize);
    for _ in 0..reps {
        // Both sides are always drawn, so a skipped draw never shifts the stream.
        let gg = cg.resampled_growth(&mut rng);
        let gc = cc.resampled_growth(&mut rng);
        if let (Some(a), Some(b)) = (gg, gc) {
            let d = a - b;
            if d.is_finite() {
                diffs.push(d);
            }
        }
    }
    if diffs.is_empty() {
        return None;
    }
    diffs.sort_unstable_by(f64::total_cmp);
    Some(Interval {
        low: percentile(&diffs, 0.025),
        high: percentile(&diffs, 0.975),
        draws: diffs.len(),
    })
}

/// The intervals of several comparisons (one per `(g, c)` job), each exactly as
/// [`difference_interval`] gives it. Natively the jobs run on the machine's cores
/// (each job has its own generator, so the result does not depend on which thread
/// ran it); on wasm32 one after the other.
pub fn intervals(jobs: &[(&Panel, &Panel)], reps: u32, seed: u64) -> Vec<Option<Interval>> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::sync::Mutex;
        let work: usize = jobs.iter().map(|(g, c)| g.n() + c.n()).sum::<usize>() * reps as usize;
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(jobs.len());
        // Below about a million draws a thread costs more than it saves.
        if threads > 1 && work > 1_000_000 {
            let next = AtomicUsize::new(0);
            let out = Mutex::new(vec![None; jobs.len()]);
            std::thread::scope(|s| {
                for _ in 0..threads {
                    s.spawn(|| loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&(g, c)) = jobs.get(i) else {
                            break;
                        };
                        let interval = difference_interval(g, c, reps, seed);
                        if let Ok(mut out) = out.lock() {
                            out[i] = interval;
                        }
                    });
                }
            });
            if let Ok(out) = out.into_inner() {
                return out;
            }
        }
    }
    jobs.iter()
        .map(|(g, c)| difference_interval(g, c, reps, seed))
        .collect()
}

/// Uniform indices from a `Pcg64Mcg`: each 64-bit output gives two 32-bit halves,
/// and an index in `0..n` is `⌊h · n / 2³²⌋` of a half `h` (multiply-shift: integers
/// only, the same on every platform; bias below n/2³², under 10⁻⁴ for 400,000 firms,
/// far below the percentile's own sampling noise).
struct Picker {
    rng: Pcg64Mcg,
    spare: Option<u32>,
}

impl Picker {
    fn new(seed: u64) -> Self {
        Picker {
            rng: Pcg64Mcg::seed_from_u64(seed),
            spare: None,
        }
    }

    #[inline]
    fn pick(&mut self, n: usize) -> usize {
        let h = match self.spare.take() {
            Some(h) => h,
            None => {
                let x = self.rng.next_u64();
                self.spare = Some((x >> 32) as u32);
                x as u32
            }
        };
        ((u64::from(h) * n as u64) >> 32) as usize
    }
}

/// A panel's firms as the bootstrap reads them.
enum Compact {
    /// `(num_b, num_f)` per firm.
    Amount(Vec<[f64; 2]>),
    /// `[output_b, output_f, employment_b, employment_f]` per firm.
    Ratio(Vec<[f64; 4]>),
}

impl Compact {
    fn of(panel: &Panel) -> Self {
        if panel.ratio {
            Compact::Ratio(panel.firms.clone())
        } else {
            Compact::Amount(panel.firms.iter().map(|f| [f[0], f[1]]).collect())
        }
    }

    /// The growth of one resample (same size, with replacement).
    fn resampled_growth(&self, rng: &mut Picker) -> Option<f64> {
        match self {
            Compact::Amount(firms) => {
                let n = firms.len();
                let (mut sb, mut sf) = (0.0f64, 0.0f64);
                for _ in 0..n {
                    let v = &firms[rng.pick(n)];
                    sb += v[0];
                    sf += v[1];
                }
                growth(sb, sf)
            }
            Compact::Ratio(firms) => {
                let n = firms.len();
                let mut s = [0.0f64; 4];
                for _ in 0..n {
                    let v = &firms[rng.pick(n)];
                    s[0] += v[0];
                    s[1] += v[1];
                    s[2] += v[2];
                    s[3] += v[3];
                }
                growth(level(s[0], s[2], true), level(s[1], s[3], true))
            }
        }
    }
}

/// Percentile `p` of sorted, non-empty `xs` (linear interpolation, "type 7").
pub fn percentile(xs: &[f64], p: f64) -> f64 {
    let h = (xs.len() - 1) as f64 * p;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(xs.len() - 1);
    xs[lo] + (h - lo as f64) * (xs[hi] - xs[lo])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn panel(values: &[(f64, f64)]) -> Panel {
        let firms: Vec<[f64; 4]> = values.iter().map(|&(b, f)| [b, f, 1.0, 1.0]).collect();
        let mut sums = [0.0; 4];
        for f in &firms {
            for k in 0..4 {
                sums[k] += f[k];
            }
        }
        Panel {
            ratio: false,
            firms,
            sums,
        }
    }

    #[test]
    fn percentiles_interpolate() {
        let xs = [0.0, 1.0, 2.0, 3.0, 4.0];
        assert_eq!(percentile(&xs, 0.0), 0.0);
        assert_eq!(percentile(&xs, 1.0), 4.0);
        assert!((percentile(&xs, 0.025) - 0.1).abs() < 1e-12);
        assert_eq!(percentile(&[7.0], 0.975), 7.0);
    }

    #[test]
    fn same_seed_same_interval_and_brackets_the_estimate() {
        let g = panel(&[(100.0, 130.0), (50.0, 60.0), (80.0, 100.0), (120.0, 150.0)]);
        let c = panel(&[(100.0, 105.0), (60.0, 61.0), (90.0, 95.0)]);
        let a = difference_interval(&g, &c, 500, 42).unwrap();
        let b = difference_interval(&g, &c, 500, 42).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.draws, 500);
        let est = g.growth().unwrap() - c.growth().unwrap();
        assert!(a.low <= est && est <= a.high, "{a:?} {est}");
        let other = difference_interval(&g, &c, 500, 7).unwrap();
        assert_ne!(a, other);
    }

    #[test]
    fn identical_firms_give_a_point_interval() {
        let g = panel(&[(10.0, 12.0), (10.0, 12.0)]);
        let c = panel(&[(10.0, 11.0), (10.0, 11.0)]);
        let i = difference_interval(&g, &c, 50, 1).unwrap();
        assert!((i.low - 0.1).abs() < 1e-12 && (i.high - 0.1).abs() < 1e-12);
    }

    #[test]
    fn undefined_draws_are_skipped() {
        // G's firms all have a baseline of 0: no draw is defined.
        let g = panel(&[(0.0, 1.0), (0.0, 2.0)]);
        let c = panel(&[(1.0, 1.0), (1.0, 2.0)]);
        assert_eq!(difference_interval(&g, &c, 20, 1), None);
        assert_eq!(difference_interval(&c, &c, 0, 1), None);
    }

    #[test]
    fn parallel_intervals_equal_serial_ones() {
        let big: Vec<(f64, f64)> = (0..4000)
            .map(|i| (100.0 + (i % 37) as f64, 110.0 + (i % 53) as f64))
            .collect();
        let (g, c) = (panel(&big), panel(&big[..3000]));
        let jobs = [(&g, &c), (&c, &g), (&g, &g)];
        let all = intervals(&jobs, 200, 42);
        for (k, (a, b)) in jobs.iter().enumerate() {
            assert_eq!(all[k], difference_interval(a, b, 200, 42));
        }
    }
}
