//! The template to fill in, as an `.xlsx` in the page's language: a "Read me" sheet
//! (how sheets are matched, every column with what it holds and the other header
//! names the reader accepts, the group and yes/no values), then one sheet per table
//! named as `matching::sheet_name` names it, with a bold, frozen header row
//! the reader accepts in that language, one example row from the built-in example,
//! and drop-down lists on the group and yes/no columns.
//!
//! Every word the template writes into a cell (headers, groups, yes/no) is one the
//! engine reads back; `workbook/tests/writers.rs` holds it by reading each sheet with
//! `cluster_eval_engine::read_table`.
//!
//! The file is the same bytes on every run: the document's creation date is fixed
//! ([`new_workbook`]). `rust_xlsxwriter::Workbook::new` still reads the clock once for
//! the default it replaces; on `wasm32-unknown-unknown` that is the browser's clock,
//! through the crate's `wasm` feature (enabled for that target in `Cargo.toml`), since
//! `SystemTime::now` panics there.

use cluster_eval_engine::{columns, yes_no, ColumnDef, ColumnType, Group, TableKind};
use cluster_eval_ui::i18n::{t, Lang};
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format, FormatAlign,
    Workbook, Worksheet, XlsxError,
};

use crate::matching::sheet_name;
use crate::readme_texts::{column_text, group_text, pick};

/// The last row (1-based, as Excel numbers them) the drop-down lists cover.
pub const VALIDATED_ROWS: u32 = 10_000;

/// The header the template writes for a column, in Spanish and Portuguese (English
/// writes the canonical name). Each is one of the schema's synonyms, so the reader
/// maps it back to its column (a test holds it).
const HEADERS: &[(TableKind, &str, [&str; 2])] = &[
    (TableKind::Firms, "firm", ["empresa", "empresa"]),
    (TableKind::Firms, "group", ["grupo", "grupo"]),
    (TableKind::Firms, "year", ["año", "ano"]),
    (TableKind::Firms, "sales", ["ventas", "vendas"]),
    (
        TableKind::Firms,
        "exports",
        ["exportaciones", "exportações"],
    ),
    (TableKind::Firms, "production", ["producción", "produção"]),
    (
        TableKind::Firms,
        "investment",
        ["inversión", "investimento"],
    ),
    (TableKind::Firms, "employment", ["empleo", "emprego"]),
    (
        TableKind::Firms,
        "productivity",
        ["productividad", "produtividade"],
    ),
    (
        TableKind::Firms,
        "workers_women",
        ["trabajadoras mujeres", "trabalhadoras mulheres"],
    ),
    (
        TableKind::Firms,
        "workers_unskilled",
        [
            "trabajadores no calificados",
            "trabalhadores não qualificados",
        ],
    ),
    (
        TableKind::Firms,
        "workers_informal",
        ["trabajadores informales", "trabalhadores informais"],
    ),
    (
        TableKind::Firms,
        "workers_youth",
        ["trabajadores jóvenes", "trabalhadores jovens"],
    ),
    (
        TableKind::Firms,
        "workers_indigenous",
        ["trabajadores indígenas", "trabalhadores indígenas"],
    ),
    (
        TableKind::Firms,
        "workers_afro",
        [
            "trabajadores afrodescendientes",
            "trabalhadores afrodescendentes",
        ],
    ),
    (
        TableKind::Firms,
        "workers_disabled",
        [
            "trabajadores con discapacidad",
            "trabalhadores com deficiência",
        ],
    ),
    (
        TableKind::Firms,
        "workers_migrant",
        ["trabajadores migrantes", "trabalhadores migrantes"],
    ),
    (
        TableKind::Firms,
        "wage_women",
        ["salario medio mujeres", "salário médio mulheres"],
    ),
    (
        TableKind::Firms,
        "wage_men",
        ["salario medio hombres", "salário médio homens"],
    ),
    (TableKind::Firms, "quality", ["calidad", "qualidade"]),
    (TableKind::Firms, "management", ["gestión", "gestão"]),
    (
        TableKind::Firms,
        "eco_efficiency",
        ["ecoeficiencia", "ecoeficiência"],
    ),
    (TableKind::Firms, "marketing", ["mercadeo", "mercadologia"]),
    (
        TableKind::Firms,
        "improved",
        ["mejoró posición", "melhorou posição"],
    ),
    (TableKind::Firms, "informal", ["es informal", "é informal"]),
    (TableKind::Firms, "innovation", ["innovación", "inovação"]),
    (
        TableKind::Firms,
        "new_market",
        ["nuevo mercado", "novo mercado"],
    ),
    (
        TableKind::Firms,
        "export_destinations",
        ["destinos de exportación", "destinos de exportação"],
    ),
    (TableKind::Territory, "year", ["año", "ano"]),
    (
        TableKind::Territory,
        "local_gdp",
        ["pib local", "pib local"],
    ),
    (
        TableKind::Territory,
        "national_gdp",
        ["pib nacional", "pib nacional"],
    ),
    (
        TableKind::Activities,
        "activity",
        ["actividad", "atividade"],
    ),
    (TableKind::Activities, "year", ["año", "ano"]),
    (
        TableKind::Activities,
        "firms",
        ["número de empresas", "número de empresas"],
    ),
    (TableKind::Activities, "status", ["estado", "situação"]),
    (TableKind::Actors, "actor", ["institución", "instituição"]),
    (TableKind::Actors, "type", ["tipo de actor", "tipo de ator"]),
    (TableKind::Actors, "year", ["año", "ano"]),
    (TableKind::Subsidies, "year", ["año", "ano"]),
    (
        TableKind::Subsidies,
        "amount",
        ["monto desembolsado", "valor desembolsado"],
    ),
    (
        TableKind::Subsidies,
        "component",
        ["componente", "componente"],
    ),
    (TableKind::Subsidies, "budget", ["presupuesto", "orçamento"]),
    (TableKind::Proposals, "proposal", ["propuesta", "proposta"]),
    (TableKind::Proposals, "entity", ["entidad", "entidade"]),
    (
        TableKind::Proposals,
        "entity_type",
        ["tipo de entidad", "tipo de entidade"],
    ),
    (
        TableKind::Proposals,
        "innovative",
        [
            "innovadora para la localidad",
            "inovadora para a localidade",
        ],
    ),
    (
        TableKind::Proposals,
        "environmental",
        ["ambientalmente sostenible", "ambientalmente sustentável"],
    ),
    (TableKind::Proposals, "year", ["año", "ano"]),
    (
        TableKind::Proposals,
        "amount",
        ["monto solicitado", "valor solicitado"],
    ),
];

