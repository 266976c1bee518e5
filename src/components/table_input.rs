//! One table: its paste box, how it was read (separator, decimal marks, header
//! mapping — each with a control to change it), the rows in error, and a preview of
//! what was read. The raw text is stored as typed and never altered.

use cluster_eval_types::TableKind;
use cluster_eval_types::{
    columns, DecimalMark, DecimalSource, HeaderOutcome, HeaderReport, IgnoredBecause,
    InvisibleChar, MatchedBy, Separator, SeparatorSource, TableSummary,
};
use cluster_eval_types::{DecimalSetting, DelimiterSetting};
use leptos::prelude::*;

use crate::components::errors::RowErrors;
use crate::components::preview::PreviewGrid;
use crate::i18n::{t, tf, Lang};
use crate::reading::Reading;
use crate::state::AppState;

pub use cluster_eval_ui::labels::table_title_key;

fn table_hint_key(table: TableKind) -> &'static str {
    match table {
        TableKind::Firms => "table.firms.hint",
        TableKind::Territory => "table.territory.hint",
        TableKind::Activities => "table.activities.hint",
        TableKind::Actors => "table.actors.hint",
        TableKind::Subsidies => "table.subsidies.hint",
        TableKind::Proposals => "table.proposals.hint",
    }
}

/// Above this size a table is not put in the paste box: a browser takes seconds to lay
/// out a multi-megabyte text area (8.7 s for 10 MB in headless Chromium), so the box
/// shows the first lines and the full text is kept in the project, read and saved.
pub const LARGE_TABLE: usize = 256 * 1024;
/// Lines shown in the box for a large table.
const HEAD_LINES: usize = 200;

/// The first lines of a large table, for display only.
fn head(text: &str) -> String {
    let end = text
        .match_indices('\n')
        .nth(HEAD_LINES - 1)
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    text[..end].to_string()
}

/// The byte offset of a UTF-16 offset (what the DOM gives for a selection) in `text`.
fn byte_offset(text: &str, utf16: u32) -> usize {
    let mut units = 0u32;
    for (index, c) in text.char_indices() {
        if units >= utf16 {
            return index;
        }
        units += c.len_utf16() as u32;
    }
    text.len()
}

/// The table no longer holds a workbook sheet: its text is read like any paste.
fn forget_source(d: &mut cluster_eval_types::Document, table: TableKind) {
    if let Some(settings) = d.settings.tables.get_mut(table.name()) {
        settings.source = None;
    }
}

