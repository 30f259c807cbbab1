//! BILOU tag ids: 0 is `O`; for label `l` (PER, ORG, LOC, MISC = 0..4) `B` is `1 + 4l`,
//! `I` is `2 + 4l`, `L` is `3 + 4l`, `U` is `4 + 4l`.

use article_model::Label;

/// Number of tags.
pub(crate) const NT8: u8 = 17;
/// Number of tags.
pub(crate) const NT: usize = NT8 as usize;

/// Position of a tag in its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pos {
    Out,
    Begin,
    Inside,
    Last,
    Unit,
}

pub(crate) fn pos_of(tag: u8) -> Pos {
    if tag == 0 {
        return Pos::Out;
    }
    match (tag - 1) % 4 {
        0 => Pos::Begin,
        1 => Pos::Inside,
        2 => Pos::Last,
        _ => Pos::Unit,
    }
}

/// The label index (0..4) of a tag, `None` for `O`.
pub(crate) fn label_of(tag: u8) -> Option<usize> {
    (tag != 0 && usize::from(tag) < NT).then(|| usize::from(tag - 1) / 4)
}

#[cfg_attr(not(feature = "train"), allow(dead_code))] // used by the trainer
pub(crate) fn tag(label: usize, pos: Pos) -> u8 {
    let p = match pos {
        Pos::Out => return 0,
        Pos::Begin => 1,
        Pos::Inside => 2,
        Pos::Last => 3,
        Pos::Unit => 4,
    };
    u8::try_from(label * 4).unwrap_or(0) + p
}

pub(crate) fn label(l: usize) -> Label {
    Label::ALL.get(l).copied().unwrap_or(Label::Misc)
}

#[cfg_attr(not(feature = "train"), allow(dead_code))] // used by the trainer
pub(crate) fn label_index(l: Label) -> usize {
    match l {
        Label::Per => 0,
        Label::Org => 1,
        Label::Loc => 2,
        Label::Misc => 3,
    }
}

/// Whether `b` may follow `a` (BILOU constraints; Viterbi decoding has them built in).
#[cfg(test)]
pub(crate) fn allowed(a: u8, b: u8) -> bool {
    let open = matches!(pos_of(a), Pos::Begin | Pos::Inside);
    match pos_of(b) {
        Pos::Inside | Pos::Last => open && label_of(a) == label_of(b),
        _ => !open,
    }
}

/// Whether a tag may start a sentence.
pub(crate) fn can_start(t: u8) -> bool {
    matches!(pos_of(t), Pos::Out | Pos::Begin | Pos::Unit)
}

/// Whether a tag may end a sentence.
pub(crate) fn can_end(t: u8) -> bool {
    matches!(pos_of(t), Pos::Out | Pos::Last | Pos::Unit)
}

/// Whether `b` continues the entity that `a` is part of.
pub(crate) fn continues(a: u8, b: u8) -> bool {
    matches!(pos_of(a), Pos::Begin | Pos::Inside) && matches!(pos_of(b), Pos::Inside | Pos::Last)
}

/// Entities of a tag sequence as (start, end exclusive, label index).
pub(crate) fn spans(tags: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let Some(l) = label_of(tags[i]) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < tags.len() && continues(tags[j - 1], tags[j]) {
            j += 1;
        }
        out.push((i, j, l));
        i = j;
    }
    out
}

/// Reads IOB1 or IOB2 tags (`I-PER`, `B-LOC`, `O`) into BILOU tag ids.
#[cfg_attr(not(feature = "train"), allow(dead_code))] // used by the trainer
pub(crate) fn from_iob(tags: &[&str]) -> Vec<u8> {
    let parsed: Vec<Option<(char, usize)>> = tags
        .iter()
        .map(|t| {
            let (p, ty) = t.split_once('-')?;
            let l = Label::parse(ty).map(label_index)?;
            Some((p.chars().next().unwrap_or('I'), l))
        })
        .collect();
    let mut out = vec![0u8; tags.len()];
    let mut i = 0;
    while i < parsed.len() {
        let Some((_, l)) = parsed[i] else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < parsed.len() && matches!(parsed[j], Some((p, l2)) if l2 == l && p != 'B') {
            j += 1;
        }
        if j - i == 1 {
            out[i] = tag(l, Pos::Unit);
        } else {
            out[i] = tag(l, Pos::Begin);
            for o in &mut out[i + 1..j - 1] {
                *o = tag(l, Pos::Inside);
            }
            out[j - 1] = tag(l, Pos::Last);
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_to_bilou() {
        let got = from_iob(&["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-MISC"]);
        assert_eq!(
            got,
            [
                tag(0, Pos::Begin),
                tag(0, Pos::Last),
                0,
                tag(2, Pos::Unit),
                tag(2, Pos::Unit),
                tag(3, Pos::Unit)
            ]
        );
        assert_eq!(spans(&got), [(0, 2, 0), (3, 4, 2), (4, 5, 2), (5, 6, 3)]);
    }
}
