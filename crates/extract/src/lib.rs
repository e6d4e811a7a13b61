//! From annotated text to event mentions: which sentences report an event, of what kind
//! (ACLED type and sub-event type, with the CAMEO code), with which arguments, and on whose
//! word.

pub mod mentions;
pub mod outlets;
pub mod roles;
pub mod triggers;
mod victims;
