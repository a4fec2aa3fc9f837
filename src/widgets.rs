//! Live simulations beside lessons and in embeds. [`SimWidget`] owns a run ([`WidgetState`])
//! and composes the parts that show and steer it; the run itself is `crate::sim`, advanced one
//! bounded frame at a time by `crate::playback`.

mod charts;
mod compare_view;
mod controls;
mod draw;
mod embed_api;
mod frame_loop;
mod live_summary;
mod palette;
mod readouts;
mod setup_links;
mod share_panel;
mod sim_canvas;
mod sim_widget;
mod static_widget;
mod stepped_table;
mod sweep_view;
mod team_stage;
pub mod test_hooks;
mod theory_note;
mod widget_state;

pub use charts::Charts;
pub use compare_view::CompareView;
pub use controls::{FailureControls, ParameterControls, PlaybackControls};
pub use embed_api::{EmbedApi, command_origin};
pub use live_summary::LiveSummary;
pub use readouts::Readouts;
pub use share_panel::SharePanel;
pub use sim_canvas::SimCanvas;
pub use sim_widget::{ProblemList, SimWidget, WidgetConfig};
pub use static_widget::StaticWidget;
pub use stepped_table::SteppedTable;
pub use sweep_view::SweepView;
pub use theory_note::TheoryNote;
pub use widget_state::WidgetState;
