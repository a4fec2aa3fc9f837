//! Components that drive a simulation beside a lesson.

mod sim_widget;

pub use sim_widget::SimWidget;
