//! Fuzz target: the statement parser on arbitrary bytes (read as lossy UTF-8). It must
//! return a tree or an error, never panic; and any tree it returns must print to text
//! that parses back to the same printing (the printer's fixpoint contract).
#![no_main]

use libfuzzer_sys::fuzz_target;
use meridian::syntax::parse_statement;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(ast) = parse_statement(&text) else { return };
    let printed = ast.to_string();
    match parse_statement(&printed) {
        Ok(again) => assert_eq!(printed, again.to_string(), "printing is not a fixpoint for {text:?}"),
        Err(e) => panic!("printed text does not parse again: {e:?}\ninput: {text:?}\nprinted: {printed:?}"),
    }
});
