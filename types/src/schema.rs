//! The columns of each table (SPEC, "Tables"): canonical name, what kind of value a
//! cell holds, whether the table is unreadable without it, and the header synonyms
//! evaluators use in English, Spanish and Portuguese.
//!
//! Synonyms are written as people type them (accents, spaces); they are folded with
//! the same function as the pasted headers (see `cell::fold`), so the two always agree.

use crate::vocab::{Flag, Measure, TableKind};

/// What a column's cells hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// An identifier: text, trimmed, never read as a number (`007` stays `007`).
    Id,
    /// A firm group (beneficiary, cluster, control, sector).
    Group,
    /// An integer year.
    Year,
    /// An amount or count, ≥ 0.
    Number,
    /// Yes / no.
    Flag,
    /// Free text (optional).
    Text,
}

impl ColumnDef {
    /// The synonyms, one by one.
    pub fn synonyms(&self) -> impl Iterator<Item = &'static str> {
        self.synonyms.split('|').filter(|s| !s.is_empty())
    }

    /// v3: a number column whose values must be whole (`export_destinations`): a
    /// fractional value is a row error, as a negative one is.
    pub fn whole_number(&self) -> bool {
        self.ty == ColumnType::Number && self.name == "export_destinations"
    }

    /// Whether a cell of this column must have a value when the column is present:
    /// identifiers, groups and years, except the optional year of *proposals*.
    pub fn value_required(&self) -> bool {
        self.ty.value_required() && (self.required || self.ty != ColumnType::Year)
    }
}

impl ColumnType {
    /// Columns that a wide table may spread over years (`sales_2019`…).
    pub fn can_be_wide(self) -> bool {
        matches!(self, ColumnType::Number | ColumnType::Flag)
    }

    /// Columns whose cell must have a value when the column is present.
    pub fn value_required(self) -> bool {
        matches!(self, ColumnType::Id | ColumnType::Group | ColumnType::Year)
    }
}

/// One column of a table.
#[derive(Debug, Clone, Copy)]
pub struct ColumnDef {
    pub name: &'static str,
    pub ty: ColumnType,
    /// The table cannot be read without this column.
    pub required: bool,
    /// Synonyms separated by `|`: one string keeps this table readable under rustfmt.
    pub synonyms: &'static str,
}

const fn col(
    name: &'static str,
    ty: ColumnType,
    required: bool,
    synonyms: &'static str,
) -> ColumnDef {
    ColumnDef {
        name,
        ty,
        required,
        synonyms,
    }
}

use ColumnType::{Flag as F, Group as G, Id, Number as N, Text as T, Year as Y};

const YEAR_SYNONYMS: &str = "año|ano|anio|period|periodo|período|yr|fiscal year|ejercicio|exercício|gestión año|año fiscal|ano fiscal";

/// Index of the first measure column in [`FIRMS`]; measures follow `Measure::ALL`.
pub const FIRMS_MEASURE_START: usize = 3;
/// Index of the first flag column in [`FIRMS`]; flags follow `Flag::ALL`.
pub const FIRMS_FLAG_START: usize = FIRMS_MEASURE_START + Measure::COUNT;
pub const FIRMS_FIRM: usize = 0;
pub const FIRMS_GROUP: usize = 1;
pub const FIRMS_YEAR: usize = 2;

