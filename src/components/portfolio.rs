//! The portfolio page (issue 15): several projects side by side, and the pooled
//! estimate of one indicator. A page of its own (`portfolio.html`, binary
//! `portfolio`), so the main page's first visit carries none of it.
//!
//! Saved projects are read from local storage and never written; opened files are
//! computed for this view only. Every number comes from the engine
//! (`cluster_eval_types::portfolio`); texts, filters, sorting, the sentence and the
//! CSV from `cluster_eval_ui::portfolio`.

use std::rc::Rc;

use leptos::prelude::*;

use cluster_eval_protocol::compute::{PortfolioView, Reply, Request};
use cluster_eval_types::portfolio::{ByContext, ContextFact, Member, PoolError, Pooled, Table};
use cluster_eval_ui::format;
use cluster_eval_ui::i18n::Lang;
use cluster_eval_ui::names::indicator_name;
use cluster_eval_ui::portfolio::{self as pf, t, tf, Fact, FileError, Filters, SortKey};
use cluster_eval_ui::store::{ProjectMeta, INDEX_KEY, LANG_KEY};

use crate::components::notices::document_error;
use crate::components::portfolio_contexts::{by_context_view, compare_by_select, totals_view};
use crate::components::portfolio_forest::{estimate_ends, forest, scale, Diamond};
use crate::compute_link::{Answer, ComputeLink};
use crate::files;

/// One project of the view and where it came from.
#[derive(Clone)]
struct Entry {
    /// The project's key in the compute worker, which keeps it for pooling.
    key: u32,
    /// `saved:<id>` or `file:<name>#<n>`.
    source: String,
    /// The file the reader opened, or the saved project: what the copy notice names.
    origin: pf::Origin,
    member: Member,
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn read_key(key: &str) -> Option<String> {
    local()?.get_item(key).ok()?
}

/// The language the main page uses: the one chosen there, else the browser's.
fn language() -> Lang {
    read_key(LANG_KEY)
        .and_then(|c| Lang::from_code(&c))
        .unwrap_or_else(crate::browser_lang::from_browser)
}

fn saved_projects() -> Vec<ProjectMeta> {
    read_key(INDEX_KEY)
        .and_then(|text| serde_json::from_str::<Vec<ProjectMeta>>(&text).ok())
        .unwrap_or_default()
}

fn file_error(lang: Lang, error: &FileError) -> String {
    match error {
        FileError::Document(e) => document_error(lang, e),
        FileError::NewerPortfolio { found } => tf(
            lang,
            "file.newer_portfolio",
            &[
                ("found", found.to_string()),
                ("supported", pf::VERSION.to_string()),
            ],
        ),
        FileError::BadPortfolio => t(lang, "file.bad_portfolio").to_string(),
        FileError::InPortfolio { n, error } => tf(
            lang,
            "file.document",
            &[
                ("n", n.to_string()),
                ("reason", document_error(lang, error)),
            ],
        ),
    }
}

fn cell_text(lang: Lang, id: &str, member: &Member, value: Option<f64>) -> String {
    let unit = member
        .results
        .indicator(id)
        .map(|i| i.unit)
        .unwrap_or(cluster_eval_types::Unit::Ratio);
    format::value(lang, id, unit, value, &member.document.project.currency)
}

fn number_attr(v: Option<f64>) -> String {
    v.filter(|v| v.is_finite())
        .map(|v| v.to_string())
        .unwrap_or_default()
}

/// A name the reader typed (a project's, a file's), isolated inside a sentence: the
/// A sentence whose names were marked by `pf::isolate` (Unicode first-strong isolate
/// marks), drawn with each name in a `<bdi>` (the marks themselves left out, so the
/// text reads as before).
pub(crate) fn sentence_view(text: String) -> impl IntoView {
    let mut parts = Vec::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find('\u{2068}') {
        let after = &rest[start + '\u{2068}'.len_utf8()..];
        let Some(end) = after.find('\u{2069}') else {
            break;
        };
        parts.push((rest[..start].to_string(), Some(after[..end].to_string())));
        rest = &after[end + '\u{2069}'.len_utf8()..];
    }
    parts.push((rest.to_string(), None));
    parts
        .into_iter()
        .map(|(text, name)| view! { {text} {name.map(|n| view! { <bdi>{n}</bdi> })} })
        .collect_view()
}

/// The portfolio page's side of the compute worker: it keeps every project the page
/// has under a key, and is started again (with every project sent again) after a
/// failure.
#[derive(Clone, Copy)]
struct Worker {
    link: StoredValue<Option<Rc<ComputeLink>>, LocalStorage>,
    next_key: StoredValue<u32>,
    entries: RwSignal<Vec<Entry>>,
    problems: RwSignal<Vec<String>>,
    lang: RwSignal<Lang>,
}

impl Worker {
    fn new(
        entries: RwSignal<Vec<Entry>>,
        problems: RwSignal<Vec<String>>,
        lang: RwSignal<Lang>,
    ) -> Self {
        Worker {
            link: StoredValue::new_local(None),
            next_key: StoredValue::new(1),
            entries,
            problems,
            lang,
        }
    }

