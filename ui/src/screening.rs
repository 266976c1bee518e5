//! The screening table of proposals (SPEC, "Proposal screening"), without the page:
//! the rows read from the detail of `screening.eligible` (already ranked by the
//! engine: eligible innovative proposals first), a mark per criterion, the verdict
//! and the reasons in words in three languages, the filter to the ineligible ones, and
//! the table as CSV (the quoting of [`crate::csv_export`], which guards formula
//! injection; `;` for Spanish and Portuguese, `,` for English).
//!
//! The texts live here, each an exhaustive `match` over a small enum and the three
//! languages, so a criterion or label without its words does not compile. A reason
//! code this page does not know (a file from a newer version) is shown as it is.
//!
//! The page draws the table as views from these: the rows shown ([`shown`], at most
//! [`SHOWN`]), each criterion's cell ([`cell`]), the words; every pasted name stays
//! text, isolated on the page (`<bdi>`).

use cluster_eval_types::Indicator;

use crate::csv_export::quote;
use crate::i18n::Lang;

/// The indicator whose detail holds the proposals.
pub const ID: &str = "screening.eligible";

/// Rows drawn on the page at most (the CSV has them all): 10,000 proposals would
/// make the page lay out 100,000 cells nobody reads on a screen.
pub const SHOWN: usize = 500;

/// The fewest distinct entities of an eligible proposal (SPEC).
pub const MIN_ENTITIES: usize = 3;

/// One distinct entity of a proposal.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub entity: String,
    /// `business`, `knowledge`, `government`, `association` or `other`.
    pub kind: String,
    /// The type as typed (`None` when blank).
    pub typed: Option<String>,
}

/// One proposal as the table shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposalLine {
    pub proposal: String,
    /// The line of its first row in the pasted table.
    pub line: usize,
    pub entities: usize,
    pub businesses: usize,
    pub knowledge: usize,
    pub innovative: Option<bool>,
    pub environmental: Option<bool>,
    pub eligible: bool,
    /// Reason codes (`too_few_entities`…); empty when eligible.
    pub reasons: Vec<String>,
    pub members: Vec<Member>,
}

/// The proposals of a computed `screening.eligible`, in the engine's order; empty
/// without a proposals table.
pub fn lines(indicator: &Indicator) -> Vec<ProposalLine> {
    let Some(detail) = indicator.screening_detail() else {
        return Vec::new();
    };
    detail
        .proposals
        .into_iter()
        .map(|p| ProposalLine {
            proposal: p.proposal,
            line: p.line,
            entities: p.entities,
            businesses: p.businesses,
            knowledge: p.knowledge,
            innovative: p.innovative,
            environmental: p.environmental,
            eligible: p.eligible,
            reasons: p.reasons,
            members: p
                .members
                .into_iter()
                .map(|m| Member {
                    entity: m.entity,
                    kind: m.kind,
                    typed: m.typed,
                })
                .collect(),
        })
        .collect()
}

/// The rows shown: all, or only the ineligible ones.
pub fn filtered(lines: &[ProposalLine], only_ineligible: bool) -> Vec<&ProposalLine> {
    lines
        .iter()
        .filter(|l| !only_ineligible || !l.eligible)
        .collect()
}

/// A criterion of the table, in the order of its columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Criterion {
    /// At least three distinct entities.
    Entities,
    Business,
    Knowledge,
    Environmental,
    /// A preference, not a condition.
    Innovative,
}

impl Criterion {
    pub const ALL: [Criterion; 5] = [
        Criterion::Entities,
        Criterion::Business,
        Criterion::Knowledge,
        Criterion::Environmental,
        Criterion::Innovative,
    ];

    /// For `data-criterion` attributes.
    pub fn key(self) -> &'static str {
        match self {
            Criterion::Entities => "entities",
            Criterion::Business => "business",
            Criterion::Knowledge => "knowledge",
            Criterion::Environmental => "environmental",
            Criterion::Innovative => "innovative",
        }
    }
}

