//! Files in the encodings spreadsheets of the region save: UTF-8 (with or without a
//! mark), UTF-16 with its mark, and Windows-1252.

use cluster_eval_ui::decode::{decode, Encoding};

#[test]
fn windows_1252_is_read_as_such_and_said() {
    // "Cañada Año café – 5 €" as Excel in Spanish saves it on Windows.
    let bytes = b"Ca\xf1ada A\xf1o caf\xe9 \x96 5 \x80";
    assert_eq!(
        decode(bytes),
        ("Cañada Año café – 5 €".to_string(), Encoding::Windows1252)
    );
}

#[test]
fn utf8_with_and_without_its_mark() {
    let text = "Cañada Año café";
    assert_eq!(decode(text.as_bytes()), (text.to_string(), Encoding::Utf8));
    let mut marked = vec![0xef, 0xbb, 0xbf];
    marked.extend_from_slice(text.as_bytes());
    assert_eq!(decode(&marked), (text.to_string(), Encoding::Utf8));
}

#[test]
fn utf16_in_both_byte_orders() {
    let text = "Año\tventas";
    let mut le = vec![0xff, 0xfe];
    let mut be = vec![0xfe, 0xff];
    for unit in text.encode_utf16() {
        le.extend_from_slice(&unit.to_le_bytes());
        be.extend_from_slice(&unit.to_be_bytes());
    }
    assert_eq!(decode(&le), (text.to_string(), Encoding::Utf16Le));
    assert_eq!(decode(&be), (text.to_string(), Encoding::Utf16Be));
}

#[test]
fn every_byte_decodes_to_one_character() {
    let all: Vec<u8> = (0..=255).collect();
    let (text, encoding) = decode(&all);
    assert_eq!(encoding, Encoding::Windows1252);
    assert_eq!(text.chars().count(), 256);
}
