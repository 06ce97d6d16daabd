/*
 * Suggestions as you type, for the site's search boxes (forms with data-suggest-url).
 *
 * Progressive enhancement: without this script each form simply submits to /search/. With it,
 * the input becomes an ARIA combobox (WAI-ARIA Authoring Practices, "list autocomplete"):
 * - typing asks /search/suggest/?q= (debounced) and lists matching pages in a listbox;
 * - Down and Up move through the suggestions (aria-activedescendant; focus stays in the box);
 *   Alt+Down opens the list without choosing, Alt+Up closes it;
 * - Left, Right, Home, End and typing go back to editing the text (no suggestion chosen);
 * - Enter on a suggestion opens it; Enter with none chosen runs the full search;
 * - Escape closes the list, or clears the box if the list is already closed;
 * - a polite live region says how many suggestions there are.
 * No dependencies; no inline styles (the Content Security Policy forbids them).
 */
(function () {
    "use strict";

    var DEBOUNCE_MS = 250;
    var MIN_LENGTH = 2;
    var instances = 0;

    function enhance(form) {
        var input = form.querySelector("input[name='q']");
        if (!input || input.getAttribute("role") === "combobox") {
            return;
        }
        instances += 1;
        var listId = "search-suggest-list-" + instances;
        var messages = {
            none: form.getAttribute("data-suggest-none") || "",
            one: form.getAttribute("data-suggest-one") || "",
            many: form.getAttribute("data-suggest-many") || "",
        };

        var list = document.createElement("ul");
        list.id = listId;
        list.className = "search-suggest__list";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", form.getAttribute("data-suggest-label") || "");
        list.hidden = true;

        var status = document.createElement("div");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        status.setAttribute("aria-live", "polite");
        status.setAttribute("aria-atomic", "true");

        var row = input.parentNode;
        row.parentNode.insertBefore(list, row.nextSibling);
        form.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);
        input.setAttribute("autocomplete", "off");

        var suggestions = [];
        var active = -1;
        var timer = null;
        var controller = null;
        var lastAsked = "";

        function announce(count) {
            var text;
            if (count === 0) {
                text = messages.none;
            } else if (count === 1) {
                text = messages.one;
            } else {
                text = messages.many.replace("{count}", String(count));
            }
            // Changing the text, even to the same words, makes screen readers say it again.
            status.textContent = "";
            window.setTimeout(function () {
                status.textContent = text;
            }, 50);
        }

        function setActive(index) {
            var options = list.querySelectorAll("[role='option']");
            active = index;
            for (var i = 0; i < options.length; i += 1) {
                options[i].setAttribute("aria-selected", i === index ? "true" : "false");
            }
            if (index >= 0 && options[index]) {
                input.setAttribute("aria-activedescendant", options[index].id);
                if (options[index].scrollIntoView) {
                    options[index].scrollIntoView({ block: "nearest" });
                }
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            setActive(-1);
        }

        function open() {
            if (suggestions.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
            }
        }

        function go(index) {
            var suggestion = suggestions[index];
            if (suggestion && suggestion.url) {
                window.location.assign(suggestion.url);
            }
        }

        function render(items) {
            suggestions = items;
            list.textContent = "";
            items.forEach(function (item, index) {
                var option = document.createElement("li");
                option.id = listId + "-option-" + index;
                option.className = "search-suggest__option";
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                var title = document.createElement("span");
                title.className = "search-suggest__title";
                title.textContent = item.title;
                if (item.lang) {
                    title.lang = item.lang; // an English title on a page in another language
                }
                option.appendChild(title);
                if (item.type) {
                    var type = document.createElement("span");
                    type.className = "search-suggest__type";
                    type.textContent = item.type;
                    option.appendChild(type);
                }
                // mousedown would move focus out of the box before the click lands.
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                });
                option.addEventListener("click", function () {
                    go(index);
                });
                list.appendChild(option);
            });
            setActive(-1);
            if (items.length) {
                open();
            } else {
                close();
            }
            announce(items.length);
        }

        function ask(text) {
            if (controller) {
                controller.abort();
            }
            controller = "AbortController" in window ? new AbortController() : null;
            var url = form.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(text);
            fetch(url, {
                headers: { Accept: "application/json" },
                credentials: "same-origin",
                signal: controller ? controller.signal : undefined,
            })
                .then(function (response) {
                    return response.ok ? response.json() : { suggestions: [] };
                })
                .then(function (data) {
                    if (input.value.trim() === text && document.activeElement === input) {
                        render(Array.isArray(data.suggestions) ? data.suggestions : []);
                    }
                })
                .catch(function () {
                    /* Aborted or offline: the form still works without suggestions. */
                });
        }

        input.addEventListener("input", function () {
            var text = input.value.trim();
            window.clearTimeout(timer);
            setActive(-1);
            if (text.length < MIN_LENGTH) {
                lastAsked = "";
                suggestions = [];
                list.textContent = "";
                close();
                return;
            }
            timer = window.setTimeout(function () {
                if (text !== lastAsked) {
                    lastAsked = text;
                    ask(text);
                } else {
                    open();
                }
            }, DEBOUNCE_MS);
        });

        input.addEventListener("keydown", function (event) {
            var count = suggestions.length;
            switch (event.key) {
                case "ArrowDown":
                case "Down":
                    if (!count) {
                        return;
                    }
                    event.preventDefault();
                    open();
                    if (!event.altKey) {
                        setActive(active + 1 >= count ? 0 : active + 1);
                    }
                    break;
                case "ArrowUp":
                case "Up":
                    if (!count) {
                        return;
                    }
                    event.preventDefault();
                    if (event.altKey) {
                        close();
                    } else {
                        open();
                        setActive(active <= 0 ? count - 1 : active - 1);
                    }
                    break;
                case "ArrowLeft":
                case "Left":
                case "ArrowRight":
                case "Right":
                case "Home":
                case "End":
                    // The cursor moves in the text as usual; the list stays open.
                    setActive(-1);
                    break;
                case "Enter":
                    if (!list.hidden && active >= 0) {
                        event.preventDefault();
                        go(active);
                    }
                    // Otherwise the form submits: the full search.
                    break;
                case "Escape":
                case "Esc":
                    // Also forget a request on its way, so the list does not reopen by itself.
                    window.clearTimeout(timer);
                    if (controller) {
                        controller.abort();
                    }
                    if (!list.hidden) {
                        event.preventDefault();
                        close();
                    } else if (input.value) {
                        event.preventDefault();
                        input.value = "";
                        lastAsked = "";
                        suggestions = [];
                    }
                    break;
                case "Tab":
                    close();
                    break;
                default:
                    break;
            }
        });

        input.addEventListener("blur", function () {
            close();
        });

        input.addEventListener("focus", function () {
            if (suggestions.length && input.value.trim() === lastAsked) {
                open();
            }
        });
    }

    function start() {
        if (!("fetch" in window)) {
            return;
        }
        var forms = document.querySelectorAll("form[data-suggest-url]");
        for (var i = 0; i < forms.length; i += 1) {
            enhance(forms[i]);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
