//! The compute worker's logic, web-free and tested natively: one [`ComputeWorker`]
//! answers each [`Request`] with a [`Reply`]. The WebAssembly entry (`main.rs`) only
//! unpacks the envelope and packs the answer.
//!
//! The worker keeps the engine's [`Session`] between messages, so an edit of a fact
//! re-runs only what it changes, and it keeps the table texts it was sent: the page
//! sends a table's text only when it changed.

use cluster_eval_engine::{Document, Session, TableKind};
use cluster_eval_protocol::compute::{Computed, Reply, Request};

/// The worker's state between messages.
#[derive(Default)]
pub struct ComputeWorker {
    session: Session,
    /// The last text received for each table, in the order of [`TableKind::ALL`].
    tables: [String; TableKind::COUNT],
}

impl ComputeWorker {
    /// Answers one request; `texts` are the large texts that travelled beside it.
    pub fn handle(&mut self, request: Request, texts: Vec<Option<String>>) -> Reply {
        match request {
            Request::Compute { document, all } => self.compute(&document, texts, all),
        }
    }

    fn compute(&mut self, json: &str, texts: Vec<Option<String>>, all: bool) -> Reply {
        // The texts first: a document the engine refuses must not lose a table sent
        // for the next one.
        for (slot, text) in texts.into_iter().enumerate().take(TableKind::COUNT) {
            if let Some(text) = text {
                self.tables[slot] = text;
            }
        }
        let mut document = match Document::from_json(json) {
            Ok(d) => d,
            Err(e) => {
                return Reply::Refused {
                    reason: e.to_string(),
                }
            }
        };
        // Lend the texts to the document for the update, without copying 10 MB.
        for (slot, kind) in TableKind::ALL.into_iter().enumerate() {
            *document.table_text_mut(kind) = std::mem::take(&mut self.tables[slot]);
        }
        let update = self.session.update(&document);
        for (slot, kind) in TableKind::ALL.into_iter().enumerate() {
            self.tables[slot] = std::mem::take(document.table_text_mut(kind));
        }
        Reply::Computed(Computed {
            reads: self.session.summaries(update.reread, all),
            results: update.results,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cluster_eval_engine::compute;

    fn request(doc: &Document, all: bool) -> (Request, Vec<Option<String>>) {
        let mut light = doc.without_table_texts();
        light.results = None;
        let texts = TableKind::ALL
            .into_iter()
            .map(|k| Some(doc.table_text(k).to_string()))
            .collect();
        (
            Request::Compute {
                document: light.to_json(),
                all,
            },
            texts,
        )
    }

    fn doc() -> Document {
        let mut d = Document::new("t");
        d.tables.firms = "firm\tgroup\tyear\tsales\n\
            A\tbeneficiary\t2018\t100\nA\tbeneficiary\t2021\t150\n\
            B\tcontrol\t2018\t100\nB\tcontrol\t2021\t110\n"
            .into();
        d.project.baseline_year = Some(2018);
        d.project.followup_year = Some(2021);
        d
    }

    #[test]
    fn computes_what_the_engine_computes() {
        let d = doc();
        let mut w = ComputeWorker::default();
        let (r, texts) = request(&d, true);
        match w.handle(r, texts) {
            Reply::Computed(c) => {
                assert_eq!(c.results, compute(&d));
                assert_eq!(c.reads.len(), TableKind::COUNT);
                assert!(c.reads.iter().all(Option::is_some));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn keeps_the_texts_it_was_sent() {
        let mut d = doc();
        let mut w = ComputeWorker::default();
        let (r, texts) = request(&d, true);
        w.handle(r, texts);
        // A fact changes; no text is sent again.
        d.project.cost_total = Some(1000.0);
        let (r, _) = request(&d, false);
        match w.handle(r, vec![None; TableKind::COUNT]) {
            Reply::Computed(c) => {
                assert_eq!(c.results, compute(&d));
                // Nothing was read again.
                assert!(c.reads.iter().all(Option::is_none));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn refuses_a_document_it_cannot_read_and_keeps_the_texts() {
        let d = doc();
        let mut w = ComputeWorker::default();
        let (_, texts) = request(&d, true);
        let reply = w.handle(
            Request::Compute {
                document: "{".into(),
                all: true,
            },
            texts,
        );
        assert!(matches!(reply, Reply::Refused { .. }));
        let (r, _) = request(&d, true);
        match w.handle(r, vec![None; TableKind::COUNT]) {
            Reply::Computed(c) => assert_eq!(c.results, compute(&d)),
            other => panic!("{other:?}"),
        }
    }
}
