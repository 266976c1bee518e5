//! The portfolio page's decisions (issue 15): its texts, the portfolio file (reading
//! one or several documents, writing the portfolio as one JSON file), the rows shown
//! (filters, sorting), the plain sentence of a pooled estimate and the table as CSV.
//! Every number comes from the engine (`cluster_eval_types::portfolio`).
//!
//! The page's texts are a catalogue of their own ([`TEXTS`]), not rows of
//! `messages::CATALOGUE`: the main page searches that catalogue at run time, so every
//! row there is in its first visit; the portfolio page is a separate binary, and only
//! it links these.

use cluster_eval_types::portfolio::{Member, NotPooled, Pooled, Row, Table};
use cluster_eval_types::{Document, DocumentError, Status, Unit};
use serde_json::Value;

use crate::csv_export::quote;
use crate::i18n::Lang;
use crate::names::indicator_name;

/// The portfolio file's `format`.
pub const FORMAT: &str = "cluster-eval-portfolio";
/// The portfolio file's version this build writes and reads.
pub const VERSION: u64 = 1;

/// The portfolio page's texts: `(key, English, Spanish, Portuguese)`.
pub static TEXTS: &[(&str, &str, &str, &str)] = &[
    ("title", "Portfolio: several projects side by side", "Cartera: varios proyectos lado a lado", "Portfólio: vários projetos lado a lado"),
    ("back", "Back to the calculator", "Volver a la calculadora", "Voltar à calculadora"),
    ("intro", "Pick saved projects or open several exported .json files. Each is computed exactly as when opened alone; opened files are not added to your projects.", "Elija proyectos guardados o abra varios archivos .json exportados. Cada uno se calcula exactamente como si se abriera solo; los archivos abiertos no se agregan a sus proyectos.", "Escolha projetos salvos ou abra vários arquivos .json exportados. Cada um é calculado exatamente como se fosse aberto sozinho; os arquivos abertos não são adicionados aos seus projetos."),
    ("saved", "Saved projects", "Proyectos guardados", "Projetos salvos"),
    ("saved_none", "No saved projects in this browser.", "No hay proyectos guardados en este navegador.", "Nenhum projeto salvo neste navegador."),
    ("open", "Open .json files (several at once)", "Abrir archivos .json (varios a la vez)", "Abrir arquivos .json (vários de uma vez)"),
    ("clear", "Clear the portfolio", "Vaciar la cartera", "Esvaziar o portfólio"),
    ("empty", "The portfolio is empty: pick saved projects or open files.", "La cartera está vacía: elija proyectos guardados o abra archivos.", "O portfólio está vazio: escolha projetos salvos ou abra arquivos."),
    ("computing", "Computing…", "Calculando…", "Calculando…"),
    ("calc.stopped", "The calculation stopped: the figures below may be incomplete. Your files and saved projects are untouched; open them again or reload the page.", "El cálculo se detuvo: las cifras de abajo pueden estar incompletas. Sus archivos y proyectos guardados no se tocaron; ábralos de nuevo o vuelva a cargar la página.", "O cálculo parou: os números abaixo podem estar incompletos. Seus arquivos e projetos salvos não foram tocados; abra-os de novo ou recarregue a página."),
    ("col.project", "Project", "Proyecto", "Projeto"),
    ("col.country", "Country", "País", "País"),
    ("col.sector", "Sector", "Sector", "Setor"),
    ("col.agency", "Executing agency", "Agencia ejecutora", "Agência executora"),
    ("col.currency", "Currency", "Moneda", "Moeda"),
    ("col.years", "Years", "Años", "Anos"),
    ("col.baseline", "Baseline year", "Año base", "Ano base"),
    ("col.followup", "Follow-up year", "Año de seguimiento", "Ano de acompanhamento"),
    ("col.firms", "Firms", "Empresas", "Empresas"),
    ("col.status", "status", "estado", "situação"),
    ("col.low", "low", "inferior", "inferior"),
    ("col.high", "high", "superior", "superior"),
    ("filter.all", "All", "Todos", "Todos"),
    ("sort.hint", "Click a column's header to sort by it.", "Haga clic en el encabezado de una columna para ordenar.", "Clique no cabeçalho de uma coluna para ordenar."),
    ("summary.median", "Median", "Mediana", "Mediana"),
    ("summary.counts", "Projects by status", "Proyectos por estado", "Projetos por situação"),
    ("status.met", "met", "cumplido", "cumprido"),
    ("status.not_met", "not met", "no cumplido", "não cumprido"),
    ("status.inconclusive", "inconclusive", "no concluyente", "inconclusivo"),
    ("status.insufficient_data", "insufficient data", "datos insuficientes", "dados insuficientes"),
    ("status.reported", "reported", "informado", "informado"),
    ("status.absent", "absent", "ausente", "ausente"),
    ("copy_of", "a copy of “{name}”: counted once", "copia de «{name}»: se cuenta una vez", "cópia de “{name}”: contada uma vez"),
    ("pool.title", "Pooled estimate", "Estimación combinada", "Estimativa combinada"),
    ("pool.choose", "Indicator to pool", "Indicador a combinar", "Indicador a combinar"),
    ("pool.pooled", "Pooled (random effects)", "Combinada (efectos aleatorios)", "Combinada (efeitos aleatórios)"),
    ("pool.too_few", "Fewer than two projects have an interval: nothing to pool.", "Menos de dos proyectos tienen un intervalo: nada que combinar.", "Menos de dois projetos têm um intervalo: nada a combinar."),
    ("pool.not_pooled", "Not pooled", "No combinados", "Não combinados"),
    ("pool.mixed", "{id} is an amount of money and the projects are in different currencies ({currencies}): amounts in different currencies cannot be pooled.", "{id} es un monto de dinero y los proyectos están en monedas distintas ({currencies}): no se pueden combinar montos en monedas distintas.", "{id} é um valor em dinheiro e os projetos estão em moedas diferentes ({currencies}): valores em moedas diferentes não podem ser combinados."),
    ("pool.figures", "τ² {tau2}; I² {i2}; {k} projects pooled", "τ² {tau2}; I² {i2}; {k} proyectos combinados", "τ² {tau2}; I² {i2}; {k} projetos combinados"),
    ("pool.plot", "Forest plot: each project's estimate and 95% interval, the pooled estimate as a diamond", "Gráfico de bosque: la estimación y el intervalo del 95% de cada proyecto, la estimación combinada como un rombo", "Gráfico de floresta: a estimativa e o intervalo de 95% de cada projeto, a estimativa combinada como um losango"),
    ("reason.copy", "a copy of another project", "copia de otro proyecto", "cópia de outro projeto"),
    ("reason.absent", "no such indicator", "no tiene este indicador", "não tem este indicador"),
    ("reason.no_value", "no value", "sin valor", "sem valor"),
    ("reason.no_interval", "no interval (fewer than two firms on a side)", "sin intervalo (menos de dos empresas en un lado)", "sem intervalo (menos de duas empresas em um lado)"),
    ("reason.missing_end", "an end of its interval is missing", "falta un extremo de su intervalo", "falta uma ponta do seu intervalo"),
    ("reason.zero_width", "its interval has zero width", "su intervalo tiene ancho cero", "seu intervalo tem largura zero"),
    ("sentence.vs_control", "Across {k} projects, {subject} grew {diff} {direction} than their control firms' (95% interval {low} to {high}); the projects differ {spread} (I² {i2}).", "En {k} proyectos, {subject} crecieron {diff} {direction} que las de sus empresas de control (intervalo del 95%: {low} a {high}); los proyectos difieren {spread} (I² {i2}).", "Em {k} projetos, {subject} cresceram {diff} {direction} que as de suas empresas de controle (intervalo de 95%: {low} a {high}); os projetos diferem {spread} (I² {i2})."),
    ("sentence.other", "Across {k} projects, the pooled {name} is {value} (95% interval {low} to {high}); the projects differ {spread} (I² {i2}).", "En {k} proyectos, {name} combinado es {value} (intervalo del 95%: {low} a {high}); los proyectos difieren {spread} (I² {i2}).", "Em {k} projetos, {name} combinado é {value} (intervalo de 95%: {low} a {high}); os projetos diferem {spread} (I² {i2})."),
    ("more", "more", "más", "mais"),
    ("less", "less", "menos", "menos"),
    ("spread.little", "little", "poco", "pouco"),
    ("spread.moderately", "moderately", "moderadamente", "moderadamente"),
    ("spread.a_lot", "a lot", "mucho", "muito"),
    ("who.beneficiaries", "beneficiary firms'", "las {measure} de las empresas beneficiarias", "as {measure} das empresas beneficiárias"),
    ("who.cluster", "the cluster's firms'", "las {measure} de las empresas del clúster", "as {measure} das empresas do cluster"),
    ("measure.sales", "sales", "ventas", "vendas"),
    ("measure.productivity", "productivity", "productividades", "produtividades"),
    ("measure.employment", "employment", "plantillas", "contratações"),
    ("measure.exports", "exports", "exportaciones", "exportações"),
    ("export.csv", "Export the table (.csv)", "Exportar la tabla (.csv)", "Exportar a tabela (.csv)"),
    ("export.json", "Export the portfolio (.json)", "Exportar la cartera (.json)", "Exportar o portfólio (.json)"),
    ("file.refused", "“{file}” was not opened: {reason}", "«{file}» no se abrió: {reason}", "“{file}” não foi aberto: {reason}"),
    ("file.unreadable", "the browser could not read it", "el navegador no pudo leerlo", "o navegador não conseguiu lê-lo"),
    ("file.newer_portfolio", "it is a portfolio of version {found}, newer than this page reads ({supported}); use a newer version of the calculator", "es una cartera de la versión {found}, más nueva que la que esta página lee ({supported}); use una versión más reciente de la calculadora", "é um portfólio da versão {found}, mais novo do que esta página lê ({supported}); use uma versão mais recente da calculadora"),
    ("file.bad_portfolio", "it says it is a portfolio but has no list of documents", "dice ser una cartera pero no tiene una lista de documentos", "diz ser um portfólio mas não tem uma lista de documentos"),
    ("file.document", "document {n}: {reason}", "documento {n}: {reason}", "documento {n}: {reason}"),
    ("file.copy", "“{file}” is a copy of “{of}”: both are shown, and it is counted once.", "«{file}» es una copia de «{of}»: se muestran ambos y se cuenta una vez.", "“{file}” é uma cópia de “{of}”: ambos são mostrados e ele é contado uma vez."),
    ("saved_untouched", "Nothing saved was changed.", "No se cambió nada guardado.", "Nada salvo foi alterado."),
];

