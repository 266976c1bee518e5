//! The compute worker's logic, web-free and tested natively: one [`ComputeWorker`]
//! answers each [`Request`] with a [`Reply`]. The WebAssembly entry (`main.rs`) only
//! unpacks the envelope and packs the answer.
//!
//! The worker keeps the engine's [`Session`] between messages, so an edit of a fact
//! re-runs only what it changes, and it keeps the table texts it was sent: the page
//! sends a table's text only when it changed.

use std::collections::BTreeMap;

use cluster_eval_engine::contexts;
use cluster_eval_engine::portfolio::{self, ContextFact, Member};
use cluster_eval_engine::{Document, Session, TableKind, Unit};
use cluster_eval_protocol::compute::{Computed, PortfolioView, Reply, Request};

/// The worker's state between messages.
#[derive(Default)]
pub struct ComputeWorker {
    session: Session,
    /// The last text received for each table, in the order of [`TableKind::ALL`].
    tables: [String; TableKind::COUNT],
    /// The portfolio page's projects, by the page's key.
    projects: BTreeMap<u32, Member>,
}

impl ComputeWorker {
    /// Answers one request; `texts` are the large texts that travelled beside it.
    pub fn handle(&mut self, request: Request, texts: Vec<Option<String>>) -> Reply {
        match request {
            Request::Compute { document, all } => self.compute(&document, texts, all),
            Request::AddProject { key, document } => match Document::from_json(&document) {
                Ok(document) => {
                    let member = portfolio::member(document);
                    let reply = Reply::Project {
                        key,
                        results: member.results.clone(),
                        firms: member.firms,
                    };
                    self.projects.insert(key, member);
                    reply
                }
                Err(e) => Reply::Refused {
                    reason: e.to_string(),
                },
            },
            Request::RemoveProjects { keys } => {
                for key in keys {
                    self.projects.remove(&key);
                }
                Reply::Removed
            }
            Request::Portfolio {
                shown,
                all,
                pool,
                by,
            } => match (self.members(&shown), self.members(&all)) {
                (Some(shown), Some(all)) => {
                    Reply::Portfolio(Box::new(portfolio_view(&shown, &all, pool, by)))
                }
                _ => Reply::Refused {
                    reason: "a project the worker does not have".to_string(),
                },
            },
        }
    }