#[component]
pub fn TableInput(table: TableKind) -> impl IntoView {
    let state = expect_context::<AppState>();
    let reading = expect_context::<Reading>();
    let read = reading.table(table);
    let lang = state.lang;
    let id = format!("table-{}", table.name());
    let title_id = format!("{id}-title");
    let title_ref = title_id.clone();
    let empty = move || state.doc.with(|d| d.table_text(table).trim().is_empty());
    let large = Memo::new(move |_| state.doc.with(|d| d.table_text(table).len() > LARGE_TABLE));
    // Bumped when the text is replaced other than by typing in the box.
    let replaced = RwSignal::new(0u32);
    let size_note = move || {
        state.doc.with(|d| {
            let text = d.table_text(table);
            tf(
                lang.get(),
                "table.large",
                &[
                    ("lines", (text.matches('\n').count() + 1).to_string()),
                    ("shown", HEAD_LINES.to_string()),
                    (
                        "mb",
                        crate::format::number(lang.get(), text.len() as f64 / 1e6, 1),
                    ),
                ],
            )
        })
    };
    view! {
        <section class="card table-input" aria-labelledby=title_ref>
            <h3 id=title_id>{move || t(lang.get(), table_title_key(table))}</h3>
            <p class="hint">
                {move || t(lang.get(), table_hint_key(table))} " "
                {move || t(lang.get(), "table.paste_hint")}
            </p>
            {move || {
                state.doc.with(|d| d.settings.source_of(table.name()).map(|source| {
                    let text = tf(lang.get(), "wb.source", &[("file", source.file.clone()), ("sheet", source.sheet.clone())]);
                    view! { <p class="hint source" data-testid=format!("table-source-{}", table.name())>{text}</p> }
                }))
            }}
            <label class="visually-hidden" for=id.clone()>
                {move || t(lang.get(), table_title_key(table))}
            </label>
            <textarea
                id=id
                data-testid=format!("table-input-{}", table.name())
                rows=if table == TableKind::Firms { "12" } else { "6" }
                spellcheck="false"
                wrap="off"
                // Set when another project is opened, not on the user's own typing:
                // writing a 10 MB paste back into the box it came from costs a copy
                // across the JS boundary and a relayout, for nothing.
                prop:value=move || {
                    state.current.track();
                    state.reloaded.track();
                    replaced.track();
                    state.doc.with_untracked(|d| {
                        let text = d.table_text(table);
                        if large.get() { head(text) } else { text.to_string() }
                    })
                }
                prop:readOnly=move || large.get()
                aria-describedby=format!("table-{}-size", table.name())
                on:paste=move |ev: web_sys::ClipboardEvent| {
                    let Some(pasted) = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()) else {
                        return;
                    };
                    // Pasted text is read as pasted, not as a workbook sheet's text form.
                    if state.doc.with_untracked(|d| d.settings.source_of(table.name()).is_some()) {
                        state.edit(|d| forget_source(d, table));
                    }
                    let current_len = state.doc.with_untracked(|d| d.table_text(table).len());
                    if pasted.len() + current_len <= LARGE_TABLE && !large.get_untracked() {
                        return; // an ordinary paste: the box handles it, `input` saves it
                    }
                    ev.prevent_default();
                    let target = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlTextAreaElement>(t).ok());
                    state.edit(|d| {
                        let text = d.table_text_mut(table);
                        if large.get_untracked() {
                            // A large table is replaced as a whole by a new paste.
                            *text = pasted;
                        } else {
                            let (start, end) = target
                                .map(|t| (t.selection_start().ok().flatten().unwrap_or(0), t.selection_end().ok().flatten().unwrap_or(0)))
                                .unwrap_or((0, 0));
                            let (start, end) = (byte_offset(text, start), byte_offset(text, end));
                            text.replace_range(start.min(end)..end.max(start), &pasted);
                        }
                    });
                    replaced.update(|n| *n += 1);
                }
                on:input=move |ev| {
                    if large.get_untracked() {
                        return;
                    }
                    let text = event_target_value(&ev);
                    state.edit(|d| {
                        // A new header is a new table, not the sheet's text form edited.
                        let header = |t: &str| t.lines().next().unwrap_or("").to_string();
                        if header(d.table_text(table)) != header(&text) {
                            forget_source(d, table);
                        }
                        *d.table_text_mut(table) = text;
                    });
                }
            ></textarea>
            <Show when=move || large.get()>
                <p class="notice info" id=format!("table-{}-size", table.name()) data-testid=format!("table-large-{}", table.name())>
                    {size_note}
                    " "
                    <button type="button" data-testid=format!("table-clear-{}", table.name()) on:click=move |_| {
                        state.edit(|d| {
                            d.table_text_mut(table).clear();
                            forget_source(d, table);
                        });
                        replaced.update(|n| *n += 1);
                    }>{move || t(lang.get(), "table.clear")}</button>
                </p>
            </Show>
            <Show when=move || !empty()>
                <ReadingReport table=table read=read />
                <RowErrors table=table read=read />
                <PreviewGrid table=table read=read />
            </Show>
        </section>
    }
}

