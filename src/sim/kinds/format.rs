//! Figures written for a reader: `12.0 ms`, `1,247`, `16.0 %`, `3.2/s`, `1.500 TB`, `$540,000`.

use super::{TimeUnit, Units};

/// How a figure is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A whole count with thousands separators: `12,345`.
    Count,
    /// A duration in the kind's time unit: `12.0 ms`, `1.25 s`, `42.0 s`.
    Duration,
    /// A fraction as a percentage: `16.0 %`.
    Percent,
    /// Per unit of time: `3.2/s`.
    Rate,
    /// A plain number with this many decimals.
    Decimal(usize),
    /// A large number rounded to a whole one, with separators: `1,157`.
    Whole,
    /// With an SI prefix and a unit: `5.475 TB`, `58.000 MB/s`.
    Si(&'static str),
    /// Dollars, whole: `$540,000`.
    Dollars,
}

impl Format {
    pub fn show(self, x: f64, units: &Units) -> String {
        match self {
            Format::Count => format_count(if x.is_finite() && x > 0.0 { x.round() as u64 } else { 0 }),
            Format::Duration => format_duration(x, units.time),
            Format::Percent => format!("{:.1} %", x * 100.0),
            Format::Rate => format!("{x:.1}/{}", units.time.symbol()),
            Format::Decimal(places) => format!("{x:.places$}"),
            Format::Whole => whole(x),
            Format::Si(unit) => si(x, unit),
            Format::Dollars => format!("${}", whole(x)),
        }
    }
}

/// A duration as the learner reads it, in `unit`.
pub fn format_duration(x: f64, unit: TimeUnit) -> String {
    match unit {
        TimeUnit::Second => format_seconds(x),
        TimeUnit::Hour | TimeUnit::Day => format!("{x:.1} {}", unit.symbol()),
        TimeUnit::Week => format!("{x:.1} {}", unit.symbol()),
    }
}

/// Seconds as the learner reads them: `12.0 ms`, `1.25 s`, `42.0 s`.
pub fn format_seconds(seconds: f64) -> String {
    if seconds >= 10.0 {
        format!("{seconds:.1} s")
    } else if seconds >= 1.0 {
        format!("{seconds:.2} s")
    } else {
        format!("{:.1} ms", seconds * 1000.0)
    }
}

/// A run in one sentence, for a screen reader and the stepped table's caption: what arrived,
/// finished and was lost so far, in the kind's own words and time unit ("changes", hours).
pub fn run_sentence(snapshot: &crate::sim::Snapshot, units: &Units) -> String {
    let r = &snapshot.report;
    let lost = r.dropped + r.timed_out;
    let lost =
        if lost > 0 { format!(", {} dropped or timed out", format_count(lost)) } else { String::new() };
    let tail = if r.completed > 0 {
        format!("; 95 % of finished {} took at most {}", units.items, format_duration(r.p95, units.time))
    } else {
        String::new()
    };
    format!(
        "At {:.1} simulated {}: {} arrived, {} finished{lost}, {} in flight{tail}.",
        snapshot.time,
        units.time.word(),
        units.count(r.arrivals),
        format_count(r.completed),
        format_count(snapshot.in_flight as u64),
    )
}

/// A count with thousands separators: `12,345`.
pub fn format_count(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A whole number with thousands separators (`1,157`), from a float.
fn whole(x: f64) -> String {
    if x.is_finite() && x.abs() < 1e15 { format_count(x.round().abs() as u64) } else { format!("{x:.3e}") }
}

/// `x` with an SI prefix: `5.475 TB`.
fn si(x: f64, unit: &str) -> String {
    let (v, p) = [(1e15, "P"), (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]
        .into_iter()
        .find(|(scale, _)| x.abs() >= *scale)
        .map_or((x, ""), |(scale, p)| (x / scale, p));
    format!("{v:.3} {p}{unit}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_the_widgets_show_them() {
        let u = Units::REQUESTS;
        let check = |format: Format, x: f64, expected: &str| assert_eq!(format.show(x, &u), expected);
        check(Format::Count, 12345.0, "12,345");
        check(Format::Duration, 0.012, "12.0 ms");
        check(Format::Duration, 1.25, "1.25 s");
        check(Format::Duration, 42.0, "42.0 s");
        check(Format::Percent, 0.16, "16.0 %");
        check(Format::Rate, 3.21, "3.2/s");
        check(Format::Decimal(2), 1.234, "1.23");
        check(Format::Whole, 1157.4, "1,157");
        check(Format::Si("B"), 5.475e12, "5.475 TB");
        check(Format::Dollars, 540_000.0, "$540,000");
        let days = Units { time: TimeUnit::Day, ..u };
        assert_eq!(Format::Duration.show(3.5, &days), "3.5 days");
    }

    #[test]
    fn a_run_is_told_in_its_kinds_words() {
        // Regression: every kind was told as requests with a "p95 latency", so a delivery run
        // spoke of requests dropped or timed out.
        let mut snapshot = crate::sim::Snapshot::empty(12.0);
        snapshot.in_flight = 9;
        snapshot.report.arrivals = 40;
        snapshot.report.completed = 31;
        snapshot.report.p95 = 20.5;
        let changes = Units { item: "change", items: "changes", time: TimeUnit::Hour };
        assert_eq!(
            run_sentence(&snapshot, &changes),
            "At 12.0 simulated hours: 40 changes arrived, 31 finished, 9 in flight; 95 % of finished changes took at most 20.5 h."
        );
        snapshot.report.arrivals = 1;
        assert!(run_sentence(&snapshot, &changes).contains(": 1 change arrived,"));
        snapshot.report.arrivals = 40;
        snapshot.report.dropped = 1200;
        snapshot.report.p95 = 0.25;
        assert_eq!(
            run_sentence(&snapshot, &Units::REQUESTS),
            "At 12.0 simulated seconds: 40 requests arrived, 31 finished, 1,200 dropped or timed out, 9 in flight; 95 % of finished requests took at most 250.0 ms."
        );
    }
}
