// Predictions that commit ({voorspelling}, book/predictions.py): the options become buttons; the feedback,
// the explanation and the explorer's figure in the next cell stay hidden until the learner picks an option.
// Without this script everything stays visible; in print everything shows (voorspelling.css hides on screen only).
(() => {
  "use strict";

  const HINT_FIGURE = "Kies eerst een antwoord. Daarna verschijnen de uitleg en de figuur.";
  const HINT = "Kies eerst een antwoord. Daarna verschijnt de uitleg.";

  // The cell right after the prediction, when it shows an explorer's figure (the prediction is the last block
  // of its Markdown cell, the explorer's code cell comes next).
  function figureCell(box) {
    const next = box.nextElementSibling;
    return next && next.matches(".cell") && next.querySelector("figure.verkenner-statisch") ? next : null;
  }

  function enhance(box) {
    const cell = figureCell(box);
    const items = [...box.querySelectorAll(":scope > ol.voorspelling-keuzes > li.voorspelling-keuze")];
    const status = document.createElement("div");
    status.className = "voorspelling-melding";
    status.setAttribute("aria-live", "polite");
    const hint = document.createElement("p");
    hint.className = "voorspelling-hint";
    hint.textContent = cell ? HINT_FIGURE : HINT;
    box.querySelector(":scope > ol.voorspelling-keuzes").after(hint, status);

    const buttons = items.map((item) => {
      const option = item.querySelector(":scope > p.voorspelling-optie");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "voorspelling-knop";
      button.setAttribute("aria-pressed", "false");
      button.append(...option.childNodes);
      option.append(button);
      button.addEventListener("click", () => choose(item));
      return button;
    });

    function choose(chosen) {
      items.forEach((item, i) => {
        item.classList.toggle("voorspelling-keuze-gekozen", item === chosen);
        buttons[i].setAttribute("aria-pressed", String(item === chosen));
      });
      box.classList.add("voorspelling-gekozen");
      if (cell) cell.classList.remove("voorspelling-wacht");
      hint.remove();
      // What unfolded gets measured again, e.g. the theme's keyboard stop on a table wider than a phone.
      window.dispatchEvent(new Event("resize"));
      status.textContent = chosen.querySelector(":scope > .voorspelling-terugkoppeling").textContent.replace(/\s+/g, " ").trim();
    }

    box.classList.add("voorspelling-actief");
    if (cell) cell.classList.add("voorspelling-wacht");
  }

  function start() {
    document.querySelectorAll("div.voorspelling").forEach(enhance);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
