//! The tables read and the results of the open document, kept up to date.
//!
//! Every change of the document goes to the engine's [`Session`], which reads a table
//! again only when its own text, the reading settings or its column mapping change,
//! and recomputes the panels and bootstrap intervals only when the data, years or
//! settings change: editing a fact or a target costs a `finish`, not a parse.
//!
//! Small projects are calculated at once on the main thread. Large ones (a census
//! paste) are calculated in a Web Worker (`engine_worker.rs`) so the page never
//! freezes; meanwhile the previous results stay on screen and `computing` is set. The
//! page shows whatever arrives last for the current document, from either path.

use std::rc::Rc;

use cluster_eval_engine::Session;
use cluster_eval_engine::TableKind;
use cluster_eval_engine::TableSummary;
use cluster_eval_engine::{Document, Results};
use leptos::prelude::*;

use crate::engine_worker::{self, Answer, EngineWorker};
use crate::state::AppState;

/// How long a calculation in the worker runs before the page says it is calculating.
const COMPUTING_NOTICE_AFTER: std::time::Duration = std::time::Duration::from_millis(250);

/// Where the worker stands.
#[derive(Clone)]
enum WorkerSlot {
    /// Not needed yet (no large project opened so far).
    NotStarted,
    Running(Rc<EngineWorker>),
    /// It could not start or failed once: the main thread calculates from now on. A
    /// stopped worker is kept, not dropped: its own message handler may be running.
    Unavailable(#[allow(dead_code)] Option<Rc<EngineWorker>>),
}

/// Which path showed the summaries on screen last (so the other one sends them all).
#[derive(Clone, Copy, PartialEq)]
enum Shown {
    Nothing,
    Inline,
    Worker,
}

/// The five tables read, and the results computed from them.
#[derive(Clone, Copy)]
pub struct Reading {
    reads: [RwSignal<TableSummary>; TableKind::COUNT],
    pub results: RwSignal<Results>,
    /// A large project is being calculated in the worker; the results on screen are
    /// those of the document as it was before the last change.
    pub computing: RwSignal<bool>,
    /// Where the results on screen were calculated: `page` or `worker` (shown as a
    /// `data-` attribute, for support and tests).
    pub calculated_in: RwSignal<&'static str>,
    session: StoredValue<Session>,
    worker: StoredValue<WorkerSlot, LocalStorage>,
    /// The number of the worker message whose answer is awaited (0: none).
    awaited: StoredValue<u32>,
    shown: StoredValue<Shown>,
}

impl Reading {
    pub fn new(state: AppState) -> Self {
        let reading = Reading {
            reads: TableKind::ALL.map(|kind| RwSignal::new(TableSummary::empty(kind))),
            results: RwSignal::new(Results::default()),
            computing: RwSignal::new(false),
            calculated_in: RwSignal::new(""),
            session: StoredValue::new(Session::default()),
            worker: StoredValue::new_local(WorkerSlot::NotStarted),
            awaited: StoredValue::new(0),
            shown: StoredValue::new(Shown::Nothing),
        };
        Effect::new(move |_| state.doc.with(|doc| reading.calculate(state, doc)));
        reading
    }

    /// The reading of one table.
    pub fn table(&self, kind: TableKind) -> RwSignal<TableSummary> {
        self.reads[slot(kind)]
    }

    fn calculate(self, state: AppState, doc: &Document) {
        if engine_worker::is_large(doc) {
            if let Some(worker) = self.worker(state) {
                let all = self.shown.get_value() != Shown::Worker;
                match worker.post(doc, all) {
                    Ok(seq) => {
                        self.awaited.set_value(seq);
                        // Said only when it takes a while: an edit of a large project
                        // comes back in tens of milliseconds, and a notice flashing on
                        // every key press would push the results up and down.
                        set_timeout(
                            move || {
                                if self.awaited.get_value() == seq {
                                    self.computing.set(true);
                                }
                            },
                            COMPUTING_NOTICE_AFTER,
                        );
                        return;
                    }
                    Err(reason) => self.give_up_worker(&reason),
                }
            }
        }
        self.calculate_here(state, doc);
    }

    /// Calculates on the main thread, with the project marked as being calculated
    /// for as long as it takes (see [`crate::storage::CALCULATING_KEY`]).
    fn calculate_here(self, state: AppState, doc: &Document) {
        self.awaited.set_value(0);
        let all = self.shown.get_value() != Shown::Inline;
        let marked = state.mark_calculating();
        let calculated = self.session.try_update_value(|session| {
            let update = session.update(doc);
            (session.summaries(update.reread, all), update.results)
        });
        if marked {
            state.unmark_calculating();
        }
        if let Some((reads, results)) = calculated {
            self.show(reads, results, Shown::Inline);
        }
    }

    fn show(self, reads: Vec<Option<TableSummary>>, results: Results, from: Shown) {
        self.show_reads(reads);
        if self.results.with_untracked(|old| *old != results) {
            self.results.set(results);
        }
        self.shown.set_value(from);
        let place = if from == Shown::Worker {
            "worker"
        } else {
            "page"
        };
        if self.calculated_in.get_untracked() != place {
            self.calculated_in.set(place);
        }
        if self.computing.get_untracked() {
            self.computing.set(false);
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

    /// The running worker, started on first need.
    fn worker(self, state: AppState) -> Option<Rc<EngineWorker>> {
        if let WorkerSlot::NotStarted = self.worker.with_value(|w| w.clone()) {
            let started = EngineWorker::start(move |answer| self.answered(state, answer));
            self.worker.set_value(match started {
                Some(worker) => WorkerSlot::Running(worker),
                None => WorkerSlot::Unavailable(None),
            });
        }
        match self.worker.with_value(|w| w.clone()) {
            WorkerSlot::Running(worker) => Some(worker),
            _ => None,
        }
    }

    fn answered(self, state: AppState, answer: Answer) {
        match answer {
            Answer::Reply { seq, reply } => {
                let awaited = self.awaited.get_value();
                if awaited == 0 {
                    // The page calculated a newer version itself: nothing to show (the
                    // next message to the worker asks for every table's summary).
                } else if seq == awaited {
                    self.awaited.set_value(0);
                    self.show(reply.reads, reply.results, Shown::Worker);
                } else {
                    // An answer to an older version: its results are outdated, but its
                    // summaries are kept, because the awaited answer only carries the
                    // tables that changed since this one.
                    self.show_reads(reply.reads);
                    self.shown.set_value(Shown::Worker);
                }
            }
            Answer::Failed { reason } => {
                self.give_up_worker(&reason);
                state
                    .doc
                    .with_untracked(|doc| self.calculate_here(state, doc));
            }
        }
    }

    fn give_up_worker(self, reason: &str) {
        leptos::logging::warn!("calculating on the main thread: {reason}");
        let stopped = match self.worker.with_value(|w| w.clone()) {
            WorkerSlot::Running(worker) => {
                worker.stop();
                Some(worker)
            }
            _ => None,
        };
        self.worker.set_value(WorkerSlot::Unavailable(stopped));
    }
}

fn slot(kind: TableKind) -> usize {
    TableKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}