    /// The running link; a new one is given every project the page has.
    fn link(self) -> Option<Rc<ComputeLink>> {
        if let Some(link) = self.link.with_value(|l| l.clone()) {
            return Some(link);
        }
        let link = ComputeLink::start("", move |answer| {
            if let Answer::Failed { reason } = answer {
                self.failed(reason);
            }
        })?;
        self.link.set_value(Some(link.clone()));
        let again: Vec<(u32, String)> = self.entries.with_untracked(|e| {
            e.iter()
                .map(|x| (x.key, x.member.document.to_json()))
                .collect()
        });
        for (key, document) in again {
            let link = link.clone();
            leptos::task::spawn_local(async move {
                let _ = link.ask(&Request::AddProject { key, document }).await;
            });
        }
        Some(link)
    }

    fn failed(self, reason: String) {
        leptos::logging::warn!("the calculation stopped: {reason}");
        if let Some(link) = self.link.with_value(|l| l.clone()) {
            link.stop();
        }
        self.link.set_value(None);
        let lang = self.lang.get_untracked();
        self.problems.update(|p| {
            let text = t(lang, "calc.stopped").to_string();
            if !p.contains(&text) {
                p.push(text);
            }
        });
    }

    /// Computes `document` in the worker, kept there under a new key.
    async fn add(self, document: cluster_eval_types::Document) -> Option<(u32, Member)> {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        let request = Request::AddProject {
            key,
            document: document.to_json(),
        };
        match self.link()?.ask(&request).await {
            Ok(Reply::Project { results, firms, .. }) => Some((
                key,
                Member {
                    document,
                    results,
                    firms,
                },
            )),
            Ok(_) | Err(_) => None,
        }
    }

    fn forget(self, keys: Vec<u32>) {
        if keys.is_empty() {
            return;
        }
        if let Some(link) = self.link.with_value(|l| l.clone()) {
            leptos::task::spawn_local(async move {
                let _ = link.ask(&Request::RemoveProjects { keys }).await;
            });
        }
    }

