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
/// [`difference_interval`] gives it, bit for bit.
///
/// Two things make it faster than one call per job, without changing a result:
/// - every job starts its generator from the same seed, so jobs whose panels have the
///   same sizes draw the same positions: they are drawn once and each job's sums are
///   taken from its own panel at those positions (a group's panels are laid out side
///   by side, one row per position);
/// - the draws are cut into blocks, each with its generator jumped ahead exactly to
///   where the sequential stream would be at the block's first draw (a `Pcg64Mcg` can
///   jump), so blocks can run in any order, natively on all cores, and the interval
///   (percentiles of the defined draws, sorted) is the same.
pub fn intervals(jobs: &[(&Panel, &Panel)], reps: u32, seed: u64) -> Vec<Option<Interval>> {
    intervals_in(jobs, reps, seed, threads(jobs, reps))
}

/// How many threads the draws are worth.
fn threads(jobs: &[(&Panel, &Panel)], reps: u32) -> usize {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let work: usize = jobs.iter().map(|(g, c)| g.n() + c.n()).sum::<usize>() * reps as usize;
        // Below about a million draws a thread costs more than it saves.
        if work > 1_000_000 {
            return std::thread::available_parallelism().map_or(1, |n| n.get());
        }
    }
    let _ = (jobs, reps);
    1
}

/// The most columns of the jobs of a group, before identical columns are merged.
// The event study adds comparisons of the same panel sizes (one per year, when no firm
// leaves): drawn together they cost one set of positions (the picks and their cache
// misses), not one per year.
const MAX_WIDTH: usize = 64;

/// Jobs drawn together: their panels' sizes, and per job the columns of its values.
struct Group {
    n_g: usize,
    n_c: usize,
    /// `(job, columns, kind)`: the columns of `[num_b, num_f, den_b, den_f]` (the first
    /// two for an amount).
    jobs: Vec<(usize, [usize; 4], Kind)>,
    /// The jobs' columns before merging (at most [`MAX_WIDTH`]).
    raw_width: usize,
    /// The distinct columns: G's values and C's. Two jobs whose column holds the same
    /// values on both sides (the baseline sales of the beneficiaries and of the control
    /// firms, in every year of the event study) read one column: the sums are the
    /// same numbers added in the same order.
    columns: Vec<(Vec<f64>, Vec<f64>)>,
    /// Rows are `stride` apart (2, 4, 8, 16, 32 or 64: the few row widths the draws
    /// are compiled for), the columns past the distinct ones are zeros.
    stride: usize,
    /// `n_g` rows of G's values and `n_c` rows of C's.
    rows_g: Vec<f64>,
    rows_c: Vec<f64>,
}

impl Group {
    /// The column holding these values, added if new.
    fn column(&mut self, g: Vec<f64>, c: Vec<f64>) -> usize {
        let same = |a: &[f64], b: &[f64]| a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits());
        if let Some(at) = self
            .columns
            .iter()
            .position(|(cg, cc)| same(cg, &g) && same(cc, &c))
        {
            return at;
        }
        self.columns.push((g, c));
        self.columns.len() - 1
    }
}

/// What a panel's draws compute: the growth of an amount, the growth of a ratio of
/// sums (labour productivity), or the change of a ratio of sums (a share of
/// employment: `num_f / den_f − num_b / den_b`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Amount,
    Ratio,
    Change,
}

impl Kind {
    fn of(p: &Panel) -> Kind {
        match (p.ratio, p.change) {
            (_, true) => Kind::Change,
            (true, false) => Kind::Ratio,
            (false, false) => Kind::Amount,
        }
    }
}

/// The width of a panel's values in a group's rows.
fn width(p: &Panel) -> usize {
    match Kind::of(p) {
        Kind::Amount => 2,
        Kind::Ratio | Kind::Change => 4,
    }
}

