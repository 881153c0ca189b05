//! Figures as readers see them: whole numbers grouped in thousands (`1,250`), others to one
//! decimal place, percentages with their sign (`42.5%`).

use crate::model::KpiKind;

/// `11`, `1,250`, `42.5%`.
pub fn format_number(n: f64, kind: KpiKind) -> String {
    let text = if n.fract() == 0.0 && n.abs() < 1e15 {
        let whole = n as i64;
        let digits = whole.unsigned_abs().to_string();
        let mut grouped = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        if whole < 0 {
            format!("-{grouped}")
        } else {
            grouped
        }
    } else {
        format!("{n:.1}")
    };
    if kind == KpiKind::Percent {
        format!("{text}%")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(format_number(1250.0, KpiKind::Count), "1,250");
        assert_eq!(format_number(42.5, KpiKind::Percent), "42.5%");
        assert_eq!(format_number(11.0, KpiKind::Count), "11");
        assert_eq!(format_number(-1250.0, KpiKind::Count), "-1,250");
    }
}
