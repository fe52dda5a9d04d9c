/* Worksheets ({werkblad}, book/worksheet.py): a button on each sheet prints that sheet alone (werkblad.css hides
   the rest of the page in print while <html> has the class werkblad-afdruk). Without the script the page prints
   whole, each sheet on new pages. */
(() => {
  const done = () => {
    document.documentElement.classList.remove("werkblad-afdruk");
    for (const sheet of document.querySelectorAll("div.werkblad-gekozen")) sheet.classList.remove("werkblad-gekozen");
  };

  const printOne = (sheet) => {
    done();
    sheet.classList.add("werkblad-gekozen");
    document.documentElement.classList.add("werkblad-afdruk");
    window.print();
  };

  const start = () => {
    for (const sheet of document.querySelectorAll("div.werkblad")) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "werkblad-afdrukken";
      button.textContent = "Druk dit werkblad af";
      button.addEventListener("click", () => printOne(sheet));
      sheet.prepend(button);
    }
    window.addEventListener("afterprint", done);
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
