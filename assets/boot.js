// Starts the app over the prerendered page, which reads without it. The build's <script
// data-app="JS WASM"> names the wasm-bindgen module and the wasm it loads.
const app = document.querySelector('script[data-app]');
if (app) {
  const [js, wasm] = app.dataset.app.split(' ');
  import(js).then((module) => module.default({ module_or_path: wasm }));
}
