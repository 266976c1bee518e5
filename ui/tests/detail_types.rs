//! The typed views of an indicator's detail (`cluster_eval_types::detail`) against
//! the engine's real details: the built-in example computed, each view decodes from
//! the detail of an indicator that has it, and encoding it again gives back exactly
//! the detail's entries it names (same values, same numeric types, nested values
//! whole), so the document keeps its shape.

use cluster_eval_engine::compute;
use cluster_eval_types::{
    AttritionCounts, BalanceDetail, ControlReading, DetailHead, DetailYears, EventDetail, Evidence,
    GrowthDetail, Indicator, LocalGdp, Participation, Results, ScreeningDetail,
};
use cluster_eval_ui::example;
use cluster_eval_ui::i18n::Lang;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

fn results() -> Results {
    compute(&example::document(Lang::En))
}

fn indicator<'a>(results: &'a Results, id: &str) -> &'a Indicator {
    results
        .indicator(id)
        .unwrap_or_else(|| panic!("the example computes {id}"))
}

/// Decodes `T` from the detail of `id`, checks that it names every key of `keys` and
/// that its encoding equals the detail at each key it writes; returns it.
fn round_trip<T>(results: &Results, id: &str, keys: &[&str]) -> T
where
    T: DeserializeOwned + Serialize + std::fmt::Debug,
{
    let i = indicator(results, id);
    let typed: T = i
        .detail_as()
        .unwrap_or_else(|| panic!("{id}: detail decodes as {}", std::any::type_name::<T>()));
    let encoded = match serde_json::to_value(&typed).expect("encodes") {
        Value::Object(map) => map,
        other => panic!("{id}: a struct encodes as an object, got {other}"),
    };
    for key in keys {
        assert!(
            encoded.contains_key(*key),
            "{id}: {key} read into {typed:?}"
        );
    }
    for (key, value) in &encoded {
        assert_eq!(
            Some(value),
            i.detail.get(key),
            "{id}: {key} encodes back as in the document"
        );
    }
    typed
}

#[test]
fn balance_groups_decode_and_encode_back() {
    let r = results();
    for id in [
        "design.balance.beneficiaries.sales",
        "design.balance.cluster.employment",
    ] {
        let d: BalanceDetail = round_trip(&r, id, &["groups"]);
        let control = d.groups.control.expect("control firms at baseline");
        assert!(control.n > 0 && control.mean.is_some());
    }
}

#[test]
fn attrition_counts_decode_and_encode_back() {
    let r = results();
    for id in ["design.attrition.beneficiaries", "design.attrition.control"] {
        let a: AttritionCounts = round_trip(&r, id, &["firms_b", "gone", "employment_b_gone"]);
        assert!(a.gone <= a.firms_b);
    }
    // The jobs in firms gone: the counts without the employment (its value).
    let a: AttritionCounts = round_trip(&r, "pro_poor.exited_firms_jobs", &["firms_b", "gone"]);
    assert_eq!(a.employment_b_gone, None);
}

#[test]
fn years_decode_and_encode_back() {
    let r = results();
    let y: DetailYears = round_trip(
        &r,
        "design.attrition.differential",
        &["baseline_year", "followup_year"],
    );
    assert_eq!(y.baseline_year, r.baseline_year);
    assert_eq!(y.followup_year, r.followup_year);
    let pre = indicator(&r, "design.pretrend.sales");
    if pre.detail.contains_key("pre_year") {
        let y: DetailYears =
            round_trip(&r, "design.pretrend.sales", &["pre_year", "baseline_year"]);
        assert!(y.pre_year < y.baseline_year);
    }
}

#[test]
fn comparison_head_decodes_and_encodes_back() {
    let r = results();
    let h: DetailHead = round_trip(
        &r,
        "long.beneficiaries.sales.vs_control",
        &["method", "group", "versus"],
    );
    assert_eq!(h.versus.as_deref(), Some("control"));
}

#[test]
fn control_reading_and_event_study_decode_and_encode_back() {
    let r = results();
    let id = "long.beneficiaries.sales.vs_control";
    let c: ControlReading = round_trip(&r, id, &["evidence", "caveat"]);
    assert!(matches!(
        c.evidence,
        Evidence::Weak | Evidence::Limited | Evidence::Adequate
    ));
    let e: EventDetail = round_trip(&r, id, &["event"]);
    assert!(!e.event.is_empty(), "the example has an event study");
    assert!(e.event.windows(2).all(|w| w[0].year() < w[1].year()));
}

#[test]
fn growth_series_and_means_decode_and_encode_back() {
    let r = results();
    for id in [
        "long.cluster.sales.growth",
        "long.beneficiaries.employment.growth",
    ] {
        let g: GrowthDetail = round_trip(&r, id, &["mean_b", "mean_f", "series"]);
        let series = g.series.expect("a series");
        assert!(series.of("beneficiary").len() >= 2);
    }
    // A comparison's series is the same shape.
    let g: GrowthDetail = round_trip(&r, "long.beneficiaries.sales.vs_control", &["series"]);
    assert!(!g.series.expect("a series").of("control").is_empty());
}

#[test]
fn local_gdp_decodes_and_encodes_back() {
    let r = results();
    let g: LocalGdp = round_trip(&r, "long.local_gdp_vs_national", &["g_local", "g_national"]);
    assert!(g.g_local.is_some() && g.g_national.is_some());
}

#[test]
fn participation_decodes_and_encodes_back() {
    let r = results();
    let p: Participation = round_trip(
        &r,
        "short.participation_share",
        &["participating", "denominator", "source"],
    );
    assert!(p.denominator > 0.0);
}

#[test]
fn screening_detail_is_the_whole_detail() {
    let r = results();
    let s: ScreeningDetail = round_trip(
        &r,
        "screening.eligible",
        &[
            "eligible",
            "eligible_innovative",
            "proposals_count",
            "proposals",
        ],
    );
    assert_eq!(s.proposals.len(), s.proposals_count);
    assert!(!s.proposals.is_empty(), "the example has proposals");
    // The whole map, keys in the same order.
    let encoded: Map<String, Value> = cluster_eval_types::detail::to_map(&s);
    let detail = &indicator(&r, "screening.eligible").detail;
    assert_eq!(&encoded, detail);
    assert!(encoded.keys().eq(detail.keys()));
    // The share's `proposals` is a count, not the list: no screening detail there.
    assert!(indicator(&r, "screening.eligible_share")
        .screening_detail()
        .is_none());
}

#[test]
fn a_detail_of_another_kind_is_none() {
    let r = results();
    let growth = indicator(&r, "long.cluster.sales.growth");
    assert!(growth.control_reading().is_none());
    assert!(growth.event_years().is_empty());
    assert!(growth.detail_as::<LocalGdp>().is_none());
    assert!(growth.detail_as::<ScreeningDetail>().is_none());
}
