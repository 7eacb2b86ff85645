/* The photograph viewer of a QuiltArchive offline gallery.
 * Works from a USB stick (file://): no modules, no fetch, no network. Without JavaScript each
 * thumbnail is a plain link to its photograph. Texts are set with textContent, never as HTML. */
(function () {
  "use strict";

  var data = window.QUILTARCHIVE_GALLERY;
  var dialog = document.getElementById("viewer");
  if (!data || !dialog || typeof dialog.showModal !== "function") {
    return;
  }
  var items = data.items;
  var image = document.getElementById("viewer-image");
  var counter = document.getElementById("viewer-counter");
  var caption = document.getElementById("viewer-caption");
  var credit = document.getElementById("viewer-credit");
  var words = document.getElementById("viewer-words");
  var previous = document.getElementById("viewer-previous");
  var next = document.getElementById("viewer-next");
  var close = document.getElementById("viewer-close");
  var current = 0;
  var opener = null;
  var swipeStart = null;

  function preload(index) {
    var item = items[(index + items.length) % items.length];
    if (item) {
      new Image().src = item.image;
    }
  }

  function show(index) {
    current = (index + items.length) % items.length;
    var item = items[current];
    image.src = item.image;
    image.alt = item.alt;
    image.width = item.width;
    image.height = item.height;
    counter.textContent = data.labels.counter
      .replace("{n}", String(current + 1))
      .replace("{total}", String(items.length));
    caption.textContent = (item.code ? item.code + " · " : "") + (item.caption || item.title);
    credit.textContent = item.credit_line;
    credit.hidden = !item.credit_line;
    words.textContent = item.words ? data.labels.words + ": " + item.words : "";
    words.hidden = !item.words;
    if (items.length > 1) {
      preload(current + 1);
      preload(current - 1);
    }
  }

  function open(index, from) {
    opener = from;
    show(index);
    dialog.showModal();
    next.focus();
  }

  var single = items.length < 2;
  previous.hidden = single;
  next.hidden = single;

  Array.prototype.forEach.call(document.querySelectorAll("[data-index]"), function (link) {
    link.addEventListener("click", function (event) {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
        return;
      }
      event.preventDefault();
      open(Number(link.getAttribute("data-index")), link);
    });
  });

  // A quilt map links to `index.html#item-N`: open that picture in the viewer.
  function openFromAddress() {
    var wanted = window.location.hash.slice(1);
    for (var i = 0; i < items.length; i += 1) {
      if (items[i].anchor === wanted) {
        var link = document.querySelector('[data-index="' + i + '"]');
        open(i, link);
        return;
      }
    }
  }
  // After the browser has scrolled to the fragment (which would take the focus back).
  window.addEventListener("load", openFromAddress);
  window.addEventListener("hashchange", openFromAddress);

  previous.addEventListener("click", function () { show(current - 1); });
  next.addEventListener("click", function () { show(current + 1); });
  close.addEventListener("click", function () { dialog.close(); });

  dialog.addEventListener("keydown", function (event) {
    var moves = { ArrowLeft: -1, ArrowRight: 1 };
    if (event.key in moves && !single) {
      event.preventDefault();
      show(current + moves[event.key]);
    } else if (event.key === "Home") {
      event.preventDefault();
      show(0);
    } else if (event.key === "End") {
      event.preventDefault();
      show(items.length - 1);
    }
  });

  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) {
      dialog.close();
    }
  });

  dialog.addEventListener("close", function () {
    image.removeAttribute("src");
    if (opener) {
      opener.focus();
    }
  });

  image.addEventListener("pointerdown", function (event) {
    swipeStart = { x: event.clientX, y: event.clientY };
  });
  image.addEventListener("pointerup", function (event) {
    if (!swipeStart || single) {
      return;
    }
    var dx = event.clientX - swipeStart.x;
    var dy = event.clientY - swipeStart.y;
    swipeStart = null;
    if (Math.abs(dx) > 40 && Math.abs(dx) > Math.abs(dy)) {
      show(current + (dx < 0 ? 1 : -1));
    }
  });
  image.addEventListener("pointercancel", function () { swipeStart = null; });
})();
