//! Files in and out of the browser: downloading text, reading a chosen file.

use wasm_bindgen::{JsCast, JsValue};

use cluster_eval_ui::decode::{decode, Encoding};
pub use cluster_eval_ui::file_names::safe_file_name;

/// Offers `text` as a download named `file_name`.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    download_blob(file_name, &blob)
}

/// Offers `blob` as a download named `file_name`.
pub fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Reads a chosen or dropped file as text, in the encoding it was saved in (UTF-8,
/// UTF-16 with its mark, or Windows-1252: `cluster_eval_ui::decode`), and says which.
pub async fn read_text(file: &web_sys::File) -> Result<(String, Encoding), JsValue> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Ok(decode(&bytes))
}

/// The file chosen in a file input's `change` event, if any. The input is emptied, so
/// the same file can be chosen again (after a refusal, or to open it once more).
pub fn take_chosen_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|f| f.get(0));
    input.set_value("");
    file
}
