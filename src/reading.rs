//! The tables read and the results of the open document, kept up to date by the
//! compute worker (`compute_link.rs`): the page itself computes nothing.
//!
//! Every change of the document is posted to the worker, whose engine `Session` reads
//! a table again only when its own text, the reading settings or its column mapping
//! change, and recomputes the panels and bootstrap intervals only when the data, years
//! or settings change. Meanwhile the previous results stay on screen, and after a
//! moment `computing` says they are being recalculated. The page shows the answer to
//! the latest message only.
//!
//! A first visit shows the built-in example's results before the worker has arrived:
//! they were computed by the same engine when the page was built (`build.rs`), and are
//! shown whenever the open document is the example as created.

use std::rc::Rc;

use cluster_eval_protocol::compute::{decode, Computed, Reply};
use cluster_eval_types::{Document, Results, TableKind, TableSummary};
use leptos::prelude::*;

use crate::compute_link::{Answer, ComputeLink, Place};
use crate::state::AppState;

/// How long a calculation runs before the page says it is calculating.
const COMPUTING_NOTICE_AFTER: std::time::Duration = std::time::Duration::from_millis(250);

/// The example's reading and results, computed natively at build time (`build.rs`).
const EXAMPLE_COMPUTED: &str = include_str!(concat!(env!("OUT_DIR"), "/example-computed.json"));

/// The five tables read, and the results computed from them.
#[derive(Clone, Copy)]
pub struct Reading {
    reads: [RwSignal<TableSummary>; TableKind::COUNT],
    pub results: RwSignal<Results>,
    /// The worker is calculating; the results on screen are those of the document as
    /// it was before the last change.
    pub computing: RwSignal<bool>,
    /// Where the results on screen were calculated: `worker`, `page` (a browser that
    /// refuses workers runs the worker's module on the page) or `build` (the example,
    /// computed when the page was built). Shown as a `data-` attribute, for support
    /// and tests.
    pub calculated_in: RwSignal<&'static str>,
    /// The calculation stopped (the module could not be loaded, or the engine
    /// stopped on this document): why, in the engine's English, for the notice.
    pub stopped: RwSignal<Option<String>>,
    link: StoredValue<Option<Rc<ComputeLink>>, LocalStorage>,
    /// The number of the message whose answer is awaited (0: none).
    awaited: StoredValue<u32>,
    /// The results on screen are those of the document as it is now (the latest
    /// answer, or the build's for the example as created). Shown as `data-current`,
    /// so that tests wait for the answer to the last change.
    pub current: RwSignal<bool>,
    /// The link was just started: its first message asks for every table's summary.
    fresh: StoredValue<bool>,
    /// The results on screen are the build's, of the document as it is: the worker's
    /// first answer replaces them without a "calculating" notice (on a slow
    /// connection the worker takes seconds to arrive, and the figures shown are right).
    from_build: StoredValue<bool>,
    state: AppState,
}

impl Reading {
    pub fn new(state: AppState) -> Self {
        let reading = Reading {
            reads: TableKind::ALL.map(|kind| RwSignal::new(TableSummary::empty(kind))),
            results: RwSignal::new(Results::default()),
            computing: RwSignal::new(false),
            calculated_in: RwSignal::new(""),
            stopped: RwSignal::new(None),
            link: StoredValue::new_local(None),
            awaited: StoredValue::new(0),
            current: RwSignal::new(false),
            fresh: StoredValue::new(true),
            from_build: StoredValue::new(false),
            state,
        };
        state.doc.with_untracked(|doc| {
            if let Some(computed) = example_computed(doc, state.lang.get_untracked()) {
                reading.show(computed, "build");
                reading.from_build.set_value(true);
                reading.current.set(true);
            }
        });
        Effect::new(move |_| state.doc.with(|doc| reading.calculate(doc)));
        reading
    }

    /// The results on screen, when they are those of the open document as it is now
    /// (none awaited for a newer version, none stopped).
    pub fn current_results(&self) -> Option<Results> {
        (self.current.get_untracked() && self.stopped.with_untracked(Option::is_none))
            .then(|| self.results.get_untracked())
    }

    /// The open document's results, once the calculation under way (if any) has
    /// answered: what an export writes. `None` when the calculation stopped, or took
    /// longer than a minute.
    pub async fn settled_results(&self) -> Option<Results> {
        for _ in 0..1200 {
            if let Some(results) = self.current_results() {
                return Some(results);
            }
            if self.stopped.with_untracked(Option::is_some) {
                return None;
            }
            crate::timers::sleep(50).await;
        }
        None
    }

    /// The reading of one table.
    pub fn table(&self, kind: TableKind) -> RwSignal<TableSummary> {
        self.reads[slot(kind)]
    }

