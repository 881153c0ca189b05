//! Calendar dates at the precision their source gives: ISO 8601 `YYYY`, `YYYY-MM` or
//! `YYYY-MM-DD`, checked, ordered, and shown as people read them at that precision.

use std::fmt;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A checked calendar date, to the year, the month or the day. `month` and `day` are 0 when
/// the source does not give them (`2017` has neither, `2017-06` no day). Ordering is
/// chronological, a year before its months and a month before its days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    /// 1 to 12, or 0 when only the year is known.
    pub month: u32,
    /// 1 to 31, or 0 when only the year or the month is known.
    pub day: u32,
}

/// How much of a date its source gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Precision {
    Year,
    Month,
    Day,
}

impl Date {
    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, refusing impossible days such as 2021-02-29.
    pub fn parse(text: &str) -> Result<Date, String> {
        let text = text.trim();
        let b = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| b[range].iter().all(u8::is_ascii_digit);
        let shape_ok = match b.len() {
            4 => digits(0..4),
            7 => digits(0..4) && b[4] == b'-' && digits(5..7),
            10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
            _ => false,
        };
        if !shape_ok {
            let why = crate::lookalike::explain(text)
                .map(|odd| format!(": {odd}"))
                .unwrap_or_default();
            return Err(match suggest(text) {
                Some(d) if d.to_string() != text => format!(
                    "'{text}' is not a date{why}; did you mean {d} ({})? Dates are written YYYY-MM-DD, or YYYY-MM or YYYY where the source gives no day",
                    d.long()
                ),
                _ => format!(
                    "'{text}' is not a date{why}; write dates as YYYY-MM-DD, for example 2020-09-30, or as YYYY-MM or YYYY where the source gives no day or month"
                ),
            });
        }
        let year: i32 = text[0..4].parse().unwrap_or(0);
        if b.len() == 4 {
            return Ok(Date {
                year,
                month: 0,
                day: 0,
            });
        }
        let month: u32 = text[5..7].parse().unwrap_or(0);
        if !(1..=12).contains(&month) {
            return Err(format!(
                "'{text}' has no month {month}; months run from 01 to 12"
            ));
        }
        if b.len() == 7 {
            return Ok(Date {
                year,
                month,
                day: 0,
            });
        }
        let day: u32 = text[8..10].parse().unwrap_or(0);
        let last = days_in_month(year, month);
        if day == 0 || day > last {
            return Err(format!(
                "'{text}' is not a day of the calendar: {} {year} has {last} days",
                MONTHS[month as usize - 1]
            ));
        }
        Ok(Date { year, month, day })
    }

    /// How much of the date is known.
    pub fn precision(self) -> Precision {
        match (self.month, self.day) {
            (0, _) => Precision::Year,
            (_, 0) => Precision::Month,
            _ => Precision::Day,
        }
    }

    /// The first day the date can be: itself when it gives the day, else the first day of
    /// its month or year.
    #[must_use]
    pub fn earliest(self) -> Date {
        Date {
            year: self.year,
            month: self.month.max(1),
            day: self.day.max(1),
        }
    }

    /// The last day the date can be: itself when it gives the day, else the last day of its
    /// month or year.
    #[must_use]
    pub fn latest(self) -> Date {
        let month = if self.month == 0 { 12 } else { self.month };
        let day = if self.day == 0 {
            days_in_month(self.year, month)
        } else {
            self.day
        };
        Date {
            year: self.year,
            month,
            day,
        }
    }

    /// The first day of a month.
    pub fn first_of(year: i32, month: u32) -> Date {
        Date {
            year,
            month,
            day: 1,
        }
    }

