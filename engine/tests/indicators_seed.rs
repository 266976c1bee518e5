//! The seed document's own figures (Section 3, "results"), reproduced.

use cluster_eval_engine::indicators::{self, firms::FirmIndex, panels, productivity::Metric, Ctx};
use cluster_eval_engine::model::{Dataset, FirmYear, FirmsTable, Group, Measure};
use cluster_eval_engine::years::Years;
use cluster_eval_engine::Document;
use cluster_eval_engine::{Indicator, Status};

fn get<'a>(inds: &'a [Indicator], id: &str) -> &'a Indicator {
    inds.iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("no indicator {id}"))
}

/// Masaya (Nicaragua), three manufacturing clusters, average per firm, US$:
/// exports 12,247 → 16,734, investment 6,498 → 8,871, sales 23,637 → 32,268,
/// 2003 → 2006: "on average 11-12% per year".
#[test]
fn masaya_about_eleven_percent_a_year() {
    let per_firm = [
        (Measure::Exports, 12_247.0, 16_734.0),
        (Measure::Investment, 6_498.0, 8_871.0),
        (Measure::Sales, 23_637.0, 32_268.0),
    ];
    // Three firms (one per cluster) whose averages are the seed's: mean ± spread.
    let spread = [-0.2, 0.0, 0.2];
    let mut rows = Vec::new();
    for (i, s) in spread.iter().enumerate() {
        let id = format!("cluster{i}");
        let mut r03 = FirmYear::new(&id, Group::Beneficiary, 2003);
        let mut r06 = FirmYear::new(&id, Group::Beneficiary, 2006);
        for (m, b, f) in per_firm {
            r03 = r03.with(m, b * (1.0 + s));
            r06 = r06.with(m, f * (1.0 + s));
        }
        rows.push(r03);
        rows.push(r06);
    }
    let data = Dataset {
        firms: FirmsTable::from_rows(rows),
        ..Dataset::default()
    };
    let years = Years {
        baseline: 2003,
        followup: 2006,
    };
    let doc = Document::new("Masaya");
    let (inds, _) = indicators::compute(&doc, &data, Some(years));
    for id in ["long.cluster.sales.growth", "long.cluster.exports.growth"] {
        let ind = get(&inds, id);
        let cagr = ind.detail["cagr"].as_f64().unwrap();
        assert!((0.109..=0.110).contains(&cagr), "{id}: {cagr}");
        assert_eq!(ind.status, Status::Met);
    }
    let sales = get(&inds, "long.cluster.sales.growth");
    let mean_b = sales.detail["mean_b"].as_f64().unwrap();
    let mean_f = sales.detail["mean_f"].as_f64().unwrap();
    assert!((mean_b - 23_637.0).abs() < 1e-6 && (mean_f - 32_268.0).abs() < 1e-6);
    // Investment has no Annex II indicator of its own; the same panel arithmetic.
    let index = FirmIndex::new(&data.firms);
    let ctx = Ctx::new(&doc, &data, years, &index);
    let inv = panels::bundle(&ctx, Metric::Amount(Measure::Investment));
    let cagr = inv.panel(panels::Side::Cluster).cagr(3).unwrap();
    assert!((0.109..=0.110).contains(&cagr), "investment: {cagr}");
}

/// Chontales dairy cluster: exports US$5.64 m in 2000 → US$12.77 m in 2006.
#[test]
fn chontales_exports() {
    let rows = vec![
        FirmYear::new("dairy cluster", Group::Cluster, 2000).with(Measure::Exports, 5_640_000.0),
        FirmYear::new("dairy cluster", Group::Cluster, 2006).with(Measure::Exports, 12_770_000.0),
    ];
    let data = Dataset {
        firms: FirmsTable::from_rows(rows),
        ..Dataset::default()
    };
    let years = Years {
        baseline: 2000,
        followup: 2006,
    };
    let (inds, _) = indicators::compute(&Document::new("Chontales"), &data, Some(years));
    let ind = get(&inds, "long.cluster.exports.growth");
    let growth = ind.value.unwrap();
    assert!((growth - 1.264).abs() < 0.0005, "{growth}");
    let cagr = ind.detail["cagr"].as_f64().unwrap();
    assert!((cagr - 0.146).abs() < 0.0005, "{cagr}");
    assert_eq!(ind.detail["years"], 6);
}

/// Córdoba: seven dollars of social return per dollar invested, fourteen per MIF dollar.
#[test]
fn cordoba_returns() {
    let mut doc = Document::new("Córdoba");
    doc.project.social_benefits = Some(14_000_000.0);
    doc.project.cost_total = Some(2_000_000.0);
    doc.project.cost_mif = Some(1_000_000.0);
    let (inds, _) = indicators::compute(&doc, &Dataset::default(), None);
    let r = get(&inds, "long.return_per_dollar");
    assert_eq!(r.value, Some(7.0));
    // SPEC v3: reported, not met (the benefits are the user's figure).
    assert_eq!(r.status, Status::Reported);
    assert_eq!(get(&inds, "long.return_per_mif_dollar").value, Some(14.0));
}
