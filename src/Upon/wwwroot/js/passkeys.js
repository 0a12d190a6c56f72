// Passkeys (WebAuthn) without inline script. A form marked data-passkey="create" (add a passkey) or "request" (sign in
// with one) asks the server for the options at data-passkey-options (a POST with the form's antiforgery token), lets the
// browser make or use the passkey, puts the answer as JSON in the form's [data-passkey-credential] field and submits it.
(function () {
  "use strict";

  function showError(form, message) {
    var box = form.querySelector("[data-passkey-error]");
    var text = form.querySelector("[data-passkey-error-text]");
    if (box && text) {
      text.textContent = message;
      box.hidden = false;
    }
  }

  function supported() {
    return typeof window.PublicKeyCredential === "function" &&
      typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function" &&
      typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function" &&
      navigator.credentials !== undefined;
  }

  async function fetchOptions(form) {
    var body = new FormData(form);
    var response = await fetch(form.getAttribute("data-passkey-options"), {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    });
    if (!response.ok) {
      throw new Error("The server answered " + response.status);
    }
    return response.json();
  }

  async function run(form) {
    var mode = form.getAttribute("data-passkey");
    var field = form.querySelector("[data-passkey-credential]");
    if (mode === "create") {
      var name = form.querySelector("input[name='Name']");
      if (name && name.value.trim() === "") {
        form.submit(); // The server says a name is needed.
        return;
      }
    }
    var options = await fetchOptions(form);
    var credential = mode === "create"
      ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
      : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
    if (!credential) {
      throw new Error("No passkey was chosen");
    }
    field.value = JSON.stringify(typeof credential.toJSON === "function" ? credential.toJSON() : credential);
    form.submit();
  }

  function attach(form) {
    var busy = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (busy) {
        return;
      }
      if (!supported()) {
        showError(form, "This browser cannot use passkeys. Use another browser or device.");
        return;
      }
      busy = true;
      run(form).catch(function (error) {
        busy = false;
        var cancelled = error && (error.name === "NotAllowedError" || error.name === "AbortError");
        showError(form, cancelled
          ? "The passkey request was cancelled or timed out. Try again."
          : form.getAttribute("data-passkey") === "create"
            ? "The passkey could not be added. Try again."
            : "Your passkey could not be used. Try again, or sign in with your email address and password.");
      });
    });
  }

  document.querySelectorAll("form[data-passkey]").forEach(attach);
})();
