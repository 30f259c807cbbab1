//! English word lists for quotations, speakers, clusters and dates, each a function that
//! says whether a word (ASCII case aside) is in the list.

mod calendar;
mod first_names;
mod function_words;
mod gender;
mod name_parts;
mod reference;
pub(crate) mod set;
mod speech;

pub(crate) use self::{
    calendar::{is_calendar_word, month, weekday},
    function_words::is_capitalized_function_word,
    gender::{Gender, name_gender, pronoun_gender},
    name_parts::{is_honorific, is_org_head, is_role_word},
    reference::{
        Pronoun, is_collective_noun, is_determiner, is_document_noun, is_org_anaphor,
        is_person_noun, pronoun,
    },
    speech::{is_inverting_verb, is_reporting_verb, is_verb_filler, is_verb_particle},
};
