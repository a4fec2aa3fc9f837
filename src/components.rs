//! Shared UI pieces, one component per file.

mod course_card;
mod lesson_list;
mod notice_bar;
mod progress_panel;
mod quiz_view;
mod site_footer;
mod site_header;
mod table_of_contents;
mod theme_toggle;

pub use course_card::CourseCard;
pub use lesson_list::LessonList;
pub use notice_bar::NoticeBar;
pub use progress_panel::ProgressPanel;
pub use quiz_view::QuizView;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use table_of_contents::TableOfContents;
pub use theme_toggle::ThemeToggle;
