//! The pro-poor checklist of Section 4.3: `pro_poor.checklist`.
//!
//! Eleven design questions (poverty targeting, gains to the poor, winners and losers,
//! social protection, labour standards, work organization, artisan niches, community
//! participation, access barriers, institutions of marginalized groups, training
//! system), each answered `yes`, `partial`, `no` or left unanswered. The score is
//! `(yes + 0.5 × partial) / answered`: unanswered items are left out rather than
//! counted as `no`, so the score says how pro-poor the answered design is, and
//! `detail.unanswered` says how much of the checklist it rests on. A level with no
//! built-in test: `reported` (or met / not met against a user target). Needs no years.
//! Keys of `doc.checklist` that are not one of the eleven items are ignored.

use serde_json::{Map, Value};

use cluster_eval_types::document::{ChecklistAnswer, Document, CHECKLIST_ITEMS};
use cluster_eval_types::results::{Horizon, Indicator, Message, Status, Unit};

use super::put;

pub const ID: &str = "pro_poor.checklist";

pub fn compute(doc: &Document) -> Indicator {
    let mut ind = Indicator::new(ID, Horizon::ProPoor, Unit::Share);
    let (mut yes, mut partial, mut no) = (0usize, 0usize, 0usize);
    let mut items = Map::new();
    for item in CHECKLIST_ITEMS {
        let answer = doc.checklist.get(item).copied().flatten();
        let text = match answer {
            Some(ChecklistAnswer::Yes) => {
                yes += 1;
                Value::from("yes")
            }
            Some(ChecklistAnswer::Partial) => {
                partial += 1;
                Value::from("partial")
            }
            Some(ChecklistAnswer::No) => {
                no += 1;
                Value::from("no")
            }
            None => Value::Null,
        };
        items.insert(item.to_string(), text);
    }
    let answered = yes + partial + no;
    let total = CHECKLIST_ITEMS.len();
    put(&mut ind, "yes", yes);
    put(&mut ind, "partial", partial);
    put(&mut ind, "no", no);
    put(&mut ind, "answered", answered);
    put(&mut ind, "unanswered", total - answered);
    put(&mut ind, "items", Value::Object(items));
    if answered == 0 {
        ind.say(Message::ProPoorChecklistUnanswered);
        return ind;
    }
    ind.n = answered;
    ind.value = Some((yes as f64 + 0.5 * partial as f64) / answered as f64);
    ind.status = Status::Reported;
    ind.say(Message::ProPoorChecklistAnswered { answered, total });
    ind
}
