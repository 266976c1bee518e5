//! Where each sheet of an `.xlsx` is in its zip (`xl/worksheets/sheet1.xml`), so that
//! [`crate::sheet_scan`] can look at a sheet's XML before `calamine` reads it
//! (`calamine` keeps these paths to itself). Read from `xl/workbook.xml` (each
//! `<sheet name r:id>`) and its relationships (`Id` → `Target`).

use std::io::{Read, Seek};

use zip::ZipArchive;

/// Each sheet's name and its zip entry, in the workbook's order. Empty when the
/// workbook's parts cannot be found (the reading then goes on without the scan only if
/// `calamine` finds them, which it does the same way).
pub fn sheet_paths<R: Read + Seek>(zip: &mut ZipArchive<R>) -> Vec<(String, String)> {
    let names: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .map(|n| n.into_owned())
        .collect();
    let Some(book) = names
        .iter()
        .find(|n| {
            let lower = n.to_ascii_lowercase().replace('\\', "/");
            lower.ends_with("workbook.xml") && !lower.contains("_rels/")
        })
        .cloned()
    else {
        return Vec::new();
    };
    let dir = book.rsplit_once('/').map_or("", |(d, _)| d);
    let rels_path = if dir.is_empty() {
        "_rels/workbook.xml.rels".to_string()
    } else {
        format!("{dir}/_rels/workbook.xml.rels")
    };
    let (Some(book_xml), Some(rels_xml)) =
        (entry(zip, &names, &book), entry(zip, &names, &rels_path))
    else {
        return Vec::new();
    };
    let rels: Vec<(String, String)> = tags(&rels_xml, b"Relationship")
        .filter_map(|t| Some((value(t, b"Id")?, value(t, b"Target")?)))
        .collect();
    tags(&book_xml, b"sheet")
        .filter_map(|t| {
            let name = value(t, b"name")?;
            let id = value(t, b"r:id").or_else(|| value(t, b"id"))?;
            let target = &rels.iter().find(|(i, _)| *i == id)?.1;
            let path = match target.strip_prefix('/') {
                Some(absolute) => absolute.to_string(),
                None if dir.is_empty() => target.clone(),
                None => format!("{dir}/{target}"),
            };
            let path = names
                .iter()
                .find(|n| **n == path)
                .or_else(|| names.iter().find(|n| n.eq_ignore_ascii_case(&path)))?
                .clone();
            Some((name, path))
        })
        .collect()
}

/// A small part of the zip (the workbook and its relationships), whole. Capped: these
/// are a few KB in any real file.
fn entry<R: Read + Seek>(zip: &mut ZipArchive<R>, names: &[String], path: &str) -> Option<Vec<u8>> {
    let name = names.iter().find(|n| n.eq_ignore_ascii_case(path))?;
    let file = zip.by_name(name).ok()?;
    let mut out = Vec::new();
    file.take(16 << 20).read_to_end(&mut out).ok()?;
    Some(out)
}

/// The tags named `name` (any namespace prefix), as their text between `<` and `>`.
fn tags<'a>(xml: &'a [u8], name: &'a [u8]) -> impl Iterator<Item = &'a [u8]> + 'a {
    xml.split(|b| *b == b'<').filter_map(move |piece| {
        let tag = piece.split(|b| *b == b'>').next()?;
        let end = tag
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'/')
            .unwrap_or(tag.len());
        let tag_name = tag.get(..end)?;
        let local = match tag_name.iter().position(|b| *b == b':') {
            Some(i) => tag_name.get(i + 1..)?,
            None => tag_name,
        };
        (local == name).then_some(tag)
    })
}

/// An attribute's value, unescaped (`&amp;` and the other four, `&#233;`).
fn value(tag: &[u8], name: &[u8]) -> Option<String> {
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(tag.get(from..)?, name) {
        let at = from + i;
        let before = at.checked_sub(1).and_then(|b| tag.get(b));
        let after = tag.get(at + name.len()..)?;
        if before.is_some_and(u8::is_ascii_whitespace) {
            if let Some((quote, rest)) = after.strip_prefix(b"=").and_then(<[u8]>::split_first) {
                if matches!(quote, b'"' | b'\'') {
                    let end = memchr::memchr(*quote, rest)?;
                    return Some(unescape(&String::from_utf8_lossy(rest.get(..end)?)));
                }
            }
        }
        from = at + 1;
    }
    None
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or_default());
        let tail = rest.get(i..).unwrap_or_default();
        let Some(end) = tail.find(';') else {
            out.push_str(tail);
            return out;
        };
        let entity = tail.get(1..end).unwrap_or_default();
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => out.push(c),
            None => out.push_str(tail.get(..=end).unwrap_or_default()),
        }
        rest = tail.get(end + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unescaped_and_tags_found_with_any_prefix() {
        assert_eq!(unescape("A &amp; B &#233;&#x41;"), "A & B éA");
        let xml = br#"<x:sheets><x:sheet name="Ventas &amp; m" r:id="rId2"/></x:sheets>"#;
        let found: Vec<_> = tags(xml, b"sheet").collect();
        assert_eq!(found.len(), 1);
        assert_eq!(value(found[0], b"name").as_deref(), Some("Ventas & m"));
        assert_eq!(value(found[0], b"r:id").as_deref(), Some("rId2"));
    }
}
