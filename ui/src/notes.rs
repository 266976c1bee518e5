//! The engine's messages in the reader's language: one exhaustive `match` over
//! [`Message`], with the English, Spanish and Portuguese text of every variant side by
//! side, so a variant added to the engine without its three texts does not compile.
//!
//! Parameters are worded as under "how it was computed": sets of firms, measures,
//! fields, tables and codes by [`crate::detail_names::value`] (the set `cluster` is the
//! whole cluster), column names by [`crate::names::column_name`], numbers with the
//! reader's decimal mark. Worker groups (`women`…) and size classes (`micro`…) are
//! named by the indicator itself, so the Spanish and Portuguese texts say "this group"
//! / "this size". A message the engine did not know when this page was built
//! ([`Message::Unknown`]) is shown raw: its code and parameters, never another text.
//!
//! Every text is written with `tr!`: a key, the names it fills, and the three
//! templates. Natively that is a plain `format!` of the reader's template. In the
//! page's WebAssembly the Spanish and Portuguese templates are left out, as the
//! catalogue's are (`crate::messages`): they come from the language's file
//! (`lang/<code>.json`, which `cargo run -p cluster-eval-ui --example lang_files`
//! writes by reading the `tr!`s of this file: [`note_texts`]), filled at run time by
//! [`crate::i18n::fill`], and the text is English until that file is installed.

use cluster_eval_types::Side;
use cluster_eval_types::{Message, Warning};
use serde_json::{Map, Value};

use crate::i18n::Lang;
use crate::names;

/// `tr! { lang, "note.key", [a, b], en: "… {a} …", es: "… {b} …", pt: "…" }`: the
/// text of one message in `lang`. The templates name their values in braces and
/// nothing else (no positions, no format specs: a number is formatted before, into a
/// variable); the list names every value the three of them use, each a variable in
/// scope. A test reads this file and checks both, and that every key is distinct.
///
/// Natively: the installed file's template when a test installed one, else a
/// `format!` of the reader's template, so every language works with nothing
/// installed. In WebAssembly: the installed file's template, else English (the
/// Spanish and Portuguese literals are not compiled in).
#[cfg(not(target_arch = "wasm32"))]
macro_rules! tr {
    ($lang:expr, $key:literal, [$($arg:ident),* $(,)?], en: $en:literal, es: $es:literal, pt: $pt:literal $(,)?) => {
        match crate::i18n::installed_text($lang, $key) {
            Some(template) => crate::i18n::fill(
                template,
                &[$((stringify!($arg), &$arg as &dyn std::fmt::Display)),*],
            ),
            None => match $lang {
                Lang::En => format!($en),
                Lang::Es => format!($es),
                Lang::Pt => format!($pt),
            },
        }
    };
}

/// See the native `tr!` above: here English is the fallback, and Spanish and
/// Portuguese come only from the installed file.
#[cfg(target_arch = "wasm32")]
macro_rules! tr {
    ($lang:expr, $key:literal, [$($arg:ident),* $(,)?], en: $en:literal, es: $es:literal, pt: $pt:literal $(,)?) => {
        crate::i18n::fill_installed(
            $lang,
            $key,
            $en,
            &[$((stringify!($arg), &$arg as &dyn std::fmt::Display)),*],
        )
    };
}

/// A code (a measure, a field, a table, a source…) as worded in the details.
fn word(lang: Lang, code: &str) -> String {
    crate::detail_names::value(lang, code)
}

/// A set of firms (`cluster` is the whole cluster: beneficiaries and the others).
fn side(lang: Lang, side: Side) -> String {
    word(lang, side.key())
}

/// Column names as a person types them in a header when they have no translation.
fn columns_text(lang: Lang, columns: &[String]) -> String {
    columns
        .iter()
        .map(|c| names::column_name(lang, c))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A count or amount: whole numbers as they are, others with the reader's mark.
fn amount(lang: Lang, v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        crate::format::num(lang, v)
    }
}

