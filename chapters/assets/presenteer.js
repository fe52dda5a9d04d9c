// Presenting from any laptop (book/presentation.py): a page with explorers, opened with ?presenteer, becomes a
// presentation. One scene at a time: an explorer with the prediction ({voorspelling}) right before it. The question and
// its options large; the answer, the explanation and the explorer unfold when the presenter chooses an option or asks
// for the answer; the explorer goes live in place (Python starts at once, live.js) and fills what the question leaves
// of the screen. Everything else on the page is hidden; a bar says where you are. The URL says which scene and which
// example: ?presenteer&scene=3&voorbeeld=vrouw, kept up to date as the presenter moves, so a reload or a shared link
// lands on the same scene.
//
// After a page's last scene, "Volgende pagina" goes on to the chapter's next page with explorers, presenting (the page
// names it in <meta name="presenteer-verder">, book/presentation.py).
//
// Keys: → PageDown Space next scene · ← PageUp previous · Esc leaves · A B C (or 1 2 3) choose an option ·
// Enter shows the answer · U folds its explanation away and back. Keys meant for a slider, a list or a field stay theirs.
//
// This script runs in the page's <head>: it marks <html data-presenteer> at once, so the page never shows its normal
// layout first, and live.js (deferred) knows to start Python at once with the projector look.
(() => {
  "use strict";

  const PARAMETER = "presenteer";
  const NEXT = new Set(["ArrowRight", "PageDown", " "]);
  const PREVIOUS = new Set(["ArrowLeft", "PageUp"]);
  const LETTERS = "ABCDEFGHIJ";
  const ANSWER = "Toon het antwoord";

  const query = new URLSearchParams(location.search);

  // The page read normally: a link in the header that opens it as a presentation.
  function offerLink() {
    const buttons = document.querySelector(".article-header-buttons");
    if (!buttons || !document.querySelector("figure.verkenner-statisch[data-code]")) return;
    const link = document.createElement("a");
    link.className = "btn btn-sm pst-navbar-icon presenteer-link";
    link.href = `?${PARAMETER}`;
    link.title = "Presenteren";
    link.setAttribute("aria-label", "Presenteren: deze pagina op een scherm of beamer, één verkenner tegelijk");
    link.innerHTML = '<i class="fa-solid fa-person-chalkboard" aria-hidden="true"></i>';
    buttons.prepend(link);
  }

  if (!query.has(PARAMETER)) {
    document.addEventListener("DOMContentLoaded", offerLink);
    return;
  }
  document.documentElement.setAttribute("data-presenteer", "");

  // The address of a scene (1-based) with an example, or none.
  function address(number, example) {
    const parts = [PARAMETER, `scene=${number}`];
    if (example) parts.push(`voorbeeld=${encodeURIComponent(example)}`);
    return `${location.pathname}?${parts.join("&")}${location.hash}`;
  }

  // A label's text without the theme's "#" anchor.
  function heading(section) {
    const title = section?.querySelector(":scope > h1, :scope > h2, :scope > h3");
    if (!title) return document.title;
    const copy = title.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach((a) => a.remove());
    return copy.textContent.trim();
  }

  // Each explorer of the page with the prediction right before it (when there is one) and the section it is in.
  function scenes() {
    return [...document.querySelectorAll("figure.verkenner-statisch[data-code]")].map((figure) => {
      const cell = figure.closest(".cell") || figure;
      const before = cell.previousElementSibling;
      const box = before?.matches("div.voorspelling:not(.controlevraag)") ? before : null;
      const section = cell.closest("section");
      let examples = [];
      try {
        examples = JSON.parse(figure.dataset.voorbeelden || "[]");
      } catch (error) { /* no examples named: the scene opens on its start */ }
      return { figure, cell, box, title: heading(section), anchor: section?.id || "", examples };
    });
  }

  // The scene to open: the one the URL names, else the first with the URL's example, else the first.
  function opening(all) {
    const asked = parseInt(query.get("scene"), 10);
    const example = query.get("voorbeeld");
    if (asked >= 1 && asked <= all.length) return asked - 1;
    const having = example ? all.findIndex((scene) => scene.examples.includes(example)) : -1;
    return Math.max(having, 0);
  }

  // Scale the figure's panels, side by side where they fit, to the largest size that fits its box (never larger than
  // their image's own pixels, drawn at twice the CSS size), so figure and controls are on screen together.
  function fit(box) {
    if (!box || !box.clientWidth) return;
    const images = [...box.querySelectorAll("img")].filter((image) => image.naturalWidth && !image.closest("[hidden]"));
    if (!images.length) return;
    const style = getComputedStyle(box);
    const px = (value) => parseFloat(value) || 0;
    const width = box.clientWidth - px(style.paddingLeft) - px(style.paddingRight) - 1;
    const height = box.clientHeight - px(style.paddingTop) - px(style.paddingBottom) - 1;
    const gap = px(style.columnGap);
    const rowGap = px(style.rowGap);
    const sizes = images.map((image) => {
      const margin = getComputedStyle(image);
      return [image.naturalWidth, image.naturalHeight, px(margin.marginLeft) + px(margin.marginRight),
              px(margin.marginTop) + px(margin.marginBottom)];
    });
    const fits = (scale) => {
      let x = 0;
      let row = 0;
      let total = 0;
      for (const [naturalWidth, naturalHeight, across, down] of sizes) {
        const w = Math.floor(naturalWidth * scale) + across;
        const h = naturalHeight * scale + down;
        if (w > width) return false;
        if (x > 0 && x + gap + w > width) {
          total += row + rowGap;
          x = 0;
          row = 0;
        }
        x += (x > 0 ? gap : 0) + w;
        row = Math.max(row, h);
      }
      return total + row <= height;
    };
    let low = 0.05;
    let high = 1;
    if (fits(high)) low = high;
    else for (let step = 0; step < 18; step++) {
      const middle = (low + high) / 2;
      if (fits(middle)) low = middle;
      else high = middle;
    }
    for (const image of images) {
      image.style.setProperty("width", `${Math.floor(image.naturalWidth * low)}px`, "important");
      image.style.setProperty("height", "auto", "important");
    }
  }

  // Under the answer, its explanation folds away (button or U), so the explorer can take the whole screen; it scrolls
  // in its own box when longer than its room, by keyboard too.
  function foldable(explanation, index) {
    const answer = explanation.querySelector(":scope > .voorspelling-antwoord");
    const text = document.createElement("div");
    text.className = "presentatie-uitleg-tekst";
    text.id = `presentatie-uitleg-${index + 1}`;
    text.tabIndex = 0;
    text.setAttribute("role", "region");
    text.setAttribute("aria-label", "Uitleg");
    text.append(...[...explanation.childNodes].filter((node) => node !== answer));
    const toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "presentatie-uitleg-knop";
    toggle.setAttribute("aria-controls", text.id);
    toggle.setAttribute("aria-keyshortcuts", "U");
    const set = (open) => {
      text.hidden = !open;
      toggle.setAttribute("aria-expanded", String(open));
      toggle.textContent = open ? "Uitleg verbergen" : "Uitleg tonen";
    };
    toggle.addEventListener("click", () => set(text.hidden));
    set(true);
    const line = document.createElement("div");
    line.className = "presentatie-antwoordregel";
    line.append(...(answer ? [answer] : []), toggle);
    explanation.append(line, text);
  }

  function build() {
    const all = scenes();
    if (!all.length) {
      document.documentElement.removeAttribute("data-presenteer");
      return;
    }
    let current = -1;
    let example = query.get("voorbeeld");
    const onward = document.querySelector('meta[name="presenteer-verder"]')?.content;

    const stage = document.createElement("div");
    stage.className = "presentatie";
    const bar = document.createElement("nav");
    bar.className = "presentatie-balk";
    bar.setAttribute("aria-label", "Presentatie");
    const where = document.createElement("p");
    where.className = "presentatie-stand";
    const counter = document.createElement("span");
    counter.className = "presentatie-teller";
    const title = document.createElement("h1");
    title.className = "presentatie-titel";
    where.append(counter, title);
    const button = (text, keys, action) => {
      const element = document.createElement("button");
      element.type = "button";
      element.textContent = text;
      element.setAttribute("aria-keyshortcuts", keys.join(" "));
      element.addEventListener("click", action);
      return element;
    };
    const back = button("Vorige", ["ArrowLeft", "PageUp"], () => go(current - 1));
    const forward = button("Volgende", ["ArrowRight", "PageDown", "Space"], () => go(current + 1));
    const stop = button("Stoppen", ["Escape"], leave);
    stop.className = "presentatie-stoppen";
    const buttons = document.createElement("div");
    buttons.className = "presentatie-knoppen";
    buttons.append(back, forward, stop);
    bar.append(where, buttons);
    const main = document.createElement("main");
    main.className = "presentatie-scenes";
    main.setAttribute("aria-labelledby", "presentatie-titel");
    title.id = "presentatie-titel";
    const announce = document.createElement("div");
    announce.className = "presentatie-melding";
    announce.setAttribute("aria-live", "polite");
    stage.append(bar, main, announce);

    for (const [index, scene] of all.entries()) {
      const section = document.createElement("section");
      section.className = "presentatie-scene";
      section.hidden = true;
      section.tabIndex = -1;  // where the keys go when the presenter has clicked nothing
      section.setAttribute("aria-label", `Scène ${index + 1}: ${scene.title}`);
      if (scene.box) {
        section.append(scene.box);
        const reveal = document.createElement("button");
        reveal.type = "button";
        reveal.className = "presentatie-antwoord";
        reveal.textContent = ANSWER;
        reveal.setAttribute("aria-keyshortcuts", "Enter");
        reveal.addEventListener("click", () => show(scene));
        const explanation = scene.box.querySelector(":scope > .voorspelling-uitleg");
        if (explanation) explanation.before(reveal);
        else scene.box.append(reveal);
        if (explanation) foldable(explanation, index);
        new MutationObserver(settle).observe(scene.box, { attributes: true, attributeFilter: ["class"] });
      }
      section.append(scene.cell);
      scene.section = section;
      main.append(section);
      // the figure fills what is left, whenever its room or its pictures change
      new ResizeObserver(settle).observe(scene.cell);
      scene.cell.addEventListener("load", settle, true);
      new MutationObserver(settle).observe(scene.cell, { childList: true, subtree: true });
      // an example chosen in the live explorer goes into the URL
      scene.cell.addEventListener("click", (event) => {
        const chosen = event.target.closest(".verkenner-voorbeelden .widget-toggle-button");
        if (chosen && scene.examples.includes(chosen.textContent.trim())) {
          example = chosen.textContent.trim();
          history.replaceState(null, "", address(current + 1, example));
        }
      });
    }
    document.body.append(stage);

    // Show the answer without a choice: what unfolds after a choice (voorspelling.js) unfolds.
    function show(scene) {
      if (!scene.box || scene.box.classList.contains("voorspelling-gekozen")) return;
      scene.box.classList.add("voorspelling-gekozen");
      scene.box.querySelector(".voorspelling-hint")?.remove();
      scene.cell.classList.remove("voorspelling-wacht");
    }

    function revealed(scene) {
      return !scene.box || scene.box.classList.contains("voorspelling-gekozen");
    }

    // Lay the current scene out again, once per frame however often asked: revealed or not, the figure fitted.
    let pending = null;
    function settle() {
      if (pending) return;
      pending = requestAnimationFrame(() => {
        pending = null;
        const scene = all[current];
        scene.section.classList.toggle("presentatie-onthuld", revealed(scene));
        const side = scene.cell.querySelector(".verkenner-zijkant:not([tabindex])");
        if (side) {  // it scrolls when the screen is low: by keyboard too
          side.tabIndex = 0;
          side.setAttribute("role", "region");
          side.setAttribute("aria-label", "Instellingen en uitkomsten");
        }
        fit(scene.cell.querySelector("div.verkenner-live:not([hidden]) .verkenner-figuur"));
        fit(scene.figure.hidden ? null : scene.figure.querySelector(".verkenner-panelen"));
      });
    }

    function go(index) {
      if (index === all.length && onward) location.assign(`${onward}?${PARAMETER}`);
      if (index < 0 || index >= all.length || index === current) return;
      const first = current < 0;
      if (!first) {
        all[current].section.hidden = true;
        example = null;
      }
      current = index;
      const scene = all[current];
      scene.section.hidden = false;
      counter.textContent = `Scène ${current + 1} van ${all.length}`;
      title.textContent = scene.title;
      document.title = `${scene.title} (presentatie)`;
      back.disabled = current === 0;
      const last = current === all.length - 1;
      forward.disabled = last && !onward;
      forward.textContent = last && onward ? "Volgende pagina" : "Volgende";
      const shown = example && scene.examples.includes(example) ? example : null;
      history.replaceState(null, "", address(current + 1, shown));
      if (!first) announce.textContent = `Scène ${current + 1} van ${all.length}: ${scene.title}`;
      window.krachtLive?.show?.(scene.figure, shown);
      settle();
    }

    function leave() {
      location.assign(`${location.pathname}${all[current]?.anchor ? `#${all[current].anchor}` : ""}`);
    }

    // On the window, before the page's other keys (Sphinx takes Escape for its search highlights).
    window.addEventListener("keydown", (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target instanceof Element ? event.target : document.body;
      if (target.closest("input, select, textarea, [contenteditable=''], [contenteditable=true], [role=slider]")) return;
      const onButton = target.closest("button, a[href], summary, [role=button]");
      const scene = all[current];
      let handled = true;
      if (event.key === "Escape") leave();
      else if (NEXT.has(event.key) && !(event.key === " " && onButton)) go(current + 1);
      else if (PREVIOUS.has(event.key)) go(current - 1);
      else if (event.key === "Enter" && !onButton) show(scene);
      else if (/^u$/i.test(event.key) && revealed(scene)) scene.box?.querySelector(".presentatie-uitleg-knop")?.click();
      else if (scene.box && /^[a-j1-9]$/i.test(event.key)) {
        const number = /\d/.test(event.key) ? Number(event.key) - 1 : LETTERS.indexOf(event.key.toUpperCase());
        const option = scene.box.querySelectorAll(":scope > ol.voorspelling-keuzes button.voorspelling-knop")[number];
        if (option) option.click();
        else handled = false;
      } else handled = false;
      if (handled) {
        event.preventDefault();
        event.stopPropagation();
      }
    }, true);
    window.addEventListener("resize", settle);

    go(opening(all));
    all[current].section.focus({ preventScroll: true });
  }

  document.addEventListener("DOMContentLoaded", build);
})();
