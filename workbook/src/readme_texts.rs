//! What every column of every table holds, and what each firm group means, in
//! English, Spanish and Portuguese: the "Read me" sheet of the template says it beside
//! each header (SPEC, "Tables").
//!
//! Kept here, not in the page's catalogue: only the template uses these sentences. A
//! test goes over the engine's schema (`cluster_eval_engine::columns`), so a column
//! added to a table without its three texts fails `cargo test`.

use cluster_eval_engine::{Group, TableKind};
use cluster_eval_ui::i18n::Lang;

use TableKind::{Activities, Actors, Firms, Proposals, Subsidies, Territory};

/// `(table, column, [English, Spanish, Portuguese])`.
type ColumnText = (TableKind, &'static str, [&'static str; 3]);

const COLUMNS: &[ColumnText] = &[
    (Firms, "firm", [
        "Identifier of the firm (text: 007 stays 007); the same for every year of the firm.",
        "Identificador de la empresa (texto: 007 sigue siendo 007); el mismo en todos los años de la empresa.",
        "Identificador da empresa (texto: 007 continua 007); o mesmo em todos os anos da empresa.",
    ]),
    (Firms, "group", [
        "Group of the firm: beneficiary, cluster, control or sector (see the group values below); without this column every firm is a beneficiary.",
        "Grupo de la empresa: beneficiaria, clúster, control o sector (vea los valores de grupo más abajo); sin esta columna todas las empresas son beneficiarias.",
        "Grupo da empresa: beneficiária, cluster, controle ou setor (veja os valores de grupo abaixo); sem esta coluna todas as empresas são beneficiárias.",
    ]),
    (Firms, "year", [
        "Year the row's figures refer to (a whole number); one row per firm and year.",
        "Año al que se refieren las cifras de la fila (número entero); una fila por empresa y año.",
        "Ano a que se referem os números da linha (número inteiro); uma linha por empresa e ano.",
    ]),
    (Firms, "sales", [
        "Sales of the firm in the year (money, 0 or more).",
        "Ventas de la empresa en el año (dinero, 0 o más).",
        "Vendas da empresa no ano (dinheiro, 0 ou mais).",
    ]),
    (Firms, "exports", [
        "Exports of the firm in the year (money, 0 or more).",
        "Exportaciones de la empresa en el año (dinero, 0 o más).",
        "Exportações da empresa no ano (dinheiro, 0 ou mais).",
    ]),
    (Firms, "production", [
        "Production of the firm in the year (money or a physical amount such as tons, 0 or more).",
        "Producción de la empresa en el año (dinero o una cantidad física como toneladas, 0 o más).",
        "Produção da empresa no ano (dinheiro ou uma quantidade física como toneladas, 0 ou mais).",
    ]),
    (Firms, "investment", [
        "Investment of the firm in the year (money, 0 or more).",
        "Inversión de la empresa en el año (dinero, 0 o más).",
        "Investimento da empresa no ano (dinheiro, 0 ou mais).",
    ]),
    (Firms, "employment", [
        "Number of workers of the firm in the year (0 or more).",
        "Número de trabajadores de la empresa en el año (0 o más).",
        "Número de trabalhadores da empresa no ano (0 ou mais).",
    ]),
    (Firms, "productivity", [
        "Optional: productivity measured directly (for example tons per hectare).",
        "Opcional: productividad medida directamente (por ejemplo, toneladas por hectárea).",
        "Opcional: produtividade medida diretamente (por exemplo, toneladas por hectare).",
    ]),
    (Firms, "workers_women", [
        "Number of women workers of the firm.",
        "Número de trabajadoras mujeres de la empresa.",
        "Número de trabalhadoras mulheres da empresa.",
    ]),
    (Firms, "workers_unskilled", [
        "Number of unskilled workers of the firm.",
        "Número de trabajadores no calificados de la empresa.",
        "Número de trabalhadores não qualificados da empresa.",
    ]),
    (Firms, "workers_informal", [
        "Number of informal workers of the firm.",
        "Número de trabajadores informales de la empresa.",
        "Número de trabalhadores informais da empresa.",
    ]),
    (Firms, "workers_youth", [
        "Number of young workers of the firm.",
        "Número de trabajadores jóvenes de la empresa.",
        "Número de trabalhadores jovens da empresa.",
    ]),
    (Firms, "workers_indigenous", [
        "Number of indigenous workers of the firm.",
        "Número de trabajadores indígenas de la empresa.",
        "Número de trabalhadores indígenas da empresa.",
    ]),
    (Firms, "workers_afro", [
        "Number of Afro-descendant workers of the firm.",
        "Número de trabajadores afrodescendientes de la empresa.",
        "Número de trabalhadores afrodescendentes da empresa.",
    ]),
    (Firms, "workers_disabled", [
        "Number of workers with disabilities of the firm.",
        "Número de trabajadores con discapacidad de la empresa.",
        "Número de trabalhadores com deficiência da empresa.",
    ]),
    (Firms, "workers_migrant", [
        "Number of migrant workers of the firm.",
        "Número de trabajadores migrantes de la empresa.",
        "Número de trabalhadores migrantes da empresa.",
    ]),
    (Firms, "wage_women", [
        "Average wage of the women working in the firm.",
        "Salario medio de las mujeres que trabajan en la empresa.",
        "Salário médio das mulheres que trabalham na empresa.",
    ]),
    (Firms, "wage_men", [
        "Average wage of the men working in the firm.",
        "Salario medio de los hombres que trabajan en la empresa.",
        "Salário médio dos homens que trabalham na empresa.",
    ]),
    (Firms, "quality", [
        "Does the firm follow a quality strategy? (yes/no)",
        "¿La empresa sigue una estrategia de calidad? (sí/no)",
        "A empresa segue uma estratégia de qualidade? (sim/não)",
    ]),
    (Firms, "management", [
        "Does the firm follow a management strategy? (yes/no)",
        "¿La empresa sigue una estrategia de gestión? (sí/no)",
        "A empresa segue uma estratégia de gestão? (sim/não)",
    ]),
    (Firms, "eco_efficiency", [
        "Does the firm follow an eco-efficiency strategy? (yes/no)",
        "¿La empresa sigue una estrategia de ecoeficiencia? (sí/no)",
        "A empresa segue uma estratégia de ecoeficiência? (sim/não)",
    ]),
    (Firms, "marketing", [
        "Does the firm follow a marketing strategy? (yes/no)",
        "¿La empresa sigue una estrategia de mercadeo? (sí/no)",
        "A empresa segue uma estratégia de marketing? (sim/não)",
    ]),
    (Firms, "improved", [
        "Does the firm show an improvement in its competitive position? (yes/no)",
        "¿La empresa muestra una mejora de su posición competitiva? (sí/no)",
        "A empresa mostra uma melhoria da sua posição competitiva? (sim/não)",
    ]),
    (Firms, "informal", [
        "Is the firm informal? (yes/no)",
        "¿La empresa es informal? (sí/no)",
        "A empresa é informal? (sim/não)",
    ]),
    (Firms, "innovation", [
        "Did the firm introduce a product or process new to it that year? (yes/no; blank if not known)",
        "¿La empresa introdujo ese año un producto o proceso nuevo para ella? (sí/no; vacío si no se sabe)",
        "A empresa introduziu naquele ano um produto ou processo novo para ela? (sim/não; vazio se não se sabe)",
    ]),
    (Firms, "new_market", [
        "Did the firm sell that year in a market new to it: a destination, a buyer segment or a product line? (yes/no)",
        "¿La empresa vendió ese año en un mercado nuevo para ella: un destino, un segmento de compradores o una línea de productos? (sí/no)",
        "A empresa vendeu naquele ano em um mercado novo para ela: um destino, um segmento de compradores ou uma linha de produtos? (sim/não)",
    ]),
    (Firms, "export_destinations", [
        "Number of countries the firm exported to that year (a whole number, 0 or more).",
        "Número de países a los que la empresa exportó ese año (número entero, 0 o más).",
        "Número de países para os quais a empresa exportou naquele ano (número inteiro, 0 ou mais).",
    ]),
    (Territory, "year", [
        "Year of the GDP figures (a whole number); one row per year.",
        "Año de las cifras del PIB (número entero); una fila por año.",
        "Ano dos números do PIB (número inteiro); uma linha por ano.",
    ]),
    (Territory, "local_gdp", [
        "GDP of the cluster's territory (region, province, municipality) in the year.",
        "PIB del territorio del clúster (región, provincia, municipio) en el año.",
        "PIB do território do cluster (região, estado, município) no ano.",
    ]),
    (Territory, "national_gdp", [
        "GDP of the whole country in the year.",
        "PIB de todo el país en el año.",
        "PIB de todo o país no ano.",
    ]),
    (Activities, "activity", [
        "Name of a joint activity for competitiveness (a fair, a shared truck, a certification…).",
        "Nombre de una actividad conjunta para la competitividad (una feria, un camión compartido, una certificación…).",
        "Nome de uma atividade conjunta para a competitividade (uma feira, um caminhão compartilhado, uma certificação…).",
    ]),
    (Activities, "year", [
        "Year the activity took place (a whole number).",
        "Año en que tuvo lugar la actividad (número entero).",
        "Ano em que a atividade ocorreu (número inteiro).",
    ]),
    (Activities, "firms", [
        "Number of firms involved in the activity that year.",
        "Número de empresas involucradas en la actividad ese año.",
        "Número de empresas envolvidas na atividade naquele ano.",
    ]),
    (Activities, "status", [
        "Optional: done, planned or cancelled (blank is done: a listed activity took place).",
        "Opcional: realizada, planificada o cancelada (vacío es realizada: una actividad listada tuvo lugar).",
        "Opcional: realizada, planejada ou cancelada (vazio é realizada: uma atividade listada ocorreu).",
    ]),
    (Actors, "actor", [
        "Name of a non-firm actor: a government, a university, a technology centre, an association…",
        "Nombre de un actor no empresarial: un gobierno, una universidad, un centro tecnológico, una asociación…",
        "Nome de um ator não empresarial: um governo, uma universidade, um centro tecnológico, uma associação…",
    ]),
    (Actors, "type", [
        "Type of actor: government, university, technology centre, association, firm… (anything else is kept as typed).",
        "Tipo de actor: gobierno, universidad, centro tecnológico, asociación, empresa… (cualquier otro se guarda tal cual).",
        "Tipo de ator: governo, universidade, centro tecnológico, associação, empresa… (qualquer outro é mantido como digitado).",
    ]),
    (Actors, "year", [
        "Year the actor took part (a whole number); one row per actor and year.",
        "Año en que el actor participó (número entero); una fila por actor y año.",
        "Ano em que o ator participou (número inteiro); uma linha por ator e ano.",
    ]),
    (Subsidies, "year", [
        "Year the subsidy was disbursed (a whole number).",
        "Año en que se desembolsó el subsidio (número entero).",
        "Ano em que o subsídio foi desembolsado (número inteiro).",
    ]),
    (Subsidies, "amount", [
        "Amount disbursed for competitiveness improvement (money, 0 or more).",
        "Monto desembolsado para mejorar la competitividad (dinero, 0 o más).",
        "Valor desembolsado para a melhoria da competitividade (dinheiro, 0 ou mais).",
    ]),
    (Subsidies, "budget", [
        "Optional: the amount planned for that year and component (money, 0 or more); a row may hold a budget and nothing disbursed yet.",
        "Opcional: el monto presupuestado para ese año y componente (dinero, 0 o más); una fila puede tener presupuesto y nada desembolsado aún.",
        "Opcional: o valor orçado para aquele ano e componente (dinheiro, 0 ou mais); uma linha pode ter orçamento e nada desembolsado ainda.",
    ]),
    (Subsidies, "component", [
        "Optional: the programme component the amount went to.",
        "Opcional: el componente del programa al que fue el monto.",
        "Opcional: o componente do programa para o qual foi o valor.",
    ]),
    (Proposals, "proposal", [
        "Name of a proposal for a joint initiative; one row per proposal and entity that submits it.",
        "Nombre de una propuesta de iniciativa conjunta; una fila por propuesta y entidad que la presenta.",
        "Nome de uma proposta de iniciativa conjunta; uma linha por proposta e entidade que a apresenta.",
    ]),
    (Proposals, "entity", [
        "Name of an entity that submits the proposal.",
        "Nombre de una entidad que presenta la propuesta.",
        "Nome de uma entidade que apresenta a proposta.",
    ]),
    (Proposals, "entity_type", [
        "Type of the entity: firm, cooperative, university, technology centre, government, association…",
        "Tipo de la entidad: empresa, cooperativa, universidad, centro tecnológico, gobierno, asociación…",
        "Tipo da entidade: empresa, cooperativa, universidade, centro tecnológico, governo, associação…",
    ]),
    (Proposals, "innovative", [
        "Is the proposal innovative for the locality? (yes/no; may be filled on the proposal's first row only)",
        "¿La propuesta es innovadora para la localidad? (sí/no; puede llenarse solo en la primera fila de la propuesta)",
        "A proposta é inovadora para a localidade? (sim/não; pode ser preenchida só na primeira linha da proposta)",
    ]),
    (Proposals, "environmental", [
        "Is the proposal environmentally sustainable and compliant with domestic standards? (yes/no)",
        "¿La propuesta es ambientalmente sostenible y cumple las normas nacionales? (sí/no)",
        "A proposta é ambientalmente sustentável e cumpre as normas nacionais? (sim/não)",
    ]),
    (Proposals, "year", [
        "Optional: year the proposal was submitted (a whole number).",
        "Opcional: año en que se presentó la propuesta (número entero).",
        "Opcional: ano em que a proposta foi apresentada (número inteiro).",
    ]),
    (Proposals, "amount", [
        "Optional: amount requested for the proposal (money, 0 or more).",
        "Opcional: monto solicitado para la propuesta (dinero, 0 o más).",
        "Opcional: valor solicitado para a proposta (dinheiro, 0 ou mais).",
    ]),
];

