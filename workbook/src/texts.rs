//! What the page says about an opened workbook, in the reader's language: why a file
//! could not be opened (naming the file), and for each sheet what was read from it.
//!
//! These words live here, in the workbook module's own three-language table, not in
//! the page's catalogue: they are needed only once a workbook is opened, and the
//! page's first download should not carry them (the module is fetched on demand).

use cluster_eval_protocol::workbook::Worded;
use cluster_eval_ui::i18n::Lang;

use crate::matching::SheetMatch;
use crate::open::{Exceeded, OpenError, OpenedSheet};

/// `(English, Spanish, Portuguese)`; `{file}`, `{sheet}`, `{n}`… are filled in.
type Text = (&'static str, &'static str, &'static str);

fn pick(lang: Lang, text: Text) -> &'static str {
    match lang {
        Lang::En => text.0,
        Lang::Es => text.1,
        Lang::Pt => text.2,
    }
}

fn fill(lang: Lang, text: Text, args: &[(&str, String)]) -> String {
    let mut out = pick(lang, text).to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// A sentence worded in the three languages (the page picks the reader's, and
/// follows a change of language without asking the worker again).
pub fn worded(text: impl Fn(Lang) -> String) -> Worded {
    Worded {
        en: text(Lang::En),
        es: text(Lang::Es),
        pt: text(Lang::Pt),
    }
}

/// A count with the language's thousands separator (`1,048,577`, `1.048.577`).
fn grouped(n: u64, lang: Lang) -> String {
    let sep = if lang == Lang::En { ',' } else { '.' };
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(d);
    }
    out
}

fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

