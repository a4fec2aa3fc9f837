//! "Set up" lines: a paragraph of its own in a lesson, `setup: policy = least_conn, outage_at = 5.5`,
//! that puts the lesson's widget in the state a "Try this" step asks for.
//!
//! Syntax (docs/authoring.md, "Set up a step"): `setup:` then scenario pairs separated by `,`
//! or `;`. A comma-separated piece without `=` belongs to the value before it, so a list value
//! reads as it does in a ```sim block (`speeds = 1, 1, 0.5, rate = 90`). `kind` cannot be set:
//! a step changes the lesson's widget, it does not replace it.
//!
//! The page shows each line as a "Set up" link. Without JavaScript it opens the lesson's
//! widget as an embed with the step's settings merged into the lesson's block; with it, the
//! widget merges the settings into its current scenario (its seed kept unless the step sets
//! one) and starts over from time zero, paused, so the step's prediction still comes first.
//!
//! Pure: text in, data and HTML out.

use super::sim_block::SimBlock;
use crate::scenario::{self, Kind, Scenario};

/// The word that starts a setup paragraph.
pub const PREFIX: &str = "setup:";

/// One setup line: the pairs it sets, in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Setup {
    pub pairs: Vec<(String, String)>,
}

impl Setup {
    /// Reads a paragraph's text. `None` when it is not a setup line; `Err` when it is one but
    /// does not read as pairs.
    pub fn parse(text: &str) -> Option<Result<Setup, String>> {
        let rest = text.trim().strip_prefix(PREFIX)?;
        let mut pairs: Vec<(String, String)> = Vec::new();
        for group in rest.split(';') {
            let mut open = false;
            for piece in group.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                match (piece.split_once('='), pairs.last_mut()) {
                    (Some((key, value)), _) => pairs.push((key.trim().to_string(), value.trim().to_string())),
                    (None, Some((_, value))) if open => {
                        value.push_str(", ");
                        value.push_str(piece);
                    }
                    (None, _) => return Some(Err(format!("setup: `{piece}` is not a `key = value` pair"))),
                }
                open = true;
            }
        }
        if pairs.is_empty() {
            return Some(
                Err("setup: the line sets nothing (write `setup: key = value, key = value`)".into()),
            );
        }
        if let Some((key, _)) =
            pairs.iter().find(|(key, _)| key.is_empty() || key.contains(char::is_whitespace))
        {
            return Some(Err(format!("setup: `{key}` is not a key")));
        }
        Some(Ok(Setup { pairs }))
    }

    /// The line as the page shows it: `policy = least_conn, outage_at = 5.5`.
    pub fn label(&self) -> String {
        self.pairs.iter().map(|(k, v)| format!("{k} = {v}")).collect::<Vec<_>>().join(", ")
    }

    /// What the widget reads from the link: one `key = value` per line.
    pub fn attribute(&self) -> String {
        self.pairs.iter().map(|(k, v)| format!("{k} = {v}")).collect::<Vec<_>>().join("\n")
    }

    /// Reads [`Setup::attribute`] back (in the browser).
    pub fn from_attribute(text: &str) -> Setup {
        let pairs = text
            .lines()
            .filter_map(|line| line.split_once('='))
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .filter(|(k, _)| !k.is_empty() && k != "kind")
            .collect();
        Setup { pairs }
    }

    /// Every problem with this setup for the lesson's widget: a key the widget's kind does not
    /// use, `kind` itself, or a value the scenario parser has to correct.
    pub fn problems(&self, sim: &SimBlock) -> Vec<String> {
        let kind = Scenario::parse(&sim.scenario).scenario.kind;
        let mut problems = Vec::new();
        for (key, _) in &self.pairs {
            if key == "kind" {
                problems
                    .push("setup: `kind` cannot change; a step sets up the lesson's own widget".to_string());
            } else if scenario::lookup(key, kind).is_none() {
                problems.push(format!("setup: `{key}` is not a key of kind = {}", kind.name()));
            }
        }
        if problems.is_empty() {
            let merged = self.merged_text(sim);
            problems.extend(scenario::lint(&merged).into_iter().map(|p| format!("setup: {p}")));
        }
        problems
    }

    /// The lesson's block with this setup's pairs after it (later pairs win).
    fn merged_text(&self, sim: &SimBlock) -> String {
        let mut text = sim.scenario.clone();
        for (key, value) in &self.pairs {
            text.push_str(&format!("\n{key} = {value}"));
        }
        text
    }

    /// The lesson's scenario with this setup (later pairs win), corrected where it must be.
    pub fn scenario(&self, sim: &SimBlock) -> Scenario {
        Scenario::parse(&self.merged_text(sim)).scenario
    }

    /// The embed address (relative to the site's base) of the lesson's widget with this setup:
    /// what the link opens without JavaScript.
    pub fn embed_href(&self, sim: &SimBlock) -> String {
        let scenario = self.scenario(sim);
        let mut href = format!("embed/{}/?{}", scenario.kind.name(), scenario.to_query());
        if !sim.controls.is_empty() {
            href.push_str("&controls=");
            href.push_str(&sim.controls.join(","));
        }
        href
    }
}

