//! Property tests: whatever bytes an exercise file holds, loading it returns an exercise or
//! diagnostics, never a panic. Arbitrary bytes, and arbitrary mutations of the shipped files
//! (which reach far deeper into the checks than random bytes do).

mod support;

use proptest::prelude::*;
use trunkrot::domain::exercise::{self, BUILT_IN};

/// A small edit to a file: overwrite, insert or delete a byte, or cut the file short.
#[derive(Debug, Clone)]
enum Edit {
    Set(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let fragment = prop_oneof![
        proptest::collection::vec(any::<u8>(), 1..8),
        prop::sample::select(vec![
            b"\"".to_vec(),
            b"[".to_vec(),
            b"]".to_vec(),
            b"\n".to_vec(),
            b"=".to_vec(),
            b"-".to_vec(),
            b"0".to_vec(),
            b"99999999999999999999".to_vec(),
            b"\n[timing]\n".to_vec(),
            b"\n[[mistakes]]\n".to_vec(),
            b"{side}".to_vec(),
            b"\xff".to_vec(),
            b"\x1b[2J".to_vec(),
        ]),
    ];
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Edit::Set(at, byte)),
        (any::<usize>(), fragment).prop_map(|(at, bytes)| Edit::Insert(at, bytes)),
        (any::<usize>(), 1..40usize).prop_map(|(at, len)| Edit::Delete(at, len)),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, edit: &Edit) {
    let at = |i: usize, len: usize| if len == 0 { 0 } else { i % len };
    match edit {
        Edit::Set(i, byte) if !bytes.is_empty() => {
            let i = at(*i, bytes.len());
            bytes[i] = *byte;
        }
        Edit::Set(..) => {}
        Edit::Insert(i, new) => {
            let i = at(*i, bytes.len() + 1);
            bytes.splice(i..i, new.iter().copied());
        }
        Edit::Delete(i, len) => {
            let start = at(*i, bytes.len() + 1);
            let end = (start + len).min(bytes.len());
            bytes.drain(start..end);
        }
        Edit::Truncate(i) => {
            let len = at(*i, bytes.len() + 1);
            bytes.truncate(len);
        }
    }
}

proptest! {
    #![proptest_config(support::seeds::config(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = exercise::parse("fuzz", "fuzz.toml", &bytes);
    }

    #[test]
    fn mutated_shipped_files_never_panic(
        file in 0..BUILT_IN.len(),
        edits in proptest::collection::vec(edit(), 1..6),
    ) {
        let mut bytes = BUILT_IN[file].1.as_bytes().to_vec();
        for edit in &edits {
            apply(&mut bytes, edit);
        }
        if let Err(invalid) = exercise::parse("fuzz", "fuzz.toml", &bytes) {
            prop_assert!(!invalid.diagnostics.is_empty());
            let shown = invalid.to_string();
            prop_assert!(!shown.chars().any(|c| c.is_control() && c != '\n'), "{:?}", shown);
        }
    }
}