/// The header the template writes for `column` of `kind` in `lang`: the canonical
/// name in English, the word of [`HEADERS`] in Spanish and Portuguese (the canonical
/// name when a column has none yet).
pub fn header(kind: TableKind, column: &'static str, lang: Lang) -> &'static str {
    let words = HEADERS
        .iter()
        .find(|(k, name, _)| *k == kind && *name == column)
        .map(|(_, _, words)| words);
    match (lang, words) {
        (Lang::Es, Some(w)) => w[0],
        (Lang::Pt, Some(w)) => w[1],
        _ => column,
    }
}

/// The group values the template offers, per language: words the engine reads.
const GROUP_WORDS: [(Group, [&str; 3]); 4] = [
    (
        Group::Beneficiary,
        ["beneficiary", "beneficiaria", "beneficiária"],
    ),
    (Group::Cluster, ["cluster", "clúster", "cluster"]),
    (Group::Control, ["control", "control", "controle"]),
    (Group::Sector, ["sector", "sector", "setor"]),
];

/// Other words the engine reads as each group (any language), for the "Read me".
const GROUP_ALSO: [(Group, &str); 4] = [
    (Group::Beneficiary, "beneficiary, beneficiaria, beneficiario, beneficiária, beneficiário, participant, participante, treated, treatment, tratamiento, tratamento"),
    (Group::Cluster, "cluster, clúster, non-participant, no participante, não participante, no beneficiaria, não beneficiária, conglomerado, aglomerado"),
    (Group::Control, "control, controle, comparison, comparación, comparação, control group, grupo de control, grupo de controle, testigo"),
    (Group::Sector, "sector, setor, rest of sector, rest of the sector, resto del sector, resto do setor, total sector, total setor"),
];

/// The word for a group in `lang`, as the template writes it.
pub fn group_word(group: Group, lang: Lang) -> &'static str {
    GROUP_WORDS
        .iter()
        .find(|(g, _)| *g == group)
        .map_or(group.name(), |(_, words)| pick(words, lang))
}

/// The other words read as `group`, separated by `, ` (what the "Read me" lists).
pub fn group_also(group: Group) -> &'static str {
    GROUP_ALSO
        .iter()
        .find(|(g, _)| *g == group)
        .map_or("", |(_, words)| words)
}