/// The firms table, in the order the indices above rely on.
pub const FIRMS: &[ColumnDef] = &[
    col("firm", Id, true, "firm_id|company|empresa|id_empresa|empresa_id|firm id|id|company id|company name|enterprise|business|firma|negocio|código empresa|codigo|código|cod empresa|nombre empresa|nome empresa|razón social|razão social|emprendimiento|empreendimento|unidad productiva"),
    col("group", G, false, "grupo|tipo|group type|treatment group|grupo de tratamiento|condición|condicao|tipo de empresa|tipo empresa|category|categoría"),
    col("year", Y, true, YEAR_SYNONYMS),
    // Measures, in `Measure::ALL` order.
    col("sales", N, false, "revenue|ventas|ingresos|vendas|faturamento|receita|turnover|revenues|sales value|ventas totales|facturación|receitas|ingreso|valor ventas|valor de ventas|valor das vendas"),
    col("exports", N, false, "exportaciones|exportações|export|exportación|exportação|exportacoes|ventas externas|export sales"),
    col("production", N, false, "output|producción|produção|volume|producción física|produção física|quantity produced|cantidad producida|quantidade produzida"),
    col("investment", N, false, "inversión|investimento|investments|inversiones|investimentos|capex"),
    col("employment", N, false, "employees|jobs|empleo|empleados|emprego|empregados|workers|staff|headcount|trabajadores|personal|ocupados|trabalhadores|funcionários|empleos|empregos|number of employees|número de empleados|total workers|total trabajadores|pessoal ocupado|personal ocupado"),
    col("productivity", N, false, "productividad|produtividade|yield|rendimiento|rendimento"),
    col("workers_women", N, false, "women workers|women|female workers|female employees|mujeres|trabajadoras|trabajadoras mujeres|empleadas mujeres|mujeres empleadas|mulheres|trabalhadoras|trabalhadoras mulheres|empleo femenino|emprego feminino"),
    col("workers_unskilled", N, false, "unskilled workers|unskilled|low skilled workers|no calificados|trabajadores no calificados|no cualificados|não qualificados|trabalhadores não qualificados|sem qualificação"),
    col("workers_informal", N, false, "informal workers|informales|trabajadores informales|informais|trabalhadores informais|empleo informal|emprego informal"),
    col("workers_youth", N, false, "young workers|youth|youth workers|jóvenes|trabajadores jóvenes|jovens|trabalhadores jovens|empleo juvenil|emprego jovem"),
    col("workers_indigenous", N, false, "indigenous workers|indigenous|indígenas|trabajadores indígenas|trabalhadores indígenas"),
    col("workers_afro", N, false, "afro|afro workers|afrodescendants|afro-descendant workers|afrodescendientes|trabajadores afrodescendientes|afrodescendentes|trabalhadores afrodescendentes"),
    col("workers_disabled", N, false, "disabled workers|disabled|workers with disabilities|discapacitados|personas con discapacidad|trabajadores con discapacidad|pessoas com deficiência|trabalhadores com deficiência|pcd"),
    col("workers_migrant", N, false, "migrant workers|migrants|migrantes|trabajadores migrantes|trabalhadores migrantes|inmigrantes|imigrantes"),
    col("wage_women", N, false, "women wage|women's wage|female wage|average wage women|wage of women|salario mujeres|salario medio mujeres|salario promedio mujeres|salário mulheres|salário médio mulheres|salário das mulheres"),
    col("wage_men", N, false, "men wage|men's wage|male wage|average wage men|wage of men|salario hombres|salario medio hombres|salario promedio hombres|salário homens|salário médio homens|salário dos homens"),
    // v3: a whole count ≥ 0 (see `ColumnDef::whole_number`).
    col("export_destinations", N, false, "export_markets|export destinations|destinos_exportación|destinos_de_exportación|destinos|destinos_exportação|destinos_de_exportação|países_destino|número de destinos|numero de destinos|export countries|países de exportación|países de exportação"),
    // Flags, in `Flag::ALL` order.
    col("quality", F, false, "calidad|qualidade|quality strategy|estrategia calidad"),
    col("management", F, false, "gestión|gestão|gerencia|management strategy"),
    col("eco_efficiency", F, false, "ecoeficiencia|ecoeficiência|eco efficiency|ecoefficiency|eficiencia ambiental|eficiência ambiental"),
    col("marketing", F, false, "mercadeo|mercadotecnia|mercadologia|comercialización"),
    col("improved", F, false, "mejoró|melhorou|improvement|improved position|mejora|melhoria|mejoró posición|melhorou posição"),
    col("informal", F, false, "informalidad|informalidade|is informal|es informal|é informal"),
    // v3: innovation and new markets (the seed's central claim for the approach).
    col("innovation", F, false, "innovación|inovação|innovated|new_product|nuevo_producto|novo_produto|innovó|inovou|new process|nuevo proceso|novo processo"),
    col("new_market", F, false, "new_markets|nuevo_mercado|nuevos_mercados|novo_mercado|novos_mercados|new market access|acceso a nuevos mercados|acesso a novos mercados"),
];

pub const TERRITORY: &[ColumnDef] = &[
    col("year", Y, true, YEAR_SYNONYMS),
    col("local_gdp", N, false, "gdp local|local gdp|regional gdp|territorial gdp|gdp territory|grp|pib local|pib regional|pib territorial|pib departamental|pib estadual|pib municipal|pib provincial"),
    col("national_gdp", N, false, "gdp national|national gdp|country gdp|gdp|pib nacional|pib país|pib"),
];

pub const ACTIVITIES: &[ColumnDef] = &[
    col("activity", Id, true, "actividad|atividade|activity name|joint activity|acción|ação|actividad conjunta|atividade conjunta|nombre actividad|nome atividade"),
    col("year", Y, true, YEAR_SYNONYMS),
    col("firms", N, false, "number of firms|firms involved|n firms|companies|empresas|número de empresas|n empresas|nº empresas|empresas participantes|empresas involucradas|empresas envolvidas|num empresas"),
    // v3: done / planned / cancelled (`ActivityStatus::from_word`); blank is done.
    col("status", T, false, "state|estado|situación|situação|activity status|estado actividad|estado de la actividad|situação da atividade"),
];

/// The schema column of the activities' `status` (v3).
pub const ACTIVITIES_STATUS: usize = 3;

pub const ACTORS: &[ColumnDef] = &[
    col("actor", Id, true, "actors|name|nombre|nome|institution|institución|instituição|organization|organisation|organización|organização|entidad|entidade|ator|actor name|nombre actor|nome ator"),
    col("type", T, false, "tipo|kind|actor type|type of actor|tipo de actor|tipo de ator|category|categoría|categoria"),
    col("year", Y, true, YEAR_SYNONYMS),
];