/// A parameter of an unknown message, as it is (a text without quotes).
fn raw_value(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// An unknown message: `code (name: value, …)`.
pub fn raw(code: &str, params: &Map<String, Value>) -> String {
    if params.is_empty() {
        return code.to_string();
    }
    let shown: Vec<String> = params
        .iter()
        .map(|(name, value)| format!("{name}: {}", raw_value(value)))
        .collect();
    format!("{code} ({})", shown.join(", "))
}

/// A message in `lang`.
pub fn message_text(lang: Lang, message: &Message) -> String {
    use Message as M;
    match message {
        M::YearsNoData => tr! {
            lang, "note.years_no_data", [],
            en: "no baseline or follow-up year: set them in the project, or paste a firms table with years",
            es: "no hay año de línea de base ni de seguimiento: indíquelos en el proyecto o pegue una tabla de empresas con años",
            pt: "não há ano de linha de base nem de acompanhamento: informe-os no projeto ou cole uma tabela de empresas com anos",
        },
        M::YearsNotBefore { baseline, followup } => tr! {
            lang, "note.years_not_before", [baseline, followup],
            en: "the baseline year {baseline} must come before the follow-up year {followup}",
            es: "el año de línea de base {baseline} debe ser anterior al año de seguimiento {followup}",
            pt: "o ano de linha de base {baseline} deve ser anterior ao ano de acompanhamento {followup}",
        },
        M::FollowupTooEarly {
            followup,
            end_year,
            earliest,
        } => tr! {
            lang, "note.followup_too_early", [followup, end_year, earliest],
            en: "the follow-up year {followup} is earlier than three years after the end of the project ({end_year}): Annex II measures long-run impact from {earliest}",
            es: "el año de seguimiento {followup} es anterior a tres años después del fin del proyecto ({end_year}): el Anexo II mide el impacto de largo plazo a partir de {earliest}",
            pt: "o ano de acompanhamento {followup} é anterior a três anos após o fim do projeto ({end_year}): o Anexo II mede o impacto de longo prazo a partir de {earliest}",
        },
        M::ProjectYearsReversed {
            start_year,
            end_year,
        } => tr! {
            lang, "note.project_years_reversed", [end_year, start_year],
            en: "the project ends ({end_year}) before it starts ({start_year}): check the two years",
            es: "el proyecto termina ({end_year}) antes de empezar ({start_year}): revise los dos años",
            pt: "o projeto termina ({end_year}) antes de começar ({start_year}): verifique os dois anos",
        },
        M::NoYears => tr! {
            lang, "note.no_years", [],
            en: "no baseline and follow-up years: set them in the project, or paste a firms table with at least two years",
            es: "no hay años de línea de base y de seguimiento: indíquelos en el proyecto o pegue una tabla de empresas con al menos dos años",
            pt: "não há anos de linha de base e de acompanhamento: informe-os no projeto ou cole uma tabela de empresas com pelo menos dois anos",
        },
        M::MissingColumn { column } => {
            let column = names::column_name(lang, column);
            tr! {
                lang, "note.missing_column", [column],
                en: "the firms table has no {column} column",
                es: "la tabla de empresas no tiene la columna {column}",
                pt: "a tabela de empresas não tem a coluna {column}",
            }
        }
        M::NoGroup { group } => {
            let group = side(lang, *group);
            tr! {
                lang, "note.no_group", [group],
                en: "the firms table has no firm of the group “{group}”",
                es: "la tabla de empresas no tiene ninguna empresa del grupo «{group}»",
                pt: "a tabela de empresas não tem nenhuma empresa do grupo “{group}”",
            }
        }
        M::NoPanel {
            group,
            measure,
            baseline,
            followup,
        } => {
            let group = side(lang, *group);
            let measure = word(lang, measure);
            tr! {
                lang, "note.no_panel", [group, measure, baseline, followup],
                en: "no firm of the group “{group}” has {measure} in both {baseline} and {followup}",
                es: "ninguna empresa del grupo «{group}» tiene datos de {measure} en {baseline} y en {followup}",
                pt: "nenhuma empresa do grupo “{group}” tem dados de {measure} em {baseline} e em {followup}",
            }
        }
        M::NoProductivityPanel {
            group,
            output,
            baseline,
            followup,
        } => {
            let group = side(lang, *group);
            let output = word(lang, output);
            tr! {
                lang, "note.no_productivity_panel", [group, output, baseline, followup],
                en: "no firm of the group “{group}” has {output} and employment above 0 in both {baseline} and {followup}",
                es: "ninguna empresa del grupo «{group}» tiene {output} y empleo mayores que 0 en {baseline} y en {followup}",
                pt: "nenhuma empresa do grupo “{group}” tem {output} e emprego acima de 0 em {baseline} e em {followup}",
            }
        }
        M::ZeroBaseline {
            group,
            measure,
            baseline,
        } => {
            let group = side(lang, *group);
            let measure = word(lang, measure);
            tr! {
                lang, "note.zero_baseline", [measure, group, baseline],
                en: "the {measure} of the group “{group}” sum to 0 in {baseline}: growth is undefined",
                es: "la suma de {measure} del grupo «{group}» es 0 en {baseline}: el crecimiento no está definido",
                pt: "a soma de {measure} do grupo “{group}” é 0 em {baseline}: o crescimento não está definido",
            }
        }
        M::PanelUsed {
            group,
            measure,
            n,
            baseline,
            followup,
        } => {
            let group = side(lang, *group);
            let measure = word(lang, measure);
            tr! {
                lang, "note.panel_used", [measure, n, group, baseline, followup],
                en: "{measure} of {n} firm(s) of the group “{group}” with data in both {baseline} and {followup} (balanced panel)",
                es: "{measure} de {n} empresa(s) del grupo «{group}» con datos en {baseline} y en {followup} (panel balanceado)",
                pt: "{measure} de {n} empresa(s) do grupo “{group}” com dados em {baseline} e em {followup} (painel balanceado)",
            }
        }
        M::Compared {
            group,
            versus,
            measure,
            n,
            n_versus,
            baseline,
            followup,
        } => {
            let group = side(lang, *group);
            let versus = side(lang, *versus);
            let measure = word(lang, measure);
            tr! {
                lang, "note.compared", [measure, baseline, followup, n, group, n_versus, versus],
                en: "{measure} growth {baseline}→{followup} of {n} firm(s) of the group “{group}” minus that of {n_versus} firm(s) of the group “{versus}”",
                es: "crecimiento de {measure} {baseline}→{followup} de {n} empresa(s) del grupo «{group}» menos el de {n_versus} empresa(s) del grupo «{versus}»",
                pt: "crescimento de {measure} {baseline}→{followup} de {n} empresa(s) do grupo “{group}” menos o de {n_versus} empresa(s) do grupo “{versus}”",
            }
        }
        M::NoIntervalFewFirms { group, n } => {
            let group = side(lang, *group);
            tr! {
                lang, "note.no_interval_few_firms", [group, n],
                en: "no confidence interval: the panel of the group “{group}” has {n} firm(s), at least 2 are needed on each side",
                es: "sin intervalo de confianza: el panel del grupo «{group}» tiene {n} empresa(s) y se necesitan al menos 2 de cada lado",
                pt: "sem intervalo de confiança: o painel do grupo “{group}” tem {n} empresa(s) e são necessárias pelo menos 2 de cada lado",
            }
        }
        M::NoIntervalNoReps => tr! {
            lang, "note.no_interval_no_reps", [],
            en: "no confidence interval: the number of bootstrap draws is set to 0",
            es: "sin intervalo de confianza: el número de réplicas bootstrap es 0",
            pt: "sem intervalo de confiança: o número de réplicas bootstrap é 0",
        },
        M::NoIntervalUndefined => tr! {
            lang, "note.no_interval_undefined", [],
            en: "no confidence interval: no bootstrap draw gave a defined growth (baselines of 0)",
            es: "sin intervalo de confianza: ninguna réplica bootstrap dio un crecimiento definido (líneas de base en 0)",
            pt: "sem intervalo de confiança: nenhuma réplica bootstrap deu um crescimento definido (linhas de base iguais a 0)",
        },
        M::TerritoryYears { baseline, followup } => tr! {
            lang, "note.territory_years", [baseline, followup],
            en: "local and national GDP growth {baseline}→{followup}",
            es: "crecimiento del PIB local y nacional {baseline}→{followup}",
            pt: "crescimento do PIB local e nacional {baseline}→{followup}",
        },
        M::TerritoryFallback { first, last, .. } => tr! {
            lang, "note.territory_fallback", [first, last],
            en: "the territory table has no local and national GDP for the baseline and follow-up years: its first and last years with both, {first}→{last}, were used",
            es: "la tabla de territorio no tiene PIB local y nacional para los años de línea de base y de seguimiento: se usaron su primer y último año con ambos, {first}→{last}",
            pt: "a tabela de território não tem PIB local e nacional para os anos de linha de base e de acompanhamento: foram usados seu primeiro e último ano com ambos, {first}→{last}",
        },
        M::TerritoryMissing => tr! {
            lang, "note.territory_missing", [],
            en: "the territory table needs local and national GDP in at least two years",
            es: "la tabla de territorio necesita el PIB local y el nacional en al menos dos años",
            pt: "a tabela de território precisa do PIB local e do nacional em pelo menos dois anos",
        },
        M::TerritoryZero { column, year } => {
            let column = names::column_name(lang, column);
            tr! {
                lang, "note.territory_zero", [column, year],
                en: "the column {column} is 0 in {year}: growth is undefined",
                es: "la columna {column} vale 0 en {year}: el crecimiento no está definido",
                pt: "a coluna {column} vale 0 em {year}: o crescimento não está definido",
            }
        }
        M::MissingFact { field } => {
            let field = word(lang, field);
            tr! {
                lang, "note.missing_fact", [field],
                en: "the project's {field} is not set",
                es: "falta el dato del proyecto {field}",
                pt: "falta o dado do projeto {field}",
            }
        }
        M::ZeroFact { field } => {
            let field = word(lang, field);
            tr! {
                lang, "note.zero_fact", [field],
                en: "the project's {field} is 0: the ratio is undefined",
                es: "el dato del proyecto {field} es 0: la razón no está definida",
                pt: "o dado do projeto {field} é 0: a razão não está definida",
            }
        }
        M::NegativeFact { field } => {
            let field = word(lang, field);
            tr! {
                lang, "note.negative_fact", [field],
                en: "the project's {field} is negative: a cost cannot be",
                es: "el dato del proyecto {field} es negativo: un costo no puede serlo",
                pt: "o dado do projeto {field} é negativo: um custo não pode sê-lo",
            }
        }
        M::NoFlagPanel {
            flag,
            baseline,
            followup,
        } => {
            let flag = word(lang, flag);
            tr! {
                lang, "note.no_flag_panel", [flag, baseline, followup],
                en: "no cluster firm has {flag} known in both {baseline} and {followup}",
                es: "ninguna empresa del clúster tiene el dato {flag} en {baseline} y en {followup}",
                pt: "nenhuma empresa do cluster tem o dado {flag} em {baseline} e em {followup}",
            }
        }
        M::FlagPanelUsed {
            flag,
            n,
            baseline,
            followup,
        } => {
            let flag = word(lang, flag);
            tr! {
                lang, "note.flag_panel_used", [n, flag, baseline, followup],
                en: "share of {n} cluster firm(s) with {flag} known in both {baseline} and {followup}",
                es: "proporción sobre {n} empresa(s) del clúster con el dato {flag} en {baseline} y en {followup}",
                pt: "proporção sobre {n} empresa(s) do cluster com o dado {flag} em {baseline} e em {followup}",
            }
        }
        M::TableEmpty { table } => {
            let table = word(lang, table.name());
            tr! {
                lang, "note.table_empty", [table],
                en: "the {table} table has no valid row",
                es: "la tabla {table} no tiene ninguna fila válida",
                pt: "a tabela {table} não tem nenhuma linha válida",
            }
        }
        M::YearAbsent { table, year } => {
            let table = word(lang, table.name());
            tr! {
                lang, "note.year_absent", [table, year],
                en: "the {table} table has no row in {year}: counted as 0",
                es: "la tabla {table} no tiene filas en {year}: se cuenta como 0",
                pt: "a tabela {table} não tem linhas em {year}: contado como 0",
            }
        }
        M::CountedYears {
            table,
            baseline,
            followup,
        } => {
            let table = word(lang, table.name());
            tr! {
                lang, "note.counted_years", [table, followup, baseline],
                en: "{table} counted in {followup} minus in {baseline}",
                es: "conteo de la tabla {table} en {followup} menos el de {baseline}",
                pt: "contagem da tabela {table} em {followup} menos a de {baseline}",
            }
        }
        M::NoFlagInYear { flag, group, year } => {
            let flag = word(lang, flag);
            let group = side(lang, *group);
            tr! {
                lang, "note.no_flag_in_year", [group, flag, year],
                en: "no firm of the group “{group}” has {flag} known in {year}",
                es: "ninguna empresa del grupo «{group}» tiene el dato {flag} en {year}",
                pt: "nenhuma empresa do grupo “{group}” tem o dado {flag} em {year}",
            }
        }
        M::ImprovedFlagUsed { n, year } => tr! {
            lang, "note.improved_flag_used", [n, year],
            en: "share of {n} beneficiary firm(s) answering “yes” in the improved column in {year}",
            es: "proporción de {n} empresa(s) beneficiaria(s) que respondieron «sí» en la columna improved en {year}",
            pt: "proporção de {n} empresa(s) beneficiária(s) que responderam “sim” na coluna improved em {year}",
        },
        M::ImprovedByGrowth {
            versus,
            n,
            baseline,
            followup,
        } => {
            let versus = side(lang, *versus);
            tr! {
                lang, "note.improved_by_growth", [n, versus, baseline, followup],
                en: "no improved column: share of {n} beneficiary firm(s) whose own sales grew more than those of the group “{versus}” {baseline}→{followup}",
                es: "sin columna improved: proporción de {n} empresa(s) beneficiaria(s) cuyas ventas crecieron más que las del grupo «{versus}» {baseline}→{followup}",
                pt: "sem coluna improved: proporção de {n} empresa(s) beneficiária(s) cujas vendas cresceram mais que as do grupo “{versus}” {baseline}→{followup}",
            }
        }
        M::ImprovedNoReference { baseline, followup } => tr! {
            lang, "note.improved_no_reference", [baseline, followup],
            en: "no improved column, and no sales growth {baseline}→{followup} of the rest of the sector or of control firms to compare with",
            es: "no hay columna improved ni crecimiento de ventas {baseline}→{followup} del resto del sector o del grupo de control con el cual comparar",
            pt: "não há coluna improved nem crescimento de vendas {baseline}→{followup} do resto do setor ou do grupo de controle para comparar",
        },
        M::FactUnknown { field } => {
            let field = word(lang, field);
            tr! {
                lang, "note.fact_unknown", [field],
                en: "the project's {field} is unknown",
                es: "el dato del proyecto {field} figura como desconocido",
                pt: "o dado do projeto {field} consta como desconhecido",
            }
        }
        M::ShareDenominator {
            source,
            denominator,
        } => {
            let source = word(lang, source);
            let denominator = amount(lang, *denominator);
            tr! {
                lang, "note.share_denominator", [denominator, source],
                en: "over {denominator} cluster firms (source: {source})",
                es: "sobre {denominator} empresas del clúster (fuente: {source})",
                pt: "sobre {denominator} empresas do cluster (fonte: {source})",
            }
        }
        M::ShareAboveOne {
            participating,
            denominator,
        } => {
            let denominator = amount(lang, *denominator);
            tr! {
                lang, "note.share_above_one", [participating, denominator],
                en: "{participating} participating firms is more than the {denominator} firms of the cluster",
                es: "{participating} empresas participantes son más que las {denominator} empresas del clúster",
                pt: "{participating} empresas participantes são mais que as {denominator} empresas do cluster",
            }
        }
        M::NotFinite => tr! {
            lang, "note.not_finite", [],
            en: "the result is too large to be represented (check the magnitudes of the inputs)",
            es: "el resultado es demasiado grande para representarlo (revise las magnitudes de los datos)",
            pt: "o resultado é grande demais para ser representado (verifique as magnitudes dos dados)",
        },
        M::ProPoorNoYears => tr! {
            lang, "note.pro_poor_no_years", [],
            en: "no baseline and follow-up years: set them in the project, or paste a firms table with years",
            es: "no hay años de línea de base y de seguimiento: indíquelos en el proyecto o pegue una tabla de empresas con años",
            pt: "não há anos de linha de base e de acompanhamento: informe-os no projeto ou cole uma tabela de empresas com anos",
        },
        M::ProPoorMissingColumns { columns } => {
            let columns = columns_text(lang, columns);
            tr! {
                lang, "note.pro_poor_missing_columns", [columns],
                en: "the firms table lacks the column(s) {columns}",
                es: "la tabla de empresas no tiene la(s) columna(s) {columns}",
                pt: "a tabela de empresas não tem a(s) coluna(s) {columns}",
            }
        }
        M::ProPoorNoPanel {
            columns,
            baseline,
            followup,
        } => {
            let columns = columns_text(lang, columns);
            tr! {
                lang, "note.pro_poor_no_panel", [columns, baseline, followup],
                en: "no beneficiary firm has {columns} in both {baseline} and {followup}",
                es: "ninguna empresa beneficiaria tiene datos de {columns} en {baseline} y en {followup}",
                pt: "nenhuma empresa beneficiária tem dados de {columns} em {baseline} e em {followup}",
            }
        }
        M::ProPoorPanel {
            n,
            columns,
            baseline,
            followup,
        } => {
            let columns = columns_text(lang, columns);
            tr! {
                lang, "note.pro_poor_panel", [n, columns, baseline, followup],
                en: "{n} beneficiary firm(s) with {columns} in both {baseline} and {followup}",
                es: "{n} empresa(s) beneficiaria(s) con datos de {columns} en {baseline} y en {followup}",
                pt: "{n} empresa(s) beneficiária(s) com dados de {columns} em {baseline} e em {followup}",
            }
        }
        M::ProPoorGroupAbsent {
            group,
            n,
            baseline,
            followup,
        } => {
            let group = word(lang, group);
            tr! {
                lang, "note.pro_poor_group_absent", [group, baseline, followup, n],
                en: "no {group} workers in {baseline} or {followup} in the panel ({n} beneficiary firm(s))",
                es: "no hay trabajadores de este grupo en {baseline} ni en {followup} en el panel ({n} empresa(s) beneficiaria(s))",
                pt: "não há trabalhadores deste grupo em {baseline} nem em {followup} no painel ({n} empresa(s) beneficiária(s))",
            }
        }
        M::ProPoorGroupNew {
            group,
            n,
            baseline,
            followup,
        } => {
            let group = word(lang, group);
            tr! {
                lang, "note.pro_poor_group_new", [group, baseline, n, followup],
                en: "no {group} workers in {baseline} in the panel ({n} beneficiary firm(s)): the change is the whole {followup} share",
                es: "no había trabajadores de este grupo en {baseline} en el panel ({n} empresa(s) beneficiaria(s)): el cambio es toda la proporción de {followup}",
                pt: "não havia trabalhadores deste grupo em {baseline} no painel ({n} empresa(s) beneficiária(s)): a mudança é toda a proporção de {followup}",
            }
        }
        M::ProPoorZeroEmployment { n, year, group } => {
            let group = word(lang, group);
            tr! {
                lang, "note.pro_poor_zero_employment", [year, n, group],
                en: "no employment in {year} in the panel ({n} beneficiary firm(s)): the share of {group} workers is undefined",
                es: "no hay empleo en {year} en el panel ({n} empresa(s) beneficiaria(s)): la proporción de este grupo no está definida",
                pt: "não há emprego em {year} no painel ({n} empresa(s) beneficiária(s)): a proporção deste grupo não está definida",
            }
        }
        M::ProPoorWageNoWorkers { side, year, n } => {
            let side = word(lang, side);
            tr! {
                lang, "note.pro_poor_wage_no_workers", [side, year, n],
                en: "no {side} employed in {year} in the panel ({n} beneficiary firm(s)): the wage gap is undefined",
                es: "en {year} el panel ({n} empresa(s) beneficiaria(s)) no tiene mujeres o no tiene hombres empleados: la brecha salarial no está definida",
                pt: "em {year} o painel ({n} empresa(s) beneficiária(s)) não tem mulheres ou não tem homens empregados: a diferença salarial não está definida",
            }
        }
        M::ProPoorWageZeroMen { year } => tr! {
            lang, "note.pro_poor_wage_zero_men", [year],
            en: "the men's average wage is zero in {year}: the wage gap is undefined",
            es: "el salario promedio de los hombres es cero en {year}: la brecha salarial no está definida",
            pt: "o salário médio dos homens é zero em {year}: a diferença salarial não está definida",
        },
        M::ProPoorNoBaselineEmployment { baseline } => tr! {
            lang, "note.pro_poor_no_baseline_employment", [baseline],
            en: "no beneficiary firms with employment in {baseline}",
            es: "ninguna empresa beneficiaria tiene datos de empleo en {baseline}",
            pt: "nenhuma empresa beneficiária tem dados de emprego em {baseline}",
        },
        M::ProPoorMicroFirms { micro, n, baseline } => tr! {
            lang, "note.pro_poor_micro_firms", [micro, n, baseline],
            en: "{micro} of {n} beneficiary firm(s) had employment ≤ 10 in {baseline}",
            es: "{micro} de {n} empresa(s) beneficiaria(s) tenían un empleo ≤ 10 en {baseline}",
            pt: "{micro} de {n} empresa(s) beneficiária(s) tinham emprego ≤ 10 em {baseline}",
        },
        M::ProPoorNoClassFirms {
            class,
            baseline,
            followup,
            ..
        } => {
            let class = word(lang, class);
            tr! {
                lang, "note.pro_poor_no_class_firms", [class, baseline, followup],
                en: "no {class} beneficiary firms (by employment in {baseline}) with sales in both {baseline} and {followup}",
                es: "ninguna empresa beneficiaria de este tamaño (según el empleo de {baseline}) tiene datos de ventas en {baseline} y en {followup}",
                pt: "nenhuma empresa beneficiária deste porte (pelo emprego de {baseline}) tem dados de vendas em {baseline} e em {followup}",
            }
        }
        M::ProPoorZeroSales { class, baseline } => {
            let class = word(lang, class);
            tr! {
                lang, "note.pro_poor_zero_sales", [class, baseline],
                en: "the sales of the {class} beneficiary firms sum to zero in {baseline}: growth is undefined",
                es: "las ventas de las empresas beneficiarias de este tamaño suman cero en {baseline}: el crecimiento no está definido",
                pt: "as vendas das empresas beneficiárias deste porte somam zero em {baseline}: o crescimento não está definido",
            }
        }
        M::ProPoorClassPanel {
            class,
            n,
            all_n,
            baseline,
            followup,
        } => {
            let class = word(lang, class);
            tr! {
                lang, "note.pro_poor_class_panel", [n, class, all_n, baseline, followup],
                en: "{n} {class} of {all_n} beneficiary firm(s) with sales in both {baseline} and {followup}",
                es: "{n} de este tamaño entre {all_n} empresa(s) beneficiaria(s) con datos de ventas en {baseline} y en {followup}",
                pt: "{n} deste porte entre {all_n} empresa(s) beneficiária(s) com dados de vendas em {baseline} e em {followup}",
            }
        }
        M::ProPoorChecklistUnanswered => tr! {
            lang, "note.pro_poor_checklist_unanswered", [],
            en: "no item of the pro-poor checklist is answered",
            es: "ningún ítem de la lista de verificación pro-pobre está respondido",
            pt: "nenhum item da lista de verificação pró-pobre foi respondido",
        },
        M::ProPoorChecklistAnswered { answered, total } => tr! {
            lang, "note.pro_poor_checklist_answered", [answered, total],
            en: "{answered} of {total} checklist items answered",
            es: "{answered} de {total} ítems de la lista de verificación respondidos",
            pt: "{answered} de {total} itens da lista de verificação respondidos",
        },
        M::ClusterCaveat => tr! {
            lang, "note.cluster_caveat", [],
            en: "the interval reflects the sampling of firms, not the differences between clusters: with one treated and one control cluster, a programme effect cannot be told from a cluster effect",
            es: "el intervalo refleja el muestreo de empresas, no las diferencias entre clústeres: con un clúster tratado y uno de control no se puede distinguir un efecto del programa de un efecto del clúster",
            pt: "o intervalo reflete a amostragem de empresas, não as diferenças entre clusters: com um cluster tratado e um de controle não se distingue um efeito do programa de um efeito do cluster",
        },
        M::BalanceCompared {
            group,
            measure,
            n,
            n_control,
            baseline,
        } => {
            let group = side(lang, *group);
            let measure = word(lang, measure);
            tr! {
                lang, "note.balance_compared", [measure, baseline, n, group, n_control],
                en: "{measure} in {baseline} of {n} firm(s) of the group “{group}” against {n_control} control firm(s) (standardised mean difference)",
                es: "{measure} en {baseline} de {n} empresa(s) del grupo «{group}» frente a {n_control} empresa(s) de control (diferencia de medias estandarizada)",
                pt: "{measure} em {baseline} de {n} empresa(s) do grupo “{group}” contra {n_control} empresa(s) de controle (diferença de médias padronizada)",
            }
        }
        M::BalanceFewFirms {
            group,
            measure,
            n,
            baseline,
        } => {
            let group = side(lang, *group);
            let measure = word(lang, measure);
            tr! {
                lang, "note.balance_few_firms", [n, group, measure, baseline],
                en: "{n} firm(s) of the group “{group}” with {measure} in {baseline}: at least 2 are needed on each side",
                es: "{n} empresa(s) del grupo «{group}» con datos de {measure} en {baseline}: se necesitan al menos 2 de cada lado",
                pt: "{n} empresa(s) do grupo “{group}” com dados de {measure} em {baseline}: são necessárias pelo menos 2 de cada lado",
            }
        }
        M::BalanceNoSpread { measure, baseline } => {
            let measure = word(lang, measure);
            tr! {
                lang, "note.balance_no_spread", [measure, baseline],
                en: "every firm has the same {measure} in {baseline}: the standardised difference is undefined",
                es: "todas las empresas tienen el mismo valor de {measure} en {baseline}: la diferencia estandarizada no está definida",
                pt: "todas as empresas têm o mesmo valor de {measure} em {baseline}: a diferença padronizada não está definida",
            }
        }
        M::AttritionCounted {
            group,
            gone,
            firms,
            baseline,
            followup,
        } => {
            let group = side(lang, *group);
            tr! {
                lang, "note.attrition_counted", [gone, firms, group, baseline, followup],
                en: "{gone} of {firms} firm(s) of the group “{group}” with a row in {baseline} have none in {followup} (closed or lost to follow-up)",
                es: "{gone} de {firms} empresa(s) del grupo «{group}» con una fila en {baseline} no tienen ninguna en {followup} (cerradas o sin seguimiento)",
                pt: "{gone} de {firms} empresa(s) do grupo “{group}” com uma linha em {baseline} não têm nenhuma em {followup} (fechadas ou sem acompanhamento)",
            }
        }
        M::AttritionNoFirms { group, baseline } => {
            let group = side(lang, *group);
            tr! {
                lang, "note.attrition_no_firms", [group, baseline],
                en: "no firm of the group “{group}” has a row in {baseline}",
                es: "ninguna empresa del grupo «{group}» tiene una fila en {baseline}",
                pt: "nenhuma empresa do grupo “{group}” tem uma linha em {baseline}",
            }
        }
        M::AttritionDifferential { baseline, followup } => tr! {
            lang, "note.attrition_differential", [baseline, followup],
            en: "share of beneficiary firms gone {baseline}→{followup} minus that of control firms",
            es: "proporción de empresas beneficiarias que salieron {baseline}→{followup} menos la de las empresas de control",
            pt: "proporção de empresas beneficiárias que saíram {baseline}→{followup} menos a das empresas de controle",
        },
        M::PretrendNoPreYear { baseline } => tr! {
            lang, "note.pretrend_no_pre_year", [baseline],
            en: "the firms table has no year before the baseline {baseline}: the trends before the programme cannot be compared",
            es: "la tabla de empresas no tiene ningún año anterior a la línea de base {baseline}: no se pueden comparar las tendencias previas al programa",
            pt: "a tabela de empresas não tem nenhum ano anterior à linha de base {baseline}: não é possível comparar as tendências anteriores ao programa",
        },
        M::CostDivided { what, denominator } => {
            let d = amount(lang, *denominator);
            match what.as_str() {
                "jobs" => tr! {
                    lang, "note.cost_divided.jobs", [d],
                    en: "total cost divided by the {d} jobs created by the beneficiaries",
                    es: "costo total dividido por los {d} empleos creados por las beneficiarias",
                    pt: "custo total dividido pelos {d} empregos criados pelas beneficiárias",
                },
                "additional_jobs" => tr! {
                    lang, "note.cost_divided.additional_jobs", [d],
                    en: "total cost divided by the {d} jobs beyond the control group's growth",
                    es: "costo total dividido por los {d} empleos por encima del crecimiento del grupo de control",
                    pt: "custo total dividido pelos {d} empregos acima do crescimento do grupo de controle",
                },
                _ => tr! {
                    lang, "note.cost_divided.firms", [d],
                    en: "total cost divided by the {d} beneficiary firms",
                    es: "costo total dividido por las {d} empresas beneficiarias",
                    pt: "custo total dividido pelas {d} empresas beneficiárias",
                },
            }
        }
        M::CostDenominatorNotPositive { what, denominator } => {
            let d = amount(lang, *denominator);
            match what.as_str() {
                "additional_jobs" => tr! {
                    lang, "note.cost_denominator_not_positive.additional_jobs", [d],
                    en: "the jobs beyond the control group's growth are {d}: there is no cost per additional job",
                    es: "los empleos por encima del crecimiento del grupo de control son {d}: no hay costo por empleo adicional",
                    pt: "os empregos acima do crescimento do grupo de controle são {d}: não há custo por emprego adicional",
                },
                "jobs" => tr! {
                    lang, "note.cost_denominator_not_positive.jobs", [d],
                    en: "the beneficiaries' employment changed by {d}: no job was created to divide the cost by",
                    es: "el empleo de las beneficiarias cambió en {d}: no se creó ningún empleo entre el cual dividir el costo",
                    pt: "o emprego das beneficiárias mudou em {d}: nenhum emprego foi criado para dividir o custo",
                },
                _ => tr! {
                    lang, "note.cost_denominator_not_positive.firms", [d],
                    en: "{d} beneficiary firms: no cost per firm",
                    es: "{d} empresas beneficiarias: no hay costo por empresa",
                    pt: "{d} empresas beneficiárias: não há custo por empresa",
                },
            }
        }
        M::ActorTypesMissing => tr! {
            lang, "note.actor_types_missing", [],
            en: "no actor in the actors table has a type: knowledge institutions cannot be told apart",
            es: "ningún actor de la tabla de actores tiene un tipo: no se pueden distinguir las instituciones de conocimiento",
            pt: "nenhum ator da tabela de atores tem um tipo: não é possível distinguir as instituições de conhecimento",
        },
        M::ActorTypesUnknown {
            types,
            count,
            baseline,
            followup,
        } => {
            let types = types.join(", ");
            tr! {
                lang, "note.actor_types_unknown", [followup, baseline, count, types],
                en: "knowledge institutions counted in {followup} minus in {baseline}; {count} actor type(s) not recognised and counted as other: {types}",
                es: "instituciones de conocimiento contadas en {followup} menos en {baseline}; {count} tipo(s) de actor no reconocido(s), contado(s) como otros: {types}",
                pt: "instituições de conhecimento contadas em {followup} menos em {baseline}; {count} tipo(s) de ator não reconhecido(s), contado(s) como outros: {types}",
            }
        }
        M::ProPoorShareVsControl {
            n,
            n_control,
            baseline,
            followup,
            ..
        } => tr! {
            lang, "note.pro_poor_share_vs_control", [baseline, followup, n, n_control],
            en: "change {baseline}→{followup} of this group's share of employment in {n} beneficiary firm(s) minus that in {n_control} control firm(s)",
            es: "cambio {baseline}→{followup} de la participación de este grupo en el empleo en {n} empresa(s) beneficiaria(s) menos el de {n_control} empresa(s) de control",
            pt: "mudança {baseline}→{followup} da participação deste grupo no emprego em {n} empresa(s) beneficiária(s) menos a de {n_control} empresa(s) de controle",
        },
        M::ProPoorNoControlPanel {
            columns,
            baseline,
            followup,
        } => {
            let columns = columns_text(lang, columns);
            tr! {
                lang, "note.pro_poor_no_control_panel", [columns, baseline, followup],
                en: "no control firm has {columns} in both {baseline} and {followup}",
                es: "ninguna empresa de control tiene datos de {columns} en {baseline} y en {followup}",
                pt: "nenhuma empresa de controle tem dados de {columns} em {baseline} e em {followup}",
            }
        }
        M::ProPoorShareUndefined { group, year } => {
            let group = side(lang, *group);
            tr! {
                lang, "note.pro_poor_share_undefined", [year, group],
                en: "no employment in {year} among the firms of the group “{group}”: the share is undefined",
                es: "no hay empleo en {year} en las empresas del grupo «{group}»: la participación no está definida",
                pt: "não há emprego em {year} nas empresas do grupo “{group}”: a participação não está definida",
            }
        }
        M::ProPoorWageGapVsControl {
            n,
            n_control,
            baseline,
            followup,
        } => tr! {
            lang, "note.pro_poor_wage_gap_vs_control", [baseline, followup, n, n_control],
            en: "change {baseline}→{followup} of the gender wage gap in {n} beneficiary firm(s) minus that in {n_control} control firm(s)",
            es: "cambio {baseline}→{followup} de la brecha salarial de género en {n} empresa(s) beneficiaria(s) menos el de {n_control} empresa(s) de control",
            pt: "mudança {baseline}→{followup} da diferença salarial de gênero em {n} empresa(s) beneficiária(s) menos a de {n_control} empresa(s) de controle",
        },
        M::ProPoorWageGapNoFirms {
            group,
            baseline,
            followup,
        } => {
            let group = side(lang, *group);
            tr! {
                lang, "note.pro_poor_wage_gap_no_firms", [group, baseline, followup],
                en: "no firm of the group “{group}” has employment, women workers and wages in both {baseline} and {followup}",
                es: "ninguna empresa del grupo «{group}» tiene empleo, trabajadoras y salarios en {baseline} y en {followup}",
                pt: "nenhuma empresa do grupo “{group}” tem emprego, trabalhadoras e salários em {baseline} e em {followup}",
            }
        }
        M::ProPoorWageGapUndefined { group, year } => {
            let group = side(lang, *group);
            tr! {
                lang, "note.pro_poor_wage_gap_undefined", [group, year],
                en: "the wage gap of the group “{group}” is undefined in {year} (nobody of one sex employed, or a men's wage of 0)",
                es: "la brecha salarial del grupo «{group}» no está definida en {year} (nadie de un sexo empleado, o salario de los hombres 0)",
                pt: "a diferença salarial do grupo “{group}” não está definida em {year} (ninguém de um sexo empregado, ou salário dos homens 0)",
            }
        }
        M::ProPoorExitedJobs {
            jobs,
            gone,
            firms,
            baseline,
            followup,
        } => {
            let jobs = amount(lang, *jobs);
            tr! {
                lang, "note.pro_poor_exited_jobs", [gone, firms, baseline, followup, jobs],
                en: "{gone} of {firms} beneficiary firm(s) with a row in {baseline} have none in {followup}; they employed {jobs} people in {baseline}",
                es: "{gone} de {firms} empresa(s) beneficiaria(s) con una fila en {baseline} no tienen ninguna en {followup}; empleaban a {jobs} personas en {baseline}",
                pt: "{gone} de {firms} empresa(s) beneficiária(s) com uma linha em {baseline} não têm nenhuma em {followup}; empregavam {jobs} pessoas em {baseline}",
            }
        }
        M::PretrendYears {
            years,
            with_interval,
            outside,
            first,
            last,
            baseline,
        } => tr! {
            lang, "note.pretrend_years", [years, baseline, first, last, with_interval, outside],
            en: "compared from each of {years} year(s) before the baseline {baseline} ({first} to {last}): {with_interval} with an interval, {outside} of them not containing 0",
            es: "comparado desde cada uno de los {years} año(s) anteriores a la línea de base {baseline} ({first} a {last}): {with_interval} con intervalo, {outside} de ellos sin contener el 0",
            pt: "comparado a partir de cada um dos {years} ano(s) anteriores à linha de base {baseline} ({first} a {last}): {with_interval} com intervalo, {outside} deles sem conter o 0",
        },
        M::ProPoorClassFewFirms {
            class,
            n,
            min,
            baseline,
            followup,
        } => {
            let class = word(lang, class);
            tr! {
                lang, "note.pro_poor_class_few_firms", [n, class, baseline, followup, min],
                en: "only {n} {class} beneficiary firm(s) with sales in both {baseline} and {followup}: at least {min} are needed to say whether the class loses out",
                es: "solo {n} empresa(s) beneficiaria(s) de este tamaño ({class}) con datos de ventas en {baseline} y en {followup}: se necesitan al menos {min} para decir si el grupo pierde",
                pt: "apenas {n} empresa(s) beneficiária(s) deste porte ({class}) com dados de vendas em {baseline} e em {followup}: são necessárias pelo menos {min} para dizer se o grupo perde",
            }
        }
        M::JobsNet {
            panel,
            n,
            gone,
            exited,
            baseline,
            followup,
        } => {
            let (panel, gone) = (amount(lang, *panel), amount(lang, *gone));
            tr! {
                lang, "note.jobs_net", [panel, baseline, followup, n, gone, exited],
                en: "{panel} jobs created {baseline}→{followup} in {n} beneficiary firm(s) with employment in both years, minus {gone} jobs in {baseline} of the {exited} beneficiary firm(s) gone by {followup}",
                es: "{panel} empleos creados {baseline}→{followup} en {n} empresa(s) beneficiaria(s) con datos de empleo en ambos años, menos {gone} empleos en {baseline} de las {exited} empresa(s) beneficiaria(s) que salieron antes de {followup}",
                pt: "{panel} empregos criados {baseline}→{followup} em {n} empresa(s) beneficiária(s) com dados de emprego nos dois anos, menos {gone} empregos em {baseline} das {exited} empresa(s) beneficiária(s) que saíram antes de {followup}",
            }
        }
        // v3 (issue 23): innovation and new markets, non-participants, execution,
        // business actors.
        M::AdoptionShare {
            group,
            flag,
            n,
            baseline,
            followup,
        } => {
            let group = side(lang, *group);
            let flag = word(lang, flag);
            tr! {
                lang, "note.adoption_share", [n, group, flag, baseline, followup],
                en: "share of {n} firm(s) of the group “{group}” with rows in {baseline} and {followup} that reported “{flag}” in a year after {baseline} up to {followup}",
                es: "proporción de {n} empresa(s) del grupo «{group}» con filas en {baseline} y {followup} que declararon «{flag}» en algún año posterior a {baseline} hasta {followup}",
                pt: "proporção de {n} empresa(s) do grupo “{group}” com linhas em {baseline} e {followup} que declararam “{flag}” em algum ano após {baseline} até {followup}",
            }
        }
        M::NoAdoptionPanel {
            group,
            flag,
            baseline,
            followup,
        } => {
            let group = side(lang, *group);
            let flag = word(lang, flag);
            tr! {
                lang, "note.no_adoption_panel", [group, flag, baseline, followup],
                en: "no firm of the group “{group}” has rows in {baseline} and {followup} and “{flag}” known in a year after {baseline} up to {followup}",
                es: "ninguna empresa del grupo «{group}» tiene filas en {baseline} y {followup} y «{flag}» conocido en algún año posterior a {baseline} hasta {followup}",
                pt: "nenhuma empresa do grupo “{group}” tem linhas em {baseline} e {followup} e “{flag}” conhecido em algum ano após {baseline} até {followup}",
            }
        }
        M::AdoptionCompared {
            group,
            flag,
            n,
            n_control,
            baseline,
            followup,
        } => {
            let group = side(lang, *group);
            let flag = word(lang, flag);
            tr! {
                lang, "note.adoption_compared", [n, group, flag, baseline, followup, n_control],
                en: "share of {n} firm(s) of the group “{group}” that reported “{flag}” {baseline}→{followup} minus that of {n_control} control firm(s)",
                es: "proporción de {n} empresa(s) del grupo «{group}» que declararon «{flag}» {baseline}→{followup} menos la de {n_control} empresa(s) de control",
                pt: "proporção de {n} empresa(s) do grupo “{group}” que declararam “{flag}” {baseline}→{followup} menos a de {n_control} empresa(s) de controle",
            }
        }
        M::NonParticipantsCompared {
            measure,
            n,
            n_control,
            baseline,
            followup,
        } => {
            let measure = names::column_name(lang, measure);
            tr! {
                lang, "note.non_participants_compared", [measure, baseline, followup, n, n_control],
                en: "{measure} growth {baseline}→{followup} of {n} non-participating cluster firm(s) minus that of {n_control} control firm(s)",
                es: "crecimiento de {measure} {baseline}→{followup} de {n} empresa(s) del clúster no participante(s) menos el de {n_control} empresa(s) de control",
                pt: "crescimento de {measure} {baseline}→{followup} de {n} empresa(s) do cluster não participante(s) menos o de {n_control} empresa(s) de controle",
            }
        }
        M::NoNonParticipants => tr! {
            lang, "note.no_non_participants", [],
            en: "the firms table has no non-participating cluster firm (group cluster)",
            es: "la tabla de empresas no tiene empresas del clúster no participantes (grupo clúster)",
            pt: "a tabela de empresas não tem empresas do cluster não participantes (grupo cluster)",
        },
        M::TableColumnMissing { table, column } => {
            let table = word(lang, table.name());
            let column = names::column_name(lang, column);
            tr! {
                lang, "note.table_column_missing", [table, column],
                en: "the {table} table has no {column} column",
                es: "la tabla {table} no tiene la columna {column}",
                pt: "a tabela {table} não tem a coluna {column}",
            }
        }
        M::ActivitiesCounted {
            rows,
            baseline,
            followup,
        } => tr! {
            lang, "note.activities_counted", [rows, baseline, followup],
            en: "activities done out of {rows} activity row(s) of {baseline}–{followup} (done, planned or cancelled)",
            es: "actividades realizadas sobre {rows} fila(s) de actividades de {baseline}–{followup} (realizadas, planificadas o canceladas)",
            pt: "atividades realizadas sobre {rows} linha(s) de atividades de {baseline}–{followup} (realizadas, planejadas ou canceladas)",
        },
        M::NoActivitiesInYears { baseline, followup } => tr! {
            lang, "note.no_activities_in_years", [baseline, followup],
            en: "the activities table has no row in {baseline}–{followup}",
            es: "la tabla de actividades no tiene filas en {baseline}–{followup}",
            pt: "a tabela de atividades não tem linhas em {baseline}–{followup}",
        },
        M::DisbursementCounted { rows } => tr! {
            lang, "note.disbursement_counted", [rows],
            en: "amount disbursed over the budget of {rows} subsidy row(s) with a budget",
            es: "monto desembolsado sobre el presupuesto de {rows} fila(s) de subsidios con presupuesto",
            pt: "valor desembolsado sobre o orçamento de {rows} linha(s) de subsídios com orçamento",
        },
        M::BudgetZero => tr! {
            lang, "note.budget_zero", [],
            en: "the budgets sum to 0: the disbursement rate is undefined",
            es: "los presupuestos suman 0: la tasa de desembolso no está definida",
            pt: "os orçamentos somam 0: a taxa de desembolso não está definida",
        },
        M::BusinessActorsLeftOut { actors, count } => {
            let actors = actors.join(", ");
            tr! {
                lang, "note.business_actors_left_out", [count, actors],
                en: "{count} actor(s) typed as a business left out of the institutions counted (Annex II counts non-firm actors): {actors}",
                es: "{count} actor(es) de tipo empresa quedan fuera de las instituciones contadas (el Anexo II cuenta actores no empresariales): {actors}",
                pt: "{count} ator(es) do tipo empresa ficam fora das instituições contadas (o Anexo II conta atores não empresariais): {actors}",
            }
        }
        M::Unknown { code, params } => raw(code, params),
    }
}

/// An indicator's message: its note in `lang`, or the English text when it has none.
pub fn note_text(lang: Lang, note: Option<&Message>, english: &str) -> String {
    note.map_or_else(|| english.to_string(), |n| message_text(lang, n))
}

/// A calculation warning.
pub fn warning_text(lang: Lang, warning: &Warning) -> String {
    message_text(lang, &warning.note)
}

/// The texts of one `tr!` of this file.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteTexts {
    pub key: String,
    /// The names of the values the templates may use.
    pub args: Vec<String>,
    pub en: String,
    pub es: String,
    pub pt: String,
}

