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

use cluster_eval_engine::Side;
use cluster_eval_engine::{Message, Warning};
use serde_json::{Map, Value};

use crate::i18n::Lang;
use crate::names;

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
        M::YearsNoData => match lang {
            Lang::En => "no baseline or follow-up year: set them in the project, or paste a firms table with years".into(),
            Lang::Es => "no hay año de línea de base ni de seguimiento: indíquelos en el proyecto o pegue una tabla de empresas con años".into(),
            Lang::Pt => "não há ano de linha de base nem de acompanhamento: informe-os no projeto ou cole uma tabela de empresas com anos".into(),
        },
        M::YearsNotBefore { baseline, followup } => match lang {
            Lang::En => format!("the baseline year {baseline} must come before the follow-up year {followup}"),
            Lang::Es => format!("el año de línea de base {baseline} debe ser anterior al año de seguimiento {followup}"),
            Lang::Pt => format!("o ano de linha de base {baseline} deve ser anterior ao ano de acompanhamento {followup}"),
        },
        M::FollowupTooEarly { followup, end_year, earliest } => match lang {
            Lang::En => format!("the follow-up year {followup} is earlier than three years after the end of the project ({end_year}): Annex II measures long-run impact from {earliest}"),
            Lang::Es => format!("el año de seguimiento {followup} es anterior a tres años después del fin del proyecto ({end_year}): el Anexo II mide el impacto de largo plazo a partir de {earliest}"),
            Lang::Pt => format!("o ano de acompanhamento {followup} é anterior a três anos após o fim do projeto ({end_year}): o Anexo II mede o impacto de longo prazo a partir de {earliest}"),
        },
        M::ProjectYearsReversed { start_year, end_year } => match lang {
            Lang::En => format!("the project ends ({end_year}) before it starts ({start_year}): check the two years"),
            Lang::Es => format!("el proyecto termina ({end_year}) antes de empezar ({start_year}): revise los dos años"),
            Lang::Pt => format!("o projeto termina ({end_year}) antes de começar ({start_year}): verifique os dois anos"),
        },
        M::NoYears => match lang {
            Lang::En => "no baseline and follow-up years: set them in the project, or paste a firms table with at least two years".into(),
            Lang::Es => "no hay años de línea de base y de seguimiento: indíquelos en el proyecto o pegue una tabla de empresas con al menos dos años".into(),
            Lang::Pt => "não há anos de linha de base e de acompanhamento: informe-os no projeto ou cole uma tabela de empresas com pelo menos dois anos".into(),
        },
        M::MissingColumn { column } => {
            let column = names::column_name(lang, column);
            match lang {
                Lang::En => format!("the firms table has no {column} column"),
                Lang::Es => format!("la tabla de empresas no tiene la columna {column}"),
                Lang::Pt => format!("a tabela de empresas não tem a coluna {column}"),
            }
        }
        M::NoGroup { group } => {
            let group = side(lang, *group);
            match lang {
                Lang::En => format!("the firms table has no firm of the group “{group}”"),
                Lang::Es => format!("la tabla de empresas no tiene ninguna empresa del grupo «{group}»"),
                Lang::Pt => format!("a tabela de empresas não tem nenhuma empresa do grupo “{group}”"),
            }
        }
        M::NoPanel { group, measure, baseline, followup } => {
            let group = side(lang, *group);
            let measure = word(lang, measure);
            match lang {
                Lang::En => format!("no firm of the group “{group}” has {measure} in both {baseline} and {followup}"),
                Lang::Es => format!("ninguna empresa del grupo «{group}» tiene datos de {measure} en {baseline} y en {followup}"),
                Lang::Pt => format!("nenhuma empresa do grupo “{group}” tem dados de {measure} em {baseline} e em {followup}"),
            }
        }
        M::NoProductivityPanel { group, output, baseline, followup } => {
            let group = side(lang, *group);
            let output = word(lang, output);
            match lang {
                Lang::En => format!("no firm of the group “{group}” has {output} and employment above 0 in both {baseline} and {followup}"),
                Lang::Es => format!("ninguna empresa del grupo «{group}» tiene {output} y empleo mayores que 0 en {baseline} y en {followup}"),
                Lang::Pt => format!("nenhuma empresa do grupo “{group}” tem {output} e emprego acima de 0 em {baseline} e em {followup}"),
            }
        }
        M::ZeroBaseline { group, measure, baseline } => {
            let group = side(lang, *group);
            let measure = word(lang, measure);
            match lang {
                Lang::En => format!("the {measure} of the group “{group}” sum to 0 in {baseline}: growth is undefined"),
                Lang::Es => format!("la suma de {measure} del grupo «{group}» es 0 en {baseline}: el crecimiento no está definido"),
                Lang::Pt => format!("a soma de {measure} do grupo “{group}” é 0 em {baseline}: o crescimento não está definido"),
            }
        }
        M::PanelUsed { group, measure, n, baseline, followup } => {
            let group = side(lang, *group);
            let measure = word(lang, measure);
            match lang {
                Lang::En => format!("{measure} of {n} firm(s) of the group “{group}” with data in both {baseline} and {followup} (balanced panel)"),
                Lang::Es => format!("{measure} de {n} empresa(s) del grupo «{group}» con datos en {baseline} y en {followup} (panel balanceado)"),
                Lang::Pt => format!("{measure} de {n} empresa(s) do grupo “{group}” com dados em {baseline} e em {followup} (painel balanceado)"),
            }
        }
        M::Compared { group, versus, measure, n, n_versus, baseline, followup } => {
            let group = side(lang, *group);
            let versus = side(lang, *versus);
            let measure = word(lang, measure);
            match lang {
                Lang::En => format!("{measure} growth {baseline}→{followup} of {n} firm(s) of the group “{group}” minus that of {n_versus} firm(s) of the group “{versus}”"),
                Lang::Es => format!("crecimiento de {measure} {baseline}→{followup} de {n} empresa(s) del grupo «{group}» menos el de {n_versus} empresa(s) del grupo «{versus}»"),
                Lang::Pt => format!("crescimento de {measure} {baseline}→{followup} de {n} empresa(s) do grupo “{group}” menos o de {n_versus} empresa(s) do grupo “{versus}”"),
            }
        }
        M::NoIntervalFewFirms { group, n } => {
            let group = side(lang, *group);
            match lang {
                Lang::En => format!("no confidence interval: the panel of the group “{group}” has {n} firm(s), at least 2 are needed on each side"),
                Lang::Es => format!("sin intervalo de confianza: el panel del grupo «{group}» tiene {n} empresa(s) y se necesitan al menos 2 de cada lado"),
                Lang::Pt => format!("sem intervalo de confiança: o painel do grupo “{group}” tem {n} empresa(s) e são necessárias pelo menos 2 de cada lado"),
            }
        }
        M::NoIntervalNoReps => match lang {
            Lang::En => "no confidence interval: the number of bootstrap draws is set to 0".into(),
            Lang::Es => "sin intervalo de confianza: el número de réplicas bootstrap es 0".into(),
            Lang::Pt => "sem intervalo de confiança: o número de réplicas bootstrap é 0".into(),
        },
        M::NoIntervalUndefined => match lang {
            Lang::En => "no confidence interval: no bootstrap draw gave a defined growth (baselines of 0)".into(),
            Lang::Es => "sin intervalo de confianza: ninguna réplica bootstrap dio un crecimiento definido (líneas de base en 0)".into(),
            Lang::Pt => "sem intervalo de confiança: nenhuma réplica bootstrap deu um crescimento definido (linhas de base iguais a 0)".into(),
        },
        M::TerritoryYears { baseline, followup } => match lang {
            Lang::En => format!("local and national GDP growth {baseline}→{followup}"),
            Lang::Es => format!("crecimiento del PIB local y nacional {baseline}→{followup}"),
            Lang::Pt => format!("crescimento do PIB local e nacional {baseline}→{followup}"),
        },
        M::TerritoryFallback { first, last, .. } => match lang {
            Lang::En => format!("the territory table has no local and national GDP for the baseline and follow-up years: its first and last years with both, {first}→{last}, were used"),
            Lang::Es => format!("la tabla de territorio no tiene PIB local y nacional para los años de línea de base y de seguimiento: se usaron su primer y último año con ambos, {first}→{last}"),
            Lang::Pt => format!("a tabela de território não tem PIB local e nacional para os anos de linha de base e de acompanhamento: foram usados seu primeiro e último ano com ambos, {first}→{last}"),
        },
        M::TerritoryMissing => match lang {
            Lang::En => "the territory table needs local and national GDP in at least two years".into(),
            Lang::Es => "la tabla de territorio necesita el PIB local y el nacional en al menos dos años".into(),
            Lang::Pt => "a tabela de território precisa do PIB local e do nacional em pelo menos dois anos".into(),
        },
        M::TerritoryZero { column, year } => {
            let column = names::column_name(lang, column);
            match lang {
                Lang::En => format!("the column {column} is 0 in {year}: growth is undefined"),
                Lang::Es => format!("la columna {column} vale 0 en {year}: el crecimiento no está definido"),
                Lang::Pt => format!("a coluna {column} vale 0 em {year}: o crescimento não está definido"),
            }
        }
        M::MissingFact { field } => {
            let field = word(lang, field);
            match lang {
                Lang::En => format!("the project's {field} is not set"),
                Lang::Es => format!("falta el dato del proyecto {field}"),
                Lang::Pt => format!("falta o dado do projeto {field}"),
            }
        }
        M::ZeroFact { field } => {
            let field = word(lang, field);
            match lang {
                Lang::En => format!("the project's {field} is 0: the ratio is undefined"),
                Lang::Es => format!("el dato del proyecto {field} es 0: la razón no está definida"),
                Lang::Pt => format!("o dado do projeto {field} é 0: a razão não está definida"),
            }
        }
        M::NegativeFact { field } => {
            let field = word(lang, field);
            match lang {
                Lang::En => format!("the project's {field} is negative: a cost cannot be"),
                Lang::Es => format!("el dato del proyecto {field} es negativo: un costo no puede serlo"),
                Lang::Pt => format!("o dado do projeto {field} é negativo: um custo não pode sê-lo"),
            }
        }
        M::NoFlagPanel { flag, baseline, followup } => {
            let flag = word(lang, flag);
            match lang {
                Lang::En => format!("no cluster firm has {flag} known in both {baseline} and {followup}"),
                Lang::Es => format!("ninguna empresa del clúster tiene el dato {flag} en {baseline} y en {followup}"),
                Lang::Pt => format!("nenhuma empresa do cluster tem o dado {flag} em {baseline} e em {followup}"),
            }
        }
        M::FlagPanelUsed { flag, n, baseline, followup } => {
            let flag = word(lang, flag);
            match lang {
                Lang::En => format!("share of {n} cluster firm(s) with {flag} known in both {baseline} and {followup}"),
                Lang::Es => format!("proporción sobre {n} empresa(s) del clúster con el dato {flag} en {baseline} y en {followup}"),
                Lang::Pt => format!("proporção sobre {n} empresa(s) do cluster com o dado {flag} em {baseline} e em {followup}"),
            }
        }
        M::TableEmpty { table } => {
            let table = word(lang, table.name());
            match lang {
                Lang::En => format!("the {table} table has no valid row"),
                Lang::Es => format!("la tabla {table} no tiene ninguna fila válida"),
                Lang::Pt => format!("a tabela {table} não tem nenhuma linha válida"),
            }
        }
        M::YearAbsent { table, year } => {
            let table = word(lang, table.name());
            match lang {
                Lang::En => format!("the {table} table has no row in {year}: counted as 0"),
                Lang::Es => format!("la tabla {table} no tiene filas en {year}: se cuenta como 0"),
                Lang::Pt => format!("a tabela {table} não tem linhas em {year}: contado como 0"),
            }
        }
        M::CountedYears { table, baseline, followup } => {
            let table = word(lang, table.name());
            match lang {
                Lang::En => format!("{table} counted in {followup} minus in {baseline}"),
                Lang::Es => format!("conteo de la tabla {table} en {followup} menos el de {baseline}"),
                Lang::Pt => format!("contagem da tabela {table} em {followup} menos a de {baseline}"),
            }
        }
        M::NoFlagInYear { flag, group, year } => {
            let flag = word(lang, flag);
            let group = side(lang, *group);
            match lang {
                Lang::En => format!("no firm of the group “{group}” has {flag} known in {year}"),
                Lang::Es => format!("ninguna empresa del grupo «{group}» tiene el dato {flag} en {year}"),
                Lang::Pt => format!("nenhuma empresa do grupo “{group}” tem o dado {flag} em {year}"),
            }
        }
        M::ImprovedFlagUsed { n, year } => match lang {
            Lang::En => format!("share of {n} beneficiary firm(s) answering “yes” in the improved column in {year}"),
            Lang::Es => format!("proporción de {n} empresa(s) beneficiaria(s) que respondieron «sí» en la columna improved en {year}"),
            Lang::Pt => format!("proporção de {n} empresa(s) beneficiária(s) que responderam “sim” na coluna improved em {year}"),
        },
        M::ImprovedByGrowth { versus, n, baseline, followup } => {
            let versus = side(lang, *versus);
            match lang {
                Lang::En => format!("no improved column: share of {n} beneficiary firm(s) whose own sales grew more than those of the group “{versus}” {baseline}→{followup}"),
                Lang::Es => format!("sin columna improved: proporción de {n} empresa(s) beneficiaria(s) cuyas ventas crecieron más que las del grupo «{versus}» {baseline}→{followup}"),
                Lang::Pt => format!("sem coluna improved: proporção de {n} empresa(s) beneficiária(s) cujas vendas cresceram mais que as do grupo “{versus}” {baseline}→{followup}"),
            }
        }
        M::ImprovedNoReference { baseline, followup } => match lang {
            Lang::En => format!("no improved column, and no sales growth {baseline}→{followup} of the rest of the sector or of control firms to compare with"),
            Lang::Es => format!("no hay columna improved ni crecimiento de ventas {baseline}→{followup} del resto del sector o del grupo de control con el cual comparar"),
            Lang::Pt => format!("não há coluna improved nem crescimento de vendas {baseline}→{followup} do resto do setor ou do grupo de controle para comparar"),
        },
        M::FactUnknown { field } => {
            let field = word(lang, field);
            match lang {
                Lang::En => format!("the project's {field} is unknown"),
                Lang::Es => format!("el dato del proyecto {field} figura como desconocido"),
                Lang::Pt => format!("o dado do projeto {field} consta como desconhecido"),
            }
        }
        M::ShareDenominator { source, denominator } => {
            let source = word(lang, source);
            let denominator = amount(lang, *denominator);
            match lang {
                Lang::En => format!("over {denominator} cluster firms (source: {source})"),
                Lang::Es => format!("sobre {denominator} empresas del clúster (fuente: {source})"),
                Lang::Pt => format!("sobre {denominator} empresas do cluster (fonte: {source})"),
            }
        }
        M::ShareAboveOne { participating, denominator } => {
            let denominator = amount(lang, *denominator);
            match lang {
                Lang::En => format!("{participating} participating firms is more than the {denominator} firms of the cluster"),
                Lang::Es => format!("{participating} empresas participantes son más que las {denominator} empresas del clúster"),
                Lang::Pt => format!("{participating} empresas participantes são mais que as {denominator} empresas do cluster"),
            }
        }
        M::NotFinite => match lang {
            Lang::En => "the result is too large to be represented (check the magnitudes of the inputs)".into(),
            Lang::Es => "el resultado es demasiado grande para representarlo (revise las magnitudes de los datos)".into(),
            Lang::Pt => "o resultado é grande demais para ser representado (verifique as magnitudes dos dados)".into(),
        },
        M::ProPoorNoYears => match lang {
            Lang::En => "no baseline and follow-up years: set them in the project, or paste a firms table with years".into(),
            Lang::Es => "no hay años de línea de base y de seguimiento: indíquelos en el proyecto o pegue una tabla de empresas con años".into(),
            Lang::Pt => "não há anos de linha de base e de acompanhamento: informe-os no projeto ou cole uma tabela de empresas com anos".into(),
        },
        M::ProPoorMissingColumns { columns } => {
            let columns = columns_text(lang, columns);
            match lang {
                Lang::En => format!("the firms table lacks the column(s) {columns}"),
                Lang::Es => format!("la tabla de empresas no tiene la(s) columna(s) {columns}"),
                Lang::Pt => format!("a tabela de empresas não tem a(s) coluna(s) {columns}"),
            }
        }
        M::ProPoorNoPanel { columns, baseline, followup } => {
            let columns = columns_text(lang, columns);
            match lang {
                Lang::En => format!("no beneficiary firm has {columns} in both {baseline} and {followup}"),
                Lang::Es => format!("ninguna empresa beneficiaria tiene datos de {columns} en {baseline} y en {followup}"),
                Lang::Pt => format!("nenhuma empresa beneficiária tem dados de {columns} em {baseline} e em {followup}"),
            }
        }
        M::ProPoorPanel { n, columns, baseline, followup } => {
            let columns = columns_text(lang, columns);
            match lang {
                Lang::En => format!("{n} beneficiary firm(s) with {columns} in both {baseline} and {followup}"),
                Lang::Es => format!("{n} empresa(s) beneficiaria(s) con datos de {columns} en {baseline} y en {followup}"),
                Lang::Pt => format!("{n} empresa(s) beneficiária(s) com dados de {columns} em {baseline} e em {followup}"),
            }
        }
        M::ProPoorGroupAbsent { group, n, baseline, followup } => {
            let group = word(lang, group);
            match lang {
                Lang::En => format!("no {group} workers in {baseline} or {followup} in the panel ({n} beneficiary firm(s))"),
                Lang::Es => format!("no hay trabajadores de este grupo en {baseline} ni en {followup} en el panel ({n} empresa(s) beneficiaria(s))"),
                Lang::Pt => format!("não há trabalhadores deste grupo em {baseline} nem em {followup} no painel ({n} empresa(s) beneficiária(s))"),
            }
        }
        M::ProPoorGroupNew { group, n, baseline, followup } => {
            let group = word(lang, group);
            match lang {
                Lang::En => format!("no {group} workers in {baseline} in the panel ({n} beneficiary firm(s)): the change is the whole {followup} share"),
                Lang::Es => format!("no había trabajadores de este grupo en {baseline} en el panel ({n} empresa(s) beneficiaria(s)): el cambio es toda la proporción de {followup}"),
                Lang::Pt => format!("não havia trabalhadores deste grupo em {baseline} no painel ({n} empresa(s) beneficiária(s)): a mudança é toda a proporção de {followup}"),
            }
        }
        M::ProPoorZeroEmployment { n, year, group } => {
            let group = word(lang, group);
            match lang {
                Lang::En => format!("no employment in {year} in the panel ({n} beneficiary firm(s)): the share of {group} workers is undefined"),
                Lang::Es => format!("no hay empleo en {year} en el panel ({n} empresa(s) beneficiaria(s)): la proporción de este grupo no está definida"),
                Lang::Pt => format!("não há emprego em {year} no painel ({n} empresa(s) beneficiária(s)): a proporção deste grupo não está definida"),
            }
        }
        M::ProPoorWageNoWorkers { side, year, n } => {
            let side = word(lang, side);
            match lang {
                Lang::En => format!("no {side} employed in {year} in the panel ({n} beneficiary firm(s)): the wage gap is undefined"),
                Lang::Es => format!("en {year} el panel ({n} empresa(s) beneficiaria(s)) no tiene mujeres o no tiene hombres empleados: la brecha salarial no está definida"),
                Lang::Pt => format!("em {year} o painel ({n} empresa(s) beneficiária(s)) não tem mulheres ou não tem homens empregados: a diferença salarial não está definida"),
            }
        }
        M::ProPoorWageZeroMen { year } => match lang {
            Lang::En => format!("the men's average wage is zero in {year}: the wage gap is undefined"),
            Lang::Es => format!("el salario promedio de los hombres es cero en {year}: la brecha salarial no está definida"),
            Lang::Pt => format!("o salário médio dos homens é zero em {year}: a diferença salarial não está definida"),
        },
        M::ProPoorNoBaselineEmployment { baseline } => match lang {
            Lang::En => format!("no beneficiary firms with employment in {baseline}"),
            Lang::Es => format!("ninguna empresa beneficiaria tiene datos de empleo en {baseline}"),
            Lang::Pt => format!("nenhuma empresa beneficiária tem dados de emprego em {baseline}"),
        },
        M::ProPoorMicroFirms { micro, n, baseline } => match lang {
            Lang::En => format!("{micro} of {n} beneficiary firm(s) had employment ≤ 10 in {baseline}"),
            Lang::Es => format!("{micro} de {n} empresa(s) beneficiaria(s) tenían un empleo ≤ 10 en {baseline}"),
            Lang::Pt => format!("{micro} de {n} empresa(s) beneficiária(s) tinham emprego ≤ 10 em {baseline}"),
        },
        M::ProPoorNoClassFirms { class, baseline, followup, .. } => {
            let class = word(lang, class);
            match lang {
                Lang::En => format!("no {class} beneficiary firms (by employment in {baseline}) with sales in both {baseline} and {followup}"),
                Lang::Es => format!("ninguna empresa beneficiaria de este tamaño (según el empleo de {baseline}) tiene datos de ventas en {baseline} y en {followup}"),
                Lang::Pt => format!("nenhuma empresa beneficiária deste porte (pelo emprego de {baseline}) tem dados de vendas em {baseline} e em {followup}"),
            }
        }
        M::ProPoorZeroSales { class, baseline } => {
            let class = word(lang, class);
            match lang {
                Lang::En => format!("the sales of the {class} beneficiary firms sum to zero in {baseline}: growth is undefined"),
                Lang::Es => format!("las ventas de las empresas beneficiarias de este tamaño suman cero en {baseline}: el crecimiento no está definido"),
                Lang::Pt => format!("as vendas das empresas beneficiárias deste porte somam zero em {baseline}: o crescimento não está definido"),
            }
        }
        M::ProPoorClassPanel { class, n, all_n, baseline, followup } => {
            let class = word(lang, class);
            match lang {
                Lang::En => format!("{n} {class} of {all_n} beneficiary firm(s) with sales in both {baseline} and {followup}"),
                Lang::Es => format!("{n} de este tamaño entre {all_n} empresa(s) beneficiaria(s) con datos de ventas en {baseline} y en {followup}"),
                Lang::Pt => format!("{n} deste porte entre {all_n} empresa(s) beneficiária(s) com dados de vendas em {baseline} e em {followup}"),
            }
        }
        M::ProPoorChecklistUnanswered => match lang {
            Lang::En => "no item of the pro-poor checklist is answered".into(),
            Lang::Es => "ningún ítem de la lista de verificación pro-pobre está respondido".into(),
            Lang::Pt => "nenhum item da lista de verificação pró-pobre foi respondido".into(),
        },
        M::ProPoorChecklistAnswered { answered, total } => match lang {
            Lang::En => format!("{answered} of {total} checklist items answered"),
            Lang::Es => format!("{answered} de {total} ítems de la lista de verificación respondidos"),
            Lang::Pt => format!("{answered} de {total} itens da lista de verificação respondidos"),
        },
        M::ClusterCaveat => match lang {
            Lang::En => "the interval reflects the sampling of firms, not the differences between clusters: with one treated and one control cluster, a programme effect cannot be told from a cluster effect".into(),
            Lang::Es => "el intervalo refleja el muestreo de empresas, no las diferencias entre clústeres: con un clúster tratado y uno de control no se puede distinguir un efecto del programa de un efecto del clúster".into(),
            Lang::Pt => "o intervalo reflete a amostragem de empresas, não as diferenças entre clusters: com um cluster tratado e um de controle não se distingue um efeito do programa de um efeito do cluster".into(),
        },
        M::BalanceCompared { group, measure, n, n_control, baseline } => {
            let group = side(lang, *group);
            let measure = word(lang, measure);
            match lang {
                Lang::En => format!("{measure} in {baseline} of {n} firm(s) of the group “{group}” against {n_control} control firm(s) (standardised mean difference)"),
                Lang::Es => format!("{measure} en {baseline} de {n} empresa(s) del grupo «{group}» frente a {n_control} empresa(s) de control (diferencia de medias estandarizada)"),
                Lang::Pt => format!("{measure} em {baseline} de {n} empresa(s) do grupo “{group}” contra {n_control} empresa(s) de controle (diferença de médias padronizada)"),
            }
        }
        M::BalanceFewFirms { group, measure, n, baseline } => {
            let group = side(lang, *group);
            let measure = word(lang, measure);
            match lang {
                Lang::En => format!("{n} firm(s) of the group “{group}” with {measure} in {baseline}: at least 2 are needed on each side"),
                Lang::Es => format!("{n} empresa(s) del grupo «{group}» con datos de {measure} en {baseline}: se necesitan al menos 2 de cada lado"),
                Lang::Pt => format!("{n} empresa(s) do grupo “{group}” com dados de {measure} em {baseline}: são necessárias pelo menos 2 de cada lado"),
            }
        }
        M::BalanceNoSpread { measure, baseline } => {
            let measure = word(lang, measure);
            match lang {
                Lang::En => format!("every firm has the same {measure} in {baseline}: the standardised difference is undefined"),
                Lang::Es => format!("todas las empresas tienen el mismo valor de {measure} en {baseline}: la diferencia estandarizada no está definida"),
                Lang::Pt => format!("todas as empresas têm o mesmo valor de {measure} em {baseline}: a diferença padronizada não está definida"),
            }
        }
        M::AttritionCounted { group, gone, firms, baseline, followup } => {
            let group = side(lang, *group);
            match lang {
                Lang::En => format!("{gone} of {firms} firm(s) of the group “{group}” with a row in {baseline} have none in {followup} (closed or lost to follow-up)"),
                Lang::Es => format!("{gone} de {firms} empresa(s) del grupo «{group}» con una fila en {baseline} no tienen ninguna en {followup} (cerradas o sin seguimiento)"),
                Lang::Pt => format!("{gone} de {firms} empresa(s) do grupo “{group}” com uma linha em {baseline} não têm nenhuma em {followup} (fechadas ou sem acompanhamento)"),
            }
        }
        M::AttritionNoFirms { group, baseline } => {
            let group = side(lang, *group);
            match lang {
                Lang::En => format!("no firm of the group “{group}” has a row in {baseline}"),
                Lang::Es => format!("ninguna empresa del grupo «{group}» tiene una fila en {baseline}"),
                Lang::Pt => format!("nenhuma empresa do grupo “{group}” tem uma linha em {baseline}"),
            }
        }
        M::AttritionDifferential { baseline, followup } => match lang {
            Lang::En => format!("share of beneficiary firms gone {baseline}→{followup} minus that of control firms"),
            Lang::Es => format!("proporción de empresas beneficiarias que salieron {baseline}→{followup} menos la de las empresas de control"),
            Lang::Pt => format!("proporção de empresas beneficiárias que saíram {baseline}→{followup} menos a das empresas de controle"),
        },
        M::PretrendNoPreYear { baseline } => match lang {
            Lang::En => format!("the firms table has no year before the baseline {baseline}: the trends before the programme cannot be compared"),
            Lang::Es => format!("la tabla de empresas no tiene ningún año anterior a la línea de base {baseline}: no se pueden comparar las tendencias previas al programa"),
            Lang::Pt => format!("a tabela de empresas não tem nenhum ano anterior à linha de base {baseline}: não é possível comparar as tendências anteriores ao programa"),
        },
        M::CostDivided { what, denominator } => {
            let d = amount(lang, *denominator);
            match (lang, what.as_str()) {
                (Lang::En, "jobs") => format!("total cost divided by the {d} jobs created by the beneficiaries"),
                (Lang::En, "additional_jobs") => format!("total cost divided by the {d} jobs beyond the control group's growth"),
                (Lang::En, _) => format!("total cost divided by the {d} beneficiary firms"),
                (Lang::Es, "jobs") => format!("costo total dividido por los {d} empleos creados por las beneficiarias"),
                (Lang::Es, "additional_jobs") => format!("costo total dividido por los {d} empleos por encima del crecimiento del grupo de control"),
                (Lang::Es, _) => format!("costo total dividido por las {d} empresas beneficiarias"),
                (Lang::Pt, "jobs") => format!("custo total dividido pelos {d} empregos criados pelas beneficiárias"),
                (Lang::Pt, "additional_jobs") => format!("custo total dividido pelos {d} empregos acima do crescimento do grupo de controle"),
                (Lang::Pt, _) => format!("custo total dividido pelas {d} empresas beneficiárias"),
            }
        }
        M::CostDenominatorNotPositive { what, denominator } => {
            let d = amount(lang, *denominator);
            match (lang, what.as_str()) {
                (Lang::En, "additional_jobs") => format!("the jobs beyond the control group's growth are {d}: there is no cost per additional job"),
                (Lang::En, "jobs") => format!("the beneficiaries' employment changed by {d}: no job was created to divide the cost by"),
                (Lang::En, _) => format!("{d} beneficiary firms: no cost per firm"),
                (Lang::Es, "additional_jobs") => format!("los empleos por encima del crecimiento del grupo de control son {d}: no hay costo por empleo adicional"),
                (Lang::Es, "jobs") => format!("el empleo de las beneficiarias cambió en {d}: no se creó ningún empleo entre el cual dividir el costo"),
                (Lang::Es, _) => format!("{d} empresas beneficiarias: no hay costo por empresa"),
                (Lang::Pt, "additional_jobs") => format!("os empregos acima do crescimento do grupo de controle são {d}: não há custo por emprego adicional"),
                (Lang::Pt, "jobs") => format!("o emprego das beneficiárias mudou em {d}: nenhum emprego foi criado para dividir o custo"),
                (Lang::Pt, _) => format!("{d} empresas beneficiárias: não há custo por empresa"),
            }
        }
        M::ActorTypesMissing => match lang {
            Lang::En => "no actor in the actors table has a type: knowledge institutions cannot be told apart".into(),
            Lang::Es => "ningún actor de la tabla de actores tiene un tipo: no se pueden distinguir las instituciones de conocimiento".into(),
            Lang::Pt => "nenhum ator da tabela de atores tem um tipo: não é possível distinguir as instituições de conhecimento".into(),
        },
        M::ActorTypesUnknown { types, count, baseline, followup } => {
            let types = types.join(", ");
            match lang {
                Lang::En => format!("knowledge institutions counted in {followup} minus in {baseline}; {count} actor type(s) not recognised and counted as other: {types}"),
                Lang::Es => format!("instituciones de conocimiento contadas en {followup} menos en {baseline}; {count} tipo(s) de actor no reconocido(s), contado(s) como otros: {types}"),
                Lang::Pt => format!("instituições de conhecimento contadas em {followup} menos em {baseline}; {count} tipo(s) de ator não reconhecido(s), contado(s) como outros: {types}"),
            }
        }
        M::ProPoorShareVsControl { n, n_control, baseline, followup, .. } => match lang {
            Lang::En => format!("change {baseline}→{followup} of this group's share of employment in {n} beneficiary firm(s) minus that in {n_control} control firm(s)"),
            Lang::Es => format!("cambio {baseline}→{followup} de la participación de este grupo en el empleo en {n} empresa(s) beneficiaria(s) menos el de {n_control} empresa(s) de control"),
            Lang::Pt => format!("mudança {baseline}→{followup} da participação deste grupo no emprego em {n} empresa(s) beneficiária(s) menos a de {n_control} empresa(s) de controle"),
        },
        M::ProPoorNoControlPanel { columns, baseline, followup } => {
            let columns = columns_text(lang, columns);
            match lang {
                Lang::En => format!("no control firm has {columns} in both {baseline} and {followup}"),
                Lang::Es => format!("ninguna empresa de control tiene datos de {columns} en {baseline} y en {followup}"),
                Lang::Pt => format!("nenhuma empresa de controle tem dados de {columns} em {baseline} e em {followup}"),
            }
        }
        M::ProPoorShareUndefined { group, year } => {
            let group = side(lang, *group);
            match lang {
                Lang::En => format!("no employment in {year} among the firms of the group “{group}”: the share is undefined"),
                Lang::Es => format!("no hay empleo en {year} en las empresas del grupo «{group}»: la participación no está definida"),
                Lang::Pt => format!("não há emprego em {year} nas empresas do grupo “{group}”: a participação não está definida"),
            }
        }
        M::ProPoorWageGapVsControl { n, n_control, baseline, followup } => match lang {
            Lang::En => format!("change {baseline}→{followup} of the gender wage gap in {n} beneficiary firm(s) minus that in {n_control} control firm(s)"),
            Lang::Es => format!("cambio {baseline}→{followup} de la brecha salarial de género en {n} empresa(s) beneficiaria(s) menos el de {n_control} empresa(s) de control"),
            Lang::Pt => format!("mudança {baseline}→{followup} da diferença salarial de gênero em {n} empresa(s) beneficiária(s) menos a de {n_control} empresa(s) de controle"),
        },
        M::ProPoorWageGapNoFirms { group, baseline, followup } => {
            let group = side(lang, *group);
            match lang {
                Lang::En => format!("no firm of the group “{group}” has employment, women workers and wages in both {baseline} and {followup}"),
                Lang::Es => format!("ninguna empresa del grupo «{group}» tiene empleo, trabajadoras y salarios en {baseline} y en {followup}"),
                Lang::Pt => format!("nenhuma empresa do grupo “{group}” tem emprego, trabalhadoras e salários em {baseline} e em {followup}"),
            }
        }
        M::ProPoorWageGapUndefined { group, year } => {
            let group = side(lang, *group);
            match lang {
                Lang::En => format!("the wage gap of the group “{group}” is undefined in {year} (nobody of one sex employed, or a men's wage of 0)"),
                Lang::Es => format!("la brecha salarial del grupo «{group}» no está definida en {year} (nadie de un sexo empleado, o salario de los hombres 0)"),
                Lang::Pt => format!("a diferença salarial do grupo “{group}” não está definida em {year} (ninguém de um sexo empregado, ou salário dos homens 0)"),
            }
        }
        M::ProPoorExitedJobs { jobs, gone, firms, baseline, followup } => {
            let jobs = amount(lang, *jobs);
            match lang {
                Lang::En => format!("{gone} of {firms} beneficiary firm(s) with a row in {baseline} have none in {followup}; they employed {jobs} people in {baseline}"),
                Lang::Es => format!("{gone} de {firms} empresa(s) beneficiaria(s) con una fila en {baseline} no tienen ninguna en {followup}; empleaban a {jobs} personas en {baseline}"),
                Lang::Pt => format!("{gone} de {firms} empresa(s) beneficiária(s) com uma linha em {baseline} não têm nenhuma em {followup}; empregavam {jobs} pessoas em {baseline}"),
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
