// candour serve: reloads the page after each rebuild. Served by the dev server only; never
// part of a built site. Long-polls the server; after an error it retries with a growing delay.
(function () {
  var script = document.currentScript;
  var generation = script ? script.getAttribute("data-generation") : "0";
  var delay = 250;
  function poll() {
    fetch("/__candour/poll?since=" + encodeURIComponent(generation), { cache: "no-store" })
      .then(function (response) {
        if (!response.ok) { throw new Error("status " + response.status); }
        return response.json();
      })
      .then(function (data) {
        delay = 250;
        if (String(data.generation) !== String(generation)) {
          window.location.reload();
          return;
        }
        poll();
      })
      .catch(function () {
        setTimeout(poll, delay);
        delay = Math.min(delay * 2, 8000);
      });
  }
  poll();
})();
