// Marks the page as having JavaScript (no inline script: the Content-Security-Policy forbids it)
// and starts GOV.UK Frontend's components.
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
