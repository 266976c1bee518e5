//! v3: the contexts Section II of the seed compares projects by (SPEC, "Project
//! facts"): the sector type (modern or traditional), the area (booming or marginal),
//! the executing agency's type (public, private, mixed, university), and the prices a
//! project's figures are in (nominal or constant).
//!
//! Each is a closed vocabulary: read from its code or an English, Spanish or
//! Portuguese word (case, accents, spaces, `_` and `-` ignored, as table headers are),
//! written as its code. Any other value is refused with the field named (the document
//! reader turns serde's refusal into `DocumentError::InvalidField` with the path, as
//! for `institutional_arrangement`). A blank or `null` fact is not set.

use serde::{Deserialize, Serialize};

use crate::text::fold;

macro_rules! vocabulary {
    (
        $(#[$doc:meta])*
        $name:ident, $expected:literal {
            $($variant:ident = $code:literal [$($word:literal),* $(,)?]),* $(,)?
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($variant),*
        }

        impl $name {
            /// Every value, in the SPEC's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            /// What the field accepts, as the refusal says it.
            pub const EXPECTED: &'static str = $expected;

            /// The canonical code (`modern`, `public`…).
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),*
                }
            }

            /// Reads a code or a synonym; `None` for any other word.
            pub fn from_word(word: &str) -> Option<$name> {
                let folded = fold(word);
                $(
                    if folded == fold($code) $(|| folded == fold($word))* {
                        return Some($name::$variant);
                    }
                )*
                None
            }
        }

        impl Vocabulary for $name {
            const EXPECTED: &'static str = $expected;
            fn from_word(word: &str) -> Option<Self> {
                $name::from_word(word)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $name::from_word(&s).ok_or_else(|| {
                    serde::de::Error::invalid_value(serde::de::Unexpected::Str(&s), &$expected)
                })
            }
        }
    };
}

/// A closed vocabulary of a project fact.
pub trait Vocabulary: Sized {
    /// What the field accepts, as the refusal says it.
    const EXPECTED: &'static str;
    fn from_word(word: &str) -> Option<Self>;
}

/// An optional fact of a vocabulary: `null`, absent or blank is not set; a word of
/// the vocabulary is read; anything else (another word, a number) is refused.
pub fn optional<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Vocabulary,
{
    use serde::de::{Error, Unexpected};
    match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(serde_json::Value::String(s)) => T::from_word(&s)
            .map(Some)
            .ok_or_else(|| D::Error::invalid_value(Unexpected::Str(&s), &T::EXPECTED)),
        Some(other) => Err(D::Error::invalid_value(
            Unexpected::Other(&other.to_string()),
            &T::EXPECTED,
        )),
    }
}

vocabulary! {
    /// The sector a project works in, as Section II of the seed compares them.
    SectorType, "`modern`, `traditional`" {
        Modern = "modern" ["moderno", "moderna"],
        Traditional = "traditional" ["tradicional"],
    }
}

vocabulary! {
    /// The area a project works in: booming (dynamic) or marginal (lagging).
    AreaType, "`booming`, `marginal`" {
        Booming = "booming" ["boosting", "dynamic", "dinámica", "dinámico", "pujante", "dinâmica", "dinâmico"],
        Marginal = "marginal" ["marginalizada", "marginalizado", "rezagada", "rezagado"],
    }
}

vocabulary! {
    /// The kind of executing agency.
    AgencyType, "`public`, `private`, `mixed`, `university`" {
        Public = "public" ["pública", "público"],
        Private = "private" ["privada", "privado"],
        Mixed = "mixed" ["mixta", "mixto", "mista", "misto"],
        University = "university" ["universidad", "universidade"],
    }
}

vocabulary! {
    /// Whether the project's money figures are in current or constant prices.
    Prices, "`nominal`, `constant`" {
        Nominal = "nominal" ["nominales", "nominais", "current", "corrientes", "correntes"],
        Constant = "constant" ["constantes", "real", "reales", "reais"],
    }
}

/// The investment bands of Section II of the seed (US$150,000 to over 1.5 million),
/// from `cost_total` in USD; a project in another currency or without a cost has no
/// band (its portfolio level is `unknown`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CostBand {
    #[serde(rename = "under_150k")]
    Under150k,
    #[serde(rename = "150k_500k")]
    From150kTo500k,
    #[serde(rename = "500k_1500k")]
    From500kTo1500k,
    #[serde(rename = "1500k_plus")]
    From1500k,
}

impl CostBand {
    pub const ALL: [CostBand; 4] = [
        CostBand::Under150k,
        CostBand::From150kTo500k,
        CostBand::From500kTo1500k,
        CostBand::From1500k,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CostBand::Under150k => "under_150k",
            CostBand::From150kTo500k => "150k_500k",
            CostBand::From500kTo1500k => "500k_1500k",
            CostBand::From1500k => "1500k_plus",
        }
    }

    /// The band of a cost in `currency`: only USD costs (trimmed, any case) are
    /// banded; a lower bound belongs to its band (150,000 is `150k_500k`).
    pub fn of(cost_total: Option<f64>, currency: &str) -> Option<CostBand> {
        let cost = cost_total.filter(|c| c.is_finite() && *c >= 0.0)?;
        if !currency.trim().eq_ignore_ascii_case("USD") {
            return None;
        }
        Some(if cost < 150_000.0 {
            CostBand::Under150k
        } else if cost < 500_000.0 {
            CostBand::From150kTo500k
        } else if cost < 1_500_000.0 {
            CostBand::From500kTo1500k
        } else {
            CostBand::From1500k
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_three_languages() {
        assert_eq!(SectorType::from_word("Moderno"), Some(SectorType::Modern));
        assert_eq!(
            SectorType::from_word(" tradicional "),
            Some(SectorType::Traditional)
        );
        assert_eq!(AreaType::from_word("Dinâmica"), Some(AreaType::Booming));
        assert_eq!(AreaType::from_word("rezagada"), Some(AreaType::Marginal));
        assert_eq!(AgencyType::from_word("PÚBLICA"), Some(AgencyType::Public));
        assert_eq!(AgencyType::from_word("mista"), Some(AgencyType::Mixed));
        assert_eq!(
            AgencyType::from_word("Universidade"),
            Some(AgencyType::University)
        );
        assert_eq!(Prices::from_word("constantes"), Some(Prices::Constant));
        assert_eq!(Prices::from_word("nominais"), Some(Prices::Nominal));
        assert_eq!(SectorType::from_word("futuristic"), None);
        assert_eq!(SectorType::Modern.code(), "modern");
    }

    #[test]
    fn cost_bands() {
        assert_eq!(
            CostBand::of(Some(149_999.0), "USD"),
            Some(CostBand::Under150k)
        );
        assert_eq!(
            CostBand::of(Some(150_000.0), "usd"),
            Some(CostBand::From150kTo500k)
        );
        assert_eq!(
            CostBand::of(Some(1_500_000.0), "USD"),
            Some(CostBand::From1500k)
        );
        assert_eq!(
            CostBand::of(Some(900_000.0), "USD"),
            Some(CostBand::From500kTo1500k)
        );
        assert_eq!(CostBand::of(Some(900_000.0), "EUR"), None);
        assert_eq!(CostBand::of(None, "USD"), None);
    }
}
