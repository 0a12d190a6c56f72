import { initAll } from "./govuk-frontend.min.js";
initAll();

// A warning summary at the top of a form page takes the focus, as GOV.UK's error summary does for errors (which win),
// and its links move the focus to the field they name, as the error summary's do.
const warnings = document.querySelector("[data-upon-focus]");
if (warnings) {
  if (!document.querySelector(".govuk-error-summary")) {
    warnings.focus();
  }
  warnings.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href^='#']") : null;
    const field = link ? document.getElementById(link.getAttribute("href").slice(1)) : null;
    if (field) {
      event.preventDefault();
      (field.closest(".govuk-form-group") ?? field).scrollIntoView();
      field.focus({ preventScroll: true });
    }
  });
}
