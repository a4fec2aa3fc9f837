//! Headroom: learn system design by running it.
//!
//! The pure core (`sim`, `scenario`, `content`) builds and tests natively and knows nothing of
//! the browser. The rest, behind the default `web` feature, is the browser view over it.
//! See ARCHITECTURE.md.

// Pure core: no leptos, web-sys, wasm-bindgen or gloo (checked by tests/layering.rs).
pub mod content;
pub mod islands;
pub mod playback;
pub mod scenario;
pub mod sim;
// Progress format and migrations are pure; only `storage::local` touches the browser.
pub mod storage;
// The static site, rendered at build time (natively; never part of the wasm).
#[cfg(not(target_arch = "wasm32"))]
pub mod site;

// Browser side.
#[cfg(feature = "web")]
pub mod app;
#[cfg(feature = "web")]
pub mod browser;
#[cfg(feature = "web")]
pub mod components;
#[cfg(feature = "web")]
pub mod widgets;