    async fn view(
        self,
        shown: Vec<u32>,
        all: Vec<u32>,
        pool: Option<String>,
        by: Option<ContextFact>,
    ) -> Option<PortfolioView> {
        let request = Request::Portfolio {
            shown,
            all,
            pool,
            by,
        };
        match self.link()?.ask(&request).await {
            Ok(Reply::Portfolio(view)) => Some(*view),
            _ => None,
        }
    }
}

#[component]
pub fn PortfolioApp() -> impl IntoView {
    let lang = RwSignal::new(language());
    Effect::new(move |_| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.get().code());
        }
    });
    // Another tab may change the language or the projects.
    let saved = RwSignal::new(saved_projects());
    let other_tab = window_event_listener(leptos::ev::storage, move |_| {
        saved.set(saved_projects());
        // The language's texts first (fetched the first time it is chosen).
        let chosen = language();
        leptos::task::spawn_local(async move {
            // Without its texts (offline), the page stays whole in the language it has.
            if crate::lang_files::ensure_from("../", chosen).await && lang.get_untracked() != chosen
            {
                lang.set(chosen);
            }
        });
    });
    on_cleanup(move || other_tab.remove());

    let entries: RwSignal<Vec<Entry>> = RwSignal::new(Vec::new());
    let problems: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let busy = RwSignal::new(false);
    let filters = RwSignal::new(Filters::default());
    let sort_by: RwSignal<Option<(SortKey, bool)>> = RwSignal::new(None);
    let pool_id: RwSignal<Option<String>> = RwSignal::new(None);
    let compare_by: RwSignal<Option<ContextFact>> = RwSignal::new(None);

    // The compute worker computes each project and keeps it for the table and the
    // pooling (the page computes nothing: docs/architecture.md).
    let worker = Worker::new(entries, problems, lang);

    let toggle_saved = move |meta: ProjectMeta, on: bool| {
        let source = format!("saved:{}", meta.id);
        if !on {
            let gone: Vec<u32> = entries.with_untracked(|e| {
                e.iter()
                    .filter(|x| x.source == source)
                    .map(|x| x.key)
                    .collect()
            });
            entries.update(|e| e.retain(|x| x.source != source));
            worker.forget(gone);
            return;
        }
        let lang = lang.get_untracked();
        match read_key(&cluster_eval_ui::store::storage::doc_key(&meta.id))
            .ok_or(())
            .and_then(|text| cluster_eval_types::Document::from_json(&text).map_err(|_| ()))
        {
            Ok(document) => leptos::task::spawn_local(async move {
                if let Some((key, member)) = worker.add(document).await {
                    entries.update(|e| {
                        e.push(Entry {
                            key,
                            source,
                            origin: pf::Origin::Saved {
                                name: meta.name.clone(),
                            },
                            member,
                        })
                    });
                }
            }),
            Err(()) => problems.update(|p| {
                p.push(tf(
                    lang,
                    "file.refused",
                    &[
                        ("file", pf::isolate(&meta.name)),
                        ("reason", t(lang, "file.unreadable").into()),
                    ],
                ))
            }),
        }
    };

    // Files are read and computed one document at a time, with a turn of the event
    // loop between two (the page keeps answering), and added to the view at once:
    // one render of the table, not one per document.
    let open_files = move |list: web_sys::FileList| {
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        busy.set(true);
        problems.set(Vec::new());
        leptos::task::spawn_local(async move {
            let lang = lang.get_untracked();
            let mut added: Vec<Entry> = Vec::new();
            let mut refused: Vec<String> = Vec::new();
            for file in files {
                let name = file.name();
                let text = match files::read_text(&file).await {
                    Ok((text, _)) => text,
                    Err(_) => {
                        refused.push(tf(
                            lang,
                            "file.refused",
                            &[
                                ("file", pf::isolate(&name)),
                                ("reason", t(lang, "file.unreadable").into()),
                            ],
                        ));
                        continue;
                    }
                };
                match pf::read_file(&text) {
                    Ok(documents) => {
                        let count = documents.len();
                        for (n, document) in documents.into_iter().enumerate() {
                            crate::timers::sleep(0).await;
                            let Some((key, member)) = worker.add(document).await else {
                                continue;
                            };
                            added.push(Entry {
                                key,
                                source: format!("file:{name}#{n}"),
                                origin: pf::Origin::File {
                                    name: name.clone(),
                                    n: n + 1,
                                    count,
                                },
                                member,
                            });
                        }
                    }
                    Err(error) => refused.push(format!(
                        "{} {}",
                        tf(
                            lang,
                            "file.refused",
                            &[
                                ("file", pf::isolate(&name)),
                                ("reason", file_error(lang, &error))
                            ],
                        ),
                        t(lang, "saved_untouched")
                    )),
                }
            }
            entries.update(|e| e.extend(added));
            problems.set(refused);
            busy.set(false);
        });
    };

    // The projects the filters let through, with their positions in the portfolio.
    let shown = Memo::new(move |_| {
        entries.with(|e| {
            let members: Vec<Member> = e.iter().map(|x| x.member.clone()).collect();
            let keep = pf::filter(&members, &filters.get());
            let chosen: Vec<Member> = keep.iter().map(|&i| members[i].clone()).collect();
            (keep, chosen)
        })
    });
    // The table, what can be pooled and the pooled estimate, from the worker: asked
    // again whenever the projects shown or the indicator to pool change; only the
    // latest answer is shown.
    // With the keys of the projects it was computed for: while a newer answer is on
    // its way, the table is not drawn against projects it does not describe.
    let answer: RwSignal<Option<(Vec<u32>, PortfolioView)>> = RwSignal::new(None);
    let shown_keys = Memo::new(move |_| {
        entries.with(|e| {
            shown.with(|(keep, _)| {
                keep.iter()
                    .filter_map(|&i| e.get(i).map(|x| x.key))
                    .collect::<Vec<u32>>()
            })
        })
    });
    let view = Memo::new(move |_| {
        answer.with(|a| match a {
            Some((keys, view)) if shown_keys.with(|k| k == keys) => Some(view.clone()),
            _ => None,
        })
    });
    let asked = StoredValue::new(0u32);
    Effect::new(move |_| {
        let keys = shown_keys.get();
        let all_keys = entries.with(|e| e.iter().map(|x| x.key).collect::<Vec<_>>());
        let pool = pool_id.get();
        let by = compare_by.get();
        let n = asked.get_value().wrapping_add(1);
        asked.set_value(n);
        leptos::task::spawn_local(async move {
            let view = worker.view(keys.clone(), all_keys, pool, by).await;
            if asked.get_value() == n {
                answer.set(view.map(|v| (keys, v)));
            }
        });
    });
    let table = Memo::new(move |_| {
        view.with(|v| v.as_ref().map(|v| v.table.clone()))
            .unwrap_or_default()
    });
    let pool_ids = Memo::new(move |_| {
        view.with(|v| v.as_ref().map(|v| v.pool_ids.clone()).unwrap_or_default())
    });
    let current_pool_id =
        Memo::new(move |_| view.with(|v| v.as_ref().and_then(|v| v.pool_id.clone())));
    let pooled = Memo::new(move |_| view.with(|v| v.as_ref().and_then(|v| v.pooled.clone())));
    let totals = Memo::new(move |_| view.with(|v| v.as_ref().map(|v| v.totals.clone())));
    let by_context: Memo<Option<Result<ByContext, PoolError>>> =
        Memo::new(move |_| view.with(|v| v.as_ref().and_then(|v| v.by_context.clone())));
    let copies_text = move || {
        let lang = lang.get();
        let copies = view.with(|v| v.as_ref().map(|v| v.copies.clone()).unwrap_or_default());
        entries.with(|e| {
            copies
                .iter()
                .enumerate()
                .filter_map(|(i, of)| {
                    let of = (*of)?;
                    Some(pf::copy_notice(lang, &e.get(i)?.origin, &e.get(of)?.origin))
                })
                .collect::<Vec<_>>()
        })
    };

    let export_csv = move |_| {
        let lang = lang.get_untracked();
        let pooled = pooled.get_untracked().and_then(|p| p.ok());
        let by = by_context.get_untracked().and_then(|b| b.ok());
        let text = table.with_untracked(|t| pf::table_csv(lang, t, pooled.as_ref(), by.as_ref()));
        let _ = files::download("portfolio.csv", "text/csv;charset=utf-8", &text);
    };
    let export_json = move |_| {
        let by = by_context.get_untracked().and_then(|b| b.ok());
        let text = entries.with_untracked(|e| {
            let members: Vec<Member> = e.iter().map(|x| x.member.clone()).collect();
            pf::to_json_with(&members, by.as_ref())
        });
        let _ = files::download("portfolio.json", "application/json", &text);
    };

    let filter_select = move |which: Fact, key: &'static str, testid: &'static str| {
        let options = move || {
            entries.with(|e| {
                let members: Vec<Member> = e.iter().map(|x| x.member.clone()).collect();
                pf::choices(&members, which)
            })
        };
        view! {
            <label class="portfolio-filter">
                {move || t(lang.get(), key)} " "
                <select
                    data-testid=testid
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let v = (!v.is_empty()).then_some(v);
                        filters.update(|f| match which {
                            Fact::Country => f.country = v,
                            Fact::Sector => f.sector = v,
                            Fact::Agency => f.agency = v,
                        });
                    }
                >
                    <option value="">{move || t(lang.get(), "filter.all")}</option>
                    {move || options().into_iter().map(|o| view! { <option value=o.clone()>{o.clone()}</option> }).collect_view()}
                </select>
            </label>
        }
    };

    let header = move |key: SortKey, label: String| {
        let k2 = key.clone();
        let k3 = key.clone();
        let aria = move || match sort_by.get() {
            Some((k, false)) if k == k3 => "ascending",
            Some((k, true)) if k == k3 => "descending",
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="sort" on:click=move |_| {
                    let next = match sort_by.get_untracked() {
                        Some((k, desc)) if k == k2 => Some((k, !desc)),
                        _ => Some((k2.clone(), false)),
                    };
                    sort_by.set(next);
                }>{label}</button>
            </th>
        }
    };

    let table_view = move || {
        let lang = lang.get();
        let (keep, members) = shown.get();
        if members.is_empty() {
            return view! { <p data-testid="portfolio-empty">{t(lang, "empty")}</p> }.into_any();
        }
        let table: Table = table.get();
        if table.rows.len() != members.len() {
            // The worker's answer for these projects is on its way.
            return view! { <p role="status">{t(lang, "computing")}</p> }.into_any();
        }
        let order = match sort_by.get() {
            Some((key, desc)) => pf::sort(&table, &key, desc),
            None => (0..table.rows.len()).collect(),
        };
        let ids = table.ids.clone();
        let heads = ids
            .iter()
            .map(|id| header(SortKey::Id(id.clone()), indicator_name(lang, id)))
            .collect_view();
        let rows = order
            .into_iter()
            .map(|r| {
                let row = table.rows[r].clone();
                let index = keep[r];
                let member = &members[r];
                let years = match (row.baseline_year, row.followup_year) {
                    (Some(b), Some(f)) => format!("{b}–{f}"),
                    _ => "—".into(),
                };
                let copy = row.copy_of.map(|of| {
                    let name = table.rows.iter().find(|x| x.index == of).map(|x| x.name.clone()).unwrap_or_default();
                    view! { <small class="copy">" (" {sentence_view(tf(lang, "copy_of", &[("name", pf::isolate(&name))]))} ")"</small> }
                });
                let cells = row
                    .cells
                    .iter()
                    .map(|c| {
                        let status = c.status.map(|s| s.code()).unwrap_or("absent");
                        let text = cell_text(lang, &c.id, member, c.value);
                        // The verdict's words, never the engine's "met" (issue 25).
                        let verdict = pf::cell_verdict(c, member.document.targets.contains_key(&c.id));
                        let title = pf::cell_verdict_word(lang, verdict);
                        view! {
                            <td
                                class=format!("cell verdict-{verdict}")
                                data-testid=format!("portfolio-cell-{index}-{}", c.id)
                                data-value=number_attr(c.value)
                                data-status=status
                                data-verdict=verdict
                                title=title
                            >
                                {text}
                                <span class="visually-hidden">" (" {title} ")"</span>
                            </td>
                        }
                    })
                    .collect_view();
                view! {
                    <tr data-testid=format!("portfolio-row-{index}")>
                        <th scope="row"><bdi>{row.name.clone()}</bdi> {copy}</th>
                        <td>{row.country.clone().unwrap_or_default()}</td>
                        <td>{row.sector.clone().unwrap_or_default()}</td>
                        <td>{row.executing_agency.clone().unwrap_or_default()}</td>
                        <td>{years}</td>
                        <td data-testid=format!("portfolio-firms-{index}")>{row.firms}</td>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        let median = table
            .summaries
            .iter()
            .map(|s| {
                // Never labelled with one project's currency (issue 24).
                let (text, mixed) = pf::median_text(lang, &table, s);
                let value = if mixed.is_some() { None } else { s.median };
                let hint = mixed.map(|h| view! { " " <small class="hint" data-testid=format!("portfolio-median-hint-{}", s.id)>"(" {h} ")"</small> });
                view! { <td data-testid=format!("portfolio-median-{}", s.id) data-value=number_attr(value)>{text}{hint}</td> }
            })
            .collect_view();
        let by_verdict = pf::verdict_counts(&table, |r, id| {
            members
                .get(r)
                .is_some_and(|m| m.document.targets.contains_key(id))
        });
        let counts = table
            .summaries
            .iter()
            .zip(by_verdict)
            .map(|(s, pairs)| {
                let parts = pairs
                    .into_iter()
                    .map(|(code, n)| {
                        view! { <span class=format!("count verdict-{code}") data-verdict=code>{format!("{n} {}", pf::cell_verdict_word(lang, code))}</span> " " }
                    })
                    .collect_view();
                view! { <td data-testid=format!("portfolio-counts-{}", s.id)>{parts}</td> }
            })
            .collect_view();
        view! {
            <p class="hint no-print">{t(lang, "sort.hint")}</p>
            <div class="table-scroll">
                <table class="portfolio-table" data-testid="portfolio-table">
                    <thead>
                        <tr>
                            {header(SortKey::Name, t(lang, "col.project").into())}
                            {header(SortKey::Country, t(lang, "col.country").into())}
                            {header(SortKey::Sector, t(lang, "col.sector").into())}
                            {header(SortKey::Agency, t(lang, "col.agency").into())}
                            {header(SortKey::Years, t(lang, "col.years").into())}
                            {header(SortKey::Firms, t(lang, "col.firms").into())}
                            {heads}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                    <tfoot>
                        <tr class="summary">
                            <th scope="row" colspan="6">{t(lang, "summary.median")}</th>
                            {median}
                        </tr>
                        <tr class="summary">
                            <th scope="row" colspan="6">{t(lang, "summary.verdicts")}</th>
                            {counts}
                        </tr>
                    </tfoot>
                </table>
            </div>
        }
        .into_any()
    };

    let pool_view = move || {
        let lang = lang.get();
        let ids = pool_ids.get();
        if ids.is_empty() {
            return ().into_any();
        }
        let current = current_pool_id.get();
        let select = view! {
            <label>
                {t(lang, "pool.choose")} " "
                <select data-testid="pool-id" on:change=move |ev| pool_id.set(Some(event_target_value(&ev)))>
                    {ids.iter().map(|id| {
                        let selected = current.as_deref() == Some(id.as_str());
                        view! { <option value=id.clone() selected=selected>{indicator_name(lang, id)}</option> }
                    }).collect_view()}
                </select>
            </label>
        };
        let by_select = compare_by_select(lang, compare_by.get(), move |f| compare_by.set(f));
        let split = by_context.get().map(|b| by_context_view(lang, b));
        let body = match pooled.get() {
            None => ().into_any(),
            Some(Err(PoolError::MixedCurrencies { id, currencies })) => view! {
                <p class="problem" role="alert" data-testid="pool-refused">
                    {tf(lang, "pool.mixed", &[("id", indicator_name(lang, &id)), ("currencies", currencies.join(", "))])}
                </p>
            }
            .into_any(),
            Some(Ok(p)) => pooled_view(lang, p, split).into_any(),
        };
        view! {
            <section class="portfolio-pool" aria-labelledby="pool-title">
                <h2 id="pool-title">{t(lang, "pool.title")}</h2>
                <div class="pool-controls no-print">{select} " " {by_select}</div>
                {body}
            </section>
        }
        .into_any()
    };

    view! {
        <header class="app-header">
            <h1>{move || t(lang.get(), "title")}</h1>
            <p class="tagline no-print"><a href="../" data-testid="back">{move || t(lang.get(), "back")}</a></p>
        </header>
        <main class="main portfolio" id="main" data-testid="portfolio">
            <p class="no-print">{move || t(lang.get(), "intro")}</p>
            <section class="no-print portfolio-pick">
                <h2>{move || t(lang.get(), "saved")}</h2>
                {move || {
                    let lang = lang.get();
                    let list = saved.get();
                    if list.is_empty() {
                        return view! { <p>{t(lang, "saved_none")}</p> }.into_any();
                    }
                    view! {
                        <ul class="saved-list">
                            {list.into_iter().map(|meta| {
                                let m = meta.clone();
                                let source = format!("saved:{}", meta.id);
                                let checked = move || entries.with(|e| e.iter().any(|x| x.source == source));
                                view! {
                                    <li><label>
                                        <input type="checkbox" data-testid=format!("portfolio-saved-{}", meta.id)
                                            prop:checked=checked
                                            on:change=move |ev| toggle_saved(m.clone(), event_target_checked(&ev)) />
                                        " " <bdi>{meta.name.clone()}</bdi>
                                    </label></li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <label class="file-button">
                    {move || t(lang.get(), "open")} " "
                    <input type="file" multiple accept=".json,application/json" data-testid="open-portfolio"
                        on:change=move |ev| {
                            let input: web_sys::HtmlInputElement = event_target(&ev);
                            if let Some(list) = input.files() {
                                open_files(list);
                            }
                            input.set_value("");
                        } />
                </label>
                " "
                <button type="button" data-testid="portfolio-clear" on:click=move |_| {
                    let gone: Vec<u32> = entries.with_untracked(|e| e.iter().map(|x| x.key).collect());
                    entries.set(Vec::new());
                    problems.set(Vec::new());
                    worker.forget(gone);
                }>
                    {move || t(lang.get(), "clear")}
                </button>
                <span role="status" data-testid="portfolio-busy">{move || if busy.get() { t(lang.get(), "computing") } else { "" }}</span>
            </section>
            <div role="alert" data-testid="portfolio-problems">
                {move || problems.get().into_iter().map(|p| view! { <p class="problem">{sentence_view(p)}</p> }).collect_view()}
                {move || copies_text().into_iter().map(|p| view! { <p class="warning" data-testid="portfolio-copy">{sentence_view(p)}</p> }).collect_view()}
            </div>
            <div class="portfolio-filters no-print">
                {filter_select(Fact::Country, "col.country", "filter-country")}
                {filter_select(Fact::Sector, "col.sector", "filter-sector")}
                {filter_select(Fact::Agency, "col.agency", "filter-agency")}
            </div>
            <p class="no-print">
                <button type="button" data-testid="portfolio-export-csv" on:click=export_csv>{move || t(lang.get(), "export.csv")}</button>
                " "
                <button type="button" data-testid="portfolio-export-json" on:click=export_json>{move || t(lang.get(), "export.json")}</button>
            </p>
            {move || {
                let lang = lang.get();
                let has = entries.with(|e| !e.is_empty());
                totals.get().filter(|_| has).map(|t| totals_view(lang, &t))
            }}
            {table_view}
            {pool_view}
        </main>
    }
}

/// The pooled estimate: its figures (DerSimonian–Laird, Hartung–Knapp, prediction),
/// the sentence and its verdict, the forest plot — or, compared by a fact, one block
/// per level (`split`) — and the projects not pooled.
fn pooled_view(lang: Lang, p: Pooled, split: Option<AnyView>) -> impl IntoView {
    let id = p.id.clone();
    let e = p.estimate.clone();
    let unit = p.unit.unwrap_or(cluster_eval_types::Unit::Ratio);
    let show = move |v: f64| format::value(lang, &id, unit, Some(v), "");
    let sentence = pf::sentence(lang, &p);
    let verdict = pf::pooled_verdict(&p).unwrap_or("");
    let figures = match &e {
        Some(e) => {
            let (hk_low, hk_high) = pf::interval(e);
            let mut lines = vec![
                format!("{}: {}", t(lang, "pool.pooled"), show(e.pooled)),
                format!(
                    "{} [{} ; {}]",
                    t(lang, "pool.hk"),
                    show(hk_low),
                    show(hk_high)
                ),
                format!(
                    "{} [{} ; {}]",
                    t(lang, "pool.dl"),
                    show(e.low),
                    show(e.high)
                ),
            ];
            if let (Some(a), Some(b)) = (e.pi_low, e.pi_high) {
                lines.push(format!(
                    "{} [{} ; {}]",
                    t(lang, "pool.pi"),
                    show(a),
                    show(b)
                ));
            }
            lines.push(tf(
                lang,
                "pool.figures",
                &[
                    ("tau2", format::number(lang, e.tau2, 4)),
                    (
                        "i2",
                        format!("{}\u{a0}%", format::number(lang, e.i2 * 100.0, 0)),
                    ),
                    ("k", e.k.to_string()),
                ],
            ));
            lines
        }
        None => vec![t(lang, "pool.too_few").to_string()],
    };
    let figures = figures
        .into_iter()
        .map(|l| view! { <li>{l}</li> })
        .collect_view();
    let not_pooled = p
        .projects
        .iter()
        .filter(|l| !l.pooled)
        .map(|l| {
            let reason = l.reason.map(|r| t(lang, pf::reason_key(r))).unwrap_or("");
            view! { <li data-testid=format!("not-pooled-{}", l.index)><bdi>{l.name.clone()}</bdi> {format!(": {reason}")}</li> }
        })
        .collect_view();
    let any_not_pooled = p.projects.iter().any(|l| !l.pooled);
    let plot = match split {
        Some(split) => split,
        None => {
            let range = scale(
                p.projects.iter(),
                e.as_ref().map(estimate_ends).unwrap_or_default(),
            );
            let diamond = e
                .as_ref()
                .map(|e| Diamond::of(t(lang, "pool.pooled").to_string(), e));
            forest(lang, &p.id, p.unit, &p.projects, diamond, range, true).into_any()
        }
    };
    view! {
        <div
            data-testid=format!("pooled-{}", p.id)
            data-value=number_attr(e.as_ref().map(|e| e.pooled))
            data-low=number_attr(e.as_ref().map(|e| e.low))
            data-high=number_attr(e.as_ref().map(|e| e.high))
            data-hk-low=number_attr(e.as_ref().and_then(|e| e.hk_low))
            data-hk-high=number_attr(e.as_ref().and_then(|e| e.hk_high))
            data-pi-low=number_attr(e.as_ref().and_then(|e| e.pi_low))
            data-pi-high=number_attr(e.as_ref().and_then(|e| e.pi_high))
            data-i2=number_attr(e.as_ref().map(|e| e.i2))
            data-tau2=number_attr(e.as_ref().map(|e| e.tau2))
            data-k=p.k
            data-few-projects=p.few_projects.to_string()
            data-verdict=verdict
        >
            <ul class="pooled-figures">{figures}</ul>
            {sentence.map(|s| view! { <p class="pooled-sentence" data-testid="pooled-sentence">{s}</p> })}
            {plot}
            {any_not_pooled.then(|| view! {
                <h3>{t(lang, "pool.not_pooled")}</h3>
                <ul class="not-pooled">{not_pooled}</ul>
            })}
        </div>
    }
}
