//! Which table a sheet goes to: by its name (English, Spanish or Portuguese, folded
//! like headers: case, accents, spaces, `_` and `-` ignored), else by its header row
//! (the table whose columns it names the most, as the reader counts them).
//!
//! The page shows the match before anything is replaced, and the user may change it,
//! so a wrong guess costs a click, never data.

use cluster_eval_engine::{columns_named, fold, TableKind};
use cluster_eval_ui::i18n::Lang;
use serde::{Deserialize, Serialize};

/// How a sheet was matched to a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SheetMatch {
    /// Its name is one of the table's names.
    Name,
    /// Its header row names more of the table's columns than of any other.
    Header,
}

/// The names a sheet of each table may have, per language (the first of each row is
/// the one the template writes, see [`sheet_name`]).
const NAMES: [(TableKind, [&str; 3], &[&str]); TableKind::COUNT] = [
    (
        TableKind::Firms,
        ["Firms", "Empresas", "Empresas"],
        &["firm", "companies", "company", "empresa", "firmas"],
    ),
    (
        TableKind::Territory,
        ["Territory", "Territorio", "Território"],
        &[
            "territorio",
            "territorios",
            "territories",
            "region",
            "región",
            "região",
        ],
    ),
    (
        TableKind::Activities,
        ["Activities", "Actividades", "Atividades"],
        &[
            "activity",
            "actividad",
            "atividade",
            "joint activities",
            "actividades conjuntas",
            "atividades conjuntas",
        ],
    ),
    (
        TableKind::Actors,
        ["Actors", "Actores", "Atores"],
        &[
            "actor",
            "ator",
            "non-firm actors",
            "actores no empresariales",
            "atores não empresariais",
            "instituciones",
            "instituições",
        ],
    ),
    (
        TableKind::Subsidies,
        ["Subsidies", "Subsidios", "Subsídios"],
        &[
            "subsidy",
            "subsidio",
            "subsídio",
            "subvenciones",
            "subvenções",
        ],
    ),
    (
        TableKind::Proposals,
        ["Proposals", "Propuestas", "Propostas"],
        &["proposal", "propuesta", "proposta"],
    ),
];

/// The name of `kind`'s sheet in `lang`, as the template writes it.
pub fn sheet_name(kind: TableKind, lang: Lang) -> &'static str {
    let names = NAMES.iter().find(|(k, _, _)| *k == kind).map(|(_, n, _)| n);
    let index = match lang {
        Lang::En => 0,
        Lang::Es => 1,
        Lang::Pt => 2,
    };
    names
        .and_then(|n| n.get(index))
        .copied()
        .unwrap_or(kind.name())
}

/// The table a sheet named `name` is, if its name says so.
pub fn kind_by_name(name: &str) -> Option<TableKind> {
    let folded = fold(name);
    NAMES
        .iter()
        .find(|(kind, names, more)| {
            fold(kind.name()) == folded
                || names.iter().chain(more.iter()).any(|n| fold(n) == folded)
        })
        .map(|(kind, _, _)| *kind)
}

/// The table whose columns `header` names the most (at least two, not counting
/// `year`: one shared word such as `amount` says little), the earlier table on a tie.
pub fn kind_by_header(header: &[&str]) -> Option<TableKind> {
    let mut best: Option<(usize, TableKind)> = None;
    for kind in TableKind::ALL {
        let named = columns_named(kind, header);
        if named >= 2 && best.is_none_or(|(n, _)| named > n) {
            best = Some((named, kind));
        }
    }
    best.map(|(_, kind)| kind)
}

/// The table a sheet goes to and how it was matched: by name first, then by header.
pub fn sheet_kind(name: &str, header: &[&str]) -> Option<(TableKind, SheetMatch)> {
    kind_by_name(name)
        .map(|k| (k, SheetMatch::Name))
        .or_else(|| kind_by_header(header).map(|k| (k, SheetMatch::Header)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_three_languages_and_any_case_or_accent() {
        assert_eq!(kind_by_name("Empresas"), Some(TableKind::Firms));
        assert_eq!(kind_by_name("TERRITORIO"), Some(TableKind::Territory));
        assert_eq!(kind_by_name("Território"), Some(TableKind::Territory));
        assert_eq!(kind_by_name("Atividades"), Some(TableKind::Activities));
        assert_eq!(kind_by_name("actores"), Some(TableKind::Actors));
        assert_eq!(kind_by_name("Subsidios"), Some(TableKind::Subsidies));
        assert_eq!(kind_by_name("Subsídios"), Some(TableKind::Subsidies));
        assert_eq!(kind_by_name("Propostas"), Some(TableKind::Proposals));
        assert_eq!(kind_by_name("firms"), Some(TableKind::Firms));
        assert_eq!(kind_by_name("Hoja1"), None);
        assert_eq!(kind_by_name("Notas"), None);
    }

    #[test]
    fn the_template_names_are_matched_back() {
        for kind in TableKind::ALL {
            for lang in Lang::ALL {
                assert_eq!(kind_by_name(sheet_name(kind, lang)), Some(kind));
            }
        }
    }

    #[test]
    fn an_unnamed_sheet_goes_by_its_header() {
        let firms = ["empresa", "grupo", "año", "ventas", "empleo"];
        assert_eq!(kind_by_header(&firms), Some(TableKind::Firms));
        let territory = ["año", "pib local", "pib nacional"];
        assert_eq!(kind_by_header(&territory), Some(TableKind::Territory));
        assert_eq!(kind_by_header(&["nombre", "comentario"]), None);
        assert_eq!(
            sheet_kind("Hoja1", &firms),
            Some((TableKind::Firms, SheetMatch::Header))
        );
    }
}
