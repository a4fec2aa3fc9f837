//! One component per route.

mod course_page;
mod embed_page;
mod home_page;
mod lesson_page;
mod not_found_page;

pub use course_page::CoursePage;
pub use embed_page::EmbedPage;
pub use home_page::HomePage;
pub use lesson_page::LessonPage;
pub use not_found_page::NotFoundPage;
