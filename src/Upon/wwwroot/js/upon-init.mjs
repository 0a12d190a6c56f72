import { initAll } from "./govuk-frontend.min.js";
initAll();

// A warning summary at the top of a form page takes the focus, as GOV.UK's error summary does for errors (which win).
const warnings = document.querySelector("[data-upon-focus]");
if (warnings && !document.querySelector(".govuk-error-summary")) {
  warnings.focus();
}
