use leptos::prelude::*;

use crate::{
    app::use_progress,
    components::{CourseCard, ProgressPanel},
    content::{embedded_catalog, links},
};

#[component]
pub fn HomePage() -> impl IntoView {
    let progress = use_progress().progress;
    let continue_card = move || {
        let last = progress.with(|p| p.last_lesson().map(str::to_string))?;
        let (course, lesson) = last.split_once('/')?;
        let found = embedded_catalog().lesson(course, lesson)?;
        Some(view! {
            <a class="continue" data-testid="continue" href=links::lesson_href(course, lesson)>
                <span class="muted">"Continue where you left off"</span>
                <strong>{found.front.title.clone()}</strong>
            </a>
        })
    };
    let courses = embedded_catalog().courses.iter().map(|course| view! { <CourseCard course/> });
    view! {
        <div class="page home">
            <section class="hero">
                <h1>"Learn system design by running it"</h1>
                <p class="lead">
                    "Every lesson sits beside a live simulation of the thing it explains: caches, load balancers, queues, rate limiters. "
                    "Guess what will happen, move a slider, and watch the numbers prove you right or wrong."
                </p>
            </section>
            {continue_card}
            <section aria-labelledby="courses-title">
                <h2 id="courses-title">"Courses"</h2>
                <div class="course-grid">{courses.collect_view()}</div>
            </section>
            <ProgressPanel/>
        </div>
    }
}