/// The main page's link to this page, in the reader's language: the one text of the
/// portfolio the main page carries (three short words, outside both catalogues).
pub fn link_text(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Portfolio",
        Lang::Es => "Cartera",
        Lang::Pt => "Portfólio",
    }
}

/// The text of `key` in `lang` (the key itself when missing).
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    match TEXTS.iter().find(|row| row.0 == key) {
        Some(&(_, en, es, pt)) => match lang {
            Lang::En => en,
            Lang::Es => es,
            Lang::Pt => pt,
        },
        None => key,
    }
}

/// [`t`] with `{name}` placeholders filled.
pub fn tf(lang: Lang, key: &'static str, args: &[(&str, String)]) -> String {
    let mut text = t(lang, key).to_string();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// The key of a status's name.
pub fn status_text_key(status: Option<Status>) -> &'static str {
    match status {
        Some(Status::Met) => "status.met",
        Some(Status::NotMet) => "status.not_met",
        Some(Status::Inconclusive) => "status.inconclusive",
        Some(Status::InsufficientData) => "status.insufficient_data",
        Some(Status::Reported) => "status.reported",
        None => "status.absent",
    }
}

/// The key of why a project is not pooled.
pub fn reason_key(reason: NotPooled) -> &'static str {
    match reason {
        NotPooled::Copy => "reason.copy",
        NotPooled::Absent => "reason.absent",
        NotPooled::NoValue => "reason.no_value",
        NotPooled::NoInterval => "reason.no_interval",
        NotPooled::MissingEnd => "reason.missing_end",
        NotPooled::ZeroWidth => "reason.zero_width",
    }
}