    fn calculate(self, doc: &Document) {
        let Some(link) = self.link() else {
            self.stopped
                .set(Some("this build has no calculation module".to_string()));
            return;
        };
        // A new link has nothing on screen from it yet: it sends every summary.
        let all = self.fresh.get_value();
        self.fresh.set_value(false);
        // On the page's own thread (a browser without workers) a calculation that never
        // returns would stop the page: the project is marked for as long as it runs,
        // so a reload does not open it again by itself (`CALCULATING_KEY`).
        if link.place == Place::Page {
            self.state.mark_calculating();
        }
        let seq = link.compute(doc, all);
        self.awaited.set_value(seq);
        if self.from_build.get_value() {
            // The document is the example as created: the build's results stay current.
            self.from_build.set_value(false);
            return;
        }
        if self.current.get_untracked() {
            self.current.set(false);
        }
        // Said only when it takes a while: an edit comes back in tens of
        // milliseconds, and a notice flashing on every key press would push the
        // results up and down.
        set_timeout(
            move || {
                if self.awaited.get_value() == seq {
                    self.computing.set(true);
                }
            },
            COMPUTING_NOTICE_AFTER,
        );
    }

    /// The running link, started on first need (and again after a failure).
    fn link(self) -> Option<Rc<ComputeLink>> {
        if let Some(link) = self.link.with_value(|l| l.clone()) {
            return Some(link);
        }
        let link = ComputeLink::start("", move |answer| self.answered(answer))?;
        self.link.set_value(Some(link.clone()));
        self.fresh.set_value(true);
        Some(link)
    }

    fn answered(self, answer: Answer) {
        let place = self.link.with_value(|l| l.as_ref().map(|l| l.place));
        if place == Some(Place::Page) {
            self.state.unmark_calculating();
        }
        match answer {
            Answer::Reply { seq, reply } => {
                let latest = seq == self.awaited.get_value();
                match reply {
                    Reply::Computed(computed) if latest => {
                        self.awaited.set_value(0);
                        if !self.current.get_untracked() {
                            self.current.set(true);
                        }
                        let from = match place {
                            Some(Place::Page) => "page",
                            _ => "worker",
                        };
                        self.show(computed, from);
                    }
                    // An answer to an older version: its results are outdated, but its
                    // summaries are kept, because the awaited answer only carries the
                    // tables that changed since this one.
                    Reply::Computed(computed) => self.show_reads(computed.reads),
                    Reply::Refused { reason } => self.stop(reason),
                    // Answers to the portfolio's requests: never asked here.
                    Reply::Project { .. } | Reply::Removed | Reply::Portfolio(_) => {}
                }
            }
            Answer::Failed { reason } => {
                leptos::logging::warn!("the calculation stopped: {reason}");
                // This worker is done for: the next change starts a new one.
                if let Some(link) = self.link.with_value(|l| l.clone()) {
                    link.stop();
                }
                self.link.set_value(None);
                self.stop(reason);
            }
        }
    }

    fn stop(self, reason: String) {
        self.awaited.set_value(0);
        self.stopped.set(Some(reason));
        if self.computing.get_untracked() {
            self.computing.set(false);
        }
    }

    fn show(self, computed: Computed, from: &'static str) {
        self.show_reads(computed.reads);
        if self.results.with_untracked(|old| *old != computed.results) {
            self.results.set(computed.results);
        }
        if self.calculated_in.get_untracked() != from {
            self.calculated_in.set(from);
        }
        if self.computing.get_untracked() {
            self.computing.set(false);
        }
        if self.stopped.with_untracked(Option::is_some) {
            self.stopped.set(None);
        }
    }

    /// Shows the summaries of the tables read again (`None`: unchanged).
    fn show_reads(self, reads: Vec<Option<TableSummary>>) {
        for (signal, summary) in self.reads.iter().zip(reads) {
            if let Some(summary) = summary {
                if signal.with_untracked(|old| *old != summary) {
                    signal.set(summary);
                }
            }
        }
    }
}

/// The example's build-time results, when `doc` is the example as created (in any
/// language: only its name differs, and no figure depends on it).
fn example_computed(doc: &Document, lang: crate::i18n::Lang) -> Option<Computed> {
    let example = crate::example::document(lang);
    if doc.tables_len() != example.tables_len() {
        return None;
    }
    let mut same = doc.clone();
    same.project.name = example.project.name.clone();
    same.results = None;
    if same.to_json() != example.to_json() {
        return None;
    }
    match decode::<Reply>(EXAMPLE_COMPUTED) {
        Ok(Reply::Computed(computed)) => Some(computed),
        _ => None,
    }
}

fn slot(kind: TableKind) -> usize {
    TableKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}
