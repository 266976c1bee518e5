//! Student's t distribution, for the portfolio's Hartung–Knapp–Sidik–Jonkman and
//! prediction intervals (SPEC v3, "Portfolio"): the distribution function through the
//! regularized incomplete beta function, and its quantile by bisection. No table and
//! no statistics crate (the engine ships to the browser).

/// `ln Γ(x)` for `x > 0` (Lanczos, g = 7, nine coefficients: about 15 digits). Also
/// the χ² tail of the portfolio's subgroup test (`crate::contexts`).
pub fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = C[0];
    let t = x + G + 0.5;
    for (i, c) in C.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// The continued fraction of the incomplete beta function (modified Lentz).
fn beta_fraction(a: f64, b: f64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = 1.0 - qab * x / qap;
    if d.abs() < TINY {
        d = TINY;
    }
    d = 1.0 / d;
    let mut h = d;
    for m in 1..=300 {
        let m = f64::from(m);
        let m2 = 2.0 * m;
        let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        if d.abs() < TINY {
            d = TINY;
        }
        c = 1.0 + aa / c;
        if c.abs() < TINY {
            c = TINY;
        }
        d = 1.0 / d;
        h *= d * c;
        let aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        if d.abs() < TINY {
            d = TINY;
        }
        c = 1.0 + aa / c;
        if c.abs() < TINY {
            c = TINY;
        }
        d = 1.0 / d;
        let del = d * c;
        h *= del;
        if (del - 1.0).abs() < 1e-15 {
            break;
        }
    }
    h
}

/// The regularized incomplete beta function `I_x(a, b)`, `0 ≤ x ≤ 1`, `a, b > 0`.
pub fn incomplete_beta(a: f64, b: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let front =
        (ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * x.ln() + b * (1.0 - x).ln()).exp();
    // The fraction converges fast for x < (a + 1) / (a + b + 2); else by symmetry.
    if x < (a + 1.0) / (a + b + 2.0) {
        front * beta_fraction(a, b, x) / a
    } else {
        1.0 - front * beta_fraction(b, a, 1.0 - x) / b
    }
}

/// `P(T ≤ t)` for Student's t with `df > 0` degrees of freedom.
pub fn cdf(t: f64, df: f64) -> f64 {
    let x = df / (df + t * t);
    let tail = 0.5 * incomplete_beta(df / 2.0, 0.5, x);
    if t >= 0.0 {
        1.0 - tail
    } else {
        tail
    }
}

/// The `p` quantile of Student's t with `df > 0` degrees of freedom, `0.5 ≤ p < 1`
/// (bisection on the distribution function, to about 1e-12); `None` outside those
/// ranges.
pub fn quantile(p: f64, df: f64) -> Option<f64> {
    if !(0.5..1.0).contains(&p) || df.is_nan() || df <= 0.0 || !df.is_finite() {
        return None;
    }
    let (mut low, mut high) = (0.0_f64, 1.0_f64);
    while cdf(high, df) < p {
        low = high;
        high *= 2.0;
        if high > 1e12 {
            return None;
        }
    }
    for _ in 0..200 {
        let mid = 0.5 * (low + high);
        if cdf(mid, df) < p {
            low = mid;
        } else {
            high = mid;
        }
        if high - low < 1e-12 * high.max(1.0) {
            break;
        }
    }
    Some(0.5 * (low + high))
}

/// The 97.5% quantile of Student's t with `df` degrees of freedom (`df ≥ 1`).
pub fn t975(df: usize) -> Option<f64> {
    if df == 0 {
        return None;
    }
    quantile(0.975, df as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_quantiles() {
        // Tables of Student's t, two-sided 95%.
        for (df, want) in [
            (1, 12.706_204_736),
            (2, 4.302_652_730),
            (3, 3.182_446_305),
            (4, 2.776_445_105),
            (10, 2.228_138_852),
            (30, 2.042_272_456),
        ] {
            let t = t975(df).expect("a quantile");
            assert!((t - want).abs() < 1e-6, "t({df}) = {t}, want {want}");
        }
        assert_eq!(t975(0), None);
        // Towards the normal's 1.959964.
        let t = t975(100_000).expect("a quantile");
        assert!((t - 1.959_964).abs() < 1e-4, "{t}");
    }

    #[test]
    fn the_distribution_function() {
        assert!((cdf(0.0, 3.0) - 0.5).abs() < 1e-15);
        // t(1) is Cauchy: P(T ≤ 1) = 3/4.
        assert!((cdf(1.0, 1.0) - 0.75).abs() < 1e-12);
        assert!((cdf(-1.0, 1.0) - 0.25).abs() < 1e-12);
        // I_x(1, 1) = x.
        assert!((incomplete_beta(1.0, 1.0, 0.3) - 0.3).abs() < 1e-12);
    }
}