    /// The projects under `keys`, in that order; `None` if one is missing.
    fn members(&self, keys: &[u32]) -> Option<Vec<Member>> {
        keys.iter().map(|k| self.projects.get(k).cloned()).collect()
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

/// The portfolio page's view of its projects (see [`PortfolioView`]).
fn portfolio_view(
    shown: &[Member],
    all: &[Member],
    pool: Option<String>,
    by: Option<ContextFact>,
) -> PortfolioView {
    let ids = portfolio::default_ids(shown);
    let table = portfolio::table(shown, &ids);
    let pool_ids = pool_ids(shown);
    let pool_id = match pool {
        Some(id) if pool_ids.contains(&id) => Some(id),
        _ => pool_ids.first().cloned(),
    };
    let pooled = pool_id.as_deref().map(|id| portfolio::pool(shown, id));
    let by_context = match (pool_id.as_deref(), by) {
        (Some(id), Some(fact)) => Some(contexts::by_context(shown, id, fact)),
        _ => None,
    };
    PortfolioView {
        table,
        pool_ids,
        pool_id,
        pooled,
        copies: portfolio::copies(all),
        totals: contexts::totals(shown),
        by_context,
    }
}

/// What can be pooled: every `vs_control` comparison the projects have (the default
/// set's first, in its order), then the amounts of money (pooled only within one
/// currency: else the engine refuses, and the page says so).
fn pool_ids(members: &[Member]) -> Vec<String> {
    let mut out: Vec<String> = portfolio::DEFAULT_IDS
        .iter()
        .filter(|id| id.ends_with(".vs_control"))
        .filter(|id| members.iter().any(|m| m.results.indicator(id).is_some()))
        .map(|id| id.to_string())
        .collect();
    for comparisons in [true, false] {
        for m in members {
            for i in &m.results.indicators {
                let wanted = if comparisons {
                    i.id.ends_with(".vs_control")
                } else {
                    i.unit == Unit::Currency && i.value.is_some()
                };
                if wanted && !out.contains(&i.id) {
                    out.push(i.id.clone());
                }
            }
        }
    }
    out
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
    fn a_portfolio_is_the_engine_s() {
        let mut w = ComputeWorker::default();
        let a = doc();
        let mut b = doc();
        b.project.name = "copy".into();
        for (key, d) in [(1, &a), (2, &b)] {
            match w.handle(
                Request::AddProject {
                    key,
                    document: d.to_json(),
                },
                Vec::new(),
            ) {
                Reply::Project {
                    key: k, results, ..
                } => {
                    assert_eq!(k, key);
                    assert_eq!(results, compute(d));
                }
                other => panic!("{other:?}"),
            }
        }
        let members = vec![portfolio::member(a.clone()), portfolio::member(b.clone())];
        let asked = Request::Portfolio {
            shown: vec![1, 2],
            all: vec![1, 2],
            pool: Some("no.such.id".into()),
            by: None,
        };
        match w.handle(asked, Vec::new()) {
            Reply::Portfolio(view) => {
                let ids = portfolio::default_ids(&members);
                assert_eq!(view.table, portfolio::table(&members, &ids));
                assert_eq!(view.copies, vec![None, Some(0)]);
                // An id that cannot be pooled gives way to the first that can.
                assert_eq!(
                    view.pool_id.as_deref(),
                    view.pool_ids.first().map(String::as_str)
                );
                if let Some(id) = &view.pool_id {
                    assert_eq!(view.pooled, Some(portfolio::pool(&members, id)));
                }
            }
            other => panic!("{other:?}"),
        }
        w.handle(Request::RemoveProjects { keys: vec![2] }, Vec::new());
        let asked = Request::Portfolio {
            shown: vec![2],
            all: vec![1, 2],
            pool: None,
            by: None,
        };
        assert!(matches!(w.handle(asked, Vec::new()), Reply::Refused { .. }));
    }

    #[test]
    fn a_portfolio_by_context_gives_the_engine_s_levels_and_totals() {
        use cluster_eval_engine::SectorType;
        let mut w = ComputeWorker::default();
        let mut docs = Vec::new();
        for (n, kind) in [
            SectorType::Modern,
            SectorType::Traditional,
            SectorType::Modern,
        ]
        .into_iter()
        .enumerate()
        {
            let mut d = doc();
            d.project.name = format!("P{n}");
            d.project.country = Some(["Peru", "Chile", "peru "][n].into());
            d.project.sector_type = Some(kind);
            // Different firms, so no project is a copy of another.
            d.tables.firms = d.tables.firms.replace("150", &(140 + 10 * n).to_string());
            docs.push(d);
        }
        for (key, d) in docs.iter().enumerate() {
            w.handle(
                Request::AddProject {
                    key: key as u32,
                    document: d.to_json(),
                },
                Vec::new(),
            );
        }
        let members: Vec<Member> = docs.iter().cloned().map(portfolio::member).collect();
        let id = "long.beneficiaries.sales.vs_control";
        let asked = Request::Portfolio {
            shown: vec![0, 1, 2],
            all: vec![0, 1, 2],
            pool: Some(id.into()),
            by: Some(ContextFact::SectorType),
        };
        match w.handle(asked, Vec::new()) {
            Reply::Portfolio(view) => {
                assert_eq!(view.totals, contexts::totals(&members));
                assert_eq!(view.totals.projects, 3);
                assert_eq!(view.totals.countries, 2);
                assert_eq!(
                    view.by_context,
                    Some(contexts::by_context(&members, id, ContextFact::SectorType))
                );
                let by = view.by_context.unwrap().unwrap();
                let levels: Vec<&str> = by.levels.iter().map(|l| l.level.as_str()).collect();
                assert_eq!(levels, ["modern", "traditional"]);
            }
            other => panic!("{other:?}"),
        }
        // Without `by`, no comparison; the totals still come.
        let asked = Request::Portfolio {
            shown: vec![0, 1],
            all: vec![0, 1, 2],
            pool: Some(id.into()),
            by: None,
        };
        match w.handle(asked, Vec::new()) {
            Reply::Portfolio(view) => {
                assert!(view.by_context.is_none());
                assert_eq!(view.totals.projects, 2);
            }
            other => panic!("{other:?}"),
        }
        // An older page's request (no `by` field) still decodes.
        let old = r#"{"Portfolio":{"shown":[0],"all":[0],"pool":null}}"#;
        let decoded: Request = cluster_eval_protocol::compute::decode(old).unwrap();
        assert!(matches!(decoded, Request::Portfolio { by: None, .. }));
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
