// On a narrow screen (a phone), figures, tables and display equations keep a legible size and
// scroll sideways instead of shrinking to unreadable text or being cut off.
//
// A figure is drawn 6-10 inches wide with 8-11 pt text. Shrunk to a 360 px column, its
// text would be 4-7 px high. Below NARROW px of window width each figure is shown at
// LEGIBLE times its natural size (the book's smallest figure text, 7.5 pt, is then 9 px)
// inside a box that scrolls sideways. Whatever scrolls, a figure, a table or an equation, gets a
// visible cue under it, since phones hide scrollbars until touched.
(function () {
  "use strict";
  var NARROW = 760;
  var LEGIBLE = 0.9;

  function overflows(el) {
    return el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1;
  }

  // `box` is what the cue goes under; `scrollers` are the elements that may scroll in it.
  function cue(box, scrollers, text) {
    var next = box.nextElementSibling;
    var has = next && next.classList.contains("mfml-scroll-cue");
    var scrolls = false;
    scrollers.forEach(function (el) {
      var s = overflows(el);
      el.classList.toggle("mfml-scrolls", s);
      scrolls = scrolls || s;
    });
    box.classList.toggle("mfml-has-scroll", scrolls);
    if (scrolls && !has) {
      var p = document.createElement("p");
      p.className = "mfml-scroll-cue";
      p.setAttribute("aria-hidden", "true");
      p.textContent = text;
      box.insertAdjacentElement("afterend", p);
    } else if (!scrolls && has) {
      next.remove();
    }
  }

  function figureImages() {
    return document.querySelectorAll("main figure img, main .cell_output img");
  }

  function wrap(img) {
    var box = img.parentElement;
    if (box.classList.contains("mfml-figscroll")) return box;
    box = document.createElement("div");
    box.className = "mfml-figscroll";
    img.insertAdjacentElement("beforebegin", box);
    box.appendChild(img);
    return box;
  }

  function layout() {
    var narrow = window.innerWidth <= NARROW;
    figureImages().forEach(function (img) {
      var box = wrap(img);
      if (narrow && img.naturalWidth > 0) {
        img.style.maxWidth = "none";
        img.style.width = Math.ceil(img.naturalWidth * LEGIBLE) + "px";
      } else {
        img.style.maxWidth = "";
        img.style.width = "";
      }
      cue(box, [box], "\u2190 scroll sideways to see the whole figure \u2192");
    });
    // An inline formula wider than the column cannot wrap: it becomes its own box that
    // scrolls sideways (with shadows at its edges as the cue) instead of running past it.
    var col = (document.querySelector("main .bd-article") || document.querySelector("main"))
      .getBoundingClientRect();
    document.querySelectorAll("main mjx-container:not([display])").forEach(function (m) {
      m.classList.remove("mfml-wide-inline");
      m.style.maxWidth = "";
      var block = m.parentElement.closest("p, li, dd, dt, td, th, div, figcaption");
      if (!block) return;
      var r = block.getBoundingClientRect();
      var room = Math.min(r.right, col.right) - Math.max(r.left, col.left);
      if (m.getBoundingClientRect().width > room + 1) {
        m.classList.add("mfml-wide-inline");
        m.style.maxWidth = Math.floor(room) + "px";
      }
      m.classList.toggle("mfml-scrolls", overflows(m));
    });
    document.querySelectorAll("main .pst-scrollable-table-container").forEach(function (box) {
      cue(box, [box], "\u2190 scroll sideways to see the whole table \u2192");
    });
    document.querySelectorAll("main div.math").forEach(function (box) {
      var inner = [].slice.call(box.querySelectorAll('mjx-container[display="true"]'));
      cue(box, [box].concat(inner), "\u2190 the equation continues: scroll sideways \u2192");
    });
  }

  var pending = null;
  function later() {
    if (pending) clearTimeout(pending);
    pending = setTimeout(function () { pending = null; layout(); }, 50);
  }

  function start() {
    layout();
    figureImages().forEach(function (img) {
      if (!img.complete) img.addEventListener("load", later, { once: true });
    });
    if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
      MathJax.startup.promise.then(later);
    }
    window.addEventListener("resize", later);
    // folded cells and dropdowns change what is laid out
    document.addEventListener("toggle", later, true);
    document.addEventListener("click", later);
    window.mfmlNarrowLayout = layout;  // the browser tests call it after a resize
  }

  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
