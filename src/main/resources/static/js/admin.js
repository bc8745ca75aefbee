// htmx requests carry the CSRF token that Spring Security expects on every state-changing request.
document.addEventListener("htmx:configRequest", (event) => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// A form that destroys something says so in data-confirm and asks first (the content security policy bars inline
// handlers such as onsubmit).
document.addEventListener("submit", (event) => {
  const message = event.target.dataset ? event.target.dataset.confirm : undefined;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// On a phone the sections are one row that scrolls sideways: bring the current one into view.
document.addEventListener("DOMContentLoaded", () => {
  const links = document.querySelector(".shell > nav .links");
  const active = links ? links.querySelector("a.active") : null;
  if (active && links.scrollWidth > links.clientWidth) {
    links.scrollLeft = active.offsetLeft - links.offsetLeft - (links.clientWidth - active.offsetWidth) / 2;
  }
});
