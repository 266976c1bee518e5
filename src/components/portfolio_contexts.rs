//! v3 parts of the portfolio page (issue 23): the totals at the top, the "compare by"
//! control, and the pooled estimate split by the levels of a project fact, each
//! level a block of the forest plot with its own diamond, followed by the test for
//! subgroup differences in a plain sentence. Every number is the engine's
//! (`contexts::totals`, `contexts::by_context`, computed in the compute worker).

use leptos::prelude::*;

use cluster_eval_types::portfolio::{ByContext, ContextFact, Level, PoolError, Totals};
use cluster_eval_types::Unit;
use cluster_eval_ui::format;
use cluster_eval_ui::i18n::Lang;
use cluster_eval_ui::names::indicator_name;
use cluster_eval_ui::portfolio::{self as pf, t, tf};

use crate::components::portfolio_forest::{forest, scale, Diamond};

fn number_attr(v: Option<f64>) -> String {
    v.filter(|v| v.is_finite())
        .map(|v| v.to_string())
        .unwrap_or_default()
}

/// The totals of the projects shown.
pub fn totals_view(lang: Lang, totals: &Totals) -> impl IntoView {
    let items = pf::totals_lines(lang, totals)
        .into_iter()
        .map(|(code, key, text)| {
            view! {
                <div class="total" data-testid=format!("total-{code}")>
                    <dt>{t(lang, key)}</dt>
                    <dd>{text}</dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="portfolio-totals" aria-labelledby="totals-title" data-testid="portfolio-totals"
            data-projects=totals.projects
            data-clusters=totals.clusters
            data-countries=totals.countries
            data-beneficiary-firms=totals.beneficiary_firms
        >
            <h2 id="totals-title">{t(lang, "totals.title")}</h2>
            <dl class="totals">{items}</dl>
        </section>
    }
}

/// The "compare by" control: an empty "none" and the seven facts, by their names.
pub fn compare_by_select(
    lang: Lang,
    current: Option<ContextFact>,
    on_change: impl Fn(Option<ContextFact>) + 'static,
) -> impl IntoView {
    let options = ContextFact::ALL
        .into_iter()
        .map(|f| {
            view! { <option value=f.name() selected=current == Some(f)>{t(lang, pf::fact_key(f))}</option> }
        })
        .collect_view();
    view! {
        <label class="compare-by">
            {t(lang, "by.choose")} " "
            <select data-testid="compare-by" on:change=move |ev| on_change(ContextFact::from_name(&event_target_value(&ev)))>
                <option value="" selected=current.is_none()>{t(lang, "by.none")}</option>
                {options}
            </select>
        </label>
    }
}

/// A level's name: the reader's words, or the text as typed in a `<bdi>`.
fn level_label(lang: Lang, fact: ContextFact, level: &str) -> AnyView {
    match pf::level_name(lang, fact, level) {
        (name, true) => view! { <bdi>{name}</bdi> }.into_any(),
        (name, false) => view! { {name} }.into_any(),
    }
}

/// One level's block: its heading, its forest with its own diamond.
fn level_view(lang: Lang, by: &ByContext, level: &Level, range: (f64, f64)) -> impl IntoView {
    let unit = by.unit.unwrap_or(Unit::Ratio);
    let show = |v: f64| format::value(lang, &by.id, unit, Some(v), "");
    let figures = match (level.pooled, level.low, level.high) {
        (Some(p), Some(a), Some(b)) => {
            let note = if level.k == 1 {
                format!(" — {}", t(lang, "level.one"))
            } else {
                String::new()
            };
            format!("{} [{} ; {}]{note}", show(p), show(a), show(b))
        }
        _ => t(lang, "level.none").to_string(),
    };
    let (name, _) = pf::level_name(lang, by.by, &level.level);
    let diamond = match (level.pooled, level.low, level.high) {
        (Some(p), Some(a), Some(b)) => Some(Diamond {
            label: format!("{} ({})", t(lang, "level.pooled"), name),
            pooled: p,
            low: a,
            high: b,
            prediction: None,
        }),
        _ => None,
    };
    let heading = tf(
        lang,
        "level.heading",
        &[("level", "\u{1}".into()), ("k", level.k.to_string())],
    );
    let (before, after) = heading
        .split_once('\u{1}')
        .unwrap_or((heading.as_str(), ""));
    let (before, after) = (before.to_string(), after.to_string());
    view! {
        <div
            class="portfolio-level"
            data-testid=format!("portfolio-level-{}", level.level)
            data-level=level.level.clone()
            data-k=level.k
            data-pooled=number_attr(level.pooled)
            data-low=number_attr(level.low)
            data-high=number_attr(level.high)
            data-se=number_attr(level.se)
            data-tau2=number_attr(level.tau2)
            data-i2=number_attr(level.i2)
        >
            <h3>{before}{level_label(lang, by.by, &level.level)}{after}</h3>
            <p class="level-figures">{figures}</p>
            {forest(lang, &by.id, by.unit, &level.projects, diamond, range, false)}
        </div>
    }
}

/// The pooled estimate by context: a block per level, then the test.
pub fn by_context_view(lang: Lang, answer: Result<ByContext, PoolError>) -> AnyView {
    let by = match answer {
        Ok(by) => by,
        Err(PoolError::MixedCurrencies { id, currencies }) => {
            return view! {
                <p class="problem" role="alert" data-testid="by-refused">
                    {tf(lang, "pool.mixed", &[("id", indicator_name(lang, &id)), ("currencies", currencies.join(", "))])}
                </p>
            }
            .into_any()
        }
    };
    // One scale for every block, so the levels can be compared by eye.
    let range = scale(
        by.levels.iter().flat_map(|l| l.projects.iter()),
        by.levels
            .iter()
            .filter_map(|l| l.low.zip(l.high))
            .collect::<Vec<_>>(),
    );
    let blocks = by
        .levels
        .iter()
        .map(|l| level_view(lang, &by, l, range))
        .collect_view();
    let test = match (by.q_between, by.df, by.p) {
        (Some(q), Some(df), Some(p)) => {
            let figures = tf(
                lang,
                "subgroup.figures",
                &[
                    ("q", format::number(lang, q, 2)),
                    ("df", df.to_string()),
                    ("p", pf::p_text(lang, p)),
                ],
            );
            let sentence = pf::subgroup_sentence(lang, &by).unwrap_or_default();
            view! {
                <div class="subgroup-test" data-testid="subgroup-test"
                    data-q=q.to_string() data-df=df data-p=p.to_string()
                    data-differs=(p < 0.05).to_string()
                >
                    <p class="subgroup-sentence" data-testid="subgroup-sentence">{super::portfolio::sentence_view(sentence)}</p>
                    <p class="subgroup-figures">{figures}</p>
                </div>
            }
            .into_any()
        }
        _ => view! {
            <p class="subgroup-test" data-testid="subgroup-test" data-q="" data-df="" data-p="">{t(lang, "subgroup.too_few")}</p>
        }
        .into_any(),
    };
    view! {
        <div class="portfolio-by" data-testid="portfolio-by" data-by=by.by.name() data-id=by.id.clone()>
            {blocks}
            {test}
        </div>
    }
    .into_any()
}
