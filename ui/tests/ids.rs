//! Indicator ids read by their parts (not split by hand), and names that fall back to
//! the raw value, never to another label.

use cluster_eval_engine::{Comparison, Family, IndicatorId};
use cluster_eval_engine::{Horizon, Unit};
use cluster_eval_ui::{example, format, i18n::Lang, labels, names};

#[test]
fn an_id_is_read_by_its_parts() {
    let id = IndicatorId::parse("long.beneficiaries.sales.vs_control");
    assert_eq!(id.horizon(), Some(Horizon::Long));
    assert_eq!(id.group(), Some("beneficiaries"));
    assert_eq!(id.measure(), Some("sales"));
    assert_eq!(id.comparison(), Some(Comparison::VsControl));
    assert!(id.is_difference());
    assert!(!id.is_return());

    let size = IndicatorId::parse("pro_poor.firms.micro.vs_beneficiaries");
    assert_eq!(size.family(), Family::SizeClass("micro"));
    assert_eq!(size.group(), Some("micro"));
    assert!(IndicatorId::parse("long.return_per_mif_dollar").is_return());
    assert!(IndicatorId::parse("long.local_gdp_vs_national").is_difference());
    assert_eq!(
        IndicatorId::parse("pro_poor.share.women").family(),
        Family::WorkerShare("women")
    );
    for odd in [
        "",
        "long",
        "future.thing",
        "long.cluster.sales.vs_moon",
        "a.b.c.d.e",
    ] {
        assert_eq!(IndicatorId::parse(odd).family(), Family::Other, "{odd}");
    }
}

#[test]
fn every_indicator_of_the_example_has_a_known_id_and_a_name() {
    let results = cluster_eval_engine::compute(&example::document(Lang::En));
    for ind in &results.indicators {
        let id = IndicatorId::parse(&ind.id);
        assert_ne!(id.family(), Family::Other, "{}", ind.id);
        assert_eq!(id.horizon(), Some(ind.horizon), "{}", ind.id);
        for lang in Lang::ALL {
            assert_ne!(names::indicator_name(lang, &ind.id), ind.id, "{lang:?}");
        }
    }
    // A newer engine's id is shown as it is.
    assert_eq!(
        names::indicator_name(Lang::Es, "long.moon.growth"),
        "long.moon.growth"
    );
}

#[test]
fn values_are_shown_by_what_the_id_says() {
    let v = |id: &str, unit: Unit, x: f64| format::value(Lang::En, id, unit, Some(x), "USD");
    assert_eq!(v("pro_poor.share.women", Unit::Share, 0.02), "+2.0\u{a0}pp");
    assert_eq!(
        v("medium.strategies.quality", Unit::Share, 0.1),
        "+10.0\u{a0}pp"
    );
    assert_eq!(
        v("short.participation_share", Unit::Share, 0.5),
        format::percent(Lang::En, 0.5)
    );
    assert_eq!(v("long.return_per_dollar", Unit::Ratio, 1.5), "1.50 USD");
    assert_eq!(
        v("long.cluster.sales.vs_control", Unit::Ratio, 0.1),
        "+10.0\u{a0}pp"
    );
    assert_eq!(
        v("long.cluster.sales.growth", Unit::Ratio, 0.1),
        format::percent(Lang::En, 0.1)
    );
    assert_eq!(v("medium.institutions", Unit::Count, 3.0), "+3");
    assert_eq!(v("pro_poor.jobs.youth", Unit::Count, 4.0), "+4");
    assert_eq!(v("short.participating_firms", Unit::Count, 4.0), "4");
    assert!(labels::target_in_percent(
        "long.cluster.sales.growth",
        Unit::Ratio
    ));
    assert!(!labels::target_in_percent(
        "long.return_per_dollar",
        Unit::Ratio
    ));
}

#[test]
fn unknown_tags_and_checklist_items_are_shown_raw() {
    assert_eq!(names::tag_name(Lang::En, "coastal"), "coastal");
    assert_eq!(names::checklist_item(Lang::Pt, "new_item"), "new_item");
    for tag in cluster_eval_engine::CLUSTER_TAGS {
        assert_ne!(names::tag_name(Lang::Es, tag), tag);
    }
    for item in cluster_eval_engine::CHECKLIST_ITEMS {
        assert_ne!(names::checklist_item(Lang::Es, item), item);
    }
}