/// Whether a proposal meets a criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Yes,
    No,
    /// Blank on every row of the proposal.
    Unknown,
}

impl Mark {
    fn of(flag: Option<bool>) -> Mark {
        match flag {
            Some(true) => Mark::Yes,
            Some(false) => Mark::No,
            None => Mark::Unknown,
        }
    }

    /// The mark drawn (its words go in the cell's label, see [`mark_word`]).
    pub fn symbol(self) -> &'static str {
        match self {
            Mark::Yes => "✓",
            Mark::No => "✗",
            Mark::Unknown => "?",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Mark::Yes => "yes",
            Mark::No => "no",
            Mark::Unknown => "unknown",
        }
    }
}

pub fn mark(line: &ProposalLine, criterion: Criterion) -> Mark {
    match criterion {
        Criterion::Entities => Mark::of(Some(line.entities >= MIN_ENTITIES)),
        Criterion::Business => Mark::of(Some(line.businesses > 0)),
        Criterion::Knowledge => Mark::of(Some(line.knowledge > 0)),
        Criterion::Environmental => Mark::of(line.environmental),
        Criterion::Innovative => Mark::of(line.innovative),
    }
}

pub fn mark_word(lang: Lang, mark: Mark) -> &'static str {
    match (mark, lang) {
        (Mark::Yes, Lang::En) => "yes",
        (Mark::Yes, Lang::Es) => "sí",
        (Mark::Yes, Lang::Pt) => "sim",
        (Mark::No, Lang::En | Lang::Es) => "no",
        (Mark::No, Lang::Pt) => "não",
        (Mark::Unknown, Lang::En) => "not stated",
        (Mark::Unknown, Lang::Es) => "sin dato",
        (Mark::Unknown, Lang::Pt) => "sem dado",
    }
}

/// The texts of the screening table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Title,
    Proposal,
    Verdict,
    Reasons,
    Eligible,
    NotEligible,
    OnlyIneligible,
    Csv,
    Line,
    /// The column of the entities and their types.
    Members,
    /// "{shown} of {total} proposals shown; the CSV has them all."
    Capped,
}

pub fn label(lang: Lang, label: Label) -> &'static str {
    use Label as L;
    use Lang::{En, Es, Pt};
    match (label, lang) {
        (L::Title, En) => "Screening of proposals",
        (L::Title, Es) => "Evaluación de las propuestas",
        (L::Title, Pt) => "Triagem das propostas",
        (L::Proposal, En) => "Proposal",
        (L::Proposal, Es) => "Propuesta",
        (L::Proposal, Pt) => "Proposta",
        (L::Verdict, En) => "Verdict",
        (L::Verdict, Es) => "Resultado",
        (L::Verdict, Pt) => "Resultado",
        (L::Reasons, En) => "Why not",
        (L::Reasons, Es) => "Por qué no",
        (L::Reasons, Pt) => "Por que não",
        (L::Eligible, En) => "eligible",
        (L::Eligible, Es) => "elegible",
        (L::Eligible, Pt) => "elegível",
        (L::NotEligible, En) => "not eligible",
        (L::NotEligible, Es) => "no elegible",
        (L::NotEligible, Pt) => "não elegível",
        (L::OnlyIneligible, En) => "Only the proposals that are not eligible",
        (L::OnlyIneligible, Es) => "Solo las propuestas no elegibles",
        (L::OnlyIneligible, Pt) => "Só as propostas não elegíveis",
        (L::Csv, En) => "Download the screening (CSV)",
        (L::Csv, Es) => "Descargar la evaluación (CSV)",
        (L::Csv, Pt) => "Baixar a triagem (CSV)",
        (L::Line, En) => "line",
        (L::Line, Es) => "línea",
        (L::Line, Pt) => "linha",
        (L::Members, En) => "Entities and their types",
        (L::Members, Es) => "Entidades y sus tipos",
        (L::Members, Pt) => "Entidades e seus tipos",
        (L::Capped, En) => "{shown} of {total} proposals shown; the CSV has them all.",
        (L::Capped, Es) => "Se muestran {shown} de {total} propuestas; el CSV las tiene todas.",
        (L::Capped, Pt) => "São mostradas {shown} de {total} propostas; o CSV tem todas.",
    }
}

