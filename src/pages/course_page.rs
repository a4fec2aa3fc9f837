use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::NotFoundPage;
use crate::{
    app::use_progress,
    components::LessonList,
    content::{Course, embedded_catalog},
    storage::lesson_id,
};

#[component]
pub fn CoursePage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let slug = params.with(|p| p.get("course").unwrap_or_default());
        match embedded_catalog().course(&slug) {
            Some(course) => view! { <CourseView course/> }.into_any(),
            None => view! { <NotFoundPage/> }.into_any(),
        }
    }
}

#[component]
fn CourseView(course: &'static Course) -> impl IntoView {
    let progress = use_progress().progress;
    let total = course.lesson_count();
    let minutes: u32 = course.lessons().map(|l| l.front.minutes).sum();
    let done = move || {
        progress
            .with(|p| course.lessons().filter(|l| p.is_complete(&lesson_id(&course.slug, &l.slug))).count())
    };
    let sections = course.sections.iter().map(|section| {
        view! {
            <section class="course-section">
                <h2>{section.title.clone()}</h2>
                <LessonList course section/>
            </section>
        }
    });
    view! {
        <div class="page course">
            <nav class="breadcrumb" aria-label="Breadcrumb"><a href="./">"Home"</a></nav>
            <h1>{course.title.clone()}</h1>
            <p class="lead">{course.summary.clone()}</p>
            {if total == 0 {
                view! { <p class="empty" data-testid="course-progress">"The first lessons of this course are being written. The System Design course is ready to start."</p> }.into_any()
            } else {
                view! {
                    <p class="muted" data-testid="course-progress">
                        {move || format!("{} of {total} lessons complete", done())}
                        {format!(" · about {} hours in all", (minutes + 30) / 60)}
                    </p>
                }.into_any()
            }}
            {sections.collect_view()}
        </div>
    }
}
