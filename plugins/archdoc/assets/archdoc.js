/* archdoc: draws the Mermaid diagrams of a page (flows; every diagram when the site was built
   without Graphviz) and opens any diagram in a full-screen viewer with zoom and pan.
   Mermaid and Panzoom are loaded on demand from the site itself (see archdocConfig). */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script ? script.src : document.baseURI;
  var config = window.archdocConfig || {};
  var loaded = {};
  var counter = 0;

  function load(name, url, take) {
    if (!loaded[name]) {
      loaded[name] = new Promise(function (resolve, reject) {
        var ready = take();
        if (ready) { resolve(ready); return; }
        var tag = document.createElement("script");
        tag.src = new URL(url, base).href;
        tag.onload = function () {
          var lib = take();
          if (lib) resolve(lib);
          else reject(new Error(name + " did not load from " + tag.src));
        };
        tag.onerror = function () { reject(new Error("could not load " + name + " from " + tag.src)); };
        document.head.appendChild(tag);
      });
    }
    return loaded[name];
  }

  function loadMermaid() {
    // `window.mermaid` may also be an element with id="mermaid" (named access): check.
    return load("Mermaid", config.mermaidUrl || "mermaid.min.js", function () {
      var lib = window.mermaid;
      return lib && typeof lib.render === "function" ? lib : null;
    }).then(function (mermaid) {
      if (!mermaid.__archdoc) {
        mermaid.initialize({
          startOnLoad: false,
          securityLevel: "loose",
          theme: "default",
          maxTextSize: 5000000,
          maxEdges: 20000,
          flowchart: { htmlLabels: true, useMaxWidth: false, wrappingWidth: 220 },
          sequence: { useMaxWidth: false, showSequenceNumbers: true },
        });
        mermaid.__archdoc = true;
      }
      return mermaid;
    });
  }

  function loadPanzoom() {
    return load("Panzoom", config.panzoomUrl || "panzoom.min.js", function () {
      return typeof window.Panzoom === "function" ? window.Panzoom : null;
    });
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
    var canvas = pre.parentNode;
    var source = pre.textContent;
    var id = "archdoc-diagram-" + (++counter);
    return Promise.resolve().then(function () { return mermaid.render(id, source); }).then(function (result) {
      canvas.innerHTML = result.svg;
      if (result.bindFunctions) result.bindFunctions(canvas);
      figure.setAttribute("data-archdoc-rendered", "true");
      addToolbar(figure);
    }, function (error) {
      var stray = document.getElementById("d" + id);
      if (stray) stray.remove();
      fail(figure, error);
    });
  }

  // -- the full-screen viewer ---------------------------------------------------------------

  function button(label, title, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "archdoc-button";
    b.textContent = label;
    b.title = title;
    b.setAttribute("aria-label", title);
    b.setAttribute("data-archdoc-action", action);
    return b;
  }

  function addToolbar(figure) {
    if (figure.querySelector(".archdoc-diagram__toolbar")) return;
    var bar = document.createElement("div");
    bar.className = "archdoc-diagram__toolbar";
    var open = button("⤢", "Open in the full-screen viewer (zoom and pan)", "open");
    open.addEventListener("click", function () { openViewer(figure); });
    bar.appendChild(open);
    figure.insertBefore(bar, figure.firstChild);
  }

  function titleOf(figure) {
    var svg = figure.querySelector(".archdoc-diagram__canvas svg");
    return (svg && svg.getAttribute("aria-label")) || figure.getAttribute("data-archdoc-view") || "Diagram";
  }

  function openViewer(figure) {
    var svg = figure.querySelector(".archdoc-diagram__canvas svg");
    if (!svg) return;
    var dialog = document.createElement("dialog");
    dialog.className = "archdoc-viewer";
    dialog.setAttribute("aria-label", titleOf(figure));
    var head = document.createElement("div");
    head.className = "archdoc-viewer__bar";
    var title = document.createElement("span");
    title.className = "archdoc-viewer__title";
    title.textContent = titleOf(figure);
    head.appendChild(title);
    var zoomIn = button("+", "Zoom in (+)", "zoom-in");
    var zoomOut = button("−", "Zoom out (−)", "zoom-out");
    var fit = button("⊡", "Fit to the window (0)", "fit");
    var actual = button("1:1", "Natural size (1)", "actual");
    var close = button("×", "Close (Esc)", "close");
    [zoomIn, zoomOut, fit, actual, close].forEach(function (b) { head.appendChild(b); });
    var stage = document.createElement("div");
    stage.className = "archdoc-viewer__stage";
    var content = document.createElement("div");
    content.className = "archdoc-viewer__content";
    var copy = svg.cloneNode(true);
    content.appendChild(copy);
    stage.appendChild(content);
    var legend = figure.querySelector(".archdoc-legend");
    dialog.appendChild(head);
    dialog.appendChild(stage);
    if (legend) dialog.appendChild(legend.cloneNode(true));
    document.body.appendChild(dialog);
    var panzoom = null;

    function shut() {
      if (panzoom) panzoom.destroy();
      if (dialog.open) dialog.close();
      dialog.remove();
    }
    close.addEventListener("click", shut);
    dialog.addEventListener("close", function () { if (dialog.isConnected) shut(); });
    // Following a link of the drawing leaves the page: close the viewer first.
    content.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a") : null;
      if (link && dialog.open) dialog.close();
    });
    dialog.showModal();

    function natural() {
      // The drawing's size at scale 1 (the content box includes its padding).
      var scale = panzoom ? panzoom.getScale() : 1;
      var box = content.getBoundingClientRect();
      return { width: box.width / scale, height: box.height / scale };
    }

    function placement(scale) {
      // `scale` with the drawing centred in the stage (or at its top left when larger).
      var size = natural();
      var room = stage.getBoundingClientRect();
      return {
        scale: scale,
        x: Math.max(0, (room.width - size.width * scale) / 2) / scale,
        y: Math.max(0, (room.height - size.height * scale) / 2) / scale,
      };
    }

    function place(scale) {
      var to = placement(scale);
      panzoom.zoom(to.scale, { animate: false });
      panzoom.pan(to.x, to.y, { animate: false });
    }

    function fitScale() {
      var size = natural();
      var room = stage.getBoundingClientRect();
      if (!size.width || !size.height) return 1;
      return Math.min(1, room.width / size.width, room.height / size.height);
    }

    loadPanzoom().then(function (Panzoom) {
      // Panzoom pans to its start in a timeout and applies each transform in an animation
      // frame: open fitted by starting there, and say "ready" once that has been drawn.
      var start = placement(fitScale());
      panzoom = Panzoom(content, {
        maxScale: 8, minScale: 0.05, step: 0.25, origin: "0 0", cursor: "grab",
        startScale: start.scale, startX: start.x, startY: start.y,
      });
      stage.addEventListener("wheel", panzoom.zoomWithWheel, { passive: false });
      setTimeout(function () {
        requestAnimationFrame(function () { dialog.setAttribute("data-archdoc-zoom", "ready"); });
      });
      function zoomBy(factor) {
        // Around the middle of the screen, as a pinch or the wheel zoom around the pointer.
        var room = stage.getBoundingClientRect();
        panzoom.zoomToPoint(panzoom.getScale() * factor,
          { clientX: room.left + room.width / 2, clientY: room.top + room.height / 2 }, { animate: true });
      }
      zoomIn.addEventListener("click", function () { zoomBy(1.25); });
      zoomOut.addEventListener("click", function () { zoomBy(0.8); });
      fit.addEventListener("click", function () { place(fitScale()); });
      actual.addEventListener("click", function () { place(1); });
      dialog.addEventListener("keydown", function (event) {
        var step = 60;
        var moves = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
        if (event.key === "+" || event.key === "=") zoomBy(1.25);
        else if (event.key === "-" || event.key === "_") zoomBy(0.8);
        else if (event.key === "0") place(fitScale());
        else if (event.key === "1") place(1);
        else if (moves[event.key]) {
          var scale = panzoom.getScale();
          panzoom.pan(moves[event.key][0] / scale, moves[event.key][1] / scale, { relative: true });
        } else return;
        event.preventDefault();
      });
    }).catch(function (error) {
      dialog.setAttribute("data-archdoc-zoom", "unavailable");
      var note = document.createElement("p");
      note.className = "archdoc-diagram__error";
      note.textContent = "Zoom is unavailable (" + error.message + "); scroll to move around.";
      head.appendChild(note);
      stage.style.overflow = "auto";
    });
  }

  // -- every diagram of the page ------------------------------------------------------------

  function centre(figure) {
    // A drawing wider than the page opens on its middle, where a top-down layout starts.
    var canvas = figure.querySelector(".archdoc-diagram__canvas");
    if (canvas && canvas.scrollWidth > canvas.clientWidth && !canvas.hasAttribute("data-archdoc-centred")) {
      canvas.scrollLeft = (canvas.scrollWidth - canvas.clientWidth) / 2;
      canvas.setAttribute("data-archdoc-centred", "true");
    }
  }

  function renderAll() {
    var figures = Array.prototype.slice.call(document.querySelectorAll(".archdoc-diagram"));
    figures.forEach(function (figure) {
      if (figure.hasAttribute("data-archdoc-rendered")) { addToolbar(figure); centre(figure); }
    });
    var pending = figures.filter(function (figure) {
      return !figure.hasAttribute("data-archdoc-rendered") && !figure.hasAttribute("data-archdoc-error")
        && figure.querySelector("pre.archdoc-mermaid");
    });
    if (!pending.length) return;
    loadMermaid().then(function (mermaid) {
      // One after the other: Mermaid's renderer is not re-entrant.
      return pending.reduce(function (chain, figure) {
        return chain.then(function () { return renderOne(mermaid, figure); });
      }, Promise.resolve());
    }).catch(function (error) {
      pending.forEach(function (figure) {
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
