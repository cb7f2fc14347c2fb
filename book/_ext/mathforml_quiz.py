"""Questions a reader answers on the page itself: no kernel, no server, no other host.

A ``{quiz}`` block is a question with choices, each with the feedback a reader gets on
picking it::

    ```{quiz} Which of these maps is linear?
    :label: quiz-linear-map
    - $f(x) = 2x + 1$
      > Not linear: $f(0) = 1$, and a linear map sends 0 to 0.
    - [x] $f(x) = -3x$
      > Right: $f(a x + b y) = a f(x) + b f(y)$.
    ```

``- [x]`` marks the right choice (exactly one); the ``>`` lines under a choice are its
feedback (Markdown and math). On the web the choices are buttons; a small script shows
the feedback of the one clicked. In the PDF the question prints with lettered choices,
and a ``{quiz-answers}`` block (on an appendix page) lists every question's answer with
its explanation. The Colab converter (``scripts/colab.py``) turns the block into a list
with the answer in a folded ``<details>``.
"""

from __future__ import annotations

import copy
import re

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

CHOICE = re.compile(r"^- (\[x\] )?(.*)$")
LETTERS = "abcdefgh"


class quiz_answers(nodes.General, nodes.Element):
    """Placeholder for the list of answers, filled when references are resolved."""


def parse_choices(lines: list[str]) -> list[dict]:
    """``- [x] text`` / ``  > feedback`` lines into [{text, correct, why}]."""
    choices: list[dict] = []
    for line in lines:
        m = CHOICE.match(line)
        if m:
            choices.append({"text": m.group(2).strip(), "correct": bool(m.group(1)), "why": []})
        elif line.strip().startswith(">") and choices:
            choices[-1]["why"].append(line.strip()[1:].strip())
        elif line.strip() and choices and not choices[-1]["why"]:
            choices[-1]["text"] += " " + line.strip()      # a choice's text goes on
        elif line.strip():
            raise ValueError(f"a quiz block holds only choices ('- ...'); got {line!r}")
    return choices


class Quiz(SphinxDirective):
    has_content = True
    required_arguments = 1
    final_argument_whitespace = True
    option_spec = {"label": lambda x: x.strip()}

    def parse_inline(self, text: str) -> list[nodes.Node]:
        holder = nodes.container()
        self.state.nested_parse(StringList([text], self.get_source_info()[0]),
                                self.content_offset, holder)
        if len(holder) == 1 and isinstance(holder[0], nodes.paragraph):
            return list(holder[0].children)
        return list(holder.children)

    def run(self):
        label = self.options.get("label")
        if not label:
            raise self.error("a quiz needs a :label: (quiz-<page>-<topic>)")
        try:
            choices = parse_choices(list(self.content))
        except ValueError as err:
            raise self.error(str(err)) from None
        if len(choices) < 2 or sum(c["correct"] for c in choices) != 1:
            raise self.error(f"quiz {label}: give at least two choices, exactly one marked "
                             f"'- [x]'; got {len(choices)} choices, "
                             f"{sum(c['correct'] for c in choices)} marked")
        if any(not c["why"] for c in choices):
            raise self.error(f"quiz {label}: every choice needs its feedback ('  > ...')")
        env = self.env
        count = env.temp_data.get("mfml_quiz_count", 0) + 1
        env.temp_data["mfml_quiz_count"] = count

        box = nodes.container(classes=["mfml-quiz"], ids=[label])
        box["names"].append(label)
        self.state.document.note_explicit_target(box)
        title = nodes.paragraph(classes=["mfml-quiz-title"])
        title += nodes.strong(text=f"Check yourself {count}. ")
        title += self.parse_inline(self.arguments[0])
        box += title
        items = nodes.enumerated_list(enumtype="loweralpha", classes=["mfml-quiz-choices"])
        answer = None
        for i, choice in enumerate(choices):
            item = nodes.list_item(classes=["mfml-quiz-choice", "mfml-quiz-right"
                                            if choice["correct"] else "mfml-quiz-wrong"])
            para = nodes.paragraph()
            para += self.parse_inline(choice["text"])
            item += para
            why = nodes.container(classes=["mfml-quiz-why"])
            self.state.nested_parse(StringList(choice["why"], self.get_source_info()[0]),
                                    self.content_offset, why)
            item += why
            items += item
            if choice["correct"]:
                answer = (LETTERS[i], copy.deepcopy(why.children))
        box += items
        box += nodes.container(classes=["mfml-quiz-feedback"])
        env.mfml_quizzes = getattr(env, "mfml_quizzes", {})
        env.mfml_quizzes.setdefault(env.docname, []).append(
            {"label": label, "number": count, "letter": answer[0], "why": answer[1]})
        return [box]


class QuizAnswers(SphinxDirective):
    def run(self):
        return [quiz_answers()]


def _plain(children):
    """Answer nodes without unresolved references (they are copied after resolution)."""
    out = []
    for child in children:
        child = child.deepcopy()
        for ref in list(child.findall(lambda n: n.tagname == "pending_xref")):
            ref.replace_self(nodes.Text(ref.astext()))
        out.append(child)
    return out


def _ordered_docs(env) -> list[str]:
    order, seen = [], set()

    def walk(doc):
        if doc in seen:
            return
        seen.add(doc)
        order.append(doc)
        for child in env.toctree_includes.get(doc, []):
            walk(child)

    walk(env.config.root_doc)
    return order


def _answers_section(env, entries) -> list[nodes.Node]:
    out = []
    for doc, quizzes in entries:
        title = env.titles[doc].astext() if doc in env.titles else doc
        head = nodes.paragraph()
        head += nodes.strong(text=title)
        out.append(head)
        items = nodes.bullet_list()
        for q in quizzes:
            item = nodes.list_item()
            para = nodes.paragraph()
            para += nodes.Text(f"Check yourself {q['number']}: ({q['letter']}). ")
            item += para
            item += _plain(q["why"])
            items += item
        out.append(items)
    return out or [nodes.paragraph(text="(No questions yet.)")]


def _resolved(app, doctree, docname):
    env = app.env
    quizzes = getattr(env, "mfml_quizzes", {})
    if app.builder.format != "html":
        # the PDF: no feedback next to the question; the answers go to the appendix
        for why in list(doctree.findall(nodes.container)):
            if "mfml-quiz-why" in why["classes"] or "mfml-quiz-feedback" in why["classes"]:
                why.parent.remove(why)
    for placeholder in list(doctree.findall(quiz_answers)):
        entries = [(doc, quizzes[doc]) for doc in _ordered_docs(env) if quizzes.get(doc)]
        placeholder.replace_self(_answers_section(env, entries))


def _purge(app, env, docname):
    if hasattr(env, "mfml_quizzes"):
        env.mfml_quizzes.pop(docname, None)


def _merge(app, env, docnames, other):
    env.mfml_quizzes = getattr(env, "mfml_quizzes", {})
    for doc in docnames:
        if doc in getattr(other, "mfml_quizzes", {}):
            env.mfml_quizzes[doc] = other.mfml_quizzes[doc]


def _visit_quiz_answers(self, node):
    raise nodes.SkipNode


def setup(app):
    app.add_node(quiz_answers, html=(_visit_quiz_answers, None),
                 latex=(_visit_quiz_answers, None), text=(_visit_quiz_answers, None))
    app.add_directive("quiz", Quiz)
    app.add_directive("quiz-answers", QuizAnswers)
    app.connect("doctree-resolved", _resolved)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.add_js_file("mathforml-quiz.js", loading_method="defer")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