/// Why a file was not opened into the portfolio.
#[derive(Debug, Clone, PartialEq)]
pub enum FileError {
    /// The file is not a readable document (the engine's reason).
    Document(DocumentError),
    /// A portfolio file newer than this build reads.
    NewerPortfolio { found: u64 },
    /// A portfolio file without a list of documents (or a version that is no number).
    BadPortfolio,
    /// A document of a portfolio file is not readable (its position, 1-based).
    InPortfolio { n: usize, error: DocumentError },
}

/// The documents of a file: a single document (`cluster-eval`) or a portfolio
/// (`cluster-eval-portfolio`, whose documents are each read as a file of their own:
/// results are dropped and recomputed).
pub fn read_file(text: &str) -> Result<Vec<Document>, FileError> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Only a file that says it is a portfolio is read as one; anything else is
    // refused or read by the engine, with its own messages.
    if body.contains(FORMAT) {
        if let Ok(Value::Object(mut object)) = serde_json::from_str::<Value>(body) {
            if object.get("format").and_then(Value::as_str) == Some(FORMAT) {
                let version = object.get("version").and_then(Value::as_u64);
                match version {
                    Some(v) if v > VERSION => return Err(FileError::NewerPortfolio { found: v }),
                    Some(_) => {}
                    None => return Err(FileError::BadPortfolio),
                }
                let Some(Value::Array(documents)) = object.remove("documents") else {
                    return Err(FileError::BadPortfolio);
                };
                return documents
                    .into_iter()
                    .enumerate()
                    .map(|(i, value)| {
                        Document::from_value(value)
                            .map_err(|error| FileError::InPortfolio { n: i + 1, error })
                    })
                    .collect();
            }
        }
    }
    Document::from_json(text)
        .map(|d| vec![d])
        .map_err(FileError::Document)
}