fn groups(jobs: &[(&Panel, &Panel)]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for (j, (g, c)) in jobs.iter().enumerate() {
        if g.firms.is_empty() || c.firms.is_empty() || Kind::of(g) != Kind::of(c) {
            continue;
        }
        let w = width(g);
        let at = match groups
            .iter()
            .position(|x| x.n_g == g.n() && x.n_c == c.n() && x.raw_width + w <= MAX_WIDTH)
        {
            Some(at) => at,
            None => {
                groups.push(Group {
                    n_g: g.n(),
                    n_c: c.n(),
                    jobs: Vec::new(),
                    raw_width: 0,
                    columns: Vec::new(),
                    stride: 0,
                    rows_g: Vec::new(),
                    rows_c: Vec::new(),
                });
                groups.len() - 1
            }
        };
        let Some(group) = groups.get_mut(at) else {
            continue;
        };
        let mut cols = [0usize; 4];
        for (k, col) in cols.iter_mut().enumerate().take(w) {
            let values = |p: &Panel| p.firms.iter().map(|f| f[k]).collect::<Vec<f64>>();
            *col = group.column(values(g), values(c));
        }
        group.jobs.push((j, cols, Kind::of(g)));
        group.raw_width += w;
    }
    for group in &mut groups {
        let width = group.columns.len();
        group.stride = [2, 4, 8, 16, 32, MAX_WIDTH]
            .into_iter()
            .find(|s| *s >= width)
            .unwrap_or(MAX_WIDTH);
        let lay = |n: usize, g_side: bool, group: &Group| {
            let mut rows = vec![0.0; n * group.stride];
            for (col, (vg, vc)) in group.columns.iter().enumerate() {
                let values = if g_side { vg } else { vc };
                for (i, v) in values.iter().enumerate() {
                    if let Some(slot) = rows.get_mut(i * group.stride + col) {
                        *slot = *v;
                    }
                }
            }
            rows
        };
        group.rows_g = lay(group.n_g, true, group);
        group.rows_c = lay(group.n_c, false, group);
        group.columns = Vec::new();
    }
    groups
}

/// [`intervals`] with the draws cut into blocks for `threads` threads.
fn intervals_in(
    jobs: &[(&Panel, &Panel)],
    reps: u32,
    seed: u64,
    threads: usize,
) -> Vec<Option<Interval>> {
    let mut out = vec![None; jobs.len()];
    // A job whose two panels are not of one kind (never built so) goes alone.
    for (j, (g, c)) in jobs.iter().enumerate() {
        if Kind::of(g) != Kind::of(c) {
            out[j] = difference_interval(g, c, reps, seed);
        }
    }
    let groups = groups(jobs);
    // Blocks of draws: a few per thread and group, so the threads stay busy to the end.
    let per = if threads > 1 { threads * 2 } else { 1 };
    let blocks: Vec<(usize, u32, u32)> = groups
        .iter()
        .enumerate()
        .flat_map(|(k, _)| {
            let step = reps.div_ceil(per as u32).max(1);
            (0..reps)
                .step_by(step as usize)
                .map(move |from| (k, from, (from + step).min(reps)))
        })
        .collect();
    let run = |&(k, from, to): &(usize, u32, u32)| match groups.get(k) {
        Some(group) => draw(group, from, to, seed),
        None => Vec::new(),
    };
    let drawn: Vec<Vec<Vec<f64>>> = parallel_map(&blocks, threads, run);
    let mut diffs: Vec<Vec<f64>> = vec![Vec::new(); jobs.len()];
    for ((k, _, _), block) in blocks.iter().zip(drawn) {
        let Some(group) = groups.get(*k) else {
            continue;
        };
        for ((j, _, _), d) in group.jobs.iter().zip(block) {
            if let Some(all) = diffs.get_mut(*j) {
                all.extend(d);
            }
        }
    }
    for group in &groups {
        for &(j, _, _) in &group.jobs {
            let Some(d) = diffs.get_mut(j) else { continue };
            if d.is_empty() {
                continue;
            }
            d.sort_unstable_by(f64::total_cmp);
            out[j] = Some(Interval {
                low: percentile(d, 0.025),
                high: percentile(d, 0.975),
                draws: d.len(),
            });
        }
    }
    out
}

