/* Finding Balance: the self-reflection quizzes of a page (markup from partials/quiz.html).
 * Answers live in page memory only. With "Remember my answers" ticked they are also kept in this
 * browser's localStorage ("finding-balance.quiz.<language>.<id>") until cleared. Nothing is ever sent anywhere.
 * Listeners are global and added once; each quiz is set up once per page view through Material's
 * document$, so quizzes work after instant navigation too. */
(function () {
  "use strict";

  var STORE_PREFIX = "finding-balance.quiz.";

  /* Each edition keeps its own answers ("finding-balance.quiz.es.<id>"): the editions share one
   * origin, and an answer given in one language must not appear in the other. */
  function storeKey(id) {
    return STORE_PREFIX + (document.documentElement.lang || "en") + "." + id;
  }

  function wording(quiz) {
    try {
      return JSON.parse(quiz.getAttribute("data-quiz-strings")) || {};
    } catch (error) {
      return {};
    }
  }

  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (match, key) {
      return key in values ? values[key] : match;
    });
  }

  function fields(quiz) {
    return quiz.querySelectorAll(".fb-quiz__question input, .fb-quiz__question textarea");
  }

  function readAnswers(quiz) {
    var answers = {};
    fields(quiz).forEach(function (field) {
      if (field.type === "radio" || field.type === "checkbox") {
        if (field.checked) answers[field.name] = field.value;
      } else if (field.value) {
        answers[field.name] = field.value;
      }
    });
    return answers;
  }

  function writeAnswers(quiz, answers) {
    fields(quiz).forEach(function (field) {
      var value = answers[field.name];
      if (field.type === "radio" || field.type === "checkbox") {
        field.checked = value === field.value;
      } else {
        field.value = typeof value === "string" ? value : "";
      }
    });
  }

  function storage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null;
    }
  }

  function storedAnswers(id) {
    var store = storage();
    if (!store) return null;
    var key = storeKey(id);
    try {
      var data = JSON.parse(store.getItem(key));
      if (data && typeof data.answers === "object" && data.answers !== null) return data.answers;
      if (data !== null) store.removeItem(key);
    } catch (error) {
      store.removeItem(key);
    }
    return null;
  }

  function remembers(quiz) {
    var box = quiz.querySelector("[data-quiz-remember]");
    return Boolean(box && box.checked);
  }

  function keep(quiz) {
    var store = storage();
    if (!store || !remembers(quiz)) return;
    try {
      store.setItem(storeKey(quiz.dataset.quizId), JSON.stringify({ version: 1, answers: readAnswers(quiz) }));
    } catch (error) {
      /* Storage full or blocked: the answers simply stay in the page. */
    }
  }

  function forget(quiz) {
    var store = storage();
    if (store) store.removeItem(storeKey(quiz.dataset.quizId));
  }

  function say(quiz, message) {
    var status = quiz.querySelector("[data-quiz-status]");
    if (status) status.textContent = message;
  }

  function showFeedback(question) {
    var chosen = question.querySelector("input:checked");
    var area = question.querySelector("[data-quiz-chosen]");
    if (!area) return;
    area.textContent = "";
    if (!chosen) return;
    var feedback = chosen.closest(".fb-quiz__option").querySelector("[data-quiz-feedback]");
    area.appendChild(feedback.cloneNode(true));
  }

  function clearResult(quiz) {
    var result = quiz.querySelector("[data-quiz-result]");
    if (result) result.textContent = "";
    quiz.removeAttribute("data-quiz-has-result");
  }

  function paragraph(text, className) {
    var element = document.createElement("p");
    if (className) element.className = className;
    element.textContent = text;
    return element;
  }

  function present(quiz, nodes) {
    var result = quiz.querySelector("[data-quiz-result]");
    result.textContent = "";
    nodes.forEach(function (node) {
      result.appendChild(node);
    });
    quiz.setAttribute("data-quiz-has-result", "");
    result.focus({ preventScroll: true });
    var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    result.scrollIntoView({ block: "nearest", behavior: still ? "auto" : "smooth" });
  }

  function askToFinish(quiz, message, firstOpen) {
    var result = quiz.querySelector("[data-quiz-result]");
    result.textContent = "";
    result.appendChild(paragraph(message));
    quiz.removeAttribute("data-quiz-has-result");
    var target = firstOpen.querySelector("input");
    if (target) target.focus();
  }

  function scoredResult(quiz, text) {
    var questions = Array.prototype.slice.call(quiz.querySelectorAll(".fb-quiz__question"));
    var score = 0;
    var highest = 0;
    var open = [];
    questions.forEach(function (question) {
      var inputs = Array.prototype.slice.call(question.querySelectorAll("input"));
      var checked = inputs.filter(function (input) {
        return input.checked;
      });
      if (quiz.dataset.quizType === "scale") {
        if (!checked.length) open.push(question);
        highest += Math.max.apply(null, inputs.map(function (input) { return Number(input.value); }));
        checked.forEach(function (input) { score += Number(input.value); });
      } else {
        highest += inputs.length;
        score += checked.length;
      }
    });
    if (open.length) return askToFinish(quiz, fill(text.unanswered, { count: open.length }), open[0]);
    var band = Array.prototype.slice.call(quiz.querySelectorAll("[data-quiz-band]")).filter(function (row) {
      return Number(row.dataset.low) <= score && score <= Number(row.dataset.high);
    })[0];
    var nodes = [paragraph(fill(text.your_score, { score: score, max: highest }), "fb-quiz__score")];
    if (band) {
      nodes.unshift(band.querySelector(".fb-quiz__band-title").cloneNode(true));
      nodes.push(band.querySelector(".fb-quiz__band-text").cloneNode(true));
    }
    present(quiz, nodes);
  }

  function choiceResult(quiz, text) {
    var questions = Array.prototype.slice.call(quiz.querySelectorAll("[data-quiz-question]"));
    var open = [];
    var best = 0;
    var total = 0;
    questions.forEach(function (question) {
      var chosen = question.querySelector("input:checked");
      if (!chosen) open.push(question);
      if (question.querySelector("[data-quiz-best]")) {
        total += 1;
        if (chosen && chosen.hasAttribute("data-quiz-best")) best += 1;
      }
    });
    if (open.length) return askToFinish(quiz, fill(text.choice_unanswered, { count: open.length }), open[0]);
    present(quiz, [paragraph(fill(text.choice_summary, { best: best, total: total }), "fb-quiz__score")]);
  }

  /* The one way to empty a quiz ("Start again", or "Clear my answers" for writing prompts): the
     answers, the result, and any copy kept on this device, which it stops keeping. */
  function clearAll(quiz) {
    writeAnswers(quiz, {});
    clearResult(quiz);
    quiz.querySelectorAll("[data-quiz-question]").forEach(showFeedback);
    var box = quiz.querySelector("[data-quiz-remember]");
    if (box) box.checked = false;
    forget(quiz);
    say(quiz, wording(quiz).cleared);
  }

  function setUp(quiz) {
    if (quiz.hasAttribute("data-quiz-ready")) return;
    var saved = storedAnswers(quiz.dataset.quizId);
    var box = quiz.querySelector("[data-quiz-remember]");
    if (saved && !box) forget(quiz);
    if (saved && box) {
      writeAnswers(quiz, saved);
      box.checked = true;
      quiz.querySelectorAll("[data-quiz-question]").forEach(showFeedback);
    }
    quiz.setAttribute("data-quiz-ready", "");
  }

  function setUpAll() {
    document.querySelectorAll(".fb-quiz[data-quiz-id]").forEach(setUp);
  }

  function quizOf(element) {
    return element instanceof Element ? element.closest(".fb-quiz[data-quiz-ready]") : null;
  }

  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("[data-quiz-action]") : null;
    var quiz = button && quizOf(button);
    if (!quiz) return;
    var action = button.getAttribute("data-quiz-action");
    var text = wording(quiz);
    if (action === "result") {
      if (quiz.dataset.quizType === "choice") choiceResult(quiz, text);
      else scoredResult(quiz, text);
    } else if (action === "clear") {
      clearAll(quiz);
    }
  });

  document.addEventListener("change", function (event) {
    var quiz = quizOf(event.target);
    if (!quiz) return;
    if (event.target.hasAttribute("data-quiz-remember")) {
      if (event.target.checked) keep(quiz);
      else forget(quiz);
      say(quiz, wording(quiz)[event.target.checked ? "remember_on" : "remember_off"]);
      return;
    }
    var question = event.target.closest("[data-quiz-question]");
    if (question) showFeedback(question);
    keep(quiz);
  });

  document.addEventListener("input", function (event) {
    var quiz = quizOf(event.target);
    if (quiz && event.target.tagName === "TEXTAREA") keep(quiz);
  });

  /* For other scripts of the site (such as a quick exit): empty every quiz and forget stored answers. */
  window.findingBalanceQuizzes = {
    clearAll: function () {
      document.querySelectorAll(".fb-quiz[data-quiz-id]").forEach(function (quiz) {
        writeAnswers(quiz, {});
        clearResult(quiz);
      });
      var store = storage();
      if (!store) return;
      for (var index = store.length - 1; index >= 0; index -= 1) {
        var key = store.key(index);
        if (key && key.indexOf(STORE_PREFIX) === 0) store.removeItem(key);
      }
    },
  };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUpAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
