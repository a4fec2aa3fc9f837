//! A per-level value (`hop_time = 0.01, 0.01, 5`): one number for every level, or a comma
//! list giving levels 1, 2, ... in order, the last entry applying to every deeper level. At
//! most [`PerLevel::MAX`] entries; each is clamped to its key's bounds.

use super::value::{Bounds, Read, Value};

/// Up to [`PerLevel::MAX`] numbers, one per level. Plain data, so a default can be a constant.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PerLevel {
    values: [f64; PerLevel::MAX],
    len: u8,
}

impl PerLevel {
    /// Most levels a list names (the deepest tree has this many levels).
    pub const MAX: usize = 8;

    /// The same value at every level.
    pub const fn one(value: f64) -> PerLevel {
        let mut values = [0.0; PerLevel::MAX];
        values[0] = value;
        PerLevel { values, len: 1 }
    }

    /// The first [`PerLevel::MAX`] of `values` (one 0 when there are none).
    pub fn from_slice(values: &[f64]) -> PerLevel {
        let mut out = PerLevel::one(0.0);
        let len = values.len().min(PerLevel::MAX);
        out.values[..len].copy_from_slice(&values[..len]);
        out.len = len.max(1) as u8;
        out
    }

    /// The value at `level` (0 for level 1); the last entry for deeper levels.
    pub fn at(&self, level: usize) -> f64 {
        let len = usize::from(self.len).clamp(1, PerLevel::MAX);
        self.values[level.min(len - 1)]
    }

    /// The entries as given.
    pub fn entries(&self) -> &[f64] {
        &self.values[..usize::from(self.len).min(PerLevel::MAX)]
    }

    /// Whether `value` is one of the entries (exactly).
    pub fn contains(&self, value: f64) -> bool {
        self.entries().contains(&value)
    }

    /// Keeps at most `n` entries (at least one).
    pub fn truncate(&mut self, n: usize) {
        self.len = self.len.min(n.clamp(1, PerLevel::MAX) as u8);
    }

    /// Replaces the entry at `index` (if there is one).
    pub fn set(&mut self, index: usize, value: f64) {
        if index < usize::from(self.len) {
            self.values[index] = value;
        }
    }
}

impl Value for PerLevel {
    fn read(text: &str, bounds: &Bounds) -> Read<Self> {
        let mut list = Vec::new();
        let mut notes = Vec::new();
        for item in text.split(',').map(str::trim).filter(|item| !item.is_empty()) {
            // A key that a word switches off takes the word for one level too.
            if bounds.none.is_some_and(|word| item == word || item == "none") {
                list.push(f64::INFINITY);
                continue;
            }
            let (value, note) = Vec::<f64>::read(item, bounds)?;
            list.extend(value.first().copied());
            notes.extend(note);
        }
        if list.is_empty() {
            return Err("has no number".into());
        }
        if list.len() > PerLevel::MAX {
            notes.push(format!("has more than {} entries; kept the first {}", PerLevel::MAX, PerLevel::MAX));
        }
        let mut values = [0.0; PerLevel::MAX];
        let len = list.len().min(PerLevel::MAX);
        values[..len].copy_from_slice(&list[..len]);
        let note = (!notes.is_empty()).then(|| notes.join("; "));
        Ok((PerLevel { values, len: len as u8 }, note))
    }

    fn write(&self, bounds: &Bounds) -> String {
        let none = bounds.none.unwrap_or("none");
        let items: Vec<String> = self
            .entries()
            .iter()
            .map(|v| if v.is_finite() { v.to_string() } else { none.to_string() })
            .collect();
        items.join(",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const B: Bounds = Bounds { min: 0.0, max: 10.0, none: None };

    #[test]
    fn one_value_applies_to_every_level_and_a_list_repeats_its_last() {
        let (one, _) = PerLevel::read("2", &B).unwrap();
        assert_eq!((one.at(0), one.at(7)), (2.0, 2.0));
        let (list, _) = PerLevel::read("1, 2,3", &B).unwrap();
        assert_eq!((list.at(0), list.at(1), list.at(2), list.at(6)), (1.0, 2.0, 3.0, 3.0));
        assert_eq!(list.write(&B), "1,2,3");
    }

    #[test]
    fn a_long_list_is_cut_and_values_clamped_with_a_note() {
        let (list, note) = PerLevel::read("1,2,3,4,5,6,7,8,9,20", &B).unwrap();
        assert_eq!(list.entries().len(), PerLevel::MAX);
        assert!(note.is_some());
        assert!(PerLevel::read("", &B).is_err());
        assert!(PerLevel::read("x", &B).is_err());
    }

    #[test]
    fn a_key_with_a_word_takes_it_per_level() {
        let off = Bounds { none: Some("none"), ..B };
        let (list, _) = PerLevel::read("none, 1", &off).unwrap();
        assert!(list.at(0).is_infinite());
        assert_eq!(list.at(1), 1.0);
        assert_eq!(list.write(&off), "none,1");
        assert!(PerLevel::read("none", &B).is_err());
    }
}