const GROUPS: [(Group, [&str; 3]); 4] = [
    (
        Group::Beneficiary,
        [
            "A direct participant of the programme.",
            "Una participante directa del programa.",
            "Uma participante direta do programa.",
        ],
    ),
    (
        Group::Cluster,
        [
            "A firm of the same cluster that did not take part in the programme.",
            "Una empresa del mismo clúster que no participó en el programa.",
            "Uma empresa do mesmo cluster que não participou do programa.",
        ],
    ),
    (
        Group::Control,
        [
            "A firm of a comparable cluster elsewhere in the country, with no programme.",
            "Una empresa de un clúster comparable en otra parte del país, sin programa.",
            "Uma empresa de um cluster comparável em outra parte do país, sem programa.",
        ],
    ),
    (
        Group::Sector,
        [
            "The rest of the sector (may be a single aggregate row).",
            "El resto del sector (puede ser una sola fila agregada).",
            "O resto do setor (pode ser uma única linha agregada).",
        ],
    ),
];

/// The text of `lang` in a three-language row.
pub fn pick(texts: &[&'static str; 3], lang: Lang) -> &'static str {
    match lang {
        Lang::En => texts[0],
        Lang::Es => texts[1],
        Lang::Pt => texts[2],
    }
}

/// What the column `column` (its canonical name) of `kind` holds, in `lang`.
pub fn column_text(kind: TableKind, column: &str, lang: Lang) -> Option<&'static str> {
    COLUMNS
        .iter()
        .find(|(k, name, _)| *k == kind && *name == column)
        .map(|(_, _, texts)| pick(texts, lang))
}

/// What a firm of `group` is, in `lang`.
pub fn group_text(group: Group, lang: Lang) -> &'static str {
    GROUPS
        .iter()
        .find(|(g, _)| *g == group)
        .map_or("", |(_, texts)| pick(texts, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cluster_eval_engine::columns;

    #[test]
    fn every_column_of_every_table_has_three_texts() {
        for kind in TableKind::ALL {
            for column in columns(kind) {
                for lang in Lang::ALL {
                    let text = column_text(kind, column.name, lang);
                    assert!(
                        text.is_some_and(|t| !t.trim().is_empty()),
                        "{kind}.{} has no text in {}",
                        column.name,
                        lang.code()
                    );
                }
            }
        }
    }

    #[test]
    fn no_text_for_a_column_the_schema_lacks() {
        for (kind, name, _) in COLUMNS {
            assert!(
                columns(*kind).iter().any(|c| c.name == *name),
                "{kind}.{name} is not a column"
            );
        }
    }

    #[test]
    fn every_group_has_three_texts() {
        for group in Group::ALL {
            for lang in Lang::ALL {
                assert!(!group_text(group, lang).is_empty());
            }
        }
        assert_ne!(
            group_text(Group::Control, Lang::Es),
            group_text(Group::Control, Lang::En)
        );
    }
}
