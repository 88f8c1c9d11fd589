// The story editor's counters: characters against the length each field shows in full
// (headline, title tag, meta description: data-recommended-length, set by the form), and the
// story's own words and reading time (the body's text only, not the page around it).
(() => {
  const labels = JSON.parse(document.currentScript.dataset.labels);
  const WORDS_A_MINUTE = 230;
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, name) => values[name]);
  const debounce = (fn, ms) => {
    let timer;
    return () => {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  };

  function counter(input) {
    const limit = Number(input.dataset.recommendedLength);
    const note = document.createElement("p");
    note.className = "desk-count";
    note.id = `${input.id}-count`;
    note.setAttribute("aria-live", "polite");
    (input.closest(".w-field__input") || input).after(note);
    input.setAttribute(
      "aria-describedby",
      [input.getAttribute("aria-describedby"), note.id].filter(Boolean).join(" "),
    );
    const update = () => {
      const count = [...input.value].length;
      const over = count > limit;
      note.textContent = fill(over ? labels.over : labels.count, { count, limit });
      note.classList.toggle("desk-count--over", over);
    };
    input.addEventListener("input", update);
    update();
  }

  function words(text) {
    return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) || []).length;
  }

  function readingTime(body) {
    const note = document.createElement("p");
    note.className = "desk-count desk-reading";
    note.setAttribute("aria-live", "polite");
    body.before(note);
    const update = () => {
      const texts = [
        ...body.querySelectorAll(".public-DraftEditor-content"),
        ...body.querySelectorAll("textarea, input[type=text]:not([name$='-url'])"),
      ].map((element) => element.value ?? element.textContent);
      const count = texts.reduce((total, text) => total + words(text), 0);
      const minutes = Math.max(1, Math.round(count / WORDS_A_MINUTE));
      note.textContent = fill(labels.reading, { words: count, minutes });
    };
    const later = debounce(update, 300);
    body.addEventListener("input", later);
    new MutationObserver(later).observe(body, { childList: true, subtree: true });
    update();
  }

  // Wagtail counts each tab's errors once, as the page opens (its w-count controllers);
  // a StreamField draws its blocks' errors (an invalid video address) after that, so its
  // tab showed no badge. Count again whenever errors are drawn.
  function recountErrorsOnTabs() {
    const recount = debounce(() => {
      document.querySelectorAll('[data-controller~="w-count"]').forEach((element) => {
        window.wagtail?.app
          ?.getControllerForElementAndIdentifier(element, "w-count")
          ?.count();
      });
    }, 50);
    new MutationObserver(recount).observe(document.body, { childList: true, subtree: true });
    recount();
  }

  function start() {
    recountErrorsOnTabs();
    document.querySelectorAll("[data-recommended-length]").forEach(counter);
    // A story's form (whose headline is counted), not a briefing's or another page's.
    const body = document.querySelector('[data-contentpath="body"]');
    if (body && document.querySelector("#id_title[data-recommended-length]")) readingTime(body);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
