// Offline use: registers the service worker, shows "Ready offline ✓" when every page and file is
// on the device, and offers a new version with a button (never swaps it in by itself).
export function offlineStatus(box) {
  // No offline copy without a service worker: the line kept for the status goes (this browser only).
  if (!("serviceWorker" in navigator)) { box.hidden = true; return; }
  var text = box.querySelector("[data-status-text]");
  var saveButton = box.querySelector("[data-save]");
  var banner = document.getElementById("update-banner");
  var updateAccepted = false;
  var failedVersion = null;

  // state: "saving", "ready" or "failed"; the button to save again only once saving has failed.
  function show(message, state) {
    text.textContent = message;
    box.classList.toggle("offline-ready", state === "ready");
    box.classList.toggle("offline-pending", state !== "ready");
    saveButton.hidden = state !== "failed";
  }

  function progress(done, total) {
    if (total && done >= total) show(box.getAttribute("data-ready"), "ready");
    else show(box.getAttribute("data-progress").replace("{done}", done).replace("{total}", total), "saving");
  }

  function offerUpdate(worker) {
    if (!banner) return;
    banner.hidden = false;
    banner.querySelector("button").addEventListener("click", function () {
      updateAccepted = true;
      worker.postMessage({ type: "skip-waiting" });
    });
  }

  navigator.serviceWorker.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === "failed") failedVersion = message.version;
    if (message.version === failedVersion && message.type !== "status") {
      // Fetches still finishing after the failure must not look like progress.
      if (!navigator.serviceWorker.controller) show(box.getAttribute("data-failed"), "failed");
      return;
    }
    if (message.type === "progress" || message.type === "status") progress(message.done, message.total);
  });
  navigator.serviceWorker.startMessages();
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (updateAccepted) window.location.reload(); // answers live on the device, not in the page
  });

  function askStatus(registration) {
    if (registration.active) registration.active.postMessage({ type: "status" });
  }

  // A first visit (no worker controls the page yet): saving starts now, so say so at once rather
  // than leave the line empty while the worker's script comes over a slow link.
  if (!navigator.serviceWorker.controller) show(box.getAttribute("data-progress").replace("{done}", "0").replace("{total}", "…"), "saving");
  navigator.serviceWorker.register("/sw.js").then(function (registration) {
    if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
    function watch(worker) {
      if (!worker) return;
      worker.addEventListener("statechange", function () {
        if (worker.state === "installed" && navigator.serviceWorker.controller) offerUpdate(worker);
        if (worker.state === "activated") askStatus(registration);
        if (worker.state === "redundant" && !registration.active) show(box.getAttribute("data-failed"), "failed");
      });
    }
    watch(registration.installing); // a first install may have started before we listen
    registration.addEventListener("updatefound", function () { watch(registration.installing); });
    askStatus(registration);
    navigator.serviceWorker.ready.then(askStatus);
    saveButton.addEventListener("click", function () {
      show(box.getAttribute("data-progress").replace("{done}", "0").replace("{total}", "…"), "saving");
      // After a failed first install the registration is gone: register again, which retries.
      navigator.serviceWorker.register("/sw.js").then(function (current) {
        return current.update().then(function () { askStatus(current); });
      }).catch(function () {
        show(box.getAttribute("data-failed"), "failed");
      });
    });
  }, function () {
    show(box.getAttribute("data-failed"), "failed");
  });
}
