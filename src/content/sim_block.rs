//! A ```sim block: scenario lines plus the widget keys (`controls`, `caption`, `goal`).
//!
//! The scenario text is handed to [`crate::scenario`] as is; this module only takes out what
//! belongs to the widget around it.

/// Keys that configure the widget rather than the simulation.
pub const WIDGET_KEYS: [&str; 3] = ["controls", "caption", "goal"];

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SimBlock {
    /// The scenario's `key = value` lines, one per line.
    pub scenario: String,
    /// Scenario keys the learner may change; every other key is fixed.
    pub controls: Vec<String>,
    pub caption: Option<String>,
    /// A graded challenge, as written (`crate::scenario::goal`): `p99 < 0.8 and servers <= 6`.
    pub goal: Option<String>,
}

impl SimBlock {
    pub fn parse(text: &str) -> SimBlock {
        let mut block = SimBlock::default();
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (key, value) = line.split_once('=').unwrap_or((line, ""));
            match key.trim() {
                "controls" => {
                    block.controls =
                        value.split(',').map(str::trim).filter(|k| !k.is_empty()).map(String::from).collect()
                }
                "caption" => block.caption = Some(value.trim().to_string()),
                "goal" => block.goal = Some(value.trim().to_string()),
                _ => {
                    block.scenario.push_str(line);
                    block.scenario.push('\n');
                }
            }
        }
        block
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widget_keys_are_taken_out() {
        let block = SimBlock::parse(
            "# comment\nkind = queue\n\ncontrols = rate, servers\ncaption = One queue.\nrate=0.9\ngoal = p99 < 0.5 and servers <= 2\n",
        );
        assert_eq!(block.goal.as_deref(), Some("p99 < 0.5 and servers <= 2"));
        assert_eq!(block.scenario, "kind = queue\nrate=0.9\n");
        assert_eq!(block.controls, ["rate", "servers"]);
        assert_eq!(block.caption.as_deref(), Some("One queue."));
    }
}