/// The portfolio as one JSON file: every document with its results.
pub fn to_json(members: &[Member]) -> String {
    let documents: Vec<Value> = members
        .iter()
        .map(|m| {
            let mut document = m.document.clone();
            document.results = Some(m.results.clone());
            serde_json::to_value(&document).unwrap_or(Value::Null)
        })
        .collect();
    let value = serde_json::json!({
        "format": FORMAT,
        "version": VERSION,
        "documents": documents,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// A project fact a filter selects on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fact {
    Country,
    Sector,
    Agency,
}

/// A project's fact, trimmed (empty when it has none).
pub fn fact(document: &Document, fact: Fact) -> String {
    let p = &document.project;
    let value = match fact {
        Fact::Country => &p.country,
        Fact::Sector => &p.sector,
        Fact::Agency => &p.executing_agency,
    };
    value.as_deref().unwrap_or("").trim().to_string()
}

/// The distinct non-empty values of a fact, sorted (the choices of its filter).
pub fn choices(members: &[Member], which: Fact) -> Vec<String> {
    let mut out: Vec<String> = members
        .iter()
        .map(|m| fact(&m.document, which))
        .filter(|v| !v.is_empty())
        .collect();
    out.sort_by_key(|v| v.to_lowercase());
    out.dedup();
    out
}

/// The filters of the view: `None` lets every project through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub country: Option<String>,
    pub sector: Option<String>,
    pub agency: Option<String>,
}

/// The positions of the members the filters let through, in order.
pub fn filter(members: &[Member], filters: &Filters) -> Vec<usize> {
    let pass = |m: &Member, which: Fact, wanted: &Option<String>| {
        wanted
            .as_ref()
            .is_none_or(|w| fact(&m.document, which) == *w)
    };
    members
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            pass(m, Fact::Country, &filters.country)
                && pass(m, Fact::Sector, &filters.sector)
                && pass(m, Fact::Agency, &filters.agency)
        })
        .map(|(i, _)| i)
        .collect()
}

/// The column a table is sorted by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Country,
    Sector,
    Agency,
    Years,
    Firms,
    /// An indicator's value.
    Id(String),
}

/// The order of the table's rows (positions in `table.rows`) sorted by `key`; rows
/// without a value come last whichever the direction; ties keep the portfolio's order.
pub fn sort(table: &Table, key: &SortKey, descending: bool) -> Vec<usize> {
    use std::cmp::Ordering;
    let text = |r: &Row| -> Option<String> {
        let v = match key {
            SortKey::Name => Some(r.name.clone()),
            SortKey::Country => r.country.clone(),
            SortKey::Sector => r.sector.clone(),
            SortKey::Agency => r.executing_agency.clone(),
            _ => return None,
        };
        v.map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty())
    };
    let number = |r: &Row| -> Option<f64> {
        match key {
            SortKey::Years => r.followup_year.map(f64::from),
            SortKey::Firms => Some(r.firms as f64),
            SortKey::Id(id) => r
                .cells
                .iter()
                .find(|c| c.id == *id)
                .and_then(|c| c.value)
                .filter(|v| v.is_finite()),
            _ => None,
        }
    };
    let textual = matches!(
        key,
        SortKey::Name | SortKey::Country | SortKey::Sector | SortKey::Agency
    );
    let mut order: Vec<usize> = (0..table.rows.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (&table.rows[a], &table.rows[b]);
        let cmp = if textual {
            match (text(ra), text(rb)) {
                (Some(x), Some(y)) => Some(x.cmp(&y)),
                (Some(_), None) => return Ordering::Less,
                (None, Some(_)) => return Ordering::Greater,
                (None, None) => None,
            }
        } else {
            match (number(ra), number(rb)) {
                (Some(x), Some(y)) => x.partial_cmp(&y),
                (Some(_), None) => return Ordering::Less,
                (None, Some(_)) => return Ordering::Greater,
                (None, None) => None,
            }
        };
        let cmp = cmp.unwrap_or(Ordering::Equal);
        if descending {
            cmp.reverse()
        } else {
            cmp
        }
    });
    order
}

