//! The built-in example project: a fictitious dairy cluster ("Valle Verde") that fills
//! every table, the project facts and the checklist, so a first visit shows every
//! indicator with real numbers. Created on the first visit and restorable any time.
//!
//! The firms table is generated from a fixed formula (no randomness at run time), so
//! the example's results are the same on every machine.

use cluster_eval_types::Lcg;
use cluster_eval_types::{
    AgencyType, AreaType, ChecklistAnswer, Document, Prices, SectorType, YesNoUnknown,
};

use crate::i18n::Lang;

const HEADER: &str = "firm\tgroup\tyear\tsales\texports\tproduction\tinvestment\temployment\tquality\tmanagement\teco_efficiency\tmarketing\timproved\tinformal\tworkers_women\tworkers_unskilled\tworkers_informal\tworkers_youth\tworkers_indigenous\tworkers_afro\tworkers_disabled\tworkers_migrant\twage_women\twage_men\tinnovation\tnew_market\texport_destinations";

/// (id prefix, group, firms, yearly sales trend)
const GROUPS: [(&str, &str, usize, f64); 4] = [
    ("VV-B", "beneficiary", 12, 0.11),
    ("VV-K", "cluster", 6, 0.06),
    ("CT", "control", 8, 0.04),
    ("SECTOR", "sector", 1, 0.035),
];

/// Firms that closed or stopped answering before the follow-up (id, group, workers in
/// the baseline year, last year with a row): the attrition checks and the jobs lost in
/// firms gone have something to say.
const CLOSED: [(&str, &str, f64, i32); 3] = [
    ("VV-B13", "beneficiary", 6.0, 2020),
    ("VV-B14", "beneficiary", 14.0, 2021),
    ("CT09", "control", 5.0, 2019),
];

/// The first year of the table: two years before the 2018 baseline, so the trends
/// before the programme can be compared.
const FIRST_YEAR: i32 = 2016;

/// One row of the firms table. The draws are made in a fixed order, so the years of
/// the programme read exactly as they did before the earlier years were added.
#[allow(clippy::too_many_arguments)]
fn push_row(
    out: &mut String,
    rng: &mut Lcg,
    id: &str,
    group: &str,
    year: i32,
    sales: f64,
    employment: f64,
    informal: bool,
) {
    let step = f64::from(year - 2018);
    let beneficiary = group == "beneficiary";
    // The control cluster exported less than the beneficiaries at baseline.
    let export_share = if group == "control" { 0.025 } else { 0.05 };
    let flag = |p: f64, r: f64| if r < p { "sí" } else { "no" };
    let p = if beneficiary {
        0.3 + 0.1 * step
    } else {
        0.3 + 0.02 * step
    };
    let women = (employment * (0.35 + 0.02 * step * if beneficiary { 1.0 } else { 0.2 })).round();
    let production = sales / 0.55;
    out.push_str(&format!(
        "\n{id}\t{group}\t{year}\t{:.0}\t{:.0}\t{:.0}\t{:.0}\t{employment:.0}\t{}\t{}\t{}\t{}\t{}\t{}\t{women:.0}\t{:.0}\t{:.0}\t{:.0}\t{:.0}\t{:.0}\t{:.0}\t{:.0}\t{:.0}\t{:.0}",
        sales,
        sales * (export_share + 0.03 * step * if beneficiary { 1.0 } else { 0.3 }).max(0.0),
        production / 1000.0,
        sales * 0.04 * (0.5 + rng.next()),
        flag(p, rng.next()),
        flag(p, rng.next()),
        flag(p * 0.7, rng.next()),
        flag(p, rng.next()),
        flag(if beneficiary { 0.2 + 0.12 * step } else { 0.2 }, rng.next()),
        if informal { "sí" } else { "no" },
        (employment * (0.45 - 0.02 * step)).round(),
        (employment * (0.3 - if beneficiary { 0.03 * step } else { 0.0 })).max(0.0).round(),
        (employment * 0.25).round(),
        (employment * 0.12).round(),
        (employment * 0.06).round(),
        (employment * 0.02).round(),
        (employment * 0.05).round(),
        310.0 + 12.0 * step + 20.0 * rng.next(),
        360.0 + 11.0 * step + 20.0 * rng.next(),
    ));
    out.push_str(&v3_cells(id, group, year));
}

