//! A small deterministic generator, shared by everything that needs reproducible
//! "random" numbers without a dependency: the engine's synthetic benchmark tables and
//! the page's example project.

/// A linear congruential generator: the same numbers on every machine and every run.
pub struct Lcg(pub u64);

impl Lcg {
    /// The next number, uniform in [0, 1).
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 11) as f64) / ((1u64 << 53) as f64)
    }
}
