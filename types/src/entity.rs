//! The one vocabulary of actor and entity types (SPEC, "Actor and entity types"): the
//! `type` of the *actors* table and the `entity_type` of the *proposals* table.
//!
//! A type is matched whole after folding it as a header is folded (case, accents,
//! spaces, `_`, `-` and punctuation ignored: [`crate::text::fold`]), never by
//! substring: "Capacitación técnica" is [`EntityType::Other`]. Anything not in the
//! lists below is `Other`, kept as typed by the caller, never an error.
//!
//! Use [`entity_type`] wherever an actor or entity type is read, so both tables always
//! share one vocabulary.

use serde::{Deserialize, Serialize};

use crate::text::fold;

/// What kind of actor or entity a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    /// A firm, cooperative or producer.
    Business,
    /// A university, technology centre, research or training body.
    Knowledge,
    /// A government body: national, regional or municipal.
    Government,
    /// A business association or chamber.
    Association,
    /// Anything else, or a blank type.
    Other,
}

impl EntityType {
    pub const ALL: [EntityType; 5] = [
        EntityType::Business,
        EntityType::Knowledge,
        EntityType::Government,
        EntityType::Association,
        EntityType::Other,
    ];

    /// The key in details: `business`, `knowledge`, `government`, `association`, `other`.
    pub fn key(self) -> &'static str {
        match self {
            EntityType::Business => "business",
            EntityType::Knowledge => "knowledge",
            EntityType::Government => "government",
            EntityType::Association => "association",
            EntityType::Other => "other",
        }
    }
}

/// The folded words of each type (see [`fold`]: lower case, no accents, letters and
/// digits only).
const WORDS: [(EntityType, &[&str]); 4] = [
    (
        EntityType::Business,
        &[
            "firm",
            "company",
            "business",
            "enterprise",
            "empresa",
            "cooperative",
            "cooperativa",
            "producer",
            "productor",
            "produtor",
        ],
    ),
    (
        EntityType::Knowledge,
        &[
            "university",
            "universidad",
            "universidade",
            "technologycentre",
            "technologycenter",
            "centrotecnologico",
            "centrodetecnologia",
            "research",
            "investigacion",
            "pesquisa",
            "training",
            "capacitacion",
            "formacion",
            "formacao",
            // Spelling variants an evaluator types as readily.
            "knowledgeinstitution",
            "technologicalcentre",
            "technologicalcenter",
        ],
    ),
    (
        EntityType::Government,
        &[
            "government",
            "gobierno",
            "governo",
            "municipality",
            "municipio",
            "ministry",
            "ministerio",
        ],
    ),
    (
        EntityType::Association,
        &[
            "association",
            "asociacion",
            "associacao",
            "chamber",
            "camara",
        ],
    ),
];

/// The type of an actor (`actors.type`) or entity (`proposals.entity_type`), matched
/// whole after folding; [`EntityType::Other`] for anything else, blank included.
pub fn entity_type(text: &str) -> EntityType {
    let key = fold(text);
    WORDS
        .iter()
        .find(|(_, words)| words.contains(&key.as_str()))
        .map_or(EntityType::Other, |(t, _)| *t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spec_words_in_three_languages() {
        for (text, want) in [
            ("Firm", EntityType::Business),
            ("Cooperativa", EntityType::Business),
            ("produtor", EntityType::Business),
            ("University", EntityType::Knowledge),
            ("Universidad", EntityType::Knowledge),
            ("technology_centre", EntityType::Knowledge),
            ("Technology Center", EntityType::Knowledge),
            ("Centro Tecnológico", EntityType::Knowledge),
            ("centro de tecnologia", EntityType::Knowledge),
            ("Investigación", EntityType::Knowledge),
            ("Capacitación", EntityType::Knowledge),
            ("formação", EntityType::Knowledge),
            ("Gobierno", EntityType::Government),
            ("Município", EntityType::Government),
            ("Ministerio", EntityType::Government),
            ("Asociación", EntityType::Association),
            ("Câmara", EntityType::Association),
            ("chamber", EntityType::Association),
        ] {
            assert_eq!(entity_type(text), want, "{text}");
        }
    }

    #[test]
    fn matched_whole_never_by_substring() {
        for text in [
            "Capacitación técnica",
            "university hospital",
            "",
            "  ",
            "NGO",
            "firmware",
        ] {
            assert_eq!(entity_type(text), EntityType::Other, "{text:?}");
        }
    }
}
