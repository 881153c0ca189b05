//! Reporting periods as people write them (`2019/20`, `2020/21 H1`; with calendar years
//! `2023`, `2023 H1`), their dates and slugs.

use std::fmt;

use crate::model::date::Date;

/// What an author may write for a period; used in every period error.
pub const ACCEPTED_FORMS: &str = "write a reporting year as 2019/20, or a half year as 2020/21 H1 (first six months) or 2020/21 H2 (last six months); where the reporting year is the calendar year, 2023, 2023 H1 or 2023 H2";

/// A reporting year, or one half of it. Ordered by start, a year before its halves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    /// Calendar year in which the reporting year starts.
    pub year: i32,
    /// 0 for a whole year, 1 or 2 for a half.
    pub half: u8,
    /// Written as a calendar year (`2023`, `2023 H1`), for a site whose reporting year
    /// starts in January; else as a year across two (`2019/20`).
    pub calendar: bool,
}

impl Period {
    /// Parses `2019/20`, `2020/21 H1` or `2020/21 H2`. The error says what is accepted and,
    /// where the text looks like another way of writing a period (`2019-20`, `Apr-Sep 2021`,
    /// `2019/2020`), which period it probably means; it names invisible and look-alike
    /// characters (an en dash, a non-breaking space) that stop it being read.
    pub fn parse(text: &str) -> Result<Period, String> {
        let trimmed = text.trim();
        let why = match strict(trimmed) {
            Ok(p) => return Ok(p),
            Err(why) => why,
        };
        let suggestion = suggest(trimmed).filter(|p| p.to_string() != trimmed);
        let mut message = format!("'{trimmed}' is not a period");
        if let Some(odd) = crate::lookalike::explain(trimmed) {
            message = format!("{message}: {odd}");
        } else if let (Some(why), None) = (why, suggestion) {
            message = format!("{message}: {why}");
        }
        let hint = match suggestion {
            Some(p) => format!(
                "did you mean {p} ({}, if the reporting year starts in April)? {ACCEPTED_FORMS}",
                p.span(4)
            ),
            None => ACCEPTED_FORMS.to_string(),
        };
        Err(format!("{message}; {hint}"))
    }

    /// The URL form: `2019-20`, `2020-21-h1`; `2023`, `2023-h1`.
    pub fn slug(self) -> String {
        let base = if self.calendar {
            self.year.to_string()
        } else {
            format!("{}-{:02}", self.year, (self.year + 1) % 100)
        };
        match self.half {
            0 => base,
            h => format!("{base}-h{h}"),
        }
    }

    pub fn is_half(self) -> bool {
        self.half != 0
    }

    /// The whole year this period belongs to.
    pub fn year_period(self) -> Period {
        Period { half: 0, ..self }
    }

    /// Why this period is not written the way the site's reporting year asks (calendar
    /// years when `year_starts` is 1, years across two otherwise), with the form to write.
    pub fn wrong_form(self, year_starts: u32) -> Option<(String, String)> {
        let calendar = year_starts == 1;
        if self.calendar == calendar {
            return None;
        }
        let other = Period { calendar, ..self };
        Some(if calendar {
            (
                format!(
                    "'{self}' is written as a year across two, but this site's reporting years are calendar years"
                ),
                format!("write {other} (reporting.year_starts is 1 in site.yaml)"),
            )
        } else {
            (
                format!(
                    "'{self}' is a calendar year, but this site's reporting year starts in {}",
                    crate::model::date::Date::month_name(year_starts)
                ),
                format!(
                    "write {other}, or set `reporting.year_starts: 1` in site.yaml for calendar years"
                ),
            )
        })
    }

    /// The period of the same length just before this one.
    pub fn previous(self) -> Period {
        match self.half {
            0 => Period {
                year: self.year - 1,
                ..self
            },
            1 => Period {
                year: self.year - 1,
                half: 2,
                ..self
            },
            _ => Period { half: 1, ..self },
        }
    }

    /// The period of the same length just after this one.
    pub fn next(self) -> Period {
        match self.half {
            0 => Period {
                year: self.year + 1,
                ..self
            },
            1 => Period { half: 2, ..self },
            _ => Period {
                year: self.year + 1,
                half: 1,
                ..self
            },
        }
    }