/// Why `file` could not be opened.
pub fn open_error(e: &OpenError, file: &str, lang: Lang) -> String {
    let file = ("file", file.to_string());
    match e {
        OpenError::TooLarge { bytes, limit } => fill(
            lang,
            (
                "{file} is {size}: workbooks of up to {limit} can be opened here. Save the monitoring sheets alone in a new file, or paste them.",
                "{file} pesa {size}: aquí se abren libros de hasta {limit}. Guarde solo las hojas de monitoreo en un archivo nuevo, o péguelas.",
                "{file} tem {size}: aqui abrem-se pastas de trabalho de até {limit}. Salve só as planilhas de monitoramento num arquivo novo, ou cole-as.",
            ),
            &[file, ("size", mb(*bytes)), ("limit", mb(*limit))],
        ),
        OpenError::Empty => fill(
            lang,
            ("{file} is empty (0 bytes).", "{file} está vacío (0 bytes).", "{file} está vazio (0 bytes)."),
            &[file],
        ),
        OpenError::Text => fill(
            lang,
            (
                "{file} is a text file (CSV or similar), not a workbook, whatever its name says. Open it in a text editor or spreadsheet and paste its contents into the table's box.",
                "{file} es un archivo de texto (CSV o similar), no un libro de cálculo, aunque su nombre lo sugiera. Ábralo en un editor de texto o una hoja de cálculo y pegue su contenido en el cuadro de la tabla.",
                "{file} é um arquivo de texto (CSV ou similar), não uma pasta de trabalho, embora o nome sugira. Abra-o num editor de texto ou planilha e cole o conteúdo na caixa da tabela.",
            ),
            &[file],
        ),
        OpenError::PasswordProtected => fill(
            lang,
            (
                "{file} is protected by a password. Open it in your spreadsheet program, save a copy without a password, and open that copy here.",
                "{file} está protegido con contraseña. Ábralo en su hoja de cálculo, guarde una copia sin contraseña y abra esa copia aquí.",
                "{file} está protegido por senha. Abra-o no seu programa de planilhas, salve uma cópia sem senha e abra essa cópia aqui.",
            ),
            &[file],
        ),
        OpenError::NotAWorkbook => fill(
            lang,
            (
                "{file} is not a workbook this page can read (.xlsx, .xls or .ods).",
                "{file} no es un libro que esta página pueda leer (.xlsx, .xls u .ods).",
                "{file} não é uma pasta de trabalho que esta página consiga ler (.xlsx, .xls ou .ods).",
            ),
            &[file],
        ),
        // The library's own words (`detail`, English and technical) are left out.
        OpenError::Damaged { .. } => fill(
            lang,
            (
                "{file} looks like a workbook but could not be read: it may be damaged or incomplete (a download cut short, for instance). Open it in your spreadsheet program and save it again.",
                "{file} parece un libro de cálculo pero no se pudo leer: puede estar dañado o incompleto (una descarga interrumpida, por ejemplo). Ábralo en su hoja de cálculo y guárdelo de nuevo.",
                "{file} parece uma pasta de trabalho mas não pôde ser lido: pode estar danificado ou incompleto (um download interrompido, por exemplo). Abra-o no seu programa de planilhas e salve-o de novo.",
            ),
            &[file],
        ),
        OpenError::SheetTooLarge { sheet, exceeded } => {
            let sheet = ("sheet", sheet.clone());
            let (text, n): (Text, u64) = match exceeded {
                Exceeded::Rows(row) => ((
                    "{file} was not read: its sheet “{sheet}” has a row {n}, past the last row a spreadsheet allows (1,048,576). Open it in your spreadsheet program, delete the empty or extra rows below the data, save it and open it here again.",
                    "{file} no se leyó: su hoja «{sheet}» tiene una fila {n}, más allá de la última que admite una hoja de cálculo (1.048.576). Ábralo en su hoja de cálculo, elimine las filas vacías o sobrantes bajo los datos, guárdelo y ábralo aquí de nuevo.",
                    "{file} não foi lido: a planilha “{sheet}” tem uma linha {n}, além da última que uma planilha admite (1.048.576). Abra-o no seu programa de planilhas, exclua as linhas vazias ou a mais abaixo dos dados, salve-o e abra-o aqui de novo.",
                ), *row),
                Exceeded::Columns(col) => ((
                    "{file} was not read: its sheet “{sheet}” has a column {n}, past the last column a spreadsheet allows (16,384). Open it in your spreadsheet program, delete the extra columns, save it and open it here again.",
                    "{file} no se leyó: su hoja «{sheet}» tiene una columna {n}, más allá de la última que admite una hoja de cálculo (16.384). Ábralo en su hoja de cálculo, elimine las columnas sobrantes, guárdelo y ábralo aquí de nuevo.",
                    "{file} não foi lido: a planilha “{sheet}” tem uma coluna {n}, além da última que uma planilha admite (16.384). Abra-o no seu programa de planilhas, exclua as colunas a mais, salve-o e abra-o aqui de novo.",
                ), *col),
                Exceeded::Cells(cells) => ((
                    "{file} was not read: its sheet “{sheet}” has more than {n} cells (empty or formatted cells count), more than this page can read. Save the monitoring tables alone in a new file, without the empty formatted rows and columns, and open that file.",
                    "{file} no se leyó: su hoja «{sheet}» tiene más de {n} celdas (cuentan las vacías con formato), más de las que esta página puede leer. Guarde solo las tablas de monitoreo en un archivo nuevo, sin las filas y columnas vacías con formato, y abra ese archivo.",
                    "{file} não foi lido: a planilha “{sheet}” tem mais de {n} células (contam as vazias formatadas), mais do que esta página consegue ler. Salve só as tabelas de monitoramento num arquivo novo, sem as linhas e colunas vazias formatadas, e abra esse arquivo.",
                ), cells.saturating_sub(1)),
            };
            fill(lang, text, &[file, sheet, ("n", grouped(n, lang))])
        }
        OpenError::NoSheets => fill(
            lang,
            ("{file} has no sheets.", "{file} no tiene hojas.", "{file} não tem planilhas."),
            &[file],
        ),
    }
}

/// Said when no sheet of `file` looks like any table.
pub fn no_table(file: &str, lang: Lang) -> String {
    fill(
        lang,
        (
            "No sheet of {file} looks like one of the tables (by its name or its header row). Choose a table for a sheet below, or download the template to see the expected sheets and columns.",
            "Ninguna hoja de {file} parece una de las tablas (por su nombre o su fila de encabezados). Elija una tabla para una hoja abajo, o descargue la plantilla para ver las hojas y columnas esperadas.",
            "Nenhuma planilha de {file} parece uma das tabelas (pelo nome ou pela linha de cabeçalho). Escolha uma tabela para uma planilha abaixo, ou baixe o modelo para ver as planilhas e colunas esperadas.",
        ),
        &[("file", file.to_string())],
    )
}

