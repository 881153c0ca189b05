//! Periods and dates as YAML gives them: any scalar read as text (so `2019` reaches the
//! period check rather than failing as a number), and errors that carry a hint.

/// Separates a custom error's message from its hint; `source::yaml` splits them again.
pub const HINT_MARK: char = '\u{1f}';

/// Reads any scalar as text, so a period written as `2019` reaches the period check.
pub fn scalar_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    struct Text;
    impl serde::de::Visitor<'_> for Text {
        type Value = String;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("text")
        }
        fn visit_str<E>(self, v: &str) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_i64<E>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_u64<E>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_f64<E>(self, v: f64) -> Result<String, E> {
            Ok(v.to_string())
        }
    }
    d.deserialize_str(Text)
}

/// A deserialisation error with a hint, split apart again by the diagnostic.
pub fn custom_error<E: serde::de::Error>(message: &str) -> E {
    match message.split_once("; ") {
        Some((m, h)) => E::custom(format!("{m}{HINT_MARK}{h}")),
        None => E::custom(message),
    }
}

/// Writes a figure as the author would: a whole number as an integer (`11`, not `11.0`),
/// any other as a decimal. For `#[serde(serialize_with)]` on `Option<f64>` fields, so the
/// JSON downloads say `"value": 11`.
pub fn figure<S: serde::Serializer>(value: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => s.serialize_i64(*n as i64),
        Some(n) => s.serialize_f64(*n),
        None => s.serialize_none(),
    }
}
