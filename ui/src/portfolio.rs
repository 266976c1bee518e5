//! The portfolio page's decisions (issue 15): its texts, the portfolio file (reading
//! one or several documents, writing the portfolio as one JSON file), the rows shown
//! (filters, sorting), the plain sentence of a pooled estimate and the table as CSV.
//! Every number comes from the engine (`cluster_eval_types::portfolio`).
//!
//! The page's texts are a catalogue of their own ([`TEXTS`]), not rows of
//! `messages::CATALOGUE`: the main page searches that catalogue at run time, so every
//! row there is in its first visit; the portfolio page is a separate binary, and only
//! it links these.

use cluster_eval_types::portfolio::{
    ByContext, Cell, ContextFact, Estimate, Level, Member, NotPooled, Pooled, Row, Summary, Table,
    Totals, UNKNOWN_LEVEL,
};
use cluster_eval_types::{Document, DocumentError, Horizon, Indicator, Status, Unit};
use serde_json::Value;

use crate::csv_export::quote;
use crate::i18n::Lang;
use crate::names::indicator_name;
use crate::verdict::Verdict;

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
    ("summary.currencies", "projects in several currencies: {currencies}", "proyectos en varias monedas: {currencies}", "projetos em várias moedas: {currencies}"),
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
    ("sentence.vs_control", "Pooled over {k} projects{few}: {grew} {diff} {direction} than in the control firms (95% confidence interval by Hartung–Knapp {low} to {high}): {verdict}.", "Combinando {k} proyectos{few}: {grew} {diff} {direction} que en las empresas de control (intervalo de confianza del 95 % por Hartung–Knapp: {low} a {high}): {verdict}.", "Combinando {k} projetos{few}: {grew} {diff} {direction} que nas empresas de controle (intervalo de confiança de 95% por Hartung–Knapp: {low} a {high}): {verdict}."),
    ("sentence.other", "Pooled over {k} projects{few}: {name} is {value} (95% confidence interval by Hartung–Knapp {low} to {high}){verdict}.", "Combinando {k} proyectos{few}: {name} es {value} (intervalo de confianza del 95 % por Hartung–Knapp: {low} a {high}){verdict}.", "Combinando {k} projetos{few}: {name} é {value} (intervalo de confiança de 95% por Hartung–Knapp: {low} a {high}){verdict}."),
    ("sentence.spread", "The projects differ {spread} (I² {i2}).", "Los proyectos difieren {spread} (I² {i2}).", "Os projetos diferem {spread} (I² {i2})."),
    ("sentence.prediction", "A new project of the same kind would likely fall between {low} and {high} (95% prediction interval).", "Un nuevo proyecto del mismo tipo probablemente quedaría entre {low} y {high} (intervalo de predicción del 95 %).", "Um novo projeto do mesmo tipo provavelmente ficaria entre {low} e {high} (intervalo de predição de 95%)."),
    ("few", " (few projects)", " (pocos proyectos)", " (poucos projetos)"),
    ("more", "more", "más", "mais"),
    ("less", "less", "menos", "menos"),
    ("points", "percentage points", "puntos porcentuales", "pontos percentuais"),
    ("spread.little", "little", "poco", "pouco"),
    ("spread.moderately", "moderately", "moderadamente", "moderadamente"),
    ("spread.a_lot", "a lot", "mucho", "muito"),
    ("verdict.favourable", "favourable", "favorable", "favorável"),
    ("verdict.unfavourable", "unfavourable", "desfavorable", "desfavorável"),
    ("verdict.not_conclusive", "not conclusive", "no concluyente", "não conclusivo"),
    ("who.beneficiaries", "the beneficiary firms'", "de las empresas beneficiarias", "das empresas beneficiárias"),
    ("who.cluster", "the cluster's firms'", "de las empresas del clúster", "das empresas do cluster"),
    ("grew.sales", "{who} sales grew", "las ventas {who} crecieron", "as vendas {who} cresceram"),
    ("grew.productivity", "{who} productivity grew", "la productividad {who} creció", "a produtividade {who} cresceu"),
    ("grew.employment", "{who} employment grew", "el empleo {who} creció", "o emprego {who} cresceu"),
    ("grew.exports", "{who} exports grew", "las exportaciones {who} crecieron", "as exportações {who} cresceram"),
    ("pool.hk", "95% confidence interval by Hartung–Knapp", "intervalo de confianza del 95 % por Hartung–Knapp", "intervalo de confiança de 95% por Hartung–Knapp"),
    ("pool.pi", "95% prediction interval", "intervalo de predicción del 95 %", "intervalo de predição de 95%"),
    ("pool.dl", "95% interval by DerSimonian–Laird", "intervalo del 95 % por DerSimonian–Laird", "intervalo de 95% por DerSimonian–Laird"),
    ("legend.project", "a project: its estimate (square, sized by its weight) and 95% confidence interval", "un proyecto: su estimación (cuadrado, según su peso) e intervalo de confianza del 95 %", "um projeto: sua estimativa (quadrado, conforme seu peso) e intervalo de confiança de 95%"),
    ("legend.diamond", "pooled estimate and its 95% confidence interval by Hartung–Knapp (diamond)", "estimación combinada y su intervalo de confianza del 95 % por Hartung–Knapp (rombo)", "estimativa combinada e seu intervalo de confiança de 95% por Hartung–Knapp (losango)"),
    ("legend.prediction", "95% prediction interval: where a new project of the same kind would likely fall (thin line)", "intervalo de predicción del 95 %: dónde quedaría probablemente un nuevo proyecto del mismo tipo (línea fina)", "intervalo de predição de 95%: onde provavelmente ficaria um novo projeto do mesmo tipo (linha fina)"),
    ("totals.title", "The portfolio in figures", "La cartera en cifras", "O portfólio em números"),
    ("totals.projects", "Projects", "Proyectos", "Projetos"),
    ("totals.clusters", "Clusters", "Clústeres", "Clusters"),
    ("totals.countries", "Countries", "Países", "Países"),
    ("totals.cost_total", "Total cost", "Costo total", "Custo total"),
    ("totals.cost_mif", "MIF contribution", "Aporte del FOMIN", "Aporte do FUMIN"),
    ("totals.beneficiary_firms", "Beneficiary firms", "Empresas beneficiarias", "Empresas beneficiárias"),
    ("totals.none", "—", "—", "—"),
    ("by.choose", "Compare by", "Comparar por", "Comparar por"),
    ("by.none", "nothing (one pooled estimate)", "nada (una sola estimación combinada)", "nada (uma única estimativa combinada)"),
    ("fact.country", "country", "país", "país"),
    ("fact.sector", "sector", "sector", "setor"),
    ("fact.executing_agency", "executing agency", "agencia ejecutora", "agência executora"),
    ("fact.sector_type", "sector type (modern or traditional)", "tipo de sector (moderno o tradicional)", "tipo de setor (moderno ou tradicional)"),
    ("fact.area_type", "area (booming or marginal)", "zona (pujante o marginal)", "área (dinâmica ou marginal)"),
    ("fact.agency_type", "type of executing agency", "tipo de agencia ejecutora", "tipo de agência executora"),
    ("fact.cost_band", "total cost (US$)", "costo total (US$)", "custo total (US$)"),
    ("level.modern", "modern sector", "sector moderno", "setor moderno"),
    ("level.traditional", "traditional sector", "sector tradicional", "setor tradicional"),
    ("level.booming", "booming area", "zona pujante", "área dinâmica"),
    ("level.marginal", "marginal area", "zona marginal", "área marginal"),
    ("level.public", "public agency", "agencia pública", "agência pública"),
    ("level.private", "private agency", "agencia privada", "agência privada"),
    ("level.mixed", "mixed agency", "agencia mixta", "agência mista"),
    ("level.university", "university", "universidad", "universidade"),
    ("level.under_150k", "under US$150,000", "menos de US$150.000", "menos de US$ 150.000"),
    ("level.150k_500k", "US$150,000 to 500,000", "de US$150.000 a 500.000", "de US$ 150.000 a 500.000"),
    ("level.500k_1500k", "US$500,000 to 1.5 million", "de US$500.000 a 1,5 millones", "de US$ 500.000 a 1,5 milhão"),
    ("level.1500k_plus", "US$1.5 million or more", "US$1,5 millones o más", "US$ 1,5 milhão ou mais"),
    ("level.unknown", "unknown", "desconocido", "desconhecido"),
    ("level.pooled", "Pooled within the level", "Combinada dentro del grupo", "Combinada dentro do grupo"),
    ("level.one", "one project: its own estimate", "un proyecto: su propia estimación", "um projeto: sua própria estimativa"),
    ("level.none", "no project of this level has an interval", "ningún proyecto de este grupo tiene un intervalo", "nenhum projeto deste grupo tem um intervalo"),
    ("level.heading", "{level}: {k} projects pooled", "{level}: {k} proyectos combinados", "{level}: {k} projetos combinados"),
    ("subgroup.differs", "The effect differs between {levels}: {values}, {p}.", "El efecto difiere entre {levels}: {values}, {p}.", "O efeito difere entre {levels}: {values}, {p}."),
    ("subgroup.same", "No difference between {levels} could be shown ({p}).", "No se pudo mostrar una diferencia entre {levels} ({p}).", "Não foi possível mostrar uma diferença entre {levels} ({p})."),
    ("subgroup.too_few", "Fewer than two levels have a pooled estimate: no test for subgroup differences.", "Menos de dos grupos tienen una estimación combinada: no hay prueba de diferencias entre subgrupos.", "Menos de dois grupos têm uma estimativa combinada: não há teste de diferenças entre subgrupos."),
    ("subgroup.figures", "Test for subgroup differences: Q = {q}, df = {df}, {p}", "Prueba de diferencias entre subgrupos: Q = {q}, gl = {df}, {p}", "Teste de diferenças entre subgrupos: Q = {q}, gl = {df}, {p}"),
    ("verdict.passed", "passed", "superada", "aprovada"),
    ("verdict.failed", "failed", "no superada", "reprovada"),
    ("verdict.target_met", "target met", "meta alcanzada", "meta atingida"),
    ("verdict.target_not_met", "target not met", "meta no alcanzada", "meta não atingida"),
    ("verdict.level", "level (no verdict)", "nivel (sin valoración)", "nível (sem apreciação)"),
    ("summary.verdicts", "Projects by verdict", "Proyectos por valoración", "Projetos por apreciação"),
    ("and", " and ", " y ", " e "),
    ("against", " against ", " frente a ", " contra "),
    ("respectively", "respectively", "respectivamente", "respectivamente"),
    ("export.csv", "Export the table (.csv)", "Exportar la tabla (.csv)", "Exportar a tabela (.csv)"),
    ("export.json", "Export the portfolio (.json)", "Exportar la cartera (.json)", "Exportar o portfólio (.json)"),
    ("file.refused", "“{file}” was not opened: {reason}", "«{file}» no se abrió: {reason}", "“{file}” não foi aberto: {reason}"),
    ("file.unreadable", "the browser could not read it", "el navegador no pudo leerlo", "o navegador não conseguiu lê-lo"),
    ("file.newer_portfolio", "it is a portfolio of version {found}, newer than this page reads ({supported}); use a newer version of the calculator", "es una cartera de la versión {found}, más nueva que la que esta página lee ({supported}); use una versión más reciente de la calculadora", "é um portfólio da versão {found}, mais novo do que esta página lê ({supported}); use uma versão mais recente da calculadora"),
    ("file.bad_portfolio", "it says it is a portfolio but has no list of documents", "dice ser una cartera pero no tiene una lista de documentos", "diz ser um portfólio mas não tem uma lista de documentos"),
    ("file.document", "document {n}: {reason}", "documento {n}: {reason}", "documento {n}: {reason}"),
    ("file.copy", "{file} is a copy {of}: both are shown, and it is counted once.", "{file} es una copia {of}: se muestran ambos y se cuenta una vez.", "{file} é uma cópia {of}: ambos são mostrados e ele é contado uma vez."),
    ("origin.file", "“{file}”", "«{file}»", "“{file}”"),
    ("origin.file_of", "of “{file}”", "de «{file}»", "de “{file}”"),
    ("origin.document", "document {n} of “{file}”", "el documento {n} de «{file}»", "o documento {n} de “{file}”"),
    ("origin.document_of", "of document {n} of “{file}”", "del documento {n} de «{file}»", "do documento {n} de “{file}”"),
    ("origin.saved", "the saved project “{file}”", "el proyecto guardado «{file}»", "o projeto salvo “{file}”"),
    ("origin.saved_of", "of the saved project “{file}”", "del proyecto guardado «{file}»", "do projeto salvo “{file}”"),
    ("saved_untouched", "Nothing saved was changed.", "No se cambió nada guardado.", "Nada salvo foi alterado."),
];

