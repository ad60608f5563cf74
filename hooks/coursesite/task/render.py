"""A task as server-rendered HTML that works without JavaScript.

A form: the title, the prompt, a labelled <textarea> for the response, one
fieldset per rubric criterion (its legend the criterion, a radio button per
level whose label is the level and its descriptor), and the model answer in a
"Model answer" disclosure. task/task.js enhances it: it keeps the response as
the learner types, shows the (hidden) "Save my self-score" button, hides the
model answer until the learner has scored their response, and speaks in the
status region that exists from the start.

Author text is set as element text, so the page's inline patterns render its
Markdown; the extension then turns raw HTML in it back into text.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown.util import AtomicString

from ..quiz.render import NOT_SEARCHED, Chunk, _fixed, _markdown, _sub
from .model import Task

MAX_LENGTH = 10000  # characters of a response; the progress record refuses longer ones (record.js)


def _criterion(form: Element, task: Task, number: int) -> None:
    criterion = task.criteria[number]
    base = f"lms-task-{task.id}-{number + 1}"
    fieldset = _sub(form, "fieldset", {"class": "lms-task__criterion", "data-lms-criterion": criterion.key})
    _sub(fieldset, "legend", {}, criterion.name)
    levels = _sub(fieldset, "ul", {"class": "lms-task__levels"})
    for index, (level, key) in enumerate(zip(task.levels, task.level_keys, strict=True), start=1):
        item = _sub(levels, "li", {})
        _sub(item, "input", {"type": "radio", "id": f"{base}-{index}", "name": base, "value": key})
        label = _sub(item, "label", {"for": f"{base}-{index}"})
        _sub(label, "strong", {}, level).tail = AtomicString(": ")
        _sub(label, "span", {}, criterion.descriptors[index - 1])


def render_task(task: Task, chunk: Chunk) -> Element:
    base = f"lms-task-{task.id}"
    form = Element(
        "form",
        {
            "class": "lms-task",
            "id": base,
            "data-lms-task": task.id,
            "autocomplete": "off",
            "aria-labelledby": f"{base}-title",
        },
    )
    title = _sub(form, "p", {"class": "lms-task__title", "id": f"{base}-title"})
    _fixed(title, "span", "Task: ", {"class": "lms-task__kind"}).tail = task.title
    _markdown(form, task.prompt, chunk, {"class": "lms-task__prompt"})
    _fixed(_sub(form, "p", {"class": "lms-task__label"}), "label", "Your response", {"for": f"{base}-response"})
    response = _sub(
        form,
        "textarea",
        {
            "id": f"{base}-response",
            "name": "response",
            "rows": "8",
            "maxlength": str(MAX_LENGTH),
            "aria-describedby": f"{base}-note",
            NOT_SEARCHED: "",
        },
    )
    response.text = AtomicString("")
    _fixed(
        form,
        "p",
        "Your response is not saved: this page needs JavaScript to keep it.",
        {"class": "lms-task__note", "id": f"{base}-note", "data-lms-task-note": ""},
    )
    rubric = _sub(form, "div", {"class": "lms-task__rubric", NOT_SEARCHED: ""})
    _fixed(
        rubric,
        "p",
        "Score your response: for each criterion, choose the level that describes it best.",
        {"class": "lms-task__instruction"},
    )
    for number in range(len(task.criteria)):
        _criterion(rubric, task, number)
    _fixed(
        _sub(form, "p", {}),
        "button",
        "Save my self-score",
        {"type": "submit", "class": "md-button", "hidden": "hidden"},
    )
    _sub(form, "p", {"class": "lms-task__status", "role": "status", "data-lms-task-status": ""})
    _fixed(
        _sub(form, "p", {}),
        "button",
        "Download my response",
        {"type": "button", "class": "md-button", "data-lms-task-download": "", "hidden": "hidden"},
    )
    if task.model_answer:
        details = _sub(form, "details", {"class": "lms-task__model", "data-lms-task-model": "", NOT_SEARCHED: ""})
        _fixed(details, "summary", "Model answer")
        _markdown(details, task.model_answer, chunk, {"class": "lms-task__model-text"})
    return form
