//! The results of the open project, one line per indicator.

use leptos::prelude::*;

use crate::reading::Reading;

#[component]
pub fn ResultsView() -> impl IntoView {
    let results = expect_context::<Reading>().results;
    view! {
        <section class="results" data-testid="results">
            <ul>
                {move || {
                    results
                        .with(|r| {
                            r.indicators
                                .iter()
                                .map(|i| {
                                    let value = i.value.map(|v| v.to_string()).unwrap_or_default();
                                    let status = serde_json::to_value(i.status)
                                        .ok()
                                        .and_then(|v| v.as_str().map(str::to_string))
                                        .unwrap_or_default();
                                    let (data_value, data_status) = (value.clone(), status.clone());
                                    view! {
                                        <li
                                            data-testid=format!("indicator-{}", i.id)
                                            data-value=data_value
                                            data-status=data_status
                                        >
                                            {i.id.clone()}
                                            ": "
                                            {value}
                                            " "
                                            {status}
                                        </li>
                                    }
                                })
                                .collect_view()
                        })
                }}
            </ul>
        </section>
    }
}