/// Where a project of the portfolio came from, as the reader chose it: what the copy
/// notice names (two copies have the same project name; their files differ).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A project saved in this browser, by its name.
    Saved { name: String },
    /// Document `n` (1-based) of `count` in the file the reader opened.
    File {
        name: String,
        n: usize,
        count: usize,
    },
}

/// The words naming `origin` in a sentence, the names marked by [`isolate`]: the
/// file's name (with the document's number when the file holds several), or the
/// saved project's name. `of`: the words after "a copy" ("of …", "de …", "del …").
pub fn origin_text(lang: Lang, origin: &Origin, of: bool) -> String {
    let (key, name, n) = match origin {
        Origin::Saved { name } => (("origin.saved", "origin.saved_of"), name, None),
        Origin::File { name, count, .. } if *count <= 1 => {
            (("origin.file", "origin.file_of"), name, None)
        }
        Origin::File { name, n, .. } => (("origin.document", "origin.document_of"), name, Some(n)),
    };
    let mut args = vec![("file", isolate(name))];
    if let Some(n) = n {
        args.push(("n", n.to_string()));
    }
    tf(lang, if of { key.1 } else { key.0 }, &args)
}

/// The notice that the project from `copy` is a copy of the one from `of`, naming
/// both by where they came from; the sentence starts with a capital letter.
pub fn copy_notice(lang: Lang, copy: &Origin, of: &Origin) -> String {
    let text = tf(
        lang,
        "file.copy",
        &[
            ("file", origin_text(lang, copy, false)),
            ("of", origin_text(lang, of, true)),
        ],
    );
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

/// The median row's text for `summary` of `table`: the median in the currency of the
/// projects it is over, or, for a value written with a currency (an amount, a return
/// per unit of money) over projects in several currencies, "—" and the hint naming
/// them (issue 24: never labelled with one project's currency). The projects are
/// those the median is over: not copies, with a value; currencies compared trimmed and
/// in upper case, a blank one shown as "(none)", as the pooling compares them.
pub fn median_text(lang: Lang, table: &Table, summary: &Summary) -> (String, Option<String>) {
    let Some(median) = summary.median else {
        return ("—".into(), mixed_hint(lang, table, summary));
    };
    let Some(unit) = summary.unit else {
        return (crate::format::number(lang, median, 2), None);
    };
    match median_currencies(table, summary).as_slice() {
        [one] => (
            crate::format::value(lang, &summary.id, unit, Some(median), one),
            None,
        ),
        [] => (
            crate::format::value(lang, &summary.id, unit, Some(median), ""),
            None,
        ),
        _ if !crate::format::carries_currency(&summary.id, unit) => (
            crate::format::value(lang, &summary.id, unit, Some(median), ""),
            None,
        ),
        _ => ("—".into(), mixed_hint(lang, table, summary)),
    }
}

/// "projects in several currencies: …" when `summary`'s values carry a currency and
/// its projects are in more than one.
fn mixed_hint(lang: Lang, table: &Table, summary: &Summary) -> Option<String> {
    let currency = summary.mixed_currencies
        || summary
            .unit
            .is_some_and(|u| crate::format::carries_currency(&summary.id, u));
    let currencies = median_currencies(table, summary);
    (currency && currencies.len() > 1).then(|| {
        let names: Vec<&str> = currencies
            .iter()
            .map(|c| if c.is_empty() { "(none)" } else { c.as_str() })
            .collect();
        tf(
            lang,
            "summary.currencies",
            &[("currencies", names.join(", "))],
        )
    })
}

/// The distinct currencies (trimmed, upper case, sorted) of the projects with a value
/// of `summary`'s id, copies left out.
fn median_currencies(table: &Table, summary: &Summary) -> Vec<String> {
    let mut out: Vec<String> = table
        .rows
        .iter()
        .filter(|r| r.copy_of.is_none())
        .filter(|r| {
            r.cells
                .iter()
                .any(|c| c.id == summary.id && c.value.is_some_and(f64::is_finite))
        })
        .map(|r| r.currency.trim().to_uppercase())
        .collect();
    out.sort();
    out.dedup();
    out
}

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

/// v3 (issue 25): a cell's verdict as the main page words it (favourable /
/// unfavourable / not conclusive for a comparison, passed / failed for a design
/// check, target met / not met where the project set a target), as a code:
/// those of [`crate::verdict::Verdict::code`], and for a cell without a verdict
/// `insufficient_data`, `level` (a reported level) or `absent` (no such indicator).
pub fn cell_verdict(cell: &Cell, has_target: bool) -> &'static str {
    let Some(status) = cell.status else {
        return "absent";
    };
    let mut indicator = Indicator::new(
        cell.id.clone(),
        if cell.id.starts_with("design.") {
            Horizon::Design
        } else {
            Horizon::Long
        },
        cell.unit.unwrap_or(Unit::Ratio),
    );
    indicator.status = status;
    indicator.value = cell.value;
    indicator.ci = cell.ci;
    match crate::verdict::verdict(&indicator, has_target) {
        Verdict::None => match status {
            Status::InsufficientData => "insufficient_data",
            _ => "level",
        },
        v => v.code(),
    }
}

