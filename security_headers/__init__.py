"""Response headers that tell browsers what a page may load and do (see docs/security.md)."""