pub const SUBSIDIES: &[ColumnDef] = &[
    col("year", Y, true, YEAR_SYNONYMS),
    col("amount", N, true, "monto|valor|value|importe|montante|subsidy|subsidies|subsidio|subsidios|subsídio|subsídios|disbursed|disbursement|desembolsado|desembolso|desembolsos|total|amount disbursed|monto desembolsado|valor desembolsado"),
    col("component", T, false, "componente|component name|línea|linha|rubro"),
    // v3: the amount planned for the year and component (≥ 0).
    col("budget", N, false, "budgeted|planned_amount|presupuesto|orçamento|orcamento|monto presupuestado|valor orçado|budget amount|presupuestado|orçado"),
];

/// Proposals for joint initiatives (Section V of the seed): one row per proposal and
/// entity. The year is optional, so a blank year is no error here (see
/// [`ColumnDef::value_required`]).
pub const PROPOSALS: &[ColumnDef] = &[
    col("proposal", Id, true, "proposals|propuesta|propuestas|proposta|propostas|proposal id|id propuesta|id proposta|initiative|iniciativa|joint initiative|iniciativa conjunta|project proposal|nombre propuesta|nome proposta|código propuesta|código proposta"),
    col("entity", Id, true, "entities|entidad|entidades|entidade|proponent|proponente|applicant|solicitante|partner|socio|parceiro|organization|organisation|organización|organização|institution|institución|instituição|entity name|nombre entidad|nome entidade|nombre de la entidad|nome da entidade"),
    col("entity_type", T, false, "type|tipo|entity type|type of entity|tipo de entidad|tipo entidad|tipo de entidade|tipo entidade|kind|category|categoría|categoria|tipo de actor|tipo de ator|actor type"),
    col("innovative", F, false, "innovation|innovadora|innovador|innovación|inovadora|inovador|inovação|innovative for the locality|innovadora para la localidad|inovadora para a localidade|is innovative|es innovadora|é inovadora"),
    col("environmental", F, false, "environment|environmentally sustainable|sustainable|sustainability|ambiental|sustentable|sostenible|sustentabilidad|sostenibilidad|sustentável|sustentabilidade|ambientalmente sostenible|ambientalmente sustentable|ambientalmente sustentável|environmental compliance|cumple norma ambiental|cumpre norma ambiental"),
    col("year", Y, false, YEAR_SYNONYMS),
    col("amount", N, false, "monto|valor|value|importe|montante|amount requested|monto solicitado|valor solicitado|budget|presupuesto|orçamento|cost|costo|custo|total"),
];

/// The columns of a table.
#[inline]
pub fn columns(kind: TableKind) -> &'static [ColumnDef] {
    match kind {
        TableKind::Firms => FIRMS,
        TableKind::Territory => TERRITORY,
        TableKind::Activities => ACTIVITIES,
        TableKind::Actors => ACTORS,
        TableKind::Subsidies => SUBSIDIES,
        TableKind::Proposals => PROPOSALS,
    }
}

/// The firms column of a measure.
#[inline]
pub fn measure_column(m: Measure) -> usize {
    FIRMS_MEASURE_START + m.index()
}

/// The firms column of a flag.
#[inline]
pub fn flag_column(f: Flag) -> usize {
    FIRMS_FLAG_START + f.index()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;
    use std::collections::HashMap;

    #[test]
    fn firms_indices_follow_the_model() {
        for m in Measure::ALL {
            assert_eq!(FIRMS[measure_column(m)].name, m.name());
        }
        for f in Flag::ALL {
            assert_eq!(FIRMS[flag_column(f)].name, f.name());
        }
        assert_eq!(FIRMS[FIRMS_FIRM].name, "firm");
        assert_eq!(FIRMS[FIRMS_GROUP].name, "group");
        assert_eq!(FIRMS[FIRMS_YEAR].name, "year");
        let names = |k| columns(k).iter().map(|c| c.name).collect::<Vec<_>>();
        assert_eq!(
            names(TableKind::Territory),
            ["year", "local_gdp", "national_gdp"]
        );
        assert_eq!(
            names(TableKind::Activities),
            ["activity", "year", "firms", "status"]
        );
        assert_eq!(
            columns(TableKind::Activities)[ACTIVITIES_STATUS].name,
            "status"
        );
        assert_eq!(names(TableKind::Actors), ["actor", "type", "year"]);
        assert_eq!(
            names(TableKind::Subsidies),
            ["year", "amount", "component", "budget"]
        );
        assert_eq!(
            names(TableKind::Proposals),
            [
                "proposal",
                "entity",
                "entity_type",
                "innovative",
                "environmental",
                "year",
                "amount"
            ]
        );
    }

    #[test]
    fn no_synonym_points_at_two_columns() {
        for kind in TableKind::ALL {
            let mut seen: HashMap<String, &str> = HashMap::new();
            for c in columns(kind) {
                for s in c.synonyms().chain([c.name]) {
                    let k = fold(s);
                    if let Some(other) = seen.insert(k.clone(), c.name) {
                        assert_eq!(other, c.name, "{kind}: {s} ({k})");
                    }
                }
            }
        }
    }
}