/// The verdict codes of [`cell_verdict`], in the order the counts list them.
pub const VERDICT_CODES: [&str; 10] = [
    "favourable",
    "unfavourable",
    "not_conclusive",
    "passed",
    "failed",
    "target_met",
    "target_not_met",
    "level",
    "insufficient_data",
    "absent",
];

/// The words of a code of [`cell_verdict`].
pub fn cell_verdict_word(lang: Lang, code: &str) -> &'static str {
    match code {
        "favourable" => t(lang, "verdict.favourable"),
        "unfavourable" => t(lang, "verdict.unfavourable"),
        "not_conclusive" => t(lang, "verdict.not_conclusive"),
        "passed" => t(lang, "verdict.passed"),
        "failed" => t(lang, "verdict.failed"),
        "target_met" => t(lang, "verdict.target_met"),
        "target_not_met" => t(lang, "verdict.target_not_met"),
        "level" => t(lang, "verdict.level"),
        "insufficient_data" => t(lang, "status.insufficient_data"),
        _ => t(lang, "status.absent"),
    }
}

/// Projects by verdict for each id of the table (copies counted once), in
/// [`VERDICT_CODES`] order, zero counts left out; `has_target(row, id)`: the
/// project of that row set a target for the id.
pub fn verdict_counts(
    table: &Table,
    has_target: impl Fn(usize, &str) -> bool,
) -> Vec<Vec<(&'static str, usize)>> {
    table
        .ids
        .iter()
        .enumerate()
        .map(|(c, id)| {
            let mut counts = [0usize; VERDICT_CODES.len()];
            for (r, row) in table.rows.iter().enumerate() {
                if row.copy_of.is_some() {
                    continue;
                }
                let Some(cell) = row.cells.get(c) else {
                    continue;
                };
                let code = cell_verdict(cell, has_target(r, id));
                if let Some(i) = VERDICT_CODES.iter().position(|x| *x == code) {
                    counts[i] += 1;
                }
            }
            VERDICT_CODES
                .iter()
                .zip(counts)
                .filter(|(_, n)| *n > 0)
                .map(|(code, n)| (*code, n))
                .collect()
        })
        .collect()
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
    to_json_with(members, None)
}