/// "Yes" and "no" in `lang`, as the template writes them.
pub fn yes_no_words(lang: Lang) -> [&'static str; 2] {
    match lang {
        Lang::En => ["yes", "no"],
        Lang::Es => ["sí", "no"],
        Lang::Pt => ["sim", "não"],
    }
}

/// Every word the engine reads as yes, then as no (the "Read me" lists them).
pub const YES_WORDS: &str = "yes, y, sí, si, sim, true, verdadero, verdadeiro, x, 1";
pub const NO_WORDS: &str = "no, n, não, nao, false, falso, 0";

/// What a missing value may look like (the "Read me" lists them).
const MISSING_WORDS: &str = "NA, N/A, -, —, .., s/d, nd, null";

/// The drop-down list of a column, if it has one: the groups or yes/no in `lang`.
pub fn validation_list(column: &ColumnDef, lang: Lang) -> Option<Vec<&'static str>> {
    match column.ty {
        ColumnType::Group => Some(Group::ALL.iter().map(|g| group_word(*g, lang)).collect()),
        ColumnType::Flag => Some(yes_no_words(lang).to_vec()),
        _ => None,
    }
}

/// Words of the template that the page's catalogue does not have: `[en, es, pt]`.
struct Words {
    readme: [&'static str; 3],
    title: [&'static str; 3],
    sheets: [&'static str; 3],
    matching: [&'static str; 3],
    headers: [&'static str; 3],
    numbers: [&'static str; 3],
    col_sheet: [&'static str; 3],
    col_header: [&'static str; 3],
    col_required: [&'static str; 3],
    col_holds: [&'static str; 3],
    col_also: [&'static str; 3],
    groups: [&'static str; 3],
    value: [&'static str; 3],
    meaning: [&'static str; 3],
    also: [&'static str; 3],
    yes_no: [&'static str; 3],
    list_title: [&'static str; 3],
    list_message: [&'static str; 3],
}

const WORDS: Words = Words {
    readme: ["Read me", "Léame", "Leia-me"],
    title: [
        "Template for the cluster evaluation calculator",
        "Plantilla de la calculadora de evaluación de clústeres",
        "Modelo da calculadora de avaliação de clusters",
    ],
    sheets: [
        "One sheet per table: {sheets}. The firms table is needed; the others are optional and feed more indicators.",
        "Una hoja por tabla: {sheets}. La tabla de empresas es necesaria; las demás son opcionales y alimentan más indicadores.",
        "Uma planilha por tabela: {sheets}. A tabela de empresas é necessária; as demais são opcionais e alimentam mais indicadores.",
    ],
    matching: [
        "A sheet goes to a table by its name (in English, Spanish or Portuguese; case and accents do not matter). A sheet with any other name goes by its header row: to the table whose columns it names the most.",
        "Una hoja va a una tabla por su nombre (en inglés, español o portugués; mayúsculas y acentos no importan). Una hoja con otro nombre va por su fila de encabezados: a la tabla cuyas columnas nombra más.",
        "Uma planilha vai para uma tabela pelo seu nome (em inglês, espanhol ou português; maiúsculas e acentos não importam). Uma planilha com outro nome vai pela sua linha de cabeçalho: para a tabela cujas colunas ela mais nomeia.",
    ],
    headers: [
        "Row 1 holds the headers: keep them, or use any other accepted name listed below (case, accents, spaces, _ and - do not matter). Columns with other headers are kept and ignored. Data start on row 2; the filled row is an example: replace it with your data.",
        "La fila 1 tiene los encabezados: manténgalos o use cualquier otro nombre aceptado de la lista (mayúsculas, acentos, espacios, _ y - no importan). Las columnas con otros encabezados se conservan y se ignoran. Los datos empiezan en la fila 2; la fila llena es un ejemplo: reemplácela con sus datos.",
        "A linha 1 tem os cabeçalhos: mantenha-os ou use qualquer outro nome aceito da lista (maiúsculas, acentos, espaços, _ e - não importam). Colunas com outros cabeçalhos são mantidas e ignoradas. Os dados começam na linha 2; a linha preenchida é um exemplo: substitua-a pelos seus dados.",
    ],
    numbers: [
        "Type numbers as numbers. Leave a missing value empty ({missing} are read as missing too).",
        "Escriba los números como números. Deje vacío un valor que falta ({missing} también se leen como faltantes).",
        "Digite os números como números. Deixe vazio um valor que falta ({missing} também são lidos como ausentes).",
    ],
    col_sheet: ["Sheet", "Hoja", "Planilha"],
    col_header: ["Column header", "Encabezado de columna", "Cabeçalho da coluna"],
    col_required: ["Required?", "¿Obligatoria?", "Obrigatória?"],
    col_holds: ["What it holds", "Qué contiene", "O que contém"],
    col_also: [
        "Other accepted header names",
        "Otros encabezados aceptados",
        "Outros cabeçalhos aceitos",
    ],
    groups: [
        "Group values (column “{column}” of the sheet “{sheet}”)",
        "Valores de grupo (columna “{column}” de la hoja “{sheet}”)",
        "Valores de grupo (coluna “{column}” da planilha “{sheet}”)",
    ],
    value: ["Value", "Valor", "Valor"],
    meaning: ["Meaning", "Significado", "Significado"],
    also: ["Also read as", "También se lee", "Também se lê"],
    yes_no: ["Yes/no values", "Valores sí/no", "Valores sim/não"],
    list_title: ["Not in the list", "No está en la lista", "Não está na lista"],
    list_message: [
        "Pick a value from the list. Other spellings listed in the first sheet are read too.",
        "Elija un valor de la lista. También se leen las otras formas listadas en la primera hoja.",
        "Escolha um valor da lista. As outras formas listadas na primeira planilha também são lidas.",
    ],
};

/// The name of the "Read me" sheet in `lang`.
pub fn readme_sheet_name(lang: Lang) -> &'static str {
    pick(&WORDS.readme, lang)
}

/// The sheets of the template in `lang`, in order: the "Read me", then one per table
/// in `TableKind::ALL` order.
pub fn sheet_names(lang: Lang) -> Vec<&'static str> {
    std::iter::once(readme_sheet_name(lang))
        .chain(TableKind::ALL.iter().map(|k| sheet_name(*k, lang)))
        .collect()
}

/// A workbook whose document properties carry a fixed creation date, so the same
/// content gives the same bytes (and no clock is asked for again when saving).
pub(crate) fn new_workbook() -> Result<Workbook, XlsxError> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 1, 1)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    Ok(workbook)
}

/// The template in `lang`.
pub fn template(lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = new_workbook()?;
    readme_sheet(workbook.add_worksheet(), lang)?;
    let example = cluster_eval_ui::example::document(lang);
    for kind in TableKind::ALL {
        let row = first_row(example.table_text(kind));
        table_sheet(workbook.add_worksheet(), kind, &row, lang)?;
    }
    workbook.save_to_buffer()
}

/// The header and first data row of a table's text (tab-separated, canonical
/// headers: the built-in example), as `(header, value)` pairs.
fn first_row(text: &str) -> Vec<(&str, &str)> {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let (Some(header), Some(row)) = (lines.next(), lines.next()) else {
        return Vec::new();
    };
    header
        .split('\t')
        .map(str::trim)
        .zip(row.split('\t').map(str::trim))
        .collect()
}

/// Rounds a width in characters to the range the sheets use.
fn width(chars: usize) -> f64 {
    let chars = u32::try_from(chars).unwrap_or(u32::MAX);
    f64::from(chars.clamp(8, 40) + 2)
}

fn table_sheet(
    sheet: &mut Worksheet,
    kind: TableKind,
    example: &[(&str, &str)],
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(sheet_name(kind, lang))?;
    let bold = Format::new().set_bold();
    for (col, def) in (0u16..).zip(columns(kind)) {
        let head = header(kind, def.name, lang);
        sheet.write_string_with_format(0, col, head, &bold)?;
        let raw = example
            .iter()
            .find(|(h, _)| *h == def.name)
            .map_or("", |(_, v)| *v);
        let shown = example_cell(sheet, col, def, raw, lang)?;
        sheet.set_column_width(col, width(head.chars().count().max(shown)))?;
        if let Some(list) = validation_list(def, lang) {
            let rule = DataValidation::new()
                .allow_list_strings(&list)?
                .set_error_style(DataValidationErrorStyle::Warning)
                .set_error_title(pick(&WORDS.list_title, lang))?
                .set_error_message(pick(&WORDS.list_message, lang))?;
            sheet.add_data_validation(1, col, VALIDATED_ROWS - 1, col, &rule)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Writes the example value of one column on row 2, as the reader would type it in
/// `lang`, and returns its width in characters.
fn example_cell(
    sheet: &mut Worksheet,
    col: u16,
    def: &ColumnDef,
    raw: &str,
    lang: Lang,
) -> Result<usize, XlsxError> {
    if raw.is_empty() {
        return Ok(0);
    }
    let text = match def.ty {
        ColumnType::Year | ColumnType::Number => {
            if let Ok(v) = raw.parse::<f64>() {
                sheet.write_number(1, col, v)?;
                return Ok(raw.len());
            }
            raw
        }
        ColumnType::Group => Group::ALL
            .into_iter()
            .find(|g| g.name() == raw)
            .map_or(raw, |g| group_word(g, lang)),
        ColumnType::Flag => match yes_no(raw) {
            Some(true) => yes_no_words(lang)[0],
            Some(false) => yes_no_words(lang)[1],
            None => raw,
        },
        ColumnType::Id | ColumnType::Text => raw,
    };
    sheet.write_string(1, col, text)?;
    Ok(text.chars().count())
}

fn readme_sheet(sheet: &mut Worksheet, lang: Lang) -> Result<(), XlsxError> {
    sheet.set_name(readme_sheet_name(lang))?;
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let w = |words: &[&'static str; 3]| pick(words, lang);
    let sheets: Vec<&str> = TableKind::ALL
        .iter()
        .map(|k| sheet_name(*k, lang))
        .collect();

    sheet.write_string_with_format(0, 0, w(&WORDS.title), &title)?;
    let intro = [
        w(&WORDS.sheets).replace("{sheets}", &sheets.join(", ")),
        w(&WORDS.matching).to_string(),
        w(&WORDS.headers).to_string(),
        w(&WORDS.numbers).replace("{missing}", MISSING_WORDS),
    ];
    let mut row = 2u32;
    for line in &intro {
        sheet.write_string(row, 0, line)?;
        row += 1;
    }

    row += 1;
    let heads = [
        &WORDS.col_sheet,
        &WORDS.col_header,
        &WORDS.col_required,
        &WORDS.col_holds,
        &WORDS.col_also,
    ];
    for (col, h) in (0u16..).zip(heads) {
        sheet.write_string_with_format(row, col, w(h), &bold)?;
    }
    row += 1;
    for kind in TableKind::ALL {
        for def in columns(kind) {
            let head = header(kind, def.name, lang);
            let required = t(
                lang,
                if def.required {
                    "answer.yes"
                } else {
                    "answer.no"
                },
            );
            let also: Vec<&str> = std::iter::once(def.name)
                .chain(def.synonyms())
                .filter(|s| *s != head)
                .collect();
            sheet.write_string(row, 0, sheet_name(kind, lang))?;
            sheet.write_string(row, 1, head)?;
            sheet.write_string(row, 2, required)?;
            let holds = column_text(kind, def.name, lang).unwrap_or("");
            sheet.write_string_with_format(row, 3, holds, &wrap)?;
            sheet.write_string_with_format(row, 4, also.join(", "), &wrap)?;
            row += 1;
        }
    }

    row += 1;
    let groups = w(&WORDS.groups)
        .replace("{column}", header(TableKind::Firms, "group", lang))
        .replace("{sheet}", sheet_name(TableKind::Firms, lang));
    sheet.write_string_with_format(row, 0, groups, &bold)?;
    row += 1;
    for (col, h) in [(1, &WORDS.value), (3, &WORDS.meaning), (4, &WORDS.also)] {
        sheet.write_string_with_format(row, col, w(h), &bold)?;
    }
    row += 1;
    for group in Group::ALL {
        sheet.write_string(row, 1, group_word(group, lang))?;
        sheet.write_string_with_format(row, 3, group_text(group, lang), &wrap)?;
        sheet.write_string_with_format(row, 4, group_also(group), &wrap)?;
        row += 1;
    }

    row += 1;
    sheet.write_string_with_format(row, 0, w(&WORDS.yes_no), &bold)?;
    row += 1;
    for (key, words) in [("answer.yes", YES_WORDS), ("answer.no", NO_WORDS)] {
        sheet.write_string(row, 1, t(lang, key))?;
        sheet.write_string_with_format(row, 3, words, &wrap)?;
        row += 1;
    }

    for (col, chars) in (0u16..).zip([14u32, 28, 14, 60, 60]) {
        sheet.set_column_width(col, f64::from(chars))?;
    }
    Ok(())
}