/// The column header of a criterion.
pub fn criterion_name(lang: Lang, criterion: Criterion) -> &'static str {
    use Criterion as C;
    use Lang::{En, Es, Pt};
    match (criterion, lang) {
        (C::Entities, En) => "Entities (3 or more)",
        (C::Entities, Es) => "Entidades (3 o más)",
        (C::Entities, Pt) => "Entidades (3 ou mais)",
        (C::Business, En) => "Business",
        (C::Business, Es) => "Empresa",
        (C::Business, Pt) => "Empresa",
        (C::Knowledge, En) => "Knowledge institution",
        (C::Knowledge, Es) => "Institución de conocimiento",
        (C::Knowledge, Pt) => "Instituição de conhecimento",
        (C::Environmental, En) => "Environmental",
        (C::Environmental, Es) => "Ambiental",
        (C::Environmental, Pt) => "Ambiental",
        (C::Innovative, En) => "Innovative (preferred)",
        (C::Innovative, Es) => "Innovadora (preferida)",
        (C::Innovative, Pt) => "Inovadora (preferida)",
    }
}

/// A reason a proposal is not eligible, in words; an unknown code as it is.
pub fn reason_text(lang: Lang, code: &str) -> String {
    use Lang::{En, Es, Pt};
    let text = match (code, lang) {
        ("too_few_entities", En) => "fewer than three distinct entities",
        ("too_few_entities", Es) => "menos de tres entidades distintas",
        ("too_few_entities", Pt) => "menos de três entidades distintas",
        ("no_business", En) => "no business among the entities",
        ("no_business", Es) => "ninguna empresa entre las entidades",
        ("no_business", Pt) => "nenhuma empresa entre as entidades",
        ("no_knowledge", En) => "no knowledge institution (university, technology centre, research or training body)",
        ("no_knowledge", Es) => "ninguna institución de conocimiento (universidad, centro tecnológico, de investigación o de formación)",
        ("no_knowledge", Pt) => "nenhuma instituição de conhecimento (universidade, centro tecnológico, de pesquisa ou de formação)",
        ("not_environmental", En) => "not environmentally sustainable or not compliant with domestic standards",
        ("not_environmental", Es) => "no es ambientalmente sostenible o no cumple las normas nacionales",
        ("not_environmental", Pt) => "não é ambientalmente sustentável ou não cumpre as normas nacionais",
        ("environmental_unknown", En) => "environmental sustainability not stated on any row",
        ("environmental_unknown", Es) => "la sostenibilidad ambiental no consta en ninguna fila",
        ("environmental_unknown", Pt) => "a sustentabilidade ambiental não consta em nenhuma linha",
        _ => return code.to_string(),
    };
    text.to_string()
}

/// An entity type in words (`other` for a type this page does not know).
pub fn type_word(lang: Lang, kind: &str) -> &'static str {
    use Lang::{En, Es, Pt};
    match (kind, lang) {
        ("business", En) => "business",
        ("business", Es | Pt) => "empresa",
        ("knowledge", En) => "knowledge institution",
        ("knowledge", Es) => "institución de conocimiento",
        ("knowledge", Pt) => "instituição de conhecimento",
        ("government", En) => "government",
        ("government", Es) => "gobierno",
        ("government", Pt) => "governo",
        ("association", En) => "association",
        ("association", Es) => "asociación",
        ("association", Pt) => "associação",
        (_, En) => "other",
        (_, Es) => "otro",
        (_, Pt) => "outro",
    }
}

/// The type as typed, shown beside the word of an `other` entity.
pub fn typed_shown<'a>(kind: &str, typed: Option<&'a str>) -> Option<&'a str> {
    typed.filter(|_| kind == "other")
}

