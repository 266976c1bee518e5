//! A number as a spreadsheet shows it, where its number format changes the text a
//! person sees and copies: `8` formatted `000` shows (and pastes as) `008`, `"F"000`
//! as `F008`. Firm ids kept as formatted numbers beside ids typed as text (`008`)
//! were one firm to Excel and to a paste, but two to the workbook reader, which wrote
//! `8`.
//!
//! Only whole-number formats are rendered: zeros and `#` placeholders with literal
//! text around them. A format with a decimal point, thousands separators, a percent,
//! an exponent or a fraction is an amount's, and an amount stays its number (see
//! `Cell::write_in`); `General`, `0` and `@` (text) show a whole number as it is.

/// A whole-number format: the digits at least `zeros` long, between two literals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    zeros: usize,
    prefix: String,
    suffix: String,
}

impl Pattern {
    /// The format code's pattern, if it changes how a whole number is shown.
    pub fn of(code: &str) -> Option<Pattern> {
        let (mut zeros, mut digits) = (0usize, 0usize);
        let (mut prefix, mut suffix) = (String::new(), String::new());
        let mut chars = code.chars();
        while let Some(c) = chars.next() {
            let literal = |s: &mut String, prefix: &mut String, suffix: &mut String, digits| {
                if digits == 0 {
                    prefix.push_str(s);
                } else {
                    suffix.push_str(s);
                }
                s.clear();
            };
            match c {
                // The first section only: the one a positive number is shown with.
                ';' => break,
                '0' => {
                    zeros += 1;
                    digits += 1;
                }
                '#' | '?' => digits += 1,
                '"' => {
                    let mut s: String = chars.by_ref().take_while(|c| *c != '"').collect();
                    literal(&mut s, &mut prefix, &mut suffix, digits);
                }
                '\\' => {
                    let mut s: String = chars.next().into_iter().collect();
                    literal(&mut s, &mut prefix, &mut suffix, digits);
                }
                // `_x` leaves the width of `x`, `*x` fills with `x`: no text copied.
                '_' | '*' => {
                    chars.next();
                }
                // A colour, condition or locale (`[Red]`, `[$-409]`).
                '[' => {
                    let inside: String = chars.by_ref().take_while(|c| *c != ']').collect();
                    if let Some(currency) = inside.strip_prefix('$') {
                        let mut s = currency.split('-').next().unwrap_or("").to_string();
                        literal(&mut s, &mut prefix, &mut suffix, digits);
                    }
                }
                '$' | '-' | '+' | '(' | ')' | ':' | '!' | '^' | '&' | '\'' | '~' | '{' | '}'
                | '<' | '>' | '=' | ' ' => {
                    let mut s = c.to_string();
                    literal(&mut s, &mut prefix, &mut suffix, digits);
                }
                // Decimals, thousands, percent, exponent, fraction, text, dates,
                // `General`: not a whole-number format.
                _ => return None,
            }
        }
        let changes = zeros >= 2 || !prefix.trim().is_empty() || !suffix.trim().is_empty();
        (digits > 0 && changes).then_some(Pattern {
            zeros,
            prefix,
            suffix,
        })
    }

    /// `value` as shown (`None` when the format would not show a whole number the
    /// way the cell holds it: a value beyond 10^15 or not finite). Rounded half away
    /// from zero, as a spreadsheet shows `8.4` formatted `000`.
    pub fn show(&self, value: f64) -> Option<String> {
        if !value.is_finite() || value.abs() >= 1e15 {
            return None;
        }
        let whole = value.round();
        let digits = format!("{:0width$}", whole.abs() as u64, width = self.zeros);
        let sign = if whole < 0.0 { "-" } else { "" };
        Some(format!("{sign}{}{digits}{}", self.prefix, self.suffix))
    }

    /// The text is the number padded with zeros, which reads as the same number.
    pub fn padded_only(&self) -> bool {
        self.prefix.is_empty() && self.suffix.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(code: &str, v: f64) -> Option<String> {
        Pattern::of(code).and_then(|p| p.show(v))
    }

    #[test]
    fn whole_number_formats_show_their_zeros_and_literals() {
        assert_eq!(shown("000", 8.0).as_deref(), Some("008"));
        assert_eq!(shown("00000", 1234.0).as_deref(), Some("01234"));
        assert_eq!(shown("000", 12345.0).as_deref(), Some("12345"));
        assert_eq!(shown("\"F\"000", 8.0).as_deref(), Some("F008"));
        assert_eq!(shown("\\F\\-0000", 42.0).as_deref(), Some("F-0042"));
        assert_eq!(shown("000;[Red]-000", -8.0).as_deref(), Some("-008"));
        assert_eq!(shown("000", 8.4).as_deref(), Some("008"));
        assert!(Pattern::of("000").is_some_and(|p| p.padded_only()));
        assert!(Pattern::of("\"F\"000").is_some_and(|p| !p.padded_only()));
    }

    #[test]
    fn amounts_and_plain_formats_are_left_to_the_number() {
        for code in [
            "General",
            "0",
            "#",
            "@",
            "0.00",
            "#,##0",
            "0%",
            "0.00E+00",
            "# ?/?",
            "yyyy-mm-dd",
            "#,##0.00 \"USD\"",
        ] {
            assert_eq!(Pattern::of(code), None, "{code}");
        }
    }
}