/// The marker `markdown::render` leaves where setup `index` goes, until the lesson's widget is
/// known.
pub fn marker(index: usize) -> String {
    format!("<!--headroom-setup:{index}-->")
}

/// The link that sets up the step, as HTML.
pub fn button_html(setup: &Setup, sim: &SimBlock) -> String {
    format!(
        r#"<p class="setup"><a class="setup-button" href="{}" data-setup="{}" data-testid="setup">Set up</a> <code>{}</code></p>"#,
        escape(&setup.embed_href(sim)),
        escape(&setup.attribute()),
        escape(&setup.label())
    )
}

/// The kind a lesson's widget runs, for messages.
pub fn kind_of(sim: &SimBlock) -> Kind {
    Scenario::parse(&sim.scenario).scenario.kind
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\n', "&#10;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn balancer() -> SimBlock {
        SimBlock::parse("kind = balancer\nservers = 4\nrate = 150\ncontrols = policy\n")
    }

    #[test]
    fn a_setup_line_reads_as_pairs() {
        assert_eq!(Setup::parse("Predict the p99."), None);
        let setup = Setup::parse("setup: policy = least_conn, outage_at = 5.5").unwrap().unwrap();
        assert_eq!(setup.pairs, [("policy".into(), "least_conn".into()), ("outage_at".into(), "5.5".into())]);
        assert_eq!(setup.label(), "policy = least_conn, outage_at = 5.5");
        // A list value keeps its commas; `;` always separates.
        let list = Setup::parse("setup: speeds = 1, 1, 0.5; rate = 90").unwrap().unwrap();
        assert_eq!(list.pairs, [("speeds".into(), "1, 1, 0.5".into()), ("rate".into(), "90".into())]);
        assert!(Setup::parse("setup:").unwrap().is_err());
        assert!(Setup::parse("setup: least_conn").unwrap().is_err());
        assert_eq!(Setup::from_attribute(&setup.attribute()), setup);
    }

    #[test]
    fn keys_are_checked_against_the_widgets_kind() {
        let sim = balancer();
        let ok = Setup::parse("setup: policy = least_conn").unwrap().unwrap();
        assert!(ok.problems(&sim).is_empty(), "{:?}", ok.problems(&sim));
        let foreign = Setup::parse("setup: capacity = 10").unwrap().unwrap();
        assert_eq!(foreign.problems(&sim), ["setup: `capacity` is not a key of kind = balancer"]);
        let bad_value = Setup::parse("setup: policy = fastest").unwrap().unwrap();
        assert!(bad_value.problems(&sim)[0].contains("`policy`"), "{:?}", bad_value.problems(&sim));
        let kind = Setup::parse("setup: kind = queue").unwrap().unwrap();
        assert!(kind.problems(&sim)[0].contains("`kind` cannot change"));
    }

    #[test]
    fn the_link_opens_the_widget_with_the_step_settings() {
        let setup = Setup::parse("setup: policy = least_conn").unwrap().unwrap();
        let href = setup.embed_href(&balancer());
        assert!(href.starts_with("embed/balancer/?kind=balancer&"), "{href}");
        assert!(href.contains("policy=least_conn") && href.contains("rate=150"), "{href}");
        assert!(href.ends_with("&controls=policy"), "{href}");
        let html = button_html(&setup, &balancer());
        assert!(html.contains(r#"data-setup="policy = least_conn""#), "{html}");
        assert!(html.contains("&amp;controls=policy"), "{html}");
    }
}