/// v3 (issue 23): innovation, new market and export destinations of a firm-year. Drawn
/// from a hash of the firm and year, not from the generators, so every other value of
/// the table is what it was before these columns were added. The beneficiaries
/// innovate and find new markets more often after the 2018 baseline than the others.
fn v3_cells(id: &str, group: &str, year: i32) -> String {
    // FNV-1a over the id, the year and a salt: a fraction in [0, 1).
    let draw = |salt: u8| {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in id.bytes().chain(year.to_le_bytes()).chain([salt]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        (h >> 11) as f64 / (1u64 << 53) as f64
    };
    let after = year > 2018;
    let (p_innovation, p_market, new_destination) = match group {
        "beneficiary" if after => (0.13, 0.08, 0.3),
        "cluster" if after => (0.05, 0.04, 0.1),
        _ if after => (0.03, 0.02, 0.1),
        _ => (0.03, 0.02, 0.0),
    };
    let flag = |p: f64, r: f64| if r < p { "sí" } else { "no" };
    let base = (draw(3) * 3.0).floor();
    let gained = (1..=(year - 2018).max(0))
        .filter(|y| draw(10 + *y as u8) < new_destination)
        .count() as f64;
    format!(
        "\t{}\t{}\t{:.0}",
        flag(p_innovation, draw(1)),
        flag(p_market, draw(2)),
        base + gained
    )
}

fn firms_table() -> String {
    let mut rng = Lcg(2019);
    // The years before the programme and the closed firms draw from their own
    // generator: the programme years of the other firms stay as they were.
    let mut before = Lcg(2016);
    let mut out = String::from(HEADER);
    for (prefix, group, count, trend) in GROUPS {
        for i in 0..count {
            let id = if group == "sector" {
                prefix.to_string()
            } else {
                format!("{prefix}{:02}", i + 1)
            };
            let scale = if group == "sector" {
                400.0
            } else {
                [4.0, 8.0, 15.0, 30.0, 70.0, 260.0][i % 6] * (0.8 + 0.4 * rng.next())
            };
            let mut employment = scale.round().max(2.0);
            let mut sales = employment * (9_000.0 + 4_000.0 * rng.next());
            let beneficiary = group == "beneficiary";
            let mut informal = scale < 10.0 && rng.next() < 0.7;
            // Before the programme every group grew alike (about 5% a year).
            let growth_before = 0.05 + 0.04 * (before.next() - 0.5);
            for year in FIRST_YEAR..2018 {
                let back = 2018 - year;
                push_row(
                    &mut out,
                    &mut before,
                    &id,
                    group,
                    year,
                    sales / (1.0 + growth_before).powi(back),
                    (employment / 1.015f64.powi(back)).round().max(1.0),
                    informal,
                );
            }
            for year in 2018..=2023 {
                push_row(
                    &mut out, &mut rng, &id, group, year, sales, employment, informal,
                );
                sales *= 1.0 + trend + 0.04 * (rng.next() - 0.5);
                employment = (employment * (1.0 + trend * 0.4)).round();
                if beneficiary && informal && rng.next() < 0.35 {
                    informal = false;
                }
            }
        }
    }
    for (id, group, workers, last) in CLOSED {
        let mut sales = workers * (10_500.0 + 1_000.0 * before.next());
        let mut employment = workers;
        for year in FIRST_YEAR..=last {
            push_row(
                &mut out,
                &mut before,
                id,
                group,
                year,
                sales,
                employment,
                true,
            );
            sales *= 1.01 + 0.02 * before.next();
            if year >= 2018 {
                employment = (employment * 0.95).round().max(1.0);
            }
        }
    }
    out
}

const TERRITORY: &str = "year\tlocal_gdp\tnational_gdp
2018\t412.5\t13118
2019\t428.1\t13025
2020\t421.7\t12789
2021\t455.3\t13779
2022\t478.9\t14279
2023\t501.2\t14783";

/// v3: a `status` column; the activities that took place are `done` (or blank), and
/// three rows more were planned and not done, or cancelled.
const ACTIVITIES: &str = "activity\tyear\tfirms\tstatus
Joint cheese fair stand\t2018\t3\tdone
Shared cold-chain truck\t2018\t5\tdone
Joint cheese fair stand\t2019\t6\tdone
Shared cold-chain truck\t2019\t7\tdone
Quality certification group\t2020\t9\tdone
Export consortium\t2020\t4\tcancelled
Joint cheese fair stand\t2021\t8\tdone
Quality certification group\t2021\t11\tdone
Milk quality training\t2021\t6\tplanned
Export consortium\t2022\t5\tdone
Shared laboratory\t2022\t5\tplanned
Joint cheese fair stand\t2023\t10\tdone
Quality certification group\t2023\t12\tdone
Export consortium\t2023\t6\tdone
Shared laboratory\t2023\t4\t
Training of milkers\t2023\t2\tdone";

const ACTORS: &str = "actor\ttype\tyear
Municipality of Valle Verde\tgovernment\t2018
Dairy producers' association\tassociation\t2018
Municipality of Valle Verde\tgovernment\t2023
Dairy producers' association\tassociation\t2023
National agrarian university\tuniversity\t2023
Dairy technology centre\ttechnology centre\t2023
Regional development bank\tfinance\t2023
La Esperanza cooperative\tcooperative\t2023";

/// v3: a `budget` column; the last row was budgeted and nothing disbursed yet.
const SUBSIDIES: &str = "year\tamount\tcomponent\tbudget
2018\t120000\ttechnical assistance\t150000
2019\t180000\ttechnical assistance\t200000
2019\t95000\tjoint marketing\t100000
2020\t210000\tquality certification\t250000
2020\t60000\tjoint marketing\t60000
2021\t\tquality certification\t80000";

/// Proposals for joint initiatives (Section V): two eligible (the first innovative),
/// one with only two entities, one without a knowledge institution, one not
/// environmentally sustainable, and one whose environmental flag was left blank.
const PROPOSALS: &str = "proposal\tentity\tentity_type\tinnovative\tenvironmental\tyear\tamount
Biogas from whey\tDairy producers' association\tassociation\tyes\tyes\t2021\t85000
Biogas from whey\tLa Esperanza cooperative\tcooperative\t\t\t\t
Biogas from whey\tNational agrarian university\tuniversity\t\t\t\t
Shared cold chain\tLácteos Valle Verde\tcompany\tno\tyes\t2021\t120000
Shared cold chain\tDairy technology centre\ttechnology centre\t\t\t\t
Shared cold chain\tMunicipality of Valle Verde\tmunicipality\t\t\t\t
Cheese brand\tLa Esperanza cooperative\tcooperative\tyes\tyes\t2022\t40000
Cheese brand\tDairy technology centre\ttechnology centre\t\t\t\t
Milk collection trucks\tLácteos Valle Verde\tcompany\tno\tyes\t2022\t150000
Milk collection trucks\tLa Esperanza cooperative\tcooperative\t\t\t\t
Milk collection trucks\tRegional development bank\tfinance\t\t\t\t
Feedlot expansion\tLácteos Valle Verde\tcompany\tno\tno\t2022\t200000
Feedlot expansion\tNational agrarian university\tuniversity\t\t\t\t
Feedlot expansion\tDairy producers' association\tassociation\t\t\t\t
Organic certification\tLa Esperanza cooperative\tcooperative\tyes\t\t2022\t30000
Organic certification\tNational agrarian university\tuniversity\t\t\t\t
Organic certification\tMunicipality of Valle Verde\tmunicipality\t\t\t\t";

/// The example document, named in the reader's language.
pub fn document(lang: Lang) -> Document {
    let name = match lang {
        Lang::En => "Example: Valle Verde dairy cluster",
        Lang::Es => "Ejemplo: clúster lácteo de Valle Verde",
        Lang::Pt => "Exemplo: cluster de laticínios de Valle Verde",
    };
    let mut doc = Document::new(name);
    let p = &mut doc.project;
    p.currency = "USD".into();
    p.start_year = Some(2018);
    p.end_year = Some(2020);
    p.baseline_year = Some(2018);
    p.followup_year = Some(2023);
    p.cluster_firms = Some(40.0);
    p.institutional_arrangement = YesNoUnknown::Yes;
    p.strategic_plan_consensus = YesNoUnknown::Yes;
    p.cost_total = Some(900_000.0);
    p.cost_mif = Some(450_000.0);
    p.social_benefits = Some(6_300_000.0);
    p.rural = true;
    p.labor_intensive = true;
    // v3: the contexts of Section II of the seed, and what a reviewer asks first.
    p.sector_type = Some(SectorType::Traditional);
    p.area_type = Some(AreaType::Marginal);
    p.agency_type = Some(AgencyType::Mixed);
    p.clusters = Some(1);
    p.control_description =
        "San Isidro dairy cluster, 80 km away: the same products and firm sizes, and no programme"
            .into();
    p.data_source = "Yearly survey of the cluster's firms by the executing agency".into();
    p.prices = Some(Prices::Nominal);
    doc.tables.firms = firms_table();
    doc.tables.territory = TERRITORY.into();
    doc.tables.activities = ACTIVITIES.into();
    doc.tables.actors = ACTORS.into();
    doc.tables.subsidies = SUBSIDIES.into();
    doc.tables.proposals = PROPOSALS.into();
    use ChecklistAnswer::*;
    let answers = [
        ("poverty_targeting", Yes),
        ("gains_to_poor", Partial),
        ("winners_losers", Yes),
        ("social_protection", No),
        ("labor_standards", Partial),
        ("work_organization", Yes),
        ("artisan_niches", Yes),
        ("community_participation", Partial),
        ("access_barriers", No),
        ("marginalized_institutions", Partial),
        ("training_system", Yes),
    ];
    for (item, answer) in answers {
        doc.checklist.insert(item.to_string(), Some(answer));
    }
    doc
}
