//! Reads one clean article and marks what later stages need: place names, time expressions
//! normalized against the publication date, and (to come) actors, casualty phrases and
//! reporting verbs, all as byte spans into the cleaned text.

pub mod actors;
pub mod casualties;
pub mod gate;
pub mod persons;
pub mod sentences;
pub mod timex;

use sitrep_gazetteer::{Gazetteer, NameMatch};

/// Place names in a text, each with every gazetteer entry it may denote; choosing one is
/// the resolve stage's job, since it needs the whole article as context.
pub fn places(text: &str) -> Vec<NameMatch> {
    Gazetteer::embedded().find(text)
}