/// `f` over `items`, natively on up to `threads` threads, results in order.
fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    #[cfg(not(target_arch = "wasm32"))]
    if threads > 1 && items.len() > 1 {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let next = AtomicUsize::new(0);
        let worker = || {
            let mut done = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else {
                    break done;
                };
                done.push((i, f(item)));
            }
        };
        let results = std::thread::scope(|scope| {
            let spawned: Vec<_> = (1..threads.min(items.len()))
                .filter_map(|_| std::thread::Builder::new().spawn_scoped(scope, worker).ok())
                .collect();
            let mut all = worker();
            for handle in spawned {
                all.extend(
                    handle
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                );
            }
            all
        });
        let mut slots: Vec<Option<R>> = items.iter().map(|_| None).collect();
        for (i, r) in results {
            if let Some(slot) = slots.get_mut(i) {
                *slot = Some(r);
            }
        }
        return slots.into_iter().flatten().collect();
    }
    let _ = threads;
    items.iter().map(f).collect()
}

/// The defined differences of draws `from..to` of a group, per job of the group.
fn draw(group: &Group, from: u32, to: u32, seed: u64) -> Vec<Vec<f64>> {
    match group.stride {
        2 => draw_w::<2>(group, from, to, seed),
        4 => draw_w::<4>(group, from, to, seed),
        8 => draw_w::<8>(group, from, to, seed),
        16 => draw_w::<16>(group, from, to, seed),
        32 => draw_w::<32>(group, from, to, seed),
        _ => draw_w::<MAX_WIDTH>(group, from, to, seed),
    }
}

/// [`draw`] for rows `W` apart (`W` is the group's stride).
fn draw_w<const W: usize>(group: &Group, from: u32, to: u32, seed: u64) -> Vec<Vec<f64>> {
    let mut rng = Picker::at(seed, u128::from(from) * (group.n_g + group.n_c) as u128);
    let mut out = vec![Vec::with_capacity((to - from) as usize); group.jobs.len()];
    // The sums of one side's resample: every column of the rows at once, each in the
    // order of the picks, as the one-job draw adds them.
    let side = |rows: &[f64], n: usize, rng: &mut Picker| {
        let mut s = [0.0f64; W];
        for _ in 0..n {
            let at = rng.pick(n) * W;
            if let Some(row) = rows.get(at..at + W) {
                for (s, v) in s.iter_mut().zip(row) {
                    *s += v;
                }
            }
        }
        s
    };
    for _ in from..to {
        // Both sides are always drawn, so a skipped draw never shifts the stream.
        let sg = side(&group.rows_g, group.n_g, &mut rng);
        let sc = side(&group.rows_c, group.n_c, &mut rng);
        for (&(_, cols, kind), out) in group.jobs.iter().zip(&mut out) {
            let (Some(gg), Some(gc)) = (sums_growth(&sg, cols, kind), sums_growth(&sc, cols, kind))
            else {
                continue;
            };
            let d = gg - gc;
            if d.is_finite() {
                out.push(d);
            }
        }
    }
    out
}

/// The growth of a resample from its sums, as [`Compact::resampled_growth`] takes it.
fn sums_growth(s: &[f64], cols: [usize; 4], kind: Kind) -> Option<f64> {
    let v = |k: usize| s.get(cols[k]).copied().unwrap_or(0.0);
    match kind {
        Kind::Ratio => growth(level(v(0), v(2), true), level(v(1), v(3), true)),
        Kind::Amount => growth(v(0), v(1)),
        Kind::Change => share_change(v(0), v(1), v(2), v(3)),
    }
}