/// [`to_json`], with the comparison on screen (v3): `compared_by` holds the engine's
/// levels, the test for subgroup differences and the totals, for the reader of the
/// file (a portfolio reopened recomputes them; the key is ignored when read).
pub fn to_json_with(members: &[Member], by: Option<&ByContext>) -> String {
    let documents: Vec<Value> = members
        .iter()
        .map(|m| {
            let mut document = m.document.clone();
            document.results = Some(m.results.clone());
            serde_json::to_value(&document).unwrap_or(Value::Null)
        })
        .collect();
    let mut value = serde_json::json!({
        "format": FORMAT,
        "version": VERSION,
        "documents": documents,
    });
    if let (Some(by), Value::Object(object)) = (by, &mut value) {
        object.insert(
            "compared_by".into(),
            serde_json::to_value(by).unwrap_or(Value::Null),
        );
    }
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

/// A name the reader typed, marked as an isolate (U+2068 … U+2069) inside a
/// sentence: the page draws it in a `<bdi>`.
pub fn isolate(name: &str) -> String {
    format!("\u{2068}{name}\u{2069}")
}

/// The interval a pooled estimate's sentence and verdict use: Hartung–Knapp when the
/// engine gives it, else DerSimonian–Laird's.
pub fn interval(e: &Estimate) -> (f64, f64) {
    match (e.hk_low, e.hk_high) {
        (Some(low), Some(high)) if low.is_finite() && high.is_finite() => (low, high),
        _ => (e.low, e.high),
    }
}

/// Whether an id is a comparison with the control firms, which a pooled estimate
/// gives a verdict: higher is better, except for the wage gap.
fn comparison(id: &str) -> Option<bool> {
    if !id.ends_with(".vs_control") {
        return None;
    }
    Some(!id.starts_with("pro_poor.wage_gap"))
}

/// The verdict of a pooled comparison from its Hartung–Knapp interval (SPEC,
/// "Verdicts and their words (v3)"): `favourable`, `unfavourable` or
/// `not_conclusive` — never "met"; `None` for an id that is not a comparison or
/// nothing pooled.
pub fn pooled_verdict(pooled: &Pooled) -> Option<&'static str> {
    let e = pooled.estimate.as_ref()?;
    let higher_is_better = comparison(&pooled.id)?;
    let (low, high) = interval(e);
    let above = low > 0.0;
    let below = high < 0.0;
    Some(match (above, below, higher_is_better) {
        (true, _, true) | (_, true, false) => "favourable",
        (_, true, true) | (true, _, false) => "unfavourable",
        _ => "not_conclusive",
    })
}