    /// This date moved by whole months, the day clamped to the month's length. A date
    /// without a day or month is taken at its first day.
    #[must_use]
    pub fn add_months(self, months: i32) -> Date {
        let this = self.earliest();
        let index = this.year * 12 + this.month as i32 - 1 + months;
        let year = index.div_euclid(12);
        let month = index.rem_euclid(12) as u32 + 1;
        let day = this.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// Days since 1970-01-01 (negative before it), by Howard Hinnant's `days_from_civil`; a
    /// date without a day or month counts from its first day.
    pub fn days(self) -> i64 {
        let d = self.earliest();
        let y = i64::from(d.year) - i64::from(d.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(d.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (Hinnant's `civil_from_days`): the inverse of
    /// [`Date::days`], for today's date from the system clock.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The day before this one (a date without a day: the day before its first).
    #[must_use]
    pub fn previous_day(self) -> Date {
        let this = self.earliest();
        if this.day > 1 {
            return Date {
                day: this.day - 1,
                ..this
            };
        }
        let prev = Date { day: 1, ..this }.add_months(-1);
        Date {
            day: days_in_month(prev.year, prev.month),
            ..prev
        }
    }

    /// `30 September 2020`, `September 2020` or `2020`: the date at its precision, in
    /// English (for authors' messages; readers' words come from the translation table).
    pub fn long(self) -> String {
        match self.precision() {
            Precision::Day => format!(
                "{} {} {}",
                self.day,
                MONTHS[self.month as usize - 1],
                self.year
            ),
            Precision::Month => self.month_year(),
            Precision::Year => self.year.to_string(),
        }
    }

    /// `September 2020` (`2020` for a date without a month).
    pub fn month_year(self) -> String {
        if self.month == 0 {
            return self.year.to_string();
        }
        format!("{} {}", MONTHS[self.month as usize - 1], self.year)
    }

    /// The English name of a month, 1-based.
    pub fn month_name(month: u32) -> &'static str {
        MONTHS[(month.clamp(1, 12) - 1) as usize]
    }
}

/// The date another way of writing one probably means, reading day-first as people in the
/// UK write them: `30/09/2020`, `30.09.2020`, `30 September 2020`, `30 Sept 2020`,
/// `September 30, 2020`, `2020/09/30`, `2020-9-30`.
fn suggest(text: &str) -> Option<Date> {
    let plain = crate::lookalike::plain(text).to_ascii_lowercase();
    let mut numbers = Vec::new();
    let mut month_word = None;
    for word in plain
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let digits = word.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
            numbers.push(digits.parse::<i32>().ok()?);
        } else if let Some(m) = MONTHS
            .iter()
            .position(|name| word.len() >= 3 && name.to_ascii_lowercase().starts_with(&word[..3]))
        {
            month_word = Some(m as i32 + 1);
        } else {
            return None;
        }
    }
    if let ([y], Some(m)) = (numbers.as_slice(), month_word)
        && *y > 31
    {
        return Date::parse(&format!("{y:04}-{m:02}")).ok();
    }
    let (year, month, day) = match (numbers.as_slice(), month_word) {
        ([y, m, d], None) if *y > 31 => (*y, *m, *d),
        ([d, m, y], None) if *y > 31 => (*y, *m, *d),
        ([d, y], Some(m)) if *y > 31 => (*y, m, *d),
        ([y, d], Some(m)) if *y > 31 => (*y, m, *d),
        _ => return None,
    };
    let candidate = format!("{year:04}-{month:02}-{day:02}");
    Date::parse(&candidate).ok()
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision() {
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
            Precision::Month => write!(f, "{:04}-{:02}", self.year, self.month),
            Precision::Year => write!(f, "{:04}", self.year),
        }
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = super::scalar::scalar_string(d)?;
        Date::parse(&text).map_err(|e| super::scalar::custom_error(&e))
    }
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
            "description": "An ISO 8601 date at the precision the source gives: YYYY-MM-DD, YYYY-MM or YYYY."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_refuses() {
        assert_eq!(
            Date::parse("2020-02-29").unwrap().long(),
            "29 February 2020"
        );
        assert!(Date::parse("2021-02-29").is_err());
        assert!(Date::parse("2021-13-01").is_err());
        assert!(Date::parse("30/09/2020").is_err());
        assert!(Date::parse("2020-9-30").is_err());
        assert!(Date::parse("2020-13").is_err());
        assert!(Date::parse("20201").is_err());
    }

    #[test]
    fn partial_dates_keep_their_precision() {
        let year = Date::parse("2017").unwrap();
        let month = Date::parse("2017-06").unwrap();
        let day = Date::parse("2017-06-30").unwrap();
        assert_eq!(
            (year.to_string(), month.to_string(), day.to_string()),
            ("2017".into(), "2017-06".into(), "2017-06-30".into())
        );
        assert_eq!(
            (year.long(), month.long(), day.long()),
            ("2017".into(), "June 2017".into(), "30 June 2017".into())
        );
        assert_eq!(year.precision(), Precision::Year);
        assert!(year < month && month < day);
        assert_eq!(year.latest().to_string(), "2017-12-31");
        assert_eq!(month.latest().to_string(), "2017-06-30");
        assert_eq!(month.earliest().to_string(), "2017-06-01");
        assert_eq!(
            Date::parse("2020-02").unwrap().latest().to_string(),
            "2020-02-29"
        );
    }

    #[test]
    fn days_since_the_epoch_both_ways() {
        let d = |s: &str| Date::parse(s).unwrap();
        assert_eq!(d("1970-01-01").days(), 0);
        assert_eq!(d("2021-11-15").days(), 18_946);
        assert_eq!(d("2000-03-01").days() - d("2000-02-28").days(), 2);
        for n in [-800_000, -1, 0, 59, 18_946, 1_000_000] {
            assert_eq!(Date::from_days(n).days(), n);
        }
        assert_eq!(Date::from_days(18_946), d("2021-11-15"));
    }

    #[test]
    fn month_arithmetic() {
        let d = Date::parse("2020-08-31").unwrap();
        assert_eq!(d.add_months(6).to_string(), "2021-02-28");
        assert_eq!(d.add_months(-9).to_string(), "2019-11-30");
        assert_eq!(
            Date::first_of(2021, 1).previous_day().to_string(),
            "2020-12-31"
        );
        assert_eq!(
            Date::first_of(2020, 3).previous_day().to_string(),
            "2020-02-29"
        );
    }
}