/// `num_f / den_f − num_b / den_b`, finite or `None` (a denominator of 0 or less).
pub fn share_change(num_b: f64, num_f: f64, den_b: f64, den_f: f64) -> Option<f64> {
    if den_b <= 0.0 || den_f <= 0.0 {
        return None;
    }
    let d = num_f / den_f - num_b / den_b;
    d.is_finite().then_some(d)
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

    /// The picker of `seed` after `picks` picks, without making them: the generator
    /// jumps over the outputs they used, and an odd count leaves the high half of the
    /// next output spare.
    fn at(seed: u64, picks: u128) -> Self {
        let mut rng = Pcg64Mcg::seed_from_u64(seed);
        rng.advance(picks / 2);
        let spare = (picks % 2 == 1).then(|| (rng.next_u64() >> 32) as u32);
        Picker { rng, spare }
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
    /// `[workers_b, workers_f, employment_b, employment_f]` per firm: the change of
    /// the share, not its growth.
    Change(Vec<[f64; 4]>),
}

impl Compact {
    fn of(panel: &Panel) -> Self {
        if panel.change {
            Compact::Change(panel.firms.clone())
        } else if panel.ratio {
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
            Compact::Ratio(firms) | Compact::Change(firms) => {
                let n = firms.len();
                let mut s = [0.0f64; 4];
                for _ in 0..n {
                    let v = &firms[rng.pick(n)];
                    s[0] += v[0];
                    s[1] += v[1];
                    s[2] += v[2];
                    s[3] += v[3];
                }
                if matches!(self, Compact::Change(_)) {
                    share_change(s[0], s[1], s[2], s[3])
                } else {
                    growth(level(s[0], s[2], true), level(s[1], s[3], true))
                }
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

    /// A panel of these firms (`[num_b, num_f, den_b, den_f]`) with its sums.
    fn panel_of(firms: Vec<[f64; 4]>, ratio: bool) -> Panel {
        let mut sums = [0.0; 4];
        for f in &firms {
            for k in 0..4 {
                sums[k] += f[k];
            }
        }
        Panel {
            ratio,
            change: false,
            firms,
            sums,
        }
    }

    fn panel(values: &[(f64, f64)]) -> Panel {
        panel_of(
            values.iter().map(|&(b, f)| [b, f, 1.0, 1.0]).collect(),
            false,
        )
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

    fn ratio_panel(values: &[(f64, f64, f64, f64)]) -> Panel {
        panel_of(
            values.iter().map(|&(a, b, c, d)| [a, b, c, d]).collect(),
            true,
        )
    }

    #[test]
    fn grouped_and_blocked_draws_equal_one_job_at_a_time() {
        // Panels of equal sizes (drawn together), odd sizes (a draw starts on a spare
        // half), ratio and amount side by side, a panel whose draws are all undefined,
        // more jobs than fit one row.
        let amounts = |n: usize, k: usize| -> Vec<(f64, f64)> {
            (0..n)
                .map(|i| (1.0 + ((i * k) % 17) as f64, 2.0 + ((i * 7 + k) % 23) as f64))
                .collect()
        };
        let ratios = |n: usize| -> Vec<(f64, f64, f64, f64)> {
            (0..n)
                .map(|i| {
                    (
                        10.0 + (i % 5) as f64,
                        12.0 + (i % 7) as f64,
                        1.0 + (i % 3) as f64,
                        2.0,
                    )
                })
                .collect()
        };
        let (a1, a2, a3) = (
            panel(&amounts(31, 3)),
            panel(&amounts(31, 5)),
            panel(&amounts(17, 2)),
        );
        let (b1, b2) = (panel(&amounts(17, 7)), panel(&amounts(8, 1)));
        let (r1, r2) = (ratio_panel(&ratios(31)), ratio_panel(&ratios(17)));
        let zero = panel(&[(0.0, 1.0), (0.0, 2.0), (0.0, 3.0)]);
        let jobs = [
            (&a1, &a3),
            (&r1, &r2),
            (&a2, &a3),
            (&a1, &b1),
            (&a2, &b2),
            (&zero, &b2),
            (&r1, &r2),
            (&r1, &r2),
            (&r1, &r2),
            (&a3, &a1),
        ];
        for reps in [0, 1, 37, 200] {
            let want: Vec<_> = jobs
                .iter()
                .map(|(g, c)| difference_interval(g, c, reps, 42))
                .collect();
            for threads in [1, 2, 3, 5] {
                assert_eq!(
                    intervals_in(&jobs, reps, 42, threads),
                    want,
                    "{reps} reps, {threads} threads"
                );
            }
        }
    }

    #[test]
    fn a_jump_lands_where_the_picks_would() {
        for picks in [0u128, 1, 2, 7, 100] {
            let mut walked = Picker::new(9);
            for _ in 0..picks {
                walked.pick(1000);
            }
            let mut jumped = Picker::at(9, picks);
            for _ in 0..5 {
                assert_eq!(walked.pick(1000), jumped.pick(1000));
            }
        }
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
