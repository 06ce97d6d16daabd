// The site's own checks for Wagtail's content checker (editorial/accessibility_checks.py).
// Loaded right after Wagtail's userbar script, which starts axe once the page has loaded.
(() => {
  const userbar = document.querySelector("wagtail-userbar");
  if (!userbar || typeof userbar.registerCheck !== "function") {
    return;
  }

  const EDGE_PUNCTUATION = /^[\s.,:;!?…()"'“”‘’«»-]+|[\s.,:;!?…()"'“”‘’«»-]+$/g;

  // Passes when a link's text says where it goes. Empty links are axe's "link-name" rule.
  userbar.registerCheck("check-link-text-quality", (node, options) => {
    const text = (node.getAttribute("aria-label") || node.textContent || "")
      .replace(/\s+/g, " ")
      .replace(EDGE_PUNCTUATION, "");
    return !text || !new RegExp(options.pattern, "i").test(text);
  });
})();