/// What was read from one sheet, in a line.
pub fn sheet_note(s: &OpenedSheet, lang: Lang) -> String {
    if let Some(detail) = &s.error {
        return fill(
            lang,
            (
                "could not be read: {detail}",
                "no se pudo leer: {detail}",
                "não pôde ser lida: {detail}",
            ),
            &[("detail", detail.clone())],
        );
    }
    if s.header_row == 0 {
        return pick(lang, ("empty", "vacía", "vazia")).to_string();
    }
    let mut parts = vec![fill(
        lang,
        (
            "{n} rows, {c} columns, header on row {row}",
            "{n} filas, {c} columnas, encabezados en la fila {row}",
            "{n} linhas, {c} colunas, cabeçalho na linha {row}",
        ),
        &[
            ("n", s.data_rows.to_string()),
            ("c", s.columns.to_string()),
            ("row", s.header_row.to_string()),
        ],
    )];
    if s.header_rows == 2 {
        parts.push(
            pick(
                lang,
                (
                    "merged header read with the row below",
                    "encabezado combinado leído con la fila de abajo",
                    "cabeçalho mesclado lido com a linha de baixo",
                ),
            )
            .to_string(),
        );
    }
    if s.skipped_above == 1 {
        parts.push(
            pick(
                lang,
                (
                    "the row above it left out",
                    "la fila de encima omitida",
                    "a linha acima omitida",
                ),
            )
            .to_string(),
        );
    } else if s.skipped_above > 1 {
        parts.push(fill(
            lang,
            (
                "{n} rows above it left out",
                "{n} filas de encima omitidas",
                "{n} linhas acima omitidas",
            ),
            &[("n", s.skipped_above.to_string())],
        ));
    }
    match s.matched {
        Some(SheetMatch::Name) => parts
            .push(pick(lang, ("matched by its name", "por su nombre", "pelo nome")).to_string()),
        Some(SheetMatch::Header) => parts.push(
            pick(
                lang,
                (
                    "matched by its header row",
                    "por su fila de encabezados",
                    "pela linha de cabeçalho",
                ),
            )
            .to_string(),
        ),
        None => parts.push(
            pick(
                lang,
                (
                    "looks like no table: ignored unless you choose one",
                    "no parece ninguna tabla: se ignora salvo que elija una",
                    "não parece nenhuma tabela: ignorada a menos que escolha uma",
                ),
            )
            .to_string(),
        ),
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_names_the_file_in_every_language() {
        let errors = [
            OpenError::TooLarge {
                bytes: 50 << 20,
                limit: 30 << 20,
            },
            OpenError::Empty,
            OpenError::Text,
            OpenError::PasswordProtected,
            OpenError::NotAWorkbook,
            OpenError::Damaged {
                detail: "invalid zip".into(),
            },
            OpenError::NoSheets,
            OpenError::SheetTooLarge {
                sheet: "Empresas".into(),
                exceeded: Exceeded::Rows(39_321_600),
            },
            OpenError::SheetTooLarge {
                sheet: "Empresas".into(),
                exceeded: Exceeded::Cells(20_000_001),
            },
            OpenError::SheetTooLarge {
                sheet: "Empresas".into(),
                exceeded: Exceeded::Columns(16_385),
            },
        ];
        for e in &errors {
            for lang in Lang::ALL {
                let text = open_error(e, "datos.xlsx", lang);
                assert!(text.contains("datos.xlsx"), "{text}");
                assert!(!text.contains('{'), "{text}");
            }
        }
        assert!(open_error(&errors[0], "a.xlsx", Lang::Es).contains("50.0 MB"));
        for e in &errors[7..] {
            for lang in Lang::ALL {
                assert!(open_error(e, "a.xlsx", lang).contains("Empresas"));
            }
        }
        assert!(open_error(&errors[7], "a.xlsx", Lang::Pt).contains("39.321.600"));
        assert!(open_error(&errors[8], "a.xlsx", Lang::En).contains("20,000,000"));
    }
}
