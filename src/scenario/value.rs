//! Reading and writing one value: numbers, switches, choices, lists and "or none" values,
//! each clamped to its key's bounds.

use super::choices::Choice;

/// A key's range, and the word (if any) that turns its feature off.
#[derive(Clone, Copy, Debug)]
pub struct Bounds {
    pub min: f64,
    pub max: f64,
    pub none: Option<&'static str>,
}

/// A value read from text: the value to use, and a note when it was clamped to fit.
pub type Read<T> = Result<(T, Option<String>), String>;

/// A type a scenario key can hold.
pub trait Value: Sized + Clone + PartialEq {
    /// Reads `text`; `Err` says why it is not a value of this type.
    fn read(text: &str, bounds: &Bounds) -> Read<Self>;
    /// The canonical text that reads back as this value.
    fn write(&self, bounds: &Bounds) -> String;
    /// The words this type takes, for a menu; `None` for numbers and lists.
    fn choices() -> Option<Vec<&'static str>> {
        None
    }
    /// True when the value is a whole number (a slider steps by 1).
    fn is_integer() -> bool {
        false
    }
}

/// [`Value::choices`] of a field, named by a reference to it (the key table's macro uses this).
pub fn choices_of<T: Value>(_: &T) -> Option<Vec<&'static str>> {
    T::choices()
}

/// [`Value::is_integer`] of a field, named by a reference to it.
pub fn is_integer<T: Value>(_: &T) -> bool {
    T::is_integer()
}

/// Most entries a list value (`speeds`) keeps.
pub const MAX_LIST: usize = 64;

fn read_number(text: &str, bounds: &Bounds) -> Read<f64> {
    let cleaned = text.replace('_', "");
    let number: f64 = match cleaned.parse() {
        Ok(n) if !f64::is_nan(n) => n,
        _ => return Err("is not a number".into()),
    };
    if number < bounds.min {
        Ok((bounds.min, Some(format!("is below the minimum {}; used {}", bounds.min, bounds.min))))
    } else if number > bounds.max {
        Ok((bounds.max, Some(format!("is above the maximum {}; used {}", bounds.max, bounds.max))))
    } else {
        Ok((number, None))
    }
}

impl Value for f64 {
    fn read(text: &str, bounds: &Bounds) -> Read<Self> {
        read_number(text, bounds)
    }

    fn write(&self, _: &Bounds) -> String {
        self.to_string()
    }
}

impl Value for u64 {
    fn is_integer() -> bool {
        true
    }

    fn read(text: &str, bounds: &Bounds) -> Read<Self> {
        let (number, note) = read_number(text, bounds)?;
        if number.fract() != 0.0 {
            return Err("is not a whole number".into());
        }
        // In range, so the cast is exact for every bound below 2^53.
        Ok((number as u64, note))
    }

    fn write(&self, _: &Bounds) -> String {
        self.to_string()
    }
}

impl Value for bool {
    fn choices() -> Option<Vec<&'static str>> {
        Some(vec!["on", "off"])
    }

    fn read(text: &str, _: &Bounds) -> Read<Self> {
        match text {
            "on" | "true" | "yes" | "1" => Ok((true, None)),
            "off" | "false" | "no" | "0" => Ok((false, None)),
            _ => Err("is not on or off".into()),
        }
    }

    fn write(&self, _: &Bounds) -> String {
        (if *self { "on" } else { "off" }).into()
    }
}

impl<C: Choice> Value for C {
    fn choices() -> Option<Vec<&'static str>> {
        Some(C::ALL.iter().map(|c| c.name()).collect())
    }

    fn read(text: &str, _: &Bounds) -> Read<Self> {
        C::from_name(text)
            .map(|choice| (choice, None))
            .ok_or_else(|| format!("is not one of {}", C::listing()))
    }

    fn write(&self, _: &Bounds) -> String {
        self.name().into()
    }
}

/// A value that may be switched off by the key's `none` word.
impl<T: Value> Value for Option<T> {
    fn is_integer() -> bool {
        T::is_integer()
    }

    fn read(text: &str, bounds: &Bounds) -> Read<Self> {
        let word = bounds.none.unwrap_or("none");
        if text == word || text == "none" {
            return Ok((None, None));
        }
        T::read(text, bounds)
            .map(|(value, note)| (Some(value), note))
            .map_err(|why| format!("{why} (nor `{word}`)"))
    }

    fn write(&self, bounds: &Bounds) -> String {
        match self {
            Some(value) => value.write(bounds),
            None => bounds.none.unwrap_or("none").into(),
        }
    }
}

/// A comma-separated list, each entry within the bounds.
impl Value for Vec<f64> {
    fn read(text: &str, bounds: &Bounds) -> Read<Self> {
        let mut values = Vec::new();
        let mut notes = Vec::new();
        for item in text.split(',').map(str::trim).filter(|item| !item.is_empty()) {
            let (value, note) =
                read_number(item, bounds).map_err(|why| format!("has an entry {item:?} that {why}"))?;
            values.push(value);
            notes.extend(note.map(|note| format!("{item} {note}")));
        }
        if values.len() > MAX_LIST {
            values.truncate(MAX_LIST);
            notes.push(format!("has more than {MAX_LIST} entries; kept the first {MAX_LIST}"));
        }
        let note = (!notes.is_empty()).then(|| notes.join("; "));
        Ok((values, note))
    }

    fn write(&self, _: &Bounds) -> String {
        let items: Vec<String> = self.iter().map(f64::to_string).collect();
        items.join(",")
    }
}