/// How much the projects differ, in words, from I² (Higgins' bands: under 25%
/// little, under 50% moderately, else a lot).
pub fn spread_key(i2: f64) -> &'static str {
    if i2 < 0.25 {
        "spread.little"
    } else if i2 < 0.5 {
        "spread.moderately"
    } else {
        "spread.a_lot"
    }
}

/// Whether an id is a difference shown in percentage points.
fn in_points(id: &str, unit: Option<Unit>) -> bool {
    id.ends_with(".vs_control")
        || id.ends_with(".vs_sector")
        || (unit == Some(Unit::Share) && id.contains("share") && id.contains("vs_control"))
}

/// A number of the pooled estimate as the reader writes it (points for a
/// difference, the indicator's own format otherwise), without a sign.
fn figure(lang: Lang, id: &str, unit: Option<Unit>, value: f64) -> String {
    if in_points(id, unit) {
        format!("{}\u{a0}pp", crate::format::number(lang, value * 100.0, 0))
    } else {
        match unit {
            Some(unit) => crate::format::value(lang, id, unit, Some(value), ""),
            None => crate::format::number(lang, value, 2),
        }
    }
}

/// The plain sentence of a pooled estimate ("Across 7 projects, beneficiary firms'
/// sales grew 12 pp more than their control firms' (95% interval 5 to 19 pp); the
/// projects differ a lot (I² 64%)."), or `None` when nothing was pooled.
pub fn sentence(lang: Lang, pooled: &Pooled) -> Option<String> {
    let e = pooled.estimate.as_ref()?;
    let id = pooled.id.as_str();
    let i2 = format!("{}\u{a0}%", crate::format::number(lang, e.i2 * 100.0, 0));
    let spread = t(lang, spread_key(e.i2)).to_string();
    let k = e.k.to_string();
    let parts: Vec<&str> = id.split('.').collect();
    if let ["long", who @ ("beneficiaries" | "cluster"), measure @ ("sales" | "productivity" | "employment" | "exports"), "vs_control"] =
        parts.as_slice()
    {
        let measure_key = match *measure {
            "sales" => "measure.sales",
            "productivity" => "measure.productivity",
            "employment" => "measure.employment",
            _ => "measure.exports",
        };
        let measure = t(lang, measure_key);
        let who_key = if *who == "beneficiaries" {
            "who.beneficiaries"
        } else {
            "who.cluster"
        };
        let subject = match lang {
            Lang::En => format!("{} {measure}", t(lang, who_key)),
            _ => tf(lang, who_key, &[("measure", measure.to_string())]),
        };
        let low = crate::format::number(lang, e.low * 100.0, 0);
        let high = figure(lang, id, pooled.unit, e.high);
        return Some(tf(
            lang,
            "sentence.vs_control",
            &[
                ("k", k),
                ("subject", subject),
                ("diff", figure(lang, id, pooled.unit, e.pooled.abs())),
                (
                    "direction",
                    t(lang, if e.pooled < 0.0 { "less" } else { "more" }).to_string(),
                ),
                ("low", low),
                ("high", high),
                ("spread", spread),
                ("i2", i2),
            ],
        ));
    }
    let value = |v: f64| {
        if in_points(id, pooled.unit) {
            let sign = if v < 0.0 { "−" } else { "" };
            format!("{sign}{}", figure(lang, id, pooled.unit, v.abs()))
        } else {
            figure(lang, id, pooled.unit, v)
        }
    };
    Some(tf(
        lang,
        "sentence.other",
        &[
            ("k", k),
            ("name", indicator_name(lang, id)),
            ("value", value(e.pooled)),
            ("low", value(e.low)),
            ("high", value(e.high)),
            ("spread", spread),
            ("i2", i2),
        ],
    ))
}

