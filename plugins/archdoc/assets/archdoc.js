/* archdoc: renders the diagrams of generated pages with Mermaid, loaded on demand. */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script ? script.src : document.baseURI;
  var config = window.archdocConfig || {};
  var loading = null;
  var counter = 0;

  function loadMermaid() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = new URL(config.mermaidUrl || "mermaid.min.js", base).href;
        tag.onload = function () {
          // `window.mermaid` may also be an element with id="mermaid" (named access): check.
          var lib = window.mermaid;
          if (lib && typeof lib.render === "function") resolve(lib);
          else reject(new Error("Mermaid did not load from " + tag.src));
        };
        tag.onerror = function () { reject(new Error("could not load Mermaid from " + tag.src)); };
        document.head.appendChild(tag);
      }).then(function (mermaid) {
        mermaid.initialize({
          startOnLoad: false,
          securityLevel: "loose",
          theme: "default",
          flowchart: { htmlLabels: true, useMaxWidth: false },
          sequence: { useMaxWidth: false, showSequenceNumbers: true },
        });
        return mermaid;
      });
    }
    return loading;
  }

  function fail(figure, error) {
    figure.setAttribute("data-archdoc-error", String((error && error.message) || error));
    var note = document.createElement("p");
    note.className = "archdoc-diagram__error";
    note.textContent = "This diagram could not be drawn: " + figure.getAttribute("data-archdoc-error");
    figure.appendChild(note);
  }

  function renderOne(mermaid, figure) {
    var pre = figure.querySelector("pre.archdoc-mermaid");
    if (!pre) return Promise.resolve();
    var source = pre.textContent;
    var id = "archdoc-diagram-" + (++counter);
    return Promise.resolve().then(function () { return mermaid.render(id, source); }).then(function (result) {
      figure.innerHTML = result.svg;
      if (result.bindFunctions) result.bindFunctions(figure);
      figure.setAttribute("data-archdoc-rendered", "true");
    }, function (error) {
      var stray = document.getElementById("d" + id);
      if (stray) stray.remove();
      fail(figure, error);
    });
  }

  function renderAll() {
    var figures = Array.prototype.slice.call(
      document.querySelectorAll(".archdoc-diagram:not([data-archdoc-rendered]):not([data-archdoc-error])"));
    if (!figures.length) return;
    loadMermaid().then(function (mermaid) {
      // One after the other: Mermaid's renderer is not re-entrant.
      return figures.reduce(function (chain, figure) {
        return chain.then(function () { return renderOne(mermaid, figure); });
      }, Promise.resolve());
    }).catch(function (error) {
      figures.forEach(function (figure) {
        if (!figure.hasAttribute("data-archdoc-rendered")) fail(figure, error);
      });
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(renderAll); // Material's instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", renderAll);
  } else {
    renderAll();
  }
})();
