// The sign-in page: posts the form to POST /api exactly as a plain form would (form-urlencoded login and password)
// and shows the JSON answer. Without JavaScript the form still posts, and the browser shows the JSON itself.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("login-form");
  const button = document.getElementById("submit");
  const answer = document.getElementById("answer");
  const status = document.getElementById("answer-status");
  const message = document.getElementById("answer-message");
  const json = document.getElementById("answer-json");

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    button.disabled = true;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        headers: { "Accept": "application/json" },
        body: new URLSearchParams(new FormData(form)),
      });
      const text = await response.text();
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        body = { status: "error", message: text || response.statusText };
      }
      show(response.status, body);
    } catch (failure) {
      show(0, { status: "error", message: "Atrium could not be reached: " + failure.message });
    } finally {
      button.disabled = false;
    }
  });

  function show(httpStatus, body) {
    const ok = body.status === "success";
    status.textContent = (httpStatus ? httpStatus + " " : "") + (ok ? "success" : "error");
    status.className = "tag " + (ok ? "ok" : "bad");
    message.textContent = body.message || body.detail || "";
    json.textContent = JSON.stringify(body, null, 2);
    answer.hidden = false;
  }
});