/// The words of a verdict code.
pub fn verdict_word(lang: Lang, code: &str) -> &'static str {
    match code {
        "favourable" => t(lang, "verdict.favourable"),
        "unfavourable" => t(lang, "verdict.unfavourable"),
        _ => t(lang, "verdict.not_conclusive"),
    }
}

/// A difference in percentage points, rounded, signed (`−29`), without its unit.
fn signed_points(lang: Lang, v: f64) -> String {
    crate::format::number(lang, v * 100.0, 0)
}

/// A number of a pooled estimate with its sign, as the reader writes it.
fn signed(lang: Lang, id: &str, unit: Option<Unit>, v: f64) -> String {
    if in_points(id, unit) {
        signed_points(lang, v)
    } else {
        figure(lang, id, unit, v)
    }
}

/// The plain sentence of a pooled estimate, by the Hartung–Knapp interval, with
/// "few projects" under five and the verdict of a comparison ("Pooled over 3
/// projects (few projects): the beneficiary firms' sales grew 16 percentage points
/// more than in the control firms (95% confidence interval by Hartung–Knapp −29 to
/// 61): not conclusive. The projects differ a lot (I² 64 %). A new project of the same
/// kind would likely fall between …"), or `None` when nothing was pooled.
pub fn sentence(lang: Lang, pooled: &Pooled) -> Option<String> {
    let e = pooled.estimate.as_ref()?;
    let id = pooled.id.as_str();
    let i2 = format!("{}\u{a0}%", crate::format::number(lang, e.i2 * 100.0, 0));
    let spread = tf(
        lang,
        "sentence.spread",
        &[
            ("spread", t(lang, spread_key(e.i2)).to_string()),
            ("i2", i2),
        ],
    );
    let k = e.k.to_string();
    let few = if pooled.few_projects || e.k < 5 {
        t(lang, "few").to_string()
    } else {
        String::new()
    };
    let (low, high) = interval(e);
    let verdict = pooled_verdict(pooled);
    let prediction = match (e.pi_low, e.pi_high) {
        (Some(a), Some(b)) if a.is_finite() && b.is_finite() => {
            let (a, b) = if in_points(id, pooled.unit) {
                (
                    signed_points(lang, a),
                    format!("{} {}", signed_points(lang, b), t(lang, "points")),
                )
            } else {
                (
                    signed(lang, id, pooled.unit, a),
                    signed(lang, id, pooled.unit, b),
                )
            };
            format!(
                " {}",
                tf(lang, "sentence.prediction", &[("low", a), ("high", b)])
            )
        }
        _ => String::new(),
    };
    let parts: Vec<&str> = id.split('.').collect();
    if let ["long", who @ ("beneficiaries" | "cluster"), measure @ ("sales" | "productivity" | "employment" | "exports"), "vs_control"] =
        parts.as_slice()
    {
        let grew_key = match *measure {
            "sales" => "grew.sales",
            "productivity" => "grew.productivity",
            "employment" => "grew.employment",
            _ => "grew.exports",
        };
        let who = t(
            lang,
            if *who == "beneficiaries" {
                "who.beneficiaries"
            } else {
                "who.cluster"
            },
        );
        let grew = tf(lang, grew_key, &[("who", who.to_string())]);
        let main = tf(
            lang,
            "sentence.vs_control",
            &[
                ("k", k),
                ("few", few),
                ("grew", grew),
                (
                    "diff",
                    format!(
                        "{} {}",
                        crate::format::number(lang, e.pooled.abs() * 100.0, 0),
                        t(lang, "points")
                    ),
                ),
                (
                    "direction",
                    t(lang, if e.pooled < 0.0 { "less" } else { "more" }).to_string(),
                ),
                ("low", signed_points(lang, low)),
                ("high", signed_points(lang, high)),
                (
                    "verdict",
                    verdict_word(lang, verdict.unwrap_or("not_conclusive")).to_string(),
                ),
            ],
        );
        return Some(format!("{main} {spread}{prediction}"));
    }
    let value = |v: f64| {
        if in_points(id, pooled.unit) {
            format!("{} {}", signed_points(lang, v), t(lang, "points"))
        } else {
            signed(lang, id, pooled.unit, v)
        }
    };
    let main = tf(
        lang,
        "sentence.other",
        &[
            ("k", k),
            ("few", few),
            ("name", indicator_name(lang, id)),
            ("value", value(e.pooled)),
            ("low", value(low)),
            ("high", value(high)),
            (
                "verdict",
                verdict
                    .map(|v| format!(": {}", verdict_word(lang, v)))
                    .unwrap_or_default(),
            ),
        ],
    );
    Some(format!("{main} {spread}{prediction}"))
}

