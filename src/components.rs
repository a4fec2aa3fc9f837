//! The interactive parts of a page that are not simulations, one component per file. Each is
//! mounted by `app` over markup the build prerendered (`crate::site`), and draws the same markup
//! once the learner's progress is known, so nothing moves when it arrives.

mod continue_card;
mod course_progress;
mod lesson_check;
mod mark_complete;
mod notice_bar;
mod progress_panel;
mod quiz_view;
mod section_review;
mod theme_toggle;

pub use continue_card::ContinueCard;
pub use course_progress::CourseProgress;
pub use lesson_check::LessonCheck;
pub use mark_complete::MarkComplete;
pub use notice_bar::NoticeBar;
pub use progress_panel::ProgressPanel;
pub use quiz_view::QuizView;
pub use section_review::SectionReview;
pub use theme_toggle::ThemeToggle;