    /// First day, given the month the reporting year starts in.
    pub fn start(self, year_starts: u32) -> Date {
        let start = Date::first_of(self.year, year_starts);
        if self.half == 2 {
            start.add_months(6)
        } else {
            start
        }
    }

    /// Last day, given the month the reporting year starts in.
    pub fn end(self, year_starts: u32) -> Date {
        let months = if self.half == 0 { 12 } else { 6 };
        self.start(year_starts).add_months(months).previous_day()
    }

    /// Whether `other` lies inside this period (a half lies inside its year).
    pub fn contains(self, other: Period) -> bool {
        self == other || (self.half == 0 && self.year == other.year)
    }

    /// `April to September 2020`, `April 2019 to March 2020`.
    pub fn span(self, year_starts: u32) -> String {
        let (start, end) = (self.start(year_starts), self.end(year_starts));
        if start.year == end.year {
            format!("{} to {}", Date::month_name(start.month), end.month_year())
        } else {
            format!("{} to {}", start.month_year(), end.month_year())
        }
    }
}

/// The period `text` is in one of the two accepted forms, or why not (`None` when it is
/// simply not of that shape).
fn strict(text: &str) -> Result<Period, Option<String>> {
    let (year_part, half) = match text.split_once(char::is_whitespace) {
        Some((y, h)) => {
            let half = match h.trim() {
                "H1" | "h1" => 1,
                "H2" | "h2" => 2,
                other => return Err(Some(format!("'{other}' is not H1 or H2"))),
            };
            (y, half)
        }
        None => (text, 0),
    };
    let Some((first, second)) = year_part.split_once('/') else {
        if year_part.len() == 4 && year_part.bytes().all(|b| b.is_ascii_digit()) {
            let year: i32 = year_part.parse().map_err(|_| None)?;
            return Ok(Period {
                year,
                half,
                calendar: true,
            });
        }
        return Err(None);
    };
    if first.len() != 4 || second.len() != 2 {
        return Err(None);
    }
    let year: i32 = first.parse().map_err(|_| None)?;
    let next: i32 = second.parse().map_err(|_| None)?;
    if (year + 1) % 100 != next {
        return Err(Some(format!(
            "the year after {year} is {:02}, not {second}",
            (year + 1) % 100
        )));
    }
    Ok(Period {
        year,
        half,
        calendar: false,
    })
}

const MONTH_WORDS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The period another way of writing one probably means, with the reporting year starting
/// in April: `2019-20`, `2019/2020`, `FY2019/20`, `H1 2020/21`, `2020/21H1`,
/// `Apr-Sep 2021` (2021/22 H1), `October 2020 to March 2021` (2020/21 H2).
pub fn suggest(text: &str) -> Option<Period> {
    let plain = crate::lookalike::plain(text).to_ascii_lowercase();
    let plain = plain.trim().trim_start_matches("fy").trim();
    // Years and halves written another way.
    let half = if plain.contains("h1") {
        1
    } else if plain.contains("h2") {
        2
    } else {
        0
    };
    let without_half = plain.replace("h1", " ").replace("h2", " ");
    let years: Vec<&str> = without_half
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect();
    if !MONTH_WORDS.iter().any(|m| plain.contains(m)) {
        return match years.as_slice() {
            [y, next] if y.len() == 4 && (next.len() == 2 || next.len() == 4) => {
                let year: i32 = y.parse().ok()?;
                let next: i32 = next.parse().ok()?;
                ((next % 100) == (year + 1) % 100).then_some(Period {
                    year,
                    half,
                    calendar: false,
                })
            }
            _ => None,
        };
    }
    // Month ranges: `Apr-Sep 2021`, `April 2019 to March 2020`.
    let mut months = Vec::new();
    let mut years = Vec::new();
    for word in plain.split(|c: char| !c.is_ascii_alphanumeric()) {
        if let Some(m) = MONTH_WORDS
            .iter()
            .position(|m| word.len() >= 3 && word.starts_with(m))
        {
            months.push(m as i32 + 1);
        } else if word.len() == 4 && word.chars().all(|c| c.is_ascii_digit()) {
            years.push(word.parse::<i32>().ok()?);
        }
    }
    let (m1, m2, y1, y2) = match (months.as_slice(), years.as_slice()) {
        ([m1, m2], [y]) => (*m1, *m2, if m1 > m2 { *y - 1 } else { *y }, *y),
        ([m1, m2], [y1, y2]) => (*m1, *m2, *y1, *y2),
        _ => return None,
    };
    let length = (y2 * 12 + m2) - (y1 * 12 + m1) + 1;
    match (m1, length) {
        (4, 12) => Some(Period {
            year: y1,
            half: 0,
            calendar: false,
        }),
        (4, 6) => Some(Period {
            year: y1,
            half: 1,
            calendar: false,
        }),
        (10, 6) => Some(Period {
            year: y1,
            half: 2,
            calendar: false,
        }),
        _ => None,
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.calendar {
            write!(f, "{}", self.year)?;
        } else {
            write!(f, "{}/{:02}", self.year, (self.year + 1) % 100)?;
        }
        if self.half != 0 {
            write!(f, " H{}", self.half)?;
        }
        Ok(())
    }
}

impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = super::scalar::scalar_string(d)?;
        Period::parse(&text).map_err(|e| super::scalar::custom_error(&e))
    }
}

impl schemars::JsonSchema for Period {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Period".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}(/[0-9]{2})?( H[12])?$",
            "description": "A reporting year (2019/20) or half year (2020/21 H1, 2020/21 H2); with calendar years (reporting.year_starts: 1) 2023, 2023 H1 or 2023 H2."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_written_forms() {
        let y = Period::parse("2019/20").unwrap();
        assert_eq!((y.year, y.half, y.slug()), (2019, 0, "2019-20".to_string()));
        let h = Period::parse("2020/21 H2").unwrap();
        assert_eq!(h.to_string(), "2020/21 H2");
        assert_eq!(h.slug(), "2020-21-h2");
        assert_eq!(Period::parse("1999/00").unwrap().to_string(), "1999/00");
        let c = Period::parse("2023 H1").unwrap();
        assert_eq!((c.year, c.half, c.calendar), (2023, 1, true));
        assert_eq!(
            (c.to_string(), c.slug()),
            ("2023 H1".into(), "2023-h1".into())
        );
        assert_eq!(Period::parse("2023").unwrap().slug(), "2023");
        assert_eq!(c.start(1).to_string(), "2023-01-01");
        assert_eq!(c.end(1).to_string(), "2023-06-30");
        assert_eq!(c.next().to_string(), "2023 H2");
        assert_eq!(c.next().next().to_string(), "2024 H1");
        assert!(c.wrong_form(1).is_none() && c.wrong_form(4).is_some());
        assert!(Period::parse("2019/20").unwrap().wrong_form(1).is_some());
        for bad in [
            "2019/21",
            "2019-20",
            "2020/21 H3",
            "FY2019",
            "",
            "2019/2020",
        ] {
            let err = Period::parse(bad).unwrap_err();
            assert!(err.contains("2020/21 H1"), "{bad}: {err}");
        }
    }

    #[test]
    fn dates_follow_the_year_start() {
        let h1 = Period::parse("2020/21 H1").unwrap();
        assert_eq!(h1.start(4).to_string(), "2020-04-01");
        assert_eq!(h1.end(4).to_string(), "2020-09-30");
        assert_eq!(h1.span(4), "April to September 2020");
        let y = Period::parse("2019/20").unwrap();
        assert_eq!(y.end(4).to_string(), "2020-03-31");
        assert_eq!(y.span(4), "April 2019 to March 2020");
        assert_eq!(y.end(1).to_string(), "2019-12-31");
        assert_eq!(h1.previous().to_string(), "2019/20 H2");
        assert_eq!(h1.next().to_string(), "2020/21 H2");
        assert!(
            y.year_period()
                .contains(Period::parse("2019/20 H2").unwrap())
        );
    }
}