/// Separator, counts, decimal marks and header mapping, each changeable.
#[component]
fn ReadingReport(table: TableKind, read: RwSignal<TableSummary>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let name = table.name();
    view! {
        <div class="reading-report" data-testid=format!("table-report-{name}")>
            <p>
                <label>
                    {move || t(lang.get(), "report.separator")} " "
                    <select
                        data-testid=format!("delimiter-{name}")
                        on:change=move |ev| {
                            let chosen = match event_target_value(&ev).as_str() {
                                "tab" => DelimiterSetting::Tab,
                                ";" => DelimiterSetting::Semicolon,
                                "," => DelimiterSetting::Comma,
                                _ => DelimiterSetting::Auto,
                            };
                            state.edit(|d| {
                                let entry = d.settings.tables.entry(name.to_string()).or_default();
                                entry.delimiter = (chosen != DelimiterSetting::Auto).then_some(chosen);
                            });
                        }
                    >
                        {[("auto", "report.auto"), ("tab", "report.tab"), (";", "report.semicolon"), (",", "report.comma")]
                            .into_iter()
                            .map(|(value, key)| {
                                let selected = move || {
                                    state.doc.with(|d| {
                                        let forced = d.settings.tables.get(name).and_then(|t| t.delimiter);
                                        match forced {
                                            None => value == "auto",
                                            Some(DelimiterSetting::Tab) => value == "tab",
                                            Some(DelimiterSetting::Semicolon) => value == ";",
                                            Some(DelimiterSetting::Comma) => value == ",",
                                            Some(DelimiterSetting::Auto) => value == "auto",
                                        }
                                    })
                                };
                                view! { <option value=value selected=selected>{move || t(lang.get(), key)}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
                " "
                <span data-testid=format!("separator-found-{name}")>
                    {move || read.with(|r| separator_text(lang.get(), r))}
                </span>
            </p>
            <p data-testid=format!("table-counts-{name}")>
                {move || read.with(|r| tf(lang.get(), "report.counts", &[
                    ("read", r.report.rows_read.to_string()),
                    ("excluded", r.report.rows_excluded.to_string()),
                ]))}
            </p>
            {move || read.with(|r| r.report.reshaped.then(|| {
                let years = r.report.wide_years.iter().map(|y| y.to_string()).collect::<Vec<_>>().join(", ");
                view! { <p class="notice info" data-testid=format!("reshaped-{name}")>{tf(lang.get(), "report.reshaped", &[("years", years)])}</p> }
            }))}
            {move || read.with(|r| r.report.group_column_missing.then(|| view! {
                <p class="notice warning" data-testid="group-missing">{t(lang.get(), "report.group_missing")}</p>
            }))}
            {move || read.with(|r| r.report.looks_like.map(|other| view! {
                <p class="notice warning" data-testid=format!("looks-like-{name}")>
                    {tf(lang.get(), "report.looks_like", &[("table", t(lang.get(), table_title_key(other)).to_string())])}
                </p>
            }))}
            {move || read.with(|r| (r.report.invisible_count > 0).then(|| {
                let lang = lang.get();
                view! {
                    <div class="notice warning" data-testid=format!("invisible-{name}")>
                        <p>{tf(lang, "report.invisible", &[("count", r.report.invisible_count.to_string())])}</p>
                        <ul>
                            {r.report.invisible.iter().map(|i| view! {
                                <li data-line=i.line.to_string()>{invisible_at(lang, i)}</li>
                            }).collect_view()}
                        </ul>
                    </div>
                }
            }))}
            <HeaderMapping table=table read=read />
        </div>
    }
}

/// "Line 3, column sales, character 2 (U+200B)".
fn invisible_at(lang: Lang, found: &InvisibleChar) -> String {
    let column = found
        .header
        .clone()
        .or_else(|| found.column.clone())
        .unwrap_or_else(|| "?".to_string());
    tf(
        lang,
        "report.invisible_at",
        &[
            ("line", found.line.to_string()),
            ("column", column),
            ("position", found.position.to_string()),
            ("code", format!("U+{:04X}", found.code_point)),
        ],
    )
}

fn separator_text(lang: Lang, read: &TableSummary) -> String {
    let Some(sep) = read.report.separator else {
        return String::new();
    };
    let sep_key = match sep {
        Separator::Tab => "report.tab",
        Separator::Semicolon => "report.semicolon",
        Separator::Comma => "report.comma",
    };
    let how = match read.report.separator_source {
        Some(SeparatorSource::Forced) => t(lang, "report.forced"),
        Some(SeparatorSource::Workbook) => t(lang, "report.decimal_workbook"),
        _ => t(lang, "report.detected"),
    };
    format!("{} ({how})", t(lang, sep_key))
}

/// Which header became which column, with a drop-down to change it (saved in the
/// document's `columns`), and the decimal mark of each numeric column with an override.
#[component]
fn HeaderMapping(table: TableKind, read: RwSignal<TableSummary>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let name = table.name();
    view! {
        <details class="mapping" open=move || read.with(|r| r.report.ignored().next().is_some())>
            <summary>{move || t(lang.get(), "report.mapping")}</summary>
            <div class="scroll-x" tabindex="0">
                <table class="grid">
                    <thead>
                        <tr>
                            <th scope="col">{move || t(lang.get(), "report.pasted_header")}</th>
                            <th scope="col">{move || t(lang.get(), "report.read_as")}</th>
                            <th scope="col">{move || t(lang.get(), "report.decimal")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let lang = lang.get();
                            read.with(|r| {
                                r.report
                                    .headers
                                    .iter()
                                    .map(|h| header_row(state, lang, table, r, h))
                                    .collect_view()
                            })
                        }}
                    </tbody>
                </table>
            </div>
            <p class="hint" data-testid=format!("mapping-hint-{name}")>{move || t(lang.get(), "report.mapping_hint")}</p>
        </details>
    }
}

fn header_row(
    state: AppState,
    lang: Lang,
    table: TableKind,
    read: &TableSummary,
    h: &HeaderReport,
) -> impl IntoView {
    let name = table.name();
    let header = h.header.clone();
    let (column, explanation) = match &h.outcome {
        HeaderOutcome::Column { column, year, by } => {
            let by_key = match by {
                MatchedBy::Name => "report.by_name",
                MatchedBy::Synonym => "report.by_synonym",
                MatchedBy::User => "report.by_user",
            };
            let year = year.map(|y| format!(" · {y}")).unwrap_or_default();
            (Some(column.clone()), format!("{}{year}", t(lang, by_key)))
        }
        HeaderOutcome::Ignored { because } => (None, ignored_text(lang, because)),
    };
    // A year-suffixed header of a table without a year column is one year of a wide
    // column: the choice is kept under the header without its year, for every year.
    let has_year_column = read.report.headers.iter().any(|x| {
        matches!(&x.outcome, HeaderOutcome::Column { column, year: None, .. } if column == "year")
    });
    let mapping_key = match &h.base {
        Some(base) if !has_year_column => base.clone(),
        _ => header.clone(),
    };
    let user_choice = state.doc.with_untracked(|d| {
        d.columns
            .get(name)
            .and_then(|m| m.get(&mapping_key).or_else(|| m.get(&header)))
            .cloned()
    });
    let selected_value = match &user_choice {
        None => "__auto".to_string(),
        Some(None) => "__ignore".to_string(),
        Some(Some(c)) => c.clone(),
    };
    let decimal = column
        .as_deref()
        .and_then(|c| read.report.decimal(c))
        .map(|d| (d.column.clone(), d.mark, d.source));
    let header_for_change = header.clone();
    let key_for_change = mapping_key.clone();
    let options = columns(table)
        .iter()
        .map(|c| {
            let selected = selected_value == c.name;
            // The word the reader's template writes, with the canonical name when it
            // differs (the name a header may also be typed as).
            let label = crate::names::column_label(lang, c.name);
            let label = if label == c.name {
                label
            } else {
                format!("{label} ({})", c.name)
            };
            view! { <option value=c.name selected=selected>{label}</option> }
        })
        .collect_view();
    view! {
        <tr class:ignored=column.is_none()>
            <th scope="row"><bdi>{header.clone()}</bdi></th>
            <td>
                <select
                    aria-label=tf(lang, "report.map_label", &[("header", header.clone())])
                    data-testid=format!("map-{name}-{header}")
                    on:change=move |ev| {
                        let chosen = event_target_value(&ev);
                        let pasted = header_for_change.clone();
                        let header = key_for_change.clone();
                        state.edit(|d| {
                            let map = d.columns.entry(name.to_string()).or_default();
                            // A choice made before under the whole header would win.
                            map.remove(&pasted);
                            match chosen.as_str() {
                                "__auto" => {
                                    map.remove(&header);
                                }
                                "__ignore" => {
                                    map.insert(header, None);
                                }
                                column => {
                                    map.insert(header, Some(column.to_string()));
                                }
                            }
                            if map.is_empty() {
                                d.columns.remove(name);
                            }
                        });
                    }
                >
                    <option value="__auto" selected=selected_value == "__auto">
                        {format!("{} ({})", t(lang, "report.automatic"), column.clone().unwrap_or_else(|| "—".into()))}
                    </option>
                    <option value="__ignore" selected=selected_value == "__ignore">{t(lang, "report.ignore")}</option>
                    {options}
                </select>
                " "
                <small>{explanation}</small>
            </td>
            <td>{decimal.map(|(column, mark, source)| decimal_control(state, lang, name, column, mark, source))}</td>
        </tr>
    }
}

fn decimal_control(
    state: AppState,
    lang: Lang,
    table: &'static str,
    column: String,
    mark: DecimalMark,
    source: DecimalSource,
) -> impl IntoView {
    let source_key = cluster_eval_ui::decimal_check::source_key(source);
    let current = state
        .doc
        .with_untracked(|d| d.settings.decimal_override(table, &column));
    let column_for_change = column.clone();
    let mark_text = match mark {
        DecimalMark::Point => t(lang, "report.point"),
        DecimalMark::Comma => t(lang, "report.comma_mark"),
    };
    view! {
        <select
            aria-label=tf(lang, "report.decimal_label", &[("column", column.clone())])
            data-testid=format!("decimal-{table}-{column}")
            on:change=move |ev| {
                let chosen = match event_target_value(&ev).as_str() {
                    "." => DecimalSetting::Point,
                    "," => DecimalSetting::Comma,
                    _ => DecimalSetting::Auto,
                };
                let column = column_for_change.clone();
                state.edit(|d| {
                    let entry = d.settings.tables.entry(table.to_string()).or_default();
                    if chosen == DecimalSetting::Auto {
                        entry.decimal.remove(&column);
                    } else {
                        entry.decimal.insert(column, chosen);
                    }
                });
            }
        >
            <option value="auto" selected=current.is_none()>
                {format!("{} ({mark_text} — {})", t(lang, "report.automatic"), t(lang, source_key))}
            </option>
            <option value="." selected=current == Some(DecimalSetting::Point)>{t(lang, "report.point")}</option>
            <option value="," selected=current == Some(DecimalSetting::Comma)>{t(lang, "report.comma_mark")}</option>
        </select>
    }
}

fn ignored_text(lang: Lang, because: &IgnoredBecause) -> String {
    match because {
        IgnoredBecause::Unknown => t(lang, "report.ignored_unknown").to_string(),
        IgnoredBecause::Empty => t(lang, "report.ignored_empty").to_string(),
        IgnoredBecause::ByUser => t(lang, "report.ignored_by_user").to_string(),
        IgnoredBecause::InvalidMapping { target } => tf(
            lang,
            "report.ignored_invalid_mapping",
            &[("target", target.clone())],
        ),
        IgnoredBecause::ClaimedTwice { other } => tf(
            lang,
            "report.ignored_claimed_twice",
            &[("other", other.clone())],
        ),
        IgnoredBecause::YearColumnPresent => t(lang, "report.ignored_year_column").to_string(),
        IgnoredBecause::NoYearInWideTable => t(lang, "report.ignored_no_year").to_string(),
    }
}