/// v3, issue 25: a name in the forest plot's left column.
/// Characters a name's line holds in the left column.
pub const LINE_CHARS: usize = 26;
/// Lines a name may take.
pub const MAX_LINES: usize = 2;

/// A name on at most [`MAX_LINES`] lines of about [`LINE_CHARS`] characters, broken
/// at spaces where it can; the last line ends with "…" when the name is longer.
pub fn wrap_name(name: &str) -> Vec<String> {
    // Words longer than a line are cut into pieces of a line.
    let mut tokens: Vec<String> = Vec::new();
    for word in name.split_whitespace() {
        let chars: Vec<char> = word.chars().collect();
        for piece in chars.chunks(LINE_CHARS) {
            tokens.push(piece.iter().collect());
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for token in tokens {
        let len = current.chars().count();
        if len > 0 && len + 1 + token.chars().count() > LINE_CHARS {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&token);
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    if lines.len() > MAX_LINES {
        lines.truncate(MAX_LINES);
        if let Some(last) = lines.last_mut() {
            let cut: String = last.chars().take(LINE_CHARS - 1).collect();
            *last = format!("{}…", cut.trim_end());
        }
    }
    lines
}

/// The text key of a fact's name in the compare-by control.
pub fn fact_key(fact: ContextFact) -> &'static str {
    match fact {
        ContextFact::Country => "fact.country",
        ContextFact::Sector => "fact.sector",
        ContextFact::ExecutingAgency => "fact.executing_agency",
        ContextFact::SectorType => "fact.sector_type",
        ContextFact::AreaType => "fact.area_type",
        ContextFact::AgencyType => "fact.agency_type",
        ContextFact::CostBand => "fact.cost_band",
    }
}

/// A level's name for the reader: the canonical words translated (`modern` → "sector
/// moderno"), the free text as typed (`typed` true: the page shows it in a `<bdi>`).
pub fn level_name(lang: Lang, fact: ContextFact, level: &str) -> (String, bool) {
    if level == UNKNOWN_LEVEL {
        return (t(lang, "level.unknown").to_string(), false);
    }
    let typed = matches!(
        fact,
        ContextFact::Country | ContextFact::Sector | ContextFact::ExecutingAgency
    );
    if typed {
        return (level.to_string(), true);
    }
    let key = TEXTS
        .iter()
        .find(|row| row.0.strip_prefix("level.") == Some(level))
        .map(|row| row.0);
    match key {
        Some(key) => (t(lang, key).to_string(), false),
        None => (level.to_string(), true),
    }
}

/// A level's name inside a sentence (typed text marked by [`isolate`]).
fn level_in_sentence(lang: Lang, fact: ContextFact, level: &str) -> String {
    match level_name(lang, fact, level) {
        (name, true) => isolate(&name),
        (name, false) => name,
    }
}

/// `a`, `a and b`, `a, b and c` in the reader's language.
fn join(lang: Lang, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [head @ .., last] => format!("{}{}{last}", head.join(", "), t(lang, "and")),
    }
}

/// A p-value as the reader writes it: `p = 0.02` (three decimals under 0.01),
/// `p < 0.001`.
pub fn p_text(lang: Lang, p: f64) -> String {
    if p < 0.001 {
        format!("p < {}", crate::format::number(lang, 0.001, 3))
    } else if p < 0.01 {
        format!("p = {}", crate::format::number(lang, p, 3))
    } else {
        format!("p = {}", crate::format::number(lang, p, 2))
    }
}

/// The test for subgroup differences in a plain sentence ("The effect differs
/// between modern sector and traditional sector: 24 against 9 percentage points, p =
/// 0.02." / "No difference between … could be shown (p = 0.41)."), `None` with fewer
/// than two levels with a pooled estimate.
pub fn subgroup_sentence(lang: Lang, by: &ByContext) -> Option<String> {
    let p = by.p?;
    let levels: Vec<&Level> = by.levels.iter().filter(|l| l.pooled.is_some()).collect();
    if levels.len() < 2 {
        return None;
    }
    let names: Vec<String> = levels
        .iter()
        .map(|l| level_in_sentence(lang, by.by, &l.level))
        .collect();
    let points = in_points(&by.id, by.unit);
    let figures: Vec<String> = levels
        .iter()
        .map(|l| {
            let v = l.pooled.unwrap_or(0.0);
            if points {
                signed_points(lang, v)
            } else {
                signed(lang, &by.id, by.unit, v)
            }
        })
        .collect();
    let unit = if points {
        format!(" {}", t(lang, "points"))
    } else {
        String::new()
    };
    if p < 0.05 {
        let values = if figures.len() == 2 {
            format!("{}{}{}{unit}", figures[0], t(lang, "against"), figures[1])
        } else {
            format!("{}{unit} {}", join(lang, &figures), t(lang, "respectively"))
        };
        Some(tf(
            lang,
            "subgroup.differs",
            &[
                ("levels", join(lang, &names)),
                ("values", values),
                ("p", p_text(lang, p)),
            ],
        ))
    } else {
        Some(tf(
            lang,
            "subgroup.same",
            &[("levels", join(lang, &names)), ("p", p_text(lang, p))],
        ))
    }
}

/// The totals as the page shows them: `(testid suffix, label key, text)`; money per
/// currency ("USD 1,250,000; NIO 300,000"), "—" when no project has it.
pub fn totals_lines(lang: Lang, totals: &Totals) -> Vec<(&'static str, &'static str, String)> {
    let money = |sums: &std::collections::BTreeMap<String, f64>| {
        if sums.is_empty() {
            return t(lang, "totals.none").to_string();
        }
        sums.iter()
            .map(|(cur, v)| format!("{cur}\u{a0}{}", crate::format::number(lang, *v, 0)))
            .collect::<Vec<_>>()
            .join("; ")
    };
    vec![
        ("projects", "totals.projects", totals.projects.to_string()),
        ("clusters", "totals.clusters", totals.clusters.to_string()),
        (
            "countries",
            "totals.countries",
            totals.countries.to_string(),
        ),
        ("cost_total", "totals.cost_total", money(&totals.cost_total)),
        ("cost_mif", "totals.cost_mif", money(&totals.cost_mif)),
        (
            "beneficiary_firms",
            "totals.beneficiary_firms",
            crate::format::number(lang, totals.beneficiary_firms as f64, 0),
        ),
    ]
}

/// The table as CSV for the reader's Excel (`;` and a decimal comma for Spanish and
/// Portuguese, a byte-order mark, CRLF, text quoted and guarded as in
/// [`crate::csv_export`]): a `row` column, the project's facts, and per id its value,
/// interval and status; then the median and the counts by status; then, when given,
/// the pooled estimate (v3: with its Hartung–Knapp and prediction intervals); then,
/// when the portfolio is compared by a fact, one line per level and the test for
/// subgroup differences.
pub fn table_csv(
    lang: Lang,
    table: &Table,
    pooled: Option<&Pooled>,
    by: Option<&ByContext>,
) -> String {
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
                quote("hk_low"),
                quote("hk_high"),
                quote("pi_low"),
                quote("pi_high"),
                quote("few_projects"),
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
                crate::csv_export::number(lang, e.and_then(|e| e.hk_low)),
                crate::csv_export::number(lang, e.and_then(|e| e.hk_high)),
                crate::csv_export::number(lang, e.and_then(|e| e.pi_low)),
                crate::csv_export::number(lang, e.and_then(|e| e.pi_high)),
                p.few_projects.to_string(),
            ]
            .join(sep),
        );
        out.push_str("\r\n");
    }
    if let Some(by) = by {
        let number = |v: Option<f64>| crate::csv_export::number(lang, v);
        out.push_str("\r\n");
        let head = [
            "level", "id", "by", "level", "name", "k", "pooled", "se", "low", "high", "tau2", "i2",
        ];
        out.push_str(&head.map(quote).join(sep));
        out.push_str("\r\n");
        for l in &by.levels {
            let line = [
                quote("level"),
                quote(&by.id),
                quote(by.by.name()),
                quote(&l.level),
                quote(&level_name(lang, by.by, &l.level).0),
                l.k.to_string(),
                number(l.pooled),
                number(l.se),
                number(l.low),
                number(l.high),
                number(l.tau2),
                number(l.i2),
            ];
            out.push_str(&line.join(sep));
            out.push_str("\r\n");
        }
        out.push_str("\r\n");
        out.push_str(
            &["subgroup_test", "id", "by", "q_between", "df", "p"]
                .map(quote)
                .join(sep),
        );
        out.push_str("\r\n");
        out.push_str(
            &[
                quote("subgroup_test"),
                quote(&by.id),
                quote(by.by.name()),
                number(by.q_between),
                by.df.map(|d| d.to_string()).unwrap_or_default(),
                number(by.p),
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
