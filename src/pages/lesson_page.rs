use std::{cell::Cell, rc::Rc, time::Duration};

use leptos::{ev, prelude::*};
use leptos_router::{
    NavigateOptions,
    hooks::{use_navigate, use_params_map},
};

use super::NotFoundPage;
use crate::{
    app::use_progress,
    browser,
    components::{QuizView, TableOfContents},
    content::{Block, Course, Lesson, Rendered, embedded_catalog, front_matter, links, markdown},
    storage::{lesson_id, prediction_id, quiz_id},
    widgets::{SimWidget, WidgetConfig},
};

#[component]
pub fn LessonPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let (course, lesson) =
            params.with(|p| (p.get("course").unwrap_or_default(), p.get("lesson").unwrap_or_default()));
        let catalog = embedded_catalog();
        match (catalog.course(&course), catalog.lesson(&course, &lesson)) {
            (Some(course), Some(lesson)) => view! { <LessonView course lesson/> }.into_any(),
            _ => view! { <NotFoundPage/> }.into_any(),
        }
    }
}

#[component]
fn LessonView(course: &'static Course, lesson: &'static Lesson) -> impl IntoView {
    let progress = use_progress().progress;
    let id = lesson_id(&course.slug, &lesson.slug);
    // How far down the lesson the learner was is kept for this tab only (sessionStorage).
    let resume = session()
        .and_then(|s| s.get_item(&scroll_key(&id)).ok().flatten())
        .and_then(|v| v.parse::<f64>().ok());
    progress.update(|p| p.visit(&id, browser::wall_clock_ms()));
    track_scroll(id.clone());
    keyboard_navigation(course, &lesson.slug);

    let url = format!("content/{}/{}.md", course.slug, lesson.slug);
    let body = LocalResource::new(move || {
        let url = url.clone();
        async move {
            let text = browser::fetch_text(&url).await?;
            Ok::<_, String>(Rc::new(markdown::render(front_matter::body(&text), &course.slug, &lesson.slug)))
        }
    });
    let content = move || match body.get() {
        None => view! { <p class="loading" aria-busy="true">"Loading the lesson…"</p> }.into_any(),
        Some(Err(e)) => view! {
            <div class="load-error" role="alert">
                <p>{format!("This lesson could not be loaded: {e}.")}</p>
                <button on:click=move |_| body.refetch()>"Try again"</button>
            </div>
        }
        .into_any(),
        Some(Ok(rendered)) => view! { <LessonBody course lesson rendered resume/> }.into_any(),
    };

    let done_id = id.clone();
    let done = Memo::new(move |_| progress.with(|p| p.is_complete(&done_id)));
    let toggle =
        move |_| progress.update(|p| p.set_complete(&id, !p.is_complete(&id), browser::wall_clock_ms()));
    let section = course.sections.iter().find(|s| s.lessons.iter().any(|l| l.slug == lesson.slug));
    let (prev, next) = course.neighbours(&lesson.slug);
    let objectives = lesson.front.objectives.iter().map(|o| view! { <li>{o.clone()}</li> }).collect_view();

    view! {
        <article class="page lesson">
            <nav class="breadcrumb" aria-label="Breadcrumb">
                <a href="./">"Home"</a>" / "
                <a href=format!("learn/{}", course.slug)>{course.title.clone()}</a>
                {section.map(|s| format!(" / {}", s.title))}
            </nav>
            <header class="lesson-header">
                <h1>{lesson.front.title.clone()}</h1>
                <p class="lead">{lesson.front.summary.clone()}</p>
                <p class="muted">{format!("About {} minutes", lesson.front.minutes)}</p>
                <div class="objectives">
                    <h2>"After this lesson you can"</h2>
                    <ul>{objectives}</ul>
                </div>
            </header>
            {content}
            <footer class="lesson-footer">
                <button class="complete" class:done=done data-testid="mark-complete" aria-pressed=move || done.get().to_string() on:click=toggle>
                    {move || if done.get() { "✓ Completed (click to undo)" } else { "Mark lesson complete" }}
                </button>
                <nav class="prev-next" aria-label="Lessons">
                    {prev.map(|l| view! { <a rel="prev" data-testid="prev" href=links::lesson_href(&course.slug, &l.slug)>"← "{l.front.title.clone()}</a> })}
                    {next.map(|l| view! { <a rel="next" data-testid="next" href=links::lesson_href(&course.slug, &l.slug)>{l.front.title.clone()}" →"</a> })}
                </nav>
                <p class="muted keys">"Tip: the ← and → keys move between lessons."</p>
            </footer>
        </article>
    }
}

