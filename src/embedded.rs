//! Files compiled into the binary: the default theme and the example site (see `build.rs`).

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