/// An entity type in words; `other` with the type as typed beside it.
pub fn type_text(lang: Lang, kind: &str, typed: Option<&str>) -> String {
    let word = type_word(lang, kind);
    match typed_shown(kind, typed) {
        Some(t) => format!("{word}: {t}"),
        _ => word.to_string(),
    }
}

pub fn verdict(lang: Lang, eligible: bool) -> &'static str {
    label(
        lang,
        if eligible {
            Label::Eligible
        } else {
            Label::NotEligible
        },
    )
}

/// The reasons of a line in words, joined.
pub fn reasons_text(lang: Lang, line: &ProposalLine) -> String {
    line.reasons
        .iter()
        .map(|r| reason_text(lang, r))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The entities of a line: "Coop A (business) · Fundación (other: ONG)".
pub fn members_text(lang: Lang, line: &ProposalLine) -> String {
    line.members
        .iter()
        .map(|m| {
            format!(
                "{} ({})",
                m.entity,
                type_text(lang, &m.kind, m.typed.as_deref())
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The screening table as CSV, every proposal in the engine's order.
pub fn csv(lang: Lang, lines: &[ProposalLine]) -> String {
    let sep = if lang.marks().0 == ',' { ";" } else { "," };
    let mut out = String::from("\u{feff}");
    let mut header: Vec<String> = vec![
        quote(label(lang, Label::Proposal)),
        quote(label(lang, Label::Line)),
    ];
    header.extend(Criterion::ALL.map(|c| quote(criterion_name(lang, c))));
    header.push(quote(label(lang, Label::Verdict)));
    header.push(quote(label(lang, Label::Reasons)));
    header.push(quote(label(lang, Label::Members)));
    out.push_str(&header.join(sep));
    out.push_str("\r\n");
    for l in lines {
        let mut row = vec![quote(&l.proposal), l.line.to_string()];
        for c in Criterion::ALL {
            let cell = match c {
                Criterion::Entities => l.entities.to_string(),
                Criterion::Business => l.businesses.to_string(),
                Criterion::Knowledge => l.knowledge.to_string(),
                _ => quote(mark_word(lang, mark(l, c))),
            };
            row.push(cell);
        }
        row.push(quote(verdict(lang, l.eligible)));
        row.push(quote(&reasons_text(lang, l)));
        row.push(quote(&members_text(lang, l)));
        out.push_str(&row.join(sep));
        out.push_str("\r\n");
    }
    out
}

/// The rows the page draws: every proposal, or only the ineligible ones, at most
/// [`SHOWN`]; and, when some are left out, the line saying how many there are.
pub fn shown(
    lang: Lang,
    lines: Vec<ProposalLine>,
    only_ineligible: bool,
) -> (Vec<ProposalLine>, Option<String>) {
    let mut rows: Vec<ProposalLine> = lines
        .into_iter()
        .filter(|l| !only_ineligible || !l.eligible)
        .collect();
    let total = rows.len();
    let capped = (total > SHOWN).then(|| {
        rows.truncate(SHOWN);
        label(lang, Label::Capped)
            .replace("{shown}", &SHOWN.to_string())
            .replace("{total}", &total.to_string())
    });
    (rows, capped)
}

/// A criterion's cell: the mark, and the count of entities behind it (for the
/// entities, businesses and knowledge institutions).
pub fn cell(line: &ProposalLine, criterion: Criterion) -> (Mark, Option<usize>) {
    let count = match criterion {
        Criterion::Entities => Some(line.entities),
        Criterion::Business => Some(line.businesses),
        Criterion::Knowledge => Some(line.knowledge),
        _ => None,
    };
    (mark(line, criterion), count)
}

/// The classes of a row and of its verdict cell.
pub fn classes(eligible: bool) -> (&'static str, &'static str) {
    if eligible {
        ("eligible", "met")
    } else {
        ("not-eligible", "not_met")
    }
}