/// Every `tr!` of this file, in order: what the language files hold for the engine's
/// messages (natively only: this reads the file's own source, built into the native
/// library). Panics when a `tr!` is not written as the macro expects.
#[cfg(not(target_arch = "wasm32"))]
pub fn note_texts() -> Vec<NoteTexts> {
    parse_note_texts(include_str!("notes.rs")).unwrap_or_else(|e| panic!("ui/src/notes.rs: {e}"))
}

/// The `tr! { … }` invocations in `source` (lines that are comments are skipped).
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_note_texts(source: &str) -> Result<Vec<NoteTexts>, String> {
    const OPEN: &str = concat!("tr!", " {");
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in source.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        if line.trim_start().starts_with("//") {
            continue;
        }
        let Some(at) = line.find(OPEN) else {
            continue;
        };
        let line_no = source[..start].matches('\n').count() + 1;
        let mut p = Parser {
            rest: &source[start + at + OPEN.len()..],
        };
        let note = p.note().map_err(|e| format!("line {line_no}: {e}"))?;
        out.push(note);
    }
    Ok(out)
}

#[cfg(not(target_arch = "wasm32"))]
struct Parser<'a> {
    rest: &'a str,
}

#[cfg(not(target_arch = "wasm32"))]
impl Parser<'_> {
    fn note(&mut self) -> Result<NoteTexts, String> {
        // The language: an expression up to the first comma.
        let comma = self.rest.find(',').ok_or("no comma after the language")?;
        self.rest = &self.rest[comma + 1..];
        let key = self.string()?;
        self.punct(",")?;
        self.punct("[")?;
        let mut args = Vec::new();
        loop {
            self.skip();
            if self.rest.starts_with(']') {
                break;
            }
            args.push(self.ident()?);
            self.skip();
            if !self.rest.starts_with(']') {
                self.punct(",")?;
            }
        }
        self.punct("]")?;
        let mut texts = Vec::new();
        for label in ["en", "es", "pt"] {
            self.punct(",")?;
            self.punct(label)?;
            self.punct(":")?;
            texts.push(self.string()?);
        }
        self.skip();
        if self.rest.starts_with(',') {
            self.punct(",")?;
        }
        self.punct("}")?;
        let [en, es, pt] = <[String; 3]>::try_from(texts).map_err(|_| "three texts")?;
        Ok(NoteTexts {
            key,
            args,
            en,
            es,
            pt,
        })
    }

    fn skip(&mut self) {
        self.rest = self.rest.trim_start();
    }

    fn punct(&mut self, what: &str) -> Result<(), String> {
        self.skip();
        match self.rest.strip_prefix(what) {
            Some(rest) => {
                self.rest = rest;
                Ok(())
            }
            None => Err(format!("expected `{what}` before “{}”", self.context())),
        }
    }

    fn context(&self) -> String {
        self.rest.chars().take(40).collect()
    }

    fn ident(&mut self) -> Result<String, String> {
        let end = self
            .rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(self.rest.len());
        if end == 0 {
            return Err(format!("expected a name before “{}”", self.context()));
        }
        let name = self.rest[..end].to_string();
        self.rest = &self.rest[end..];
        Ok(name)
    }

    /// A plain string literal (`"…"`, with Rust's escapes); raw strings are refused.
    fn string(&mut self) -> Result<String, String> {
        self.skip();
        let Some(body) = self.rest.strip_prefix('"') else {
            return Err(format!("expected a \"string\" before “{}”", self.context()));
        };
        let mut out = String::new();
        let mut chars = body.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    self.rest = &body[i + 1..];
                    return Ok(out);
                }
                '\\' => match chars.next().map(|(_, e)| e) {
                    Some('n') => out.push('\n'),
                    Some('r') => out.push('\r'),
                    Some('t') => out.push('\t'),
                    Some('0') => out.push('\0'),
                    Some(e @ ('\\' | '"' | '\'')) => out.push(e),
                    Some('\n') => {
                        // A line continuation: the next line's leading spaces go too.
                        let rest = chars.as_str();
                        let skipped = rest.len() - rest.trim_start().len();
                        for _ in rest[..skipped].chars() {
                            chars.next();
                        }
                    }
                    Some('u') => {
                        let rest = chars.as_str();
                        let close = rest.find('}').ok_or("unclosed \\u{…}")?;
                        let hex = rest.get(1..close).ok_or("bad \\u{…}")?;
                        let code = u32::from_str_radix(&hex.replace('_', ""), 16)
                            .map_err(|_| format!("bad \\u{{{hex}}}"))?;
                        out.push(char::from_u32(code).ok_or("bad \\u{…}")?);
                        for _ in rest[..=close].chars() {
                            chars.next();
                        }
                    }
                    other => return Err(format!("unsupported escape \\{other:?}")),
                },
                c => out.push(c),
            }
        }
        Err("unclosed string".into())
    }
}