/// The fetched lesson: its table of contents and its blocks.
#[component]
fn LessonBody(
    course: &'static Course,
    lesson: &'static Lesson,
    rendered: Rc<Rendered>,
    resume: Option<f64>,
) -> impl IntoView {
    let mut quizzes = 0;
    let mut predictions = 0;
    let blocks = rendered
        .blocks
        .iter()
        .map(|block| match block {
            Block::Html(html) => view! { <div class="prose" inner_html=html.clone()></div> }.into_any(),
            Block::Sim(sim) => view! { <SimWidget config=WidgetConfig::from_block(sim)/> }.into_any(),
            Block::Quiz(Ok(quiz)) => {
                let id = quiz_id(&course.slug, &lesson.slug, quizzes);
                quizzes += 1;
                view! { <QuizView quiz=quiz.clone() id/> }.into_any()
            }
            Block::Predict(Ok(quiz)) => {
                let id = prediction_id(&course.slug, &lesson.slug, predictions);
                predictions += 1;
                view! { <div class="prediction"><QuizView quiz=quiz.clone() id/></div> }.into_any()
            }
            Block::Figure(Ok(figure)) => {
                view! { <p class="figure-caption">{figure.caption.clone()}</p> }.into_any()
            }
            Block::Quiz(Err(e)) | Block::Predict(Err(e)) | Block::Figure(Err(e)) => {
                view! { <p class="load-error">{format!("This part could not be shown: {e}")}</p> }.into_any()
            }
        })
        .collect_view();
    // The page is now tall enough: go to the heading in the address, or back to where the
    // learner was.
    request_animation_frame(move || {
        let hash = window().location().hash().unwrap_or_default();
        let target = hash.strip_prefix('#').and_then(|id| document().get_element_by_id(id));
        match (target, resume) {
            (Some(el), _) => el.scroll_into_view(),
            (None, Some(fraction)) if fraction > 0.0 => browser::scroll_to_fraction(fraction),
            _ => {}
        }
    });
    view! {
        <div class="lesson-layout">
            <TableOfContents course=course.slug.clone() lesson=lesson.slug.clone() headings=rendered.headings.clone()/>
            <div class="lesson-body" data-testid="lesson-body">{blocks}</div>
        </div>
    }
}

/// Records how far down the lesson the learner is, at most a few times a second.
fn track_scroll(id: String) {
    let pending = Rc::new(Cell::new(false));
    let handle = window_event_listener(ev::scroll, move |_| {
        if pending.replace(true) {
            return;
        }
        let pending = Rc::clone(&pending);
        let id = id.clone();
        set_timeout(
            move || {
                pending.set(false);
                let scroll = browser::scroll_fraction();
                if let Some(session) = session() {
                    let _ = session.set_item(&scroll_key(&id), &format!("{:.3}", scroll));
                }
            },
            Duration::from_millis(400),
        );
    });
    on_cleanup(move || handle.remove());
}

fn session() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

fn scroll_key(id: &str) -> String {
    format!("headroom.scroll.{id}")
}

/// ← and → go to the previous and next lesson, unless the learner is typing.
fn keyboard_navigation(course: &'static Course, slug: &str) {
    let (prev, next) = course.neighbours(slug);
    let target = |l: Option<&Lesson>| {
        l.map(|l| format!("{}/{}", browser::base_path(), links::lesson_href(&course.slug, &l.slug)))
    };
    let (prev, next) = (target(prev), target(next));
    let navigate = use_navigate();
    let handle = window_event_listener(ev::keydown, move |ev| {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || browser::typing_in_field() {
            return;
        }
        let to = match ev.key().as_str() {
            "ArrowLeft" => prev.as_deref(),
            "ArrowRight" => next.as_deref(),
            _ => None,
        };
        if let Some(to) = to {
            ev.prevent_default();
            navigate(to, NavigateOptions { resolve: false, ..Default::default() });
        }
    });
    on_cleanup(move || handle.remove());
}
