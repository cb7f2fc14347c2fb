// Kernel-free questions: each choice of a {quiz} block becomes a button; a click shows
// the feedback written for that choice. Nothing leaves the page.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".mfml-quiz").forEach(function (quiz) {
    var live = quiz.querySelector(".mfml-quiz-feedback");
    live.setAttribute("aria-live", "polite");
    quiz.querySelectorAll("li.mfml-quiz-choice").forEach(function (item, i) {
      var why = item.querySelector(".mfml-quiz-why");
      var text = item.querySelector("p");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "mfml-quiz-button";
      button.setAttribute("aria-pressed", "false");
      // a name screen readers can say, even when the choice is only mathematics
      var said = (text.textContent || "").replace(/\\[()\[\]]/g, "").replace(/\s+/g, " ").trim();
      button.setAttribute("aria-label", "Choice " + "abcdefgh"[i] + ": " + said);
      while (text.firstChild) button.appendChild(text.firstChild);
      text.replaceWith(button);
      button.addEventListener("click", function () {
        var right = item.classList.contains("mfml-quiz-right");
        quiz.querySelectorAll(".mfml-quiz-why").forEach(function (w) { w.hidden = true; });
        quiz.querySelectorAll(".mfml-quiz-button").forEach(function (b) {
          b.setAttribute("aria-pressed", "false");
        });
        button.setAttribute("aria-pressed", "true");
        item.classList.add(right ? "mfml-quiz-picked-right" : "mfml-quiz-picked-wrong");
        why.hidden = false;
        live.textContent = right ? "Right." : "Not quite: read why, then try another.";
        live.className = "mfml-quiz-feedback " + (right ? "is-right" : "is-wrong");
      });
      why.hidden = true;
    });
  });
});