/// The table as CSV for the reader's Excel (`;` and a decimal comma for Spanish and
/// Portuguese, a byte-order mark, CRLF, text quoted and guarded as in
/// [`crate::csv_export`]): a `row` column, the project's facts, and per id its value,
/// interval and status; then the median and the counts by status; then, when given,
/// the pooled estimate.
pub fn table_csv(lang: Lang, table: &Table, pooled: Option<&Pooled>) -> String {
    let sep = if lang.marks().0 == ',' { ";" } else { "," };
    let mut lines: Vec<Vec<String>> = Vec::new();
    let mut header: Vec<String> = [
        "row",
        t(lang, "col.project"),
        t(lang, "col.country"),
        t(lang, "col.sector"),
        t(lang, "col.agency"),
        t(lang, "col.currency"),
        t(lang, "col.baseline"),
        t(lang, "col.followup"),
        t(lang, "col.firms"),
    ]
    .iter()
    .map(|s| quote(s))
    .collect();
    for id in &table.ids {
        let name = indicator_name(lang, id);
        header.push(quote(id));
        header.push(quote(&format!("{name} ({})", t(lang, "col.low"))));
        header.push(quote(&format!("{name} ({})", t(lang, "col.high"))));
        header.push(quote(&format!("{name} ({})", t(lang, "col.status"))));
    }
    lines.push(header);
    let width = 9 + 4 * table.ids.len();
    for row in &table.rows {
        let mut line = vec![
            quote("project"),
            quote(&row.name),
            quote(row.country.as_deref().unwrap_or("")),
            quote(row.sector.as_deref().unwrap_or("")),
            quote(row.executing_agency.as_deref().unwrap_or("")),
            quote(&row.currency),
            row.baseline_year.map(|y| y.to_string()).unwrap_or_default(),
            row.followup_year.map(|y| y.to_string()).unwrap_or_default(),
            row.firms.to_string(),
        ];
        for cell in &row.cells {
            line.push(crate::csv_export::number(lang, cell.value));
            line.push(crate::csv_export::number(lang, cell.ci.map(|c| c[0])));
            line.push(crate::csv_export::number(lang, cell.ci.map(|c| c[1])));
            line.push(quote(cell.status.map(|s| s.code()).unwrap_or("")));
        }
        lines.push(line);
    }
    let mut summary_line = |label: &str, cells: Vec<String>| {
        let mut line = vec![quote(label)];
        line.resize(9, String::new());
        for c in cells {
            line.push(c);
            line.push(String::new());
            line.push(String::new());
            line.push(String::new());
        }
        line.resize(width, String::new());
        lines.push(line);
    };
    summary_line(
        "median",
        table
            .summaries
            .iter()
            .map(|s| crate::csv_export::number(lang, s.median))
            .collect(),
    );
    for (i, code) in STATUS_CODES.iter().enumerate() {
        summary_line(
            &format!("count {code}"),
            table
                .summaries
                .iter()
                .map(|s| s.counts.pairs()[i].1.to_string())
                .collect(),
        );
    }
    let mut out = String::from("\u{feff}");
    for line in &lines {
        out.push_str(&line.join(sep));
        out.push_str("\r\n");
    }
    if let Some(p) = pooled {
        let e = p.estimate.as_ref();
        out.push_str("\r\n");
        out.push_str(
            &[
                quote("pooled"),
                quote("id"),
                quote("value"),
                quote("low"),
                quote("high"),
                quote("tau2"),
                quote("i2"),
                quote("k"),
            ]
            .join(sep),
        );
        out.push_str("\r\n");
        out.push_str(
            &[
                quote("pooled"),
                quote(&p.id),
                crate::csv_export::number(lang, e.map(|e| e.pooled)),
                crate::csv_export::number(lang, e.map(|e| e.low)),
                crate::csv_export::number(lang, e.map(|e| e.high)),
                crate::csv_export::number(lang, e.map(|e| e.tau2)),
                crate::csv_export::number(lang, e.map(|e| e.i2)),
                p.k.to_string(),
            ]
            .join(sep),
        );
        out.push_str("\r\n");
    }
    out
}

/// The status codes of `StatusCounts::pairs`, in its order.
const STATUS_CODES: [&str; 6] = [
    "met",
    "not_met",
    "inconclusive",
    "insufficient_data",
    "reported",
    "absent",
];
