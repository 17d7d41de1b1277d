// Uploads a variant's file with progress: the raw file is PUT to the console (which streams it on to the gateway),
// with the CSRF header from the page's meta tags. Each form.upload-form names its target in data-upload-url.
(function () {
  "use strict";
  function csrf() {
    var header = document.querySelector('meta[name="_csrf_header"]');
    var token = document.querySelector('meta[name="_csrf"]');
    return header && token ? [header.content, token.content] : null;
  }
  function upload(form, event) {
    event.preventDefault();
    var input = form.querySelector('input[type="file"]');
    var progress = form.querySelector("progress");
    var status = form.querySelector("output");
    var button = form.querySelector('button[type="submit"]');
    if (!input.files || input.files.length === 0) {
      return;
    }
    var file = input.files[0];
    var xhr = new XMLHttpRequest();
    xhr.open("PUT", form.dataset.uploadUrl + "?fileName=" + encodeURIComponent(file.name));
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    var token = csrf();
    if (token) {
      xhr.setRequestHeader(token[0], token[1]);
    }
    progress.hidden = false;
    progress.value = 0;
    button.disabled = true;
    status.textContent = status.dataset.sending;
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) {
        progress.value = Math.round((e.loaded / e.total) * 100);
        status.textContent = status.dataset.sending + " " + progress.value + " %";
      }
    });
    xhr.addEventListener("load", function () {
      button.disabled = false;
      var answer = {};
      try {
        answer = JSON.parse(xhr.responseText);
      } catch (ignored) {
        answer = {};
      }
      if (xhr.status === 401) {
        window.location.href = "/sign-in?expired";
      } else if (xhr.status >= 200 && xhr.status < 300 && answer.ok) {
        // the bar shows what the progress events reported; the stored file appears when the page is shown again
        status.textContent = status.dataset.done + " ";
        var again = document.createElement("a");
        again.href = window.location.pathname;
        again.textContent = status.dataset.reload;
        status.appendChild(again);
        form.dataset.uploaded = "true";
      } else {
        status.textContent = status.dataset.failed + " " + (answer.message || xhr.status);
      }
    });
    xhr.addEventListener("error", function () {
      button.disabled = false;
      status.textContent = status.dataset.failed;
    });
    xhr.send(file);
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.upload-form").forEach(function (form) {
      form.addEventListener("submit", function (event) { upload(form, event); });
    });
  });
})();
